//! Phone sign-up: a person whose number has pending invitations verifies it with a texted code
//! and is joined to every tenant that invited that number, at once.
//!
//! Anti-pumping: a code is texted only when some tenant has a pending invitation for the number
//! and allows its country, within the recipient's daily limit; the answer is the same either
//! way, so the route tells nobody which numbers are invited.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::accept::activated;
use super::access_code::{mint, normalise};
use super::members::save;
use super::retrying;
use crate::app::App;
use crate::error::{Error, Result};
use crate::model::{Access, Member, Profile};
use crate::ports::SmsMessage;
use crate::secrets;
use crate::store::{AccessCode, Versioned};
use crate::validate::{self, Errors};

#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartRequest {
    pub phone: String,
    /// The language of the message (BCP 47, e.g. the page's); English when absent or not
    /// supported (a message must not fail for its language).
    #[serde(default)]
    pub locale: Option<String>,
}

#[derive(Serialize)]
pub struct Started {
    pub expires_at: DateTime<Utc>,
}

#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerifyRequest {
    pub phone: String,
    pub code: String,
    pub first_name: String,
    #[serde(default)]
    pub last_name: String,
    pub password: String,
    /// The person agrees to be joined to the organisations that invited the number and to be
    /// texted by them: required (the page's checkbox), and recorded on the profile.
    #[serde(default)]
    pub consent: bool,
}

#[derive(Serialize)]
pub struct Joined {
    pub token: String,
    pub expires_at: DateTime<Utc>,
    pub memberships: Vec<Access>,
}

fn code_key(e164: &str) -> String {
    format!("PHONE#{e164}")
}

/// The members still pending for this number.
async fn pending(app: &App, e164: &str) -> Result<Vec<Versioned<Member>>> {
    let mut found = Vec::new();
    for (tenant, user) in app.store.invited_by_phone(e164).await? {
        if let Some(m) = app.store.member(tenant, user).await? {
            if m.value.status.is_pending() && m.value.phone.as_deref() == Some(e164) {
                found.push(m);
            }
        }
    }
    Ok(found)
}

pub async fn start(app: &App, req: StartRequest) -> Result<Started> {
    let started = tokio::time::Instant::now();
    let started_answer = super::recovery::answer_after(started);
    let phone = validate::phone("phone", &req.phone).map_err(|e| Error::Validation(vec![e]))?;
    let now = app.now();
    let expires_at = now + Duration::minutes(10);
    let mut allowed = false;
    for m in pending(app, &phone.e164).await? {
        if let Some(t) = app.store.tenant(m.value.tenant_id).await? {
            allowed |= phone
                .country
                .as_ref()
                .is_some_and(|c| t.sms_countries.contains(c));
        }
    }
    // The code is hashed whether or not it is sent, and the answer comes after the same time:
    // nothing tells which numbers are invited.
    let code = mint();
    let secret = code.clone();
    let hash = super::hashing(move || secrets::hash_password(&secret)).await??;
    if !allowed {
        tracing::info!("phone sign-up for a number without a pending invitation: nothing sent");
        started_answer.await;
        return Ok(Started { expires_at });
    }
    let mut tx = app.store.tx();
    tx.put_access_code(
        &code_key(&phone.e164),
        &AccessCode {
            tenant_id: Uuid::nil(),
            user_id: Uuid::nil(),
            hash,
            expires_at,
            tries: 0,
        },
    );
    let day = super::limits::today(now);
    let limit = app.config.limits.sends_per_recipient_per_day;
    tx.limit(
        format!("RL#to#{}", phone.e164),
        day,
        limit,
        (now + Duration::days(2)).timestamp(),
        "too many codes for this number today",
        3600,
    );
    match app.store.commit(tx).await {
        Ok(()) => {}
        // Over the limit: the same answer, nothing sent.
        Err(Error::RateLimited(..)) => {
            started_answer.await;
            return Ok(Started { expires_at });
        }
        Err(e) => return Err(e),
    }
    let grouped = format!("{}-{}", &code[..4], &code[4..]);
    let text = crate::i18n::Messages::of(req.locale.as_deref().unwrap_or("en"))
        .t("sms-sign-up-code", &[("code", grouped.as_str().into())]);
    if let Err(e) = app
        .sms
        .send_sms(&SmsMessage {
            to: phone.e164.clone(),
            text,
        })
        .await
    {
        tracing::warn!(error = %e, "sign-up code not delivered");
    }
    started_answer.await;
    Ok(Started { expires_at })
}

/// Checks the code (five wrong tries burn it), creates the person's profile and joins every
/// pending invitation for the number.
pub async fn verify(app: &App, req: VerifyRequest) -> Result<Joined> {
    let mut errors = Errors::default();
    let phone = errors.check(validate::phone("phone", &req.phone));
    let first_name = errors
        .check(validate::name("first_name", &req.first_name))
        .unwrap_or_default();
    let last_name = errors
        .check(validate::name("last_name", &req.last_name))
        .unwrap_or_default();
    if first_name.is_empty() {
        errors.push("first_name", "is required");
    }
    if !req.consent {
        errors.push(
            "consent",
            "must be given: joining the organisations that invited this number",
        );
    }
    errors.into_result()?;
    let e164 = phone.map(|p| p.e164).unwrap_or_default();
    secrets::check_password_strength(
        &req.password,
        &[e164.as_str(), first_name.as_str(), last_name.as_str()],
    )?;
    let address = crate::store::Address::Phone(&e164);
    let key = code_key(&e164);
    let typed = normalise(&req.code);
    // The code is checked before anything is hashed: a wrong one costs one verification.
    let reserved = super::attempts::reserve(app, &address.name()).await?;
    match super::access_code::use_code(app, &key, &typed).await {
        Ok(_) => reserved.succeeded(app).await,
        Err(e) => {
            reserved.failed();
            return Err(e);
        }
    }
    // Only someone who holds the number learns that it is registered already.
    if app.store.verified_profile(address).await?.is_some() {
        return Err(Error::AlreadyRegistered);
    }
    let password = req.password.clone();
    let password_hash = super::hashing(move || secrets::hash_password(&password)).await??;
    // A texted code proves the number: the profile is verified, and a number held unverified
    // (by a profile made through a code or a minted link) is taken over.
    let mut profile = Profile::new(
        None,
        Some(e164.clone()),
        (first_name, last_name),
        password_hash,
        None,
        app.now(),
    );
    profile.phone_consent_at = Some(app.now());
    let profile = &profile;
    retrying(|| async move {
        let mut tx = app.store.tx();
        match app.store.holder(address).await? {
            Some(held) if held.value.verified => return Err(Error::AlreadyRegistered),
            Some(held) => {
                let previous = app.store.profile(held.value.profile_id).await?;
                tx.take_over_address(profile, address, &held, previous.as_ref());
            }
            None => tx.create_profile(profile, true),
        }
        app.store.commit(tx).await.map_err(|e| match e {
            Error::ProfileExists => Error::AlreadyRegistered,
            other => other,
        })
    })
    .await?;
    // Join every pending invitation for the number, one transaction each.
    let number = e164.as_str();
    for found in pending(app, number).await? {
        let (tenant, user) = (found.value.tenant_id, found.value.id);
        let joined = retrying(|| async move {
            let Some(current) = app.store.member(tenant, user).await? else {
                return Ok(false);
            };
            if !current.value.status.is_pending() || current.value.phone.as_deref() != Some(number)
            {
                return Ok(false);
            }
            // A suspended tenant's invitations wait: joined when it is resumed and they sign up.
            let Some(settings) = app.store.tenant(tenant).await? else {
                return Ok(false);
            };
            if settings.suspended_at.is_some() {
                return Ok(false);
            }
            let member = activated(current.value.clone(), profile.id, app.now());
            let mut tx = app.store.tx();
            super::audit::Audit::new(app, tenant, "member.accepted")
                .by_member(&member)
                .on(&member)
                .diff(&current.value, &member, app.now())
                .change("with", None, Some("phone_signup"))
                .record(app, &mut tx);
            save(app, &settings.name, tx, &current, &member).await?;
            Ok(true)
        })
        .await?;
        if joined {
            tracing::info!(tenant = %tenant, user = %user, "joined by phone sign-up");
        }
    }
    let (_, memberships) = app.store.profile_with_access(profile.id).await?;
    let session = app
        .sessions
        .issue(
            crate::session::Grant {
                profile: profile.id,
                scope: None,
                epoch: 0,
            },
            app.wall_clock.now(),
        )
        .await?;
    Ok(Joined {
        token: session.token,
        expires_at: session.expires_at,
        memberships,
    })
}
