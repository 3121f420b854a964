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
use super::{authorize_on, retrying};
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
pub async fn issue(
    app: &App,
    profile: crate::session::Principal,
    tenant: Uuid,
    user: Uuid,
) -> Result<Issued> {
    let (actor, member) = authorize_on(app, profile, tenant, user).await?;
    let member = member.value;
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
    super::audit::Audit::new(app, tenant, "access_code.issued")
        .by(&actor)
        .on(&member)
        .record(app, &mut tx);
    app.store.commit(tx).await?;
    tracing::info!(tenant = %tenant, user = %user, "access code issued");
    Ok(Issued { code, expires_at })
}

/// Signs in with a code for the email `key`: the profile of the person and the tenant the
/// code came from (the session reaches that tenant only). An invited member joins on the way.
/// The code is staff's word, not proof of the address: it never signs in as, joins, or lets
/// anyone set the password of a profile that has a password or another membership
/// (`proof_required`). Every failure is the same `invalid_credentials`, after one Argon2
/// verification, and every check counts against the account's failure limit.
pub async fn redeem(app: &App, key: &str, code: &str) -> Result<(Uuid, Uuid)> {
    let account = crate::store::Address::Email(key).name();
    let reserved = super::attempts::reserve(app, &account).await?;
    let used = match use_code(app, key, code).await {
        Ok(used) => {
            reserved.succeeded(app).await;
            used
        }
        Err(e) => {
            reserved.failed();
            return Err(e);
        }
    };
    retrying(|| join(app, key, &used)).await
}

/// Checks a code against the one stored in `slot` (an access code's email key, a sign-in or
/// sign-up code's slot) with one Argon2 verification (a dummy one when there is no live code),
/// and records the outcome on the code: a right one is used up (of two concurrent right tries,
/// one wins), a wrong one counts a try (five burn it). Only that write is retried, never the
/// verification. Every failure is `invalid_credentials`.
pub async fn use_code(app: &App, slot: &str, code: &str) -> Result<AccessCode> {
    let read = app.store.access_code(slot).await?;
    let live = read
        .as_ref()
        .filter(|r| r.value.expires_at > app.now() && r.value.tries < MAX_TRIES);
    let hash = live.map_or_else(
        || secrets::dummy_hash().to_string(),
        |r| r.value.hash.clone(),
    );
    let typed = code.to_string();
    let right = super::hashing(move || secrets::verify_password(&typed, &hash)).await?;
    let Some(checked) = live else {
        if let Some(dead) = &read {
            // Expired or burned: gone for good (best effort: the TTL reaps it anyway).
            let mut tx = app.store.tx();
            tx.delete_access_code(slot, dead);
            let _ = app.store.commit(tx).await;
        }
        return Err(Error::InvalidCredentials);
    };
    let hash = &checked.value.hash;
    retrying(|| async move {
        // The code as it is now: a code issued since is another code.
        let Some(now) = app.store.access_code(slot).await? else {
            return Err(Error::InvalidCredentials);
        };
        if &now.value.hash != hash {
            return Err(Error::InvalidCredentials);
        }
        let mut tx = app.store.tx();
        if (right && now.value.tries < MAX_TRIES) || now.value.tries + 1 >= MAX_TRIES {
            tx.delete_access_code(slot, &now);
        } else {
            tx.count_code_try(slot, &now);
        }
        app.store.commit(tx).await?;
        if right && now.value.tries < MAX_TRIES {
            Ok(now.value)
        } else {
            Err(Error::InvalidCredentials)
        }
    })
    .await
}

/// Whether a vouched credential of `tenant` may stand for this profile: only one that has no
/// password and belongs to no other tenant.
pub async fn vouchable(app: &App, profile: Uuid, tenant: Uuid) -> Result<bool> {
    let (found, memberships) = app.store.profile_with_access(profile).await?;
    Ok(
        found.is_some_and(|p| !p.has_password() && p.bound_to.is_none_or(|t| t == tenant))
            && memberships.iter().all(|a| a.tenant_id == tenant),
    )
}

/// Joins (or signs in) the member a used code was issued for.
async fn join(app: &App, key: &str, used: &AccessCode) -> Result<(Uuid, Uuid)> {
    let now = app.now();
    let tenant_id = used.tenant_id;
    let Some(current) = app.store.member(tenant_id, used.user_id).await? else {
        return Err(Error::InvalidCredentials);
    };
    let member = current.value.clone();
    // The profile the code would stand for: the member's, or the address's holder.
    let standing_for = match member.profile_id {
        Some(id) => Some(id),
        None if member.status == Status::Invited => app
            .store
            .holder(crate::store::Address::Email(key))
            .await?
            .map(|h| h.value.profile_id),
        None => None,
    };
    if let Some(id) = standing_for {
        if !vouchable(app, id, tenant_id).await? {
            return Err(Error::ProofRequired);
        }
    }
    match member.status {
        Status::Active => {
            let profile = member.profile_id.ok_or(Error::InvalidCredentials)?;
            Ok((profile, tenant_id))
        }
        Status::Invited => {
            // Joining with a code: a profile of this tenant's own (made by an earlier code),
            // or a new one without a password, bound to this tenant until its address is proven.
            let mut tx = app.store.tx();
            let profile_id = match standing_for {
                Some(id) => id,
                None => {
                    let profile = Profile::new(
                        member.email.clone(),
                        member.phone.clone(),
                        (member.first_name.clone(), member.last_name.clone()),
                        String::new(),
                        Some(tenant_id),
                        now,
                    );
                    tx.create_profile(&profile, false);
                    profile.id
                }
            };
            let tenant = app
                .store
                .tenant(tenant_id)
                .await?
                .ok_or(Error::InvalidCredentials)?;
            if tenant.suspended_at.is_some() {
                return Err(Error::TenantSuspended);
            }
            let joined = activated(member, profile_id, now);
            super::audit::Audit::new(app, tenant_id, "member.accepted")
                .by_member(&joined)
                .on(&joined)
                .diff(&current.value, &joined, now)
                .change("with", None, Some("access_code"))
                .record(app, &mut tx);
            save(app, &tenant.name, tx, &current, &joined)
                .await
                .map_err(|e| match e {
                    Error::ProfileExists => Error::Stale,
                    other => other,
                })?;
            tracing::info!(tenant = %joined.tenant_id, user = %joined.id, "invitation accepted with an access code");
            Ok((profile_id, tenant_id))
        }
        _ => Err(Error::InvalidCredentials),
    }
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
