use axum::Router;
use axum::extract::{Path, State as Extract};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::json;

use super::State;
use super::extract::{Caller, OptionalJson, id};
use crate::email;
use crate::error::Result;
use crate::usecases::MemberView;
use crate::usecases::links::{self, Format, LinkRequest};
use crate::usecases::members::{self, ReinviteRequest};

pub fn routes() -> Router<State> {
    Router::new()
        .route("/v1/tenants/{tenant}/users/{user}/reinvite", post(reinvite))
        .route(
            "/v1/tenants/{tenant}/users/{user}/access-code",
            post(access_code),
        )
        .route(
            "/v1/tenants/{tenant}/users/{user}/invitation-link",
            post(invitation_link),
        )
}

async fn reinvite(
    Extract(app): Extract<State>,
    Caller(caller): Caller,
    Path((tenant, user)): Path<(String, String)>,
    OptionalJson(body): OptionalJson<ReinviteRequest>,
) -> Result<axum::Json<MemberView>> {
    members::reinvite(&app, caller, id(&tenant)?, id(&user)?, body)
        .await
        .map(axum::Json)
}

async fn access_code(
    Extract(app): Extract<State>,
    Caller(caller): Caller,
    Path((tenant, user)): Path<(String, String)>,
) -> Result<impl IntoResponse> {
    let issued =
        crate::usecases::access_code::issue(&app, caller, id(&tenant)?, id(&user)?).await?;
    Ok((axum::http::StatusCode::CREATED, axum::Json(issued)))
}

fn with_type(body: impl IntoResponse, media: &'static str) -> Response {
    let mut r = body.into_response();
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(media));
    r
}

/// `url` answers JSON; `qr_svg` and `qr_png` the image; `print` an HTML page to print.
async fn invitation_link(
    Extract(app): Extract<State>,
    Caller(caller): Caller,
    Path((tenant, user)): Path<(String, String)>,
    OptionalJson(body): OptionalJson<LinkRequest>,
) -> Result<Response> {
    let link = links::mint(&app, caller, id(&tenant)?, id(&user)?).await?;
    Ok(match body.format {
        Format::Url => {
            axum::Json(json!({ "url": link.url, "expires_at": link.expires_at })).into_response()
        }
        Format::QrSvg => with_type(
            crate::qr::svg(&link.url, "Invitation QR code")?,
            "image/svg+xml",
        ),
        Format::QrPng => with_type(crate::qr::png(&link.url, 8)?, "image/png"),
        Format::Print => {
            let page = email::print_page(&email::Print {
                branding: &link.branding,
                locale: &link.locale,
                tenant_name: &link.tenant_name,
                inviter_name: &link.inviter_name,
                recipient_name: &link.recipient_name,
                link: &link.url,
                expires_at: link.expires_at,
            })?;
            let mut r = with_type(page, "text/html; charset=utf-8");
            r.headers_mut().insert(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; frame-ancestors 'none'"),
            );
            r
        }
    })
}
