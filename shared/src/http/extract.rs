//! Extractors: JSON bodies (media type, size, syntax, unknown fields, with field paths in the
//! errors), the bearer session, and ids in paths.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use super::State;
use crate::error::{Error, FieldError};

pub const MAX_BODY: usize = 1024 * 1024;

fn is_json(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

async fn read_body(req: Request) -> Result<Bytes, Error> {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_BODY) {
        return Err(Error::PayloadTooLarge);
    }
    axum::body::to_bytes(req.into_body(), MAX_BODY)
        .await
        .map_err(|_| Error::PayloadTooLarge)
}

/// Deserialises a JSON document, naming the field at fault.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Error> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| Error::InvalidJson(e.to_string()))?;
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." {
            "body".to_string()
        } else {
            path
        };
        let message = e.into_inner().to_string();
        Error::Validation(vec![FieldError::new(field, message)])
    })
}

/// A JSON request body.
pub struct Json<T>(pub T);

impl<T: DeserializeOwned> FromRequest<State> for Json<T> {
    type Rejection = Error;

    async fn from_request(req: Request, _state: &State) -> Result<Self, Error> {
        let content_type = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if !is_json(content_type) {
            return Err(Error::UnsupportedMediaType);
        }
        let bytes = read_body(req).await?;
        parse_json(&bytes).map(Json)
    }
}

/// A JSON body that may be absent altogether (an empty body means the defaults).
pub struct OptionalJson<T>(pub T);

impl<T: DeserializeOwned + Default> FromRequest<State> for OptionalJson<T> {
    type Rejection = Error;

    async fn from_request(req: Request, _state: &State) -> Result<Self, Error> {
        let content_type = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let bytes = read_body(req).await?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(OptionalJson(T::default()));
        }
        if !content_type.as_deref().is_some_and(is_json) {
            return Err(Error::UnsupportedMediaType);
        }
        parse_json(&bytes).map(OptionalJson)
    }
}

/// The profile id of the caller's valid session (`Authorization: Bearer <token>`).
pub struct Caller(pub Uuid);

impl FromRequestParts<State> for Caller {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, app: &State) -> Result<Self, Error> {
        let value = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .ok_or(Error::Unauthenticated)?;
        let (scheme, token) = value.split_once(' ').ok_or(Error::Unauthenticated)?;
        if !scheme.eq_ignore_ascii_case("bearer") {
            return Err(Error::Unauthenticated);
        }
        app.sessions
            .verify(token.trim(), app.wall_clock.now())
            .map(Caller)
    }
}

/// An id from the path; anything that is not a UUID cannot exist, so it is a 404.
pub fn id(raw: &str) -> Result<Uuid, Error> {
    Uuid::parse_str(raw).map_err(|_| Error::NotFound)
}

/// A request body as bytes (at most 1 MiB), with its media type (lower-cased essence).
pub struct RawBody {
    pub content_type: String,
    pub bytes: Bytes,
}

impl FromRequest<State> for RawBody {
    type Rejection = Error;

    async fn from_request(req: Request, _state: &State) -> Result<Self, Error> {
        let content_type = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| {
                v.split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase()
            })
            .unwrap_or_default();
        let bytes = read_body(req).await?;
        Ok(RawBody {
            content_type,
            bytes,
        })
    }
}

/// The `Idempotency-Key` header, if any.
pub fn idempotency_key(headers: &axum::http::HeaderMap) -> Result<Option<String>, Error> {
    match headers.get("idempotency-key") {
        None => Ok(None),
        Some(v) => v.to_str().map(|s| Some(s.trim().to_string())).map_err(|_| {
            Error::field(
                "Idempotency-Key",
                "must be 1 to 255 visible ASCII characters",
            )
        }),
    }
}
