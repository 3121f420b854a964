//! An in-memory [`Table`] with DynamoDB's semantics: conditional all-or-nothing transactions,
//! `Query` by sort-key prefix in either direction with `Limit` and an exclusive start key.
//!
//! Durability: when given a file, every committed transaction is appended to it as one JSON
//! line before the call returns (written, not fsynced: a crash of the machine may lose the last
//! transactions, a crash of the process does not). On open the journal is replayed and then
//! compacted into one line per live item.

use std::collections::{BTreeMap, HashMap};
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, BufWriter, Write as _};
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use std::sync::Mutex;

use crate::ports::{Condition, Item, Page, Query, Table, TableError, Write};

#[derive(Clone, Serialize, Deserialize)]
struct Stored {
    version: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    expires_at: Option<i64>,
    body: Arc<serde_json::Value>,
}

/// One journal line: the items a transaction left behind (`None`: deleted).
#[derive(Serialize, Deserialize)]
struct JournalEntry {
    pk: String,
    sk: String,
    #[serde(default)]
    item: Option<Stored>,
}

#[derive(Default)]
struct State {
    partitions: HashMap<String, BTreeMap<String, Stored>>,
    journal: Option<BufWriter<File>>,
}

pub struct MemoryTable {
    state: Mutex<State>,
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
            state: Mutex::new(State::default()),
        }
    }

    /// A table kept in `path` across restarts.
    pub fn open(path: &Path) -> std::io::Result<Self> {
        let mut partitions: HashMap<String, BTreeMap<String, Stored>> = HashMap::new();
        if path.exists() {
            let reader = BufReader::new(File::open(path)?);
            for (n, line) in reader.lines().enumerate() {
                let line = line?;
                if line.trim().is_empty() {
                    continue;
                }
                let entries: Vec<JournalEntry> = match serde_json::from_str(&line) {
                    Ok(e) => e,
                    // A torn last line (the process died mid-write) is the only expected damage.
                    Err(e) => {
                        tracing::warn!(line = n + 1, error = %e, "skipping an unreadable journal line");
                        continue;
                    }
                };
                apply(&mut partitions, entries);
            }
        }
        // Compact: rewrite the journal as one line of live items, then append from there.
        let tmp: PathBuf = path.with_extension("compacting");
        {
            let mut w = BufWriter::new(File::create(&tmp)?);
            for (pk, items) in &partitions {
                let entries: Vec<JournalEntry> = items
                    .iter()
                    .map(|(sk, s)| JournalEntry {
                        pk: pk.clone(),
                        sk: sk.clone(),
                        item: Some(s.clone()),
                    })
                    .collect();
                serde_json::to_writer(&mut w, &entries)?;
                w.write_all(b"\n")?;
            }
            w.flush()?;
            w.get_ref().sync_all()?;
        }
        std::fs::rename(&tmp, path)?;
        let journal = BufWriter::new(OpenOptions::new().append(true).open(path)?);
        Ok(Self {
            state: Mutex::new(State {
                partitions,
                journal: Some(journal),
            }),
        })
    }
}

impl MemoryTable {
    /// The state, for one operation that never waits while it holds it (a plain mutex is
    /// cheaper than an async one; a panic elsewhere leaves the data as it was committed).
    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }
}

fn apply(partitions: &mut HashMap<String, BTreeMap<String, Stored>>, entries: Vec<JournalEntry>) {
    for e in entries {
        match e.item {
            Some(item) => {
                partitions.entry(e.pk).or_default().insert(e.sk, item);
            }
            None => {
                if let Some(p) = partitions.get_mut(&e.pk) {
                    p.remove(&e.sk);
                    if p.is_empty() {
                        partitions.remove(&e.pk);
                    }
                }
            }
        }
    }
}

/// A counter item as it stands, or a new one at zero.
fn counter(state: &State, pk: &str, sk: &str) -> Stored {
    let mut stored = state
        .partitions
        .get(pk)
        .and_then(|p| p.get(sk))
        .cloned()
        .unwrap_or(Stored {
            version: 0,
            expires_at: None,
            body: Arc::new(serde_json::json!({})),
        });
    if !stored.body.is_object() {
        stored.body = Arc::new(serde_json::json!({}));
    }
    stored
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

#[async_trait]
impl Table for MemoryTable {
    async fn get(&self, pk: &str, sk: &str) -> Result<Option<Item>, TableError> {
        let state = self.lock();
        Ok(state
            .partitions
            .get(pk)
            .and_then(|p| p.get(sk))
            .map(|s| Item {
                pk: pk.to_string(),
                sk: sk.to_string(),
                version: s.version,
                expires_at: s.expires_at,
                body: s.body.clone(),
            }))
    }

    /// Every read here sees every committed write.
    async fn get_eventual(&self, pk: &str, sk: &str) -> Result<Option<Item>, TableError> {
        self.get(pk, sk).await
    }

    async fn query(&self, q: &Query) -> Result<Page, TableError> {
        let state = self.lock();
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
        let mut keys = std::collections::HashSet::new();
        for w in &writes {
            if !keys.insert(key_of(w)) {
                return Err(TableError::Unavailable(format!(
                    "two writes to one item: {:?}",
                    key_of(w)
                )));
            }
        }
        let mut state = self.lock();
        // Check every condition first: all or nothing.
        for (index, w) in writes.iter().enumerate() {
            let (pk, sk) = key_of(w);
            let current = state.partitions.get(pk).and_then(|p| p.get(sk));
            let ok = match w {
                Write::Put { condition, .. } | Write::Delete { condition, .. } => {
                    holds(condition, current)
                }
                Write::Add {
                    deltas, ceiling, ..
                } => ceiling.as_ref().is_none_or(|c| {
                    let delta: i64 = deltas
                        .iter()
                        .filter(|(f, _)| *f == c.field)
                        .map(|(_, d)| d)
                        .sum();
                    current
                        .and_then(|s| s.body.get(&c.field))
                        .and_then(|v| v.as_i64())
                        .unwrap_or(0)
                        + delta
                        <= c.max
                }),
                Write::Bump { field, by, max, .. } => {
                    current
                        .and_then(|c| c.body.get(*field))
                        .and_then(|v| v.as_i64())
                        .unwrap_or(0)
                        + by
                        <= *max
                }
            };
            if !ok {
                return Err(TableError::ConditionFailed { index });
            }
        }
        let mut entries = Vec::with_capacity(writes.len());
        for w in writes {
            match w {
                Write::Put { item, .. } => {
                    let stored = Stored {
                        version: item.version,
                        expires_at: item.expires_at,
                        body: item.body,
                    };
                    entries.push(JournalEntry {
                        pk: item.pk,
                        sk: item.sk,
                        item: Some(stored),
                    });
                }
                Write::Delete { pk, sk, .. } => entries.push(JournalEntry { pk, sk, item: None }),
                Write::Bump {
                    pk,
                    sk,
                    field,
                    by,
                    expires_at,
                    ..
                } => {
                    let mut stored = counter(&state, &pk, &sk);
                    let body = Arc::make_mut(&mut stored.body);
                    let now = body.get(field).and_then(|v| v.as_i64()).unwrap_or(0);
                    body[field] = serde_json::json!(now + by);
                    stored.version += 1;
                    stored.expires_at = Some(expires_at);
                    entries.push(JournalEntry {
                        pk,
                        sk,
                        item: Some(stored),
                    });
                }
                Write::Add {
                    pk,
                    sk,
                    deltas,
                    remove,
                    ..
                } => {
                    let mut stored = counter(&state, &pk, &sk);
                    let body = Arc::make_mut(&mut stored.body);
                    for (field, delta) in deltas {
                        let now = body.get(&field).and_then(|v| v.as_i64()).unwrap_or(0);
                        body[field.as_str()] = serde_json::json!(now + delta);
                    }
                    if let Some(body) = body.as_object_mut() {
                        for field in &remove {
                            body.remove(field);
                        }
                    }
                    stored.version += 1;
                    entries.push(JournalEntry {
                        pk,
                        sk,
                        item: Some(stored),
                    });
                }
            }
        }
        if let Some(journal) = state.journal.as_mut() {
            let written = serde_json::to_writer(&mut *journal, &entries)
                .map_err(std::io::Error::from)
                .and_then(|_| journal.write_all(b"\n"))
                .and_then(|_| journal.flush());
            if let Err(e) = written {
                return Err(TableError::Unavailable(format!(
                    "journal write failed: {e}"
                )));
            }
        }
        apply(&mut state.partitions, entries);
        Ok(())
    }
}
