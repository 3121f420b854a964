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
