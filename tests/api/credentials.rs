//! The credential model of v1.1: delivered versus vouched credentials, unverified addresses,
//! scoped sessions, one failure limit, resets, sign-in codes, sign-out and revocation.

use serde_json::{Value, json};

use crate::helpers::{PASSWORD, Reply, Tenant, TestApp, token_in};

const OTHER_PASSWORD: &str = "a squatter's own long passphrase";

async fn code_for(app: &TestApp, tenant: &Tenant, user: &str) -> String {
    let r = app.action(tenant, &tenant.token, user, "access-code").await;
    r.ok(201)["code"].as_str().unwrap().to_string()
}

async fn minted_token(app: &TestApp, tenant: &Tenant, user: &str) -> String {
    let r = app
        .post(
            &format!("/v1/tenants/{}/users/{user}/invitation-link", tenant.id),
            Some(&tenant.token),
            json!({"format": "url"}),
        )
        .await;
    token_in(r.ok(200)["url"].as_str().unwrap())
}

async fn sign_in(app: &TestApp, body: Value) -> Reply {
    app.post("/v1/sessions", None, body).await
}

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap().to_string()
}

async fn members_of(app: &TestApp, tenant: &Tenant, session: &str) -> Reply {
    app.get(&format!("/v1/tenants/{}/users", tenant.id), Some(session))
        .await
}

#[tokio::test]
async fn a_code_from_one_tenant_never_signs_in_as_an_admin_of_another() {
    let app = TestApp::spawn().await;
    let b = app
        .tenant_with_admin("Hotel Victim", "boss@victim.example")
        .await;
    let a = app.tenant("Hotel Attacker").await;
    let member = app.invite_ok(&a, "boss@victim.example", "user").await;
    let code = code_for(&app, &a, &id(&member)).await;

    let r = sign_in(&app, json!({"email": "boss@victim.example", "code": code})).await;
    r.problem(403, "proof_required");
    assert!(r.body.get("token").is_none());
    // The invitation is still pending in A, and B's admin is untouched.
    assert_eq!(app.member(&a, &id(&member)).await["status"], "invited");
    members_of(&app, &b, &b.token).await.ok(200);
}

#[tokio::test]
async fn a_minted_link_never_joins_a_profile_with_a_password_without_it() {
    let app = TestApp::spawn().await;
    let b = app
        .tenant_with_admin("Hotel Owner", "owner@victim.example")
        .await;
    let a = app.tenant("Hotel Minter").await;
    let member = app.invite_ok(&a, "owner@victim.example", "user").await;
    let token = minted_token(&app, &a, &id(&member)).await;
    app.accept(&token, OTHER_PASSWORD)
        .await
        .problem(401, "invalid_credentials");
    // The owner, who knows the password, may join with it: the password is the proof.
    let r = app.accept(&token, PASSWORD).await;
    assert_eq!(r.ok(200)["session"]["scope"], Value::Null);
    // Accept answers the session as sign-in does too, with every membership it reaches.
    assert_eq!(r.body["scope"], Value::Null);
    assert_eq!(r.body["token"], r.body["session"]["token"]);
    let mut reached: Vec<&str> = r.body["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["tenant_id"].as_str().unwrap())
        .collect();
    reached.sort();
    let mut both = vec![a.id.as_str(), b.id.as_str()];
    both.sort();
    assert_eq!(reached, both);
    members_of(&app, &b, r.body["session"]["token"].as_str().unwrap())
        .await
        .ok(200);
}

#[tokio::test]
async fn a_profile_made_by_a_code_reaches_its_tenant_only_and_is_unverified() {
    let app = TestApp::spawn().await;
    let a = app.tenant("Hotel Desk").await;
    let member = app.invite_ok(&a, "desk@example.com", "admin").await;
    let code = code_for(&app, &a, &id(&member)).await;
    let r = sign_in(&app, json!({"email": "desk@example.com", "code": code})).await;
    let body = r.ok(200);
    assert_eq!(body["scope"], json!({"tenant": a.id}));
    let session = body["token"].as_str().unwrap().to_string();
    let me = app.get("/v1/me", Some(&session)).await;
    assert_eq!(me.ok(200)["profile"]["verified"], false);
    assert_eq!(me.body["scope"], json!({"tenant": a.id}));
    members_of(&app, &a, &session).await.ok(200);

    // Another tenant does not see the profile as an existing one.
    let c = app.tenant("Hotel Elsewhere").await;
    let r = app
        .invite(&c, &c.token, json!({"email": "desk@example.com"}))
        .await;
    assert_eq!(r.ok(201)["existing_profile"], false);
    let elsewhere = id(&r.body);
    // A link C mints for that address cannot join the profile A vouched for.
    let minted = minted_token(&app, &c, &elsewhere).await;
    app.accept(&minted, OTHER_PASSWORD)
        .await
        .problem(403, "proof_required");
    // The scoped session never reaches C, even once the person is a member there.
    members_of(&app, &c, &session)
        .await
        .problem(404, "not_found");
}

#[tokio::test]
async fn a_squatted_address_is_taken_back_by_the_person_who_accepts_a_delivered_link() {
    let app = TestApp::spawn().await;
    let a = app.tenant("Hotel Squat").await;
    let member = app.invite_ok(&a, "victim@example.com", "user").await;
    // A's admin mints a link for an address with no profile and accepts it with a password.
    let minted = minted_token(&app, &a, &id(&member)).await;
    let squat = app.accept(&minted, OTHER_PASSWORD).await;
    assert_eq!(squat.ok(200)["session"]["scope"], json!({"tenant": a.id}));
    assert_eq!(squat.body["scope"], json!({"tenant": a.id}));
    assert_eq!(squat.body["memberships"][0]["tenant_id"], a.id);
    let squatter_session = squat.body["session"]["token"].as_str().unwrap().to_string();
    // Signing in with it is confined to A as well.
    let r = sign_in(
        &app,
        json!({"email": "victim@example.com", "password": OTHER_PASSWORD}),
    )
    .await;
    assert_eq!(r.ok(200)["scope"], json!({"tenant": a.id}));

    // Tenant B emails the real owner, who starts a fresh profile with the delivered link.
    let b = app.tenant("Hotel Real").await;
    let r = app
        .invite(&b, &b.token, json!({"email": "victim@example.com"}))
        .await;
    assert_eq!(r.ok(201)["existing_profile"], false);
    let delivered = app.latest_token("victim@example.com").await;
    assert_eq!(
        app.preview(&delivered).await.ok(200)["existing_profile"],
        false
    );
    let owner = app.accept(&delivered, PASSWORD).await;
    assert_eq!(owner.ok(200)["session"]["scope"], Value::Null);

    // The squatter's password now reaches nothing new; the owner's reaches B and not A.
    sign_in(
        &app,
        json!({"email": "victim@example.com", "password": OTHER_PASSWORD}),
    )
    .await
    .problem(401, "invalid_credentials");
    let r = sign_in(
        &app,
        json!({"email": "victim@example.com", "password": PASSWORD}),
    )
    .await;
    let tenants: Vec<String> = r.ok(200)["memberships"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["tenant_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(tenants, vec![b.id.clone()]);
    members_of(&app, &b, &squatter_session)
        .await
        .problem(404, "not_found");
    let me = app.get("/v1/me", Some(&squatter_session)).await;
    assert_eq!(
        me.ok(200)["profile"]["email"],
        Value::Null,
        "lost the address"
    );
}

/// Asks for a reset link for `email` and returns its token from the outbox.
async fn reset_link(app: &TestApp, email: &str) -> String {
    app.post("/v1/password-resets", None, json!({"email": email}))
        .await
        .ok(202);
    app.latest_token(email).await
}

async fn statuses(replies: Vec<Reply>) -> (usize, usize, Vec<u16>) {
    let codes: Vec<u16> = replies.iter().map(|r| r.status.as_u16()).collect();
    let checked = codes.iter().filter(|c| **c == 401).count();
    let refused = codes.iter().filter(|c| **c == 429).count();
    (checked, refused, codes)
}

#[tokio::test]
async fn thirty_parallel_wrong_passwords_get_at_most_five_checks() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Guess").await;
    app.active_member(&tenant, "guessed@example.com", "user")
        .await;
    let tries = (0..30).map(|n| {
        sign_in(
            &app,
            json!({"email": "guessed@example.com", "password": format!("wrong guess number {n}")}),
        )
    });
    let (checked, refused, codes) = statuses(futures::future::join_all(tries).await).await;
    assert!(checked <= 5 && checked + refused == 30, "{codes:?}");
    let r = sign_in(
        &app,
        json!({"email": "guessed@example.com", "password": PASSWORD}),
    )
    .await;
    r.problem(429, "too_many_attempts");
    assert!(r.headers.contains_key("retry-after"));
    // An unknown address answers the same way.
    let tries = (0..7).map(|_| {
        sign_in(
            &app,
            json!({"email": "nobody@example.com", "password": "wrong guess again"}),
        )
    });
    let (checked, refused, codes) = statuses(futures::future::join_all(tries).await).await;
    assert_eq!((checked, refused), (5, 2), "{codes:?}");
    // The window passes.
    app.advance_clock(15 * 60).await;
    sign_in(
        &app,
        json!({"email": "guessed@example.com", "password": PASSWORD}),
    )
    .await
    .ok(200);
}

#[tokio::test]
async fn thirty_parallel_wrong_passwords_through_accept_get_at_most_five_checks() {
    let app = TestApp::spawn().await;
    let a = app.tenant("Hotel Known").await;
    let b = app.tenant("Hotel Probe").await;
    app.active_member(&a, "known@example.com", "user").await;
    let member = app.invite_ok(&b, "known@example.com", "user").await;
    let token = minted_token(&app, &b, &id(&member)).await;
    let guesses: Vec<String> = (0..30).map(|n| format!("wrong guess number {n}")).collect();
    let tries = guesses.iter().map(|g| app.accept(&token, g));
    let (checked, refused, codes) = statuses(futures::future::join_all(tries).await).await;
    assert!(checked <= 5 && checked + refused == 30, "{codes:?}");
    app.accept(&token, PASSWORD)
        .await
        .problem(429, "too_many_attempts");
}

#[tokio::test]
async fn thirty_parallel_wrong_current_passwords_get_at_most_five_checks() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Change").await;
    let (_, session) = app
        .active_member(&tenant, "changer@example.com", "user")
        .await;
    let tries = (0..30).map(|n| {
        app.post(
            "/v1/me/password",
            Some(&session),
            json!({"current_password": format!("wrong guess number {n}"), "new_password": "a brand new long passphrase"}),
        )
    });
    let (checked, refused, codes) = statuses(futures::future::join_all(tries).await).await;
    assert!(checked <= 5 && checked + refused == 30, "{codes:?}");
}

#[tokio::test]
async fn a_password_change_answers_a_fresh_session_and_ends_the_others() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Rotate").await;
    let (_, first) = app
        .active_member(&tenant, "rotate@example.com", "user")
        .await;
    let second = sign_in(
        &app,
        json!({"email": "rotate@example.com", "password": PASSWORD}),
    )
    .await
    .ok(200)["token"]
        .as_str()
        .unwrap()
        .to_string();
    let r = app
        .post(
            "/v1/me/password",
            Some(&first),
            json!({"current_password": PASSWORD, "new_password": "a brand new long passphrase"}),
        )
        .await;
    let fresh = r.ok(200)["token"].as_str().unwrap().to_string();
    assert!(r.body["memberships"].is_array());
    for old in [&first, &second] {
        app.get("/v1/me", Some(old))
            .await
            .problem(401, "unauthenticated");
    }
    app.get("/v1/me", Some(&fresh)).await.ok(200);
    sign_in(
        &app,
        json!({"email": "rotate@example.com", "password": PASSWORD}),
    )
    .await
    .problem(401, "invalid_credentials");
}

#[tokio::test]
async fn signing_out_ends_that_session_only() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Leave").await;
    let other = tenant.token.clone();
    let mine = sign_in(
        &app,
        json!({"email": "x@nowhere.example", "password": "irrelevant"}),
    )
    .await;
    mine.problem(401, "invalid_credentials");
    let (_, session) = app
        .active_member(&tenant, "leave@example.com", "admin")
        .await;
    let r = app
        .send(
            reqwest::Method::DELETE,
            "/v1/sessions/current",
            Some(&session),
            None,
        )
        .await;
    assert_eq!(r.status.as_u16(), 204);
    app.get("/v1/me", Some(&session))
        .await
        .problem(401, "unauthenticated");
    members_of(&app, &tenant, &session)
        .await
        .problem(401, "unauthenticated");
    // Someone else's session is untouched.
    members_of(&app, &tenant, &other).await.ok(200);
    app.send(reqwest::Method::DELETE, "/v1/sessions/current", None, None)
        .await
        .problem(401, "unauthenticated");
}

#[tokio::test]
async fn a_reset_link_works_once_within_an_hour_and_ends_every_earlier_session() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Reset").await;
    let (_, session) = app
        .active_member(&tenant, "forgot@example.com", "user")
        .await;

    let known = app
        .post(
            "/v1/password-resets",
            None,
            json!({"email": "Forgot@Example.com"}),
        )
        .await;
    let unknown = app
        .post(
            "/v1/password-resets",
            None,
            json!({"email": "stranger@example.com"}),
        )
        .await;
    assert_eq!(known.status.as_u16(), 202);
    assert_eq!(unknown.status.as_u16(), 202);
    let keys = |b: &Value| b.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&known.body), keys(&unknown.body));
    assert!(app.outbox("stranger@example.com").await.is_empty());

    let mail = app.outbox("forgot@example.com").await;
    let text = mail.last().unwrap()["text"].as_str().unwrap().to_string();
    assert!(text.contains("/reset#token="), "{text}");
    let token = token_in(&text);
    let new_password = "a freshly chosen passphrase";
    let confirm = |t: &str| {
        app.post(
            "/v1/password-resets/confirm",
            None,
            json!({"token": t, "new_password": new_password}),
        )
    };
    app.post(
        "/v1/password-resets/confirm",
        None,
        json!({"token": token, "new_password": "short"}),
    )
    .await
    .problem(400, "weak_password");
    let r = confirm(&token).await;
    let fresh = r.ok(200)["token"].as_str().unwrap().to_string();
    app.get("/v1/me", Some(&fresh)).await.ok(200);
    app.get("/v1/me", Some(&session))
        .await
        .problem(401, "unauthenticated");
    confirm(&token).await.problem(404, "reset_invalid");
    sign_in(
        &app,
        json!({"email": "forgot@example.com", "password": PASSWORD}),
    )
    .await
    .problem(401, "invalid_credentials");
    sign_in(
        &app,
        json!({"email": "forgot@example.com", "password": new_password}),
    )
    .await
    .ok(200);

    // A link older than an hour is expired.
    let late = reset_link(&app, "forgot@example.com").await;
    app.advance_clock(3601).await;
    confirm(&late).await.problem(410, "reset_expired");
}

#[tokio::test]
async fn a_phone_only_member_signs_in_again_with_a_texted_code() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Phone").await;
    app.invite(
        &tenant,
        &tenant.token,
        json!({"phone": "+34 612 000 777", "first_name": "Luz"}),
    )
    .await
    .ok(201);
    let link = app.latest_token("+34612000777").await;
    app.accept(&link, PASSWORD).await.ok(200);

    let asked = app
        .post("/v1/sign-in-codes", None, json!({"phone": "+34612000777"}))
        .await;
    assert_eq!(asked.status.as_u16(), 202);
    let texts = app.outbox("+34612000777").await;
    let last = texts.last().unwrap()["text"].as_str().unwrap().to_string();
    let code: String = last
        .chars()
        .filter(|c| c.is_ascii_digit())
        .take(6)
        .collect();
    assert_eq!(code.len(), 6, "{last}");
    sign_in(&app, json!({"phone": "+34612000777", "code": "000000"}))
        .await
        .problem(401, "invalid_credentials");
    let r = sign_in(&app, json!({"phone": "+34 612 000 777", "code": code})).await;
    assert_eq!(r.ok(200)["scope"], Value::Null);
    assert_eq!(r.body["memberships"][0]["tenant_id"], tenant.id);
    sign_in(&app, json!({"phone": "+34612000777", "code": code}))
        .await
        .problem(401, "invalid_credentials");

    // An unknown number gets the same answer and nothing is sent.
    let unknown = app
        .post("/v1/sign-in-codes", None, json!({"phone": "+34612000778"}))
        .await;
    assert_eq!(unknown.status.as_u16(), 202);
    assert!(app.outbox("+34612000778").await.is_empty());

    // The per-recipient daily limit holds: the invitation and the code were two of five.
    let before = app.outbox("+34612000777").await.len();
    for _ in 0..6 {
        let r = app
            .post("/v1/sign-in-codes", None, json!({"phone": "+34612000777"}))
            .await;
        assert_eq!(r.status.as_u16(), 202);
    }
    let sent = app.outbox("+34612000777").await.len() - before;
    assert!(sent <= 4, "{sent} codes sent past the daily limit");
}

#[tokio::test]
async fn an_email_sign_in_code_signs_in_a_verified_address_only() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Mailcode").await;
    app.active_member(&tenant, "mailcode@example.com", "user")
        .await;
    app.post(
        "/v1/sign-in-codes",
        None,
        json!({"email": "mailcode@example.com"}),
    )
    .await
    .ok(202);
    let mail = app.outbox("mailcode@example.com").await;
    let text = mail.last().unwrap()["text"].as_str().unwrap().to_string();
    let code: String = text
        .lines()
        .find(|l| l.trim().len() == 6 && l.trim().chars().all(|c| c.is_ascii_digit()))
        .unwrap_or_else(|| panic!("{text}"))
        .trim()
        .to_string();
    sign_in(&app, json!({"email": "mailcode@example.com", "code": code}))
        .await
        .ok(200);

    // An address held unverified (made by a quick access code) is sent nothing.
    let member = app.invite_ok(&tenant, "unproven@example.com", "user").await;
    let quick = code_for(&app, &tenant, &id(&member)).await;
    sign_in(
        &app,
        json!({"email": "unproven@example.com", "code": quick}),
    )
    .await
    .ok(200);
    let before = app.outbox("unproven@example.com").await.len();
    app.post(
        "/v1/sign-in-codes",
        None,
        json!({"email": "unproven@example.com"}),
    )
    .await
    .ok(202);
    assert_eq!(app.outbox("unproven@example.com").await.len(), before);
}

#[tokio::test]
async fn a_texted_copy_of_an_emailed_invitation_never_proves_the_email() {
    let app = TestApp::spawn().await;
    let a = app.tenant("Hotel Twochannel").await;
    // The admin puts their own phone beside someone else's email.
    app.invite(
        &a,
        &a.token,
        json!({"email": "target@example.com", "phone": "+34 611 222 333", "channels": ["email", "sms"]}),
    )
    .await
    .ok(201);
    let texted = app.latest_token("+34611222333").await;
    let emailed = app.latest_token("target@example.com").await;
    assert_ne!(texted, emailed, "one link per channel");
    let r = app.accept(&texted, OTHER_PASSWORD).await;
    assert_eq!(
        r.ok(200)["scope"],
        json!({"tenant": a.id}),
        "the email is not proven"
    );
    let me = app
        .get("/v1/me", Some(r.body["token"].as_str().unwrap()))
        .await;
    assert_eq!(me.ok(200)["profile"]["verified"], false);
    // Another tenant does not see it, and the email's owner takes it back.
    let b = app.tenant("Hotel Owner Two").await;
    let r = app
        .invite(&b, &b.token, json!({"email": "target@example.com"}))
        .await;
    assert_eq!(r.ok(201)["existing_profile"], false);
    let delivered = app.latest_token("target@example.com").await;
    assert_eq!(
        app.accept(&delivered, PASSWORD).await.ok(200)["scope"],
        Value::Null
    );
}

#[tokio::test]
async fn a_reset_link_dies_with_a_later_password_change_and_no_old_password_outlives_a_reset() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Race").await;
    let (_, session) = app.active_member(&tenant, "race@example.com", "user").await;
    let early = reset_link(&app, "race@example.com").await;
    let changed = app
        .post(
            "/v1/me/password",
            Some(&session),
            json!({"current_password": PASSWORD, "new_password": "a brand new long passphrase"}),
        )
        .await;
    changed.ok(200);
    app.post(
        "/v1/password-resets/confirm",
        None,
        json!({"token": early, "new_password": "a freshly chosen passphrase"}),
    )
    .await
    .problem(404, "reset_invalid");

    // Sign-ins with the password in force, racing a reset: none of their sessions outlives it.
    let link = reset_link(&app, "race@example.com").await;
    let body = json!({"email": "race@example.com", "password": "a brand new long passphrase"});
    let sign_ins = futures::future::join_all((0..4).map(|_| sign_in(&app, body.clone())));
    let confirm = app.post(
        "/v1/password-resets/confirm",
        None,
        json!({"token": link, "new_password": "the very last passphrase"}),
    );
    let (sign_ins, confirmed) = tokio::join!(sign_ins, confirm);
    confirmed.ok(200);
    for r in sign_ins {
        if r.status.as_u16() == 200 {
            app.get("/v1/me", Some(r.body["token"].as_str().unwrap()))
                .await
                .problem(401, "unauthenticated");
        }
    }
    // The reset also forgot the failures of guessers.
    for _ in 0..5 {
        sign_in(
            &app,
            json!({"email": "race@example.com", "password": "a wrong guess here"}),
        )
        .await
        .problem(401, "invalid_credentials");
    }
    let last = reset_link(&app, "race@example.com").await;
    app.post(
        "/v1/password-resets/confirm",
        None,
        json!({"token": last, "new_password": "one more fresh passphrase"}),
    )
    .await
    .ok(200);
    sign_in(
        &app,
        json!({"email": "race@example.com", "password": "one more fresh passphrase"}),
    )
    .await
    .ok(200);
}
