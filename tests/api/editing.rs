use futures::future::join_all;
use serde_json::json;

use crate::helpers::{PASSWORD, Tenant, TestApp};

async fn patch(
    app: &TestApp,
    tenant: &Tenant,
    token: &str,
    user: &str,
    body: serde_json::Value,
) -> crate::helpers::Reply {
    let r = app
        .client
        .patch(format!(
            "{}/v1/tenants/{}/users/{user}",
            app.base, tenant.id
        ))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    TestApp::reply(r).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_agent_id_belongs_to_one_member_at_a_time_even_under_concurrent_claims() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Agentes").await;
    let first = app.invite(&tenant, &tenant.token, json!({"email": "a1@example.com", "role": "agent", "agent_ids": ["voice-17", "chat-4"]})).await;
    let first_id = first.ok(201)["id"].as_str().unwrap().to_string();
    let taken = app
        .invite(
            &tenant,
            &tenant.token,
            json!({"email": "a2@example.com", "role": "agent", "agent_ids": ["chat-4"]}),
        )
        .await;
    taken.problem(409, "agent_id_taken");
    assert!(taken.body["detail"].as_str().unwrap().contains("chat-4"));
    assert!(
        app.outbox("a2@example.com").await.is_empty(),
        "nothing created or sent"
    );
    assert_eq!(app.stats(&tenant).await["invited"], 1);

    app.action(&tenant, &tenant.token, &first_id, "deactivate")
        .await
        .ok(200);
    app.invite(
        &tenant,
        &tenant.token,
        json!({"email": "a2@example.com", "role": "agent", "agent_ids": ["chat-4"]}),
    )
    .await
    .ok(201);

    let claims = (0..16).map(|i| {
        app.invite(&tenant, &tenant.token, json!({"email": format!("race{i}@example.com"), "role": "agent", "agent_ids": ["voice-99"]}))
    });
    let replies = join_all(claims).await;
    assert_eq!(
        replies.iter().filter(|r| r.status.as_u16() == 201).count(),
        1
    );
    for r in replies.iter().filter(|r| r.status.as_u16() != 201) {
        r.problem(409, "agent_id_taken");
    }
    // An edit claims the same way.
    let (agent, _) = app
        .active_member(&tenant, "agent@example.com", "agent")
        .await;
    patch(
        &app,
        &tenant,
        &tenant.token,
        agent["id"].as_str().unwrap(),
        json!({"agent_ids": ["voice-99"]}),
    )
    .await
    .problem(409, "agent_id_taken");
}

#[tokio::test]
async fn patch_changes_role_teams_agent_ids_and_products_with_the_rules_of_an_invitation() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Cambios").await;
    let (member, session) = app
        .active_member(&tenant, "change@example.com", "user")
        .await;
    let user = member["id"].as_str().unwrap();

    let r = patch(&app, &tenant, &tenant.token, user, json!({"role": "team_leader", "teams": ["Night"], "products": ["chat"], "first_name": "Carla", "employment": {"department": "Housekeeping"}})).await;
    let edited = r.ok(200);
    assert_eq!(
        (
            edited["role"].as_str(),
            &edited["teams"],
            &edited["products"]
        ),
        (Some("team_leader"), &json!(["Night"]), &json!(["chat"]))
    );
    assert_eq!(edited["employment"]["department"], "Housekeeping");
    assert_eq!(
        app.get("/v1/me", Some(&session)).await.ok(200)["memberships"][0]["role"],
        "team_leader",
        "the session sees the new role at once"
    );

    let r = patch(&app, &tenant, &tenant.token, user, json!({"role": "agent"})).await;
    r.problem(400, "validation_failed");
    assert_eq!(r.body["errors"][0]["field"], "agent_ids");
    patch(
        &app,
        &tenant,
        &tenant.token,
        user,
        json!({"role": "agent", "agent_ids": ["x-1", "x-2"]}),
    )
    .await
    .ok(200);
    patch(
        &app,
        &tenant,
        &tenant.token,
        user,
        json!({"products": ["telepathy"]}),
    )
    .await
    .problem(400, "product_not_enabled");
    patch(&app, &tenant, &tenant.token, user, json!({"nickname": "C"}))
        .await
        .problem(400, "validation_failed");
    patch(
        &app,
        &tenant,
        &tenant.token,
        user,
        json!({"email": "new@example.com"}),
    )
    .await
    .problem(400, "validation_failed");

    // The last admin cannot be demoted; managers cannot edit admins or grant roles above them.
    patch(
        &app,
        &tenant,
        &tenant.token,
        &tenant.admin_id,
        json!({"role": "manager"}),
    )
    .await
    .problem(409, "last_admin");
    let (_, manager) = app
        .active_member(&tenant, "mgr@example.com", "manager")
        .await;
    patch(
        &app,
        &tenant,
        &manager,
        &tenant.admin_id,
        json!({"first_name": "X"}),
    )
    .await
    .problem(403, "forbidden");
    patch(&app, &tenant, &manager, user, json!({"role": "admin"}))
        .await
        .problem(403, "forbidden");
    patch(&app, &tenant, &manager, user, json!({"teams": ["Day"]}))
        .await
        .ok(200);
    assert_eq!(app.stats(&tenant).await["admins"], 1);
}

#[tokio::test]
async fn changing_a_pending_members_email_kills_the_links_already_sent() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Direccion").await;
    let member = app.invite_ok(&tenant, "typo@exmaple.com", "user").await;
    let user = member["id"].as_str().unwrap();
    let old = app.latest_token("typo@exmaple.com").await;
    let r = patch(
        &app,
        &tenant,
        &tenant.token,
        user,
        json!({"email": "fixed@example.com"}),
    )
    .await;
    assert_eq!(r.ok(200)["email"], "fixed@example.com");
    app.preview(&old).await.problem(404, "invitation_invalid");
    app.action(&tenant, &tenant.token, user, "reinvite")
        .await
        .ok(200);
    let token = app.latest_token("fixed@example.com").await;
    app.accept(&token, PASSWORD).await.ok(200);
    // The old address is free again; the new one is taken.
    app.invite(
        &tenant,
        &tenant.token,
        json!({"email": "fixed@example.com"}),
    )
    .await
    .problem(409, "already_member");
    app.invite(&tenant, &tenant.token, json!({"email": "typo@exmaple.com"}))
        .await
        .ok(201);
}

#[tokio::test]
async fn admins_export_every_member_as_csv_with_formulas_neutralised() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Export").await;
    app.invite(&tenant, &tenant.token, json!({"email": "evil@example.com", "first_name": "=HYPERLINK(\"http://x.test\",\"win\")", "last_name": "@SUM(A1)"})).await.ok(201);
    app.invite_ok(&tenant, "plain@example.com", "user").await;
    let r = app
        .client
        .get(format!(
            "{}/v1/tenants/{}/users/export.csv",
            app.base, tenant.id
        ))
        .bearer_auth(&tenant.token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let text = r.text().await.unwrap();
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(str::to_string).collect();
    assert!(header.contains(&"email".to_string()) && header.contains(&"last_login_at".to_string()));
    for column in ["locale", "delivery"] {
        assert!(header.contains(&column.to_string()), "{header:?}");
    }
    let records: Vec<csv::StringRecord> = rows.records().map(|r| r.unwrap()).collect();
    assert_eq!(records.len(), 3, "every member, one row each");
    let evil = records
        .iter()
        .find(|r| r.iter().any(|c| c == "evil@example.com"))
        .unwrap();
    assert!(
        evil.iter()
            .any(|c| c == "'=HYPERLINK(\"http://x.test\",\"win\")"),
        "{evil:?}"
    );
    assert!(evil.iter().any(|c| c == "'@SUM(A1)"));
    assert!(
        !records
            .iter()
            .flatten()
            .any(|c| c.starts_with('=') || c.starts_with('@'))
    );

    let (_, manager) = app
        .active_member(&tenant, "mgr@example.com", "manager")
        .await;
    app.get(
        &format!("/v1/tenants/{}/users/export.csv", tenant.id),
        Some(&manager),
    )
    .await
    .problem(403, "forbidden");
}
