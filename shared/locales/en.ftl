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
