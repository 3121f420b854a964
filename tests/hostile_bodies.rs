//! Memory under hostile bodies: the local server binary, sent the worst bodies a caller can
//! build (1 MiB each, the server's limit; 4 at once), grows its peak memory (VmHWM, Linux) by
//! less than 16 MB over its idle high-water mark while the caller is not known to be allowed to
//! do what they ask (a `user`-role member, an admin of another tenant, no session at all), and
//! for the bodies an admin is refused (400, 413). An admin's batch of 1,000 rows, all created,
//! with the largest defaults the contract allows, grows it by less than 64 MB.
//!
//! `cargo build -p local && cargo test -p integration-tests --test hostile_bodies -- --nocapture`
//! (`LOCAL_SERVER_BINARY=target/release/local` to measure a release build). Measured on the
//! 2-core development machine, debug build, three runs, growth of the peak:
//! - before (7a6df32; one request on a fresh server, from a `user` member, answered 403 or 413
//!   only after it was read): 20 rows with 1 MiB of default teams +213 MB (every row took its
//!   own copy: 1,000 rows would be ~10 GB); 1 MiB of CSV lines +221 MB; a CSV header of 1 MiB
//!   of commas +70 MB; half a million `0`s as rows +45 MB; an edit with 1 MiB of teams, from
//!   callers without the right, 4 at once +45 MB;
//! - now: the 40 requests of callers without the right, 4 at once: +0.1 to +4 MB; the 9 bodies
//!   an admin is refused, 4 at once: +7 to +11 MB (a 1 MiB nesting is read three times to name
//!   its fault); an admin's 1,000 rows of 1 KiB: +19 to +27 MB; 1,000 rows with the largest
//!   defaults: +25 to +41 MB (the 1,000 members stay in the local store's memory). The idle
//!   peak is 36 to 40 MB, about 60 MB once the server has read 1 MiB bodies.
//!
//! The server is set up by a first process and measured in a second one started on the same
//! data: setting up runs Argon2 (19 MiB a hash), and the memory a hash leaves behind (the local
//! server keeps freed memory) would hide that much growth. Before measuring, the server reads
//! 1 MiB bodies that cost nothing more (its allocator's first large blocks), so that what is
//! measured is what a body costs beyond its bytes. No timing is asserted.

// Peak memory is read from /proc/PID/status.
#![cfg(target_os = "linux")]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::StreamExt;
use serde_json::{Value, json};

const PASSWORD: &str = "correct horse battery staple";
const MIB: usize = 1024 * 1024;
/// Peak growth allowed, in KiB, while the caller is not known to be allowed (and for the bodies
/// an admin is refused, which are refused before any row is built).
const UNAUTHORISED_BUDGET_KIB: u64 = 16 * 1024;
/// Peak growth allowed, in KiB, for an admin's batch of 1,000 rows, all of them created.
const ADMIN_BUDGET_KIB: u64 = 64 * 1024;
/// Requests in flight at once.
const PARALLEL: usize = 4;

struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// (peak, current) resident memory in KiB.
    fn memory(&self) -> (u64, u64) {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .expect("/proc/PID/status (Linux)");
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
                .unwrap_or_else(|| panic!("{name} in {status}"))
        };
        (field("VmHWM:"), field("VmRSS:"))
    }
}

/// The local server binary: `target/debug/local` beside this test, or `LOCAL_SERVER_BINARY`
/// (to measure a release build: `LOCAL_SERVER_BINARY=target/release/local`).
fn binary() -> PathBuf {
    let path = std::env::var_os("LOCAL_SERVER_BINARY")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let exe = std::env::current_exe().expect("current exe");
            exe.parent()
                .and_then(|d| d.parent())
                .expect("target dir")
                .join("local")
        });
    assert!(
        path.exists(),
        "{} is not built: run `cargo build -p local` first",
        path.display()
    );
    path
}

async fn start(data: &Path, env: &[(&str, &str)]) -> Server {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut command = Command::new(binary());
    command
        .env("PORT", port.to_string())
        .env("DATA_DIR", data)
        .env("RUST_LOG", "warn")
        .env_remove("ACCEPT_URL_BASE")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    for (k, v) in env {
        command.env(k, v);
    }
    let server = Server {
        child: command.spawn().expect("start the local server"),
        base: format!("http://127.0.0.1:{port}"),
    };
    let client = reqwest::Client::new();
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(60) {
        if let Ok(r) = client.get(format!("{}/healthz", server.base)).send().await {
            if r.status().is_success() {
                return server;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the local server did not start on port {port}");
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(600))
        .build()
        .unwrap()
}

async fn post(base: &str, path: &str, token: Option<&str>, body: Value) -> (u16, Value) {
    let mut req = client().post(format!("{base}{path}")).json(&body);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let r = req.send().await.expect("request");
    (r.status().as_u16(), r.json().await.unwrap_or(Value::Null))
}

/// The tenant the bodies are aimed at, and three sessions.
struct Setup {
    tenant: String,
    admin_user: String,
    admin: String,
    reader: String,
    outsider: String,
    products: Vec<String>,
}

/// A tenant with the most products a tenant may have (50 of 64 characters), its admin, a
/// `user`-role member who accepted their invitation, and the admin of another tenant.
async fn set_up(base: &str) -> Setup {
    let products: Vec<String> = (0..50)
        .map(|i| format!("{i:02}{}", "p".repeat(62)))
        .collect();
    let new_tenant = |name: &str, admin: &str| {
        json!({"name": name, "products": products, "sms_countries": ["ES"],
               "admin": {"email": admin, "password": PASSWORD, "first_name": "Ada", "last_name": "Admin"}})
    };
    let (s, t) = post(
        base,
        "/dev/tenants",
        None,
        new_tenant("Hotel Hostile", "admin@hostile.example"),
    )
    .await;
    assert_eq!(s, 201, "{t}");
    let (tenant, admin, admin_user) = (
        t["tenant_id"].as_str().unwrap().to_string(),
        t["token"].as_str().unwrap().to_string(),
        t["admin_user_id"].as_str().unwrap().to_string(),
    );
    let (s, other) = post(
        base,
        "/dev/tenants",
        None,
        new_tenant("Hotel Elsewhere", "admin@elsewhere.example"),
    )
    .await;
    assert_eq!(s, 201, "{other}");
    let (s, m) = post(
        base,
        &format!("/v1/tenants/{tenant}/invitations"),
        Some(&admin),
        json!({"email": "reader@hostile.example", "role": "user"}),
    )
    .await;
    assert_eq!(s, 201, "{m}");
    let outbox: Value = client()
        .get(format!("{base}/dev/outbox?to=reader@hostile.example"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let text = outbox["messages"][0]["text"]
        .as_str()
        .expect("the invitation");
    let link: String = text[text.find("#token=").expect("a link") + 7..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let (s, a) = post(
        base,
        "/v1/invitations/accept",
        None,
        json!({"token": link, "first_name": "Rita", "last_name": "Reader", "password": PASSWORD}),
    )
    .await;
    assert_eq!(s, 200, "{a}");
    let (s, signed_in) = post(
        base,
        "/v1/sessions",
        None,
        json!({"email": "reader@hostile.example", "password": PASSWORD}),
    )
    .await;
    assert_eq!(s, 200, "{signed_in}");
    Setup {
        tenant,
        admin_user,
        admin,
        reader: signed_in["token"].as_str().unwrap().to_string(),
        outsider: other["token"].as_str().unwrap().to_string(),
        products,
    }
}

/// A body of exactly `MIB` bytes or less: `head`, then `item` repeated, then `tail`.
fn filled(head: &str, item: &str, last: &str, tail: &str) -> String {
    let room = MIB - head.len() - last.len() - tail.len();
    let mut body = String::with_capacity(MIB);
    body.push_str(head);
    body.push_str(&item.repeat(room / item.len()));
    body.push_str(last);
    body.push_str(tail);
    assert!(body.len() <= MIB);
    body
}

fn minimal_rows(prefix: &str, n: usize) -> String {
    (0..n)
        .map(|i| format!(r#"{{"email":"{prefix}{i}@hostile.example"}}"#))
        .collect::<Vec<_>>()
        .join(",")
}

/// 1,000 rows of about 1 KiB each, every field filled (the body's limit allows no more).
fn maximal_rows(products: &[String]) -> String {
    let rows: Vec<Value> = (0..1000)
        .map(|i| {
            json!({
                "email": format!("row-{i:04}-{}@hostile.example", "m".repeat(20)),
                "phone": format!("+34600000{i:03}"),
                "first_name": format!("{i:04}{}", "F".repeat(96)),
                "last_name": "L".repeat(100),
                "role": "team_leader",
                "teams": (0..3).map(|t| format!("{t}{}", "t".repeat(63))).collect::<Vec<_>>(),
                "products": &products[..2],
                "shortcode": format!("R{i:04}"),
                "employment": {"department": "D".repeat(100), "job_title": "J".repeat(100)},
                "channels": ["email"],
            })
        })
        .collect();
    let body = json!({ "invitees": rows }).to_string();
    assert!(body.len() <= MIB, "{} bytes", body.len());
    body
}

/// 1,000 rows and the largest defaults the contract allows, copied into every row.
fn largest_defaults(products: &[String]) -> String {
    let body = json!({
        "invitees": (0..1000).map(|i| json!({"email": format!("d{i}@hostile.example")})).collect::<Vec<_>>(),
        "role": "team_leader",
        "teams": (0..50).map(|t| format!("{t:02}{}", "t".repeat(62))).collect::<Vec<_>>(),
        "products": products,
        "channels": ["email"],
        "employment": {
            "department": "D".repeat(100),
            "job_title": "J".repeat(100),
            "extra": (0..20).map(|k| (format!("{k:02}{}", "k".repeat(38)), Value::from("v".repeat(100)))).collect::<serde_json::Map<_, _>>(),
        },
    })
    .to_string();
    assert!(body.len() <= MIB);
    body
}

struct Hostile {
    name: &'static str,
    method: reqwest::Method,
    path: String,
    content_type: &'static str,
    body: Arc<String>,
}

/// The worst bodies we could build, each at most 1 MiB (the server's limit).
fn hostile(setup: &Setup) -> Vec<Hostile> {
    let batch = format!("/v1/tenants/{}/invitations/batch", setup.tenant);
    let one = format!("/v1/tenants/{}/invitations", setup.tenant);
    let edit = format!("/v1/tenants/{}/users/{}", setup.tenant, setup.admin_user);
    let post = reqwest::Method::POST;
    let rows = minimal_rows("h", 1000);
    let extra: String = (0..MIB / 16)
        .map(|k| format!(r#""k{k:06}":"","#))
        .collect::<String>();
    let extra = format!(
        r#"{{"invitees":[{{"email":"x@hostile.example"}}],"employment":{{"extra":{{{}"k":""}}}}}}"#,
        &extra[..extra.len().min(MIB - 100)]
    );
    let body = |name, method: &reqwest::Method, path: &String, content_type, body: String| {
        assert!(body.len() <= MIB, "{name}: {} bytes", body.len());
        Hostile {
            name,
            method: method.clone(),
            path: path.clone(),
            content_type,
            body: Arc::new(body),
        }
    };
    vec![
        body(
            "1,000 rows and 1 MiB of default teams",
            &post,
            &batch,
            "application/json",
            filled(
                &format!(r#"{{"invitees":[{rows}],"teams":["#),
                r#""","#,
                r#""""#,
                "]}",
            ),
        ),
        body(
            "1 MiB of default employment fields",
            &post,
            &batch,
            "application/json",
            extra,
        ),
        body(
            "1 MiB of CSV lines",
            &post,
            &batch,
            "text/csv",
            filled("", "a\n", "", ""),
        ),
        body(
            "a CSV header of 1 MiB of columns",
            &post,
            &batch,
            "text/csv",
            filled("email", ",", "", "\nana@hostile.example\n"),
        ),
        body(
            "1 MiB of nested arrays",
            &post,
            &batch,
            "application/json",
            filled("", "[", "", ""),
        ),
        body(
            "1 MiB of nested rows",
            &post,
            &batch,
            "application/json",
            filled(r#"{"invitees":"#, "[", "", ""),
        ),
        body(
            "half a million tiny rows",
            &post,
            &batch,
            "application/json",
            filled(r#"{"invitees":["#, "0,", "0", "]}"),
        ),
        body(
            "1,000 rows of 1 KiB",
            &post,
            &batch,
            "application/json",
            maximal_rows(&setup.products),
        ),
        body(
            "one invitation with 1 MiB of teams",
            &post,
            &one,
            "application/json",
            filled(
                r#"{"email":"one@hostile.example","teams":["#,
                r#""","#,
                r#""""#,
                "]}",
            ),
        ),
        body(
            "an edit with 1 MiB of teams",
            &reqwest::Method::PATCH,
            &edit,
            "application/json",
            filled(r#"{"teams":["#, r#""","#, r#""""#, "]}"),
        ),
    ]
}

/// Sends one body; a transport error is `(0, "closed")`.
async fn send(base: &str, h: &Hostile, token: Option<&str>) -> (u16, String, Value) {
    let mut req = client()
        .request(h.method.clone(), format!("{base}{}", h.path))
        .header("content-type", h.content_type)
        .body(h.body.as_str().to_string());
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let Ok(r) = req.send().await else {
        return (0, "closed".into(), Value::Null);
    };
    let status = r.status().as_u16();
    let body: Value = r.json().await.unwrap_or(Value::Null);
    (
        status,
        body["code"].as_str().unwrap_or("").to_string(),
        body,
    )
}

/// Sends every (body, caller) pair, `PARALLEL` at a time, and checks each answer. Without a
/// session, the server answers 401 before it reads the body, and may close the connection
/// while the body is still on its way: the client may then see the connection closed.
async fn barrage<'a>(
    base: &str,
    requests: impl IntoIterator<Item = (&'a Hostile, Option<&'a str>, u16, &'static str)>,
) -> Vec<Value> {
    futures::stream::iter(requests)
        .map(|(h, token, status, code)| async move {
            let (s, c, body) = send(base, h, token).await;
            let closed_early = token.is_none() && s == 0;
            assert!(
                (s, c.as_str()) == (status, code) || closed_early,
                "{}: {s} {c} (expected {status} {code}): {}",
                h.name,
                body.to_string().chars().take(300).collect::<String>()
            );
            body
        })
        .buffer_unordered(PARALLEL)
        .collect()
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_bodies_cost_little_memory_until_the_caller_is_known_to_be_allowed() {
    let data = std::env::temp_dir().join(format!("invitations-hostile-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&data).unwrap();
    // No demo tenant: making one (or checking its password) runs Argon2 at start.
    std::fs::write(data.join("demo-admin.json"), "{}").unwrap();
    let setup = {
        let first = start(&data, &[]).await;
        set_up(&first.base).await
    };
    let server = start(&data, &[("LIMIT_INVITES_PER_INVITER_PER_DAY", "1000000")]).await;
    let base = server.base.as_str();
    let bodies = hostile(&setup);

    // Warm up: every route and error path with small bodies, and 1 MiB bodies that are
    // read but cost nothing more (a 1 MiB token to preview), `PARALLEL` at once. What is
    // measured is then what the hostile bodies cost beyond any large body, not the first use
    // of the code (its pages, lazily built tables, each worker's first large allocations).
    let batch = format!("/v1/tenants/{}/invitations/batch", setup.tenant);
    let small = |name, content_type, body: &str| Hostile {
        name,
        method: reqwest::Method::POST,
        path: batch.clone(),
        content_type,
        body: Arc::new(body.to_string()),
    };
    let warm = [
        small(
            "warm json",
            "application/json",
            r#"{"invitees":[{"email":"w@hostile.example"}],"teams":["x"]}"#,
        ),
        small("warm csv", "text/csv", "a\nb\n"),
        small("warm deep", "application/json", "[[[["),
    ];
    let cold = server.memory().0;
    let large = Hostile {
        name: "a 1 MiB token to preview",
        method: reqwest::Method::POST,
        path: "/v1/invitations/preview".into(),
        content_type: "application/json",
        body: Arc::new(filled(r#"{"token":""#, "x", "", r#""}"#)),
    };
    for _ in 0..3 {
        for w in &warm {
            for token in [
                Some(setup.reader.as_str()),
                Some(setup.outsider.as_str()),
                None,
            ] {
                send(base, w, token).await;
            }
        }
        barrage(
            base,
            vec![(&large, None, 404, "invitation_invalid"); PARALLEL * 2],
        )
        .await;
    }
    let (idle, idle_rss) = server.memory();

    // Each body from every caller without the right at once (the `user` member twice), body
    // after body: the peak after each shows which body costs what.
    for h in &bodies {
        let before = server.memory().0;
        barrage(
            base,
            [
                (h, Some(setup.reader.as_str()), 403, "forbidden"),
                (h, Some(setup.outsider.as_str()), 404, "not_found"),
                (h, None, 401, "unauthenticated"),
                (h, Some(setup.reader.as_str()), 403, "forbidden"),
            ],
        )
        .await;
        let after = server.memory().0;
        eprintln!("{:>40}: +{} KiB", h.name, after - before);
    }
    let (after_unauthorised, rss) = server.memory();
    let unauthorised_growth = after_unauthorised.saturating_sub(idle);
    eprintln!(
        "idle: peak {cold} KiB, {idle} KiB after 1 MiB bodies (resident {idle_rss} KiB); after {} bodies from callers without the right: peak {after_unauthorised} KiB (resident {rss} KiB), +{unauthorised_growth} KiB",
        bodies.len() * 4
    );
    assert!(
        unauthorised_growth < UNAUTHORISED_BUDGET_KIB,
        "callers without the right grew the server's peak memory by {unauthorised_growth} KiB"
    );

    // An admin's bodies that break the limits are refused before rows are built: as cheap,
    // `PARALLEL` at a time.
    let admin = Some(setup.admin.as_str());
    let refused: Vec<_> = bodies
        .iter()
        .filter_map(|h| {
            let (status, code) = match h.name {
                "1,000 rows of 1 KiB" => return None,
                "1 MiB of CSV lines" | "half a million tiny rows" => (413, "batch_too_large"),
                "1 MiB of nested arrays" | "1 MiB of nested rows" => (400, "invalid_json"),
                _ => (400, "validation_failed"),
            };
            Some((h, admin, status, code))
        })
        .collect();
    let before = server.memory().0;
    barrage(base, refused).await;
    let (after_refused, rss) = server.memory();
    let refused_growth = after_refused - before;
    eprintln!(
        "after {} bodies an admin is refused: peak {after_refused} KiB (resident {rss} KiB), +{refused_growth} KiB",
        bodies.len() - 1
    );
    assert!(
        refused_growth < UNAUTHORISED_BUDGET_KIB,
        "bodies refused to an admin grew the server's peak memory by {refused_growth} KiB"
    );

    // The largest batches the contract allows, one at a time: 1,000 members created, kept in
    // the server's memory (the local store), sent, and answered in full.
    let largest = Hostile {
        name: "1,000 rows with the largest defaults",
        method: reqwest::Method::POST,
        path: batch.clone(),
        content_type: "application/json",
        body: Arc::new(largest_defaults(&setup.products)),
    };
    let maximal = bodies
        .iter()
        .find(|h| h.name == "1,000 rows of 1 KiB")
        .unwrap();
    for h in [maximal, &largest] {
        let before = server.memory().0;
        let answer = barrage(base, [(h, admin, 200, "")]).await;
        let (after, rss) = server.memory();
        let growth = after - before;
        eprintln!(
            "after an admin's {}: peak {after} KiB (resident {rss} KiB), +{growth} KiB",
            h.name
        );
        let created = answer[0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["status"] == "created")
            .count();
        assert_eq!(created, 1000, "{}: every row is created", h.name);
        assert!(
            growth < ADMIN_BUDGET_KIB,
            "an admin's {} grew the server's peak memory by {growth} KiB",
            h.name
        );
    }
    drop(server);
    let _ = std::fs::remove_dir_all(&data);
}
