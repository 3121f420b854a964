//! Key construction, in one place: every item's partition and sort key (the table in
//! [`super`]'s docs says which item is which).

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
/// A tenant's audit trail (see `store::audit`).
pub fn audit_pk(tenant: Uuid) -> String {
    with_id("AUDIT#", tenant)
}
/// The operators' directory of tenants.
pub const TENANTS_PK: &str = "TENANTS";
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

/// A partition of the outbox (see [`super::outbox`]).
pub fn outbox_pk(shard: u32) -> String {
    format!("OUTBOX#{shard}")
}
/// One message: a member's generation on one channel.
pub fn outbox_sk(
    tenant: Uuid,
    user: Uuid,
    generation: u32,
    channel: crate::model::Channel,
) -> String {
    let channel = match channel {
        crate::model::Channel::Email => "email",
        crate::model::Channel::Sms => "sms",
    };
    format!("{tenant}#{user}#{generation:010}#{channel}")
}

/// An address on a tenant's suppression list (an email key or an E.164 number).
pub const SUPPRESSION_PREFIX: &str = "SUP#";
pub fn suppression_sk(address: &str) -> String {
    join(&[SUPPRESSION_PREFIX, address])
}

/// The outbox entry an SNS message id carried (see [`super::receipts`]).
pub fn sms_receipt_pk(message_id: &str) -> String {
    join(&["SMSID#", message_id])
}
pub const SMS_RECEIPT_SK: &str = "SMS";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_their_prefix_and_parts() {
        let id = Uuid::parse_str("01A23829-9EBE-7737-A7AD-EE08420E21CB").unwrap();
        let text = "01a23829-9ebe-7737-a7ad-ee08420e21cb";
        assert_eq!(tenant_pk(id), format!("T#{text}"));
        assert_eq!(member_sk(id), format!("M#{text}"));
        assert_eq!(profile_pk(id), format!("P#{text}"));
        assert_eq!(access_sk(id), format!("T#{text}"));
        assert_eq!(search_sk("ana", id), format!("Q#ana#{text}"));
        assert_eq!(
            inviter_field("2026-12-02", id),
            format!("i#2026-12-02#{text}")
        );
        assert_eq!(search_prefix("an"), "Q#an");
        assert_eq!(email_slot_sk("a@x.example"), "Q#a@x.example");
        assert_eq!(shortcode_guard_sk("AbC"), "S#abc");
        assert_eq!(token_pk("ff00"), "TOK#ff00");
        assert_eq!(invited_phone_pk("+34600"), "INVPHONE#+34600");
        assert_eq!(counter_sk(7), "C#7");
    }
}
