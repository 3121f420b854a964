use std::collections::HashMap;

use axum::Router;
use axum::extract::{Path, Query, State as Extract};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;

use super::State;
use super::extract::{Caller, RawBody, id, idempotency_key, parse_json};
use crate::error::{Error, Result};
use crate::model::{Channel, Role};
use crate::usecases::batch::{self, Defaults};
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

/// Runs `work` under the request's `Idempotency-Key`, if it has one (the caller is authorised
/// first, so no stranger can claim keys in a tenant), and answers `status` with its result.
#[allow(clippy::too_many_arguments)]
async fn idempotent<T, F, Fut>(
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
    T: serde::Serialize,
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<T>>,
{
    let text = |done: T| serde_json::to_string(&done).map_err(|e| Error::Internal(e.to_string()));
    let Some(key) = idempotency_key(headers)? else {
        return Ok(Reply {
            status,
            body: text(work().await?)?,
            replayed: false,
        });
    };
    crate::usecases::authorize(app, caller, tenant).await?;
    let fingerprint = idempotency::fingerprint("POST", target, &body.content_type, &body.bytes);
    idempotency::run(app, tenant, caller.profile, &key, &fingerprint, || async {
        Ok((status, text(work().await?)?))
    })
    .await
}

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
            let member = invite::invite(&app, caller, tenant, request).await?;
            created = Some(member.id);
            Ok(member)
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

/// Batch defaults for CSV come from the query string (`role`, `teams`, `products`,
/// `channels` comma-separated, `send_at`, `timezone`).
fn csv_defaults(params: &HashMap<String, String>) -> Result<Defaults> {
    let list = |k: &str| {
        params.get(k).map(|v| {
            v.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
    };
    let mut errors = crate::validate::Errors::default();
    for k in params.keys() {
        if !matches!(
            k.as_str(),
            "role" | "teams" | "products" | "channels" | "send_at" | "timezone"
        ) {
            errors.push(k.clone(), "is not a known parameter");
        }
    }
    let role = params.get("role").and_then(|r| {
        let parsed = Role::parse(r);
        if parsed.is_none() {
            errors.push("role", "must be admin, manager, team_leader, agent or user");
        }
        parsed
    });
    let channels = list("channels").map(|cs| {
        cs.iter()
            .filter_map(|c| match c.as_str() {
                "email" => Some(Channel::Email),
                "sms" => Some(Channel::Sms),
                _ => {
                    errors.push("channels", "must be email and/or sms");
                    None
                }
            })
            .collect()
    });
    errors.into_result()?;
    Ok(Defaults {
        role,
        teams: list("teams"),
        products: list("products"),
        channels,
        send_at: params.get("send_at").cloned(),
        timezone: params.get("timezone").cloned(),
        employment: None,
    })
}

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
    let rows = match body.content_type.as_str() {
        "application/json" => {
            if !params.is_empty() {
                return Err(Error::field(
                    "query",
                    "JSON batches carry their defaults in the body",
                ));
            }
            batch::rows_from_json(&body.bytes)?
        }
        "text/csv" | "text/plain" => {
            let text = std::str::from_utf8(&body.bytes)
                .map_err(|_| Error::field("body", "must be UTF-8 text"))?;
            batch::rows_from_csv(text, &csv_defaults(&params)?)?
        }
        _ => return Err(Error::UnsupportedMediaType),
    };
    let reply = idempotent(
        &app,
        caller,
        tenant,
        &headers,
        &uri.to_string(),
        &body,
        200,
        || batch::batch(&app, caller, tenant, rows),
    )
    .await?;
    Ok(respond(reply, None))
}
