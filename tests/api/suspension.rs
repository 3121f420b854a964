//! A suspended tenant (the operator's `suspend`, here through the local server's
//! `/dev/operator/` routes): every route of it answers 403 `tenant_suspended`, its links and codes
//! too, what it had queued is not sent, and its data stays for when it is resumed.

use serde_json::json;

use crate::helpers::{Options, TestApp, aws_backend};

async fn suspend(app: &TestApp, tenant: &str, suspended: bool) {
    app.send(
        reqwest::Method::PATCH,
        &format!("/dev/operator/tenants/{tenant}"),
        None,
        Some(json!({"suspended": suspended})),
    )
    .await
    .ok(200);
}

#[tokio::test]
async fn a_suspended_tenant_is_closed_sends_nothing_and_keeps_its_data() {
    let app = TestApp::spawn_with(
        aws_backend(),
        Options {
            no_courier: true,
            ..Default::default()
        },
    )
    .await;
    let tenant = app.tenant("Hotel Cerrado").await;
    let open = app.tenant("Hotel Abierto").await;
    app.invite_ok(&tenant, "staff@example.com", "manager").await;
    app.deliver_outbox().await;
    let token = app.latest_token("staff@example.com").await;
    let accepted = app.accept(&token, crate::helpers::PASSWORD).await;
    let member = accepted.ok(200)["member"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let session = accepted.ok(200)["session"]["token"]
        .as_str()
        .unwrap()
        .to_string();
    let pending = app.invite_ok(&tenant, "queued@example.com", "user").await;
    let pending = pending["id"].as_str().unwrap().to_string();
    let before = app.list_all(&tenant, "", 50).await;

    suspend(&app, &tenant.id, true).await;
    app.deliver_outbox().await;
    assert!(
        app.outbox("queued@example.com").await.is_empty(),
        "nothing is sent"
    );
    let users = format!("/v1/tenants/{}/users", tenant.id);
    for token in [&tenant.token, &session] {
        app.get(&users, Some(token))
            .await
            .problem(403, "tenant_suspended");
    }
    app.invite(&tenant, &tenant.token, json!({"email": "new@example.com"}))
        .await
        .problem(403, "tenant_suspended");
    app.action(&tenant, &tenant.token, &member, "deactivate")
        .await
        .problem(403, "tenant_suspended");
    // Another tenant is untouched.
    app.get(&format!("/v1/tenants/{}/users", open.id), Some(&open.token))
        .await
        .ok(200);

    suspend(&app, &tenant.id, false).await;
    let after = app.list_all(&tenant, "", 50).await;
    assert_eq!(after.len(), before.len(), "its data stays");
    let queued = app.member(&tenant, &pending).await;
    assert_eq!(queued["delivery"]["email"], "failed", "{queued}");
    assert!(
        queued["delivery_errors"]["email"]
            .as_str()
            .unwrap()
            .contains("suspended")
    );
    // Reinvited once resumed, it goes out.
    app.action(&tenant, &tenant.token, &pending, "reinvite")
        .await
        .ok(200);
    app.deliver_outbox().await;
    assert_eq!(app.outbox("queued@example.com").await.len(), 1);
}
