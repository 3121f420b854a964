use serde_json::json;

use crate::helpers::{PASSWORD, Tenant, TestApp};

async fn issue(app: &TestApp, tenant: &Tenant, user: &str) -> String {
    let r = app.action(tenant, &tenant.token, user, "access-code").await;
    let b = r.ok(201);
    let code = b["code"].as_str().unwrap().to_string();
    assert_eq!(code.len(), 8);
    assert!(
        code.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && !code.contains(['0', 'O', '1', 'I']),
        "{code}"
    );
    code
}

async fn sign_in(app: &TestApp, email: &str, code: &str) -> crate::helpers::Reply {
    app.post("/v1/sessions", None, json!({"email": email, "code": code}))
        .await
}

#[tokio::test]
async fn an_invited_member_signs_in_once_with_a_code_and_becomes_active() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Code").await;
    let member = app.invite_ok(&tenant, "walkin@example.com", "user").await;
    let user = member["id"].as_str().unwrap();
    let code = issue(&app, &tenant, user).await;

    // Case, spaces and dashes do not matter.
    let typed = format!("{}-{}", &code[..4].to_lowercase(), &code[4..]);
    let r = sign_in(&app, "walkin@example.com", &typed).await;
    let session = r.ok(200)["token"].as_str().unwrap().to_string();
    assert_eq!(r.body["memberships"][0]["status"], "active");
    assert_eq!(
        app.get("/v1/me", Some(&session)).await.ok(200)["profile"]["email"],
        "walkin@example.com"
    );
    assert_eq!(app.member(&tenant, user).await["status"], "active");
    let stats = app.stats(&tenant).await;
    assert_eq!(
        (stats["active"].as_i64(), stats["invited"].as_i64()),
        (Some(2), Some(0))
    );
    // The emailed link is used up with the invitation.
    let token = app.latest_token("walkin@example.com").await;
    app.preview(&token).await.problem(409, "invitation_used");

    sign_in(&app, "walkin@example.com", &code)
        .await
        .problem(401, "invalid_credentials");
}

#[tokio::test]
async fn five_wrong_tries_burn_a_code_and_a_code_lasts_ten_minutes() {
    // The account's own failure limit is raised here, to see the code's.
    let limits = invitations::config::Limits {
        sign_in_failures_per_window: 100,
        ..Default::default()
    };
    let options = crate::helpers::Options {
        limits: Some(limits),
        ..Default::default()
    };
    let app = TestApp::spawn_with(crate::helpers::aws_backend(), options).await;
    let tenant = app.tenant("Hotel Tries").await;
    // Joined with a code: a passwordless profile of this tenant, which codes may sign in.
    let member = app.invite_ok(&tenant, "active@example.com", "user").await;
    let user = member["id"].as_str().unwrap();
    let code = issue(&app, &tenant, user).await;
    sign_in(&app, "active@example.com", &code).await.ok(200);

    let code = issue(&app, &tenant, user).await;
    for _ in 0..5 {
        sign_in(&app, "active@example.com", "WRONGCDE")
            .await
            .problem(401, "invalid_credentials");
    }
    sign_in(&app, "active@example.com", &code)
        .await
        .problem(401, "invalid_credentials");

    let code = issue(&app, &tenant, user).await;
    app.advance_clock(10 * 60 + 1).await;
    sign_in(&app, "active@example.com", &code)
        .await
        .problem(401, "invalid_credentials");

    // An active member signs in with a fresh code; nothing else changes.
    let code = issue(&app, &tenant, user).await;
    sign_in(&app, "active@example.com", &code).await.ok(200);
    assert_eq!(app.member(&tenant, user).await["status"], "active");
}

#[tokio::test]
async fn wrong_codes_count_against_the_account_failure_limit() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Limit").await;
    let member = app.invite_ok(&tenant, "limited@example.com", "user").await;
    let code = issue(&app, &tenant, member["id"].as_str().unwrap()).await;
    let tries = (0..12).map(|_| sign_in(&app, "limited@example.com", "WRONGCDE"));
    let replies = futures::future::join_all(tries).await;
    let checked = replies.iter().filter(|r| r.status.as_u16() == 401).count();
    assert!(checked <= 5, "{checked} wrong codes were checked");
    sign_in(&app, "limited@example.com", &code)
        .await
        .problem(429, "too_many_attempts");
}

#[tokio::test]
async fn a_new_code_kills_the_previous_one() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Nuevo").await;
    let member = app.invite_ok(&tenant, "twocodes@example.com", "user").await;
    let user = member["id"].as_str().unwrap();
    let first = issue(&app, &tenant, user).await;
    let second = issue(&app, &tenant, user).await;
    sign_in(&app, "twocodes@example.com", &first)
        .await
        .problem(401, "invalid_credentials");
    sign_in(&app, "twocodes@example.com", &second).await.ok(200);
}

#[tokio::test]
async fn codes_answer_unknown_and_wrong_alike_and_only_for_reachable_members() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Igual").await;
    let wrong = sign_in(&app, "nobody@example.com", "ABCDEFGH").await;
    let member = app.invite_ok(&tenant, "someone@example.com", "user").await;
    issue(&app, &tenant, member["id"].as_str().unwrap()).await;
    let also_wrong = sign_in(&app, "someone@example.com", "ABCDEFGH").await;
    wrong.problem(401, "invalid_credentials");
    also_wrong.problem(401, "invalid_credentials");
    assert_eq!(wrong.body, also_wrong.body);

    app.post(
        "/v1/sessions",
        None,
        json!({"email": "someone@example.com", "code": "X", "password": PASSWORD}),
    )
    .await
    .problem(400, "validation_failed");
    let phone_only = app
        .invite(&tenant, &tenant.token, json!({"phone": "+34 633 000 111"}))
        .await;
    let phone_id = phone_only.ok(201)["id"].as_str().unwrap().to_string();
    app.action(&tenant, &tenant.token, &phone_id, "access-code")
        .await
        .problem(409, "no_email");
    let gone = app.invite_ok(&tenant, "gone@example.com", "user").await;
    let gone_id = gone["id"].as_str().unwrap();
    app.action(&tenant, &tenant.token, gone_id, "deactivate")
        .await
        .ok(200);
    app.action(&tenant, &tenant.token, gone_id, "access-code")
        .await
        .problem(409, "not_active");
}
