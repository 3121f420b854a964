//! Signing in and reading one's own profile.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::app::App;
use crate::error::{Error, Result};
use crate::model::Access;
use crate::secrets;
use crate::validate;

#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignInRequest {
    pub email: String,
    pub password: String,
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

/// Email and password. Every failure is the same 401, and an unknown email costs the same
/// Argon2 verification as a known one, so the response says nothing about who has an account.
pub async fn sign_in(app: &App, req: SignInRequest) -> Result<SignedIn> {
    let profile = match validate::email("email", &req.email) {
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
    let password = req.password.clone();
    let ok = tokio::task::spawn_blocking(move || secrets::verify_password(&password, &phc))
        .await
        .map_err(|e| Error::Internal(format!("worker failed: {e}")))?;
    let profile = match profile {
        Some(p) if ok => p,
        _ => return Err(Error::InvalidCredentials),
    };
    let (_, memberships) = app.store.profile_with_access(profile.id).await?;
    let session = app.sessions.issue(profile.id, app.wall_clock.now())?;
    tracing::info!(profile = %profile.id, "signed in");
    Ok(SignedIn {
        token: session.token,
        expires_at: session.expires_at,
        memberships,
    })
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
