use axum::Router;
use axum::extract::{Path, State as Extract};
use axum::http::StatusCode;
use axum::routing::{delete, patch};

use super::State;
use super::extract::{Caller, Json, id};
use crate::error::Result;
use crate::usecases::MemberView;
use crate::usecases::edit::{self, EditRequest};

pub fn routes() -> Router<State> {
    Router::new()
        .route("/v1/tenants/{tenant}/users/{user}", patch(edit_member))
        .route("/v1/tenants/{tenant}/settings", patch(edit_settings))
        .route(
            "/v1/tenants/{tenant}/suppressions/{address}",
            delete(clear_suppression),
        )
}

async fn edit_settings(
    Extract(app): Extract<State>,
    Caller(caller): Caller,
    Path(tenant): Path<String>,
    Json(body): Json<crate::usecases::settings::SettingsPatch>,
) -> Result<axum::Json<crate::usecases::settings::Settings>> {
    crate::usecases::settings::update(&app, caller, id(&tenant)?, body)
        .await
        .map(axum::Json)
}

async fn clear_suppression(
    Extract(app): Extract<State>,
    Caller(caller): Caller,
    Path((tenant, address)): Path<(String, String)>,
) -> Result<StatusCode> {
    crate::usecases::suppressions::clear(&app, caller, id(&tenant)?, &address).await?;
    Ok(StatusCode::NO_CONTENT)
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
