//! One failure limit per account over every check of a password or a code: signing in,
//! accepting an invitation with an existing password, changing a password, and codes.
//!
//! Each check reserves its place before the slow hash, with a conditional write that refuses
//! past the limit (default 5 per 15-minute window), so a burst of parallel guesses gets no more
//! than the limit checked. A check that succeeds gives its place back, so the owner's own
//! sign-ins never use the budget up. The trade-off, chosen knowingly: once the window's places
//! are used by failures, every check is refused until the window ends, the owner's correct
//! password included (429 `too_many_attempts` with `Retry-After`). Someone who knows an address
//! can keep its owner from signing in with a password for 15 minutes at a time, but can never
//! test more than 5 passwords per window; the owner can still use a delivered credential
//! (a reset link) to get in, whose token is not guessable.
//!
//! An account is named by its address (email key or number) whether or not a profile holds it,
//! so unknown and known addresses are counted, and answered, alike.

use chrono::{DateTime, Utc};

use crate::app::App;
use crate::error::Result;

/// A place reserved for one check.
#[must_use = "a successful check gives its place back with `succeeded`"]
pub struct Reserved {
    pk: String,
    sk: String,
}

fn window(app: &App, now: DateTime<Utc>) -> (String, i64, u64) {
    let size = app.config.limits.sign_in_window_seconds.max(1);
    let index = now.timestamp().div_euclid(size);
    let end = (index + 1) * size;
    (
        format!("W#{index}"),
        end + size,
        (end - now.timestamp()).max(1) as u64,
    )
}

/// Reserves a check for `account` (an address's name, or a profile id): `too_many_attempts`
/// once the window's places are used.
pub async fn reserve(app: &App, account: &str) -> Result<Reserved> {
    let (sk, expires, after) = window(app, app.now());
    let pk = format!("RL#auth#{account}");
    let mut tx = app.store.tx();
    tx.reserve_attempt(
        pk.clone(),
        sk.clone(),
        app.config.limits.sign_in_failures_per_window,
        expires,
        after,
    );
    app.store.commit(tx).await?;
    Ok(Reserved { pk, sk })
}

/// Empties the account's window: the owner proved the address with a delivered credential (a
/// reset link), so the failures of guessers no longer keep them out. In the transaction `tx`.
pub fn clear(app: &App, tx: &mut crate::store::Tx, account: &str) {
    let (sk, _, _) = window(app, app.now());
    tx.clear_attempts(format!("RL#auth#{account}"), sk);
}

/// Checks a password against a profile's hash (`None`: an account without one, checked against
/// a dummy hash and refused), after reserving the account's place: `invalid_credentials` when
/// it does not match, `too_many_attempts` when the window is used up. One Argon2 verification,
/// through the bounded pool.
pub async fn prove_password(
    app: &App,
    account: &str,
    password: &str,
    phc: Option<&str>,
) -> Result<()> {
    let reserved = reserve(app, account).await?;
    let matches = phc.is_some_and(|h| !h.is_empty());
    let (password, phc) = (
        password.to_string(),
        phc.filter(|_| matches)
            .unwrap_or(crate::secrets::dummy_hash())
            .to_string(),
    );
    let ok = super::hashing(move || crate::secrets::verify_password(&password, &phc)).await?;
    if ok && matches {
        reserved.succeeded(app).await;
        Ok(())
    } else {
        reserved.failed();
        Err(crate::error::Error::InvalidCredentials)
    }
}

impl Reserved {
    /// The check succeeded: its place is given back. Best effort: a failure here only leaves
    /// one place used until the window ends.
    pub async fn succeeded(self, app: &App) {
        let mut tx = app.store.tx();
        tx.release_attempt(self.pk, self.sk);
        if let Err(e) = app.store.commit(tx).await {
            tracing::warn!(error = %e, "could not give back a reserved sign-in check");
        }
    }

    /// The check failed: its place stays used.
    pub fn failed(self) {}
}
