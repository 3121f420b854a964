use axum::Router;
use axum::extract::{Path, State as Extract};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::post;

use super::State;
use super::extract::{Caller, Json, id};
use crate::error::Result;
use crate::usecases::invite::{self, InviteRequest};

pub fn routes() -> Router<State> {
    Router::new().route("/v1/tenants/{tenant}/invitations", post(create))
}

async fn create(
    Extract(app): Extract<State>,
    Caller(caller): Caller,
    Path(tenant): Path<String>,
    Json(body): Json<InviteRequest>,
) -> Result<impl IntoResponse> {
    let tenant = id(&tenant)?;
    let member = invite::invite(&app, caller, tenant, body).await?;
    let location = format!("/v1/tenants/{tenant}/users/{}", member.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        axum::Json(member),
    ))
}
