//! A tenant's settings: who reads and changes them, what bad input gets, and what they change
//! in the invitations that follow (allowed domains, the links' lifetime, the emails' branding).

use serde_json::{Value, json};

use crate::helpers::{Reply, Tenant, TestApp};

fn path(tenant: &Tenant) -> String {
    format!("/v1/tenants/{}/settings", tenant.id)
}

async fn patch(app: &TestApp, tenant: &Tenant, token: &str, body: Value) -> Reply {
    app.send(
        reqwest::Method::PATCH,
        &path(tenant),
        Some(token),
        Some(body),
    )
    .await
}

#[tokio::test]
async fn admins_and_managers_read_the_settings_only_admins_change_them_and_bad_input_changes_nothing()
 {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Ajustes").await;
    let other = app.tenant("Hotel Ajeno").await;
    let defaults = app.get(&path(&tenant), Some(&tenant.token)).await;
    let defaults = defaults.ok(200).clone();
    assert_eq!(defaults["locale"], "en");
    assert_eq!(defaults["invitation_ttl_hours"], 24);
    assert_eq!(defaults["allowed_email_domains"], json!([]));
    assert_eq!(defaults["renewal"], "approval");
    assert_eq!(defaults["name"], "Hotel Ajustes");

    let (_, manager) = app
        .active_member(&tenant, "manager@example.com", "manager")
        .await;
    let (_, agent) = app
        .active_member(&tenant, "agent@example.com", "user")
        .await;
    assert_eq!(
        app.get(&path(&tenant), Some(&manager)).await.ok(200),
        &defaults
    );
    app.get(&path(&tenant), Some(&agent))
        .await
        .problem(403, "forbidden");
    app.get(&path(&tenant), Some(&other.token))
        .await
        .problem(404, "not_found");
    patch(&app, &tenant, &manager, json!({"locale": "es"}))
        .await
        .problem(403, "forbidden");
    patch(&app, &tenant, &other.token, json!({"locale": "es"}))
        .await
        .problem(404, "not_found");

    // Every bad field is named; nothing is written.
    let bad = patch(
        &app,
        &tenant,
        &tenant.token,
        json!({"name": "Renamed", "invitation_ttl_hours": 500, "products": ["chat"],
               "branding": {"accent_color": "blue", "logo_url": "http://insecure.example/l.png"}}),
    )
    .await;
    bad.problem(400, "validation_failed");
    let fields = bad.fields();
    for f in [
        "invitation_ttl_hours",
        "products",
        "branding.accent_color",
        "branding.logo_url",
    ] {
        assert!(fields.contains(&f), "{f} in {fields:?}");
    }
    patch(&app, &tenant, &tenant.token, json!({"locale": "tlh"}))
        .await
        .problem(400, "locale_not_supported");
    patch(&app, &tenant, &tenant.token, json!({"colour": "red"}))
        .await
        .problem(400, "validation_failed");
    assert_eq!(
        app.get(&path(&tenant), Some(&tenant.token)).await.ok(200),
        &defaults,
        "nothing changed"
    );

    let changed = patch(
        &app,
        &tenant,
        &tenant.token,
        json!({"name": "Hotel Ajustado", "locale": "pt-br", "renewal": "automatic",
               "sms_countries": ["es", "PT"], "branding": {"accent_color": "#0A7D5A"}}),
    )
    .await;
    let changed = changed.ok(200).clone();
    assert_eq!(changed["locale"], "pt-BR");
    assert_eq!(changed["renewal"], "automatic");
    assert_eq!(changed["sms_countries"], json!(["ES", "PT"]));
    assert_eq!(changed["branding"]["accent_color"], "#0a7d5a");
    assert_eq!(
        app.get(&path(&tenant), Some(&manager)).await.ok(200),
        &changed
    );
    // The new name is the tenant's at once: its next invitation says it.
    app.invite_ok(&tenant, "renamed@example.com", "user").await;
    let mail = app.outbox("renamed@example.com").await;
    assert!(
        mail[0]["subject"]
            .as_str()
            .unwrap()
            .contains("Hotel Ajustado"),
        "{}",
        mail[0]["subject"]
    );
}

#[tokio::test]
async fn allowed_domains_refuse_every_other_domain_on_invite_batch_and_edit() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Dominio").await;
    patch(
        &app,
        &tenant,
        &tenant.token,
        json!({"allowed_email_domains": ["HotelDominio.example", "@bücher.example"]}),
    )
    .await
    .ok(200);
    let before = app.stats(&tenant).await;
    app.invite(
        &tenant,
        &tenant.token,
        json!({"email": "ana@elsewhere.example"}),
    )
    .await
    .problem(400, "domain_not_allowed");
    // A subdomain is another domain.
    app.invite(
        &tenant,
        &tenant.token,
        json!({"email": "ana@mail.hoteldominio.example"}),
    )
    .await
    .problem(400, "domain_not_allowed");
    assert_eq!(app.stats(&tenant).await, before, "nothing written");
    let ana = app
        .invite_ok(&tenant, "ana@HOTELDOMINIO.example", "user")
        .await;
    app.invite_ok(&tenant, "eva@bücher.example", "user").await;
    let batch = app
        .post(
            &format!("/v1/tenants/{}/invitations/batch", tenant.id),
            Some(&tenant.token),
            json!({"invitees": [{"email": "ok@hoteldominio.example"}, {"email": "no@gmail.example"}]}),
        )
        .await;
    let results = batch.ok(200)["results"].as_array().unwrap().clone();
    assert_eq!(results[0]["status"], "created");
    assert_eq!(results[1]["error"]["code"], "domain_not_allowed");
    // Moving a member's email elsewhere is refused too.
    let user = ana["id"].as_str().unwrap();
    let moved = app
        .send(
            reqwest::Method::PATCH,
            &format!("/v1/tenants/{}/users/{user}", tenant.id),
            Some(&tenant.token),
            Some(json!({"email": "ana@elsewhere.example"})),
        )
        .await;
    moved.problem(400, "domain_not_allowed");

    // Narrowed since: a member invited to a domain no longer allowed is not sent a new link.
    patch(
        &app,
        &tenant,
        &tenant.token,
        json!({"allowed_email_domains": ["bücher.example"]}),
    )
    .await
    .ok(200);
    let sent = app.outbox("ana@HOTELDOMINIO.example").await.len();
    app.action(&tenant, &tenant.token, user, "reinvite")
        .await
        .problem(400, "domain_not_allowed");
    assert_eq!(app.outbox("ana@HOTELDOMINIO.example").await.len(), sent);
}

#[tokio::test]
async fn a_two_hour_lifetime_makes_the_next_links_expire_after_two_hours() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Breve").await;
    patch(
        &app,
        &tenant,
        &tenant.token,
        json!({"invitation_ttl_hours": 2}),
    )
    .await
    .ok(200);
    let member = app.invite_ok(&tenant, "short@example.com", "user").await;
    let invited =
        chrono::DateTime::parse_from_rfc3339(member["invited_at"].as_str().unwrap()).unwrap();
    let expires =
        chrono::DateTime::parse_from_rfc3339(member["invite_expires_at"].as_str().unwrap())
            .unwrap();
    assert_eq!(expires - invited, chrono::Duration::hours(2));
    let token = app.latest_token("short@example.com").await;
    app.advance_clock(2 * 3600 - 60).await;
    app.preview(&token).await.ok(200);
    app.advance_clock(120).await;
    app.preview(&token).await.problem(410, "invitation_expired");
    let user = member["id"].as_str().unwrap();
    assert_eq!(app.member(&tenant, user).await["status"], "expired");
}

#[tokio::test]
async fn the_locale_and_branding_show_in_the_next_email() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Marca").await;
    patch(
        &app,
        &tenant,
        &tenant.token,
        json!({"locale": "ar", "branding": {"sender_name": "Hotel Marca RR.HH.", "reply_to": "rrhh@hotelmarca.example",
               "accent_color": "#0a7d5a", "logo_url": "https://cdn.hotelmarca.example/logo.png"}}),
    )
    .await
    .ok(200);
    let invited = app.invite_ok(&tenant, "branded@example.com", "user").await;
    let mail = app.outbox("branded@example.com").await;
    let mail = &mail[0];
    assert_eq!(mail["sender_name"], "Hotel Marca RR.HH.", "{mail}");
    assert_eq!(mail["reply_to"], "rrhh@hotelmarca.example");
    let html = mail["html"].as_str().unwrap();
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"), "{html}");
    assert!(html.contains("background:#0a7d5a"), "{html}");
    assert!(
        html.contains("src=\"https://cdn.hotelmarca.example/logo.png\""),
        "{html}"
    );
    assert!(
        html.contains("color:#ffffff"),
        "white reads on a dark accent: {html}"
    );

    // The accept page is told the same (it applies them), and so is the printed invitation.
    let token = crate::helpers::token_in(mail["text"].as_str().unwrap());
    let preview = app.preview(&token).await;
    let preview = preview.ok(200);
    assert_eq!(preview["locale"], "ar");
    assert_eq!(preview["branding"]["accent_color"], "#0a7d5a");
    assert_eq!(
        preview["branding"]["logo_url"],
        "https://cdn.hotelmarca.example/logo.png"
    );
    let user = invited["id"].as_str().unwrap().to_string();
    let printed = app
        .client
        .post(format!(
            "{}/v1/tenants/{}/users/{user}/invitation-link",
            app.base, tenant.id
        ))
        .bearer_auth(&tenant.token)
        .json(&json!({"format": "print"}))
        .send()
        .await
        .unwrap();
    let csp = printed.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp.contains("img-src data: https:"), "{csp}");
    let page = printed.text().await.unwrap();
    assert!(page.contains("<html lang=\"ar\" dir=\"rtl\">"), "{page}");
    assert!(page.contains("solid #0a7d5a"), "{page}");
    assert!(
        page.contains("src=\"https://cdn.hotelmarca.example/logo.png\""),
        "{page}"
    );

    // A light accent gets dark text on its buttons (white would not read).
    patch(
        &app,
        &tenant,
        &tenant.token,
        json!({"branding": {"accent_color": "#ffd400"}}),
    )
    .await
    .ok(200);
    app.action(&tenant, &tenant.token, &user, "reinvite")
        .await
        .ok(200);
    let mail = app.outbox("branded@example.com").await;
    let html = mail.last().unwrap()["html"].as_str().unwrap().to_string();
    assert!(html.contains("background:#ffd400;color:#111827"), "{html}");
}
