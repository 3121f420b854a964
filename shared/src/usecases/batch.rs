//! Inviting many people at once: JSON rows with batch-level defaults, or CSV as pasted from a
//! spreadsheet (a header row, or one address per line). Every row gets its own result; one
//! row's failure never blocks another. Rows are created and sent with bounded concurrency.

use std::collections::HashSet;

use futures::StreamExt;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::MemberView;
use super::invite::{InviteRequest, create_and_send, validate};
use crate::app::App;
use crate::error::{Error, FieldError, Result};
use crate::model::{Channel, Employment, Role};
use crate::validate as check;

pub const MAX_ROWS: usize = 1000;
const CONCURRENCY: usize = 8;

/// Batch-level defaults: what a row does not say, it takes from here.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    pub role: Option<Role>,
    pub teams: Option<Vec<String>>,
    pub products: Option<Vec<String>>,
    pub channels: Option<Vec<Channel>>,
    pub send_at: Option<String>,
    pub timezone: Option<String>,
    pub employment: Option<Employment>,
}

/// The JSON body: the rows and the batch-level defaults (spelled out: serde cannot refuse
/// unknown fields through `flatten`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonBatch {
    invitees: Vec<serde_json::Value>,
    role: Option<Role>,
    teams: Option<Vec<String>>,
    products: Option<Vec<String>>,
    channels: Option<Vec<Channel>>,
    send_at: Option<String>,
    timezone: Option<String>,
    employment: Option<Employment>,
}

/// One row, read but not yet checked.
#[derive(Debug)]
pub enum Row {
    Read(Box<InviteRequest>),
    Unreadable(Error),
}

/// Field errors of row `index` are reported as `invitees[index].field`.
fn in_row(index: usize, e: Error) -> Error {
    match e {
        Error::Validation(errors) => Error::Validation(
            errors
                .into_iter()
                .map(|f| FieldError::new(format!("invitees[{index}].{}", f.field), f.message))
                .collect(),
        ),
        other => other,
    }
}

fn apply(mut r: InviteRequest, d: &Defaults) -> InviteRequest {
    r.role = r.role.or(d.role);
    r.teams = r.teams.or_else(|| d.teams.clone());
    r.products = r.products.or_else(|| d.products.clone());
    r.channels = r.channels.or_else(|| d.channels.clone());
    if r.send_at.is_none() {
        r.send_at = d.send_at.clone();
        r.timezone = r.timezone.or_else(|| d.timezone.clone());
    }
    r.employment = r.employment.or_else(|| d.employment.clone());
    r
}

fn bounded(rows: Vec<Row>) -> Result<Vec<Row>> {
    if rows.len() > MAX_ROWS {
        return Err(Error::BatchTooLarge(MAX_ROWS));
    }
    if rows.is_empty() {
        return Err(Error::field("invitees", "must hold at least one invitee"));
    }
    Ok(rows)
}

/// `{"invitees": [...], ...defaults}`. A row that is not a valid invitee is reported in its
/// place; the batch's own fields must be valid for anything to happen.
pub fn rows_from_json(bytes: &[u8]) -> Result<Vec<Row>> {
    let batch: JsonBatch = crate::http::extract::parse_json(bytes)?;
    if batch.invitees.len() > MAX_ROWS {
        return Err(Error::BatchTooLarge(MAX_ROWS));
    }
    let defaults = Defaults {
        role: batch.role,
        teams: batch.teams,
        products: batch.products,
        channels: batch.channels,
        send_at: batch.send_at,
        timezone: batch.timezone,
        employment: batch.employment,
    };
    let rows = batch
        .invitees
        .into_iter()
        .enumerate()
        .map(
            |(i, value)| match serde_path_to_error::deserialize::<_, InviteRequest>(value) {
                Ok(r) => Row::Read(Box::new(apply(r, &defaults))),
                Err(e) => {
                    let path = e.path().to_string();
                    let field = if path == "." { String::new() } else { path };
                    let message = e.into_inner().to_string();
                    let field = if field.is_empty() {
                        format!("invitees[{i}]")
                    } else {
                        format!("invitees[{i}].{field}")
                    };
                    Row::Unreadable(Error::Validation(vec![FieldError::new(field, message)]))
                }
            },
        )
        .collect();
    bounded(rows)
}

fn column(header: &str) -> Option<&'static str> {
    let h: String = header
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect();
    Some(match h.as_str() {
        "email" | "e_mail" | "email_address" | "mail" => "email",
        "phone" | "mobile" | "phone_number" | "mobile_phone" => "phone",
        "first_name" | "firstname" | "given_name" | "name" => "first_name",
        "last_name" | "lastname" | "surname" | "family_name" => "last_name",
        "role" => "role",
        "teams" | "team" => "teams",
        "agent_ids" | "agent_id" | "agents" => "agent_ids",
        "products" | "product" => "products",
        "shortcode" | "short_code" => "shortcode",
        "department" => "department",
        "job_title" | "title" | "position" => "job_title",
        _ => return None,
    })
}

fn list(cell: &str) -> Option<Vec<String>> {
    let items: Vec<String> = cell
        .split(['|', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    (!items.is_empty()).then_some(items)
}

/// CSV as pasted from a spreadsheet: with a header row naming the columns (email, phone,
/// first name, last name, role, teams, agent ids, products, shortcode, department, job
/// title; lists separated by `|` or `;`), or just one email (or `+` phone number) per line.
/// Tabs, semicolons and commas are all recognised as separators.
pub fn rows_from_csv(text: &str, defaults: &Defaults) -> Result<Vec<Row>> {
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter = [b'\t', b';', b',']
        .into_iter()
        .find(|d| first.as_bytes().contains(d))
        .unwrap_or(b',');
    let header: Vec<Option<&str>> = first
        .split(delimiter as char)
        .map(|h| column(h.trim_matches('"')))
        .collect();
    if !header
        .iter()
        .any(|c| matches!(c, Some("email") | Some("phone")))
    {
        // One address per line.
        let rows = text
            .lines()
            .map(|l| {
                l.split(delimiter as char)
                    .next()
                    .unwrap_or("")
                    .trim()
                    .trim_matches('"')
                    .trim()
            })
            .filter(|cell| !cell.is_empty())
            .map(|cell| {
                let r = if cell.starts_with('+') {
                    InviteRequest {
                        phone: Some(cell.to_string()),
                        ..Default::default()
                    }
                } else {
                    InviteRequest {
                        email: Some(cell.to_string()),
                        ..Default::default()
                    }
                };
                Row::Read(Box::new(apply(r, defaults)))
            })
            .collect();
        return bounded(rows);
    }
    let unknown: Vec<String> = first
        .split(delimiter as char)
        .filter(|h| !h.trim().is_empty() && column(h.trim_matches('"')).is_none())
        .map(|h| h.trim().to_string())
        .collect();
    if !unknown.is_empty() {
        return Err(Error::field(
            "header",
            format!("unknown columns: {}", unknown.join(", ")),
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        if rows.len() > MAX_ROWS {
            return Err(Error::BatchTooLarge(MAX_ROWS));
        }
        let record = match record {
            Ok(r) if r.iter().all(str::is_empty) => continue,
            Ok(r) => r,
            Err(e) => {
                rows.push(Row::Unreadable(Error::field(
                    format!("invitees[{i}]"),
                    e.to_string(),
                )));
                continue;
            }
        };
        let mut r = InviteRequest::default();
        let mut employment = Employment::default();
        let mut bad = None;
        for (cell, col) in record.iter().zip(header.iter()) {
            if cell.is_empty() {
                continue;
            }
            match col {
                Some("email") => r.email = Some(cell.into()),
                Some("phone") => r.phone = Some(cell.into()),
                Some("first_name") => r.first_name = Some(cell.into()),
                Some("last_name") => r.last_name = Some(cell.into()),
                Some("role") => match Role::parse(&cell.to_lowercase().replace(' ', "_")) {
                    Some(role) => r.role = Some(role),
                    None => {
                        bad = Some(Error::field(
                            format!("invitees[{i}].role"),
                            "must be admin, manager, team_leader, agent or user",
                        ))
                    }
                },
                Some("teams") => r.teams = list(cell),
                Some("agent_ids") => r.agent_ids = list(cell),
                Some("products") => r.products = list(cell),
                Some("shortcode") => r.shortcode = Some(cell.into()),
                Some("department") => employment.department = Some(cell.into()),
                Some("job_title") => employment.job_title = Some(cell.into()),
                _ => {}
            }
        }
        if employment != Employment::default() {
            r.employment = Some(employment);
        }
        rows.push(match bad {
            Some(e) => Row::Unreadable(e),
            None => Row::Read(Box::new(apply(r, defaults))),
        });
    }
    bounded(rows)
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

#[derive(Serialize)]
pub struct BatchResult {
    pub results: Vec<Outcome>,
}

pub async fn batch(
    app: &App,
    profile: crate::session::Principal,
    tenant_id: Uuid,
    rows: Vec<Row>,
) -> Result<BatchResult> {
    let (actor, tenant, inviter_name) = super::invite::inviting(app, profile, tenant_id).await?;
    let now = app.now();
    // Check every row first, in order, so that the first of two equal addresses wins.
    let mut emails = HashSet::new();
    let mut phones = HashSet::new();
    let checked: Vec<(usize, Result<super::invite::Invitee>)> = rows
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            let invitee = match row {
                Row::Unreadable(e) => Err(e),
                Row::Read(r) => validate(&r, &tenant, now)
                    .map_err(|e| in_row(i, e))
                    .and_then(|inv| {
                        if !actor.role.may_manage(inv.role) {
                            return Err(Error::Forbidden);
                        }
                        let fresh_email = inv
                            .email
                            .as_ref()
                            .is_none_or(|e| emails.insert(check::email_key(e)));
                        let fresh_phone =
                            inv.phone.as_ref().is_none_or(|p| phones.insert(p.clone()));
                        if fresh_email && fresh_phone {
                            Ok(inv)
                        } else {
                            Err(Error::DuplicateInBatch)
                        }
                    }),
            };
            (i, invitee)
        })
        .collect();
    let (actor, inviter_name) = (&actor, inviter_name.as_str());
    let mut results: Vec<Outcome> = futures::stream::iter(checked)
        .map(|(index, invitee)| async move {
            let created = match invitee {
                Ok(inv) => create_and_send(app, actor, inviter_name, inv).await,
                Err(e) => Err(e),
            };
            match created {
                Ok(member) => Outcome::Created {
                    index,
                    member: Box::new(MemberView::new(member, app.now(), actor.role)),
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
            }
        })
        .buffer_unordered(CONCURRENCY)
        .collect()
        .await;
    results.sort_by_key(|o| match o {
        Outcome::Created { index, .. } | Outcome::Error { index, .. } => *index,
    });
    tracing::info!(tenant = %tenant_id, rows = results.len(), "batch invited");
    Ok(BatchResult { results })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn emails(rows: &[Row]) -> Vec<String> {
        rows.iter()
            .map(|r| match r {
                Row::Read(r) => r
                    .email
                    .clone()
                    .or_else(|| r.phone.clone())
                    .unwrap_or_default(),
                Row::Unreadable(e) => format!("error: {e}"),
            })
            .collect()
    }

    #[test]
    fn a_pasted_column_is_one_address_per_line() {
        let rows = rows_from_csv(
            "ana@example.com\r\n\r\n bob@example.com \n+34612345678\n",
            &Defaults::default(),
        )
        .unwrap();
        assert_eq!(
            emails(&rows),
            ["ana@example.com", "bob@example.com", "+34612345678"]
        );
    }

    #[test]
    fn a_header_row_names_the_columns_with_tabs_from_a_spreadsheet() {
        let text = "Email\tFirst Name\tLast Name\tRole\tTeams\nana@example.com\tAna\tRuiz\tTeam Leader\tNight|Front desk\n";
        let rows = rows_from_csv(
            text,
            &Defaults {
                role: Some(Role::Agent),
                ..Default::default()
            },
        )
        .unwrap();
        let Row::Read(r) = &rows[0] else {
            panic!("read")
        };
        assert_eq!(r.first_name.as_deref(), Some("Ana"));
        assert_eq!(
            r.role,
            Some(Role::TeamLeader),
            "the row's role beats the default"
        );
        assert_eq!(
            r.teams.as_deref(),
            Some(&["Night".to_string(), "Front desk".to_string()][..])
        );
    }

    #[test]
    fn unknown_columns_and_oversized_batches_are_refused() {
        assert!(matches!(
            rows_from_csv("email,salary\na@example.com,1\n", &Defaults::default()),
            Err(Error::Validation(_))
        ));
        let many: String = (0..1001).map(|i| format!("p{i}@example.com\n")).collect();
        assert!(matches!(
            rows_from_csv(&many, &Defaults::default()),
            Err(Error::BatchTooLarge(1000))
        ));
        let ok: String = (0..1000).map(|i| format!("p{i}@example.com\n")).collect();
        assert_eq!(
            rows_from_csv(&ok, &Defaults::default()).unwrap().len(),
            1000
        );
    }
}
