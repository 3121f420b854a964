//! Deferred sends as EventBridge Scheduler one-time schedules: `at(...)` in the invitee's
//! timezone, deleted by the service after they fire, targeting the `dispatch` function.

use async_trait::async_trait;
use aws_sdk_scheduler::Client;
use aws_sdk_scheduler::config::http::HttpResponse;
use aws_sdk_scheduler::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};
use aws_sdk_scheduler::types::{
    ActionAfterCompletion, DeadLetterConfig, FlexibleTimeWindow, FlexibleTimeWindowMode,
    RetryPolicy, Target,
};

use super::is_server_error;
use crate::ports::{DeferredSend, ScheduleError, Scheduler};

pub struct EventBridgeScheduler {
    client: Client,
    group: String,
    target_arn: String,
    role_arn: String,
    dead_letters: Option<String>,
}

impl EventBridgeScheduler {
    pub fn new(
        client: Client,
        group: impl Into<String>,
        target_arn: impl Into<String>,
        role_arn: impl Into<String>,
    ) -> Self {
        Self {
            client,
            group: group.into(),
            target_arn: target_arn.into(),
            role_arn: role_arn.into(),
            dead_letters: None,
        }
    }

    /// Where EventBridge Scheduler parks a deferred send that failed every retry (an SQS queue).
    pub fn with_dead_letters(mut self, queue_arn: Option<String>) -> Self {
        self.dead_letters = queue_arn;
        self
    }

    pub fn client(&self) -> &Client {
        &self.client
    }

    pub fn group(&self) -> &str {
        &self.group
    }
}

/// Throttling, timeouts and the service's own failures (a 5xx, after the SDK's retries) are
/// worth trying again later; everything else is a failure of this request.
fn failed<E: ProvideErrorMetadata + std::error::Error + 'static>(
    e: SdkError<E, HttpResponse>,
) -> ScheduleError {
    match &e {
        SdkError::ServiceError(se) if se.err().code() == Some("ThrottlingException") => {
            ScheduleError::Throttled
        }
        SdkError::TimeoutError(_) | SdkError::DispatchFailure(_) => ScheduleError::Throttled,
        _ if is_server_error(&e) => {
            tracing::warn!(error = %DisplayErrorContext(&e), "EventBridge Scheduler failed on its side through the SDK's retries");
            ScheduleError::Throttled
        }
        _ => ScheduleError::Failed(DisplayErrorContext(&e).to_string()),
    }
}

#[async_trait]
impl Scheduler for EventBridgeScheduler {
    async fn schedule(
        &self,
        name: &str,
        at: chrono::NaiveDateTime,
        timezone: &str,
        send: &DeferredSend,
    ) -> Result<(), ScheduleError> {
        let input =
            serde_json::to_string(send).map_err(|e| ScheduleError::Failed(e.to_string()))?;
        let bad = |e: aws_sdk_scheduler::error::BuildError| ScheduleError::Failed(e.to_string());
        let target = Target::builder()
            .arn(&self.target_arn)
            .role_arn(&self.role_arn)
            .input(input)
            .set_dead_letter_config(
                self.dead_letters
                    .as_ref()
                    .map(|arn| DeadLetterConfig::builder().arn(arn).build()),
            )
            .retry_policy(
                RetryPolicy::builder()
                    .maximum_event_age_in_seconds(3600)
                    .maximum_retry_attempts(10)
                    .build(),
            )
            .build()
            .map_err(bad)?;
        self.client
            .create_schedule()
            .name(name)
            .group_name(&self.group)
            .schedule_expression(format!("at({})", at.format("%Y-%m-%dT%H:%M:%S")))
            .schedule_expression_timezone(timezone)
            .flexible_time_window(
                FlexibleTimeWindow::builder()
                    .mode(FlexibleTimeWindowMode::Off)
                    .build()
                    .map_err(bad)?,
            )
            .target(target)
            .action_after_completion(ActionAfterCompletion::Delete)
            .send()
            .await
            .map(|_| ())
            .map_err(failed)
    }

    /// Lists the group's schedules and returns those whose `at(...)` time has come. Only the
    /// local server asks (`make run BACKEND=aws`, where moto never fires schedules).
    async fn due(
        &self,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Vec<(String, DeferredSend)>, ScheduleError> {
        let mut due = Vec::new();
        let mut pages = self
            .client
            .list_schedules()
            .group_name(&self.group)
            .into_paginator()
            .send();
        while let Some(page) = pages.next().await {
            for summary in page.map_err(failed)?.schedules() {
                let Some(name) = summary.name() else { continue };
                let got = self
                    .client
                    .get_schedule()
                    .name(name)
                    .group_name(&self.group)
                    .send()
                    .await
                    .map_err(failed)?;
                let at = got
                    .schedule_expression()
                    .and_then(|e| e.strip_prefix("at(")?.strip_suffix(')').map(str::to_string))
                    .and_then(|t| {
                        chrono::NaiveDateTime::parse_from_str(&t, "%Y-%m-%dT%H:%M:%S").ok()
                    });
                let tz = got.schedule_expression_timezone().unwrap_or("UTC");
                let send = got
                    .target()
                    .and_then(|t| t.input())
                    .and_then(|i| serde_json::from_str::<DeferredSend>(i).ok());
                if let (Some(at), Some(send)) = (at, send) {
                    if crate::ports::instant_in(at, tz).is_some_and(|t| t <= now) {
                        due.push((name.to_string(), send));
                    }
                }
            }
        }
        Ok(due)
    }

    async fn cancel(&self, name: &str) -> Result<(), ScheduleError> {
        match self
            .client
            .delete_schedule()
            .name(name)
            .group_name(&self.group)
            .send()
            .await
        {
            Ok(_) => Ok(()),
            Err(e)
                if e.as_service_error()
                    .is_some_and(|se| se.is_resource_not_found_exception()) =>
            {
                Ok(())
            }
            Err(e) => Err(failed(e)),
        }
    }
}
