//! The reference frontend: the accept page (`/accept`), the admin console (`/admin`), password
//! reset (`/reset`), sign-in (`/sign-in`, with a password or a code; `/sign-in#code` for a
//! quick access code) and phone sign-up (`/sign-up`) and their
//! assets, compiled into the binary from `shared/web/`. Served by the local server; in AWS the same
//! files are served from S3 behind CloudFront with the same headers. No third-party assets, and a
//! strict Content-Security-Policy: scripts and styles only from this origin, no inline code, API
//! calls only to this origin, nothing may frame the pages.

use axum::Router;
use axum::extract::Path;
use axum::http::{HeaderName, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use super::State;
use crate::error::Error;

/// The policy of every page. `blob:` images are the QR codes the console fetches with its session.
pub const PAGE_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; \
     connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; frame-src 'self'";

/// The accept page's: the same, but images over https too (the tenant's logo, fetched with no
/// referrer, so the link's token never leaves the page).
pub const ACCEPT_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; \
     connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

pub struct Asset {
    pub name: &'static str,
    pub content_type: &'static str,
    pub body: &'static str,
}

pub const ASSETS: [Asset; 10] = [
    Asset {
        name: "app.css",
        content_type: "text/css; charset=utf-8",
        body: include_str!("../../web/app.css"),
    },
    Asset {
        name: "common.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../web/common.js"),
    },
    Asset {
        name: "accept.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../web/accept.js"),
    },
    Asset {
        name: "admin.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../web/admin.js"),
    },
    Asset {
        name: "admin-trail.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../web/admin-trail.js"),
    },
    Asset {
        name: "admin-members.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../web/admin-members.js"),
    },
    Asset {
        name: "reset.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../web/reset.js"),
    },
    Asset {
        name: "signin.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../web/signin.js"),
    },
    Asset {
        name: "signup.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../web/signup.js"),
    },
    Asset {
        name: "outbox.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../web/outbox.js"),
    },
];

pub const ACCEPT_PAGE: &str = include_str!("../../web/accept.html");
pub const ADMIN_PAGE: &str = include_str!("../../web/admin.html");
pub const OUTBOX_PAGE: &str = include_str!("../../web/outbox.html");
pub const RESET_PAGE: &str = include_str!("../../web/reset.html");
pub const SIGN_IN_PAGE: &str = include_str!("../../web/signin.html");
pub const SIGN_UP_PAGE: &str = include_str!("../../web/signup.html");

pub fn routes() -> Router<State> {
    Router::new()
        .route("/", get(|| async { Redirect::to("/admin") }))
        .route(
            "/accept",
            get(|| async { with_policy(ACCEPT_PAGE, ACCEPT_CSP, "DENY") }),
        )
        .route("/admin", get(|| async { page(ADMIN_PAGE) }))
        .route("/reset", get(|| async { page(RESET_PAGE) }))
        .route("/sign-in", get(|| async { page(SIGN_IN_PAGE) }))
        .route("/sign-up", get(|| async { page(SIGN_UP_PAGE) }))
        .route("/assets/{name}", get(asset))
        .route("/i18n/{file}", get(messages))
}

/// An HTML page with the page headers (the envelope adds `Referrer-Policy: no-referrer`).
pub fn page(html: &'static str) -> Response {
    with_policy(html, PAGE_CSP, "DENY")
}

/// HTML under its own Content-Security-Policy; `frame_options` is `DENY` or `SAMEORIGIN`.
pub fn with_policy(
    html: impl IntoResponse,
    csp: &'static str,
    frame_options: &'static str,
) -> Response {
    let mut response = html.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(csp),
    );
    headers.insert(
        header::X_FRAME_OPTIONS,
        HeaderValue::from_static(frame_options),
    );
    headers.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    response
}

/// The pages' messages in one locale (`/i18n/es.json`): `{"locale", "dir", "messages"}`, from
/// the same catalogue as the emails. A locale the catalogue does not have is a 404: the page
/// then asks for English.
async fn messages(Path(file): Path<String>) -> Result<Response, Error> {
    let locale = file
        .strip_suffix(".json")
        .and_then(|l| crate::i18n::LOCALES.iter().find(|known| **known == l))
        .ok_or(Error::RouteNotFound)?;
    Ok(axum::Json(crate::i18n::page_catalogue(locale)).into_response())
}

async fn asset(Path(name): Path<String>) -> Result<Response, Error> {
    let asset = ASSETS
        .iter()
        .find(|a| a.name == name)
        .ok_or(Error::RouteNotFound)?;
    Ok(([(header::CONTENT_TYPE, asset.content_type)], asset.body).into_response())
}
