//! The local server binary as `make run` starts it: it honours PORT and DATA_DIR, creates a demo
//! tenant whose admin can sign in, and keeps its data (members, tokens, outbox) across restarts,
//! even when killed. With `BACKEND=aws` (`scripts/run-local.sh` and the moto it starts), it holds
//! under concurrent requests as DynamoDB would.

#[path = "support/server.rs"]
mod server;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use server::{Server, binary, call, free_port, healthy, start_with};

const PASSWORD: &str = "correct horse battery staple";

async fn start(port: u16, data: &Path) -> Server {
    start_with(port, data, &[]).await
}

/// A file's permission bits (owner, group, others), in octal.
fn permissions(path: &Path) -> String {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path)
        .expect("the file")
        .permissions()
        .mode();
    format!("{:o}", mode & 0o777)
}

/// A tenant made through `/dev/tenants` with `admin_email` as its admin, who invites `invitee`
/// by email: the tenant, the admin's session, the member and the invitation email's text.
async fn tenant_inviting(
    base: &str,
    name: &str,
    admin_email: &str,
    invitee: &str,
) -> (String, String, serde_json::Value, String) {
    let (s, t) = call(
        reqwest::Method::POST,
        format!("{base}/dev/tenants"),
        None,
        Some(json!({"name": name, "admin": {"email": admin_email, "password": PASSWORD}})),
    )
    .await;
    assert_eq!(s, 201, "{t}");
    let (tenant, token) = (
        t["tenant_id"].as_str().unwrap().to_string(),
        t["token"].as_str().unwrap().to_string(),
    );
    let (s, m) = call(
        reqwest::Method::POST,
        format!("{base}/v1/tenants/{tenant}/invitations"),
        Some(&token),
        Some(json!({"email": invitee})),
    )
    .await;
    assert_eq!(s, 201, "{m}");
    let (_, outbox) = call(
        reqwest::Method::GET,
        format!("{base}/dev/outbox?to={invitee}"),
        None,
        None,
    )
    .await;
    let text = outbox["messages"][0]["text"]
        .as_str()
        .unwrap_or_else(|| panic!("the invitation email: {outbox}"))
        .to_string();
    (tenant, token, m, text)
}

#[tokio::test]
async fn the_local_server_honours_port_and_data_dir_and_keeps_its_data_across_restarts() {
    let data = std::env::temp_dir().join(format!("invitations-local-{}", uuid::Uuid::now_v7()));
    let port = free_port();
    let server = start(port, &data).await;
    let base = server.base.clone();

    // The demo admin can sign in with the credentials kept under DATA_DIR, a file only its
    // owner may read.
    assert_eq!(permissions(&data.join("demo-admin.json")), "600");
    let demo: Value = serde_json::from_str(
        &std::fs::read_to_string(data.join("demo-admin.json")).expect("demo credentials"),
    )
    .unwrap();
    let (s, signed_in) = call(
        reqwest::Method::POST,
        format!("{base}/v1/sessions"),
        None,
        Some(json!({"email": demo["email"], "password": demo["password"]})),
    )
    .await;
    assert_eq!(s, 200, "{signed_in}");
    assert_eq!(signed_in["memberships"][0]["tenant_name"], "Demo Hotel");

    let (tenant, token, m, text) = tenant_inviting(
        &base,
        "Hotel Kept",
        "keeper@example.com",
        "kept@example.com",
    )
    .await;
    assert!(
        text.contains(&format!("http://127.0.0.1:{port}/accept#token=")),
        "links use the local base: {text}"
    );
    // The email is also in a mailbox file a person opens with any mail client.
    let mbox = std::fs::read_to_string(data.join("outbox.mbox")).expect("outbox.mbox");
    assert!(mbox.starts_with("From "), "{mbox}");
    assert!(
        mbox.contains("kept@example.com") && mbox.contains("multipart/alternative"),
        "{mbox}"
    );
    let link_token: String = text[text.find("#token=").unwrap() + 7..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();

    // Killed without warning, then started again on the same data (with the credentials
    // left readable to others, as the server wrote them before: they are closed again).
    drop(server);
    std::fs::set_permissions(
        data.join("demo-admin.json"),
        std::os::unix::fs::PermissionsExt::from_mode(0o644),
    )
    .unwrap();
    let port2 = free_port();
    let server = start(port2, &data).await;
    let base = server.base.clone();
    assert_eq!(permissions(&data.join("demo-admin.json")), "600");
    let (s, m2) = call(
        reqwest::Method::GET,
        format!(
            "{base}/v1/tenants/{tenant}/users/{}",
            m["id"].as_str().unwrap()
        ),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(
        s, 200,
        "the session key and the member survive a restart: {m2}"
    );
    assert_eq!(m2["status"], "invited");
    let (_, outbox) = call(
        reqwest::Method::GET,
        format!("{base}/dev/outbox?to=kept@example.com"),
        None,
        None,
    )
    .await;
    assert_eq!(
        outbox["messages"].as_array().unwrap().len(),
        1,
        "the outbox survives a restart"
    );
    let (s, p) = call(
        reqwest::Method::POST,
        format!("{base}/v1/invitations/preview"),
        None,
        Some(json!({"token": link_token})),
    )
    .await;
    assert_eq!(s, 200, "{p}");
    let (s, _) = call(
        reqwest::Method::POST,
        format!("{base}/v1/sessions"),
        None,
        Some(json!({"email": demo["email"], "password": demo["password"]})),
    )
    .await;
    assert_eq!(s, 200, "one demo tenant, created once");
    drop(server);
    let _ = std::fs::remove_dir_all(data);
}

#[test]
fn the_local_server_refuses_to_start_on_a_journal_damaged_before_its_last_line() {
    let data = std::env::temp_dir().join(format!("invitations-local-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&data).unwrap();
    let line = |sk: &str| {
        format!("[{{\"pk\":\"P\",\"sk\":\"{sk}\",\"item\":{{\"version\":1,\"body\":{{}}}}}}]\n")
    };
    let journal = format!("{}[{{\"pk\":\"P\",\"s\n{}", line("a"), line("c"));
    std::fs::write(data.join("table.jsonl"), &journal).unwrap();
    let mut child = Command::new(binary())
        .env("PORT", free_port().to_string())
        .env("DATA_DIR", &data)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the local server");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("the server's status") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("the local server started on a damaged journal");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(!status.success(), "{stderr}");
    assert!(
        stderr.contains("line 2"),
        "the message names the line: {stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(data.join("table.jsonl")).unwrap(),
        journal,
        "the journal is left as it was"
    );
    let _ = std::fs::remove_dir_all(&data);
}

/// `make run BACKEND=aws` as a person runs it: `scripts/run-local.sh` with no AWS endpoint,
/// profile or keys in the environment, so that it starts a moto of its own. In a process group
/// of its own, which is stopped as a whole (the script, moto and the server).
struct ScriptedServer {
    child: Child,
    base: String,
    data: PathBuf,
}

impl Drop for ScriptedServer {
    fn drop(&mut self) {
        // `--`: procps's kill would read `-PGID` as an option and signal nothing.
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(_)) = self.child.try_wait() {
                let _ = std::fs::remove_dir_all(&self.data);
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.data);
    }
}

async fn make_run_backend_aws() -> ScriptedServer {
    use std::os::unix::process::CommandExt;
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    for needed in [".venv/bin/moto_server", "target/debug/local"] {
        assert!(
            root.join(needed).exists(),
            "{needed} is missing: `make test` installs moto and builds the local server"
        );
    }
    let port = free_port();
    let data = std::env::temp_dir().join(format!("invitations-local-aws-{}", uuid::Uuid::now_v7()));
    let mut command = Command::new(root.join("scripts/run-local.sh"));
    command
        .current_dir(&root)
        .env("BACKEND", "aws")
        .env("PORT", port.to_string())
        .env("DATA_DIR", &data)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0);
    for inherited in [
        "AWS_ENDPOINT_URL",
        "AWS_PROFILE",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SERIALIZE_TRANSACTIONS",
        "ACCEPT_URL_BASE",
        "MOTO_ENDPOINT",
    ] {
        command.env_remove(inherited);
    }
    let server = ScriptedServer {
        child: command.spawn().expect("start scripts/run-local.sh"),
        base: format!("http://127.0.0.1:{port}"),
        data,
    };
    assert!(
        healthy(&server.base, Duration::from_secs(60)).await,
        "make run BACKEND=aws did not start on port {port}"
    );
    server
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn on_backend_aws_sixteen_concurrent_accepts_of_one_link_give_one_success_and_fifteen_409s() {
    let server = make_run_backend_aws().await;
    let base = server.base.clone();
    let (tenant, token, _, text) = tenant_inviting(
        &base,
        "Hotel Moto",
        "moto-admin@example.com",
        "rush@example.com",
    )
    .await;
    let link: String = text[text.find("#token=").expect("a link") + 7..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();

    let accepts = (0..16).map(|_| {
        call(
            reqwest::Method::POST,
            format!("{base}/v1/invitations/accept"),
            None,
            Some(json!({"token": link, "first_name": "Rosa", "last_name": "Rush", "password": PASSWORD})),
        )
    });
    let replies = futures::future::join_all(accepts).await;
    let statuses: Vec<u16> = replies.iter().map(|(s, _)| *s).collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "exactly one accept wins: {replies:?}"
    );
    for (s, body) in replies.iter().filter(|(s, _)| *s != 200) {
        assert_eq!(
            (*s, &body["code"]),
            (409, &json!("invitation_used")),
            "{replies:?}"
        );
    }
    let (s, stats) = call(
        reqwest::Method::GET,
        format!("{base}/v1/tenants/{tenant}/stats"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(s, 200, "{stats}");
    assert_eq!(
        (stats["active"].as_i64(), stats["invited"].as_i64()),
        (Some(2), Some(0)),
        "the member was made active once: {stats}"
    );
}

/// Every message the outbox of the server at `base` holds, counted by recipient.
async fn sent_to(base: &str) -> std::collections::HashMap<String, usize> {
    let (_, outbox) = call(
        reqwest::Method::GET,
        format!("{base}/dev/outbox"),
        None,
        None,
    )
    .await;
    let mut count = std::collections::HashMap::new();
    for m in outbox["messages"].as_array().into_iter().flatten() {
        *count
            .entry(m["to"].as_str().unwrap_or_default().to_lowercase())
            .or_default() += 1;
    }
    count
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn killed_under_a_load_of_invitations_it_sends_each_acknowledged_one_exactly_once_after_a_restart()
 {
    let data = std::env::temp_dir().join(format!("invitations-kill-{}", uuid::Uuid::now_v7()));
    // The load outruns the inviter's daily limit (1,000) within the second.
    let unlimited = [("LIMIT_INVITES_PER_INVITER_PER_DAY", "1000000")];
    let server = start_with(free_port(), &data, &unlimited).await;
    let base = server.base.clone();
    let (tenant, token, _, _) = tenant_inviting(
        &base,
        "Hotel Crash",
        "crash-admin@example.com",
        "first@example.com",
    )
    .await;
    let acknowledged = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let client = reqwest::Client::new();
    let load = (0..8).map(|worker| {
        let (client, base, tenant, token, acknowledged) = (
            client.clone(),
            base.clone(),
            tenant.clone(),
            token.clone(),
            acknowledged.clone(),
        );
        tokio::spawn(async move {
            for i in 0.. {
                let email = format!("load-{worker}-{i}@example.com");
                let sent = client
                    .post(format!("{base}/v1/tenants/{tenant}/invitations"))
                    .bearer_auth(&token)
                    .json(&json!({ "email": email }))
                    .send()
                    .await;
                match sent {
                    Ok(r) if r.status() == 201 => acknowledged.lock().unwrap().push(email),
                    Ok(r) => panic!("{email}: {}", r.status()),
                    // The server is gone: the answer never came, so nothing was promised.
                    Err(_) => return,
                }
            }
        })
    });
    let load: Vec<_> = load.collect();
    tokio::time::sleep(Duration::from_millis(800)).await;
    drop(server); // SIGKILL, then wait for the process to end.
    for worker in load {
        worker.await.expect("a load worker");
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(
        acknowledged.len() >= 20,
        "the load was a load: {} invitations acknowledged",
        acknowledged.len()
    );

    let server = start_with(free_port(), &data, &unlimited).await;
    let started = Instant::now();
    let sent = loop {
        let sent = sent_to(&server.base).await;
        if acknowledged.iter().all(|e| sent.contains_key(e))
            || started.elapsed() > Duration::from_secs(5)
        {
            break sent;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let missing: Vec<_> = acknowledged
        .iter()
        .filter(|e| !sent.contains_key(*e))
        .collect();
    assert!(
        missing.is_empty(),
        "acknowledged but never sent: {missing:?}"
    );
    let twice: Vec<_> = sent.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "sent more than once: {twice:?}");
    drop(server);
    let _ = std::fs::remove_dir_all(&data);
}
