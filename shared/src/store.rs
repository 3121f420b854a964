//! The store: every domain read and write, expressed once over the [`Table`] port.
//!
//! # Single-table design
//!
//! | item | pk | sk | body | notes |
//! | --- | --- | --- | --- | --- |
//! | tenant | `T#{tenant}` | `TENANT` | [`Tenant`] | |
//! | tenant directory entry | `TENANTS` | `T#{tenant}` | copy of the [`Tenant`] | written with the tenant: operators page the tenants with one Query (their only reader: one partition is enough) |
//! | member | `T#{tenant}` | `M#{user}` | [`Member`] | user ids are UUID v7, so `M#` sorts by creation |
//! | search entry | `T#{tenant}` | `Q#{term}#{user}` | copy of the [`Member`] | one per distinct lower-cased first name, last name, email |
//! | email entry (guard) | `T#{tenant}` | `Q#{email}` | copy of the [`Member`] | the email's search entry while the member is not cancelled: `attribute_not_exists` makes it the one non-cancelled membership per email; cancelling moves it to `Q#{email}#{user}` |
//! | phone guard | `T#{tenant}` | `PH#{e164}` | `{user_id}` | non-cancelled membership per phone number |
//! | agent-id guard | `T#{tenant}` | `A#{agent_id}` | `{user_id}` | one member per agent id |
//! | shortcode guard | `T#{tenant}` | `S#{shortcode}` | `{user_id}` | case-insensitive |
//! | counter shard | `T#{tenant}` | `C#{0..7}` | `{active, invited, scheduled, deactivated, cancelled}`, `i#{day}#{inviter}` | `ADD` in the same transaction as the change; an invite counts on its inviter's shard, with the inviter's invitees of the day (the daily limit as its condition) |
//! | admin count | `T#{tenant}` | `C#admins` | `{count}` | versioned: guards "last active admin" |
//! | profile | `P#{profile}` | `PROFILE` | [`Profile`] | the person, shared by tenants |
//! | access | `P#{profile}` | `T#{tenant}` | [`Access`] | read on every admin request; `/v1/me` is one Query |
//! | profile email guard | `EMAIL#{email}` | `PROFILE` | `{profile_id, verified}` | one profile per email; see [`identity`] for what `verified` means |
//! | profile phone guard | `PHONE#{e164}` | `PROFILE` | `{profile_id, verified}` | one phone-only profile per number |
//! | pending by phone | `INVPHONE#{e164}` | `{tenant}#{user}` | `{tenant_id, user_id}` | phone sign-up finds its invitations |
//! | invitation token | `TOK#{sha256}` | `TOKEN` | [`InvitationToken`] | TTL attribute = expiry |
//! | access code | `CODE#{email}` | `CODE` | [`AccessCode`] | one per email; TTL 10 min |
//! | outbox entry | `OUTBOX#{0..7}` (by user) | `{tenant}#{user}#{generation}#{channel}` | [`OutboxEntry`] | written with the change that calls for the message; the stream (AWS) or the local server delivers it, then deletes it; see [`outbox`] |
//! | SMS receipt | `SMSID#{sns message id}` | `SMS` | [`OutboxKey`] | which entry a text message carried, for its carrier's receipt; TTL 3 days; see [`receipts`] |
//! | suppression | `T#{tenant}` | `SUP#{address}` | [`Suppression`] | an address that bounced for good or complained; invitations to it are refused until cleared |
//! | audit entry | `AUDIT#{tenant}` | `E#{at}#{id}`, and `U#{target}#{at}#{id}` when it has a target | [`AuditEntry`](crate::model::audit::AuditEntry) | written in the change's transaction; TTL (400 days by default); see [`audit`] |
//! | idempotency record | `T#{tenant}` | `IK#{sha256}` | state, request fingerprint, status | TTL 24 h |
//! | idempotency response part | `T#{tenant}` | `IK#{sha256}#{n}` | a slice of the stored response | TTL 24 h; items stay under 400 KB |
//!
//! Access patterns: a member, a tenant, a token, an access entry and a guard are one `GetItem`
//! each; a page of the member list is one `Query` on `M#` (newest first) or `Q#{prefix}`
//! (alphabetical, for search); stats are one `Query` on `C#`; a profile and all its
//! memberships are one `Query` on `P#{profile}`. Every change is one transaction.

use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::model::Tenant;
use crate::ports::{Body, Condition, Item, Table, TableError, Write};

mod audit;
mod counters;
mod idempotency;
mod identity;
pub mod keys;
mod members;
mod outbox;
mod receipts;
mod suppressions;
mod tokens;

pub use audit::{AuditPage, entry_prefix, key_time, target_prefix};
pub use counters::{COUNTER_SHARDS, is_active_admin};
pub use idempotency::Idempotent;
pub use identity::{Address, Holder, PasswordReset};
pub use members::{Found, search_entries};
pub use outbox::{OUTBOX_SHARDS, OutboxEntry, OutboxKey, OutboxState};
pub use receipts::RECEIPT_TTL;
pub use suppressions::Suppression;
pub use tokens::AccessCode;

/// A record with the version it was read at, for conditional writes.
#[derive(Clone, Debug)]
pub struct Versioned<T> {
    pub value: T,
    pub version: u64,
}

/// What a failed condition means in domain terms.
#[derive(Clone, Debug)]
enum OnConflict {
    Stale,
    RateLimited(&'static str, u64),
    TooManyAttempts(u64),
    ProfileExists,
    AlreadyMember,
    AgentIdTaken(String),
    ShortcodeTaken,
}

/// One atomic change, built from domain steps and committed as one transaction.
#[derive(Default)]
pub struct Tx {
    writes: Vec<Write>,
    meaning: Vec<OnConflict>,
}

fn to_body<T: Serialize>(value: &T) -> Body {
    // A record of ours always serialises (no map with non-string keys).
    Body::of(value).unwrap_or_else(|_| serde_json::Value::Null.into())
}

fn from_item<T: DeserializeOwned>(item: Item) -> Result<Versioned<T>> {
    let version = item.version;
    item.body
        .record::<T>()
        .map(|value| Versioned { value, version })
        .map_err(|e| corrupt(&item.pk, &item.sk, e))
}

fn corrupt(pk: &str, sk: &str, e: serde_json::Error) -> Error {
    Error::Internal(format!("corrupt item {pk} {sk}: {e}"))
}

impl Tx {
    fn push(&mut self, write: Write, meaning: OnConflict) {
        self.writes.push(write);
        self.meaning.push(meaning);
    }

    fn put(
        &mut self,
        pk: String,
        sk: String,
        body: Body,
        condition: Condition,
        version: u64,
        meaning: OnConflict,
    ) {
        let item = Item {
            pk,
            sk,
            version,
            expires_at: None,
            body,
        };
        self.push(Write::Put { item, condition }, meaning);
    }

    /// Replaces the tenant's record, read at `current` (a concurrent change makes it stale),
    /// and its directory entry.
    pub fn update_tenant(&mut self, current: &Versioned<Tenant>, updated: &Tenant) {
        let body = to_body(updated);
        self.list_tenant(updated.id, body.clone());
        self.put(
            keys::tenant_pk(updated.id),
            keys::TENANT_SK.into(),
            body,
            Condition::Version(current.version),
            current.version + 1,
            OnConflict::Stale,
        );
    }

    pub fn create_tenant(&mut self, tenant: &Tenant) {
        let body = to_body(tenant);
        self.list_tenant(tenant.id, body.clone());
        self.put(
            keys::tenant_pk(tenant.id),
            keys::TENANT_SK.into(),
            body,
            Condition::NotExists,
            1,
            OnConflict::Stale,
        );
    }

    /// The tenant's entry in the operators' directory (a copy, written with the record).
    fn list_tenant(&mut self, tenant: Uuid, body: Body) {
        self.put(
            keys::TENANTS_PK.into(),
            keys::tenant_pk(tenant),
            body,
            Condition::None,
            1,
            OnConflict::Stale,
        );
    }
}

#[derive(Clone)]
pub struct Store {
    table: Arc<dyn Table>,
}

fn table_error(e: TableError) -> Error {
    match e {
        TableError::Throttled => Error::Unavailable {
            retry_after_seconds: 1,
        },
        TableError::ConditionFailed { .. } | TableError::Conflict => Error::Stale,
        TableError::Unavailable(m) => Error::Internal(format!("table unavailable: {m}")),
    }
}

impl Store {
    pub fn new(table: Arc<dyn Table>) -> Self {
        Self { table }
    }

    pub fn tx(&self) -> Tx {
        Tx::default()
    }

    pub async fn commit(&self, tx: Tx) -> Result<()> {
        if tx.writes.is_empty() {
            return Ok(());
        }
        match self.table.transact(tx.writes).await {
            Ok(()) => Ok(()),
            Err(TableError::ConditionFailed { index }) => Err(match tx.meaning.get(index) {
                Some(OnConflict::AlreadyMember) => Error::AlreadyMember,
                Some(OnConflict::AgentIdTaken(id)) => Error::AgentIdTaken(id.clone()),
                Some(OnConflict::ShortcodeTaken) => Error::ShortcodeTaken,
                Some(OnConflict::ProfileExists) => Error::ProfileExists,
                Some(OnConflict::RateLimited(what, after)) => {
                    Error::RateLimited(what.to_string(), *after)
                }
                Some(OnConflict::TooManyAttempts(after)) => Error::TooManyAttempts(*after),
                _ => Error::Stale,
            }),
            Err(e) => Err(table_error(e)),
        }
    }

    async fn read(
        &self,
        pk: &str,
        sk: &str,
        consistent: bool,
    ) -> Result<Option<crate::ports::Found>> {
        self.table
            .read(pk, sk, consistent)
            .await
            .map_err(table_error)
    }

    async fn get<T: DeserializeOwned>(&self, pk: &str, sk: &str) -> Result<Option<Versioned<T>>> {
        self.read(pk, sk, true)
            .await?
            .map(|f| {
                f.body
                    .record::<T>()
                    .map(|value| Versioned {
                        value,
                        version: f.version,
                    })
                    .map_err(|e| corrupt(pk, sk, e))
            })
            .transpose()
    }

    /// An eventually consistent read, for what a moment's staleness cannot harm.
    async fn get_eventual<T: DeserializeOwned>(&self, pk: &str, sk: &str) -> Result<Option<T>> {
        self.read(pk, sk, false)
            .await?
            .map(|f| f.body.record::<T>().map_err(|e| corrupt(pk, sk, e)))
            .transpose()
    }

    /// An eventually consistent read of an item that should exist, a strong one if it seems
    /// not to (it may have been written a moment ago), for a small record read on every
    /// request: decoded once per stored version ([`Body::record_shared`]).
    async fn get_existing_shared<T>(&self, pk: &str, sk: &str) -> Result<Option<Arc<T>>>
    where
        T: DeserializeOwned + Send + Sync + 'static,
    {
        let found = match self.read(pk, sk, false).await? {
            Some(found) => Some(found),
            None => self.read(pk, sk, true).await?,
        };
        found
            .map(|f| f.body.record_shared().map_err(|e| corrupt(pk, sk, e)))
            .transpose()
    }

    /// The tenant's settings (eventually consistent: they change rarely, and nothing that a
    /// stale copy lets through outlives the change by more than a second).
    pub async fn tenant(&self, tenant: Uuid) -> Result<Option<Arc<Tenant>>> {
        self.get_existing_shared(&keys::tenant_pk(tenant), keys::TENANT_SK)
            .await
    }

    /// A page of the operators' directory of tenants, in id order (oldest first: ids are
    /// UUID v7), after `after` (a tenant id): one Query.
    pub async fn tenants(
        &self,
        limit: usize,
        after: Option<Uuid>,
    ) -> Result<(Vec<Tenant>, Option<Uuid>)> {
        let page = self
            .table
            .query(&crate::ports::Query {
                pk: keys::TENANTS_PK.into(),
                sk_prefix: "T#".into(),
                forward: true,
                limit,
                start_after: after.map(keys::tenant_pk),
                consistent: false,
            })
            .await
            .map_err(table_error)?;
        let items = page
            .items
            .into_iter()
            .map(|item| from_item::<Tenant>(item).map(|v| v.value))
            .collect::<Result<Vec<_>>>()?;
        let next = page
            .last_sk
            .and_then(|sk| sk.strip_prefix("T#").and_then(|id| id.parse().ok()));
        Ok((items, next))
    }

    /// The tenant's record as it is now, with its version (to change it).
    pub async fn tenant_versioned(&self, tenant: Uuid) -> Result<Option<Versioned<Tenant>>> {
        self.get(&keys::tenant_pk(tenant), keys::TENANT_SK).await
    }
}
