//! Inviting one person: validate, check permissions, create the member, its uniqueness claims,
//! its token (or its deferred send) and the counter change in one transaction, then send.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use serde::Deserialize;
use uuid::Uuid;

use super::{Actor, MemberView, authorize};
use crate::app::App;
use crate::error::{Error, Result};
use crate::model::{Channel, Delivery, Employment, InvitationToken, Member, Role, Status, Tenant};
use crate::ports::{DeferredSend, instant_in};
use crate::store::OutboxKey;
use crate::validate::{self, Errors};

/// The body of `POST /v1/tenants/{tenant}/invitations` (and one row of a batch).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InviteRequest {
    pub email: Option<String>,
    pub phone: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub role: Option<Role>,
    #[serde(default, deserialize_with = "validate::capped_list")]
    pub agent_ids: Option<Vec<String>>,
    #[serde(default, deserialize_with = "validate::capped_list")]
    pub teams: Option<Vec<String>>,
    #[serde(default, deserialize_with = "validate::capped_list")]
    pub products: Option<Vec<String>>,
    pub shortcode: Option<String>,
    pub employment: Option<Employment>,
    pub channels: Option<Vec<Channel>>,
    pub send_at: Option<String>,
    pub timezone: Option<String>,
    /// The invitee's language (BCP 47); the tenant's when absent.
    pub locale: Option<String>,
}

/// When a deferred invitation goes out: the wall-clock time in the invitee's timezone (what
/// the schedule says) and the instant it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deferral {
    pub local: NaiveDateTime,
    pub timezone: String,
    pub at: DateTime<Utc>,
}

/// An invitee whose every field has been checked and normalised.
#[derive(Clone, Debug)]
pub struct Invitee {
    pub email: Option<String>,
    pub phone: Option<String>,
    pub first_name: String,
    pub last_name: String,
    pub role: Role,
    pub agent_ids: Vec<String>,
    pub teams: Vec<String>,
    pub products: Vec<String>,
    pub shortcode: Option<String>,
    pub employment: Option<Employment>,
    pub channels: Vec<Channel>,
    pub deferral: Option<Deferral>,
    pub locale: Option<&'static str>,
}

pub fn validate_employment(e: &Employment, errors: &mut Errors) -> Employment {
    let department = e
        .department
        .as_deref()
        .and_then(|d| errors.check(validate::name("employment.department", d)));
    let job_title = e
        .job_title
        .as_deref()
        .and_then(|d| errors.check(validate::name("employment.job_title", d)));
    let mut extra = BTreeMap::new();
    if e.extra.len() > validate::MAX_EXTRA {
        errors.push(
            "employment.extra",
            format!("must hold at most {} fields", validate::MAX_EXTRA),
        );
    } else {
        for (k, v) in &e.extra {
            let key = errors.check(validate::label(&format!("employment.extra.{k}"), k, 40));
            let value = errors.check(validate::name(&format!("employment.extra.{k}"), v));
            if let (Some(k), Some(v)) = (key, value) {
                extra.insert(k, v);
            }
        }
    }
    Employment {
        department: department.filter(|d| !d.is_empty()),
        job_title: job_title.filter(|d| !d.is_empty()),
        extra,
    }
}

/// `send_at` is a wall-clock time (`2026-12-01T09:00:00`) in `timezone` (IANA, default UTC),
/// or an instant with an offset (`2026-12-01T08:00:00Z`); in the future, at most a year ahead.
fn deferral(
    send_at: &str,
    timezone: Option<&str>,
    now: DateTime<Utc>,
    errors: &mut Errors,
) -> Option<Deferral> {
    let zone = timezone.map(str::trim).unwrap_or("UTC");
    if zone.parse::<chrono_tz::Tz>().is_err() {
        errors.push("timezone", "must be an IANA timezone such as Europe/Madrid");
        return None;
    }
    let parsed = match DateTime::parse_from_rfc3339(send_at.trim()) {
        Ok(instant) => {
            let at = instant.with_timezone(&Utc);
            let local = at
                .with_timezone(&zone.parse::<chrono_tz::Tz>().ok()?)
                .naive_local();
            Some(Deferral {
                local,
                timezone: zone.to_string(),
                at,
            })
        }
        Err(_) => {
            let local = NaiveDateTime::parse_from_str(send_at.trim(), "%Y-%m-%dT%H:%M:%S")
                .or_else(|_| NaiveDateTime::parse_from_str(send_at.trim(), "%Y-%m-%dT%H:%M"));
            match local {
                Ok(local) => match instant_in(local, zone) {
                    Some(at) => Some(Deferral {
                        local,
                        timezone: zone.to_string(),
                        at,
                    }),
                    None => {
                        errors.push("send_at", format!("{local} does not exist in {zone} (a daylight-saving change skips it)"));
                        return None;
                    }
                },
                Err(_) => {
                    errors.push(
                        "send_at",
                        "must be a date and time such as 2026-12-01T09:00:00",
                    );
                    return None;
                }
            }
        }
    };
    let d = parsed?;
    use chrono::SubsecRound;
    let d = Deferral {
        local: d.local.trunc_subsecs(0),
        at: d.at.trunc_subsecs(0),
        ..d
    };
    if d.at <= now {
        errors.push("send_at", "must be in the future");
        return None;
    }
    if d.at > now + Duration::days(365) {
        errors.push("send_at", "must be at most one year ahead");
        return None;
    }
    Some(d)
}

/// Checks a request against the rules of API.md and the tenant's settings.
/// Whether the tenant invites this (normalised) address: any, when it lists no domains;
/// otherwise one of them exactly (a subdomain is another organisation's mail as often as not).
pub fn domain_allowed(tenant: &Tenant, email: &str) -> Result<()> {
    if tenant.allowed_email_domains.is_empty() {
        return Ok(());
    }
    let domain = email.rsplit_once('@').map(|(_, d)| d).unwrap_or_default();
    if tenant
        .allowed_email_domains
        .iter()
        .any(|d| d.eq_ignore_ascii_case(domain))
    {
        Ok(())
    } else {
        Err(Error::DomainNotAllowed(
            tenant.allowed_email_domains.join(", "),
        ))
    }
}

pub fn validate(req: &InviteRequest, tenant: &Tenant, now: DateTime<Utc>) -> Result<Invitee> {
    let mut errors = Errors::default();
    let email = req
        .email
        .as_deref()
        .and_then(|e| errors.check(validate::email("email", e)));
    let phone = match req.phone.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(p) => errors.check(validate::phone("phone", p)),
    };
    if req.email.is_none() && req.phone.as_deref().is_none_or(|p| p.trim().is_empty()) {
        errors.push("email", "an email or a phone number is required");
    }
    let first_name = errors
        .check(validate::name(
            "first_name",
            req.first_name.as_deref().unwrap_or(""),
        ))
        .unwrap_or_default();
    let last_name = errors
        .check(validate::name(
            "last_name",
            req.last_name.as_deref().unwrap_or(""),
        ))
        .unwrap_or_default();
    let role = req.role.unwrap_or(Role::User);
    let agent_ids = validate::labels(
        "agent_ids",
        req.agent_ids.as_deref().unwrap_or(&[]),
        &mut errors,
    );
    let teams = validate::labels("teams", req.teams.as_deref().unwrap_or(&[]), &mut errors);
    let products = validate::labels(
        "products",
        req.products.as_deref().unwrap_or(&[]),
        &mut errors,
    );
    if role == Role::Agent && agent_ids.is_empty() {
        errors.push("agent_ids", "an agent needs at least one agent id");
    }
    if role == Role::TeamLeader && teams.is_empty() {
        errors.push("teams", "a team leader needs at least one team");
    }
    let shortcode = req
        .shortcode
        .as_deref()
        .and_then(|s| errors.check(validate::shortcode("shortcode", s)));
    let employment = req
        .employment
        .as_ref()
        .map(|e| validate_employment(e, &mut errors));
    let channels = match &req.channels {
        Some(c) => {
            let mut c = c.clone();
            c.sort();
            c.dedup();
            c
        }
        None if req.email.is_some() => vec![Channel::Email],
        None => vec![Channel::Sms],
    };
    if channels.contains(&Channel::Email) && req.email.is_none() {
        errors.push("channels", "sending by email needs an email address");
    }
    if channels.contains(&Channel::Sms) && req.phone.is_none() {
        errors.push("channels", "sending by SMS needs a phone number");
    }
    let deferral = match &req.send_at {
        Some(at) => deferral(at, req.timezone.as_deref(), now, &mut errors),
        None => {
            if req.timezone.is_some() {
                errors.push("timezone", "only goes with send_at");
            }
            None
        }
    };
    if deferral.is_some() && channels.is_empty() {
        errors.push(
            "send_at",
            "a deferred invitation needs a channel to be sent on",
        );
    }
    errors.into_result()?;
    let locale = req
        .locale
        .as_deref()
        .map(crate::i18n::supported)
        .transpose()?;
    let unknown: Vec<&str> = products
        .iter()
        .filter(|p| !tenant.products.contains(p))
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        return Err(Error::ProductNotEnabled(unknown.join(", ")));
    }
    if let Some(email) = &email {
        domain_allowed(tenant, email)?;
    }
    // Anti-pumping: SMS only to the countries the tenant allows.
    if let (true, Some(p)) = (channels.contains(&Channel::Sms), &phone) {
        let country = p.country.clone().unwrap_or_default();
        if !tenant.sms_countries.contains(&country) {
            return Err(Error::SmsCountryNotAllowed(if country.is_empty() {
                "unknown".into()
            } else {
                country
            }));
        }
    }
    Ok(Invitee {
        email,
        phone: phone.map(|p| p.e164),
        first_name,
        last_name,
        role,
        agent_ids,
        teams,
        products,
        shortcode,
        employment,
        channels,
        deferral,
        locale,
    })
}

pub async fn invite(
    app: &App,
    profile: crate::session::Principal,
    tenant_id: Uuid,
    req: InviteRequest,
) -> Result<MemberView> {
    invite_as(app, &inviting(app, profile, tenant_id).await?, req).await
}

/// Invites one person on behalf of an inviter already authorised.
pub async fn invite_as(app: &App, inviter: &Inviter, req: InviteRequest) -> Result<MemberView> {
    let invitee = validate(&req, &inviter.tenant, app.now())?;
    if !inviter.actor.role.may_manage(invitee.role) {
        return Err(Error::Forbidden);
    }
    let member = create_and_send(app, inviter, invitee).await?;
    Ok(MemberView::new(member, app.now(), inviter.actor.role))
}

/// A caller authorised to invite in a tenant, with the tenant's settings, and the caller's name
/// as the invitation gives it (read with the invitation's other reads, once per inviter).
pub struct Inviter {
    pub actor: Actor,
    pub tenant: std::sync::Arc<Tenant>,
    name: tokio::sync::OnceCell<String>,
}

impl Inviter {
    /// The inviter's name in the tenant, read the first time it is asked for.
    async fn name(&self, app: &App) -> Result<&str> {
        self.name
            .get_or_try_init(|| async {
                app.store
                    .member_name_eventual(self.actor.tenant_id, self.actor.user_id)
                    .await?
                    .ok_or(Error::NotFound)
            })
            .await
            .map(String::as_str)
    }
}

/// Authorises the caller to invite in the tenant, reading the tenant's settings at the same
/// time (one round trip on AWS). A request body is parsed only after this: whoever may not
/// invite here costs no more than their body's bytes.
pub async fn inviting(
    app: &App,
    profile: crate::session::Principal,
    tenant_id: Uuid,
) -> Result<Inviter> {
    let actor = authorize(app, profile, tenant_id).await?;
    Ok(Inviter {
        tenant: actor.tenant.clone(),
        actor,
        name: tokio::sync::OnceCell::new(),
    })
}

/// Creates the member and queues (or schedules) the invitation.
pub async fn create_and_send(app: &App, inviter: &Inviter, invitee: Invitee) -> Result<Member> {
    let actor = &inviter.actor;
    let deferral = invitee.deferral.clone();
    let (member, queued) = create(app, inviter, invitee).await?;
    match deferral {
        Some(d) => schedule(app, actor, &member, &d).await?,
        None => app.wake(&queued),
    }
    Ok(member)
}

/// The name of a member's deferred send for one generation (unique, at most 64 characters).
pub fn schedule_name(user: Uuid, generation: u32) -> String {
    format!("inv-{user}-{generation}")
}

async fn schedule(app: &App, actor: &Actor, member: &Member, d: &Deferral) -> Result<()> {
    let send = DeferredSend {
        tenant: member.tenant_id,
        user: member.id,
        generation: member.generation,
    };
    if let Err(e) = app
        .scheduler
        .schedule(
            &schedule_name(member.id, member.generation),
            d.local,
            &d.timezone,
            &send,
        )
        .await
    {
        tracing::error!(tenant = %member.tenant_id, user = %member.id, error = %e, "could not schedule; withdrawing the invitation");
        // Leave no scheduled member that nothing will ever send.
        let _ = super::retrying(|| async {
            let Some(current) = app.store.member(member.tenant_id, member.id).await? else {
                return Ok(());
            };
            if current.value.status != Status::Scheduled {
                return Ok(());
            }
            let mut cancelled = current.value.clone();
            cancelled.status = Status::Cancelled;
            cancelled.deactivated_at = Some(app.now());
            cancelled.generation += 1;
            super::members::save(
                app,
                &actor.tenant_name,
                app.store.tx(),
                &current,
                &cancelled,
            )
            .await
        })
        .await;
        return Err(Error::Unavailable {
            retry_after_seconds: 5,
        });
    }
    Ok(())
}

/// Creates the member, claims and outbox entries (none for a deferred invitation: they are
/// written when its send comes due) in one transaction. Returns the entries. A transaction cancelled by
/// a concurrent one (the inviter's counter shard is shared by all their invitations, a batch's
/// rows among them) wrote nothing, and is tried again from its reads.
pub async fn create(
    app: &App,
    inviter: &Inviter,
    invitee: Invitee,
) -> Result<(Member, Vec<OutboxKey>)> {
    super::retrying(|| create_once(app, inviter, invitee.clone())).await
}

async fn create_once(
    app: &App,
    inviter: &Inviter,
    invitee: Invitee,
) -> Result<(Member, Vec<OutboxKey>)> {
    let actor = &inviter.actor;
    let now = app.now();
    let email_key = invitee.email.as_deref().map(validate::email_key);
    // What the writes below need to know, read at once and eventually consistent (the
    // transaction's conditions guard what must not be stale): the inviter's name, whether the
    // person has a profile, what earlier memberships of the address were sent today, and which
    // fields of the inviter's counter shard are of earlier days.
    let today = super::limits::today(now);
    let suppressed = |address: Option<String>| async move {
        match address {
            Some(a) => Ok(app
                .store
                .suppression(actor.tenant_id, &a)
                .await?
                .map(|s| s.address)),
            None => Ok(None),
        }
    };
    let (inviter_name, existing_profile, cancelled, stale, email_suppressed, phone_suppressed) = futures::try_join!(
        inviter.name(app),
        async {
            match &email_key {
                Some(k) => {
                    app.store
                        .verified_profile_eventual(crate::store::Address::Email(k))
                        .await
                }
                None => Ok(None),
            }
        },
        async {
            match &email_key {
                Some(k) => app.store.cancelled_with_email(actor.tenant_id, k).await,
                None => Ok(Vec::new()),
            }
        },
        app.store
            .stale_inviter_fields(actor.tenant_id, actor.user_id, &today),
        suppressed(email_key.clone()),
        suppressed(invitee.phone.clone()),
    )?;
    if let Some(address) = email_suppressed.or(phone_suppressed) {
        return Err(Error::AddressSuppressed(address));
    }
    let deferred = invitee.deferral.is_some();
    let expires_at = now + inviter.tenant.invitation_ttl();
    let mut member = Member {
        id: crate::model::new_id(),
        tenant_id: actor.tenant_id,
        email: invitee.email,
        phone: invitee.phone,
        first_name: invitee.first_name,
        last_name: invitee.last_name,
        role: invitee.role,
        teams: invitee.teams,
        agent_ids: invitee.agent_ids,
        products: invitee.products,
        shortcode: invitee.shortcode,
        employment: invitee.employment,
        status: if deferred {
            Status::Scheduled
        } else {
            Status::Invited
        },
        invited_by: Some(actor.user_id),
        inviter_name: inviter_name.to_string(),
        invited_at: now,
        send_at: invitee.deferral.as_ref().map(|d| d.at),
        invite_expires_at: (!deferred).then_some(expires_at),
        accepted_at: None,
        deactivated_at: None,
        last_login_at: None,
        // Pending until the outbox entry written with it is delivered (or, deferred, until
        // the send comes due).
        delivery: invitee
            .channels
            .iter()
            .map(|c| (*c, Delivery::Pending))
            .collect(),
        delivery_errors: Default::default(),
        channels: invitee.channels,
        existing_profile: existing_profile.is_some(),
        profile_id: existing_profile,
        generation: 1,
        email_sends: None,
        renewal_requested_at: None,
        last_renewal: None,
        locale: invitee.locale.map(str::to_string),
    };
    let mut tx = app.store.tx();
    let sent_before = super::limits::sent_before(&cancelled, now);
    if deferred {
        // Carried over for the day, should the send be due today.
        member.email_sends = (sent_before > 0).then(|| crate::model::DailyCount {
            day: now.date_naive(),
            count: sent_before,
        });
    } else {
        super::limits::sends(app, &mut tx, &mut member, sent_before, now)?;
    }
    tx.put_member(&member, None);
    tx.claim_all(&member);
    super::limits::invitee(app, &mut tx, &member, stale, now);
    let queued = if deferred {
        Vec::new()
    } else {
        super::deliver::queue(&mut tx, &mut member, &actor.tenant_name, now, false)
    };
    super::audit::Audit::new(app, member.tenant_id, "member.invited")
        .by(actor)
        .on(&member)
        .created(&member, now)
        .record(app, &mut tx);
    app.store.commit(tx).await?;
    tracing::info!(tenant = %member.tenant_id, user = %member.id, deferred, "invitation created");
    Ok((member, queued))
}

/// Puts a member's invitation out now: `invited` for the tenant's link lifetime from `now`, queued on its
/// channels in `tx` (see [`super::deliver::queue`]).
pub fn issue_now(
    tx: &mut crate::store::Tx,
    member: &mut Member,
    tenant: &Tenant,
    now: DateTime<Utc>,
    count_limits: bool,
) -> Vec<OutboxKey> {
    member.status = Status::Invited;
    member.invite_expires_at = Some(now + tenant.invitation_ttl());
    super::deliver::queue(tx, member, &tenant.name, now, count_limits)
}

/// A token's record. `delivered` are the channels it goes out on to the member's own address
/// (none for a link minted for staff to hand over).
pub fn token_record(
    member: &Member,
    tenant_name: &str,
    expires_at: DateTime<Utc>,
    delivered: &[Channel],
) -> InvitationToken {
    InvitationToken {
        tenant_id: member.tenant_id,
        user_id: member.id,
        generation: member.generation,
        tenant_name: tenant_name.to_string(),
        expires_at,
        used_at: None,
        delivered_to: delivered.to_vec(),
    }
}

pub fn accept_link(app: &App, token: &str) -> String {
    format!("{}/accept#token={token}", app.config.accept_url_base)
}

/// The SMS, in the invitee's language, naming the tenant, with the link and when it expires.
/// In the Latin-script languages it is one GSM-7 segment (160 characters): the tenant's name is
/// cut to fit (to no fewer than 12 characters; with a link of up to 85 characters every such
/// language has room for more). Arabic SMS are UCS-2 (70 a segment), which the link alone
/// exceeds: there the name is cut at 40 characters.
pub fn sms_text(locale: &str, tenant_name: &str, link: &str, expires_at: DateTime<Utc>) -> String {
    const SEGMENT: usize = 160;
    let m = crate::i18n::Messages::of(locale);
    let expires = m.date_time_short(expires_at);
    let with = |tenant: &str| {
        m.t(
            "sms-invitation",
            &[
                ("tenant", tenant.into()),
                ("expires", expires.as_str().into()),
                ("link", link.into()),
            ],
        )
    };
    let cut = |room: usize| tenant_name.chars().take(room).collect::<String>();
    let room = SEGMENT.saturating_sub(with("").chars().count()).max(12);
    let text = with(cut(room).trim_end());
    if crate::i18n::is_gsm7(&text) {
        return text;
    }
    // A letter outside GSM-7 (in the name, or the language's script) makes it UCS-2 anyway.
    with(cut(40).trim_end())
}
