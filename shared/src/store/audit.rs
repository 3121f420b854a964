//! The audit trail's items. An entry is written in the transaction of the change it records,
//! under the tenant's own partition `AUDIT#{tenant}` (apart from the members' partition, which
//! every invitation and list reads):
//!
//! | item | sk | read by |
//! | --- | --- | --- |
//! | entry | `E#{at}#{id}` | `GET /audit`: newest first, one Query a page (`since`/`until` bound it) |
//! | the same, by target | `U#{target}#{at}#{id}` | a member's history and the `target` filter: one Query a page |
//!
//! `at` is written at a fixed width (`2026-12-05T10:00:00.000000Z`), so keys sort by time. Both
//! items carry the trail's TTL (400 days unless configured). An entry without a target is one
//! item; with one, two (a history read costs one Query whatever the tenant's size).

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{Condition, Item, OnConflict, Store, Tx, from_item, keys, table_error, to_body};
use crate::error::Result;
use crate::model::audit::AuditEntry;
use crate::ports::{Query, Write};

/// A time as the keys hold it.
pub fn key_time(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

pub fn entry_prefix() -> &'static str {
    "E#"
}

pub fn target_prefix(target: Uuid) -> String {
    format!("U#{target}#")
}

fn suffix(entry: &AuditEntry) -> String {
    format!("{}#{}", key_time(entry.at), entry.id)
}

impl Tx {
    /// Records `entry` in `tenant`'s trail with the rest of this transaction, kept until
    /// `expires_at` (epoch seconds).
    pub fn audit(&mut self, tenant: Uuid, entry: &AuditEntry, expires_at: i64) {
        let body = to_body(entry);
        let mut put = |sk: String, body| {
            let item = Item {
                pk: keys::audit_pk(tenant),
                sk,
                version: 1,
                expires_at: Some(expires_at),
                body,
            };
            self.push(
                Write::Put {
                    item,
                    condition: Condition::None,
                },
                OnConflict::Stale,
            );
        };
        if let Some(target) = &entry.target {
            put(
                format!("{}{}", target_prefix(target.user_id), suffix(entry)),
                body.clone(),
            );
        }
        put(format!("{}{}", entry_prefix(), suffix(entry)), body);
    }
}

/// A page of entries as read: the entries, and the key of the last one evaluated when more
/// may follow.
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    pub last_sk: Option<String>,
}

impl Store {
    /// Entries under `prefix` (all, or one target's), newest first, from before `start_after`
    /// (a key: a cursor, or the `until` bound), evaluating at most `limit`: one Query.
    pub async fn audit_entries(
        &self,
        tenant: Uuid,
        prefix: &str,
        start_after: Option<String>,
        limit: usize,
    ) -> Result<AuditPage> {
        let page = self
            .table
            .query(&Query {
                pk: keys::audit_pk(tenant),
                sk_prefix: prefix.to_string(),
                forward: false,
                limit,
                start_after,
                consistent: false,
            })
            .await
            .map_err(table_error)?;
        let entries = page
            .items
            .into_iter()
            .map(|item| from_item::<AuditEntry>(item).map(|v| v.value))
            .collect::<Result<Vec<_>>>()?;
        Ok(AuditPage {
            entries,
            last_sk: page.last_sk,
        })
    }
}
