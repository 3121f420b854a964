//! The transactional outbox: what must be sent, written in the same transaction as the change
//! that calls for it (an invitation, a reinvite, a deferred send coming due), so that an
//! acknowledged invitation is never lost. One entry per member, generation and channel: the
//! entry's key is what makes a message go out at most once.
//!
//! In AWS, the table's stream hands each new entry to the `deliver` function; the local server
//! delivers its own entries at once and, after a restart or a refused attempt, finds them again
//! by a Query of the [`OUTBOX_SHARDS`] partitions (never a Scan).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Condition, OnConflict, Store, Tx, Versioned, from_item, keys, to_body};
use crate::error::Result;
use crate::model::Channel;
use crate::ports::{Query, Write};

/// Partitions the entries spread over (by user id): enough that a burst of invitations is
/// not one hot partition in DynamoDB, few enough that the local server reads them all often.
pub const OUTBOX_SHARDS: u32 = 8;

/// Which message an entry stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxKey {
    pub tenant_id: Uuid,
    pub user_id: Uuid,
    pub generation: u32,
    pub channel: Channel,
}

/// Where an entry is in its life.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum OutboxState {
    /// Waiting for its next attempt.
    Queued,
    /// Claimed by an attempt that is sending it now (or that died while sending).
    Sending { since: DateTime<Utc> },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutboxEntry {
    #[serde(flatten)]
    pub key: OutboxKey,
    pub tenant_name: String,
    pub queued_at: DateTime<Utc>,
    pub next_attempt_at: DateTime<Utc>,
    pub attempts: u32,
    /// Whether the send still has to count against the per-recipient and SMS limits (a
    /// deferred send, counted when it goes out rather than when it was asked for).
    pub count_limits: bool,
    #[serde(flatten)]
    pub state: OutboxState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
}

impl OutboxKey {
    fn pk(&self) -> String {
        keys::outbox_pk(self.user_id.as_u128() as u32 % OUTBOX_SHARDS)
    }

    fn sk(&self) -> String {
        keys::outbox_sk(self.tenant_id, self.user_id, self.generation, self.channel)
    }

    /// What a provider that can tell may use to recognise a message it already took.
    pub fn idempotency_key(&self) -> String {
        self.sk()
    }
}

impl Tx {
    /// Queues a message: the entry must not exist (a generation and channel go out once).
    pub fn queue_message(&mut self, entry: &OutboxEntry) {
        self.put(
            entry.key.pk(),
            entry.key.sk(),
            to_body(entry),
            Condition::NotExists,
            1,
            OnConflict::Stale,
        );
    }

    /// Replaces an entry read at `read` (claiming it for an attempt, or putting it back for a
    /// later one): of two attempts at once, one wins.
    pub fn update_message(&mut self, read: &Versioned<OutboxEntry>, entry: &OutboxEntry) {
        self.put(
            entry.key.pk(),
            entry.key.sk(),
            to_body(entry),
            Condition::Version(read.version),
            read.version + 1,
            OnConflict::Stale,
        );
    }

    /// Removes an entry that has reached its end (sent, failed, or no longer wanted).
    pub fn finish_message(&mut self, read: &Versioned<OutboxEntry>) {
        self.push(
            Write::Delete {
                pk: read.value.key.pk(),
                sk: read.value.key.sk(),
                condition: Condition::Version(read.version),
            },
            OnConflict::Stale,
        );
    }
}

impl Store {
    pub async fn message(&self, key: &OutboxKey) -> Result<Option<Versioned<OutboxEntry>>> {
        self.get(&key.pk(), &key.sk()).await
    }

    /// A page of up to `limit` entries of one shard, after `after` (the sweep's read), and the
    /// key to continue after when there may be more.
    pub async fn queued_messages(
        &self,
        shard: u32,
        limit: usize,
        after: Option<String>,
    ) -> Result<(Vec<OutboxEntry>, Option<String>)> {
        let page = self
            .table
            .query(&Query {
                pk: keys::outbox_pk(shard),
                sk_prefix: String::new(),
                forward: true,
                limit,
                start_after: after,
                consistent: true,
            })
            .await
            .map_err(super::table_error)?;
        let entries = page
            .items
            .into_iter()
            .map(|item| from_item::<OutboxEntry>(item).map(|v| v.value))
            .collect::<Result<Vec<_>>>()?;
        Ok((entries, page.last_sk))
    }
}
