//! Members and what they claim: a member and its search entries (the email's entry is its
//! guard), the phone, agent-id and shortcode guards, the pending-by-phone index, and the
//! queries of the member list.

use std::sync::Arc;

use uuid::Uuid;

use super::{Condition, OnConflict, Store, Tx, Versioned, from_item, keys, table_error, to_body};
use crate::error::Result;
use crate::model::{Member, Status};
use crate::ports::{Body, Query, Write};

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

/// A page of a filtered query: what matched, and where to continue.
pub struct Found<T> {
    pub items: Vec<T>,
    pub next_sk: Option<String>,
}

impl Tx {
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
}

impl Store {
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

#[cfg(test)]
mod tests {
    use super::*;

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
