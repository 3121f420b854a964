//! Abuse limits, counted in the same transaction as what they limit (so a refused request
//! leaves nothing behind): invitees per inviter per day, sends per recipient per day, SMS per
//! tenant per day (all UTC days), and failed sign-ins per account per window.

use chrono::{DateTime, Duration, Utc};

use crate::app::App;
use crate::error::{Error, Result};
use crate::model::{Channel, Member};
use crate::store::{Tx, keys};

fn day(now: DateTime<Utc>) -> (String, i64, u64) {
    let today = now.date_naive();
    let midnight = (today + Duration::days(1))
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc())
        .unwrap_or(now);
    let retry_after = (midnight - now).num_seconds().max(1) as u64;
    (
        today.format("%Y-%m-%d").to_string(),
        (midnight + Duration::days(1)).timestamp(),
        retry_after,
    )
}

/// One more invitee for the inviter today.
pub fn invitee(app: &App, tx: &mut Tx, member: &Member, now: DateTime<Utc>) {
    let (day, expires, after) = day(now);
    let Some(inviter) = member.invited_by else {
        return;
    };
    let max = app.config.limits.invites_per_inviter_per_day;
    tx.limit(
        keys::tenant_pk(member.tenant_id),
        format!("RL#inviter#{inviter}#{day}"),
        max,
        expires,
        "the inviter's daily limit is reached",
        after,
    );
}

/// One more send to each of the member's addresses on its channels today, and one more SMS
/// for the tenant when texting.
pub fn sends(app: &App, tx: &mut Tx, member: &Member, now: DateTime<Utc>) {
    let (day, expires, after) = day(now);
    let limits = &app.config.limits;
    for channel in &member.channels {
        let address = match channel {
            Channel::Email => member.email.as_deref().map(crate::validate::email_key),
            Channel::Sms => member.phone.clone(),
        };
        if let Some(to) = address {
            let what = "this person has received too many invitations today";
            tx.limit(
                format!("RL#to#{to}"),
                day.clone(),
                limits.sends_per_recipient_per_day,
                expires,
                what,
                after,
            );
        }
        if *channel == Channel::Sms {
            let what = "the tenant's daily SMS limit is reached";
            tx.limit(
                keys::tenant_pk(member.tenant_id),
                format!("RL#sms#{day}"),
                limits.sms_per_tenant_per_day,
                expires,
                what,
                after,
            );
        }
    }
}

fn window(app: &App, now: DateTime<Utc>) -> (String, i64, u64) {
    let size = app.config.limits.sign_in_window_seconds.max(1);
    let index = now.timestamp().div_euclid(size);
    let end = (index + 1) * size;
    (
        format!("W#{index}"),
        end + size,
        (end - now.timestamp()).max(1) as u64,
    )
}

/// Refuses a sign-in once the account has failed too often in this window; the same for an
/// email that has no account.
pub async fn check_sign_in(app: &App, email_key: &str) -> Result<()> {
    let (slot, _, after) = window(app, app.now());
    if app
        .store
        .count(&format!("RL#signin#{email_key}"), &slot)
        .await?
        >= app.config.limits.sign_in_failures_per_window
    {
        return Err(Error::TooManyAttempts(after));
    }
    Ok(())
}

pub async fn failed_sign_in(app: &App, email_key: &str) -> Result<()> {
    let (slot, expires, _) = window(app, app.now());
    let mut tx = app.store.tx();
    tx.tally(format!("RL#signin#{email_key}"), slot, expires);
    app.store.commit(tx).await
}
