//! Creating a tenant with its first active admin (the local server's `POST /dev/tenants`; in
//! AWS, tenants come from the adopting team's own provisioning).

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::app::App;
use crate::error::Result;
use crate::model::{Access, Member, Profile, Role, Status, Tenant};
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
    let admin = Member {
        id: crate::model::new_id(),
        tenant_id: tenant.id,
        email: Some(email.clone()),
        phone: None,
        first_name,
        last_name,
        role: Role::Admin,
        teams: vec![],
        agent_ids: vec![],
        products: tenant.products.clone(),
        shortcode: None,
        employment: None,
        status: Status::Active,
        invited_by: None,
        inviter_name: String::new(),
        invited_at: now,
        send_at: None,
        invite_expires_at: None,
        accepted_at: Some(now),
        deactivated_at: None,
        last_login_at: None,
        channels: vec![],
        delivery: Default::default(),
        delivery_errors: Default::default(),
        existing_profile: false,
        profile_id: Some(profile_id),
        generation: 0,
        email_sends: None,
        renewal_requested_at: None,
        last_renewal: None,
    };
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
