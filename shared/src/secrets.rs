//! Secrets: invitation tokens (256 random bits, only their SHA-256 stored) and passwords
//! (Argon2id, 12 to 128 characters, refused when they are common or guessable).

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use rand::rngs::OsRng;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// A fresh invitation token: 32 bytes from the OS generator, base64url without padding.
pub fn mint_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A fresh invitation link's token: the member it invites (tenant and user ids, 32 bytes) and
/// 32 bytes from the OS generator, base64url without padding (86 characters). Naming the
/// member lets an accept read the token and the member at once (one round trip, not two); the
/// ids are no secret (the link's holder sees the same member's details on the accept page), and
/// only the hash of the whole token is stored, so ids changed by hand match no token.
pub fn mint_invitation_token(tenant: uuid::Uuid, user: uuid::Uuid) -> String {
    let mut bytes = [0u8; 64];
    bytes[..16].copy_from_slice(tenant.as_bytes());
    bytes[16..32].copy_from_slice(user.as_bytes());
    OsRng.fill_bytes(&mut bytes[32..]);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// What an invitation token says about itself: `Some((tenant, user))` for a token that names
/// its member, `None` for a bare one (links minted before tokens named their member).
/// `None` when it cannot be a token at all.
pub fn invitation_token_member(token: &str) -> Option<Option<(uuid::Uuid, uuid::Uuid)>> {
    match token.len() {
        43 => looks_like_token(token).then_some(None),
        86 => {
            let bytes = URL_SAFE_NO_PAD.decode(token).ok()?;
            let tenant = uuid::Uuid::from_slice(bytes.get(..16)?).ok()?;
            let user = uuid::Uuid::from_slice(bytes.get(16..32)?).ok()?;
            Some(Some((tenant, user)))
        }
        _ => None,
    }
}

/// What the store keeps of a token: hex SHA-256. Lookup is by this hash, so no comparison of
/// secrets happens in our code at all.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Whether a string could be a token we minted (before any lookup).
pub fn looks_like_token(token: &str) -> bool {
    token.len() == 43
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

pub const MIN_PASSWORD: usize = 12;
pub const MAX_PASSWORD: usize = 128;

/// Refuses passwords that are too short, too long, or guessable. The guessability check is
/// zxcvbn (common-password lists, dictionary words, keyboard patterns, repeats, sequences and
/// the person's own name and email); a score below 3 is refused.
pub fn check_password_strength(password: &str, personal: &[&str]) -> Result<()> {
    let len = password.chars().count();
    if len < MIN_PASSWORD {
        return Err(Error::WeakPassword(format!(
            "it must be at least {MIN_PASSWORD} characters"
        )));
    }
    if len > MAX_PASSWORD {
        return Err(Error::WeakPassword(format!(
            "it must be at most {MAX_PASSWORD} characters"
        )));
    }
    let entropy = zxcvbn::zxcvbn(password, personal);
    if u8::from(entropy.score()) < 3 {
        return Err(Error::WeakPassword(
            "it is too common or too easy to guess; try a longer phrase of unrelated words".into(),
        ));
    }
    Ok(())
}

/// Argon2id with the crate's defaults (19 MiB, 2 passes, 1 lane: the OWASP recommendation).
/// CPU-bound for tens of milliseconds: call it from a blocking thread.
pub fn hash_password(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::Internal(format!("password hashing failed: {e}")))
}

pub fn verify_password(password: &str, phc: &str) -> bool {
    if password.chars().count() > MAX_PASSWORD {
        return false;
    }
    match PasswordHash::new(phc) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// A valid hash of a random password, verified against when the account does not exist so
/// that unknown and known emails take the same time.
pub fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash_password(&mint_token()).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_256_bits_base64url_and_unique() {
        let a = mint_token();
        let b = mint_token();
        assert_eq!(a.len(), 43);
        assert!(looks_like_token(&a));
        assert_ne!(a, b);
        assert_eq!(URL_SAFE_NO_PAD.decode(&a).unwrap().len(), 32);
    }

    #[test]
    fn invitation_tokens_name_their_member_and_carry_256_random_bits() {
        let (tenant, user) = (uuid::Uuid::now_v7(), uuid::Uuid::now_v7());
        let a = mint_invitation_token(tenant, user);
        let b = mint_invitation_token(tenant, user);
        assert_eq!(a.len(), 86);
        assert_ne!(a, b, "the random half differs");
        assert_eq!(invitation_token_member(&a), Some(Some((tenant, user))));
        assert_eq!(invitation_token_member(&mint_token()), Some(None));
        for bad in [
            "",
            "short",
            &"!".repeat(86),
            &"A".repeat(85),
            &"é".repeat(43),
        ] {
            assert_eq!(invitation_token_member(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn token_hash_is_sha256_hex() {
        assert_eq!(
            token_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn weak_passwords_are_refused() {
        for bad in [
            "short",
            "password1234",
            "aaaaaaaaaaaaaaaa",
            "qwertyuiopasdf",
            "123456789012",
        ] {
            assert!(
                check_password_strength(bad, &[]).is_err(),
                "{bad} should be weak"
            );
        }
        assert!(check_password_strength(&"x".repeat(129), &[]).is_err());
        assert!(
            check_password_strength(
                "ana.ruiz@example.com",
                &["ana.ruiz@example.com", "Ana", "Ruiz"]
            )
            .is_err()
        );
        assert!(check_password_strength("correct horse battery staple", &[]).is_ok());
    }

    #[test]
    fn passwords_round_trip_through_argon2id() {
        let h = hash_password("correct horse battery staple").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery staple", &h));
        assert!(!verify_password("correct horse battery stapl", &h));
    }
}
