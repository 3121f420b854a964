//! `make bench`: the figures the service is built for, each measured against a reference taken
//! in the same run (the machine is shared, so absolute times drift; ratios hold).
//!
//! 1. Lambda start: every function's release bootstrap under a Runtime API on loopback (the SDK
//!    clients aimed at moto, built at start-up as in AWS), against a hello-world `lambda_http`
//!    binary built with the same profile: cold start (exec → first answer), warm invocation,
//!    peak RSS, size.
//! 2. The local server (release, embedded backend) under `wrk` on loopback: `/healthz` as the
//!    reference; invitations, sign-in, a 1,000-row batch; list pages and stats with 100,000
//!    members in one tenant.
//! 3. AWS cost on moto: the DynamoDB requests of each operation and their capacity (computed
//!    from the items sent and received with DynamoDB's size rules, since moto does not report
//!    it), then the cost of 1,000 invitations from `tests/benches/prices.yaml`.
//! 4. Critical path on AWS: the functions' release bootstraps against moto behind a proxy that
//!    delays every AWS call: per operation, the calls made one after another and the time
//!    (`critical_path.rs`).
//!
//! Writes `BENCHMARKS.md` at the project root (`report.rs`). `BENCH_ONLY=lambda,local,cost,critical`
//! runs some parts and keeps the others' figures from the file.

#[path = "../support/moto.rs"]
mod moto;
#[path = "../support/requests.rs"]
mod requests;

#[path = "../support/lambda.rs"]
mod lambda;

#[path = "../api/helpers.rs"]
mod helpers;

#[path = "../support/delay_proxy.rs"]
mod delay_proxy;

mod critical_path;
mod report;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use lambda::{Started, event, lambda_env_on};
use report::{PARTS, Report, write_markdown};

const FUNCTIONS: [&str; 8] = [
    "invite",
    "accept",
    "reinvite",
    "deactivate",
    "list",
    "sessions",
    "edit",
    "dispatch",
];
const COLD_STARTS: usize = 21;
const WARM_INVOCATIONS: usize = 100;
const MEMBERS: usize = 100_000;
const PASSWORD: &str = "correct horse battery staple";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    if v.is_empty() {
        f64::NAN
    } else {
        v[v.len() / 2]
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

// ---------------------------------------------------------------------------------------------
// 1. Lambda start

struct StartFigures {
    name: String,
    size: u64,
    cold_ms: f64,
    init_ms: f64,
    warm_ms: f64,
    peak_rss_kib: u64,
}

fn bootstrap(name: &str) -> PathBuf {
    root().join("target/lambda").join(name).join("bootstrap")
}

/// The event each binary is started with: `/healthz` for the HTTP functions (the same work as
/// the reference's one route), a schedule's input for `dispatch` (which reads one item).
fn first_event(name: &str) -> Value {
    if name == "dispatch" {
        json!({"tenant": uuid::Uuid::now_v7(), "user": uuid::Uuid::now_v7(), "generation": 1})
    } else {
        event("GET", "/healthz", None, json!({}))
    }
}

/// Exec → first answer, and exec → first request for an event (init), in ms.
async fn cold_start(
    binary: &Path,
    env: &[(String, String)],
    event: Value,
) -> ((f64, f64), Started) {
    let mut f = Started::start(binary, env.to_vec()).await;
    let started = f.started_at;
    f.invoke("cold", event)
        .await
        .unwrap_or_else(|| panic!("{} did not answer", binary.display()));
    let total = ms(started.elapsed());
    ((total, f.init_time().map_or(f64::NAN, ms)), f)
}

/// The time of the `i`th warm invocation of a started function.
async fn warm_once(f: &mut Started, event: &Value, i: usize) -> f64 {
    let t = Instant::now();
    f.invoke(&format!("warm-{i}"), event.clone())
        .await
        .expect("an answer");
    ms(t.elapsed())
}

/// An API Gateway event carrying a JSON body and a session.
fn api_event(method: &str, path: &str, body: Option<Value>, session: &str) -> Value {
    event(
        method,
        path,
        body,
        json!({"content-type": "application/json", "authorization": format!("Bearer {session}")}),
    )
}

/// `env` for the function `name`: its name, and its own session keys, as deployed (the issuing
/// ones read a secret, `secret`).
fn env_for(env: &[(String, String)], name: &str, secret: &str) -> Vec<(String, String)> {
    let mut env: Vec<(String, String)> = env
        .iter()
        .filter(|(k, _)| !k.starts_with("SESSION_"))
        .map(|(k, v)| {
            let v = if k == "AWS_LAMBDA_FUNCTION_NAME" {
                name.to_string()
            } else {
                v.clone()
            };
            (k.clone(), v)
        })
        .collect();
    env.extend(lambda::session_env(name, secret));
    env
}

async fn lambda_starts(report: &mut Report) -> f64 {
    let table = moto::fresh_table();
    let mut env = lambda_env_on("bench", &table).await;
    // Experiments: `BENCH_LAMBDA_ENV="K=V K=V"` adds variables to every binary's environment.
    if let Ok(extra) = std::env::var("BENCH_LAMBDA_ENV") {
        env.extend(extra.split_whitespace().filter_map(|kv| {
            let (k, v) = kv.split_once('=')?;
            Some((k.to_string(), v.to_string()))
        }));
    }
    let names: Vec<&str> = std::iter::once("hello").chain(FUNCTIONS).collect();
    for n in &names {
        assert!(
            bootstrap(n).exists(),
            "{} is missing: `make bench` builds it",
            bootstrap(n).display()
        );
    }
    let secret = lambda::signing_key_secret().await;
    // Cold starts, interleaved so that drift touches every binary alike.
    let mut cold: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    let mut init: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for _ in 0..COLD_STARTS {
        for n in &names {
            let env = env_for(&env, n, &secret);
            let ((t, i), _f) = cold_start(&bootstrap(n), &env, first_event(n)).await;
            cold.entry(n).or_default().push(t);
            init.entry(n).or_default().push(i);
        }
    }
    // What reading the signing key from Secrets Manager at cold start costs `sessions`: paired
    // starts with the secret's ARN and with the same key in the environment.
    let in_env: Vec<(String, String)> = env_for(&env, "sessions", &secret)
        .into_iter()
        .filter(|(k, _)| !k.starts_with("SESSION_"))
        .chain([(
            "SESSION_SIGNING_KEY".to_string(),
            lambda::key_pair().0.clone(),
        )])
        .collect();
    let mut key_costs = Vec::with_capacity(COLD_STARTS);
    for _ in 0..COLD_STARTS {
        let with_secret = env_for(&env, "sessions", &secret);
        let ((secret_ms, _), _) = cold_start(
            &bootstrap("sessions"),
            &with_secret,
            first_event("sessions"),
        )
        .await;
        let ((env_ms, _), _) =
            cold_start(&bootstrap("sessions"), &in_env, first_event("sessions")).await;
        key_costs.push(secret_ms - env_ms);
    }
    let key_ms = median(key_costs);
    // Warm invocations, every binary started at once and invoked in turn, so that drift
    // touches every binary alike here too (one binary after another, a drift of the machine
    // moved one function's ratio by half).
    let mut running = Vec::new();
    for n in &names {
        let env = env_for(&env, n, &secret);
        let (_, f) = cold_start(&bootstrap(n), &env, first_event(n)).await;
        running.push((*n, f, first_event(n), Vec::with_capacity(WARM_INVOCATIONS)));
    }
    // `dispatch`'s reference reads are timed in the same rounds, so that they see the same
    // drift of moto and the machine (timed after the rest, they once made dispatch's warm
    // ratio 1.51x in a run where another gave 1.23x).
    let reads = DispatchReads::new(&table).await;
    let mut read_times = Vec::with_capacity(WARM_INVOCATIONS);
    for i in 0..WARM_INVOCATIONS {
        for (_, f, event, times) in &mut running {
            times.push(warm_once(f, event, i).await);
        }
        read_times.push(reads.time(i).await);
    }
    let get_ms = median(read_times);
    let mut figures = Vec::new();
    for (n, f, _, times) in running {
        figures.push(StartFigures {
            name: n.to_string(),
            size: std::fs::metadata(bootstrap(n))
                .map(|m| m.len())
                .unwrap_or(0),
            cold_ms: median(cold.remove(n).unwrap_or_default()),
            init_ms: median(init.remove(n).unwrap_or_default()),
            warm_ms: median(times),
            peak_rss_kib: f.peak_rss_kib().unwrap_or(0),
        });
    }

    // The invite function doing its real work on moto: its duration prices Lambda in part 3,
    // and its peak RSS after real invitations is the one that counts.
    let (session, tenant) = session_on(&table, &env_for(&env, "sessions", &secret)).await;
    let env = env_for(&env, "invite", &secret);
    let (_, mut f) = cold_start(&bootstrap("invite"), &env, first_event("invite")).await;
    let mut times = Vec::new();
    for i in 0..50 {
        let body = json!({"email": format!("lambda-{i}@bench.example"), "first_name": "Ana",
                          "last_name": "Ruiz", "role": "user"});
        let e = api_event(
            "POST",
            &format!("/v1/tenants/{tenant}/invitations"),
            Some(body),
            &session,
        );
        let t = Instant::now();
        let answer = f.invoke(&format!("inv-{i}"), e).await.expect("an answer");
        times.push(ms(t.elapsed()));
        assert_eq!(answer["statusCode"], 201, "{answer}");
    }
    let invite_ms = median(times);
    let invite_rss = f.peak_rss_kib().unwrap_or(0);

    let hello = figures
        .iter()
        .find(|f| f.name == "hello")
        .map(|f| (f.cold_ms, f.warm_ms))
        .unwrap_or((f64::NAN, f64::NAN));
    // `dispatch`'s event names a tenant that does not exist: its reference is hello plus a
    // GetItem on moto (see `DispatchReads`).
    let reference = |name: &str| {
        if name == "dispatch" {
            (hello.0 + get_ms, hello.1 + get_ms)
        } else {
            hello
        }
    };
    let mut t = String::from(
        "### Lambda start (release bootstraps under a Runtime API on loopback)\n\n\
         | binary | size | cold start | × hello | of which init | warm invocation | × hello | peak RSS |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    for f in &figures {
        let _ = writeln!(
            t,
            "| {} | {:.1} MB | {:.2} ms | {:.2} | {:.2} ms | {:.3} ms | {:.2} | {:.1} MB |",
            f.name,
            f.size as f64 / 1e6,
            f.cold_ms,
            f.cold_ms / reference(&f.name).0,
            f.init_ms,
            f.warm_ms,
            f.warm_ms / reference(&f.name).1,
            f.peak_rss_kib as f64 / 1024.0
        );
    }
    let _ = writeln!(
        t,
        "\nCold: median of {COLD_STARTS} starts, exec → first answer (`/healthz`, init: exec → first request for an event; `dispatch`: a \
         schedule's input for an unknown tenant, which it reads twice on moto, eventually then \
         strongly; its ratios are to hello plus one GetItem from the bench's warm debug-build \
         client, about what two cost the release binary, timed in the warm rounds, {get_ms:.2} ms). Warm: median of \
         {WARM_INVOCATIONS} invocations, every binary invoked in turn. `invite` doing real invitations on moto: median \
         {invite_ms:.2} ms per invitation, peak RSS {:.1} MB after 50.\n\n\
         Signing key: `accept` and `sessions` start reading it from Secrets Manager at cold start, \
         in the background (the first session issued waits for it if it must; the public key \
         verifies meanwhile); against the same key in the environment that costs `sessions` \
         {key_ms:+.2} ms per cold start here (median of {COLD_STARTS} paired starts, moto on \
         loopback).",
        invite_rss as f64 / 1024.0
    );
    report.section(t);
    for f in figures.iter().filter(|f| f.name != "hello") {
        let (cold, warm) = reference(&f.name);
        report.check(
            &format!("{} cold start", f.name),
            format!("{:.2}× hello", f.cold_ms / cold),
            "≤ 2.0×",
            f.cold_ms / cold <= 2.0,
        );
        report.check(
            &format!("{} warm invocation", f.name),
            format!("{:.2}× hello", f.warm_ms / warm),
            "≤ 1.5×",
            f.warm_ms / warm <= 1.5,
        );
        report.check(
            &format!("{} peak RSS", f.name),
            format!("{:.1} MB", f.peak_rss_kib as f64 / 1024.0),
            "≤ 40 MB",
            f.peak_rss_kib <= 40 * 1024,
        );
    }
    report.check(
        "invite peak RSS after 50 invitations",
        format!("{:.1} MB", invite_rss as f64 / 1024.0),
        "≤ 40 MB",
        invite_rss <= 40 * 1024,
    );
    invite_ms
}

/// The reference for `dispatch`'s reads: one GetItem of a missing item on moto, from the
/// bench's warm client. `dispatch` itself makes two for a tenant that does not exist (the store
/// reads a tenant eventually consistently, then strongly if it seems missing), but this client is
/// a debug build, which spends about as long on one request as the release binary does on two.
struct DispatchReads {
    client: aws_sdk_dynamodb::Client,
    table: String,
}

impl DispatchReads {
    async fn new(table: &str) -> Self {
        let reads = Self {
            client: aws_sdk_dynamodb::Client::new(&moto::sdk().await),
            table: table.to_string(),
        };
        reads.time(usize::MAX).await;
        reads
    }

    /// One GetItem of a missing tenant, in ms.
    async fn time(&self, i: usize) -> f64 {
        use aws_sdk_dynamodb::types::AttributeValue;
        let t = Instant::now();
        self.client
            .get_item()
            .table_name(&self.table)
            .key("pk", AttributeValue::S(format!("T#none-{i}")))
            .key("sk", AttributeValue::S("TENANT".into()))
            .consistent_read(true)
            .send()
            .await
            .expect("a GetItem on moto");
        ms(t.elapsed())
    }
}

/// A tenant with an admin in `table`, and the admin's session from the `sessions` function
/// (signed with the key every function of this environment shares).
async fn session_on(table: &str, env: &[(String, String)]) -> (String, String) {
    use invitations::usecases::tenants;
    let dir = std::env::temp_dir().join(format!("invitations-bench-{}", uuid::Uuid::now_v7()));
    let config = invitations::config::Config::local_aws(dir.clone(), "https://app.example", table);
    let clients = invitations::app::AwsClients::from_sdk(&moto::sdk().await);
    let parts = invitations::app::App::aws_parts(&config, &clients)
        .await
        .expect("AWS adapters on moto");
    let app = invitations::app::App::assemble(config, parts).expect("the app");
    let email = format!("boss-{}@bench.example", uuid::Uuid::now_v7().simple());
    let created = tenants::create(
        &app,
        tenants::NewTenant {
            name: "Bench Hotel".into(),
            products: vec![],
            sms_countries: vec![],
            admin: tenants::NewAdmin {
                email: email.clone(),
                password: PASSWORD.into(),
                first_name: "Marta".into(),
                last_name: "Gil".into(),
            },
        },
    )
    .await
    .expect("a tenant");
    let _ = std::fs::remove_dir_all(dir);
    let mut f = Started::start(&bootstrap("sessions"), env.to_vec()).await;
    let answer = f
        .invoke(
            "sign-in",
            event(
                "POST",
                "/v1/sessions",
                Some(json!({"email": email, "password": PASSWORD})),
                json!({"content-type": "application/json"}),
            ),
        )
        .await
        .expect("an answer");
    let body: Value = serde_json::from_str(answer["body"].as_str().unwrap_or("{}")).unwrap();
    let token = body["token"]
        .as_str()
        .unwrap_or_else(|| panic!("no session: {answer}"))
        .to_string();
    (token, created.tenant_id.to_string())
}

// ---------------------------------------------------------------------------------------------
// 2. The local server under wrk

struct Local {
    base: String,
    port: u16,
    child: std::process::Child,
    dir: PathBuf,
}

impl Drop for Local {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

async fn start_local() -> Local {
    let binary = root().join("target/release/local");
    assert!(
        binary.exists(),
        "{} is missing: `make bench` builds it",
        binary.display()
    );
    let port = free_port();
    let dir = std::env::temp_dir().join(format!("invitations-bench-{}", uuid::Uuid::now_v7()));
    let child = Command::new(binary)
        .env("PORT", port.to_string())
        .env("DATA_DIR", &dir)
        .env("BACKEND", "memory")
        .env("RUST_LOG", "warn")
        .env("LIMIT_INVITES_PER_INVITER_PER_DAY", "100000000")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start the local server");
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    let started = Instant::now();
    while client.get(format!("{base}/healthz")).send().await.is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no local server"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Local {
        base,
        port,
        child,
        dir,
    }
}

/// What wrk measured: requests per second, latency percentiles (ms), and failures; and the CPU
/// time per request (µs) of the server and of wrk itself, which share the machine's cores.
#[derive(Debug, Default)]
struct Load {
    rps: f64,
    p50: f64,
    p99: f64,
    requests: u64,
    bad: u64,
    server_us: f64,
    wrk_us: f64,
}

/// The kernel's clock ticks per second, in which `/proc` counts CPU time.
fn clock_ticks() -> f64 {
    static TICKS: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
    *TICKS.get_or_init(|| {
        Command::new("getconf")
            .arg("CLK_TCK")
            .output()
            .ok()
            .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
            .unwrap_or(100.0)
    })
}

/// Fields of `/proc/{pid}/stat` (counted from 1, as `man proc` does), summed: the CPU ticks
/// of a process (14, 15) or of the children it has waited for (16, 17).
fn stat_ticks(pid: &str, fields: [usize; 2]) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // The command name (field 2) is in parentheses and may hold spaces: count after it.
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let values: Vec<f64> = rest
        .split_whitespace()
        .map(|v| v.parse().unwrap_or(0.0))
        .collect();
    fields
        .iter()
        .map(|f| values.get(f - 3).copied().unwrap_or(0.0))
        .sum()
}

fn wrk_ms(text: &str) -> f64 {
    let t = text.trim();
    let (n, unit) = t
        .find(|c: char| c.is_ascii_alphabetic())
        .map(|i| t.split_at(i))
        .unwrap_or((t, "ms"));
    let n: f64 = n.parse().unwrap_or(f64::NAN);
    match unit {
        "us" => n / 1000.0,
        "ms" => n,
        "s" => n * 1000.0,
        "m" => n * 60_000.0,
        _ => f64::NAN,
    }
}

fn parse_wrk(out: &str) -> Load {
    let mut load = Load::default();
    for line in out.lines() {
        let l = line.trim();
        if let Some(v) = l.strip_prefix("Requests/sec:") {
            load.rps = v.trim().parse().unwrap_or(0.0);
        } else if let Some(v) = l.strip_prefix("50%") {
            load.p50 = wrk_ms(v);
        } else if let Some(v) = l.strip_prefix("99%") {
            load.p99 = wrk_ms(v);
        } else if let Some(v) = l.strip_prefix("Non-2xx or 3xx responses:") {
            load.bad += v.trim().parse::<u64>().unwrap_or(0);
        } else if l.contains("requests in") {
            load.requests = l
                .split_whitespace()
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
        } else if let Some(v) = l.strip_prefix("Socket errors:") {
            load.bad += v
                .split(',')
                .filter_map(|p| p.split_whitespace().last()?.parse::<u64>().ok())
                .sum::<u64>();
        }
    }
    load
}

/// Runs wrk against `url` of the server `local` (with `script`, a Lua file, when given).
fn wrk(local: &Local, url: &str, connections: u32, seconds: u32, script: Option<&Path>) -> Load {
    let server = local.child.id().to_string();
    let threads = connections.min(2);
    let mut cmd = Command::new("wrk");
    cmd.args([
        format!("-t{threads}"),
        format!("-c{connections}"),
        format!("-d{seconds}s"),
        "--latency".into(),
    ]);
    if let Some(s) = script {
        cmd.arg("-s").arg(s);
    }
    let (server_before, wrk_before) = (stat_ticks(&server, [14, 15]), stat_ticks("self", [16, 17]));
    let out = cmd
        .arg(url)
        .output()
        .expect("run wrk (`make bench` installs it)");
    let (server_after, wrk_after) = (stat_ticks(&server, [14, 15]), stat_ticks("self", [16, 17]));
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let mut load = parse_wrk(&text);
    assert!(load.requests > 0, "wrk measured nothing: {text}");
    let per_request = |ticks: f64| ticks / clock_ticks() * 1e6 / load.requests as f64;
    load.server_us = per_request(server_after - server_before);
    load.wrk_us = per_request(wrk_after - wrk_before);
    load
}

/// Rounds of wrk, one after the other, summed into one load: requests/s over the rounds' time,
/// CPU per request over all requests, p50 the rounds' median and p99 the worst round's.
fn sum_rounds(rounds: &[Load]) -> Load {
    let requests: u64 = rounds.iter().map(|l| l.requests).sum();
    let seconds: f64 = rounds.iter().map(|l| l.requests as f64 / l.rps).sum();
    let weighted = |f: fn(&Load) -> f64| {
        rounds.iter().map(|l| f(l) * l.requests as f64).sum::<f64>() / requests as f64
    };
    Load {
        rps: requests as f64 / seconds,
        p50: median(rounds.iter().map(|l| l.p50).collect()),
        p99: rounds.iter().map(|l| l.p99).fold(0.0, f64::max),
        requests,
        bad: rounds.iter().map(|l| l.bad).sum(),
        server_us: weighted(|l| l.server_us),
        wrk_us: weighted(|l| l.wrk_us),
    }
}

/// A route's throughput against `/healthz` on a shared, noisy machine: `rounds` short runs of
/// each, alternating, so that both see the same drift. Returns both loads summed over their
/// rounds and the median of the rounds' ratios (route ÷ the `/healthz` round just before it).
/// `script(round)` is the route's wrk script for each round.
fn paired(
    local: &Local,
    health_url: &str,
    url: &str,
    script: impl Fn(u32) -> PathBuf,
    rounds: u32,
    seconds: u32,
) -> (Load, Load, f64) {
    let (mut health, mut route) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        health.push(wrk(local, health_url, 32, seconds, None));
        route.push(wrk(local, url, 32, seconds, Some(&script(round))));
    }
    let ratio = median(
        health
            .iter()
            .zip(&route)
            .map(|(h, r)| r.rps / h.rps)
            .collect(),
    );
    (sum_rounds(&health), sum_rounds(&route), ratio)
}

/// A wrk script for requests with a session and a JSON body; `{n}` in the body becomes a
/// number unique across the run's threads (and across runs, if each has its script of another
/// `name`: the name is part of the number). The number has a fixed width, so every body has the
/// same length: the request head is built once per thread, and a request costs the generator
/// one `string.format` and one concatenation (the figure is the server's, not the Lua's).
fn wrk_script(dir: &Path, name: &str, method: &str, token: &str, body: &str) -> PathBuf {
    let path = dir.join(format!("{name}.lua"));
    // A Lua format string: a literal `%` doubled, the counter as thread-sequence.
    let template = body
        .replace('%', "%%")
        .replace("{n}", &format!("{}-%d-%010d", name.replace('%', "%%")));
    let lua = format!(
        r#"local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end
local template = [[{template}]]
local head
local n = 0
function init(args)
  local sample = string.format(template, tid, 0)
  local req = wrk.format("{method}", nil, {{["Content-Type"] = "application/json", ["Authorization"] = "Bearer {token}"}}, sample)
  head = string.sub(req, 1, #req - #sample)
end
function request()
  n = n + 1
  return head .. string.format(template, tid, n)
end
"#
    );
    std::fs::write(&path, lua).expect("write a wrk script");
    path
}

fn auth_script(dir: &Path, name: &str, token: &str) -> PathBuf {
    let path = dir.join(format!("{name}.lua"));
    std::fs::write(
        &path,
        format!("wrk.headers[\"Authorization\"] = \"Bearer {token}\"\n"),
    )
    .expect("write a wrk script");
    path
}

const FIRST: [&str; 20] = [
    "Ana", "Marta", "Lucia", "Pablo", "Jorge", "Maria", "Carmen", "Diego", "Elena", "Hugo",
    "Irene", "Javier", "Laura", "Mario", "Nuria", "Oscar", "Paula", "Raul", "Sara", "Tomas",
];
const LAST: [&str; 20] = [
    "Ruiz",
    "Gil",
    "Lopez",
    "Martin",
    "Garcia",
    "Sanchez",
    "Perez",
    "Gomez",
    "Moreno",
    "Alonso",
    "Navarro",
    "Torres",
    "Dominguez",
    "Vazquez",
    "Ramos",
    "Serrano",
    "Blanco",
    "Molina",
    "Morales",
    "Ortega",
];

fn batch_rows(from: usize, n: usize, domain: &str) -> Vec<Value> {
    (from..from + n)
        .map(|i| {
            json!({"email": format!("person-{i}@{domain}"),
                   "first_name": FIRST[i % FIRST.len()],
                   "last_name": LAST[(i / FIRST.len()) % LAST.len()],
                   "role": "user"})
        })
        .collect()
}

async fn post_batch(
    client: &reqwest::Client,
    url: &str,
    token: &str,
    body: Value,
) -> (Duration, usize) {
    let t = Instant::now();
    let res = client
        .post(url)
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("a batch");
    let status = res.status();
    let answer: Value = res.json().await.expect("a batch answer");
    let took = t.elapsed();
    assert!(status.is_success(), "batch: {status} {answer}");
    let created = answer["results"]
        .as_array()
        .map(|r| r.iter().filter(|r| r["status"] == "created").count())
        .unwrap_or(0);
    (took, created)
}

async fn local_server(report: &mut Report) {
    let local = start_local().await;
    let client = reqwest::Client::new();
    let admin_email = "boss@bench.example";
    let created: Value = client
        .post(format!("{}/dev/tenants", local.base))
        .json(
            &json!({"name": "Bench Hotel", "products": ["chat"], "sms_countries": ["ES"],
                      "admin": {"email": admin_email, "password": PASSWORD,
                                "first_name": "Marta", "last_name": "Gil"}}),
        )
        .send()
        .await
        .expect("a tenant")
        .json()
        .await
        .expect("a tenant");
    let tenant = created["tenant_id"]
        .as_str()
        .expect("tenant_id")
        .to_string();
    let token = created["token"].as_str().expect("token").to_string();
    let scripts = local.dir.join("wrk");
    std::fs::create_dir_all(&scripts).expect("a scripts folder");
    let base = &local.base;
    let tenant_url = format!("{base}/v1/tenants/{tenant}");

    // Every round invites addresses of its own: a repeated one would be answered 409.
    let invite = |round: u32| {
        wrk_script(
            &scripts,
            &format!("invite{round}"),
            "POST",
            &token,
            r#"{"email": "load-{n}@bench.example", "first_name": "Ana", "last_name": "Ruiz", "role": "user"}"#,
        )
    };
    // 10 s of each, as 5 alternating rounds of 2 s.
    let (health, invites, invite_ratio) = paired(
        &local,
        &format!("{base}/healthz"),
        &format!("{tenant_url}/invitations"),
        invite,
        5,
        2,
    );
    let sign_in = wrk_script(
        &scripts,
        "sign-in",
        "POST",
        &token,
        &format!(r#"{{"email": "{admin_email}", "password": "{PASSWORD}"}}"#),
    );
    let sign_ins = wrk(
        &local,
        &format!("{base}/v1/sessions"),
        32,
        10,
        Some(&sign_in),
    );

    // The 1,000-row batches: one by email (each invitee gets a message in the outbox), then
    // link-only ones up to 100,000 members.
    let batch_url = format!("{tenant_url}/invitations/batch");
    let (email_batch, n) = post_batch(
        &client,
        &batch_url,
        &token,
        json!({"invitees": batch_rows(0, 1000, "email.bench.example")}),
    )
    .await;
    assert_eq!(n, 1000, "every row of the email batch is created");
    // Link-only batches up to MEMBERS members, and at least LINK_BATCHES of them however many
    // the invite load made: the batch figure is always measured.
    const LINK_BATCHES: usize = 5;
    let mut link_batches = Vec::new();
    let already = 1 + 1000 + invites.requests as usize;
    let mut i = 1000;
    while i + already < MEMBERS + 1000 || link_batches.len() < LINK_BATCHES {
        let rows = 1000;
        let (took, n) = post_batch(
            &client,
            &batch_url,
            &token,
            json!({"invitees": batch_rows(i, rows, "bench.example"), "channels": []}),
        )
        .await;
        assert_eq!(n, rows, "every row of a link-only batch is created");
        link_batches.push(ms(took));
        i += rows;
    }
    let stats: Value = client
        .get(format!("{tenant_url}/stats"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("stats")
        .json()
        .await
        .expect("stats");
    let members = stats["invited"].as_u64().unwrap_or(0) + stats["active"].as_u64().unwrap_or(0);

    // Seeding left the journal's pages dirty; their write-back would land in the read figures.
    let _ = Command::new("sync").status();
    let auth = auth_script(&scripts, "auth", &token);
    let list = wrk(
        &local,
        &format!("{tenant_url}/users?limit=50"),
        1,
        5,
        Some(&auth),
    );
    let search = wrk(
        &local,
        &format!("{tenant_url}/users?limit=50&q=mar"),
        1,
        5,
        Some(&auth),
    );
    let stats_load = wrk(&local, &format!("{tenant_url}/stats"), 1, 5, Some(&auth));

    let batch_link_median = median(link_batches.clone());
    let batch_link_max = link_batches.iter().cloned().fold(0.0, f64::max);
    let mut t = String::from(
        "### Local server (release, embedded backend) under wrk on loopback\n\n\
         | what | load | requests/s | × /healthz | p50 | p99 | failed | CPU/request: server, wrk |\n\
         | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    let row = |t: &mut String, what: &str, load: &str, l: &Load| {
        let _ = writeln!(
            t,
            "| {what} | {load} | {:.0} | {:.3} | {:.2} ms | {:.2} ms | {} | {:.1} µs, {:.1} µs |",
            l.rps,
            l.rps / health.rps,
            l.p50,
            l.p99,
            l.bad,
            l.server_us,
            l.wrk_us
        );
    };
    let rounds = "32 connections, 5 × 2 s, alternating";
    row(&mut t, "`GET /healthz`", rounds, &health);
    row(&mut t, "`POST /invitations` (email)", rounds, &invites);
    row(
        &mut t,
        "`POST /v1/sessions` (Argon2id)",
        "32 connections, 10 s",
        &sign_ins,
    );
    row(
        &mut t,
        &format!("`GET /users?limit=50`, {members} members"),
        "1 connection, 5 s",
        &list,
    );
    row(
        &mut t,
        &format!("`GET /users?limit=50&q=mar`, {members} members"),
        "1 connection, 5 s",
        &search,
    );
    row(
        &mut t,
        &format!("`GET /stats`, {members} members"),
        "1 connection, 5 s",
        &stats_load,
    );
    let _ = writeln!(
        t,
        "\nIn the alternating rows, p50 is the rounds' median and p99 the worst round's."
    );
    let _ = writeln!(
        t,
        "\nBatches of 1,000 rows: by email {:.0} ms; link-only (to reach {members} members) median \
         {batch_link_median:.0} ms, slowest {batch_link_max:.0} ms over {} batches.",
        ms(email_batch),
        link_batches.len()
    );
    // The server and wrk share the cores, so a route's throughput ratio is about the ratio
    // of what a request of each costs them together (less any idle time).
    let _ = writeln!(
        t,
        "\nServer and wrk share the machine's cores: a `/healthz` costs them {:.1} µs of CPU \
         together, an invitation {:.1} µs, which bounds the invitations' ratio at about {:.3}×.",
        health.server_us + health.wrk_us,
        invites.server_us + invites.wrk_us,
        (health.server_us + health.wrk_us) / (invites.server_us + invites.wrk_us)
    );
    report.section(t);
    report.check(
        "invite throughput",
        format!(
            "{invite_ratio:.3}× /healthz (median of 5 paired rounds; {:.3}× over all of them)",
            invites.rps / health.rps
        ),
        "≥ 0.2×",
        invite_ratio >= 0.2 && invites.bad == 0,
    );
    report.check(
        "list page p99 (100,000 members)",
        format!("{:.2} ms", list.p99),
        "≤ 2 ms",
        list.p99 <= 2.0 && list.bad == 0 && members as usize >= MEMBERS,
    );
    report.check(
        "search page p99 (100,000 members)",
        format!("{:.2} ms", search.p99),
        "≤ 2 ms",
        search.p99 <= 2.0 && search.bad == 0,
    );
    report.check(
        "stats p99 (100,000 members)",
        format!("{:.2} ms", stats_load.p99),
        "≤ 1 ms",
        stats_load.p99 <= 1.0 && stats_load.bad == 0,
    );
    report.check(
        "1,000-row batch by email",
        format!("{:.0} ms", ms(email_batch)),
        "< 1 s",
        email_batch < Duration::from_secs(1),
    );
    report.check(
        "1,000-row link-only batch, slowest",
        format!("{batch_link_max:.0} ms"),
        "< 1 s",
        !link_batches.is_empty() && batch_link_max < 1000.0,
    );
    let _ = local.port;
}

// ---------------------------------------------------------------------------------------------
// 3. AWS cost on moto

/// The size DynamoDB bills for an attribute value (names are counted by the caller).
fn value_size(v: &Value) -> usize {
    let Some((kind, inner)) = v.as_object().and_then(|o| o.iter().next()) else {
        return 0;
    };
    match kind.as_str() {
        "S" => inner.as_str().map_or(0, str::len),
        "N" => number_size(inner.as_str().unwrap_or("0")),
        "B" => inner.as_str().map_or(0, |b| b.len() * 3 / 4),
        "BOOL" | "NULL" => 1,
        "SS" => inner.as_array().map_or(0, |a| {
            a.iter().filter_map(Value::as_str).map(str::len).sum()
        }),
        "NS" => inner.as_array().map_or(0, |a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(number_size)
                .sum::<usize>()
        }),
        "L" => {
            3 + inner
                .as_array()
                .map_or(0, |a| a.iter().map(|e| value_size(e) + 1).sum::<usize>())
        }
        "M" => {
            3 + inner.as_object().map_or(0, |m| {
                m.iter()
                    .map(|(k, e)| k.len() + value_size(e) + 1)
                    .sum::<usize>()
            })
        }
        _ => 0,
    }
}

/// A number: about one byte per two significant digits, plus one.
fn number_size(n: &str) -> usize {
    let digits = n
        .trim_start_matches('-')
        .chars()
        .filter(char::is_ascii_digit)
        .count();
    digits.div_ceil(2) + 1
}

fn item_size(item: &Value) -> usize {
    item.as_object()
        .map_or(0, |m| m.iter().map(|(k, v)| k.len() + value_size(v)).sum())
}

/// Requests, write units and read units of what one operation sent to DynamoDB.
#[derive(Default, Debug)]
struct Capacity {
    requests: BTreeMap<String, usize>,
    write_units: f64,
    read_units: f64,
}

fn units(size: usize, unit: usize) -> f64 {
    size.div_ceil(unit).max(1) as f64
}

/// The capacity DynamoDB (on demand) would bill for these requests: writes 1 unit per KB
/// (2 in a transaction); strongly consistent reads 1 unit per 4 KB of what was read (a Query
/// sums its items before rounding); an update is billed on the item it writes, estimated here
/// from its key and values (counters and markers: well under 1 KB).
fn capacity(sent: &[requests::Sent]) -> Capacity {
    let mut c = Capacity::default();
    for s in sent {
        if std::env::var("BENCH_DEBUG").is_ok() {
            eprintln!(
                "{} {}\n  -> {}",
                s.operation,
                s.body,
                &s.response[..s.response.len().min(3000)]
            );
        }
        *c.requests.entry(s.operation.clone()).or_default() += 1;
        let body: Value = serde_json::from_str(&s.body).unwrap_or(Value::Null);
        let answer: Value = serde_json::from_str(&s.response).unwrap_or(Value::Null);
        let read_factor = if body["ConsistentRead"] == true {
            1.0
        } else {
            0.5
        };
        let write_size = |w: &Value| -> usize {
            if let Some(item) = w.get("Item") {
                item_size(item)
            } else {
                item_size(&w["Key"])
                    + w["ExpressionAttributeValues"]
                        .as_object()
                        .map_or(0, |m| m.values().map(value_size).sum())
            }
        };
        match s.operation.as_str() {
            "TransactWriteItems" => {
                for t in body["TransactItems"].as_array().into_iter().flatten() {
                    let w = ["Put", "Update", "Delete", "ConditionCheck"]
                        .iter()
                        .find_map(|k| t.get(*k))
                        .unwrap_or(&Value::Null);
                    c.write_units += 2.0 * units(write_size(w), 1024);
                }
            }
            "PutItem" | "UpdateItem" | "DeleteItem" => {
                c.write_units += units(write_size(&body), 1024);
            }
            "GetItem" => {
                c.read_units += read_factor * units(item_size(&answer["Item"]), 4096);
            }
            "Query" => {
                let size: usize = answer["Items"]
                    .as_array()
                    .map_or(0, |a| a.iter().map(item_size).sum());
                c.read_units += read_factor * units(size, 4096);
            }
            "TransactGetItems" => {
                for r in answer["Responses"].as_array().into_iter().flatten() {
                    c.read_units += 2.0 * units(item_size(&r["Item"]), 4096);
                }
            }
            _ => {}
        }
    }
    c
}

#[derive(serde::Deserialize)]
struct Prices {
    date: String,
    region: String,
    source: String,
    lambda_gb_second_arm64: f64,
    lambda_gb_second_x86_64: f64,
    lambda_requests_per_million: f64,
    http_api_requests_per_million: f64,
    dynamodb_write_units_per_million: f64,
    dynamodb_read_units_per_million: f64,
    ses_emails_per_thousand: f64,
    sns_sms_us: f64,
}

fn invite_memory_mb() -> f64 {
    // The template's global MemorySize applies to `invite` (it sets none of its own).
    let text = std::fs::read_to_string(root().join("infra/template.yaml")).unwrap_or_default();
    text.lines()
        .find_map(|l| l.trim().strip_prefix("MemorySize:"))
        .and_then(|v| v.split('#').next()?.trim().parse().ok())
        .unwrap_or(128.0)
}

async fn aws_cost(report: &mut Report, invite_ms: Option<f64>) {
    use helpers::{Options, TestApp};
    let log = requests::RequestLog::default();
    let app = TestApp::spawn_with(
        true,
        Options {
            dynamodb_log: Some(log.clone()),
            // The outbox is delivered by hand, so that each delivery is counted on its own.
            no_courier: true,
            ..Default::default()
        },
    )
    .await;
    let tenant = app.tenant("Cost Hotel").await;
    // A page's worth of members, so that a list page reads a full page.
    for i in 0..60 {
        app.invite_ok(&tenant, &format!("seed-{i}@cost.example"), "user")
            .await;
    }
    app.deliver_outbox().await;
    log.take();
    let mut ops: Vec<(&str, Capacity)> = Vec::new();

    let email = "ana.ruiz@cost.example";
    let agent = app
        .invite(
            &tenant,
            &tenant.token,
            json!({"email": email, "first_name": "Ana", "last_name": "Ruiz", "role": "agent",
                   "agent_ids": ["voice-17"]}),
        )
        .await
        .ok(201)
        .clone();
    let agent_invite = capacity(&log.take());
    // What the table's stream then has `deliver` do for it: the email, off the request path.
    app.deliver_email(&tenant, agent["id"].as_str().expect("id"))
        .await;
    let delivery = capacity(&log.take());
    let member = app
        .invite(
            &tenant,
            &tenant.token,
            json!({"email": "luis.gil@cost.example", "first_name": "Luis", "last_name": "Gil",
                   "role": "user"}),
        )
        .await
        .ok(201)
        .clone();
    ops.push(("invite (email, names, role user)", capacity(&log.take())));
    ops.push(("invite (agent with one agent id)", agent_invite));
    app.deliver_outbox().await;
    log.take();
    let user = member["id"].as_str().expect("id").to_string();
    let r = app
        .post(
            &format!("/v1/tenants/{}/users/{user}/reinvite", tenant.id),
            Some(&tenant.token),
            json!({}),
        )
        .await;
    r.ok(200);
    ops.push(("reinvite", capacity(&log.take())));
    app.deliver_outbox().await;
    let token = app.latest_token("luis.gil@cost.example").await;
    log.take();
    app.accept(&token, PASSWORD).await.ok(200);
    ops.push(("accept (new profile, Argon2id)", capacity(&log.take())));
    app.action(&tenant, &tenant.token, &user, "deactivate")
        .await
        .ok(200);
    ops.push(("deactivate", capacity(&log.take())));
    app.get(
        &format!("/v1/tenants/{}/users?limit=50", tenant.id),
        Some(&tenant.token),
    )
    .await
    .ok(200);
    ops.push(("list page (limit 50)", capacity(&log.take())));
    app.get(
        &format!("/v1/tenants/{}/users?limit=50&q=seed", tenant.id),
        Some(&tenant.token),
    )
    .await
    .ok(200);
    ops.push(("search page (limit 50, q)", capacity(&log.take())));
    app.stats(&tenant).await;
    ops.push(("stats", capacity(&log.take())));
    ops.push(("deliver (one invitation email, from the outbox)", delivery));

    let prices: Prices = serde_yaml::from_str(
        &std::fs::read_to_string(root().join("tests/benches/prices.yaml"))
            .expect("tests/benches/prices.yaml"),
    )
    .expect("prices");
    let mut t = format!(
        "### AWS cost, measured on moto (prices: {} list prices, {}, from {})\n\n\
         | operation | DynamoDB requests | write units | read units | $ per 1,000 in DynamoDB |\n\
         | --- | --- | ---: | ---: | ---: |\n",
        prices.region, prices.date, prices.source
    );
    for (name, c) in &ops {
        let requests: Vec<String> = c.requests.iter().map(|(k, v)| format!("{v} {k}")).collect();
        let dollars = (c.write_units * prices.dynamodb_write_units_per_million
            + c.read_units * prices.dynamodb_read_units_per_million)
            / 1000.0;
        let _ = writeln!(
            t,
            "| {name} | {} | {} | {} | ${dollars:.4} |",
            requests.join(", "),
            c.write_units,
            c.read_units
        );
    }
    let invite = &ops[0].1;
    let deliver = &ops[8].1;
    let (write_units, read_units) = (
        invite.write_units + deliver.write_units,
        invite.read_units + deliver.read_units,
    );
    let memory_gb = invite_memory_mb() / 1024.0;
    let duration_s = invite_ms.unwrap_or(20.0) / 1000.0;
    let lines = [
        (
            format!(
                "API Gateway HTTP API (${}/M requests)",
                prices.http_api_requests_per_million
            ),
            prices.http_api_requests_per_million / 1000.0,
        ),
        (
            format!(
                "Lambda requests (${}/M): invite, then deliver",
                prices.lambda_requests_per_million
            ),
            2.0 * prices.lambda_requests_per_million / 1000.0,
        ),
        (
            format!(
                "Lambda duration (arm64, {} MB, {:.1} ms measured{}, invite and deliver alike)",
                invite_memory_mb(),
                duration_s * 1000.0,
                if invite_ms.is_some() {
                    " on moto"
                } else {
                    ": not measured, 20 ms assumed"
                }
            ),
            2.0 * memory_gb * duration_s * prices.lambda_gb_second_arm64 * 1000.0,
        ),
        (
            "DynamoDB Streams (the outbox to deliver: GetRecords by a Lambda trigger is free)"
                .to_string(),
            0.0,
        ),
        (
            format!("DynamoDB writes ({write_units} units, invite and deliver)"),
            write_units * prices.dynamodb_write_units_per_million / 1000.0,
        ),
        (
            format!("DynamoDB reads ({read_units} units, invite and deliver)"),
            read_units * prices.dynamodb_read_units_per_million / 1000.0,
        ),
    ];
    let total: f64 = lines.iter().map(|(_, d)| d).sum();
    let _ = writeln!(
        t,
        "\nPer 1,000 invitations by email (the first row above, and its delivery, the last):\n\n| item | $ per 1,000 |\n| --- | ---: |"
    );
    for (what, dollars) in &lines {
        let _ = writeln!(t, "| {what} | ${dollars:.5} |");
    }
    let _ = writeln!(
        t,
        "| **service, without message fees** | **${total:.5}** |\n\
         | SES (${} per 1,000 emails) | ${:.2} |\n\
         | SNS SMS, United States (${} each, carrier fees extra), if texted | ${:.2} |\n\n\
         (x86_64 Lambda costs ${}/GB-s instead of ${}.)",
        prices.ses_emails_per_thousand,
        prices.ses_emails_per_thousand,
        prices.sns_sms_us,
        prices.sns_sms_us * 1000.0,
        prices.lambda_gb_second_x86_64,
        prices.lambda_gb_second_arm64
    );
    report.section(t);
    let writes = |c: &Capacity| {
        [
            "TransactWriteItems",
            "PutItem",
            "UpdateItem",
            "DeleteItem",
            "BatchWriteItem",
        ]
        .iter()
        .map(|k| c.requests.get(*k).copied().unwrap_or(0))
        .sum::<usize>()
    };
    report.check(
        "DynamoDB write requests per invite",
        writes(invite).to_string(),
        "≤ 1",
        writes(invite) <= 1,
    );
    for (name, c) in &ops[5..7] {
        let queries = c.requests.get("Query").copied().unwrap_or(0);
        report.check(
            &format!("Queries per {name}"),
            queries.to_string(),
            "exactly 1",
            queries == 1,
        );
    }
    let stats = &ops[7].1;
    let stats_reads: usize = stats.requests.values().sum();
    report.check(
        "stats reads",
        format!("{stats_reads} requests, {} read units", stats.read_units),
        "O(1), whatever the tenant's size",
        !stats.requests.contains_key("Scan") && stats_reads <= 4,
    );
    report.check(
        "cost per 1,000 invitations, without SES/SNS",
        format!("${total:.4}"),
        "< $0.01",
        total < 0.01,
    );
}

// ---------------------------------------------------------------------------------------------

fn main() {
    // `cargo bench` passes `--bench`; nothing else is expected.
    let all = PARTS.map(|p| p.0).join(",");
    let asked = std::env::var("BENCH_ONLY").unwrap_or(all);
    let ran: Vec<&str> = PARTS
        .iter()
        .map(|p| p.0)
        .filter(|name| asked.split(',').any(|a| a.trim() == *name))
        .collect();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let mut report = Report::default();
        let mut invite_ms = None;
        for part in &ran {
            report.begin(part);
            match *part {
                "lambda" => invite_ms = Some(lambda_starts(&mut report).await),
                "local" => local_server(&mut report).await,
                "cost" => aws_cost(&mut report, invite_ms).await,
                "critical" => critical_path::measure(&mut report).await,
                _ => unreachable!("a part of PARTS"),
            }
        }
        write_markdown(&report, &ran);
        let missed = report.checks.iter().filter(|c| !c.met).count();
        println!(
            "\n{} of {} targets met; BENCHMARKS.md written.",
            report.checks.len() - missed,
            report.checks.len()
        );
    });
}
