//! Running one function's router under the Lambda Runtime API (API Gateway HTTP API events).

use crate::app::App;
use crate::http::{Function, function_router};

/// Reads the configuration, builds the adapters once, and serves `function` until the runtime
/// stops the process.
pub async fn run(function: Function) -> Result<(), lambda_http::Error> {
    crate::telemetry::init_lambda();
    let app = App::from_env()
        .await
        .inspect_err(|e| tracing::error!(error = %e, "cannot start"))?;
    lambda_http::run(function_router(function, app)).await
}
