//! Quick access codes: an admin reads a short code to someone standing next to them. Eight
//! characters from an alphabet without look-alikes, valid 10 minutes, single use, kept only as
//! a salted Argon2id hash; five wrong tries burn it; a new code kills the previous one. Signing
//! in with it as an invited member accepts the invitation.

use chrono::{DateTime, Duration, Utc};
use rand::RngCore;
use serde::Serialize;
use uuid::Uuid;

use super::accept::activated;
use super::members::save;
use super::{authorize, retrying, target};
use crate::app::App;
use crate::error::{Error, Result};
use crate::model::{Profile, Status};
use crate::secrets;
use crate::store::AccessCode;
use crate::validate;

/// No 0/O, 1/I/L: 31 symbols, so 8 of them are about 39.6 bits (and 5 tries a code).
pub const ALPHABET: &[u8; 31] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
pub const LENGTH: usize = 8;
pub const MAX_TRIES: u32 = 5;

pub fn mint() -> String {
    let mut code = String::with_capacity(LENGTH);
    let mut byte = [0u8; 1];
    while code.len() < LENGTH {
        rand::rngs::OsRng.fill_bytes(&mut byte);
        // Rejection sampling: only bytes below 248 = 8 × 31, so every symbol is equally likely.
        if byte[0] < 248 {
            code.push(ALPHABET[usize::from(byte[0] % 31)] as char);
        }
    }
    code
}

/// What a person types: case, spaces and dashes do not matter.
pub fn normalise(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

#[derive(Serialize)]
pub struct Issued {
    pub code: String,
    pub expires_at: DateTime<Utc>,
}

/// A new code for an invited (or expired) or active member; shown once.
pub async fn issue(app: &App, profile: Uuid, tenant: Uuid, user: Uuid) -> Result<Issued> {
    let actor = authorize(app, profile, tenant).await?;
    let member = target(app, &actor, user).await?.value;
    match member.status_at(app.now()) {
        Status::Invited | Status::Expired | Status::Active => {}
        Status::Scheduled => return Err(Error::NotPending),
        Status::Deactivated | Status::Cancelled => return Err(Error::NotActive),
    }
    let email = member.email.as_deref().ok_or(Error::NoEmail)?;
    let code = mint();
    let expires_at = app.now() + Duration::minutes(10);
    let secret = code.clone();
    let hash = super::hashing(move || secrets::hash_password(&secret)).await??;
    let mut tx = app.store.tx();
    tx.put_access_code(
        &validate::email_key(email),
        &AccessCode {
            tenant_id: tenant,
            user_id: user,
            hash,
            expires_at,
            tries: 0,
        },
    );
    app.store.commit(tx).await?;
    tracing::info!(tenant = %tenant, user = %user, "access code issued");
    Ok(Issued { code, expires_at })
}

/// Signs in with a code: the profile id of the person, whose invited membership is accepted
/// on the way. Every failure is the same `invalid_credentials`.
pub async fn redeem(app: &App, email: &str, code: &str) -> Result<Uuid> {
    let Ok(email) = validate::email("email", email) else {
        let _ = secrets::verify_password(code, secrets::dummy_hash());
        return Err(Error::InvalidCredentials);
    };
    let key = validate::email_key(&email);
    let code = normalise(code);
    let (key, code) = (&key, &code);
    retrying(|| async move {
        let Some(read) = app.store.access_code(key).await? else {
            let code = code.clone();
            super::hashing(move || secrets::verify_password(&code, secrets::dummy_hash())).await?;
            return Err(Error::InvalidCredentials);
        };
        let now = app.now();
        if read.value.expires_at <= now || read.value.tries >= MAX_TRIES {
            let mut tx = app.store.tx();
            tx.delete_access_code(key, &read);
            app.store.commit(tx).await?;
            return Err(Error::InvalidCredentials);
        }
        let (typed, hash) = (code.clone(), read.value.hash.clone());
        if !super::hashing(move || secrets::verify_password(&typed, &hash)).await? {
            let mut tx = app.store.tx();
            if read.value.tries + 1 >= MAX_TRIES {
                tx.delete_access_code(key, &read);
            } else {
                tx.count_code_try(key, &read);
            }
            app.store.commit(tx).await?;
            return Err(Error::InvalidCredentials);
        }
        let mut tx = app.store.tx();
        tx.delete_access_code(key, &read);
        let Some(current) = app.store.member(read.value.tenant_id, read.value.user_id).await? else {
            app.store.commit(tx).await?;
            return Err(Error::InvalidCredentials);
        };
        let member = current.value.clone();
        match member.status {
            Status::Active => {
                app.store.commit(tx).await?;
                member.profile_id.ok_or(Error::InvalidCredentials)
            }
            Status::Invited => {
                // Joining with a code: their existing profile, or a new one without a password
                // (they can set one later).
                let existing = match member.profile_id {
                    Some(id) => Some(id),
                    None => app.store.profile_id_by_email(key).await?,
                };
                let profile_id = match existing {
                    Some(id) => id,
                    None => {
                        let profile = Profile {
                            id: crate::model::new_id(),
                            email: member.email.clone(),
                            phone: member.phone.clone(),
                            first_name: member.first_name.clone(),
                            last_name: member.last_name.clone(),
                            password_hash: String::new(),
                            created_at: now,
                        };
                        tx.create_profile(&profile);
                        profile.id
                    }
                };
                let tenant = app.store.tenant(member.tenant_id).await?.ok_or(Error::InvalidCredentials)?;
                let mut joined = activated(member, profile_id, now);
                joined.existing_profile = existing.is_some();
                save(app, &tenant.name, tx, &current, &joined).await.map_err(|e| match e {
                    Error::ProfileExists => Error::Stale,
                    other => other,
                })?;
                tracing::info!(tenant = %joined.tenant_id, user = %joined.id, "invitation accepted with an access code");
                Ok(profile_id)
            }
            _ => {
                app.store.commit(tx).await?;
                Err(Error::InvalidCredentials)
            }
        }
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_eight_unambiguous_characters() {
        for _ in 0..200 {
            let c = mint();
            assert_eq!(c.len(), 8);
            assert!(c.chars().all(|ch| ALPHABET.contains(&(ch as u8))), "{c}");
            assert!(!c.contains(['0', 'O', '1', 'I', 'L']), "{c}");
        }
        assert_ne!(mint(), mint());
        let mut seen = std::collections::HashSet::new();
        for _ in 0..500 {
            seen.extend(mint().chars());
        }
        assert_eq!(seen.len(), 31, "every symbol appears");
        assert_eq!(normalise(" abcd-efgh "), "ABCDEFGH");
    }
}
