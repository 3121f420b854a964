//! Email through SES v2 `SendEmail` with simple content: subject, text and HTML parts.

use async_trait::async_trait;
use aws_sdk_sesv2::Client;
use aws_sdk_sesv2::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};
use aws_sdk_sesv2::types::{Body, Content, Destination, EmailContent, Message, MessageTag};

use super::is_server_error;
use crate::ports::{EmailMessage, Mailer, SendError};

pub struct SesMailer {
    client: Client,
    from: String,
    configuration_set: Option<String>,
}

impl SesMailer {
    pub fn new(client: Client, from: impl Into<String>, configuration_set: Option<String>) -> Self {
        Self {
            client,
            from: from.into(),
            configuration_set,
        }
    }
}

fn content(data: &str) -> Result<Content, SendError> {
    Content::builder()
        .data(data)
        .charset("UTF-8")
        .build()
        .map_err(|e| SendError::Refused(e.to_string()))
}

/// The message tag that names the outbox entry an email was sent for: SES hands it back in
/// every event about the email (`mail.tags.outbox`), which is how a bounce finds its member.
/// Tag values allow letters, digits, `_` and `-`: the key's `#`s become `_`s.
pub const OUTBOX_TAG: &str = "outbox";

pub fn outbox_tag_value(key: &str) -> String {
    key.replace('#', "_")
}

#[async_trait]
impl Mailer for SesMailer {
    async fn send_email(&self, m: &EmailMessage) -> Result<(), SendError> {
        self.send(m, None).await
    }

    async fn send_email_once(&self, m: &EmailMessage, key: &str) -> Result<(), SendError> {
        self.send(m, Some(key)).await
    }
}

impl SesMailer {
    async fn send(&self, m: &EmailMessage, key: Option<&str>) -> Result<(), SendError> {
        let tags = match key {
            Some(key) => Some(vec![
                MessageTag::builder()
                    .name(OUTBOX_TAG)
                    .value(outbox_tag_value(key))
                    .build()
                    .map_err(|e| SendError::Refused(e.to_string()))?,
            ]),
            None => None,
        };
        let body = Body::builder()
            .text(content(&m.text)?)
            .html(content(&m.html)?)
            .build();
        let message = Message::builder()
            .subject(content(&m.subject)?)
            .body(body)
            .build();
        let result = self
            .client
            .send_email()
            .from_email_address(match &m.sender_name {
                Some(name) => crate::ports::mailbox(name, &self.from),
                None => self.from.clone(),
            })
            .set_reply_to_addresses(m.reply_to.clone().map(|r| vec![r]))
            .destination(Destination::builder().to_addresses(&m.to).build())
            .content(EmailContent::builder().simple(message).build())
            .set_configuration_set_name(self.configuration_set.clone())
            .set_email_tags(tags)
            .send()
            .await;
        match result {
            Ok(_) => Ok(()),
            Err(e) => Err(match &e {
                SdkError::ServiceError(se)
                    if matches!(
                        se.err().code(),
                        Some(
                            "TooManyRequestsException"
                                | "LimitExceededException"
                                | "ThrottlingException"
                        )
                    ) =>
                {
                    SendError::Throttled
                }
                SdkError::TimeoutError(_) | SdkError::DispatchFailure(_) => SendError::Throttled,
                _ if is_server_error(&e) => {
                    tracing::warn!(error = %DisplayErrorContext(&e), "SES failed on its side through the SDK's retries");
                    SendError::Throttled
                }
                _ => SendError::Refused(DisplayErrorContext(&e).to_string()),
            }),
        }
    }
}
