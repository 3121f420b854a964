//! Every Lambda binary, as built, under a small Lambda Runtime API on loopback, configured as in
//! AWS (the AWS backend, here against moto): it takes API Gateway HTTP API (v2) events and
//! answers them, and it never serves the `/dev/` routes.

#[path = "support/moto.rs"]
mod moto;

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use serde_json::{Value, json};
use tokio::sync::{Mutex, mpsc};

struct Runtime {
    events: Mutex<mpsc::Receiver<(String, Value)>>,
    results: mpsc::Sender<(String, Value)>,
}

async fn next(State(rt): State<Arc<Runtime>>) -> impl IntoResponse {
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
    Path(id): Path<String>,
    body: String,
) -> StatusCode {
    let value = serde_json::from_str(&body).unwrap_or(Value::String(body));
    let _ = rt.results.send((id, value)).await;
    StatusCode::ACCEPTED
}

async fn error(State(rt): State<Arc<Runtime>>, Path(id): Path<String>, body: String) -> StatusCode {
    let _ = rt.results.send((id, json!({"runtime_error": body}))).await;
    StatusCode::ACCEPTED
}

async fn init_error(body: String) -> StatusCode {
    eprintln!("init error: {body}");
    StatusCode::ACCEPTED
}

fn event(method: &str, path: &str, body: Option<Value>, headers: Value) -> Value {
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

fn binary(name: &str) -> PathBuf {
    // target/<profile>/deps/lambda_runtime-<hash> → target/<profile>/<name>
    let exe = std::env::current_exe().expect("current exe");
    let dir = exe.parent().and_then(|d| d.parent()).expect("target dir");
    let path = dir.join(name);
    assert!(
        path.exists(),
        "{} is not built: run `cargo build --workspace` (make test does)",
        path.display()
    );
    path
}

struct Killed(Child);
impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The environment a function has in AWS, aimed at moto, with a table of its own.
async fn lambda_env(name: &str) -> Vec<(String, String)> {
    lambda_env_on(name, &moto::fresh_table()).await
}

async fn lambda_env_on(name: &str, table: &str) -> Vec<(String, String)> {
    let sdk = moto::sdk().await;
    let table = table.to_string();
    invitations::adapters::dynamodb::ensure_table(&aws_sdk_dynamodb::Client::new(&sdk), &table)
        .await
        .unwrap();
    let key = invitations::session::SessionKeys::generate_pkcs8_der().unwrap();
    use base64::Engine;
    [
        ("AWS_LAMBDA_FUNCTION_NAME", name.to_string()),
        ("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128".into()),
        ("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST".into()),
        ("AWS_LAMBDA_LOG_STREAM_NAME", "stream".into()),
        ("AWS_LAMBDA_LOG_GROUP_NAME", "group".into()),
        ("AWS_REGION", "us-east-1".into()),
        ("AWS_ACCESS_KEY_ID", "testing".into()),
        ("AWS_SECRET_ACCESS_KEY", "testing".into()),
        ("AWS_EC2_METADATA_DISABLED", "true".into()),
        ("AWS_ENDPOINT_URL", moto::endpoint()),
        ("TABLE_NAME", table),
        ("MAIL_FROM", "invitations@invitations.test".into()),
        ("ACCEPT_URL_BASE", "https://app.example.com".into()),
        (
            "SESSION_SIGNING_KEY",
            base64::engine::general_purpose::STANDARD.encode(key),
        ),
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
    .collect()
}

/// Starts `name` against a fresh Runtime API and returns its answers to `events`.
async fn invoke(name: &str, events: Vec<Value>) -> Vec<Value> {
    invoke_with(name, lambda_env(name).await, events).await
}

async fn invoke_with(name: &str, env: Vec<(String, String)>, events: Vec<Value>) -> Vec<Value> {
    let (events_tx, events_rx) = mpsc::channel(16);
    let (results_tx, mut results_rx) = mpsc::channel(16);
    let rt = Arc::new(Runtime {
        events: Mutex::new(events_rx),
        results: results_tx,
    });
    let router = Router::new()
        .route("/2018-06-01/runtime/invocation/next", get(next))
        .route(
            "/2018-06-01/runtime/invocation/{id}/response",
            post(respond),
        )
        .route("/2018-06-01/runtime/invocation/{id}/error", post(error))
        .route("/2018-06-01/runtime/init/error", post(init_error))
        .with_state(rt);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    let child = Killed(
        Command::new(binary(name))
            .env_clear()
            .envs(env)
            .env("AWS_LAMBDA_RUNTIME_API", addr.to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start the function"),
    );
    let mut answers = Vec::new();
    for (i, e) in events.into_iter().enumerate() {
        let id = format!("req-{i}");
        events_tx.send((id.clone(), e)).await.unwrap();
        let (got, answer) = tokio::time::timeout(Duration::from_secs(20), results_rx.recv())
            .await
            .unwrap_or_else(|_| panic!("{name} did not answer"))
            .expect("an answer");
        assert_eq!(got, id);
        answers.push(answer);
    }
    drop(child);
    server.abort();
    answers
}

fn status_and_body(answer: &Value) -> (u64, Value) {
    let status = answer["statusCode"]
        .as_u64()
        .unwrap_or_else(|| panic!("not an API Gateway response: {answer}"));
    let body = answer["body"]
        .as_str()
        .map(|b| serde_json::from_str(b).unwrap_or(Value::String(b.into())))
        .unwrap_or(Value::Null);
    (status, body)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_function_answers_api_gateway_events_under_the_runtime_api() {
    let tenant = uuid::Uuid::now_v7();
    let user = uuid::Uuid::now_v7();
    let json_headers = json!({"content-type": "application/json"});
    // (binary, one of its own routes, expected status and code without a session)
    let cases = [
        (
            "invite",
            event(
                "POST",
                &format!("/v1/tenants/{tenant}/invitations"),
                Some(json!({"email": "a@example.com"})),
                json_headers.clone(),
            ),
            401,
            "unauthenticated",
        ),
        (
            "accept",
            event(
                "POST",
                "/v1/invitations/preview",
                Some(json!({"token": "A".repeat(43)})),
                json_headers.clone(),
            ),
            404,
            "invitation_invalid",
        ),
        (
            "reinvite",
            event(
                "POST",
                &format!("/v1/tenants/{tenant}/users/{user}/reinvite"),
                None,
                json!({}),
            ),
            401,
            "unauthenticated",
        ),
        (
            "deactivate",
            event(
                "POST",
                &format!("/v1/tenants/{tenant}/users/{user}/deactivate"),
                None,
                json!({}),
            ),
            401,
            "unauthenticated",
        ),
        (
            "list",
            event(
                "GET",
                &format!("/v1/tenants/{tenant}/users"),
                None,
                json!({}),
            ),
            401,
            "unauthenticated",
        ),
        (
            "sessions",
            event(
                "POST",
                "/v1/sessions",
                Some(json!({"email": "nobody@example.com", "password": "not the password"})),
                json_headers.clone(),
            ),
            401,
            "invalid_credentials",
        ),
        (
            "edit",
            event(
                "PATCH",
                &format!("/v1/tenants/{tenant}/users/{user}"),
                Some(json!({"first_name": "A"})),
                json_headers.clone(),
            ),
            401,
            "unauthenticated",
        ),
    ];
    for (name, own_route, status, code) in cases {
        let dev = event(
            "POST",
            "/dev/tenants",
            Some(json!({"name": "x"})),
            json_headers.clone(),
        );
        let health = event("GET", "/healthz", None, json!({}));
        let answers = invoke(name, vec![own_route, health, dev]).await;

        let (s, body) = status_and_body(&answers[0]);
        assert_eq!(
            (s, body["code"].as_str().unwrap_or("")),
            (status, code),
            "{name}: {body}"
        );
        assert_eq!(
            answers[0]["headers"]["content-type"], "application/problem+json",
            "{name}"
        );
        assert_eq!(answers[0]["headers"]["cache-control"], "no-store", "{name}");

        let (s, body) = status_and_body(&answers[1]);
        assert_eq!((s, &body["status"]), (200, &json!("ok")), "{name} /healthz");

        let (s, body) = status_and_body(&answers[2]);
        assert_eq!(
            (s, body["code"].as_str().unwrap_or("")),
            (404, "not_found"),
            "{name} must not serve /dev/tenants"
        );
    }
}

#[tokio::test]
async fn a_function_missing_its_configuration_stops_with_the_variable_named() {
    let env: Vec<(String, String)> = lambda_env("list")
        .await
        .into_iter()
        .filter(|(k, _)| k != "TABLE_NAME")
        .collect();
    let out = Command::new(binary("list"))
        .env_clear()
        .envs(env)
        .env("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9")
        .output()
        .expect("run the function");
    assert!(!out.status.success());
    let logs =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        logs.contains("TABLE_NAME"),
        "the error names the variable: {logs}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dispatch_sends_a_deferred_invitation_once_however_often_the_schedule_fires() {
    use invitations::usecases::{invite, tenants};
    // A tenant with a scheduled member, in the table the function will use.
    let table = moto::fresh_table();
    let dir = std::env::temp_dir().join(format!("invitations-dispatch-{}", uuid::Uuid::now_v7()));
    let config =
        invitations::config::Config::local_aws(dir.clone(), "https://app.example.com", &table);
    let clients = invitations::app::AwsClients::from_sdk(&moto::sdk().await);
    let parts = invitations::app::App::aws_parts(&config, &clients)
        .await
        .unwrap();
    let app = invitations::app::App::assemble(config, parts).unwrap();
    let admin = tenants::NewAdmin {
        email: format!("boss-{}@example.com", uuid::Uuid::now_v7().simple()),
        password: "correct horse battery staple".into(),
        first_name: "Marta".into(),
        last_name: "Gil".into(),
    };
    let tenant = tenants::create(
        &app,
        tenants::NewTenant {
            name: "Hotel Lambda".into(),
            products: vec![],
            sms_countries: vec![],
            admin,
        },
    )
    .await
    .unwrap();
    let (_, access) = app
        .store
        .profile_with_access(
            app.sessions
                .verify(&tenant.token, chrono::Utc::now())
                .unwrap(),
        )
        .await
        .unwrap();
    let to = format!("later-{}@example.com", uuid::Uuid::now_v7().simple());
    let send_at = (chrono::Utc::now() + chrono::Duration::days(1))
        .format("%Y-%m-%dT%H:%M:%S")
        .to_string();
    let request = invite::InviteRequest {
        email: Some(to.clone()),
        send_at: Some(send_at),
        ..Default::default()
    };
    let profile = app
        .sessions
        .verify(&tenant.token, chrono::Utc::now())
        .unwrap();
    let member = invite::invite(&app, profile, access[0].tenant_id, request)
        .await
        .unwrap();
    let _ = std::fs::remove_dir_all(dir);

    let event = json!({"tenant": member.tenant_id, "user": member.id, "generation": 1});
    let answers = invoke_with(
        "dispatch",
        lambda_env_on("dispatch", &table).await,
        vec![event.clone(), event],
    )
    .await;
    assert_eq!(answers[0], json!({"outcome": "sent"}), "{answers:?}");
    assert_eq!(answers[1], json!({"outcome": "skipped"}), "{answers:?}");
    let data = moto::recorded().await;
    let sent = data["ses"]["Message"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m.to_string().contains(&to))
        .count();
    assert_eq!(sent, 1, "one email however often the schedule fires");
}
