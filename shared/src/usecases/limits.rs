//! Abuse limits, counted in the same transaction as what they limit (so that a refused request
//! leaves nothing behind): invitees per inviter per day, sends per recipient per day, SMS per
//! tenant per day (all UTC days). (Failed checks of passwords and codes: `attempts`.)
//!
//! None costs an item of its own on an email invitation: the inviter's invitees of the day are
//! a field of the counter shard the invite counts on anyway, and the emails a person was sent
//! today are counted on their membership (which every send writes), carried over from the
//! memberships of that address that were cancelled today. So the email limit is per tenant: one
//! tenant cannot use up, or learn of, another tenant's invitations to a person. Text messages,
//! which cost money per message, keep a count per number across tenants (shared with phone
//! sign-up codes) and one per tenant.

use chrono::{DateTime, Duration, Utc};

use crate::app::App;
use crate::error::{Error, Result};
use crate::model::{Channel, DailyCount, Member};
use crate::store::{Tx, keys};

/// Today (UTC) as the limits name it (`2026-12-04`).
pub fn today(now: DateTime<Utc>) -> String {
    now.date_naive().to_string()
}

fn day(now: DateTime<Utc>) -> (String, i64, u64) {
    let today = now.date_naive();
    let midnight = (today + Duration::days(1))
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc())
        .unwrap_or(now);
    let retry_after = (midnight - now).num_seconds().max(1) as u64;
    (
        self::today(now),
        (midnight + Duration::days(1)).timestamp(),
        retry_after,
    )
}

/// Counts a new member on its inviter's counter shard, with one more of the inviter's invitees
/// today (refused past the daily limit); `stale` are the shard's fields of earlier days.
pub fn invitee(app: &App, tx: &mut Tx, member: &Member, stale: Vec<String>, now: DateTime<Utc>) {
    let (day, _, after) = day(now);
    match member.invited_by {
        Some(inviter) => tx.count_invite(
            member.tenant_id,
            inviter,
            member.status,
            &day,
            app.config.limits.invites_per_inviter_per_day,
            stale,
            after,
        ),
        None => tx.count(member.tenant_id, member.id, None, Some(member.status)),
    }
}

/// One more invitation sent to the member now, on its channels: refused (nothing written) when
/// its address has had its day's emails, counted on the member, and in `tx` for a text message
/// (per number, and per tenant). `earlier` is what cancelled memberships of the same address
/// were sent today.
pub fn sends(
    app: &App,
    tx: &mut Tx,
    member: &mut Member,
    earlier: u32,
    now: DateTime<Utc>,
) -> Result<()> {
    for channel in member.channels.clone() {
        send(app, tx, member, channel, earlier, now)?;
    }
    Ok(())
}

/// One more message to the member on `channel` now, counted as [`sends`] counts it (a deferred
/// send, or a retry, counted when it goes out).
pub fn send(
    app: &App,
    tx: &mut Tx,
    member: &mut Member,
    channel: Channel,
    earlier: u32,
    now: DateTime<Utc>,
) -> Result<()> {
    let (day, expires, after) = day(now);
    let limits = &app.config.limits;
    match (channel, &member.email, &member.phone) {
        (Channel::Email, Some(_), _) => {
            let today = now.date_naive();
            let sent = DailyCount::on(member.email_sends, today).max(earlier);
            if i64::from(sent) >= limits.sends_per_recipient_per_day {
                return Err(Error::RateLimited(
                    "this person has received too many invitations today".into(),
                    after,
                ));
            }
            member.email_sends = Some(DailyCount {
                day: today,
                count: sent + 1,
            });
        }
        (Channel::Sms, _, Some(to)) => {
            tx.limit(
                format!("RL#to#{to}"),
                day.clone(),
                limits.sends_per_recipient_per_day,
                expires,
                "this person has received too many invitations today",
                after,
            );
            tx.limit(
                keys::tenant_pk(member.tenant_id),
                format!("RL#sms#{day}"),
                limits.sms_per_tenant_per_day,
                expires,
                "the tenant's daily SMS limit is reached",
                after,
            );
        }
        _ => {}
    }
    Ok(())
}

/// The most emails any cancelled membership of the address was sent today (each carries its
/// predecessors' count): what a new membership of it starts from.
pub fn sent_before(cancelled: &[Member], now: DateTime<Utc>) -> u32 {
    let today = now.date_naive();
    cancelled
        .iter()
        .map(|m| DailyCount::on(m.email_sends, today))
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn today_names_the_utc_day_as_stored_limit_fields_do() {
        let late = chrono::DateTime::parse_from_rfc3339("2026-01-05T23:59:59-01:00").unwrap();
        assert_eq!(super::today(late.to_utc()), "2026-01-06");
        for day in ["0001-01-01", "0999-10-31", "2026-12-02", "9999-12-31"] {
            let at = chrono::DateTime::parse_from_rfc3339(&format!("{day}T12:00:00Z")).unwrap();
            assert_eq!(super::today(at.to_utc()), day);
            assert_eq!(super::today(at.to_utc()), at.date_naive().to_string());
        }
    }
}
