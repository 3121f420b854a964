use futures::future::join_all;
use serde_json::json;

use crate::helpers::{PASSWORD, TestApp};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sixteen_concurrent_accepts_of_one_token_give_exactly_one_success() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Race").await;
    app.invite_ok(&tenant, "racer@example.com", "user").await;
    let token = app.latest_token("racer@example.com").await;

    let attempts = (0..16).map(|_| app.accept(&token, PASSWORD));
    let replies = join_all(attempts).await;
    let ok = replies.iter().filter(|r| r.status.as_u16() == 200).count();
    assert_eq!(ok, 1, "exactly one accept wins");
    for r in replies.iter().filter(|r| r.status.as_u16() != 200) {
        r.problem(409, "invitation_used");
    }
    let stats = app.stats(&tenant).await;
    assert_eq!(
        (stats["active"].as_i64(), stats["invited"].as_i64()),
        (Some(2), Some(0))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sixteen_concurrent_invites_of_one_email_give_exactly_one_member_and_one_email() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Rush").await;
    let attempts =
        (0..16).map(|_| app.invite(&tenant, &tenant.token, json!({"email": "dup@example.com"})));
    let replies = join_all(attempts).await;
    assert_eq!(
        replies.iter().filter(|r| r.status.as_u16() == 201).count(),
        1
    );
    for r in replies.iter().filter(|r| r.status.as_u16() != 201) {
        r.problem(409, "already_member");
    }
    assert_eq!(app.outbox("dup@example.com").await.len(), 1);
    assert_eq!(app.stats(&tenant).await["invited"], 1);
    assert_eq!(app.list_all(&tenant, "&q=dup", 50).await.len(), 1);
}
