//! `TestApp`: the local server's router on a free loopback port with its own data folder, and
//! helpers that speak to it only over HTTP, as a frontend or an invitee would.

#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::Arc;

use invitations::app::{App, AwsClients};
use invitations::config::Config;
use invitations::ports::Table;
use reqwest::StatusCode;
use serde_json::{Value, json};

pub const PASSWORD: &str = "correct horse battery staple";

pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub data_dir: PathBuf,
    /// The EventBridge Scheduler group of this app's deferred sends (AWS backend).
    pub schedule_group: Option<String>,
    /// The app itself, for tests that drive its background work by hand.
    pub app: Arc<App>,
    server: tokio::task::JoinHandle<()>,
    timer: tokio::task::JoinHandle<()>,
    courier: tokio::task::JoinHandle<()>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.server.abort();
        self.timer.abort();
        self.courier.abort();
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}

pub struct Tenant {
    pub id: String,
    pub admin_id: String,
    pub token: String,
}

/// What an HTTP call returned.
pub struct Reply {
    pub status: StatusCode,
    pub content_type: String,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
}

impl Reply {
    pub fn code(&self) -> &str {
        self.body["code"].as_str().unwrap_or("")
    }

    /// Asserts a problem+json error with this status and code.
    #[track_caller]
    pub fn problem(&self, status: u16, code: &str) -> &Self {
        assert_eq!(self.status.as_u16(), status, "status; body: {}", self.body);
        assert_eq!(self.code(), code, "code; body: {}", self.body);
        assert_eq!(
            self.content_type, "application/problem+json",
            "content type"
        );
        for field in ["type", "title", "status", "detail"] {
            assert!(
                !self.body[field].is_null(),
                "problem document lacks {field}: {}",
                self.body
            );
        }
        self
    }

    #[track_caller]
    /// The fields a `validation_failed` problem names.
    pub fn fields(&self) -> Vec<&str> {
        self.body["errors"]
            .as_array()
            .map(|errors| errors.iter().filter_map(|e| e["field"].as_str()).collect())
            .unwrap_or_default()
    }

    pub fn ok(&self, status: u16) -> &Value {
        assert_eq!(self.status.as_u16(), status, "status; body: {}", self.body);
        &self.body
    }
}

/// Replaces the app's table with one built around it.
pub type TableWrapper = Box<dyn FnOnce(Arc<dyn Table>) -> Arc<dyn Table> + Send>;
/// Replaces the app's mailer with one built around it.
/// Wraps the mailer, given the service's clock.
pub type MailerWrapper = Box<
    dyn FnOnce(
            Arc<dyn invitations::ports::Mailer>,
            Arc<dyn invitations::ports::Clock>,
        ) -> Arc<dyn invitations::ports::Mailer>
        + Send,
>;

/// How a test app is put together beyond the defaults.
#[derive(Default)]
pub struct Options {
    /// Records every DynamoDB request (AWS backend only).
    pub dynamodb_log: Option<crate::requests::RequestLog>,
    /// Wraps the table, e.g. to inject faults.
    pub wrap_table: Option<TableWrapper>,
    /// Abuse limits other than the defaults.
    pub limits: Option<invitations::config::Limits>,
    /// Wraps the mailer, e.g. to inject throttling.
    pub wrap_mailer: Option<MailerWrapper>,
    /// No courier delivers the outbox: the test does, with [`TestApp::deliver_outbox`].
    pub no_courier: bool,
}

/// `TEST_BACKEND=aws` runs the suite on the AWS adapters against moto.
pub fn aws_backend() -> bool {
    std::env::var("TEST_BACKEND").is_ok_and(|b| b == "aws")
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(aws_backend(), Options::default()).await
    }

    pub async fn spawn_with(aws: bool, options: Options) -> TestApp {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind a loopback port");
        let port = listener.local_addr().expect("local addr").port();
        let base = format!("http://127.0.0.1:{port}");
        let data_dir =
            std::env::temp_dir().join(format!("invitations-test-{}", uuid::Uuid::now_v7()));
        let limits = options.limits.clone();
        let (mut config, mut parts) = if aws {
            let sdk = crate::moto::sdk().await;
            let mut clients = AwsClients::from_sdk(&sdk);
            if let Some(log) = options.dynamodb_log {
                let conf = aws_sdk_dynamodb::config::Builder::from(&sdk)
                    .interceptor(log)
                    .build();
                clients.dynamodb = aws_sdk_dynamodb::Client::from_conf(conf);
            }
            let config = Config::local_aws(data_dir.clone(), &base, &crate::moto::fresh_table());
            // `local_aws` sends moto one transaction at a time (`adapters::serialized`).
            let parts = App::aws_parts(&config, &clients)
                .await
                .expect("AWS adapters on moto");
            (config, parts)
        } else {
            let config = Config::local(data_dir.clone(), &base);
            let parts = App::embedded_parts(&config).expect("embedded adapters");
            (config, parts)
        };
        if let Some(l) = limits {
            config.limits = l;
        }
        if let Some(wrap) = options.wrap_table {
            parts.table = wrap(parts.table);
        }
        if let Some(wrap) = options.wrap_mailer {
            parts.mailer = wrap(parts.mailer, parts.clock.clone());
        }
        let schedule_group = config.aws.as_ref().map(|a| a.scheduler_group.clone());
        let app: Arc<App> = App::assemble(config, parts).expect("assemble the app");
        // Like `make run`: due deferred sends fire by themselves within a second.
        let timer = invitations::usecases::dispatch::spawn_timer(app.clone());
        let courier = if options.no_courier {
            tokio::spawn(async {})
        } else {
            invitations::usecases::deliver::spawn_courier(app.clone())
        };
        let router = invitations::http::local_router(app.clone());
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        TestApp {
            base,
            client: reqwest::Client::new(),
            data_dir,
            schedule_group,
            app: app.clone(),
            server,
            timer,
            courier,
        }
    }

    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Reply {
        let mut req = self.client.request(method, format!("{}{path}", self.base));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        let res = req.send().await.expect("request");
        Self::reply(res).await
    }

    pub async fn reply(res: reqwest::Response) -> Reply {
        let status = res.status();
        let headers = res.headers().clone();
        let content_type = headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        let text = res.text().await.expect("body");
        let body = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        };
        Reply {
            status,
            content_type,
            headers,
            body,
        }
    }

    pub async fn post(&self, path: &str, token: Option<&str>, body: Value) -> Reply {
        self.send(reqwest::Method::POST, path, token, Some(body))
            .await
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> Reply {
        self.send(reqwest::Method::GET, path, token, None).await
    }

    pub async fn tenant(&self, name: &str) -> Tenant {
        let email = format!(
            "admin-{}@{}.example",
            uuid::Uuid::now_v7().simple(),
            name.to_lowercase().replace(' ', "-")
        );
        self.tenant_with_admin(name, &email).await
    }

    pub async fn tenant_with_admin(&self, name: &str, email: &str) -> Tenant {
        let body = json!({
            "name": name,
            "products": ["chat", "service"],
            "sms_countries": ["ES"],
            "admin": {"email": email, "password": PASSWORD, "first_name": "Ada", "last_name": "Admin"}
        });
        let r = self.post("/dev/tenants", None, body).await;
        let b = r.ok(201);
        Tenant {
            id: b["tenant_id"].as_str().expect("tenant_id").into(),
            admin_id: b["admin_user_id"].as_str().expect("admin_user_id").into(),
            token: b["token"].as_str().expect("token").into(),
        }
    }

    pub async fn invite(&self, tenant: &Tenant, token: &str, body: Value) -> Reply {
        self.post(
            &format!("/v1/tenants/{}/invitations", tenant.id),
            Some(token),
            body,
        )
        .await
    }

    /// Invites `email` as `role` with the admin's session and returns the member.
    pub async fn invite_ok(&self, tenant: &Tenant, email: &str, role: &str) -> Value {
        let mut body =
            json!({"email": email, "first_name": "Test", "last_name": "Person", "role": role});
        if role == "agent" {
            body["agent_ids"] = json!([format!("agent-{}", uuid::Uuid::now_v7().simple())]);
        }
        if role == "team_leader" {
            body["teams"] = json!(["Front desk"]);
        }
        self.invite(tenant, &tenant.token, body)
            .await
            .ok(201)
            .clone()
    }

    pub async fn outbox(&self, to: &str) -> Vec<Value> {
        let res = self
            .client
            .get(format!("{}/dev/outbox", self.base))
            .query(&[("to", to)])
            .send()
            .await
            .expect("outbox");
        let r = Self::reply(res).await;
        r.ok(200)["messages"].as_array().expect("messages").clone()
    }

    /// The token of the newest invitation link sent to `to`.
    pub async fn latest_token(&self, to: &str) -> String {
        let messages = self.outbox(to).await;
        let last = messages
            .last()
            .unwrap_or_else(|| panic!("no message to {to}"));
        token_in(last["text"].as_str().expect("text"))
    }

    pub async fn preview(&self, token: &str) -> Reply {
        self.post("/v1/invitations/preview", None, json!({"token": token}))
            .await
    }

    pub async fn accept(&self, token: &str, password: &str) -> Reply {
        self.post("/v1/invitations/accept", None, json!({"token": token, "first_name": "New", "last_name": "Member", "password": password}))
            .await
    }

    /// Invites and accepts: an active member and their session token.
    pub async fn active_member(&self, tenant: &Tenant, email: &str, role: &str) -> (Value, String) {
        self.invite_ok(tenant, email, role).await;
        let token = self.latest_token(email).await;
        let r = self.accept(&token, PASSWORD).await;
        let b = r.ok(200);
        (
            b["member"].clone(),
            b["session"]["token"].as_str().expect("session").to_string(),
        )
    }

    pub async fn member(&self, tenant: &Tenant, user: &str) -> Value {
        self.get(
            &format!("/v1/tenants/{}/users/{user}", tenant.id),
            Some(&tenant.token),
        )
        .await
        .ok(200)
        .clone()
    }

    pub async fn action(&self, tenant: &Tenant, token: &str, user: &str, verb: &str) -> Reply {
        self.send(
            reqwest::Method::POST,
            &format!("/v1/tenants/{}/users/{user}/{verb}", tenant.id),
            Some(token),
            None,
        )
        .await
    }

    pub async fn stats(&self, tenant: &Tenant) -> Value {
        self.get(
            &format!("/v1/tenants/{}/stats", tenant.id),
            Some(&tenant.token),
        )
        .await
        .ok(200)
        .clone()
    }

    /// Every member of a list query, following cursors.
    pub async fn list_all(&self, tenant: &Tenant, query: &str, limit: usize) -> Vec<Value> {
        let mut items = Vec::new();
        let mut cursor: Option<String> = None;
        for _ in 0..1000 {
            let mut path = format!("/v1/tenants/{}/users?limit={limit}{query}", tenant.id);
            if let Some(c) = &cursor {
                path.push_str(&format!("&cursor={c}"));
            }
            let r = self.get(&path, Some(&tenant.token)).await;
            let b = r.ok(200);
            items.extend(b["items"].as_array().expect("items").iter().cloned());
            match b["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_string()),
                None => return items,
            }
        }
        panic!("paging did not end");
    }

    /// The member once its delivery on `channel` has left `pending` (waiting up to 10 s).
    pub async fn delivered(&self, tenant: &Tenant, user: &str, channel: &str) -> Value {
        for _ in 0..200 {
            let member = self.member(tenant, user).await;
            if member["delivery"][channel] != "pending" {
                return member;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("{user}'s {channel} delivery still pending after 10 s");
    }

    /// Delivers the outbox entry of `user`'s first invitation by email, as the stream hands it
    /// to `deliver` (by its key: no sweep).
    pub async fn deliver_email(&self, tenant: &Tenant, user: &str) {
        let key = invitations::store::OutboxKey {
            tenant_id: tenant.id.parse().expect("tenant id"),
            user_id: user.parse().expect("user id"),
            generation: 1,
            channel: invitations::model::Channel::Email,
        };
        invitations::usecases::deliver::deliver(&self.app, &key, self.app.clock.now())
            .await
            .expect("delivered");
    }

    /// Delivers every outbox entry that is due (what the courier does by itself).
    pub async fn deliver_outbox(&self) {
        invitations::usecases::deliver::deliver_due(&self.app, self.app.clock.now())
            .await
            .expect("the outbox delivered");
    }

    pub async fn advance_clock(&self, seconds: i64) {
        self.post("/dev/clock", None, json!({"advance_seconds": seconds}))
            .await
            .ok(200);
    }
}

/// The token in an accept link `.../accept#token=...` found in a message.
pub fn token_in(text: &str) -> String {
    let start = text
        .find("#token=")
        .expect("a link with #token= in the message")
        + "#token=".len();
    text[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

pub fn ids(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .map(|m| m["id"].as_str().expect("id").to_string())
        .collect()
}
