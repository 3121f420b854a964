//! The one error type of the domain. The HTTP layer maps it to problem+json in one place
//! (`http::problem`); nothing else decides status codes.

use serde::Serialize;

/// One invalid input field, reported in the `errors` array of a problem document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the request body is not valid JSON")]
    InvalidJson(String),
    #[error("the request body must be application/json")]
    UnsupportedMediaType,
    #[error("the request body is larger than 1 MiB")]
    PayloadTooLarge,
    #[error("some fields are invalid")]
    Validation(Vec<FieldError>),
    #[error("authentication is required")]
    Unauthenticated,
    #[error("you do not have permission to do this")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("this email already holds a membership in this tenant")]
    AlreadyMember,
    #[error(
        "{0} is on this tenant's suppression list (it bounced or complained): an admin can clear it (DELETE /v1/tenants/{{tenant}}/suppressions/{{address}})"
    )]
    AddressSuppressed(String),
    #[error("agent id {0} already belongs to another member")]
    AgentIdTaken(String),
    #[error("shortcode already belongs to another member")]
    ShortcodeTaken,
    #[error("products not enabled for this tenant: {0}")]
    ProductNotEnabled(String),
    #[error("SMS may not be sent to numbers of this country ({0}) for this tenant")]
    SmsCountryNotAllowed(String),
    #[error("this tenant invites only addresses of its allowed domains ({0})")]
    DomainNotAllowed(String),
    #[error("locale {0} is not supported (supported: en, es, fr, de, pt-BR, ar)")]
    LocaleNotSupported(String),
    #[error("this tenant is suspended: its data is kept, and its routes are closed")]
    TenantSuspended,
    #[error("this tenant does not renew expired invitations: ask the person who invited you")]
    RenewalOff,
    #[error("this phone number already has a profile: sign in instead")]
    AlreadyRegistered,
    #[error("the member has no email address to sign in with")]
    NoEmail,
    #[error("the member has no pending invitation")]
    NotPending,
    #[error("the member is not deactivated")]
    NotDeactivated,
    #[error("the member is already deactivated or cancelled")]
    NotActive,
    #[error("the last active admin of a tenant cannot be deactivated or demoted")]
    LastAdmin,
    #[error("this invitation link is not valid (unknown, superseded or cancelled)")]
    InvitationInvalid,
    /// With what the tenant does for an expired link (`None` where the tenant is not known).
    #[error("this invitation link has expired")]
    InvitationExpired(Option<crate::model::Renewal>),
    #[error("this invitation link has not expired: it can be accepted as it is")]
    InvitationNotExpired,
    #[error("this invitation link has already been used")]
    InvitationUsed,
    #[error("the email or password is not correct")]
    InvalidCredentials,
    /// A vouched credential (a quick access code, a minted link) met a profile that already
    /// has a password or another membership: the person proves themselves instead.
    #[error(
        "this person already has an account: they sign in with their password, or with a link or code sent to their own address"
    )]
    ProofRequired,
    #[error("this password-reset link is not valid (unknown or already used)")]
    ResetInvalid,
    #[error("this password-reset link has expired")]
    ResetExpired,
    #[error("the password is too weak: {0}")]
    WeakPassword(String),
    #[error("a batch holds at most {0} rows")]
    BatchTooLarge(usize),
    #[error("this address appears earlier in the same batch")]
    DuplicateInBatch,
    #[error("this Idempotency-Key was used for a different request")]
    IdempotencyKeyReused,
    #[error("a request with this Idempotency-Key is still being processed")]
    IdempotencyInProgress,
    #[error("the cursor does not belong to this query")]
    InvalidCursor,
    #[error("the route does not exist")]
    RouteNotFound,
    #[error("method not allowed on this route")]
    MethodNotAllowed,
    /// An optimistic-concurrency conflict: someone else changed the record first. Use cases
    /// retry these by reading again; one that survives the retries becomes a 409.
    #[error("the record was changed concurrently")]
    Stale,
    /// A profile already holds this email (found while creating one): the caller must prove
    /// it with its password instead.
    #[error("a profile already exists for this email")]
    ProfileExists,
    /// An abuse limit was reached (per inviter, per recipient, SMS per tenant).
    #[error("too many invitations: {0}")]
    RateLimited(String, u64),
    /// Too many failed sign-ins for this account in the current window.
    #[error("too many failed sign-in attempts; try again later")]
    TooManyAttempts(u64),
    /// The store (or a provider) asked us to slow down.
    #[error("the service is busy, try again")]
    Unavailable { retry_after_seconds: u64 },
    #[error("internal error: {0}")]
    Internal(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn field(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Validation(vec![FieldError::new(field, message)])
    }

    /// The RFC 9457 problem document of this error (what a client sees, and what a batch row
    /// reports). Internal causes are never shown.
    pub fn problem(&self) -> serde_json::Value {
        let (status, code, title) = self.describe();
        let detail = match self {
            Error::Internal(_) => {
                "Something went wrong on our side. Try again; if it persists, contact support."
                    .to_string()
            }
            other => other.to_string(),
        };
        let mut body = serde_json::json!({
            "type": format!("urn:invitations:problem:{code}"),
            "title": title,
            "status": status,
            "code": code,
            "detail": detail,
        });
        match self {
            Error::Validation(errors) => body["errors"] = serde_json::json!(errors),
            Error::InvitationExpired(Some(renewal)) => body["renewal"] = serde_json::json!(renewal),
            _ => {}
        }
        body
    }

    /// (HTTP status, stable code, short title) of each error.
    pub fn describe(&self) -> (u16, &'static str, &'static str) {
        use Error::*;
        match self {
            InvalidJson(_) => (400, "invalid_json", "Invalid JSON"),
            UnsupportedMediaType => (415, "unsupported_media_type", "Unsupported media type"),
            PayloadTooLarge => (413, "payload_too_large", "Payload too large"),
            Validation(_) => (400, "validation_failed", "Invalid request"),
            Unauthenticated => (401, "unauthenticated", "Unauthenticated"),
            Forbidden => (403, "forbidden", "Forbidden"),
            NotFound => (404, "not_found", "Not found"),
            AlreadyMember => (409, "already_member", "Already a member"),
            AddressSuppressed(_) => (409, "address_suppressed", "Address suppressed"),
            AgentIdTaken(_) => (409, "agent_id_taken", "Agent id taken"),
            ShortcodeTaken => (409, "shortcode_taken", "Shortcode taken"),
            ProductNotEnabled(_) => (400, "product_not_enabled", "Product not enabled"),
            SmsCountryNotAllowed(_) => (400, "sms_country_not_allowed", "SMS country not allowed"),
            DomainNotAllowed(_) => (400, "domain_not_allowed", "Email domain not allowed"),
            LocaleNotSupported(_) => (400, "locale_not_supported", "Locale not supported"),
            TenantSuspended => (403, "tenant_suspended", "Tenant suspended"),
            RenewalOff => (403, "renewal_off", "Renewal off"),
            NoEmail => (409, "no_email", "No email address"),
            AlreadyRegistered => (409, "already_registered", "Already registered"),
            NotPending => (409, "not_pending", "No pending invitation"),
            NotDeactivated => (409, "not_deactivated", "Member is not deactivated"),
            NotActive => (409, "not_active", "Member is not active or pending"),
            LastAdmin => (409, "last_admin", "Last admin"),
            InvitationInvalid => (404, "invitation_invalid", "Invitation not valid"),
            InvitationExpired(_) => (410, "invitation_expired", "Invitation expired"),
            InvitationNotExpired => (409, "invitation_not_expired", "Invitation not expired"),
            InvitationUsed => (409, "invitation_used", "Invitation already used"),
            InvalidCredentials => (401, "invalid_credentials", "Invalid credentials"),
            ProofRequired => (403, "proof_required", "Proof of identity required"),
            ResetInvalid => (404, "reset_invalid", "Reset link not valid"),
            ResetExpired => (410, "reset_expired", "Reset link expired"),
            WeakPassword(_) => (400, "weak_password", "Weak password"),
            InvalidCursor => (400, "invalid_cursor", "Invalid cursor"),
            BatchTooLarge(_) => (413, "batch_too_large", "Batch too large"),
            DuplicateInBatch => (409, "duplicate_in_batch", "Duplicate in batch"),
            IdempotencyKeyReused => (422, "idempotency_key_reused", "Idempotency key reused"),
            IdempotencyInProgress => (409, "idempotency_in_progress", "Request in progress"),
            RouteNotFound => (404, "not_found", "Not found"),
            MethodNotAllowed => (405, "method_not_allowed", "Method not allowed"),
            Stale => (409, "conflict", "Concurrent modification"),
            ProfileExists => (409, "conflict", "Concurrent modification"),
            Unavailable { .. } => (503, "unavailable", "Service unavailable"),
            RateLimited(..) => (429, "rate_limited", "Too many requests"),
            TooManyAttempts(_) => (429, "too_many_attempts", "Too many attempts"),
            Internal(_) => (500, "internal", "Internal error"),
        }
    }
}
