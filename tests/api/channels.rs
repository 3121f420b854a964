use serde_json::json;

use crate::helpers::{PASSWORD, TestApp, token_in};

#[tokio::test]
async fn a_phone_only_invitation_is_texted_with_a_working_link() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Sol").await;
    let r = app
        .invite(
            &tenant,
            &tenant.token,
            json!({"phone": "+34 612 345 678", "first_name": "Luis"}),
        )
        .await;
    let member = r.ok(201).clone();
    assert_eq!(member["phone"], "+34612345678", "stored as E.164");
    assert_eq!(member["email"], serde_json::Value::Null);
    assert_eq!(
        member["delivery"],
        json!({"sms": "pending"}),
        "SMS is the default channel without an email; queued when the 201 comes"
    );
    let id = member["id"].as_str().unwrap();
    assert_eq!(
        app.delivered(&tenant, id, "sms").await["delivery"],
        json!({"sms": "sent"})
    );

    let texts = app.outbox("+34612345678").await;
    assert_eq!(texts.len(), 1);
    assert_eq!(texts[0]["channel"], "sms");
    let text = texts[0]["text"].as_str().unwrap();
    assert!(
        text.contains("Hotel Sol") && text.contains("UTC"),
        "names the tenant and the expiry: {text}"
    );
    assert!(
        text.chars().count() <= 160,
        "one SMS: {} characters",
        text.chars().count()
    );
    let token = token_in(text);
    assert_eq!(
        app.preview(&token).await.ok(200)["tenant_name"],
        "Hotel Sol"
    );
    let accepted = app.accept(&token, PASSWORD).await;
    assert_eq!(accepted.ok(200)["member"]["status"], "active");
}

#[tokio::test]
async fn sms_to_a_country_not_allowed_or_to_an_invalid_number_is_refused_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Guard").await; // allows ES only
    let r = app
        .invite(&tenant, &tenant.token, json!({"phone": "+44 7400 123456"}))
        .await;
    r.problem(400, "sms_country_not_allowed");
    assert!(r.body["detail"].as_str().unwrap().contains("GB"));
    for bad in ["+34 123", "612345678", "+34 612 345 678 999"] {
        let r = app
            .invite(&tenant, &tenant.token, json!({"phone": bad}))
            .await;
        r.problem(400, "validation_failed");
        assert_eq!(r.body["errors"][0]["field"], "phone", "{bad}");
    }
    // A channel needs its address.
    app.invite(
        &tenant,
        &tenant.token,
        json!({"email": "a@example.com", "channels": ["sms"]}),
    )
    .await
    .problem(400, "validation_failed");
    let stats = app.stats(&tenant).await;
    assert_eq!(
        (stats["invited"].as_i64(), stats["scheduled"].as_i64()),
        (Some(0), Some(0))
    );
    assert!(
        app.get("/dev/outbox", None).await.ok(200)["messages"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    // The same number may be texted once allowed... and a GB number may still be stored for a
    // member invited by email only (no SMS goes to it).
    let r = app
        .invite(
            &tenant,
            &tenant.token,
            json!({"email": "uk@example.com", "phone": "+44 7400 123456"}),
        )
        .await;
    assert_eq!(r.ok(201)["delivery"], json!({"email": "pending"}));
}

#[tokio::test]
async fn both_channels_or_none_at_all() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Dos").await;
    let both = app
        .invite(&tenant, &tenant.token, json!({"email": "both@example.com", "phone": "+34 622 000 111", "channels": ["email", "sms"]}))
        .await;
    assert_eq!(
        both.ok(201)["delivery"],
        json!({"email": "pending", "sms": "pending"})
    );
    let id = both.ok(201)["id"].as_str().unwrap().to_string();
    app.delivered(&tenant, &id, "email").await;
    assert_eq!(
        app.delivered(&tenant, &id, "sms").await["delivery"],
        json!({"email": "sent", "sms": "sent"})
    );
    assert_eq!(app.outbox("both@example.com").await.len(), 1);
    assert_eq!(app.outbox("+34622000111").await.len(), 1);

    let link_only = app
        .invite(
            &tenant,
            &tenant.token,
            json!({"email": "quiet@example.com", "channels": []}),
        )
        .await;
    let m = link_only.ok(201);
    assert_eq!(
        (m["status"].as_str(), &m["delivery"]),
        (Some("invited"), &json!({}))
    );
    assert!(app.outbox("quiet@example.com").await.is_empty());
    // Reinvited with a channel, a link-only member is sent the invitation by email at last.
    let quiet = m["id"].as_str().unwrap().to_string();
    let reinvited = app
        .post(
            &format!("/v1/tenants/{}/users/{quiet}/reinvite", tenant.id),
            Some(&tenant.token),
            json!({"channels": ["email"]}),
        )
        .await;
    assert_eq!(reinvited.ok(200)["delivery"], json!({"email": "pending"}));
    app.delivered(&tenant, &quiet, "email").await;
    assert_eq!(app.outbox("quiet@example.com").await.len(), 1);
    // SMS needs a phone number it does not have: refused, nothing changes.
    app.post(
        &format!("/v1/tenants/{}/users/{quiet}/reinvite", tenant.id),
        Some(&tenant.token),
        json!({"channels": ["sms"]}),
    )
    .await
    .problem(400, "validation_failed");

    // One phone number, one membership per tenant.
    app.invite(&tenant, &tenant.token, json!({"phone": "+34622000111"}))
        .await
        .problem(409, "already_member");
}
