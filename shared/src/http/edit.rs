use axum::Router;
use axum::extract::{Path, State as Extract};
use axum::routing::patch;

use super::State;
use super::extract::{Caller, Json, id};
use crate::error::Result;
use crate::usecases::MemberView;
use crate::usecases::edit::{self, EditRequest};

pub fn routes() -> Router<State> {
    Router::new().route("/v1/tenants/{tenant}/users/{user}", patch(edit_member))
}

async fn edit_member(
    Extract(app): Extract<State>,
    Caller(caller): Caller,
    Path((tenant, user)): Path<(String, String)>,
    Json(body): Json<EditRequest>,
) -> Result<axum::Json<MemberView>> {
    edit::edit(&app, caller, id(&tenant)?, id(&user)?, body)
        .await
        .map(axum::Json)
}
