use serde_json::json;

use crate::helpers::{Tenant, TestApp};

async fn nothing_changed(app: &TestApp, tenant: &Tenant) {
    let stats = app.stats(tenant).await;
    assert_eq!(
        (stats["invited"].as_i64(), stats["active"].as_i64()),
        (Some(0), Some(1)),
        "{stats}"
    );
    assert_eq!(app.list_all(tenant, "", 50).await.len(), 1);
    assert!(
        app.get("/dev/outbox", None).await.ok(200)["messages"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn invalid_invitations_get_field_errors_and_change_nothing() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Strict").await;
    let cases = [
        (json!({"email": "not-an-email"}), "email"),
        (json!({"email": "a@b"}), "email"),
        (json!({}), "email"),
        (
            json!({"email": "ok@example.com", "first_name": "Ana\r\nBcc: victim@example.com"}),
            "first_name",
        ),
        (
            json!({"email": "ok@example.com", "last_name": "x".repeat(101)}),
            "last_name",
        ),
        (
            json!({"email": format!("{}@example.com", "a".repeat(250))}),
            "email",
        ),
        (
            json!({"email": "ok@example.com", "role": "overlord"}),
            "role",
        ),
        (
            json!({"email": "ok@example.com", "nickname": "Al"}),
            "nickname",
        ),
        (
            json!({"email": "ok@example.com", "role": "agent"}),
            "agent_ids",
        ),
        (
            json!({"email": "ok@example.com", "role": "team_leader"}),
            "teams",
        ),
        (
            json!({"email": "ok@example.com", "first_name": 42}),
            "first_name",
        ),
        (
            json!({"email": "ok@example.com", "employment": {"department": "Desk", "salary": 1}}),
            "employment",
        ),
    ];
    for (body, field) in cases {
        let r = app.invite(&tenant, &tenant.token, body.clone()).await;
        r.problem(400, "validation_failed");
        let errors = r.body["errors"]
            .as_array()
            .unwrap_or_else(|| panic!("errors for {body}: {}", r.body));
        assert!(
            errors
                .iter()
                .any(|e| e["field"].as_str().unwrap_or("").starts_with(field)
                    && e["message"].is_string()),
            "{body} should report {field}: {}",
            r.body
        );
    }
    let r = app
        .invite(
            &tenant,
            &tenant.token,
            json!({"email": "ok@example.com", "products": ["telepathy"]}),
        )
        .await;
    r.problem(400, "product_not_enabled");
    nothing_changed(&app, &tenant).await;
}

#[tokio::test]
async fn malformed_bodies_get_clear_errors() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Bodies").await;
    let url = format!("{}/v1/tenants/{}/invitations", app.base, tenant.id);
    let send = |body: &'static str, ct: &'static str| {
        app.client
            .post(&url)
            .bearer_auth(&tenant.token)
            .header("content-type", ct)
            .body(body)
            .send()
    };
    TestApp::reply(send("{\"email\": ", "application/json").await.unwrap())
        .await
        .problem(400, "invalid_json");
    TestApp::reply(send("", "application/json").await.unwrap())
        .await
        .problem(400, "invalid_json");
    TestApp::reply(send("[1,2]", "application/json").await.unwrap())
        .await
        .problem(400, "validation_failed");
    TestApp::reply(
        send("email=a@example.com", "application/x-www-form-urlencoded")
            .await
            .unwrap(),
    )
    .await
    .problem(415, "unsupported_media_type");
    // 100,000 brackets: never closed, not JSON; closed, of the wrong type from the first one
    // on. Either way a clean 400, not a stack overflow. A batch keeps each row as text until
    // the row is read on its own: a row nested deep is reported in its place, as any row that
    // is not an invitee.
    let deep = |inner: &str| format!("{}{inner}{}", "[".repeat(100_000), "]".repeat(100_000));
    let batch = format!("{}/v1/tenants/{}/invitations/batch", app.base, tenant.id);
    for (to, body, code) in [
        (&url, "[".repeat(100_000), "invalid_json"),
        (&url, deep(""), "validation_failed"),
        (
            &batch,
            format!("{{\"invitees\": {}", "[".repeat(100_000)),
            "invalid_json",
        ),
        (
            &batch,
            format!("{{\"invitees\": [], \"teams\": {}}}", deep("")),
            "validation_failed",
        ),
    ] {
        let r = app
            .client
            .post(to)
            .bearer_auth(&tenant.token)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        TestApp::reply(r).await.problem(400, code);
    }
    let r = app
        .client
        .post(&batch)
        .bearer_auth(&tenant.token)
        .header("content-type", "application/json")
        .body(format!("{{\"invitees\": [{}]}}", deep("")))
        .send()
        .await
        .unwrap();
    let r = TestApp::reply(r).await;
    assert_eq!(
        r.ok(200)["results"][0]["error"]["code"],
        "validation_failed"
    );
    let huge = format!(
        "{{\"email\": \"a@example.com\", \"first_name\": \"{}\"}}",
        "x".repeat(1024 * 1024 + 10)
    );
    let r = app
        .client
        .post(&url)
        .bearer_auth(&tenant.token)
        .header("content-type", "application/json")
        .body(huge)
        .send()
        .await
        .unwrap();
    TestApp::reply(r).await.problem(413, "payload_too_large");
    nothing_changed(&app, &tenant).await;
}

#[tokio::test]
async fn missing_malformed_and_forged_sessions_are_401() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Guard").await;
    let users = format!("/v1/tenants/{}/users", tenant.id);
    let r = app.get(&users, None).await;
    r.problem(401, "unauthenticated");
    assert_eq!(r.headers["www-authenticate"], "Bearer");
    app.get(&users, Some("not-a-token"))
        .await
        .problem(401, "unauthenticated");
    // A token signed by another installation's key.
    let other = TestApp::spawn().await;
    let foreign = other.tenant("Elsewhere").await;
    app.get(&users, Some(&foreign.token))
        .await
        .problem(401, "unauthenticated");
    // The right token with its payload altered (another subject), signature kept.
    let parts: Vec<&str> = tenant.token.split('.').collect();
    let forged = format!(
        "{}.{}.{}",
        parts[0],
        parts[1].replacen('e', "f", 1),
        parts[2]
    );
    app.get(&users, Some(&forged))
        .await
        .problem(401, "unauthenticated");
    // An unsigned ("alg": "none") token.
    let none = format!("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.{}.", parts[1]);
    app.get(&users, Some(&none))
        .await
        .problem(401, "unauthenticated");
    let r = app
        .client
        .get(format!("{}{users}", app.base))
        .header("authorization", format!("Basic {}", tenant.token))
        .send()
        .await
        .unwrap();
    TestApp::reply(r).await.problem(401, "unauthenticated");
    app.invite(&tenant, "forged", json!({"email": "x@example.com"}))
        .await
        .problem(401, "unauthenticated");
    nothing_changed(&app, &tenant).await;
}

#[tokio::test]
async fn unknown_routes_and_methods_are_problems_too() {
    let app = TestApp::spawn().await;
    app.get("/v1/nothing-here", None)
        .await
        .problem(404, "not_found");
    app.send(reqwest::Method::DELETE, "/v1/sessions", None, None)
        .await
        .problem(405, "method_not_allowed");
    let h = app.get("/healthz", None).await;
    assert_eq!(h.ok(200)["status"], "ok");
    app.post("/dev/clock", None, json!({"advance_seconds": -5}))
        .await
        .problem(400, "validation_failed");
}

#[tokio::test]
async fn accept_and_sign_in_refuse_bad_bodies() {
    let app = TestApp::spawn().await;
    app.post("/v1/invitations/accept", None, json!({"token": "x"}))
        .await
        .problem(400, "validation_failed");
    app.post(
        "/v1/invitations/preview",
        None,
        json!({"token": "x", "extra": 1}),
    )
    .await
    .problem(400, "validation_failed");
    app.post("/v1/sessions", None, json!({"email": "a@example.com"}))
        .await
        .problem(400, "validation_failed");
    app.post(
        "/v1/sessions",
        None,
        json!({"email": "not an email", "password": "whatever it is"}),
    )
    .await
    .problem(401, "invalid_credentials");
}
