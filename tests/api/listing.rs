use std::collections::HashSet;

use serde_json::json;

use crate::helpers::{PASSWORD, TestApp, ids};

const PEOPLE: [(&str, &str, &str); 12] = [
    ("Ana", "Ruiz", "ana.ruiz@example.com"),
    ("Andrés", "Gil", "agil@example.com"),
    ("Brian", "Anderson", "brian@example.com"),
    ("Ann", "Annis", "ann@example.com"),
    ("Carla", "Mendez", "c.mendez@example.com"),
    ("Diego", "Sanz", "diego@example.com"),
    ("Eva", "Lopez", "eva@example.com"),
    ("Fran", "Ortega", "fran@example.com"),
    ("Gema", "Pardo", "anagram@example.com"),
    ("Hugo", "Vidal", "hugo@example.com"),
    ("Irene", "Soto", "irene@example.com"),
    ("Jon", "Uria", "jon@example.com"),
];

#[tokio::test]
async fn paging_returns_every_member_exactly_once_and_stats_agree_with_the_lists() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Lista").await;
    let mut created = vec![tenant.admin_id.clone()];
    for (first, last, email) in PEOPLE {
        let r = app
            .invite(
                &tenant,
                &tenant.token,
                json!({"email": email, "first_name": first, "last_name": last}),
            )
            .await;
        created.push(r.ok(201)["id"].as_str().unwrap().to_string());
    }
    // Move some through the lifecycle: 2 active, 1 deactivated, 2 cancelled.
    for i in [6usize, 7] {
        let token = app.latest_token(PEOPLE[i].2).await;
        app.accept(&token, PASSWORD).await.ok(200);
    }
    app.action(&tenant, &tenant.token, &created[8], "deactivate")
        .await
        .ok(200); // Fran: deactivated
    app.action(&tenant, &tenant.token, &created[9], "deactivate")
        .await
        .ok(200); // Gema: cancelled
    app.action(&tenant, &tenant.token, &created[10], "deactivate")
        .await
        .ok(200); // Hugo: cancelled

    for limit in [1, 3, 5, 50] {
        let all = app.list_all(&tenant, "", limit).await;
        let inactive = app.list_all(&tenant, "&tab=inactive", limit).await;
        let (a, i) = (ids(&all), ids(&inactive));
        assert_eq!(
            a.len(),
            a.iter().collect::<HashSet<_>>().len(),
            "no duplicates at limit {limit}"
        );
        assert_eq!(
            a.len() + i.len(),
            created.len(),
            "every member once at limit {limit}"
        );
        let union: HashSet<_> = a.iter().chain(i.iter()).cloned().collect();
        assert_eq!(union, created.iter().cloned().collect::<HashSet<_>>());
        assert!(all.iter().all(|m| {
            ["scheduled", "invited", "expired", "active"].contains(&m["status"].as_str().unwrap())
        }));
        assert!(
            inactive
                .iter()
                .all(|m| ["deactivated", "cancelled"].contains(&m["status"].as_str().unwrap()))
        );
    }
    let newest_first = ids(&app.list_all(&tenant, "", 50).await);
    assert_eq!(newest_first.first(), Some(&created[12]), "newest first");

    let stats = app.stats(&tenant).await;
    let count = |q: &str| {
        let app = &app;
        let tenant = &tenant;
        let q = q.to_string();
        async move { app.list_all(tenant, &q, 4).await.len() as i64 }
    };
    assert_eq!(
        stats["active"].as_i64().unwrap(),
        count("&status=active").await
    );
    assert_eq!(
        stats["invited"].as_i64().unwrap(),
        count("&status=invited").await + count("&status=expired").await
    );
    assert_eq!(
        stats["deactivated"].as_i64().unwrap(),
        count("&status=deactivated").await
    );
    assert_eq!(
        stats["cancelled"].as_i64().unwrap(),
        count("&status=cancelled").await
    );
    assert_eq!(
        stats["admins"].as_i64().unwrap(),
        count("&status=active&role=admin").await
    );
    assert_eq!(
        stats["standard"].as_i64().unwrap(),
        stats["active"].as_i64().unwrap() - stats["admins"].as_i64().unwrap()
    );
    // Admin + Eva active; Fran accepted then deactivated; Gema and Hugo cancelled; 8 invited.
    assert_eq!(stats["active"], 2);
    assert_eq!(stats["deactivated"], 1);
    assert_eq!(stats["cancelled"], 2);
    assert_eq!(stats["invited"], 8);
    assert_eq!(stats["scheduled"], 0);
}

#[tokio::test]
async fn search_is_a_case_insensitive_prefix_of_first_name_last_name_or_email_and_lists_each_member_once()
 {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Busca").await;
    for (first, last, email) in PEOPLE {
        app.invite(
            &tenant,
            &tenant.token,
            json!({"email": email, "first_name": first, "last_name": last}),
        )
        .await
        .ok(201);
    }
    let names = |items: Vec<serde_json::Value>| {
        let mut n: Vec<String> = items
            .iter()
            .map(|m| m["first_name"].as_str().unwrap().to_string())
            .collect();
        n.sort();
        n
    };
    for limit in [1, 2, 50] {
        // "an": Ana (first), Andrés (first), Brian Anderson (last), Ann Annis (both), Gema (email "anagram@").
        assert_eq!(
            names(app.list_all(&tenant, "&q=AN", limit).await),
            vec!["Ana", "Andrés", "Ann", "Brian", "Gema"],
            "limit {limit}"
        );
    }
    assert_eq!(
        names(app.list_all(&tenant, "&q=ruiz", 50).await),
        vec!["Ana"]
    );
    assert_eq!(
        names(app.list_all(&tenant, "&q=c.mendez@", 50).await),
        vec!["Carla"]
    );
    assert!(
        app.list_all(&tenant, "&q=uiz", 50).await.is_empty(),
        "a prefix, not a substring"
    );
    assert_eq!(
        names(app.list_all(&tenant, "&q=andr%C3%A9s", 50).await),
        vec!["Andrés"]
    );
    assert_eq!(
        names(app.list_all(&tenant, "&q=an&role=admin", 50).await),
        Vec::<String>::new()
    );
}

#[tokio::test]
async fn a_cursor_only_works_for_its_own_tenant_and_query() {
    let app = TestApp::spawn().await;
    let a = app.tenant("Hotel Cursor A").await;
    let b = app.tenant("Hotel Cursor B").await;
    for i in 0..4 {
        app.invite_ok(&a, &format!("c{i}@example.com"), "user")
            .await;
        app.invite_ok(&b, &format!("c{i}@example.com"), "user")
            .await;
    }
    let page = app
        .get(
            &format!("/v1/tenants/{}/users?limit=2", a.id),
            Some(&a.token),
        )
        .await;
    let cursor = page.ok(200)["next_cursor"]
        .as_str()
        .expect("a next cursor")
        .to_string();
    app.get(
        &format!("/v1/tenants/{}/users?limit=2&cursor={cursor}", a.id),
        Some(&a.token),
    )
    .await
    .ok(200);
    app.get(
        &format!("/v1/tenants/{}/users?limit=2&cursor={cursor}", b.id),
        Some(&b.token),
    )
    .await
    .problem(400, "invalid_cursor");
    app.get(
        &format!("/v1/tenants/{}/users?limit=2&q=c&cursor={cursor}", a.id),
        Some(&a.token),
    )
    .await
    .problem(400, "invalid_cursor");
    let mut tampered = cursor.clone();
    tampered.insert(3, 'x');
    app.get(
        &format!("/v1/tenants/{}/users?limit=2&cursor={tampered}", a.id),
        Some(&a.token),
    )
    .await
    .problem(400, "invalid_cursor");
    app.get(
        &format!("/v1/tenants/{}/users?limit=2&cursor=garbage", a.id),
        Some(&a.token),
    )
    .await
    .problem(400, "invalid_cursor");
}

#[tokio::test]
async fn list_parameters_are_validated() {
    let app = TestApp::spawn().await;
    let t = app.tenant("Hotel Params").await;
    for (query, field) in [
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=x", "limit"),
        ("tab=old", "tab"),
        ("status=gone", "status"),
        ("role=king", "role"),
        ("sort=name", "sort"),
    ] {
        let r = app
            .get(
                &format!("/v1/tenants/{}/users?{query}", t.id),
                Some(&t.token),
            )
            .await;
        r.problem(400, "validation_failed");
        assert_eq!(r.body["errors"][0]["field"], field, "{query}");
    }
}

#[tokio::test]
async fn an_admin_reads_the_tenant_s_enabled_products_and_nobody_else_does() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Productos").await;
    let other = app.tenant("Hotel Ajeno").await;
    let path = format!("/v1/tenants/{}", tenant.id);

    let r = app.get(&path, Some(&tenant.token)).await;
    let body = r.ok(200);
    assert_eq!(body["name"], "Hotel Productos");
    assert_eq!(body["products"], json!(["chat", "service"]));
    assert_eq!(body["sms_countries"], json!(["ES"]));

    // Another tenant's admin learns nothing; a member without admin rights is refused.
    app.get(&path, Some(&other.token))
        .await
        .problem(404, "not_found");
    let (_, agent) = app
        .active_member(&tenant, "plain@example.com", "user")
        .await;
    app.get(&path, Some(&agent)).await.problem(403, "forbidden");
    app.get(&path, None).await.problem(401, "unauthenticated");
}
