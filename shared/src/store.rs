//! The store: every domain read and write, expressed once over the [`Table`] port.
//!
//! # Single-table design
//!
//! | item | pk | sk | body | notes |
//! | --- | --- | --- | --- | --- |
//! | tenant | `T#{tenant}` | `TENANT` | [`Tenant`] | |
//! | member | `T#{tenant}` | `M#{user}` | [`Member`] | user ids are UUID v7, so `M#` sorts by creation |
//! | search entry | `T#{tenant}` | `Q#{term}#{user}` | copy of the [`Member`] | one per distinct lower-cased first name, last name, email |
//! | email entry (guard) | `T#{tenant}` | `Q#{email}` | copy of the [`Member`] | the email's search entry while the member is not cancelled: `attribute_not_exists` makes it the one non-cancelled membership per email; cancelling moves it to `Q#{email}#{user}` |
//! | phone guard | `T#{tenant}` | `PH#{e164}` | `{user_id}` | non-cancelled membership per phone number |
//! | agent-id guard | `T#{tenant}` | `A#{agent_id}` | `{user_id}` | one member per agent id |
//! | shortcode guard | `T#{tenant}` | `S#{shortcode}` | `{user_id}` | case-insensitive |
//! | counter shard | `T#{tenant}` | `C#{0..7}` | `{active, invited, scheduled, deactivated, cancelled}`, `i#{day}#{inviter}` | `ADD` in the same transaction as the change; an invite counts on its inviter's shard, with the inviter's invitees of the day (the daily limit as its condition) |
//! | admin count | `T#{tenant}` | `C#admins` | `{count}` | versioned: guards "last active admin" |
//! | profile | `P#{profile}` | `PROFILE` | [`Profile`] | the person, shared by tenants |
//! | access | `P#{profile}` | `T#{tenant}` | [`Access`] | read on every admin request; `/v1/me` is one Query |
//! | profile email guard | `EMAIL#{email}` | `PROFILE` | `{profile_id, verified}` | one profile per email; see [`identity`] for what `verified` means |
//! | profile phone guard | `PHONE#{e164}` | `PROFILE` | `{profile_id, verified}` | one phone-only profile per number |
//! | pending by phone | `INVPHONE#{e164}` | `{tenant}#{user}` | `{tenant_id, user_id}` | phone sign-up finds its invitations |
//! | invitation token | `TOK#{sha256}` | `TOKEN` | [`InvitationToken`] | TTL attribute = expiry |
//! | access code | `CODE#{email}` | `CODE` | [`AccessCode`] | one per email; TTL 10 min |
//! | idempotency record | `T#{tenant}` | `IK#{sha256}` | state, request fingerprint, status | TTL 24 h |
//! | idempotency response part | `T#{tenant}` | `IK#{sha256}#{n}` | a slice of the stored response | TTL 24 h; items stay under 400 KB |
//!
//! Access patterns: a member, a tenant, a token, an access entry and a guard are one `GetItem`
//! each; a page of the member list is one `Query` on `M#` (newest first) or `Q#{prefix}`
//! (alphabetical, for search); stats are one `Query` on `C#`; a profile and all its
//! memberships are one `Query` on `P#{profile}`. Every change is one transaction.

use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::model::{Access, InvitationToken, Member, Profile, Role, Stats, Status, Tenant};
use crate::ports::{Body, Ceiling, Condition, Item, Query, Table, TableError, Write};

mod identity;
pub use identity::{Address, Holder, PasswordReset};

pub const COUNTER_SHARDS: u32 = 8;

/// Key construction, in one place.
pub mod keys {
    use uuid::Uuid;

    /// The pieces of a key, joined into a string allocated once at their length (`format!`
    /// grew it a piece at a time, and wrote each id through `Display`'s machinery: keys are
    /// made a dozen times per invitation).
    fn join(parts: &[&str]) -> String {
        let mut key = String::with_capacity(parts.iter().map(|p| p.len()).sum());
        for p in parts {
            key.push_str(p);
        }
        key
    }

    /// A key of `prefix` and an id.
    fn with_id(prefix: &str, id: Uuid) -> String {
        join(&[
            prefix,
            id.hyphenated().encode_lower(&mut Uuid::encode_buffer()),
        ])
    }

    pub fn tenant_pk(tenant: Uuid) -> String {
        with_id("T#", tenant)
    }
    pub const TENANT_SK: &str = "TENANT";
    pub const MEMBER_PREFIX: &str = "M#";
    pub fn member_sk(user: Uuid) -> String {
        with_id("M#", user)
    }
    pub fn search_prefix(q: &str) -> String {
        join(&["Q#", q])
    }
    pub fn search_sk(term: &str, user: Uuid) -> String {
        join(&[
            "Q#",
            term,
            "#",
            user.hyphenated().encode_lower(&mut Uuid::encode_buffer()),
        ])
    }
    /// The search entry of an email held by a member who is not cancelled: the email's guard.
    pub fn email_slot_sk(email_key: &str) -> String {
        join(&["Q#", email_key])
    }
    pub const INVITER_FIELD_PREFIX: &str = "i#";
    /// The field of a counter shard that counts an inviter's invitees of one day.
    pub fn inviter_field(day: &str, inviter: Uuid) -> String {
        join(&[
            "i#",
            day,
            "#",
            inviter
                .hyphenated()
                .encode_lower(&mut Uuid::encode_buffer()),
        ])
    }
    pub fn phone_guard_sk(e164: &str) -> String {
        join(&["PH#", e164])
    }
    pub fn agent_guard_sk(agent_id: &str) -> String {
        join(&["A#", agent_id])
    }
    pub fn shortcode_guard_sk(code: &str) -> String {
        join(&["S#", &code.to_lowercase()])
    }
    pub const COUNTER_PREFIX: &str = "C#";
    pub fn counter_sk(shard: u32) -> String {
        format!("C#{shard}")
    }
    pub const ADMINS_SK: &str = "C#admins";
    pub fn profile_pk(profile: Uuid) -> String {
        with_id("P#", profile)
    }
    pub const PROFILE_SK: &str = "PROFILE";
    pub const ACCESS_PREFIX: &str = "T#";
    pub fn access_sk(tenant: Uuid) -> String {
        with_id("T#", tenant)
    }
    pub fn profile_email_pk(email_key: &str) -> String {
        join(&["EMAIL#", email_key])
    }
    pub fn profile_phone_pk(e164: &str) -> String {
        join(&["PHONE#", e164])
    }
    pub fn invited_phone_pk(e164: &str) -> String {
        join(&["INVPHONE#", e164])
    }
    pub fn token_pk(hash: &str) -> String {
        join(&["TOK#", hash])
    }
    pub const TOKEN_SK: &str = "TOKEN";
}

/// A record with the version it was read at, for conditional writes.
#[derive(Clone, Debug)]
pub struct Versioned<T> {
    pub value: T,
    pub version: u64,
}

/// What a failed condition means in domain terms.
#[derive(Clone, Debug)]
enum OnConflict {
    Stale,
    RateLimited(&'static str, u64),
    TooManyAttempts(u64),
    ProfileExists,
    AlreadyMember,
    AgentIdTaken(String),
    ShortcodeTaken,
}

/// One atomic change, built from domain steps and committed as one transaction.
#[derive(Default)]
pub struct Tx {
    writes: Vec<Write>,
    meaning: Vec<OnConflict>,
}

fn to_body<T: Serialize>(value: &T) -> Body {
    // A record of ours always serialises (no map with non-string keys).
    Body::of(value).unwrap_or_else(|_| serde_json::Value::Null.into())
}

fn from_item<T: DeserializeOwned>(item: Item) -> Result<Versioned<T>> {
    let version = item.version;
    item.body
        .record::<T>()
        .map(|value| Versioned { value, version })
        .map_err(|e| corrupt(&item.pk, &item.sk, e))
}

fn corrupt(pk: &str, sk: &str, e: serde_json::Error) -> Error {
    Error::Internal(format!("corrupt item {pk} {sk}: {e}"))
}

/// The sort keys of a member's search entries, with whether each is the email's guard: one
/// per distinct search term, the email's at `Q#{email}` while the member is not cancelled.
pub fn search_entries(member: &Member) -> Vec<(String, bool)> {
    let slot = member
        .email
        .as_deref()
        .filter(|_| member.status != Status::Cancelled)
        .map(crate::validate::email_key);
    member
        .search_terms()
        .into_iter()
        .map(|term| {
            if slot.as_deref() == Some(term.as_str()) {
                (keys::email_slot_sk(&term), true)
            } else {
                (keys::search_sk(&term, member.id), false)
            }
        })
        .collect()
}

fn shard_of(user: Uuid) -> u32 {
    let b = user.as_bytes();
    u32::from(b[15]) % COUNTER_SHARDS
}

fn status_field(s: Status) -> Option<&'static str> {
    match s {
        Status::Scheduled => Some("scheduled"),
        Status::Invited | Status::Expired => Some("invited"),
        Status::Active => Some("active"),
        Status::Deactivated => Some("deactivated"),
        Status::Cancelled => Some("cancelled"),
    }
}

impl Tx {
    fn push(&mut self, write: Write, meaning: OnConflict) {
        self.writes.push(write);
        self.meaning.push(meaning);
    }

    fn put(
        &mut self,
        pk: String,
        sk: String,
        body: Body,
        condition: Condition,
        version: u64,
        meaning: OnConflict,
    ) {
        let item = Item {
            pk,
            sk,
            version,
            expires_at: None,
            body,
        };
        self.push(Write::Put { item, condition }, meaning);
    }

    pub fn create_tenant(&mut self, tenant: &Tenant) {
        self.put(
            keys::tenant_pk(tenant.id),
            keys::TENANT_SK.into(),
            to_body(tenant),
            Condition::NotExists,
            1,
            OnConflict::Stale,
        );
    }

    /// Writes a member and its search entries. `previous` is the version read before the change
    /// (the write fails as stale if someone changed it since); `None` creates it.
    pub fn put_member(&mut self, member: &Member, previous: Option<&Versioned<Member>>) {
        let pk = keys::tenant_pk(member.tenant_id);
        let body = to_body(member);
        let (condition, version) = match previous {
            Some(p) => (Condition::Version(p.version), p.version + 1),
            None => (Condition::NotExists, 1),
        };
        self.put(
            pk.clone(),
            keys::member_sk(member.id),
            body.clone(),
            condition,
            version,
            OnConflict::Stale,
        );
        let entries = search_entries(member);
        let before = previous
            .map(|p| search_entries(&p.value))
            .unwrap_or_default();
        for (old, _) in &before {
            if !entries.iter().any(|(sk, _)| sk == old) {
                self.release(pk.clone(), old.clone());
            }
        }
        for (sk, slot) in entries {
            // A newly held email entry claims the address; one held before is the member's.
            let claims = slot && !before.iter().any(|(old, _)| *old == sk);
            let (condition, meaning) = if claims {
                (Condition::NotExists, OnConflict::AlreadyMember)
            } else {
                (Condition::None, OnConflict::Stale)
            };
            self.put(pk.clone(), sk, body.clone(), condition, 1, meaning);
        }
    }

    /// Moves the member between the status counters (`None`: not counted before / after).
    pub fn count(&mut self, tenant: Uuid, user: Uuid, from: Option<Status>, to: Option<Status>) {
        let from = from.and_then(status_field);
        let to = to.and_then(status_field);
        if from == to {
            return;
        }
        let mut deltas = Vec::with_capacity(2);
        if let Some(f) = from {
            deltas.push((f.to_string(), -1));
        }
        if let Some(t) = to {
            deltas.push((t.to_string(), 1));
        }
        self.push(
            Write::add(
                keys::tenant_pk(tenant),
                keys::counter_sk(shard_of(user)),
                deltas,
            ),
            OnConflict::Stale,
        );
    }

    /// Counts a new member (in `status`) on its inviter's counter shard, with one more of the
    /// inviter's invitees of `day`, refusing the transaction past `max` of them. The fields of
    /// earlier days that the shard was last read with (`stale`) go at the same time.
    #[allow(clippy::too_many_arguments)]
    pub fn count_invite(
        &mut self,
        tenant: Uuid,
        inviter: Uuid,
        status: Status,
        day: &str,
        max: i64,
        stale: Vec<String>,
        retry_after: u64,
    ) {
        let field = keys::inviter_field(day, inviter);
        let mut deltas = vec![(field.clone(), 1)];
        if let Some(s) = status_field(status) {
            deltas.push((s.to_string(), 1));
        }
        self.push(
            Write::Add {
                pk: keys::tenant_pk(tenant),
                sk: keys::counter_sk(shard_of(inviter)),
                deltas,
                ceiling: Some(Ceiling { field, max }),
                remove: stale,
            },
            OnConflict::RateLimited("the inviter's daily limit is reached", retry_after),
        );
    }

    /// One more active admin: a plain `ADD`, safe without reading (only losing one needs the
    /// read-and-compare of [`Tx::set_admins`]).
    pub fn add_admin(&mut self, tenant: Uuid) {
        self.push(
            Write::add(
                keys::tenant_pk(tenant),
                keys::ADMINS_SK.into(),
                vec![("count".to_string(), 1)],
            ),
            OnConflict::Stale,
        );
    }

    /// Sets the number of active admins, conditional on the count read before.
    pub fn set_admins(&mut self, tenant: Uuid, current: Option<&Versioned<i64>>, count: i64) {
        let (condition, version) = match current {
            Some(c) => (Condition::Version(c.version), c.version + 1),
            None => (Condition::NotExists, 1),
        };
        let body = Body::from(serde_json::json!({ "count": count }));
        self.put(
            keys::tenant_pk(tenant),
            keys::ADMINS_SK.into(),
            body,
            condition,
            version,
            OnConflict::Stale,
        );
    }

    /// Claims a key for one member (`attribute_not_exists`); `meaning` says what a failure is.
    fn claim(&mut self, pk: String, sk: String, user: Uuid, meaning: OnConflict) {
        self.put(
            pk,
            sk,
            Body::from(serde_json::json!({ "user_id": user })),
            Condition::NotExists,
            1,
            meaning,
        );
    }

    fn release(&mut self, pk: String, sk: String) {
        self.push(
            Write::Delete {
                pk,
                sk,
                condition: Condition::None,
            },
            OnConflict::Stale,
        );
    }

    pub fn claim_phone(&mut self, tenant: Uuid, e164: &str, user: Uuid) {
        self.claim(
            keys::tenant_pk(tenant),
            keys::phone_guard_sk(e164),
            user,
            OnConflict::AlreadyMember,
        );
    }

    pub fn release_phone(&mut self, tenant: Uuid, e164: &str) {
        self.release(keys::tenant_pk(tenant), keys::phone_guard_sk(e164));
    }

    pub fn claim_agent_id(&mut self, tenant: Uuid, agent_id: &str, user: Uuid) {
        let meaning = OnConflict::AgentIdTaken(agent_id.to_string());
        self.claim(
            keys::tenant_pk(tenant),
            keys::agent_guard_sk(agent_id),
            user,
            meaning,
        );
    }

    pub fn release_agent_id(&mut self, tenant: Uuid, agent_id: &str) {
        self.release(keys::tenant_pk(tenant), keys::agent_guard_sk(agent_id));
    }

    pub fn claim_shortcode(&mut self, tenant: Uuid, code: &str, user: Uuid) {
        self.claim(
            keys::tenant_pk(tenant),
            keys::shortcode_guard_sk(code),
            user,
            OnConflict::ShortcodeTaken,
        );
    }

    pub fn release_shortcode(&mut self, tenant: Uuid, code: &str) {
        self.release(keys::tenant_pk(tenant), keys::shortcode_guard_sk(code));
    }

    /// Claims everything a member must hold alone in its tenant besides its email (which its
    /// email entry holds, see [`Tx::put_member`]): phone, agent ids and shortcode. A taken
    /// phone fails as [`Error::AlreadyMember`].
    pub fn claim_all(&mut self, member: &Member) {
        let t = member.tenant_id;
        if let Some(phone) = &member.phone {
            self.index_phone(member, phone);
            self.claim_phone(t, phone, member.id);
        }
        for id in &member.agent_ids {
            self.claim_agent_id(t, id, member.id);
        }
        if let Some(code) = &member.shortcode {
            self.claim_shortcode(t, code, member.id);
        }
    }

    /// Moves a member's uniqueness claims from what `before` held to what `after` holds (an
    /// edit): new ones are claimed (failing like a new invite would), dropped ones released.
    /// The email moves with the member's search entries ([`Tx::put_member`]).
    pub fn reclaim(&mut self, before: &Member, after: &Member) {
        let t = after.tenant_id;
        if before.phone != after.phone {
            if let Some(p) = &before.phone {
                self.unindex_phone(before, p);
                self.release_phone(t, p);
            }
            if let Some(p) = &after.phone {
                self.index_phone(after, p);
                self.claim_phone(t, p, after.id);
            }
        }
        for id in before
            .agent_ids
            .iter()
            .filter(|id| !after.agent_ids.contains(id))
        {
            self.release_agent_id(t, id);
        }
        for id in after
            .agent_ids
            .iter()
            .filter(|id| !before.agent_ids.contains(id))
        {
            self.claim_agent_id(t, id, after.id);
        }
        let code = |m: &Member| m.shortcode.as_deref().map(str::to_lowercase);
        if code(before) != code(after) {
            if let Some(c) = &before.shortcode {
                self.release_shortcode(t, c);
            }
            if let Some(c) = &after.shortcode {
                self.claim_shortcode(t, c, after.id);
            }
        }
    }

    /// Releases every uniqueness claim a member holds (on cancel) besides its email, whose
    /// entry [`Tx::put_member`] moves off the guard when the member is cancelled.
    pub fn release_claims(&mut self, member: &Member) {
        if let Some(phone) = &member.phone {
            self.unindex_phone(member, phone);
            self.release_phone(member.tenant_id, phone);
        }
        for id in &member.agent_ids {
            self.release_agent_id(member.tenant_id, id);
        }
        if let Some(code) = &member.shortcode {
            self.release_shortcode(member.tenant_id, code);
        }
    }

    /// Stores a new token under its hash, with the TTL attribute at its expiry.
    pub fn put_token(&mut self, hash: &str, token: &InvitationToken) {
        let item = Item {
            pk: keys::token_pk(hash),
            sk: keys::TOKEN_SK.into(),
            version: 1,
            expires_at: Some(token.expires_at.timestamp()),
            body: to_body(token),
        };
        self.push(
            Write::Put {
                item,
                condition: Condition::NotExists,
            },
            OnConflict::Stale,
        );
    }

    /// Marks a token used, conditional on it being unchanged since it was read: of two
    /// concurrent accepts exactly one commits.
    pub fn use_token(
        &mut self,
        hash: &str,
        token: &Versioned<InvitationToken>,
        used: InvitationToken,
    ) {
        let item = Item {
            pk: keys::token_pk(hash),
            sk: keys::TOKEN_SK.into(),
            version: token.version + 1,
            expires_at: Some(used.expires_at.timestamp()),
            body: to_body(&used),
        };
        self.push(
            Write::Put {
                item,
                condition: Condition::Version(token.version),
            },
            OnConflict::Stale,
        );
    }

    /// Lists a pending invitation under its phone number, for phone sign-up.
    fn index_phone(&mut self, member: &Member, phone: &str) {
        let body =
            Body::from(serde_json::json!({ "tenant_id": member.tenant_id, "user_id": member.id }));
        self.put(
            keys::invited_phone_pk(phone),
            format!("{}#{}", member.tenant_id, member.id),
            body,
            Condition::None,
            1,
            OnConflict::Stale,
        );
    }

    fn unindex_phone(&mut self, member: &Member, phone: &str) {
        let sk = format!("{}#{}", member.tenant_id, member.id);
        self.push(
            Write::Delete {
                pk: keys::invited_phone_pk(phone),
                sk,
                condition: Condition::None,
            },
            OnConflict::Stale,
        );
    }

    /// Replaces a profile, conditional on the version read before.
    pub fn put_profile(&mut self, profile: &Profile, previous: &Versioned<Profile>) {
        self.put(
            keys::profile_pk(profile.id),
            keys::PROFILE_SK.into(),
            to_body(profile),
            Condition::Version(previous.version),
            previous.version + 1,
            OnConflict::Stale,
        );
    }

    pub fn put_access(&mut self, profile: Uuid, access: &Access) {
        self.put(
            keys::profile_pk(profile),
            keys::access_sk(access.tenant_id),
            to_body(access),
            Condition::None,
            1,
            OnConflict::Stale,
        );
    }
}

impl Tx {
    /// Counts one more against a limit, refusing the whole transaction past `max`
    /// (`rate_limited`, retry after `retry_after` seconds).
    #[allow(clippy::too_many_arguments)]
    pub fn limit(
        &mut self,
        pk: String,
        sk: String,
        max: i64,
        expires_at: i64,
        what: &'static str,
        retry_after: u64,
    ) {
        self.push(
            Write::Bump {
                pk,
                sk,
                field: "count",
                by: 1,
                max,
                expires_at,
            },
            OnConflict::RateLimited(what, retry_after),
        );
    }

    /// Reserves one check of a password or code against an account's limit: refused
    /// (`too_many_attempts`, retry after `retry_after` seconds) once `max` are reserved.
    pub fn reserve_attempt(
        &mut self,
        pk: String,
        sk: String,
        max: i64,
        expires_at: i64,
        retry_after: u64,
    ) {
        self.push(
            Write::Bump {
                pk,
                sk,
                field: "count",
                by: 1,
                max,
                expires_at,
            },
            OnConflict::TooManyAttempts(retry_after),
        );
    }

    /// Forgets an account's window of reserved checks.
    pub fn clear_attempts(&mut self, pk: String, sk: String) {
        self.push(
            Write::Delete {
                pk,
                sk,
                condition: Condition::None,
            },
            OnConflict::Stale,
        );
    }

    /// Gives a reservation back (the check succeeded).
    pub fn release_attempt(&mut self, pk: String, sk: String) {
        self.push(
            Write::add(pk, sk, vec![("count".into(), -1)]),
            OnConflict::Stale,
        );
    }
}

/// A quick access code: only its salted slow hash is kept.
#[derive(Clone, Debug, Serialize, serde::Deserialize)]
pub struct AccessCode {
    pub tenant_id: Uuid,
    pub user_id: Uuid,
    pub hash: String,
    pub expires_at: chrono::DateTime<chrono::Utc>,
    pub tries: u32,
}

impl Tx {
    /// Stores a new code for an email, replacing (and so killing) any earlier one.
    pub fn put_access_code(&mut self, email_key: &str, code: &AccessCode) {
        let item = Item {
            pk: format!("CODE#{email_key}"),
            sk: "CODE".into(),
            // A version of its own (52 random bits): a write conditional on an earlier code's
            // version never touches this one.
            version: (rand::random::<u64>() >> 12) | 1,
            expires_at: Some(code.expires_at.timestamp()),
            body: to_body(code),
        };
        self.push(
            Write::Put {
                item,
                condition: Condition::None,
            },
            OnConflict::Stale,
        );
    }

    /// Records a wrong try, conditional on no other try since the read.
    pub fn count_code_try(&mut self, email_key: &str, read: &Versioned<AccessCode>) {
        let code = AccessCode {
            tries: read.value.tries + 1,
            ..read.value.clone()
        };
        let item = Item {
            pk: format!("CODE#{email_key}"),
            sk: "CODE".into(),
            version: read.version + 1,
            expires_at: Some(code.expires_at.timestamp()),
            body: to_body(&code),
        };
        self.push(
            Write::Put {
                item,
                condition: Condition::Version(read.version),
            },
            OnConflict::Stale,
        );
    }

    /// Uses up (or burns) a code, conditional on it being unchanged since the read: of two
    /// concurrent uses, one wins.
    pub fn delete_access_code(&mut self, email_key: &str, read: &Versioned<AccessCode>) {
        let condition = Condition::Version(read.version);
        self.push(
            Write::Delete {
                pk: format!("CODE#{email_key}"),
                sk: "CODE".into(),
                condition,
            },
            OnConflict::Stale,
        );
    }
}

/// A stored idempotent request: its state, and its response once done.
#[derive(Clone, Debug, PartialEq)]
pub struct Idempotent {
    pub fingerprint: String,
    pub done: Option<(u16, String)>,
    pub version: u64,
}

const RESPONSE_PART: usize = 300 * 1024;

impl Tx {
    /// Claims an idempotency key: fails as stale if it is already claimed.
    pub fn claim_idempotency(
        &mut self,
        tenant: Uuid,
        hash: &str,
        fingerprint: &str,
        expires_at: i64,
    ) {
        let item = Item {
            pk: keys::tenant_pk(tenant),
            sk: format!("IK#{hash}"),
            version: 1,
            expires_at: Some(expires_at),
            body: serde_json::json!({ "fingerprint": fingerprint, "state": "pending" }).into(),
        };
        self.push(
            Write::Put {
                item,
                condition: Condition::NotExists,
            },
            OnConflict::Stale,
        );
    }

    /// Records the response of a claimed key, in parts small enough for one item each.
    pub fn complete_idempotency(
        &mut self,
        tenant: Uuid,
        hash: &str,
        claimed: &Idempotent,
        status: u16,
        response: &str,
        expires_at: i64,
    ) {
        let parts: Vec<&str> = split_utf8(response, RESPONSE_PART);
        for (n, part) in parts.iter().enumerate() {
            let item = Item {
                pk: keys::tenant_pk(tenant),
                sk: format!("IK#{hash}#{n:04}"),
                version: 1,
                expires_at: Some(expires_at),
                body: serde_json::json!({ "part": part }).into(),
            };
            self.push(
                Write::Put {
                    item,
                    condition: Condition::None,
                },
                OnConflict::Stale,
            );
        }
        let item = Item {
            pk: keys::tenant_pk(tenant),
            sk: format!("IK#{hash}"),
            version: claimed.version + 1,
            expires_at: Some(expires_at),
            body: serde_json::json!({ "fingerprint": claimed.fingerprint, "state": "done", "status": status, "parts": parts.len() }).into(),
        };
        self.push(
            Write::Put {
                item,
                condition: Condition::Version(claimed.version),
            },
            OnConflict::Stale,
        );
    }

    /// Gives a claimed key back (the request failed on our side and may be retried).
    pub fn release_idempotency(&mut self, tenant: Uuid, hash: &str) {
        self.push(
            Write::Delete {
                pk: keys::tenant_pk(tenant),
                sk: format!("IK#{hash}"),
                condition: Condition::None,
            },
            OnConflict::Stale,
        );
    }
}

fn split_utf8(s: &str, max: usize) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = s;
    while rest.len() > max {
        let mut cut = max;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let (head, tail) = rest.split_at(cut);
        parts.push(head);
        rest = tail;
    }
    parts.push(rest);
    parts
}

/// A page of a filtered query: what matched, and where to continue.
pub struct Found<T> {
    pub items: Vec<T>,
    pub next_sk: Option<String>,
}

#[derive(Clone)]
pub struct Store {
    table: Arc<dyn Table>,
}

fn table_error(e: TableError) -> Error {
    match e {
        TableError::Throttled => Error::Unavailable {
            retry_after_seconds: 1,
        },
        TableError::ConditionFailed { .. } | TableError::Conflict => Error::Stale,
        TableError::Unavailable(m) => Error::Internal(format!("table unavailable: {m}")),
    }
}

impl Store {
    pub fn new(table: Arc<dyn Table>) -> Self {
        Self { table }
    }

    pub fn tx(&self) -> Tx {
        Tx::default()
    }

    pub async fn commit(&self, tx: Tx) -> Result<()> {
        if tx.writes.is_empty() {
            return Ok(());
        }
        match self.table.transact(tx.writes).await {
            Ok(()) => Ok(()),
            Err(TableError::ConditionFailed { index }) => Err(match tx.meaning.get(index) {
                Some(OnConflict::AlreadyMember) => Error::AlreadyMember,
                Some(OnConflict::AgentIdTaken(id)) => Error::AgentIdTaken(id.clone()),
                Some(OnConflict::ShortcodeTaken) => Error::ShortcodeTaken,
                Some(OnConflict::ProfileExists) => Error::ProfileExists,
                Some(OnConflict::RateLimited(what, after)) => {
                    Error::RateLimited(what.to_string(), *after)
                }
                Some(OnConflict::TooManyAttempts(after)) => Error::TooManyAttempts(*after),
                _ => Error::Stale,
            }),
            Err(e) => Err(table_error(e)),
        }
    }

    async fn read(
        &self,
        pk: &str,
        sk: &str,
        consistent: bool,
    ) -> Result<Option<crate::ports::Found>> {
        self.table
            .read(pk, sk, consistent)
            .await
            .map_err(table_error)
    }

    async fn get<T: DeserializeOwned>(&self, pk: &str, sk: &str) -> Result<Option<Versioned<T>>> {
        self.read(pk, sk, true)
            .await?
            .map(|f| {
                f.body
                    .record::<T>()
                    .map(|value| Versioned {
                        value,
                        version: f.version,
                    })
                    .map_err(|e| corrupt(pk, sk, e))
            })
            .transpose()
    }

    /// An eventually consistent read, for what a moment's staleness cannot harm.
    async fn get_eventual<T: DeserializeOwned>(&self, pk: &str, sk: &str) -> Result<Option<T>> {
        self.read(pk, sk, false)
            .await?
            .map(|f| f.body.record::<T>().map_err(|e| corrupt(pk, sk, e)))
            .transpose()
    }

    /// An eventually consistent read of an item that should exist, a strong one if it seems
    /// not to (it may have been written a moment ago), for a small record read on every
    /// request: decoded once per stored version ([`Body::record_shared`]).
    async fn get_existing_shared<T>(&self, pk: &str, sk: &str) -> Result<Option<Arc<T>>>
    where
        T: DeserializeOwned + Send + Sync + 'static,
    {
        let found = match self.read(pk, sk, false).await? {
            Some(found) => Some(found),
            None => self.read(pk, sk, true).await?,
        };
        found
            .map(|f| f.body.record_shared().map_err(|e| corrupt(pk, sk, e)))
            .transpose()
    }

    /// The tenant's settings (eventually consistent: they change rarely, and nothing that a
    /// stale copy lets through outlives the change by more than a second).
    pub async fn tenant(&self, tenant: Uuid) -> Result<Option<Arc<Tenant>>> {
        self.get_existing_shared(&keys::tenant_pk(tenant), keys::TENANT_SK)
            .await
    }

    /// A member's name as others see it ([`crate::model::display_name`]), as it was a moment
    /// ago: an invitation names its inviter. Only the naming fields are decoded.
    pub async fn member_name_eventual(&self, tenant: Uuid, user: Uuid) -> Result<Option<String>> {
        #[derive(serde::Deserialize)]
        struct Names {
            first_name: String,
            last_name: String,
            email: Option<String>,
            phone: Option<String>,
        }
        /// The name, kept with the member's body (an admin's invitations all read it).
        #[derive(serde::Deserialize, Clone)]
        #[serde(from = "Names")]
        struct DisplayName(String);
        impl From<Names> for DisplayName {
            fn from(n: Names) -> Self {
                DisplayName(crate::model::display_name(
                    &n.first_name,
                    &n.last_name,
                    n.email.as_deref(),
                    n.phone.as_deref(),
                ))
            }
        }
        let name: Option<Arc<DisplayName>> = self
            .get_existing_shared(&keys::tenant_pk(tenant), &keys::member_sk(user))
            .await?;
        Ok(name.map(|n| n.0.clone()))
    }

    /// The fields of the counter shard an inviter's invites count on that hold other days than
    /// `day`: what the next invite on that shard removes.
    pub async fn stale_inviter_fields(
        &self,
        tenant: Uuid,
        inviter: Uuid,
        day: &str,
    ) -> Result<Vec<String>> {
        let found = self
            .read(
                &keys::tenant_pk(tenant),
                &keys::counter_sk(shard_of(inviter)),
                false,
            )
            .await?;
        let today = format!("{}{day}#", keys::INVITER_FIELD_PREFIX);
        Ok(found
            .and_then(|f| match &*f.body {
                // Only the stale fields are copied.
                serde_json::Value::Object(m) => Some(
                    m.keys()
                        .filter(|k| {
                            k.starts_with(keys::INVITER_FIELD_PREFIX) && !k.starts_with(&today)
                        })
                        .cloned()
                        .collect(),
                ),
                _ => None,
            })
            .unwrap_or_default())
    }

    /// The most recent cancelled memberships of an email in a tenant (their email entries,
    /// newest first, at most 10): what the person was sent before today's new invitation.
    pub async fn cancelled_with_email(&self, tenant: Uuid, email_key: &str) -> Result<Vec<Member>> {
        let prefix = format!("{}#", keys::email_slot_sk(email_key));
        let query = Query {
            pk: keys::tenant_pk(tenant),
            sk_prefix: prefix.clone(),
            forward: false,
            limit: 10,
            start_after: None,
            consistent: false,
        };
        let page = self.table.query(&query).await.map_err(table_error)?;
        page.items
            .into_iter()
            // Exactly `Q#{email}#{user}`: not a name that happens to extend the address.
            .filter(|i| {
                i.sk.len() == prefix.len() + 36 && Uuid::parse_str(&i.sk[prefix.len()..]).is_ok()
            })
            .map(|i| from_item::<Member>(i).map(|v| v.value))
            .collect()
    }

    pub async fn member(&self, tenant: Uuid, user: Uuid) -> Result<Option<Versioned<Member>>> {
        self.get(&keys::tenant_pk(tenant), &keys::member_sk(user))
            .await
    }

    /// A caller's access to a tenant (strongly consistent: a revoked access is refused at
    /// once), decoded once per stored version ([`Body::record_kept`]).
    pub async fn access(&self, profile: Uuid, tenant: Uuid) -> Result<Option<Access>> {
        let (pk, sk) = (keys::profile_pk(profile), keys::access_sk(tenant));
        self.read(&pk, &sk, true)
            .await?
            .map(|f| f.body.record_kept().map_err(|e| corrupt(&pk, &sk, e)))
            .transpose()
    }

    pub async fn profile(&self, profile: Uuid) -> Result<Option<Versioned<Profile>>> {
        self.get(&keys::profile_pk(profile), keys::PROFILE_SK).await
    }

    /// The value of a counter item (rate limits).
    pub async fn count(&self, pk: &str, sk: &str) -> Result<i64> {
        Ok(self
            .table
            .get(pk, sk)
            .await
            .map_err(table_error)?
            .and_then(|i| i.body.get("count").and_then(|c| c.as_i64()))
            .unwrap_or(0))
    }

    pub async fn access_code(&self, email_key: &str) -> Result<Option<Versioned<AccessCode>>> {
        self.get(&format!("CODE#{email_key}"), "CODE").await
    }

    /// The (tenant, user) of every invitation listed under a phone number and not released
    /// since; callers check each member's current state.
    pub async fn invited_by_phone(&self, e164: &str) -> Result<Vec<(Uuid, Uuid)>> {
        #[derive(serde::Deserialize)]
        struct Entry {
            tenant_id: Uuid,
            user_id: Uuid,
        }
        let query = Query {
            pk: keys::invited_phone_pk(e164),
            sk_prefix: String::new(),
            forward: true,
            limit: 100,
            start_after: None,
            consistent: true,
        };
        let page = self.table.query(&query).await.map_err(table_error)?;
        page.items
            .into_iter()
            .map(|i| from_item::<Entry>(i).map(|e| (e.value.tenant_id, e.value.user_id)))
            .collect()
    }

    pub async fn token(&self, hash: &str) -> Result<Option<Versioned<InvitationToken>>> {
        self.get(&keys::token_pk(hash), keys::TOKEN_SK).await
    }

    pub async fn admins(&self, tenant: Uuid) -> Result<Option<Versioned<i64>>> {
        #[derive(serde::Deserialize)]
        struct Count {
            count: i64,
        }
        Ok(self
            .get(&keys::tenant_pk(tenant), keys::ADMINS_SK)
            .await?
            .map(|v: Versioned<Count>| Versioned {
                value: v.value.count,
                version: v.version,
            }))
    }

    /// The counters of a tenant: one Query over its counter shards and admin count.
    pub async fn stats(&self, tenant: Uuid) -> Result<Stats> {
        let query = Query {
            pk: keys::tenant_pk(tenant),
            sk_prefix: keys::COUNTER_PREFIX.into(),
            forward: true,
            limit: COUNTER_SHARDS as usize + 1,
            start_after: None,
            consistent: true,
        };
        let page = self.table.query(&query).await.map_err(table_error)?;
        let mut stats = Stats::default();
        for item in page.items {
            let n = |f: &str| item.body.get(f).and_then(|v| v.as_i64()).unwrap_or(0);
            if item.sk == keys::ADMINS_SK {
                stats.admins = n("count");
            } else {
                stats.active += n("active");
                stats.invited += n("invited");
                stats.scheduled += n("scheduled");
                stats.deactivated += n("deactivated");
                stats.cancelled += n("cancelled");
            }
        }
        stats.standard = stats.active - stats.admins;
        Ok(stats)
    }

    /// An idempotency record and its stored response: one Query (two for a very large one).
    pub async fn idempotency(&self, tenant: Uuid, hash: &str) -> Result<Option<Idempotent>> {
        let mut head: Option<(Body, u64)> = None;
        let mut parts: Vec<String> = Vec::new();
        let mut start_after = None;
        loop {
            let query = Query {
                pk: keys::tenant_pk(tenant),
                sk_prefix: format!("IK#{hash}"),
                forward: true,
                limit: 100,
                start_after,
                consistent: true,
            };
            let page = self.table.query(&query).await.map_err(table_error)?;
            for item in page.items {
                if item.sk.len() == 3 + hash.len() {
                    head = Some((item.body, item.version));
                } else if let Some(part) = item.body.get("part").and_then(|p| p.as_str()) {
                    parts.push(part.to_string());
                }
            }
            match page.last_sk {
                Some(sk) => start_after = Some(sk),
                None => break,
            }
        }
        let Some((body, version)) = head else {
            return Ok(None);
        };
        let fingerprint = body
            .get("fingerprint")
            .and_then(|f| f.as_str())
            .unwrap_or_default()
            .to_string();
        let done = match body.get("state").and_then(|s| s.as_str()) {
            Some("done") => {
                let status = body.get("status").and_then(|s| s.as_u64()).unwrap_or(200) as u16;
                let expected = body.get("parts").and_then(|p| p.as_u64()).unwrap_or(0) as usize;
                if parts.len() != expected {
                    return Err(Error::Internal(format!(
                        "idempotency record {hash} lacks parts"
                    )));
                }
                Some((status, parts.concat()))
            }
            _ => None,
        };
        Ok(Some(Idempotent {
            fingerprint,
            done,
            version,
        }))
    }

    /// A profile and every tenant it belongs to: one Query.
    pub async fn profile_with_access(
        &self,
        profile: Uuid,
    ) -> Result<(Option<Profile>, Vec<Access>)> {
        let (found, access) = self.profile_and_access(profile).await?;
        Ok((found.map(|p| p.value), access))
    }

    /// [`Store::profile_with_access`], with the profile's version (to change it).
    pub async fn profile_and_access(
        &self,
        profile: Uuid,
    ) -> Result<(Option<Versioned<Profile>>, Vec<Access>)> {
        let mut found = None;
        let mut access = Vec::new();
        let mut start_after = None;
        loop {
            let query = Query {
                pk: keys::profile_pk(profile),
                sk_prefix: String::new(),
                forward: true,
                limit: 100,
                start_after,
                consistent: true,
            };
            let page = self.table.query(&query).await.map_err(table_error)?;
            for item in page.items {
                if item.sk == keys::PROFILE_SK {
                    found = Some(from_item::<Profile>(item)?);
                } else if item.sk.starts_with(keys::ACCESS_PREFIX) {
                    access.push(from_item::<Access>(item)?.value);
                }
            }
            match page.last_sk {
                Some(sk) => start_after = Some(sk),
                None => break,
            }
        }
        Ok((found, access))
    }

    /// One Query of members, keeping those `keep` accepts (the tab is always a filter), at most
    /// `limit` of them. It evaluates at most `3 × limit + 1` items, so every page costs the same
    /// whatever the tenant's size; a page whose filter matches sparsely may hold fewer than
    /// `limit` members and still have a `next_sk`.
    pub async fn find_members(
        &self,
        tenant: Uuid,
        sk_prefix: String,
        forward: bool,
        limit: usize,
        start_after: Option<String>,
        keep: impl Fn(&str, &Member) -> bool,
    ) -> Result<Found<Member>> {
        let read = (limit * 3 + 1).min(301);
        let query = Query {
            pk: keys::tenant_pk(tenant),
            sk_prefix,
            forward,
            limit: read,
            start_after,
            consistent: true,
        };
        let page = self.table.query(&query).await.map_err(table_error)?;
        let mut items = Vec::with_capacity(limit.min(page.items.len()));
        let mut last_evaluated = None;
        let mut rest = page.items.into_iter().peekable();
        let mut full = false;
        for item in rest.by_ref() {
            let sk = item.sk.clone();
            let member = from_item::<Member>(item)?.value;
            if keep(&sk, &member) {
                items.push(member);
            }
            last_evaluated = Some(sk);
            if items.len() == limit {
                full = true;
                break;
            }
        }
        let next_sk = if full {
            if rest.peek().is_some() || page.last_sk.is_some() {
                last_evaluated
            } else {
                None
            }
        } else {
            page.last_sk
        };
        Ok(Found { items, next_sk })
    }
}

/// Whether a role counts as an admin for the last-admin rule.
pub fn is_active_admin(status: Status, role: Role) -> bool {
    status == Status::Active && role == Role::Admin
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::adapters::memory_table::MemoryTable;

    #[tokio::test]
    async fn an_invite_drops_the_inviter_fields_of_earlier_days_from_its_shard() {
        let store = Store::new(Arc::new(MemoryTable::new()));
        let (tenant, ana) = (crate::model::new_id(), crate::model::new_id());
        let mut tx = store.tx();
        tx.count_invite(tenant, ana, Status::Invited, "2026-11-30", 10, vec![], 1);
        store.commit(tx).await.unwrap();
        let mut tx = store.tx();
        tx.count_invite(tenant, ana, Status::Invited, "2026-12-01", 10, vec![], 1);
        store.commit(tx).await.unwrap();
        let stale = store
            .stale_inviter_fields(tenant, ana, "2026-12-01")
            .await
            .unwrap();
        assert_eq!(stale, vec![keys::inviter_field("2026-11-30", ana)]);
        let mut tx = store.tx();
        tx.count_invite(tenant, ana, Status::Invited, "2026-12-01", 10, stale, 1);
        store.commit(tx).await.unwrap();
        assert!(
            store
                .stale_inviter_fields(tenant, ana, "2026-12-01")
                .await
                .unwrap()
                .is_empty()
        );
        assert_eq!(store.stats(tenant).await.unwrap().invited, 3);
    }

    #[test]
    fn keys_are_their_prefix_and_parts() {
        let id = Uuid::parse_str("01A23829-9EBE-7737-A7AD-EE08420E21CB").unwrap();
        let text = "01a23829-9ebe-7737-a7ad-ee08420e21cb";
        assert_eq!(keys::tenant_pk(id), format!("T#{text}"));
        assert_eq!(keys::member_sk(id), format!("M#{text}"));
        assert_eq!(keys::profile_pk(id), format!("P#{text}"));
        assert_eq!(keys::access_sk(id), format!("T#{text}"));
        assert_eq!(keys::search_sk("ana", id), format!("Q#ana#{text}"));
        assert_eq!(
            keys::inviter_field("2026-12-02", id),
            format!("i#2026-12-02#{text}")
        );
        assert_eq!(keys::search_prefix("an"), "Q#an");
        assert_eq!(keys::email_slot_sk("a@x.example"), "Q#a@x.example");
        assert_eq!(keys::shortcode_guard_sk("AbC"), "S#abc");
        assert_eq!(keys::token_pk("ff00"), "TOK#ff00");
        assert_eq!(keys::invited_phone_pk("+34600"), "INVPHONE#+34600");
        assert_eq!(keys::counter_sk(7), "C#7");
    }

    #[test]
    fn the_email_entry_is_the_guard_until_the_member_is_cancelled() {
        let mut m = crate::testing::member("Ana", "Ruiz", Some("Ana@Example.com"));
        let entries = search_entries(&m);
        assert!(entries.contains(&("Q#ana@example.com".to_string(), true)));
        assert!(entries.contains(&(format!("Q#ana#{}", m.id), false)));
        m.status = Status::Cancelled;
        assert!(
            search_entries(&m).contains(&(format!("Q#ana@example.com#{}", m.id), false)),
            "a cancelled member's entry no longer holds the address"
        );
    }
}
