//! The local outbox: every message "sent" is appended to `outbox.jsonl` under the data folder,
//! which `GET /dev/outbox` reads back (the outbox keeps in memory only where each message's line
//! starts and whom it went to: a long invitation load does not grow the server by a copy of
//! every email), and appended to a file a person can open (see [`files`]): every email, to
//! `outbox.mbox` (one mailbox file: any mail client opens it, and it costs no file creation
//! per message), every SMS as a line of `sms.txt`. `/dev/outbox.html` shows both in a browser.

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Read as _, Seek as _, SeekFrom, Write as _};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::Channel;

mod files;
use crate::ports::{Clock, EmailMessage, Mailer, SendError, SmsMessage, SmsSender};
use files::{Files, Readable};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct OutboxMessage {
    pub channel: Channel,
    pub to: String,
    pub subject: Option<String>,
    pub text: String,
    pub html: Option<String>,
    pub sent_at: DateTime<Utc>,
    /// The outbox entry it was sent for (a provider's idempotency key): a message sent again
    /// under a key already taken is not kept twice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The tenant's branding of an email: its sender's display name and reply-to address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<String>,
}

impl OutboxMessage {
    /// The message as its line of `outbox.jsonl` (without the newline).
    fn write_json(&self, out: &mut Vec<u8>) -> std::io::Result<()> {
        serde_json::to_writer(out, self).map_err(std::io::Error::other)
    }
}

pub struct FileOutbox {
    kept: Arc<Mutex<Kept>>,
    /// The keys of the messages kept (see [`OutboxMessage::key`]).
    keys: Mutex<std::collections::HashSet<String>>,
    clock: Arc<dyn Clock>,
    /// The files for people to open, written off the request path.
    readable: Option<Arc<Readable>>,
}

/// What the outbox reads its messages back from.
enum Kept {
    /// Without a data folder: the messages themselves.
    Memory(Vec<Arc<OutboxMessage>>),
    /// `outbox.jsonl`, appended to and read back by the index of its lines.
    Journal {
        append: File,
        read: File,
        end: u64,
        index: Vec<Line>,
    },
}

/// Where one message's line of `outbox.jsonl` starts, how long it is, and whom it went to.
struct Line {
    to: Box<str>,
    at: u64,
    len: u32,
}

impl Kept {
    fn journal(
        path: &std::path::Path,
        keys: &mut std::collections::HashSet<String>,
    ) -> std::io::Result<Self> {
        let mut append = OpenOptions::new().create(true).append(true).open(path)?;
        let mut read = File::open(path)?;
        let mut text = Vec::new();
        read.read_to_end(&mut text)?;
        if !text.is_empty() && !text.ends_with(b"\n") {
            // End a torn line, so that the next message starts a line of its own.
            append.write_all(b"\n")?;
            text.push(b'\n');
        }
        let mut index = Vec::new();
        let mut at = 0u64;
        for line in text.split_inclusive(|b| *b == b'\n') {
            // A torn last line (the process died mid-write) is skipped.
            if let Ok(m) = serde_json::from_slice::<OutboxMessage>(line) {
                keys.extend(m.key);
                index.push(Line {
                    to: m.to.into(),
                    at,
                    len: line.len() as u32,
                });
            }
            at += line.len() as u64;
        }
        Ok(Kept::Journal {
            append,
            read,
            end: at,
            index,
        })
    }

    /// Appends messages (through a buffer of [`WRITE_BUFFER`]: a batch of thousands costs a
    /// few writes and no buffer of its size).
    fn push(&mut self, batch: &[Arc<OutboxMessage>]) -> std::io::Result<()> {
        match self {
            Kept::Memory(all) => all.extend(batch.iter().cloned()),
            Kept::Journal {
                append, end, index, ..
            } => {
                let mut out = BufWriter::with_capacity(WRITE_BUFFER, &*append);
                let mut line = Vec::new();
                let mut at = *end;
                let mut added = Vec::with_capacity(batch.len());
                let written = batch.iter().try_for_each(|message| {
                    line.clear();
                    message.write_json(&mut line)?;
                    line.push(b'\n');
                    out.write_all(&line)?;
                    added.push(Line {
                        to: message.to.as_str().into(),
                        at,
                        len: line.len() as u32,
                    });
                    at += line.len() as u64;
                    Ok::<(), std::io::Error>(())
                });
                if let Err(e) = written.and_then(|()| out.flush()) {
                    drop(out);
                    // End a partial line; the lines that made it to the file are not indexed
                    // before a restart, and later ones start where the file then ends.
                    let _ = append.write_all(b"\n");
                    *end = append.metadata().map(|m| m.len()).unwrap_or(*end);
                    return Err(e);
                }
                index.extend(added);
                *end = at;
            }
        }
        Ok(())
    }

    fn messages(&mut self, to: Option<&str>) -> Vec<OutboxMessage> {
        let wanted = |m: &str| to.is_none_or(|t| m.eq_ignore_ascii_case(t));
        match self {
            Kept::Memory(all) => all
                .iter()
                .filter(|m| wanted(&m.to))
                .map(|m| OutboxMessage::clone(m))
                .collect(),
            Kept::Journal { read, index, .. } => index
                .iter()
                .filter(|l| wanted(&l.to))
                .filter_map(|l| read_line(read, l))
                .collect(),
        }
    }

    fn message(&mut self, n: usize) -> Option<OutboxMessage> {
        match self {
            Kept::Memory(all) => all.get(n).map(|m| OutboxMessage::clone(m)),
            Kept::Journal { read, index, .. } => read_line(read, index.get(n)?),
        }
    }
}

/// One message, read back from its line of `outbox.jsonl`.
fn read_line(file: &mut File, line: &Line) -> Option<OutboxMessage> {
    let mut text = vec![0; line.len as usize];
    let read = file
        .seek(SeekFrom::Start(line.at))
        .and_then(|_| file.read_exact(&mut text));
    match read.map(|()| serde_json::from_slice::<OutboxMessage>(&text)) {
        Ok(Ok(m)) => Some(m),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "an unreadable outbox line");
            None
        }
        Err(e) => {
            tracing::warn!(error = %e, "could not read the outbox");
            None
        }
    }
}

/// The buffer of each file's writes.
const WRITE_BUFFER: usize = 64 * 1024;

/// How often the files for people catch up with what was sent.
const CATCH_UP: std::time::Duration = std::time::Duration::from_millis(200);

impl FileOutbox {
    /// An outbox under `dir` (reloading what it held), or in memory only.
    pub fn new(dir: Option<PathBuf>, from: &str, clock: Arc<dyn Clock>) -> std::io::Result<Self> {
        let mut kept = Arc::new(Mutex::new(Kept::Memory(Vec::new())));
        let mut keys = std::collections::HashSet::new();
        let mut readable = None;
        if let Some(d) = &dir {
            std::fs::create_dir_all(d)?;
            kept = Arc::new(Mutex::new(Kept::journal(
                &d.join("outbox.jsonl"),
                &mut keys,
            )?));
            let open = |name: &str| {
                OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(d.join(name))
                    .map(|f| BufWriter::with_capacity(WRITE_BUFFER, f))
            };
            let files = Readable {
                files: Mutex::new(Files {
                    mbox: open("outbox.mbox")?,
                    sms: open("sms.txt")?,
                    from: from.to_string(),
                }),
                pending: Mutex::new(Vec::new()),
            };
            let files = Arc::new(files);
            let weak = Arc::downgrade(&files);
            // Wakes on a timer rather than per message: a burst of invitations costs the
            // request path no wake-up and the disk one write.
            std::thread::Builder::new()
                .name("outbox-files".into())
                .spawn(move || {
                    loop {
                        std::thread::sleep(CATCH_UP);
                        match weak.upgrade() {
                            Some(files) => files.catch_up(),
                            None => return,
                        }
                    }
                })?;
            readable = Some(files);
        }
        Ok(Self {
            kept,
            keys: Mutex::new(keys),
            clock,
            readable,
        })
    }

    /// Messages to `to` (every message when `None`), oldest first. Every message kept so far
    /// is in the files by then.
    pub fn messages(&self, to: Option<&str>) -> Vec<OutboxMessage> {
        self.caught_up().messages(to)
    }

    /// The `n`th message kept (from 0), whoever it went to.
    pub fn message(&self, n: usize) -> Option<OutboxMessage> {
        self.caught_up().message(n)
    }

    /// What the outbox reads from, once every message kept so far is in the files.
    fn caught_up(&self) -> std::sync::MutexGuard<'_, Kept> {
        if let Some(files) = &self.readable {
            files.catch_up();
        }
        self.kept.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Keeps a message: its line of `outbox.jsonl` is written before this returns (what was
    /// sent survives a crash of the process, as a provider's acceptance would), and its copy in
    /// `outbox.mbox` or `sms.txt` within [`CATCH_UP`] by a thread of their own (or at once by
    /// a read of the outbox). None of it is fsynced: this is a development tool. A message
    /// under a key already kept is not kept again.
    fn keep(&self, message: OutboxMessage) -> Result<(), SendError> {
        let mut keys = self.keys.lock().unwrap_or_else(|p| p.into_inner());
        if message.key.as_ref().is_some_and(|k| keys.contains(k)) {
            return Ok(());
        }
        let message = Arc::new(message);
        self.kept
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(std::slice::from_ref(&message))
            .map_err(|e| {
                tracing::warn!(error = %e, "could not write outbox.jsonl");
                SendError::Throttled
            })?;
        keys.extend(message.key.clone());
        drop(keys);
        if let Some(files) = &self.readable {
            files
                .pending
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(message);
        }
        Ok(())
    }

    fn took(&self, key: &str) -> Option<bool> {
        Some(
            self.keys
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .contains(key),
        )
    }
}

impl FileOutbox {
    fn email(&self, message: &EmailMessage, key: Option<&str>) -> OutboxMessage {
        OutboxMessage {
            channel: Channel::Email,
            to: message.to.clone(),
            subject: Some(message.subject.clone()),
            text: message.text.clone(),
            html: Some(message.html.clone()),
            sent_at: self.clock.now(),
            key: key.map(str::to_string),
            sender_name: message.sender_name.clone(),
            reply_to: message.reply_to.clone(),
        }
    }

    fn sms(&self, message: &SmsMessage, key: Option<&str>) -> OutboxMessage {
        OutboxMessage {
            channel: Channel::Sms,
            to: message.to.clone(),
            subject: None,
            text: message.text.clone(),
            html: None,
            sent_at: self.clock.now(),
            key: key.map(str::to_string),
            sender_name: None,
            reply_to: None,
        }
    }
}

#[async_trait]
impl Mailer for FileOutbox {
    async fn send_email(&self, message: &EmailMessage) -> Result<(), SendError> {
        self.keep(self.email(message, None))
    }
    async fn send_email_once(&self, message: &EmailMessage, key: &str) -> Result<(), SendError> {
        self.keep(self.email(message, Some(key)))
    }
    async fn took_email(&self, key: &str) -> Option<bool> {
        self.took(key)
    }
}

#[async_trait]
impl SmsSender for FileOutbox {
    async fn send_sms(&self, message: &SmsMessage) -> Result<(), SendError> {
        self.keep(self.sms(message, None))
    }
    async fn send_sms_once(
        &self,
        message: &SmsMessage,
        key: &str,
    ) -> Result<Option<String>, SendError> {
        self.keep(self.sms(message, Some(key))).map(|()| None)
    }
    async fn took_sms(&self, key: &str) -> Option<bool> {
        self.took(key)
    }
}

#[cfg(test)]
mod tests {
    use super::files::*;
    use super::*;

    #[tokio::test]
    async fn a_message_sent_again_under_a_key_it_took_is_kept_once_even_after_a_restart() {
        let dir = std::env::temp_dir().join(format!("outbox-test-{}", uuid::Uuid::now_v7()));
        let clock: Arc<dyn Clock> = Arc::new(crate::adapters::clock::SystemClock);
        let email = EmailMessage {
            to: "ana@example.com".into(),
            subject: "Join".into(),
            text: "text".into(),
            html: "<p>html</p>".into(),
            ..Default::default()
        };
        let outbox = FileOutbox::new(Some(dir.clone()), "from@example.com", clock.clone()).unwrap();
        assert_eq!(outbox.took_email("k1").await, Some(false));
        outbox.send_email_once(&email, "k1").await.unwrap();
        outbox.send_email_once(&email, "k1").await.unwrap();
        assert_eq!(outbox.took_email("k1").await, Some(true));
        assert_eq!(outbox.messages(None).len(), 1);
        drop(outbox);
        let reopened = FileOutbox::new(Some(dir.clone()), "from@example.com", clock).unwrap();
        assert_eq!(
            reopened.took_email("k1").await,
            Some(true),
            "known after a restart"
        );
        reopened.send_email_once(&email, "k1").await.unwrap();
        reopened.send_email_once(&email, "k2").await.unwrap();
        assert_eq!(reopened.messages(None).len(), 2);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn an_mbox_holds_each_email_after_its_from_line_with_from_lines_inside_quoted() {
        let message = OutboxMessage {
            channel: Channel::Email,
            to: "ana@example.com".into(),
            subject: Some("Join Hotel Sol".into()),
            text: "Hello\nFrom the front desk\n>From us".into(),
            html: Some("<p>Hello</p>".into()),
            sent_at: chrono::DateTime::from_timestamp(1_796_000_000, 0).unwrap(),
            key: None,
            sender_name: None,
            reply_to: None,
        };
        let mut out = Vec::new();
        mbox_append(&mut out, "invitations@example.com", &message).unwrap();
        mbox_append(&mut out, "invitations@example.com", &message).unwrap();
        let text = String::from_utf8(out).unwrap();
        let starts: Vec<&str> = text.lines().filter(|l| l.starts_with("From ")).collect();
        assert_eq!(starts.len(), 2, "one From line per message: {text}");
        assert!(starts[0].starts_with("From invitations@example.com "));
        assert!(
            text.contains("\n>From the front desk") && text.contains("\n>>From us"),
            "{text}"
        );
        assert!(!text.contains('\r'));
        assert!(text.contains("Subject: Join Hotel Sol"));
    }

    #[test]
    fn an_mbox_email_holds_its_link_as_it_was_sent_unless_a_line_is_too_long_for_8bit() {
        let link = "https://app.example.com/accept#token=abc_DEF-123";
        let html = format!(
            "<p style=\"margin:0 0 24px;line-height:1.5\">Hello Ana, Hotel Sol invited you; this line is long enough for quoted-printable to have folded it.</p>\n<a href=\"{link}\">Accept</a>"
        );
        let message = |html: String| OutboxMessage {
            channel: Channel::Email,
            to: "ana@example.com".into(),
            subject: Some("Join Hotel Sol".into()),
            text: format!("Accept: {link}"),
            html: Some(html),
            sent_at: chrono::DateTime::from_timestamp(1_796_000_000, 0).unwrap(),
            key: None,
            sender_name: None,
            reply_to: None,
        };
        let mut out = Vec::new();
        mbox_append(&mut out, "invitations@example.com", &message(html.clone())).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains(&html), "{text}");
        assert!(text.contains(&format!("Accept: {link}")), "{text}");
        assert_eq!(
            text.matches("Content-Transfer-Encoding: 8bit").count(),
            2,
            "{text}"
        );
        assert!(text.contains("multipart/alternative"), "{text}");

        let long = format!("<p>{}</p>", "x".repeat(1200));
        let mut out = Vec::new();
        mbox_append(&mut out, "invitations@example.com", &message(long.clone())).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(!text.contains(&long), "a 1,200-octet line is encoded");
        assert_eq!(
            text.matches("Content-Transfer-Encoding: 8bit").count(),
            1,
            "{text}"
        );
    }

    #[test]
    fn a_text_fits_8bit_without_cr_or_nul_and_with_lines_of_at_most_998_octets() {
        let line = |n: usize| "x".repeat(n);
        assert!(fits_8bit(""));
        assert!(fits_8bit(&format!("{}\n{}", line(998), line(998))));
        assert!(!fits_8bit(&format!("{}\nshort", line(999))));
        assert!(
            !fits_8bit(&format!("short\n{}", line(999))),
            "the last line counts"
        );
        assert!(fits_8bit(&format!("short\n{}\n", line(998))));
        assert!(!fits_8bit("a\r\nb"));
        assert!(!fits_8bit("a\0b"));
    }

    #[test]
    fn mbox_text_quotes_from_lines_and_ends_lines_with_lf_however_it_is_split() {
        let input = b"a\r\nFrom x\r\n>>From y\r\nFro\r\n>F\r\nFrom\r\n\r\nx\ry\r\nlast";
        let expected = "a\n>From x\n>>>From y\nFro\n>F\nFrom\n\nx\ry\nlast\n";
        for size in [input.len(), 1, 2, 3, 7] {
            let mut out = Vec::new();
            let mut text = MboxText::new(&mut out);
            for piece in input.chunks(size) {
                text.write_all(piece).unwrap();
            }
            text.finish().unwrap();
            assert_eq!(
                String::from_utf8(out).unwrap(),
                expected,
                "pieces of {size}"
            );
        }
    }

    fn email(to: &str, subject: &str) -> EmailMessage {
        EmailMessage {
            to: to.into(),
            subject: subject.into(),
            text: format!("{subject}\nhttps://example.com/accept#token=x"),
            html: format!("<p>{subject}</p>"),
            ..Default::default()
        }
    }

    #[tokio::test]
    async fn messages_are_read_back_from_the_outbox_file_after_a_restart_and_a_torn_line() {
        let dir = std::env::temp_dir().join(format!("outbox-test-{}", uuid::Uuid::now_v7()));
        let clock: Arc<dyn Clock> = Arc::new(crate::adapters::clock::SystemClock);
        let outbox = FileOutbox::new(Some(dir.clone()), "from@example.com", clock.clone()).unwrap();
        outbox
            .send_email(&email("ana@example.com", "One"))
            .await
            .unwrap();
        outbox
            .send_email(&email("Bo@example.com", "Two"))
            .await
            .unwrap();
        outbox
            .send_email(&email("ana@example.com", "Three"))
            .await
            .unwrap();
        let subjects = |o: &FileOutbox, to: Option<&str>| -> Vec<String> {
            o.messages(to)
                .into_iter()
                .filter_map(|m| m.subject)
                .collect()
        };
        assert_eq!(subjects(&outbox, Some("ana@example.com")), ["One", "Three"]);
        assert_eq!(subjects(&outbox, Some("bo@example.com")), ["Two"]);
        drop(outbox);
        // The process died mid-line: that line is lost, nothing else.
        let mut f = OpenOptions::new()
            .append(true)
            .open(dir.join("outbox.jsonl"))
            .unwrap();
        f.write_all(b"{\"channel\":\"email\",\"to\":\"ana@exa")
            .unwrap();
        drop(f);
        let outbox = FileOutbox::new(Some(dir.clone()), "from@example.com", clock).unwrap();
        assert_eq!(subjects(&outbox, None), ["One", "Two", "Three"]);
        outbox
            .send_email(&email("ana@example.com", "Four"))
            .await
            .unwrap();
        assert_eq!(
            subjects(&outbox, Some("ana@example.com")),
            ["One", "Three", "Four"]
        );
        drop(outbox);
        let clock: Arc<dyn Clock> = Arc::new(crate::adapters::clock::SystemClock);
        let outbox = FileOutbox::new(Some(dir.clone()), "from@example.com", clock).unwrap();
        assert_eq!(subjects(&outbox, None), ["One", "Two", "Three", "Four"]);
        let nth = |n| outbox.message(n).and_then(|m| m.subject);
        assert_eq!(
            (nth(1).as_deref(), nth(3).as_deref(), nth(4)),
            (Some("Two"), Some("Four"), None)
        );
        let _ = std::fs::remove_dir_all(dir);
    }
}
