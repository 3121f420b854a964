//! The local outbox: every message "sent" is kept in memory for `GET /dev/outbox`, appended to
//! `outbox.jsonl` under the data folder (reloaded on start), and written under `outbox/` so a
//! person can open it: an email as `.eml` (the multipart/alternative message a mail client
//! opens) and `.html` (for a browser), an SMS as `.txt`.

use std::fs::{File, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};

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
    messages: Mutex<Vec<OutboxMessage>>,
    clock: Arc<dyn Clock>,
    /// `outbox.jsonl`, kept open for appending: what the outbox reloads on start.
    journal: Mutex<Option<File>>,
    /// The files under `outbox/` for people to open, written off the request path.
    files: Option<Mutex<mpsc::Sender<FileJob>>>,
}

/// Work for the thread that writes the outbox's human-readable files.
enum FileJob {
    Write(String, OutboxMessage),
    /// Answered once every earlier message's files are written.
    Flush(mpsc::Sender<()>),
}

impl FileOutbox {
    /// An outbox under `dir` (reloading what it held), or in memory only.
    pub fn new(dir: Option<PathBuf>, from: &str, clock: Arc<dyn Clock>) -> std::io::Result<Self> {
        let mut messages = Vec::new();
        let mut journal = None;
        let mut files = None;
        if let Some(d) = &dir {
            std::fs::create_dir_all(d.join("outbox"))?;
            if let Ok(text) = std::fs::read_to_string(d.join("outbox.jsonl")) {
                messages.extend(
                    text.lines()
                        .filter_map(|l| serde_json::from_str::<OutboxMessage>(l).ok()),
                );
            }
            journal = Some(
                OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(d.join("outbox.jsonl"))?,
            );
            let (tx, rx) = mpsc::channel();
            let folder = d.join("outbox");
            let from = from.to_string();
            std::thread::Builder::new()
                .name("outbox-files".into())
                .spawn(move || write_files(&folder, &from, rx))?;
            files = Some(Mutex::new(tx));
        }
        Ok(Self {
            messages: Mutex::new(messages),
            clock,
            journal: Mutex::new(journal),
            files,
        })
    }

    /// Messages to `to` (every message when `None`), oldest first. Their files under
    /// `outbox/` are written by then.
    pub fn messages(&self, to: Option<&str>) -> Vec<OutboxMessage> {
        if let Some(files) = &self.files {
            let (done, wait) = mpsc::channel();
            let sent = files
                .lock()
                .map(|f| f.send(FileJob::Flush(done)).is_ok())
                .unwrap_or(false);
            if sent {
                let _ = wait.recv_timeout(std::time::Duration::from_secs(5));
            }
        }
        let all = self.messages.lock().unwrap_or_else(|p| p.into_inner());
        all.iter()
            .filter(|m| to.is_none_or(|t| m.to.eq_ignore_ascii_case(t)))
            .cloned()
            .collect()
    }

    /// Keeps a message: in memory, and appended to `outbox.jsonl` before returning (written,
    /// not fsynced: this is a development tool, and a crash of the machine may lose the last
    /// lines, never a process crash). Its `.eml`/`.html`/`.txt` files follow on a thread of
    /// their own, so that an invitation does not wait for two file creations.
    fn keep(&self, message: OutboxMessage) -> std::io::Result<()> {
        let mut all = self.messages.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(f) = self
            .journal
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_mut()
        {
            let mut line = serde_json::to_vec(&message).map_err(std::io::Error::from)?;
            line.push(b'\n');
            f.write_all(&line)?;
        }
        if let Some(files) = &self.files {
            let stem = format!(
                "{}-{:04}-{}",
                message
                    .sent_at
                    .to_rfc3339_opts(SecondsFormat::Millis, true)
                    .replace(':', ""),
                all.len(),
                message.to.replace(
                    |c: char| !c.is_ascii_alphanumeric() && c != '@' && c != '.',
                    "_"
                )
            );
            if let Ok(f) = files.lock() {
                let _ = f.send(FileJob::Write(stem, message.clone()));
            }
        }
        all.push(message);
        Ok(())
    }
}

fn write_files(folder: &Path, from: &str, jobs: mpsc::Receiver<FileJob>) {
    for job in jobs {
        match job {
            FileJob::Write(stem, message) => {
                let written = match &message.html {
                    Some(html) => std::fs::write(folder.join(format!("{stem}.html")), html)
                        .and_then(|()| {
                            std::fs::write(
                                folder.join(format!("{stem}.eml")),
                                mime(from, &message)?,
                            )
                        }),
                    None => std::fs::write(folder.join(format!("{stem}.txt")), &message.text),
                };
                if let Err(e) = written {
                    tracing::warn!(error = %e, "could not write an outbox file");
                }
            }
            FileJob::Flush(done) => {
                let _ = done.send(());
            }
        }
    }
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
