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

use std::collections::{BTreeMap, HashMap};
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, BufWriter, Write as _};
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, RwLock};

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::ports::{Body, Condition, Found, Item, Page, Query, Table, TableError, Write};

#[derive(Clone)]
struct Stored {
    version: u64,
    expires_at: Option<i64>,
    body: Body,
}

/// What a transaction left behind at one key (`None`: deleted).
struct JournalEntry {
    pk: String,
    sk: String,
    item: Option<Stored>,
}

/// One entry of a journal line as written. A body shared with an earlier entry of the line
/// (a member and its search entries share one) is written once: later entries name the
/// earlier one's place in the line.
#[derive(Serialize)]
struct LineEntry<'a> {
    pk: &'a str,
    sk: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    item: Option<LineItem<'a>>,
}

#[derive(Serialize)]
struct LineItem<'a> {
    version: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    expires_at: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<&'a RawValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    same_body_as: Option<usize>,
}

/// One entry of a journal line as read (lines written before `same_body_as` have every body).
#[derive(Deserialize)]
struct ReadEntry {
    pk: String,
    sk: String,
    #[serde(default)]
    item: Option<ReadItem>,
}

#[derive(Deserialize)]
struct ReadItem {
    version: u64,
    #[serde(default)]
    expires_at: Option<i64>,
    #[serde(default)]
    body: Option<Box<RawValue>>,
    #[serde(default)]
    same_body_as: Option<usize>,
}

/// What a journal entry says of an item.
struct ItemRef<'a> {
    version: u64,
    expires_at: Option<i64>,
    body: &'a Body,
}

impl<'a> From<&'a Stored> for ItemRef<'a> {
    fn from(s: &'a Stored) -> Self {
        ItemRef {
            version: s.version,
            expires_at: s.expires_at,
            body: &s.body,
        }
    }
}

/// One journal line on its way: a JSON array of entries, each body written once (a later entry
/// with the same body names the earlier one's place).
struct LineWriter {
    out: Vec<u8>,
    entries: usize,
    /// Each body written so far (by identity), with its entry's place.
    bodies: Vec<(usize, usize)>,
}

impl LineWriter {
    fn new(mut out: Vec<u8>) -> Self {
        out.push(b'[');
        Self {
            out,
            entries: 0,
            bodies: Vec::new(),
        }
    }

    /// Adds the entry of an item at `pk`, `sk` (`None`: deleted).
    fn entry(&mut self, pk: &str, sk: &str, item: Option<ItemRef<'_>>) -> serde_json::Result<()> {
        let n = self.entries;
        let item = item.map(|s| {
            let identity = s.body.identity();
            let earlier = match self.bodies.iter().find(|(b, _)| *b == identity) {
                Some((_, earlier)) => *earlier,
                None => {
                    self.bodies.push((identity, n));
                    n
                }
            };
            LineItem {
                version: s.version,
                expires_at: s.expires_at,
                body: (earlier == n).then(|| s.body.text()),
                same_body_as: (earlier != n).then_some(earlier),
            }
        });
        if n > 0 {
            self.out.push(b',');
        }
        serde_json::to_writer(&mut self.out, &LineEntry { pk, sk, item })?;
        self.entries += 1;
        Ok(())
    }

    /// The line, without its newline.
    fn finish(mut self) -> Vec<u8> {
        self.out.push(b']');
        self.out
    }
}

/// Writes one journal line (without its newline): the entries, each body once.
fn write_line<'a>(
    mut out: impl std::io::Write,
    entries: impl Iterator<Item = (&'a str, &'a str, Option<&'a Stored>)>,
) -> std::io::Result<()> {
    let mut line = LineWriter::new(Vec::new());
    for (pk, sk, item) in entries {
        line.entry(pk, sk, item.map(ItemRef::from))?;
    }
    out.write_all(&line.finish())
}

/// Reads one journal line back; an entry sharing an earlier one's body shares it in memory too.
fn read_line(line: &str) -> serde_json::Result<Vec<JournalEntry>> {
    let read: Vec<ReadEntry> = serde_json::from_str(line)?;
    let mut entries: Vec<JournalEntry> = Vec::with_capacity(read.len());
    for e in read {
        let item = match e.item {
            None => None,
            Some(i) => {
                let body = match (i.body, i.same_body_as) {
                    (Some(text), _) => Body::from_text(text),
                    (None, Some(n)) => entries
                        .get(n)
                        .and_then(|earlier| earlier.item.as_ref())
                        .map(|earlier| earlier.body.clone())
                        .ok_or_else(|| serde::de::Error::custom("same_body_as names no body"))?,
                    (None, None) => return Err(serde::de::Error::custom("an item without a body")),
                };
                Some(Stored {
                    version: i.version,
                    expires_at: i.expires_at,
                    body,
                })
            }
        };
        entries.push(JournalEntry {
            pk: e.pk,
            sk: e.sk,
            item,
        });
    }
    Ok(entries)
}

/// The partitions by key (most of them, under an invitation load, invitation tokens).
/// foldhash rather than SipHash: every operation hashes a key or two, and growing the map
/// rehashes every key while the table is locked. Timed apart with keys of the tokens' shape,
/// the growth past 458,752 partitions paused inserts for about 170 ms with SipHash and 95 ms
/// with foldhash. Its seed is random per process, so keys an attacker picks do not collide
/// at will.
type Partitions = HashMap<String, Partition, foldhash::fast::RandomState>;

/// The items of one partition by sort key. A partition of one item (each invitation token's,
/// most partitions under an invitation load) keeps it in place: a B-tree's first node has room
/// for eleven items, some 600 bytes more for every invitation, all of them fresh pages the
/// kernel zeroed.
enum Partition {
    One(String, Stored),
    Many(BTreeMap<String, Stored>),
}

impl Partition {
    fn get(&self, sk: &str) -> Option<&Stored> {
        match self {
            Partition::One(key, item) => (key == sk).then_some(item),
            Partition::Many(items) => items.get(sk),
        }
    }

    fn insert(&mut self, sk: String, item: Stored) {
        match self {
            Partition::One(key, existing) if *key == sk => *existing = item,
            Partition::One(..) => {
                let mut items = BTreeMap::new();
                if let Partition::One(key, existing) =
                    std::mem::replace(self, Partition::Many(BTreeMap::new()))
                {
                    items.insert(key, existing);
                }
                items.insert(sk, item);
                *self = Partition::Many(items);
            }
            Partition::Many(items) => {
                items.insert(sk, item);
            }
        }
    }

    /// Removes an item; whether the partition is empty then.
    fn remove(&mut self, sk: &str) -> bool {
        match self {
            Partition::One(key, _) => key == sk,
            Partition::Many(items) => {
                items.remove(sk);
                items.is_empty()
            }
        }
    }

    /// The items whose sort keys are within `bounds`, in order.
    fn range(&self, bounds: (Bound<String>, Bound<String>)) -> Items<'_> {
        use std::ops::RangeBounds as _;
        match self {
            Partition::One(key, item) => Items::One(bounds.contains(key).then_some((key, item))),
            Partition::Many(items) => Items::Many(items.range(bounds)),
        }
    }

    fn iter(&self) -> Items<'_> {
        self.range((Bound::Unbounded, Bound::Unbounded))
    }
}

/// A partition's items in sort-key order, either way.
enum Items<'a> {
    One(Option<(&'a String, &'a Stored)>),
    Many(std::collections::btree_map::Range<'a, String, Stored>),
}

impl<'a> Iterator for Items<'a> {
    type Item = (&'a String, &'a Stored);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Items::One(one) => one.take(),
            Items::Many(range) => range.next(),
        }
    }
}

impl DoubleEndedIterator for Items<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        match self {
            Items::One(one) => one.take(),
            Items::Many(range) => range.next_back(),
        }
    }
}

#[derive(Default)]
struct State {
    partitions: Partitions,
    /// How many transactions have been committed: a transaction's number is its place in
    /// the journal.
    committed: u64,
}

/// The journal: the file, and the lines of transactions committed but not written yet.
///
/// A transaction is numbered while it holds the state, and encodes its line after releasing
/// it; the line joins the next batch in commit order (it waits in `waiting` while an earlier
/// one is still being encoded). The transaction then lets the other tasks of its worker run
/// once, so that those about to commit add their lines, and whoever next finds the batch
/// unclaimed writes all of it with one system call (a group commit, as Redis writes its
/// append-only file once per turn of its event loop). Each transaction returns once its own
/// line is in the file. Under an invitation load a write per line was a twelfth of the
/// server's time, most of it the file system's cost per call rather than per byte.
struct Journal {
    file: File,
    lines: Mutex<Lines>,
    /// Signalled whenever a batch has been written.
    written: tokio::sync::Notify,
}

/// The journal's lines on their way to the file; each counter is a transaction number.
#[derive(Default)]
struct Lines {
    /// Lines encoded but waiting for an earlier one, by transaction number (`None`: a line
    /// that could not be encoded).
    waiting: BTreeMap<u64, Option<Vec<u8>>>,
    /// The lines of the next write, in commit order.
    batch: Vec<u8>,
    /// The memory of the batch written last, for the batch after next: the next batch fills
    /// while one is being written, and a buffer grown afresh from nothing for each (through
    /// every doubling, into freshly faulted pages) cost the commit a tenth of its time.
    spare: Vec<u8>,
    /// The last transaction whose line is in `batch` or written.
    batched: u64,
    /// The last transaction whose line is in the file (or that failed).
    written: u64,
    /// A transaction is writing a batch right now.
    writing: bool,
    /// The first transaction whose line could not be written; it and every later one fail.
    failed_from: Option<u64>,
}

impl Lines {
    /// Adds transaction `number`'s line: to the batch if it is next in commit order (with the
    /// lines that waited for it), else to those waiting.
    fn add(&mut self, number: u64, line: Option<Vec<u8>>) {
        if number != self.batched + 1 {
            self.waiting.insert(number, line);
            return;
        }
        self.batch_next(line);
        while let Some(line) = self.waiting.remove(&(self.batched + 1)) {
            self.batch_next(line);
        }
    }

    /// Moves the next line in commit order into the batch. Nothing after a line that could
    /// not be encoded joins it.
    fn batch_next(&mut self, line: Option<Vec<u8>>) {
        self.batched += 1;
        match line {
            Some(line) if self.failed_from.is_none() => self.batch.extend_from_slice(&line),
            Some(_) => {}
            None => self.fail(self.batched, "a journal line could not be encoded"),
        }
    }

    fn fail(&mut self, from: u64, why: &str) {
        if self.failed_from.is_none() {
            tracing::error!(
                error = why,
                "the journal could not be written: the table takes no more changes until a restart"
            );
        }
        self.failed_from = Some(self.failed_from.map_or(from, |f| f.min(from)));
    }
}

impl Journal {
    fn new(file: File) -> Self {
        Self {
            file,
            lines: Mutex::new(Lines::default()),
            written: tokio::sync::Notify::new(),
        }
    }

    fn lines(&self) -> std::sync::MutexGuard<'_, Lines> {
        self.lines.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Adds transaction `number`'s line and returns once it is in the file: whether it was
    /// written (false: this or an earlier line failed, and so does every later one).
    async fn record(&self, number: u64, line: Option<Vec<u8>>) -> bool {
        let gathered_later = {
            let mut lines = self.lines();
            lines.add(number, line);
            lines.batched > number
        };
        // Later lines that waited for this one can be written now: wake their transactions,
        // should this one be cancelled before it writes them.
        if gathered_later {
            self.written.notify_waiters();
        }
        // The worker's other tasks first: those about to commit join this write.
        tokio::task::yield_now().await;
        loop {
            let written = self.written.notified();
            let batch = {
                let mut lines = self.lines();
                if lines.written >= number {
                    return lines.failed_from.is_none_or(|first| first > number);
                }
                if lines.writing || lines.batched < number {
                    // Another transaction is writing, or an earlier line is still being
                    // encoded: whoever writes next writes this line too.
                    None
                } else {
                    lines.writing = true;
                    let from = lines.written + 1;
                    let spare = std::mem::take(&mut lines.spare);
                    Some((
                        std::mem::replace(&mut lines.batch, spare),
                        from,
                        lines.batched,
                    ))
                }
            };
            let Some((mut batch, from, to)) = batch else {
                written.await;
                continue;
            };
            let outcome = if batch.is_empty() {
                Ok(())
            } else {
                (&self.file).write_all(&batch)
            };
            {
                let mut lines = self.lines();
                lines.writing = false;
                lines.written = to;
                if let Err(e) = outcome {
                    lines.fail(from, &e.to_string());
                }
                // A later batch reuses this one's memory.
                batch.clear();
                lines.spare = batch;
            }
            self.written.notify_waiters();
        }
    }
}

impl Drop for Journal {
    /// Writes what a transaction that was cancelled before writing its batch left behind
    /// (nobody was told it was written, but others may have read it).
    fn drop(&mut self) {
        let lines = self.lines.get_mut().unwrap_or_else(|p| p.into_inner());
        if lines.failed_from.is_none() && !lines.batch.is_empty() {
            let _ = self.file.write_all(&lines.batch);
        }
    }
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

/// A journal line that cannot be read and is not the last: not a torn write, so the table
/// refuses to open rather than go on without that line's transaction.
#[derive(Debug, thiserror::Error)]
#[error(
    "journal {path}, line {line}: {reason}; only a torn last line is skipped, and this one has \
     lines after it, so the table will not open without its transaction (restore the file, or \
     remove that line to go on without it)"
)]
pub struct CorruptJournal {
    pub path: String,
    /// The line's number, from 1.
    pub line: usize,
    pub reason: String,
}

/// Why a journal line's text could not be read, in words that fit after its line number.
fn unreadable_because(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Eof => format!("cut short after column {}", e.column()),
        Category::Syntax => format!("not JSON from column {}", e.column()),
        Category::Data | Category::Io => format!("not a journal entry ({e})"),
    }
}

/// Applies the journal at `path` to `partitions`, line by line (as bytes: a line torn inside
/// a character is not UTF-8). A line that cannot be read fails the replay once a line
/// follows it; a last line that cannot be read, or has no newline, is skipped.
fn replay(path: &Path, partitions: &mut Partitions) -> std::io::Result<()> {
    let mut reader = BufReader::new(File::open(path)?);
    let mut line = Vec::new();
    // The unreadable line last met, with why: skipped if no line follows it.
    let mut unreadable: Option<(usize, String)> = None;
    for number in 1.. {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        let ended = line.last() == Some(&b'\n');
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if let Some((n, reason)) = unreadable.take() {
            let corrupt = CorruptJournal {
                path: path.display().to_string(),
                line: n,
                reason,
            };
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                corrupt,
            ));
        }
        if !ended {
            // Nothing follows a line without its newline: the write it was part of was cut.
            tracing::warn!(
                line = number,
                "skipping the journal's last line: it has no newline (a write cut short)"
            );
            break;
        }
        let read = std::str::from_utf8(&line[..line.len() - 1])
            .map_err(|e| format!("not UTF-8 from byte {}", e.valid_up_to() + 1))
            .and_then(|text| read_line(text).map_err(|e| unreadable_because(&e)));
        match read {
            Ok(entries) => {
                for e in entries {
                    apply(partitions, &e.pk, e.sk, e.item);
                }
            }
            Err(reason) => unreadable = Some((number, reason)),
        }
    }
    if let Some((n, reason)) = unreadable {
        tracing::warn!(
            line = n,
            error = %reason,
            "skipping the journal's unreadable last line (a write cut short)"
        );
    }
    Ok(())
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
mod tests {
    use super::*;

    fn put(sk: &str) -> Write {
        Write::Put {
            item: Item {
                pk: "P".into(),
                sk: sk.into(),
                version: 1,
                expires_at: None,
                body: serde_json::json!({"n": 1}).into(),
            },
            condition: Condition::NotExists,
        }
    }

    #[tokio::test]
    async fn a_failed_journal_write_fails_the_transaction_and_every_later_change() {
        // Every write to /dev/full fails (ENOSPC), as on a full disk.
        let full = OpenOptions::new().write(true).open("/dev/full").unwrap();
        let table = MemoryTable {
            state: RwLock::new(State::default()),
            journal: Some(Journal::new(full)),
            journal_failed: AtomicBool::new(false),
        };
        let first = table.transact(vec![put("a")]).await;
        assert!(
            matches!(first, Err(TableError::Unavailable(_))),
            "{first:?}"
        );
        let later = table.transact(vec![put("b")]).await;
        assert!(matches!(later, Err(TableError::Unavailable(ref m)) if m.contains("restart")));
        assert!(
            table.get("P", "b").await.unwrap().is_none(),
            "nothing later is applied"
        );
    }

    #[tokio::test]
    async fn a_partition_of_one_item_grows_into_many_and_shrinks_away() {
        let table = MemoryTable::new();
        let query = |prefix: &str, forward: bool, after: Option<&str>| Query {
            pk: "P".into(),
            sk_prefix: prefix.into(),
            forward,
            limit: 10,
            start_after: after.map(String::from),
            consistent: true,
        };
        let sks = |page: Page| page.items.into_iter().map(|i| i.sk).collect::<Vec<_>>();
        table.transact(vec![put("b")]).await.unwrap();
        assert!(table.get("P", "b").await.unwrap().is_some());
        assert!(table.get("P", "a").await.unwrap().is_none());
        assert_eq!(
            sks(table.query(&query("", false, None)).await.unwrap()),
            ["b"]
        );
        assert_eq!(
            sks(table.query(&query("a", true, None)).await.unwrap()),
            Vec::<String>::new()
        );
        assert_eq!(
            sks(table.query(&query("", true, Some("b"))).await.unwrap()),
            Vec::<String>::new()
        );
        assert_eq!(
            sks(table.query(&query("", true, Some("a"))).await.unwrap()),
            ["b"]
        );
        // A second item: both kept, in order, either way.
        table.transact(vec![put("a"), put("c")]).await.unwrap();
        assert_eq!(
            sks(table.query(&query("", true, None)).await.unwrap()),
            ["a", "b", "c"]
        );
        assert_eq!(
            sks(table.query(&query("", false, Some("c"))).await.unwrap()),
            ["b", "a"]
        );
        // A write to the one item replaces it; deleting every item removes the partition.
        let table = MemoryTable::new();
        table.transact(vec![put("a")]).await.unwrap();
        let replace = Write::Put {
            item: Item {
                pk: "P".into(),
                sk: "a".into(),
                version: 2,
                expires_at: None,
                body: serde_json::json!({"n": 2}).into(),
            },
            condition: Condition::Version(1),
        };
        table.transact(vec![replace]).await.unwrap();
        assert_eq!(table.get("P", "a").await.unwrap().unwrap().version, 2);
        let delete = |sk: &str| Write::Delete {
            pk: "P".into(),
            sk: sk.into(),
            condition: Condition::None,
        };
        table.transact(vec![delete("z")]).await.unwrap();
        assert!(
            table.get("P", "a").await.unwrap().is_some(),
            "another key's delete"
        );
        table.transact(vec![delete("a")]).await.unwrap();
        assert!(table.shared_state().partitions.is_empty());
        table.transact(vec![put("x"), put("y")]).await.unwrap();
        table
            .transact(vec![delete("x"), delete("y")])
            .await
            .unwrap();
        assert!(table.shared_state().partitions.is_empty());
    }

    #[tokio::test]
    async fn a_body_shared_by_items_is_journaled_once_and_shared_again_after_a_restart() {
        let dir = std::env::temp_dir().join(format!("journal-{}", uuid::Uuid::now_v7()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("table.jsonl");
        // A line written before bodies were shared: every body in full.
        std::fs::write(
            &path,
            "[{\"pk\":\"P\",\"sk\":\"old\",\"item\":{\"version\":3,\"body\":{\"n\":3}}}]\n",
        )
        .unwrap();
        let table = MemoryTable::open(&path).unwrap();
        let body = Body::of(&serde_json::json!({"name": "Ana", "marker": "shared-body"})).unwrap();
        let put = |sk: &str| Write::Put {
            item: Item {
                pk: "P".into(),
                sk: sk.into(),
                version: 1,
                expires_at: Some(7),
                body: body.clone(),
            },
            condition: Condition::NotExists,
        };
        table
            .transact(vec![put("a"), put("b"), put("c")])
            .await
            .unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let last = text.lines().last().unwrap();
        assert_eq!(last.matches("shared-body").count(), 1, "{last}");
        drop(table);
        let reopened = MemoryTable::open(&path).unwrap();
        let get = |sk: &'static str| {
            let t = &reopened;
            async move { t.get("P", sk).await.unwrap().unwrap() }
        };
        let (a, c, old) = (get("a").await, get("c").await, get("old").await);
        assert_eq!(
            (a.body["name"].as_str(), c.expires_at),
            (Some("Ana"), Some(7))
        );
        assert_eq!(
            a.body.identity(),
            c.body.identity(),
            "one body in memory again"
        );
        assert_eq!((old.version, old.body["n"].as_i64()), (3, Some(3)));
        // Compacted at the restart: still one copy of the body.
        let compacted = std::fs::read_to_string(&path).unwrap();
        assert_eq!(compacted.matches("shared-body").count(), 1, "{compacted}");
        let _ = std::fs::remove_dir_all(dir);
    }

    /// A journal line putting `P`/`sk` with `body`.
    fn journal_line(sk: &str, body: &str) -> String {
        format!("[{{\"pk\":\"P\",\"sk\":\"{sk}\",\"item\":{{\"version\":1,\"body\":{body}}}}}]\n")
    }

    /// A journal file holding `bytes`, in a folder of its own.
    fn journal_of(bytes: &[u8]) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("journal-{}", uuid::Uuid::now_v7()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("table.jsonl");
        std::fs::write(&path, bytes).unwrap();
        path
    }

    #[tokio::test]
    async fn a_journal_with_an_unreadable_line_before_others_refuses_to_open_and_names_the_line() {
        let first = journal_line("a", "{\"n\":1}");
        let last = journal_line("c", "{\"n\":3}");
        let damaged = journal_line("b", "{\"name\":\"José\"}");
        let inside_e = damaged.find('é').unwrap() + 1;
        for (damaged, why) in [
            (&damaged.as_bytes()[..20], "cut short"),
            (&damaged.as_bytes()[..inside_e], "cut inside a character"),
        ] {
            let journal = [first.as_bytes(), damaged, b"\n", last.as_bytes()].concat();
            let path = journal_of(&journal);
            let refused = MemoryTable::open(&path).err().expect(why);
            assert_eq!(refused.kind(), std::io::ErrorKind::InvalidData, "{why}");
            let corrupt = refused
                .get_ref()
                .and_then(|e| e.downcast_ref::<CorruptJournal>())
                .expect(why);
            assert_eq!(corrupt.line, 2, "{why}: {refused}");
            assert!(refused.to_string().contains("line 2"), "{refused}");
            assert_eq!(
                std::fs::read(&path).unwrap(),
                journal,
                "{why}: the journal is left as it was"
            );
            let _ = std::fs::remove_dir_all(path.parent().unwrap());
        }
    }

    #[tokio::test]
    async fn a_torn_last_journal_line_is_skipped_and_every_line_before_it_kept() {
        let kept = [
            journal_line("a", "{\"n\":1}"),
            journal_line("b", "{\"n\":2}"),
        ]
        .concat();
        let torn_line = journal_line("c", "{\"name\":\"José\"}");
        let inside_e = torn_line.find('é').unwrap() + 1;
        for (torn, why) in [
            (&torn_line.as_bytes()[..20], "cut short"),
            (&torn_line.as_bytes()[..inside_e], "cut inside a character"),
            (
                &torn_line.as_bytes()[..torn_line.len() - 1],
                "all but its newline",
            ),
            (b"[{\"pk\":\"P\",\n".as_slice(), "unreadable though ended"),
        ] {
            let path = journal_of(&[kept.as_bytes(), torn].concat());
            let table = MemoryTable::open(&path).expect(why);
            for (sk, n) in [("a", 1), ("b", 2)] {
                let item = table.get("P", sk).await.unwrap().expect(why);
                assert_eq!(item.body["n"].as_i64(), Some(n), "{why}");
            }
            assert!(table.get("P", "c").await.unwrap().is_none(), "{why}");
            drop(table);
            assert!(MemoryTable::open(&path).is_ok(), "{why}: opens again");
            let _ = std::fs::remove_dir_all(path.parent().unwrap());
        }
    }

    #[tokio::test]
    async fn a_line_waits_for_the_lines_before_it_and_is_written_by_whoever_comes_next() {
        let path = std::env::temp_dir().join(format!("journal-{}", uuid::Uuid::now_v7()));
        let journal = std::sync::Arc::new(Journal::new(File::create(&path).unwrap()));
        let record = |n: u64, line: Option<&'static str>| {
            let journal = journal.clone();
            tokio::spawn(
                async move { journal.record(n, line.map(|l| l.as_bytes().to_vec())).await },
            )
        };
        let file = || std::fs::read_to_string(&path).unwrap();
        let two = record(2, Some("two\n"));
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        assert!(!two.is_finished(), "line 2 waits for line 1");
        assert_eq!(file(), "");
        assert!(record(1, Some("one\n")).await.unwrap());
        assert!(two.await.unwrap(), "written by whoever came next");
        assert_eq!(file(), "one\ntwo\n");
        // A line that could not be encoded fails from there on; nothing after it is written.
        let four = record(4, Some("four\n"));
        assert!(!record(3, None).await.unwrap());
        assert!(!four.await.unwrap());
        assert!(!record(5, Some("five\n")).await.unwrap());
        assert_eq!(file(), "one\ntwo\n");
        let _ = std::fs::remove_file(path);
    }

    #[tokio::test]
    async fn a_line_left_by_a_cancelled_transaction_is_written_by_the_one_waiting_for_it() {
        use futures::FutureExt as _;
        let path = std::env::temp_dir().join(format!("journal-{}", uuid::Uuid::now_v7()));
        let journal = std::sync::Arc::new(Journal::new(File::create(&path).unwrap()));
        let two = tokio::spawn({
            let journal = journal.clone();
            async move { journal.record(2, Some(b"two\n".to_vec())).await }
        });
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        // Transaction 1 adds its line (and so line 2) to the batch, then is dropped before
        // writing it, as a request is when its client goes away.
        assert!(
            journal
                .record(1, Some(b"one\n".to_vec()))
                .now_or_never()
                .is_none()
        );
        let written = tokio::time::timeout(std::time::Duration::from_secs(5), two).await;
        assert!(
            matches!(written, Ok(Ok(true))),
            "line 2 still waits: {written:?}"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "one\ntwo\n");
        let _ = std::fs::remove_file(path);
    }

    /// Adds one to the count in `P`/`c`, reading and writing it until no one came between;
    /// the version committed.
    async fn increment(table: &MemoryTable) -> u64 {
        loop {
            let current = table.get("P", "c").await.unwrap();
            let (version, n) = current
                .map(|i| (i.version, i.body["n"].as_i64().unwrap()))
                .unwrap_or((0, 0));
            let write = Write::Put {
                item: Item {
                    pk: "P".into(),
                    sk: "c".into(),
                    version: version + 1,
                    expires_at: None,
                    body: serde_json::json!({ "n": n + 1 }).into(),
                },
                condition: if version == 0 {
                    Condition::NotExists
                } else {
                    Condition::Version(version)
                },
            };
            match table.transact(vec![write]).await {
                Ok(()) => return version + 1,
                Err(TableError::ConditionFailed { .. }) => tokio::task::yield_now().await,
                Err(e) => panic!("{e:?}"),
            }
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_commits_reach_the_journal_in_commit_order() {
        let dir = std::env::temp_dir().join(format!("journal-{}", uuid::Uuid::now_v7()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("table.jsonl");
        let table = std::sync::Arc::new(MemoryTable::open(&path).unwrap());
        let tasks: Vec<_> = (0..4)
            .map(|_| {
                let table = table.clone();
                let path = path.clone();
                tokio::spawn(async move {
                    for _ in 0..250 {
                        let version = increment(&table).await;
                        // Acknowledged means written, whoever wrote the line.
                        let text = std::fs::read_to_string(&path).unwrap();
                        assert!(
                            text.contains(&format!("\"version\":{version},\"body\"")),
                            "version {version} acknowledged before its line was written"
                        );
                    }
                })
            })
            .collect();
        for t in tasks {
            t.await.unwrap();
        }
        drop(table);
        // Each version of the count has its line, in the order the versions were committed.
        let versions: Vec<u64> = std::fs::read_to_string(&path)
            .unwrap()
            .lines()
            .flat_map(|l| read_line(l).unwrap())
            .filter_map(|e| e.item.map(|i| i.version))
            .collect();
        assert_eq!(versions, (1..=1000).collect::<Vec<u64>>());
        // Replayed, the journal ends where memory did.
        let reopened = MemoryTable::open(&path).unwrap();
        let item = reopened.get("P", "c").await.unwrap().unwrap();
        assert_eq!((item.version, item.body["n"].as_i64()), (1000, Some(1000)));
        let _ = std::fs::remove_dir_all(dir);
    }
}
