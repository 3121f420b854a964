//! Another link to a member's current invitation, to copy into another app, show as a QR code
//! or print. It is a new token of the same invitation: same generation and same expiry, so a
//! copied link never extends an invitation, and a reinvite or cancel kills it with the rest.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use uuid::Uuid;

use super::authorize_on;
use super::invite::{accept_link, token_record};
use crate::app::App;
use crate::error::{Error, Result};
use crate::model::Status;
use crate::secrets;

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    #[default]
    Url,
    QrSvg,
    QrPng,
    Print,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkRequest {
    #[serde(default)]
    pub format: Format,
}

pub struct Link {
    pub url: String,
    pub expires_at: DateTime<Utc>,
    pub tenant_name: String,
    pub inviter_name: String,
    pub recipient_name: String,
    pub branding: crate::model::Branding,
    pub locale: String,
}

/// Only an invitation that is out and still valid has links: a scheduled one is not sent yet
/// and an expired one needs a reinvite (409 `not_pending`).
pub async fn mint(
    app: &App,
    profile: crate::session::Principal,
    tenant: Uuid,
    user: Uuid,
) -> Result<Link> {
    let (actor, current) = authorize_on(app, profile, tenant, user).await?;
    let member = current.value;
    let now = app.now();
    let expires_at = match (member.status_at(now), member.invite_expires_at) {
        (Status::Invited, Some(expires_at)) => expires_at,
        _ => return Err(Error::NotPending),
    };
    let token = secrets::mint_invitation_token(tenant, user);
    let mut tx = app.store.tx();
    tx.put_token(
        &secrets::token_hash(&token),
        // Minted for staff to copy, show or print: vouched, it proves no address.
        &token_record(&member, &actor.tenant_name, expires_at, &[]),
    );
    super::audit::Audit::new(app, tenant, "invitation.link_minted")
        .by(&actor)
        .on(&member)
        .record(app, &mut tx);
    app.store.commit(tx).await?;
    tracing::info!(tenant = %tenant, user = %user, "invitation link minted");
    let name = member.display_name();
    Ok(Link {
        url: accept_link(app, &token),
        expires_at,
        branding: actor.tenant.branding.clone(),
        locale: member
            .locale
            .clone()
            .unwrap_or_else(|| actor.tenant.locale.clone()),
        tenant_name: actor.tenant_name,
        inviter_name: member.inviter_name.clone(),
        recipient_name: if Some(&name) == member.email.as_ref() {
            String::new()
        } else {
            name
        },
    })
}
