//! The messages people receive, rendered from compiled templates. The HTML template escapes
//! every value (askama escapes by file extension), so a hostile name cannot inject markup.

use askama::Template;
use chrono::{DateTime, Utc};

use crate::ports::EmailMessage;

#[derive(Template)]
#[template(path = "invitation.html")]
struct InvitationHtml<'a> {
    subject: &'a str,
    lang: &'a str,
    dir: &'a str,
    /// `#rrggbb` (validated when set).
    accent: &'a str,
    /// The text colour on the accent.
    accent_ink: &'a str,
    logo_url: Option<&'a str>,
    tenant_name: &'a str,
    inviter_name: &'a str,
    recipient_name: &'a str,
    role: &'a str,
    link: &'a str,
    expires: &'a str,
}

#[derive(Template)]
#[template(path = "invitation.txt")]
struct InvitationText<'a> {
    tenant_name: &'a str,
    inviter_name: &'a str,
    recipient_name: &'a str,
    role: &'a str,
    link: &'a str,
    expires: &'a str,
}

pub struct Invitation<'a> {
    pub to: &'a str,
    pub branding: &'a crate::model::Branding,
    /// The language the email is marked as (BCP 47): the tenant's, until invitations carry
    /// their own.
    pub locale: &'a str,
    pub tenant_name: &'a str,
    pub inviter_name: &'a str,
    pub recipient_name: &'a str,
    pub role: &'a str,
    pub link: &'a str,
    pub expires_at: DateTime<Utc>,
}

pub fn role_label(role: crate::model::Role) -> &'static str {
    use crate::model::Role::*;
    match role {
        Admin => "an admin",
        Manager => "a manager",
        TeamLeader => "a team leader",
        Agent => "an agent",
        User => "a user",
    }
}

/// The writing direction of a language.
pub fn dir(locale: &str) -> &'static str {
    if locale == "ar" || locale.starts_with("ar-") {
        "rtl"
    } else {
        "ltr"
    }
}

/// When an invitation expires, as people read it (`1 December 2026 at 09:00 UTC`).
fn expiry(at: DateTime<Utc>) -> String {
    at.format("%-d %B %Y at %H:%M UTC").to_string()
}

pub fn invitation(i: &Invitation<'_>) -> crate::Result<EmailMessage> {
    let subject = format!("{} invited you to join {}", i.inviter_name, i.tenant_name);
    let expires = expiry(i.expires_at);
    let html = InvitationHtml {
        subject: &subject,
        lang: i.locale,
        dir: dir(i.locale),
        accent: i.branding.accent(),
        accent_ink: i.branding.accent_ink(),
        logo_url: i.branding.logo_url.as_deref(),
        tenant_name: i.tenant_name,
        inviter_name: i.inviter_name,
        recipient_name: i.recipient_name,
        role: i.role,
        link: i.link,
        expires: &expires,
    }
    .render()
    .map_err(|e| crate::Error::Internal(format!("email template: {e}")))?;
    let text = InvitationText {
        tenant_name: i.tenant_name,
        inviter_name: i.inviter_name,
        recipient_name: i.recipient_name,
        role: i.role,
        link: i.link,
        expires: &expires,
    }
    .render()
    .map_err(|e| crate::Error::Internal(format!("email template: {e}")))?;
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

/// A message about the person's own account (a reset link, a sign-in code): a link or a code.
fn account(
    to: &str,
    subject: &str,
    lead: &str,
    (action, link): (&str, &str),
    code: &str,
    note: &str,
) -> crate::Result<EmailMessage> {
    let footer =
        "If you did not ask for this, you can ignore this email: nothing changes until it is used.";
    account_with(to, subject, lead, (action, link), code, note, footer)
}

fn account_with(
    to: &str,
    subject: &str,
    lead: &str,
    (action, link): (&str, &str),
    code: &str,
    note: &str,
    footer: &str,
) -> crate::Result<EmailMessage> {
    let failed = |e: askama::Error| crate::Error::Internal(format!("email template: {e}"));
    let html = AccountHtml {
        subject,
        lead,
        action,
        link,
        code,
        note,
        footer,
    }
    .render()
    .map_err(failed)?;
    let text = AccountText {
        lead,
        action,
        link,
        code,
        note,
        footer,
    }
    .render()
    .map_err(failed)?;
    Ok(EmailMessage {
        to: to.to_string(),
        subject: subject.to_string(),
        text,
        html,
        ..Default::default()
    })
}

/// The password-reset email: a link valid one hour.
pub fn password_reset(to: &str, link: &str) -> crate::Result<EmailMessage> {
    account(
        to,
        "Reset your password",
        "Someone (we hope you) asked to reset the password of your account.",
        ("Choose a new password", link),
        "",
        "This link works once and expires in 1 hour. Using it signs you out everywhere else.",
    )
}

/// The sign-in code email: six digits valid ten minutes.
pub fn sign_in_code(to: &str, code: &str) -> crate::Result<EmailMessage> {
    account(
        to,
        "Your sign-in code",
        "Use this code to sign in. Do not share it with anyone.",
        ("", ""),
        code,
        "It works once and expires in 10 minutes.",
    )
}

/// The email to an inviter whose invitee, holding an expired link, asks for a new one.
pub fn renewal_requested(
    to: &str,
    who: &str,
    address: Option<&str>,
    tenant_name: &str,
    console: &str,
) -> crate::Result<EmailMessage> {
    let subject = format!("{who} asks for a new invitation to {tenant_name}");
    let lead = match address {
        Some(a) => format!(
            "The invitation you sent {who} ({a}) expired before it was used, and they asked for a new one."
        ),
        None => format!(
            "The invitation you sent {who} expired before it was used, and they asked for a new one."
        ),
    };
    account_with(
        to,
        &subject,
        &lead,
        ("Reinvite them from the console", console),
        "",
        "Nothing is sent to them until someone reinvites them.",
        "You get this email because you invited them.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_expiry_reads_as_a_date_and_time_in_utc() {
        let at = DateTime::parse_from_rfc3339("2026-12-01T09:05:00Z").unwrap();
        assert_eq!(
            expiry(at.with_timezone(&Utc)),
            "1 December 2026 at 09:05 UTC"
        );
        let at = DateTime::parse_from_rfc3339("2027-01-23T17:30:59+02:00").unwrap();
        assert_eq!(
            expiry(at.with_timezone(&Utc)),
            "23 January 2027 at 15:30 UTC"
        );
        let at = DateTime::parse_from_rfc3339("2026-12-31T23:59:00Z").unwrap();
        assert_eq!(
            expiry(at.with_timezone(&Utc)),
            "31 December 2026 at 23:59 UTC"
        );
    }

    #[test]
    fn the_html_part_escapes_hostile_names_and_both_parts_hold_the_link() {
        let msg = invitation(&Invitation {
            to: "ana@example.com",
            branding: &crate::model::Branding::default(),
            locale: "en",
            tenant_name: "Hotel <b>Sol</b>",
            inviter_name: "Eve <script>alert(1)</script>",
            recipient_name: "Ana",
            role: "an agent",
            link: "https://app.example.com/accept#token=abc",
            expires_at: Utc::now(),
        })
        .unwrap();
        assert!(
            !msg.html.contains("<script"),
            "markup from a name must be escaped"
        );
        assert!(!msg.html.contains("<b>Sol"));
        assert!(msg.html.contains("alert(1)"), "the text itself is kept");
        assert!(
            msg.html
                .contains("https://app.example.com/accept#token=abc")
        );
        assert!(
            msg.text
                .contains("https://app.example.com/accept#token=abc")
        );
        assert!(
            msg.text.contains("Hotel <b>Sol</b>"),
            "plain text is not HTML-escaped"
        );
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
    inviter_name: &'a str,
    recipient_name: &'a str,
    qr_svg: &'a str,
    link: &'a str,
    expires: &'a str,
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
/// instructions.
pub fn print_page(p: &Print<'_>) -> crate::Result<String> {
    let qr_svg = crate::qr::svg(
        p.link,
        &format!("QR code of your invitation to {}", p.tenant_name),
    )?;
    let expires = expiry(p.expires_at);
    PrintPage {
        lang: p.locale,
        dir: dir(p.locale),
        accent: p.branding.accent(),
        logo_url: p.branding.logo_url.as_deref(),
        tenant_name: p.tenant_name,
        inviter_name: p.inviter_name,
        recipient_name: p.recipient_name,
        qr_svg: &qr_svg,
        link: p.link,
        expires: &expires,
    }
    .render()
    .map_err(|e| crate::Error::Internal(format!("print template: {e}")))
}
