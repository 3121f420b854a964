//! Running one function's router under the Lambda Runtime API (API Gateway HTTP API events).

use crate::app::App;
use crate::http::{Function, function_router};

/// The `dispatch` function: EventBridge Scheduler's target for deferred sends. Its event is
/// the schedule's input, `{"tenant", "user", "generation"}`.
pub async fn run_dispatch() -> Result<(), lambda_runtime::Error> {
    crate::telemetry::init_lambda();
    let app = App::from_env()
        .await
        .inspect_err(|e| tracing::error!(error = %e, "cannot start"))?;
    let handler = lambda_runtime::service_fn(
        move |event: lambda_runtime::LambdaEvent<crate::ports::DeferredSend>| {
            let app = app.clone();
            async move {
                let outcome = crate::usecases::dispatch::dispatch(&app, &event.payload).await?;
                Ok::<_, lambda_runtime::Error>(serde_json::json!({ "outcome": outcome }))
            }
        },
    );
    lambda_runtime::run(handler).await
}

/// Reads the configuration, builds the adapters once, and serves `function` until the runtime
/// stops the process.
pub async fn run(function: Function) -> Result<(), lambda_http::Error> {
    crate::telemetry::init_lambda();
    let app = App::from_env()
        .await
        .inspect_err(|e| tracing::error!(error = %e, "cannot start"))?;
    lambda_http::run(function_router(function, app)).await
}
