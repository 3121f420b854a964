//! A tenant's settings: what admins and managers read, and admins change. The tenant's
//! enabled products are the operator's to set (read-only here), and so is suspension.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{authorize, retrying};
use crate::app::App;
use crate::error::{Error, Result};
use crate::model::{Branding, Renewal, Role, Tenant};
use crate::session::Principal;
use crate::validate::{self, Errors};

/// What `GET`/`PATCH .../settings` answer.
#[derive(Debug, Serialize)]
pub struct Settings {
    pub name: String,
    pub locale: String,
    pub invitation_ttl_hours: u32,
    pub allowed_email_domains: Vec<String>,
    pub sms_countries: Vec<String>,
    pub renewal: Renewal,
    pub branding: Branding,
    /// Read-only: the operator enables products.
    pub products: Vec<String>,
}

impl From<&Tenant> for Settings {
    fn from(t: &Tenant) -> Self {
        Settings {
            name: t.name.clone(),
            locale: t.locale.clone(),
            invitation_ttl_hours: t.invitation_ttl_hours,
            allowed_email_domains: t.allowed_email_domains.clone(),
            sms_countries: t.sms_countries.clone(),
            renewal: t.renewal,
            branding: t.branding.clone(),
            products: t.products.clone(),
        }
    }
}

/// A `PATCH`: absent fields stay as they are; in `branding`, `null` clears a field.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingsPatch {
    pub name: Option<String>,
    pub locale: Option<String>,
    pub invitation_ttl_hours: Option<i64>,
    #[serde(default, deserialize_with = "validate::capped_list")]
    pub allowed_email_domains: Option<Vec<String>>,
    #[serde(default, deserialize_with = "validate::capped_list")]
    pub sms_countries: Option<Vec<String>>,
    pub renewal: Option<Renewal>,
    pub branding: Option<BrandingPatch>,
    /// Named so that the answer says why it cannot be set here.
    pub products: Option<serde::de::IgnoredAny>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BrandingPatch {
    #[serde(default, deserialize_with = "validate::nullable")]
    pub sender_name: Option<Option<String>>,
    #[serde(default, deserialize_with = "validate::nullable")]
    pub reply_to: Option<Option<String>>,
    #[serde(default, deserialize_with = "validate::nullable")]
    pub accent_color: Option<Option<String>>,
    #[serde(default, deserialize_with = "validate::nullable")]
    pub logo_url: Option<Option<String>>,
}

/// Admins and managers read them.
pub async fn get(app: &App, caller: Principal, tenant: Uuid) -> Result<Settings> {
    let actor = authorize(app, caller, tenant).await?;
    Ok(Settings::from(actor.tenant.as_ref()))
}

/// Admins change them. Nothing is written unless every field is valid.
pub async fn update(
    app: &App,
    caller: Principal,
    tenant: Uuid,
    patch: SettingsPatch,
) -> Result<Settings> {
    let actor = authorize(app, caller, tenant).await?;
    if actor.role != Role::Admin {
        return Err(Error::Forbidden);
    }
    let (patch, actor) = (&patch, &actor);
    let updated = retrying(|| async move {
        let current = app
            .store
            .tenant_versioned(tenant)
            .await?
            .ok_or(Error::NotFound)?;
        let updated = apply(&current.value, patch)?;
        let mut tx = app.store.tx();
        tx.update_tenant(&current, &updated);
        let before = &current.value;
        super::audit::Audit::new(app, tenant, "settings.updated")
            .by(actor)
            .change("name", &before.name, &updated.name)
            .change("locale", &before.locale, &updated.locale)
            .change(
                "invitation_ttl_hours",
                before.invitation_ttl_hours,
                updated.invitation_ttl_hours,
            )
            .change(
                "allowed_email_domains",
                &before.allowed_email_domains,
                &updated.allowed_email_domains,
            )
            .change(
                "sms_countries",
                &before.sms_countries,
                &updated.sms_countries,
            )
            .change("renewal", before.renewal, updated.renewal)
            .change(
                "branding.sender_name",
                &before.branding.sender_name,
                &updated.branding.sender_name,
            )
            .change(
                "branding.reply_to",
                &before.branding.reply_to,
                &updated.branding.reply_to,
            )
            .change(
                "branding.accent_color",
                &before.branding.accent_color,
                &updated.branding.accent_color,
            )
            .change(
                "branding.logo_url",
                &before.branding.logo_url,
                &updated.branding.logo_url,
            )
            .record(app, &mut tx);
        app.store.commit(tx).await?;
        Ok(updated)
    })
    .await?;
    tracing::info!(tenant = %tenant, "settings updated");
    Ok(Settings::from(&updated))
}

/// The tenant with `patch` applied, or every reason it cannot be.
pub fn apply(current: &Tenant, patch: &SettingsPatch) -> Result<Tenant> {
    let mut t = current.clone();
    let mut errors = Errors::default();
    if patch.products.is_some() {
        errors.push(
            "products",
            "is read-only: the operator enables a tenant's products",
        );
    }
    if let Some(name) = &patch.name {
        if let Some(name) = errors.check(validate::label("name", name, 100)) {
            t.name = name;
        }
    }
    if let Some(hours) = patch.invitation_ttl_hours {
        match u32::try_from(hours) {
            Ok(h @ 1..=168) => t.invitation_ttl_hours = h,
            _ => errors.push("invitation_ttl_hours", "must be 1 to 168 hours"),
        }
    }
    if let Some(domains) = &patch.allowed_email_domains {
        t.allowed_email_domains = email_domains(domains, &mut errors);
    }
    if let Some(countries) = &patch.sms_countries {
        t.sms_countries = validate::country_codes("sms_countries", countries, &mut errors);
    }
    if let Some(renewal) = patch.renewal {
        t.renewal = renewal;
    }
    if let Some(b) = &patch.branding {
        branding(&mut t.branding, b, &mut errors);
    }
    errors.into_result()?;
    if let Some(locale) = &patch.locale {
        t.locale = crate::i18n::supported(locale)?.to_string();
    }
    Ok(t)
}

/// Domains as an address's domain is normalised (IDNA to ASCII, lower case).
fn email_domains(raw: &[String], errors: &mut Errors) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, d) in raw.iter().enumerate() {
        let field = format!("allowed_email_domains[{i}]");
        let d = d.trim().trim_start_matches('@');
        if d.is_empty() || d.contains('@') || !d.contains('.') {
            errors.push(field, "must be a domain such as example.com");
            continue;
        }
        match validate::email(&field, &format!("x@{d}")) {
            Ok(email) => {
                let domain = email.rsplit_once('@').map(|(_, d)| d.to_string());
                if let Some(domain) = domain.filter(|d| !out.contains(d)) {
                    out.push(domain);
                }
            }
            Err(_) => errors.push(field, "must be a domain such as example.com"),
        }
    }
    out
}

/// `@`, `<`, `>` and `"`, and the compatibility forms that normalise (NFKC) to them.
const ADDRESS_LOOKALIKES: [char; 11] = [
    '@', '<', '>', '"', '\u{FF20}', '\u{FE6B}', '\u{FF1C}', '\u{FE64}', '\u{FF1E}', '\u{FE65}',
    '\u{FF02}',
];

fn branding(b: &mut Branding, patch: &BrandingPatch, errors: &mut Errors) {
    if let Some(name) = &patch.sender_name {
        b.sender_name = name.as_deref().and_then(|n| {
            let checked = validate::label("branding.sender_name", n, 64).and_then(|n| {
                // A display name that holds an address would pass for that sender: the
                // characters of one (and their full-width and small forms, which mail clients
                // show alike), and the start of an encoded word, which a client decodes into them.
                if n.contains(ADDRESS_LOOKALIKES) || n.contains("=?") {
                    Err(crate::error::FieldError::new(
                        "branding.sender_name",
                        "must not contain @, <, >, \" or =?",
                    ))
                } else {
                    Ok(n)
                }
            });
            errors.check(checked)
        });
    }
    if let Some(reply_to) = &patch.reply_to {
        b.reply_to = reply_to
            .as_deref()
            .and_then(|r| errors.check(validate::email("branding.reply_to", r)));
    }
    if let Some(color) = &patch.accent_color {
        b.accent_color = color.as_deref().and_then(|c| {
            let c = c.trim();
            let ok =
                c.len() == 7 && c.starts_with('#') && c[1..].bytes().all(|b| b.is_ascii_hexdigit());
            if ok {
                Some(c.to_ascii_lowercase())
            } else {
                errors.push("branding.accent_color", "must be a colour as #rrggbb");
                None
            }
        });
    }
    if let Some(url) = &patch.logo_url {
        b.logo_url = url.as_deref().and_then(|u| match logo_url(u) {
            Some(u) => Some(u),
            None => {
                errors.push(
                    "branding.logo_url",
                    "must be an https URL of at most 2,048 characters",
                );
                None
            }
        });
    }
}

/// An https URL with a host, nothing that could leave an HTML attribute or a CSS value.
fn logo_url(raw: &str) -> Option<String> {
    let u = raw.trim();
    let rest = u.strip_prefix("https://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    let fine = u.len() <= 2048
        && !host.is_empty()
        && !host.contains('@')
        && u.chars().all(|c| c.is_ascii_graphic())
        && !u.contains(['"', '\'', '<', '>', '\\', '(', ')']);
    fine.then(|| u.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tenant() -> Tenant {
        Tenant::new("Hotel Sol".into(), vec![], vec![], chrono::Utc::now())
    }

    fn patch(json: serde_json::Value) -> SettingsPatch {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn a_valid_patch_changes_only_what_it_names() {
        let t = apply(
            &tenant(),
            &patch(serde_json::json!({
                "locale": "pt-br", "invitation_ttl_hours": 2,
                "allowed_email_domains": ["Example.COM", "@bücher.example", "example.com"],
                "branding": {"accent_color": "#AA00ff", "logo_url": "https://cdn.example.com/l.png",
                    "sender_name": "Hotel Sol", "reply_to": "HR@Example.com"}
            })),
        )
        .unwrap();
        assert_eq!(t.locale, "pt-BR");
        assert_eq!(t.invitation_ttl_hours, 2);
        assert_eq!(
            t.allowed_email_domains,
            ["example.com", "xn--bcher-kva.example"]
        );
        assert_eq!(t.branding.accent_color.as_deref(), Some("#aa00ff"));
        assert_eq!(t.branding.reply_to.as_deref(), Some("HR@example.com"));
        assert_eq!(t.name, "Hotel Sol");
        assert_eq!(t.renewal, Renewal::Approval);
        let cleared = apply(
            &t,
            &patch(serde_json::json!({"branding": {"logo_url": null}})),
        )
        .unwrap();
        assert_eq!(cleared.branding.logo_url, None);
        assert_eq!(cleared.branding.accent_color.as_deref(), Some("#aa00ff"));
    }

    #[test]
    fn every_bad_field_is_named_and_nothing_changes() {
        let bad = patch(serde_json::json!({
            "invitation_ttl_hours": 169, "allowed_email_domains": ["not a domain"],
            "sms_countries": ["Spain"], "products": ["chat"],
            "branding": {"accent_color": "red", "logo_url": "http://x.example/l.png",
                "sender_name": "Bank <ceo@bank.example>", "reply_to": "nope"}
        }));
        let Err(Error::Validation(errors)) = apply(&tenant(), &bad) else {
            panic!("a validation error");
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        for f in [
            "invitation_ttl_hours",
            "allowed_email_domains[0]",
            "sms_countries[0]",
            "products",
            "branding.accent_color",
            "branding.logo_url",
            "branding.sender_name",
            "branding.reply_to",
        ] {
            assert!(fields.contains(&f), "{f} in {fields:?}");
        }
        for name in [
            "ceo\u{FF20}bank.example",
            "=?utf-8?q?ceo=40bank.example?=",
            "\u{FF1C}x\u{FF1E}",
        ] {
            let bad = patch(serde_json::json!({"branding": {"sender_name": name}}));
            assert!(
                matches!(apply(&tenant(), &bad), Err(Error::Validation(_))),
                "{name}"
            );
        }
        for url in [
            "https://x.example/a\"onerror=1",
            "https:///nohost",
            "javascript:alert(1)",
            "https://x.example/a b",
        ] {
            assert_eq!(logo_url(url), None, "{url}");
        }
        assert!(matches!(
            apply(&tenant(), &patch(serde_json::json!({"locale": "xx"}))),
            Err(Error::LocaleNotSupported(_))
        ));
        assert!(matches!(
            apply(
                &tenant(),
                &patch(serde_json::json!({"invitation_ttl_hours": 0}))
            ),
            Err(Error::Validation(_))
        ));
    }
}
