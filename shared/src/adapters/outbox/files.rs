//! The files a person opens from the local outbox: every email in `outbox.mbox` (the mboxrd
//! flavour, each a multipart/alternative MIME message), every SMS a line of `sms.txt`, written
//! off the request path by the outbox's thread.

use std::fs::File;
use std::io::{BufWriter, Write as _};
use std::sync::{Arc, Mutex};

use chrono::SecondsFormat;
use mail_builder::MessageBuilder;
use mail_builder::mime::MimePart;

use super::OutboxMessage;
use crate::model::Channel;

/// The files a person opens, and the messages not in them yet.
pub(super) struct Readable {
    pub(super) files: Mutex<Files>,
    pub(super) pending: Mutex<Vec<Arc<OutboxMessage>>>,
}

impl Readable {
    /// Writes every pending message, in the order they were kept.
    pub(super) fn catch_up(&self) {
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
pub(super) struct Files {
    pub(super) mbox: BufWriter<File>,
    pub(super) sms: BufWriter<File>,
    pub(super) from: String,
}

impl Files {
    pub(super) fn write(&mut self, message: &OutboxMessage) -> std::io::Result<()> {
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

    pub(super) fn flush(&mut self) {
        if let Err(e) = self.mbox.flush().and_then(|()| self.sms.flush()) {
            tracing::warn!(error = %e, "could not write the outbox files");
        }
    }
}

/// Appends an email to an mbox (the mboxrd flavour: a `From ` line before each message, and
/// `>` before any line of it that starts with `>`s and `From `), escaped by [`MboxText`].
pub(super) fn mbox_append(
    out: &mut impl std::io::Write,
    from: &str,
    message: &OutboxMessage,
) -> std::io::Result<()> {
    writeln!(
        out,
        "From {from} {}",
        message.sent_at.format("%a %b %e %H:%M:%S %Y")
    )?;
    // Built in memory, escaped in memory, then written at once: a write per line into the
    // file's buffer cost more than the escaping.
    let size = message.text.len() + message.html.as_ref().map_or(0, String::len) + 1024;
    let mut text = MboxText::new(Vec::with_capacity(size));
    text.write_all(&mime(from, message, message_id(message)).write_to_vec()?)?;
    out.write_all(&text.finish()?)?;
    out.write_all(b"\n")
}

/// A `Message-ID` unique within the outbox: the time the message was kept, and a sequence
/// number.
pub(super) fn message_id(message: &OutboxMessage) -> String {
    static SEQUENCE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = SEQUENCE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    format!(
        "{}.{n}@outbox.invitations.local",
        message.sent_at.timestamp_micros()
    )
}

/// The email as a MIME message: multipart/alternative with the text and HTML parts.
pub(super) fn mime<'a>(
    from: &'a str,
    message: &'a OutboxMessage,
    id: String,
) -> MessageBuilder<'a> {
    let builder = match &message.sender_name {
        Some(name) => MessageBuilder::new().from((name.as_str(), from)),
        None => MessageBuilder::new().from(from),
    };
    let builder = match &message.reply_to {
        Some(reply_to) => builder.reply_to(reply_to.as_str()),
        None => builder,
    };
    builder
        .to(message.to.as_str())
        .subject(message.subject.as_deref().unwrap_or(""))
        .date(message.sent_at.timestamp())
        .message_id(id)
        .body(MimePart::new(
            "multipart/alternative",
            vec![
                text_part("text/plain", &message.text),
                text_part("text/html", message.html.as_deref().unwrap_or("")),
            ],
        ))
}

/// A text part sent as it is (8bit) when it can be: a developer copies the link straight out
/// of the mbox (quoted-printable broke it across lines and wrote its `=` as `=3D`), and the
/// outbox thread skips an encoding. A text with a line longer than SMTP's 998 octets, a CR or
/// a NUL is left to mail-builder's encoding.
pub(super) fn text_part<'a>(content_type: &'a str, text: &'a str) -> MimePart<'a> {
    let part = MimePart::new(content_type, text);
    if fits_8bit(text) {
        part.transfer_encoding("8bit")
    } else {
        part
    }
}

/// Whether a text can go as it is in an 8bit part: no CR or NUL, and no line (the last one
/// included) longer than 998 octets. memchr finds them a vector at a time: a byte-by-byte
/// scan of every email's two parts was a tenth of the outbox thread.
pub(super) fn fits_8bit(text: &str) -> bool {
    let bytes = text.as_bytes();
    if memchr::memchr2(b'\r', 0, bytes).is_some() {
        return false;
    }
    let mut start = 0;
    memchr::memchr_iter(b'\n', bytes)
        .chain([bytes.len()])
        .all(|end| {
            let short = end - start <= 998;
            start = end + 1;
            short
        })
}

/// A message's text on its way into an mbox: CRLF line ends become LF, and a line that starts
/// with `>`s and `From ` gets one more `>` (mboxrd), whatever pieces the text arrives in.
pub(super) struct MboxText<W: std::io::Write> {
    pub(super) out: W,
    /// The start of the current line while it could still be a `>*From ` line.
    head: Vec<u8>,
    /// Whether the next byte starts a line.
    pub(super) line_start: bool,
    /// A `\r` held back until the next byte shows whether it ends a line.
    cr: bool,
}

impl<W: std::io::Write> MboxText<W> {
    pub(super) fn new(out: W) -> Self {
        Self {
            out,
            head: Vec::new(),
            line_start: true,
            cr: false,
        }
    }

    /// Ends the last line (with a newline, if it had none), and hands back the writer.
    pub(super) fn finish(mut self) -> std::io::Result<W> {
        if self.cr {
            self.out.write_all(b"\r")?;
        }
        let open = !self.line_start || !self.head.is_empty() || self.cr;
        self.out.write_all(&self.head)?;
        if open {
            self.out.write_all(b"\n")?;
        }
        Ok(self.out)
    }

    /// Takes bytes of a line's start; returns how many, and whether the line is decided.
    pub(super) fn take_head(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        const FROM: &[u8] = b"From ";
        for (i, b) in bytes.iter().enumerate() {
            let quotes = self.head.iter().take_while(|c| **c == b'>').count();
            let matched = self.head.len() - quotes;
            if (matched == 0 && *b == b'>') || FROM.get(matched) == Some(b) {
                self.head.push(*b);
                if matched + 1 == FROM.len() {
                    self.out.write_all(b">")?;
                    self.end_head()?;
                    return Ok(i + 1);
                }
            } else {
                self.end_head()?;
                return Ok(i);
            }
        }
        Ok(bytes.len())
    }

    pub(super) fn end_head(&mut self) -> std::io::Result<()> {
        self.out.write_all(&self.head)?;
        self.head.clear();
        self.line_start = false;
        Ok(())
    }
}

impl<W: std::io::Write> std::io::Write for MboxText<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let mut rest = bytes;
        while !rest.is_empty() {
            if self.cr {
                self.cr = false;
                if rest[0] != b'\n' {
                    self.out.write_all(b"\r")?;
                }
            }
            if self.line_start {
                let taken = self.take_head(rest)?;
                rest = &rest[taken..];
                continue;
            }
            let (line, ends) = match memchr::memchr(b'\n', rest) {
                Some(i) => (&rest[..i], true),
                None => (rest, false),
            };
            let kept = match line.last() {
                Some(b'\r') => {
                    self.cr = !ends;
                    &line[..line.len() - 1]
                }
                _ => line,
            };
            self.out.write_all(kept)?;
            if ends {
                self.out.write_all(b"\n")?;
                self.line_start = true;
                rest = &rest[line.len() + 1..];
            } else {
                rest = &[];
            }
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}
