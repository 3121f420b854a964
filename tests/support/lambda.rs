//! A small Lambda Runtime API on loopback, for starting the built Lambda binaries as Lambda would:
//! it hands them events (API Gateway HTTP API v2, or any JSON) and collects their answers. Used by
//! the Lambda runtime tests and by the cold- and warm-start benchmark.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use serde_json::{Value, json};
use tokio::sync::{Mutex, mpsc};

struct Runtime {
    events: Mutex<mpsc::Receiver<(String, Value)>>,
    results: mpsc::Sender<(String, Value)>,
    /// When the function first asked for an event: the end of its initialisation.
    ready_at: std::sync::OnceLock<Instant>,
}

async fn next(State(rt): State<Arc<Runtime>>) -> impl IntoResponse {
    rt.ready_at.get_or_init(Instant::now);
    let Some((id, event)) = rt.events.lock().await.recv().await else {
        return (StatusCode::GONE, HeaderMap::new(), String::new());
    };
    let mut h = HeaderMap::new();
    let deadline = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis()
        + 30_000;
    h.insert(
        "lambda-runtime-aws-request-id",
        HeaderValue::from_str(&id).unwrap(),
    );
    h.insert(
        "lambda-runtime-deadline-ms",
        HeaderValue::from_str(&deadline.to_string()).unwrap(),
    );
    h.insert(
        "lambda-runtime-invoked-function-arn",
        HeaderValue::from_static("arn:aws:lambda:eu-west-1:123456789012:function:test"),
    );
    h.insert(
        "lambda-runtime-trace-id",
        HeaderValue::from_static("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1"),
    );
    (StatusCode::OK, h, event.to_string())
}

async fn respond(
    State(rt): State<Arc<Runtime>>,
    UrlPath(id): UrlPath<String>,
    body: String,
) -> StatusCode {
    let value = serde_json::from_str(&body).unwrap_or(Value::String(body));
    let _ = rt.results.send((id, value)).await;
    StatusCode::ACCEPTED
}

async fn error(
    State(rt): State<Arc<Runtime>>,
    UrlPath(id): UrlPath<String>,
    body: String,
) -> StatusCode {
    let _ = rt.results.send((id, json!({"runtime_error": body}))).await;
    StatusCode::ACCEPTED
}

async fn init_error(body: String) -> StatusCode {
    eprintln!("init error: {body}");
    StatusCode::ACCEPTED
}

pub fn event(method: &str, path: &str, body: Option<Value>, headers: Value) -> Value {
    json!({
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": path,
        "rawQueryString": "",
        "headers": headers,
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "api",
            "domainName": "api.execute-api.eu-west-1.amazonaws.com",
            "domainPrefix": "api",
            "http": {"method": method, "path": path, "protocol": "HTTP/1.1", "sourceIp": "203.0.113.7", "userAgent": "test"},
            "requestId": "req",
            "routeKey": "$default",
            "stage": "$default",
            "time": "24/Nov/2026:10:00:00 +0000",
            "timeEpoch": 1795514400000u64
        },
        "body": body.map(|b| b.to_string()),
        "isBase64Encoded": false
    })
}

struct Killed(Child);
impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A binary started under its own Runtime API.
pub struct Started {
    child: Killed,
    /// When the process was started (exec).
    pub started_at: Instant,
    events: mpsc::Sender<(String, Value)>,
    results: mpsc::Receiver<(String, Value)>,
    server: tokio::task::JoinHandle<()>,
    runtime: Arc<Runtime>,
}

impl Started {
    /// Starts `binary` with `env` (and nothing else) and a Runtime API of its own.
    pub async fn start(binary: &Path, env: Vec<(String, String)>) -> Started {
        let (events_tx, events_rx) = mpsc::channel(16);
        let (results_tx, results_rx) = mpsc::channel(16);
        let rt = Arc::new(Runtime {
            events: Mutex::new(events_rx),
            results: results_tx,
            ready_at: std::sync::OnceLock::new(),
        });
        let router = Router::new()
            .route("/2018-06-01/runtime/invocation/next", get(next))
            .route(
                "/2018-06-01/runtime/invocation/{id}/response",
                post(respond),
            )
            .route("/2018-06-01/runtime/invocation/{id}/error", post(error))
            .route("/2018-06-01/runtime/init/error", post(init_error))
            .with_state(rt.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        let started_at = Instant::now();
        let child = Killed(
            Command::new(binary)
                .env_clear()
                .envs(env)
                .env("AWS_LAMBDA_RUNTIME_API", addr.to_string())
                .stdout(Stdio::null())
                .stderr(Stdio::inherit())
                .spawn()
                .unwrap_or_else(|e| panic!("start {}: {e}", binary.display())),
        );
        Started {
            child,
            started_at,
            events: events_tx,
            results: results_rx,
            server,
            runtime: rt,
        }
    }

    /// Hands the function one event and waits (at most 20 s) for its answer.
    pub async fn invoke(&mut self, id: &str, event: Value) -> Option<Value> {
        self.events.send((id.to_string(), event)).await.ok()?;
        let (got, answer) = tokio::time::timeout(Duration::from_secs(20), self.results.recv())
            .await
            .ok()??;
        assert_eq!(got, id, "answers come back for the event handed out");
        Some(answer)
    }

    /// How long the function took from exec to its first request for an event (its init).
    pub fn init_time(&self) -> Option<Duration> {
        self.runtime
            .ready_at
            .get()
            .map(|t| t.duration_since(self.started_at))
    }

    /// The process's peak resident set (VmHWM), in KiB.
    pub fn peak_rss_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.0.id())).ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    }
}

impl Drop for Started {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// The environment a function has in AWS, aimed at moto, on `table` (created when missing).
pub async fn lambda_env_on(name: &str, table: &str) -> Vec<(String, String)> {
    let sdk = crate::moto::sdk().await;
    let table = table.to_string();
    invitations::adapters::dynamodb::ensure_table(&aws_sdk_dynamodb::Client::new(&sdk), &table)
        .await
        .unwrap();
    let secret = signing_key_secret().await;
    let mut env: Vec<(String, String)> = [
        ("AWS_LAMBDA_FUNCTION_NAME", name.to_string()),
        ("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128".into()),
        ("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST".into()),
        ("AWS_LAMBDA_LOG_STREAM_NAME", "stream".into()),
        ("AWS_LAMBDA_LOG_GROUP_NAME", "group".into()),
        ("AWS_REGION", "us-east-1".into()),
        ("AWS_ACCESS_KEY_ID", "testing".into()),
        ("AWS_SECRET_ACCESS_KEY", "testing".into()),
        ("AWS_EC2_METADATA_DISABLED", "true".into()),
        ("AWS_ENDPOINT_URL", crate::moto::endpoint()),
        ("TABLE_NAME", table),
        ("MAIL_FROM", "invitations@invitations.test".into()),
        ("ACCEPT_URL_BASE", "https://app.example.com".into()),
        (
            "SCHEDULER_ROLE_ARN",
            "arn:aws:iam::123456789012:role/scheduler".into(),
        ),
        (
            "DISPATCH_FUNCTION_ARN",
            "arn:aws:lambda:us-east-1:123456789012:function:dispatch".into(),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    env.extend(session_env(name, &secret));
    env
}

/// The functions that issue sessions: they alone read the private key.
pub const ISSUING: [&str; 2] = ["accept", "sessions"];

/// One key pair per test process: the private key's base64, and the public key's.
pub fn key_pair() -> &'static (String, String) {
    static KEYS: std::sync::OnceLock<(String, String)> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        use base64::Engine;
        let der = invitations::session::SessionKeys::generate_pkcs8_der().unwrap();
        let public = invitations::session::SessionKeys::public_base64(&der).unwrap();
        (
            base64::engine::general_purpose::STANDARD.encode(der),
            public,
        )
    })
}

/// A session signed with this process's key, as the issuing functions sign them.
pub async fn session_token(profile: uuid::Uuid, scope: Option<uuid::Uuid>) -> String {
    let keys =
        invitations::session::SessionKeys::from_base64(&key_pair().0, chrono::Duration::hours(1))
            .unwrap();
    let grant = invitations::session::Grant {
        profile,
        scope,
        epoch: 0,
    };
    keys.issue(grant, chrono::Utc::now()).await.unwrap().token
}

/// The Secrets Manager secret (on moto) holding this process's private key: its ARN.
pub async fn signing_key_secret() -> String {
    static ARN: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    ARN.get_or_init(|| async {
        let client = aws_sdk_secretsmanager::Client::new(&crate::moto::sdk().await);
        let created = client
            .create_secret()
            .name(format!(
                "session-signing-key-{}",
                uuid::Uuid::now_v7().simple()
            ))
            .secret_string(key_pair().0.clone())
            .send()
            .await
            .expect("a secret on moto");
        created.arn().expect("the secret's ARN").to_string()
    })
    .await
    .clone()
}

/// The session keys a function is given, as in `infra/template.yaml`: every function the
/// public key, and the issuing ones the secret's ARN too (read from cold start on).
pub fn session_env(name: &str, secret_arn: &str) -> Vec<(String, String)> {
    let mut env = vec![("SESSION_VERIFYING_KEY".into(), key_pair().1.clone())];
    if ISSUING.contains(&name) {
        env.push((
            "SESSION_SIGNING_KEY_SECRET_ARN".into(),
            secret_arn.to_string(),
        ));
    }
    env
}

/// What the table's stream hands `deliver` for a new outbox entry (generation 1 of a member on
/// `channel`): a record as Lambda passes it, keys only.
pub fn outbox_record(tenant: &str, user: &str, channel: &str) -> Value {
    let shard = uuid::Uuid::parse_str(user).map_or(0, |u| u.as_u128() as u32 % 8);
    json!({"Records": [{
        "eventID": "c81e728d9d4c2f636f067f89cc14862c",
        "eventName": "INSERT",
        "eventVersion": "1.1",
        "eventSource": "aws:dynamodb",
        "awsRegion": "us-east-1",
        "dynamodb": {
            "ApproximateCreationDateTime": 1_796_000_000,
            "Keys": {
                "pk": {"S": format!("OUTBOX#{shard}")},
                "sk": {"S": format!("{tenant}#{user}#{:010}#{channel}", 1)}
            },
            "SequenceNumber": "4421584500000000017450439091",
            "SizeBytes": 180,
            "StreamViewType": "KEYS_ONLY"
        },
        "eventSourceARN": "arn:aws:dynamodb:us-east-1:123456789012:table/invitations/stream/2026-12-04T00:00:00.000"
    }]})
}
