//! Wiring: the adapters a process uses, built once at start-up and shared by every request.

use std::path::Path;
use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Duration, SubsecRound, Utc};

use crate::adapters::clock::{SettableClock, SystemClock};
use crate::adapters::dynamodb::{DynamoTable, ensure_table};
use crate::adapters::local_scheduler::LocalScheduler;
use crate::adapters::memory_table::MemoryTable;
use crate::adapters::outbox::FileOutbox;
use crate::adapters::scheduler::EventBridgeScheduler;
use crate::adapters::serialized::serialized;
use crate::adapters::ses::SesMailer;
use crate::adapters::sns::SnsSms;
use crate::config::{Backend, Config, SessionKey};
use crate::ports::{
    Clock, EmailMessage, Mailer, Scheduler, SendError, SmsMessage, SmsSender, Table,
};
use crate::session::SessionKeys;
use crate::store::Store;

pub struct App {
    pub store: Store,
    pub mailer: Arc<dyn Mailer>,
    pub sms: Arc<dyn SmsSender>,
    pub scheduler: Arc<dyn Scheduler>,
    /// The domain clock: invitation expiry, deferred sends. Movable in the local server.
    pub clock: Arc<dyn Clock>,
    /// Session lifetimes follow the wall clock, so moving the domain clock forward in a test
    /// does not sign everybody out.
    pub wall_clock: Arc<dyn Clock>,
    pub sessions: SessionKeys,
    pub config: Config,
    /// Present only in the local server: what the `/dev/` routes drive.
    pub dev: Option<DevTools>,
    /// The in-process courier of the outbox, once started (the local server); in AWS the
    /// table's stream hands the outbox to the `deliver` function instead.
    pub courier: std::sync::OnceLock<crate::usecases::deliver::Courier>,
}

pub struct DevTools {
    pub outbox: Arc<FileOutbox>,
    pub clock: Arc<SettableClock>,
}

/// The AWS SDK clients, built once per process.
#[derive(Clone)]
pub struct AwsClients {
    pub dynamodb: aws_sdk_dynamodb::Client,
    pub ses: aws_sdk_sesv2::Client,
    pub sns: aws_sdk_sns::Client,
    pub scheduler: aws_sdk_scheduler::Client,
}

impl AwsClients {
    pub fn from_sdk(sdk: &aws_config::SdkConfig) -> Self {
        Self {
            dynamodb: aws_sdk_dynamodb::Client::new(sdk),
            ses: aws_sdk_sesv2::Client::new(sdk),
            sns: aws_sdk_sns::Client::new(sdk),
            scheduler: aws_sdk_scheduler::Client::new(sdk),
        }
    }
}

/// The roots of Amazon Trust Services, which sign the certificates of every AWS endpoint the
/// service calls (DynamoDB, SES, SNS, EventBridge Scheduler).
const AMAZON_TRUST_SERVICES: &str = include_str!("../certs/amazon-trust-services.pem");

/// The SDK's HTTPS client. By default it trusts only the Amazon roots compiled in: loading and
/// parsing the system's certificate store took 8 of a cold start's 20 ms (`make bench`), and
/// nothing else needs trusting. `native_roots` restores the system's store.
fn https_client(
    native_roots: bool,
) -> Result<aws_smithy_runtime_api::client::http::SharedHttpClient, StartError> {
    use aws_smithy_http_client::tls;
    let trust = if native_roots {
        tls::TrustStore::default()
    } else {
        tls::TrustStore::empty().with_pem_certificate(AMAZON_TRUST_SERVICES.as_bytes())
    };
    let context = tls::TlsContext::builder()
        .with_trust_store(trust)
        .build()
        .map_err(|e| StartError::Aws(format!("TLS trust store: {e}")))?;
    Ok(aws_smithy_http_client::Builder::new()
        .tls_provider(tls::Provider::Rustls(
            tls::rustls_provider::CryptoMode::AwsLc,
        ))
        .tls_context(context)
        .build_https())
}

/// The adapters behind the ports, before they are assembled into an [`App`].
pub struct Parts {
    pub table: Arc<dyn Table>,
    pub mailer: Arc<dyn Mailer>,
    pub sms: Arc<dyn SmsSender>,
    pub scheduler: Arc<dyn Scheduler>,
    pub clock: Arc<dyn Clock>,
    pub dev: Option<DevTools>,
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
    #[error("data folder {path}: {source}")]
    Data {
        path: String,
        source: std::io::Error,
    },
    #[error("AWS: {0}")]
    Aws(String),
    #[error("{0}")]
    Domain(#[from] crate::Error),
}

fn data_error(path: &Path) -> impl FnOnce(std::io::Error) -> StartError + '_ {
    move |source| StartError::Data {
        path: path.display().to_string(),
        source,
    }
}

/// Sends through the real mailer and SMS sender and keeps a copy of what they accepted for
/// `/dev/outbox` (the local server on the AWS backend).
struct Copying {
    mailer: Arc<dyn Mailer>,
    sms: Arc<dyn SmsSender>,
    copy: Arc<FileOutbox>,
}

#[async_trait]
impl SmsSender for Copying {
    async fn send_sms(&self, message: &SmsMessage) -> Result<(), SendError> {
        self.sms.send_sms(message).await?;
        self.copy.send_sms(message).await
    }
    async fn send_sms_once(
        &self,
        message: &SmsMessage,
        key: &str,
    ) -> Result<Option<String>, SendError> {
        let id = self.sms.send_sms_once(message, key).await?;
        self.copy.send_sms_once(message, key).await?;
        Ok(id)
    }
    /// What the copy holds was taken by the real sender first.
    async fn took_sms(&self, key: &str) -> Option<bool> {
        self.copy.took_sms(key).await
    }
}

#[async_trait]
impl Mailer for Copying {
    async fn send_email(&self, message: &EmailMessage) -> Result<(), SendError> {
        self.mailer.send_email(message).await?;
        self.copy.send_email(message).await
    }
    async fn send_email_once(&self, message: &EmailMessage, key: &str) -> Result<(), SendError> {
        self.mailer.send_email_once(message, key).await?;
        self.copy.send_email_once(message, key).await
    }
    async fn took_email(&self, key: &str) -> Option<bool> {
        self.copy.took_email(key).await
    }
}

impl App {
    /// Hands outbox entries just committed to the in-process courier, if one runs.
    pub fn wake(&self, queued: &[crate::store::OutboxKey]) {
        if let Some(courier) = self.courier.get() {
            courier.wake(queued);
        }
    }

    /// Whole seconds: every time the API shows is RFC 3339 without fractions.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now().trunc_subsecs(0)
    }

    /// The app described by the environment (what the Lambda binaries and `make run` use).
    pub async fn from_env() -> Result<Arc<App>, StartError> {
        Self::build(Config::from_env()?).await
    }

    pub async fn build(config: Config) -> Result<Arc<App>, StartError> {
        let parts = match config.backend {
            Backend::Memory => Self::embedded_parts(&config)?,
            Backend::Aws => {
                let native_roots = config.aws.as_ref().is_some_and(|a| a.native_roots);
                let sdk = aws_config::defaults(aws_config::BehaviorVersion::latest())
                    .http_client(https_client(native_roots)?)
                    .load()
                    .await;
                let clients = AwsClients::from_sdk(&sdk);
                let parts = Self::aws_parts(&config, &clients).await?;
                if let SessionKey::SigningSecret { arn, .. } = &config.session_key {
                    // Read in the background, from now on: the first session issued waits for
                    // it if it must, the cold start does not.
                    let (secrets, arn) = (aws_sdk_secretsmanager::Client::new(&sdk), arn.clone());
                    let fetch: crate::session::FetchKey = Arc::new(move || {
                        let (secrets, arn) = (secrets.clone(), arn.clone());
                        Box::pin(async move {
                            signing_key_from(&secrets, &arn)
                                .await
                                .map_err(|e| crate::Error::Internal(e.to_string()))
                        })
                    });
                    let app = Self::assemble(config, parts)?;
                    app.sessions.fetch_signing_key_with(fetch);
                    app.sessions.prefetch();
                    return Ok(app);
                }
                parts
            }
        };
        Self::assemble(config, parts)
    }

    fn dev_tools(config: &Config) -> Result<Option<DevTools>, StartError> {
        if !config.dev_tools {
            return Ok(None);
        }
        let dir = &config.data_dir;
        std::fs::create_dir_all(dir).map_err(data_error(dir))?;
        let clock = Arc::new(SettableClock::new(Some(dir.join("clock-offset"))));
        let outbox = Arc::new(
            FileOutbox::new(Some(dir.clone()), &config.mail_from, clock.clone())
                .map_err(data_error(dir))?,
        );
        Ok(Some(DevTools { outbox, clock }))
    }

    /// The embedded backend: everything under `config.data_dir`.
    pub fn embedded_parts(config: &Config) -> Result<Parts, StartError> {
        let dir = &config.data_dir;
        std::fs::create_dir_all(dir).map_err(data_error(dir))?;
        let table = MemoryTable::open(&dir.join("table.jsonl")).map_err(data_error(dir))?;
        let scheduler = Arc::new(LocalScheduler::new(Some(dir.join("schedules.json"))));
        let dev = Self::dev_tools(config)?;
        let (outbox, clock): (Arc<FileOutbox>, Arc<dyn Clock>) = match &dev {
            Some(d) => (d.outbox.clone(), d.clock.clone()),
            None => {
                let outbox =
                    FileOutbox::new(Some(dir.clone()), &config.mail_from, Arc::new(SystemClock))
                        .map_err(data_error(dir))?;
                (Arc::new(outbox), Arc::new(SystemClock))
            }
        };
        Ok(Parts {
            table: Arc::new(table),
            mailer: outbox.clone(),
            sms: outbox,
            scheduler,
            clock,
            dev,
        })
    }

    /// The AWS backend, on clients built once per process.
    pub async fn aws_parts(config: &Config, clients: &AwsClients) -> Result<Parts, StartError> {
        let settings = config
            .aws
            .as_ref()
            .ok_or_else(|| StartError::Aws("no AWS settings".into()))?;
        if settings.bootstrap {
            bootstrap(config, clients).await?;
        }
        let table: Arc<dyn Table> =
            Arc::new(DynamoTable::new(clients.dynamodb.clone(), &settings.table));
        let table = if settings.serialize_transactions {
            tracing::info!(
                "DynamoDB transactions are sent one at a time (AWS_SERIALIZE_TRANSACTIONS)"
            );
            serialized(table)
        } else {
            table
        };
        let ses: Arc<dyn Mailer> = Arc::new(SesMailer::new(
            clients.ses.clone(),
            &config.mail_from,
            settings.ses_configuration_set.clone(),
        ));
        let sns: Arc<dyn SmsSender> = Arc::new(SnsSms::new(
            clients.sns.clone(),
            settings.sms_sender_id.clone(),
        ));
        let scheduler = Arc::new(
            EventBridgeScheduler::new(
                clients.scheduler.clone(),
                &settings.scheduler_group,
                &settings.dispatch_function_arn,
                &settings.scheduler_role_arn,
            )
            .with_dead_letters(settings.dead_letter_queue_arn.clone()),
        );
        let dev = Self::dev_tools(config)?;
        let (mailer, sms, clock): (Arc<dyn Mailer>, Arc<dyn SmsSender>, Arc<dyn Clock>) = match &dev
        {
            Some(d) => {
                let copying = Arc::new(Copying {
                    mailer: ses,
                    sms: sns,
                    copy: d.outbox.clone(),
                });
                (copying.clone(), copying, d.clock.clone())
            }
            None => (ses, sns, Arc::new(SystemClock)),
        };
        Ok(Parts {
            table,
            mailer,
            sms,
            scheduler,
            clock,
            dev,
        })
    }

    pub fn assemble(config: Config, parts: Parts) -> Result<Arc<App>, StartError> {
        let sessions = session_keys(&config)?;
        Ok(Arc::new(App {
            store: Store::new(parts.table),
            mailer: parts.mailer,
            sms: parts.sms,
            scheduler: parts.scheduler,
            clock: parts.clock,
            wall_clock: Arc::new(SystemClock),
            sessions,
            config,
            dev: parts.dev,
            courier: std::sync::OnceLock::new(),
        }))
    }
}

/// The session signing key (base64 PKCS#8) held in a Secrets Manager secret: read once, at
/// cold start, by the functions that issue sessions (their role alone may read it).
pub async fn signing_key_from(
    client: &aws_sdk_secretsmanager::Client,
    arn: &str,
) -> Result<String, StartError> {
    let secret = client
        .get_secret_value()
        .secret_id(arn)
        .send()
        .await
        .map_err(|e| {
            StartError::Aws(format!(
                "could not read the session signing key from {arn}: {}",
                aws_sdk_secretsmanager::error::DisplayErrorContext(&e)
            ))
        })?;
    secret
        .secret_string()
        .map(str::to_string)
        .ok_or_else(|| StartError::Aws(format!("the secret {arn} holds no string")))
}

/// What a fresh emulator lacks: the table, the sender's SES identity, the schedule group.
async fn bootstrap(config: &Config, clients: &AwsClients) -> Result<(), StartError> {
    let settings = config
        .aws
        .as_ref()
        .ok_or_else(|| StartError::Aws("no AWS settings".into()))?;
    let ses = &clients.ses;
    ensure_table(&clients.dynamodb, &settings.table)
        .await
        .map_err(StartError::Aws)?;
    let domain = config
        .mail_from
        .rsplit_once('@')
        .map_or(config.mail_from.as_str(), |(_, d)| d);
    if let Err(e) = ses
        .create_email_identity()
        .email_identity(domain)
        .send()
        .await
    {
        if !e
            .as_service_error()
            .is_some_and(|se| se.is_already_exists_exception())
        {
            return Err(StartError::Aws(format!(
                "SES identity {domain}: {}",
                aws_sdk_sesv2::error::DisplayErrorContext(&e)
            )));
        }
    }
    if let Err(e) = clients
        .scheduler
        .create_schedule_group()
        .name(&settings.scheduler_group)
        .send()
        .await
    {
        if !e
            .as_service_error()
            .is_some_and(|se| se.is_conflict_exception())
        {
            return Err(StartError::Aws(format!(
                "schedule group {}: {}",
                settings.scheduler_group,
                aws_sdk_scheduler::error::DisplayErrorContext(&e)
            )));
        }
    }
    Ok(())
}

/// The configured keys, or a private key generated once and kept (mode 0600) under the data
/// folder. A secret's ARN must have been read by [`App::build`] first.
fn session_keys(config: &Config) -> Result<SessionKeys, StartError> {
    let ttl = Duration::seconds(config.session_ttl_seconds);
    match &config.session_key {
        SessionKey::Signing(b64) => return Ok(SessionKeys::from_base64(b64, ttl)?),
        SessionKey::Verifying(b64) => return Ok(SessionKeys::verifying_from_base64(b64, ttl)?),
        // The private key is read later (`App::build`); the public key verifies meanwhile.
        SessionKey::SigningSecret { verifying, .. } => {
            return Ok(SessionKeys::verifying_from_base64(verifying, ttl)?);
        }
        SessionKey::Generated => {}
    }
    std::fs::create_dir_all(&config.data_dir).map_err(data_error(&config.data_dir))?;
    let path = config.data_dir.join("session-signing-key.der");
    let der = match std::fs::read(&path) {
        Ok(der) => der,
        Err(_) => {
            let der = SessionKeys::generate_pkcs8_der()?;
            write_private(&path, &der).map_err(data_error(&path))?;
            der
        }
    };
    Ok(SessionKeys::from_pkcs8_der(&der, ttl)?)
}

fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)?.write_all(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_aws_client_trusts_the_amazon_roots_compiled_in() {
        assert_eq!(
            AMAZON_TRUST_SERVICES.matches("BEGIN CERTIFICATE").count(),
            5,
            "Amazon Root CA 1 to 4 and Starfield Services Root G2"
        );
        use base64::Engine;
        for block in AMAZON_TRUST_SERVICES
            .split("-----BEGIN CERTIFICATE-----")
            .skip(1)
        {
            let body: String = block
                .split("-----END CERTIFICATE-----")
                .next()
                .unwrap_or("")
                .split_whitespace()
                .collect();
            let der = base64::engine::general_purpose::STANDARD
                .decode(body)
                .expect("base64 certificate");
            assert_eq!(&der[..2], &[0x30, 0x82], "a DER certificate");
        }
        https_client(false).expect("a client");
        https_client(true).expect("a client on the system's roots");
    }
}
