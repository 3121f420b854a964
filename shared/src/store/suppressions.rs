//! A tenant's suppression list: addresses that bounced for good or complained. Invitations to
//! them are refused until an admin clears the entry. One item per address, in the tenant's
//! partition, so an invitation checks it with one GetItem read with its other reads, and the
//! list is one Query per page.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Condition, OnConflict, Store, Tx, from_item, keys, to_body};
use crate::error::Result;
use crate::ports::{Query, Write};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Suppression {
    pub address: String,
    /// `bounce` or `complaint`.
    pub reason: String,
    /// The provider's words (the bounce's diagnostic, the complaint's feedback type).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    pub at: DateTime<Utc>,
}

impl Tx {
    /// Puts `address` on the tenant's list (again: the latest event wins).
    pub fn suppress(&mut self, tenant: Uuid, entry: &Suppression) {
        self.put(
            keys::tenant_pk(tenant),
            keys::suppression_sk(&entry.address),
            to_body(entry),
            Condition::None,
            1,
            OnConflict::Stale,
        );
    }

    /// Takes `address` off the tenant's list.
    pub fn clear_suppression(&mut self, tenant: Uuid, address: &str) {
        self.push(
            Write::Delete {
                pk: keys::tenant_pk(tenant),
                sk: keys::suppression_sk(address),
                condition: Condition::None,
            },
            OnConflict::Stale,
        );
    }
}

impl Store {
    pub async fn suppression(&self, tenant: Uuid, address: &str) -> Result<Option<Suppression>> {
        Ok(self
            .get::<Suppression>(&keys::tenant_pk(tenant), &keys::suppression_sk(address))
            .await?
            .map(|v| v.value))
    }

    /// A page of the tenant's list, in address order, after `after` (an address).
    pub async fn suppressions(
        &self,
        tenant: Uuid,
        limit: usize,
        after: Option<&str>,
    ) -> Result<(Vec<Suppression>, Option<String>)> {
        let page = self
            .table
            .query(&Query {
                pk: keys::tenant_pk(tenant),
                sk_prefix: keys::SUPPRESSION_PREFIX.into(),
                forward: true,
                limit,
                start_after: after.map(keys::suppression_sk),
                consistent: false,
            })
            .await
            .map_err(super::table_error)?;
        let items = page
            .items
            .into_iter()
            .map(|item| from_item::<Suppression>(item).map(|v| v.value))
            .collect::<Result<Vec<_>>>()?;
        let next = page.last_sk.and_then(|sk| {
            sk.strip_prefix(keys::SUPPRESSION_PREFIX)
                .map(str::to_string)
        });
        Ok((items, next))
    }
}
