//! The audit trail: every change and security event leaves exactly one entry, with its actor,
//! target and changes, in the transaction of the change (a failed transaction leaves neither);
//! admins page and filter it, export it as formula-safe CSV, and read a member's history.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use async_trait::async_trait;
use invitations::ports::{Item, Page, Query, Table, TableError, Write};
use serde_json::{Value, json};

use crate::helpers::{Options, PASSWORD, Tenant, TestApp, aws_backend};

const DAY: i64 = 24 * 3600;

/// Every entry of the tenant's trail, newest first, paging `limit` at a time.
async fn trail(app: &TestApp, tenant: &Tenant, query: &str, limit: usize) -> Vec<Value> {
    let mut entries = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..200 {
        let mut path = format!("/v1/tenants/{}/audit?limit={limit}{query}", tenant.id);
        if let Some(c) = &cursor {
            path.push_str(&format!("&cursor={c}"));
        }
        let page = app.get(&path, Some(&tenant.token)).await;
        let body = page.ok(200);
        entries.extend(body["items"].as_array().expect("items").iter().cloned());
        match body["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => return entries,
        }
    }
    panic!("paging did not end");
}

/// The entries of `action` whose target is `user`.
fn of<'a>(entries: &'a [Value], action: &str, user: &str) -> Vec<&'a Value> {
    entries
        .iter()
        .filter(|e| e["action"] == action && e["target"]["user_id"] == user)
        .collect()
}

/// The one entry of `action` on `user`.
fn one<'a>(entries: &'a [Value], action: &str, user: &str) -> &'a Value {
    let found = of(entries, action, user);
    assert_eq!(found.len(), 1, "one {action} on {user}: {entries:#?}");
    found[0]
}

#[tokio::test]
async fn every_action_leaves_exactly_one_entry_with_its_actor_target_and_changes() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Registro").await;

    // Invited (by the admin), sent (by the service), a link minted, a code given, reinvited.
    let invited = app
        .invite(
            &tenant,
            &tenant.token,
            json!({"email": "ana@example.com", "first_name": "Ana", "last_name": "Ruiz", "role": "user"}),
        )
        .await;
    let request_id = invited.headers["x-request-id"]
        .to_str()
        .unwrap()
        .to_string();
    let ana = invited.ok(201)["id"].as_str().unwrap().to_string();
    app.delivered(&tenant, &ana, "email").await;
    app.post(
        &format!("/v1/tenants/{}/users/{ana}/invitation-link", tenant.id),
        Some(&tenant.token),
        json!({"format": "url"}),
    )
    .await
    .ok(200);
    app.action(&tenant, &tenant.token, &ana, "access-code")
        .await
        .ok(201);
    app.action(&tenant, &tenant.token, &ana, "reinvite")
        .await
        .ok(200);
    app.send(
        reqwest::Method::PATCH,
        &format!("/v1/tenants/{}/users/{ana}", tenant.id),
        Some(&tenant.token),
        Some(json!({"last_name": "Ruiz Gil"})),
    )
    .await
    .ok(200);

    // Accepted, signed in, a wrong password, a new password (by Ana).
    app.delivered(&tenant, &ana, "email").await;
    let accepted = app
        .accept(&app.latest_token("ana@example.com").await, PASSWORD)
        .await;
    let session = accepted.ok(200)["session"]["token"]
        .as_str()
        .unwrap()
        .to_string();
    app.post(
        "/v1/sessions",
        None,
        json!({"email": "ana@example.com", "password": PASSWORD}),
    )
    .await
    .ok(200);
    app.post(
        "/v1/sessions",
        None,
        json!({"email": "ana@example.com", "password": "not the password at all"}),
    )
    .await
    .problem(401, "invalid_credentials");
    app.post(
        "/v1/me/password",
        Some(&session),
        json!({"current_password": PASSWORD, "new_password": "a brand new long passphrase"}),
    )
    .await
    .ok(200);

    // Deactivated and reactivated; another invitation cancelled; a bounce and a delivery.
    app.action(&tenant, &tenant.token, &ana, "deactivate")
        .await
        .ok(200);
    app.action(&tenant, &tenant.token, &ana, "reactivate")
        .await
        .ok(200);
    let bob = app.invite_ok(&tenant, "bob@example.com", "user").await;
    let bob = bob["id"].as_str().unwrap().to_string();
    app.action(&tenant, &tenant.token, &bob, "deactivate")
        .await
        .ok(200);
    let bounced = app
        .invite_ok(&tenant, "bounce@simulator.amazonses.com", "user")
        .await;
    let bounced = bounced["id"].as_str().unwrap().to_string();
    let delivered = app
        .invite_ok(&tenant, "success@simulator.amazonses.com", "user")
        .await;
    let delivered = delivered["id"].as_str().unwrap().to_string();
    for (user, state) in [(&bounced, "bounced"), (&delivered, "delivered")] {
        for _ in 0..100 {
            if app.member(&tenant, user).await["delivery"]["email"] == state {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }

    // Settings, an export, a renewal request.
    app.send(
        reqwest::Method::PATCH,
        &format!("/v1/tenants/{}/settings", tenant.id),
        Some(&tenant.token),
        Some(json!({"locale": "es", "invitation_ttl_hours": 48})),
    )
    .await
    .ok(200);
    app.get(
        &format!("/v1/tenants/{}/users/export.csv", tenant.id),
        Some(&tenant.token),
    )
    .await;
    let late = app.invite_ok(&tenant, "late@example.com", "user").await;
    let late = late["id"].as_str().unwrap().to_string();
    let token = app.latest_token("late@example.com").await;
    app.advance_clock(3 * DAY).await;
    app.post("/v1/invitations/renew", None, json!({"token": token}))
        .await
        .ok(202);

    let entries = trail(&app, &tenant, "", 7).await;
    let admin = json!({"user_id": tenant.admin_id, "name": "Ada Admin"});

    let e = one(&entries, "member.invited", &ana);
    assert_eq!(e["actor"], admin);
    assert_eq!(e["target"]["email"], "ana@example.com");
    assert_eq!(e["changes"]["status"], json!([null, "invited"]));
    assert_eq!(e["changes"]["role"], json!([null, "user"]));
    assert_eq!(
        e["request_id"],
        request_id.as_str(),
        "the request that did it"
    );
    let sent = of(&entries, "invitation.sent", &ana);
    assert_eq!(
        sent.len(),
        2,
        "the invitation and the reinvitation: {sent:#?}"
    );
    assert!(
        sent.iter().all(|e| e["actor"].is_null()
            && e["changes"]["delivery.email"] == json!(["pending", "sent"]))
    );
    assert_eq!(
        one(&entries, "invitation.link_minted", &ana)["actor"],
        admin
    );
    assert_eq!(one(&entries, "access_code.issued", &ana)["actor"], admin);
    assert_eq!(one(&entries, "member.reinvited", &ana)["actor"], admin);
    let e = one(&entries, "member.updated", &ana);
    assert_eq!(e["changes"], json!({"last_name": ["Ruiz", "Ruiz Gil"]}));
    let e = one(&entries, "member.accepted", &ana);
    assert_eq!(e["actor"]["user_id"], ana.as_str(), "Ana herself");
    assert_eq!(e["changes"]["status"], json!(["invited", "active"]));
    assert_eq!(
        of(&entries, "session.signed_in", &ana).len(),
        2,
        "sign-in, and the new password's session"
    );
    let e = one(&entries, "session.sign_in_failed", &ana);
    assert!(e["actor"].is_null(), "nobody known did it: {e}");
    assert_eq!(
        one(&entries, "password.changed", &ana)["actor"]["user_id"],
        ana.as_str()
    );
    let e = one(&entries, "member.deactivated", &ana);
    assert_eq!(e["changes"]["status"], json!(["active", "deactivated"]));
    let e = one(&entries, "member.reactivated", &ana);
    assert_eq!(e["changes"]["status"], json!(["deactivated", "active"]));
    let e = one(&entries, "member.cancelled", &bob);
    assert_eq!(e["changes"]["status"], json!(["invited", "cancelled"]));
    assert_eq!(
        one(&entries, "invitation.bounced", &bounced)["changes"]["delivery.email"][1],
        "bounced"
    );
    assert_eq!(
        one(&entries, "invitation.delivered", &delivered)["changes"]["delivery.email"][1],
        "delivered"
    );
    let e = one(&entries, "invitation.renewal_requested", &late);
    assert!(e["actor"].is_null());
    let settings: Vec<&Value> = entries
        .iter()
        .filter(|e| e["action"] == "settings.updated")
        .collect();
    assert_eq!(settings.len(), 1);
    assert_eq!(
        settings[0]["changes"],
        json!({"locale": ["en", "es"], "invitation_ttl_hours": [24, 48]})
    );
    assert_eq!(settings[0]["actor"], admin);
    let exported: Vec<&Value> = entries
        .iter()
        .filter(|e| e["action"] == "members.exported")
        .collect();
    assert_eq!(exported.len(), 1);
    assert_eq!(exported[0]["actor"], admin);

    // Newest first; every entry has the contract's fields.
    let times: Vec<&str> = entries.iter().map(|e| e["at"].as_str().unwrap()).collect();
    let mut sorted = times.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(times, sorted);
    for e in &entries {
        for field in [
            "id",
            "at",
            "actor",
            "action",
            "target",
            "changes",
            "request_id",
        ] {
            assert!(e.get(field).is_some(), "{field} in {e}");
        }
    }
}

#[tokio::test]
async fn admins_filter_and_page_the_trail_managers_read_histories_and_others_nothing() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Filtro").await;
    let other = app.tenant("Hotel Otro").await;
    let (manager, manager_token) = app
        .active_member(&tenant, "manager@example.com", "manager")
        .await;
    let manager = manager["id"].as_str().unwrap().to_string();
    let before = chrono::Utc::now() - chrono::Duration::seconds(1);
    let mut invited = Vec::new();
    for n in 0..5 {
        let m = app
            .invite(
                &tenant,
                &manager_token,
                json!({"email": format!("p{n}@example.com"), "first_name": "P", "last_name": format!("{n}")}),
            )
            .await;
        invited.push(m.ok(201)["id"].as_str().unwrap().to_string());
    }
    let first = &invited[0];
    app.action(&tenant, &tenant.token, first, "reinvite")
        .await
        .ok(200);
    // Every send recorded before the trail is read (the courier records them as it goes).
    for user in &invited {
        app.delivered(&tenant, user, "email").await;
    }
    app.app
        .courier
        .get()
        .unwrap()
        .settled(std::time::Duration::from_secs(5))
        .await;

    // Paged by 2: the same entries as one read.
    let all = trail(&app, &tenant, "", 100).await;
    let paged = trail(&app, &tenant, "", 2).await;
    let ids = |v: &[Value]| v.iter().map(|e| e["id"].clone()).collect::<Vec<_>>();
    assert_eq!(ids(&all), ids(&paged));

    // Filters, alone and together.
    let by_action = trail(&app, &tenant, "&action=member.invited", 2).await;
    assert!(by_action.iter().all(|e| e["action"] == "member.invited"));
    assert_eq!(
        by_action.len(),
        6,
        "five, and the manager's own: {by_action:#?}"
    );
    let by_actor = trail(&app, &tenant, &format!("&actor={manager}"), 3).await;
    assert_eq!(
        by_actor.len(),
        6,
        "five invitations and their own acceptance: {by_actor:#?}"
    );
    let invited_by = trail(
        &app,
        &tenant,
        &format!("&actor={manager}&action=member.invited"),
        2,
    )
    .await;
    assert_eq!(invited_by.len(), 5);
    assert!(
        by_actor
            .iter()
            .all(|e| e["actor"]["user_id"] == manager.as_str())
    );
    let on_first = trail(&app, &tenant, &format!("&target={first}"), 1).await;
    let actions: Vec<&str> = on_first
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(
        actions.contains(&"member.invited") && actions.contains(&"member.reinvited"),
        "{actions:?}"
    );
    assert!(
        on_first
            .iter()
            .all(|e| e["target"]["user_id"] == first.as_str())
    );
    let both = trail(
        &app,
        &tenant,
        &format!("&target={first}&action=member.reinvited"),
        10,
    )
    .await;
    assert_eq!(both.len(), 1);
    let since = urlencode(&before.to_rfc3339());
    let in_window = trail(&app, &tenant, &format!("&since={since}"), 2).await;
    assert_eq!(
        ids(&in_window),
        ids(&all[..in_window.len()]),
        "the newest ones"
    );
    assert!(in_window.len() >= 6, "{in_window:#?}");
    let oldest = all.last().unwrap()["at"].as_str().unwrap().to_string();
    let until = trail(&app, &tenant, &format!("&until={}", urlencode(&oldest)), 2).await;
    assert!(!until.is_empty());
    assert!(
        until
            .iter()
            .all(|e| e["at"].as_str().unwrap() <= oldest.as_str())
    );

    // A member's history: admins and managers (for members they manage).
    let path = format!("/v1/tenants/{}/users/{first}/history?limit=50", tenant.id);
    let history = app.get(&path, Some(&manager_token)).await;
    assert_eq!(
        ids(history.ok(200)["items"].as_array().unwrap()),
        ids(&on_first)
    );
    app.get(&path, Some(&tenant.token)).await.ok(200);
    let admin_history = format!(
        "/v1/tenants/{}/users/{}/history",
        tenant.id, tenant.admin_id
    );
    app.get(&admin_history, Some(&manager_token))
        .await
        .problem(403, "forbidden");
    app.get(&path, Some(&other.token))
        .await
        .problem(404, "not_found");

    // The trail itself: admins only; bad filters are named.
    let audit = format!("/v1/tenants/{}/audit", tenant.id);
    app.get(&audit, Some(&manager_token))
        .await
        .problem(403, "forbidden");
    app.get(&audit, Some(&other.token))
        .await
        .problem(404, "not_found");
    let bad = app
        .get(
            &format!("{audit}?action=member.eaten&actor=me&since=yesterday&colour=red"),
            Some(&tenant.token),
        )
        .await;
    bad.problem(400, "validation_failed");
    let fields = bad.fields();
    for f in ["action", "actor", "since", "colour"] {
        assert!(fields.contains(&f), "{f} in {fields:?}");
    }
    // A cursor of one query does not continue another.
    let page = app
        .get(&format!("{audit}?limit=1"), Some(&tenant.token))
        .await;
    let cursor = page.ok(200)["next_cursor"].as_str().unwrap().to_string();
    app.get(
        &format!("{audit}?limit=1&action=member.invited&cursor={cursor}"),
        Some(&tenant.token),
    )
    .await
    .problem(400, "invalid_cursor");
}

fn urlencode(s: &str) -> String {
    s.replace('+', "%2B").replace(':', "%3A")
}

#[tokio::test]
async fn the_trail_as_csv_is_formula_safe() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant("Hotel Hoja").await;
    let hostile = app
        .invite(
            &tenant,
            &tenant.token,
            json!({"email": "+1-cmd@example.com", "first_name": "=HYPERLINK(\"http://evil\")", "last_name": "-2"}),
        )
        .await;
    let user = hostile.ok(201)["id"].as_str().unwrap().to_string();
    app.send(
        reqwest::Method::PATCH,
        &format!("/v1/tenants/{}/users/{user}", tenant.id),
        Some(&tenant.token),
        Some(json!({"first_name": "@SUM(A1)"})),
    )
    .await
    .ok(200);
    let res = app
        .client
        .get(format!(
            "{}/v1/tenants/{}/audit.csv?target={user}",
            app.base, tenant.id
        ))
        .bearer_auth(&tenant.token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let text = res.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[..3], ["at", "action", "actor_id"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(rows.len() >= 2, "{text}");
    for row in &rows {
        for cell in row.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "a cell a spreadsheet would run: {cell:?} in {text}"
            );
        }
    }
    assert!(text.contains("'+1-cmd@example.com"), "{text}");
    app.get(
        &format!("/v1/tenants/{}/audit.csv?action=nope", tenant.id),
        Some(&tenant.token),
    )
    .await
    .problem(400, "validation_failed");
}

/// A table whose transactions fail once they hold an audit item, while `failing` is set: the
/// fault at the audit write.
struct FailingAtTheAudit {
    inner: Arc<dyn Table>,
    failing: Arc<AtomicBool>,
}

#[async_trait]
impl Table for FailingAtTheAudit {
    async fn get(&self, pk: &str, sk: &str) -> Result<Option<Item>, TableError> {
        self.inner.get(pk, sk).await
    }
    async fn get_eventual(&self, pk: &str, sk: &str) -> Result<Option<Item>, TableError> {
        self.inner.get_eventual(pk, sk).await
    }
    async fn query(&self, q: &Query) -> Result<Page, TableError> {
        self.inner.query(q).await
    }
    async fn transact(&self, writes: Vec<Write>) -> Result<(), TableError> {
        let audits = writes.iter().any(|w| match w {
            Write::Put { item, .. } => item.pk.starts_with("AUDIT#"),
            _ => false,
        });
        if audits && self.failing.load(Ordering::SeqCst) {
            return Err(TableError::Unavailable(
                "injected at the audit write".into(),
            ));
        }
        self.inner.transact(writes).await
    }
}

#[tokio::test]
async fn a_failure_at_the_audit_write_leaves_neither_the_change_nor_its_entry() {
    let failing = Arc::new(AtomicBool::new(false));
    let wrap = failing.clone();
    let app = TestApp::spawn_with(
        aws_backend(),
        Options {
            wrap_table: Some(Box::new(move |inner| {
                Arc::new(FailingAtTheAudit {
                    inner,
                    failing: wrap.clone(),
                }) as Arc<dyn Table>
            })),
            ..Default::default()
        },
    )
    .await;
    let tenant = app.tenant("Hotel Fallo").await;
    let member = app.invite_ok(&tenant, "kept@example.com", "user").await;
    let user = member["id"].as_str().unwrap().to_string();
    app.delivered(&tenant, &user, "email").await;
    let before = trail(&app, &tenant, "", 100).await;
    let members = app.list_all(&tenant, "", 100).await;

    failing.store(true, Ordering::SeqCst);
    let refused = app
        .invite(
            &tenant,
            &tenant.token,
            json!({"email": "lost@example.com", "first_name": "L", "last_name": "O"}),
        )
        .await;
    assert!(refused.status.is_server_error(), "{:?}", refused.body);
    let edited = app
        .send(
            reqwest::Method::PATCH,
            &format!("/v1/tenants/{}/users/{user}", tenant.id),
            Some(&tenant.token),
            Some(json!({"first_name": "Changed"})),
        )
        .await;
    assert!(edited.status.is_server_error(), "{:?}", edited.body);
    let settings = app
        .send(
            reqwest::Method::PATCH,
            &format!("/v1/tenants/{}/settings", tenant.id),
            Some(&tenant.token),
            Some(json!({"locale": "fr"})),
        )
        .await;
    assert!(settings.status.is_server_error(), "{:?}", settings.body);
    failing.store(false, Ordering::SeqCst);

    // Neither a change without its entry, nor an entry without its change.
    assert_eq!(trail(&app, &tenant, "", 100).await, before);
    assert_eq!(app.list_all(&tenant, "", 100).await.len(), members.len());
    assert_eq!(app.member(&tenant, &user).await["first_name"], "Test");
    let shown = app
        .get(
            &format!("/v1/tenants/{}/settings", tenant.id),
            Some(&tenant.token),
        )
        .await;
    assert_eq!(shown.ok(200)["locale"], "en");
    assert!(app.outbox("lost@example.com").await.is_empty());
}
