//! Clocks: the system clock, and a clock that can be moved forward (local server and tests).

use std::path::PathBuf;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Duration, Utc};

use crate::ports::Clock;

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// The system clock plus an offset that only grows. The offset is kept in a file when one is
/// given, so a restarted local server does not travel back in time.
pub struct SettableClock {
    offset_seconds: AtomicI64,
    file: Option<PathBuf>,
}

impl SettableClock {
    pub fn new(file: Option<PathBuf>) -> Self {
        let offset = file
            .as_ref()
            .and_then(|f| std::fs::read_to_string(f).ok())
            .and_then(|s| s.trim().parse::<i64>().ok())
            .unwrap_or(0);
        Self {
            offset_seconds: AtomicI64::new(offset),
            file,
        }
    }

    pub fn advance(&self, seconds: i64) -> DateTime<Utc> {
        let total = self.offset_seconds.fetch_add(seconds, Ordering::SeqCst) + seconds;
        if let Some(f) = &self.file {
            if let Err(e) = std::fs::write(f, total.to_string()) {
                tracing::warn!(error = %e, "could not persist the clock offset");
            }
        }
        self.now()
    }
}

impl Clock for SettableClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now() + Duration::seconds(self.offset_seconds.load(Ordering::SeqCst))
    }
}
