//! HTTP: one axum `Router` per Lambda function; the local server is all of them merged with the
//! `/dev/` routes. Handlers extract and validate input, call one use case, and map the result.

use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request};
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::get;

use crate::app::App;
use crate::error::Error;

pub mod accept;
pub mod deactivate;
pub mod dev;
pub mod edit;
pub mod extract;
pub mod invite;
pub mod list;
pub mod pages;
pub mod problem;
pub mod reinvite;
pub mod sessions;

pub type State = Arc<App>;

/// The Lambda functions, each serving its own routes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Function {
    Invite,
    Accept,
    Reinvite,
    Deactivate,
    List,
    Sessions,
    Edit,
}

impl Function {
    pub const ALL: [Function; 7] = [
        Function::Invite,
        Function::Accept,
        Function::Reinvite,
        Function::Deactivate,
        Function::List,
        Function::Sessions,
        Function::Edit,
    ];

    /// The function's name: its binary, and its name in `infra/template.yaml`.
    pub fn name(self) -> &'static str {
        match self {
            Function::Invite => "invite",
            Function::Accept => "accept",
            Function::Reinvite => "reinvite",
            Function::Deactivate => "deactivate",
            Function::List => "list",
            Function::Sessions => "sessions",
            Function::Edit => "edit",
        }
    }

    pub fn from_name(name: &str) -> Option<Function> {
        Function::ALL.into_iter().find(|f| f.name() == name)
    }

    fn routes(self) -> Router<State> {
        match self {
            Function::Invite => invite::routes(),
            Function::Accept => accept::routes(),
            Function::Reinvite => reinvite::routes(),
            Function::Deactivate => deactivate::routes(),
            Function::List => list::routes(),
            Function::Sessions => sessions::routes(),
            Function::Edit => edit::routes(),
        }
    }
}

async fn healthz() -> axum::Json<serde_json::Value> {
    axum::Json(serde_json::json!({ "status": "ok" }))
}

/// Headers every response carries, and one log line per request (route template, never the
/// URL's query or any body: no tokens, codes or passwords reach the log).
async fn envelope(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string());
    // API Gateway's request id (what its access log and the function's log lines carry), or
    // one of our own: answered in `x-request-id` and kept with every audit entry.
    let request_id = match request
        .extensions()
        .get::<lambda_http::request::RequestContext>()
    {
        Some(lambda_http::request::RequestContext::ApiGatewayV2(ctx)) => ctx.request_id.clone(),
        _ => None,
    }
    .unwrap_or_else(|| uuid::Uuid::now_v7().to_string());
    let mut response = crate::telemetry::serving(request_id.clone(), next.run(request)).await;
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        headers.insert("x-request-id", value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    tracing::info!(
        %method,
        route = route.as_deref().unwrap_or("(unmatched)"),
        status = response.status().as_u16(),
        latency_ms = started.elapsed().as_secs_f64() * 1000.0,
        "request"
    );
    response
}

fn finish(router: Router<State>, app: State) -> Router {
    router
        .route("/healthz", get(healthz))
        .fallback(|| async { Error::RouteNotFound })
        .method_not_allowed_fallback(|| async { Error::MethodNotAllowed })
        .layer(DefaultBodyLimit::max(extract::MAX_BODY))
        .layer(middleware::from_fn(envelope))
        .with_state(app)
}

/// The router one Lambda function serves. Never holds the `/dev/` routes.
pub fn function_router(function: Function, app: State) -> Router {
    finish(function.routes(), app)
}

/// Every function's routes, without the `/dev/` ones.
pub fn api_router(app: State) -> Router {
    let all = Function::ALL
        .into_iter()
        .fold(Router::new(), |r, f| r.merge(f.routes()));
    finish(all, app)
}

/// The local server: every function's routes, the pages, and the `/dev/` ones.
pub fn local_router(app: State) -> Router {
    let all = Function::ALL
        .into_iter()
        .fold(Router::new(), |r, f| r.merge(f.routes()));
    finish(all.merge(pages::routes()).merge(dev::routes()), app)
}
