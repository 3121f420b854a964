//! What happens to an invitation after it is queued: the local outbox plays SES's mailbox
//! simulator, a hard bounce or a complaint suppresses the address in the tenant, and an admin
//! manages the suppression list.

use serde_json::{Value, json};

use crate::helpers::{Tenant, TestApp};

/// The member once its email delivery reads `want` (within 2 seconds, as API.md promises).
async fn email_delivery_becomes(app: &TestApp, tenant: &Tenant, user: &str, want: &str) -> Value {
    let started = std::time::Instant::now();
    loop {
        let member = app.member(tenant, user).await;
        if member["delivery"]["email"] == want {
            return member;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(2),
            "delivery.email is {} after 2 s, not {want}: {member}",
            member["delivery"]["email"]
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn the_mailbox_simulator_delivers_bounces_and_complains_as_ses_would() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Simulador").await;
    for (address, want) in [
        ("success@simulator.amazonses.com", "delivered"),
        ("bounce@simulator.amazonses.com", "bounced"),
        ("complaint@simulator.amazonses.com", "complained"),
    ] {
        let member = app.invite_ok(&tenant, address, "user").await;
        assert_eq!(member["delivery"]["email"], "pending", "{address}");
        let user = member["id"].as_str().unwrap();
        let member = email_delivery_becomes(&app, &tenant, user, want).await;
        if want != "delivered" {
            assert!(
                member["delivery_errors"]["email"].is_string(),
                "{address}: the provider's words are kept: {member}"
            );
        }
    }
    let listed = app
        .get(
            &format!("/v1/tenants/{}/suppressions", tenant.id),
            Some(&tenant.token),
        )
        .await;
    let items = listed.ok(200)["items"].as_array().unwrap().clone();
    let listed: Vec<(&str, &str)> = items
        .iter()
        .map(|i| {
            (
                i["address"].as_str().unwrap(),
                i["reason"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            ("bounce@simulator.amazonses.com", "bounce"),
            ("complaint@simulator.amazonses.com", "complaint")
        ],
        "a hard bounce and a complaint suppress; a delivery does not"
    );
}

#[tokio::test]
async fn a_suppressed_address_is_refused_until_an_admin_clears_it_and_only_in_its_tenant() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Rebote").await;
    let other = app.tenant("Hotel Vecino").await;
    let address = "bounce@simulator.amazonses.com";
    let member = app.invite_ok(&tenant, address, "user").await;
    let user = member["id"].as_str().unwrap().to_string();
    email_delivery_becomes(&app, &tenant, &user, "bounced").await;

    // A reinvite sends nothing more to it; invitations to it are refused.
    app.action(&tenant, &tenant.token, &user, "reinvite")
        .await
        .ok(200);
    let reinvited = email_delivery_becomes(&app, &tenant, &user, "failed").await;
    assert!(
        reinvited["delivery_errors"]["email"]
            .as_str()
            .is_some_and(|e| e.contains("suppressed")),
        "{reinvited}"
    );
    app.action(&tenant, &tenant.token, &user, "deactivate")
        .await
        .ok(200);
    let before = app.stats(&tenant).await;
    app.invite(&tenant, &tenant.token, json!({"email": address}))
        .await
        .problem(409, "address_suppressed");
    assert_eq!(app.stats(&tenant).await, before, "nothing written");
    // Another tenant's list is its own.
    app.invite(
        &other,
        &other.token,
        json!({"email": "Bounce@Simulator.AmazonSES.com"}),
    )
    .await
    .ok(201);

    // Only admins see or clear the list; another tenant's admin finds nothing.
    let path = format!("/v1/tenants/{}/suppressions/{address}", tenant.id);
    let (_, manager) = app
        .active_member(&tenant, "manager@example.com", "manager")
        .await;
    app.get(
        &format!("/v1/tenants/{}/suppressions", tenant.id),
        Some(&manager),
    )
    .await
    .problem(403, "forbidden");
    app.send(reqwest::Method::DELETE, &path, Some(&manager), None)
        .await
        .problem(403, "forbidden");
    app.send(reqwest::Method::DELETE, &path, Some(&other.token), None)
        .await
        .problem(404, "not_found");
    let cleared = app
        .send(reqwest::Method::DELETE, &path, Some(&tenant.token), None)
        .await;
    assert_eq!(cleared.status, 204, "{:?}", cleared.body);
    app.send(reqwest::Method::DELETE, &path, Some(&tenant.token), None)
        .await
        .problem(404, "not_found");
    app.invite(&tenant, &tenant.token, json!({"email": address}))
        .await
        .ok(201);
}

#[tokio::test]
async fn a_suppression_page_cursor_works_only_for_its_tenant() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Lista").await;
    let other = app.tenant("Hotel Ajeno").await;
    for i in 0..3 {
        let address = format!("bounce+{i}@simulator.amazonses.com");
        let user = app.invite_ok(&tenant, &address, "user").await["id"]
            .as_str()
            .unwrap()
            .to_string();
        email_delivery_becomes(&app, &tenant, &user, "bounced").await;
    }
    let first = app
        .get(
            &format!("/v1/tenants/{}/suppressions?limit=2", tenant.id),
            Some(&tenant.token),
        )
        .await;
    let first = first.ok(200).clone();
    assert_eq!(first["items"].as_array().unwrap().len(), 2);
    let cursor = first["next_cursor"]
        .as_str()
        .expect("a next page")
        .to_string();
    let rest = app
        .get(
            &format!(
                "/v1/tenants/{}/suppressions?limit=2&cursor={cursor}",
                tenant.id
            ),
            Some(&tenant.token),
        )
        .await;
    assert_eq!(rest.ok(200)["items"].as_array().unwrap().len(), 1);
    app.get(
        &format!("/v1/tenants/{}/suppressions?cursor={cursor}", other.id),
        Some(&other.token),
    )
    .await
    .problem(400, "invalid_cursor");
}
