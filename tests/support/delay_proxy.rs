//! A proxy on loopback in front of moto that waits a fixed delay before it forwards each request:
//! every AWS call then costs at least that delay, as a round trip within a region does, so that
//! calls made one after another show in an operation's time. It records each request (operation,
//! bodies, when it came and when its answer went back) in a [`RequestLog`], from which
//! [`crate::requests::round_trips`] tells the calls an operation waited for one after another.
//!
//! The whole request (method, path and query, headers with the SigV4 ones, body) goes on to moto
//! as it came; moto does not check signatures, so that the `Host` is moto's own does not matter.
//! The answer is read whole and sent back (moto's answers are small).

#![allow(dead_code)]

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::requests::{RequestLog, Sent, operation};

struct Shared {
    upstream: String,
    client: reqwest::Client,
    delay_us: AtomicU64,
    log: RequestLog,
}

/// The proxy: its endpoint, to give as `AWS_ENDPOINT_URL`, and the log of what went through.
pub struct DelayProxy {
    pub endpoint: String,
    pub log: RequestLog,
    shared: Arc<Shared>,
    server: tokio::task::JoinHandle<()>,
}

impl DelayProxy {
    /// A proxy to `upstream` (moto's endpoint) on a free loopback port, waiting `delay` before
    /// it forwards each request.
    pub async fn start(upstream: &str, delay: Duration) -> DelayProxy {
        let log = RequestLog::default();
        let shared = Arc::new(Shared {
            upstream: upstream.trim_end_matches('/').to_string(),
            client: reqwest::Client::builder()
                .no_proxy()
                .build()
                .expect("an HTTP client"),
            delay_us: AtomicU64::new(delay.as_micros() as u64),
            log: log.clone(),
        });
        let router = Router::new().fallback(forward).with_state(shared.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let endpoint = format!("http://{}", listener.local_addr().unwrap());
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        DelayProxy {
            endpoint,
            log,
            shared,
            server,
        }
    }

    /// Changes the delay for the requests that come from now on.
    pub fn set_delay(&self, delay: Duration) {
        self.shared
            .delay_us
            .store(delay.as_micros() as u64, Ordering::SeqCst);
    }

    pub fn delay(&self) -> Duration {
        Duration::from_micros(self.shared.delay_us.load(Ordering::SeqCst))
    }
}

impl Drop for DelayProxy {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// Headers of one connection, not of the request or answer: not passed on.
fn hop_by_hop(name: &HeaderName) -> bool {
    [
        header::CONNECTION,
        header::CONTENT_LENGTH,
        header::HOST,
        header::TRANSFER_ENCODING,
        header::UPGRADE,
        HeaderName::from_static("keep-alive"),
        header::PROXY_AUTHORIZATION,
        header::TE,
        header::TRAILER,
    ]
    .contains(name)
}

fn passed_on(headers: &HeaderMap) -> HeaderMap {
    headers
        .iter()
        .filter(|(name, _)| !hop_by_hop(name))
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect()
}

async fn forward(State(proxy): State<Arc<Shared>>, request: Request) -> Response {
    let sent_at = Instant::now();
    let (parts, body) = request.into_parts();
    let Ok(body) = axum::body::to_bytes(body, usize::MAX).await else {
        return (StatusCode::BAD_REQUEST, "unreadable body").into_response();
    };
    let path = parts.uri.path_and_query().map_or("/", |p| p.as_str());
    let text = String::from_utf8_lossy(&body).into_owned();
    let target = parts
        .headers
        .get("x-amz-target")
        .and_then(|t| t.to_str().ok());
    let operation = operation(target, parts.method.as_str(), path, &text);
    tokio::time::sleep(Duration::from_micros(proxy.delay_us.load(Ordering::SeqCst))).await;
    let answer = proxy
        .client
        .request(parts.method.clone(), format!("{}{path}", proxy.upstream))
        .headers(passed_on(&parts.headers))
        .body(body)
        .send()
        .await;
    let (status, headers, bytes) = match answer {
        Ok(answer) => {
            let status = answer.status();
            let headers = passed_on(answer.headers());
            match answer.bytes().await {
                Ok(bytes) => (status, headers, bytes),
                Err(e) => (StatusCode::BAD_GATEWAY, HeaderMap::new(), error_body(e)),
            }
        }
        Err(e) => (StatusCode::BAD_GATEWAY, HeaderMap::new(), error_body(e)),
    };
    proxy.log.record(Sent {
        operation,
        body: text,
        response: String::from_utf8_lossy(&bytes).into_owned(),
        sent_at,
        answered_at: Some(Instant::now()),
    });
    let mut response = Response::new(Body::from(bytes));
    *response.status_mut() = status;
    *response.headers_mut() = headers;
    response
}

fn error_body(e: reqwest::Error) -> Bytes {
    Bytes::from(format!("delay proxy: moto did not answer: {e}"))
}
