//! Configuration, read from the environment in one place.

use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// In-memory table, file outbox, settable clock: the local server and the tests.
    Memory,
}

#[derive(Clone, Debug)]
pub struct Config {
    pub backend: Backend,
    /// Where the local server keeps its data (table journal, outbox, session key, clock).
    pub data_dir: PathBuf,
    /// Base of invitation links: `{accept_url_base}/accept#token=...`. Never taken from
    /// request headers.
    pub accept_url_base: String,
    /// The sender of invitation emails (an SES-verified identity in AWS).
    pub mail_from: String,
    pub session_ttl_seconds: i64,
    /// Base64 of a PKCS#8 Ed25519 key. Generated and kept under `data_dir` when absent locally.
    pub session_signing_key: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("environment variable {name} is invalid: {reason}")]
    Invalid { name: &'static str, reason: String },
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

impl Config {
    pub fn from_env() -> Result<Config, ConfigError> {
        let backend = match var("BACKEND").as_deref() {
            None | Some("memory") => Backend::Memory,
            Some(other) => {
                return Err(ConfigError::Invalid {
                    name: "BACKEND",
                    reason: format!("unknown backend {other:?} (expected memory)"),
                });
            }
        };
        let port = var("PORT").unwrap_or_else(|| "8080".into());
        let accept_url_base =
            var("ACCEPT_URL_BASE").unwrap_or_else(|| format!("http://127.0.0.1:{port}"));
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
        let mail_from =
            var("MAIL_FROM").unwrap_or_else(|| "invitations@localhost.localdomain".into());
        if crate::validate::email("MAIL_FROM", &mail_from).is_err() {
            return Err(ConfigError::Invalid {
                name: "MAIL_FROM",
                reason: "must be an email address".into(),
            });
        }
        Ok(Config {
            backend,
            mail_from,
            data_dir: PathBuf::from(var("DATA_DIR").unwrap_or_else(|| ".data".into())),
            accept_url_base: accept_url_base.trim_end_matches('/').to_string(),
            session_ttl_seconds,
            session_signing_key: var("SESSION_SIGNING_KEY"),
        })
    }

    /// A configuration for tests and embedding: memory backend under `data_dir`.
    pub fn local(data_dir: PathBuf, accept_url_base: &str) -> Config {
        Config {
            backend: Backend::Memory,
            data_dir,
            accept_url_base: accept_url_base.trim_end_matches('/').to_string(),
            mail_from: "invitations@localhost.localdomain".into(),
            session_ttl_seconds: 3600,
            session_signing_key: None,
        }
    }
}
