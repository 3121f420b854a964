//! The local outbox: every message "sent" is kept in memory for `GET /dev/outbox`, appended to
//! `outbox.jsonl` under the data folder (reloaded on start), and written under `outbox/` so a
//! person can open it: an email as `.eml` (the multipart/alternative message a mail client
//! opens) and `.html` (for a browser), an SMS as `.txt`.

use std::fs::OpenOptions;
use std::io::Write as _;
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
    dir: Option<PathBuf>,
    from: String,
    messages: Mutex<Vec<OutboxMessage>>,
    clock: Arc<dyn Clock>,
}

impl FileOutbox {
    /// An outbox under `dir` (reloading what it held), or in memory only.
    pub fn new(dir: Option<PathBuf>, from: &str, clock: Arc<dyn Clock>) -> std::io::Result<Self> {
        let mut messages = Vec::new();
        if let Some(d) = &dir {
            std::fs::create_dir_all(d.join("outbox"))?;
            if let Ok(text) = std::fs::read_to_string(d.join("outbox.jsonl")) {
                messages.extend(
                    text.lines()
                        .filter_map(|l| serde_json::from_str::<OutboxMessage>(l).ok()),
                );
            }
        }
        Ok(Self {
            dir,
            from: from.to_string(),
            messages: Mutex::new(messages),
            clock,
        })
    }

    /// Messages to `to` (every message when `None`), oldest first.
    pub fn messages(&self, to: Option<&str>) -> Vec<OutboxMessage> {
        let all = self.messages.lock().unwrap_or_else(|p| p.into_inner());
        all.iter()
            .filter(|m| to.is_none_or(|t| m.to.eq_ignore_ascii_case(t)))
            .cloned()
            .collect()
    }

    fn keep(&self, message: OutboxMessage) -> std::io::Result<()> {
        let mut all = self.messages.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(d) = &self.dir {
            let line = serde_json::to_string(&message).map_err(std::io::Error::from)?;
            let mut f = OpenOptions::new()
                .create(true)
                .append(true)
                .open(d.join("outbox.jsonl"))?;
            f.write_all(line.as_bytes())?;
            f.write_all(b"\n")?;
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
            match &message.html {
                Some(html) => {
                    std::fs::write(d.join("outbox").join(format!("{stem}.html")), html)?;
                    std::fs::write(
                        d.join("outbox").join(format!("{stem}.eml")),
                        self.mime(&message)?,
                    )?;
                }
                None => {
                    std::fs::write(d.join("outbox").join(format!("{stem}.txt")), &message.text)?
                }
            }
        }
        all.push(message);
        Ok(())
    }
}

impl FileOutbox {
    /// The email as a MIME message: multipart/alternative with the text and HTML parts.
    fn mime(&self, message: &OutboxMessage) -> std::io::Result<Vec<u8>> {
        MessageBuilder::new()
            .from(self.from.as_str())
            .to(message.to.as_str())
            .subject(message.subject.as_deref().unwrap_or(""))
            .date(message.sent_at.timestamp())
            .message_id(format!("{}@outbox.invitations.local", uuid::Uuid::now_v7()))
            .text_body(message.text.as_str())
            .html_body(message.html.as_deref().unwrap_or(""))
            .write_to_vec()
    }
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
