//! Running one function's router under the Lambda Runtime API (API Gateway HTTP API events).

use crate::app::App;
use crate::http::{Function, function_router};

/// The `dispatch` function: EventBridge Scheduler's target for deferred sends. Its event is
/// the schedule's input, `{"tenant", "user", "generation"}`.
pub async fn run_dispatch() -> Result<(), lambda_runtime::Error> {
    serve(
        |app, event: lambda_runtime::LambdaEvent<crate::ports::DeferredSend>| async move {
            let outcome = crate::usecases::dispatch::dispatch(&app, &event.payload).await?;
            Ok(serde_json::json!({ "outcome": outcome }))
        },
    )
    .await
}

/// Serves events of type `E` with `handle` until the runtime stops the process: the
/// configuration read and the adapters built once, at the cold start.
async fn serve<E, F, Fut>(handle: F) -> Result<(), lambda_runtime::Error>
where
    E: serde::de::DeserializeOwned + Send + 'static,
    F: Fn(std::sync::Arc<App>, lambda_runtime::LambdaEvent<E>) -> Fut,
    Fut: std::future::Future<Output = Result<serde_json::Value, lambda_runtime::Error>>,
{
    crate::telemetry::init_lambda();
    let app = App::from_env()
        .await
        .inspect_err(|e| tracing::error!(error = %e, "cannot start"))?;
    let handle = &handle;
    lambda_runtime::run(lambda_runtime::service_fn(
        move |event: lambda_runtime::LambdaEvent<E>| handle(app.clone(), event),
    ))
    .await
}

/// A DynamoDB stream record, as much of it as `deliver` reads: the item's keys name the
/// outbox entry, which is read afresh (the record's image may be stale by the time it runs).
#[derive(serde::Deserialize)]
pub struct StreamEvent {
    #[serde(rename = "Records")]
    pub records: Vec<StreamRecord>,
}

/// What `deliver` is handed: a batch of the stream, or (the schedule's `{"sweep": true}`) the
/// order to sweep the outbox for what the stream could not deliver (a record past its retries,
/// an attempt that died mid-send). Anything else, a stream batch it cannot read included, fails
/// the invocation loudly rather than passing for a sweep.
#[derive(serde::Deserialize)]
#[serde(untagged)]
pub enum DeliverEvent {
    Stream(StreamEvent),
    Sweep(SweepOrder),
}

/// The scheduled sweep's input (`{"sweep": true}`): nothing else passes for it.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SweepOrder {
    pub sweep: bool,
}

/// How old a claim must be for the sweep to take it for dead: longer than the function's
/// timeout (120 s), so that a live invocation's claim is never taken.
const CLAIM_TIMEOUT: chrono::Duration = chrono::Duration::minutes(3);

#[derive(serde::Deserialize)]
pub struct StreamRecord {
    pub dynamodb: StreamChange,
}

#[derive(serde::Deserialize)]
pub struct StreamChange {
    #[serde(rename = "Keys")]
    pub keys: StreamKeys,
    #[serde(rename = "SequenceNumber")]
    pub sequence_number: String,
}

#[derive(serde::Deserialize)]
pub struct StreamKeys {
    pub sk: StringAttribute,
}

#[derive(serde::Deserialize)]
pub struct StringAttribute {
    #[serde(rename = "S")]
    pub s: String,
}

/// Delivers a batch of outbox entries, in order. An entry put back for later (throttled) is
/// waited for while the invocation has time; otherwise it, and every record after it, is
/// reported failed (`batchItemFailures`), so that Lambda hands them over again.
pub async fn deliver_batch(
    app: &App,
    event: StreamEvent,
    deadline: std::time::SystemTime,
) -> serde_json::Value {
    use crate::usecases::deliver::{Outcome, deliver, key_of};
    const MARGIN: std::time::Duration = std::time::Duration::from_secs(5);
    for record in event.records {
        let change = record.dynamodb;
        let Some(key) = key_of(&change.keys.sk.s) else {
            tracing::warn!(sk = %change.keys.sk.s, "a stream record that is no outbox entry");
            continue;
        };
        loop {
            match deliver(app, &key, app.clock.now() - CLAIM_TIMEOUT).await {
                Ok(Outcome::Retry(at)) => {
                    let wait = (at - app.now()).to_std().unwrap_or_default();
                    let left = deadline
                        .duration_since(std::time::SystemTime::now())
                        .unwrap_or_default();
                    if wait + MARGIN < left {
                        tokio::time::sleep(wait).await;
                        continue;
                    }
                }
                Ok(outcome) => {
                    tracing::info!(tenant = %key.tenant_id, user = %key.user_id, ?outcome, "outbox entry done");
                    break;
                }
                Err(e) => {
                    tracing::warn!(tenant = %key.tenant_id, user = %key.user_id, error = %e, "delivery failed; Lambda hands it over again")
                }
            }
            return serde_json::json!({
                "batchItemFailures": [{"itemIdentifier": change.sequence_number}]
            });
        }
    }
    serde_json::json!({ "batchItemFailures": [] })
}

/// The `deliver` function: the table's stream (filtered to new outbox entries) hands it the
/// entries to send.
pub async fn run_deliver() -> Result<(), lambda_runtime::Error> {
    serve(
        |app, event: lambda_runtime::LambdaEvent<DeliverEvent>| async move {
            let deadline = event.context.deadline();
            match event.payload {
                DeliverEvent::Stream(batch) => Ok(deliver_batch(&app, batch, deadline).await),
                DeliverEvent::Sweep(_) => {
                    let dead_before = app.clock.now() - CLAIM_TIMEOUT;
                    crate::usecases::deliver::deliver_due(&app, dead_before).await?;
                    Ok(serde_json::json!({ "swept": true }))
                }
            }
        },
    )
    .await
}

/// What `events` is handed: SES's events through SNS, or lines of SNS's SMS delivery-status
/// log groups through a CloudWatch Logs subscription.
#[derive(serde::Deserialize)]
#[serde(untagged)]
pub enum ProviderEvents {
    SmsLogs(aws_lambda_events::event::cloudwatch_logs::LogsEvent),
    Ses(SnsEvent),
}

/// An SNS notification as Lambda hands it over: each record's message is an SES event.
#[derive(serde::Deserialize)]
pub struct SnsEvent {
    #[serde(rename = "Records")]
    pub records: Vec<SnsRecord>,
}

#[derive(serde::Deserialize)]
pub struct SnsRecord {
    #[serde(rename = "Sns")]
    pub sns: SnsMessage,
}

#[derive(serde::Deserialize)]
pub struct SnsMessage {
    #[serde(rename = "Message")]
    pub message: String,
}

/// Records each SES event of a notification on its member. An event that names no entry of
/// ours is logged and dropped; a failure to record fails the invocation, so that SNS retries.
pub async fn record_events(app: &App, event: SnsEvent) -> Result<usize, crate::Error> {
    let mut recorded = 0;
    for record in event.records {
        let parsed = serde_json::from_str::<serde_json::Value>(&record.sns.message)
            .ok()
            .as_ref()
            .and_then(crate::usecases::events::from_ses);
        match parsed {
            Some((key, event)) => {
                crate::usecases::events::record(app, &key, &event).await?;
                recorded += 1;
            }
            None => tracing::info!("an SES event about no outbox entry, or of no interest"),
        }
    }
    Ok(recorded)
}

/// Records each SMS receipt of a batch of delivery-status log lines on its member. A line
/// about a message this service did not send (another use of SNS in the account), or sent
/// longer ago than receipts are kept, is dropped; a failure to record fails the invocation, so
/// that the subscription retries.
pub async fn record_sms_receipts(
    app: &App,
    event: aws_lambda_events::event::cloudwatch_logs::LogsEvent,
) -> Result<usize, crate::Error> {
    let mut recorded = 0;
    for line in event.aws_logs.data.log_events {
        let parsed = serde_json::from_str::<serde_json::Value>(&line.message)
            .ok()
            .as_ref()
            .and_then(crate::usecases::events::from_sns_sms);
        let Some((message_id, receipt)) = parsed else {
            tracing::info!("a log line that is no SMS delivery status");
            continue;
        };
        match app.store.sms_receipt(&message_id).await? {
            Some(key) => {
                crate::usecases::events::record(app, &key, &receipt).await?;
                recorded += 1;
            }
            None => tracing::info!("an SMS receipt about no message of ours"),
        }
    }
    Ok(recorded)
}

/// The `events` function: SES's configuration set publishes bounces, complaints, deliveries
/// and rejections to an SNS topic, which invokes it; SNS's SMS delivery-status log groups hand
/// it their lines through a subscription.
pub async fn run_events() -> Result<(), lambda_runtime::Error> {
    serve(
        |app, event: lambda_runtime::LambdaEvent<ProviderEvents>| async move {
            let recorded = match event.payload {
                ProviderEvents::Ses(batch) => record_events(&app, batch).await?,
                ProviderEvents::SmsLogs(batch) => record_sms_receipts(&app, batch).await?,
            };
            Ok(serde_json::json!({ "recorded": recorded }))
        },
    )
    .await
}

/// Reads the configuration, builds the adapters once, and serves `function` until the runtime
/// stops the process.
pub async fn run(function: Function) -> Result<(), lambda_http::Error> {
    crate::telemetry::init_lambda();
    let app = App::from_env()
        .await
        .inspect_err(|e| tracing::error!(error = %e, "cannot start"))?;
    lambda_http::run(function_router(function, app)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stream_batch_it_cannot_read_is_refused_not_taken_for_a_sweep() {
        let sweep: DeliverEvent =
            serde_json::from_value(serde_json::json!({"sweep": true})).unwrap();
        assert!(matches!(
            sweep,
            DeliverEvent::Sweep(SweepOrder { sweep: true })
        ));
        let malformed = serde_json::json!({"Records": [{"dynamodb": {"Keys": {}}}]});
        assert!(serde_json::from_value::<DeliverEvent>(malformed).is_err());
        assert!(serde_json::from_value::<DeliverEvent>(serde_json::json!({})).is_err());
    }
}
