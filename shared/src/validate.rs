//! Input validation: pure functions that normalise what a user typed or refuse it with a
//! field-level message. Nothing here touches the store.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::error::FieldError;

pub const MAX_NAME: usize = 100;
pub const MAX_EMAIL: usize = 254;
pub const MAX_LABEL: usize = 64;
pub const MAX_LIST: usize = 50;
/// Employment fields beyond department and job title.
pub const MAX_EXTRA: usize = 20;

/// A list read from a request body: the first `MAX_LIST + 1` entries, the rest skipped unread.
/// One past the limit, so that the list is still refused (`labels`), without building what a
/// 1 MiB body of `""` would be: 350,000 strings, 8 MB with their list, before anyone has
/// checked who sent it.
pub fn capped_list<'de, D, T>(d: D) -> Result<Option<Vec<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Capped<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for Capped<T> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut kept = Vec::new();
            while kept.len() <= MAX_LIST {
                match seq.next_element()? {
                    Some(v) => kept.push(v),
                    None => return Ok(kept),
                }
            }
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok(kept)
        }
    }
    struct List<T>(Vec<T>);
    impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_seq(Capped(PhantomData)).map(List)
        }
    }
    Option::<List<T>>::deserialize(d).map(|l| l.map(|l| l.0))
}

/// Employment's extra fields as read: the first `MAX_EXTRA + 1`, the rest skipped unread (as
/// `capped_list`, for a map).
pub fn capped_extra<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, String>, D::Error> {
    struct Capped;
    impl<'de> Visitor<'de> for Capped {
        type Value = BTreeMap<String, String>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a map of strings")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut kept = BTreeMap::new();
            while kept.len() <= MAX_EXTRA {
                match map.next_entry()? {
                    Some((k, v)) => {
                        kept.insert(k, v);
                    }
                    None => return Ok(kept),
                }
            }
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            Ok(kept)
        }
    }
    d.deserialize_map(Capped)
}

/// Collects field errors so that a request reports all of them at once.
#[derive(Default)]
pub struct Errors(pub Vec<FieldError>);

impl Errors {
    pub fn push(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(FieldError::new(field, message));
    }

    pub fn check<T>(&mut self, r: Result<T, FieldError>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.0.push(e);
                None
            }
        }
    }

    pub fn into_result(self) -> crate::Result<()> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(crate::Error::Validation(self.0))
        }
    }
}

/// Control characters, line and paragraph separators, and the text-direction controls (an
/// override in a name would reverse the rest of the sentence it is put in: an email's subject,
/// an SMS's link).
fn has_control(s: &str) -> bool {
    s.chars().any(|c| {
        c.is_control()
            || matches!(
                c,
                '\u{2028}'
                    | '\u{2029}'
                    | '\u{200E}'
                    | '\u{200F}'
                    | '\u{061C}'
                    | '\u{202A}'..='\u{202E}'
                    | '\u{2066}'..='\u{2069}'
            )
    })
}

/// Trims and normalises an email address, so that every spelling of one address is stored,
/// and keyed, alike: the domain goes through IDNA to ASCII (UTS #46, the mapping a browser
/// applies to a URL's host: lower-cased, compatibility forms mapped, non-ASCII labels in
/// Punycode), so `BÜCHER.example` and `xn--bcher-kva.example` are one domain; the local part
/// is put in Unicode NFC, so a precomposed `ü` and `u` followed by a combining diaeresis are
/// one spelling, and keeps its case as typed (it may be case-sensitive). Then the whole is
/// validated. A domain IDNA refuses is an invalid address.
pub fn email(field: &str, raw: &str) -> Result<String, FieldError> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(FieldError::new(field, "must not be empty"));
    }
    let too_long = || FieldError::new(field, format!("must be at most {MAX_EMAIL} characters"));
    // A bound on the work before normalising (which may shorten a decomposed spelling); the
    // limit itself applies to the normalised address.
    if trimmed.len() > 4 * MAX_EMAIL {
        return Err(too_long());
    }
    if has_control(trimmed) {
        return Err(FieldError::new(
            field,
            "must not contain control characters",
        ));
    }
    let invalid = || FieldError::new(field, "is not a valid email address");
    let Some((local, domain)) = trimmed.rsplit_once('@') else {
        return Err(invalid());
    };
    let domain = idna::domain_to_ascii_cow(domain.as_bytes(), idna::AsciiDenyList::URL)
        .map_err(|_| invalid())?;
    let normalised = format!("{}@{domain}", nfc(local));
    if normalised.len() > MAX_EMAIL {
        return Err(too_long());
    }
    let options = email_address::Options::default()
        .without_display_text()
        .without_domain_literal();
    match email_address::EmailAddress::parse_with_options(&normalised, options) {
        Ok(_) if domain.contains('.') => Ok(normalised),
        _ => Err(invalid()),
    }
}

/// The key under which an email is unique: the address from [`email`] lower-cased (in NFC,
/// which lower-casing is not bound to keep).
pub fn email_key(email: &str) -> String {
    let lower = email.to_lowercase();
    match nfc(&lower) {
        std::borrow::Cow::Borrowed(_) => lower,
        std::borrow::Cow::Owned(composed) => composed,
    }
}

/// Unicode Normalization Form C (canonical composition); a text already in it is borrowed.
fn nfc(text: &str) -> std::borrow::Cow<'_, str> {
    icu_normalizer::ComposingNormalizerBorrowed::new_nfc().normalize(text)
}

/// A person's name: trimmed, at most 100 characters, no control characters (no CR/LF header
/// injection into emails), may be empty.
pub fn name(field: &str, raw: &str) -> Result<String, FieldError> {
    let t = raw.trim();
    if t.chars().count() > MAX_NAME {
        return Err(FieldError::new(
            field,
            format!("must be at most {MAX_NAME} characters"),
        ));
    }
    if has_control(t) {
        return Err(FieldError::new(
            field,
            "must not contain control characters or line breaks",
        ));
    }
    Ok(t.to_string())
}

/// A required short label (team, agent id, product, tenant name).
pub fn label(field: &str, raw: &str, max: usize) -> Result<String, FieldError> {
    let t = raw.trim();
    if t.is_empty() {
        return Err(FieldError::new(field, "must not be empty"));
    }
    if t.chars().count() > max {
        return Err(FieldError::new(
            field,
            format!("must be at most {max} characters"),
        ));
    }
    if has_control(t) {
        return Err(FieldError::new(
            field,
            "must not contain control characters",
        ));
    }
    Ok(t.to_string())
}

/// For a PATCH field: absent, unchanged (`None`); `null`, cleared (`Some(None)`); a value, set.
pub fn nullable<'de, D: Deserializer<'de>, T: serde::Deserialize<'de>>(
    d: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

/// ISO 3166-1 alpha-2 country codes (upper-cased, duplicates removed, order kept).
pub fn country_codes(field: &str, raw: &[String], errors: &mut Errors) -> Vec<String> {
    if raw.len() > 250 {
        errors.push(field, "must hold at most 250 entries");
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::with_capacity(raw.len());
    for (i, c) in raw.iter().enumerate() {
        let c = c.trim().to_uppercase();
        // A region the numbering plan knows (so that a number of it can be recognised).
        if c.len() == 2
            && c.bytes().all(|b| b.is_ascii_uppercase())
            && phonenumber::metadata::DATABASE.by_id(c.as_str()).is_some()
        {
            if !out.contains(&c) {
                out.push(c);
            }
        } else {
            errors.push(
                format!("{field}[{i}]"),
                "must be an ISO 3166-1 alpha-2 country code",
            );
        }
    }
    out
}

/// A list of labels: each validated, duplicates removed, order kept, at most 50.
pub fn labels(field: &str, raw: &[String], errors: &mut Errors) -> Vec<String> {
    if raw.len() > MAX_LIST {
        errors.push(field, format!("must hold at most {MAX_LIST} entries"));
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::with_capacity(raw.len());
    for (i, v) in raw.iter().enumerate() {
        if let Some(v) = errors.check(label(&format!("{field}[{i}]"), v, MAX_LABEL)) {
            if !out.contains(&v) {
                out.push(v);
            }
        }
    }
    out
}

/// A routing shortcode: 1 to 16 letters, digits, `-` or `_`.
pub fn shortcode(field: &str, raw: &str) -> Result<String, FieldError> {
    let t = raw.trim();
    if t.is_empty()
        || t.len() > 16
        || !t
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(FieldError::new(
            field,
            "must be 1 to 16 letters, digits, '-' or '_'",
        ));
    }
    Ok(t.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_name_may_not_hold_a_text_direction_override() {
        for hostile in ["Eve\u{202E}lanoitan", "A\u{2066}B", "x\u{200F}y"] {
            assert!(super::name("first_name", hostile).is_err(), "{hostile:?}");
            assert!(super::label("name", hostile, 100).is_err(), "{hostile:?}");
        }
        assert!(
            super::name("first_name", "محمد").is_ok(),
            "Arabic letters are no control"
        );
    }

    use super::*;

    #[test]
    fn country_codes_are_regions_the_numbering_plan_knows() {
        let mut errors = Errors::default();
        let raw = ["es", " PT ", "ES", "XX", "ESP", "1A"].map(String::from);
        assert_eq!(country_codes("c", &raw, &mut errors), ["ES", "PT"]);
        let refused: Vec<String> = match errors.into_result() {
            Err(crate::Error::Validation(fields)) => fields.into_iter().map(|f| f.field).collect(),
            other => panic!("{other:?}"),
        };
        assert_eq!(refused, ["c[3]", "c[4]", "c[5]"]);
    }

    #[test]
    fn email_is_trimmed_and_its_domain_lowercased() {
        assert_eq!(
            email("e", "  Ana.Ruiz@Example.COM ").unwrap(),
            "Ana.Ruiz@example.com"
        );
    }

    #[test]
    fn invalid_emails_are_refused() {
        for bad in [
            "",
            "ana",
            "ana@",
            "@example.com",
            "ana@example",
            "a b@example.com",
            "ana@exa\r\nmple.com",
            "Ana <ana@example.com>",
        ] {
            assert!(email("e", bad).is_err(), "{bad:?} should be refused");
        }
        let long = format!("{}@example.com", "a".repeat(250));
        assert!(email("e", &long).is_err());
    }

    #[test]
    fn an_email_domain_is_stored_in_ascii_however_it_is_spelled() {
        for spelling in [
            "ana@BÜCHER.example",
            "ana@bücher.example",
            "ana@xn--bcher-kva.example",
            "ana@XN--BCHER-KVA.example",
            "ana@bu\u{308}cher.example",
        ] {
            assert_eq!(
                email("e", spelling).unwrap(),
                "ana@xn--bcher-kva.example",
                "{spelling:?}"
            );
        }
    }

    #[test]
    fn an_email_local_part_is_stored_composed_with_its_case_kept() {
        for spelling in ["Jürgen@example.com", "Ju\u{308}rgen@example.com"] {
            assert_eq!(
                email("e", spelling).unwrap(),
                "J\u{fc}rgen@example.com",
                "{spelling:?}"
            );
        }
    }

    #[test]
    fn every_spelling_of_an_address_has_one_key() {
        let key = email_key(&email("e", "ana@xn--bcher-kva.example").unwrap());
        assert_eq!(key, "ana@xn--bcher-kva.example");
        for spelling in [
            "Ana@BÜCHER.example",
            "ANA@bu\u{308}cher.EXAMPLE",
            " ana@bücher.example ",
        ] {
            assert_eq!(
                email_key(&email("e", spelling).unwrap()),
                key,
                "{spelling:?}"
            );
        }
        assert_eq!(
            email_key(&email("e", "JÜRGEN@example.com").unwrap()),
            email_key(&email("e", "ju\u{308}rgen@example.com").unwrap())
        );
    }

    #[test]
    fn an_email_domain_that_idna_refuses_is_a_validation_error_on_its_field() {
        for bad in [
            // Punycode that decodes to a code point a domain may not hold.
            "ana@xn--a.example",
            // A label mixing right-to-left and left-to-right text (the Bidi rule).
            "ana@\u{5d0}a.example",
        ] {
            let refused = email("email", bad).expect_err(bad);
            assert_eq!(refused.field, "email", "{bad:?}");
            assert_eq!(refused.message, "is not a valid email address", "{bad:?}");
            assert_eq!(
                crate::Error::Validation(vec![refused]).describe().0,
                400,
                "{bad:?}"
            );
        }
    }

    #[test]
    fn names_refuse_line_breaks_and_overlong_text() {
        assert!(name("n", "Ana\r\nBcc: x@evil.test").is_err());
        assert!(name("n", &"x".repeat(101)).is_err());
        assert_eq!(name("n", " Ana ").unwrap(), "Ana");
        assert_eq!(
            name("n", "<script>").unwrap(),
            "<script>",
            "HTML is escaped on output, not refused"
        );
    }

    #[test]
    fn labels_are_deduplicated_and_bounded() {
        let mut errs = Errors::default();
        let out = labels("teams", &["A".into(), "A".into(), " B ".into()], &mut errs);
        assert_eq!(out, vec!["A", "B"]);
        assert!(errs.0.is_empty());
        labels("teams", &["".into()], &mut errs);
        assert_eq!(errs.0[0].field, "teams[0]");
    }

    #[derive(Debug, serde::Deserialize)]
    struct Body {
        #[serde(default, deserialize_with = "capped_list")]
        teams: Option<Vec<String>>,
        #[serde(default, deserialize_with = "capped_extra")]
        extra: BTreeMap<String, String>,
    }

    #[test]
    fn a_long_list_is_read_one_past_the_limit_and_so_still_refused() {
        let read = |text: &str| serde_json::from_str::<Body>(text).unwrap();
        let teams = serde_json::json!(vec![""; 350_000]).to_string();
        let body = read(&format!(r#"{{"teams": {teams}}}"#));
        let kept = body.teams.unwrap();
        assert_eq!(kept.len(), MAX_LIST + 1);
        let mut errs = Errors::default();
        labels("teams", &kept, &mut errs);
        assert_eq!(errs.0[0].message, "must hold at most 50 entries");
        let extra: String = (0..100_000).map(|k| format!(r#""k{k}": "","#)).collect();
        let body = read(&format!(r#"{{"extra": {{{extra} "last": ""}}}}"#));
        assert_eq!(body.extra.len(), MAX_EXTRA + 1);
        // Short lists, absent and null ones are read as they are; a wrong entry is still named.
        assert_eq!(read(r#"{"teams": ["a", "b"]}"#).teams.unwrap(), ["a", "b"]);
        assert!(read("{}").teams.is_none() && read(r#"{"teams": null}"#).teams.is_none());
        let mut text = serde_json::Deserializer::from_str(r#"{"teams": ["a", 7]}"#);
        let e = serde_path_to_error::deserialize::<_, Body>(&mut text).unwrap_err();
        assert_eq!(e.path().to_string(), "teams[1]");
    }
}

/// A phone number in E.164 form, with the country it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phone {
    pub e164: String,
    pub country: Option<String>,
}

/// Parses an international phone number (a real numbering-plan check, not a pattern).
pub fn phone(field: &str, raw: &str) -> Result<Phone, FieldError> {
    let t = raw.trim();
    if t.is_empty() || t.len() > 32 || has_control(t) {
        return Err(FieldError::new(
            field,
            "must be an international phone number such as +34600000000",
        ));
    }
    let number = phonenumber::parse(None, t).map_err(|_| {
        FieldError::new(
            field,
            "must be an international phone number, with its country code, such as +34600000000",
        )
    })?;
    if !number.is_valid() {
        return Err(FieldError::new(field, "is not a valid phone number"));
    }
    Ok(Phone {
        e164: number.format().mode(phonenumber::Mode::E164).to_string(),
        country: number.country().id().map(|c| c.as_ref().to_string()),
    })
}

#[cfg(test)]
mod phone_tests {
    use super::*;

    #[test]
    fn phones_are_parsed_to_e164_with_their_country() {
        assert_eq!(
            phone("p", " +34 600 00 00 00 ").unwrap(),
            Phone {
                e164: "+34600000000".into(),
                country: Some("ES".into())
            }
        );
        assert_eq!(
            phone("p", "+44 7400 123456").unwrap().country.as_deref(),
            Some("GB")
        );
        for bad in [
            "",
            "600000000",
            "+34 123",
            "+999 1234567",
            "call me",
            "+34 600 000 000 000 000",
        ] {
            assert!(phone("p", bad).is_err(), "{bad:?}");
        }
    }
}
