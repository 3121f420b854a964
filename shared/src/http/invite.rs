use std::collections::HashMap;

use axum::Router;
use axum::extract::{Path, Query, State as Extract};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;

use super::State;
use super::extract::{Caller, RawBody, id, idempotency_key, parse_json};
use crate::error::{Error, Result};
use crate::usecases::batch;
use crate::usecases::idempotency::{self, Reply};
use crate::usecases::invite::{self, InviteRequest};

pub fn routes() -> Router<State> {
    Router::new()
        .route("/v1/tenants/{tenant}/invitations", post(create))
        .route("/v1/tenants/{tenant}/invitations/batch", post(create_many))
}

fn respond(reply: Reply, location: Option<String>) -> Response {
    let status = StatusCode::from_u16(reply.status).unwrap_or(StatusCode::OK);
    let media = if reply.status >= 400 {
        super::problem::PROBLEM_JSON
    } else {
        "application/json"
    };
    let mut response = (status, reply.body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(media));
    if reply.replayed {
        headers.insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    if let Some(l) = location.and_then(|l| HeaderValue::from_str(&l).ok()) {
        headers.insert(header::LOCATION, l);
    }
    response
}

fn json(value: &impl serde::Serialize) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::Internal(e.to_string()))
}

/// Runs `work` under the request's `Idempotency-Key`, if it has one, and answers `status` with
/// its result (JSON text). The caller must have been authorised already, so that no stranger
/// can claim keys in a tenant.
#[allow(clippy::too_many_arguments)]
async fn idempotent<F, Fut>(
    app: &State,
    caller: crate::session::Principal,
    tenant: uuid::Uuid,
    headers: &HeaderMap,
    target: &str,
    body: &RawBody,
    status: u16,
    work: F,
) -> Result<Reply>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<String>>,
{
    let Some(key) = idempotency_key(headers)? else {
        return Ok(Reply {
            status,
            body: work().await?,
            replayed: false,
        });
    };
    let fingerprint = idempotency::fingerprint("POST", target, &body.content_type, &body.bytes);
    idempotency::run(app, tenant, caller.profile, &key, &fingerprint, || async {
        Ok((status, work().await?))
    })
    .await
}

/// The body is parsed only once the caller is known to be allowed to invite here.
async fn create(
    Extract(app): Extract<State>,
    Caller(caller): Caller,
    Path(tenant): Path<String>,
    uri: Uri,
    headers: HeaderMap,
    body: RawBody,
) -> Result<Response> {
    let tenant = id(&tenant)?;
    if body.content_type != "application/json" && !body.content_type.ends_with("+json") {
        return Err(Error::UnsupportedMediaType);
    }
    let inviter = invite::inviting(&app, caller, tenant).await?;
    let request: InviteRequest = parse_json(&body.bytes)?;
    // The new member's id, for `Location` (a replay's is read from the body it replays).
    let mut created = None;
    let reply = idempotent(
        &app,
        caller,
        tenant,
        &headers,
        uri.path(),
        &body,
        201,
        || async {
            let member = invite::invite_as(&app, &inviter, request).await?;
            created = Some(member.id);
            json(&member)
        },
    )
    .await?;
    let user = created.or_else(|| {
        (reply.status == 201)
            .then(|| serde_json::from_str::<serde_json::Value>(&reply.body).ok())
            .flatten()
            .and_then(|v| v["id"].as_str().and_then(|u| u.parse().ok()))
    });
    let location = user.map(|u: uuid::Uuid| format!("/v1/tenants/{tenant}/users/{u}"));
    Ok(respond(reply, location))
}

/// JSON `{"invitees": [...], ...defaults}`, or CSV with its defaults in the query string.
async fn create_many(
    Extract(app): Extract<State>,
    Caller(caller): Caller,
    Path(tenant): Path<String>,
    uri: Uri,
    query: std::result::Result<
        Query<HashMap<String, String>>,
        axum::extract::rejection::QueryRejection,
    >,
    headers: HeaderMap,
    body: RawBody,
) -> Result<Response> {
    let tenant = id(&tenant)?;
    let Query(params) = query.map_err(|e| Error::field("query", e.body_text()))?;
    let format = match body.content_type.as_str() {
        "application/json" => batch::Format::Json,
        "text/csv" | "text/plain" => batch::Format::Csv,
        _ => return Err(Error::UnsupportedMediaType),
    };
    let invitees = batch::read(&app, caller, tenant, format, &body.bytes, &params).await?;
    let reply = idempotent(
        &app,
        caller,
        tenant,
        &headers,
        &uri.to_string(),
        &body,
        200,
        || async { batch::batch(&app, invitees).await?.to_json() },
    )
    .await?;
    Ok(respond(reply, None))
}
