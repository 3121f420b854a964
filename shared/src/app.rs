//! Wiring: the adapters a process uses, built once at start-up and shared by every request.

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Duration, SubsecRound, Utc};

use crate::adapters::clock::{SettableClock, SystemClock};
use crate::adapters::memory_table::MemoryTable;
use crate::adapters::outbox::FileOutbox;
use crate::config::{Backend, Config};
use crate::ports::{Clock, Mailer};
use crate::session::SessionKeys;
use crate::store::Store;

pub struct App {
    pub store: Store,
    pub mailer: Arc<dyn Mailer>,
    /// The domain clock: invitation expiry, deferred sends. Movable in the local server.
    pub clock: Arc<dyn Clock>,
    /// Session lifetimes follow the wall clock, so moving the domain clock forward in a test
    /// does not sign everybody out.
    pub wall_clock: Arc<dyn Clock>,
    pub sessions: SessionKeys,
    pub config: Config,
    /// Present only in the local server: what the `/dev/` routes drive.
    pub dev: Option<DevTools>,
}

pub struct DevTools {
    pub outbox: Arc<FileOutbox>,
    pub clock: Arc<SettableClock>,
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
    #[error("{0}")]
    Domain(#[from] crate::Error),
}

fn data_error(path: &Path) -> impl FnOnce(std::io::Error) -> StartError + '_ {
    move |source| StartError::Data {
        path: path.display().to_string(),
        source,
    }
}

impl App {
    /// Whole seconds: every time the API shows is RFC 3339 without fractions.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now().trunc_subsecs(0)
    }

    pub fn invitation_ttl(&self) -> Duration {
        Duration::hours(24)
    }

    /// The app described by the environment (what the Lambda binaries and `make run` use).
    pub fn from_env() -> Result<Arc<App>, StartError> {
        let config = Config::from_env()?;
        Self::build(config)
    }

    pub fn build(config: Config) -> Result<Arc<App>, StartError> {
        match config.backend {
            Backend::Memory => Self::embedded(config),
        }
    }

    /// The embedded backend: everything under `config.data_dir`.
    pub fn embedded(config: Config) -> Result<Arc<App>, StartError> {
        let dir = config.data_dir.clone();
        std::fs::create_dir_all(&dir).map_err(data_error(&dir))?;
        let clock = Arc::new(SettableClock::new(Some(dir.join("clock-offset"))));
        let table = MemoryTable::open(&dir.join("table.jsonl")).map_err(data_error(&dir))?;
        let outbox = Arc::new(
            FileOutbox::new(Some(dir.clone()), &config.mail_from, clock.clone())
                .map_err(data_error(&dir))?,
        );
        let sessions = local_session_keys(&config)?;
        Ok(Arc::new(App {
            store: Store::new(Arc::new(table)),
            mailer: outbox.clone(),
            clock: clock.clone(),
            wall_clock: Arc::new(SystemClock),
            sessions,
            config,
            dev: Some(DevTools { outbox, clock }),
        }))
    }
}

/// The configured key, or one generated once and kept (mode 0600) under the data folder.
fn local_session_keys(config: &Config) -> Result<SessionKeys, StartError> {
    let ttl = Duration::seconds(config.session_ttl_seconds);
    if let Some(b64) = &config.session_signing_key {
        return Ok(SessionKeys::from_base64(b64, ttl)?);
    }
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
