//! The local outbox: every message "sent" is kept in memory for `GET /dev/outbox`, appended to
//! `outbox.jsonl` under the data folder (reloaded on start), and appended to a file a person can
//! open: every email, as the multipart/alternative message a mail client shows, to
//! `outbox.mbox` (one mailbox file: any mail client opens it, and it costs no file creation
//! per message), every SMS as a line of `sms.txt`. `/dev/outbox.html` shows both in a browser.

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Write as _};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use chrono::{DateTime, SecondsFormat, Utc};
use mail_builder::MessageBuilder;
use serde::{Deserialize, Serialize};

use crate::model::Channel;
use crate::ports::{Clock, EmailMessage, Mailer, SendError, SmsMessage, SmsSender};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct OutboxMessage {
    pub channel: Channel,
    pub to: String,
    pub subject: Option<String>,
    pub text: String,
    pub html: Option<String>,
    pub sent_at: DateTime<Utc>,
}

pub struct FileOutbox {
    messages: Mutex<Vec<Arc<OutboxMessage>>>,
    clock: Arc<dyn Clock>,
    /// `outbox.jsonl`, kept open for appending: what the outbox reloads on start.
    journal: Mutex<Option<File>>,
    /// The files for people to open, written off the request path.
    readable: Option<Arc<Readable>>,
}

/// How often the files for people catch up with what was sent.
const CATCH_UP: std::time::Duration = std::time::Duration::from_millis(200);

impl FileOutbox {
    /// An outbox under `dir` (reloading what it held), or in memory only.
    pub fn new(dir: Option<PathBuf>, from: &str, clock: Arc<dyn Clock>) -> std::io::Result<Self> {
        let mut messages = Vec::new();
        let mut journal = None;
        let mut readable = None;
        if let Some(d) = &dir {
            std::fs::create_dir_all(d)?;
            if let Ok(text) = std::fs::read_to_string(d.join("outbox.jsonl")) {
                messages.extend(
                    text.lines()
                        .filter_map(|l| serde_json::from_str::<OutboxMessage>(l).ok())
                        .map(Arc::new),
                );
            }
            journal = Some(
                OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(d.join("outbox.jsonl"))?,
            );
            let open = |name: &str| {
                OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(d.join(name))
                    .map(BufWriter::new)
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
            messages: Mutex::new(messages),
            clock,
            journal: Mutex::new(journal),
            readable,
        })
    }

    /// Messages to `to` (every message when `None`), oldest first. Their copies in
    /// `outbox.mbox` and `sms.txt` are written by then.
    pub fn messages(&self, to: Option<&str>) -> Vec<OutboxMessage> {
        if let Some(files) = &self.readable {
            files.catch_up();
        }
        let all = self.messages.lock().unwrap_or_else(|p| p.into_inner());
        all.iter()
            .filter(|m| to.is_none_or(|t| m.to.eq_ignore_ascii_case(t)))
            .map(|m| OutboxMessage::clone(m))
            .collect()
    }

    /// Keeps a message: in memory, and appended to `outbox.jsonl` before returning (written,
    /// not fsynced: this is a development tool, and a crash of the machine may lose the last
    /// lines, never a process crash). Its copy in `outbox.mbox` or `sms.txt` follows within
    /// [`CATCH_UP`] on a thread of its own, so that an invitation waits for neither the MIME
    /// encoding nor another write.
    fn keep(&self, message: OutboxMessage) -> std::io::Result<()> {
        let message = Arc::new(message);
        let mut all = self.messages.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(f) = self
            .journal
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_mut()
        {
            let mut line = serde_json::to_vec(&*message).map_err(std::io::Error::from)?;
            line.push(b'\n');
            f.write_all(&line)?;
        }
        if let Some(files) = &self.readable {
            files
                .pending
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(message.clone());
        }
        all.push(message);
        Ok(())
    }
}

/// The files a person opens, and the messages not in them yet.
struct Readable {
    files: Mutex<Files>,
    pending: Mutex<Vec<Arc<OutboxMessage>>>,
}

impl Readable {
    /// Writes every pending message, in the order they were kept.
    fn catch_up(&self) {
        let mut files = self.files.lock().unwrap_or_else(|p| p.into_inner());
        let batch = std::mem::take(&mut *self.pending.lock().unwrap_or_else(|p| p.into_inner()));
        if batch.is_empty() {
            return;
        }
        for message in &batch {
            if let Err(e) = files.write(message) {
                tracing::warn!(error = %e, "could not write an outbox file");
            }
        }
        files.flush();
    }
}

/// The files a person opens: every email in an mbox, every SMS a line of text.
struct Files {
    mbox: BufWriter<File>,
    sms: BufWriter<File>,
    from: String,
}

impl Files {
    fn write(&mut self, message: &OutboxMessage) -> std::io::Result<()> {
        match message.channel {
            Channel::Email => mbox_append(&mut self.mbox, &self.from, message),
            Channel::Sms => writeln!(
                self.sms,
                "{} to {}: {}",
                message.sent_at.to_rfc3339_opts(SecondsFormat::Secs, true),
                message.to,
                message.text.replace('\n', " ")
            ),
        }
    }

    fn flush(&mut self) {
        if let Err(e) = self.mbox.flush().and_then(|()| self.sms.flush()) {
            tracing::warn!(error = %e, "could not write the outbox files");
        }
    }
}

/// Appends an email to an mbox (the mboxrd flavour: a `From ` line before each message, and
/// `>` before any line of it that starts with `>`s and `From `).
fn mbox_append(
    out: &mut impl std::io::Write,
    from: &str,
    message: &OutboxMessage,
) -> std::io::Result<()> {
    let raw = mime(from, message)?;
    let text = std::str::from_utf8(&raw).map_err(std::io::Error::other)?;
    writeln!(
        out,
        "From {from} {}",
        message.sent_at.format("%a %b %e %H:%M:%S %Y")
    )?;
    for line in text.lines() {
        if line.trim_start_matches('>').starts_with("From ") {
            out.write_all(b">")?;
        }
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")?;
    }
    out.write_all(b"\n")
}

/// The email as a MIME message: multipart/alternative with the text and HTML parts.
fn mime(from: &str, message: &OutboxMessage) -> std::io::Result<Vec<u8>> {
    MessageBuilder::new()
        .from(from)
        .to(message.to.as_str())
        .subject(message.subject.as_deref().unwrap_or(""))
        .date(message.sent_at.timestamp())
        .message_id(format!("{}@outbox.invitations.local", uuid::Uuid::now_v7()))
        .text_body(message.text.as_str())
        .html_body(message.html.as_deref().unwrap_or(""))
        .write_to_vec()
}

#[async_trait]
impl Mailer for FileOutbox {
    async fn send_email(&self, message: &EmailMessage) -> Result<(), SendError> {
        let kept = OutboxMessage {
            channel: Channel::Email,
            to: message.to.clone(),
            subject: Some(message.subject.clone()),
            text: message.text.clone(),
            html: Some(message.html.clone()),
            sent_at: self.clock.now(),
        };
        self.keep(kept)
            .map_err(|e| SendError::Refused(format!("outbox write failed: {e}")))
    }
}

#[async_trait]
impl SmsSender for FileOutbox {
    async fn send_sms(&self, message: &SmsMessage) -> Result<(), SendError> {
        let kept = OutboxMessage {
            channel: Channel::Sms,
            to: message.to.clone(),
            subject: None,
            text: message.text.clone(),
            html: None,
            sent_at: self.clock.now(),
        };
        self.keep(kept)
            .map_err(|e| SendError::Refused(format!("outbox write failed: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_mbox_holds_each_email_after_its_from_line_with_from_lines_inside_quoted() {
        let message = OutboxMessage {
            channel: Channel::Email,
            to: "ana@example.com".into(),
            subject: Some("Join Hotel Sol".into()),
            text: "Hello\nFrom the front desk\n>From us".into(),
            html: Some("<p>Hello</p>".into()),
            sent_at: chrono::DateTime::from_timestamp(1_796_000_000, 0).unwrap(),
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
}
