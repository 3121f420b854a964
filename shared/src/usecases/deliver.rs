//! Delivering the outbox: each entry an invitation's transaction wrote becomes one message,
//! sent at most once per member, generation and channel, and its outcome written on the
//! member's `delivery`.
//!
//! An attempt claims its entry first (a conditional write that also stores the link's token,
//! minted now, and counts the send against the limits when it was not counted at request
//! time), then sends, then writes the outcome and removes the entry, or puts it back for a
//! later try when the provider throttled. A claim found on an entry belongs to an attempt that
//! died while sending: a provider that can tell whether it took the message (the local outbox)
//! settles it; otherwise (SES, SNS) it is not sent again blindly but marked `failed`.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use super::invite::{accept_link, sms_text, token_record};
use crate::app::App;
use crate::email;
use crate::error::{Error, Result};
use crate::model::{Channel, Delivery, Member, Status};
use crate::ports::{SendError, SmsMessage};
use crate::secrets;
use crate::store::{OUTBOX_SHARDS, OutboxEntry, OutboxKey, OutboxState, Tx, Versioned};

/// How long throttling and transient failures are retried before a message is `failed`...
pub const GIVE_UP_AFTER: Duration = Duration::minutes(15);
/// ...and how many tries it has had at least by then (an entry whose first try came late, after
/// an outage of the courier, still gets a retry).
pub const MIN_TRIES: u32 = 2;

/// What became of one attempt at an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Sent,
    Failed,
    RateLimited,
    /// Nothing to do: sent already, claimed by another attempt, or no longer wanted.
    Skipped,
    /// Put back for a try at that time.
    Retry(DateTime<Utc>),
}

/// Queues the member's invitation on each of its channels in `tx` (with the change that calls
/// for it): `pending` until delivered. `count_limits`: the send is counted against the limits
/// when it goes out (a deferred send), not now.
pub fn queue(
    tx: &mut Tx,
    member: &mut Member,
    tenant_name: &str,
    now: DateTime<Utc>,
    count_limits: bool,
) -> Vec<OutboxKey> {
    member.delivery = member
        .channels
        .iter()
        .map(|c| (*c, Delivery::Pending))
        .collect();
    member.delivery_errors.clear();
    member
        .channels
        .iter()
        .map(|channel| {
            let key = OutboxKey {
                tenant_id: member.tenant_id,
                user_id: member.id,
                generation: member.generation,
                channel: *channel,
            };
            tx.queue_message(&OutboxEntry {
                key,
                tenant_name: tenant_name.to_string(),
                queued_at: now,
                next_attempt_at: now,
                attempts: 0,
                count_limits,
                state: OutboxState::Queued,
                last_error: None,
            });
            key
        })
        .collect()
}

/// The wait before try number `attempts + 1`: doubling from 2 seconds, at most a minute.
fn backoff(attempts: u32) -> Duration {
    Duration::seconds((2i64 << attempts.min(5)).min(60))
}

/// One attempt at the entry `key`. A claim on it made before `dead_before` belongs to an
/// attempt that died (a process that stopped, a Lambda invocation that timed out); a younger
/// one to an attempt still sending, which this one leaves alone. A claim lost to a concurrent
/// change of the member (not of the entry) is tried again.
pub async fn deliver(app: &App, key: &OutboxKey, dead_before: DateTime<Utc>) -> Result<Outcome> {
    super::retrying(|| deliver_once(app, key, dead_before)).await
}

async fn deliver_once(app: &App, key: &OutboxKey, dead_before: DateTime<Utc>) -> Result<Outcome> {
    let (entry, member, tenant) = tokio::try_join!(
        app.store.message(key),
        app.store.member(key.tenant_id, key.user_id),
        app.store.tenant(key.tenant_id)
    )?;
    let Some(entry) = entry else {
        return Ok(Outcome::Skipped);
    };
    let now = app.now();
    let wanted = member
        .as_ref()
        .is_some_and(|m| m.value.generation == key.generation && m.value.status == Status::Invited);
    let Some(member) = member.filter(|_| wanted) else {
        finish(app, &entry, None, None).await?;
        return Ok(Outcome::Skipped);
    };
    if let OutboxState::Sending { since } = entry.value.state {
        if since >= dead_before {
            return Ok(Outcome::Skipped);
        }
        let took = match key.channel {
            Channel::Email => app.mailer.took_email(&key.idempotency_key()).await,
            Channel::Sms => app.sms.took_sms(&key.idempotency_key()).await,
        };
        match took {
            Some(true) => {
                return finish(app, &entry, Some((Delivery::Sent, None)), Some(&member)).await;
            }
            Some(false) => {}
            None => {
                let why = "interrupted while sending: reinvite to send it again";
                return finish(
                    app,
                    &entry,
                    Some((Delivery::Failed, Some(why.into()))),
                    Some(&member),
                )
                .await;
            }
        }
    } else if entry.value.next_attempt_at > now {
        return Ok(Outcome::Retry(entry.value.next_attempt_at));
    }
    // A suspended tenant sends nothing (its admins reinvite once it is resumed).
    if tenant.as_ref().is_some_and(|t| t.suspended_at.is_some()) {
        let why = "the organisation is suspended: reinvite once it is resumed";
        return finish(
            app,
            &entry,
            Some((Delivery::Failed, Some(why.into()))),
            Some(&member),
        )
        .await;
    }
    // An address that bounced for good or complained gets nothing more (a reinvite, a
    // deferred send) until an admin clears it.
    if let Some(address) = address_of(&member.value, key.channel) {
        if let Some(s) = app.store.suppression(key.tenant_id, &address).await? {
            let why = format!("{} is suppressed ({})", s.address, s.reason);
            return finish(
                app,
                &entry,
                Some((Delivery::Failed, Some(why))),
                Some(&member),
            )
            .await;
        }
    }
    let (claimed, token) = match claim(app, &entry, &member, now).await {
        Ok(claimed) => claimed,
        // Another attempt claimed the entry (or finished it): it is theirs. If the entry is
        // as it was, the member changed under the claim: read both again and retry.
        Err(Error::Stale) => {
            return match app.store.message(key).await? {
                Some(now) if now.version == entry.version => Err(Error::Stale),
                _ => Ok(Outcome::Skipped),
            };
        }
        Err(Error::RateLimited(why, _)) => {
            return finish(app, &entry, Some((Delivery::RateLimited, Some(why))), None).await;
        }
        Err(e) => return Err(e),
    };
    // Unchanged by the claim unless it counted the send on the member.
    let fresh = (!claimed.value.count_limits).then_some(&member);
    match send(
        app,
        &member.value,
        &claimed.value,
        &token,
        tenant.as_deref(),
    )
    .await
    {
        Ok(receipt) => {
            let sent = Sent {
                member: fresh,
                receipt: receipt.as_deref(),
            };
            let sent = finish_sent(app, &claimed, sent).await?;
            simulate(app, key, &member.value).await?;
            Ok(sent)
        }
        Err(SendError::Throttled)
            if now - entry.value.queued_at < GIVE_UP_AFTER
                || claimed.value.attempts < MIN_TRIES =>
        {
            let at = now + backoff(claimed.value.attempts);
            let mut later = claimed.value.clone();
            later.state = OutboxState::Queued;
            later.next_attempt_at = at;
            later.last_error = Some("throttled by the provider".into());
            let mut tx = app.store.tx();
            tx.update_message(&claimed, &later);
            app.store.commit(tx).await?;
            tracing::info!(tenant = %key.tenant_id, user = %key.user_id, channel = ?key.channel, attempts = later.attempts, "throttled: the invitation is tried again later");
            Ok(Outcome::Retry(at))
        }
        Err(e) => {
            let why = match e {
                SendError::Throttled => "throttled by the provider for 15 minutes".to_string(),
                SendError::Refused(why) => why,
            };
            tracing::warn!(tenant = %key.tenant_id, user = %key.user_id, channel = ?key.channel, error = %why, "invitation not delivered");
            finish(app, &claimed, Some((Delivery::Failed, Some(why))), fresh).await
        }
    }
}

/// The local server plays SES's mailbox simulator (see [`super::events::simulated`]).
async fn simulate(app: &App, key: &OutboxKey, member: &Member) -> Result<()> {
    let event = match (&app.dev, key.channel, &member.email) {
        (Some(_), Channel::Email, Some(to)) => super::events::simulated(to),
        _ => None,
    };
    match event {
        Some(event) => super::events::record(app, key, &event).await,
        None => Ok(()),
    }
}

/// The address a channel reaches, as the suppression list keys it.
pub fn address_of(member: &Member, channel: Channel) -> Option<String> {
    match channel {
        Channel::Email => member.email.as_deref().map(crate::validate::email_key),
        Channel::Sms => member.phone.clone(),
    }
}

/// Claims the entry for this attempt, with a fresh token for its link (and the send counted
/// against the limits, when it is counted at send time). Returns the claimed entry and the
/// token.
async fn claim(
    app: &App,
    entry: &Versioned<OutboxEntry>,
    member: &Versioned<Member>,
    now: DateTime<Utc>,
) -> Result<(Versioned<OutboxEntry>, String)> {
    let e = &entry.value;
    let m = &member.value;
    let mut tx = app.store.tx();
    let mut claimed = e.clone();
    // To the nanosecond: a sweep takes a claim made before its process started for dead, and
    // must not take a live one made in the same second.
    claimed.state = OutboxState::Sending {
        since: app.clock.now(),
    };
    claimed.attempts += 1;
    tx.update_message(entry, &claimed);
    // A link names its member (the accept reads both at once), but for a text: the
    // 86-character token would take the SMS past one segment, which costs twice.
    let token = match e.key.channel {
        Channel::Sms => secrets::mint_token(),
        Channel::Email => secrets::mint_invitation_token(m.tenant_id, m.id),
    };
    let expires_at = m.invite_expires_at.unwrap_or(now);
    tx.put_token(
        &secrets::token_hash(&token),
        &token_record(m, &e.tenant_name, expires_at, &[e.key.channel]),
    );
    if e.count_limits && e.attempts == 0 {
        let mut counted = m.clone();
        super::limits::send(app, &mut tx, &mut counted, e.key.channel, 0, now)?;
        if counted.email_sends != m.email_sends {
            tx.put_member(&counted, Some(member));
        }
    }
    app.store.commit(tx).await?;
    Ok((
        Versioned {
            value: claimed,
            version: entry.version + 1,
        },
        token,
    ))
}

async fn send(
    app: &App,
    member: &Member,
    entry: &OutboxEntry,
    token: &str,
    tenant: Option<&crate::model::Tenant>,
) -> std::result::Result<Option<String>, SendError> {
    let plain = crate::model::Branding::default();
    let branding = tenant.map_or(&plain, |t| &t.branding);
    let locale = member
        .locale
        .as_deref()
        .or(tenant.map(|t| t.locale.as_str()))
        .unwrap_or("en");
    let link = accept_link(app, token);
    let expires_at = member.invite_expires_at.unwrap_or_else(|| app.now());
    let key = entry.key.idempotency_key();
    match (entry.key.channel, &member.email, &member.phone) {
        (Channel::Email, Some(to), _) => {
            let recipient = member.display_name();
            let recipient = if Some(&recipient) == member.email.as_ref() {
                String::new()
            } else {
                recipient
            };
            let message = email::invitation(&email::Invitation {
                branding,
                locale,
                to,
                tenant_name: &entry.tenant_name,
                inviter_name: &member.inviter_name,
                recipient_name: &recipient,
                role: Some(member.role),
                link: &link,
                now: app.now(),
                expires_at,
            })
            .map_err(|e| SendError::Refused(e.to_string()))?;
            app.mailer
                .send_email_once(&message, &key)
                .await
                .map(|()| None)
        }
        (Channel::Sms, _, Some(to)) => {
            let message = SmsMessage {
                to: to.clone(),
                text: sms_text(locale, &entry.tenant_name, &link, expires_at),
            };
            app.sms.send_sms_once(&message, &key).await
        }
        _ => Err(SendError::Refused("no address for this channel".into())),
    }
}

/// What a send that the provider took leaves to record: the member as read before it (when
/// the claim did not change it), and the provider's id of the message (an SMS's, for its
/// receipt).
struct Sent<'a> {
    member: Option<&'a Versioned<Member>>,
    receipt: Option<&'a str>,
}

async fn finish_sent(app: &App, entry: &Versioned<OutboxEntry>, sent: Sent<'_>) -> Result<Outcome> {
    finish_with(app, entry, Some((Delivery::Sent, None)), sent).await
}

/// Removes the entry (read at its version) and writes its outcome on the member, if the
/// member is still at the entry's generation.
async fn finish(
    app: &App,
    entry: &Versioned<OutboxEntry>,
    outcome: Option<(Delivery, Option<String>)>,
    known: Option<&Versioned<Member>>,
) -> Result<Outcome> {
    let sent = Sent {
        member: known,
        receipt: None,
    };
    finish_with(app, entry, outcome, sent).await
}

async fn finish_with(
    app: &App,
    entry: &Versioned<OutboxEntry>,
    outcome: Option<(Delivery, Option<String>)>,
    Sent {
        member: known,
        receipt,
    }: Sent<'_>,
) -> Result<Outcome> {
    let key = entry.value.key;
    let result = match &outcome {
        Some((Delivery::Sent, _)) => Outcome::Sent,
        Some((Delivery::RateLimited, _)) => Outcome::RateLimited,
        Some(_) => Outcome::Failed,
        None => Outcome::Skipped,
    };
    let outcome = &outcome;
    // The member as read before the send serves the first try (one round trip fewer); a
    // retry reads it afresh.
    let known = &std::sync::Mutex::new(known.cloned());
    super::retrying(|| async move {
        let mut tx = app.store.tx();
        tx.finish_message(entry);
        if let Some(id) = receipt {
            tx.put_sms_receipt(id, &key, app.now());
        }
        if let Some((delivery, why)) = outcome {
            let first = known.lock().ok().and_then(|mut k| k.take());
            let current = match first {
                Some(member) => Some(member),
                None => app.store.member(key.tenant_id, key.user_id).await?,
            };
            // A provider's event that came first (delivered, bounced) is not undone by "sent".
            let outrun = |m: &Member| {
                *delivery == Delivery::Sent
                    && m.delivery
                        .get(&key.channel)
                        .is_some_and(|d| *d != Delivery::Pending)
            };
            if let Some(current) =
                current.filter(|m| m.value.generation == key.generation && !outrun(&m.value))
            {
                let mut updated = current.value.clone();
                updated.delivery.insert(key.channel, *delivery);
                match why {
                    Some(why) => updated.delivery_errors.insert(key.channel, why.clone()),
                    None => updated.delivery_errors.remove(&key.channel),
                };
                let action = match delivery {
                    Delivery::Sent => "invitation.sent",
                    _ => "invitation.failed",
                };
                let field = format!("delivery.{}", key.channel.as_str());
                super::audit::Audit::new(app, key.tenant_id, action)
                    .on(&updated)
                    .change(
                        &field,
                        current.value.delivery.get(&key.channel),
                        Some(delivery),
                    )
                    .record(app, &mut tx);
                tx.put_member(&updated, Some(&current));
            }
        }
        match app.store.commit(tx).await {
            // The entry changed under us: another attempt finished it, or it is its own now.
            Err(Error::Stale)
                if app.store.message(&key).await?.map(|e| e.version) != Some(entry.version) =>
            {
                Ok(())
            }
            other => other,
        }
    })
    .await?;
    Ok(result)
}

/// The local server's courier: delivers each entry as soon as its transaction committed, and
/// sweeps the outbox every second for entries that are due again (throttled earlier) or were
/// left by a process that died (a claim older than `stale_claims` is taken for dead).
pub struct Courier {
    wake: tokio::sync::mpsc::UnboundedSender<OutboxKey>,
    /// Entries handed over and not yet attempted, and the signal that there are none left.
    in_flight: Arc<std::sync::atomic::AtomicUsize>,
    idle: Arc<tokio::sync::Notify>,
}

impl Courier {
    /// Hands entries just committed to the courier (nothing when no courier runs: in AWS, the
    /// table's stream hands them to the `deliver` function).
    pub fn wake(&self, keys: &[OutboxKey]) {
        use std::sync::atomic::Ordering;
        for key in keys {
            self.in_flight.fetch_add(1, Ordering::SeqCst);
            if self.wake.send(*key).is_err() {
                self.in_flight.fetch_sub(1, Ordering::SeqCst);
            }
        }
    }

    /// Waits (at most `limit`) until every entry handed over has had its first attempt: what
    /// `GET /dev/outbox` waits for, so that it shows an invitation as soon as its 201 came.
    pub async fn settled(&self, limit: std::time::Duration) {
        use std::sync::atomic::Ordering;
        let _ = tokio::time::timeout(limit, async {
            loop {
                let idle = self.idle.notified();
                if self.in_flight.load(Ordering::SeqCst) == 0 {
                    return;
                }
                idle.await;
            }
        })
        .await;
    }
}

/// Starts the local courier (see [`Courier`]).
pub fn spawn_courier(app: Arc<App>) -> tokio::task::JoinHandle<()> {
    let (wake, mut woken) = tokio::sync::mpsc::unbounded_channel::<OutboxKey>();
    let in_flight = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let idle = Arc::new(tokio::sync::Notify::new());
    let courier = Courier {
        wake,
        in_flight: in_flight.clone(),
        idle: idle.clone(),
    };
    if app.courier.set(courier).is_err() {
        tracing::warn!("a courier runs already");
    }
    let started = app.clock.now();
    tokio::spawn(async move {
        let mut sweep = tokio::time::interval(std::time::Duration::from_secs(1));
        loop {
            tokio::select! {
                Some(key) = woken.recv() => {
                    let (app, in_flight, idle) = (app.clone(), in_flight.clone(), idle.clone());
                    tokio::spawn(async move {
                        attempt(&app, &key, started).await;
                        if in_flight.fetch_sub(1, std::sync::atomic::Ordering::SeqCst) == 1 {
                            idle.notify_waiters();
                        }
                    });
                }
                _ = sweep.tick() => {
                    if let Err(e) = sweep_due(&app, started).await {
                        tracing::warn!(error = %e, "the outbox sweep failed; trying again in a second");
                    }
                }
            }
        }
    })
}

/// Delivers every queued entry that is due now (a courier's sweep, by hand; in AWS, the
/// `deliver` function's scheduled sweep, for what the stream could not hand over). Claims
/// made before `dead_before` are taken for dead.
pub async fn deliver_due(app: &App, dead_before: DateTime<Utc>) -> Result<()> {
    sweep_due(app, dead_before).await
}

async fn attempt(app: &App, key: &OutboxKey, dead_before: DateTime<Utc>) {
    if let Err(e) = deliver(app, key, dead_before).await {
        tracing::warn!(tenant = %key.tenant_id, user = %key.user_id, error = %e, "delivery attempt failed; the sweep tries again");
    }
}

/// How many entries the sweep attempts at once (each is a few round trips and one send).
const SWEEP_CONCURRENCY: usize = 8;
/// How long one sweep runs at most: well inside the deliver function's timeout (120 s). What
/// it leaves is the next sweep's, which starts at another shard.
const SWEEP_BUDGET: std::time::Duration = std::time::Duration::from_secs(80);

/// Delivers every entry that is due: queued ones whose time came, and claims made before this
/// process started (their attempt died with the process that made it). Every shard is read to
/// its end, a page at a time, so entries waiting behind others that are not due yet (backing
/// off from a throttle) are reached too; a page's due entries are attempted a few at once.
async fn sweep_due(app: &App, started: DateTime<Utc>) -> Result<()> {
    use futures::StreamExt;
    let now = app.now();
    let deadline = tokio::time::Instant::now() + SWEEP_BUDGET;
    // A random first shard: a backlog in one shard cannot keep the others waiting sweep after
    // sweep.
    let first = rand::random::<u32>() % OUTBOX_SHARDS;
    for shard in (0..OUTBOX_SHARDS).map(|i| (first + i) % OUTBOX_SHARDS) {
        let mut after = None;
        loop {
            if tokio::time::Instant::now() >= deadline {
                tracing::warn!(shard, "the sweep ran out of time; the next one goes on");
                return Ok(());
            }
            let (entries, next) = app.store.queued_messages(shard, 100, after).await?;
            let due: Vec<OutboxKey> = entries
                .into_iter()
                .filter(|entry| match entry.state {
                    // A fresh entry is its waker's to try first (a few seconds' grace).
                    OutboxState::Queued => {
                        entry.next_attempt_at <= now
                            && (entry.attempts > 0
                                || entry.queued_at < started
                                || now - entry.queued_at > Duration::seconds(5))
                    }
                    OutboxState::Sending { since } => since < started,
                })
                .map(|entry| entry.key)
                .collect();
            futures::stream::iter(due.iter())
                .for_each_concurrent(SWEEP_CONCURRENCY, |key| attempt(app, key, started))
                .await;
            match next {
                Some(key) => after = Some(key),
                None => break,
            }
        }
    }
    Ok(())
}

/// The outbox key a stream record's sort key names (the `deliver` function's input).
pub fn key_of(sk: &str) -> Option<OutboxKey> {
    let mut parts = sk.split('#');
    let tenant_id = Uuid::parse_str(parts.next()?).ok()?;
    let user_id = Uuid::parse_str(parts.next()?).ok()?;
    let generation = parts.next()?.parse().ok()?;
    let channel = match parts.next()? {
        "email" => Channel::Email,
        "sms" => Channel::Sms,
        _ => return None,
    };
    parts.next().is_none().then_some(OutboxKey {
        tenant_id,
        user_id,
        generation,
        channel,
    })
}
