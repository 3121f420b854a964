//! Changing a member's state: reinvite, deactivate (or cancel), reactivate.

use serde::Deserialize;
use uuid::Uuid;

use super::{Actor, MemberView, authorize, retrying, target};
use crate::app::App;
use crate::error::{Error, Result};
use crate::model::{Access, Channel, Delivery, InvitationToken, Member, Status};
use crate::secrets;
use crate::store::Tx;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReinviteRequest {
    pub channels: Option<Vec<Channel>>,
}

/// A new 24-hour invitation; every earlier link of the member dies at once (the generation
/// moves on). Allowed from `scheduled`, `invited` and `expired`.
pub async fn reinvite(
    app: &App,
    profile: Uuid,
    tenant: Uuid,
    user: Uuid,
    req: ReinviteRequest,
) -> Result<MemberView> {
    if let Some(channels) = &req.channels {
        if channels.contains(&Channel::Sms) {
            return Err(Error::field(
                "channels",
                "SMS delivery is not available yet",
            ));
        }
    }
    let req = &req;
    let (actor, member, token) = retrying(|| async move {
        let actor = authorize(app, profile, tenant).await?;
        let current = target(app, &actor, user).await?;
        let now = app.now();
        if !current.value.status_at(now).is_pending() {
            return Err(Error::NotPending);
        }
        let mut member = current.value.clone();
        member.generation += 1;
        member.status = Status::Invited;
        member.invite_expires_at = Some(now + app.invitation_ttl());
        member.send_at = None;
        if let Some(channels) = &req.channels {
            let mut c = channels.clone();
            c.sort();
            c.dedup();
            member.channels = c;
        }
        member.delivery = member
            .channels
            .iter()
            .map(|c| (*c, Delivery::Sent))
            .collect();
        let token = secrets::mint_token();
        let mut tx = app.store.tx();
        tx.put_member(&member, Some(&current));
        tx.put_token(
            &secrets::token_hash(&token),
            &InvitationToken {
                tenant_id: member.tenant_id,
                user_id: member.id,
                generation: member.generation,
                tenant_name: actor.tenant_name.clone(),
                expires_at: member.invite_expires_at.unwrap_or(now),
                used_at: None,
            },
        );
        tx.count(
            tenant,
            user,
            Some(current.value.status),
            Some(Status::Invited),
        );
        app.store.commit(tx).await?;
        Ok((actor, member, token))
    })
    .await?;
    tracing::info!(tenant = %tenant, user = %user, "reinvited");
    let member = super::invite::deliver(app, &actor.tenant_name, member, &token).await?;
    Ok(MemberView::new(member, app.now(), actor.role))
}

/// Adds to `tx` the change of the admin count that moving `before` to `after` implies,
/// refusing to leave the tenant without an active admin.
async fn adjust_admins(app: &App, tx: &mut Tx, before: &Member, after: &Member) -> Result<()> {
    let was = crate::store::is_active_admin(before.status, before.role);
    let is = crate::store::is_active_admin(after.status, after.role);
    if was == is {
        return Ok(());
    }
    let current = app.store.admins(after.tenant_id).await?;
    let count = current.as_ref().map_or(0, |c| c.value);
    let next = if is { count + 1 } else { count - 1 };
    if next < 1 {
        return Err(Error::LastAdmin);
    }
    tx.set_admins(after.tenant_id, current.as_ref(), next);
    Ok(())
}

fn access_of(actor: &Actor, m: &Member) -> Access {
    Access {
        tenant_id: m.tenant_id,
        tenant_name: actor.tenant_name.clone(),
        user_id: m.id,
        role: m.role,
        status: m.status,
    }
}

/// `active` → `deactivated` (the member's sessions stop working on their next request);
/// `scheduled`/`invited`/`expired` → `cancelled` (every link dies, the email, agent ids and
/// shortcode are free again).
pub async fn deactivate(app: &App, profile: Uuid, tenant: Uuid, user: Uuid) -> Result<MemberView> {
    let (actor, member) = retrying(|| async move {
        let actor = authorize(app, profile, tenant).await?;
        let current = target(app, &actor, user).await?;
        let now = app.now();
        let mut member = current.value.clone();
        let mut tx = app.store.tx();
        match current.value.status {
            Status::Active => {
                member.status = Status::Deactivated;
                member.deactivated_at = Some(now);
                adjust_admins(app, &mut tx, &current.value, &member).await?;
                if let Some(p) = member.profile_id {
                    tx.put_access(p, &access_of(&actor, &member));
                }
            }
            Status::Scheduled | Status::Invited | Status::Expired => {
                member.status = Status::Cancelled;
                member.deactivated_at = Some(now);
                member.generation += 1;
                member.delivery.clear();
                tx.release_claims(&member);
            }
            Status::Deactivated | Status::Cancelled => return Err(Error::NotActive),
        }
        tx.put_member(&member, Some(&current));
        tx.count(
            tenant,
            user,
            Some(current.value.status),
            Some(member.status),
        );
        app.store.commit(tx).await?;
        Ok((actor, member))
    })
    .await?;
    tracing::info!(tenant = %tenant, user = %user, status = member.status.as_str(), "deactivated");
    Ok(MemberView::new(member, app.now(), actor.role))
}

/// `deactivated` → `active`.
pub async fn reactivate(app: &App, profile: Uuid, tenant: Uuid, user: Uuid) -> Result<MemberView> {
    let (actor, member) = retrying(|| async move {
        let actor = authorize(app, profile, tenant).await?;
        let current = target(app, &actor, user).await?;
        if current.value.status != Status::Deactivated {
            return Err(Error::NotDeactivated);
        }
        let mut member = current.value.clone();
        member.status = Status::Active;
        member.deactivated_at = None;
        let mut tx = app.store.tx();
        adjust_admins(app, &mut tx, &current.value, &member).await?;
        if let Some(p) = member.profile_id {
            tx.put_access(p, &access_of(&actor, &member));
        }
        tx.put_member(&member, Some(&current));
        tx.count(
            tenant,
            user,
            Some(current.value.status),
            Some(member.status),
        );
        app.store.commit(tx).await?;
        Ok((actor, member))
    })
    .await?;
    tracing::info!(tenant = %tenant, user = %user, "reactivated");
    Ok(MemberView::new(member, app.now(), actor.role))
}
