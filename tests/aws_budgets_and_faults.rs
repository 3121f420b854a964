//! On the AWS backend (moto): how many DynamoDB requests each API operation makes, that no
//! Scan is ever made, and what throttling, timeouts and conflicts look like to a client.

#[path = "api/helpers.rs"]
mod helpers;
#[path = "support/moto.rs"]
mod moto;
#[path = "support/requests.rs"]
mod requests;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use async_trait::async_trait;
use helpers::{Options, PASSWORD, TestApp};
use invitations::adapters::dynamodb::DynamoTable;
use invitations::ports::{Page, Query, Table, TableError, Write};
use requests::RequestLog;
use serde_json::json;

/// The app on moto with every DynamoDB request it sends recorded.
async fn logged_app() -> (TestApp, RequestLog) {
    let log = RequestLog::default();
    let app = TestApp::spawn_with(
        true,
        Options {
            dynamodb_log: Some(log.clone()),
            // The outbox is delivered by hand, between the operations measured.
            no_courier: true,
            ..Default::default()
        },
    )
    .await;
    (app, log)
}

fn count(ops: &[String], op: &str) -> usize {
    ops.iter().filter(|o| *o == op).count()
}

#[tokio::test]
async fn each_operation_stays_within_its_dynamodb_request_budget() {
    let (app, log) = logged_app().await;
    let tenant = app.tenant("Hotel Budget").await;
    let mut seen = log.operations();

    // Invite: one write (a transaction), plus reads: the caller's access and profile (read at
    // once: the session must still be in force), the tenant, the inviter, an existing profile,
    // the inviter's counter shard, the address's suppression entry (GetItems) and the address's
    // cancelled memberships (one Query).
    let member = app.invite_ok(&tenant, "budget@example.com", "user").await;
    let (ops, path) = log.critical_path();
    assert_eq!(
        path, 3,
        "invite: the caller with the tenant, the invitation's reads, the transaction: {ops:?}"
    );
    assert_eq!(count(&ops, "TransactWriteItems"), 1, "{ops:?}");
    assert_eq!(count(&ops, "Query"), 1, "{ops:?}");
    assert_eq!(
        ops.len() - count(&ops, "TransactWriteItems") - count(&ops, "Query"),
        count(&ops, "GetItem"),
        "the other reads are GetItems: {ops:?}"
    );
    assert!(ops.len() <= 9, "{ops:?}");
    seen.extend(ops);

    // Accept: 4 requests for a new person, in two round trips (the token names its member, so
    // the token, the member and its tenant are read at once; then one transaction).
    app.deliver_outbox().await;
    let token = app.latest_token("budget@example.com").await;
    log.take();
    app.accept(&token, PASSWORD).await.ok(200);
    let (mut ops, path) = log.critical_path();
    assert_eq!(path, 2, "token with member, then the transaction: {ops:?}");
    ops.sort();
    assert_eq!(ops, ["GetItem", "GetItem", "GetItem", "TransactWriteItems"]);
    seen.extend(ops);

    // A list page: the caller's membership, profile and tenant (which may be suspended), and
    // one Query, with or without a search, all at once.
    for query in ["", "&q=bud", "&tab=inactive", "&status=invited&role=user"] {
        app.get(
            &format!("/v1/tenants/{}/users?limit=50{query}", tenant.id),
            Some(&tenant.token),
        )
        .await
        .ok(200);
        let (mut ops, path) = log.critical_path();
        assert_eq!(
            path, 1,
            "list{query}: the page is read while the caller is: {ops:?}"
        );
        ops.sort();
        assert_eq!(
            ops,
            ["GetItem", "GetItem", "GetItem", "Query"],
            "list{query}"
        );
        seen.extend(ops);
    }

    // Stats: four reads at once whatever the tenant's size.
    app.stats(&tenant).await;
    let (mut ops, path) = log.critical_path();
    assert_eq!(path, 1, "stats: read while the caller is: {ops:?}");
    ops.sort();
    assert_eq!(ops, ["GetItem", "GetItem", "GetItem", "Query"]);
    seen.extend(ops);

    // The audit trail: a page is one Query whatever the filters, read while the caller is
    // authorised; a member's history likewise.
    let target = member["id"].as_str().unwrap();
    for query in [
        String::new(),
        "&action=member.invited".to_string(),
        format!("&actor={}", tenant.admin_id),
        format!("&target={target}"),
        "&since=2020-01-01T00:00:00Z&until=2100-01-01T00:00:00Z".to_string(),
    ] {
        app.get(
            &format!("/v1/tenants/{}/audit?limit=50{query}", tenant.id),
            Some(&tenant.token),
        )
        .await
        .ok(200);
        let (mut ops, path) = log.critical_path();
        assert_eq!(path, 1, "audit{query}: {ops:?}");
        ops.sort();
        assert_eq!(
            ops,
            ["GetItem", "GetItem", "GetItem", "Query"],
            "audit{query}"
        );
        seen.extend(ops);
    }
    app.get(
        &format!("/v1/tenants/{}/users/{target}/history", tenant.id),
        Some(&tenant.token),
    )
    .await
    .ok(200);
    let (mut ops, path) = log.critical_path();
    assert_eq!(path, 1, "history: {ops:?}");
    ops.sort();
    assert_eq!(
        ops,
        ["GetItem", "GetItem", "GetItem", "GetItem", "Query"],
        "history: the member too"
    );
    seen.extend(ops);

    // Reinvite and deactivate: one transaction each.
    let pending = app.invite_ok(&tenant, "pending@example.com", "user").await;
    log.take();
    app.action(
        &tenant,
        &tenant.token,
        pending["id"].as_str().unwrap(),
        "reinvite",
    )
    .await
    .ok(200);
    let (ops, path) = log.critical_path();
    assert_eq!(count(&ops, "TransactWriteItems"), 1, "{ops:?}");
    assert_eq!(
        path, 2,
        "reinvite: the caller with the member, then one transaction: {ops:?}"
    );
    seen.extend(ops);
    app.action(
        &tenant,
        &tenant.token,
        member["id"].as_str().unwrap(),
        "deactivate",
    )
    .await
    .ok(200);
    let (ops, path) = log.critical_path();
    assert_eq!(count(&ops, "TransactWriteItems"), 1, "{ops:?}");
    assert_eq!(
        path, 2,
        "deactivate: the caller with the member, then one transaction: {ops:?}"
    );
    seen.extend(ops);

    assert!(!seen.iter().any(|o| o == "Scan"), "never a Scan: {seen:?}");
}

#[test]
fn no_code_scans_the_table() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut offenders = Vec::new();
    let mut stack = vec![root.join("shared/src"), root.join("functions")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for needle in [".scan()", "ScanInput", "ScanOutput", "operation::scan"] {
                    if text.contains(needle) {
                        offenders.push(format!("{}: {needle}", path.display()));
                    }
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "a Scan reads the whole table; use a Query: {offenders:?}"
    );
}

/// A table whose next `failures` transactions fail with `error` (and nothing is written).
struct FailingTransactions {
    inner: Arc<dyn Table>,
    failures: Arc<AtomicUsize>,
    error: fn() -> TableError,
}

/// Options for an app whose table fails its next `failures` transactions with `error`.
fn failing_transactions(failures: &Arc<AtomicUsize>, error: fn() -> TableError) -> Options {
    let failures = failures.clone();
    Options {
        wrap_table: Some(Box::new(move |inner| {
            Arc::new(FailingTransactions {
                inner,
                failures,
                error,
            }) as Arc<dyn Table>
        })),
        ..Default::default()
    }
}

#[async_trait]
impl Table for FailingTransactions {
    async fn get(
        &self,
        pk: &str,
        sk: &str,
    ) -> Result<Option<invitations::ports::Item>, TableError> {
        self.inner.get(pk, sk).await
    }
    async fn get_eventual(
        &self,
        pk: &str,
        sk: &str,
    ) -> Result<Option<invitations::ports::Item>, TableError> {
        self.inner.get_eventual(pk, sk).await
    }
    async fn query(&self, q: &Query) -> Result<Page, TableError> {
        self.inner.query(q).await
    }
    async fn transact(&self, writes: Vec<Write>) -> Result<(), TableError> {
        let failing = self
            .failures
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok();
        if failing {
            return Err((self.error)());
        }
        self.inner.transact(writes).await
    }
}

#[tokio::test]
async fn throttling_gives_503_with_retry_after_and_leaves_nothing_behind() {
    let throttled = Arc::new(AtomicUsize::new(0));
    let options = failing_transactions(&throttled, || TableError::Throttled);
    let app = TestApp::spawn_with(true, options).await;
    let tenant = app.tenant("Hotel Busy").await;
    throttled.store(usize::MAX, Ordering::SeqCst);
    let r = app
        .invite(
            &tenant,
            &tenant.token,
            json!({"email": "later@example.com"}),
        )
        .await;
    r.problem(503, "unavailable");
    assert!(
        r.headers.get("retry-after").is_some(),
        "Retry-After tells the client when to come back"
    );
    throttled.store(0, Ordering::SeqCst);
    assert!(
        app.list_all(&tenant, "&q=later", 50).await.is_empty(),
        "no member was half-created"
    );
    assert!(
        app.outbox("later@example.com").await.is_empty(),
        "nothing was sent"
    );
    assert_eq!(app.stats(&tenant).await["invited"], 0);
    app.invite(
        &tenant,
        &tenant.token,
        json!({"email": "later@example.com"}),
    )
    .await
    .ok(201);
}

/// A DynamoDB endpoint that answers every request with a throttling error.
#[tokio::test]
async fn an_invitation_cancelled_by_a_concurrent_transaction_is_tried_again_and_made_once() {
    // What DynamoDB does to the invitations of one inviter committed at once.
    let conflicts = Arc::new(AtomicUsize::new(0));
    let options = failing_transactions(&conflicts, || TableError::Conflict);
    let app = TestApp::spawn_with(true, options).await;
    let tenant = app.tenant("Hotel Concurrido").await;
    conflicts.store(2, Ordering::SeqCst);
    app.invite_ok(&tenant, "retried@example.com", "user").await;
    assert_eq!(
        conflicts.load(Ordering::SeqCst),
        0,
        "both conflicts were met"
    );
    assert_eq!(app.outbox("retried@example.com").await.len(), 1);
    assert_eq!(app.stats(&tenant).await["invited"], 1);
    // A batch whose rows conflict with each other: every row is made once.
    conflicts.store(5, Ordering::SeqCst);
    let rows: Vec<_> = (0..8)
        .map(|i| json!({"email": format!("row{i}@example.com")}))
        .collect();
    let r = app
        .post(
            &format!("/v1/tenants/{}/invitations/batch", tenant.id),
            Some(&tenant.token),
            json!({ "invitees": rows }),
        )
        .await;
    for row in r.ok(200)["results"].as_array().unwrap() {
        assert_eq!(row["status"], "created", "{row}");
    }
    assert_eq!(app.stats(&tenant).await["invited"], 9);
}

async fn throttling_endpoint() -> String {
    use axum::http::{HeaderValue, StatusCode, header};
    let router = axum::Router::new().fallback(|| async {
        let body = r#"{"__type":"com.amazonaws.dynamodb.v20120810#ThrottlingException","message":"Rate of requests exceeds the allowed throughput."}"#;
        let mut r = axum::response::IntoResponse::into_response((StatusCode::BAD_REQUEST, body));
        r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/x-amz-json-1.0"));
        r
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    format!("http://{addr}")
}

/// An endpoint that answers every request with an HTML 500 (what moto answers when one of its
/// operations fails inside), counting the requests.
async fn failing_endpoint() -> (String, Arc<AtomicUsize>) {
    use axum::http::{HeaderValue, StatusCode, header};
    let hits = Arc::new(AtomicUsize::new(0));
    let counted = hits.clone();
    let router = axum::Router::new().fallback(move || {
        let counted = counted.clone();
        async move {
            counted.fetch_add(1, Ordering::SeqCst);
            let body = "<!doctype html><title>500 Internal Server Error</title><h1>Internal Server Error</h1>";
            let mut r = axum::response::IntoResponse::into_response((StatusCode::INTERNAL_SERVER_ERROR, body));
            r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
            r
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    (format!("http://{addr}"), hits)
}

/// An endpoint that accepts connections and never answers.
async fn silent_endpoint() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    format!("http://{addr}")
}

async fn table_at(endpoint: String) -> DynamoTable {
    let sdk = sdk_at(endpoint).await;
    DynamoTable::new(aws_sdk_dynamodb::Client::new(&sdk), "invitations")
}

/// An SDK configuration for `endpoint`: two attempts per request, 300 ms each.
async fn sdk_at(endpoint: String) -> aws_config::SdkConfig {
    aws_config::defaults(aws_config::BehaviorVersion::latest())
        .endpoint_url(endpoint)
        .region(aws_config::Region::new("us-east-1"))
        .credentials_provider(aws_sdk_dynamodb::config::Credentials::new(
            "testing", "testing", None, None, "test",
        ))
        .retry_config(
            aws_config::retry::RetryConfig::standard()
                .with_max_attempts(2)
                .with_initial_backoff(Duration::from_millis(5)),
        )
        .timeout_config(
            aws_config::timeout::TimeoutConfig::builder()
                .operation_attempt_timeout(Duration::from_millis(300))
                .operation_timeout(Duration::from_secs(1))
                .build(),
        )
        .load()
        .await
}

#[tokio::test]
async fn dynamodb_throttling_and_timeouts_become_retryable_errors_not_panics() {
    let throttled = table_at(throttling_endpoint().await).await;
    assert_eq!(
        throttled.get("T#1", "M#1").await,
        Err(TableError::Throttled)
    );
    assert_eq!(
        throttled.transact(vec![]).await.err(),
        Some(TableError::Throttled)
    );

    let silent = table_at(silent_endpoint().await).await;
    let started = std::time::Instant::now();
    assert_eq!(silent.get("T#1", "M#1").await, Err(TableError::Throttled));
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the timeout bounds the wait"
    );
}

/// What the SDK would send as the token of every request, were the table to leave it the
/// client's provider (the SDK's test defaults fix it the same way).
const PROVIDER_TOKEN: &str = "00000000-0000-4000-8000-000000000000";

/// The `ClientRequestToken` of each TransactWriteItems request sent, in order.
fn transaction_tokens(sent: &[requests::Sent]) -> Vec<String> {
    sent.iter()
        .filter(|s| s.operation == "TransactWriteItems")
        .map(|s| {
            let body: serde_json::Value = serde_json::from_str(&s.body).expect("a JSON body");
            body["ClientRequestToken"]
                .as_str()
                .unwrap_or_else(|| panic!("a TransactWriteItems without a token: {}", s.body))
                .to_string()
        })
        .collect()
}

fn put(pk: &str, sk: &str) -> Write {
    Write::Put {
        item: invitations::ports::Item {
            pk: pk.into(),
            sk: sk.into(),
            version: 1,
            expires_at: None,
            body: json!({"n": 1}).into(),
        },
        condition: invitations::ports::Condition::NotExists,
    }
}

#[tokio::test]
async fn each_dynamodb_transaction_has_a_request_token_of_its_own_that_its_retries_repeat() {
    // Throttled, then no answer at all (a timeout): both are tried again by the SDK.
    for (endpoint, fault) in [
        (throttling_endpoint().await, "throttled"),
        (silent_endpoint().await, "timed out"),
    ] {
        let log = RequestLog::default();
        let conf = aws_sdk_dynamodb::config::Builder::from(&sdk_at(endpoint).await)
            .interceptor(log.clone())
            .idempotency_token_provider(PROVIDER_TOKEN)
            .build();
        let table = DynamoTable::new(aws_sdk_dynamodb::Client::from_conf(conf), "invitations");
        for sk in ["M#1", "M#2"] {
            assert_eq!(
                table.transact(vec![put("T#1", sk)]).await.err(),
                Some(TableError::Throttled),
                "{fault}"
            );
        }
        let tokens = transaction_tokens(&log.take());
        assert_eq!(
            tokens.len(),
            4,
            "{fault}: two transactions, two attempts each"
        );
        assert_eq!(tokens[0], tokens[1], "{fault}: the retry repeats the token");
        assert_eq!(tokens[2], tokens[3], "{fault}: the retry repeats the token");
        assert_ne!(
            tokens[0], tokens[2],
            "{fault}: each transaction has its own"
        );
        for t in &tokens {
            assert!(
                !t.is_empty() && t.len() <= 36 && t != PROVIDER_TOKEN,
                "{fault}: {t}"
            );
        }
    }
}

#[tokio::test]
async fn every_transaction_the_service_sends_to_dynamodb_carries_a_request_token_of_its_own() {
    let (app, log) = logged_app().await;
    let tenant = app.tenant("Hotel Token").await;
    app.invite_ok(&tenant, "token-1@example.com", "user").await;
    app.invite_ok(&tenant, "token-2@example.com", "user").await;
    app.deliver_outbox().await;
    let token = app.latest_token("token-1@example.com").await;
    app.accept(&token, PASSWORD).await.ok(200);
    let tokens = transaction_tokens(&log.take());
    assert!(tokens.len() >= 4, "{tokens:?}");
    let distinct: std::collections::HashSet<&String> = tokens.iter().collect();
    assert_eq!(distinct.len(), tokens.len(), "{tokens:?}");
}

#[tokio::test]
async fn a_5xx_from_any_aws_service_is_worth_trying_again_later_once_the_sdk_has_retried() {
    use invitations::adapters::{scheduler::EventBridgeScheduler, ses::SesMailer, sns::SnsSms};
    use invitations::ports::{
        DeferredSend, EmailMessage, Mailer, ScheduleError, Scheduler, SendError, SmsMessage,
        SmsSender,
    };
    let (endpoint, hits) = failing_endpoint().await;
    let sdk = sdk_at(endpoint).await;
    // Each call is sent twice (`sdk_at` allows two attempts) before its error is classified.
    let tried_twice = |what: &str| {
        assert_eq!(
            hits.swap(0, Ordering::SeqCst),
            2,
            "{what}: the SDK retried the 500"
        );
    };

    let table = DynamoTable::new(aws_sdk_dynamodb::Client::new(&sdk), "invitations");
    assert_eq!(table.get("T#1", "M#1").await, Err(TableError::Throttled));
    tried_twice("GetItem");
    let query = Query {
        pk: "T#1".into(),
        sk_prefix: "M#".into(),
        start_after: None,
        limit: 10,
        forward: true,
        consistent: true,
    };
    assert_eq!(table.query(&query).await.err(), Some(TableError::Throttled));
    tried_twice("Query");
    assert_eq!(
        table.transact(vec![put("T#1", "M#1")]).await.err(),
        Some(TableError::Throttled)
    );
    tried_twice("TransactWriteItems");

    let ses = SesMailer::new(
        aws_sdk_sesv2::Client::new(&sdk),
        "invitations@invitations.test",
        None,
    );
    let email = EmailMessage {
        to: "ana@example.com".into(),
        subject: "Join".into(),
        text: "Join us".into(),
        html: "<p>Join us</p>".into(),
        ..Default::default()
    };
    let sent = ses.send_email(&email).await;
    assert!(matches!(sent, Err(SendError::Throttled)), "SES: {sent:?}");
    tried_twice("SendEmail");

    let sns = SnsSms::new(aws_sdk_sns::Client::new(&sdk), None);
    let sms = SmsMessage {
        to: "+34600000000".into(),
        text: "Join us".into(),
    };
    let sent = sns.send_sms(&sms).await;
    assert!(matches!(sent, Err(SendError::Throttled)), "SNS: {sent:?}");
    tried_twice("Publish");

    let scheduler = EventBridgeScheduler::new(
        aws_sdk_scheduler::Client::new(&sdk),
        "invitations",
        "arn:aws:lambda:us-east-1:000000000000:function:dispatch",
        "arn:aws:iam::000000000000:role/invitations-scheduler",
    );
    let at = chrono::NaiveDate::from_ymd_opt(2030, 1, 1)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .unwrap();
    let send = DeferredSend {
        tenant: uuid::Uuid::now_v7(),
        user: uuid::Uuid::now_v7(),
        generation: 1,
    };
    let scheduled = scheduler
        .schedule("inv-1", at, "Europe/Madrid", &send)
        .await;
    assert!(
        matches!(scheduled, Err(ScheduleError::Throttled)),
        "CreateSchedule: {scheduled:?}"
    );
    tried_twice("CreateSchedule");
    let cancelled = scheduler.cancel("inv-1").await;
    assert!(
        matches!(cancelled, Err(ScheduleError::Throttled)),
        "DeleteSchedule: {cancelled:?}"
    );
    tried_twice("DeleteSchedule");
}

/// A table that sends every request to `failing` (a real DynamoDB adapter, on an endpoint
/// that answers 500) while `failing_now` is set, and to the app's own table otherwise.
struct FailingWhenSet {
    inner: Arc<dyn Table>,
    failing: Arc<DynamoTable>,
    failing_now: Arc<std::sync::atomic::AtomicBool>,
}

impl FailingWhenSet {
    fn table(&self) -> &dyn Table {
        if self.failing_now.load(Ordering::SeqCst) {
            self.failing.as_ref()
        } else {
            self.inner.as_ref()
        }
    }
}

#[async_trait]
impl Table for FailingWhenSet {
    async fn get(
        &self,
        pk: &str,
        sk: &str,
    ) -> Result<Option<invitations::ports::Item>, TableError> {
        self.table().get(pk, sk).await
    }
    async fn get_eventual(
        &self,
        pk: &str,
        sk: &str,
    ) -> Result<Option<invitations::ports::Item>, TableError> {
        self.table().get_eventual(pk, sk).await
    }
    async fn query(&self, q: &Query) -> Result<Page, TableError> {
        self.table().query(q).await
    }
    async fn transact(&self, writes: Vec<Write>) -> Result<(), TableError> {
        self.table().transact(writes).await
    }
}

#[tokio::test]
async fn a_dynamodb_answering_500_gives_the_client_503_with_retry_after_never_500() {
    let (endpoint, _) = failing_endpoint().await;
    let failing = Arc::new(table_at(endpoint).await);
    let failing_now = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let switch = failing_now.clone();
    let options = Options {
        wrap_table: Some(Box::new(move |inner| {
            Arc::new(FailingWhenSet {
                inner,
                failing,
                failing_now: switch,
            }) as Arc<dyn Table>
        })),
        ..Default::default()
    };
    let app = TestApp::spawn_with(true, options).await;
    let admin_email = "admin@caido.example";
    let tenant = app.tenant_with_admin("Hotel Caido", admin_email).await;
    failing_now.store(true, Ordering::SeqCst);

    let invite = app
        .invite(&tenant, &tenant.token, json!({"email": "down@example.com"}))
        .await;
    let list = app
        .get(
            &format!("/v1/tenants/{}/users", tenant.id),
            Some(&tenant.token),
        )
        .await;
    let sign_in = app
        .post(
            "/v1/sessions",
            None,
            json!({"email": admin_email, "password": PASSWORD}),
        )
        .await;
    for (what, r) in [("invite", &invite), ("list", &list), ("sign-in", &sign_in)] {
        assert_eq!(r.status.as_u16(), 503, "{what}: {:?}", r.body);
        r.problem(503, "unavailable");
        assert!(
            r.headers.get("retry-after").is_some(),
            "{what}: Retry-After tells the client when to come back"
        );
    }

    failing_now.store(false, Ordering::SeqCst);
    assert!(
        app.list_all(&tenant, "&q=down", 50).await.is_empty(),
        "no member was half-created"
    );
    app.invite(&tenant, &tenant.token, json!({"email": "down@example.com"}))
        .await
        .ok(201);
}
