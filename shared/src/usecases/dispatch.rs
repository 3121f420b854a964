//! Deferred sends: what the scheduler's target (`dispatch`) does when a send is due. The token
//! is minted now, so its 24 hours start at the send. Idempotent: a send that fires twice, or
//! after a cancel or a reinvite (the generation moved on), sends nothing more.

use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;

use super::invite::issue_now;
use super::members::save;
use super::retrying;
use crate::app::App;
use crate::error::Result;
use crate::model::Status;
use crate::ports::{DeferredSend, ScheduleError};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Put in the outbox, which the `deliver` function (or the local courier) sends.
    Queued,
    /// Already sent, cancelled, reinvited or gone: nothing to do.
    Skipped,
}

/// Puts the invitation in the outbox (counted against the limits when it is sent), or skips
/// it. Fails when it cannot write, so that the scheduler tries again and then dead-letters.
pub async fn dispatch(app: &App, send: &DeferredSend) -> Result<Outcome> {
    let Some(tenant) = app.store.tenant(send.tenant).await? else {
        return Ok(Outcome::Skipped);
    };
    if tenant.suspended_at.is_some() {
        tracing::warn!(tenant = %send.tenant, user = %send.user, "the tenant is suspended: its deferred invitation is not sent");
        return Ok(Outcome::Skipped);
    }
    let queued = retrying(|| async {
        let Some(current) = app.store.member(send.tenant, send.user).await? else {
            return Ok(None);
        };
        if current.value.status != Status::Scheduled || current.value.generation != send.generation
        {
            return Ok(None);
        }
        let mut member = current.value.clone();
        let mut tx = app.store.tx();
        let queued = issue_now(&mut tx, &mut member, &tenant, app.now(), true);
        save(app, &tenant.name, tx, &current, &member).await?;
        Ok(Some(queued))
    })
    .await?;
    match queued {
        Some(queued) => {
            tracing::info!(tenant = %send.tenant, user = %send.user, "deferred invitation queued");
            app.wake(&queued);
            Ok(Outcome::Queued)
        }
        None => {
            tracing::info!(tenant = %send.tenant, user = %send.user, "deferred send skipped");
            Ok(Outcome::Skipped)
        }
    }
}

/// Fires every deferred send that is due (the local server's timer and
/// `POST /dev/scheduler/run`), deleting each schedule after it fired, as EventBridge does.
pub async fn run_due(app: &App) -> Result<usize> {
    let due = app
        .scheduler
        .due(app.now())
        .await
        .map_err(scheduler_error)?;
    let mut fired = 0;
    for (name, send) in due {
        dispatch(app, &send).await?;
        app.scheduler.cancel(&name).await.map_err(scheduler_error)?;
        fired += 1;
    }
    Ok(fired)
}

/// A scheduler that asks to be tried again later (throttled, timed out, a 5xx) is a 503 with
/// Retry-After, not an internal error.
fn scheduler_error(e: ScheduleError) -> crate::Error {
    match e {
        ScheduleError::Throttled => crate::Error::Unavailable {
            retry_after_seconds: 1,
        },
        ScheduleError::Failed(cause) => crate::Error::Internal(format!("scheduler: {cause}")),
    }
}

/// The local server's timer: due sends fire by themselves within a second.
pub fn spawn_timer(app: Arc<App>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        loop {
            tick.tick().await;
            if let Err(e) = run_due(&app).await {
                tracing::warn!(error = %e, "deferred sends failed; trying again in a second");
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scheduler_to_try_again_later_is_a_503_and_a_failed_one_an_internal_error() {
        let busy = scheduler_error(ScheduleError::Throttled);
        assert_eq!(busy.describe().0, 503, "{busy:?}");
        assert!(matches!(busy, crate::Error::Unavailable { .. }));
        let failed = scheduler_error(ScheduleError::Failed("bad request".into()));
        assert_eq!(failed.describe().0, 500, "{failed:?}");
    }
}
