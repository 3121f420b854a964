//! Counters: the status counts of `/stats` on eight shards per tenant (an invite also counts its
//! inviter's invitees of the day on its shard), the admin count that guards the last admin, and
//! the counters of abuse limits and reserved sign-in checks.

use uuid::Uuid;

use super::{Condition, OnConflict, Store, Tx, Versioned, keys, table_error};
use crate::error::Result;
use crate::model::{Role, Stats, Status};
use crate::ports::{Body, Ceiling, Query, Write};

pub const COUNTER_SHARDS: u32 = 8;

fn shard_of(user: Uuid) -> u32 {
    let b = user.as_bytes();
    u32::from(b[15]) % COUNTER_SHARDS
}

fn status_field(s: Status) -> Option<&'static str> {
    match s {
        Status::Scheduled => Some("scheduled"),
        Status::Invited | Status::Expired => Some("invited"),
        Status::Active => Some("active"),
        Status::Deactivated => Some("deactivated"),
        Status::Cancelled => Some("cancelled"),
    }
}

/// Whether a role counts as an admin for the last-admin rule.
pub fn is_active_admin(status: Status, role: Role) -> bool {
    status == Status::Active && role == Role::Admin
}

impl Tx {
    /// Moves the member between the status counters (`None`: not counted before / after).
    pub fn count(&mut self, tenant: Uuid, user: Uuid, from: Option<Status>, to: Option<Status>) {
        let from = from.and_then(status_field);
        let to = to.and_then(status_field);
        if from == to {
            return;
        }
        let mut deltas = Vec::with_capacity(2);
        if let Some(f) = from {
            deltas.push((f.to_string(), -1));
        }
        if let Some(t) = to {
            deltas.push((t.to_string(), 1));
        }
        self.push(
            Write::add(
                keys::tenant_pk(tenant),
                keys::counter_sk(shard_of(user)),
                deltas,
            ),
            OnConflict::Stale,
        );
    }

    /// Counts a new member (in `status`) on its inviter's counter shard, with one more of the
    /// inviter's invitees of `day`, refusing the transaction past `max` of them. The fields of
    /// earlier days that the shard was last read with (`stale`) go at the same time.
    #[allow(clippy::too_many_arguments)]
    pub fn count_invite(
        &mut self,
        tenant: Uuid,
        inviter: Uuid,
        status: Status,
        day: &str,
        max: i64,
        stale: Vec<String>,
        retry_after: u64,
    ) {
        let field = keys::inviter_field(day, inviter);
        let mut deltas = vec![(field.clone(), 1)];
        if let Some(s) = status_field(status) {
            deltas.push((s.to_string(), 1));
        }
        self.push(
            Write::Add {
                pk: keys::tenant_pk(tenant),
                sk: keys::counter_sk(shard_of(inviter)),
                deltas,
                ceiling: Some(Ceiling { field, max }),
                remove: stale,
            },
            OnConflict::RateLimited("the inviter's daily limit is reached", retry_after),
        );
    }

    /// One more active admin: a plain `ADD`, safe without reading (only losing one needs the
    /// read-and-compare of [`Tx::set_admins`]).
    pub fn add_admin(&mut self, tenant: Uuid) {
        self.push(
            Write::add(
                keys::tenant_pk(tenant),
                keys::ADMINS_SK.into(),
                vec![("count".to_string(), 1)],
            ),
            OnConflict::Stale,
        );
    }

    /// Sets the number of active admins, conditional on the count read before.
    pub fn set_admins(&mut self, tenant: Uuid, current: Option<&Versioned<i64>>, count: i64) {
        let (condition, version) = match current {
            Some(c) => (Condition::Version(c.version), c.version + 1),
            None => (Condition::NotExists, 1),
        };
        let body = Body::from(serde_json::json!({ "count": count }));
        self.put(
            keys::tenant_pk(tenant),
            keys::ADMINS_SK.into(),
            body,
            condition,
            version,
            OnConflict::Stale,
        );
    }

    /// Counts one more against a limit, refusing the whole transaction past `max`
    /// (`rate_limited`, retry after `retry_after` seconds).
    #[allow(clippy::too_many_arguments)]
    pub fn limit(
        &mut self,
        pk: String,
        sk: String,
        max: i64,
        expires_at: i64,
        what: &'static str,
        retry_after: u64,
    ) {
        self.bump(
            pk,
            sk,
            max,
            expires_at,
            OnConflict::RateLimited(what, retry_after),
        );
    }

    /// Reserves one check of a password or code against an account's limit: refused
    /// (`too_many_attempts`, retry after `retry_after` seconds) once `max` are reserved.
    pub fn reserve_attempt(
        &mut self,
        pk: String,
        sk: String,
        max: i64,
        expires_at: i64,
        retry_after: u64,
    ) {
        self.bump(
            pk,
            sk,
            max,
            expires_at,
            OnConflict::TooManyAttempts(retry_after),
        );
    }

    /// One more on a counter item's `count`, refused past `max`, which `meaning` names.
    fn bump(&mut self, pk: String, sk: String, max: i64, expires_at: i64, meaning: OnConflict) {
        self.push(
            Write::Bump {
                pk,
                sk,
                field: "count",
                by: 1,
                max,
                expires_at,
            },
            meaning,
        );
    }

    /// Forgets an account's window of reserved checks.
    pub fn clear_attempts(&mut self, pk: String, sk: String) {
        self.push(
            Write::Delete {
                pk,
                sk,
                condition: Condition::None,
            },
            OnConflict::Stale,
        );
    }

    /// Gives a reservation back (the check succeeded).
    pub fn release_attempt(&mut self, pk: String, sk: String) {
        self.push(
            Write::add(pk, sk, vec![("count".into(), -1)]),
            OnConflict::Stale,
        );
    }
}

impl Store {
    /// The fields of the counter shard an inviter's invites count on that hold other days than
    /// `day`: what the next invite on that shard removes.
    pub async fn stale_inviter_fields(
        &self,
        tenant: Uuid,
        inviter: Uuid,
        day: &str,
    ) -> Result<Vec<String>> {
        let found = self
            .read(
                &keys::tenant_pk(tenant),
                &keys::counter_sk(shard_of(inviter)),
                false,
            )
            .await?;
        let today = format!("{}{day}#", keys::INVITER_FIELD_PREFIX);
        Ok(found
            .and_then(|f| match &*f.body {
                // Only the stale fields are copied.
                serde_json::Value::Object(m) => Some(
                    m.keys()
                        .filter(|k| {
                            k.starts_with(keys::INVITER_FIELD_PREFIX) && !k.starts_with(&today)
                        })
                        .cloned()
                        .collect(),
                ),
                _ => None,
            })
            .unwrap_or_default())
    }

    /// The value of a counter item (rate limits).
    pub async fn count(&self, pk: &str, sk: &str) -> Result<i64> {
        Ok(self
            .table
            .get(pk, sk)
            .await
            .map_err(table_error)?
            .and_then(|i| i.body.get("count").and_then(|c| c.as_i64()))
            .unwrap_or(0))
    }

    pub async fn admins(&self, tenant: Uuid) -> Result<Option<Versioned<i64>>> {
        #[derive(serde::Deserialize)]
        struct Count {
            count: i64,
        }
        Ok(self
            .get(&keys::tenant_pk(tenant), keys::ADMINS_SK)
            .await?
            .map(|v: Versioned<Count>| Versioned {
                value: v.value.count,
                version: v.version,
            }))
    }

    /// The counters of a tenant: one Query over its counter shards and admin count.
    pub async fn stats(&self, tenant: Uuid) -> Result<Stats> {
        let query = Query {
            pk: keys::tenant_pk(tenant),
            sk_prefix: keys::COUNTER_PREFIX.into(),
            forward: true,
            limit: COUNTER_SHARDS as usize + 1,
            start_after: None,
            consistent: true,
        };
        let page = self.table.query(&query).await.map_err(table_error)?;
        let mut stats = Stats::default();
        for item in page.items {
            let n = |f: &str| item.body.get(f).and_then(|v| v.as_i64()).unwrap_or(0);
            if item.sk == keys::ADMINS_SK {
                stats.admins = n("count");
            } else {
                stats.active += n("active");
                stats.invited += n("invited");
                stats.scheduled += n("scheduled");
                stats.deactivated += n("deactivated");
                stats.cancelled += n("cancelled");
            }
        }
        stats.standard = stats.active - stats.admins;
        Ok(stats)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::adapters::memory_table::MemoryTable;
    use std::sync::Arc;

    #[tokio::test]
    async fn an_invite_drops_the_inviter_fields_of_earlier_days_from_its_shard() {
        let store = Store::new(Arc::new(MemoryTable::new()));
        let (tenant, ana) = (crate::model::new_id(), crate::model::new_id());
        let mut tx = store.tx();
        tx.count_invite(tenant, ana, Status::Invited, "2026-11-30", 10, vec![], 1);
        store.commit(tx).await.unwrap();
        let mut tx = store.tx();
        tx.count_invite(tenant, ana, Status::Invited, "2026-12-01", 10, vec![], 1);
        store.commit(tx).await.unwrap();
        let stale = store
            .stale_inviter_fields(tenant, ana, "2026-12-01")
            .await
            .unwrap();
        assert_eq!(stale, vec![keys::inviter_field("2026-11-30", ana)]);
        let mut tx = store.tx();
        tx.count_invite(tenant, ana, Status::Invited, "2026-12-01", 10, stale, 1);
        store.commit(tx).await.unwrap();
        assert!(
            store
                .stale_inviter_fields(tenant, ana, "2026-12-01")
                .await
                .unwrap()
                .is_empty()
        );
        assert_eq!(store.stats(tenant).await.unwrap().invited, 3);
    }
}
