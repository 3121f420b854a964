//! Session tokens: short-lived EdDSA (Ed25519) JWTs. Only the functions that issue sessions need
//! the private key; every other function could verify with the public key alone.
//!
//! A session says how it was obtained: `scope` names the one tenant a session reached through
//! a vouched credential (a quick access code, a minted link) may touch; `ep` is the profile's
//! session epoch when it was issued (a password change or reset bumps the epoch, ending every
//! earlier session); `sid` names the session, so that signing out ends that one alone.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, Duration, Utc};
use ed25519_dalek::SigningKey;
use ed25519_dalek::pkcs8::{DecodePrivateKey, EncodePrivateKey};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::{Error, Result};

const ISSUER: &str = "invitations";

#[derive(Serialize, Deserialize)]
struct Claims {
    sub: String,
    iss: String,
    iat: i64,
    exp: i64,
    /// The session's id.
    sid: Uuid,
    /// The profile's session epoch at issue.
    #[serde(default)]
    ep: u32,
    /// The one tenant a scoped session reaches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    scope: Option<Uuid>,
}

/// The tenant a scoped session is confined to, as the API shows it (`{"tenant": id}`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scope {
    pub tenant: Uuid,
}

#[derive(Clone, Debug, Serialize)]
pub struct Session {
    pub token: String,
    pub expires_at: DateTime<Utc>,
    pub scope: Option<Scope>,
}

/// Who a valid session token speaks for, and how far it reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Principal {
    pub profile: Uuid,
    /// `Some(tenant)` for a session obtained through a vouched credential: that tenant only.
    pub scope: Option<Uuid>,
    pub epoch: u32,
    pub session: Uuid,
    /// When the session ends (epoch seconds).
    pub expires: i64,
}

impl Principal {
    /// Whether the session may act in `tenant`.
    pub fn reaches(&self, tenant: Uuid) -> bool {
        self.scope.is_none_or(|t| t == tenant)
    }
}

/// How a session is to be issued: for whom, confined to which tenant, at which epoch.
#[derive(Clone, Copy, Debug)]
pub struct Grant {
    pub profile: Uuid,
    pub scope: Option<Uuid>,
    pub epoch: u32,
}

/// How many verified tokens a process remembers (about 100 KB); emptied when full.
const VERIFIED_CAPACITY: usize = 4096;

/// Reads the private key (base64 PKCS#8) from where it is kept (Secrets Manager).
pub type FetchKey =
    Arc<dyn Fn() -> futures::future::BoxFuture<'static, Result<String>> + Send + Sync>;

#[derive(Clone)]
pub struct SessionKeys {
    /// The private key: only in the functions that issue sessions. Given at start, or read
    /// once by `fetch` (started at cold start, awaited by the first session issued).
    encoding: Arc<tokio::sync::OnceCell<EncodingKey>>,
    fetch: Arc<std::sync::OnceLock<FetchKey>>,
    /// The public key's bytes: a fetched private key must match it.
    public: [u8; 32],
    decoding: DecodingKey,
    validation: Validation,
    ttl: Duration,
    /// The key of list cursors' MACs, derived from the public key: it lets a function tell its
    /// own tenant's and query's cursors from others' (a 400), not a secret (a cursor made by
    /// hand can only start a page of the caller's own tenant, which they may read anyway).
    mac_key: [u8; 32],
    /// Tokens whose signature this process has checked, by SHA-256 of the token, with their
    /// profile and expiry. An admin's requests carry one token for its whole life, and an
    /// Ed25519 verification was 11% of an invitation's CPU on the local server (`make bench`).
    verified: Arc<Mutex<Verified>>,
}

/// SHA-256 of a token → what it says.
type Verified = HashMap<[u8; 32], Principal>;

impl SessionKeys {
    /// From a PKCS#8 DER Ed25519 private key.
    pub fn from_pkcs8_der(der: &[u8], ttl: Duration) -> Result<Self> {
        let signing = SigningKey::from_pkcs8_der(der).map_err(|e| {
            Error::Internal(format!(
                "the session signing key is not a PKCS#8 Ed25519 key: {e}"
            ))
        })?;
        let public = signing.verifying_key().to_bytes();
        let keys = Self::verifying(&public, ttl);
        let _ = keys.encoding.set(EncodingKey::from_ed_der(der));
        Ok(keys)
    }

    /// Where these (verifying) keys read their private key when the first session is issued.
    pub fn fetch_signing_key_with(&self, fetch: FetchKey) {
        let _ = self.fetch.set(fetch);
    }

    /// Starts reading the private key now, in the background: by the time the first session is
    /// issued (after a password's slow hash) it is there, and the cold start does not wait for
    /// Secrets Manager.
    pub fn prefetch(&self) {
        if self.fetch.get().is_some() && self.encoding.get().is_none() {
            let keys = self.clone();
            tokio::spawn(async move {
                if let Err(e) = keys.signing().await {
                    tracing::warn!(error = %e, "the session signing key could not be read yet");
                }
            });
        }
    }

    /// The private key, read once if it was not given.
    async fn signing(&self) -> Result<&EncodingKey> {
        let fetch = self.fetch.get().cloned();
        let public = self.public;
        self.encoding
            .get_or_try_init(|| async move {
                let fetch = fetch.ok_or_else(|| {
                    Error::Internal(
                        "this function holds no session signing key: it issues no sessions".into(),
                    )
                })?;
                let b64 = fetch().await?;
                let der = STANDARD
                    .decode(b64.trim())
                    .map_err(|_| Error::Internal("the session signing key is not base64".into()))?;
                let signing = SigningKey::from_pkcs8_der(&der).map_err(|e| {
                    Error::Internal(format!(
                        "the session signing key is not PKCS#8 Ed25519: {e}"
                    ))
                })?;
                if signing.verifying_key().to_bytes() != public {
                    return Err(Error::Internal(
                        "the session signing key does not match SESSION_VERIFYING_KEY".into(),
                    ));
                }
                Ok(EncodingKey::from_ed_der(&der))
            })
            .await
    }

    /// Keys that verify sessions and never issue one: from the 32-byte Ed25519 public key.
    fn verifying(public: &[u8; 32], ttl: Duration) -> Self {
        let mut validation = Validation::new(Algorithm::EdDSA);
        // Expiry is checked against our own clock in `verify`, not the library's.
        validation.validate_exp = false;
        validation.required_spec_claims.clear();
        validation.set_issuer(&[ISSUER]);
        use sha2::Digest;
        let mac_key: [u8; 32] = sha2::Sha256::new()
            .chain_update(b"invitations/cursor-mac/v2")
            .chain_update(public)
            .finalize()
            .into();
        Self {
            encoding: Arc::new(tokio::sync::OnceCell::new()),
            fetch: Arc::new(std::sync::OnceLock::new()),
            public: *public,
            decoding: DecodingKey::from_ed_der(public),
            validation,
            ttl,
            mac_key,
            verified: Arc::default(),
        }
    }

    /// Verifying keys from the base64 of the public key: its 32 bytes, or its SubjectPublicKeyInfo
    /// DER (what `openssl pkey -pubout -outform DER` writes, 44 bytes ending in them).
    pub fn verifying_from_base64(b64: &str, ttl: Duration) -> Result<Self> {
        let bytes = STANDARD
            .decode(b64.trim())
            .map_err(|_| Error::Internal("SESSION_VERIFYING_KEY is not base64".into()))?;
        let raw: [u8; 32] =
            match bytes.len() {
                32 => bytes.as_slice().try_into(),
                44 => bytes[12..].try_into(),
                _ => return Err(Error::Internal(
                    "SESSION_VERIFYING_KEY must be an Ed25519 public key (32 bytes, or its DER)"
                        .into(),
                )),
            }
            .map_err(|_| Error::Internal("SESSION_VERIFYING_KEY is malformed".into()))?;
        ed25519_dalek::VerifyingKey::from_bytes(&raw).map_err(|e| {
            Error::Internal(format!("SESSION_VERIFYING_KEY is not a valid key: {e}"))
        })?;
        Ok(Self::verifying(&raw, ttl))
    }

    /// The public key (base64 of its 32 bytes) of a PKCS#8 private key: what every function that
    /// only verifies sessions is given.
    pub fn public_base64(der: &[u8]) -> Result<String> {
        let signing = SigningKey::from_pkcs8_der(der)
            .map_err(|e| Error::Internal(format!("not a PKCS#8 Ed25519 key: {e}")))?;
        Ok(STANDARD.encode(signing.verifying_key().to_bytes()))
    }

    /// Whether these keys can issue sessions (the function holds the private key, or knows
    /// where to read it).
    pub fn issues(&self) -> bool {
        self.encoding.get().is_some() || self.fetch.get().is_some()
    }

    /// From the base64 of a PKCS#8 DER key, as configuration holds it.
    pub fn from_base64(b64: &str, ttl: Duration) -> Result<Self> {
        let der = STANDARD
            .decode(b64.trim())
            .map_err(|_| Error::Internal("SESSION_SIGNING_KEY is not base64".into()))?;
        Self::from_pkcs8_der(&der, ttl)
    }

    /// A new random key, as PKCS#8 DER.
    pub fn generate_pkcs8_der() -> Result<Vec<u8>> {
        let signing = SigningKey::generate(&mut rand::rngs::OsRng);
        signing
            .to_pkcs8_der()
            .map(|d| d.as_bytes().to_vec())
            .map_err(|e| Error::Internal(format!("could not encode a session key: {e}")))
    }

    pub fn mac_key(&self) -> &[u8; 32] {
        &self.mac_key
    }

    pub async fn issue(&self, grant: Grant, now: DateTime<Utc>) -> Result<Session> {
        let encoding = self.signing().await?;
        let expires_at = now + self.ttl;
        let claims = Claims {
            sub: grant.profile.to_string(),
            iss: ISSUER.into(),
            iat: now.timestamp(),
            exp: expires_at.timestamp(),
            sid: crate::model::new_id(),
            ep: grant.epoch,
            scope: grant.scope,
        };
        let token = jsonwebtoken::encode(&Header::new(Algorithm::EdDSA), &claims, encoding)
            .map_err(|e| Error::Internal(format!("could not sign a session: {e}")))?;
        Ok(Session {
            token,
            expires_at: expires_at.trunc_subsecs_utc(),
            scope: grant.scope.map(|tenant| Scope { tenant }),
        })
    }

    /// What a valid, unexpired session token says (its signature and expiry only: whether the
    /// profile has since ended it is the store's to say, see `usecases::authenticate`).
    pub fn verify(&self, token: &str, now: DateTime<Utc>) -> Result<Principal> {
        use sha2::Digest;
        let key: [u8; 32] = sha2::Sha256::digest(token.as_bytes()).into();
        let known = self.verified.lock().ok().and_then(|v| v.get(&key).copied());
        let principal = match known {
            Some(checked) => checked,
            None => {
                let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
                    .map_err(|_| Error::Unauthenticated)?;
                let c = data.claims;
                let principal = Principal {
                    profile: Uuid::parse_str(&c.sub).map_err(|_| Error::Unauthenticated)?,
                    scope: c.scope,
                    epoch: c.ep,
                    session: c.sid,
                    expires: c.exp,
                };
                if let Ok(mut v) = self.verified.lock() {
                    if v.len() >= VERIFIED_CAPACITY {
                        v.clear();
                    }
                    v.insert(key, principal);
                }
                principal
            }
        };
        if principal.expires <= now.timestamp() {
            return Err(Error::Unauthenticated);
        }
        Ok(principal)
    }
}

trait TruncSubsecs {
    fn trunc_subsecs_utc(self) -> Self;
}

impl TruncSubsecs for DateTime<Utc> {
    fn trunc_subsecs_utc(self) -> Self {
        use chrono::SubsecRound;
        self.trunc_subsecs(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grant(profile: Uuid) -> Grant {
        Grant {
            profile,
            scope: None,
            epoch: 0,
        }
    }

    #[tokio::test]
    async fn a_scoped_session_says_its_tenant_and_epoch_and_reaches_that_tenant_only() {
        let k = keys();
        let now = Utc::now();
        let (pid, tenant) = (crate::model::new_id(), crate::model::new_id());
        let s = k
            .issue(
                Grant {
                    profile: pid,
                    scope: Some(tenant),
                    epoch: 3,
                },
                now,
            )
            .await
            .unwrap();
        assert_eq!(s.scope, Some(Scope { tenant }));
        let p = k.verify(&s.token, now).unwrap();
        assert_eq!((p.profile, p.scope, p.epoch), (pid, Some(tenant), 3));
        assert!(p.reaches(tenant));
        assert!(!p.reaches(crate::model::new_id()));
        let full = k
            .verify(&k.issue(grant(pid), now).await.unwrap().token, now)
            .unwrap();
        assert!(full.reaches(crate::model::new_id()));
        assert_ne!(full.session, p.session, "every session has its own id");
    }

    fn keys() -> SessionKeys {
        SessionKeys::from_pkcs8_der(
            &SessionKeys::generate_pkcs8_der().unwrap(),
            Duration::hours(1),
        )
        .unwrap()
    }

    #[tokio::test]
    async fn a_session_verifies_until_it_expires() {
        let k = keys();
        let now = Utc::now();
        let pid = crate::model::new_id();
        let s = k.issue(grant(pid), now).await.unwrap();
        assert_eq!(k.verify(&s.token, now).unwrap().profile, pid);
        assert!(matches!(
            k.verify(&s.token, now + Duration::minutes(61)),
            Err(Error::Unauthenticated)
        ));
    }

    #[tokio::test]
    async fn a_remembered_session_still_expires_and_the_memory_stays_bounded() {
        let k = keys();
        let now = Utc::now();
        let first = k.issue(grant(crate::model::new_id()), now).await.unwrap();
        assert!(k.verify(&first.token, now).is_ok());
        let mut stale = k.verify(&first.token, now).unwrap();
        stale.expires = 0;
        {
            let mut v = k.verified.lock().unwrap();
            for i in 0..VERIFIED_CAPACITY as u32 {
                let mut key = [0u8; 32];
                key[..4].copy_from_slice(&i.to_be_bytes());
                v.insert(key, stale);
            }
        }
        let next = k.issue(grant(crate::model::new_id()), now).await.unwrap();
        assert!(k.verify(&next.token, now).is_ok());
        assert_eq!(k.verified.lock().unwrap().len(), 1, "emptied when full");
        assert!(k.verify(&first.token, now).is_ok(), "verified again");
        assert!(k.verify(&first.token, now + Duration::hours(2)).is_err());
    }

    #[tokio::test]
    async fn keys_from_the_public_key_alone_verify_sessions_and_issue_none() {
        let der = SessionKeys::generate_pkcs8_der().unwrap();
        let issuing = SessionKeys::from_pkcs8_der(&der, Duration::hours(1)).unwrap();
        let public = SessionKeys::public_base64(&der).unwrap();
        let verifying = SessionKeys::verifying_from_base64(&public, Duration::hours(1)).unwrap();
        assert!(issuing.issues() && !verifying.issues());
        let now = Utc::now();
        let pid = crate::model::new_id();
        let s = issuing.issue(grant(pid), now).await.unwrap();
        assert_eq!(verifying.verify(&s.token, now).unwrap().profile, pid);
        assert!(verifying.issue(grant(pid), now).await.is_err());
        assert_eq!(issuing.mac_key(), verifying.mac_key(), "cursors agree");
        // The SubjectPublicKeyInfo DER form is taken too; anything else is refused.
        let mut spki = vec![
            0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
        ];
        spki.extend(STANDARD.decode(&public).unwrap());
        let from_der =
            SessionKeys::verifying_from_base64(&STANDARD.encode(spki), Duration::hours(1));
        assert!(from_der.unwrap().verify(&s.token, now).is_ok());
        assert!(SessionKeys::verifying_from_base64("bm90IGEga2V5", Duration::hours(1)).is_err());
    }

    #[tokio::test]
    async fn keys_that_read_their_private_key_later_issue_once_it_is_read_and_only_the_matching_one()
     {
        let der = SessionKeys::generate_pkcs8_der().unwrap();
        let public = SessionKeys::public_base64(&der).unwrap();
        let reads = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let keys = |secret: Vec<u8>| {
            let k = SessionKeys::verifying_from_base64(&public, Duration::hours(1)).unwrap();
            let reads = reads.clone();
            k.fetch_signing_key_with(Arc::new(move || {
                reads.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let b64 = STANDARD.encode(&secret);
                Box::pin(async move { Ok(b64) })
            }));
            k
        };
        let now = Utc::now();
        let pid = crate::model::new_id();
        let k = keys(der.clone());
        assert!(k.issues());
        k.prefetch();
        let s = k.issue(grant(pid), now).await.unwrap();
        assert_eq!(k.verify(&s.token, now).unwrap().profile, pid);
        k.issue(grant(pid), now).await.unwrap();
        assert_eq!(
            reads.load(std::sync::atomic::Ordering::SeqCst),
            1,
            "read once"
        );
        // A secret holding another key than the public one is refused.
        let other = keys(SessionKeys::generate_pkcs8_der().unwrap());
        assert!(other.issue(grant(pid), now).await.is_err());
    }

    #[tokio::test]
    async fn a_token_signed_by_another_key_or_altered_is_refused() {
        let (a, b) = (keys(), keys());
        let now = Utc::now();
        let s = a.issue(grant(crate::model::new_id()), now).await.unwrap();
        assert!(b.verify(&s.token, now).is_err());
        // Remembering the genuine token must not let an altered copy through.
        assert!(a.verify(&s.token, now).is_ok());
        let mut forged = s.token.clone();
        forged.push('x');
        assert!(a.verify(&forged, now).is_err());
        assert!(a.verify("not.a.jwt", now).is_err());
    }
}
