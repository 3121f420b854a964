//! Previewing and accepting an invitation link. Nothing but a successful accept changes state.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::members::save;
use super::{MemberView, retrying};
use crate::app::App;
use crate::error::{Error, Result};
use crate::model::{InvitationToken, Member, Profile, Role, Status};
use crate::secrets;
use crate::session::Session;
use crate::store::Versioned;
use crate::validate;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreviewRequest {
    pub token: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Preview {
    pub tenant_name: String,
    pub inviter_name: String,
    pub role: Role,
    pub email: Option<String>,
    pub first_name: String,
    pub last_name: String,
    pub expires_at: DateTime<Utc>,
    pub existing_profile: bool,
}

#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcceptRequest {
    pub token: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub password: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Accepted {
    pub session: Session,
    pub member: MemberView,
}

struct Valid {
    hash: String,
    token: Versioned<InvitationToken>,
    member: Versioned<Member>,
}

/// The token's state, in the order a person would want to hear it: unknown, superseded or
/// cancelled (404) before used (409) before expired (410).
async fn check(app: &App, token: &str, now: DateTime<Utc>) -> Result<Valid> {
    if !secrets::looks_like_token(token) {
        return Err(Error::InvitationInvalid);
    }
    let hash = secrets::token_hash(token);
    let record = app
        .store
        .token(&hash)
        .await?
        .ok_or(Error::InvitationInvalid)?;
    let member = app
        .store
        .member(record.value.tenant_id, record.value.user_id)
        .await?
        .ok_or(Error::InvitationInvalid)?;
    // Used: this token, or (read between another accept's commit and ours) the member was
    // accepted at this token's generation. The two reads are not atomic, so both are checked.
    let same_generation = member.value.generation == record.value.generation;
    if record.value.used_at.is_some() || (same_generation && member.value.accepted_at.is_some()) {
        return Err(Error::InvitationUsed);
    }
    if !same_generation || member.value.status != Status::Invited {
        return Err(Error::InvitationInvalid);
    }
    if record.value.expires_at <= now {
        return Err(Error::InvitationExpired);
    }
    Ok(Valid {
        hash,
        token: record,
        member,
    })
}

/// The person's profile, if they already have one: by email, or for a member invited by phone
/// only, by phone number.
async fn existing_profile(app: &App, member: &Member) -> Result<Option<Versioned<Profile>>> {
    let found = match (&member.email, &member.phone) {
        (Some(email), _) => {
            app.store
                .profile_id_by_email(&validate::email_key(email))
                .await?
        }
        (None, Some(phone)) => app.store.profile_id_by_phone(phone).await?,
        (None, None) => None,
    };
    match found {
        Some(id) => app.store.profile(id).await,
        None => Ok(None),
    }
}

pub async fn preview(app: &App, req: PreviewRequest) -> Result<Preview> {
    let v = check(app, &req.token, app.now()).await?;
    let existing = existing_profile(app, &v.member.value).await?.is_some();
    let m = v.member.value;
    Ok(Preview {
        tenant_name: v.token.value.tenant_name,
        inviter_name: m.inviter_name,
        role: m.role,
        email: m.email,
        first_name: m.first_name,
        last_name: m.last_name,
        expires_at: v.token.value.expires_at,
        existing_profile: existing,
    })
}

/// Accepting costs three requests for a new person (token, member, one transaction): the
/// profile is created optimistically, and only if its email guard finds a profile made since
/// the invitation is it looked up. A person who had a profile at invite time proves its
/// password, which takes one more read (the hash).
pub async fn accept(app: &App, req: AcceptRequest) -> Result<Accepted> {
    let req = &req;
    let mut look_up = false;
    let member = loop {
        match retrying(|| attempt(app, req, look_up)).await {
            Err(Error::ProfileExists) if !look_up => look_up = true,
            other => break other?,
        }
    };
    let profile_id = member
        .profile_id
        .ok_or_else(|| Error::Internal("accepted member without profile".into()))?;
    tracing::info!(tenant = %member.tenant_id, user = %member.id, "invitation accepted");
    let session = app.sessions.issue(profile_id, app.wall_clock.now())?;
    let role = member.role;
    Ok(Accepted {
        session,
        member: MemberView::new(member, app.now(), role),
    })
}

async fn attempt(app: &App, req: &AcceptRequest, look_up: bool) -> Result<Member> {
    let now = app.now();
    let v = check(app, &req.token, now).await?;
    let mut member = v.member.value.clone();
    let mut tx = app.store.tx();
    let existing = match member.profile_id {
        Some(id) => app.store.profile(id).await?,
        None if look_up => existing_profile(app, &member).await?,
        None => None,
    };
    let profile_id = match existing {
        // Already has a profile from another tenant: they prove it with their password,
        // and the link can never set a new one.
        Some(profile) => {
            let (password, phc) = (req.password.clone(), profile.value.password_hash.clone());
            if !super::hashing(move || secrets::verify_password(&password, &phc)).await? {
                return Err(Error::InvalidCredentials);
            }
            if member.first_name.is_empty() && member.last_name.is_empty() {
                member.first_name = profile.value.first_name.clone();
                member.last_name = profile.value.last_name.clone();
            }
            member.existing_profile = true;
            profile.value.id
        }
        None => {
            let mut errors = validate::Errors::default();
            if let Some(f) = &req.first_name {
                member.first_name = errors
                    .check(validate::name("first_name", f))
                    .unwrap_or_default();
            }
            if let Some(l) = &req.last_name {
                member.last_name = errors
                    .check(validate::name("last_name", l))
                    .unwrap_or_default();
            }
            if member.first_name.is_empty() {
                errors.push("first_name", "is required");
            }
            errors.into_result()?;
            let email = member.email.clone().unwrap_or_default();
            let personal = [
                email.as_str(),
                member.first_name.as_str(),
                member.last_name.as_str(),
                v.token.value.tenant_name.as_str(),
            ];
            secrets::check_password_strength(&req.password, &personal)?;
            let password = req.password.clone();
            let password_hash = super::hashing(move || secrets::hash_password(&password)).await??;
            let profile = Profile {
                id: crate::model::new_id(),
                email: member.email.clone(),
                phone: member.phone.clone(),
                first_name: member.first_name.clone(),
                last_name: member.last_name.clone(),
                password_hash,
                created_at: now,
            };
            tx.create_profile(&profile);
            profile.id
        }
    };
    tx.use_token(
        &v.hash,
        &v.token,
        InvitationToken {
            used_at: Some(now),
            ..v.token.value.clone()
        },
    );
    let member = activated(member, profile_id, now);
    save(app, &v.token.value.tenant_name, tx, &v.member, &member).await?;
    Ok(member)
}

/// The member once the person behind it has joined with `profile`.
pub(crate) fn activated(mut member: Member, profile: Uuid, now: DateTime<Utc>) -> Member {
    member.status = Status::Active;
    member.accepted_at = Some(now);
    member.last_login_at = Some(now);
    member.profile_id = Some(profile);
    member
}
