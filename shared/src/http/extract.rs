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

/// Deserialises a JSON document, naming the field at fault: straight from the bytes (no
/// `serde_json::Value` in between), and a document that is not JSON at all is `invalid_json`
/// even when a field before its fault has the wrong type.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Error> {
    // A body that reads is read once, without tracking where the reader is (serde_path_to_error
    // keeps each field's place as it goes: a tenth of an invitation's allocations); only one
    // that does not is read again, to name the field at fault.
    if let Ok(value) = serde_json::from_slice(bytes) {
        return Ok(value);
    }
    let invalid = |e: serde_json::Error| Error::InvalidJson(e.to_string());
    let mut document = serde_json::Deserializer::from_slice(bytes);
    match serde_path_to_error::deserialize(&mut document) {
        Ok(value) => {
            document.end().map_err(invalid)?;
            Ok(value)
        }
        Err(e) if e.inner().is_data() => {
            if let Err(syntax) = serde_json::from_slice::<serde::de::IgnoredAny>(bytes) {
                return Err(invalid(syntax));
            }
            let path = e.path().to_string();
            let field = if path == "." {
                "body".to_string()
            } else {
                path
            };
            // The field names the place; the reader's line and column add nothing to it.
            let mut message = e.into_inner().to_string();
            if let Some(at) = message.rfind(" at line ") {
                message.truncate(at);
            }
            Err(Error::Validation(vec![FieldError::new(field, message)]))
        }
        Err(e) => Err(invalid(e.into_inner())),
    }
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

/// The caller's session (`Authorization: Bearer <token>`), signed and unexpired. Whether it is
/// still in force and reaches a tenant is for the use case to check (`usecases::authorize`,
/// `usecases::authenticate`), with the store.
pub struct Caller(pub crate::session::Principal);

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

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Body {
        name: String,
        tags: Option<Vec<u32>>,
    }

    fn field_error(e: Error) -> (String, String) {
        match e {
            Error::Validation(errors) => (errors[0].field.clone(), errors[0].message.clone()),
            other => panic!("not a validation error: {other:?}"),
        }
    }

    #[test]
    fn a_body_of_the_wrong_shape_names_the_field_without_a_line_and_column() {
        assert_eq!(
            parse_json::<Body>(br#"{"name": "Ana"}"#).unwrap().name,
            "Ana"
        );
        let (field, message) =
            field_error(parse_json::<Body>(br#"{"name": "Ana", "tags": [1, "x"]}"#).unwrap_err());
        assert_eq!(field, "tags[1]");
        assert!(message.starts_with("invalid type: string"), "{message}");
        assert!(!message.contains("line"), "{message}");
        let (_, message) =
            field_error(parse_json::<Body>(br#"{"name": "A", "nope": 1}"#).unwrap_err());
        assert!(message.starts_with("unknown field `nope`"), "{message}");
    }

    #[test]
    fn a_body_that_is_not_json_is_invalid_json_even_after_a_wrong_field() {
        for text in [
            &br#"{"name": 7, "#[..],
            br#"{"name": "Ana"} trailing"#,
            b"",
            b"{\"name\": \"Ana\",}",
        ] {
            assert!(
                matches!(parse_json::<Body>(text), Err(Error::InvalidJson(_))),
                "{}",
                String::from_utf8_lossy(text)
            );
        }
    }
}
