use serde_json::json;

use crate::helpers::{PASSWORD, TestApp};

fn code_in(text: &str) -> String {
    let start = text.find("code is ").expect("a code") + "code is ".len();
    text[start..start + 9].replace('-', "")
}

#[tokio::test]
async fn a_verified_phone_sign_up_joins_the_pending_invitations_for_that_number_in_two_tenants_at_once()
 {
    let app = TestApp::spawn().await;
    let a = app.tenant("Hotel Uno").await;
    let b = app.tenant("Hotel Dos").await;
    let in_a = app
        .invite(
            &a,
            &a.token,
            json!({"phone": "+34 644 555 666", "first_name": "Rosa", "channels": []}),
        )
        .await;
    let in_b = app
        .invite(
            &b,
            &b.token,
            json!({"phone": "+34644555666", "role": "user", "channels": []}),
        )
        .await;
    let (a_user, b_user) = (
        in_a.ok(201)["id"].as_str().unwrap().to_string(),
        in_b.ok(201)["id"].as_str().unwrap().to_string(),
    );

    // A number nobody invited gets the same answer and no text.
    app.post(
        "/v1/signup/phone",
        None,
        json!({"phone": "+34 699 000 000"}),
    )
    .await
    .ok(202);
    assert!(app.outbox("+34699000000").await.is_empty());

    app.post(
        "/v1/signup/phone",
        None,
        json!({"phone": "+34 644 555 666"}),
    )
    .await
    .ok(202);
    let texts = app.outbox("+34644555666").await;
    assert_eq!(texts.len(), 1);
    let code = code_in(texts[0]["text"].as_str().unwrap());

    let body = |code: &str| json!({"phone": "+34644555666", "code": code, "first_name": "Rosa", "last_name": "Vidal", "password": PASSWORD, "consent": true});
    app.post("/v1/signup/phone/verify", None, body("AAAAAAAA"))
        .await
        .problem(401, "invalid_credentials");
    // Without the person's consent nothing happens (and the code is not spent).
    let mut unconsented = body(&code);
    unconsented["consent"] = json!(false);
    let refused = app.post("/v1/signup/phone/verify", None, unconsented).await;
    refused.problem(400, "validation_failed");
    assert_eq!(refused.body["errors"][0]["field"], "consent");
    let r = app.post("/v1/signup/phone/verify", None, body(&code)).await;
    let joined = r.ok(200).clone();
    // The consent is recorded on the profile.
    let me = app
        .get("/v1/me", Some(joined["token"].as_str().unwrap()))
        .await;
    assert!(
        me.ok(200)["profile"]["phone_consent_at"].is_string(),
        "{:?}",
        me.body
    );
    let mut tenants: Vec<&str> = joined["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["tenant_name"].as_str().unwrap())
        .collect();
    tenants.sort();
    assert_eq!(tenants, ["Hotel Dos", "Hotel Uno"]);
    assert!(
        joined["memberships"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["status"] == "active")
    );
    assert_eq!(app.member(&a, &a_user).await["status"], "active");
    assert_eq!(app.member(&b, &b_user).await["status"], "active");
    assert_eq!(
        app.get("/v1/me", Some(joined["token"].as_str().unwrap()))
            .await
            .ok(200)["profile"]["phone"],
        "+34644555666"
    );

    // The code is used up; and a stranger with a wrong code learns nothing of whether the
    // number is registered (the same 401 as for any number).
    app.post("/v1/signup/phone/verify", None, body(&code))
        .await
        .problem(401, "invalid_credentials");
    let stranger = app
        .post("/v1/signup/phone/verify", None, body("WRONGCDE"))
        .await;
    stranger.problem(401, "invalid_credentials");
    // Whoever holds the number, invited again elsewhere, is told with a right code.
    let c = app.tenant("Hotel Tres").await;
    app.invite(
        &c,
        &c.token,
        json!({"phone": "+34644555666", "channels": []}),
    )
    .await
    .ok(201);
    app.post("/v1/signup/phone", None, json!({"phone": "+34644555666"}))
        .await
        .ok(202);
    let again = code_in(
        app.outbox("+34644555666").await.last().unwrap()["text"]
            .as_str()
            .unwrap(),
    );
    app.post("/v1/signup/phone/verify", None, body(&again))
        .await
        .problem(409, "already_registered");
    app.post("/v1/signup/phone", None, json!({"phone": "not a phone"}))
        .await
        .problem(400, "validation_failed");
}
