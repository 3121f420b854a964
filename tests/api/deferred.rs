use chrono::{DateTime, Datelike, Duration, Utc};
use serde_json::json;

use crate::helpers::{Tenant, TestApp};

fn at(v: &serde_json::Value) -> DateTime<Utc> {
    v.as_str()
        .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
        .map(|t| t.with_timezone(&Utc))
        .expect("a time")
}

async fn run(app: &TestApp) -> i64 {
    app.post("/dev/scheduler/run", None, json!({}))
        .await
        .ok(200)["fired"]
        .as_i64()
        .unwrap()
}

/// The schedules of this app's deferred sends (the Scheduler API on moto; the local
/// scheduler otherwise, seen through what would fire).
async fn schedules(app: &TestApp) -> Option<usize> {
    let group = app.schedule_group.as_ref()?;
    let client = aws_sdk_scheduler::Client::new(&crate::moto::sdk().await);
    let listed = client
        .list_schedules()
        .group_name(group)
        .send()
        .await
        .expect("list schedules");
    Some(listed.schedules().len())
}

async fn invite_later(app: &TestApp, tenant: &Tenant, email: &str, days: i64) -> serde_json::Value {
    let send_at = (Utc::now() + Duration::days(days))
        .format("%Y-%m-%dT%H:%M:%S")
        .to_string();
    let r = app
        .invite(
            tenant,
            &tenant.token,
            json!({"email": email, "send_at": send_at, "timezone": "UTC"}),
        )
        .await;
    r.ok(201).clone()
}

#[tokio::test]
async fn a_deferred_invitation_is_sent_once_at_its_time_and_its_link_lasts_24_hours_from_then() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Later").await;
    let member = invite_later(&app, &tenant, "starts@example.com", 2).await;
    assert_eq!(member["status"], "scheduled");
    assert_eq!(member["delivery"], json!({"email": "pending"}));
    assert_eq!(member["invite_expires_at"], serde_json::Value::Null);
    assert_eq!(app.stats(&tenant).await["scheduled"], 1);
    if let Some(n) = schedules(&app).await {
        assert_eq!(n, 1, "one EventBridge schedule");
    }

    app.advance_clock(86_400).await;
    run(&app).await;
    assert!(
        app.outbox("starts@example.com").await.is_empty(),
        "nothing before its time"
    );

    app.advance_clock(86_400 + 60).await;
    run(&app).await;
    run(&app).await;
    tokio::time::sleep(std::time::Duration::from_millis(1200)).await; // the timer ticks too
    assert_eq!(
        app.outbox("starts@example.com").await.len(),
        1,
        "exactly one message"
    );
    let sent = app.member(&tenant, member["id"].as_str().unwrap()).await;
    assert_eq!(sent["status"], "invited");
    assert_eq!(sent["delivery"], json!({"email": "sent"}));
    let expires = at(&sent["invite_expires_at"]);
    let send_at = at(&member["send_at"]);
    assert!(
        expires >= send_at + Duration::hours(24),
        "24 hours from the send, not from the request"
    );
    let token = app.latest_token("starts@example.com").await;
    app.preview(&token).await.ok(200);
    let stats = app.stats(&tenant).await;
    assert_eq!(
        (stats["scheduled"].as_i64(), stats["invited"].as_i64()),
        (Some(0), Some(1))
    );
    if let Some(n) = schedules(&app).await {
        assert_eq!(n, 0, "the schedule is deleted after it fired");
    }
    // The deferred send counts against the person's emails of the day.
    let user = member["id"].as_str().unwrap();
    for _ in 0..4 {
        app.action(&tenant, &tenant.token, user, "reinvite")
            .await
            .ok(200);
    }
    app.action(&tenant, &tenant.token, user, "reinvite")
        .await
        .problem(429, "rate_limited");
}

#[tokio::test]
async fn a_deferred_invitation_cancelled_before_its_time_is_never_sent_and_its_schedule_is_gone() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Never").await;
    let member = invite_later(&app, &tenant, "never@example.com", 3).await;
    let r = app
        .action(
            &tenant,
            &tenant.token,
            member["id"].as_str().unwrap(),
            "deactivate",
        )
        .await;
    assert_eq!(r.ok(200)["status"], "cancelled");
    if let Some(n) = schedules(&app).await {
        assert_eq!(n, 0, "the schedule was deleted");
    }
    app.advance_clock(4 * 86_400).await;
    assert_eq!(run(&app).await, 0, "nothing left to fire");
    tokio::time::sleep(std::time::Duration::from_millis(1200)).await;
    assert!(app.outbox("never@example.com").await.is_empty());
    assert_eq!(app.stats(&tenant).await["cancelled"], 1);
}

#[tokio::test]
async fn reinviting_a_scheduled_member_sends_now_and_the_old_schedule_sends_nothing() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Now").await;
    let member = invite_later(&app, &tenant, "now@example.com", 5).await;
    let r = app
        .action(
            &tenant,
            &tenant.token,
            member["id"].as_str().unwrap(),
            "reinvite",
        )
        .await;
    assert_eq!(r.ok(200)["status"], "invited");
    assert_eq!(app.outbox("now@example.com").await.len(), 1);
    app.advance_clock(6 * 86_400).await;
    run(&app).await;
    assert_eq!(app.outbox("now@example.com").await.len(), 1);
}

#[tokio::test]
async fn send_at_is_a_wall_clock_time_in_the_invitees_timezone_and_must_be_within_a_year() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Zona").await;
    // The next 15 January at 09:00 in Madrid (winter: UTC+1) is 08:00 UTC.
    let now = Utc::now();
    // Strictly after the 14th of January this year: next year's.
    let year = if (now.month(), now.day()) >= (1, 14) {
        now.year() + 1
    } else {
        now.year()
    };
    let r = app
        .invite(&tenant, &tenant.token, json!({"email": "tz@example.com", "send_at": format!("{year}-01-15T09:00:00"), "timezone": "Europe/Madrid"}))
        .await;
    assert_eq!(r.ok(201)["send_at"], format!("{year}-01-15T08:00:00Z"));

    let past = (now - Duration::hours(1))
        .format("%Y-%m-%dT%H:%M:%S")
        .to_string();
    let far = (now + Duration::days(400))
        .format("%Y-%m-%dT%H:%M:%S")
        .to_string();
    for (body, field) in [
        (
            json!({"email": "p@example.com", "send_at": past}),
            "send_at",
        ),
        (json!({"email": "f@example.com", "send_at": far}), "send_at"),
        (
            json!({"email": "g@example.com", "send_at": "tomorrow"}),
            "send_at",
        ),
        (
            json!({"email": "z@example.com", "send_at": format!("{year}-01-15T09:00:00"), "timezone": "Mars/Olympus"}),
            "timezone",
        ),
    ] {
        let r = app.invite(&tenant, &tenant.token, body.clone()).await;
        r.problem(400, "validation_failed");
        assert_eq!(r.body["errors"][0]["field"], field, "{body}");
    }
    assert_eq!(app.stats(&tenant).await["scheduled"], 1);
}
