use serde_json::json;

use crate::helpers::{PASSWORD, TestApp};

#[tokio::test]
async fn a_person_with_a_profile_elsewhere_joins_with_their_existing_password() {
    let app = TestApp::spawn().await;
    let a = app.tenant("Hotel A").await;
    let b = app.tenant("Hotel B").await;
    app.active_member(&a, "moves@example.com", "user").await;

    let r = app
        .invite(
            &b,
            &b.token,
            json!({"email": "Moves@Example.com", "role": "user"}),
        )
        .await;
    assert_eq!(r.ok(201)["existing_profile"], true, "already trained");
    let token = app.latest_token("moves@example.com").await;
    assert_eq!(app.preview(&token).await.ok(200)["existing_profile"], true);

    // The link can never set a new password on an existing profile.
    app.accept(&token, "an entirely different passphrase")
        .await
        .problem(401, "invalid_credentials");
    app.preview(&token).await.ok(200);
    let accepted = app.accept(&token, PASSWORD).await;
    let session = accepted.ok(200)["session"]["token"]
        .as_str()
        .unwrap()
        .to_string();
    let me = app.get("/v1/me", Some(&session)).await;
    let tenants: Vec<&str> = me.ok(200)["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["tenant_name"].as_str().unwrap())
        .collect();
    assert_eq!(tenants.len(), 2, "{tenants:?}");
    assert!(tenants.contains(&"Hotel A") && tenants.contains(&"Hotel B"));
}

#[tokio::test]
async fn a_profile_made_after_the_invitation_is_still_recognised_at_acceptance() {
    let app = TestApp::spawn().await;
    let a = app.tenant("Hotel First").await;
    let b = app.tenant("Hotel Second").await;
    // Invited by both before having any profile.
    app.invite_ok(&a, "twice@example.com", "user").await;
    let first = app.latest_token("twice@example.com").await;
    let r = app
        .invite(&b, &b.token, json!({"email": "twice@example.com"}))
        .await;
    assert_eq!(r.ok(201)["existing_profile"], false);
    let second = app.latest_token("twice@example.com").await;

    app.accept(&first, PASSWORD).await.ok(200);
    // The second link now belongs to someone with a profile: it cannot set another password.
    app.accept(&second, "an entirely different passphrase")
        .await
        .problem(401, "invalid_credentials");
    let r = app.accept(&second, PASSWORD).await;
    assert_eq!(r.ok(200)["member"]["existing_profile"], true);
}

#[tokio::test]
async fn a_person_changes_their_password_with_the_current_one() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Clave").await;
    let (_, session) = app.active_member(&tenant, "pw@example.com", "user").await;
    let change = |current: Option<&str>, new: &str| {
        let mut body = json!({"new_password": new});
        if let Some(c) = current {
            body["current_password"] = json!(c);
        }
        app.post("/v1/me/password", Some(&session), body)
    };
    change(
        Some("not my password at all"),
        "a brand new long passphrase",
    )
    .await
    .problem(401, "invalid_credentials");
    change(None, "a brand new long passphrase")
        .await
        .problem(400, "validation_failed");
    change(Some(PASSWORD), "password1234")
        .await
        .problem(400, "weak_password");
    let r = change(Some(PASSWORD), "a brand new long passphrase").await;
    assert!(r.ok(200)["token"].is_string(), "a fresh session");
    app.post(
        "/v1/sessions",
        None,
        json!({"email": "pw@example.com", "password": PASSWORD}),
    )
    .await
    .problem(401, "invalid_credentials");
    app.post(
        "/v1/sessions",
        None,
        json!({"email": "pw@example.com", "password": "a brand new long passphrase"}),
    )
    .await
    .ok(200);
    app.post(
        "/v1/me/password",
        None,
        json!({"new_password": "whatever it is now"}),
    )
    .await
    .problem(401, "unauthenticated");
}

#[tokio::test]
async fn every_sign_in_is_kept_as_last_login_at_and_only_admins_see_it() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Visto").await;
    let (member, _) = app.active_member(&tenant, "seen@example.com", "user").await;
    let user = member["id"].as_str().unwrap();
    app.advance_clock(3600).await;
    app.post(
        "/v1/sessions",
        None,
        json!({"email": "seen@example.com", "password": PASSWORD}),
    )
    .await
    .ok(200);
    let seen = app.member(&tenant, user).await;
    let at = chrono::DateTime::parse_from_rfc3339(
        seen["last_login_at"].as_str().expect("admins see it"),
    )
    .unwrap();
    let accepted =
        chrono::DateTime::parse_from_rfc3339(seen["accepted_at"].as_str().unwrap()).unwrap();
    assert!(
        at >= accepted + chrono::Duration::minutes(59),
        "updated by the sign-in"
    );

    let (_, manager) = app
        .active_member(&tenant, "boss@example.com", "manager")
        .await;
    let as_manager = app
        .get(
            &format!("/v1/tenants/{}/users/{user}", tenant.id),
            Some(&manager),
        )
        .await;
    assert!(
        as_manager.ok(200).get("last_login_at").is_none(),
        "managers do not"
    );
}
