//! The embedded scheduler: pending one-time schedules kept in memory and in a file under the
//! data folder; the local server's timer asks for the due ones every second.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Mutex;

use async_trait::async_trait;
use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ports::{DeferredSend, ScheduleError, Scheduler, instant_in};

#[derive(Clone, Serialize, Deserialize)]
struct Entry {
    due: DateTime<Utc>,
    send: DeferredSend,
}

pub struct LocalScheduler {
    entries: Mutex<BTreeMap<String, Entry>>,
    file: Option<PathBuf>,
}

impl LocalScheduler {
    pub fn new(file: Option<PathBuf>) -> Self {
        let entries = file
            .as_ref()
            .and_then(|f| std::fs::read_to_string(f).ok())
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default();
        Self {
            entries: Mutex::new(entries),
            file,
        }
    }

    fn save(&self, entries: &BTreeMap<String, Entry>) -> Result<(), ScheduleError> {
        if let Some(f) = &self.file {
            let text =
                serde_json::to_string(entries).map_err(|e| ScheduleError::Failed(e.to_string()))?;
            let tmp = f.with_extension("tmp");
            std::fs::write(&tmp, text)
                .and_then(|_| std::fs::rename(&tmp, f))
                .map_err(|e| ScheduleError::Failed(e.to_string()))?;
        }
        Ok(())
    }

    /// How many schedules are pending (for tests).
    pub fn pending(&self) -> usize {
        self.entries.lock().unwrap_or_else(|p| p.into_inner()).len()
    }
}

#[async_trait]
impl Scheduler for LocalScheduler {
    async fn schedule(
        &self,
        name: &str,
        at: NaiveDateTime,
        timezone: &str,
        send: &DeferredSend,
    ) -> Result<(), ScheduleError> {
        let due = instant_in(at, timezone)
            .ok_or_else(|| ScheduleError::Failed(format!("{at} does not exist in {timezone}")))?;
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries.insert(
            name.to_string(),
            Entry {
                due,
                send: send.clone(),
            },
        );
        self.save(&entries)
    }

    async fn cancel(&self, name: &str) -> Result<(), ScheduleError> {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if entries.remove(name).is_some() {
            self.save(&entries)?;
        }
        Ok(())
    }

    async fn due(&self, now: DateTime<Utc>) -> Result<Vec<(String, DeferredSend)>, ScheduleError> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        Ok(entries
            .iter()
            .filter(|(_, e)| e.due <= now)
            .map(|(n, e)| (n.clone(), e.send.clone()))
            .collect())
    }
}
