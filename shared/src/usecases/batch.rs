//! Inviting many people at once: JSON rows with batch-level defaults, or CSV as pasted from a
//! spreadsheet (a header row, or one address per line). Every row gets its own result; one
//! row's failure never blocks another. Rows are created and sent with bounded concurrency.
//!
//! The work a batch costs is bounded before it is done: the caller is authorised before the
//! body is read into rows; rows are read no further than one past the limit; the defaults are
//! checked once, and copied into a row only when that row is invited.

use std::collections::{HashMap, HashSet};

use futures::StreamExt;
use serde::Serialize;
use serde_json::value::RawValue;
use uuid::Uuid;

use super::MemberView;
use super::invite::{Invitee, Inviter, create_and_send, inviting, validate};
use crate::app::App;
use crate::error::{Error, Result};
use crate::validate::{self as check};

const CONCURRENCY: usize = 8;

mod rows;

pub use rows::{Defaults, MAX_ROWS, Row, rows_from_csv, rows_from_json};
use rows::{apply, in_row};

/// How a batch's body is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `{"invitees": [...], ...defaults}`.
    Json,
    /// CSV text, its defaults in the query string.
    Csv,
}

/// A batch ready to run: its inviter, authorised, and its rows and defaults, read and checked.
pub struct Batch {
    inviter: Inviter,
    rows: Vec<Row>,
    defaults: Defaults,
}

/// Authorises the caller, then parses the body (never the other way round): someone who may not
/// invite in the tenant gets their 404 or 403 before any row is built, and costs no more than
/// their body's bytes. `query` holds a CSV batch's defaults.
pub async fn read(
    app: &App,
    profile: crate::session::Principal,
    tenant_id: Uuid,
    format: Format,
    body: &[u8],
    query: &HashMap<String, String>,
) -> Result<Batch> {
    let inviter = inviting(app, profile, tenant_id).await?;
    let (rows, defaults) = match format {
        Format::Json => {
            if !query.is_empty() {
                return Err(Error::field(
                    "query",
                    "JSON batches carry their defaults in the body",
                ));
            }
            rows_from_json(body)?
        }
        Format::Csv => {
            let defaults = Defaults::from_query(query)?.checked()?;
            let text = std::str::from_utf8(body)
                .map_err(|_| Error::field("body", "must be UTF-8 text"))?;
            (rows_from_csv(text)?, defaults)
        }
    };
    Ok(Batch {
        inviter,
        rows,
        defaults,
    })
}

#[derive(Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Outcome {
    Created {
        index: usize,
        member: Box<MemberView>,
    },
    Error {
        index: usize,
        error: serde_json::Value,
    },
}

/// A batch's answer: each row's result (an `Outcome`) as JSON text, in row order. A row's
/// result is written when the row is done, so that a thousand members are not all held as
/// views until the last one is: their text is half the memory.
#[derive(Serialize)]
pub struct BatchResult {
    pub results: Vec<Box<RawValue>>,
}

impl BatchResult {
    /// `{"results": [...]}`, written into a buffer of its size (grown by doubling, the text of
    /// a thousand large members took up to twice its size, and as much again while it grew).
    pub fn to_json(&self) -> Result<String> {
        let size = self
            .results
            .iter()
            .map(|r| r.get().len() + 1)
            .sum::<usize>()
            + 16;
        let mut text = Vec::with_capacity(size);
        serde_json::to_writer(&mut text, self).map_err(|e| Error::Internal(e.to_string()))?;
        String::from_utf8(text).map_err(|e| Error::Internal(e.to_string()))
    }
}

/// Invites every row of a batch read by `read`, each with its own result.
pub async fn batch(app: &App, batch: Batch) -> Result<BatchResult> {
    let Batch {
        inviter,
        rows,
        defaults,
    } = batch;
    let inviter = &inviter;
    let now = app.now();
    // Rows are checked in order as they are taken (so that the first of two equal addresses
    // wins), and take the defaults only then: no more than `CONCURRENCY` rows hold a copy of
    // them at once.
    let mut emails = HashSet::new();
    let mut phones = HashSet::new();
    let mut check_row = |i: usize, row: Row| -> Result<Invitee> {
        let r = match row {
            Row::Unreadable(e) => return Err(e),
            Row::Read(r) => apply(*r, &defaults),
        };
        let inv = validate(&r, &inviter.tenant, now).map_err(|e| in_row(i, e))?;
        if !inviter.actor.role.may_manage(inv.role) {
            return Err(Error::Forbidden);
        }
        let fresh_email = inv
            .email
            .as_ref()
            .is_none_or(|e| emails.insert(check::email_key(e)));
        let fresh_phone = inv.phone.as_ref().is_none_or(|p| phones.insert(p.clone()));
        if fresh_email && fresh_phone {
            Ok(inv)
        } else {
            Err(Error::DuplicateInBatch)
        }
    };
    let mut results: Vec<(usize, Result<Box<RawValue>>)> =
        futures::stream::iter(rows.into_iter().enumerate())
            .map(|(index, row)| {
                let invitee = check_row(index, row);
                async move {
                    let created = match invitee {
                        Ok(inv) => create_and_send(app, inviter, inv).await,
                        Err(e) => Err(e),
                    };
                    let outcome = match created {
                        Ok(member) => Outcome::Created {
                            index,
                            member: Box::new(MemberView::new(
                                member,
                                app.now(),
                                inviter.actor.role,
                            )),
                        },
                        Err(e) => {
                            if let Error::Internal(cause) = &e {
                                tracing::error!(%cause, index, "batch row failed");
                            }
                            Outcome::Error {
                                index,
                                error: e.problem(),
                            }
                        }
                    };
                    let text = serde_json::value::to_raw_value(&outcome)
                        .map_err(|e| Error::Internal(e.to_string()));
                    (index, text)
                }
            })
            .buffer_unordered(CONCURRENCY)
            .collect()
            .await;
    results.sort_by_key(|(index, _)| *index);
    tracing::info!(tenant = %inviter.actor.tenant_id, rows = results.len(), "batch invited");
    Ok(BatchResult {
        results: results
            .into_iter()
            .map(|(_, text)| text)
            .collect::<Result<_>>()?,
    })
}
