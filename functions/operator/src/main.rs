//! `operator`: the operator's command for tenants. It onboards a tenant with its first admin
//! (invited by email: the operator never chooses anyone's password), and lists, shows, changes,
//! suspends and resumes tenants.
//!
//! Against a deployed stack it runs the domain's use cases on the stack's table with the
//! operator's own AWS credentials (the usual chain: `AWS_PROFILE`, SSO, environment): no
//! deployed endpoint or function grants these powers, so there is nothing on the network to
//! attack, and CloudTrail records who did it. The invitation it queues is sent by the stack's
//! `deliver` function, like any other. Against the local server (`make run`) it calls the
//! server's local-only `/dev/operator/` routes, which run the same use cases.

use std::process::ExitCode;

use invitations::usecases::tenants::{self, FirstAdmin, Onboard, OperatorChange};
use serde_json::{Value, json};
use uuid::Uuid;

const USAGE: &str = "\
usage: operator [--stack NAME | --table NAME | --local URL] COMMAND

where:
  --stack NAME   a deployed stack (its table is found by name: NAME-Table-...)
  --table NAME   the stack's DynamoDB table, by name
  --local URL    the local server (default: http://127.0.0.1:$PORT, PORT=8080)
  AWS credentials and region come from the environment (AWS_PROFILE, AWS_REGION, ...).

commands:
  create --name NAME --admin-email EMAIL [--admin-first-name F] [--admin-last-name L]
         [--products a,b] [--sms-countries ES,PT] [--invited-by NAME]
                        a tenant, and its first admin invited by email
  list [--limit N] [--cursor ID]
                        the tenants, oldest first
  show TENANT           a tenant's settings and counts
  update TENANT [--name NAME] [--products a,b] [--sms-countries ES,PT]
  suspend TENANT        its routes answer 403 tenant_suspended; its data stays
  resume TENANT         opens them again
  messages DIR          writes the pages' messages (DIR/i18n/{locale}.json, from the
                        catalogue the emails use) for `make deploy` to upload with the pages
";

enum Target {
    Local(String),
    Table(String),
    Stack(String),
}

enum Command {
    Create(Onboard),
    List { limit: usize, cursor: Option<Uuid> },
    Show(Uuid),
    Change(Uuid, OperatorChange),
}

/// Why the command failed: its usage (exit 2), or the service's problem document (exit 1).
enum Failure {
    Usage(String),
    Problem(Value),
}

fn usage(message: impl Into<String>) -> Failure {
    Failure::Usage(message.into())
}

/// A failure that is not the service's answer (a network or AWS error), as a problem document.
fn internal(detail: impl std::fmt::Display) -> Failure {
    Failure::Problem(json!({"code": "operator_failed", "detail": detail.to_string()}))
}

#[tokio::main]
async fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()).await {
        Ok(value) => {
            println!(
                "{}",
                serde_json::to_string_pretty(&value).unwrap_or_default()
            );
            ExitCode::SUCCESS
        }
        Err(Failure::Usage(message)) => {
            eprintln!("operator: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Problem(problem)) => {
            eprintln!(
                "{}",
                serde_json::to_string_pretty(&problem).unwrap_or_default()
            );
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Vec<String>) -> Result<Value, Failure> {
    if args.first().map(String::as_str) == Some("messages") {
        return write_messages(
            args.get(1)
                .ok_or_else(|| usage("messages needs a folder"))?,
        );
    }
    let (target, command) = parse(args)?;
    match target {
        Target::Local(base) => local(&base, command).await,
        Target::Table(table) => on_table(&table, command).await,
        Target::Stack(stack) => on_table(&stack_table(&stack).await?, command).await,
    }
}

/// The pages' messages, one file a locale, as the local server serves them at `/i18n/`.
fn write_messages(dir: &str) -> Result<Value, Failure> {
    let folder = std::path::Path::new(dir).join("i18n");
    std::fs::create_dir_all(&folder).map_err(internal)?;
    let mut written = Vec::new();
    for locale in invitations::i18n::LOCALES {
        let path = folder.join(format!("{locale}.json"));
        let body = invitations::i18n::page_catalogue(locale).to_string();
        std::fs::write(&path, body).map_err(internal)?;
        written.push(path.display().to_string());
    }
    Ok(json!({ "written": written }))
}

/// Options after the command, as `--name value` pairs (a flag without a value is refused).
struct Options(Vec<(String, String)>);

impl Options {
    fn parse(args: &mut std::vec::IntoIter<String>) -> Result<Options, Failure> {
        let mut pairs = Vec::new();
        while let Some(flag) = args.next() {
            let Some(name) = flag.strip_prefix("--") else {
                return Err(usage(format!("unexpected argument {flag:?}")));
            };
            let value = args
                .next()
                .ok_or_else(|| usage(format!("--{name} needs a value")))?;
            pairs.push((name.to_string(), value));
        }
        Ok(Options(pairs))
    }

    fn take(&mut self, name: &str) -> Option<String> {
        let at = self.0.iter().position(|(n, _)| n == name)?;
        Some(self.0.remove(at).1)
    }

    fn list(&mut self, name: &str) -> Option<Vec<String>> {
        self.take(name).map(|v| {
            v.split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        })
    }

    /// Refuses what no one asked for (a misspelt option must not be ignored).
    fn done(self) -> Result<(), Failure> {
        match self.0.first() {
            Some((name, _)) => Err(usage(format!("unknown option --{name}"))),
            None => Ok(()),
        }
    }
}

fn tenant_id(raw: Option<String>) -> Result<Uuid, Failure> {
    let raw = raw.ok_or_else(|| usage("which tenant? (its id)"))?;
    raw.parse()
        .map_err(|_| usage(format!("{raw:?} is not a tenant id")))
}

fn parse(args: Vec<String>) -> Result<(Target, Command), Failure> {
    let mut args = args.into_iter();
    let mut target = None;
    let command = loop {
        let arg = args.next().ok_or_else(|| usage("no command"))?;
        let mut value = |flag: &str| {
            args.next()
                .ok_or_else(|| usage(format!("{flag} needs a value")))
        };
        target = Some(match arg.as_str() {
            "--local" => Target::Local(value("--local")?),
            "--table" => Target::Table(value("--table")?),
            "--stack" => Target::Stack(value("--stack")?),
            "-h" | "--help" | "help" => return Err(usage("help")),
            _ => break arg,
        });
    };
    let target = target.unwrap_or_else(|| {
        let port = std::env::var("PORT").unwrap_or_else(|_| "8080".into());
        Target::Local(format!("http://127.0.0.1:{port}"))
    });
    let command = match command.as_str() {
        "create" => {
            let mut o = Options::parse(&mut args)?;
            let onboard = Onboard {
                name: o.take("name").ok_or_else(|| usage("create needs --name"))?,
                admin: FirstAdmin {
                    email: o
                        .take("admin-email")
                        .ok_or_else(|| usage("create needs --admin-email"))?,
                    first_name: o.take("admin-first-name").unwrap_or_default(),
                    last_name: o.take("admin-last-name").unwrap_or_default(),
                },
                products: o.list("products").unwrap_or_default(),
                sms_countries: o.list("sms-countries").unwrap_or_default(),
                invited_by: o.take("invited-by"),
            };
            o.done()?;
            Command::Create(onboard)
        }
        "list" => {
            let mut o = Options::parse(&mut args)?;
            let limit = match o.take("limit") {
                Some(l) => l
                    .parse()
                    .ok()
                    .filter(|n| (1..=100).contains(n))
                    .ok_or_else(|| usage("--limit is 1 to 100"))?,
                None => 100,
            };
            let cursor = o.take("cursor").map(Some).map(tenant_id).transpose()?;
            o.done()?;
            Command::List { limit, cursor }
        }
        "show" => {
            let tenant = tenant_id(args.next())?;
            Options::parse(&mut args)?.done()?;
            Command::Show(tenant)
        }
        "update" => {
            let tenant = tenant_id(args.next())?;
            let mut o = Options::parse(&mut args)?;
            let change = OperatorChange {
                name: o.take("name"),
                products: o.list("products"),
                sms_countries: o.list("sms-countries"),
                suspended: None,
            };
            o.done()?;
            Command::Change(tenant, change)
        }
        "suspend" | "resume" => {
            let tenant = tenant_id(args.next())?;
            Options::parse(&mut args)?.done()?;
            let change = OperatorChange {
                suspended: Some(command == "suspend"),
                ..Default::default()
            };
            Command::Change(tenant, change)
        }
        other => return Err(usage(format!("unknown command {other:?}"))),
    };
    Ok((target, command))
}

/// The command against the local server's `/dev/operator/` routes.
async fn local(base: &str, command: Command) -> Result<Value, Failure> {
    let base = format!("{}/dev/operator/tenants", base.trim_end_matches('/'));
    let client = reqwest::Client::new();
    let request = match &command {
        Command::Create(onboard) => client.post(&base).json(onboard),
        Command::List { limit, cursor } => {
            let mut query = vec![("limit", limit.to_string())];
            if let Some(c) = cursor {
                query.push(("cursor", c.to_string()));
            }
            client.get(&base).query(&query)
        }
        Command::Show(tenant) => client.get(format!("{base}/{tenant}")),
        Command::Change(tenant, change) => client.patch(format!("{base}/{tenant}")).json(change),
    };
    let response = request
        .send()
        .await
        .map_err(|e| internal(format!("the local server at {base} did not answer: {e}")))?;
    let ok = response.status().is_success();
    let body: Value = response.json().await.map_err(internal)?;
    if ok {
        Ok(body)
    } else {
        Err(Failure::Problem(body))
    }
}

/// The command on a table, with the operator's AWS credentials.
async fn on_table(table: &str, command: Command) -> Result<Value, Failure> {
    use invitations::app::App;
    use invitations::config::Config;
    let app = App::build(Config::operator(table))
        .await
        .map_err(internal)?;
    let done = match command {
        Command::Create(onboard) => tenants::onboard(&app, onboard)
            .await
            .map(|o| serde_json::to_value(o).unwrap_or_default()),
        Command::List { limit, cursor } => tenants::directory(&app, limit, cursor)
            .await
            .map(|p| serde_json::to_value(p).unwrap_or_default()),
        Command::Show(tenant) => tenants::show(&app, tenant)
            .await
            .map(|t| serde_json::to_value(t).unwrap_or_default()),
        Command::Change(tenant, change) => tenants::change(&app, tenant, change)
            .await
            .map(|t| serde_json::to_value(t).unwrap_or_default()),
    };
    done.map_err(|e| Failure::Problem(e.problem()))
}

/// The table of a deployed stack: CloudFormation names it `{stack}-Table-{suffix}`. One
/// ListTables walk (the operator's credentials need `dynamodb:ListTables`); anything but exactly
/// one match is refused, with the way out (`--table`).
async fn stack_table(stack: &str) -> Result<String, Failure> {
    let sdk = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .load()
        .await;
    let dynamodb = aws_sdk_dynamodb::Client::new(&sdk);
    let prefix = format!("{stack}-Table-");
    let mut found = Vec::new();
    let mut pages = dynamodb.list_tables().into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| internal(format!("listing the tables: {e}")))?;
        found.extend(
            page.table_names()
                .iter()
                .filter(|t| t.starts_with(&prefix))
                .cloned(),
        );
    }
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(usage(format!(
            "no table of stack {stack:?} ({prefix}...) in this account and region: check AWS_REGION, or pass --table (the stack's TableName output)"
        ))),
        many => Err(usage(format!(
            "several tables match {prefix}...: {many:?}; pass --table (the stack's TableName output)"
        ))),
    }
}
