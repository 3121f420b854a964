//! SMS receipts: which outbox entry an SNS message id stands for. SNS's delivery-status log
//! names a text message by the id `Publish` answered, and by nothing of ours (an SMS carries no
//! tags, unlike SES's mail), so `deliver` writes the id with the send's outcome, in the same
//! transaction, and `events` reads it back when the carrier's receipt arrives. Kept 3 days:
//! a receipt comes within minutes, or hours for a phone that is off.

use chrono::{DateTime, Duration, Utc};

use super::outbox::OutboxKey;
use super::{Condition, Item, OnConflict, Store, Tx, keys, to_body};
use crate::error::Result;
use crate::ports::Write;

/// How long a message id is remembered.
pub const RECEIPT_TTL: Duration = Duration::days(3);

impl Tx {
    /// Remembers that the SNS message `message_id` carried the entry `key`.
    pub fn put_sms_receipt(&mut self, message_id: &str, key: &OutboxKey, now: DateTime<Utc>) {
        let item = Item {
            pk: keys::sms_receipt_pk(message_id),
            sk: keys::SMS_RECEIPT_SK.into(),
            version: 1,
            expires_at: Some((now + RECEIPT_TTL).timestamp()),
            body: to_body(key),
        };
        self.push(
            Write::Put {
                item,
                condition: Condition::None,
            },
            OnConflict::Stale,
        );
    }
}

impl Store {
    /// The entry an SNS message id carried (an expired receipt the TTL has not removed yet
    /// still answers: it names an entry, which is harmless to name late).
    pub async fn sms_receipt(&self, message_id: &str) -> Result<Option<OutboxKey>> {
        Ok(self
            .get::<OutboxKey>(&keys::sms_receipt_pk(message_id), keys::SMS_RECEIPT_SK)
            .await?
            .map(|v| v.value))
    }
}
