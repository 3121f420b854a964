//! The one mapping from domain errors to HTTP: RFC 9457 problem documents.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::error::Error;

pub const PROBLEM_JSON: &str = "application/problem+json";

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        let (status, code, title) = self.describe();
        let detail = match &self {
            // The cause is logged once, here; the client gets no internals.
            Error::Internal(cause) => {
                tracing::error!(%cause, "internal error");
                "Something went wrong on our side. Try again; if it persists, contact support."
                    .to_string()
            }
            other => other.to_string(),
        };
        let mut body = json!({
            "type": format!("urn:invitations:problem:{code}"),
            "title": title,
            "status": status,
            "code": code,
            "detail": detail,
        });
        if let Error::Validation(errors) = &self {
            body["errors"] = json!(errors);
        }
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = (status, body.to_string()).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        match &self {
            Error::Unauthenticated => {
                headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            }
            Error::Unavailable {
                retry_after_seconds,
            } => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from(*retry_after_seconds));
            }
            _ => {}
        }
        response
    }
}
