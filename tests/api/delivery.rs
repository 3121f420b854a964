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

/// A provider's event names the outbox entry it is about. One about an earlier invitation that
/// arrives after the member's address changed says nothing about the new address: it
/// suppresses nothing. And an admin clears an address by any spelling of it (an
/// internationalised domain in Unicode or in its ASCII form, any case).
#[tokio::test]
async fn a_late_bounce_of_an_earlier_address_suppresses_nothing_and_any_spelling_clears() {
    use invitations::usecases::events::{ProviderEvent, record};
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Bücher").await;
    let member = app.invite_ok(&tenant, "ana@bücher.example", "user").await;
    assert_eq!(member["email"], "ana@xn--bcher-kva.example", "{member}");
    let user = member["id"].as_str().unwrap().to_string();
    let key = |generation| invitations::store::OutboxKey {
        tenant_id: tenant.id.parse().unwrap(),
        user_id: user.parse().unwrap(),
        generation,
        channel: invitations::model::Channel::Email,
    };
    let bounce = ProviderEvent::Bounced {
        permanent: true,
        detail: Some("smtp; 550 5.1.1 user unknown".into()),
    };
    let listed = || async {
        let page = app
            .get(
                &format!("/v1/tenants/{}/suppressions", tenant.id),
                Some(&tenant.token),
            )
            .await;
        page.ok(200)["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["address"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        app.delivered(&tenant, &user, "email").await["delivery"]["email"],
        "sent"
    );
    record(&app.app, &key(1), &bounce).await.unwrap();
    assert_eq!(listed().await, ["ana@xn--bcher-kva.example"]);
    assert_eq!(
        app.member(&tenant, &user).await["delivery"]["email"],
        "bounced"
    );
    // A Delivery event arriving after the bounce (a repeat, or out of order) undoes nothing.
    record(&app.app, &key(1), &ProviderEvent::Delivered)
        .await
        .unwrap();
    assert_eq!(
        app.member(&tenant, &user).await["delivery"]["email"],
        "bounced"
    );

    // Typed as the admin sees it in Unicode and capitals: cleared.
    let path = format!(
        "/v1/tenants/{}/suppressions/Ana@B%C3%9CCHER.example",
        tenant.id
    );
    let cleared = app
        .send(reqwest::Method::DELETE, &path, Some(&tenant.token), None)
        .await;
    assert_eq!(cleared.status, 204, "{:?}", cleared.body);
    assert!(listed().await.is_empty());
    // Not an address at all: on no list.
    let junk = format!("/v1/tenants/{}/suppressions/not-an-address", tenant.id);
    app.send(reqwest::Method::DELETE, &junk, Some(&tenant.token), None)
        .await
        .problem(404, "not_found");

    // The admin corrects the address (the earlier links die: a new generation); the old
    // address's bounce, arriving late, suppresses nothing and leaves the member alone.
    let r = app
        .client
        .patch(format!(
            "{}/v1/tenants/{}/users/{user}",
            app.base, tenant.id
        ))
        .bearer_auth(&tenant.token)
        .json(&json!({"email": "ana@example.com"}))
        .send()
        .await
        .unwrap();
    TestApp::reply(r).await.ok(200);
    let before = app.delivered(&tenant, &user, "email").await["delivery"]["email"].clone();
    record(&app.app, &key(1), &bounce).await.unwrap();
    assert!(
        listed().await.is_empty(),
        "the new address is not suppressed"
    );
    assert_eq!(
        app.member(&tenant, &user).await["delivery"]["email"],
        before
    );
}

/// The sweep reads each outbox shard to its end: an entry waiting behind a hundred others that
/// are backing off (not due for an hour) is still sent.
#[tokio::test]
async fn the_sweep_reaches_an_entry_behind_a_page_of_entries_not_due_yet() {
    use invitations::model::Channel;
    use invitations::store::{OUTBOX_SHARDS, OutboxEntry, OutboxKey, OutboxState};
    let app = TestApp::spawn_with(
        crate::helpers::aws_backend(),
        crate::helpers::Options {
            no_courier: true,
            ..Default::default()
        },
    )
    .await;
    let tenant = app.tenant("Hotel Cola").await;
    let member = app.invite_ok(&tenant, "behind@example.com", "user").await;
    let user: uuid::Uuid = member["id"].as_str().unwrap().parse().unwrap();
    let shard = user.as_u128() as u32 % OUTBOX_SHARDS;
    let now = app.app.clock.now();
    // 120 entries of the same shard that sort first (the nil tenant) and are not due.
    let mut queued = 0;
    while queued < 120 {
        let other = uuid::Uuid::now_v7();
        if other.as_u128() as u32 % OUTBOX_SHARDS != shard {
            continue;
        }
        let mut tx = app.app.store.tx();
        tx.queue_message(&OutboxEntry {
            key: OutboxKey {
                tenant_id: uuid::Uuid::nil(),
                user_id: other,
                generation: 1,
                channel: Channel::Email,
            },
            tenant_name: "Elsewhere".into(),
            queued_at: now,
            next_attempt_at: now + chrono::Duration::hours(1),
            attempts: 1,
            count_limits: false,
            state: OutboxState::Queued,
            last_error: None,
        });
        app.app.store.commit(tx).await.unwrap();
        queued += 1;
    }
    app.advance_clock(10).await;
    app.deliver_outbox().await;
    assert_eq!(app.outbox("behind@example.com").await.len(), 1);
}
