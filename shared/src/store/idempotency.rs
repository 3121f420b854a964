//! Idempotency records: the state of a request made with an `Idempotency-Key`, and its stored
//! response in parts under DynamoDB's 400 KB item limit.

use uuid::Uuid;

use super::{Condition, OnConflict, Store, Tx, keys, table_error};
use crate::error::{Error, Result};
use crate::ports::{Body, Item, Query, Write};

/// A stored idempotent request: its state, and its response once done.
#[derive(Clone, Debug, PartialEq)]
pub struct Idempotent {
    pub fingerprint: String,
    pub done: Option<(u16, String)>,
    pub version: u64,
}

const RESPONSE_PART: usize = 300 * 1024;

fn split_utf8(s: &str, max: usize) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = s;
    while rest.len() > max {
        let mut cut = max;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let (head, tail) = rest.split_at(cut);
        parts.push(head);
        rest = tail;
    }
    parts.push(rest);
    parts
}

impl Tx {
    /// Claims an idempotency key: fails as stale if it is already claimed.
    pub fn claim_idempotency(
        &mut self,
        tenant: Uuid,
        hash: &str,
        fingerprint: &str,
        expires_at: i64,
    ) {
        let item = Item {
            pk: keys::tenant_pk(tenant),
            sk: format!("IK#{hash}"),
            version: 1,
            expires_at: Some(expires_at),
            body: serde_json::json!({ "fingerprint": fingerprint, "state": "pending" }).into(),
        };
        self.push(
            Write::Put {
                item,
                condition: Condition::NotExists,
            },
            OnConflict::Stale,
        );
    }

    /// Records the response of a claimed key, in parts small enough for one item each.
    pub fn complete_idempotency(
        &mut self,
        tenant: Uuid,
        hash: &str,
        claimed: &Idempotent,
        status: u16,
        response: &str,
        expires_at: i64,
    ) {
        let parts: Vec<&str> = split_utf8(response, RESPONSE_PART);
        for (n, part) in parts.iter().enumerate() {
            let item = Item {
                pk: keys::tenant_pk(tenant),
                sk: format!("IK#{hash}#{n:04}"),
                version: 1,
                expires_at: Some(expires_at),
                body: serde_json::json!({ "part": part }).into(),
            };
            self.push(
                Write::Put {
                    item,
                    condition: Condition::None,
                },
                OnConflict::Stale,
            );
        }
        let item = Item {
            pk: keys::tenant_pk(tenant),
            sk: format!("IK#{hash}"),
            version: claimed.version + 1,
            expires_at: Some(expires_at),
            body: serde_json::json!({ "fingerprint": claimed.fingerprint, "state": "done", "status": status, "parts": parts.len() }).into(),
        };
        self.push(
            Write::Put {
                item,
                condition: Condition::Version(claimed.version),
            },
            OnConflict::Stale,
        );
    }

    /// Gives a claimed key back (the request failed on our side and may be retried).
    pub fn release_idempotency(&mut self, tenant: Uuid, hash: &str) {
        self.push(
            Write::Delete {
                pk: keys::tenant_pk(tenant),
                sk: format!("IK#{hash}"),
                condition: Condition::None,
            },
            OnConflict::Stale,
        );
    }
}

impl Store {
    /// An idempotency record and its stored response: one Query (two for a very large one).
    pub async fn idempotency(&self, tenant: Uuid, hash: &str) -> Result<Option<Idempotent>> {
        let mut head: Option<(Body, u64)> = None;
        let mut parts: Vec<String> = Vec::new();
        let mut start_after = None;
        loop {
            let query = Query {
                pk: keys::tenant_pk(tenant),
                sk_prefix: format!("IK#{hash}"),
                forward: true,
                limit: 100,
                start_after,
                consistent: true,
            };
            let page = self.table.query(&query).await.map_err(table_error)?;
            for item in page.items {
                if item.sk.len() == 3 + hash.len() {
                    head = Some((item.body, item.version));
                } else if let Some(part) = item.body.get("part").and_then(|p| p.as_str()) {
                    parts.push(part.to_string());
                }
            }
            match page.last_sk {
                Some(sk) => start_after = Some(sk),
                None => break,
            }
        }
        let Some((body, version)) = head else {
            return Ok(None);
        };
        let fingerprint = body
            .get("fingerprint")
            .and_then(|f| f.as_str())
            .unwrap_or_default()
            .to_string();
        let done = match body.get("state").and_then(|s| s.as_str()) {
            Some("done") => {
                let status = body.get("status").and_then(|s| s.as_u64()).unwrap_or(200) as u16;
                let expected = body.get("parts").and_then(|p| p.as_u64()).unwrap_or(0) as usize;
                if parts.len() != expected {
                    return Err(Error::Internal(format!(
                        "idempotency record {hash} lacks parts"
                    )));
                }
                Some((status, parts.concat()))
            }
            _ => None,
        };
        Ok(Some(Idempotent {
            fingerprint,
            done,
            version,
        }))
    }
}
