//! Local-only routes: create tenants, read the outbox, move the clock. Never deployed: the
//! Lambda routers do not include them, and they answer 404 where the app has no dev tools.

use std::collections::HashMap;

use axum::Router;
use axum::extract::{Query, State as Extract};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::json;

use super::State;
use super::extract::Json;
use crate::error::{Error, Result};
use crate::usecases::tenants::{self, NewTenant};

pub fn routes() -> Router<State> {
    Router::new()
        .route("/dev/tenants", post(create_tenant))
        .route("/dev/outbox", get(outbox))
        .route("/dev/clock", post(clock))
        .route("/dev/scheduler/run", post(run_scheduler))
}

fn dev(app: &State) -> Result<&crate::app::DevTools> {
    app.dev.as_ref().ok_or(Error::RouteNotFound)
}

async fn create_tenant(
    Extract(app): Extract<State>,
    Json(body): Json<NewTenant>,
) -> Result<impl IntoResponse> {
    dev(&app)?;
    let created = tenants::create(&app, body).await?;
    Ok((StatusCode::CREATED, axum::Json(created)))
}

async fn outbox(
    Extract(app): Extract<State>,
    Query(params): Query<HashMap<String, String>>,
) -> Result<impl IntoResponse> {
    let messages = dev(&app)?
        .outbox
        .messages(params.get("to").map(String::as_str));
    Ok(axum::Json(json!({ "messages": messages })))
}

async fn run_scheduler(Extract(app): Extract<State>) -> Result<impl IntoResponse> {
    dev(&app)?;
    let fired = crate::usecases::dispatch::run_due(&app).await?;
    Ok(axum::Json(json!({ "fired": fired })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Advance {
    advance_seconds: i64,
}

async fn clock(
    Extract(app): Extract<State>,
    Json(body): Json<Advance>,
) -> Result<impl IntoResponse> {
    let tools = dev(&app)?;
    if !(0..=10 * 366 * 86_400).contains(&body.advance_seconds) {
        return Err(Error::field(
            "advance_seconds",
            "must be from 0 to ten years, in seconds: the clock only moves forward",
        ));
    }
    let now = tools.clock.advance(body.advance_seconds);
    Ok(axum::Json(
        json!({ "now": now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true) }),
    ))
}
