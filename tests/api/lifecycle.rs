use serde_json::json;

use crate::helpers::{PASSWORD, TestApp, token_in};

#[tokio::test]
async fn an_invited_person_receives_an_email_previews_accepts_and_can_use_their_session() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Sol").await;

    let r = app
        .invite(&tenant, &tenant.token, json!({"email": "  Ana.Ruiz@Example.COM ", "first_name": "Ana", "last_name": "Ruiz", "role": "agent", "agent_ids": ["voice-17", "chat-4"], "products": ["chat"]}))
        .await;
    let member = r.ok(201).clone();
    assert_eq!(member["status"], "invited");
    assert_eq!(
        member["email"], "Ana.Ruiz@example.com",
        "trimmed, domain lower-cased"
    );
    assert_eq!(
        member["delivery"]["email"], "pending",
        "queued in the invitation's own transaction; sent right after"
    );
    assert_eq!(member["existing_profile"], false);
    assert!(r.headers.get("location").is_some());
    assert_eq!(r.headers["cache-control"], "no-store");

    // A real multipart email naming the tenant and the inviter, with the link and its expiry.
    let messages = app.outbox("Ana.Ruiz@example.com").await;
    assert_eq!(messages.len(), 1);
    let m = &messages[0];
    assert_eq!(m["channel"], "email");
    let subject = m["subject"].as_str().unwrap();
    assert!(
        subject.contains("Hotel Sol") && subject.contains("Ada Admin"),
        "{subject}"
    );
    let text = m["text"].as_str().unwrap();
    let html = m["html"].as_str().unwrap();
    let token = token_in(text);
    assert!(token.len() >= 43, "at least 256 bits of base64url");
    let link = format!("{}/accept#token={token}", app.base);
    assert!(
        text.contains(&link) && html.contains(&link),
        "both parts carry the link"
    );
    assert!(
        text.contains("expires"),
        "the email says when the link expires"
    );

    let p = app.preview(&token).await;
    let p = p.ok(200);
    assert_eq!(p["tenant_name"], "Hotel Sol");
    assert_eq!(p["inviter_name"], "Ada Admin");
    assert_eq!(p["role"], "agent");
    assert_eq!(p["email"], "Ana.Ruiz@example.com");
    assert_eq!(p["existing_profile"], false);
    assert_eq!(p["expires_at"], member["invite_expires_at"]);

    // A weak password is refused and consumes nothing.
    app.accept(&token, "password1234")
        .await
        .problem(400, "weak_password");
    app.accept(&token, "short")
        .await
        .problem(400, "weak_password");
    app.preview(&token).await.ok(200);

    let r = app.accept(&token, PASSWORD).await;
    let accepted = r.ok(200).clone();
    assert_eq!(accepted["member"]["status"], "active");
    assert_eq!(accepted["member"]["id"], member["id"]);
    let session = accepted["session"]["token"].as_str().unwrap();
    assert!(accepted["session"]["expires_at"].is_string());

    let me = app.get("/v1/me", Some(session)).await;
    let me = me.ok(200);
    assert_eq!(me["profile"]["email"], "Ana.Ruiz@example.com");
    assert_eq!(
        me["memberships"][0]["tenant_id"].as_str().unwrap(),
        tenant.id
    );
    assert_eq!(me["memberships"][0]["status"], "active");

    let seen = app.member(&tenant, member["id"].as_str().unwrap()).await;
    assert_eq!(seen["status"], "active");
    assert!(seen["accepted_at"].is_string());

    // Single use.
    app.accept(&token, PASSWORD)
        .await
        .problem(409, "invitation_used");
    app.preview(&token).await.problem(409, "invitation_used");

    // The new password signs in; a wrong one and an unknown email get the same answer.
    let s = app
        .post(
            "/v1/sessions",
            None,
            json!({"email": "ana.ruiz@EXAMPLE.com", "password": PASSWORD}),
        )
        .await;
    let s = s.ok(200);
    assert!(s["token"].is_string());
    assert_eq!(s["memberships"].as_array().unwrap().len(), 1);
    let wrong = app
        .post(
            "/v1/sessions",
            None,
            json!({"email": "Ana.Ruiz@example.com", "password": "not the password at all"}),
        )
        .await;
    let unknown = app
        .post(
            "/v1/sessions",
            None,
            json!({"email": "nobody@example.com", "password": "not the password at all"}),
        )
        .await;
    wrong.problem(401, "invalid_credentials");
    unknown.problem(401, "invalid_credentials");
    assert_eq!(wrong.body, unknown.body);
}

#[tokio::test]
async fn unknown_and_malformed_tokens_are_invalid() {
    let app = TestApp::spawn().await;
    app.preview("x").await.problem(404, "invitation_invalid");
    app.preview(&"A".repeat(43))
        .await
        .problem(404, "invitation_invalid");
    app.accept(&"A".repeat(43), PASSWORD)
        .await
        .problem(404, "invitation_invalid");
}

#[tokio::test]
async fn a_reinvite_kills_the_old_link_and_the_new_one_works() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Luna").await;
    let member = app.invite_ok(&tenant, "rei@example.com", "user").await;
    let user = member["id"].as_str().unwrap();
    let first = app.latest_token("rei@example.com").await;

    let r = app.action(&tenant, &tenant.token, user, "reinvite").await;
    assert_eq!(r.ok(200)["status"], "invited");
    let second = app.latest_token("rei@example.com").await;
    assert_ne!(first, second);
    assert_eq!(app.outbox("rei@example.com").await.len(), 2);

    app.preview(&first).await.problem(404, "invitation_invalid");
    app.accept(&first, PASSWORD)
        .await
        .problem(404, "invitation_invalid");
    app.accept(&second, PASSWORD).await.ok(200);

    app.action(&tenant, &tenant.token, user, "reinvite")
        .await
        .problem(409, "not_pending");
}

#[tokio::test]
async fn after_24_hours_the_link_expires_the_member_shows_expired_and_a_reinvite_works() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Mar").await;
    let member = app.invite_ok(&tenant, "late@example.com", "user").await;
    let user = member["id"].as_str().unwrap();
    let token = app.latest_token("late@example.com").await;

    app.advance_clock(23 * 3600 + 59 * 60).await;
    app.preview(&token).await.ok(200);
    app.advance_clock(2 * 60).await;

    app.preview(&token).await.problem(410, "invitation_expired");
    app.accept(&token, PASSWORD)
        .await
        .problem(410, "invitation_expired");
    assert_eq!(app.member(&tenant, user).await["status"], "expired");
    let expired = app.list_all(&tenant, "&status=expired", 50).await;
    assert_eq!(crate::helpers::ids(&expired), vec![user.to_string()]);
    assert_eq!(
        app.stats(&tenant).await["invited"],
        1,
        "invited counts expired ones too"
    );

    let r = app.action(&tenant, &tenant.token, user, "reinvite").await;
    assert_eq!(r.ok(200)["status"], "invited");
    let fresh = app.latest_token("late@example.com").await;
    app.preview(&fresh).await.ok(200);
    app.preview(&token).await.problem(404, "invitation_invalid");
}

#[tokio::test]
async fn cancelling_an_invitation_kills_its_link_and_frees_the_email() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Rio").await;
    let member = app.invite_ok(&tenant, "gone@example.com", "agent").await;
    let user = member["id"].as_str().unwrap();
    let token = app.latest_token("gone@example.com").await;

    let r = app.action(&tenant, &tenant.token, user, "deactivate").await;
    assert_eq!(r.ok(200)["status"], "cancelled");
    app.preview(&token).await.problem(404, "invitation_invalid");
    app.accept(&token, PASSWORD)
        .await
        .problem(404, "invitation_invalid");
    app.action(&tenant, &tenant.token, user, "deactivate")
        .await
        .problem(409, "not_active");
    app.action(&tenant, &tenant.token, user, "reactivate")
        .await
        .problem(409, "not_deactivated");
    app.action(&tenant, &tenant.token, user, "reinvite")
        .await
        .problem(409, "not_pending");

    let inactive = app.list_all(&tenant, "&tab=inactive", 50).await;
    assert_eq!(crate::helpers::ids(&inactive), vec![user.to_string()]);
    let all = app.list_all(&tenant, "", 50).await;
    assert!(!crate::helpers::ids(&all).contains(&user.to_string()));

    // The email (and the agent id) can be invited again.
    let again = app
        .invite(
            &tenant,
            &tenant.token,
            json!({"email": "gone@example.com", "role": "agent", "agent_ids": member["agent_ids"]}),
        )
        .await;
    assert_ne!(again.ok(201)["id"], member["id"]);
    let stats = app.stats(&tenant).await;
    assert_eq!(
        (stats["cancelled"].as_i64(), stats["invited"].as_i64()),
        (Some(1), Some(1))
    );
}

#[tokio::test]
async fn a_deactivated_members_session_stops_working_at_once_and_reactivation_restores_it() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Sur").await;
    let (manager, session) = app
        .active_member(&tenant, "mgr@example.com", "manager")
        .await;
    let user = manager["id"].as_str().unwrap();
    let users = format!("/v1/tenants/{}/users", tenant.id);
    app.get(&users, Some(&session)).await.ok(200);

    let r = app.action(&tenant, &tenant.token, user, "deactivate").await;
    let m = r.ok(200);
    assert_eq!(m["status"], "deactivated");
    assert!(m["deactivated_at"].is_string());
    app.get(&users, Some(&session))
        .await
        .problem(404, "not_found");
    assert_eq!(
        app.get("/v1/me", Some(&session)).await.ok(200)["memberships"][0]["status"],
        "deactivated"
    );
    let stats = app.stats(&tenant).await;
    assert_eq!(
        (stats["active"].as_i64(), stats["deactivated"].as_i64()),
        (Some(1), Some(1))
    );

    app.action(&tenant, &tenant.token, user, "deactivate")
        .await
        .problem(409, "not_active");
    assert_eq!(
        app.action(&tenant, &tenant.token, user, "reactivate")
            .await
            .ok(200)["status"],
        "active"
    );
    app.get(&users, Some(&session)).await.ok(200);
    app.action(&tenant, &tenant.token, user, "reactivate")
        .await
        .problem(409, "not_deactivated");
}
