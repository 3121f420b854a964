use axum::Router;
use axum::extract::State as Extract;
use axum::routing::{get, post};

use super::State;
use super::extract::{Caller, Json};
use crate::error::Result;
use crate::usecases::sessions::{self, Me, SignInRequest, SignedIn};

pub fn routes() -> Router<State> {
    Router::new()
        .route("/v1/sessions", post(sign_in))
        .route("/v1/me", get(me))
}

async fn sign_in(
    Extract(app): Extract<State>,
    Json(body): Json<SignInRequest>,
) -> Result<axum::Json<SignedIn>> {
    sessions::sign_in(&app, body).await.map(axum::Json)
}

async fn me(Extract(app): Extract<State>, Caller(caller): Caller) -> Result<axum::Json<Me>> {
    sessions::me(&app, caller).await.map(axum::Json)
}
