use serde_json::json;

use crate::helpers::TestApp;

#[tokio::test]
async fn managers_cannot_grant_or_act_on_roles_at_or_above_their_own() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Paz").await;
    let (_, manager) = app
        .active_member(&tenant, "boss2@example.com", "manager")
        .await;

    for role in ["admin", "manager"] {
        app.invite(
            &tenant,
            &manager,
            json!({"email": format!("{role}@example.com"), "role": role}),
        )
        .await
        .problem(403, "forbidden");
    }
    let invited = app
        .invite(
            &tenant,
            &manager,
            json!({"email": "tl@example.com", "role": "team_leader", "teams": ["Night"]}),
        )
        .await;
    let tl = invited.ok(201)["id"].as_str().unwrap().to_string();
    app.action(&tenant, &manager, &tl, "reinvite").await.ok(200);

    app.action(&tenant, &manager, &tenant.admin_id, "deactivate")
        .await
        .problem(403, "forbidden");
    let other_manager = app.invite_ok(&tenant, "mgr3@example.com", "manager").await;
    app.action(
        &tenant,
        &manager,
        other_manager["id"].as_str().unwrap(),
        "deactivate",
    )
    .await
    .problem(403, "forbidden");
    assert_eq!(
        app.member(&tenant, &tenant.admin_id).await["status"],
        "active"
    );
    // Nothing was created by the refused invites.
    assert!(app.outbox("admin@example.com").await.is_empty());
}

#[tokio::test]
async fn members_without_an_admin_role_get_403_on_admin_routes() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Cielo").await;
    for role in ["team_leader", "agent", "user"] {
        let (_, session) = app
            .active_member(&tenant, &format!("{role}@example.com"), role)
            .await;
        app.get(&format!("/v1/tenants/{}/users", tenant.id), Some(&session))
            .await
            .problem(403, "forbidden");
        app.get(&format!("/v1/tenants/{}/stats", tenant.id), Some(&session))
            .await
            .problem(403, "forbidden");
        app.invite(&tenant, &session, json!({"email": "x@example.com"}))
            .await
            .problem(403, "forbidden");
        app.action(&tenant, &session, &tenant.admin_id, "deactivate")
            .await
            .problem(403, "forbidden");
    }
}

#[tokio::test]
async fn the_last_active_admin_cannot_be_deactivated() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Uno").await;
    app.action(&tenant, &tenant.token, &tenant.admin_id, "deactivate")
        .await
        .problem(409, "last_admin");

    let (second, second_session) = app
        .active_member(&tenant, "admin2@example.com", "admin")
        .await;
    assert_eq!(app.stats(&tenant).await["admins"], 2);
    app.action(&tenant, &second_session, &tenant.admin_id, "deactivate")
        .await
        .ok(200);
    let second_id = second["id"].as_str().unwrap();
    app.action(&tenant, &second_session, second_id, "deactivate")
        .await
        .problem(409, "last_admin");
    let stats = app
        .get(
            &format!("/v1/tenants/{}/stats", tenant.id),
            Some(&second_session),
        )
        .await;
    assert_eq!(stats.ok(200)["admins"], 1);
    // The deactivated first admin is locked out at once.
    app.get(
        &format!("/v1/tenants/{}/users", tenant.id),
        Some(&tenant.token),
    )
    .await
    .problem(404, "not_found");
}

#[tokio::test]
async fn another_tenants_people_are_invisible() {
    let app = TestApp::spawn().await;
    let a = app.tenant("Hotel A").await;
    let b = app.tenant("Hotel B").await;
    let in_a = app.invite_ok(&a, "ina@example.com", "user").await;
    let a_user = in_a["id"].as_str().unwrap();

    // B's admin on A's routes: 404, never 403, as if A did not exist.
    for path in [
        format!("/v1/tenants/{}/users", a.id),
        format!("/v1/tenants/{}/stats", a.id),
        format!("/v1/tenants/{}/users/{a_user}", a.id),
    ] {
        app.get(&path, Some(&b.token))
            .await
            .problem(404, "not_found");
    }
    app.action(&a, &b.token, a_user, "deactivate")
        .await
        .problem(404, "not_found");
    app.invite(&a, &b.token, json!({"email": "sneaky@example.com"}))
        .await
        .problem(404, "not_found");
    // A's member through B's path: not found either.
    app.get(
        &format!("/v1/tenants/{}/users/{a_user}", b.id),
        Some(&b.token),
    )
    .await
    .problem(404, "not_found");
    app.action(&b, &b.token, a_user, "reinvite")
        .await
        .problem(404, "not_found");
    // Ids that are not UUIDs, and tenants that do not exist.
    app.get("/v1/tenants/not-a-uuid/users", Some(&b.token))
        .await
        .problem(404, "not_found");
    app.get(
        &format!("/v1/tenants/{}/users", uuid::Uuid::now_v7()),
        Some(&b.token),
    )
    .await
    .problem(404, "not_found");
    assert_eq!(app.member(&a, a_user).await["status"], "invited");
}
