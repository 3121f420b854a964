//! Configuration, read from the environment in one place.

use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// In-memory table, file outbox, settable clock: the local server and the tests.
    Memory,
    /// DynamoDB, SES v2, SNS and EventBridge Scheduler (or moto, through `AWS_ENDPOINT_URL`).
    Aws,
}

#[derive(Clone, Debug)]
pub struct AwsSettings {
    pub table: String,
    pub ses_configuration_set: Option<String>,
    pub sms_sender_id: Option<String>,
    pub scheduler_group: String,
    pub scheduler_role_arn: String,
    pub dispatch_function_arn: String,
    /// The queue where deferred sends that failed every retry wait (`DEFERRED_SENDS_DLQ_ARN`).
    pub dead_letter_queue_arn: Option<String>,
    /// Create what a fresh emulator lacks (the table, the SES identity of `MAIL_FROM`, the
    /// schedule group). For `make run BACKEND=aws` and tests against moto; never in AWS, where
    /// the SAM template owns them.
    pub bootstrap: bool,
    /// Trust the system's certificate store for the AWS endpoints (`TLS_NATIVE_ROOTS=true`),
    /// instead of only the Amazon Trust Services roots compiled in: for an endpoint behind
    /// another certificate authority (a TLS-inspecting proxy, an emulator with its own CA).
    pub native_roots: bool,
    /// Send DynamoDB transactions one at a time (`AWS_SERIALIZE_TRANSACTIONS=true`): for an
    /// emulator whose transactions are not safe under concurrency (moto, which
    /// `make run BACKEND=aws` starts and sets this for). Never in AWS: DynamoDB's transactions
    /// are atomic, and a Lambda ignores the variable.
    pub serialize_transactions: bool,
}

/// Abuse limits (429 when reached).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    pub invites_per_inviter_per_day: i64,
    pub sends_per_recipient_per_day: i64,
    pub sms_per_tenant_per_day: i64,
    pub sign_in_failures_per_window: i64,
    pub sign_in_window_seconds: i64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            invites_per_inviter_per_day: 1000,
            sends_per_recipient_per_day: 5,
            sms_per_tenant_per_day: 200,
            sign_in_failures_per_window: 5,
            sign_in_window_seconds: 900,
        }
    }
}

impl Limits {
    fn from_env() -> Result<Limits, ConfigError> {
        let d = Limits::default();
        let read = |name: &'static str, default: i64| match var(name) {
            None => Ok(default),
            Some(v) => v
                .parse::<i64>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or(ConfigError::Invalid {
                    name,
                    reason: "must be a positive whole number".into(),
                }),
        };
        Ok(Limits {
            invites_per_inviter_per_day: read(
                "LIMIT_INVITES_PER_INVITER_PER_DAY",
                d.invites_per_inviter_per_day,
            )?,
            sends_per_recipient_per_day: read(
                "LIMIT_SENDS_PER_RECIPIENT_PER_DAY",
                d.sends_per_recipient_per_day,
            )?,
            sms_per_tenant_per_day: read("LIMIT_SMS_PER_TENANT_PER_DAY", d.sms_per_tenant_per_day)?,
            sign_in_failures_per_window: read(
                "LIMIT_SIGN_IN_FAILURES",
                d.sign_in_failures_per_window,
            )?,
            sign_in_window_seconds: read("LIMIT_SIGN_IN_WINDOW_SECONDS", d.sign_in_window_seconds)?,
        })
    }
}

/// Where a process's session keys come from. Only the functions that issue sessions hold the
/// private key, read from Secrets Manager at cold start (never in the environment); the others
/// are given the public key and verify with it.
#[derive(Clone)]
pub enum SessionKey {
    /// Generated once and kept (mode 0600) under the data folder: the local server.
    Generated,
    /// The base64 of a PKCS#8 Ed25519 private key (`SESSION_SIGNING_KEY`: local use and tests).
    Signing(String),
    /// The ARN of a Secrets Manager secret holding that base64 (`SESSION_SIGNING_KEY_SECRET_ARN`),
    /// read in the background from cold start on, and the public key to verify with meanwhile.
    SigningSecret { arn: String, verifying: String },
    /// The base64 of the public key (`SESSION_VERIFYING_KEY`): verify only, issue nothing.
    Verifying(String),
}

impl std::fmt::Debug for SessionKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SessionKey::Generated => f.write_str("Generated"),
            SessionKey::Signing(_) => f.write_str("Signing(..)"),
            SessionKey::SigningSecret { arn, .. } => write!(f, "SigningSecret({arn})"),
            SessionKey::Verifying(key) => write!(f, "Verifying({key})"),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Config {
    pub limits: Limits,
    pub backend: Backend,
    /// Where the local server keeps its data (table journal, outbox, session key, clock).
    pub data_dir: PathBuf,
    /// Base of invitation links: `{accept_url_base}/accept#token=...`. Never taken from
    /// request headers.
    pub accept_url_base: String,
    /// The sender of invitation emails (an SES-verified identity in AWS).
    pub mail_from: String,
    pub session_ttl_seconds: i64,
    /// Where the session keys come from.
    pub session_key: SessionKey,
    pub aws: Option<AwsSettings>,
    /// The local server's `/dev/` tools (movable clock, outbox); never in Lambda.
    pub dev_tools: bool,
    /// How long the audit trail keeps an entry (its items' TTL), in days.
    pub audit_retention_days: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("environment variable {name} is invalid: {reason}")]
    Invalid { name: &'static str, reason: String },
    #[error("environment variable {name} is required {when}")]
    Missing {
        name: &'static str,
        when: &'static str,
    },
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

const LOCAL_MAIL_FROM: &str = "invitations@localhost.localdomain";

impl Config {
    pub fn from_env() -> Result<Config, ConfigError> {
        let in_lambda = var("AWS_LAMBDA_FUNCTION_NAME").is_some();
        let backend = match var("BACKEND").as_deref() {
            None if in_lambda => Backend::Aws,
            None | Some("memory") => Backend::Memory,
            Some("aws") => Backend::Aws,
            Some(other) => {
                return Err(ConfigError::Invalid {
                    name: "BACKEND",
                    reason: format!("unknown backend {other:?} (expected memory or aws)"),
                });
            }
        };
        let required = |name: &'static str| {
            var(name).ok_or(ConfigError::Missing {
                name,
                when: "in AWS Lambda",
            })
        };
        let port = var("PORT").unwrap_or_else(|| "8080".into());
        let accept_url_base = match var("ACCEPT_URL_BASE") {
            Some(v) => v,
            None if in_lambda => {
                return Err(ConfigError::Missing {
                    name: "ACCEPT_URL_BASE",
                    when: "in AWS Lambda",
                });
            }
            None => format!("http://127.0.0.1:{port}"),
        };
        if !(accept_url_base.starts_with("https://") || accept_url_base.starts_with("http://")) {
            return Err(ConfigError::Invalid {
                name: "ACCEPT_URL_BASE",
                reason: "must be an http(s) URL".into(),
            });
        }
        let session_ttl_seconds = match var("SESSION_TTL_SECONDS") {
            None => 3600,
            Some(v) => v
                .parse::<i64>()
                .ok()
                .filter(|s| (60..=86_400).contains(s))
                .ok_or(ConfigError::Invalid {
                    name: "SESSION_TTL_SECONDS",
                    reason: "must be 60 to 86400".into(),
                })?,
        };
        let mail_from = if in_lambda {
            required("MAIL_FROM")?
        } else {
            var("MAIL_FROM").unwrap_or_else(|| LOCAL_MAIL_FROM.into())
        };
        if crate::validate::email("MAIL_FROM", &mail_from).is_err() {
            return Err(ConfigError::Invalid {
                name: "MAIL_FROM",
                reason: "must be an email address".into(),
            });
        }
        let session_key = match (
            var("SESSION_SIGNING_KEY_SECRET_ARN"),
            var("SESSION_SIGNING_KEY"),
            var("SESSION_VERIFYING_KEY"),
        ) {
            (Some(arn), _, Some(verifying)) => SessionKey::SigningSecret { arn, verifying },
            (Some(_), _, None) => {
                return Err(ConfigError::Missing {
                    name: "SESSION_VERIFYING_KEY",
                    when: "with SESSION_SIGNING_KEY_SECRET_ARN",
                });
            }
            (None, Some(key), _) => SessionKey::Signing(key),
            (None, None, Some(public)) => SessionKey::Verifying(public),
            (None, None, None) if in_lambda => {
                return Err(ConfigError::Missing {
                    name: "SESSION_VERIFYING_KEY (or SESSION_SIGNING_KEY_SECRET_ARN)",
                    when: "in AWS Lambda",
                });
            }
            (None, None, None) => SessionKey::Generated,
        };
        let aws = match backend {
            Backend::Memory => None,
            Backend::Aws => {
                let local = !in_lambda;
                let or_local = |name: &'static str, local_default: &str| match var(name) {
                    Some(v) => Ok(v),
                    None if local => Ok(local_default.to_string()),
                    None => Err(ConfigError::Missing {
                        name,
                        when: "in AWS Lambda",
                    }),
                };
                Some(AwsSettings {
                    table: or_local("TABLE_NAME", "invitations")?,
                    ses_configuration_set: var("SES_CONFIGURATION_SET"),
                    sms_sender_id: var("SMS_SENDER_ID"),
                    scheduler_group: var("SCHEDULER_GROUP").unwrap_or_else(|| "invitations".into()),
                    scheduler_role_arn: or_local(
                        "SCHEDULER_ROLE_ARN",
                        "arn:aws:iam::000000000000:role/invitations-scheduler",
                    )?,
                    dispatch_function_arn: or_local(
                        "DISPATCH_FUNCTION_ARN",
                        "arn:aws:lambda:us-east-1:000000000000:function:dispatch",
                    )?,
                    dead_letter_queue_arn: var("DEFERRED_SENDS_DLQ_ARN"),
                    bootstrap: !in_lambda
                        && var("AWS_BOOTSTRAP").is_some_and(|v| v == "true" || v == "1"),
                    native_roots: var("TLS_NATIVE_ROOTS").is_some_and(|v| v == "true" || v == "1"),
                    serialize_transactions: !in_lambda
                        && var("AWS_SERIALIZE_TRANSACTIONS")
                            .is_some_and(|v| v == "true" || v == "1"),
                })
            }
        };
        let audit_retention_days = match var("AUDIT_RETENTION_DAYS") {
            None => 400,
            Some(v) => v
                .parse::<i64>()
                .ok()
                .filter(|d| (1..=3650).contains(d))
                .ok_or(ConfigError::Invalid {
                    name: "AUDIT_RETENTION_DAYS",
                    reason: "must be 1 to 3650".into(),
                })?,
        };
        Ok(Config {
            audit_retention_days,
            limits: Limits::from_env()?,
            backend,
            data_dir: PathBuf::from(var("DATA_DIR").unwrap_or_else(|| {
                if in_lambda {
                    "/tmp/invitations".into()
                } else {
                    ".data".into()
                }
            })),
            accept_url_base: accept_url_base.trim_end_matches('/').to_string(),
            mail_from,
            session_ttl_seconds,
            session_key,
            aws,
            dev_tools: !in_lambda,
        })
    }

    /// A configuration for tests and embedding: memory backend under `data_dir`.
    pub fn local(data_dir: PathBuf, accept_url_base: &str) -> Config {
        Config {
            limits: Limits::default(),
            backend: Backend::Memory,
            data_dir,
            accept_url_base: accept_url_base.trim_end_matches('/').to_string(),
            mail_from: LOCAL_MAIL_FROM.into(),
            session_ttl_seconds: 3600,
            session_key: SessionKey::Generated,
            aws: None,
            dev_tools: true,
            audit_retention_days: 400,
        }
    }

    /// The operator command's, on a deployed stack's table (or an emulator's, through
    /// `AWS_ENDPOINT_URL`) with the operator's own credentials: it writes to the table only
    /// (the stack's `deliver` function sends what it queues), issues no session, and has no
    /// dev tools.
    pub fn operator(table: &str) -> Config {
        let mut config = Config::local_aws(PathBuf::from("."), "http://127.0.0.1", table);
        if let Some(aws) = config.aws.as_mut() {
            aws.bootstrap = false;
            aws.serialize_transactions = false;
        }
        config.dev_tools = false;
        config
    }

    /// The same, on the AWS adapters against an emulator (a table and a schedule group of its
    /// own, so that apps sharing one emulator never see each other's data), bootstrapped, with
    /// transactions sent one at a time as moto needs.
    pub fn local_aws(data_dir: PathBuf, accept_url_base: &str, table: &str) -> Config {
        Config {
            backend: Backend::Aws,
            mail_from: "invitations@invitations.test".into(),
            aws: Some(AwsSettings {
                table: table.into(),
                ses_configuration_set: None,
                sms_sender_id: None,
                scheduler_group: table.into(),
                scheduler_role_arn: "arn:aws:iam::000000000000:role/invitations-scheduler".into(),
                dispatch_function_arn: "arn:aws:lambda:us-east-1:000000000000:function:dispatch"
                    .into(),
                dead_letter_queue_arn: None,
                bootstrap: true,
                native_roots: false,
                serialize_transactions: true,
            }),
            ..Config::local(data_dir, accept_url_base)
        }
    }
}
