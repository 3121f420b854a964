//! Changing a member's state: reinvite, deactivate (or cancel), reactivate, and the one place
//! that commits a member change with everything it implies.

use serde::Deserialize;
use uuid::Uuid;

use super::audit::Audit;
use super::invite::{issue_now, schedule_name};
use super::{MemberView, authorize_on, retrying};
use crate::app::App;
use crate::error::{Error, Result};
use crate::model::{Access, Channel, Member, Status};
use crate::store::{Tx, Versioned};

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReinviteRequest {
    pub channels: Option<Vec<Channel>>,
}

/// A new 24-hour invitation, sent now; every earlier link of the member dies at once (the
/// generation moves on), and a pending deferred send is deleted. Allowed from `scheduled`,
/// `invited` and `expired`.
pub async fn reinvite(
    app: &App,
    profile: crate::session::Principal,
    tenant: Uuid,
    user: Uuid,
    req: ReinviteRequest,
) -> Result<MemberView> {
    let req = &req;
    let (actor, before, member, queued) = retrying(|| async move {
        let (actor, current) = authorize_on(app, profile, tenant, user).await?;
        let now = app.now();
        if !current.value.status_at(now).is_pending() {
            return Err(Error::NotPending);
        }
        let mut member = current.value.clone();
        if let Some(channels) = &req.channels {
            let mut c = channels.clone();
            c.sort();
            c.dedup();
            if c.contains(&Channel::Email) && member.email.is_none() {
                return Err(Error::field(
                    "channels",
                    "sending by email needs an email address",
                ));
            }
            if c.contains(&Channel::Sms) && member.phone.is_none() {
                return Err(Error::field(
                    "channels",
                    "sending by SMS needs a phone number",
                ));
            }
            member.channels = c;
        }
        // The tenant may have narrowed its allowed domains since: a new link goes only where
        // it allows now.
        if let (true, Some(email)) = (member.channels.contains(&Channel::Email), &member.email) {
            super::invite::domain_allowed(&actor.tenant, email)?;
        }
        member.generation += 1;
        member.send_at = None;
        member.renewal_requested_at = None;
        let mut tx = app.store.tx();
        super::limits::sends(app, &mut tx, &mut member, 0, now)?;
        let queued = issue_now(&mut tx, &mut member, &actor.tenant, now, false);
        Audit::new(app, tenant, "member.reinvited")
            .by(&actor)
            .on(&member)
            .diff(&current.value, &member, now)
            .record(app, &mut tx);
        save(app, &actor.tenant_name, tx, &current, &member).await?;
        Ok((actor, current.value, member, queued))
    })
    .await?;
    tracing::info!(tenant = %tenant, user = %user, "reinvited");
    app.wake(&queued);
    drop_schedule(app, &before).await;
    Ok(MemberView::new(member, app.now(), actor.role))
}

/// Deletes the deferred send a member had, if any. Best effort: `dispatch` ignores a send
/// whose generation has moved on, so a schedule that survives this sends nothing.
async fn drop_schedule(app: &App, before: &Member) {
    if before.status == Status::Scheduled {
        if let Err(e) = app
            .scheduler
            .cancel(&schedule_name(before.id, before.generation))
            .await
        {
            tracing::warn!(tenant = %before.tenant_id, user = %before.id, error = %e, "could not delete a deferred send");
        }
    }
}

/// Commits `after` in place of `current`, with everything the change implies, in one
/// transaction with whatever `tx` already holds: the status counters, the active-admin count
/// (refusing to leave the tenant without one), the access entry that authorises the member's
/// sessions, and the uniqueness claims a cancelled invitation gives back.
pub async fn save(
    app: &App,
    tenant_name: &str,
    mut tx: Tx,
    current: &Versioned<Member>,
    after: &Member,
) -> Result<()> {
    let before = &current.value;
    let was_admin = crate::store::is_active_admin(before.status, before.role);
    let is_admin = crate::store::is_active_admin(after.status, after.role);
    if is_admin && !was_admin {
        tx.add_admin(after.tenant_id);
    } else if was_admin && !is_admin {
        let admins = app.store.admins(after.tenant_id).await?;
        let count = admins.as_ref().map_or(0, |c| c.value);
        if count <= 1 {
            return Err(Error::LastAdmin);
        }
        tx.set_admins(after.tenant_id, admins.as_ref(), count - 1);
    }
    if let Some(profile) = after.profile_id {
        let has_access = matches!(after.status, Status::Active | Status::Deactivated);
        if has_access && (before.status != after.status || before.role != after.role) {
            let access = Access {
                tenant_id: after.tenant_id,
                tenant_name: tenant_name.to_string(),
                user_id: after.id,
                role: after.role,
                status: after.status,
            };
            tx.put_access(profile, &access);
        }
    }
    if after.status == Status::Cancelled && before.status != Status::Cancelled {
        tx.release_claims(after);
    }
    tx.put_member(after, Some(current));
    tx.count(
        after.tenant_id,
        after.id,
        Some(before.status),
        Some(after.status),
    );
    app.store.commit(tx).await
}

/// `active` → `deactivated` (the member's sessions stop working on their next request);
/// `scheduled`/`invited`/`expired` → `cancelled` (every link dies, a pending deferred send is
/// deleted, the email, phone, agent ids and shortcode are free again).
pub async fn deactivate(
    app: &App,
    profile: crate::session::Principal,
    tenant: Uuid,
    user: Uuid,
) -> Result<MemberView> {
    let (actor, before, member) = retrying(|| async move {
        let (actor, current) = authorize_on(app, profile, tenant, user).await?;
        let mut member = current.value.clone();
        member.deactivated_at = Some(app.now());
        match current.value.status {
            Status::Active => member.status = Status::Deactivated,
            Status::Scheduled | Status::Invited | Status::Expired => {
                member.status = Status::Cancelled;
                member.generation += 1;
                member.delivery.clear();
            }
            Status::Deactivated | Status::Cancelled => return Err(Error::NotActive),
        }
        let mut tx = app.store.tx();
        let action = if member.status == Status::Cancelled {
            "member.cancelled"
        } else {
            "member.deactivated"
        };
        Audit::new(app, tenant, action)
            .by(&actor)
            .on(&member)
            .diff(&current.value, &member, app.now())
            .record(app, &mut tx);
        save(app, &actor.tenant_name, tx, &current, &member).await?;
        Ok((actor, current.value, member))
    })
    .await?;
    drop_schedule(app, &before).await;
    tracing::info!(tenant = %tenant, user = %user, status = member.status.as_str(), "deactivated");
    Ok(MemberView::new(member, app.now(), actor.role))
}

/// `deactivated` → `active`.
pub async fn reactivate(
    app: &App,
    profile: crate::session::Principal,
    tenant: Uuid,
    user: Uuid,
) -> Result<MemberView> {
    let (actor, member) = retrying(|| async move {
        let (actor, current) = authorize_on(app, profile, tenant, user).await?;
        if current.value.status != Status::Deactivated {
            return Err(Error::NotDeactivated);
        }
        let mut member = current.value.clone();
        member.status = Status::Active;
        member.deactivated_at = None;
        let mut tx = app.store.tx();
        Audit::new(app, tenant, "member.reactivated")
            .by(&actor)
            .on(&member)
            .diff(&current.value, &member, app.now())
            .record(app, &mut tx);
        save(app, &actor.tenant_name, tx, &current, &member).await?;
        Ok((actor, member))
    })
    .await?;
    tracing::info!(tenant = %tenant, user = %user, "reactivated");
    Ok(MemberView::new(member, app.now(), actor.role))
}
