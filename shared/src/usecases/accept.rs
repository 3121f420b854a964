//! Previewing and accepting an invitation link. Nothing but a successful accept changes state.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::members::save;
use super::{MemberView, retrying};
use crate::app::App;
use crate::error::{Error, Result};
use crate::model::{
    Access, Branding, Channel, InvitationToken, Member, Profile, Role, Status, Tenant,
};
use crate::secrets;
use crate::session::{Grant, Session};
use crate::store::{Holder, Versioned};
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
    /// The tenant's look for the accept page (its logo and accent colour).
    pub branding: Branding,
    /// The tenant's language, until invitations carry their own.
    pub locale: String,
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
    /// The session again, at the top level, with the memberships it reaches: what
    /// `POST /v1/sessions` answers.
    pub token: String,
    pub expires_at: DateTime<Utc>,
    pub scope: Option<crate::session::Scope>,
    pub memberships: Vec<Access>,
}

struct Valid {
    hash: String,
    token: Versioned<InvitationToken>,
    member: Versioned<Member>,
    tenant: Arc<Tenant>,
}

/// A token with what it names: its record, its member and its tenant, read at once when the
/// token names its member (a texted link's bare token costs a round trip more).
pub(super) struct Named {
    pub hash: String,
    pub token: Versioned<InvitationToken>,
    pub member: Versioned<Member>,
    pub tenant: Arc<Tenant>,
}

pub(super) async fn read_token(app: &App, token: &str) -> Result<Named> {
    let named = secrets::invitation_token_member(token).ok_or(Error::InvitationInvalid)?;
    let hash = secrets::token_hash(token);
    let (record, member, tenant) = match named {
        Some((tenant, user)) => {
            let (record, member, settings) = tokio::try_join!(
                app.store.token(&hash),
                app.store.member(tenant, user),
                app.store.tenant(tenant)
            )?;
            let record = record
                .filter(|r| (r.value.tenant_id, r.value.user_id) == (tenant, user))
                .ok_or(Error::InvitationInvalid)?;
            (record, member, settings)
        }
        None => {
            let record = app
                .store
                .token(&hash)
                .await?
                .ok_or(Error::InvitationInvalid)?;
            let (tenant, user) = (record.value.tenant_id, record.value.user_id);
            let (member, settings) =
                tokio::try_join!(app.store.member(tenant, user), app.store.tenant(tenant))?;
            (record, member, settings)
        }
    };
    // Past the window in which an expired link is known, it is unknown (as it is once DynamoDB's
    // TTL sweep has removed it): the same answer before and after the sweep.
    if record.value.forgotten(app.now()) {
        return Err(Error::InvitationInvalid);
    }
    Ok(Named {
        hash,
        token: record,
        member: member.ok_or(Error::InvitationInvalid)?,
        tenant: tenant.ok_or(Error::InvitationInvalid)?,
    })
}

/// Whether the token was used: this token, or (read between another accept's commit and
/// ours) the member was accepted at this token's generation. The two reads are not atomic, so
/// both are checked.
pub(super) fn used(token: &InvitationToken, member: &Member) -> bool {
    token.used_at.is_some()
        || (member.generation == token.generation && member.accepted_at.is_some())
}

/// The token's state, in the order a person would want to hear it: unknown, superseded or
/// cancelled (404) before used (409) before the tenant's suspension (403) before expired
/// (410, with what the tenant does for an expired link).
async fn check(app: &App, token: &str, now: DateTime<Utc>) -> Result<Valid> {
    let Named {
        hash,
        token: record,
        member,
        tenant,
    } = read_token(app, token).await?;
    if used(&record.value, &member.value) {
        return Err(Error::InvitationUsed);
    }
    if member.value.generation != record.value.generation || member.value.status != Status::Invited
    {
        return Err(Error::InvitationInvalid);
    }
    if tenant.suspended_at.is_some() {
        return Err(Error::TenantSuspended);
    }
    if record.value.expires_at <= now {
        return Err(Error::InvitationExpired(Some(tenant.renewal)));
    }
    Ok(Valid {
        hash,
        token: record,
        member,
        tenant,
    })
}

/// The address a member is known by: its email's key, else its phone number.
fn address_of(member: &Member) -> Option<(String, bool)> {
    match (&member.email, &member.phone) {
        (Some(email), _) => Some((validate::email_key(email), true)),
        (None, Some(phone)) => Some((phone.clone(), false)),
        (None, None) => None,
    }
}

/// Whether a link sent on `delivered` proves the member's address: emailed to its email, or
/// texted to a member known by phone alone. A minted link (copied, shown, printed) proves none.
fn proves_address(member: &Member, delivered: &[Channel]) -> bool {
    match (&member.email, &member.phone) {
        (Some(_), _) => delivered.contains(&Channel::Email),
        (None, Some(_)) => delivered.contains(&Channel::Sms),
        (None, None) => false,
    }
}

/// The person's verified profile, if they already have one (what the accept page offers to
/// join with a password).
async fn existing_profile(app: &App, member: &Member) -> Result<bool> {
    if member.profile_id.is_some() {
        return Ok(true);
    }
    Ok(match address_of(member) {
        Some(parsed) => app
            .store
            .verified_profile(super::sessions::address(&parsed))
            .await?
            .is_some(),
        None => false,
    })
}

pub async fn preview(app: &App, req: PreviewRequest) -> Result<Preview> {
    let v = check(app, &req.token, app.now()).await?;
    let existing = existing_profile(app, &v.member.value).await?;
    let m = v.member.value;
    Ok(Preview {
        tenant_name: v.tenant.name.clone(),
        inviter_name: m.inviter_name,
        role: m.role,
        email: m.email,
        first_name: m.first_name,
        last_name: m.last_name,
        expires_at: v.token.value.expires_at,
        existing_profile: existing,
        branding: v.tenant.branding.clone(),
        locale: m.locale.unwrap_or_else(|| v.tenant.locale.clone()),
    })
}

/// Accepting costs two round trips for a new person (the token and the member it names, read
/// at once; one transaction; a texted link's bare token costs a third, see
/// [`secrets::mint_invitation_token`]): the profile is created optimistically, and only if its
/// address is held already is the holder looked up. A person who has a profile proves its
/// password (one more read, the hash), which counts against the account's failure limit.
///
/// A link emailed or texted to the member's own address proves it: the profile made is
/// verified, and an address held unverified (by a profile made through a code or a minted
/// link) is taken over. A minted link proves nothing: the profile it makes is bound to the
/// tenant (its sessions reach that tenant only), and it never joins or sets the password of
/// a profile that has a password or another membership unless the password is proven.
pub async fn accept(app: &App, req: AcceptRequest) -> Result<Accepted> {
    let req = &req;
    let mut look_up = false;
    // A password proven once stays proven through the retries (one Argon2 verification per
    // request, whatever the contention).
    let proven = &std::sync::Mutex::new(None);
    let (member, scope, epoch, mut memberships) = loop {
        match retrying(|| attempt(app, req, look_up, proven)).await {
            Err(Error::ProfileExists) if !look_up => look_up = true,
            other => break other?,
        }
    };
    let profile_id = member
        .profile_id
        .ok_or_else(|| Error::Internal("accepted member without profile".into()))?;
    tracing::info!(tenant = %member.tenant_id, user = %member.id, scoped = scope.is_some(), "invitation accepted");
    let session = app
        .sessions
        .issue(
            Grant {
                profile: profile_id,
                scope,
                epoch,
            },
            app.wall_clock.now(),
        )
        .await?;
    let role = member.role;
    memberships.retain(|a| scope.is_none_or(|t| t == a.tenant_id));
    Ok(Accepted {
        token: session.token.clone(),
        expires_at: session.expires_at,
        scope: session.scope,
        memberships,
        session,
        member: MemberView::new(member, app.now(), role),
    })
}

/// A profile and the memberships it has.
type Found = (Versioned<Profile>, Vec<Access>);

/// How an accept joins the person.
enum Plan {
    /// An existing profile: its password must match.
    Prove(Found),
    /// A passwordless profile this tenant vouched for: the password given becomes its own.
    SetPassword(Found),
    /// A new profile; taking the address over from an unverified holder, if any.
    Fresh(Option<(Versioned<Holder>, Versioned<Profile>)>),
}

async fn plan(app: &App, member: &Member, proves: bool, look_up: bool) -> Result<Plan> {
    let tenant = member.tenant_id;
    let found = |id| async move {
        match app.store.profile_and_access(id).await? {
            (Some(profile), access) => Ok((profile, access)),
            (None, _) => Err(Error::Stale),
        }
    };
    if let Some(id) = member.profile_id {
        return Ok(Plan::Prove(found(id).await?));
    }
    let Some(parsed) = address_of(member).filter(|_| look_up) else {
        return Ok(Plan::Fresh(None));
    };
    let Some(held) = app.store.holder(super::sessions::address(&parsed)).await? else {
        return Ok(Plan::Fresh(None));
    };
    let (profile, access) = found(held.value.profile_id).await?;
    if held.value.verified {
        return Ok(Plan::Prove((profile, access)));
    }
    if proves {
        return Ok(Plan::Fresh(Some((held, profile))));
    }
    if profile.value.bound_to == Some(tenant) && access.iter().all(|a| a.tenant_id == tenant) {
        return Ok(if profile.value.has_password() {
            Plan::Prove((profile, access))
        } else {
            Plan::SetPassword((profile, access))
        });
    }
    Err(Error::ProofRequired)
}

/// Checks the new person's names and password, and hashes the password.
async fn new_password(
    member: &mut Member,
    req: &AcceptRequest,
    tenant_name: &str,
    with_names: bool,
) -> Result<String> {
    let mut errors = validate::Errors::default();
    if with_names {
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
    }
    errors.into_result()?;
    let email = member.email.clone().unwrap_or_default();
    let personal = [
        email.as_str(),
        member.first_name.as_str(),
        member.last_name.as_str(),
        tenant_name,
    ];
    secrets::check_password_strength(&req.password, &personal)?;
    let password = req.password.clone();
    super::hashing(move || secrets::hash_password(&password)).await?
}

/// The profile and password hash a password was proven against.
type Proven = std::sync::Mutex<Option<(Uuid, String)>>;

async fn attempt(
    app: &App,
    req: &AcceptRequest,
    look_up: bool,
    proven: &Proven,
) -> Result<(Member, Option<Uuid>, u32, Vec<Access>)> {
    let now = app.now();
    let v = check(app, &req.token, now).await?;
    let mut member = v.member.value.clone();
    let tenant = member.tenant_id;
    let tenant_name = v.tenant.name.clone();
    let proves = proves_address(&member, &v.token.value.delivered_to);
    let mut tx = app.store.tx();
    let (profile_id, scope, epoch, memberships) = match plan(app, &member, proves, look_up).await? {
        Plan::Prove((profile, access)) => {
            let p = &profile.value;
            let known = (p.id, p.password_hash.clone());
            let already = proven
                .lock()
                .ok()
                .is_some_and(|m| m.as_ref() == Some(&known));
            if !already {
                let account = super::sessions::account_of(p);
                super::attempts::prove_password(
                    app,
                    &account,
                    &req.password,
                    Some(&p.password_hash),
                )
                .await?;
                if let Ok(mut m) = proven.lock() {
                    *m = Some(known);
                }
            }
            if member.first_name.is_empty() && member.last_name.is_empty() {
                member.first_name = p.first_name.clone();
                member.last_name = p.last_name.clone();
            }
            member.existing_profile = p.bound_to.is_none();
            (p.id, p.bound_to, p.session_epoch, access)
        }
        Plan::SetPassword((profile, access)) => {
            let password_hash = new_password(&mut member, req, &tenant_name, false).await?;
            let updated = Profile {
                password_hash,
                ..profile.value.clone()
            };
            tx.put_profile(&updated, &profile);
            (updated.id, Some(tenant), updated.session_epoch, access)
        }
        Plan::Fresh(taken) => {
            let password_hash = new_password(&mut member, req, &tenant_name, true).await?;
            let bound_to = (!proves).then_some(tenant);
            let profile = Profile::new(
                member.email.clone(),
                member.phone.clone(),
                (member.first_name.clone(), member.last_name.clone()),
                password_hash,
                bound_to,
                now,
            );
            match (&taken, address_of(&member)) {
                (Some((held, previous)), Some(parsed)) => tx.take_over_address(
                    &profile,
                    super::sessions::address(&parsed),
                    held,
                    Some(previous),
                ),
                _ => tx.create_profile(&profile, proves),
            }
            if taken.is_some() {
                tracing::info!(tenant = %tenant, user = %member.id, "an unverified address was taken over by a delivered link");
            }
            (profile.id, bound_to, 0, Vec::new())
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
    super::audit::Audit::new(app, member.tenant_id, "member.accepted")
        .by_member(&member)
        .on(&member)
        .diff(&v.member.value, &member, now)
        .record(app, &mut tx);
    save(app, &tenant_name, tx, &v.member, &member).await?;
    // The memberships the session reaches: those read with the profile, and this one.
    let mut memberships = memberships;
    memberships.retain(|a| a.tenant_id != tenant);
    memberships.push(Access {
        tenant_id: tenant,
        tenant_name,
        user_id: member.id,
        role: member.role,
        status: member.status,
    });
    Ok((member, scope, epoch, memberships))
}

/// The member once the person behind it has joined with `profile`.
pub(crate) fn activated(mut member: Member, profile: Uuid, now: DateTime<Utc>) -> Member {
    member.status = Status::Active;
    member.accepted_at = Some(now);
    member.last_login_at = Some(now);
    member.profile_id = Some(profile);
    member
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::usecases::invite::token_record;

    async fn app_with_invitation() -> (std::sync::Arc<App>, Member) {
        let dir = std::env::temp_dir().join(format!("accept-test-{}", Uuid::now_v7()));
        let config = Config::local(dir, "http://127.0.0.1:9");
        let parts = App::embedded_parts(&config).expect("embedded adapters");
        let app = App::assemble(config, parts).expect("the app");
        let mut member = crate::testing::member("Ana", "Ruiz", Some("ana@example.com"));
        member.invite_expires_at = Some(app.now() + chrono::Duration::hours(24));
        (app, member)
    }

    async fn store_link(app: &App, member: &Member, token: &str) {
        let mut tx = app.store.tx();
        let mut tenant = Tenant::new("Hotel Legacy".into(), vec![], vec![], app.now());
        tenant.id = member.tenant_id;
        tx.create_tenant(&tenant);
        tx.put_member(member, None);
        let expires = member.invite_expires_at.expect("invited");
        tx.put_token(
            &secrets::token_hash(token),
            &token_record(member, "Hotel Legacy", expires, &[Channel::Email]),
        );
        app.store.commit(tx).await.expect("stored");
    }

    #[tokio::test]
    async fn a_bare_token_minted_before_tokens_named_their_member_still_opens_its_invitation() {
        let (app, member) = app_with_invitation().await;
        let token = secrets::mint_token();
        store_link(&app, &member, &token).await;
        let shown = preview(&app, PreviewRequest { token })
            .await
            .expect("preview");
        assert_eq!(shown.email.as_deref(), Some("ana@example.com"));
        assert_eq!(shown.tenant_name, "Hotel Legacy");
        let _ = std::fs::remove_dir_all(&app.config.data_dir);
    }
}
