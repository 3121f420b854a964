//! SMS through SNS `Publish` to an E.164 number, as a transactional message.

use async_trait::async_trait;
use aws_sdk_sns::Client;
use aws_sdk_sns::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};
use aws_sdk_sns::types::MessageAttributeValue;

use super::is_server_error;
use crate::ports::{SendError, SmsMessage, SmsSender};

pub struct SnsSms {
    client: Client,
    sender_id: Option<String>,
}

impl SnsSms {
    pub fn new(client: Client, sender_id: Option<String>) -> Self {
        Self { client, sender_id }
    }
}

fn text(value: &str) -> Result<MessageAttributeValue, SendError> {
    MessageAttributeValue::builder()
        .data_type("String")
        .string_value(value)
        .build()
        .map_err(|e| SendError::Refused(e.to_string()))
}

#[async_trait]
impl SmsSender for SnsSms {
    async fn send_sms(&self, m: &SmsMessage) -> Result<(), SendError> {
        self.publish(m).await.map(|_| ())
    }
    /// SNS cannot tell whether it took a message before (no idempotency key on `Publish`);
    /// what it answers is the message id its delivery-status log names the receipt by.
    async fn send_sms_once(&self, m: &SmsMessage, _key: &str) -> Result<Option<String>, SendError> {
        self.publish(m).await
    }
}

impl SnsSms {
    async fn publish(&self, m: &SmsMessage) -> Result<Option<String>, SendError> {
        let mut req = self
            .client
            .publish()
            .phone_number(&m.to)
            .message(&m.text)
            .message_attributes("AWS.SNS.SMS.SMSType", text("Transactional")?);
        if let Some(id) = &self.sender_id {
            req = req.message_attributes("AWS.SNS.SMS.SenderID", text(id)?);
        }
        match req.send().await {
            Ok(out) => Ok(out.message_id),
            Err(e) => Err(match &e {
                SdkError::ServiceError(se)
                    if matches!(
                        se.err().code(),
                        Some("Throttling" | "ThrottledException" | "ThrottlingException")
                    ) =>
                {
                    SendError::Throttled
                }
                SdkError::TimeoutError(_) | SdkError::DispatchFailure(_) => SendError::Throttled,
                _ if is_server_error(&e) => {
                    tracing::warn!(error = %DisplayErrorContext(&e), "SNS failed on its side through the SDK's retries");
                    SendError::Throttled
                }
                _ => SendError::Refused(DisplayErrorContext(&e).to_string()),
            }),
        }
    }
}
