//! Languages: an invitation's `locale` (or the tenant's) decides the language of its email
//! (subject and both parts), its SMS, its printed sheet and what the accept page is told; an
//! unsupported one is refused and changes nothing.

use serde_json::json;

use crate::helpers::TestApp;

#[tokio::test]
async fn an_invitation_in_spanish_is_sent_and_shown_in_spanish() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Sol").await;
    let member = app
        .invite(
            &tenant,
            &tenant.token,
            json!({"email": "ana@example.com", "phone": "+34600111222", "first_name": "Ana",
                   "last_name": "Ruiz", "role": "agent", "agent_ids": ["voz-1"],
                   "channels": ["email", "sms"], "locale": "es"}),
        )
        .await
        .ok(201)
        .clone();
    assert_eq!(member["locale"], "es");
    let mail = &app.outbox("ana@example.com").await[0];
    let subject = mail["subject"].as_str().unwrap();
    assert!(subject.contains("te ha invitado"), "{subject}");
    let text = mail["text"].as_str().unwrap();
    let html = mail["html"].as_str().unwrap();
    assert!(text.contains("Hola, Ana"), "{text}");
    assert!(text.contains("como agente"), "{text}");
    assert!(text.contains("24 horas"), "{text}");
    assert!(html.contains("<html lang=\"es\" dir=\"ltr\">"), "{html}");
    assert!(html.contains("Aceptar la invitaci"), "{html}");
    let sms = &app.outbox("+34600111222").await[0];
    let sms_text = sms["text"].as_str().unwrap();
    assert!(sms_text.contains("Acepta antes del"), "{sms_text}");
    assert!(sms_text.chars().count() <= 160);

    // The accept page is told the invitation's language (it loads /i18n/es.json).
    let token = crate::helpers::token_in(text);
    assert_eq!(app.preview(&token).await.ok(200)["locale"], "es");
    let catalogue = app.get("/i18n/es.json", None).await;
    let catalogue = catalogue.ok(200);
    assert_eq!(catalogue["dir"], "ltr");
    assert_eq!(
        catalogue["messages"]["page-accept-button"],
        "Aceptar invitación"
    );
    assert_eq!(app.get("/i18n/ar.json", None).await.ok(200)["dir"], "rtl");
    app.get("/i18n/xx.json", None)
        .await
        .problem(404, "not_found");
}

#[tokio::test]
async fn without_a_locale_the_tenants_language_is_used_and_an_unknown_one_is_refused() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hôtel Soleil").await;
    app.send(
        reqwest::Method::PATCH,
        &format!("/v1/tenants/{}/settings", tenant.id),
        Some(&tenant.token),
        Some(json!({"locale": "fr"})),
    )
    .await
    .ok(200);
    let member = app.invite_ok(&tenant, "luc@example.com", "user").await;
    assert!(member["locale"].is_null(), "it follows the tenant's");
    let mail = &app.outbox("luc@example.com").await[0];
    assert!(
        mail["html"].as_str().unwrap().contains("lang=\"fr\""),
        "{mail}"
    );
    assert!(mail["text"].as_str().unwrap().contains("Bonjour"), "{mail}");

    // A regional variant is its language; an unknown language changes nothing.
    let regional = app
        .invite(
            &tenant,
            &tenant.token,
            json!({"email": "joao@example.com", "locale": "pt-PT"}),
        )
        .await;
    assert_eq!(regional.ok(201)["locale"], "pt-BR");
    let before = app.list_all(&tenant, "", 50).await.len();
    app.invite(
        &tenant,
        &tenant.token,
        json!({"email": "x@example.com", "locale": "tlh"}),
    )
    .await
    .problem(400, "locale_not_supported");
    assert_eq!(app.list_all(&tenant, "", 50).await.len(), before);
    assert!(app.outbox("x@example.com").await.is_empty());

    // An admin changes a member's language; the next email speaks it.
    let user = member["id"].as_str().unwrap();
    let path = format!("/v1/tenants/{}/users/{user}", tenant.id);
    app.send(
        reqwest::Method::PATCH,
        &path,
        Some(&tenant.token),
        Some(json!({"locale": "de"})),
    )
    .await
    .ok(200);
    app.send(
        reqwest::Method::PATCH,
        &path,
        Some(&tenant.token),
        Some(json!({"locale": "klingon"})),
    )
    .await
    .problem(400, "locale_not_supported");
    app.action(&tenant, &tenant.token, user, "reinvite")
        .await
        .ok(200);
    let mail = app.outbox("luc@example.com").await;
    assert!(
        mail.last().unwrap()["text"]
            .as_str()
            .unwrap()
            .contains("Hallo"),
        "{mail:?}"
    );
}
