//! Tenants as an operator runs them: onboarding (a tenant and its first admin, invited by
//! email: never a password chosen by the operator), the directory, and the operator's changes
//! (name, products, SMS countries, suspension). The `operator` command runs these against a
//! deployed stack's table with the operator's AWS credentials, or against the local server
//! through its `/dev/operator/` routes. `POST /dev/tenants` (a tenant with an active admin and
//! a password, at once) stays for local use and tests.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::audit::Audit;
use crate::app::App;
use crate::error::{Error, Result};
use crate::model::{Access, Channel, Member, Profile, Role, Stats, Status, Tenant};
use crate::secrets;
use crate::validate::{self, Errors};

#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewAdmin {
    pub email: String,
    pub password: String,
    #[serde(default)]
    pub first_name: String,
    #[serde(default)]
    pub last_name: String,
}

#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewTenant {
    pub name: String,
    #[serde(default)]
    pub products: Vec<String>,
    #[serde(default)]
    pub sms_countries: Vec<String>,
    pub admin: NewAdmin,
}

#[derive(Serialize)]
pub struct CreatedTenant {
    pub tenant_id: Uuid,
    pub admin_user_id: Uuid,
    pub token: String,
}

pub async fn create(app: &App, req: NewTenant) -> Result<CreatedTenant> {
    let mut errors = Errors::default();
    let name = errors
        .check(validate::label("name", &req.name, 100))
        .unwrap_or_default();
    let products = validate::labels("products", &req.products, &mut errors);
    let sms_countries = validate::country_codes("sms_countries", &req.sms_countries, &mut errors);
    let email = errors.check(validate::email("admin.email", &req.admin.email));
    let first_name = errors
        .check(validate::name("admin.first_name", &req.admin.first_name))
        .unwrap_or_default();
    let last_name = errors
        .check(validate::name("admin.last_name", &req.admin.last_name))
        .unwrap_or_default();
    errors.into_result()?;
    let email = email.unwrap_or_default();
    let now = app.now();
    let mut tx = app.store.tx();
    let email_key = validate::email_key(&email);
    let existing = match app
        .store
        .holder(crate::store::Address::Email(&email_key))
        .await?
    {
        Some(held) => app.store.profile(held.value.profile_id).await?,
        None => None,
    };
    let (profile_id, epoch) = match existing {
        Some(p) => {
            let account = super::sessions::account_of(&p.value);
            let phc = Some(p.value.password_hash.as_str());
            super::attempts::prove_password(app, &account, &req.admin.password, phc).await?;
            (p.value.id, p.value.session_epoch)
        }
        None => {
            secrets::check_password_strength(
                &req.admin.password,
                &[
                    email.as_str(),
                    first_name.as_str(),
                    last_name.as_str(),
                    name.as_str(),
                ],
            )?;
            let password = req.admin.password.clone();
            let password_hash = super::hashing(move || secrets::hash_password(&password)).await??;
            let profile = Profile::new(
                Some(email.clone()),
                None,
                (first_name.clone(), last_name.clone()),
                password_hash,
                None,
                now,
            );
            tx.create_profile(&profile, true);
            (profile.id, 0)
        }
    };
    let tenant = Tenant::new(name.clone(), products, sms_countries, now);
    let mut admin = first_admin(&tenant, email.clone(), first_name, last_name, now);
    admin.status = Status::Active;
    admin.accepted_at = Some(now);
    admin.profile_id = Some(profile_id);
    admin.generation = 0;
    tx.create_tenant(&tenant);
    tx.put_member(&admin, None);
    tx.claim_all(&admin);
    tx.count(tenant.id, admin.id, None, Some(Status::Active));
    tx.add_admin(tenant.id);
    tx.put_access(
        profile_id,
        &Access {
            tenant_id: tenant.id,
            tenant_name: name,
            user_id: admin.id,
            role: Role::Admin,
            status: Status::Active,
        },
    );
    app.store.commit(tx).await?;
    let session = app
        .sessions
        .issue(
            crate::session::Grant {
                profile: profile_id,
                scope: None,
                epoch,
            },
            app.wall_clock.now(),
        )
        .await?;
    tracing::info!(tenant = %tenant.id, "tenant created");
    Ok(CreatedTenant {
        tenant_id: tenant.id,
        admin_user_id: admin.id,
        token: session.token,
    })
}

/// The first admin of a tenant being onboarded: invited by email.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FirstAdmin {
    pub email: String,
    #[serde(default)]
    pub first_name: String,
    #[serde(default)]
    pub last_name: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Onboard {
    pub name: String,
    #[serde(default)]
    pub products: Vec<String>,
    #[serde(default)]
    pub sms_countries: Vec<String>,
    pub admin: FirstAdmin,
    /// Who the invitation says it is from (default: "The service operator").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invited_by: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Onboarded {
    pub tenant: Tenant,
    pub admin_user_id: Uuid,
    pub admin_email: String,
    pub invite_expires_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// A tenant and its first admin, invited by email, in one transaction (with the invitation's
/// outbox entry): there is never a tenant without the invitation of its admin. The admin sets
/// their own password by accepting (or joins with the profile they have elsewhere).
pub async fn onboard(app: &App, req: Onboard) -> Result<Onboarded> {
    let mut errors = Errors::default();
    let name = errors
        .check(validate::label("name", &req.name, 100))
        .unwrap_or_default();
    let products = validate::labels("products", &req.products, &mut errors);
    let sms_countries = validate::country_codes("sms_countries", &req.sms_countries, &mut errors);
    let email = errors.check(validate::email("admin.email", &req.admin.email));
    let first_name = optional_name(&mut errors, "admin.first_name", &req.admin.first_name);
    let last_name = optional_name(&mut errors, "admin.last_name", &req.admin.last_name);
    let inviter_name = match &req.invited_by {
        Some(n) => errors
            .check(validate::label("invited_by", n, 100))
            .unwrap_or_default(),
        None => "The service operator".to_string(),
    };
    errors.into_result()?;
    let email = email.unwrap_or_default();
    let now = app.now();
    let existing = app
        .store
        .verified_profile_eventual(crate::store::Address::Email(&validate::email_key(&email)))
        .await?;
    let tenant = Tenant::new(name, products, sms_countries, now);
    let mut admin = first_admin(&tenant, email.clone(), first_name, last_name, now);
    admin.inviter_name = inviter_name;
    admin.channels = vec![Channel::Email];
    admin.existing_profile = existing.is_some();
    admin.profile_id = existing;
    let mut tx = app.store.tx();
    tx.create_tenant(&tenant);
    let queued = super::invite::issue_now(&mut tx, &mut admin, &tenant, now, true);
    Audit::new(app, tenant.id, "tenant.created")
        .change("name", None, Some(&tenant.name))
        .change("products", None, Some(&tenant.products))
        .change("sms_countries", None, Some(&tenant.sms_countries))
        .record(app, &mut tx);
    Audit::new(app, tenant.id, "member.invited")
        .on(&admin)
        .created(&admin, now)
        .record(app, &mut tx);
    tx.put_member(&admin, None);
    tx.claim_all(&admin);
    tx.count(tenant.id, admin.id, None, Some(Status::Invited));
    app.store.commit(tx).await?;
    app.wake(&queued);
    tracing::info!(tenant = %tenant.id, user = %admin.id, "tenant onboarded; its first admin is invited");
    Ok(Onboarded {
        admin_user_id: admin.id,
        admin_email: email,
        invite_expires_at: admin.invite_expires_at,
        tenant,
    })
}

/// A tenant's first admin, invited (by an operator: no inviter among the tenant's members).
fn first_admin(
    tenant: &Tenant,
    email: String,
    first_name: String,
    last_name: String,
    now: chrono::DateTime<chrono::Utc>,
) -> Member {
    Member {
        id: crate::model::new_id(),
        tenant_id: tenant.id,
        email: Some(email),
        phone: None,
        first_name,
        last_name,
        role: Role::Admin,
        teams: vec![],
        agent_ids: vec![],
        products: tenant.products.clone(),
        shortcode: None,
        employment: None,
        status: Status::Invited,
        invited_by: None,
        inviter_name: String::new(),
        invited_at: now,
        send_at: None,
        invite_expires_at: None,
        accepted_at: None,
        deactivated_at: None,
        last_login_at: None,
        channels: vec![],
        delivery: Default::default(),
        delivery_errors: Default::default(),
        existing_profile: false,
        profile_id: None,
        generation: 1,
        email_sends: None,
        renewal_requested_at: None,
        last_renewal: None,
        locale: None,
    }
}

/// A name the operator may leave empty (the admin gives theirs when accepting).
fn optional_name(errors: &mut Errors, field: &str, raw: &str) -> String {
    if raw.trim().is_empty() {
        return String::new();
    }
    errors.check(validate::name(field, raw)).unwrap_or_default()
}

#[derive(Debug, Serialize)]
pub struct TenantPage {
    pub items: Vec<Tenant>,
    pub next_cursor: Option<Uuid>,
}

/// A page of the directory (oldest first). The cursor is the last tenant's id: the directory
/// is the operator's own, so there is nothing in it to hide from them.
pub async fn directory(app: &App, limit: usize, after: Option<Uuid>) -> Result<TenantPage> {
    let (items, next_cursor) = app.store.tenants(limit.clamp(1, 100), after).await?;
    Ok(TenantPage { items, next_cursor })
}

#[derive(Debug, Serialize)]
pub struct TenantDetail {
    #[serde(flatten)]
    pub tenant: Tenant,
    pub stats: Stats,
}

pub async fn show(app: &App, tenant: Uuid) -> Result<TenantDetail> {
    let (found, stats) = tokio::join!(app.store.tenant(tenant), app.store.stats(tenant));
    let found = found?.ok_or(Error::NotFound)?;
    Ok(TenantDetail {
        tenant: Tenant::clone(&found),
        stats: stats?,
    })
}

/// What an operator changes: the name, the products the tenant may grant, the countries it
/// may text, and whether it is suspended (its routes answer 403 `tenant_suspended`; its data
/// stays, and resuming opens them again).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OperatorChange {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub products: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms_countries: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suspended: Option<bool>,
}

pub async fn change(app: &App, tenant: Uuid, req: OperatorChange) -> Result<Tenant> {
    let mut errors = Errors::default();
    let name = req
        .name
        .as_ref()
        .and_then(|n| errors.check(validate::label("name", n, 100)));
    let products = req
        .products
        .as_ref()
        .map(|p| validate::labels("products", p, &mut errors));
    let sms_countries = req
        .sms_countries
        .as_ref()
        .map(|c| validate::country_codes("sms_countries", c, &mut errors));
    errors.into_result()?;
    let req = &req;
    let (name, products, sms_countries) = (&name, &products, &sms_countries);
    super::retrying(|| async move {
        let current = app
            .store
            .tenant_versioned(tenant)
            .await?
            .ok_or(Error::NotFound)?;
        let mut updated = current.value.clone();
        if let Some(n) = name {
            updated.name = n.clone();
        }
        if let Some(p) = products {
            updated.products = p.clone();
        }
        if let Some(c) = sms_countries {
            updated.sms_countries = c.clone();
        }
        match req.suspended {
            Some(true) if updated.suspended_at.is_none() => updated.suspended_at = Some(app.now()),
            Some(false) => updated.suspended_at = None,
            _ => {}
        }
        let mut tx = app.store.tx();
        tx.update_tenant(&current, &updated);
        let before = &current.value;
        Audit::new(app, tenant, "tenant.updated")
            .change("name", &before.name, &updated.name)
            .change("products", &before.products, &updated.products)
            .change("sms_countries", &before.sms_countries, &updated.sms_countries)
            .change("suspended_at", before.suspended_at, updated.suspended_at)
            .record(app, &mut tx);
        app.store.commit(tx).await?;
        tracing::info!(tenant = %tenant, suspended = updated.suspended_at.is_some(), "tenant changed by an operator");
        Ok(updated)
    })
    .await
}
