//! Email through SES v2 `SendEmail` with simple content: subject, text and HTML parts.

use async_trait::async_trait;
use aws_sdk_sesv2::Client;
use aws_sdk_sesv2::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};
use aws_sdk_sesv2::types::{Body, Content, Destination, EmailContent, Message};

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

#[async_trait]
impl Mailer for SesMailer {
    async fn send_email(&self, m: &EmailMessage) -> Result<(), SendError> {
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
            .from_email_address(&self.from)
            .destination(Destination::builder().to_addresses(&m.to).build())
            .content(EmailContent::builder().simple(message).build())
            .set_configuration_set_name(self.configuration_set.clone())
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
