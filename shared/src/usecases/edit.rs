//! Editing a member: role, teams, agent ids, products, names, email and phone (while the
//! invitation is pending), shortcode and employment, with the same rules as an invitation.
//! Changing a pending member's email or phone kills the links already sent.

use serde::Deserialize;
use uuid::Uuid;

use super::invite::validate_employment;
use super::members::save;
use super::{MemberView, authorize_on, retrying};
use crate::app::App;
use crate::error::{Error, Result};
use crate::model::{Employment, Role, Status};
use crate::validate::{self, Errors};

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditRequest {
    pub role: Option<Role>,
    #[serde(default, deserialize_with = "validate::capped_list")]
    pub teams: Option<Vec<String>>,
    #[serde(default, deserialize_with = "validate::capped_list")]
    pub agent_ids: Option<Vec<String>>,
    #[serde(default, deserialize_with = "validate::capped_list")]
    pub products: Option<Vec<String>>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub email: Option<String>,
    #[serde(default, deserialize_with = "validate::nullable")]
    pub phone: Option<Option<String>>,
    #[serde(default, deserialize_with = "validate::nullable")]
    pub shortcode: Option<Option<String>>,
    #[serde(default, deserialize_with = "validate::nullable")]
    pub employment: Option<Option<Employment>>,
    /// The member's language; null: the tenant's.
    #[serde(default, deserialize_with = "validate::nullable")]
    pub locale: Option<Option<String>>,
}

pub async fn edit(
    app: &App,
    profile: crate::session::Principal,
    tenant: Uuid,
    user: Uuid,
    req: EditRequest,
) -> Result<MemberView> {
    let req = &req;
    let (actor, member) = retrying(|| async move {
        let (actor, current) = authorize_on(app, profile, tenant, user).await?;
        let settings = actor.tenant.clone();
        let before = &current.value;
        let mut m = before.clone();
        let mut errors = Errors::default();
        if let Some(role) = req.role {
            if !actor.role.may_manage(role) {
                return Err(Error::Forbidden);
            }
            m.role = role;
        }
        if let Some(t) = &req.teams {
            m.teams = validate::labels("teams", t, &mut errors);
        }
        if let Some(a) = &req.agent_ids {
            m.agent_ids = validate::labels("agent_ids", a, &mut errors);
        }
        if let Some(p) = &req.products {
            m.products = validate::labels("products", p, &mut errors);
        }
        if let Some(f) = &req.first_name {
            m.first_name = errors
                .check(validate::name("first_name", f))
                .unwrap_or_default();
        }
        if let Some(l) = &req.last_name {
            m.last_name = errors
                .check(validate::name("last_name", l))
                .unwrap_or_default();
        }
        let pending = before.status.is_pending();
        if let Some(e) = &req.email {
            if !pending {
                errors.push(
                    "email",
                    "belongs to the person's own profile once they have joined",
                );
            } else {
                m.email = errors.check(validate::email("email", e));
            }
        }
        match &req.phone {
            Some(Some(p)) => m.phone = errors.check(validate::phone("phone", p)).map(|p| p.e164),
            Some(None) => m.phone = None,
            None => {}
        }
        match &req.shortcode {
            Some(Some(c)) => m.shortcode = errors.check(validate::shortcode("shortcode", c)),
            Some(None) => m.shortcode = None,
            None => {}
        }
        match &req.employment {
            Some(Some(e)) => m.employment = Some(validate_employment(e, &mut errors)),
            Some(None) => m.employment = None,
            None => {}
        }
        if m.role == Role::Agent && m.agent_ids.is_empty() {
            errors.push("agent_ids", "an agent needs at least one agent id");
        }
        if m.role == Role::TeamLeader && m.teams.is_empty() {
            errors.push("teams", "a team leader needs at least one team");
        }
        if m.email.is_none() && m.phone.is_none() {
            errors.push("phone", "a member needs an email or a phone number");
        }
        errors.into_result()?;
        match &req.locale {
            Some(Some(l)) => m.locale = Some(crate::i18n::supported(l)?.to_string()),
            Some(None) => m.locale = None,
            None => {}
        }
        let unknown: Vec<&str> = m
            .products
            .iter()
            .filter(|p| !settings.products.contains(p))
            .map(String::as_str)
            .collect();
        if !unknown.is_empty() {
            return Err(Error::ProductNotEnabled(unknown.join(", ")));
        }
        if let (Some(email), true) = (&m.email, m.email != before.email) {
            super::invite::domain_allowed(&settings, email)?;
        }
        let moved = m.email != before.email || m.phone != before.phone;
        if moved {
            // The links went to the old address: none of them may work any more. (A deferred
            // send has no link yet: it will go to the new address.)
            if matches!(before.status, Status::Invited) {
                m.generation += 1;
            }
            m.channels.retain(|c| match c {
                crate::model::Channel::Email => m.email.is_some(),
                crate::model::Channel::Sms => m.phone.is_some(),
            });
        }
        let mut tx = app.store.tx();
        tx.reclaim(before, &m);
        super::audit::Audit::new(app, tenant, "member.updated")
            .by(&actor)
            .on(&m)
            .diff(before, &m, app.now())
            .record(app, &mut tx);
        save(app, &actor.tenant_name, tx, &current, &m).await?;
        Ok((actor, m))
    })
    .await?;
    tracing::info!(tenant = %tenant, user = %user, "member edited");
    Ok(MemberView::new(member, app.now(), actor.role))
}
