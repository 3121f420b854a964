//! Ports: what the use cases need from the outside world. Adapters live in `adapters`.
//!
//! The store is written once, in `store`, against the narrow [`Table`] port: a key-value table
//! with DynamoDB's semantics (items under a partition key and a sort key, `Query` by sort-key
//! prefix with a page limit, and all-or-nothing conditional transactions). The in-memory table
//! and the DynamoDB table both implement it and pass the same conformance suite, so the key
//! design exists in exactly one place and the two backends cannot drift apart.

use std::sync::{Arc, OnceLock};

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::value::RawValue;

/// One stored item. `body` holds the domain record (shared: a member and its search entries
/// hold one body, and an in-memory read hands out the stored one without copying it);
/// `version` supports optimistic concurrency; `expires_at` is the TTL attribute (epoch
/// seconds) for items the table may reap.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub pk: String,
    pub sk: String,
    pub version: u64,
    pub expires_at: Option<i64>,
    pub body: Body,
}

/// An item's body, a JSON object: held as the text or the value it was made from, and turned
/// into the other at most once, when something asks for it. A record written as text and read
/// back into a record never becomes a `serde_json::Value` (the in-memory table keeps text,
/// DynamoDB's attributes map to values). Clones share one body. Reads as a value (`Deref`).
#[derive(Clone)]
pub struct Body(Arc<Forms>);

struct Forms {
    text: OnceLock<Box<RawValue>>,
    value: OnceLock<serde_json::Value>,
    /// The record decoded by [`Body::record_kept`], for the next read of the same body.
    kept: OnceLock<Box<dyn std::any::Any + Send + Sync>>,
}

impl Body {
    /// A record's body as JSON text.
    pub fn of<T: Serialize + ?Sized>(record: &T) -> Result<Self, serde_json::Error> {
        serde_json::value::to_raw_value(record).map(Self::from_text)
    }

    pub fn from_text(text: Box<RawValue>) -> Self {
        Self(Arc::new(Forms {
            text: OnceLock::from(text),
            value: OnceLock::new(),
            kept: OnceLock::new(),
        }))
    }

    /// The body as JSON text.
    pub fn text(&self) -> &RawValue {
        self.0.text.get_or_init(|| {
            let value = self.0.value.get().unwrap_or(&serde_json::Value::Null);
            // A value always serialises (its keys are strings).
            serde_json::value::to_raw_value(value).unwrap_or_default()
        })
    }

    /// The body as a value.
    pub fn value(&self) -> &serde_json::Value {
        self.0.value.get_or_init(|| {
            let text = self.0.text.get().map(|t| t.get()).unwrap_or("null");
            // The text was written from a value, or read back from what was.
            serde_json::from_str(text).unwrap_or_default()
        })
    }

    /// The same number for a body and its clones, and only for them (while they live).
    pub fn identity(&self) -> usize {
        Arc::as_ptr(&self.0) as usize
    }

    /// The record the body holds, from whichever form is at hand.
    pub fn record<T: serde::de::DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        match (self.0.value.get(), self.0.text.get()) {
            (Some(value), _) => T::deserialize(value),
            (None, Some(text)) => serde_json::from_str(text.get()),
            (None, None) => T::deserialize(serde_json::Value::Null),
        }
    }

    /// The record the body holds, decoded once and kept with the body: a later read of the
    /// same body (while it is unchanged, as the in-memory table hands it out) as the same type
    /// shares it. For the small records read on every request (a caller's access, the
    /// tenant's settings, the inviter's name); a body keeps one decoded type, the first asked.
    pub fn record_shared<T>(&self) -> Result<Arc<T>, serde_json::Error>
    where
        T: serde::de::DeserializeOwned + Send + Sync + 'static,
    {
        if let Some(kept) = self.0.kept.get().and_then(|k| k.downcast_ref::<Arc<T>>()) {
            return Ok(kept.clone());
        }
        let record = Arc::new(self.record::<T>()?);
        let _ = self.0.kept.set(Box::new(record.clone()));
        Ok(record)
    }

    /// [`Body::record_shared`], as a record of its own.
    pub fn record_kept<T>(&self) -> Result<T, serde_json::Error>
    where
        T: serde::de::DeserializeOwned + Clone + Send + Sync + 'static,
    {
        self.record_shared::<T>().map(|r| T::clone(&r))
    }
}

impl From<serde_json::Value> for Body {
    fn from(value: serde_json::Value) -> Self {
        Self(Arc::new(Forms {
            text: OnceLock::new(),
            value: OnceLock::from(value),
            kept: OnceLock::new(),
        }))
    }
}

impl std::ops::Deref for Body {
    type Target = serde_json::Value;

    fn deref(&self) -> &serde_json::Value {
        self.value()
    }
}

impl PartialEq for Body {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.value() == other.value()
    }
}

impl std::fmt::Debug for Body {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.text().get())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Condition {
    None,
    /// The item must not exist (uniqueness guards, creations).
    NotExists,
    /// The item must exist with exactly this version (read-modify-write).
    Version(u64),
}

#[derive(Clone, Debug)]
pub enum Write {
    Put {
        item: Item,
        condition: Condition,
    },
    Delete {
        pk: String,
        sk: String,
        condition: Condition,
    },
    /// Adds to numeric fields of the body, creating the item (and fields) at zero when missing,
    /// and removes the fields named in `remove`. With a `ceiling`, the condition is that the
    /// ceiling's field, after its delta, stays at most its `max` (a rate limit counted on a
    /// counter item).
    Add {
        pk: String,
        sk: String,
        deltas: Vec<(String, i64)>,
        ceiling: Option<Ceiling>,
        remove: Vec<String>,
    },
    /// Adds `by` to the counter `field` only if it stays at most `max` (a rate limit), setting
    /// the item's TTL; the condition fails otherwise.
    Bump {
        pk: String,
        sk: String,
        field: &'static str,
        by: i64,
        max: i64,
        expires_at: i64,
    },
}

/// A limit on one field of an [`Write::Add`]: after the add it is at most `max`.
#[derive(Clone, Debug, PartialEq)]
pub struct Ceiling {
    pub field: String,
    pub max: i64,
}

impl Write {
    /// A plain `ADD` of counters.
    pub fn add(pk: String, sk: String, deltas: Vec<(String, i64)>) -> Self {
        Write::Add {
            pk,
            sk,
            deltas,
            ceiling: None,
            remove: Vec::new(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Query {
    pub pk: String,
    pub sk_prefix: String,
    /// Ascending sort-key order when true.
    pub forward: bool,
    /// How many items to evaluate at most (DynamoDB's `Limit`).
    pub limit: usize,
    /// Continue after this sort key (DynamoDB's `ExclusiveStartKey`).
    pub start_after: Option<String>,
    /// Strongly consistent (every write acknowledged before it is seen), or eventually
    /// consistent: half the read units, for reads that a moment's staleness cannot harm.
    pub consistent: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Page {
    pub items: Vec<Item>,
    /// The sort key of the last item evaluated, when the limit was reached (DynamoDB's
    /// `LastEvaluatedKey`: it may be set even when nothing follows).
    pub last_sk: Option<String>,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum TableError {
    /// The condition of write number `index` failed; nothing was written.
    #[error("condition of write {index} failed")]
    ConditionFailed { index: usize },
    /// Throttled, timed out, or failed on the service's side (a 5xx, after the SDK's retries):
    /// try again later (after a timeout or a 5xx the write may have landed).
    #[error("throttled")]
    Throttled,
    /// Cancelled because a concurrent transaction held one of its items: nothing was written,
    /// and reading afresh and trying again is safe at once.
    #[error("cancelled by a concurrent transaction")]
    Conflict,
    #[error("table unavailable: {0}")]
    Unavailable(String),
}

/// What a read of one item finds besides its keys (which the reader has).
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub version: u64,
    pub body: Body,
}

#[async_trait]
pub trait Table: Send + Sync {
    /// A strongly consistent read of one item.
    async fn get(&self, pk: &str, sk: &str) -> Result<Option<Item>, TableError>;
    /// An eventually consistent read of one item (half the read units; it may miss a write of
    /// the last second). A table that has only one kind of read answers it like [`Table::get`].
    async fn get_eventual(&self, pk: &str, sk: &str) -> Result<Option<Item>, TableError>;
    /// [`Table::get`] (`consistent`) or [`Table::get_eventual`], without the item's keys: what
    /// the store decodes. A table that keeps its items in memory hands out the stored body and
    /// copies nothing (an invitation reads six items).
    async fn read(
        &self,
        pk: &str,
        sk: &str,
        consistent: bool,
    ) -> Result<Option<Found>, TableError> {
        let item = if consistent {
            self.get(pk, sk).await?
        } else {
            self.get_eventual(pk, sk).await?
        };
        Ok(item.map(|i| Found {
            version: i.version,
            body: i.body,
        }))
    }
    async fn query(&self, query: &Query) -> Result<Page, TableError>;
    /// Applies every write or none. At most 100 writes, each to a distinct item.
    async fn transact(&self, writes: Vec<Write>) -> Result<(), TableError>;
}

/// An email to send: a multipart message with plain text and HTML.
#[derive(Clone, Debug, Default, Serialize)]
pub struct EmailMessage {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// The sender's display name (a tenant's branding); the address stays the service's.
    pub sender_name: Option<String>,
    pub reply_to: Option<String>,
}

/// `name <address>` as a From header holds it: the name quoted, or encoded (RFC 2047) when it is
/// not plain ASCII. `address` may already be `Name <address>`: its name is replaced.
pub fn mailbox(name: &str, address: &str) -> String {
    let address = match (address.find('<'), address.rfind('>')) {
        (Some(open), Some(close)) if open < close => &address[open + 1..close],
        _ => address.trim(),
    };
    let plain = name
        .chars()
        .all(|c| c.is_ascii_graphic() && !"\"\\".contains(c) || c == ' ');
    if plain {
        return format!("\"{name}\" <{address}>");
    }
    // Encoded words are at most 75 characters: 45 bytes of UTF-8 each (60 in base64), cut
    // between characters, joined by spaces (which a reader drops between encoded words).
    use base64::Engine as _;
    let mut words = Vec::new();
    let mut chunk = String::new();
    for c in name.chars() {
        if chunk.len() + c.len_utf8() > 45 {
            words.push(std::mem::take(&mut chunk));
        }
        chunk.push(c);
    }
    words.push(chunk);
    let encoded: Vec<String> = words
        .iter()
        .map(|w| {
            let b = base64::engine::general_purpose::STANDARD.encode(w);
            format!("=?UTF-8?B?{b}?=")
        })
        .collect();
    format!("{} <{address}>", encoded.join(" "))
}

#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// Throttled, timed out, or failed on the provider's side (a 5xx, after the SDK's
    /// retries): worth trying again later.
    #[error("throttled by the provider")]
    Throttled,
    #[error("refused: {0}")]
    Refused(String),
}

#[async_trait]
pub trait Mailer: Send + Sync {
    async fn send_email(&self, message: &EmailMessage) -> Result<(), SendError>;
    /// Sends a message of the outbox, under the key that names it once.
    async fn send_email_once(&self, message: &EmailMessage, _key: &str) -> Result<(), SendError> {
        self.send_email(message).await
    }
    /// Whether the message sent under `key` was taken: `None` when the provider cannot tell
    /// (SES cannot), so that an attempt that died while sending is not sent again blindly.
    async fn took_email(&self, _key: &str) -> Option<bool> {
        None
    }
}

/// Where "now" comes from. The local server's clock can be moved forward.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

/// A text message to an E.164 number.
#[derive(Clone, Debug, Serialize)]
pub struct SmsMessage {
    pub to: String,
    pub text: String,
}

#[async_trait]
pub trait SmsSender: Send + Sync {
    async fn send_sms(&self, message: &SmsMessage) -> Result<(), SendError>;
    /// As [`Mailer::send_email_once`]; answers the provider's id of the message when it has
    /// one (SNS's message id, which its delivery-status log names the receipt by).
    async fn send_sms_once(
        &self,
        message: &SmsMessage,
        _key: &str,
    ) -> Result<Option<String>, SendError> {
        self.send_sms(message).await.map(|()| None)
    }
    /// As [`Mailer::took_email`].
    async fn took_sms(&self, _key: &str) -> Option<bool> {
        None
    }
}

/// What a deferred send carries to the `dispatch` function.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct DeferredSend {
    pub tenant: uuid::Uuid,
    pub user: uuid::Uuid,
    pub generation: u32,
}

#[derive(Debug, thiserror::Error)]
pub enum ScheduleError {
    /// Throttled, timed out, or failed on the scheduler's side (a 5xx, after the SDK's
    /// retries): worth trying again later.
    #[error("throttled by the scheduler")]
    Throttled,
    #[error("scheduler failed: {0}")]
    Failed(String),
}

/// One-time schedules for deferred sends.
#[async_trait]
pub trait Scheduler: Send + Sync {
    /// Fires `send` once at the wall-clock time `at` in the IANA `timezone`.
    async fn schedule(
        &self,
        name: &str,
        at: chrono::NaiveDateTime,
        timezone: &str,
        send: &DeferredSend,
    ) -> Result<(), ScheduleError>;
    /// Deletes a schedule; one that is already gone is not an error.
    async fn cancel(&self, name: &str) -> Result<(), ScheduleError>;
    /// The schedules due at `now` (the local server's timer and `/dev/scheduler/run`; in AWS
    /// the service fires them itself).
    async fn due(
        &self,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<(String, DeferredSend)>, ScheduleError>;
}

/// The UTC instant of a wall-clock time in an IANA timezone: `None` when the zone is unknown or
/// the time does not exist there (skipped by a daylight-saving change); the earlier of two
/// when it happens twice.
pub fn instant_in(
    at: chrono::NaiveDateTime,
    timezone: &str,
) -> Option<chrono::DateTime<chrono::Utc>> {
    let tz: chrono_tz::Tz = timezone.parse().ok()?;
    at.and_local_timezone(tz)
        .earliest()
        .map(|t| t.with_timezone(&chrono::Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sender_name_is_quoted_or_encoded_in_words_a_mail_reader_accepts() {
        assert_eq!(
            mailbox("Hotel Sol", "Invitations <no-reply@example.com>"),
            "\"Hotel Sol\" <no-reply@example.com>"
        );
        assert_eq!(
            mailbox("Hôtel Étoile", "no-reply@example.com"),
            "=?UTF-8?B?SMO0dGVsIMOJdG9pbGU=?= <no-reply@example.com>"
        );
        let long = "Ñ".repeat(64);
        let header = mailbox(&long, "no-reply@example.com");
        let words: Vec<&str> = header
            .trim_end_matches(" <no-reply@example.com>")
            .split(' ')
            .collect();
        assert!(words.len() > 1, "{header}");
        let mut decoded = String::new();
        for w in words {
            assert!(w.len() <= 75, "{w}");
            let b = w
                .strip_prefix("=?UTF-8?B?")
                .unwrap()
                .strip_suffix("?=")
                .unwrap();
            use base64::Engine as _;
            let bytes = base64::engine::general_purpose::STANDARD.decode(b).unwrap();
            decoded.push_str(std::str::from_utf8(&bytes).unwrap());
        }
        assert_eq!(decoded, long);
    }

    #[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
    struct Record {
        name: String,
        count: u32,
    }

    #[test]
    fn a_record_written_as_text_reads_back_without_ever_becoming_a_value() {
        let record = Record {
            name: "Ana \"Ruiz\"".into(),
            count: 3,
        };
        let body = Body::of(&record).unwrap();
        assert_eq!(body.text().get(), r#"{"name":"Ana \"Ruiz\"","count":3}"#);
        assert_eq!(body.clone().record::<Record>().unwrap(), record);
        assert!(body.0.value.get().is_none(), "no value was built");
        // Asked for as a value, it becomes one, once, shared by its clones.
        let clone = body.clone();
        assert_eq!(body["count"], 3);
        assert!(std::ptr::eq(body.value(), clone.value()));
    }

    #[test]
    fn a_body_made_from_a_value_has_the_same_text_and_record() {
        let body = Body::from(serde_json::json!({"name": "Bo", "count": 1}));
        let text: serde_json::Value = serde_json::from_str(body.text().get()).unwrap();
        assert_eq!(text, serde_json::json!({"name": "Bo", "count": 1}));
        assert_eq!(
            body.record::<Record>().unwrap(),
            Record {
                name: "Bo".into(),
                count: 1
            }
        );
        assert_eq!(body, Body::of(&body.record::<Record>().unwrap()).unwrap());
    }

    #[test]
    fn a_record_kept_is_decoded_once_and_read_again_as_it_was() {
        let body = Body::from_text(
            serde_json::value::to_raw_value(&serde_json::json!({"name": "Ana", "count": 3}))
                .unwrap(),
        );
        let first: Record = body.record_kept().unwrap();
        assert_eq!(first.name, "Ana");
        let kept = body
            .0
            .kept
            .get()
            .and_then(|k| k.downcast_ref::<Arc<Record>>());
        assert_eq!(
            kept.map(|k| &**k),
            Some(&first),
            "the decoded record is kept with the body"
        );
        assert!(Arc::ptr_eq(
            &body.record_shared::<Record>().unwrap(),
            &body.clone().record_shared::<Record>().unwrap()
        ));
        assert_eq!(body.clone().record_kept::<Record>().unwrap(), first);
        // Another type reads the body afresh.
        #[derive(serde::Deserialize, Clone, Debug, PartialEq)]
        struct Count {
            count: u32,
        }
        assert_eq!(body.record_kept::<Count>().unwrap(), Count { count: 3 });
        assert_eq!(body.record_kept::<Record>().unwrap(), first);
    }
}
