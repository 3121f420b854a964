//! The audit trail: one entry per change or security event in a tenant, written in the same
//! transaction as the change (see `store::audit` for its keys and `usecases::audit` for who
//! writes which action).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    /// Who did it: `null` for the service itself (a delivery, a provider's event), an invitee
    /// who is not a member yet, or an operator.
    pub actor: Option<AuditActor>,
    pub action: String,
    /// The member it was done to, if any.
    pub target: Option<AuditTarget>,
    /// `{field: [before, after]}`.
    #[serde(default)]
    pub changes: BTreeMap<String, [Value; 2]>,
    pub request_id: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditActor {
    pub user_id: Uuid,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditTarget {
    pub user_id: Uuid,
    pub email: Option<String>,
}

/// Every action the trail records.
pub const ACTIONS: &[&str] = &[
    "member.invited",
    "invitation.sent",
    "invitation.failed",
    "invitation.delivered",
    "invitation.bounced",
    "invitation.complained",
    "invitation.link_minted",
    "access_code.issued",
    "member.reinvited",
    "member.cancelled",
    "member.deactivated",
    "member.reactivated",
    "member.updated",
    "member.accepted",
    "invitation.renewal_requested",
    "session.signed_in",
    "session.sign_in_failed",
    "password.changed",
    "settings.updated",
    "members.exported",
    "suppression.cleared",
    "tenant.created",
    "tenant.updated",
];
