use axum::Router;
use axum::extract::{Path, State as Extract};
use axum::routing::post;

use super::State;
use super::extract::{Caller, OptionalJson, id};
use crate::error::Result;
use crate::usecases::MemberView;
use crate::usecases::members::{self, ReinviteRequest};

pub fn routes() -> Router<State> {
    Router::new().route("/v1/tenants/{tenant}/users/{user}/reinvite", post(reinvite))
}

async fn reinvite(
    Extract(app): Extract<State>,
    Caller(caller): Caller,
    Path((tenant, user)): Path<(String, String)>,
    OptionalJson(body): OptionalJson<ReinviteRequest>,
) -> Result<axum::Json<MemberView>> {
    members::reinvite(&app, caller, id(&tenant)?, id(&user)?, body)
        .await
        .map(axum::Json)
}
