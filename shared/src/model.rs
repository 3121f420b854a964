//! The domain model: tenants, members (a person's place in one tenant), profiles (the person,
//! shared across tenants), invitation tokens and the roles and statuses that govern them.

pub mod audit;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Built-in roles, highest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Manager,
    TeamLeader,
    Agent,
    User,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Admin,
        Role::Manager,
        Role::TeamLeader,
        Role::Agent,
        Role::User,
    ];

    pub fn rank(self) -> u8 {
        match self {
            Role::Admin => 5,
            Role::Manager => 4,
            Role::TeamLeader => 3,
            Role::Agent => 2,
            Role::User => 1,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Manager => "manager",
            Role::TeamLeader => "team_leader",
            Role::Agent => "agent",
            Role::User => "user",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Whether this role may use the admin routes at all.
    pub fn administers(self) -> bool {
        matches!(self, Role::Admin | Role::Manager)
    }

    /// Whether a caller with this role may act on a member holding `target`, or grant `target`.
    /// Admins may act on everyone; managers only on roles below manager.
    pub fn may_manage(self, target: Role) -> bool {
        match self {
            Role::Admin => true,
            Role::Manager => target.rank() < Role::Manager.rank(),
            _ => false,
        }
    }
}

/// Membership status as the API shows it. `Expired` is never stored: it is an `Invited`
/// member whose current invitation is past its expiry, computed at read time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Scheduled,
    Invited,
    Expired,
    Active,
    Deactivated,
    Cancelled,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Scheduled,
        Status::Invited,
        Status::Expired,
        Status::Active,
        Status::Deactivated,
        Status::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Scheduled => "scheduled",
            Status::Invited => "invited",
            Status::Expired => "expired",
            Status::Active => "active",
            Status::Deactivated => "deactivated",
            Status::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The "Inactive" tab holds deactivated and cancelled members; "All" holds the rest.
    pub fn is_inactive(self) -> bool {
        matches!(self, Status::Deactivated | Status::Cancelled)
    }

    /// Pending: an invitation that has not been accepted and was not withdrawn.
    pub fn is_pending(self) -> bool {
        matches!(self, Status::Scheduled | Status::Invited | Status::Expired)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    Sms,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Sms => "sms",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// Queued in the outbox (or scheduled): not handed to the provider yet.
    Pending,
    /// Taken by the provider (SES, SNS).
    Sent,
    /// Reported delivered by the provider.
    Delivered,
    /// Refused for good, or still refused after 15 minutes of retries: the reason is kept.
    Failed,
    Bounced,
    Complained,
    /// Refused at send time by the per-recipient or SMS limits (a deferred send).
    RateLimited,
}

impl Delivery {
    pub fn as_str(self) -> &'static str {
        match self {
            Delivery::Pending => "pending",
            Delivery::Sent => "sent",
            Delivery::Delivered => "delivered",
            Delivery::Failed => "failed",
            Delivery::Bounced => "bounced",
            Delivery::Complained => "complained",
            Delivery::RateLimited => "rate_limited",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Employment {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::validate::capped_extra"
    )]
    pub extra: BTreeMap<String, String>,
}

/// A tenant and its settings. Fields added after v1 default when a record written before
/// them is read.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Tenant {
    pub id: Uuid,
    pub name: String,
    pub products: Vec<String>,
    pub sms_countries: Vec<String>,
    pub created_at: DateTime<Utc>,
    #[serde(default = "default_locale")]
    pub locale: String,
    /// How long an invitation's links live, 1 to 168 hours.
    #[serde(default = "default_ttl_hours")]
    pub invitation_ttl_hours: u32,
    /// Empty: any domain; otherwise invitations go only to these (ASCII, lower case).
    #[serde(default)]
    pub allowed_email_domains: Vec<String>,
    #[serde(default)]
    pub renewal: Renewal,
    #[serde(default)]
    pub branding: Branding,
    /// Set by an operator: the tenant's routes answer 403 `tenant_suspended`, its data stays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suspended_at: Option<DateTime<Utc>>,
}

fn default_locale() -> String {
    "en".into()
}
fn default_ttl_hours() -> u32 {
    24
}

/// The locales the messages and pages speak.
pub const LOCALES: [&str; 6] = ["en", "es", "fr", "de", "pt-BR", "ar"];

impl Tenant {
    /// A new tenant with the default settings.
    pub fn new(
        name: String,
        products: Vec<String>,
        sms_countries: Vec<String>,
        now: DateTime<Utc>,
    ) -> Self {
        Tenant {
            id: new_id(),
            name,
            products,
            sms_countries,
            created_at: now,
            locale: default_locale(),
            invitation_ttl_hours: default_ttl_hours(),
            allowed_email_domains: Vec::new(),
            renewal: Renewal::default(),
            branding: Branding::default(),
            suspended_at: None,
        }
    }

    /// How long this tenant's invitation links live.
    pub fn invitation_ttl(&self) -> chrono::Duration {
        chrono::Duration::hours(i64::from(self.invitation_ttl_hours.clamp(1, 168)))
    }
}

/// What an expired link's holder may do: nothing (`off`), ask the inviter (`approval`), or get
/// a fresh link at once, to the same address (`automatic`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Renewal {
    Off,
    #[default]
    Approval,
    Automatic,
}

/// How the tenant's emails, printed invitations and accept page look.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Branding {
    /// The display name of the emails' sender (the address stays the service's).
    pub sender_name: Option<String>,
    pub reply_to: Option<String>,
    /// `#rrggbb`.
    pub accent_color: Option<String>,
    /// An https URL.
    pub logo_url: Option<String>,
}

impl Branding {
    /// The accent when the tenant has not chosen one.
    pub const DEFAULT_ACCENT: &'static str = "#1a56db";

    pub fn accent(&self) -> &str {
        self.accent_color.as_deref().unwrap_or(Self::DEFAULT_ACCENT)
    }

    /// The text colour for a button in the accent: white or near-black, whichever contrasts
    /// more with it (the better of the two is always at least 4.5:1, WCAG AA).
    pub fn accent_ink(&self) -> &'static str {
        const DARK: &str = "#111827";
        let Some(accent) = luminance(self.accent()) else {
            return "#ffffff";
        };
        let on_white = 1.05 / (accent + 0.05);
        let dark = luminance(DARK).unwrap_or(0.0);
        let on_dark = (accent + 0.05) / (dark + 0.05);
        if on_white >= on_dark { "#ffffff" } else { DARK }
    }
}

/// The relative luminance (WCAG 2) of `#rrggbb`.
fn luminance(hex: &str) -> Option<f64> {
    let hex = hex.strip_prefix('#').filter(|h| h.len() == 6)?;
    let channel = |i: usize| -> Option<f64> {
        let c = f64::from(u8::from_str_radix(hex.get(i..i + 2)?, 16).ok()?) / 255.0;
        Some(if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        })
    };
    Some(0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?)
}

/// A person's membership in one tenant: invited, active, or withdrawn. Stored without its
/// empty fields (no `null`s, no `[]`): a member is written with every change and kept in memory
/// by the local table, and its empty fields were a fifth of its text. Records written with
/// them read the same.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Member {
    pub id: Uuid,
    pub tenant_id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    pub first_name: String,
    pub last_name: String,
    pub role: Role,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub teams: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agent_ids: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub products: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shortcode: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employment: Option<Employment>,
    /// Stored status: never `Expired` (see [`Member::status_at`]).
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invited_by: Option<Uuid>,
    pub inviter_name: String,
    pub invited_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invite_expires_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deactivated_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_login_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<Channel>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub delivery: BTreeMap<Channel, Delivery>,
    /// Why a channel's delivery failed, bounced or was refused, in the provider's words.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub delivery_errors: BTreeMap<Channel, String>,
    pub existing_profile: bool,
    /// The person's central profile, once known (at acceptance, or at invite time when they
    /// already had one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile_id: Option<Uuid>,
    /// Invitation generation: bumped by every reinvite, cancel and change of address, so that
    /// every token minted for an earlier generation is dead at once.
    pub generation: u32,
    /// Invitation emails sent to the member's address today (UTC), with those its cancelled
    /// predecessors in the tenant were sent: the per-recipient daily limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_sends: Option<DailyCount>,
    /// When the invitee, holding an expired link, asked for a new invitation that waits for an
    /// admin (the tenant's renewal mode is `approval`); a reinvite answers it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewal_requested_at: Option<DateTime<Utc>>,
    /// The last request for a new invitation, whatever it did: at most one an hour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_renewal: Option<RenewalAsk>,
    /// The language of what the member is sent (a supported locale); the tenant's when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
}

/// A request for a new invitation: when, and the member's generation it left (a renewal sent
/// at once moves the generation on; one waiting for an admin does not).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenewalAsk {
    pub at: DateTime<Utc>,
    pub generation: u32,
}

/// A count of one UTC day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DailyCount {
    pub day: chrono::NaiveDate,
    pub count: u32,
}

impl DailyCount {
    /// The count on `day` (zero if it is of another day).
    pub fn on(count: Option<DailyCount>, day: chrono::NaiveDate) -> u32 {
        count.filter(|c| c.day == day).map_or(0, |c| c.count)
    }
}

/// How a person is named to others: first and last name, else the email, else the phone.
pub fn display_name(first: &str, last: &str, email: Option<&str>, phone: Option<&str>) -> String {
    let mut name = String::with_capacity(first.len() + 1 + last.len());
    name.push_str(first);
    name.push(' ');
    name.push_str(last);
    let trimmed = name.trim();
    if trimmed.is_empty() {
        email.or(phone).unwrap_or_default().to_string()
    } else if trimmed.len() == name.len() {
        name
    } else {
        trimmed.to_string()
    }
}

/// A new record id: a UUID v7 (RFC 9562), so that ids sort by creation.
pub fn new_id() -> Uuid {
    Uuid::now_v7()
}

impl Member {
    /// The status the API shows at `now`: an invited member whose link has expired is `expired`.
    pub fn status_at(&self, now: DateTime<Utc>) -> Status {
        match (self.status, self.invite_expires_at) {
            (Status::Invited, Some(exp)) if exp <= now => Status::Expired,
            (s, _) => s,
        }
    }

    pub fn display_name(&self) -> String {
        display_name(
            &self.first_name,
            &self.last_name,
            self.email.as_deref(),
            self.phone.as_deref(),
        )
    }

    /// Lower-cased search terms: first name, last name, email (distinct, non-empty).
    pub fn search_terms(&self) -> Vec<String> {
        let mut terms: Vec<String> = [
            Some(&self.first_name),
            Some(&self.last_name),
            self.email.as_ref(),
        ]
        .into_iter()
        .flatten()
        .map(|t| t.trim().to_lowercase())
        .filter(|t| !t.is_empty())
        .collect();
        terms.sort();
        terms.dedup();
        terms
    }
}

/// A person, shared by all their memberships ("central profile").
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Profile {
    pub id: Uuid,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub first_name: String,
    pub last_name: String,
    /// Argon2id PHC string; empty while the person has set none (joined with a code).
    pub password_hash: String,
    pub created_at: DateTime<Utc>,
    /// Sessions issued at an earlier epoch are over: a password change or reset bumps it.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub session_epoch: u32,
    /// The tenant whose vouched credential (a quick access code, a minted link) made this
    /// profile: its address is not proven, and its sessions reach that tenant only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bound_to: Option<Uuid>,
    /// Sessions ended one by one (signed out) and not expired yet.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ended_sessions: Vec<EndedSession>,
    /// When the person agreed, signing up with their phone, to be joined to the organisations
    /// that invited the number and to be texted by them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_consent_at: Option<DateTime<Utc>>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// A session signed out before its expiry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndedSession {
    pub id: Uuid,
    /// When it would have expired (epoch seconds): forgotten after that.
    pub expires: i64,
}

impl Profile {
    /// A new profile, with no session ended yet; `bound_to` the tenant that vouched for it,
    /// if it was made through a vouched credential.
    pub fn new(
        email: Option<String>,
        phone: Option<String>,
        (first_name, last_name): (String, String),
        password_hash: String,
        bound_to: Option<Uuid>,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            id: new_id(),
            email,
            phone,
            first_name,
            last_name,
            password_hash,
            created_at: now,
            session_epoch: 0,
            bound_to,
            ended_sessions: Vec::new(),
            phone_consent_at: None,
        }
    }

    pub fn has_password(&self) -> bool {
        !self.password_hash.is_empty()
    }

    /// Whether a session of this profile is still in force (not of an earlier epoch, not
    /// signed out).
    pub fn honours(&self, epoch: u32, session: Uuid) -> bool {
        epoch == self.session_epoch && !self.ended_sessions.iter().any(|e| e.id == session)
    }
}

/// What a profile holds in one tenant: read on every admin request to authorise the caller,
/// so role changes and deactivation take effect at once.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Access {
    pub tenant_id: Uuid,
    pub tenant_name: String,
    pub user_id: Uuid,
    pub role: Role,
    pub status: Status,
}

/// A stored invitation token: only the SHA-256 of the token is ever kept.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct InvitationToken {
    pub tenant_id: Uuid,
    pub user_id: Uuid,
    pub generation: u32,
    pub tenant_name: String,
    pub expires_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub used_at: Option<DateTime<Utc>>,
    /// The channels this token was sent on to the member's own address (delivered); empty for
    /// a link minted for staff to copy, show or print (vouched), which proves no address.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub delivered_to: Vec<Channel>,
}

impl InvitationToken {
    /// How long an expired link is still known (its holder may ask for a new one): the record's
    /// TTL is its expiry plus this, and past it the service treats the link as unknown itself,
    /// whether or not DynamoDB's TTL sweep has removed it yet.
    pub const KNOWN_AFTER_EXPIRY: chrono::TimeDelta = chrono::TimeDelta::days(30);

    /// When DynamoDB may delete the record (epoch seconds).
    pub fn ttl(&self) -> i64 {
        (self.expires_at + Self::KNOWN_AFTER_EXPIRY).timestamp()
    }

    /// Whether the link is past the window in which an expired link is still known.
    pub fn forgotten(&self, now: DateTime<Utc>) -> bool {
        now >= self.expires_at + Self::KNOWN_AFTER_EXPIRY
    }
}

/// Counts for `GET /stats`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    pub active: i64,
    pub invited: i64,
    pub scheduled: i64,
    pub deactivated: i64,
    pub cancelled: i64,
    pub admins: i64,
    pub standard: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_delivery_state_is_named_as_the_api_names_it() {
        use Delivery::*;
        for d in [
            Pending,
            Sent,
            Delivered,
            Failed,
            Bounced,
            Complained,
            RateLimited,
        ] {
            assert_eq!(serde_json::to_value(d).unwrap(), d.as_str());
        }
    }

    #[test]
    fn managers_manage_only_roles_below_manager() {
        assert!(Role::Manager.may_manage(Role::TeamLeader));
        assert!(Role::Manager.may_manage(Role::User));
        assert!(!Role::Manager.may_manage(Role::Manager));
        assert!(!Role::Manager.may_manage(Role::Admin));
        assert!(Role::Admin.may_manage(Role::Admin));
        assert!(!Role::TeamLeader.may_manage(Role::User));
        assert!(!Role::User.administers());
    }

    #[test]
    fn new_ids_are_version_7_and_sort_in_the_order_they_were_made() {
        let ids: Vec<Uuid> = (0..10_000).map(|_| new_id()).collect();
        assert!(ids.iter().all(|id| id.get_version_num() == 7));
        assert!(
            ids.iter()
                .all(|id| id.get_variant() == uuid::Variant::RFC4122)
        );
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "ids out of order");
        let millis = |id: &Uuid| id.get_timestamp().map(|t| t.to_unix()).unwrap();
        let now = Utc::now().timestamp() as u64;
        assert!((now - 2..=now + 2).contains(&millis(&ids[9_999]).0));
    }

    #[test]
    fn new_ids_made_on_many_threads_are_all_distinct() {
        let threads: Vec<_> = (0..4)
            .map(|_| std::thread::spawn(|| (0..5_000).map(|_| new_id()).collect::<Vec<_>>()))
            .collect();
        let mut all = std::collections::HashSet::new();
        for t in threads {
            for id in t.join().unwrap() {
                assert!(all.insert(id));
            }
        }
    }

    #[test]
    fn a_display_name_is_the_names_else_the_email_else_the_phone() {
        assert_eq!(
            display_name("Ana", "Ruiz", Some("a@x.example"), None),
            "Ana Ruiz"
        );
        assert_eq!(display_name("Ana", "", Some("a@x.example"), None), "Ana");
        assert_eq!(display_name("", "Ruiz", None, None), "Ruiz");
        assert_eq!(
            display_name("", "", Some("a@x.example"), Some("+34600000000")),
            "a@x.example"
        );
        assert_eq!(
            display_name(" ", "", None, Some("+34600000000")),
            "+34600000000"
        );
    }

    #[test]
    fn a_member_is_stored_without_its_empty_fields_and_reads_back_the_same() {
        let mut m = crate::testing::member("Ana", "Ruiz", Some("ana@example.com"));
        m.phone = None;
        m.teams.clear();
        m.send_at = None;
        m.profile_id = None;
        let text = serde_json::to_string(&m).unwrap();
        assert!(!text.contains("null") && !text.contains("[]"), "{text}");
        let back: Member = serde_json::from_str(&text).unwrap();
        assert_eq!(serde_json::to_string(&back).unwrap(), text);
        // A record written with every field, nulls and all, reads the same.
        let mut full = serde_json::to_value(&m).unwrap();
        for field in [
            "phone",
            "shortcode",
            "employment",
            "send_at",
            "accepted_at",
            "profile_id",
        ] {
            full[field] = serde_json::Value::Null;
        }
        full["teams"] = serde_json::json!([]);
        let old: Member = serde_json::from_value(full).unwrap();
        assert_eq!(serde_json::to_string(&old).unwrap(), text);
        // And every field set survives.
        m.phone = Some("+34600000000".into());
        m.teams = vec!["front-desk".into()];
        m.send_at = Some(DateTime::from_timestamp(1_796_000_000, 0).unwrap());
        m.profile_id = Some(new_id());
        let text = serde_json::to_string(&m).unwrap();
        let back: Member = serde_json::from_str(&text).unwrap();
        assert_eq!(serde_json::to_string(&back).unwrap(), text);
        assert_eq!(back.phone, m.phone);
        assert_eq!(back.send_at, m.send_at);
    }

    #[test]
    fn search_terms_are_lowercase_and_distinct() {
        let m = crate::testing::member("Ann", "ANN", Some("Ann@Example.com"));
        assert_eq!(
            m.search_terms(),
            vec!["ann".to_string(), "ann@example.com".to_string()]
        );
    }
}
