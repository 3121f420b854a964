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
        .route("/v1/me/password", post(change_password))
        .route("/v1/signup/phone", post(signup_start))
        .route("/v1/signup/phone/verify", post(signup_verify))
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

async fn signup_start(
    Extract(app): Extract<State>,
    Json(body): Json<crate::usecases::signup::StartRequest>,
) -> Result<(
    axum::http::StatusCode,
    axum::Json<crate::usecases::signup::Started>,
)> {
    let started = crate::usecases::signup::start(&app, body).await?;
    Ok((axum::http::StatusCode::ACCEPTED, axum::Json(started)))
}

async fn signup_verify(
    Extract(app): Extract<State>,
    Json(body): Json<crate::usecases::signup::VerifyRequest>,
) -> Result<axum::Json<crate::usecases::signup::Joined>> {
    crate::usecases::signup::verify(&app, body)
        .await
        .map(axum::Json)
}

async fn change_password(
    Extract(app): Extract<State>,
    Caller(caller): Caller,
    Json(body): Json<sessions::PasswordChange>,
) -> Result<axum::http::StatusCode> {
    sessions::change_password(&app, caller, body).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}
