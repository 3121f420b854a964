//! `POST /v1/invitations/renew`: the holder of an expired link asks for a new invitation. What
//! happens is the tenant's choice ([`Renewal`]): `automatic` sends a fresh link to the same
//! address on the same channels (safe: the destination does not change), `approval` marks the
//! member for an admin and emails the inviter, `off` refuses. At most one request an hour per
//! member, whatever it did.
//!
//! A link handed over by staff (copied, shown, printed) was delivered to no address, so there
//! is no "same address" to renew it to: in `automatic` mode it asks for approval instead.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::accept::{Named, read_token, used};
use super::invite::issue_now;
use super::members::save;
use super::retrying;
use crate::app::App;
use crate::error::{Error, Result};
use crate::model::{Member, Renewal, RenewalAsk, Status};

/// How often a member may ask.
const ONE_REQUEST_PER: Duration = Duration::hours(1);

#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RenewRequest {
    pub token: String,
}

/// What was done: `automatic` (a fresh link is on its way) or `approval` (an admin was asked).
#[derive(Clone, Debug, Serialize)]
pub struct Renewed {
    pub renewal: Renewal,
}

pub async fn renew(app: &App, req: RenewRequest) -> Result<Renewed> {
    let req = &req;
    let (renewed, member, queued, first_ask) = retrying(|| async move {
        let Named {
            token,
            member: current,
            tenant,
            ..
        } = read_token(app, &req.token).await?;
        let now = app.now();
        let (token, before) = (&token.value, &current.value);
        if used(token, before) {
            return Err(Error::InvitationUsed);
        }
        // Asked already (this link, or the one a renewal replaced it with, is still current).
        if let Some(ask) = before.last_renewal
            && ask.generation == before.generation
            && token.generation <= before.generation
            && before.status_at(now).is_pending()
            && now < ask.at + ONE_REQUEST_PER
        {
            let wait = (ask.at + ONE_REQUEST_PER - now).num_seconds().max(1) as u64;
            return Err(Error::RateLimited(
                "a new invitation was asked for less than an hour ago".into(),
                wait,
            ));
        }
        if token.generation != before.generation || before.status != Status::Invited {
            return Err(Error::InvitationInvalid);
        }
        // Only the holder of the current link hears about the tenant (as the preview says it).
        if tenant.suspended_at.is_some() {
            return Err(Error::TenantSuspended);
        }
        if tenant.renewal == Renewal::Off {
            return Err(Error::RenewalOff);
        }
        if token.expires_at > now {
            return Err(Error::InvitationNotExpired);
        }
        let mut member = before.clone();
        let mut tx = app.store.tx();
        let (renewed, queued) = match tenant.renewal {
            Renewal::Automatic if !token.delivered_to.is_empty() => {
                member.channels = token.delivered_to.clone();
                member.generation += 1;
                member.send_at = None;
                member.renewal_requested_at = None;
                super::limits::sends(app, &mut tx, &mut member, 0, now)?;
                let queued = issue_now(&mut tx, &mut member, &tenant, now, false);
                (Renewal::Automatic, queued)
            }
            _ => {
                member.renewal_requested_at = Some(now);
                (Renewal::Approval, Vec::new())
            }
        };
        member.last_renewal = Some(RenewalAsk {
            at: now,
            generation: member.generation,
        });
        super::audit::Audit::new(app, member.tenant_id, "invitation.renewal_requested")
            .on(&member)
            .change("renewal", None, Some(renewed))
            .change(
                "renewal_requested_at",
                before.renewal_requested_at,
                member.renewal_requested_at,
            )
            .record(app, &mut tx);
        save(app, &tenant.name, tx, &current, &member).await?;
        // The inviter hears of a member's request once, until someone answers it (a link
        // holder asking again every hour for weeks sends nothing more).
        let first_ask = before.renewal_requested_at.is_none();
        Ok((renewed, (member, tenant), queued, first_ask))
    })
    .await?;
    let (member, tenant) = member;
    tracing::info!(tenant = %member.tenant_id, user = %member.id, mode = ?renewed, "renewal requested");
    app.wake(&queued);
    if renewed == Renewal::Approval && first_ask {
        tell_the_inviter(app, &member, &tenant, app.now()).await;
    }
    Ok(Renewed { renewal: renewed })
}

/// Emails the member's inviter (if still an active member with an email address) that a new
/// invitation was asked for. Best effort, like a password reset's email: the request is kept
/// on the member whatever happens here, and the console shows it.
async fn tell_the_inviter(
    app: &App,
    member: &Member,
    tenant: &crate::model::Tenant,
    now: DateTime<Utc>,
) {
    let Some(inviter) = member.invited_by else {
        return;
    };
    let inviter = match app.store.member(member.tenant_id, inviter).await {
        Ok(Some(m)) if m.value.status_at(now) == Status::Active => m.value,
        Ok(_) => return,
        Err(e) => {
            tracing::warn!(error = %e, "the inviter of a renewal request could not be read");
            return;
        }
    };
    let Some(to) = &inviter.email else { return };
    let who = format!("{} {}", member.first_name, member.last_name);
    let address = member.email.as_deref().or(member.phone.as_deref());
    let link = format!(
        "{}/admin?renewal=requested",
        app.config.accept_url_base.trim_end_matches('/')
    );
    let message = match crate::email::renewal_requested(
        to,
        who.trim(),
        address,
        &tenant.name,
        &link,
        &tenant.locale,
    ) {
        Ok(m) => m,
        Err(e) => {
            tracing::warn!(error = %e, "renewal request email not rendered");
            return;
        }
    };
    if let Err(e) = app.mailer.send_email(&message).await {
        tracing::warn!(error = %e, "renewal request email not sent");
    }
}
