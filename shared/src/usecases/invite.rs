//! Inviting one person: validate, check permissions, create the member, its uniqueness claims,
//! its token and the counter change in one transaction, then send.

use std::collections::BTreeMap;

use serde::Deserialize;
use uuid::Uuid;

use super::{Actor, MemberView, authorize};
use crate::app::App;
use crate::email;
use crate::error::{Error, Result};
use crate::model::{Channel, Delivery, Employment, InvitationToken, Member, Role, Status, Tenant};
use crate::ports::SendError;
use crate::secrets;
use crate::validate::{self, Errors};

/// The body of `POST /v1/tenants/{tenant}/invitations`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InviteRequest {
    pub email: Option<String>,
    pub phone: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub role: Option<Role>,
    pub agent_ids: Option<Vec<String>>,
    pub teams: Option<Vec<String>>,
    pub products: Option<Vec<String>>,
    pub shortcode: Option<String>,
    pub employment: Option<Employment>,
    pub channels: Option<Vec<Channel>>,
    pub send_at: Option<String>,
    pub timezone: Option<String>,
}

/// An invitee whose every field has been checked and normalised.
#[derive(Clone, Debug)]
pub struct Invitee {
    pub email: Option<String>,
    pub phone: Option<String>,
    pub first_name: String,
    pub last_name: String,
    pub role: Role,
    pub agent_ids: Vec<String>,
    pub teams: Vec<String>,
    pub products: Vec<String>,
    pub shortcode: Option<String>,
    pub employment: Option<Employment>,
    pub channels: Vec<Channel>,
}

pub fn validate_employment(e: &Employment, errors: &mut Errors) -> Employment {
    let department = e
        .department
        .as_deref()
        .and_then(|d| errors.check(validate::name("employment.department", d)));
    let job_title = e
        .job_title
        .as_deref()
        .and_then(|d| errors.check(validate::name("employment.job_title", d)));
    let mut extra = BTreeMap::new();
    if e.extra.len() > 20 {
        errors.push("employment.extra", "must hold at most 20 fields");
    } else {
        for (k, v) in &e.extra {
            let key = errors.check(validate::label(&format!("employment.extra.{k}"), k, 40));
            let value = errors.check(validate::name(&format!("employment.extra.{k}"), v));
            if let (Some(k), Some(v)) = (key, value) {
                extra.insert(k, v);
            }
        }
    }
    Employment {
        department: department.filter(|d| !d.is_empty()),
        job_title: job_title.filter(|d| !d.is_empty()),
        extra,
    }
}

/// Checks a request against the rules of API.md and the tenant's settings.
pub fn validate(req: &InviteRequest, tenant: &Tenant) -> Result<Invitee> {
    let mut errors = Errors::default();
    let email = req
        .email
        .as_deref()
        .and_then(|e| errors.check(validate::email("email", e)));
    let phone = match req.phone.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(p) => {
            let digits = p.strip_prefix('+').unwrap_or("");
            if (8..=15).contains(&digits.len())
                && digits.bytes().all(|b| b.is_ascii_digit())
                && !digits.starts_with('0')
            {
                Some(p.to_string())
            } else {
                errors.push(
                    "phone",
                    "must be an international number in E.164 form, such as +34600000000",
                );
                None
            }
        }
    };
    if req.email.is_none() {
        errors.push(
            "email",
            "is required (invitations by SMS only are not available yet)",
        );
    }
    let first_name = errors
        .check(validate::name(
            "first_name",
            req.first_name.as_deref().unwrap_or(""),
        ))
        .unwrap_or_default();
    let last_name = errors
        .check(validate::name(
            "last_name",
            req.last_name.as_deref().unwrap_or(""),
        ))
        .unwrap_or_default();
    let role = req.role.unwrap_or(Role::User);
    let agent_ids = validate::labels(
        "agent_ids",
        req.agent_ids.as_deref().unwrap_or(&[]),
        &mut errors,
    );
    let teams = validate::labels("teams", req.teams.as_deref().unwrap_or(&[]), &mut errors);
    let products = validate::labels(
        "products",
        req.products.as_deref().unwrap_or(&[]),
        &mut errors,
    );
    if role == Role::Agent && agent_ids.is_empty() {
        errors.push("agent_ids", "an agent needs at least one agent id");
    }
    if role == Role::TeamLeader && teams.is_empty() {
        errors.push("teams", "a team leader needs at least one team");
    }
    let shortcode = req
        .shortcode
        .as_deref()
        .and_then(|s| errors.check(validate::shortcode("shortcode", s)));
    let employment = req
        .employment
        .as_ref()
        .map(|e| validate_employment(e, &mut errors));
    let channels = match &req.channels {
        Some(c) => {
            let mut c = c.clone();
            c.sort();
            c.dedup();
            c
        }
        None => vec![Channel::Email],
    };
    if channels.contains(&Channel::Sms) {
        errors.push("channels", "SMS delivery is not available yet");
    }
    if req.send_at.is_some() || req.timezone.is_some() {
        errors.push("send_at", "deferred invitations are not available yet");
    }
    errors.into_result()?;
    let unknown: Vec<&str> = products
        .iter()
        .filter(|p| !tenant.products.contains(p))
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        return Err(Error::ProductNotEnabled(unknown.join(", ")));
    }
    Ok(Invitee {
        email,
        phone,
        first_name,
        last_name,
        role,
        agent_ids,
        teams,
        products,
        shortcode,
        employment,
        channels,
    })
}

pub async fn invite(
    app: &App,
    profile: Uuid,
    tenant_id: Uuid,
    req: InviteRequest,
) -> Result<MemberView> {
    let actor = authorize(app, profile, tenant_id).await?;
    let tenant = app.store.tenant(tenant_id).await?.ok_or(Error::NotFound)?;
    let invitee = validate(&req, &tenant)?;
    if !actor.role.may_manage(invitee.role) {
        return Err(Error::Forbidden);
    }
    let inviter = app
        .store
        .member(tenant_id, actor.user_id)
        .await?
        .ok_or(Error::NotFound)?
        .value;
    let (member, token) = create(app, &actor, &inviter, invitee).await?;
    let member = deliver(app, &tenant.name, member, &token).await?;
    Ok(MemberView::new(member, app.now(), actor.role))
}

/// Creates the member, claims and token in one transaction. Returns the token to send.
pub async fn create(
    app: &App,
    actor: &Actor,
    inviter: &Member,
    invitee: Invitee,
) -> Result<(Member, String)> {
    let now = app.now();
    let existing_profile = match &invitee.email {
        Some(e) => {
            app.store
                .profile_id_by_email(&validate::email_key(e))
                .await?
        }
        None => None,
    };
    let token = secrets::mint_token();
    let expires_at = now + app.invitation_ttl();
    let member = Member {
        id: Uuid::now_v7(),
        tenant_id: actor.tenant_id,
        email: invitee.email,
        phone: invitee.phone,
        first_name: invitee.first_name,
        last_name: invitee.last_name,
        role: invitee.role,
        teams: invitee.teams,
        agent_ids: invitee.agent_ids,
        products: invitee.products,
        shortcode: invitee.shortcode,
        employment: invitee.employment,
        status: Status::Invited,
        invited_by: Some(actor.user_id),
        inviter_name: inviter.display_name(),
        invited_at: now,
        send_at: None,
        invite_expires_at: Some(expires_at),
        accepted_at: None,
        deactivated_at: None,
        last_login_at: None,
        // Recorded as sent in the creating transaction (one write per invite); a failed send
        // is written back as `failed` straight after.
        delivery: invitee
            .channels
            .iter()
            .map(|c| (*c, Delivery::Sent))
            .collect(),
        channels: invitee.channels,
        existing_profile: existing_profile.is_some(),
        profile_id: existing_profile,
        generation: 1,
    };
    let record = InvitationToken {
        tenant_id: member.tenant_id,
        user_id: member.id,
        generation: member.generation,
        tenant_name: actor.tenant_name.clone(),
        expires_at,
        used_at: None,
    };
    let mut tx = app.store.tx();
    tx.put_member(&member, None);
    if let Some(email) = &member.email {
        tx.claim_email(member.tenant_id, &validate::email_key(email), member.id);
    }
    for id in &member.agent_ids {
        tx.claim_agent_id(member.tenant_id, id, member.id);
    }
    if let Some(code) = &member.shortcode {
        tx.claim_shortcode(member.tenant_id, code, member.id);
    }
    tx.put_token(&secrets::token_hash(&token), &record);
    tx.count(member.tenant_id, member.id, None, Some(Status::Invited));
    app.store.commit(tx).await?;
    tracing::info!(tenant = %member.tenant_id, user = %member.id, "invitation created");
    Ok((member, token))
}

pub fn accept_link(app: &App, token: &str) -> String {
    format!("{}/accept#token={token}", app.config.accept_url_base)
}

/// Sends the invitation on the member's channels; a failure is recorded on the member.
pub async fn deliver(
    app: &App,
    tenant_name: &str,
    mut member: Member,
    token: &str,
) -> Result<Member> {
    let mut failed = Vec::new();
    for channel in member.channels.clone() {
        let outcome = match (channel, &member.email) {
            (Channel::Email, Some(to)) => {
                let recipient = member.display_name();
                let recipient = if Some(&recipient) == member.email.as_ref() {
                    String::new()
                } else {
                    recipient
                };
                let message = email::invitation(&email::Invitation {
                    to,
                    tenant_name,
                    inviter_name: &member.inviter_name,
                    recipient_name: &recipient,
                    role: email::role_label(member.role),
                    link: &accept_link(app, token),
                    expires_at: member.invite_expires_at.unwrap_or_else(|| app.now()),
                })?;
                app.mailer.send_email(&message).await
            }
            _ => Err(SendError::Refused("no address for this channel".into())),
        };
        if let Err(e) = outcome {
            tracing::warn!(tenant = %member.tenant_id, user = %member.id, ?channel, error = %e, "invitation not delivered");
            failed.push(channel);
        }
    }
    if !failed.is_empty() {
        member = record_failures(app, &member, &failed).await?;
    }
    Ok(member)
}

async fn record_failures(app: &App, member: &Member, failed: &[Channel]) -> Result<Member> {
    let (tenant, user, generation) = (member.tenant_id, member.id, member.generation);
    super::retrying(|| async move {
        let Some(current) = app.store.member(tenant, user).await? else {
            return Err(Error::NotFound);
        };
        let mut updated = current.value.clone();
        if updated.generation == generation {
            for c in failed {
                updated.delivery.insert(*c, Delivery::Failed);
            }
            let mut tx = app.store.tx();
            tx.put_member(&updated, Some(&current));
            app.store.commit(tx).await?;
        }
        Ok(updated)
    })
    .await
}
