//! Every Lambda binary, as built, under a small Lambda Runtime API on loopback, configured as in
//! AWS (the AWS backend, here against moto): it takes API Gateway HTTP API (v2) events and
//! answers them, and it never serves the `/dev/` routes.

#[path = "support/moto.rs"]
mod moto;

#[path = "support/lambda.rs"]
mod lambda;

use std::path::PathBuf;
use std::process::Command;

use lambda::{Started, event, lambda_env_on};
use serde_json::{Value, json};

fn binary(name: &str) -> PathBuf {
    // target/<profile>/deps/lambda_runtime-<hash> → target/<profile>/<name>
    let exe = std::env::current_exe().expect("current exe");
    let dir = exe.parent().and_then(|d| d.parent()).expect("target dir");
    let path = dir.join(name);
    assert!(
        path.exists(),
        "{} is not built: run `cargo build --workspace` (make test does)",
        path.display()
    );
    path
}

/// The environment a function has in AWS, aimed at moto, with a table of its own.
async fn lambda_env(name: &str) -> Vec<(String, String)> {
    lambda_env_on(name, &moto::fresh_table()).await
}

/// The service on the AWS adapters (moto), on `table`: to set up what a function then finds.
async fn app_on(table: &str) -> (std::sync::Arc<invitations::app::App>, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("invitations-lambda-{}", uuid::Uuid::now_v7()));
    let config =
        invitations::config::Config::local_aws(dir.clone(), "https://app.example.com", table);
    let clients = invitations::app::AwsClients::from_sdk(&moto::sdk().await);
    let parts = invitations::app::App::aws_parts(&config, &clients)
        .await
        .unwrap();
    (invitations::app::App::assemble(config, parts).unwrap(), dir)
}

/// Starts `name` against a fresh Runtime API and returns its answers to `events`.
async fn invoke(name: &str, events: Vec<Value>) -> Vec<Value> {
    invoke_with(name, lambda_env(name).await, events).await
}

async fn invoke_with(name: &str, env: Vec<(String, String)>, events: Vec<Value>) -> Vec<Value> {
    let mut function = Started::start(&binary(name), env).await;
    let mut answers = Vec::new();
    for (i, e) in events.into_iter().enumerate() {
        let answer = function
            .invoke(&format!("req-{i}"), e)
            .await
            .unwrap_or_else(|| panic!("{name} did not answer"));
        answers.push(answer);
    }
    answers
}

fn status_and_body(answer: &Value) -> (u64, Value) {
    let status = answer["statusCode"]
        .as_u64()
        .unwrap_or_else(|| panic!("not an API Gateway response: {answer}"));
    let body = answer["body"]
        .as_str()
        .map(|b| serde_json::from_str(b).unwrap_or(Value::String(b.into())))
        .unwrap_or(Value::Null);
    (status, body)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_function_answers_api_gateway_events_under_the_runtime_api() {
    let tenant = uuid::Uuid::now_v7();
    let user = uuid::Uuid::now_v7();
    let json_headers = json!({"content-type": "application/json"});
    // (binary, one of its own routes, expected status and code without a session)
    let cases = [
        (
            "invite",
            event(
                "POST",
                &format!("/v1/tenants/{tenant}/invitations"),
                Some(json!({"email": "a@example.com"})),
                json_headers.clone(),
            ),
            401,
            "unauthenticated",
        ),
        (
            "accept",
            event(
                "POST",
                "/v1/invitations/preview",
                Some(json!({"token": "A".repeat(43)})),
                json_headers.clone(),
            ),
            404,
            "invitation_invalid",
        ),
        (
            "reinvite",
            event(
                "POST",
                &format!("/v1/tenants/{tenant}/users/{user}/reinvite"),
                None,
                json!({}),
            ),
            401,
            "unauthenticated",
        ),
        (
            "deactivate",
            event(
                "POST",
                &format!("/v1/tenants/{tenant}/users/{user}/deactivate"),
                None,
                json!({}),
            ),
            401,
            "unauthenticated",
        ),
        (
            "list",
            event(
                "GET",
                &format!("/v1/tenants/{tenant}/users"),
                None,
                json!({}),
            ),
            401,
            "unauthenticated",
        ),
        (
            "sessions",
            event(
                "POST",
                "/v1/sessions",
                Some(json!({"email": "nobody@example.com", "password": "not the password"})),
                json_headers.clone(),
            ),
            401,
            "invalid_credentials",
        ),
        (
            "edit",
            event(
                "PATCH",
                &format!("/v1/tenants/{tenant}/users/{user}"),
                Some(json!({"first_name": "A"})),
                json_headers.clone(),
            ),
            401,
            "unauthenticated",
        ),
    ];
    for (name, own_route, status, code) in cases {
        let dev = event(
            "POST",
            "/dev/tenants",
            Some(json!({"name": "x"})),
            json_headers.clone(),
        );
        let health = event("GET", "/healthz", None, json!({}));
        let answers = invoke(name, vec![own_route, health, dev]).await;

        let (s, body) = status_and_body(&answers[0]);
        assert_eq!(
            (s, body["code"].as_str().unwrap_or("")),
            (status, code),
            "{name}: {body}"
        );
        assert_eq!(
            answers[0]["headers"]["content-type"], "application/problem+json",
            "{name}"
        );
        assert_eq!(answers[0]["headers"]["cache-control"], "no-store", "{name}");

        let (s, body) = status_and_body(&answers[1]);
        assert_eq!((s, &body["status"]), (200, &json!("ok")), "{name} /healthz");

        let (s, body) = status_and_body(&answers[2]);
        assert_eq!(
            (s, body["code"].as_str().unwrap_or("")),
            (404, "not_found"),
            "{name} must not serve /dev/tenants"
        );
    }
}

#[tokio::test]
async fn a_function_missing_its_configuration_stops_with_the_variable_named() {
    let env: Vec<(String, String)> = lambda_env("list")
        .await
        .into_iter()
        .filter(|(k, _)| k != "TABLE_NAME")
        .collect();
    let out = Command::new(binary("list"))
        .env_clear()
        .envs(env)
        .env("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9")
        .output()
        .expect("run the function");
    assert!(!out.status.success());
    let logs =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        logs.contains("TABLE_NAME"),
        "the error names the variable: {logs}"
    );
}

/// A tenant with its admin, made through the app on `table`: the app, its data folder, the
/// admin's principal and the tenant.
async fn tenant_on(
    table: &str,
) -> (
    std::sync::Arc<invitations::app::App>,
    std::path::PathBuf,
    invitations::session::Principal,
    uuid::Uuid,
) {
    use invitations::usecases::tenants;
    let (app, dir) = app_on(table).await;
    let admin = tenants::NewAdmin {
        email: format!("boss-{}@example.com", uuid::Uuid::now_v7().simple()),
        password: "correct horse battery staple".into(),
        first_name: "Marta".into(),
        last_name: "Gil".into(),
    };
    let tenant = tenants::create(
        &app,
        tenants::NewTenant {
            name: "Hotel Lambda".into(),
            products: vec![],
            sms_countries: vec!["ES".into()],
            admin,
        },
    )
    .await
    .unwrap();
    let profile = app
        .sessions
        .verify(&tenant.token, chrono::Utc::now())
        .unwrap();
    let (_, access) = app
        .store
        .profile_with_access(profile.profile)
        .await
        .unwrap();
    let tenant_id = access[0].tenant_id;
    (app, dir, profile, tenant_id)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dispatch_queues_a_deferred_invitation_and_deliver_sends_it_once_however_often_either_fires()
 {
    use invitations::usecases::invite;
    // A tenant with a scheduled member, in the table the function will use.
    let table = moto::fresh_table();
    let (app, dir, profile, tenant_id) = tenant_on(&table).await;
    let to = format!("later-{}@example.com", uuid::Uuid::now_v7().simple());
    let send_at = (chrono::Utc::now() + chrono::Duration::days(1))
        .format("%Y-%m-%dT%H:%M:%S")
        .to_string();
    let request = invite::InviteRequest {
        email: Some(to.clone()),
        send_at: Some(send_at),
        ..Default::default()
    };
    let member = invite::invite(&app, profile, tenant_id, request)
        .await
        .unwrap();
    let _ = std::fs::remove_dir_all(dir);

    let event = json!({"tenant": member.tenant_id, "user": member.id, "generation": 1});
    let answers = invoke_with(
        "dispatch",
        lambda_env_on("dispatch", &table).await,
        vec![event.clone(), event],
    )
    .await;
    assert_eq!(answers[0], json!({"outcome": "queued"}), "{answers:?}");
    assert_eq!(answers[1], json!({"outcome": "skipped"}), "{answers:?}");

    // The table's stream hands the new outbox entry to `deliver` (a record as Lambda passes
    // it, keys only), perhaps more than once: one email.
    let record = lambda::outbox_record(
        &member.tenant_id.to_string(),
        &member.id.to_string(),
        "email",
    );
    let answers = invoke_with(
        "deliver",
        lambda_env_on("deliver", &table).await,
        vec![record.clone(), record],
    )
    .await;
    for answer in &answers {
        assert_eq!(answer, &json!({"batchItemFailures": []}), "{answers:?}");
    }
    let data = moto::recorded().await;
    let sent = data["ses"]["Message"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m.to_string().contains(&to))
        .count();
    assert_eq!(sent, 1, "one email however often the schedule fires");
}

/// What the stream never handed over (a record that aged out while SES throttled, an attempt
/// that died mid-send) is sent by the scheduled sweep, once however often it runs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_scheduled_sweep_sends_what_the_stream_did_not_hand_over() {
    use invitations::usecases::invite;
    let table = moto::fresh_table();
    let (app, dir, profile, tenant_id) = tenant_on(&table).await;
    let to = format!("swept-{}@example.com", uuid::Uuid::now_v7().simple());
    let request = invite::InviteRequest {
        email: Some(to.clone()),
        ..Default::default()
    };
    let member = invite::invite(&app, profile, tenant_id, request)
        .await
        .unwrap();
    let _ = std::fs::remove_dir_all(dir);
    // A fresh entry is the stream's to hand over first: the sweep leaves it a few seconds.
    let sweep = json!({"sweep": true});
    let env = lambda_env_on("deliver", &table).await;
    let early = invoke_with("deliver", env.clone(), vec![sweep.clone()]).await;
    assert_eq!(early[0], json!({"swept": true}), "{early:?}");
    let sent = || async {
        let data = moto::recorded().await;
        data["ses"]["Message"]
            .as_array()
            .map(|all| all.iter().filter(|m| m.to_string().contains(&to)).count())
            .unwrap_or(0)
    };
    assert_eq!(sent().await, 0, "a fresh entry waits for the stream");
    tokio::time::sleep(std::time::Duration::from_secs(6)).await;
    let answers = invoke_with("deliver", env, vec![sweep.clone(), sweep]).await;
    assert_eq!(answers, vec![json!({"swept": true}); 2], "{answers:?}");
    assert_eq!(sent().await, 1, "one email however often the sweep runs");
    let now = app
        .store
        .member(tenant_id, member.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        serde_json::to_value(&now.value.delivery).unwrap()["email"],
        "sent",
        "the member shows the email as sent"
    );
}

/// An invitation texted through SNS, then its carrier's receipt as SNS's delivery-status
/// logging writes it (a line of the `DirectPublishToPhoneNumber` log group, handed over by a
/// CloudWatch Logs subscription: base64 of gzip of JSON): the member's SMS delivery follows it.
/// A receipt about a message this service did not send changes nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_records_an_sms_carrier_receipt_on_its_member() {
    use invitations::usecases::invite;
    use std::io::Write as _;
    let table = moto::fresh_table();
    let (app, dir, profile, tenant_id) = tenant_on(&table).await;
    let number = format!("+3460{:07}", uuid::Uuid::now_v7().as_u128() % 10_000_000);
    let request = invite::InviteRequest {
        phone: Some(number.clone()),
        channels: Some(vec![invitations::model::Channel::Sms]),
        ..Default::default()
    };
    let member = invite::invite(&app, profile, tenant_id, request)
        .await
        .unwrap();
    let _ = std::fs::remove_dir_all(dir);
    let record =
        lambda::outbox_record(&member.tenant_id.to_string(), &member.id.to_string(), "sms");
    let answers = invoke_with(
        "deliver",
        lambda_env_on("deliver", &table).await,
        vec![record],
    )
    .await;
    assert_eq!(answers[0], json!({"batchItemFailures": []}), "{answers:?}");
    let data = moto::recorded().await;
    let message_id = data["sns"]["SMS"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["phone_number"] == number.as_str())
        .and_then(|m| m["message_id"].as_str())
        .expect("the SMS at SNS")
        .to_string();
    let sms_delivery = || async {
        let stored = app
            .store
            .member(member.tenant_id, member.id)
            .await
            .unwrap()
            .unwrap();
        (
            stored.value.delivery[&invitations::model::Channel::Sms],
            stored
                .value
                .delivery_errors
                .get(&invitations::model::Channel::Sms)
                .cloned(),
        )
    };
    assert_eq!(sms_delivery().await.0, invitations::model::Delivery::Sent);

    let line = |id: &str, status: &str, said: &str| {
        json!({
            "notification": {"messageId": id, "timestamp": "2016-06-28 00:40:34.558"},
            "delivery": {"phoneCarrier": "My Phone Carrier", "mnc": 270, "destination": number,
                "priceInUSD": 0.00645, "smsType": "Transactional", "mcc": 310,
                "providerResponse": said, "dwellTimeMs": 599, "dwellTimeMsUntilDeviceAck": 1344},
            "status": status
        })
        .to_string()
    };
    let subscription = |group: &str, lines: Vec<String>| {
        let data = json!({
            "messageType": "DATA_MESSAGE",
            "owner": "123456789012",
            "logGroup": group,
            "logStream": "7a6d8f2c-0000-4000-8000-000000000000",
            "subscriptionFilters": ["invitations-sms-receipts"],
            "logEvents": lines.into_iter().enumerate().map(|(i, message)| json!({
                "id": format!("3195310660696698337880902507980421114328961542429{i:04}"),
                "timestamp": 1467074434558i64,
                "message": message
            })).collect::<Vec<_>>()
        });
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(data.to_string().as_bytes()).unwrap();
        let packed = base64::Engine::encode(
            &base64::engine::general_purpose::STANDARD,
            gz.finish().unwrap(),
        );
        json!({"awslogs": {"data": packed}})
    };
    let env = lambda_env_on("events", &table).await;
    let group = "sns/us-east-1/123456789012/DirectPublishToPhoneNumber";
    let failure_group = format!("{group}/Failure");
    let answers = invoke_with(
        "events",
        env,
        vec![
            // Someone else's text in the same account: nothing to record.
            subscription(
                group,
                vec![line(
                    "0b9c4b52-6a58-5a0b-9e2a-000000000000",
                    "SUCCESS",
                    "Message has been accepted by phone carrier",
                )],
            ),
            subscription(
                &failure_group,
                vec![line(
                    &message_id,
                    "FAILURE",
                    "Phone is currently unreachable/unavailable",
                )],
            ),
        ],
    )
    .await;
    assert_eq!(
        answers,
        vec![json!({"recorded": 0}), json!({"recorded": 1})],
        "{answers:?}"
    );
    let (delivery, why) = sms_delivery().await;
    assert_eq!(delivery, invitations::model::Delivery::Failed);
    assert_eq!(
        why.as_deref(),
        Some("Phone is currently unreachable/unavailable")
    );
}

/// A session scoped to one tenant (as a quick access code gives) is refused by every function
/// for any other tenant, even one where its profile is an admin; a full session is not.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scoped_session_reaches_only_its_tenant_in_every_function() {
    use invitations::usecases::tenants;
    let table = moto::fresh_table();
    let (app, dir) = app_on(&table).await;
    let email = format!("both-{}@example.com", uuid::Uuid::now_v7().simple());
    let admin = || tenants::NewAdmin {
        email: email.clone(),
        password: "correct horse battery staple".into(),
        first_name: "Marta".into(),
        last_name: "Gil".into(),
    };
    let mut created = Vec::new();
    for name in ["Hotel Scoped", "Hotel Other"] {
        let tenant = tenants::NewTenant {
            name: name.into(),
            products: vec![],
            sms_countries: vec![],
            admin: admin(),
        };
        created.push(tenants::create(&app, tenant).await.unwrap());
    }
    let _ = std::fs::remove_dir_all(dir);
    let (a, b) = (&created[0], &created[1]);
    let profile = app
        .sessions
        .verify(&a.token, chrono::Utc::now())
        .unwrap()
        .profile;
    let scoped = lambda::session_token(profile, Some(a.tenant_id)).await;
    let full = lambda::session_token(profile, None).await;
    let with = |session: &str, method: &str, path: String, body: Option<Value>| {
        event(
            method,
            &path,
            body,
            json!({"content-type": "application/json", "authorization": format!("Bearer {session}")}),
        )
    };
    let (other, other_admin) = (b.tenant_id, b.admin_user_id);
    let routes: Vec<(&str, &str, String, Option<Value>)> = vec![
        ("list", "GET", format!("/v1/tenants/{other}/users"), None),
        ("list", "GET", format!("/v1/tenants/{other}/stats"), None),
        (
            "invite",
            "POST",
            format!("/v1/tenants/{other}/invitations"),
            Some(json!({"email": "x@example.com"})),
        ),
        (
            "reinvite",
            "POST",
            format!("/v1/tenants/{other}/users/{other_admin}/access-code"),
            None,
        ),
        (
            "deactivate",
            "POST",
            format!("/v1/tenants/{other}/users/{other_admin}/deactivate"),
            None,
        ),
        (
            "edit",
            "PATCH",
            format!("/v1/tenants/{other}/users/{other_admin}"),
            Some(json!({"first_name": "Mallory"})),
        ),
    ];
    for (name, method, path, body) in routes {
        let answers = invoke_with(
            name,
            lambda_env_on(name, &table).await,
            vec![with(&scoped, method, path.clone(), body)],
        )
        .await;
        let (status, body) = status_and_body(&answers[0]);
        assert_eq!(
            (status, body["code"].as_str().unwrap_or("")),
            (404, "not_found"),
            "{name} {path}: {body}"
        );
    }
    let answers = invoke_with(
        "list",
        lambda_env_on("list", &table).await,
        vec![
            with(
                &scoped,
                "GET",
                format!("/v1/tenants/{}/users", a.tenant_id),
                None,
            ),
            with(&full, "GET", format!("/v1/tenants/{other}/users"), None),
        ],
    )
    .await;
    assert_eq!(status_and_body(&answers[0]).0, 200, "its own tenant");
    assert_eq!(status_and_body(&answers[1]).0, 200, "a full session");

    // `sessions` signs in with the private key it reads from Secrets Manager (on moto), and
    // `list`, which holds only the public key, takes the session.
    let sign_in = event(
        "POST",
        "/v1/sessions",
        Some(json!({"email": email, "password": "correct horse battery staple"})),
        json!({"content-type": "application/json"}),
    );
    let answers = invoke_with(
        "sessions",
        lambda_env_on("sessions", &table).await,
        vec![sign_in],
    )
    .await;
    let (status, body) = status_and_body(&answers[0]);
    assert_eq!(status, 200, "{body}");
    let token = body["token"].as_str().unwrap().to_string();
    let answers = invoke_with(
        "list",
        lambda_env_on("list", &table).await,
        vec![with(
            &token,
            "GET",
            format!("/v1/tenants/{other}/users"),
            None,
        )],
    )
    .await;
    assert_eq!(status_and_body(&answers[0]).0, 200);
}

/// SES publishes a bounce to the events topic; SNS hands it to `events` (a record as Lambda
/// passes it, its message the sample of SES's developer guide with our `outbox` tag): the
/// member shows it, and the address is suppressed in the tenant.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_records_an_ses_bounce_on_its_member_and_suppresses_the_address() {
    use invitations::usecases::invite;
    let table = moto::fresh_table();
    let (app, dir, profile, tenant_id) = tenant_on(&table).await;
    let to = format!("gone-{}@example.com", uuid::Uuid::now_v7().simple());
    let request = invite::InviteRequest {
        email: Some(to.clone()),
        ..Default::default()
    };
    let member = invite::invite(&app, profile, tenant_id, request)
        .await
        .unwrap();
    let _ = std::fs::remove_dir_all(dir);
    let tag = format!("{}_{}_{:010}_email", member.tenant_id, member.id, 1);
    let ses_event = json!({
        "eventType": "Bounce",
        "bounce": {
            "bounceType": "Permanent",
            "bounceSubType": "General",
            "bouncedRecipients": [{"emailAddress": to, "action": "failed", "status": "5.1.1",
                "diagnosticCode": "smtp; 550 5.1.1 user unknown"}],
            "timestamp": "2017-08-05T00:41:02.669Z",
            "feedbackId": "01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000",
            "reportingMTA": "dsn; mta.example.com"
        },
        "mail": {
            "timestamp": "2017-08-05T00:40:02.012Z",
            "source": "Sender Name <sender@example.com>",
            "sourceArn": "arn:aws:ses:us-east-1:123456789012:identity/sender@example.com",
            "sendingAccountId": "123456789012",
            "messageId": "EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000",
            "destination": [to],
            "headersTruncated": false,
            "tags": {"ses:configuration-set": ["invitations-delivery"], "outbox": [tag]}
        }
    });
    let notification = json!({"Records": [{
        "EventSource": "aws:sns",
        "EventVersion": "1.0",
        "EventSubscriptionArn": "arn:aws:sns:us-east-1:123456789012:invitations-delivery-events:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55",
        "Sns": {
            "Type": "Notification",
            "MessageId": "95df01b4-ee98-5cb9-9903-4c221d41eb5e",
            "TopicArn": "arn:aws:sns:us-east-1:123456789012:invitations-delivery-events",
            "Subject": null,
            "Message": ses_event.to_string(),
            "Timestamp": "2017-08-05T00:41:03.000Z",
            "SignatureVersion": "1",
            "Signature": "EXAMPLE",
            "SigningCertUrl": "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem",
            "UnsubscribeUrl": "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe",
            "MessageAttributes": {}
        }
    }]});
    let answers = invoke_with(
        "events",
        lambda_env_on("events", &table).await,
        vec![notification],
    )
    .await;
    assert_eq!(answers[0], json!({"recorded": 1}), "{answers:?}");
    let stored = app
        .store
        .member(member.tenant_id, member.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        stored.value.delivery[&invitations::model::Channel::Email],
        invitations::model::Delivery::Bounced
    );
    let key = invitations::validate::email_key(&to);
    let suppressed = app.store.suppression(member.tenant_id, &key).await.unwrap();
    assert_eq!(suppressed.map(|s| s.reason).as_deref(), Some("bounce"));
}
