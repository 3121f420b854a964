//! The workspace's binaries as the tests start them: the local server on a free loopback port
//! (stopped when dropped), the way to find a built binary, and a JSON call over HTTP.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

pub struct Server {
    pub child: Child,
    pub base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A binary of the workspace (`target/debug/{name}` beside this test), which must be built.
pub fn binary_named(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("current exe");
    let path = exe
        .parent()
        .and_then(|d| d.parent())
        .expect("target dir")
        .join(name);
    assert!(
        path.exists(),
        "{} is not built: run `cargo build --workspace` (make test does)",
        path.display()
    );
    path
}

/// The local server's binary.
pub fn binary() -> PathBuf {
    binary_named("local")
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The local server on `port` with its data under `data`, and `env`, once it answers.
pub async fn start_with(port: u16, data: &Path, env: &[(&str, &str)]) -> Server {
    let child = Command::new(binary())
        .envs(env.iter().copied())
        .env("PORT", port.to_string())
        .env("DATA_DIR", data)
        .env_remove("ACCEPT_URL_BASE")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the local server");
    let server = Server {
        child,
        base: format!("http://127.0.0.1:{port}"),
    };
    assert!(
        healthy(&server.base, Duration::from_secs(30)).await,
        "the local server did not start on port {port}"
    );
    server
}

/// Whether the server at `base` answers `/healthz` within `limit`.
pub async fn healthy(base: &str, limit: Duration) -> bool {
    let client = reqwest::Client::new();
    let started = Instant::now();
    while started.elapsed() < limit {
        if let Ok(r) = client.get(format!("{base}/healthz")).send().await {
            if r.status().is_success() {
                return true;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    false
}

/// One JSON request: the status and the body (`null` when it is not JSON).
pub async fn call(
    method: reqwest::Method,
    url: String,
    token: Option<&str>,
    body: Option<Value>,
) -> (u16, Value) {
    let mut req = reqwest::Client::new().request(method, url);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    if let Some(b) = body {
        req = req.json(&b);
    }
    let r = req.send().await.expect("request");
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}
