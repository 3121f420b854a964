use axum::Router;
use axum::extract::State as Extract;
use axum::routing::post;

use super::State;
use super::extract::Json;
use crate::error::Result;
use crate::usecases::accept::{self, AcceptRequest, Accepted, Preview, PreviewRequest};

pub fn routes() -> Router<State> {
    Router::new()
        .route("/v1/invitations/preview", post(preview))
        .route("/v1/invitations/accept", post(accept_one))
}

async fn preview(
    Extract(app): Extract<State>,
    Json(body): Json<PreviewRequest>,
) -> Result<axum::Json<Preview>> {
    accept::preview(&app, body).await.map(axum::Json)
}

async fn accept_one(
    Extract(app): Extract<State>,
    Json(body): Json<AcceptRequest>,
) -> Result<axum::Json<Accepted>> {
    accept::accept(&app, body).await.map(axum::Json)
}
