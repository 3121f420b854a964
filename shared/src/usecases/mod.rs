//! Use cases: one module per verb. Pure logic over the ports: permission rules, state
//! transitions, token minting and what to send. `now` always comes from the app's clock.

pub mod accept;
pub mod access_code;
pub mod attempts;
pub mod audit;
pub mod batch;
pub mod deliver;
pub mod dispatch;
pub mod edit;
pub mod events;
pub mod idempotency;
pub mod invite;
pub mod limits;
pub mod links;
pub mod list;
pub mod members;
pub mod recovery;
pub mod renewal;
pub mod sessions;
pub mod settings;
pub mod signup;
pub mod suppressions;
pub mod tenants;

use std::future::Future;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::Serialize;
use uuid::Uuid;

use crate::app::App;
use crate::error::{Error, Result};
use crate::model::{Channel, Delivery, Employment, Member, Profile, Role, Status};
use crate::session::Principal;
use crate::store::Versioned;

/// How many slow hashes run at once: one per core. More cannot finish sooner (each is a core's
/// work), and each holds Argon2id's 19 MiB: a flood of 32 concurrent sign-ins had the blocking
/// pool run 40 of them at once, 650 MB more memory, whose return to the kernel afterwards
/// stalled other requests (a list page's p99 at 2.9 ms in `make bench`); and 512 (the pool's
/// limit) would be 10 GB.
static HASHING: std::sync::LazyLock<tokio::sync::Semaphore> = std::sync::LazyLock::new(|| {
    tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get()))
});

/// Runs a slow hash (a password's or a code's, Argon2id) off the async workers, waiting its
/// turn behind the ones already running (first come, first served).
pub async fn hashing<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T> {
    let _turn = HASHING
        .acquire()
        .await
        .map_err(|e| Error::Internal(format!("hashing closed: {e}")))?;
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| Error::Internal(format!("worker failed: {e}")))
}

/// The caller of an admin route, as their membership in the tenant says right now.
#[derive(Clone, Debug)]
pub struct Actor {
    pub profile_id: Uuid,
    pub user_id: Uuid,
    pub tenant_id: Uuid,
    /// The tenant's name as it is now (memberships keep a copy from when they last changed).
    pub tenant_name: String,
    pub role: Role,
    /// The tenant and its settings, read with the caller's access.
    pub tenant: std::sync::Arc<crate::model::Tenant>,
    /// The caller's name, as their profile gives it (what the audit trail records).
    pub name: String,
}

/// The caller's profile, while their session is in force: not of an earlier session epoch (a
/// password change or reset ends every earlier session) and not signed out.
pub async fn authenticate(app: &App, caller: Principal) -> Result<Versioned<Profile>> {
    let profile = app
        .store
        .profile(caller.profile)
        .await?
        .ok_or(Error::Unauthenticated)?;
    if !profile.value.honours(caller.epoch, caller.session) {
        return Err(Error::Unauthenticated);
    }
    Ok(profile)
}

/// Loads the caller's membership in `tenant` and requires an active admin or manager, with a
/// session in force that reaches the tenant (the membership and the profile are read at
/// once). Not an active member, or a session scoped to another tenant: 404, never revealing
/// whether the tenant exists.
pub async fn authorize(app: &App, caller: Principal, tenant: Uuid) -> Result<Actor> {
    if !caller.reaches(tenant) {
        return Err(Error::NotFound);
    }
    let (access, profile, settings) = tokio::join!(
        app.store.access(caller.profile, tenant),
        authenticate(app, caller),
        app.store.tenant(tenant)
    );
    let profile = profile?.value;
    let access = access?.ok_or(Error::NotFound)?;
    if access.status != Status::Active {
        return Err(Error::NotFound);
    }
    let settings = settings?.ok_or(Error::NotFound)?;
    // Said only to the tenant's own members.
    if settings.suspended_at.is_some() {
        return Err(Error::TenantSuspended);
    }
    if !access.role.administers() {
        return Err(Error::Forbidden);
    }
    Ok(Actor {
        profile_id: caller.profile,
        user_id: access.user_id,
        tenant_id: tenant,
        tenant_name: settings.name.clone(),
        role: access.role,
        tenant: settings,
        name: format!("{} {}", profile.first_name, profile.last_name)
            .trim()
            .to_string(),
    })
}

/// Authorises the caller in `tenant` and loads a member of it they may act on: the member is
/// read while the caller is authorised (one round trip on AWS, not two), and withheld unless
/// both agree.
pub async fn authorize_on(
    app: &App,
    caller: Principal,
    tenant: Uuid,
    user: Uuid,
) -> Result<(Actor, Versioned<Member>)> {
    let (actor, member) = tokio::join!(
        authorize(app, caller, tenant),
        app.store.member(tenant, user)
    );
    let actor = actor?;
    let member = member?.ok_or(Error::NotFound)?;
    if !actor.role.may_manage(member.value.role) {
        return Err(Error::Forbidden);
    }
    Ok((actor, member))
}

/// Runs a read-modify-write until it commits without a concurrent change in between (a few
/// tries, with a short jittered pause). Every try reads afresh, so a retry sees what the
/// winner wrote and decides again: two accepts of one token give one success and one 409.
pub async fn retrying<T, F, Fut>(mut attempt: F) -> Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T>>,
{
    const TRIES: u32 = 8;
    for n in 1..=TRIES {
        match attempt().await {
            Err(Error::Stale) if n < TRIES => {
                let jitter = rand::random::<u64>() % 10;
                tokio::time::sleep(Duration::from_millis(u64::from(n) * 5 + jitter)).await;
            }
            other => return other,
        }
    }
    Err(Error::Stale)
}

/// A member as the API shows it.
#[derive(Clone, Debug, Serialize)]
pub struct MemberView {
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub first_name: String,
    pub last_name: String,
    pub role: Role,
    pub teams: Vec<String>,
    pub agent_ids: Vec<String>,
    pub products: Vec<String>,
    pub shortcode: Option<String>,
    pub employment: Option<Employment>,
    pub status: Status,
    pub invited_by: Option<Uuid>,
    /// How the inviter was named when they invited (kept: a manager may not read an admin).
    pub inviter_name: String,
    pub invited_at: DateTime<Utc>,
    pub send_at: Option<DateTime<Utc>>,
    pub invite_expires_at: Option<DateTime<Utc>>,
    pub accepted_at: Option<DateTime<Utc>>,
    pub deactivated_at: Option<DateTime<Utc>>,
    /// Present (possibly null) for admins only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_login_at: Option<Option<DateTime<Utc>>>,
    pub delivery: std::collections::BTreeMap<Channel, Delivery>,
    /// Why a channel failed, bounced or was refused, in the provider's words.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub delivery_errors: std::collections::BTreeMap<Channel, String>,
    pub existing_profile: bool,
    /// The invitee asked for a new invitation, which waits for an admin (a reinvite answers it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renewal_requested_at: Option<DateTime<Utc>>,
    /// The member's language; null: the tenant's.
    pub locale: Option<String>,
}

impl MemberView {
    pub fn new(m: Member, now: DateTime<Utc>, viewer: Role) -> Self {
        let status = m.status_at(now);
        Self {
            id: m.id,
            tenant_id: m.tenant_id,
            email: m.email,
            phone: m.phone,
            first_name: m.first_name,
            last_name: m.last_name,
            role: m.role,
            teams: m.teams,
            agent_ids: m.agent_ids,
            products: m.products,
            shortcode: m.shortcode,
            employment: m.employment,
            status,
            invited_by: m.invited_by,
            inviter_name: m.inviter_name,
            invited_at: m.invited_at,
            send_at: m.send_at,
            invite_expires_at: m.invite_expires_at,
            accepted_at: m.accepted_at,
            deactivated_at: m.deactivated_at,
            last_login_at: (viewer == Role::Admin).then_some(m.last_login_at),
            delivery: m.delivery,
            delivery_errors: m.delivery_errors,
            existing_profile: m.existing_profile,
            renewal_requested_at: m.renewal_requested_at.filter(|_| status.is_pending()),
            locale: m.locale,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn slow_hashes_run_at_most_one_per_core_at_once_and_every_one_runs() {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let (running, most, done) = (
            Arc::new(AtomicUsize::new(0)),
            Arc::new(AtomicUsize::new(0)),
            Arc::new(AtomicUsize::new(0)),
        );
        let hashes = (0..cores * 4).map(|_| {
            let (running, most, done) = (running.clone(), most.clone(), done.clone());
            tokio::spawn(super::hashing(move || {
                let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
                std::thread::sleep(std::time::Duration::from_millis(20));
                running.fetch_sub(1, Ordering::SeqCst);
                done.fetch_add(1, Ordering::SeqCst);
            }))
        });
        for h in hashes.collect::<Vec<_>>() {
            h.await.unwrap().unwrap();
        }
        assert_eq!(done.load(Ordering::SeqCst), cores * 4);
        let most = most.load(Ordering::SeqCst);
        assert!(most <= cores, "{most} hashes ran at once on {cores} cores");
        assert!(most >= 1);
    }
}
