//! Signing in and reading one's own profile.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::app::App;
use crate::error::{Error, Result};
use crate::model::Access;
use crate::secrets;
use crate::validate;

/// `{"email", "password"}`, or `{"email", "code"}` with a quick access code.
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignInRequest {
    pub email: String,
    #[serde(default)]
    pub password: Option<String>,
    #[serde(default)]
    pub code: Option<String>,
}

#[derive(Serialize)]
pub struct SignedIn {
    pub token: String,
    pub expires_at: chrono::DateTime<chrono::Utc>,
    pub memberships: Vec<Access>,
}

#[derive(Serialize)]
pub struct ProfileView {
    pub id: Uuid,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub first_name: String,
    pub last_name: String,
}

#[derive(Serialize)]
pub struct Me {
    pub profile: ProfileView,
    pub memberships: Vec<Access>,
}

/// Email and password, or email and access code. Every failure is the same 401, and an
/// unknown email costs the same Argon2 verification as a known one, so the response says
/// nothing about who has an account.
pub async fn sign_in(app: &App, req: SignInRequest) -> Result<SignedIn> {
    let profile_id = match (&req.password, &req.code) {
        (Some(password), None) => {
            // Failed passwords are counted per account, known or not, so the answers stay
            // identical; every spelling of an address counts as the one account it signs in
            // to. (A code has its own, stricter limit: five wrong tries burn it.)
            let account = validate::email("email", &req.email).map_or_else(
                |_| validate::email_key(req.email.trim()),
                |email| validate::email_key(&email),
            );
            super::limits::check_sign_in(app, &account).await?;
            match with_password(app, &req.email, password).await {
                Err(Error::InvalidCredentials) => {
                    super::limits::failed_sign_in(app, &account).await?;
                    return Err(Error::InvalidCredentials);
                }
                other => other?,
            }
        }
        (None, Some(code)) => crate::usecases::access_code::redeem(app, &req.email, code).await?,
        _ => return Err(Error::field("password", "send either password or code")),
    };
    let (_, memberships) = app.store.profile_with_access(profile_id).await?;
    record_sign_in(app, &memberships).await;
    let session = app.sessions.issue(profile_id, app.wall_clock.now())?;
    tracing::info!(profile = %profile_id, "signed in");
    Ok(SignedIn {
        token: session.token,
        expires_at: session.expires_at,
        memberships,
    })
}

async fn with_password(app: &App, email: &str, password: &str) -> Result<Uuid> {
    let profile = match validate::email("email", email) {
        Ok(email) => match app
            .store
            .profile_id_by_email(&validate::email_key(&email))
            .await?
        {
            Some(id) => app.store.profile(id).await?.map(|p| p.value),
            None => None,
        },
        Err(_) => None,
    };
    let phc = profile.as_ref().map_or_else(
        || secrets::dummy_hash().to_string(),
        |p| p.password_hash.clone(),
    );
    let password = password.to_string();
    let ok = super::hashing(move || secrets::verify_password(&password, &phc)).await?;
    match profile {
        Some(p) if ok => Ok(p.id),
        _ => Err(Error::InvalidCredentials),
    }
}

pub async fn me(app: &App, profile: Uuid) -> Result<Me> {
    let (found, memberships) = app.store.profile_with_access(profile).await?;
    let p = found.ok_or(Error::Unauthenticated)?;
    Ok(Me {
        profile: ProfileView {
            id: p.id,
            email: p.email,
            phone: p.phone,
            first_name: p.first_name,
            last_name: p.last_name,
        },
        memberships,
    })
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
            app.store.commit(tx).await
        })
        .await;
        if let Err(e) = recorded {
            tracing::warn!(tenant = %tenant, user = %user, error = %e, "could not record the sign-in time");
        }
    }
}

#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    #[serde(default)]
    pub current_password: Option<String>,
    pub new_password: String,
}

/// Changes the caller's password. The current one is required whenever there is one (a
/// profile made by an access code or phone sign-up may have none yet).
pub async fn change_password(app: &App, profile: Uuid, req: PasswordChange) -> Result<()> {
    let req = &req;
    super::retrying(|| async move {
        let current = app
            .store
            .profile(profile)
            .await?
            .ok_or(Error::Unauthenticated)?;
        let p = &current.value;
        if !p.password_hash.is_empty() {
            let Some(given) = req.current_password.clone() else {
                return Err(Error::field(
                    "current_password",
                    "is required to change a password",
                ));
            };
            let phc = p.password_hash.clone();
            let ok = super::hashing(move || secrets::verify_password(&given, &phc)).await?;
            if !ok {
                return Err(Error::InvalidCredentials);
            }
        }
        let email = p.email.clone().unwrap_or_default();
        secrets::check_password_strength(
            &req.new_password,
            &[email.as_str(), p.first_name.as_str(), p.last_name.as_str()],
        )?;
        let new = req.new_password.clone();
        let password_hash = super::hashing(move || secrets::hash_password(&new)).await??;
        let updated = crate::model::Profile {
            password_hash,
            ..p.clone()
        };
        let mut tx = app.store.tx();
        tx.put_profile(&updated, &current);
        app.store.commit(tx).await
    })
    .await?;
    tracing::info!(profile = %profile, "password changed");
    Ok(())
}
