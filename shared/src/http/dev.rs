//! Local-only routes: create tenants, read the outbox, move the clock, and the operator's
//! tenant commands (`/dev/operator/`, what the `operator` command calls with `--local`). Never
//! deployed: the Lambda routers do not include them, and they answer 404 where the app has no
//! dev tools.

use std::collections::HashMap;

use axum::Router;
use axum::extract::Path;
use axum::extract::{Query, State as Extract};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::json;

use super::State;
use super::extract::Json;
use crate::error::{Error, Result};
use crate::usecases::tenants::{self, NewTenant, Onboard, OperatorChange};

pub fn routes() -> Router<State> {
    Router::new()
        .route("/dev/tenants", post(create_tenant))
        .route("/dev/outbox", get(outbox))
        .route("/dev/outbox.html", get(outbox_page))
        .route("/dev/outbox/{index}", get(outbox_message))
        .route("/dev/clock", post(clock))
        .route("/dev/scheduler/run", post(run_scheduler))
        .route(
            "/dev/operator/tenants",
            post(onboard_tenant).get(tenant_directory),
        )
        .route(
            "/dev/operator/tenants/{tenant}",
            get(show_tenant).patch(change_tenant),
        )
}

async fn onboard_tenant(
    Extract(app): Extract<State>,
    Json(body): Json<Onboard>,
) -> Result<impl IntoResponse> {
    dev(&app)?;
    let onboarded = tenants::onboard(&app, body).await?;
    Ok((StatusCode::CREATED, axum::Json(onboarded)))
}

async fn tenant_directory(
    Extract(app): Extract<State>,
    Query(params): Query<HashMap<String, String>>,
) -> Result<impl IntoResponse> {
    dev(&app)?;
    let after = match params.get("cursor") {
        Some(c) => Some(super::extract::id(c).map_err(|_| Error::InvalidCursor)?),
        None => None,
    };
    let limit = params
        .get("limit")
        .and_then(|l| l.parse().ok())
        .unwrap_or(100);
    Ok(axum::Json(tenants::directory(&app, limit, after).await?))
}

async fn show_tenant(
    Extract(app): Extract<State>,
    Path(tenant): Path<String>,
) -> Result<impl IntoResponse> {
    dev(&app)?;
    let tenant = super::extract::id(&tenant)?;
    Ok(axum::Json(tenants::show(&app, tenant).await?))
}

async fn change_tenant(
    Extract(app): Extract<State>,
    Path(tenant): Path<String>,
    Json(body): Json<OperatorChange>,
) -> Result<impl IntoResponse> {
    dev(&app)?;
    let tenant = super::extract::id(&tenant)?;
    Ok(axum::Json(tenants::change(&app, tenant, body).await?))
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
    let outbox = &dev(&app)?.outbox;
    // What was handed to the courier is in the outbox by the time this answers.
    if let Some(courier) = app.courier.get() {
        courier.settled(std::time::Duration::from_secs(10)).await;
    }
    let messages: Vec<_> = outbox
        .messages(params.get("to").map(String::as_str))
        .into_iter()
        .map(|m| {
            let mut message = json!({"channel": m.channel, "to": m.to, "subject": m.subject,
                "text": m.text, "html": m.html, "sent_at": m.sent_at});
            // The tenant's branding, as the mail's From and Reply-To carry it.
            if let Some(name) = &m.sender_name {
                message["sender_name"] = json!(name);
            }
            if let Some(reply_to) = &m.reply_to {
                message["reply_to"] = json!(reply_to);
            }
            message
        })
        .collect();
    Ok(axum::Json(json!({ "messages": messages })))
}

async fn outbox_page(Extract(app): Extract<State>) -> Result<axum::response::Response> {
    dev(&app)?;
    Ok(super::pages::page(super::pages::OUTBOX_PAGE))
}

/// One sent email's HTML, for the outbox viewer's sandboxed frame: its own policy allows the
/// email's inline styles and nothing else (no scripts), and its links open in the whole window.
async fn outbox_message(
    Extract(app): Extract<State>,
    axum::extract::Path(index): axum::extract::Path<usize>,
) -> Result<axum::response::Response> {
    let html = dev(&app)?
        .outbox
        .message(index)
        .and_then(|m| m.html)
        .ok_or(Error::NotFound)?;
    Ok(super::pages::with_policy(
        match html.find("<head>") {
            Some(at) => format!(
                "{}<base target=\"_top\">{}",
                &html[..at + 6],
                &html[at + 6..]
            ),
            None => format!("<base target=\"_top\">{html}"),
        },
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'self'",
        "SAMEORIGIN",
    ))
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
