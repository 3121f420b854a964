//! Reading members: one member, a page of the list (tabs, filters, prefix search), stats.

use std::collections::HashMap;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use uuid::Uuid;

use super::{MemberView, authorize};
use crate::app::App;
use crate::error::{Error, Result};
use crate::model::{Role, Stats, Status, Tenant};
use crate::store::keys;
use crate::validate::Errors;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    All,
    Inactive,
}

/// A validated list query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListQuery {
    pub tab: Tab,
    pub status: Option<Status>,
    pub role: Option<Role>,
    pub q: Option<String>,
    /// Only members whose request for a new invitation waits for an admin.
    pub renewal_requested: bool,
    pub limit: usize,
    pub cursor: Option<String>,
}

/// A page's `limit` (1 to 100, 50 when absent).
pub(crate) fn page_limit(params: &HashMap<String, String>, errors: &mut Errors) -> usize {
    match params.get("limit") {
        None => 50,
        Some(l) => match l.parse::<usize>() {
            Ok(n) if (1..=100).contains(&n) => n,
            _ => {
                errors.push("limit", "must be a whole number from 1 to 100");
                50
            }
        },
    }
}

/// The `limit` of a page that takes nothing but `limit` and `cursor` (other parameters are
/// refused like unknown body fields).
pub(crate) fn plain_page(params: &HashMap<String, String>) -> Result<usize> {
    let mut errors = Errors::default();
    for k in params.keys() {
        if !matches!(k.as_str(), "limit" | "cursor") {
            errors.push(k.clone(), "is not a known parameter");
        }
    }
    let limit = page_limit(params, &mut errors);
    errors.into_result()?;
    Ok(limit)
}

impl ListQuery {
    /// From the query string; unknown parameters are refused like unknown body fields.
    pub fn parse(params: &HashMap<String, String>) -> Result<ListQuery> {
        let mut errors = Errors::default();
        for k in params.keys() {
            if !matches!(
                k.as_str(),
                "tab" | "status" | "role" | "q" | "renewal" | "limit" | "cursor"
            ) {
                errors.push(k.clone(), "is not a known parameter");
            }
        }
        let status = params.get("status").and_then(|s| {
            let parsed = Status::parse(s);
            if parsed.is_none() {
                errors.push(
                    "status",
                    "must be one of scheduled, invited, expired, active, deactivated, cancelled",
                );
            }
            parsed
        });
        let tab = match params.get("tab").map(String::as_str) {
            None => match status {
                Some(s) if s.is_inactive() => Tab::Inactive,
                _ => Tab::All,
            },
            Some("all") => Tab::All,
            Some("inactive") => Tab::Inactive,
            Some(_) => {
                errors.push("tab", "must be all or inactive");
                Tab::All
            }
        };
        let role = params.get("role").and_then(|r| {
            let parsed = Role::parse(r);
            if parsed.is_none() {
                errors.push(
                    "role",
                    "must be one of admin, manager, team_leader, agent, user",
                );
            }
            parsed
        });
        let q = params
            .get("q")
            .map(|q| q.trim().to_lowercase())
            .filter(|q| !q.is_empty());
        if q.as_ref()
            .is_some_and(|q| q.chars().count() > 100 || q.chars().any(char::is_control))
        {
            errors.push(
                "q",
                "must be at most 100 characters, without control characters",
            );
        }
        let renewal_requested = match params.get("renewal").map(String::as_str) {
            None => false,
            Some("requested") => true,
            Some(_) => {
                errors.push("renewal", "must be requested");
                false
            }
        };
        let limit = page_limit(params, &mut errors);
        errors.into_result()?;
        Ok(ListQuery {
            tab,
            status,
            role,
            q,
            renewal_requested,
            limit,
            cursor: params.get("cursor").cloned(),
        })
    }

    fn fingerprint(&self) -> String {
        format!(
            "{}|{}|{}|{}|{}",
            if self.tab == Tab::All {
                "all"
            } else {
                "inactive"
            },
            self.status.map_or("", Status::as_str),
            self.role.map_or("", Role::as_str),
            self.q.as_deref().unwrap_or(""),
            if self.renewal_requested {
                "renewal"
            } else {
                ""
            }
        )
    }
}

#[derive(Serialize, Deserialize)]
struct CursorBody {
    t: Uuid,
    f: String,
    k: String,
}

type HmacSha256 = Hmac<Sha256>;

pub(crate) fn sign_cursor(
    app: &App,
    tenant: Uuid,
    fingerprint: &str,
    sk: String,
) -> Result<String> {
    let body = serde_json::to_vec(&CursorBody {
        t: tenant,
        f: fingerprint.to_string(),
        k: sk,
    })
    .map_err(|e| Error::Internal(e.to_string()))?;
    let payload = URL_SAFE_NO_PAD.encode(body);
    let mut mac = HmacSha256::new_from_slice(app.sessions.mac_key())
        .map_err(|e| Error::Internal(e.to_string()))?;
    mac.update(payload.as_bytes());
    Ok(format!(
        "{payload}.{}",
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    ))
}

/// The sort key a cursor continues after, if it was issued for this tenant and this query
/// and was not altered.
pub(crate) fn open_cursor(
    app: &App,
    tenant: Uuid,
    fingerprint: &str,
    cursor: &str,
    prefix: &str,
) -> Result<String> {
    let (payload, sig) = cursor.split_once('.').ok_or(Error::InvalidCursor)?;
    let sig = URL_SAFE_NO_PAD
        .decode(sig)
        .map_err(|_| Error::InvalidCursor)?;
    let mut mac = HmacSha256::new_from_slice(app.sessions.mac_key())
        .map_err(|e| Error::Internal(e.to_string()))?;
    mac.update(payload.as_bytes());
    mac.verify_slice(&sig).map_err(|_| Error::InvalidCursor)?;
    let body = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| Error::InvalidCursor)?;
    let body: CursorBody = serde_json::from_slice(&body).map_err(|_| Error::InvalidCursor)?;
    if body.t != tenant || body.f != fingerprint || !body.k.starts_with(prefix) {
        return Err(Error::InvalidCursor);
    }
    Ok(body.k)
}

#[derive(Serialize)]
pub struct MemberPage {
    pub items: Vec<MemberView>,
    pub next_cursor: Option<String>,
}

/// A page of members: one Query. Without `q`, newest first; with `q`, alphabetical by the
/// matching first name, last name or email.
pub async fn list(
    app: &App,
    profile: crate::session::Principal,
    tenant: Uuid,
    query: ListQuery,
) -> Result<MemberPage> {
    let now = app.now();
    let (prefix, forward) = match &query.q {
        Some(q) => (keys::search_prefix(q), true),
        None => (keys::MEMBER_PREFIX.to_string(), false),
    };
    let start_after = match &query.cursor {
        Some(c) => Some(open_cursor(app, tenant, &query.fingerprint(), c, &prefix)?),
        None => None,
    };
    let searching = query.q.is_some().then(|| prefix.clone());
    let keep = |sk: &str, m: &crate::model::Member| {
        let status = m.status_at(now);
        let in_tab = match query.tab {
            Tab::All => !status.is_inactive(),
            Tab::Inactive => status.is_inactive(),
        };
        if !in_tab
            || query.status.is_some_and(|s| s != status)
            || query.role.is_some_and(|r| r != m.role)
            || (query.renewal_requested
                && (m.renewal_requested_at.is_none() || !status.is_pending()))
        {
            return false;
        }
        // A member appears under each of its matching terms; keep only the first in key
        // order, so that every member is listed exactly once across pages.
        match &searching {
            Some(prefix) => !crate::store::search_entries(m)
                .iter()
                .any(|(other, _)| other.as_str() < sk && other.starts_with(prefix.as_str())),
            None => true,
        }
    };
    // The page is read while the caller is authorised (one round trip on AWS, not two), and
    // withheld unless both agree: a refused caller sees nothing of it.
    let (actor, found) = tokio::join!(
        authorize(app, profile, tenant),
        app.store
            .find_members(tenant, prefix, forward, query.limit, start_after, keep)
    );
    let actor = actor?;
    let found = found?;
    let next_cursor = match found.next_sk {
        Some(sk) => Some(sign_cursor(app, tenant, &query.fingerprint(), sk)?),
        None => None,
    };
    let items = found
        .items
        .into_iter()
        .map(|m| MemberView::new(m, now, actor.role))
        .collect();
    Ok(MemberPage { items, next_cursor })
}

pub async fn get(
    app: &App,
    profile: crate::session::Principal,
    tenant: Uuid,
    user: Uuid,
) -> Result<MemberView> {
    let (actor, member) = tokio::join!(
        authorize(app, profile, tenant),
        app.store.member(tenant, user)
    );
    let actor = actor?;
    let member = member?.ok_or(Error::NotFound)?;
    Ok(MemberView::new(member.value, app.now(), actor.role))
}

/// The tenant itself (name, enabled products, SMS countries): what an invite form offers.
pub async fn tenant(app: &App, profile: crate::session::Principal, tenant: Uuid) -> Result<Tenant> {
    Ok(Tenant::clone(
        &authorize(app, profile, tenant).await?.tenant,
    ))
}

/// The counters, read while the caller is authorised and withheld unless they may see them.
pub async fn stats(app: &App, profile: crate::session::Principal, tenant: Uuid) -> Result<Stats> {
    let (actor, stats) = tokio::join!(authorize(app, profile, tenant), app.store.stats(tenant));
    actor?;
    stats
}

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return at the
/// start) is prefixed with `'`, so it is shown as text (OWASP's CSV injection advice).
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// Every member of the tenant as CSV, one row each with a header; admins only. Pages through
/// the tenant's members with Queries (never a Scan).
pub async fn export_csv(
    app: &App,
    profile: crate::session::Principal,
    tenant: Uuid,
) -> Result<String> {
    let actor = authorize(app, profile, tenant).await?;
    if actor.role != Role::Admin {
        return Err(Error::Forbidden);
    }
    let now = app.now();
    let mut out = csv::Writer::from_writer(Vec::new());
    let header = [
        "id",
        "email",
        "phone",
        "first_name",
        "last_name",
        "role",
        "status",
        "teams",
        "agent_ids",
        "products",
        "shortcode",
        "department",
        "job_title",
        "invited_at",
        "accepted_at",
        "deactivated_at",
        "last_login_at",
        "locale",
        "delivery",
    ];
    out.write_record(header)
        .map_err(|e| Error::Internal(e.to_string()))?;
    let time = |t: Option<chrono::DateTime<chrono::Utc>>| {
        t.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
            .unwrap_or_default()
    };
    let mut start_after = None;
    let mut rows = 0usize;
    loop {
        let found = app
            .store
            .find_members(
                tenant,
                keys::MEMBER_PREFIX.to_string(),
                false,
                100,
                start_after,
                |_, _| true,
            )
            .await?;
        for m in found.items {
            let employment = m.employment.clone().unwrap_or_default();
            let row = [
                m.id.to_string(),
                m.email.clone().unwrap_or_default(),
                m.phone.clone().unwrap_or_default(),
                m.first_name.clone(),
                m.last_name.clone(),
                m.role.as_str().to_string(),
                m.status_at(now).as_str().to_string(),
                m.teams.join("|"),
                m.agent_ids.join("|"),
                m.products.join("|"),
                m.shortcode.clone().unwrap_or_default(),
                employment.department.unwrap_or_default(),
                employment.job_title.unwrap_or_default(),
                time(Some(m.invited_at)),
                time(m.accepted_at),
                time(m.deactivated_at),
                time(m.last_login_at),
                m.locale.clone().unwrap_or_default(),
                m.delivery
                    .iter()
                    .map(|(c, d)| format!("{}:{}", c.as_str(), d.as_str()))
                    .collect::<Vec<_>>()
                    .join("|"),
            ];
            out.write_record(row.iter().map(|c| neutralise(c)))
                .map_err(|e| Error::Internal(e.to_string()))?;
            rows += 1;
        }
        match found.next_sk {
            Some(sk) => start_after = Some(sk),
            None => break,
        }
    }
    // Who took the list out is kept before they get it.
    let mut tx = app.store.tx();
    super::audit::Audit::new(app, tenant, "members.exported")
        .by(&actor)
        .change("rows", None, Some(rows))
        .record(app, &mut tx);
    app.store.commit(tx).await?;
    let bytes = out
        .into_inner()
        .map_err(|e| Error::Internal(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| Error::Internal(e.to_string()))
}

#[cfg(test)]
mod export_tests {
    use super::neutralise;

    #[test]
    fn formula_cells_are_neutralised() {
        for (cell, out) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM", "'@SUM"),
            ("\tx", "'\tx"),
            ("Ana", "Ana"),
            ("", ""),
        ] {
            assert_eq!(neutralise(cell), out);
        }
    }
}
