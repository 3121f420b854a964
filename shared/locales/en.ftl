# The message catalogue: English, the reference every other locale must match (the same
# messages, the same placeholders; checked by `cargo test -p invitations i18n`).
# Emails, SMS and the printed invitation are formatted on the server; the `page-` messages are
# served to the pages as JSON (`/i18n/{locale}.json`), where `{ $name }` placeholders are filled in.

## Dates, as strftime patterns (month and day names come from the locale).
# When an invitation expires, in emails and on the printed sheet.
date-time = %-d %B %Y at %H:%M UTC
# The same, short and in digits only (an SMS keeps to one segment).
date-time-short = %d/%m %H:%M UTC

## Roles, as they read after "as" in an invitation.
role-admin = an admin
role-manager = a manager
role-team_leader = a team leader
role-agent = an agent
role-user = a user

## The invitation email.
invitation-subject = { $inviter } invited you to join { $tenant }
invitation-heading = You're invited to { $tenant }
invitation-greeting = Hello { $name },
invitation-greeting-anonymous = Hello,
invitation-lead = { $inviter } has invited you to join { $tenant } as { $role }.
invitation-lead-no-role = { $inviter } has invited you to join { $tenant }.
invitation-button = Accept the invitation
expires-in-hours =
    { $hours ->
        [one] in { $hours } hour
       *[other] in { $hours } hours
    }
invitation-expiry = This link is personal and works once. It expires { $relative }, on { $expires }. If it has expired, ask { $inviter } to send you a new invitation.
invitation-ignore = If you were not expecting this invitation, you can ignore this email.

## The invitation by SMS (one GSM-7 segment in Latin-script languages: keep it short and plain).
sms-invitation = { $tenant } invited you to join. Accept before { $expires }: { $link }
sms-sign-in-code = Your sign-in code is { $code }. It expires in 10 minutes. Do not share it.
sms-sign-up-code = Your sign-up code is { $code }. It expires in 10 minutes. Do not share it.

## The printed invitation.
print-title = Your invitation to { $tenant }
print-heading = Welcome to { $tenant }
print-lead = { $inviter } has invited you, { $name }, to join { $tenant }.
print-lead-anonymous = { $inviter } has invited you to join { $tenant }.
print-qr-label = QR code of your invitation to { $tenant }
print-step-camera = Open the camera on your phone and point it at the code.
print-step-tap = Tap the link that appears.
print-step-password = Choose your password and you are in.
print-personal = This invitation is personal: do not share it. It works once and expires on { $expires }.
print-hint = Print this page and hand it to the person invited.

## Emails about the person's own account.
account-footer = If you did not ask for this, you can ignore this email: nothing changes until it is used.
reset-subject = Reset your password
reset-lead = Someone (we hope you) asked to reset the password of your account.
reset-action = Choose a new password
reset-note = This link works once and expires in 1 hour. Using it signs you out everywhere else.
sign-in-code-subject = Your sign-in code
sign-in-code-lead = Use this code to sign in. Do not share it with anyone.
sign-in-code-note = It works once and expires in 10 minutes.

## The email to an inviter whose invitee asks for a new invitation.
renewal-subject = { $name } asks for a new invitation to { $tenant }
renewal-lead = The invitation you sent { $name } ({ $address }) expired before it was used, and they asked for a new one.
renewal-lead-no-address = The invitation you sent { $name } expired before it was used, and they asked for a new one.
renewal-action = Reinvite them from the console
renewal-note = Nothing is sent to them until someone reinvites them.
renewal-footer = You get this email because you invited them.

## Shared by the pages.
page-network-error = The service could not be reached.
page-password-hint = 12 to 128 characters. A few unrelated words make a strong one.
page-weak-password = Please choose a stronger password.
page-fill-in = Please fill this in.
page-forgot-password = Forgot your password?
page-sign-in = Sign in

## The accept page.
page-accept-title = Accept your invitation
page-accept-checking = Checking your invitation…
page-accept-heading = Join { $tenant }
page-accept-invited = { $inviter } invited { $email } as { $role }.
page-accept-expires = This invitation works once and expires { $expires }.
page-accept-existing = You already have a profile with us: sign in with your existing password to join.
page-accept-first-name = First name
page-accept-last-name = Last name
page-accept-choose-password = Choose a password
page-accept-existing-password = Your existing password
page-accept-button = Accept invitation
page-accept-done-heading = You're in
page-accept-done = Welcome to { $tenant }. Your account is ready: sign in with { $email } and your password from now on.
page-accept-expired-heading = This invitation has expired
page-accept-expired = Invitation links work for a limited time. Ask the person who invited you to send a new one.
page-accept-renew-automatic = You can get a new link, sent where this one was sent.
page-accept-renew-approval = You can ask the person who invited you for a new invitation.
page-accept-renew-button = Ask for a new invitation
page-accept-renewed-automatic = A new invitation is on its way to you: open the link in it.
page-accept-renewed-approval = Your request was sent. You will get a new invitation once it is approved.
page-accept-renew-limited = You asked less than an hour ago: check your inbox, or try again later.
page-accept-renew-off = This organisation does not renew invitations: ask the person who invited you.
page-accept-used-heading = This invitation has already been used
page-accept-used = If that was you, { $signin } with your email and password, or a code sent to you. Otherwise ask for a new invitation.
page-accept-sign-in-link = sign in
page-accept-invalid-heading = This link is not valid
page-accept-invalid = It may have been replaced by a newer invitation, withdrawn, or copied incompletely. Use the latest invitation you received, or ask for a new one.
page-accept-proof-heading = Verify it's you
page-accept-proof = This address already belongs to an account, and this link was handed over rather than sent to you, so it cannot sign in as that account. Ask the person who invited you to send the invitation to your own email or phone, or { $signin } with your password or a code sent to you.
page-accept-error-heading = Something went wrong
page-accept-error = We could not check your invitation just now. Please try again in a minute.
page-accept-wrong-password = That password is not right for your existing profile.
page-accept-too-many = Too many wrong passwords for this account. Wait a few minutes, or reset your password.
page-role-admin = admin
page-role-manager = manager
page-role-team_leader = team leader
page-role-agent = agent
page-role-user = user

## The password reset page.
page-reset-title = Reset your password
page-reset-ask-heading = Forgot your password?
page-reset-ask = Enter the email address of your account. If it has one, we send it a link to choose a new password; the link works once, for 1 hour.
page-reset-email = Email
page-reset-ask-button = Send me a link
page-reset-enter-email = Please enter your email.
page-reset-asked-heading = Check your email
page-reset-asked = If { $email } has an account, a link to reset its password is on its way. It works once and expires in 1 hour.
page-reset-choose-heading = Choose a new password
page-reset-choose-note = Using this link signs you out everywhere else.
page-reset-new-password = New password
page-reset-choose-button = Set the new password
page-reset-done-heading = Your password is changed
page-reset-done = You are signed in. Every other session of your account has ended.
page-reset-invalid-heading = This link is not valid
page-reset-invalid = It was already used, or copied incompletely. { $again }.
page-reset-expired-heading = This link has expired
page-reset-expired = Reset links work for 1 hour. { $again }.
page-reset-again = Ask for a new link

## The sign-in page.
page-signin-title = Sign in
page-signin-address = Email or mobile number
page-signin-address-hint = A mobile number starts with + and the country code.
page-signin-password = Password
page-signin-send-code = Send me a code instead
page-signin-have-code = I have a code
page-signin-code-heading = Enter your code
page-signin-code-sent = If { $address } belongs to an account, a 6-digit code is on its way. It works once, for 10 minutes.
page-signin-access-code-note = A quick access code from your manager (8 characters) works here too.
page-signin-code = Code
page-signin-done-heading = You're signed in
page-signin-scoped = This sign-in reaches { $tenant } only: it came from a code handed over by its staff.
page-signin-wrong = That is not right. Check it and try again.
page-signin-too-many = Too many tries. Wait a few minutes, or reset your password.
page-signin-proof = This account has a password: sign in with it, or ask for a code sent to you.

## The phone sign-up page.
page-signup-title = Join with your phone
page-signup-heading = Join with your phone
page-signup-lead = If an organisation invited your mobile number, we text you a code. With it you join every organisation that invited that number, at once.
page-signup-phone = Mobile number
page-signup-send-code = Text me a code
page-signup-code-heading = Enter the code we texted you
page-signup-code-sent = If { $phone } was invited, an 8-character code is on its way. It works once, for 10 minutes.
page-signup-consent = I agree to join the organisations that invited this number, and to receive their text messages.
page-signup-consent-needed = Please tick the box to agree: without it we cannot join you to the organisations that invited you.
page-signup-join = Join
page-signup-joined-heading = Welcome
page-signup-joined = You are signed in, and a member of:
page-signup-none = No invitation is waiting for this number yet. Ask your organisation to invite it; you can sign in with it from now on.
page-signup-registered = This number already has an account: sign in with it instead.

## The admin console.
# A text that says a count is one message for each plural category of CLDR (`-zero`, `-one`,
# `-two`, `-few`, `-many`, `-other`): the pages get every message as text, without Fluent's
# selection, so the console picks the category for the count itself (Intl.PluralRules of the
# locale). English uses one and other; its zero, two, few and many say what other says.
console-title = User management
console-signin-lead = Administrators and managers manage their people here.
console-signin-wrong = That email and password do not match.
console-signin-too-many = Too many attempts. Please wait a few minutes and try again.
console-signin-no-tenant = You do not manage users in any organisation.
console-organisation = Organisation
console-me-admin = Administrator
console-me-manager = Manager
console-sign-out = Sign out
console-heading = Manage users
console-export-csv = Export CSV
console-exported = Every member was exported to { $file }.
console-blocked = Blocked addresses
console-audit = Audit trail
console-settings = Settings
console-invite-users = Invite users
console-dismiss = Dismiss
console-stats = System access stats
console-stat-active = Active users
console-stat-invited = Invited users
console-stat-admins = Admin users
console-stat-standard = Standard users
console-tabs = Users
console-tab-all = All users
console-tab-inactive = Inactive
console-tab-renewal = Renewal requests
console-search = Search
console-search-placeholder = First name, last name or email
console-status = Status
console-role = Role
console-any-status = Any status
console-any-role = Any role
console-name = Name
console-actions = Actions
console-select-all = Select all users on this page
console-select-member = Select { $name }
console-previous = Previous
console-next = Next
console-page = Page { $number }
console-no-name = (no name)
console-no-match = Nobody matches that search.
console-empty = Nobody here yet.
console-show-details = Show the details
console-row-sends = Sends { $time }
console-row-link-expires = Link expires { $time }
console-row-last-sign-in = Last sign-in { $time }
console-renewal-asked = Asked { $time }
# Roles, as the console lists them (a picker, a column).
console-role-admin = Admin
console-role-manager = Manager
console-role-team_leader = Team leader
console-role-agent = Agent
console-role-user = User
# Statuses, in the filter and the details.
console-status-scheduled = Scheduled
console-status-invited = Invited
console-status-expired = Expired
console-status-active = Active
console-status-deactivated = Deactivated
console-status-cancelled = Cancelled
# Statuses as a row's badge.
console-badge-scheduled = scheduled
console-badge-invited = invited
console-badge-expired = expired
console-badge-active = active
console-badge-deactivated = deactivated
console-badge-cancelled = cancelled
console-badge-renewal = renewal requested
# Channels, and where an invitation sent on one is.
console-channel-email = Email
console-channel-sms = SMS
console-channel-address = { $channel } ({ $address })
console-delivery-pending = queued
console-delivery-sent = sent
console-delivery-delivered = delivered
console-delivery-failed = failed
console-delivery-bounced = bounced
console-delivery-complained = complained
console-delivery-rate_limited = rate limited
console-delivery = { $channel }: { $state }
console-delivery-why = { $channel }: { $state } ({ $why })
console-not-sent-state = { $channel } { $state }
console-not-sent-why = { $channel } { $state }: { $why }
console-not-sent = The invitation to { $name } could not be sent ({ $why }).
# A row's actions (a button reads "Reinvite: Ana Ruiz" to a screen reader).
console-action-for = { $action }: { $name }
console-send-now = Send now
console-reinvite = Reinvite
console-copy-link = Copy link
console-qr-code = QR code
console-print = Print
console-history = History
console-access-code = Access code
console-cancel-invite = Cancel invite
console-deactivate = Deactivate
console-reactivate = Reactivate
console-edit = Edit
console-cancel-confirm = Cancel the invitation of { $name }?
console-cancelled = The invitation of { $name } was cancelled.
console-deactivate-confirm = Deactivate { $name }? They will no longer be able to sign in.
console-deactivated = { $name } was deactivated.
console-reactivated = { $name } is active again.
console-link-title = Invitation link for { $name }
console-link-label = Invitation link
console-link-note = Works once, until { $time }. Send it only to { $name }.
console-link-copied = Link copied to the clipboard.
console-qr-title = QR code for { $name }
console-qr-alt = QR code of the invitation link of { $name }
console-qr-note = They scan it with their phone's camera. It works once, until the invitation expires.
console-print-downloaded = The printable invitation of { $name } was downloaded: open it and print.
console-code-title = Quick access code for { $name }
console-code-note = They sign in with their email and this code before { $time }. It works once.
# The selection and its bulk actions; a summary reads "2 cancelled, 1 skipped (already active)."
console-bulk-reinvite = Reinvite selected
console-bulk-cancel = Cancel selected invitations
console-bulk-deactivate = Deactivate selected
console-bulk-clear = Clear selection
console-selected-zero = { $count } selected
console-selected-one = { $count } selected
console-selected-two = { $count } selected
console-selected-few = { $count } selected
console-selected-many = { $count } selected
console-selected-other = { $count } selected
console-bulk-cancel-confirm-zero = Cancel the invitations of { $count } people? Their links stop working.
console-bulk-cancel-confirm-one = Cancel the invitation of { $count } person? Their links stop working.
console-bulk-cancel-confirm-two = Cancel the invitations of { $count } people? Their links stop working.
console-bulk-cancel-confirm-few = Cancel the invitations of { $count } people? Their links stop working.
console-bulk-cancel-confirm-many = Cancel the invitations of { $count } people? Their links stop working.
console-bulk-cancel-confirm-other = Cancel the invitations of { $count } people? Their links stop working.
console-bulk-deactivate-confirm-zero = Deactivate { $count } people? They will no longer be able to sign in.
console-bulk-deactivate-confirm-one = Deactivate { $count } person? They will no longer be able to sign in.
console-bulk-deactivate-confirm-two = Deactivate { $count } people? They will no longer be able to sign in.
console-bulk-deactivate-confirm-few = Deactivate { $count } people? They will no longer be able to sign in.
console-bulk-deactivate-confirm-many = Deactivate { $count } people? They will no longer be able to sign in.
console-bulk-deactivate-confirm-other = Deactivate { $count } people? They will no longer be able to sign in.
console-bulk-reinvited-zero = { $count } reinvited
console-bulk-reinvited-one = { $count } reinvited
console-bulk-reinvited-two = { $count } reinvited
console-bulk-reinvited-few = { $count } reinvited
console-bulk-reinvited-many = { $count } reinvited
console-bulk-reinvited-other = { $count } reinvited
console-bulk-cancelled-zero = { $count } cancelled
console-bulk-cancelled-one = { $count } cancelled
console-bulk-cancelled-two = { $count } cancelled
console-bulk-cancelled-few = { $count } cancelled
console-bulk-cancelled-many = { $count } cancelled
console-bulk-cancelled-other = { $count } cancelled
console-bulk-deactivated-zero = { $count } deactivated
console-bulk-deactivated-one = { $count } deactivated
console-bulk-deactivated-two = { $count } deactivated
console-bulk-deactivated-few = { $count } deactivated
console-bulk-deactivated-many = { $count } deactivated
console-bulk-deactivated-other = { $count } deactivated
console-bulk-link-only-zero = ({ $count } without a message: copy their link instead)
console-bulk-link-only-one = ({ $count } without a message: copy their link instead)
console-bulk-link-only-two = ({ $count } without a message: copy their link instead)
console-bulk-link-only-few = ({ $count } without a message: copy their link instead)
console-bulk-link-only-many = ({ $count } without a message: copy their link instead)
console-bulk-link-only-other = ({ $count } without a message: copy their link instead)
console-bulk-skipped-zero = { $count } skipped ({ $reasons })
console-bulk-skipped-one = { $count } skipped ({ $reasons })
console-bulk-skipped-two = { $count } skipped ({ $reasons })
console-bulk-skipped-few = { $count } skipped ({ $reasons })
console-bulk-skipped-many = { $count } skipped ({ $reasons })
console-bulk-skipped-other = { $count } skipped ({ $reasons })
console-bulk-failed-zero = { $count } failed ({ $failures })
console-bulk-failed-one = { $count } failed ({ $failures })
console-bulk-failed-two = { $count } failed ({ $failures })
console-bulk-failed-few = { $count } failed ({ $failures })
console-bulk-failed-many = { $count } failed ({ $failures })
console-bulk-failed-other = { $count } failed ({ $failures })
console-bulk-failure = { $name }: { $error }
console-bulk-nothing = Nothing to do: { $skipped }.
# Why a selected member is skipped; with more than one reason, each with its count.
console-skip-count = { $count } { $reason }
console-skip-already-active = already active
console-skip-deactivated = deactivated
console-skip-cancelled = cancelled
console-skip-already-cancelled = already cancelled
console-skip-already-deactivated = already deactivated
console-skip-not-joined = not joined yet
# The invite dialog. The column names in console-list-hint and console-add-columns are what the
# service reads in a spreadsheet's header row: they stay in English.
console-invite-how-many = How many
console-invite-one = One person
console-invite-many = Many (paste a list)
console-required-note = { $mark } marks a required field.
console-email = Email
console-phone = Mobile phone
console-phone-placeholder = +34 600 000 000
console-contact-hint = An email address or a mobile phone number (with + and the country code), or both.
console-list = Email addresses
console-list-placeholder = One per line, or paste rows from a spreadsheet with their header row
console-list-hint = One email address (or + mobile number) per line, or rows copied from a spreadsheet with a header row naming the columns: Email, Phone, First name, Last name, Role, Teams, Agent ids, Products, Shortcode, Department, Job title, Language (lists in a cell separated by | or ;). Up to 1,000 people; each gets their own invitation, and a row's own columns win over the choices below.
console-agent-ids = Agent ids
console-agent-ids-placeholder = voice-17, chat-4
console-agent-ids-hint = Separated by commas; each belongs to one person.
console-agent-ids-many-hint = Each agent needs agent ids of their own: paste rows with an Agent ids column.
console-teams = Teams
console-teams-placeholder = Front desk, Night shift
console-teams-hint = Separated by commas.
console-department = Department
console-job-title = Job title
console-shortcode = Shortcode
console-shortcode-hint = Up to 16 letters, digits, - or _; unique here.
console-language = Language
console-language-hint = Of the invitation and the pages they open.
console-organisation-default = Organisation default
console-products = Products
console-send-by = Send by
console-send-by-neither = Send by neither to copy the link, show a QR code or print it instead.
console-sms-to = SMS go to numbers in: { $countries }.
console-no-sms = This organisation sends no SMS.
console-when = When
console-send-later = Send later
console-date-time = Date and time
console-time-zone = Time zone
console-close = Close
console-send-invitation = Send invitation
console-send-invitations = Send invitations
console-contact-missing-field = Enter an email address or a mobile phone number.
console-contact-missing = An email address or a mobile phone number is needed.
console-invite-scheduled = The invitation of { $name } will be sent { $time }.
console-invite-queued = Invitation to { $name } queued.
console-invite-sent = Invitation sent to { $name }.
console-invite-link-only = { $name } was invited: copy the link, show the QR code or print it.
console-invite-existing-profile = { $name } already has a profile from another organisation: they join with their existing password.
console-already-member = This person already has an invitation or an account here.
console-address-blocked = { $error } Once the address is fixed, clear it under Blocked addresses and invite again.
console-add-columns = Add Department and Job title columns to the pasted rows (rows with quoted cells cannot take them from the form).
console-paste-one = Paste at least one email address or mobile number.
console-not-invited = not invited
console-batch-row = Row { $number }
console-batch-row-failed = ✗ { $row }: { $reason }
console-batch-row-invited = ✓ { $who }: invited as { $role }
console-batch-row-invited-existing = ✓ { $who }: invited as { $role } (already has a profile: joins with their existing password)
# How many of a pasted list were invited: { $created } of { $count } (the category is the count's).
console-batch-invited-zero = { $created } of { $count } invited.
console-batch-invited-one = { $created } of { $count } invited.
console-batch-invited-two = { $created } of { $count } invited.
console-batch-invited-few = { $created } of { $count } invited.
console-batch-invited-many = { $created } of { $count } invited.
console-batch-invited-other = { $created } of { $count } invited.
console-batch-existing-zero = { $count } of those invited already have profiles from another organisation: they join with their existing password.
console-batch-existing-one = { $count } of those invited already has a profile from another organisation: they join with their existing password.
console-batch-existing-two = { $count } of those invited already have profiles from another organisation: they join with their existing password.
console-batch-existing-few = { $count } of those invited already have profiles from another organisation: they join with their existing password.
console-batch-existing-many = { $count } of those invited already have profiles from another organisation: they join with their existing password.
console-batch-existing-other = { $count } of those invited already have profiles from another organisation: they join with their existing password.
# The edit dialog.
console-edit-user = Edit user
console-edit-title = Edit { $name }
console-edit-email-hint = Can change until they accept; a new email or phone ends the links already sent.
console-cancel = Cancel
console-save-changes = Save changes
console-updated = { $name } was updated.
console-updated-relinked = { $name } was updated. The links already sent stop working: reinvite to send a new one.
# The reinvite dialog (and "Send now" for a scheduled invitation).
console-reinvite-title = Reinvite { $name }
console-send-now-title = Send the invitation of { $name } now
console-reinvite-text = A new link replaces the earlier ones, which stop working at once.
console-send-now-text = The invitation goes out now instead of at its scheduled time, with a new link.
console-reinvite-none = No message will be sent: the new link can be copied, shown as a QR code or printed from the row.
console-renew-without-sending = Renew the link without sending
console-reinvite-queued = A new invitation to { $name } is queued ({ $channels }); earlier links no longer work.
console-reinvite-sent = A new invitation was sent to { $name }; earlier links no longer work.
console-renewed-link = { $name } has a new link; no message is sent. Copy the link, show the QR code or print it from the row.
# The details view.
console-details = Details
console-invited-by = Invited by
console-invited-at = Invited
console-scheduled-for = Scheduled for
console-link-expires = Link expires
console-joined = Joined
console-deactivated-at = Deactivated
console-last-sign-in = Last sign-in
console-delivery-label = Delivery
console-no-message = No message sent (link only)
console-profile = Profile
console-profile-existing = Already has a profile from another organisation: joins with their existing password
console-profile-new = New to the service
console-asked-renewal = Asked for a new invitation
# The settings dialog.
console-organisation-name = Organisation name
console-ttl = Invitation links last (hours)
console-renewal = Expired links
console-renewal-approval = Invitees may ask; an admin reinvites
console-renewal-automatic = Invitees get a new link at once
console-renewal-off = Invitees cannot ask
console-domains = Allowed email domains
console-domains-placeholder = Any domain (or: example.com, example.org)
console-sms-countries = SMS countries
console-sms-countries-placeholder = ES, PT
console-branding = Branding of the emails and pages
console-sender-name = Sender name
console-reply-to = Reply-to address
console-accent = Accent colour
console-accent-placeholder = #1a56db
console-logo = Logo URL (https)
console-logo-placeholder = https://
console-settings-products = Products: { $products } (set by your service provider).
console-settings-products-none = none
console-save-settings = Save settings
console-settings-saved = Settings saved.
# The audit trail and a member's history.
console-action = Action
console-any-action = Any action
console-from = From
console-until = Until
console-audit-when = When
console-audit-what = What
console-audit-by = By
console-audit-member = Member
console-audit-changes = Changes
console-audit-system = System
console-audit-empty = Nothing recorded for these filters.
console-download-csv = Download CSV
console-older = Older entries
console-history-title = History of { $name }
console-history-empty = Nothing recorded yet.
console-audit-action-member-invited = Invited
console-audit-action-invitation-sent = Invitation sent
console-audit-action-invitation-failed = Invitation failed
console-audit-action-invitation-delivered = Invitation delivered
console-audit-action-invitation-bounced = Invitation bounced
console-audit-action-invitation-complained = Marked as spam
console-audit-action-invitation-link_minted = Link copied or printed
console-audit-action-access_code-issued = Access code given
console-audit-action-member-reinvited = Reinvited
console-audit-action-member-cancelled = Invitation cancelled
console-audit-action-member-deactivated = Deactivated
console-audit-action-member-reactivated = Reactivated
console-audit-action-member-updated = Edited
console-audit-action-member-accepted = Joined
console-audit-action-invitation-renewal_requested = Asked for a new invitation
console-audit-action-session-signed_in = Signed in
console-audit-action-session-sign_in_failed = Failed sign-in
console-audit-action-password-changed = Password changed
console-audit-action-settings-updated = Settings changed
console-audit-action-members-exported = Members exported
console-audit-action-suppression-cleared = Address cleared from the suppression list
console-audit-action-tenant-created = Organisation created
console-audit-action-tenant-updated = Organisation changed by the provider
# Blocked addresses (the suppression list).
console-blocked-lead = Addresses that bounced for good or marked an invitation as spam. Nothing is sent to them, and inviting them is refused, until you clear them (once the address is fixed, or the person asks).
console-address = Address
console-why = Why
console-since = Since
console-more = More
console-blocked-reason-bounce = Bounced
console-blocked-reason-complaint = Marked as spam
console-clear = Clear
console-clear-address = Clear { $address }
console-clear-confirm = Clear { $address }? Invitations to it will be sent again.
console-cleared = { $address } is no longer blocked.
console-blocked-empty = No address is blocked.
