//! Identity items: profiles and their access to tenants, who holds an address and whether it
//! is proven, password resets, and the per-account failure limit.
//!
//! | item | pk | sk | body | notes |
//! | --- | --- | --- | --- | --- |
//! | email holder | `EMAIL#{email}` | `PROFILE` | [`Holder`] | one profile per email; `verified` once a delivered credential (an emailed link or code) proved it |
//! | phone holder | `PHONE#{e164}` | `PROFILE` | [`Holder`] | for a profile without email; `verified` once a texted credential proved it |
//! | password reset | `RESET#{sha256}` | `RESET` | [`PasswordReset`] | single use; TTL 1 h |
//! | sign-in code | `CODE#SIGNIN#{address}` | `CODE` | [`super::AccessCode`] | one per address; TTL 10 min |
//! | failed checks | `RL#auth#{account}` | `W#{window}` | `{count}` | reserved before each slow check; TTL two windows |
//!
//! The holder item is the one place that says an address is verified. A profile made through a
//! vouched credential (a quick access code, a minted link) holds its address unverified: other
//! tenants do not see it, and the first delivered credential to the address takes it over.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{
    Condition, OnConflict, Store, Tx, Versioned, corrupt, from_item, keys, table_error, to_body,
};
use crate::error::Result;
use crate::model::{Access, Profile};
use crate::ports::{Item, Query, Write};

/// An address a profile is found by: an email's key, or an E.164 number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Address<'a> {
    Email(&'a str),
    Phone(&'a str),
}

impl Address<'_> {
    fn holder_pk(&self) -> String {
        match self {
            Address::Email(key) => keys::profile_email_pk(key),
            Address::Phone(e164) => keys::profile_phone_pk(e164),
        }
    }

    /// The key that names the address in other items (codes, limits).
    pub fn name(&self) -> String {
        match self {
            Address::Email(key) => format!("E#{key}"),
            Address::Phone(e164) => format!("P#{e164}"),
        }
    }

    /// The address a profile is found by: its email, else its phone.
    pub fn of(profile: &Profile) -> Option<(String, bool)> {
        match (&profile.email, &profile.phone) {
            (Some(email), _) => Some((crate::validate::email_key(email), true)),
            (None, Some(phone)) => Some((phone.clone(), false)),
            (None, None) => None,
        }
    }
}

/// Who holds an address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    pub profile_id: Uuid,
    /// Proven by a delivered credential. Holders written before addresses were verified were
    /// made by emailed or texted links, except those made by an access code, whose profiles
    /// have no password and so can be proven by nothing but a delivered credential anyway.
    #[serde(default = "verified_before_v1_1")]
    pub verified: bool,
}

fn verified_before_v1_1() -> bool {
    true
}

/// A password-reset link's record: only the SHA-256 of its token is the key.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PasswordReset {
    pub profile_id: Uuid,
    pub expires_at: chrono::DateTime<chrono::Utc>,
    /// The profile's session epoch when the link was sent: a later reset or password change
    /// moves it, and the link is dead.
    #[serde(default)]
    pub epoch: u32,
}

fn reset_pk(hash: &str) -> String {
    format!("RESET#{hash}")
}
const RESET_SK: &str = "RESET";

impl Store {
    /// Who holds an address (strongly consistent), verified or not.
    pub async fn holder(&self, address: Address<'_>) -> Result<Option<Versioned<Holder>>> {
        self.get(&address.holder_pk(), keys::PROFILE_SK).await
    }

    /// The profile that holds a verified address: what other tenants may see.
    pub async fn verified_profile(&self, address: Address<'_>) -> Result<Option<Uuid>> {
        Ok(self
            .holder(address)
            .await?
            .filter(|h| h.value.verified)
            .map(|h| h.value.profile_id))
    }

    /// [`Store::verified_profile`] as a moment ago (an invite's `existing_profile`: acceptance
    /// reads it again, strongly).
    pub async fn verified_profile_eventual(&self, address: Address<'_>) -> Result<Option<Uuid>> {
        Ok(self
            .get_eventual::<Holder>(&address.holder_pk(), keys::PROFILE_SK)
            .await?
            .filter(|h| h.verified)
            .map(|h| h.profile_id))
    }

    pub async fn password_reset(&self, hash: &str) -> Result<Option<Versioned<PasswordReset>>> {
        self.get(&reset_pk(hash), RESET_SK).await
    }
}

impl Tx {
    /// Creates a profile and claims its address (its email, else its phone), `verified` or
    /// not; if a profile already holds the address, the transaction fails with
    /// [`crate::error::Error::ProfileExists`].
    pub fn create_profile(&mut self, profile: &Profile, verified: bool) {
        self.put(
            keys::profile_pk(profile.id),
            keys::PROFILE_SK.into(),
            to_body(profile),
            Condition::NotExists,
            1,
            OnConflict::Stale,
        );
        if let Some((key, is_email)) = Address::of(profile) {
            let address = if is_email {
                Address::Email(&key)
            } else {
                Address::Phone(&key)
            };
            let holder = Holder {
                profile_id: profile.id,
                verified,
            };
            self.put(
                address.holder_pk(),
                keys::PROFILE_SK.into(),
                to_body(&holder),
                Condition::NotExists,
                1,
                OnConflict::ProfileExists,
            );
        }
    }

    /// Creates a profile whose address was held unverified by another: the address is now
    /// `profile`'s, verified, and the one who held it loses it (`previous`, the profile it
    /// held, written without the address). Conditional on neither having changed since read.
    pub fn take_over_address(
        &mut self,
        profile: &Profile,
        address: Address<'_>,
        held: &Versioned<Holder>,
        previous: Option<&Versioned<Profile>>,
    ) {
        self.put(
            keys::profile_pk(profile.id),
            keys::PROFILE_SK.into(),
            to_body(profile),
            Condition::NotExists,
            1,
            OnConflict::Stale,
        );
        let holder = Holder {
            profile_id: profile.id,
            verified: true,
        };
        self.put(
            address.holder_pk(),
            keys::PROFILE_SK.into(),
            to_body(&holder),
            Condition::Version(held.version),
            held.version + 1,
            OnConflict::Stale,
        );
        if let Some(previous) = previous {
            let mut without = previous.value.clone();
            match address {
                Address::Email(_) => without.email = None,
                Address::Phone(_) => without.phone = None,
            }
            self.put_profile(&without, previous);
        }
    }

    /// Stores a password-reset link's record until it expires.
    pub fn put_password_reset(&mut self, hash: &str, reset: &PasswordReset) {
        let item = Item {
            pk: reset_pk(hash),
            sk: RESET_SK.into(),
            version: 1,
            expires_at: Some(reset.expires_at.timestamp()),
            body: to_body(reset),
        };
        self.push(
            Write::Put {
                item,
                condition: Condition::NotExists,
            },
            OnConflict::Stale,
        );
    }

    /// Uses a reset link up: of two concurrent uses, one commits.
    pub fn use_password_reset(&mut self, hash: &str, read: &Versioned<PasswordReset>) {
        self.push(
            Write::Delete {
                pk: reset_pk(hash),
                sk: RESET_SK.into(),
                condition: Condition::Version(read.version),
            },
            OnConflict::Stale,
        );
    }
}

impl Tx {
    /// Replaces a profile, conditional on the version read before.
    pub fn put_profile(&mut self, profile: &Profile, previous: &Versioned<Profile>) {
        self.put(
            keys::profile_pk(profile.id),
            keys::PROFILE_SK.into(),
            to_body(profile),
            Condition::Version(previous.version),
            previous.version + 1,
            OnConflict::Stale,
        );
    }

    pub fn put_access(&mut self, profile: Uuid, access: &Access) {
        self.put(
            keys::profile_pk(profile),
            keys::access_sk(access.tenant_id),
            to_body(access),
            Condition::None,
            1,
            OnConflict::Stale,
        );
    }
}

impl Store {
    /// A caller's access to a tenant (strongly consistent: a revoked access is refused at
    /// once), decoded once per stored version ([`Body::record_kept`]).
    pub async fn access(&self, profile: Uuid, tenant: Uuid) -> Result<Option<Access>> {
        let (pk, sk) = (keys::profile_pk(profile), keys::access_sk(tenant));
        self.read(&pk, &sk, true)
            .await?
            .map(|f| f.body.record_kept().map_err(|e| corrupt(&pk, &sk, e)))
            .transpose()
    }

    pub async fn profile(&self, profile: Uuid) -> Result<Option<Versioned<Profile>>> {
        self.get(&keys::profile_pk(profile), keys::PROFILE_SK).await
    }

    /// A profile and every tenant it belongs to: one Query.
    pub async fn profile_with_access(
        &self,
        profile: Uuid,
    ) -> Result<(Option<Profile>, Vec<Access>)> {
        let (found, access) = self.profile_and_access(profile).await?;
        Ok((found.map(|p| p.value), access))
    }

    /// [`Store::profile_with_access`], with the profile's version (to change it).
    pub async fn profile_and_access(
        &self,
        profile: Uuid,
    ) -> Result<(Option<Versioned<Profile>>, Vec<Access>)> {
        let mut found = None;
        let mut access = Vec::new();
        let mut start_after = None;
        loop {
            let query = Query {
                pk: keys::profile_pk(profile),
                sk_prefix: String::new(),
                forward: true,
                limit: 100,
                start_after,
                consistent: true,
            };
            let page = self.table.query(&query).await.map_err(table_error)?;
            for item in page.items {
                if item.sk == keys::PROFILE_SK {
                    found = Some(from_item::<Profile>(item)?);
                } else if item.sk.starts_with(keys::ACCESS_PREFIX) {
                    access.push(from_item::<Access>(item)?.value);
                }
            }
            match page.last_sk {
                Some(sk) => start_after = Some(sk),
                None => break,
            }
        }
        Ok((found, access))
    }
}
