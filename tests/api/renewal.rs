//! Renewal of expired links: what the preview says, and what asking for a new invitation does
//! in each of the tenant's modes (automatic, approval, off), at most once an hour per member.

use serde_json::{Value, json};

use crate::helpers::{Reply, Tenant, TestApp};

const DAY: i64 = 24 * 3600;

async fn set_renewal(app: &TestApp, tenant: &Tenant, mode: &str) {
    app.send(
        reqwest::Method::PATCH,
        &format!("/v1/tenants/{}/settings", tenant.id),
        Some(&tenant.token),
        Some(json!({"renewal": mode})),
    )
    .await
    .ok(200);
}

async fn renew(app: &TestApp, token: &str) -> Reply {
    app.post("/v1/invitations/renew", None, json!({"token": token}))
        .await
}

/// Invites `email` and lets its link expire: the member and the expired link's token.
async fn expired_invitation(app: &TestApp, tenant: &Tenant, email: &str) -> (Value, String) {
    let member = app.invite_ok(tenant, email, "user").await;
    let token = app.latest_token(email).await;
    app.advance_clock(DAY + 60).await;
    (member, token)
}

#[tokio::test]
async fn automatic_renewal_sends_a_fresh_link_to_the_same_address_once_an_hour() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Renueva").await;
    set_renewal(&app, &tenant, "automatic").await;
    let email = "late@example.com";
    let (member, token) = expired_invitation(&app, &tenant, email).await;

    // A live link is not renewed; an unknown one is not a link.
    let fresh = app.invite_ok(&tenant, "fresh@example.com", "user").await;
    let live = app.latest_token("fresh@example.com").await;
    renew(&app, &live)
        .await
        .problem(409, "invitation_not_expired");
    renew(&app, "not-a-token")
        .await
        .problem(404, "invitation_invalid");
    assert_eq!(app.outbox("fresh@example.com").await.len(), 1);
    assert!(fresh["renewal_requested_at"].is_null());

    let expired = app.preview(&token).await;
    expired.problem(410, "invitation_expired");
    assert_eq!(expired.body["renewal"], "automatic", "{}", expired.body);

    let renewed = renew(&app, &token).await;
    assert_eq!(renewed.ok(202)["renewal"], "automatic");
    let sent = app.outbox(email).await;
    assert_eq!(sent.len(), 2, "a fresh link to the same address: {sent:?}");
    let new_token = app.latest_token(email).await;
    assert_ne!(new_token, token);
    app.preview(&new_token).await.ok(200);
    let id = member["id"].as_str().unwrap();
    let after = app.member(&tenant, id).await;
    assert_eq!(after["status"], "invited");
    assert!(
        after["renewal_requested_at"].is_null(),
        "nothing waits for an admin: {after}"
    );

    // Asking again within the hour is refused, and sends nothing.
    renew(&app, &token).await.problem(429, "rate_limited");
    assert_eq!(app.outbox(email).await.len(), 2);

    // The fresh link works.
    app.accept(&new_token, crate::helpers::PASSWORD)
        .await
        .ok(200);
}

#[tokio::test]
async fn approval_marks_the_member_emails_the_inviter_and_one_reinvite_answers_it() {
    let app = TestApp::spawn().await;
    let admin_email = "frontdesk-admin@renueva.example";
    let tenant = app.tenant_with_admin("Hotel Aprueba", admin_email).await;
    let email = "asks@example.com";
    let (member, token) = expired_invitation(&app, &tenant, email).await;
    let other = app.invite_ok(&tenant, "other@example.com", "user").await;
    let id = member["id"].as_str().unwrap();

    let expired = app.preview(&token).await;
    expired.problem(410, "invitation_expired");
    assert_eq!(expired.body["renewal"], "approval", "the default mode");

    let before = app.outbox(admin_email).await.len();
    assert_eq!(renew(&app, &token).await.ok(202)["renewal"], "approval");
    // Nothing goes to the invitee; the inviter hears who asked.
    assert_eq!(app.outbox(email).await.len(), 1);
    let told = app.outbox(admin_email).await;
    assert_eq!(told.len(), before + 1, "{told:?}");
    let note = told.last().unwrap();
    assert!(
        note["subject"].as_str().unwrap().contains("new invitation"),
        "{note}"
    );
    assert!(note["text"].as_str().unwrap().contains(email), "{note}");

    let marked = app.member(&tenant, id).await;
    assert!(marked["renewal_requested_at"].is_string(), "{marked}");
    let listed = app
        .list_all(&tenant, "&renewal=requested", 50)
        .await
        .iter()
        .map(|m| m["id"].as_str().unwrap().to_string())
        .collect::<Vec<_>>();
    assert_eq!(listed, [id.to_string()]);
    assert_ne!(other["id"].as_str().unwrap(), id);

    // Once an hour per member.
    renew(&app, &token).await.problem(429, "rate_limited");
    assert_eq!(app.outbox(admin_email).await.len(), before + 1);
    // An hour later the holder may ask again (the request is renewed), but the inviter, told
    // once already, is not emailed again until someone answers it.
    app.advance_clock(3601).await;
    renew(&app, &token).await.ok(202);
    assert_eq!(app.outbox(admin_email).await.len(), before + 1);

    // One click reinvites, which answers the request.
    app.action(&tenant, &tenant.token, id, "reinvite")
        .await
        .ok(200);
    let answered = app.member(&tenant, id).await;
    assert!(answered["renewal_requested_at"].is_null(), "{answered}");
    assert!(
        app.list_all(&tenant, "&renewal=requested", 50)
            .await
            .is_empty()
    );
    assert_eq!(app.outbox(email).await.len(), 2);
    // The old link is dead now: renewing it is not a way to send more.
    renew(&app, &token).await.problem(404, "invitation_invalid");
}

#[tokio::test]
async fn off_answers_renewal_off_and_a_link_handed_over_by_staff_never_renews_itself() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Cerrado").await;
    set_renewal(&app, &tenant, "off").await;
    let (member, token) = expired_invitation(&app, &tenant, "closed@example.com").await;
    let expired = app.preview(&token).await;
    expired.problem(410, "invitation_expired");
    assert_eq!(expired.body["renewal"], "off");
    renew(&app, &token).await.problem(403, "renewal_off");
    let id = member["id"].as_str().unwrap();
    assert!(app.member(&tenant, id).await["renewal_requested_at"].is_null());
    assert_eq!(app.outbox("closed@example.com").await.len(), 1);

    // A minted (copied) link proves no address: in automatic mode it asks for approval
    // instead of sending anything anywhere.
    set_renewal(&app, &tenant, "automatic").await;
    let invited = app
        .invite(
            &tenant,
            &tenant.token,
            json!({"email": "handed@example.com", "first_name": "Hand", "last_name": "Ed",
                   "role": "user", "channels": []}),
        )
        .await
        .ok(201)
        .clone();
    let user = invited["id"].as_str().unwrap();
    let minted = app
        .post(
            &format!("/v1/tenants/{}/users/{user}/invitation-link", tenant.id),
            Some(&tenant.token),
            json!({"format": "url"}),
        )
        .await;
    let link = minted.ok(200)["url"].as_str().unwrap().to_string();
    let minted_token = crate::helpers::token_in(&link);
    app.advance_clock(DAY + 60).await;
    assert_eq!(
        renew(&app, &minted_token).await.ok(202)["renewal"],
        "approval"
    );
    assert!(app.outbox("handed@example.com").await.is_empty());
    assert!(app.member(&tenant, user).await["renewal_requested_at"].is_string());
}

#[tokio::test]
async fn a_link_expired_over_thirty_days_ago_is_unknown_and_cannot_ask_for_a_new_one() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Olvido").await;
    set_renewal(&app, &tenant, "automatic").await;
    let (_, token) = expired_invitation(&app, &tenant, "late@example.com").await;
    app.advance_clock(29 * DAY).await;
    app.preview(&token).await.problem(410, "invitation_expired");
    // Thirty days past its expiry the record may be gone (DynamoDB's TTL): the service answers
    // as it would then, whether or not the sweep has run.
    app.advance_clock(DAY).await;
    app.preview(&token).await.problem(404, "invitation_invalid");
    renew(&app, &token).await.problem(404, "invitation_invalid");
    assert_eq!(
        app.outbox("late@example.com").await.len(),
        1,
        "nothing more sent"
    );
}
