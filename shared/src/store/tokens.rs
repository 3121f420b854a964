//! Invitation tokens and codes: a token's record under the SHA-256 of the token (used once; TTL
//! 30 days past its expiry, so an expired link can still ask for a new one), and the quick
//! access, sign-in and sign-up codes (a salted slow hash, its tries, TTL 10 minutes).

use serde::Serialize;

use super::{Condition, OnConflict, Store, Tx, Versioned, keys, to_body};
use crate::error::Result;
use crate::model::InvitationToken;
use crate::ports::{Item, Write};
use uuid::Uuid;

/// A quick access code: only its salted slow hash is kept.
#[derive(Clone, Debug, Serialize, serde::Deserialize)]
pub struct AccessCode {
    pub tenant_id: Uuid,
    pub user_id: Uuid,
    pub hash: String,
    pub expires_at: chrono::DateTime<chrono::Utc>,
    pub tries: u32,
}

impl Tx {
    /// Stores a new token under its hash, with the TTL attribute 30 days past its expiry.
    pub fn put_token(&mut self, hash: &str, token: &InvitationToken) {
        let item = Item {
            pk: keys::token_pk(hash),
            sk: keys::TOKEN_SK.into(),
            version: 1,
            expires_at: Some(token.ttl()),
            body: to_body(token),
        };
        self.push(
            Write::Put {
                item,
                condition: Condition::NotExists,
            },
            OnConflict::Stale,
        );
    }

    /// Marks a token used, conditional on it being unchanged since it was read: of two
    /// concurrent accepts exactly one commits.
    pub fn use_token(
        &mut self,
        hash: &str,
        token: &Versioned<InvitationToken>,
        used: InvitationToken,
    ) {
        let item = Item {
            pk: keys::token_pk(hash),
            sk: keys::TOKEN_SK.into(),
            version: token.version + 1,
            expires_at: Some(used.ttl()),
            body: to_body(&used),
        };
        self.push(
            Write::Put {
                item,
                condition: Condition::Version(token.version),
            },
            OnConflict::Stale,
        );
    }

    /// Stores a new code for an email, replacing (and so killing) any earlier one.
    pub fn put_access_code(&mut self, email_key: &str, code: &AccessCode) {
        let item = Item {
            pk: format!("CODE#{email_key}"),
            sk: "CODE".into(),
            // A version of its own (52 random bits): a write conditional on an earlier code's
            // version never touches this one.
            version: (rand::random::<u64>() >> 12) | 1,
            expires_at: Some(code.expires_at.timestamp()),
            body: to_body(code),
        };
        self.push(
            Write::Put {
                item,
                condition: Condition::None,
            },
            OnConflict::Stale,
        );
    }

    /// Records a wrong try, conditional on no other try since the read.
    pub fn count_code_try(&mut self, email_key: &str, read: &Versioned<AccessCode>) {
        let code = AccessCode {
            tries: read.value.tries + 1,
            ..read.value.clone()
        };
        let item = Item {
            pk: format!("CODE#{email_key}"),
            sk: "CODE".into(),
            version: read.version + 1,
            expires_at: Some(code.expires_at.timestamp()),
            body: to_body(&code),
        };
        self.push(
            Write::Put {
                item,
                condition: Condition::Version(read.version),
            },
            OnConflict::Stale,
        );
    }

    /// Uses up (or burns) a code, conditional on it being unchanged since the read: of two
    /// concurrent uses, one wins.
    pub fn delete_access_code(&mut self, email_key: &str, read: &Versioned<AccessCode>) {
        let condition = Condition::Version(read.version);
        self.push(
            Write::Delete {
                pk: format!("CODE#{email_key}"),
                sk: "CODE".into(),
                condition,
            },
            OnConflict::Stale,
        );
    }
}

impl Store {
    pub async fn token(&self, hash: &str) -> Result<Option<Versioned<InvitationToken>>> {
        self.get(&keys::token_pk(hash), keys::TOKEN_SK).await
    }

    pub async fn access_code(&self, email_key: &str) -> Result<Option<Versioned<AccessCode>>> {
        self.get(&format!("CODE#{email_key}"), "CODE").await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_token_record_is_kept_thirty_days_past_its_expiry() {
        let expires_at = chrono::Utc.with_ymd_and_hms(2026, 12, 5, 10, 0, 0).unwrap();
        let token = InvitationToken {
            tenant_id: Uuid::now_v7(),
            user_id: Uuid::now_v7(),
            generation: 1,
            tenant_name: "Hotel".into(),
            expires_at,
            used_at: None,
            delivered_to: Vec::new(),
        };
        let mut tx = Tx::default();
        tx.put_token("hash", &token);
        let Write::Put { item, .. } = &tx.writes[0] else {
            panic!("a put");
        };
        let kept = (expires_at + chrono::TimeDelta::days(30)).timestamp();
        assert_eq!(item.expires_at, Some(kept));
        assert!(!token.forgotten(expires_at + chrono::TimeDelta::days(29)));
        assert!(token.forgotten(expires_at + chrono::TimeDelta::days(30)));
    }
}
