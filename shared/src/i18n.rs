//! The message catalogue: every text a person reads (emails, SMS, the printed invitation, the
//! pages) in `en`, `es`, `fr`, `de`, `pt-BR` and `ar`, as Fluent messages in `shared/locales/`.
//! Fluent brings each language's plural rules (`expires-in-hours`); dates are formatted with
//! the locale's month names and a pattern the catalogue itself holds (`date-time`). The pages
//! get the same catalogue as JSON ([`page_messages`]), so there is one copy of every text.
//!
//! `check` (built for the tests) is the catalogue's test: every locale has every message of English with the same
//! placeholders, and nothing more.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

use crate::error::{Error, Result};
pub use crate::model::LOCALES;

/// The catalogue's sources, English first (the reference).
pub const SOURCES: [(&str, &str); 6] = [
    ("en", include_str!("../locales/en.ftl")),
    ("es", include_str!("../locales/es.ftl")),
    ("fr", include_str!("../locales/fr.ftl")),
    ("de", include_str!("../locales/de.ftl")),
    ("pt-BR", include_str!("../locales/pt-BR.ftl")),
    ("ar", include_str!("../locales/ar.ftl")),
];

/// A supported locale in its canonical spelling, from a BCP 47 tag: `pt-br` → `pt-BR`, and a
/// regional variant of a supported language to that language (`es-MX` → `es`, `pt-PT` →
/// `pt-BR`); anything else is 400 `locale_not_supported`.
pub fn supported(raw: &str) -> Result<&'static str> {
    use fluent_langneg::{NegotiationStrategy, negotiate_languages};
    static AVAILABLE: OnceLock<Vec<unic_langid::LanguageIdentifier>> = OnceLock::new();
    let available = AVAILABLE.get_or_init(|| {
        LOCALES
            .iter()
            .map(|l| l.parse().unwrap_or_default())
            .collect()
    });
    let tag = raw.trim();
    let refused = || Error::LocaleNotSupported(tag.chars().take(35).collect());
    let requested: unic_langid::LanguageIdentifier = tag.parse().map_err(|_| refused())?;
    if tag.is_empty() || requested.language.is_empty() {
        return Err(refused());
    }
    let found = negotiate_languages(
        &[requested],
        available,
        None,
        NegotiationStrategy::Filtering,
    );
    let best = found.first().ok_or_else(refused)?;
    available
        .iter()
        .position(|a| a == *best)
        .map(|i| LOCALES[i])
        .ok_or_else(refused)
}

/// The writing direction of a locale: `rtl` for Arabic.
pub fn dir(locale: &str) -> &'static str {
    if locale == "ar" || locale.starts_with("ar-") {
        "rtl"
    } else {
        "ltr"
    }
}

struct Catalogue {
    bundles: Vec<(&'static str, FluentBundle<FluentResource>)>,
}

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| Catalogue {
        bundles: SOURCES
            .iter()
            .map(|(locale, source)| (*locale, bundle(locale, source)))
            .collect(),
    })
}

fn bundle(locale: &str, source: &str) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = locale.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Plain text out: no Unicode isolation marks around placeables (they would show in an SMS
    // and count against its segment); the pages set `dir` instead.
    bundle.set_use_isolating(false);
    // A resource with an error keeps the messages it could read (the catalogue test fails on
    // the error itself).
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
    let _ = bundle.add_resource(resource);
    bundle
}

/// An argument of a message.
pub enum Arg<'a> {
    Text(&'a str),
    Number(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(s)
    }
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

/// The messages of one locale (falling back to English for anything it lacks).
#[derive(Clone, Copy)]
pub struct Messages {
    locale: &'static str,
}

impl Messages {
    /// The messages of `locale` (a supported one, else English).
    pub fn of(locale: &str) -> Self {
        Messages {
            locale: supported(locale).unwrap_or("en"),
        }
    }

    pub fn locale(&self) -> &'static str {
        self.locale
    }

    pub fn dir(&self) -> &'static str {
        dir(self.locale)
    }

    /// The message `id` with its arguments.
    pub fn t(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(s) => fluent_args.set(*name, FluentValue::from(*s)),
                Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
            }
        }
        let c = catalogue();
        for locale in [self.locale, "en"] {
            let Some((_, bundle)) = c.bundles.iter().find(|(l, _)| *l == locale) else {
                continue;
            };
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
            if !errors.is_empty() {
                tracing::warn!(locale, id, ?errors, "a message formatted with errors");
            }
            return text.into_owned();
        }
        tracing::error!(locale = self.locale, id, "no such message");
        id.to_string()
    }

    /// `at` as people of the locale read a date and time (`5 de diciembre de 2026 a las
    /// 10:00 UTC`).
    pub fn date_time(&self, at: DateTime<Utc>) -> String {
        self.date_with("date-time", at)
    }

    /// `at` in digits only (`05/12 10:00 UTC`), for an SMS.
    pub fn date_time_short(&self, at: DateTime<Utc>) -> String {
        self.date_with("date-time-short", at)
    }

    fn date_with(&self, pattern_id: &str, at: DateTime<Utc>) -> String {
        use chrono::format::{Item, StrftimeItems};
        let pattern = self.t(pattern_id, &[]);
        let locale = chrono_locale(self.locale);
        // A pattern the formatter cannot read falls back to RFC 3339 rather than failing.
        if StrftimeItems::new_with_locale(&pattern, locale).any(|i| matches!(i, Item::Error)) {
            return at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        }
        at.format_localized(&pattern, locale).to_string()
    }

    /// "in 5 hours", with the locale's plural rules (the hours left, rounded up).
    pub fn expires_in(&self, now: DateTime<Utc>, at: DateTime<Utc>) -> String {
        let seconds = (at - now).num_seconds().max(0);
        let hours = (seconds + 3599) / 3600;
        self.t("expires-in-hours", &[("hours", hours.max(1).into())])
    }
}

fn chrono_locale(locale: &str) -> chrono::Locale {
    match locale {
        "es" => chrono::Locale::es_ES,
        "fr" => chrono::Locale::fr_FR,
        "de" => chrono::Locale::de_DE,
        "pt-BR" => chrono::Locale::pt_BR,
        "ar" => chrono::Locale::ar_EG,
        _ => chrono::Locale::en_GB,
    }
}

/// The messages the pages use (`page-*`, and the console's `console-*`), in `locale`, for `/i18n/{locale}.json`: each with its
/// placeholders left as `{ $name }` for the page to fill in.
pub fn page_messages(locale: &str) -> BTreeMap<String, String> {
    let messages = Messages::of(locale);
    let (_, english) = SOURCES[0];
    let Ok(variables) = variables_by_message(english) else {
        return BTreeMap::new();
    };
    variables
        .into_iter()
        .filter(|(id, _)| id.starts_with("page-") || id.starts_with("console-"))
        .map(|(id, vars)| {
            let placeholders: Vec<String> = vars.iter().map(|v| format!("{{ ${v} }}")).collect();
            let args: Vec<(&str, Arg<'_>)> = vars
                .iter()
                .zip(&placeholders)
                .map(|(v, p)| (v.as_str(), Arg::Text(p.as_str())))
                .collect();
            let text = messages.t(&id, &args);
            (id, text)
        })
        .collect()
}

/// Whether `text` is all of the GSM 03.38 basic character set: then an SMS of it takes one
/// byte a character, 160 to a segment (any other character makes it UCS-2: 70 a segment).
pub fn is_gsm7(text: &str) -> bool {
    const BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?\
        ¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    text.chars().all(|c| BASIC.contains(c))
}

/// What `/i18n/{locale}.json` serves: the locale, its direction and its page messages.
/// Built once a locale per process (every page load asks for one).
pub fn page_catalogue(locale: &str) -> serde_json::Value {
    static BUILT: OnceLock<Vec<(&'static str, serde_json::Value)>> = OnceLock::new();
    let m = Messages::of(locale);
    let built = BUILT.get_or_init(|| {
        LOCALES
            .iter()
            .map(|l| {
                let of = Messages::of(l);
                let catalogue = serde_json::json!({
                    "locale": of.locale(),
                    "dir": of.dir(),
                    "messages": page_messages(l),
                });
                (*l, catalogue)
            })
            .collect()
    });
    built
        .iter()
        .find(|(l, _)| *l == m.locale())
        .map(|(_, c)| c.clone())
        .unwrap_or_default()
}

/// Every message of a catalogue source and the variables it uses, in source order of ids.
fn variables_by_message(
    source: &str,
) -> std::result::Result<BTreeMap<String, BTreeSet<String>>, String> {
    let resource = fluent_syntax::parser::parse(source)
        .map_err(|(_, errors)| format!("{} syntax error(s): {:?}", errors.len(), errors))?;
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(message) = entry {
            let mut vars = BTreeSet::new();
            if let Some(value) = &message.value {
                pattern_variables(value, &mut vars);
            }
            for attribute in &message.attributes {
                pattern_variables(&attribute.value, &mut vars);
            }
            out.insert(message.id.name.to_string(), vars);
        }
    }
    Ok(out)
}

fn pattern_variables(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, vars);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Inline(inline) => inline_variables(inline, vars),
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, vars);
            for variant in variants {
                pattern_variables(&variant.value, vars);
            }
        }
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, vars),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, vars);
            }
            for a in &arguments.named {
                inline_variables(&a.value, vars);
            }
        }
        _ => {}
    }
}

/// The words a template or page says itself, outside its markup, template expressions
/// (`{{ }}`, `{% %}`), style sheets and scripts: what would stay untranslated.
#[cfg(test)]
pub(crate) fn words_outside_markup(source: &str) -> Vec<String> {
    let mut text = String::with_capacity(source.len());
    let mut rest = source;
    // Blocks whose content is not text: removed whole.
    const BLOCKS: [(&str, &str); 5] = [
        ("<style", "</style>"),
        ("<script", "</script>"),
        ("<!--", "-->"),
        ("{{", "}}"),
        ("{%", "%}"),
    ];
    'outer: while !rest.is_empty() {
        for (open, close) in BLOCKS {
            if rest.starts_with(open) {
                rest = rest.find(close).map_or("", |at| &rest[at + close.len()..]);
                text.push(' ');
                continue 'outer;
            }
        }
        if rest.starts_with('<') {
            rest = rest.find('>').map_or("", |at| &rest[at + 1..]);
            text.push(' ');
            continue;
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            text.push(c);
        }
        rest = chars.as_str();
    }
    text.split_whitespace()
        .filter(|w| !w.starts_with('&') && w.chars().any(char::is_alphabetic))
        .map(str::to_string)
        .collect()
}

/// The text of a page that no `data-i18n` element holds (so the page would show it in
/// English whatever the language): each element with `data-i18n` is translated whole, and
/// elements marked `data-arg` inside it are its placeholders.
#[cfg(test)]
pub(crate) fn untranslated_page_text(html: &str) -> Vec<String> {
    const VOID: [&str; 7] = ["meta", "link", "input", "img", "br", "hr", "source"];
    let mut problems = Vec::new();
    // For each open element: whether it or an ancestor is translated.
    let mut stack: Vec<(String, bool)> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        let text = &rest[..at];
        let translated = stack.last().is_some_and(|(_, t)| *t);
        let words = words_outside_markup(text);
        if !translated && !words.is_empty() {
            problems.push(words.join(" "));
        }
        rest = &rest[at..];
        let end = rest.find('>').map_or(rest.len(), |e| e + 1);
        let tag = &rest[..end];
        rest = &rest[end..];
        if tag.starts_with("<!") {
            continue;
        }
        if let Some(name) = tag.strip_prefix("</") {
            let name = name.trim_end_matches('>').trim();
            if let Some(open) = stack.iter().rposition(|(n, _)| n == name) {
                stack.truncate(open);
            }
            continue;
        }
        let name: String = tag[1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        for attribute in ["placeholder=", "aria-label=", "title="] {
            if tag.contains(attribute) && !tag.contains("data-i18n-attr") {
                problems.push(format!("{attribute} in {tag}"));
            }
        }
        if VOID.contains(&name.as_str()) || tag.ends_with("/>") {
            continue;
        }
        if name == "script" || name == "style" {
            rest = rest
                .find(&format!("</{name}>"))
                .map_or("", |at| &rest[at..]);
        }
        let translated = translated || tag.contains("data-i18n=");
        stack.push((name, translated));
    }
    problems
}

/// What is wrong with a catalogue: each locale must parse, and have exactly the messages of
/// the reference (the first source), each with the same placeholders. Empty when all is well.
#[cfg(test)]
pub(crate) fn check(sources: &[(&str, &str)]) -> Vec<String> {
    let mut problems = Vec::new();
    let Some(((reference_locale, reference), others)) = sources.split_first() else {
        return vec!["no reference catalogue".into()];
    };
    let reference = match variables_by_message(reference) {
        Ok(r) => r,
        Err(e) => return vec![format!("{reference_locale}: {e}")],
    };
    for (locale, source) in others {
        let messages = match variables_by_message(source) {
            Ok(m) => m,
            Err(e) => {
                problems.push(format!("{locale}: {e}"));
                continue;
            }
        };
        for (id, vars) in &reference {
            match messages.get(id) {
                None => problems.push(format!("{locale}: `{id}` is missing")),
                Some(theirs) if theirs != vars => problems.push(format!(
                    "{locale}: `{id}` has placeholders {theirs:?}, English has {vars:?}"
                )),
                Some(_) => {}
            }
        }
        for id in messages.keys().filter(|id| !reference.contains_key(*id)) {
            problems.push(format!("{locale}: `{id}` is not an English message"));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn every_locale_has_every_message_with_the_same_placeholders() {
        let problems = check(&SOURCES);
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn the_checker_names_a_missing_message_a_changed_placeholder_and_a_stray_one() {
        let en = "a = Hello { $name }\nb = Bye\n";
        let es = "a = Hola { $nombre }\nc = Extra\n";
        let problems = check(&[("en", en), ("es", es)]);
        assert_eq!(problems.len(), 3, "{problems:#?}");
        assert!(problems.iter().any(|p| p.contains("`b` is missing")));
        assert!(problems.iter().any(|p| p.contains("`a` has placeholders")));
        assert!(problems.iter().any(|p| p.contains("`c` is not an English")));
        assert!(check(&[("en", en), ("es", "a = { $name\n")])[0].contains("syntax"));
        assert!(check(&[("en", en), ("es", "a = Hola { $name }\nb = Adios\n")]).is_empty());
    }

    #[test]
    fn a_message_in_another_locale_is_translated_not_left_in_english() {
        // Words that are the same in both languages (a name, an abbreviation, a format).
        const SAME: &[&str] = &[
            "date-time-short",
            "page-reset-email",
            "page-signin-code",
            // The console's: formats of placeholders and punctuation alone ("Email: sent"),
            // examples that are codes, and words that are the same ("SMS"; "Organisation",
            // "Action", "Actions", "Page" in French; "Status", "Name", "Admin", "Teams",
            // "Details", "System" in German; "Status" in Portuguese).
            "console-channel-address",
            "console-delivery",
            "console-delivery-why",
            "console-not-sent-state",
            "console-not-sent-why",
            "console-action-for",
            "console-bulk-failure",
            "console-skip-count",
            "console-batch-row-failed",
            "console-phone-placeholder",
            "console-agent-ids-placeholder",
            "console-accent-placeholder",
            "console-logo-placeholder",
            "console-channel-sms",
            "console-organisation",
            "console-action",
            "console-actions",
            "console-page",
            "console-status",
            "console-name",
            "console-role-admin",
            "console-teams",
            "console-details",
            "console-audit-system",
        ];
        let english = variables_by_message(SOURCES[0].1).unwrap();
        for (locale, _) in &SOURCES[1..] {
            let theirs = Messages::of(locale);
            let mut untranslated = Vec::new();
            for id in english.keys().filter(|id| !SAME.contains(&id.as_str())) {
                let args: Vec<(&str, Arg<'_>)> = english[id]
                    .iter()
                    .map(|v| (v.as_str(), Arg::Text("X")))
                    .collect();
                if theirs.t(id, &args) == Messages::of("en").t(id, &args) {
                    untranslated.push(id.clone());
                }
            }
            assert!(untranslated.is_empty(), "{locale}: {untranslated:?}");
        }
    }

    #[test]
    fn locales_are_matched_as_bcp_47_tags() {
        assert_eq!(supported("pt-br").unwrap(), "pt-BR");
        assert_eq!(supported("es-MX").unwrap(), "es");
        assert_eq!(supported("en_GB").unwrap(), "en");
        assert_eq!(supported("ar").unwrap(), "ar");
        assert!(matches!(supported("xx"), Err(Error::LocaleNotSupported(_))));
        assert!(supported("").is_err());
        assert_eq!(dir("ar"), "rtl");
        assert_eq!(dir("es"), "ltr");
    }

    #[test]
    fn dates_and_plurals_follow_the_locale() {
        let at = Utc.with_ymd_and_hms(2026, 12, 5, 10, 0, 0).unwrap();
        assert_eq!(
            Messages::of("en").date_time(at),
            "5 December 2026 at 10:00 UTC"
        );
        assert_eq!(
            Messages::of("es").date_time(at),
            "5 de diciembre de 2026 a las 10:00 UTC"
        );
        assert!(Messages::of("de").date_time(at).contains("Dezember"));
        assert!(Messages::of("fr").date_time(at).contains("décembre"));
        let now = at - chrono::TimeDelta::hours(24);
        assert_eq!(Messages::of("en").expires_in(now, at), "in 24 hours");
        assert_eq!(
            Messages::of("en").expires_in(at - chrono::TimeDelta::minutes(30), at),
            "in 1 hour"
        );
        assert_eq!(Messages::of("es").expires_in(now, at), "en 24 horas");
        // Arabic has six plural forms: two hours is a form of its own.
        let two = Messages::of("ar").expires_in(at - chrono::TimeDelta::hours(2), at);
        let three = Messages::of("ar").expires_in(at - chrono::TimeDelta::hours(3), at);
        assert_ne!(two, three);
        assert!(!two.contains('2'), "the dual form names no number: {two}");
    }

    #[test]
    fn an_sms_invitation_is_one_gsm_7_segment_in_the_latin_script_languages() {
        // A link of 83 characters: ACCEPT_URL_BASE of 26 (`https://invite.example.com`).
        let link = format!("https://invite.example.com/accept#token={}", "A".repeat(43));
        let expires = Utc.with_ymd_and_hms(2026, 12, 5, 10, 0, 0).unwrap();
        let tenant = "Hotel Playa Dorada Maspalomas Resort & Spa";
        for locale in ["en", "es", "fr", "de", "pt-BR"] {
            let text = crate::usecases::invite::sms_text(locale, tenant, &link, expires);
            assert!(is_gsm7(&text), "{locale}: {text}");
            assert!(text.chars().count() <= 160, "{locale}: {text}");
            assert!(text.contains(&link));
            // The name is cut to fit, never below 12 characters.
            assert!(text.contains("Hotel Playa "), "{locale}: {text}");
            // A letter outside GSM-7 past the cut does not make the SMS UCS-2.
            let far = "Hotel Playa Dorada Maspalomas Resort & Spa de Gran Canaria (Tejeda)";
            let far =
                crate::usecases::invite::sms_text(locale, &format!("{far} á"), &link, expires);
            assert!(
                is_gsm7(&far) && far.chars().count() <= 160,
                "{locale}: {far}"
            );
            let short = crate::usecases::invite::sms_text(locale, "Hotel Sol", &link, expires);
            assert!(short.contains("Hotel Sol"), "{locale}: {short}");
            for (id, arg) in [
                ("sms-sign-in-code", "123456"),
                ("sms-sign-up-code", "1234-5678"),
            ] {
                let code = Messages::of(locale).t(id, &[("code", arg.into())]);
                assert!(
                    is_gsm7(&code) && code.chars().count() <= 160,
                    "{locale}: {code}"
                );
            }
        }
        // Arabic is UCS-2 (70 characters a segment): the link alone is longer, so it takes
        // two segments (or three) whatever the wording.
        let arabic = crate::usecases::invite::sms_text("ar", tenant, &link, expires);
        assert!(!is_gsm7(&arabic));
        assert!(arabic.contains(&link));
    }

    const PAGES: [(&str, &str); 5] = [
        ("accept.html", include_str!("../web/accept.html")),
        ("reset.html", include_str!("../web/reset.html")),
        ("signin.html", include_str!("../web/signin.html")),
        ("signup.html", include_str!("../web/signup.html")),
        ("admin.html", include_str!("../web/admin.html")),
    ];
    const SCRIPTS: [(&str, &str); 8] = [
        ("signup.js", include_str!("../web/signup.js")),
        ("accept.js", include_str!("../web/accept.js")),
        ("reset.js", include_str!("../web/reset.js")),
        ("signin.js", include_str!("../web/signin.js")),
        ("common.js", include_str!("../web/common.js")),
        ("admin.js", include_str!("../web/admin.js")),
        ("admin-members.js", include_str!("../web/admin-members.js")),
        ("admin-trail.js", include_str!("../web/admin-trail.js")),
    ];

    #[test]
    fn the_invitee_pages_hold_no_text_the_catalogue_does_not_translate() {
        for (name, html) in PAGES {
            let left = untranslated_page_text(html);
            assert!(left.is_empty(), "{name}: {left:#?}");
        }
        // The checker itself sees text outside a translated element, and an untranslated label.
        assert_eq!(
            untranslated_page_text("<p data-i18n=\"x\">Hi <b data-arg=\"n\"></b></p><p>Bye</p>"),
            ["Bye"]
        );
        assert_eq!(
            untranslated_page_text("<input placeholder=\"Name\">").len(),
            1
        );
    }

    #[test]
    fn every_message_a_page_names_is_in_the_catalogue() {
        let english = variables_by_message(SOURCES[0].1).unwrap();
        for (name, text) in PAGES.iter().chain(SCRIPTS.iter()) {
            let mut rest = *text;
            let next = |rest: &str| {
                [rest.find("\"page-"), rest.find("\"console-")]
                    .into_iter()
                    .flatten()
                    .min()
            };
            while let Some(at) = next(rest) {
                rest = &rest[at + 1..];
                let id: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                    .collect();
                // A prefix the script completes (`"page-role-" + role`): its messages are
                // checked where they are listed.
                if id.ends_with('-') {
                    continue;
                }
                assert!(english.contains_key(&id), "{name} names `{id}`");
            }
        }
        for role in ["admin", "manager", "team_leader", "agent", "user"] {
            assert!(english.contains_key(&format!("page-role-{role}")));
            assert!(english.contains_key(&format!("role-{role}")));
        }
        for mode in ["automatic", "approval"] {
            assert!(english.contains_key(&format!("page-accept-renew-{mode}")));
            assert!(english.contains_key(&format!("page-accept-renewed-{mode}")));
        }
        // The console's: roles, statuses (filter and badge), channels, delivery states, the
        // audit trail's actions, why an address is blocked, and its texts that say a count (one
        // message for each plural category).
        let listed = |prefix: &str, completions: &[&str]| {
            for completion in completions {
                let id = format!("{prefix}{completion}");
                assert!(english.contains_key(&id), "`{id}` is missing");
            }
        };
        listed(
            "console-role-",
            &["admin", "manager", "team_leader", "agent", "user"],
        );
        let statuses = [
            "scheduled",
            "invited",
            "expired",
            "active",
            "deactivated",
            "cancelled",
        ];
        listed("console-status-", &statuses);
        listed("console-badge-", &statuses);
        listed("console-channel-", &["email", "sms"]);
        listed(
            "console-delivery-",
            &[
                "pending",
                "sent",
                "delivered",
                "failed",
                "bounced",
                "complained",
                "rate_limited",
            ],
        );
        listed(
            "console-audit-action-",
            &[
                "member-invited",
                "invitation-sent",
                "invitation-failed",
                "invitation-delivered",
                "invitation-bounced",
                "invitation-complained",
                "invitation-link_minted",
                "access_code-issued",
                "member-reinvited",
                "member-cancelled",
                "member-deactivated",
                "member-reactivated",
                "member-updated",
                "member-accepted",
                "invitation-renewal_requested",
                "session-signed_in",
                "session-sign_in_failed",
                "password-changed",
                "settings-updated",
                "members-exported",
                "suppression-cleared",
                "tenant-created",
                "tenant-updated",
            ],
        );
        listed("console-blocked-reason-", &["bounce", "complaint"]);
        for counted in [
            "console-selected-",
            "console-bulk-cancel-confirm-",
            "console-bulk-deactivate-confirm-",
            "console-bulk-reinvited-",
            "console-bulk-cancelled-",
            "console-bulk-deactivated-",
            "console-bulk-link-only-",
            "console-bulk-skipped-",
            "console-bulk-failed-",
            "console-batch-invited-",
            "console-batch-existing-",
        ] {
            listed(counted, &["zero", "one", "two", "few", "many", "other"]);
        }
    }

    #[test]
    fn the_pages_get_their_messages_with_placeholders_to_fill_in() {
        let es = page_messages("es");
        assert!(
            es.keys()
                .all(|k| k.starts_with("page-") || k.starts_with("console-"))
        );
        assert!(es["page-accept-heading"].contains("{ $tenant }"), "{es:?}");
        assert_ne!(
            es["page-accept-button"],
            page_messages("en")["page-accept-button"]
        );
    }
}
