//! An in-memory [`Table`] with DynamoDB's semantics: conditional all-or-nothing transactions,
//! `Query` by sort-key prefix in either direction with `Limit` and an exclusive start key.
//!
//! Durability: when given a file, every committed transaction is appended to it as one JSON
//! line before the call returns (written, not fsynced: a crash of the machine may lose the last
//! transactions, a crash of the process does not). The line is encoded and written after the
//! table is unlocked, in commit order, and the lines of transactions committing together are
//! written with one system call (a group commit: see `Journal`); each transaction returns
//! once its own line is written. Other requests may read a change while its line is being
//! written (as Redis does with its append-only file), so a crash of the process at that moment
//! loses a change someone may have seen, never one acknowledged to its writer. Should a write
//! fail, the transactions of that write fail (their changes, already in memory, stay visible
//! until a restart) and the table takes no more changes until a restart, which goes back to
//! what the journal holds. On open the journal is replayed (a torn last line is skipped; any
//! other unreadable line stops the table from opening: see `MemoryTable::open`) and then
//! compacted into one line per partition. A body shared by several items of a line (a member and its search
//! entries) is written once, and shared again when the line is read back.
//!
//! Memory: an item's body is kept in the form it was written in, which for the store's records
//! is JSON text (a member and its search entries share one): the journal writes it as it is,
//! and a read hands it back to be deserialised straight into its record, so a record never
//! exists here as a `serde_json::Value` (whose nodes took five times the memory, and the
//! kernel's time to zero fresh pages for them). Counters are values, read and changed in place.
//! A body that is not text yet is turned into text before the table is locked, so a transaction
//! holds the lock for its checks and its counters only (its journal line is encoded after), and
//! reads share the lock.

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Write as _};
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::RwLock;
use std::sync::atomic::{AtomicBool, Ordering};

use async_trait::async_trait;

use crate::ports::{Body, Condition, Found, Item, Page, Query, Table, TableError, Write};

mod journal;
mod partitions;

use journal::*;
use partitions::*;

#[derive(Clone)]
struct Stored {
    version: u64,
    expires_at: Option<i64>,
    body: Body,
}

#[derive(Default)]
struct State {
    partitions: Partitions,
    /// How many transactions have been committed: a transaction's number is its place in
    /// the journal.
    committed: u64,
}

pub struct MemoryTable {
    state: RwLock<State>,
    /// The journal. Neither reads nor the next transaction's checks wait for a line's
    /// encoding or write.
    journal: Option<Journal>,
    /// A journal write failed: the table refuses every later change (until a restart, which
    /// goes back to what the journal holds).
    journal_failed: AtomicBool,
}

impl Default for MemoryTable {
    fn default() -> Self {
        Self::new()
    }
}

impl MemoryTable {
    /// A table that lives only in memory.
    pub fn new() -> Self {
        Self {
            state: RwLock::new(State::default()),
            journal: None,
            journal_failed: AtomicBool::new(false),
        }
    }

    /// A table kept in `path` across restarts.
    ///
    /// The journal is replayed line by line. Only its last line may be damaged, by a write the
    /// process died in (cut short, without its newline, perhaps inside a character): that line
    /// is skipped with a warning, since its transaction was never acknowledged. Any other line
    /// that cannot be read is damage no crash explains, and skipping it would lose its
    /// transaction for good at the compaction below: the table refuses to open
    /// ([`CorruptJournal`], as an `InvalidData` error) and leaves the file as it is.
    pub fn open(path: &Path) -> std::io::Result<Self> {
        let mut partitions = Partitions::default();
        if path.exists() {
            replay(path, &mut partitions)?;
        }
        // Compact: rewrite the journal as one line of live items, then append from there.
        let tmp: PathBuf = path.with_extension("compacting");
        {
            let mut w = BufWriter::new(File::create(&tmp)?);
            for (pk, items) in &partitions {
                let entries = items
                    .iter()
                    .map(|(sk, s)| (pk.as_str(), sk.as_str(), Some(s)));
                write_line(&mut w, entries)?;
                w.write_all(b"\n")?;
            }
            w.flush()?;
            w.get_ref().sync_all()?;
        }
        std::fs::rename(&tmp, path)?;
        let journal = OpenOptions::new().append(true).open(path)?;
        Ok(Self {
            state: RwLock::new(State {
                partitions,
                committed: 0,
            }),
            journal: Some(Journal::new(journal)),
            journal_failed: AtomicBool::new(false),
        })
    }
}

impl MemoryTable {
    /// The state, read by one operation that never waits while it holds it (a plain lock is
    /// cheaper than an async one; a panic elsewhere leaves the data as it was committed).
    /// Reads share it: under an invitation load, reads are six of every seven takings, and
    /// with a mutex one worker waited for the other (a futex wait and wake, and two task
    /// switches) on almost every invitation.
    fn shared_state(&self) -> std::sync::RwLockReadGuard<'_, State> {
        self.state.read().unwrap_or_else(|p| p.into_inner())
    }

    /// The state, for one transaction.
    fn exclusive_state(&self) -> std::sync::RwLockWriteGuard<'_, State> {
        self.state.write().unwrap_or_else(|p| p.into_inner())
    }
}

/// Applies one entry of a transaction (replayed from the journal, or just committed).
fn apply(partitions: &mut Partitions, pk: &str, sk: String, item: Option<Stored>) {
    match item {
        Some(item) => match partitions.get_mut(pk) {
            Some(p) => p.insert(sk, item),
            None => {
                partitions.insert(pk.to_string(), Partition::One(sk, item));
            }
        },
        None => {
            if partitions.get_mut(pk).is_some_and(|p| p.remove(&sk)) {
                partitions.remove(pk);
            }
        }
    }
}

/// A counter item as it stands (its version, TTL and body), or a new one at zero.
fn counter(state: &State, pk: &str, sk: &str) -> (u64, Option<i64>, serde_json::Value) {
    match state.partitions.get(pk).and_then(|p| p.get(sk)) {
        Some(s) => {
            let body = if s.body.is_object() {
                s.body.value().clone()
            } else {
                serde_json::json!({})
            };
            (s.version, s.expires_at, body)
        }
        None => (0, None, serde_json::json!({})),
    }
}

fn field(stored: Option<&Stored>, field: &str) -> i64 {
    stored
        .and_then(|s| s.body.get(field).and_then(|v| v.as_i64()))
        .unwrap_or(0)
}

fn holds(condition: &Condition, current: Option<&Stored>) -> bool {
    match condition {
        Condition::None => true,
        Condition::NotExists => current.is_none(),
        Condition::Version(v) => current.is_some_and(|c| c.version == *v),
    }
}

fn key_of(w: &Write) -> (&str, &str) {
    match w {
        Write::Put { item, .. } => (&item.pk, &item.sk),
        Write::Delete { pk, sk, .. } | Write::Add { pk, sk, .. } | Write::Bump { pk, sk, .. } => {
            (pk, sk)
        }
    }
}

impl MemoryTable {
    /// Checks a transaction's conditions and applies its writes, all or nothing, under the
    /// state's lock. The items put or deleted move into the table as they are; with a journal,
    /// their entries are already in `line` (encoded before the lock was taken), and the
    /// counters changed here are handed back with the transaction's number, for their entries.
    fn commit_in_memory(
        &self,
        writes: Vec<Write>,
    ) -> Result<Option<(u64, Vec<JournalEntry>)>, TableError> {
        let mut state = self.exclusive_state();
        if self.journal_failed.load(Ordering::SeqCst) {
            return Err(TableError::Unavailable(
                "the journal could not be written: restart the local server".into(),
            ));
        }
        // Check every condition first: all or nothing.
        for (index, w) in writes.iter().enumerate() {
            // The item is looked up only for a condition on it (a member's search entries
            // and the uncapped counters have none).
            let current = || {
                let (pk, sk) = key_of(w);
                state.partitions.get(pk).and_then(|p| p.get(sk))
            };
            let ok = match w {
                Write::Put { condition, .. } | Write::Delete { condition, .. } => {
                    matches!(condition, Condition::None) || holds(condition, current())
                }
                Write::Add {
                    deltas, ceiling, ..
                } => ceiling.as_ref().is_none_or(|c| {
                    let delta: i64 = deltas
                        .iter()
                        .filter(|(f, _)| *f == c.field)
                        .map(|(_, d)| d)
                        .sum();
                    field(current(), &c.field) + delta <= c.max
                }),
                Write::Bump {
                    field: f, by, max, ..
                } => field(current(), f) + by <= *max,
            };
            if !ok {
                return Err(TableError::ConditionFailed { index });
            }
        }
        let journaled = self.journal.is_some();
        let mut counters = Vec::new();
        for w in writes {
            // A counter's new state is computed here: its journal entry is kept for the line.
            let counter_changed = matches!(w, Write::Bump { .. } | Write::Add { .. });
            let (pk, sk, item) = match w {
                Write::Put { item, .. } => {
                    let stored = Stored {
                        version: item.version,
                        expires_at: item.expires_at,
                        body: item.body,
                    };
                    (item.pk, item.sk, Some(stored))
                }
                Write::Delete { pk, sk, .. } => (pk, sk, None),
                Write::Bump {
                    pk,
                    sk,
                    field,
                    by,
                    expires_at,
                    ..
                } => {
                    let (version, _, mut body) = counter(&state, &pk, &sk);
                    let now = body.get(field).and_then(|v| v.as_i64()).unwrap_or(0);
                    body[field] = serde_json::json!(now + by);
                    let stored = Stored {
                        version: version + 1,
                        expires_at: Some(expires_at),
                        body: body.into(),
                    };
                    (pk, sk, Some(stored))
                }
                Write::Add {
                    pk,
                    sk,
                    deltas,
                    remove,
                    ..
                } => {
                    let (version, expires_at, mut body) = counter(&state, &pk, &sk);
                    for (field, delta) in deltas {
                        let now = body.get(&field).and_then(|v| v.as_i64()).unwrap_or(0);
                        body[field.as_str()] = serde_json::json!(now + delta);
                    }
                    if let Some(body) = body.as_object_mut() {
                        for field in &remove {
                            body.remove(field);
                        }
                    }
                    let stored = Stored {
                        version: version + 1,
                        expires_at,
                        body: body.into(),
                    };
                    (pk, sk, Some(stored))
                }
            };
            if journaled && counter_changed {
                counters.push(JournalEntry {
                    pk: pk.clone(),
                    sk: sk.clone(),
                    item: item.clone(),
                });
            }
            apply(&mut state.partitions, &pk, sk, item);
        }
        if !journaled {
            return Ok(None);
        }
        state.committed += 1;
        Ok(Some((state.committed, counters)))
    }
}

#[async_trait]
impl Table for MemoryTable {
    async fn get(&self, pk: &str, sk: &str) -> Result<Option<Item>, TableError> {
        // Nothing is allocated while the state is held.
        let found = self
            .shared_state()
            .partitions
            .get(pk)
            .and_then(|p| p.get(sk))
            .cloned();
        Ok(found.map(|s| Item {
            pk: pk.to_string(),
            sk: sk.to_string(),
            version: s.version,
            expires_at: s.expires_at,
            body: s.body,
        }))
    }

    /// Every read here sees every committed write.
    async fn get_eventual(&self, pk: &str, sk: &str) -> Result<Option<Item>, TableError> {
        self.get(pk, sk).await
    }

    /// The stored body itself (shared), and no copy of the keys.
    async fn read(&self, pk: &str, sk: &str, _: bool) -> Result<Option<Found>, TableError> {
        Ok(self
            .shared_state()
            .partitions
            .get(pk)
            .and_then(|p| p.get(sk))
            .map(|s| Found {
                version: s.version,
                body: s.body.clone(),
            }))
    }

    async fn query(&self, q: &Query) -> Result<Page, TableError> {
        let state = self.shared_state();
        let Some(partition) = state.partitions.get(&q.pk) else {
            return Ok(Page::default());
        };
        let lower = q.sk_prefix.clone();
        let upper = format!("{}\u{10FFFF}", q.sk_prefix);
        let (lo, hi) = match (&q.start_after, q.forward) {
            (Some(after), true) if *after >= lower => {
                (Bound::Excluded(after.clone()), Bound::Excluded(upper))
            }
            (Some(after), false) if *after <= upper => {
                (Bound::Included(lower), Bound::Excluded(after.clone()))
            }
            _ => (Bound::Included(lower), Bound::Excluded(upper)),
        };
        let to_item = |(sk, s): (&String, &Stored)| Item {
            pk: q.pk.clone(),
            sk: sk.clone(),
            version: s.version,
            expires_at: s.expires_at,
            body: s.body.clone(),
        };
        let range = partition
            .range((lo, hi))
            .filter(|(sk, _)| sk.starts_with(&q.sk_prefix));
        let items: Vec<Item> = if q.forward {
            range.take(q.limit).map(to_item).collect()
        } else {
            range.rev().take(q.limit).map(to_item).collect()
        };
        let last_sk = if items.len() == q.limit {
            items.last().map(|i| i.sk.clone())
        } else {
            None
        };
        Ok(Page { items, last_sk })
    }

    async fn transact(&self, writes: Vec<Write>) -> Result<(), TableError> {
        if writes.len() > 100 {
            return Err(TableError::Unavailable(
                "a transaction holds at most 100 writes".into(),
            ));
        }
        // At most 100 writes, mostly a handful: a pairwise check beats hashing the keys. The
        // sort keys first: a transaction's writes mostly share their partition key.
        for (i, w) in writes.iter().enumerate() {
            let (pk, sk) = key_of(w);
            if writes[..i].iter().any(|e| {
                let (p, s) = key_of(e);
                s == sk && p == pk
            }) {
                return Err(TableError::Unavailable(format!(
                    "two writes to one item: {:?}",
                    key_of(w)
                )));
            }
        }
        // The bodies' text, made (if a body is not text already) before the lock is taken;
        // a member and its search entries share one. With a journal, the entries of the items
        // put or deleted are encoded now too, from the writes (the table then takes the
        // items themselves, and copies nothing for the line).
        let mut line = self
            .journal
            .as_ref()
            .map(|_| LineWriter::new(Vec::with_capacity(2048)));
        let mut encoded = Ok(());
        for w in &writes {
            match (w, &mut line) {
                (Write::Put { item, .. }, Some(line)) => {
                    let entry = ItemRef {
                        version: item.version,
                        expires_at: item.expires_at,
                        body: &item.body,
                    };
                    encoded = encoded.and_then(|()| line.entry(&item.pk, &item.sk, Some(entry)));
                }
                (Write::Put { item, .. }, None) => {
                    item.body.text();
                }
                (Write::Delete { pk, sk, .. }, Some(line)) => {
                    encoded = encoded.and_then(|()| line.entry(pk, sk, None));
                }
                _ => {}
            }
        }
        let Some((number, counters)) = self.commit_in_memory(writes)? else {
            return Ok(());
        };
        let (Some(journal), Some(mut line)) = (&self.journal, line) else {
            return Ok(());
        };
        for c in &counters {
            encoded =
                encoded.and_then(|()| line.entry(&c.pk, &c.sk, c.item.as_ref().map(ItemRef::from)));
        }
        drop(counters);
        let mut line = line.finish();
        line.push(b'\n');
        if journal.record(number, encoded.ok().map(|()| line)).await {
            return Ok(());
        }
        self.journal_failed.store(true, Ordering::SeqCst);
        Err(TableError::Unavailable(
            "journal write failed: the table takes no more changes until a restart".into(),
        ))
    }
}

#[cfg(test)]
mod tests;
