//! Signing in, signing out, reading one's own profile and changing one's password.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::app::App;
use crate::error::{Error, Result};
use crate::model::{Access, EndedSession};
use crate::secrets;
use crate::session::{Grant, Principal, Scope};
use crate::store::Address;
use crate::validate;

/// `{"email" | "phone", "password" | "code"}`. A code is a sign-in code (six digits, sent to
/// the person's own address) or a quick access code (eight characters, read out by staff).
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignInRequest {
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub password: Option<String>,
    #[serde(default)]
    pub code: Option<String>,
}

/// A new session: what `POST /v1/sessions`, a password change or reset answers.
#[derive(Serialize)]
pub struct SignedIn {
    pub token: String,
    pub expires_at: chrono::DateTime<chrono::Utc>,
    /// `{"tenant": id}` when the session reaches one tenant only.
    pub scope: Option<Scope>,
    pub memberships: Vec<Access>,
}

#[derive(Serialize)]
pub struct ProfileView {
    pub id: Uuid,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub first_name: String,
    pub last_name: String,
    /// Whether the profile's address is proven (false for one made through a code or link
    /// handed over by staff).
    pub verified: bool,
    /// When the person consented, at phone sign-up, to be joined and texted (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_consent_at: Option<chrono::DateTime<chrono::Utc>>,
}

#[derive(Serialize)]
pub struct Me {
    pub profile: ProfileView,
    pub scope: Option<Scope>,
    pub memberships: Vec<Access>,
}

/// An address as typed: an email, or a phone number.
pub enum Typed<'a> {
    Email(&'a str),
    Phone(&'a str),
}

/// An address in the form it is stored under (email key or E.164), or `None` for one that
/// cannot belong to anybody (malformed).
pub fn parse_address(typed: &Typed<'_>) -> Option<(String, bool)> {
    match typed {
        Typed::Email(raw) => validate::email("email", raw)
            .ok()
            .map(|e| (validate::email_key(&e), true)),
        Typed::Phone(raw) => validate::phone("phone", raw).ok().map(|p| (p.e164, false)),
    }
}

/// The address parsed above, as the store names it.
pub fn address(parsed: &(String, bool)) -> Address<'_> {
    if parsed.1 {
        Address::Email(&parsed.0)
    } else {
        Address::Phone(&parsed.0)
    }
}

pub fn typed<'a>(email: &'a Option<String>, phone: &'a Option<String>) -> Result<Typed<'a>> {
    match (email, phone) {
        (Some(e), None) => Ok(Typed::Email(e)),
        (None, Some(p)) => Ok(Typed::Phone(p)),
        _ => Err(Error::field("email", "send either email or phone")),
    }
}

/// Password or code. Every failure is the same 401, unknown and known addresses cost the same
/// work (one Argon2 verification, through the bounded pool), and every check counts against
/// the account's failure limit ([`super::attempts`]) before it runs.
pub async fn sign_in(app: &App, req: SignInRequest) -> Result<SignedIn> {
    let typed = typed(&req.email, &req.phone)?;
    let parsed = parse_address(&typed);
    let (profile_id, scope, epoch) = match (&req.password, &req.code) {
        (Some(password), None) => {
            let (profile, epoch) = with_password(app, parsed.as_ref(), password).await?;
            (profile, None, Some(epoch))
        }
        (None, Some(code)) => {
            let code = super::access_code::normalise(code);
            match (&parsed, code.len()) {
                (Some(p), 6) => (
                    super::recovery::redeem_sign_in_code(app, address(p), &code).await?,
                    None,
                    None,
                ),
                (Some((key, true)), _) => {
                    let (profile, tenant) = super::access_code::redeem(app, key, &code).await?;
                    (profile, Some(tenant), None)
                }
                _ => {
                    super::hashing(move || secrets::verify_password(&code, secrets::dummy_hash()))
                        .await?;
                    return Err(Error::InvalidCredentials);
                }
            }
        }
        _ => return Err(Error::field("password", "send either password or code")),
    };
    let signed_in = session_for(app, profile_id, scope, epoch).await?;
    tracing::info!(profile = %profile_id, scoped = signed_in.scope.is_some(), "signed in");
    Ok(signed_in)
}

/// A new session for a profile that just proved itself: confined to `scope` (a vouched
/// credential's tenant), or to the tenant that vouched for the profile itself. `epoch` is the
/// session epoch of the profile whose password was checked: if it has moved since (a reset or
/// a password change in between), the proof is stale and no session is issued.
pub async fn session_for(
    app: &App,
    profile_id: Uuid,
    scope: Option<Uuid>,
    epoch: Option<u32>,
) -> Result<SignedIn> {
    let (profile, mut memberships) = app.store.profile_with_access(profile_id).await?;
    let profile = profile.ok_or(Error::InvalidCredentials)?;
    if epoch.is_some_and(|e| e != profile.session_epoch) {
        return Err(Error::InvalidCredentials);
    }
    let scope = scope.or(profile.bound_to);
    if let Some(tenant) = scope {
        memberships.retain(|a| a.tenant_id == tenant);
    }
    record_sign_in(app, &memberships).await;
    let session = app
        .sessions
        .issue(
            Grant {
                profile: profile_id,
                scope,
                epoch: profile.session_epoch,
            },
            app.wall_clock.now(),
        )
        .await?;
    Ok(SignedIn {
        token: session.token,
        expires_at: session.expires_at,
        scope: session.scope,
        memberships,
    })
}

/// The profile whose password this is, and its session epoch when it was checked. The account's
/// place is reserved first; an address nobody holds, or a profile without a password, is
/// checked against a dummy hash, after the same reads.
async fn with_password(
    app: &App,
    parsed: Option<&(String, bool)>,
    password: &str,
) -> Result<(Uuid, u32)> {
    let Some(parsed) = parsed else {
        let password = password.to_string();
        super::hashing(move || secrets::verify_password(&password, secrets::dummy_hash())).await?;
        return Err(Error::InvalidCredentials);
    };
    let started = tokio::time::Instant::now();
    let address = address(parsed);
    // An address nobody holds reads a profile too (the nil one, which never exists).
    let holder = app.store.holder(address).await?;
    let profile = app
        .store
        .profile(holder.map_or(Uuid::nil(), |h| h.value.profile_id))
        .await?;
    let phc = profile.as_ref().map(|p| p.value.password_hash.as_str());
    match super::attempts::prove_password(app, &address.name(), password, phc).await {
        Err(Error::InvalidCredentials) => {
            // Kept in the trail of the profile's tenants; the answer comes after the same
            // time whether or not there was anything to keep.
            if let Some(p) = &profile {
                record_failure(app, &p.value).await;
            }
            super::recovery::answer_after(started).await;
            return Err(Error::InvalidCredentials);
        }
        other => other?,
    }
    let p = profile.ok_or(Error::InvalidCredentials)?;
    Ok((p.value.id, p.value.session_epoch))
}

pub async fn me(app: &App, caller: Principal) -> Result<Me> {
    super::authenticate(app, caller).await?;
    let (found, mut memberships) = app.store.profile_with_access(caller.profile).await?;
    let p = found.ok_or(Error::Unauthenticated)?;
    if let Some(tenant) = caller.scope {
        memberships.retain(|a| a.tenant_id == tenant);
    }
    Ok(Me {
        profile: ProfileView {
            id: p.id,
            email: p.email,
            phone: p.phone,
            first_name: p.first_name,
            last_name: p.last_name,
            verified: p.bound_to.is_none(),
            phone_consent_at: p.phone_consent_at,
        },
        scope: caller.scope.map(|tenant| Scope { tenant }),
        memberships,
    })
}

/// A wrong password for `profile`: one `session.sign_in_failed` entry in each of its tenants.
/// Best effort (the caller is answered the same either way).
async fn record_failure(app: &App, profile: &crate::model::Profile) {
    let recorded = async {
        let (_, memberships) = app.store.profile_with_access(profile.id).await?;
        // Two items an entry, at most 100 a transaction.
        for some in memberships.chunks(50) {
            let mut tx = app.store.tx();
            for a in some {
                super::audit::Audit::new(app, a.tenant_id, "session.sign_in_failed")
                    .on_user(a.user_id, profile.email.clone())
                    .record(app, &mut tx);
            }
            app.store.commit(tx).await?;
        }
        Ok::<(), Error>(())
    };
    if let Err(e) = recorded.await {
        tracing::warn!(profile = %profile.id, error = %e, "could not record a failed sign-in");
    }
}

/// Keeps `last_login_at` on each active membership (what admins see). Best effort: a failure
/// here never fails the sign-in.
async fn record_sign_in(app: &App, memberships: &[Access]) {
    let now = app.now();
    for a in memberships
        .iter()
        .filter(|a| a.status == crate::model::Status::Active)
    {
        let (tenant, user) = (a.tenant_id, a.user_id);
        let recorded = super::retrying(|| async move {
            let Some(current) = app.store.member(tenant, user).await? else {
                return Ok(());
            };
            let mut member = current.value.clone();
            member.last_login_at = Some(now);
            let mut tx = app.store.tx();
            tx.put_member(&member, Some(&current));
            super::audit::Audit::new(app, tenant, "session.signed_in")
                .by_member(&member)
                .on(&member)
                .record(app, &mut tx);
            app.store.commit(tx).await
        })
        .await;
        if let Err(e) = recorded {
            tracing::warn!(tenant = %tenant, user = %user, error = %e, "could not record the sign-in time");
        }
    }
}

/// Ends the caller's session (the others stay).
pub async fn sign_out(app: &App, caller: Principal) -> Result<()> {
    super::retrying(|| async move {
        let current = super::authenticate(app, caller).await?;
        let mut profile = current.value.clone();
        let now = app.wall_clock.now().timestamp();
        profile.ended_sessions.retain(|e| e.expires > now);
        profile.ended_sessions.push(EndedSession {
            id: caller.session,
            expires: caller.expires,
        });
        let mut tx = app.store.tx();
        tx.put_profile(&profile, &current);
        app.store.commit(tx).await
    })
    .await?;
    tracing::info!(profile = %caller.profile, "signed out");
    Ok(())
}

#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    #[serde(default)]
    pub current_password: Option<String>,
    pub new_password: String,
}

/// Changes the caller's password and answers a fresh session: every session issued before it
/// ends. The current password is required whenever there is one (a profile made by a code or
/// phone sign-up may have none yet), and its check counts against the failure limit.
pub async fn change_password(
    app: &App,
    caller: Principal,
    req: PasswordChange,
) -> Result<SignedIn> {
    let current = super::authenticate(app, caller).await?;
    let p = &current.value;
    // A session a vouched credential gave reaches only a profile bound to its tenant: it may
    // not give a password (and so a way in beyond that tenant) to any other.
    if caller.scope.is_some() && p.bound_to != caller.scope {
        return Err(Error::ProofRequired);
    }
    if p.has_password() {
        let Some(given) = req.current_password.clone() else {
            return Err(Error::field(
                "current_password",
                "is required to change a password",
            ));
        };
        super::attempts::prove_password(app, &account_of(p), &given, Some(&p.password_hash))
            .await?;
    }
    let password_hash = new_password_hash(p, &req.new_password).await?;
    // Only over the profile as the session saw it: a reset (or another change) in between wins.
    let epoch = set_password(app, caller.profile, password_hash, Some(caller.epoch), None)
        .await
        .map_err(|e| match e {
            Error::Stale => Error::Unauthenticated,
            other => other,
        })?;
    tracing::info!(profile = %caller.profile, "password changed");
    session_for(app, caller.profile, caller.scope, Some(epoch)).await
}

/// A new password for a profile, checked for strength against the person's own details, and
/// hashed (through the bounded pool).
pub async fn new_password_hash(p: &crate::model::Profile, new: &str) -> Result<String> {
    let email = p.email.clone().unwrap_or_default();
    secrets::check_password_strength(
        new,
        &[email.as_str(), p.first_name.as_str(), p.last_name.as_str()],
    )?;
    let new = new.to_string();
    super::hashing(move || secrets::hash_password(&new)).await?
}

/// The name of a profile's account for the failure limit: its address, else its id.
pub fn account_of(p: &crate::model::Profile) -> String {
    match Address::of(p) {
        Some((key, true)) => Address::Email(&key).name(),
        Some((e164, false)) => Address::Phone(&e164).name(),
        None => p.id.to_string(),
    }
}

/// Stores a new password hash and moves the profile to a new session epoch (every earlier
/// session ends), in one transaction with `also` (a reset link's use); only while the profile
/// is still at epoch `expected`, if given (`stale` otherwise). Returns the new epoch.
pub async fn set_password(
    app: &App,
    profile: Uuid,
    password_hash: String,
    expected: Option<u32>,
    also: Option<&(dyn Fn(&mut crate::store::Tx) + Sync)>,
) -> Result<u32> {
    let password_hash = &password_hash;
    super::retrying(|| async move {
        // The profile and its memberships: one Query.
        let (current, memberships) = app.store.profile_and_access(profile).await?;
        let current = current.ok_or(Error::Unauthenticated)?;
        if expected.is_some_and(|e| e != current.value.session_epoch) {
            return Err(Error::Unauthenticated);
        }
        let mut updated = current.value.clone();
        updated.password_hash = password_hash.clone();
        updated.session_epoch = updated.session_epoch.wrapping_add(1);
        updated.ended_sessions.clear();
        let mut tx = app.store.tx();
        if let Some(also) = also {
            also(&mut tx);
        }
        tx.put_profile(&updated, &current);
        // In each of the person's tenants (the first 40 in this transaction: 100 items at most).
        let name = format!("{} {}", updated.first_name, updated.last_name)
            .trim()
            .to_string();
        for a in memberships.iter().take(40) {
            super::audit::Audit::new(app, a.tenant_id, "password.changed")
                .by_user(a.user_id, name.clone())
                .on_user(a.user_id, updated.email.clone())
                .record(app, &mut tx);
        }
        app.store.commit(tx).await?;
        Ok(updated.session_epoch)
    })
    .await
}
