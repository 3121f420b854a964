//! The journal: the line format of a committed transaction, the file with its group commit,
//! and the replay of the file when the table opens.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Write as _};
use std::path::Path;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::{Partitions, Stored, apply};
use crate::ports::Body;

/// What a transaction left behind at one key (`None`: deleted).
pub(super) struct JournalEntry {
    pub(super) pk: String,
    pub(super) sk: String,
    pub(super) item: Option<Stored>,
}

/// One entry of a journal line as written. A body shared with an earlier entry of the line
/// (a member and its search entries share one) is written once: later entries name the
/// earlier one's place in the line.
#[derive(Serialize)]
pub(super) struct LineEntry<'a> {
    pub(super) pk: &'a str,
    pub(super) sk: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) item: Option<LineItem<'a>>,
}

#[derive(Serialize)]
pub(super) struct LineItem<'a> {
    pub(super) version: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) expires_at: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) body: Option<&'a RawValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) same_body_as: Option<usize>,
}

/// One entry of a journal line as read (lines written before `same_body_as` have every body).
#[derive(Deserialize)]
pub(super) struct ReadEntry {
    pub(super) pk: String,
    pub(super) sk: String,
    #[serde(default)]
    pub(super) item: Option<ReadItem>,
}

#[derive(Deserialize)]
pub(super) struct ReadItem {
    pub(super) version: u64,
    #[serde(default)]
    pub(super) expires_at: Option<i64>,
    #[serde(default)]
    pub(super) body: Option<Box<RawValue>>,
    #[serde(default)]
    pub(super) same_body_as: Option<usize>,
}

/// What a journal entry says of an item.
pub(super) struct ItemRef<'a> {
    pub(super) version: u64,
    pub(super) expires_at: Option<i64>,
    pub(super) body: &'a Body,
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
pub(super) struct LineWriter {
    pub(super) out: Vec<u8>,
    pub(super) entries: usize,
    /// Each body written so far (by identity), with its entry's place.
    pub(super) bodies: Vec<(usize, usize)>,
}

impl LineWriter {
    pub(super) fn new(mut out: Vec<u8>) -> Self {
        out.push(b'[');
        Self {
            out,
            entries: 0,
            bodies: Vec::new(),
        }
    }

    /// Adds the entry of an item at `pk`, `sk` (`None`: deleted).
    pub(super) fn entry(
        &mut self,
        pk: &str,
        sk: &str,
        item: Option<ItemRef<'_>>,
    ) -> serde_json::Result<()> {
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
    pub(super) fn finish(mut self) -> Vec<u8> {
        self.out.push(b']');
        self.out
    }
}

/// Writes one journal line (without its newline): the entries, each body once.
pub(super) fn write_line<'a>(
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
pub(super) fn read_line(line: &str) -> serde_json::Result<Vec<JournalEntry>> {
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
pub(super) struct Journal {
    pub(super) file: File,
    pub(super) lines: Mutex<Lines>,
    /// Signalled whenever a batch has been written.
    pub(super) written: tokio::sync::Notify,
}

/// The journal's lines on their way to the file; each counter is a transaction number.
#[derive(Default)]
pub(super) struct Lines {
    /// Lines encoded but waiting for an earlier one, by transaction number (`None`: a line
    /// that could not be encoded).
    pub(super) waiting: BTreeMap<u64, Option<Vec<u8>>>,
    /// The lines of the next write, in commit order.
    pub(super) batch: Vec<u8>,
    /// The memory of the batch written last, for the batch after next: the next batch fills
    /// while one is being written, and a buffer grown afresh from nothing for each (through
    /// every doubling, into freshly faulted pages) cost the commit a tenth of its time.
    pub(super) spare: Vec<u8>,
    /// The last transaction whose line is in `batch` or written.
    pub(super) batched: u64,
    /// The last transaction whose line is in the file (or that failed).
    pub(super) written: u64,
    /// A transaction is writing a batch right now.
    pub(super) writing: bool,
    /// The first transaction whose line could not be written; it and every later one fail.
    pub(super) failed_from: Option<u64>,
}

impl Lines {
    /// Adds transaction `number`'s line: to the batch if it is next in commit order (with the
    /// lines that waited for it), else to those waiting.
    pub(super) fn add(&mut self, number: u64, line: Option<Vec<u8>>) {
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
    pub(super) fn batch_next(&mut self, line: Option<Vec<u8>>) {
        self.batched += 1;
        match line {
            Some(line) if self.failed_from.is_none() => self.batch.extend_from_slice(&line),
            Some(_) => {}
            None => self.fail(self.batched, "a journal line could not be encoded"),
        }
    }

    pub(super) fn fail(&mut self, from: u64, why: &str) {
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
    pub(super) fn new(file: File) -> Self {
        Self {
            file,
            lines: Mutex::new(Lines::default()),
            written: tokio::sync::Notify::new(),
        }
    }

    pub(super) fn lines(&self) -> std::sync::MutexGuard<'_, Lines> {
        self.lines.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Adds transaction `number`'s line and returns once it is in the file: whether it was
    /// written (false: this or an earlier line failed, and so does every later one).
    pub(super) async fn record(&self, number: u64, line: Option<Vec<u8>>) -> bool {
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
pub(super) fn unreadable_because(e: &serde_json::Error) -> String {
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
pub(super) fn replay(path: &Path, partitions: &mut Partitions) -> std::io::Result<()> {
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
