use invitations::config::Limits;
use serde_json::json;

use crate::helpers::{Options, PASSWORD, TestApp, aws_backend};

async fn spawn(limits: Limits) -> TestApp {
    TestApp::spawn_with(
        aws_backend(),
        Options {
            limits: Some(limits),
            ..Default::default()
        },
    )
    .await
}

#[tokio::test]
async fn the_sixth_failed_sign_in_in_a_window_is_refused_alike_for_known_and_unknown_accounts() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Llave").await;
    let (member, _) = app
        .active_member(&tenant, "known@example.com", "user")
        .await;
    let _ = member;
    for email in ["known@example.com", "unknown@example.com"] {
        for _ in 0..5 {
            app.post(
                "/v1/sessions",
                None,
                json!({"email": email, "password": "not the password at all"}),
            )
            .await
            .problem(401, "invalid_credentials");
        }
    }
    let known = app
        .post(
            "/v1/sessions",
            None,
            json!({"email": "known@example.com", "password": PASSWORD}),
        )
        .await;
    let unknown = app
        .post(
            "/v1/sessions",
            None,
            json!({"email": "unknown@example.com", "password": PASSWORD}),
        )
        .await;
    known.problem(429, "too_many_attempts");
    unknown.problem(429, "too_many_attempts");
    assert_eq!(known.body, unknown.body, "nothing tells the accounts apart");
    let retry: u64 = known.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=900).contains(&retry), "{retry}");

    app.advance_clock(901).await;
    app.post(
        "/v1/sessions",
        None,
        json!({"email": "known@example.com", "password": PASSWORD}),
    )
    .await
    .ok(200);
}

#[tokio::test]
async fn failed_sign_ins_under_other_spellings_of_an_address_count_toward_its_one_limit() {
    let app = TestApp::spawn().await;
    // Unicode in capitals, Punycode, and the u and its diaeresis as two code points: one address.
    let spellings = [
        "Ana@BÜCHER.example",
        "ana@xn--bcher-kva.example",
        "ana@bu\u{308}cher.example",
    ];
    for email in spellings.iter().cycle().take(5) {
        app.post(
            "/v1/sessions",
            None,
            json!({"email": email, "password": "not the password at all"}),
        )
        .await
        .problem(401, "invalid_credentials");
    }
    app.post(
        "/v1/sessions",
        None,
        json!({"email": "ana@bücher.example", "password": PASSWORD}),
    )
    .await
    .problem(429, "too_many_attempts");
}

#[tokio::test]
async fn an_inviter_over_the_daily_cap_is_refused_and_nothing_is_created() {
    let app = spawn(Limits {
        invites_per_inviter_per_day: 3,
        ..Limits::default()
    })
    .await;
    let tenant = app.tenant("Hotel Tope").await;
    for i in 0..3 {
        app.invite_ok(&tenant, &format!("cap{i}@example.com"), "user")
            .await;
    }
    let r = app
        .invite(&tenant, &tenant.token, json!({"email": "cap3@example.com"}))
        .await;
    r.problem(429, "rate_limited");
    assert!(r.headers.get("retry-after").is_some());
    assert!(app.outbox("cap3@example.com").await.is_empty());
    assert_eq!(app.stats(&tenant).await["invited"], 3);
    // In a batch, the rows over the cap say so.
    let csv = "cap4@example.com\ncap5@example.com\n";
    let res = app
        .client
        .post(format!(
            "{}/v1/tenants/{}/invitations/batch",
            app.base, tenant.id
        ))
        .bearer_auth(&tenant.token)
        .header("content-type", "text/csv")
        .body(csv)
        .send()
        .await
        .unwrap();
    let r = TestApp::reply(res).await;
    for row in r.ok(200)["results"].as_array().unwrap() {
        assert_eq!(row["error"]["code"], "rate_limited", "{row}");
    }
    // Tomorrow (UTC) the cap is new.
    app.advance_clock(86_400).await;
    app.invite(&tenant, &tenant.token, json!({"email": "cap3@example.com"}))
        .await
        .ok(201);
}

#[tokio::test]
async fn a_person_gets_at_most_five_sends_a_day_and_a_tenant_a_capped_number_of_sms() {
    let app = spawn(Limits {
        sms_per_tenant_per_day: 2,
        ..Limits::default()
    })
    .await;
    let tenant = app.tenant("Hotel Flood").await;
    let member = app.invite_ok(&tenant, "flooded@example.com", "user").await;
    let user = member["id"].as_str().unwrap();
    for _ in 0..4 {
        app.action(&tenant, &tenant.token, user, "reinvite")
            .await
            .ok(200);
    }
    let last_good = app.latest_token("flooded@example.com").await;
    app.action(&tenant, &tenant.token, user, "reinvite")
        .await
        .problem(429, "rate_limited");
    assert_eq!(app.outbox("flooded@example.com").await.len(), 5);
    app.preview(&last_good).await.ok(200);

    app.invite(&tenant, &tenant.token, json!({"phone": "+34 611 000 001"}))
        .await
        .ok(201);
    app.invite(&tenant, &tenant.token, json!({"phone": "+34 611 000 002"}))
        .await
        .ok(201);
    app.invite(&tenant, &tenant.token, json!({"phone": "+34 611 000 003"}))
        .await
        .problem(429, "rate_limited");
    assert!(app.outbox("+34611000003").await.is_empty());
}

#[tokio::test]
async fn cancelling_and_inviting_again_does_not_give_a_person_more_emails_that_day() {
    let app = spawn(Limits::default()).await;
    let tenant = app.tenant("Hotel Bucle").await;
    let member = app.invite_ok(&tenant, "looped@example.com", "user").await;
    let user = member["id"].as_str().unwrap().to_string();
    // Each invitation goes out before the next action replaces or cancels it.
    app.delivered(&tenant, &user, "email").await;
    for _ in 0..2 {
        app.action(&tenant, &tenant.token, &user, "reinvite")
            .await
            .ok(200);
        app.delivered(&tenant, &user, "email").await;
    }
    // Three sent; each cancel-and-invite-again is one more, up to five.
    let mut user = user;
    for _ in 0..2 {
        app.action(&tenant, &tenant.token, &user, "deactivate")
            .await
            .ok(200);
        let again = app.invite_ok(&tenant, "looped@example.com", "user").await;
        user = again["id"].as_str().unwrap().to_string();
        app.delivered(&tenant, &user, "email").await;
    }
    assert_eq!(app.outbox("looped@example.com").await.len(), 5);
    app.action(&tenant, &tenant.token, &user, "deactivate")
        .await
        .ok(200);
    let before = app.stats(&tenant).await;
    let r = app
        .invite(
            &tenant,
            &tenant.token,
            json!({"email": "looped@example.com"}),
        )
        .await;
    r.problem(429, "rate_limited");
    assert!(r.headers.get("retry-after").is_some());
    assert_eq!(app.outbox("looped@example.com").await.len(), 5);
    assert_eq!(app.stats(&tenant).await, before, "nothing was created");
    // Tomorrow (UTC) the count is new.
    app.advance_clock(86_400).await;
    app.invite(
        &tenant,
        &tenant.token,
        json!({"email": "looped@example.com"}),
    )
    .await
    .ok(201);
    assert_eq!(app.outbox("looped@example.com").await.len(), 6);
}

#[tokio::test]
async fn one_tenants_invitations_do_not_use_up_another_tenants_emails_to_the_same_person() {
    let app = spawn(Limits::default()).await;
    let first = app.tenant("Hotel Uno").await;
    let second = app.tenant("Hotel Dos").await;
    let member = app.invite_ok(&first, "shared@example.com", "user").await;
    let user = member["id"].as_str().unwrap();
    // Each invitation goes out before the next replaces it (a reinvite that comes first
    // supersedes the one still queued, which is then not sent).
    app.delivered(&first, user, "email").await;
    for _ in 0..4 {
        app.action(&first, &first.token, user, "reinvite")
            .await
            .ok(200);
        app.delivered(&first, user, "email").await;
    }
    app.action(&first, &first.token, user, "reinvite")
        .await
        .problem(429, "rate_limited");
    // The other tenant neither hits the first one's count nor learns of its invitations.
    app.invite(
        &second,
        &second.token,
        json!({"email": "shared@example.com"}),
    )
    .await
    .ok(201);
    assert_eq!(app.outbox("shared@example.com").await.len(), 6);
}

#[tokio::test]
async fn deferred_texts_count_against_the_tenants_sms_limit_when_they_go_out_and_the_rest_are_rate_limited()
 {
    let app = spawn(Limits {
        sms_per_tenant_per_day: 2,
        ..Limits::default()
    })
    .await;
    let tenant = app.tenant("Hotel Tarde").await;
    let send_at = (chrono::Utc::now() + chrono::Duration::hours(2))
        .format("%Y-%m-%dT%H:%M:%S")
        .to_string();
    let phones = ["+34 611 100 001", "+34 611 100 002", "+34 611 100 003"];
    let mut ids = Vec::new();
    for phone in phones {
        // Scheduled, nothing sent: the limit is not counted yet.
        let member = app
            .invite(
                &tenant,
                &tenant.token,
                json!({"phone": phone, "send_at": send_at, "timezone": "UTC"}),
            )
            .await
            .ok(201)
            .clone();
        assert_eq!(member["status"], "scheduled");
        ids.push(member["id"].as_str().unwrap().to_string());
    }
    app.advance_clock(3 * 3600).await;
    app.post("/dev/scheduler/run", None, json!({}))
        .await
        .ok(200);
    let mut outcomes = Vec::new();
    for id in &ids {
        let member = app.delivered(&tenant, id, "sms").await;
        outcomes.push(member["delivery"]["sms"].as_str().unwrap().to_string());
        if member["delivery"]["sms"] == "rate_limited" {
            assert!(
                member["delivery_errors"]["sms"]
                    .as_str()
                    .is_some_and(|e| e.contains("SMS limit")),
                "the reason is kept: {member}"
            );
        }
    }
    outcomes.sort();
    assert_eq!(
        outcomes,
        ["rate_limited", "sent", "sent"],
        "only the limit is sent"
    );
    let texted: usize = futures::future::join_all(
        ["+34611100001", "+34611100002", "+34611100003"].map(|p| app.outbox(p)),
    )
    .await
    .iter()
    .map(Vec::len)
    .sum();
    assert_eq!(texted, 2);
}
