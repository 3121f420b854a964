//! The suppression list as admins see it: a page of the addresses that bounced for good or
//! complained, and clearing one so that invitations reach it again.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;
use uuid::Uuid;

use super::authorize;
use super::list::{open_cursor, sign_cursor};
use crate::app::App;
use crate::error::{Error, Result};
use crate::model::Role;
use crate::store::keys;

#[derive(Clone, Debug, Serialize)]
pub struct SuppressionView {
    pub address: String,
    pub reason: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    pub at: DateTime<Utc>,
}

#[derive(Serialize)]
pub struct SuppressionPage {
    pub items: Vec<SuppressionView>,
    pub next_cursor: Option<String>,
}

const FINGERPRINT: &str = "suppressions";

async fn admin(
    app: &App,
    profile: crate::session::Principal,
    tenant: Uuid,
) -> Result<super::Actor> {
    let actor = authorize(app, profile, tenant).await?;
    match actor.role {
        Role::Admin => Ok(actor),
        _ => Err(Error::Forbidden),
    }
}

/// A page of the tenant's list, in address order: one Query.
pub async fn list(
    app: &App,
    profile: crate::session::Principal,
    tenant: Uuid,
    params: &HashMap<String, String>,
) -> Result<SuppressionPage> {
    let limit = super::list::plain_page(params)?;
    let after = match params.get("cursor") {
        Some(c) => {
            let sk = open_cursor(app, tenant, FINGERPRINT, c, keys::SUPPRESSION_PREFIX)?;
            Some(sk[keys::SUPPRESSION_PREFIX.len()..].to_string())
        }
        None => None,
    };
    let (allowed, page) = tokio::join!(
        admin(app, profile, tenant),
        app.store.suppressions(tenant, limit, after.as_deref())
    );
    allowed?;
    let (items, last) = page?;
    let items: Vec<_> = items
        .into_iter()
        .map(|s| SuppressionView {
            address: s.address,
            reason: s.reason,
            detail: s.detail,
            at: s.at,
        })
        .collect();
    let next_cursor = match last.filter(|_| items.len() == limit) {
        Some(address) => Some(sign_cursor(
            app,
            tenant,
            FINGERPRINT,
            keys::suppression_sk(&address),
        )?),
        None => None,
    };
    Ok(SuppressionPage { items, next_cursor })
}

/// The key an address is listed under, normalised as an invitation's address is (an email's
/// domain in its ASCII form, a phone number in E.164), so that any spelling an admin types
/// finds it. An address that is no address is on no list.
fn listed_as(address: &str) -> Option<String> {
    if address.contains('@') {
        let email = crate::validate::email("address", address).ok()?;
        Some(crate::validate::email_key(&email))
    } else {
        Some(crate::validate::phone("address", address).ok()?.e164)
    }
}

/// Takes `address` off the list (404 when it is not on it).
pub async fn clear(
    app: &App,
    profile: crate::session::Principal,
    tenant: Uuid,
    address: &str,
) -> Result<()> {
    let Some(address) = listed_as(address) else {
        admin(app, profile, tenant).await?;
        return Err(Error::NotFound);
    };
    let (allowed, listed) = tokio::join!(
        admin(app, profile, tenant),
        app.store.suppression(tenant, &address)
    );
    let actor = allowed?;
    let Some(listed) = listed? else {
        return Err(Error::NotFound);
    };
    let mut tx = app.store.tx();
    tx.clear_suppression(tenant, &address);
    super::audit::Audit::new(app, tenant, "suppression.cleared")
        .by(&actor)
        .change("address", Some(&listed.address), None)
        .change("reason", Some(&listed.reason), None)
        .record(app, &mut tx);
    app.store.commit(tx).await?;
    tracing::info!(tenant = %tenant, "an address was taken off the suppression list");
    Ok(())
}
