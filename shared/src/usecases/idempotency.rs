//! `Idempotency-Key`: a retried request with the same key gets the first response and causes
//! nothing twice. Keys are per caller and per tenant, kept 24 hours; a key reused for a
//! different request is refused (422), and one whose first request is still running gets 409.

use std::future::Future;

use chrono::Duration;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::app::App;
use crate::error::{Error, Result};
use crate::store::Idempotent;

/// A response to send: status and JSON body, and whether it is a replay.
pub struct Reply {
    pub status: u16,
    pub body: String,
    pub replayed: bool,
}

/// What identifies a request: method, path, media type and body.
pub fn fingerprint(method: &str, path: &str, content_type: &str, body: &[u8]) -> String {
    let mut h = Sha256::new();
    for part in [method.as_bytes(), path.as_bytes(), content_type.as_bytes()] {
        h.update(part);
        h.update([0]);
    }
    h.update(body);
    hex::encode(h.finalize())
}

fn key_hash(profile: Uuid, key: &str) -> Result<String> {
    if key.is_empty() || key.len() > 255 || !key.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(Error::field(
            "Idempotency-Key",
            "must be 1 to 255 visible ASCII characters",
        ));
    }
    Ok(hex::encode(
        Sha256::new()
            .chain_update(profile.as_bytes())
            .chain_update(key.as_bytes())
            .finalize(),
    ))
}

/// Runs `work` once per key: the first call does the work and keeps its response (status and
/// JSON text); later calls with the same key and request get that response back. Errors on our
/// side (5xx) are not kept, so the request can be retried with the same key.
pub async fn run<F, Fut>(
    app: &App,
    tenant: Uuid,
    profile: Uuid,
    key: &str,
    fingerprint: &str,
    work: F,
) -> Result<Reply>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<(u16, String)>>,
{
    let hash = key_hash(profile, key)?;
    let expires_at = (app.now() + Duration::hours(24)).timestamp();
    let mut tx = app.store.tx();
    tx.claim_idempotency(tenant, &hash, fingerprint, expires_at);
    match app.store.commit(tx).await {
        Ok(()) => {}
        Err(Error::Stale) => {
            let found = app
                .store
                .idempotency(tenant, &hash)
                .await?
                .ok_or(Error::IdempotencyInProgress)?;
            if found.fingerprint != fingerprint {
                return Err(Error::IdempotencyKeyReused);
            }
            return match found.done {
                Some((status, body)) => Ok(Reply {
                    status,
                    body,
                    replayed: true,
                }),
                None => Err(Error::IdempotencyInProgress),
            };
        }
        Err(e) => return Err(e),
    }
    let claimed = Idempotent {
        fingerprint: fingerprint.to_string(),
        done: None,
        version: 1,
    };
    let (status, body) = match work().await {
        Ok(done) => done,
        Err(e) if e.describe().0 < 500 => (e.describe().0, e.problem().to_string()),
        Err(e) => {
            let mut tx = app.store.tx();
            tx.release_idempotency(tenant, &hash);
            if let Err(release) = app.store.commit(tx).await {
                tracing::warn!(error = %release, "could not release an idempotency key");
            }
            return Err(e);
        }
    };
    let mut tx = app.store.tx();
    tx.complete_idempotency(tenant, &hash, &claimed, status, &body, expires_at);
    app.store.commit(tx).await?;
    Ok(Reply {
        status,
        body,
        replayed: false,
    })
}
