//! Every Lambda binary, as built, under a small Lambda Runtime API on loopback: it takes API
//! Gateway HTTP API (v2) events and answers them, and it never serves the `/dev/` routes.

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

/// Starts `name` against a fresh Runtime API and returns its answers to `events`.
async fn invoke(name: &str, events: Vec<Value>) -> Vec<Value> {
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
    let data = std::env::temp_dir().join(format!("invitations-lambda-{}", uuid::Uuid::now_v7()));
    let child = Killed(
        Command::new(binary(name))
            .env("AWS_LAMBDA_RUNTIME_API", addr.to_string())
            .env("AWS_LAMBDA_FUNCTION_NAME", name)
            .env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
            .env("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
            .env("AWS_LAMBDA_LOG_STREAM_NAME", "stream")
            .env("AWS_LAMBDA_LOG_GROUP_NAME", "group")
            .env("AWS_REGION", "eu-west-1")
            .env("DATA_DIR", &data)
            .env("ACCEPT_URL_BASE", "https://app.example.com")
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
    let _ = std::fs::remove_dir_all(data);
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
