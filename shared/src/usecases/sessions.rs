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
            // identical. (A code has its own, stricter limit: five wrong tries burn it.)
            let account = validate::email_key(req.email.trim());
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
    let ok = tokio::task::spawn_blocking(move || secrets::verify_password(&password, &phc))
        .await
        .map_err(|e| Error::Internal(format!("worker failed: {e}")))?;
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
