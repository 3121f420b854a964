//! The operator's command (`operator`), as the README runs it: against the local server
//! (`--local`), and against a stack's table on moto (`--stack`, `--table`), the same command.
//! It onboards a tenant whose first admin gets an email, accepts, signs in and invites someone;
//! it lists, shows, changes, suspends (403 `tenant_suspended`, data kept) and resumes tenants;
//! bad input changes nothing.

#[path = "support/moto.rs"]
mod moto;
#[path = "support/server.rs"]
mod server;

use std::process::Command;

use serde_json::{Value, json};
use server::{binary_named, call, free_port, start_with};

const PASSWORD: &str = "correct horse battery staple";

/// Runs the command: its exit code, and its output (stdout on success, the problem on stderr).
fn operator(target: &[&str], env: &[(&str, &str)], args: &[&str]) -> (i32, Value) {
    let out = Command::new(binary_named("operator"))
        .args(target)
        .args(args)
        .envs(env.iter().copied())
        .output()
        .expect("run operator");
    let code = out.status.code().unwrap_or(-1);
    let text = if code == 0 { &out.stdout } else { &out.stderr };
    let value = serde_json::from_slice(text)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(text).into_owned()));
    (code, value)
}

/// The onboarding story on a running server, with the command pointed at its data by `target`.
async fn onboard_and_run_a_tenant(base: &str, target: &[&str], env: &[(&str, &str)]) {
    let admin = format!(
        "first-admin-{}@hotel-onboard.example",
        uuid::Uuid::now_v7().simple()
    );
    let (code, before) = operator(target, env, &["list"]);
    assert_eq!(code, 0, "{before}");
    let known = before["items"].as_array().expect("items").len();

    // Bad input is refused whole, and nothing is created.
    let (code, problem) = operator(
        target,
        env,
        &[
            "create",
            "--name",
            "Hotel Roto",
            "--admin-email",
            "not-an-email",
            "--sms-countries",
            "ES,XX",
        ],
    );
    assert_eq!(code, 1, "{problem}");
    assert_eq!(problem["code"], "validation_failed", "{problem}");
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert!(
        fields.contains(&"admin.email") && fields.contains(&"sms_countries[1]"),
        "{fields:?}"
    );
    let (code, usage) = operator(target, env, &["create", "--name", "Hotel Sin Admin"]);
    assert_eq!(code, 2, "{usage}");
    let (code, usage) = operator(
        target,
        env,
        &[
            "create",
            "--name",
            "X",
            "--admin-email",
            admin.as_str(),
            "--colour",
            "red",
        ],
    );
    assert_eq!(code, 2, "a misspelt option is refused: {usage}");
    let (_, after) = operator(target, env, &["list"]);
    assert_eq!(after["items"].as_array().unwrap().len(), known);

    // Onboarding: the tenant, and its first admin invited by email.
    let (code, created) = operator(
        target,
        env,
        &[
            "create",
            "--name",
            "Hotel Onboard",
            "--admin-email",
            admin.as_str(),
            "--admin-first-name",
            "Olga",
            "--products",
            "chat,service",
            "--sms-countries",
            "ES,pt",
        ],
    );
    assert_eq!(code, 0, "{created}");
    let tenant = created["tenant"]["id"]
        .as_str()
        .expect("tenant id")
        .to_string();
    assert_eq!(created["tenant"]["sms_countries"], json!(["ES", "PT"]));
    assert!(created["tenant"].get("password").is_none());

    let message = delivered_to(base, &admin).await;
    assert!(
        message["subject"]
            .as_str()
            .unwrap()
            .contains("Hotel Onboard"),
        "{message}"
    );
    let token = token_in(message["text"].as_str().unwrap());
    let (s, accepted) = call(
        reqwest::Method::POST,
        format!("{base}/v1/invitations/accept"),
        None,
        Some(json!({"token": token, "first_name": "Olga", "last_name": "Admin", "password": PASSWORD})),
    )
    .await;
    assert_eq!(s, 200, "{accepted}");
    assert_eq!(accepted["member"]["role"], "admin");
    let (s, session) = call(
        reqwest::Method::POST,
        format!("{base}/v1/sessions"),
        None,
        Some(json!({"email": admin, "password": PASSWORD})),
    )
    .await;
    assert_eq!(s, 200, "{session}");
    let admin_token = session["token"].as_str().unwrap().to_string();
    let invitee = format!("first-hire-{}@example.com", uuid::Uuid::now_v7().simple());
    let users = format!("{base}/v1/tenants/{tenant}/users");
    let (s, invited) = call(
        reqwest::Method::POST,
        format!("{base}/v1/tenants/{tenant}/invitations"),
        Some(&admin_token),
        Some(json!({"email": invitee, "first_name": "Pia", "last_name": "Hire"})),
    )
    .await;
    assert_eq!(s, 201, "{invited}");
    delivered_to(base, &invitee).await;

    // The directory, a tenant's details, and the operator's changes.
    let (_, listed) = operator(target, env, &["list"]);
    assert!(
        listed["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["id"] == tenant.as_str()),
        "{listed}"
    );
    let (code, shown) = operator(target, env, &["show", &tenant]);
    assert_eq!(code, 0, "{shown}");
    assert_eq!(shown["name"], "Hotel Onboard");
    assert_eq!(shown["stats"]["active"], 1, "{shown}");
    assert_eq!(shown["stats"]["invited"], 1, "{shown}");
    let (code, changed) = operator(
        target,
        env,
        &[
            "update",
            &tenant,
            "--name",
            "Hotel Renamed",
            "--products",
            "chat",
        ],
    );
    assert_eq!(code, 0, "{changed}");
    assert_eq!(changed["products"], json!(["chat"]));
    let unknown = uuid::Uuid::now_v7().to_string();
    let (code, problem) = operator(target, env, &["show", &unknown]);
    assert_eq!((code, problem["code"].as_str()), (1, Some("not_found")));

    // Suspended: the tenant's routes answer 403, its links too; its data stays.
    let (code, suspended) = operator(target, env, &["suspend", &tenant]);
    assert_eq!(code, 0, "{suspended}");
    assert!(suspended["suspended_at"].is_string(), "{suspended}");
    let (s, refused) = call(
        reqwest::Method::GET,
        users.clone(),
        Some(&admin_token),
        None,
    )
    .await;
    assert_eq!(
        (s, refused["code"].as_str()),
        (403, Some("tenant_suspended")),
        "{refused}"
    );
    let link = token_in(delivered_to(base, &invitee).await["text"].as_str().unwrap());
    let (s, refused) = call(
        reqwest::Method::POST,
        format!("{base}/v1/invitations/preview"),
        None,
        Some(json!({"token": link})),
    )
    .await;
    assert_eq!(
        (s, refused["code"].as_str()),
        (403, Some("tenant_suspended")),
        "{refused}"
    );
    let (code, resumed) = operator(target, env, &["resume", &tenant]);
    assert_eq!(code, 0, "{resumed}");
    assert!(
        resumed.get("suspended_at").is_none_or(Value::is_null),
        "{resumed}"
    );
    let (s, page) = call(reqwest::Method::GET, users, Some(&admin_token), None).await;
    assert_eq!(s, 200, "{page}");
    assert_eq!(
        page["items"].as_array().unwrap().len(),
        2,
        "nothing was lost: {page}"
    );
}

/// The newest message to `to` in the local server's outbox (waiting up to 10 s for it).
async fn delivered_to(base: &str, to: &str) -> Value {
    for _ in 0..100 {
        let (_, outbox) = call(
            reqwest::Method::GET,
            format!("{base}/dev/outbox?to={to}"),
            None,
            None,
        )
        .await;
        if let Some(last) = outbox["messages"].as_array().and_then(|m| m.last()) {
            return last.clone();
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no message to {to}");
}

fn token_in(text: &str) -> String {
    text.split("#token=")
        .nth(1)
        .expect("a link")
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_' || *c == '.')
        .collect()
}

#[tokio::test]
async fn the_operator_onboards_and_runs_a_tenant_on_the_local_server() {
    let data = std::env::temp_dir().join(format!("operator-local-{}", uuid::Uuid::now_v7()));
    let server = start_with(free_port(), &data, &[]).await;
    onboard_and_run_a_tenant(&server.base, &["--local", &server.base], &[]).await;
    drop(server);
    let _ = std::fs::remove_dir_all(data);
}

#[tokio::test]
async fn the_operator_onboards_and_runs_a_tenant_on_a_stack_s_table() {
    // A table named as CloudFormation names the stack's, served by moto; the local server on
    // the same table stands in for the stack's functions (its courier for `deliver`).
    let stack = format!("op{}", uuid::Uuid::now_v7().simple());
    let table = format!("{stack}-Table-1X2Y3Z");
    let endpoint = moto::endpoint();
    let aws = [
        ("AWS_ENDPOINT_URL", endpoint.as_str()),
        ("AWS_REGION", "us-east-1"),
        ("AWS_ACCESS_KEY_ID", "testing"),
        ("AWS_SECRET_ACCESS_KEY", "testing"),
        ("AWS_EC2_METADATA_DISABLED", "true"),
    ];
    let mut env = aws.to_vec();
    env.extend([
        ("BACKEND", "aws"),
        ("TABLE_NAME", table.as_str()),
        ("SCHEDULER_GROUP", stack.as_str()),
        ("AWS_BOOTSTRAP", "true"),
        ("AWS_SERIALIZE_TRANSACTIONS", "true"),
        ("MAIL_FROM", "invitations@invitations.test"),
    ]);
    let data = std::env::temp_dir().join(format!("operator-aws-{}", uuid::Uuid::now_v7()));
    let server = start_with(free_port(), &data, &env).await;
    onboard_and_run_a_tenant(&server.base, &["--stack", &stack], &aws).await;
    // `--table` names the same table.
    let (code, listed) = operator(&["--table", &table], &aws, &["list"]);
    assert_eq!(code, 0, "{listed}");
    assert!(!listed["items"].as_array().unwrap().is_empty());
    let (code, problem) = operator(&["--stack", "no-such-stack"], &aws, &["list"]);
    assert_eq!(code, 2, "{problem}");
    drop(server);
    let _ = std::fs::remove_dir_all(data);
}

/// `make deploy` uploads the pages' messages beside the pages: the operator writes them from
/// the catalogue, as the local server serves them.
#[test]
fn the_operator_writes_the_pages_messages_for_a_deployment() {
    let dir = std::env::temp_dir().join(format!("messages-{}", uuid::Uuid::now_v7()));
    let (status, written) = operator(&[], &[], &["messages", dir.to_str().unwrap()]);
    assert_eq!(status, 0, "{written}");
    assert_eq!(written["written"].as_array().unwrap().len(), 6);
    let es: Value =
        serde_json::from_slice(&std::fs::read(dir.join("i18n/es.json")).unwrap()).unwrap();
    assert_eq!(es, invitations::i18n::page_catalogue("es"));
    let ar: Value =
        serde_json::from_slice(&std::fs::read(dir.join("i18n/ar.json")).unwrap()).unwrap();
    assert_eq!(ar["dir"], "rtl");
    let _ = std::fs::remove_dir_all(dir);
}
