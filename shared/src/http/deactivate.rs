use axum::Router;
use axum::extract::{Path, State as Extract};
use axum::routing::post;

use super::State;
use super::extract::{Caller, id};
use crate::error::Result;
use crate::usecases::MemberView;
use crate::usecases::members;

pub fn routes() -> Router<State> {
    Router::new()
        .route(
            "/v1/tenants/{tenant}/users/{user}/deactivate",
            post(deactivate),
        )
        .route(
            "/v1/tenants/{tenant}/users/{user}/reactivate",
            post(reactivate),
        )
}

async fn deactivate(
    Extract(app): Extract<State>,
    Caller(caller): Caller,
    Path((tenant, user)): Path<(String, String)>,
) -> Result<axum::Json<MemberView>> {
    members::deactivate(&app, caller, id(&tenant)?, id(&user)?)
        .await
        .map(axum::Json)
}

async fn reactivate(
    Extract(app): Extract<State>,
    Caller(caller): Caller,
    Path((tenant, user)): Path<(String, String)>,
) -> Result<axum::Json<MemberView>> {
    members::reactivate(&app, caller, id(&tenant)?, id(&user)?)
        .await
        .map(axum::Json)
}
