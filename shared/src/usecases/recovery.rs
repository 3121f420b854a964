//! Getting back in with a delivered credential: a password-reset link by email, and sign-in
//! codes by email or SMS (the way back for people who have no email, or forgot their
//! password). Both go only to a verified address of a profile, and both answer the same
//! whether or not the address has one: the same status, the same body, the same reads and
//! writes, and the same time (at least [`ANSWER_AFTER`], whatever the send took).

use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::sessions::{SignedIn, address, parse_address, session_for, typed};
use crate::app::App;
use crate::error::{Error, Result};
use crate::model::Status;
use crate::ports::SmsMessage;
use crate::secrets;
use crate::store::{AccessCode, Address, PasswordReset};
use crate::validate;

/// The least time a request for a reset link or a sign-in code takes to answer: longer than a
/// send takes (an SES or SNS call in the same region), so that an address with an account and
/// one without answer after the same time.
pub const ANSWER_AFTER: std::time::Duration = std::time::Duration::from_millis(300);

/// Waits until `ANSWER_AFTER` has passed since `started`.
pub(crate) async fn answer_after(started: tokio::time::Instant) {
    tokio::time::sleep_until(started + ANSWER_AFTER).await;
}

#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResetRequest {
    pub email: String,
    /// The language of the message (BCP 47, e.g. the page's); English when absent or not
    /// supported (a message must not fail for its language).
    #[serde(default)]
    pub locale: Option<String>,
}

/// What a request for a reset link or a sign-in code answers, whoever asked.
#[derive(Serialize)]
pub struct Requested {
    pub expires_at: DateTime<Utc>,
}

pub const RESET_LIFETIME_MINUTES: i64 = 60;
pub const SIGN_IN_CODE_MINUTES: i64 = 10;

/// The verified profile of an address, if any.
async fn verified_holder(app: &App, address: Address<'_>) -> Result<Option<Uuid>> {
    app.store.verified_profile(address).await
}

/// Counts a message to the address against its daily limit: a number's count is the one its
/// invitations and sign-up codes count on; an email's is its own (invitation emails are counted
/// per tenant, on the membership).
fn count_message(app: &App, tx: &mut crate::store::Tx, address: Address<'_>, now: DateTime<Utc>) {
    let counter = match address {
        Address::Phone(e164) => format!("RL#to#{e164}"),
        Address::Email(_) => format!("RL#to#{}", address.name()),
    };
    tx.limit(
        counter,
        super::limits::today(now),
        app.config.limits.sends_per_recipient_per_day,
        (now + Duration::days(2)).timestamp(),
        "too many messages to this address today",
        3600,
    );
}

/// `POST /v1/password-resets`: emails a single-use link valid one hour to a verified address.
pub async fn request_reset(app: &App, req: ResetRequest) -> Result<Requested> {
    let started = tokio::time::Instant::now();
    let email = validate::email("email", &req.email).map_err(|e| Error::Validation(vec![e]))?;
    let key = validate::email_key(&email);
    let address = Address::Email(&key);
    let now = app.now();
    let expires_at = now + Duration::minutes(RESET_LIFETIME_MINUTES);
    let answer = Requested { expires_at };
    let mut tx = app.store.tx();
    count_message(app, &mut tx, address, now);
    // An address nobody holds reads a profile too (the nil one, which never exists).
    let holder = verified_holder(app, address).await?;
    let profile = app.store.profile(holder.unwrap_or(Uuid::nil())).await?;
    let token = secrets::mint_token();
    if let Some(p) = &profile {
        tx.put_password_reset(
            &secrets::token_hash(&token),
            &PasswordReset {
                profile_id: p.value.id,
                expires_at,
                epoch: p.value.session_epoch,
            },
        );
    }
    // Counted alike whoever holds the address (so the limit answers alike).
    let committed = match app.store.commit(tx).await {
        Ok(()) => true,
        Err(Error::RateLimited(..)) => false,
        Err(e) => return Err(e),
    };
    if let (Some(p), true) = (&profile, committed) {
        let link = format!("{}/reset#token={token}", app.config.accept_url_base);
        let message =
            crate::email::password_reset(&email, &link, req.locale.as_deref().unwrap_or("en"))?;
        if let Err(e) = app.mailer.send_email(&message).await {
            tracing::warn!(error = %e, "password-reset email not sent");
        }
        tracing::info!(profile = %p.value.id, "password-reset link sent");
    }
    answer_after(started).await;
    Ok(answer)
}

#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResetConfirm {
    pub token: String,
    pub new_password: String,
}

/// `POST /v1/password-resets/confirm`: sets the new password, ends every earlier session, and
/// answers a fresh one.
pub async fn confirm_reset(app: &App, req: ResetConfirm) -> Result<SignedIn> {
    if !secrets::looks_like_token(&req.token) {
        return Err(Error::ResetInvalid);
    }
    let hash = secrets::token_hash(&req.token);
    let read = app
        .store
        .password_reset(&hash)
        .await?
        .ok_or(Error::ResetInvalid)?;
    if read.value.expires_at <= app.now() {
        return Err(Error::ResetExpired);
    }
    let profile_id = read.value.profile_id;
    let profile = app
        .store
        .profile(profile_id)
        .await?
        .ok_or(Error::ResetInvalid)?;
    let p = &profile.value;
    // A later reset link, or a password change, since this one was sent: it is dead.
    if p.session_epoch != read.value.epoch {
        return Err(Error::ResetInvalid);
    }
    let password_hash = super::sessions::new_password_hash(p, &req.new_password).await?;
    // The link is used up, and the account's failures are forgotten: its owner proved the
    // address, so guessers no longer keep them out.
    let account = super::sessions::account_of(p);
    let use_link = |tx: &mut crate::store::Tx| {
        tx.use_password_reset(&hash, &read);
        super::attempts::clear(app, tx, &account);
    };
    let epoch = super::sessions::set_password(
        app,
        profile_id,
        password_hash,
        Some(read.value.epoch),
        Some(&use_link),
    )
    .await
    .map_err(|e| match e {
        // Used meanwhile by a concurrent confirm, or overtaken by another change.
        Error::Stale | Error::Unauthenticated => Error::ResetInvalid,
        other => other,
    })?;
    tracing::info!(profile = %profile_id, "password reset");
    session_for(app, profile_id, None, Some(epoch)).await
}

#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeRequest {
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    /// The language of the message (BCP 47, e.g. the page's); English when absent or not
    /// supported (a message must not fail for its language).
    #[serde(default)]
    pub locale: Option<String>,
}

fn code_slot(address: Address<'_>) -> String {
    format!("SIGNIN#{}", address.name())
}

fn six_digits() -> String {
    let n: u32 = rand::rngs::OsRng.gen_range(0..1_000_000);
    format!("{n:06}")
}

/// The tenant whose daily SMS allowance a text to this number is counted on: the first of the
/// profile's active memberships whose tenant allows the number's country. None: no text.
async fn sms_tenant(app: &App, profile: Uuid, country: Option<&str>) -> Result<Option<Uuid>> {
    let Some(country) = country else {
        return Ok(None);
    };
    let (_, memberships) = app.store.profile_with_access(profile).await?;
    for a in memberships.iter().filter(|a| a.status == Status::Active) {
        if let Some(t) = app.store.tenant(a.tenant_id).await? {
            if t.sms_countries.iter().any(|c| c == country) {
                return Ok(Some(t.id));
            }
        }
    }
    Ok(None)
}

/// `POST /v1/sign-in-codes`: texts or emails a six-digit code, valid ten minutes, to a verified
/// address of a profile.
pub async fn request_code(app: &App, req: CodeRequest) -> Result<Requested> {
    let started = tokio::time::Instant::now();
    let locale = req.locale.as_deref().unwrap_or("en");
    let typed = typed(&req.email, &req.phone)?;
    let country = match &typed {
        super::sessions::Typed::Phone(raw) => {
            validate::phone("phone", raw)
                .map_err(|e| Error::Validation(vec![e]))?
                .country
        }
        super::sessions::Typed::Email(raw) => {
            validate::email("email", raw).map_err(|e| Error::Validation(vec![e]))?;
            None
        }
    };
    let parsed = parse_address(&typed).ok_or_else(|| Error::field("email", "is not valid"))?;
    let address = address(&parsed);
    let now = app.now();
    let expires_at = now + Duration::minutes(SIGN_IN_CODE_MINUTES);
    let answer = Requested { expires_at };
    let code = six_digits();
    let secret = code.clone();
    // Hashed whether or not anyone holds the address: the same work either way.
    let hash = super::hashing(move || secrets::hash_password(&secret)).await??;
    let profile = verified_holder(app, address).await?;
    let sms_tenant = match (profile, parsed.1) {
        (Some(p), false) => sms_tenant(app, p, country.as_deref()).await?,
        _ => None,
    };
    let mut tx = app.store.tx();
    count_message(app, &mut tx, address, now);
    let send = match (profile, parsed.1, sms_tenant) {
        (Some(p), true, _) => Some(p),
        (Some(p), false, Some(tenant)) => {
            tx.limit(
                crate::store::keys::tenant_pk(tenant),
                format!("RL#sms#{}", super::limits::today(now)),
                app.config.limits.sms_per_tenant_per_day,
                (now + Duration::days(2)).timestamp(),
                "the tenant's daily SMS limit is reached",
                3600,
            );
            Some(p)
        }
        _ => None,
    };
    if let Some(profile) = send {
        tx.put_access_code(
            &code_slot(address),
            &AccessCode {
                tenant_id: Uuid::nil(),
                user_id: profile,
                hash,
                expires_at,
                tries: 0,
            },
        );
    }
    let committed = match app.store.commit(tx).await {
        Ok(()) => true,
        Err(Error::RateLimited(..)) => false,
        Err(e) => return Err(e),
    };
    if send.is_none() || !committed {
        answer_after(started).await;
        return Ok(answer);
    }
    {
        let sent = if parsed.1 {
            match crate::email::sign_in_code(&parsed.0, &code, locale) {
                Ok(message) => app
                    .mailer
                    .send_email(&message)
                    .await
                    .map_err(|e| e.to_string()),
                Err(e) => Err(e.to_string()),
            }
        } else {
            let text = crate::i18n::Messages::of(locale)
                .t("sms-sign-in-code", &[("code", code.as_str().into())]);
            app.sms
                .send_sms(&SmsMessage {
                    to: parsed.0.clone(),
                    text,
                })
                .await
                .map_err(|e| e.to_string())
        };
        if let Err(e) = sent {
            tracing::warn!(error = %e, "sign-in code not sent");
        }
    }
    answer_after(started).await;
    Ok(answer)
}

/// Signs in with a six-digit code sent to the address: the profile it was sent for. Counted
/// against the account's failure limit; five wrong tries burn the code.
pub async fn redeem_sign_in_code(app: &App, address: Address<'_>, code: &str) -> Result<Uuid> {
    let reserved = super::attempts::reserve(app, &address.name()).await?;
    let slot = code_slot(address);
    let result = async {
        let used = super::access_code::use_code(app, &slot, code).await?;
        // The address may have changed hands since the code was sent.
        match app.store.verified_profile(address).await? {
            Some(p) if p == used.user_id => Ok(p),
            _ => Err(Error::InvalidCredentials),
        }
    }
    .await;
    match result {
        Ok(p) => {
            reserved.succeeded(app).await;
            Ok(p)
        }
        Err(e) => {
            reserved.failed();
            Err(e)
        }
    }
}
