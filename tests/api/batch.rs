use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use invitations::ports::{EmailMessage, Mailer, SendError};
use serde_json::json;

use crate::helpers::{Options, Tenant, TestApp, aws_backend};

async fn post_batch(
    app: &TestApp,
    tenant: &Tenant,
    content_type: &str,
    body: String,
    key: Option<&str>,
) -> crate::helpers::Reply {
    send_batch(app, &tenant.id, "", &tenant.token, content_type, body, key).await
}

/// A batch to `tenant` (its query string after the path) as the holder of `token`.
async fn send_batch(
    app: &TestApp,
    tenant: &str,
    query: &str,
    token: &str,
    content_type: &str,
    body: String,
    key: Option<&str>,
) -> crate::helpers::Reply {
    let mut req = app
        .client
        .post(format!(
            "{}/v1/tenants/{tenant}/invitations/batch{query}",
            app.base
        ))
        .bearer_auth(token)
        .header("content-type", content_type)
        .body(body);
    if let Some(k) = key {
        req = req.header("idempotency-key", k);
    }
    TestApp::reply(req.send().await.unwrap()).await
}

#[tokio::test]
async fn a_pasted_column_of_three_addresses_invites_three_people() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Lista").await;
    let r = post_batch(
        &app,
        &tenant,
        "text/csv",
        "ana@example.com\nbob@example.com\r\ncarla@example.com\n".into(),
        None,
    )
    .await;
    let results = r.ok(200)["results"].as_array().unwrap().clone();
    assert_eq!(results.len(), 3);
    for (i, row) in results.iter().enumerate() {
        assert_eq!(
            (row["index"].as_u64(), row["status"].as_str()),
            (Some(i as u64), Some("created")),
            "{row}"
        );
    }
    for to in ["ana@example.com", "bob@example.com", "carla@example.com"] {
        assert_eq!(app.outbox(to).await.len(), 1, "{to}");
    }
    assert_eq!(app.stats(&tenant).await["invited"], 3);
}

#[tokio::test]
async fn a_batch_reports_each_row_and_creates_exactly_the_good_ones() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Filas").await;
    app.invite_ok(&tenant, "already@example.com", "user").await;
    let body = json!({
        "role": "agent",
        "invitees": [
            {"email": "one@example.com", "first_name": "Uno", "agent_ids": ["a-1"]},
            {"email": "not-an-email", "agent_ids": ["a-2"]},
            {"email": "ONE@example.com", "agent_ids": ["a-3"]},
            {"email": "two@example.com", "role": "user"},
            {"email": "already@example.com", "role": "user"},
            {"email": "three@example.com", "role": "user", "nickname": "x"}
        ]
    });
    let r = post_batch(&app, &tenant, "application/json", body.to_string(), None).await;
    let results = r.ok(200)["results"].as_array().unwrap().clone();
    let statuses: Vec<&str> = results
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        ["created", "error", "error", "created", "error", "error"]
    );
    assert_eq!(
        results[0]["member"]["role"], "agent",
        "the batch default applies"
    );
    assert_eq!(
        results[3]["member"]["role"], "user",
        "the row wins over the default"
    );
    assert_eq!(results[1]["error"]["code"], "validation_failed");
    assert_eq!(
        results[1]["error"]["errors"][0]["field"],
        "invitees[1].email"
    );
    assert_eq!(results[2]["error"]["code"], "duplicate_in_batch");
    assert_eq!(results[4]["error"]["code"], "already_member");
    assert_eq!(
        results[5]["error"]["errors"][0]["field"],
        "invitees[5].nickname"
    );
    assert_eq!(
        app.stats(&tenant).await["invited"],
        3,
        "the earlier one and the two good rows"
    );
    assert!(app.outbox("not-an-email").await.is_empty());
}

#[tokio::test]
async fn more_than_1000_rows_is_refused_whole() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Grande").await;
    let csv: String = (0..1001).map(|i| format!("p{i}@example.com\n")).collect();
    post_batch(&app, &tenant, "text/csv", csv, None)
        .await
        .problem(413, "batch_too_large");
    let rows: Vec<_> = (0..1001)
        .map(|i| json!({"email": format!("q{i}@example.com")}))
        .collect();
    post_batch(
        &app,
        &tenant,
        "application/json",
        json!({"invitees": rows}).to_string(),
        None,
    )
    .await
    .problem(413, "batch_too_large");
    post_batch(&app, &tenant, "application/xml", "<x/>".into(), None)
        .await
        .problem(415, "unsupported_media_type");
    assert_eq!(app.stats(&tenant).await["invited"], 0);
    assert!(
        app.get("/dev/outbox", None).await.ok(200)["messages"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_caller_who_may_not_invite_is_refused_before_their_batch_is_read() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Cerrado").await;
    let other = app.tenant("Hotel Vecino").await;
    let (_, reader) = app
        .active_member(&tenant, "lectora@example.com", "user")
        .await;
    let too_many: String = (0..1001).map(|i| format!("p{i}@example.com\n")).collect();
    let bad_defaults = json!({"invitees": [{"email": "a@example.com"}], "teams": vec![""; 51]});
    // What an admin is told about each body; anyone else is told only that they may not.
    let bodies = [
        (
            "application/json",
            "{\"invitees\": [".to_string(),
            400,
            "invalid_json",
        ),
        (
            "application/json",
            bad_defaults.to_string(),
            400,
            "validation_failed",
        ),
        ("text/csv", too_many, 413, "batch_too_large"),
        (
            "text/csv",
            "email,salary\na@example.com,1\n".into(),
            400,
            "validation_failed",
        ),
    ];
    for (content_type, body, status, code) in bodies {
        for (token, status, code) in [
            (&reader, 403, "forbidden"),
            (&other.token, 404, "not_found"),
            (&tenant.token, status, code),
        ] {
            send_batch(
                &app,
                &tenant.id,
                "",
                token,
                content_type,
                body.clone(),
                None,
            )
            .await
            .problem(status, code);
        }
    }
    assert_eq!(app.stats(&tenant).await["invited"], 0);
}

#[tokio::test]
async fn batch_defaults_beyond_what_a_row_may_hold_are_refused_once_for_the_whole_batch() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Medida").await;
    let rows: Vec<_> = (0..1000)
        .map(|i| json!({"email": format!("d{i}@example.com")}))
        .collect();
    let teams: Vec<String> = (0..51).map(|i| format!("team {i}")).collect();
    let r = post_batch(
        &app,
        &tenant,
        "application/json",
        json!({"invitees": rows, "role": "team_leader", "teams": teams}).to_string(),
        None,
    )
    .await;
    r.problem(400, "validation_failed");
    assert_eq!(
        r.body["errors"],
        json!([{"field": "teams", "message": "must hold at most 50 entries"}]),
        "one error for the batch, not one per row"
    );
    // The same limits hold for a CSV batch's defaults, from the query string.
    let long = "x".repeat(65);
    let r = send_batch(
        &app,
        &tenant.id,
        &format!("?role=team_leader&teams=Night,{long}"),
        &tenant.token,
        "text/csv",
        "ana@example.com\nbob@example.com\n".into(),
        None,
    )
    .await;
    r.problem(400, "validation_failed");
    assert_eq!(r.body["errors"][0]["field"], "teams[1]");
    assert_eq!(app.stats(&tenant).await["invited"], 0);
    // Within the limits, every row takes them.
    let r = send_batch(
        &app,
        &tenant.id,
        "?role=team_leader&teams=Night,%20Night%20,Day",
        &tenant.token,
        "text/csv",
        "ana@example.com\nbob@example.com\n".into(),
        None,
    )
    .await;
    for row in r.ok(200)["results"].as_array().unwrap() {
        assert_eq!(row["member"]["teams"], json!(["Night", "Day"]), "{row}");
    }
}

#[tokio::test]
async fn a_retried_request_with_the_same_idempotency_key_creates_and_sends_nothing_twice() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Once").await;
    let csv = "Email,First name\nonce@example.com,Una\ntwice@example.com,Dos\n".to_string();
    let first = post_batch(&app, &tenant, "text/csv", csv.clone(), Some("batch-7f3a")).await;
    let again = post_batch(&app, &tenant, "text/csv", csv, Some("batch-7f3a")).await;
    assert_eq!(first.ok(200), again.ok(200), "the first result, again");
    assert_eq!(again.headers["idempotent-replayed"], "true");
    assert_eq!(app.outbox("once@example.com").await.len(), 1);
    assert_eq!(app.outbox("twice@example.com").await.len(), 1);
    assert_eq!(app.stats(&tenant).await["invited"], 2);
    // The same key for another request is a mistake the client should hear about.
    post_batch(
        &app,
        &tenant,
        "text/csv",
        "other@example.com\n".into(),
        Some("batch-7f3a"),
    )
    .await
    .problem(422, "idempotency_key_reused");

    // A single invitation too.
    let send = || {
        app.client
            .post(format!("{}/v1/tenants/{}/invitations", app.base, tenant.id))
            .bearer_auth(&tenant.token)
            .header("idempotency-key", "single-1")
            .json(&json!({"email": "single@example.com"}))
            .send()
    };
    let a = TestApp::reply(send().await.unwrap()).await;
    let b = TestApp::reply(send().await.unwrap()).await;
    assert_eq!(a.ok(201)["id"], b.ok(201)["id"]);
    assert_eq!(app.outbox("single@example.com").await.len(), 1);
}

/// SES as it behaves under load: each address is throttled on its first try (and on every
/// try until the test moves the clock on, so that no retry on a slow machine goes out before
/// the test looks), and one address is throttled every time.
struct Throttling {
    inner: Arc<dyn Mailer>,
    tries: Mutex<HashMap<String, usize>>,
    clock: Arc<dyn invitations::ports::Clock>,
    until: chrono::DateTime<chrono::Utc>,
}

#[async_trait]
impl Mailer for Throttling {
    async fn send_email(&self, m: &EmailMessage) -> Result<(), SendError> {
        let n = {
            let mut tries = self.tries.lock().unwrap();
            let n = tries.entry(m.to.clone()).or_default();
            *n += 1;
            *n
        };
        if n == 1 || self.clock.now() < self.until || m.to.starts_with("never") {
            return Err(SendError::Throttled);
        }
        self.inner.send_email(m).await
    }
}

impl Throttling {
    fn wrap(inner: Arc<dyn Mailer>, clock: Arc<dyn invitations::ports::Clock>) -> Arc<dyn Mailer> {
        Arc::new(Throttling {
            inner,
            tries: Mutex::new(HashMap::new()),
            until: clock.now() + chrono::Duration::minutes(10),
            clock,
        })
    }
}

#[tokio::test]
async fn throttling_during_a_batch_is_retried_until_sent_or_clearly_failed_and_nothing_is_sent_twice()
 {
    let options = Options {
        wrap_mailer: Some(Box::new(Throttling::wrap)),
        ..Default::default()
    };
    let app = TestApp::spawn_with(aws_backend(), options).await;
    let tenant = app.tenant("Hotel Busy").await;
    let mut csv: String = (0..20).map(|i| format!("r{i}@example.com\n")).collect();
    csv.push_str("never@example.com\n");
    let r = post_batch(&app, &tenant, "text/csv", csv, None).await;
    let results = r.ok(200)["results"].as_array().unwrap().clone();
    assert_eq!(results.len(), 21, "no row lost");
    for row in &results {
        assert_eq!(row["status"], "created", "{row}");
        assert_eq!(row["member"]["delivery"]["email"], "pending", "{row}");
    }
    // Every first try was throttled (the outbox settles once each had it): nothing sent yet.
    assert!(app.outbox("r0@example.com").await.is_empty());
    // A quarter of an hour later, the retries have sent every row but the one that SES kept
    // refusing, which is failed with the reason.
    app.advance_clock(16 * 60).await;
    for row in &results {
        let to = row["member"]["email"].as_str().unwrap();
        let id = row["member"]["id"].as_str().unwrap();
        let member = app.delivered(&tenant, id, "email").await;
        let expected = if to.starts_with("never") {
            "failed"
        } else {
            "sent"
        };
        assert_eq!(member["delivery"]["email"], expected, "{to}");
        assert_eq!(
            app.outbox(to).await.len(),
            if expected == "sent" { 1 } else { 0 },
            "{to}: none sent twice"
        );
    }
    let never = results
        .iter()
        .find(|r| r["member"]["email"] == "never@example.com")
        .unwrap();
    let never = app
        .member(&tenant, never["member"]["id"].as_str().unwrap())
        .await;
    assert!(
        never["delivery_errors"]["email"]
            .as_str()
            .is_some_and(|e| e.contains("throttled")),
        "the reason is kept: {never}"
    );
}

/// SES throttling every send while the service's clock is before `until`.
struct ThrottledUntil {
    inner: Arc<dyn Mailer>,
    clock: Arc<dyn invitations::ports::Clock>,
    until: chrono::DateTime<chrono::Utc>,
}

#[async_trait]
impl Mailer for ThrottledUntil {
    async fn send_email(&self, m: &EmailMessage) -> Result<(), SendError> {
        if self.clock.now() < self.until {
            return Err(SendError::Throttled);
        }
        self.inner.send_email(m).await
    }
    async fn send_email_once(&self, m: &EmailMessage, key: &str) -> Result<(), SendError> {
        if self.clock.now() < self.until {
            return Err(SendError::Throttled);
        }
        self.inner.send_email_once(m, key).await
    }
}

#[tokio::test]
async fn two_minutes_of_throttling_delay_invitations_but_every_one_ends_sent() {
    let app = TestApp::spawn_with(
        aws_backend(),
        Options {
            wrap_mailer: Some(Box::new(|inner, clock| {
                let until = clock.now() + chrono::Duration::minutes(2);
                Arc::new(ThrottledUntil {
                    inner,
                    clock,
                    until,
                }) as Arc<dyn Mailer>
            })),
            ..Default::default()
        },
    )
    .await;
    let tenant = app.tenant("Hotel Throttled").await;
    let csv: String = (0..10).map(|i| format!("t{i}@example.com\n")).collect();
    let results = post_batch(&app, &tenant, "text/csv", csv, None)
        .await
        .ok(200)["results"]
        .as_array()
        .unwrap()
        .clone();
    // Two minutes pass, 20 seconds at a time: the retries back off and go on.
    for _ in 0..7 {
        app.advance_clock(20).await;
        tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    }
    app.advance_clock(60).await;
    for row in &results {
        let id = row["member"]["id"].as_str().unwrap();
        let to = row["member"]["email"].as_str().unwrap();
        let member = app.delivered(&tenant, id, "email").await;
        assert_eq!(member["delivery"]["email"], "sent", "{to}: {member}");
        assert_eq!(app.outbox(to).await.len(), 1, "{to}: once");
    }
}
