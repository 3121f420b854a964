use axum::Router;
use axum::extract::State as Extract;
use axum::http::StatusCode;
use axum::routing::{delete, get, post};

use super::State;
use super::extract::{Caller, Json};
use crate::error::Result;
use crate::usecases::recovery::{self, CodeRequest, Requested, ResetConfirm, ResetRequest};
use crate::usecases::sessions::{self, Me, SignInRequest, SignedIn};
use crate::usecases::signup;

pub fn routes() -> Router<State> {
    Router::new()
        .route("/v1/sessions", post(sign_in))
        .route("/v1/sessions/current", delete(sign_out))
        .route("/v1/me", get(me))
        .route("/v1/me/password", post(change_password))
        .route("/v1/password-resets", post(request_reset))
        .route("/v1/password-resets/confirm", post(confirm_reset))
        .route("/v1/sign-in-codes", post(request_code))
        .route("/v1/signup/phone", post(signup_start))
        .route("/v1/signup/phone/verify", post(signup_verify))
        .route("/v1/invitations/renew", post(renew))
}

/// Asking for a new invitation with an expired link: a public route that may send a message,
/// served with the other such routes (password resets, sign-in codes).
async fn renew(
    Extract(app): Extract<State>,
    Json(body): Json<crate::usecases::renewal::RenewRequest>,
) -> Result<(StatusCode, axum::Json<crate::usecases::renewal::Renewed>)> {
    let renewed = crate::usecases::renewal::renew(&app, body).await?;
    Ok((StatusCode::ACCEPTED, axum::Json(renewed)))
}

async fn sign_in(
    Extract(app): Extract<State>,
    Json(body): Json<SignInRequest>,
) -> Result<axum::Json<SignedIn>> {
    sessions::sign_in(&app, body).await.map(axum::Json)
}

async fn sign_out(Extract(app): Extract<State>, Caller(caller): Caller) -> Result<StatusCode> {
    sessions::sign_out(&app, caller).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn me(Extract(app): Extract<State>, Caller(caller): Caller) -> Result<axum::Json<Me>> {
    sessions::me(&app, caller).await.map(axum::Json)
}

async fn request_reset(
    Extract(app): Extract<State>,
    Json(body): Json<ResetRequest>,
) -> Result<(StatusCode, axum::Json<Requested>)> {
    let requested = recovery::request_reset(&app, body).await?;
    Ok((StatusCode::ACCEPTED, axum::Json(requested)))
}

async fn confirm_reset(
    Extract(app): Extract<State>,
    Json(body): Json<ResetConfirm>,
) -> Result<axum::Json<SignedIn>> {
    recovery::confirm_reset(&app, body).await.map(axum::Json)
}

async fn request_code(
    Extract(app): Extract<State>,
    Json(body): Json<CodeRequest>,
) -> Result<(StatusCode, axum::Json<Requested>)> {
    let requested = recovery::request_code(&app, body).await?;
    Ok((StatusCode::ACCEPTED, axum::Json(requested)))
}

async fn signup_start(
    Extract(app): Extract<State>,
    Json(body): Json<signup::StartRequest>,
) -> Result<(StatusCode, axum::Json<signup::Started>)> {
    let started = signup::start(&app, body).await?;
    Ok((StatusCode::ACCEPTED, axum::Json(started)))
}

async fn signup_verify(
    Extract(app): Extract<State>,
    Json(body): Json<signup::VerifyRequest>,
) -> Result<axum::Json<signup::Joined>> {
    signup::verify(&app, body).await.map(axum::Json)
}

/// A fresh session: every earlier one of the profile ends with the old password.
async fn change_password(
    Extract(app): Extract<State>,
    Caller(caller): Caller,
    Json(body): Json<sessions::PasswordChange>,
) -> Result<axum::Json<SignedIn>> {
    sessions::change_password(&app, caller, body)
        .await
        .map(axum::Json)
}
