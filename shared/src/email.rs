//! The messages people receive, rendered from compiled templates. The HTML template escapes
//! every value (askama escapes by file extension), so a hostile name cannot inject markup.

use askama::Template;
use chrono::{DateTime, Utc};

use crate::i18n::Messages;
use crate::ports::EmailMessage;

#[derive(Template)]
#[template(path = "invitation.html")]
struct InvitationHtml<'a> {
    lang: &'a str,
    dir: &'a str,
    subject: &'a str,
    /// `#rrggbb` (validated when set).
    accent: &'a str,
    /// The text colour on the accent.
    accent_ink: &'a str,
    logo_url: Option<&'a str>,
    tenant_name: &'a str,
    words: &'a InvitationWords,
    link: &'a str,
}

#[derive(Template)]
#[template(path = "invitation.txt")]
struct InvitationText<'a> {
    words: &'a InvitationWords,
    link: &'a str,
}

/// The invitation's sentences in the invitee's language, names filled in.
struct InvitationWords {
    heading: String,
    greeting: String,
    lead: String,
    button: String,
    expiry: String,
    ignore: String,
}

pub struct Invitation<'a> {
    pub to: &'a str,
    pub branding: &'a crate::model::Branding,
    /// The invitee's language (BCP 47; a supported one, else English).
    pub locale: &'a str,
    pub tenant_name: &'a str,
    pub inviter_name: &'a str,
    pub recipient_name: &'a str,
    pub role: Option<crate::model::Role>,
    pub link: &'a str,
    /// When it is sent (for "expires in 24 hours").
    pub now: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// How a role reads after "as" in the invitee's language.
pub fn role_label(messages: Messages, role: crate::model::Role) -> String {
    messages.t(&format!("role-{}", role.as_str()), &[])
}

pub fn invitation(i: &Invitation<'_>) -> crate::Result<EmailMessage> {
    let m = Messages::of(i.locale);
    let (tenant, inviter) = (i.tenant_name, i.inviter_name);
    let subject = m.t(
        "invitation-subject",
        &[("inviter", inviter.into()), ("tenant", tenant.into())],
    );
    let expires = m.date_time(i.expires_at);
    let relative = m.expires_in(i.now, i.expires_at);
    let words = InvitationWords {
        heading: m.t("invitation-heading", &[("tenant", tenant.into())]),
        greeting: if i.recipient_name.is_empty() {
            m.t("invitation-greeting-anonymous", &[])
        } else {
            m.t("invitation-greeting", &[("name", i.recipient_name.into())])
        },
        lead: match i.role {
            Some(role) => m.t(
                "invitation-lead",
                &[
                    ("inviter", inviter.into()),
                    ("tenant", tenant.into()),
                    ("role", role_label(m, role).as_str().into()),
                ],
            ),
            None => m.t(
                "invitation-lead-no-role",
                &[("inviter", inviter.into()), ("tenant", tenant.into())],
            ),
        },
        button: m.t("invitation-button", &[]),
        expiry: m.t(
            "invitation-expiry",
            &[
                ("relative", relative.as_str().into()),
                ("expires", expires.as_str().into()),
                ("inviter", inviter.into()),
            ],
        ),
        ignore: m.t("invitation-ignore", &[]),
    };
    let failed = |e: askama::Error| crate::Error::Internal(format!("email template: {e}"));
    let html = InvitationHtml {
        lang: m.locale(),
        dir: m.dir(),
        subject: &subject,
        accent: i.branding.accent(),
        accent_ink: i.branding.accent_ink(),
        logo_url: i.branding.logo_url.as_deref(),
        tenant_name: tenant,
        words: &words,
        link: i.link,
    }
    .render()
    .map_err(failed)?;
    let text = InvitationText {
        words: &words,
        link: i.link,
    }
    .render()
    .map_err(failed)?;
    Ok(EmailMessage {
        to: i.to.to_string(),
        subject,
        text,
        html,
        sender_name: i.branding.sender_name.clone(),
        reply_to: i.branding.reply_to.clone(),
    })
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountHtml<'a> {
    lang: &'a str,
    dir: &'a str,
    subject: &'a str,
    lead: &'a str,
    action: &'a str,
    link: &'a str,
    code: &'a str,
    note: &'a str,
    footer: &'a str,
}

#[derive(Template)]
#[template(path = "account.txt")]
struct AccountText<'a> {
    lead: &'a str,
    action: &'a str,
    link: &'a str,
    code: &'a str,
    note: &'a str,
    footer: &'a str,
}

/// A message about the person's own account, or to staff: a link or a code.
struct Account<'a> {
    to: &'a str,
    messages: Messages,
    subject: String,
    lead: String,
    action: String,
    link: &'a str,
    code: &'a str,
    note: String,
    footer: String,
}

fn account(a: Account<'_>) -> crate::Result<EmailMessage> {
    let failed = |e: askama::Error| crate::Error::Internal(format!("email template: {e}"));
    let html = AccountHtml {
        lang: a.messages.locale(),
        dir: a.messages.dir(),
        subject: &a.subject,
        lead: &a.lead,
        action: &a.action,
        link: a.link,
        code: a.code,
        note: &a.note,
        footer: &a.footer,
    }
    .render()
    .map_err(failed)?;
    let text = AccountText {
        lead: &a.lead,
        action: &a.action,
        link: a.link,
        code: a.code,
        note: &a.note,
        footer: &a.footer,
    }
    .render()
    .map_err(failed)?;
    Ok(EmailMessage {
        to: a.to.to_string(),
        subject: a.subject,
        text,
        html,
        ..Default::default()
    })
}

/// The password-reset email: a link valid one hour.
pub fn password_reset(to: &str, link: &str, locale: &str) -> crate::Result<EmailMessage> {
    let m = Messages::of(locale);
    account(Account {
        to,
        messages: m,
        subject: m.t("reset-subject", &[]),
        lead: m.t("reset-lead", &[]),
        action: m.t("reset-action", &[]),
        link,
        code: "",
        note: m.t("reset-note", &[]),
        footer: m.t("account-footer", &[]),
    })
}

/// The sign-in code email: six digits valid ten minutes.
pub fn sign_in_code(to: &str, code: &str, locale: &str) -> crate::Result<EmailMessage> {
    let m = Messages::of(locale);
    account(Account {
        to,
        messages: m,
        subject: m.t("sign-in-code-subject", &[]),
        lead: m.t("sign-in-code-lead", &[]),
        action: String::new(),
        link: "",
        code,
        note: m.t("sign-in-code-note", &[]),
        footer: m.t("account-footer", &[]),
    })
}

/// The email to an inviter whose invitee, holding an expired link, asks for a new one (in the
/// tenant's language).
pub fn renewal_requested(
    to: &str,
    who: &str,
    address: Option<&str>,
    tenant_name: &str,
    console: &str,
    locale: &str,
) -> crate::Result<EmailMessage> {
    let m = Messages::of(locale);
    let lead = match address {
        Some(a) => m.t(
            "renewal-lead",
            &[("name", who.into()), ("address", a.into())],
        ),
        None => m.t("renewal-lead-no-address", &[("name", who.into())]),
    };
    account(Account {
        to,
        messages: m,
        subject: m.t(
            "renewal-subject",
            &[("name", who.into()), ("tenant", tenant_name.into())],
        ),
        lead,
        action: m.t("renewal-action", &[]),
        link: console,
        code: "",
        note: m.t("renewal-note", &[]),
        footer: m.t("renewal-footer", &[]),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invitation_in(locale: &str, recipient_name: &str) -> EmailMessage {
        let expires_at = DateTime::parse_from_rfc3339("2026-12-05T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        invitation(&Invitation {
            to: "ana@example.com",
            branding: &crate::model::Branding::default(),
            locale,
            tenant_name: "Hotel <b>Sol</b>",
            inviter_name: "Eve <script>alert(1)</script>",
            recipient_name,
            role: Some(crate::model::Role::Agent),
            link: "https://app.example.com/accept#token=abc",
            now: expires_at - chrono::TimeDelta::hours(24),
            expires_at,
        })
        .unwrap()
    }

    #[test]
    fn the_html_part_escapes_hostile_names_and_both_parts_hold_the_link() {
        let msg = invitation_in("en", "Ana");
        assert!(
            !msg.html.contains("<script"),
            "markup from a name must be escaped"
        );
        assert!(!msg.html.contains("<b>Sol"));
        assert!(msg.html.contains("alert(1)"), "the text itself is kept");
        for part in [&msg.html, &msg.text] {
            assert!(part.contains("https://app.example.com/accept#token=abc"));
        }
        assert!(
            msg.text.contains("Hotel <b>Sol</b>"),
            "plain text is not HTML-escaped"
        );
        assert!(msg.text.contains("Hello Ana,"), "{}", msg.text);
        assert!(msg.text.contains("as an agent"), "{}", msg.text);
        assert!(
            msg.text
                .contains("expires in 24 hours, on 5 December 2026 at 10:00 UTC"),
            "{}",
            msg.text
        );
    }

    #[test]
    fn an_invitation_in_spanish_is_spanish_in_its_subject_and_both_parts() {
        let msg = invitation_in("es", "");
        let english = invitation_in("en", "");
        assert_ne!(msg.subject, english.subject);
        assert!(msg.subject.contains("Hotel <b>Sol</b>"), "{}", msg.subject);
        assert!(
            msg.text.contains("5 de diciembre de 2026 a las 10:00 UTC"),
            "{}",
            msg.text
        );
        assert!(msg.text.contains("24 horas"), "{}", msg.text);
        assert!(msg.html.contains("<html lang=\"es\" dir=\"ltr\">"));
        assert!(msg.html.contains("24 horas"));
        let arabic = invitation_in("ar", "");
        assert!(arabic.html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    }

    #[test]
    fn no_template_holds_text_of_its_own() {
        // Every sentence comes from the catalogue: once the markup, the template expressions
        // and the style sheet are taken away, nothing readable is left.
        for (name, source) in [
            (
                "invitation.html",
                include_str!("../templates/invitation.html"),
            ),
            (
                "invitation.txt",
                include_str!("../templates/invitation.txt"),
            ),
            ("account.html", include_str!("../templates/account.html")),
            ("account.txt", include_str!("../templates/account.txt")),
            ("print.html", include_str!("../templates/print.html")),
        ] {
            let left = crate::i18n::words_outside_markup(source);
            assert!(left.is_empty(), "{name} says {left:?} itself");
        }
    }
}

#[derive(Template)]
#[template(path = "print.html")]
struct PrintPage<'a> {
    lang: &'a str,
    dir: &'a str,
    accent: &'a str,
    logo_url: Option<&'a str>,
    tenant_name: &'a str,
    words: &'a PrintWords,
    qr_svg: &'a str,
    link: &'a str,
}

/// The printed invitation's sentences in the invitee's language.
struct PrintWords {
    title: String,
    heading: String,
    lead: String,
    steps: [String; 3],
    personal: String,
    hint: String,
}

/// What a printed invitation shows.
pub struct Print<'a> {
    pub branding: &'a crate::model::Branding,
    pub locale: &'a str,
    pub tenant_name: &'a str,
    pub inviter_name: &'a str,
    pub recipient_name: &'a str,
    pub link: &'a str,
    pub expires_at: DateTime<Utc>,
}

/// The printable invitation: the tenant's logo and accent, its name, the QR code and short
/// instructions, in the invitee's language.
pub fn print_page(p: &Print<'_>) -> crate::Result<String> {
    let m = Messages::of(p.locale);
    let tenant = p.tenant_name;
    let qr_svg = crate::qr::svg(p.link, &m.t("print-qr-label", &[("tenant", tenant.into())]))?;
    let expires = m.date_time(p.expires_at);
    let words = PrintWords {
        title: m.t("print-title", &[("tenant", tenant.into())]),
        heading: m.t("print-heading", &[("tenant", tenant.into())]),
        lead: if p.recipient_name.is_empty() {
            m.t(
                "print-lead-anonymous",
                &[
                    ("inviter", p.inviter_name.into()),
                    ("tenant", tenant.into()),
                ],
            )
        } else {
            m.t(
                "print-lead",
                &[
                    ("inviter", p.inviter_name.into()),
                    ("name", p.recipient_name.into()),
                    ("tenant", tenant.into()),
                ],
            )
        },
        steps: [
            m.t("print-step-camera", &[]),
            m.t("print-step-tap", &[]),
            m.t("print-step-password", &[]),
        ],
        personal: m.t("print-personal", &[("expires", expires.as_str().into())]),
        hint: m.t("print-hint", &[]),
    };
    PrintPage {
        lang: m.locale(),
        dir: m.dir(),
        accent: p.branding.accent(),
        logo_url: p.branding.logo_url.as_deref(),
        tenant_name: tenant,
        words: &words,
        qr_svg: &qr_svg,
        link: p.link,
    }
    .render()
    .map_err(|e| crate::Error::Internal(format!("print template: {e}")))
}
