//! A batch's rows as read from its body: JSON rows with batch-level defaults, or CSV as pasted
//! from a spreadsheet (a header row, or one address per line), read no further than one row
//! past the limit, with the defaults checked once.

use std::collections::HashMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{Deserializer, IgnoredAny, SeqAccess, Visitor};
use serde_json::value::RawValue;

use crate::error::{Error, FieldError, Result};
use crate::model::{Channel, Employment, Role};
use crate::usecases::invite::InviteRequest;
use crate::validate::{self as check, Errors};

pub const MAX_ROWS: usize = 1000;
/// Cells a CSV header may have: each known column once, and room to spare.
pub(super) const MAX_COLUMNS: usize = 32;
/// The longest column name recognised (`email_address`, `mobile_phone`: 13).
pub(super) const MAX_COLUMN_NAME: usize = 32;

/// Batch-level defaults: what a row does not say, it takes from here.
#[derive(Clone, Debug, Default)]
pub struct Defaults {
    pub role: Option<Role>,
    pub teams: Option<Vec<String>>,
    pub products: Option<Vec<String>>,
    pub channels: Option<Vec<Channel>>,
    pub send_at: Option<String>,
    pub timezone: Option<String>,
    pub employment: Option<Employment>,
    pub locale: Option<String>,
}

impl Defaults {
    /// Batch defaults for CSV come from the query string (`role`, `teams`, `products`,
    /// `channels` comma-separated, `send_at`, `timezone`, `locale`).
    pub fn from_query(params: &HashMap<String, String>) -> Result<Defaults> {
        let list = |k: &str| {
            params.get(k).map(|v| {
                v.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
        };
        let mut errors = Errors::default();
        for k in params.keys() {
            if !matches!(
                k.as_str(),
                "role" | "teams" | "products" | "channels" | "send_at" | "timezone" | "locale"
            ) {
                errors.push(k.clone(), "is not a known parameter");
            }
        }
        let role = params.get("role").and_then(|r| {
            let parsed = Role::parse(r);
            if parsed.is_none() {
                errors.push("role", "must be admin, manager, team_leader, agent or user");
            }
            parsed
        });
        let channels = list("channels").map(|cs| {
            cs.iter()
                .filter_map(|c| match c.as_str() {
                    "email" => Some(Channel::Email),
                    "sms" => Some(Channel::Sms),
                    _ => {
                        errors.push("channels", "must be email and/or sms");
                        None
                    }
                })
                .collect()
        });
        errors.into_result()?;
        Ok(Defaults {
            role,
            teams: list("teams"),
            products: list("products"),
            channels,
            send_at: params.get("send_at").cloned(),
            timezone: params.get("timezone").cloned(),
            employment: None,
            locale: params.get("locale").cloned(),
        })
    }

    /// Checks the defaults once, before any row takes them, with the limits of a row's own
    /// fields (at most 50 labels of at most 64 characters, 20 employment fields...): refused
    /// here, they are one error for the batch instead of a copy and an error in every row.
    /// What is kept is normalised the way a row's fields are (trimmed, duplicates dropped).
    /// `send_at` is checked in each row, against the row's timezone; here only its length.
    pub fn checked(self) -> Result<Defaults> {
        let mut errors = Errors::default();
        let teams = self.teams.map(|t| check::labels("teams", &t, &mut errors));
        let products = self
            .products
            .map(|p| check::labels("products", &p, &mut errors));
        let channels = self.channels.map(|mut c| {
            c.sort();
            c.dedup();
            c
        });
        let employment = self
            .employment
            .map(|e| crate::usecases::invite::validate_employment(&e, &mut errors));
        let send_at = self
            .send_at
            .and_then(|s| errors.check(check::label("send_at", &s, check::MAX_LABEL)));
        let timezone = self.timezone.and_then(|z| {
            let z = z.trim().to_string();
            if z.parse::<chrono_tz::Tz>().is_err() {
                errors.push("timezone", "must be an IANA timezone such as Europe/Madrid");
                return None;
            }
            Some(z)
        });
        errors.into_result()?;
        // A language none of the rows could be sent in is one error for the batch.
        let locale = self
            .locale
            .map(|l| crate::i18n::supported(&l).map(str::to_string))
            .transpose()?;
        Ok(Defaults {
            locale,
            role: self.role,
            teams,
            products,
            channels,
            send_at,
            timezone,
            employment,
        })
    }
}

/// The rows of a JSON batch, each kept as its text to be read on its own (a row that is not a
/// valid invitee is reported in its place). Past `MAX_ROWS`, rows are skipped unread: a body
/// of half a million `0`s builds no half a million values.
pub(super) struct RawRows {
    pub(super) rows: Vec<Box<RawValue>>,
    pub(super) too_many: bool,
}

impl<'de> Deserialize<'de> for RawRows {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Rows;
        impl<'de> Visitor<'de> for Rows {
            type Value = RawRows;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of invitees")
            }

            fn visit_seq<A: SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<RawRows, A::Error> {
                let mut rows = Vec::new();
                let mut too_many = false;
                loop {
                    if rows.len() < MAX_ROWS {
                        match seq.next_element::<Box<RawValue>>()? {
                            Some(row) => rows.push(row),
                            None => break,
                        }
                    } else if seq.next_element::<IgnoredAny>()?.is_some() {
                        too_many = true;
                    } else {
                        break;
                    }
                }
                Ok(RawRows { rows, too_many })
            }
        }
        d.deserialize_seq(Rows)
    }
}

/// The JSON body: the rows and the batch-level defaults (spelled out: serde cannot refuse
/// unknown fields through `flatten`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct JsonBatch {
    pub(super) invitees: RawRows,
    pub(super) role: Option<Role>,
    #[serde(default, deserialize_with = "check::capped_list")]
    pub(super) teams: Option<Vec<String>>,
    #[serde(default, deserialize_with = "check::capped_list")]
    pub(super) products: Option<Vec<String>>,
    pub(super) channels: Option<Vec<Channel>>,
    pub(super) send_at: Option<String>,
    pub(super) timezone: Option<String>,
    pub(super) employment: Option<Employment>,
    pub(super) locale: Option<String>,
}

/// One row, read but not yet checked (nor given the batch's defaults).
#[derive(Debug)]
pub enum Row {
    Read(Box<InviteRequest>),
    Unreadable(Error),
}

/// Field errors of row `index` are reported as `invitees[index].field`.
pub(super) fn in_row(index: usize, e: Error) -> Error {
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

pub(super) fn apply(mut r: InviteRequest, d: &Defaults) -> InviteRequest {
    r.role = r.role.or(d.role);
    r.teams = r.teams.or_else(|| d.teams.clone());
    r.products = r.products.or_else(|| d.products.clone());
    r.channels = r.channels.or_else(|| d.channels.clone());
    if r.send_at.is_none() {
        r.send_at = d.send_at.clone();
        r.timezone = r.timezone.or_else(|| d.timezone.clone());
    }
    r.employment = r.employment.or_else(|| d.employment.clone());
    r.locale = r.locale.or_else(|| d.locale.clone());
    r
}

pub(super) fn bounded(rows: Vec<Row>) -> Result<Vec<Row>> {
    if rows.len() > MAX_ROWS {
        return Err(Error::BatchTooLarge(MAX_ROWS));
    }
    if rows.is_empty() {
        return Err(Error::field("invitees", "must hold at least one invitee"));
    }
    Ok(rows)
}

/// Reads one row of a JSON batch, naming the field at fault.
pub(super) fn json_row(index: usize, raw: &RawValue) -> Row {
    let mut text = serde_json::Deserializer::from_str(raw.get());
    match serde_path_to_error::deserialize::<_, InviteRequest>(&mut text) {
        Ok(r) => Row::Read(Box::new(r)),
        Err(e) => {
            let path = e.path().to_string();
            let field = if path == "." {
                format!("invitees[{index}]")
            } else {
                format!("invitees[{index}].{path}")
            };
            // The field names the place; the reader's line and column add nothing to it.
            let mut message = e.into_inner().to_string();
            if let Some(at) = message.rfind(" at line ") {
                message.truncate(at);
            }
            Row::Unreadable(Error::Validation(vec![FieldError::new(field, message)]))
        }
    }
}

/// `{"invitees": [...], ...defaults}`: the rows and the defaults (checked). A row that is not
/// a valid invitee is reported in its place; the batch's own fields must be valid for anything
/// to happen.
pub fn rows_from_json(bytes: &[u8]) -> Result<(Vec<Row>, Defaults)> {
    let batch: JsonBatch = crate::http::extract::parse_json(bytes)?;
    if batch.invitees.too_many {
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
        locale: batch.locale,
    }
    .checked()?;
    let rows = batch
        .invitees
        .rows
        .iter()
        .enumerate()
        .map(|(i, raw)| json_row(i, raw))
        .collect();
    Ok((bounded(rows)?, defaults))
}

pub(super) fn column(header: &str) -> Option<&'static str> {
    let header = header.trim();
    if header.len() > MAX_COLUMN_NAME {
        return None;
    }
    let h: String = header
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
        "locale" | "language" | "lang" => "locale",
        _ => return None,
    })
}

pub(super) fn list(cell: &str) -> Option<Vec<String>> {
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
/// Tabs, semicolons and commas are all recognised as separators. Reading stops at the row
/// past the limit.
pub fn rows_from_csv(text: &str) -> Result<Vec<Row>> {
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter = [b'\t', b';', b',']
        .into_iter()
        .find(|d| first.as_bytes().contains(d))
        .unwrap_or(b',');
    let header: Vec<Option<&str>> = first
        .split(delimiter as char)
        .take(MAX_COLUMNS + 1)
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
            .take(MAX_ROWS + 1)
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
                Row::Read(Box::new(r))
            })
            .collect();
        return bounded(rows);
    }
    if header.len() > MAX_COLUMNS {
        return Err(Error::field(
            "header",
            format!("must have at most {MAX_COLUMNS} columns"),
        ));
    }
    let unknown: Vec<String> = first
        .split(delimiter as char)
        .filter(|h| !h.trim().is_empty() && column(h.trim_matches('"')).is_none())
        .map(|h| h.trim().chars().take(MAX_COLUMN_NAME).collect())
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
        if matches!(&record, Ok(r) if r.iter().all(str::is_empty)) {
            continue;
        }
        if rows.len() == MAX_ROWS {
            return Err(Error::BatchTooLarge(MAX_ROWS));
        }
        rows.push(match record {
            Ok(r) => csv_row(i, &r, &header),
            Err(e) => Row::Unreadable(Error::field(format!("invitees[{i}]"), e.to_string())),
        });
    }
    bounded(rows)
}

/// One CSV record, its cells named by the header's columns.
pub(super) fn csv_row(i: usize, record: &csv::StringRecord, header: &[Option<&str>]) -> Row {
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
            Some("locale") => r.locale = Some(cell.into()),
            Some("department") => employment.department = Some(cell.into()),
            Some("job_title") => employment.job_title = Some(cell.into()),
            _ => {}
        }
    }
    if employment != Employment::default() {
        r.employment = Some(employment);
    }
    match bad {
        Some(e) => Row::Unreadable(e),
        None => Row::Read(Box::new(r)),
    }
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
        let rows =
            rows_from_csv("ana@example.com\r\n\r\n bob@example.com \n+34612345678\n").unwrap();
        assert_eq!(
            emails(&rows),
            ["ana@example.com", "bob@example.com", "+34612345678"]
        );
    }

    #[test]
    fn a_header_row_names_the_columns_with_tabs_from_a_spreadsheet() {
        let text = "Email\tFirst Name\tLast Name\tRole\tTeams\nana@example.com\tAna\tRuiz\tTeam Leader\tNight|Front desk\n";
        let rows = rows_from_csv(text).unwrap();
        let Row::Read(r) = &rows[0] else {
            panic!("read")
        };
        assert_eq!(r.first_name.as_deref(), Some("Ana"));
        assert_eq!(r.role, Some(Role::TeamLeader));
        assert_eq!(
            r.teams.as_deref(),
            Some(&["Night".to_string(), "Front desk".to_string()][..])
        );
        let defaults = Defaults {
            role: Some(Role::Agent),
            teams: Some(vec!["Day".into()]),
            products: Some(vec!["chat".into()]),
            ..Default::default()
        };
        let r = apply(*r.clone(), &defaults);
        assert_eq!(
            (r.role, r.teams.unwrap()[0].as_str(), r.products.unwrap()),
            (Some(Role::TeamLeader), "Night", vec!["chat".to_string()]),
            "the row's own fields beat the defaults, which fill the rest"
        );
    }

    #[test]
    fn unknown_columns_and_oversized_batches_are_refused() {
        assert!(matches!(
            rows_from_csv("email,salary\na@example.com,1\n"),
            Err(Error::Validation(_))
        ));
        let many: String = (0..1001).map(|i| format!("p{i}@example.com\n")).collect();
        assert!(matches!(
            rows_from_csv(&many),
            Err(Error::BatchTooLarge(1000))
        ));
        let many_with_header = format!("Email;Name\n{}", many.replace('\n', ";A\n"));
        assert!(matches!(
            rows_from_csv(&many_with_header),
            Err(Error::BatchTooLarge(1000))
        ));
        let ok: String = (0..1000).map(|i| format!("p{i}@example.com\n")).collect();
        assert_eq!(rows_from_csv(&ok).unwrap().len(), 1000);
    }

    fn fields(e: Error) -> Vec<String> {
        match e {
            Error::Validation(errors) => errors.into_iter().map(|f| f.field).collect(),
            other => panic!("not a validation error: {other:?}"),
        }
    }

    #[test]
    fn a_csv_header_of_more_columns_than_a_person_has_is_refused_without_reading_them() {
        let wide = format!("email{}\nana@example.com\n", ",".repeat(1024 * 1024));
        assert_eq!(fields(rows_from_csv(&wide).unwrap_err()), ["header"]);
        let long_name = format!("email,{}\nana@example.com,1\n", "x".repeat(1024 * 1024));
        let Err(Error::Validation(e)) = rows_from_csv(&long_name) else {
            panic!("refused")
        };
        assert!(e[0].message.len() < 100, "{}", e[0].message.len());
    }

    #[test]
    fn defaults_beyond_a_rows_limits_are_one_error_for_the_batch() {
        let body = |defaults: &str| {
            format!(r#"{{"invitees": [{{"email": "ana@example.com"}}], {defaults}}}"#)
        };
        let too_many = serde_json::json!(vec![""; 100_000]).to_string();
        let cases = [
            (format!(r#""teams": {too_many}"#), "teams"),
            (
                format!(r#""products": ["{}"]"#, "p".repeat(65)),
                "products[0]",
            ),
            (
                format!(
                    r#""employment": {{"extra": {}}}"#,
                    serde_json::json!(
                        (0..21)
                            .map(|k| (k.to_string(), "x".to_string()))
                            .collect::<std::collections::BTreeMap<_, _>>()
                    )
                ),
                "employment.extra",
            ),
            (
                format!(r#""employment": {{"job_title": "{}"}}"#, "j".repeat(101)),
                "employment.job_title",
            ),
            (
                format!(r#""send_at": "{}""#, "2".repeat(1 << 20)),
                "send_at",
            ),
            (r#""timezone": "Mars/Olympus""#.to_string(), "timezone"),
        ];
        for (defaults, field) in cases {
            let e = rows_from_json(body(&defaults).as_bytes()).unwrap_err();
            assert_eq!(
                fields(e),
                [field],
                "{}",
                &defaults[..defaults.len().min(80)]
            );
        }
        let (rows, defaults) = rows_from_json(
            body(r#""teams": [" Night ", "Night", "Day"], "channels": ["sms", "email", "sms"]"#)
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(defaults.teams.unwrap(), ["Night", "Day"], "normalised once");
        assert_eq!(defaults.channels.unwrap(), [Channel::Email, Channel::Sms]);
    }

    #[test]
    fn json_rows_past_the_limit_are_counted_not_read() {
        let rows = |n: usize| format!(r#"{{"invitees": [{}]}}"#, vec!["{}"; n].join(","));
        assert_eq!(rows_from_json(rows(1000).as_bytes()).unwrap().0.len(), 1000);
        assert!(matches!(
            rows_from_json(rows(1001).as_bytes()),
            Err(Error::BatchTooLarge(1000))
        ));
        let zeros = format!(r#"{{"invitees": [{}0]}}"#, "0,".repeat(500_000));
        assert!(matches!(
            rows_from_json(zeros.as_bytes()),
            Err(Error::BatchTooLarge(1000))
        ));
    }

    #[test]
    fn a_bad_row_is_reported_in_its_place_and_a_bad_batch_field_by_its_name() {
        let (rows, _) = rows_from_json(
            br#"{"invitees": [{"email": "a@example.com"}, {"email": 7}, 3, {"nickname": "x"}]}"#,
        )
        .unwrap();
        let errors: Vec<String> = rows
            .into_iter()
            .filter_map(|r| match r {
                Row::Unreadable(e) => Some(fields(e)[0].clone()),
                Row::Read(_) => None,
            })
            .collect();
        assert_eq!(
            errors,
            ["invitees[1].email", "invitees[2]", "invitees[3].nickname"]
        );
        let e = rows_from_json(br#"{"invitees": [{"email": "a@example.com"}], "role": "wizard"}"#)
            .unwrap_err();
        assert_eq!(fields(e), ["role"]);
        let e = rows_from_json(br#"{"invitees": [{"email": "a@example.com"}], "nope": 1}"#)
            .unwrap_err();
        assert_eq!(fields(e), ["nope"]);
    }

    #[test]
    fn deeply_nested_json_is_invalid_json_and_does_not_exhaust_the_stack() {
        let deep = "[".repeat(100_000);
        for body in [
            deep.clone(),
            format!(r#"{{"invitees": {deep}"#),
            format!(r#"{{"invitees": [{deep}"#),
            format!(r#"{{"invitees": [{{"email": {deep}"#),
            format!(r#"{{"invitees": [], "teams": {deep}"#),
            format!(
                r#"{{"invitees": [], "employment": {}"#,
                r#"{"a":"#.repeat(20_000)
            ),
        ] {
            assert!(
                matches!(rows_from_json(body.as_bytes()), Err(Error::InvalidJson(_))),
                "{}",
                &body[..40]
            );
        }
    }
}
