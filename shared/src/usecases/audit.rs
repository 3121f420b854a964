//! The audit trail: what the use cases record (an [`Audit`] put into the transaction of the
//! change it describes, so there is never one without the other), and how admins read it:
//! `GET /audit` (filters `action`, `actor`, `target`, `since`, `until`; newest first),
//! `audit.csv`, and a member's history.
//!
//! Reads are one Query a page. `target` (and a member's history) reads the entries kept by
//! target; `since`/`until` bound the keys. `action` and `actor` are filtered from what a page
//! evaluates (at most 4× `limit` entries, one Query): their pages may hold fewer than `limit`
//! entries and still have a `next_cursor`.

use std::collections::HashMap;

use serde::Serialize;
use uuid::Uuid;

use super::list::{neutralise, open_cursor, page_limit, sign_cursor};
use super::{Actor, authorize};
use crate::app::App;
use crate::error::{Error, Result};
use crate::model::audit::{ACTIONS, AuditActor, AuditEntry, AuditTarget};
use crate::model::{Member, Role};
use crate::session::Principal;
use crate::store::{Tx, entry_prefix, key_time, target_prefix};
use crate::validate::Errors;

/// An entry being made: `Audit::new(app, tenant, "member.updated").by(&actor).on(&member)
/// .change("role", before, after).record(app, &mut tx)`.
pub struct Audit {
    tenant: Uuid,
    entry: AuditEntry,
}

impl Audit {
    pub fn new(app: &App, tenant: Uuid, action: &'static str) -> Self {
        debug_assert!(ACTIONS.contains(&action), "{action} is not an audit action");
        Audit {
            tenant,
            entry: AuditEntry {
                id: crate::model::new_id(),
                at: app.now(),
                actor: None,
                action: action.to_string(),
                target: None,
                changes: Default::default(),
                request_id: crate::telemetry::request_id(),
            },
        }
    }

    /// Done by an admin or manager.
    pub fn by(mut self, actor: &Actor) -> Self {
        self.entry.actor = Some(AuditActor {
            user_id: actor.user_id,
            name: actor.name.clone(),
        });
        self
    }

    /// Done by the member `user`, known as `name`.
    pub fn by_user(mut self, user: Uuid, name: String) -> Self {
        self.entry.actor = Some(AuditActor {
            user_id: user,
            name,
        });
        self
    }

    /// Done by the member themselves (accepting, signing in, changing their password).
    pub fn by_member(mut self, member: &Member) -> Self {
        self.entry.actor = Some(AuditActor {
            user_id: member.id,
            name: format!("{} {}", member.first_name, member.last_name)
                .trim()
                .to_string(),
        });
        self
    }

    /// Done to `member`.
    pub fn on(mut self, member: &Member) -> Self {
        self.entry.target = Some(AuditTarget {
            user_id: member.id,
            email: member.email.clone(),
        });
        self
    }

    /// Done to the member `user` (known by `email`), not read.
    pub fn on_user(mut self, user: Uuid, email: Option<String>) -> Self {
        self.entry.target = Some(AuditTarget {
            user_id: user,
            email,
        });
        self
    }

    /// `field` went from `before` to `after` (kept only when they differ).
    pub fn change<T: Serialize>(mut self, field: &str, before: T, after: T) -> Self {
        let (before, after) = (json(before), json(after));
        if before != after {
            self.entry
                .changes
                .insert(field.to_string(), [before, after]);
        }
        self
    }

    /// What changed between two states of a member: the fields people see, the status as
    /// the API shows it at `now`.
    pub fn diff(self, before: &Member, after: &Member, now: chrono::DateTime<chrono::Utc>) -> Self {
        self.change("status", before.status_at(now), after.status_at(now))
            .change("role", before.role, after.role)
            .change("email", &before.email, &after.email)
            .change("phone", &before.phone, &after.phone)
            .change("first_name", &before.first_name, &after.first_name)
            .change("last_name", &before.last_name, &after.last_name)
            .change("teams", &before.teams, &after.teams)
            .change("agent_ids", &before.agent_ids, &after.agent_ids)
            .change("products", &before.products, &after.products)
            .change("shortcode", &before.shortcode, &after.shortcode)
            .change("employment", &before.employment, &after.employment)
            .change("channels", &before.channels, &after.channels)
            .change("locale", &before.locale, &after.locale)
    }

    /// A member that did not exist before: its status, role and channels.
    pub fn created(self, member: &Member, now: chrono::DateTime<chrono::Utc>) -> Self {
        self.change("status", None, Some(member.status_at(now)))
            .change("role", None, Some(member.role))
            .change("channels", None, Some(&member.channels))
    }

    /// Into `tx`, with the change it records.
    pub fn record(self, app: &App, tx: &mut Tx) {
        let expires = self.entry.at + chrono::Duration::days(app.config.audit_retention_days);
        tx.audit(self.tenant, &self.entry, expires.timestamp());
    }
}

fn json<T: Serialize>(value: T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

/// A validated audit query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditQuery {
    pub action: Option<String>,
    pub actor: Option<Uuid>,
    pub target: Option<Uuid>,
    pub since: Option<chrono::DateTime<chrono::Utc>>,
    pub until: Option<chrono::DateTime<chrono::Utc>>,
    pub limit: usize,
    pub cursor: Option<String>,
}

impl AuditQuery {
    /// From the query string; unknown parameters are refused like unknown body fields.
    pub fn parse(params: &HashMap<String, String>) -> Result<AuditQuery> {
        let mut errors = Errors::default();
        for k in params.keys() {
            if !matches!(
                k.as_str(),
                "action" | "actor" | "target" | "since" | "until" | "limit" | "cursor"
            ) {
                errors.push(k.clone(), "is not a known parameter");
            }
        }
        let action = params.get("action").and_then(|a| {
            if ACTIONS.contains(&a.as_str()) {
                Some(a.clone())
            } else {
                errors.push("action", format!("must be one of {}", ACTIONS.join(", ")));
                None
            }
        });
        let mut user = |name: &str| {
            params.get(name).and_then(|u| match u.parse::<Uuid>() {
                Ok(id) => Some(id),
                Err(_) => {
                    errors.push(name, "must be a user id");
                    None
                }
            })
        };
        let (actor, target) = (user("actor"), user("target"));
        let mut time = |name: &str| {
            params
                .get(name)
                .and_then(|t| match chrono::DateTime::parse_from_rfc3339(t) {
                    Ok(at) => Some(at.with_timezone(&chrono::Utc)),
                    Err(_) => {
                        errors.push(name, "must be an RFC 3339 date-time");
                        None
                    }
                })
        };
        let (since, until) = (time("since"), time("until"));
        if let (Some(s), Some(u)) = (since, until)
            && s > u
        {
            errors.push("since", "must not be after until");
        }
        let limit = page_limit(params, &mut errors);
        errors.into_result()?;
        Ok(AuditQuery {
            action,
            actor,
            target,
            since,
            until,
            limit,
            cursor: params.get("cursor").cloned(),
        })
    }

    fn fingerprint(&self) -> String {
        let id = |u: Option<Uuid>| u.map(|u| u.to_string()).unwrap_or_default();
        let at = |t: Option<chrono::DateTime<chrono::Utc>>| t.map(key_time).unwrap_or_default();
        format!(
            "audit|{}|{}|{}|{}|{}",
            self.action.as_deref().unwrap_or(""),
            id(self.actor),
            id(self.target),
            at(self.since),
            at(self.until)
        )
    }
}

#[derive(Debug, Serialize)]
pub struct AuditPageView {
    pub items: Vec<AuditEntry>,
    pub next_cursor: Option<String>,
}

/// `GET /audit`: admins only.
pub async fn list(
    app: &App,
    caller: Principal,
    tenant: Uuid,
    query: AuditQuery,
) -> Result<AuditPageView> {
    // The page is read while the caller is authorised (one round trip), and withheld unless
    // they may see it.
    let (actor, page) = tokio::join!(authorize(app, caller, tenant), page(app, tenant, &query));
    if actor?.role != Role::Admin {
        return Err(Error::Forbidden);
    }
    page
}

/// `GET /users/{user}/history`: admins and managers (a manager sees the history of the members
/// they may manage), the entries whose target is the member.
pub async fn history(
    app: &App,
    caller: Principal,
    tenant: Uuid,
    user: Uuid,
    params: &HashMap<String, String>,
) -> Result<AuditPageView> {
    let limit = super::list::plain_page(params)?;
    let query = AuditQuery {
        action: None,
        actor: None,
        target: Some(user),
        since: None,
        until: None,
        limit,
        cursor: params.get("cursor").cloned(),
    };
    let (allowed, page) = tokio::join!(
        super::authorize_on(app, caller, tenant, user),
        page(app, tenant, &query)
    );
    allowed?;
    page
}

/// One page: one Query.
async fn page(app: &App, tenant: Uuid, query: &AuditQuery) -> Result<AuditPageView> {
    let prefix = match query.target {
        Some(t) => target_prefix(t),
        None => entry_prefix().to_string(),
    };
    let fingerprint = query.fingerprint();
    let start_after = match &query.cursor {
        Some(c) => Some(open_cursor(app, tenant, &fingerprint, c, &prefix)?),
        // Newest first from `until` on (inclusive: `~` sorts after every id).
        None => query.until.map(|u| format!("{prefix}{}#~", key_time(u))),
    };
    let filtered = query.action.is_some() || query.actor.is_some();
    let evaluate = if filtered {
        (query.limit * 4).min(400)
    } else {
        query.limit
    };
    let read = app
        .store
        .audit_entries(tenant, &prefix, start_after, evaluate)
        .await?;
    let mut passed_since = false;
    let items: Vec<AuditEntry> = read
        .entries
        .into_iter()
        .filter(|e| {
            if query.since.is_some_and(|s| e.at < s) {
                passed_since = true;
                return false;
            }
            query.action.as_ref().is_none_or(|a| &e.action == a)
                && query
                    .actor
                    .is_none_or(|a| e.actor.as_ref().is_some_and(|x| x.user_id == a))
        })
        .collect();
    let next_cursor = match read.last_sk {
        Some(sk) if !passed_since => Some(sign_cursor(app, tenant, &fingerprint, sk)?),
        _ => None,
    };
    Ok(AuditPageView { items, next_cursor })
}

/// `GET /audit.csv`: the same filters, every page (at most 50,000 entries), formula-safe.
pub async fn csv(
    app: &App,
    caller: Principal,
    tenant: Uuid,
    mut query: AuditQuery,
) -> Result<String> {
    let actor = authorize(app, caller, tenant).await?;
    if actor.role != Role::Admin {
        return Err(Error::Forbidden);
    }
    query.limit = 100;
    let mut out = csv::Writer::from_writer(Vec::new());
    let write = |out: &mut csv::Writer<Vec<u8>>, row: &[String]| {
        out.write_record(row.iter().map(|c| neutralise(c)))
            .map_err(|e| Error::Internal(e.to_string()))
    };
    let header = [
        "at",
        "action",
        "actor_id",
        "actor_name",
        "target_id",
        "target_email",
        "changes",
        "request_id",
        "id",
    ];
    write(&mut out, &header.map(String::from))?;
    for _ in 0..500 {
        let page = page(app, tenant, &query).await?;
        for e in &page.items {
            write(
                &mut out,
                &[
                    e.at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
                    e.action.clone(),
                    e.actor
                        .as_ref()
                        .map(|a| a.user_id.to_string())
                        .unwrap_or_default(),
                    e.actor.as_ref().map(|a| a.name.clone()).unwrap_or_default(),
                    e.target
                        .as_ref()
                        .map(|t| t.user_id.to_string())
                        .unwrap_or_default(),
                    e.target
                        .as_ref()
                        .and_then(|t| t.email.clone())
                        .unwrap_or_default(),
                    if e.changes.is_empty() {
                        String::new()
                    } else {
                        serde_json::to_string(&e.changes).unwrap_or_default()
                    },
                    e.request_id.clone().unwrap_or_default(),
                    e.id.to_string(),
                ],
            )?;
        }
        match page.next_cursor {
            Some(c) => query.cursor = Some(c),
            None => break,
        }
    }
    let bytes = out
        .into_inner()
        .map_err(|e| Error::Internal(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| Error::Internal(e.to_string()))
}
