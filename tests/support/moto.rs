//! moto, the AWS stand-in, for tests. `make test` starts one server for the whole run and passes
//! `MOTO_ENDPOINT`; run by hand, the first test that needs it starts `.venv/bin/moto_server` on a
//! free loopback port, with a watchdog that stops it when the test process ends.

#![allow(dead_code)]

use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

static STARTED: OnceLock<String> = OnceLock::new();

pub fn endpoint() -> String {
    if let Ok(e) = std::env::var("MOTO_ENDPOINT") {
        if !e.is_empty() {
            return e;
        }
    }
    STARTED.get_or_init(start).clone()
}

fn start() -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let server = root.join(".venv/bin/moto_server");
    assert!(
        server.exists(),
        "{} is missing: `make test` installs moto into .venv",
        server.display()
    );
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let script = format!(
        "'{}' -H 127.0.0.1 -p {port} >/dev/null 2>&1 & m=$!; while kill -0 {} 2>/dev/null; do sleep 0.5; done; kill $m",
        server.display(),
        std::process::id()
    );
    // Detached on purpose: the watchdog shell ends moto, and itself, when this process ends.
    #[allow(clippy::zombie_processes)]
    Command::new("bash")
        .arg("-c")
        .arg(script)
        .stdin(Stdio::null())
        .spawn()
        .expect("start moto");
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(30) {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return format!("http://127.0.0.1:{port}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("moto did not start on port {port}");
}

/// An SDK configuration aimed at moto.
pub async fn sdk() -> aws_config::SdkConfig {
    aws_config::defaults(aws_config::BehaviorVersion::latest())
        .endpoint_url(endpoint())
        .region(aws_config::Region::new("us-east-1"))
        .credentials_provider(aws_sdk_dynamodb::config::Credentials::new(
            "testing", "testing", None, None, "moto",
        ))
        .load()
        .await
}

/// A table name no other test uses.
pub fn fresh_table() -> String {
    format!("invitations-{}", uuid::Uuid::now_v7().simple())
}

/// What moto recorded (`/moto-api/data.json`).
pub async fn recorded() -> serde_json::Value {
    reqwest::get(format!("{}/moto-api/data.json", endpoint()))
        .await
        .expect("moto data")
        .json()
        .await
        .expect("moto json")
}
