//! Logging: JSON lines in Lambda (request id and function from the runtime's span), readable
//! lines locally. `RUST_LOG` filters both.

use tracing_subscriber::EnvFilter;

fn filter() -> EnvFilter {
    EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"))
}

pub fn init_lambda() {
    let _ = tracing_subscriber::fmt()
        .json()
        .with_env_filter(filter())
        .with_current_span(false)
        .without_time()
        .try_init();
}

/// Readable lines on stderr (stdout stays for what the server prints for people), coloured
/// only on a terminal.
pub fn init_local() {
    use std::io::IsTerminal;
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter())
        .with_target(false)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .try_init();
}

tokio::task_local! {
    /// The id of the request being served (API Gateway's, or one of our own locally).
    static REQUEST_ID: String;
}

/// The id of the request this task serves, if it serves one.
pub fn request_id() -> Option<String> {
    REQUEST_ID.try_with(Clone::clone).ok()
}

/// Runs `f` as the serving of request `id`.
pub async fn serving<F: std::future::Future>(id: String, f: F) -> F::Output {
    REQUEST_ID.scope(id, f).await
}
