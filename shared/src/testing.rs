//! Builders for unit tests.

use chrono::Utc;

use crate::model::{Member, Role, Status};

pub fn member(first: &str, last: &str, email: Option<&str>) -> Member {
    Member {
        id: crate::model::new_id(),
        tenant_id: crate::model::new_id(),
        email: email.map(str::to_string),
        phone: None,
        first_name: first.into(),
        last_name: last.into(),
        role: Role::User,
        teams: vec![],
        agent_ids: vec![],
        products: vec![],
        shortcode: None,
        employment: None,
        status: Status::Invited,
        invited_by: None,
        inviter_name: String::new(),
        invited_at: Utc::now(),
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
