//! Session tokens: short-lived EdDSA (Ed25519) JWTs. Only the functions that issue sessions need
//! the private key; every other function could verify with the public key alone.

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
}

#[derive(Clone, Debug, Serialize)]
pub struct Session {
    pub token: String,
    pub expires_at: DateTime<Utc>,
}

#[derive(Clone)]
pub struct SessionKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    ttl: Duration,
    /// Secret bytes for other MACs (list cursors), derived from the signing key.
    mac_key: [u8; 32],
}

impl SessionKeys {
    /// From a PKCS#8 DER Ed25519 private key.
    pub fn from_pkcs8_der(der: &[u8], ttl: Duration) -> Result<Self> {
        let signing = SigningKey::from_pkcs8_der(der).map_err(|e| {
            Error::Internal(format!(
                "the session signing key is not a PKCS#8 Ed25519 key: {e}"
            ))
        })?;
        let public = signing.verifying_key().to_bytes();
        let mut validation = Validation::new(Algorithm::EdDSA);
        // Expiry is checked against our own clock in `verify`, not the library's.
        validation.validate_exp = false;
        validation.required_spec_claims.clear();
        validation.set_issuer(&[ISSUER]);
        use sha2::Digest;
        let mac_key: [u8; 32] = sha2::Sha256::new()
            .chain_update(b"invitations/cursor-mac/v1")
            .chain_update(signing.to_bytes())
            .finalize()
            .into();
        Ok(Self {
            encoding: EncodingKey::from_ed_der(der),
            decoding: DecodingKey::from_ed_der(&public),
            validation,
            ttl,
            mac_key,
        })
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

    pub fn issue(&self, profile_id: Uuid, now: DateTime<Utc>) -> Result<Session> {
        let expires_at = now + self.ttl;
        let claims = Claims {
            sub: profile_id.to_string(),
            iss: ISSUER.into(),
            iat: now.timestamp(),
            exp: expires_at.timestamp(),
        };
        let token = jsonwebtoken::encode(&Header::new(Algorithm::EdDSA), &claims, &self.encoding)
            .map_err(|e| Error::Internal(format!("could not sign a session: {e}")))?;
        Ok(Session {
            token,
            expires_at: expires_at.trunc_subsecs_utc(),
        })
    }

    /// The profile id of a valid, unexpired session token.
    pub fn verify(&self, token: &str, now: DateTime<Utc>) -> Result<Uuid> {
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map_err(|_| Error::Unauthenticated)?;
        if data.claims.exp <= now.timestamp() {
            return Err(Error::Unauthenticated);
        }
        Uuid::parse_str(&data.claims.sub).map_err(|_| Error::Unauthenticated)
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

    fn keys() -> SessionKeys {
        SessionKeys::from_pkcs8_der(
            &SessionKeys::generate_pkcs8_der().unwrap(),
            Duration::hours(1),
        )
        .unwrap()
    }

    #[test]
    fn a_session_verifies_until_it_expires() {
        let k = keys();
        let now = Utc::now();
        let pid = Uuid::now_v7();
        let s = k.issue(pid, now).unwrap();
        assert_eq!(k.verify(&s.token, now).unwrap(), pid);
        assert!(matches!(
            k.verify(&s.token, now + Duration::minutes(61)),
            Err(Error::Unauthenticated)
        ));
    }

    #[test]
    fn a_token_signed_by_another_key_or_altered_is_refused() {
        let (a, b) = (keys(), keys());
        let now = Utc::now();
        let s = a.issue(Uuid::now_v7(), now).unwrap();
        assert!(b.verify(&s.token, now).is_err());
        let mut forged = s.token.clone();
        forged.push('x');
        assert!(a.verify(&forged, now).is_err());
        assert!(a.verify("not.a.jwt", now).is_err());
    }
}
