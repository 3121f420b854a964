# Nachrichtenkatalog: Deutsch (Sie-Form). Dieselben Nachrichten und Variablen wie en.ftl.

## Datumsangaben als strftime-Muster (Monats- und Tagesnamen kommen aus dem Gebietsschema).
# Wann eine Einladung abläuft, in E-Mails und auf dem gedruckten Blatt.
date-time = %-d. %B %Y um %H:%M UTC
# Dasselbe, kurz und nur in Ziffern (eine SMS bleibt ein Segment).
date-time-short = %d.%m. %H:%M UTC

## Rollen, wie sie nach „als“ in einer Einladung stehen.
role-admin = Admin
role-manager = Manager:in
role-team_leader = Teamleitung
role-agent = Agent:in
role-user = Nutzer:in

## Die Einladungs-E-Mail.
invitation-subject = { $inviter } hat Sie zu { $tenant } eingeladen
invitation-heading = Ihre Einladung zu { $tenant }
invitation-greeting = Hallo { $name },
invitation-greeting-anonymous = Hallo,
invitation-lead = { $inviter } hat Sie eingeladen, { $tenant } als { $role } beizutreten.
invitation-lead-no-role = { $inviter } hat Sie eingeladen, { $tenant } beizutreten.
invitation-button = Einladung annehmen
expires-in-hours =
    { $hours ->
        [one] in { $hours } Stunde
       *[other] in { $hours } Stunden
    }
invitation-expiry = Dieser Link ist persönlich und funktioniert nur einmal. Er läuft { $relative } ab, am { $expires }. Falls er abgelaufen ist, bitten Sie { $inviter }, Ihnen eine neue Einladung zu senden.
invitation-ignore = Falls Sie diese Einladung nicht erwartet haben, können Sie diese E-Mail ignorieren.

## Die Einladung per SMS (ein GSM-7-Segment: kurz und schlicht halten).
sms-invitation = { $tenant } hat Sie eingeladen. Bitte bis { $expires } annehmen: { $link }
sms-sign-in-code = Ihr Anmeldecode lautet { $code }. Er ist 10 Minuten gültig. Geben Sie ihn nicht weiter.
sms-sign-up-code = Ihr Registrierungscode lautet { $code }. Er ist 10 Minuten gültig. Geben Sie ihn nicht weiter.

## Die gedruckte Einladung.
print-title = Ihre Einladung zu { $tenant }
print-heading = Willkommen bei { $tenant }
print-lead = { $name }, { $inviter } hat Sie eingeladen, { $tenant } beizutreten.
print-lead-anonymous = { $inviter } hat Sie eingeladen, { $tenant } beizutreten.
print-qr-label = QR-Code Ihrer Einladung zu { $tenant }
print-step-camera = Öffnen Sie die Kamera Ihres Smartphones und richten Sie sie auf den Code.
print-step-tap = Tippen Sie auf den angezeigten Link.
print-step-password = Wählen Sie Ihr Passwort – schon sind Sie dabei.
print-personal = Diese Einladung ist persönlich: Geben Sie sie nicht weiter. Sie funktioniert nur einmal und läuft am { $expires } ab.
print-hint = Drucken Sie diese Seite aus und übergeben Sie sie der eingeladenen Person.

## E-Mails zum eigenen Konto der Person.
account-footer = Falls Sie dies nicht angefordert haben, können Sie diese E-Mail ignorieren: Solange der Link oder Code nicht verwendet wird, ändert sich nichts.
reset-subject = Passwort zurücksetzen
reset-lead = Jemand (hoffentlich Sie) hat angefordert, das Passwort Ihres Kontos zurückzusetzen.
reset-action = Neues Passwort wählen
reset-note = Dieser Link funktioniert nur einmal und läuft in 1 Stunde ab. Wenn Sie ihn verwenden, werden Sie überall sonst abgemeldet.
sign-in-code-subject = Ihr Anmeldecode
sign-in-code-lead = Verwenden Sie diesen Code, um sich anzumelden. Geben Sie ihn an niemanden weiter.
sign-in-code-note = Er funktioniert nur einmal und läuft in 10 Minuten ab.

## Die E-Mail an die einladende Person, wenn die eingeladene Person um eine neue Einladung bittet.
renewal-subject = { $name } bittet um eine neue Einladung zu { $tenant }
renewal-lead = Die Einladung, die Sie an { $name } ({ $address }) gesendet haben, ist ungenutzt abgelaufen, und es wurde eine neue angefordert.
renewal-lead-no-address = Die Einladung, die Sie an { $name } gesendet haben, ist ungenutzt abgelaufen, und es wurde eine neue angefordert.
renewal-action = Über die Konsole erneut einladen
renewal-note = Die Person erhält nichts, bis jemand sie erneut einlädt.
renewal-footer = Sie erhalten diese E-Mail, weil Sie diese Person eingeladen haben.

## Gemeinsam für die Seiten.
page-network-error = Der Dienst ist nicht erreichbar.
page-password-hint = 12 bis 128 Zeichen. Einige Wörter ohne Zusammenhang ergeben ein starkes Passwort.
page-weak-password = Bitte wählen Sie ein stärkeres Passwort.
page-fill-in = Bitte füllen Sie dieses Feld aus.
page-forgot-password = Passwort vergessen?
page-sign-in = Anmelden

## Die Seite zum Annehmen.
page-accept-title = Einladung annehmen
page-accept-checking = Ihre Einladung wird geprüft …
page-accept-heading = { $tenant } beitreten
page-accept-invited = { $inviter } hat { $email } als { $role } eingeladen.
page-accept-expires = Diese Einladung funktioniert nur einmal und läuft { $expires } ab.
page-accept-existing = Sie haben bereits ein Profil bei uns: Melden Sie sich mit Ihrem bisherigen Passwort an, um beizutreten.
page-accept-first-name = Vorname
page-accept-last-name = Nachname
page-accept-choose-password = Passwort wählen
page-accept-existing-password = Ihr bisheriges Passwort
page-accept-button = Einladung annehmen
page-accept-done-heading = Sie sind dabei
page-accept-done = Willkommen bei { $tenant }. Ihr Konto ist bereit: Melden Sie sich ab jetzt mit { $email } und Ihrem Passwort an.
page-accept-expired-heading = Diese Einladung ist abgelaufen
page-accept-expired = Einladungslinks sind nur begrenzt gültig. Bitten Sie die Person, die Sie eingeladen hat, Ihnen einen neuen zu senden.
page-accept-renew-automatic = Sie können einen neuen Link erhalten; er wird dorthin gesendet, wohin auch dieser gesendet wurde.
page-accept-renew-approval = Sie können die Person, die Sie eingeladen hat, um eine neue Einladung bitten.
page-accept-renew-button = Neue Einladung anfordern
page-accept-renewed-automatic = Eine neue Einladung ist zu Ihnen unterwegs: Öffnen Sie den darin enthaltenen Link.
page-accept-renewed-approval = Ihre Anfrage wurde gesendet. Sie erhalten eine neue Einladung, sobald sie genehmigt ist.
page-accept-renew-limited = Sie haben vor weniger als einer Stunde angefragt: Sehen Sie in Ihrem Posteingang nach oder versuchen Sie es später erneut.
page-accept-renew-off = Diese Organisation erneuert keine Einladungen: Wenden Sie sich an die Person, die Sie eingeladen hat.
page-accept-used-heading = Diese Einladung wurde bereits verwendet
page-accept-used = Falls Sie das waren, { $signin } – mit Ihrer E-Mail-Adresse und Ihrem Passwort oder mit einem Code, den wir Ihnen senden. Andernfalls fordern Sie eine neue Einladung an.
page-accept-sign-in-link = melden Sie sich an
page-accept-invalid-heading = Dieser Link ist ungültig
page-accept-invalid = Möglicherweise wurde er durch eine neuere Einladung ersetzt, zurückgezogen oder unvollständig kopiert. Verwenden Sie die zuletzt erhaltene Einladung oder fordern Sie eine neue an.
page-accept-proof-heading = Bestätigen Sie Ihre Identität
page-accept-proof = Diese Adresse gehört bereits zu einem Konto, und dieser Link wurde Ihnen übergeben statt zugesandt. Daher ermöglicht er keine Anmeldung bei diesem Konto. Bitten Sie die Person, die Sie eingeladen hat, die Einladung an Ihre eigene E-Mail-Adresse oder Telefonnummer zu senden, oder { $signin } – mit Ihrem Passwort oder mit einem Code, den wir Ihnen senden.
page-accept-error-heading = Etwas ist schiefgelaufen
page-accept-error = Wir konnten Ihre Einladung gerade nicht prüfen. Bitte versuchen Sie es in einer Minute erneut.
page-accept-wrong-password = Dieses Passwort passt nicht zu Ihrem bestehenden Profil.
page-accept-too-many = Zu viele falsche Passwörter für dieses Konto. Warten Sie einige Minuten oder setzen Sie Ihr Passwort zurück.
page-role-admin = Admin
page-role-manager = Manager:in
page-role-team_leader = Teamleitung
page-role-agent = Agent:in
page-role-user = Nutzer:in

## Die Seite zum Zurücksetzen des Passworts.
page-reset-title = Passwort zurücksetzen
page-reset-ask-heading = Passwort vergessen?
page-reset-ask = Geben Sie die E-Mail-Adresse Ihres Kontos ein. Falls dazu ein Konto besteht, senden wir an diese Adresse einen Link, mit dem Sie ein neues Passwort wählen können; der Link funktioniert einmal und ist 1 Stunde gültig.
page-reset-email = E-Mail-Adresse
page-reset-ask-button = Link zusenden
page-reset-enter-email = Bitte geben Sie Ihre E-Mail-Adresse ein.
page-reset-asked-heading = Sehen Sie in Ihrem Postfach nach
page-reset-asked = Falls zu { $email } ein Konto besteht, ist ein Link zum Zurücksetzen des Passworts unterwegs. Er funktioniert nur einmal und läuft in 1 Stunde ab.
page-reset-choose-heading = Neues Passwort wählen
page-reset-choose-note = Wenn Sie diesen Link verwenden, werden Sie überall sonst abgemeldet.
page-reset-new-password = Neues Passwort
page-reset-choose-button = Neues Passwort speichern
page-reset-done-heading = Ihr Passwort wurde geändert
page-reset-done = Sie sind angemeldet. Alle anderen Sitzungen Ihres Kontos wurden beendet.
page-reset-invalid-heading = Dieser Link ist ungültig
page-reset-invalid = Er wurde bereits verwendet oder unvollständig kopiert. { $again }.
page-reset-expired-heading = Dieser Link ist abgelaufen
page-reset-expired = Links zum Zurücksetzen sind 1 Stunde gültig. { $again }.
page-reset-again = Fordern Sie einen neuen Link an

## Die Anmeldeseite.
page-signin-title = Anmelden
page-signin-address = E-Mail-Adresse oder Mobilnummer
page-signin-address-hint = Eine Mobilnummer beginnt mit + und der Ländervorwahl.
page-signin-password = Passwort
page-signin-send-code = Stattdessen einen Code senden
page-signin-have-code = Ich habe einen Code
page-signin-code-heading = Code eingeben
page-signin-code-sent = Falls { $address } zu einem Konto gehört, ist ein 6-stelliger Code unterwegs. Er funktioniert einmal und ist 10 Minuten gültig.
page-signin-access-code-note = Ein Schnellzugangscode von Ihrer Führungskraft (8 Zeichen) funktioniert hier ebenfalls.
page-signin-code = Code
page-signin-done-heading = Sie sind angemeldet
page-signin-scoped = Diese Anmeldung gilt nur für { $tenant }: Sie erfolgte mit einem Code, den Sie von dortigen Mitarbeitenden erhalten haben.
page-signin-wrong = Das stimmt nicht. Bitte prüfen Sie die Eingabe und versuchen Sie es erneut.
page-signin-too-many = Zu viele Versuche. Warten Sie einige Minuten oder setzen Sie Ihr Passwort zurück.
page-signin-proof = Dieses Konto hat ein Passwort: Melden Sie sich damit an oder fordern Sie einen Code an.

## Die Seite zur Registrierung per Telefon.
page-signup-title = Mit Ihrer Mobilnummer beitreten
page-signup-heading = Mit Ihrer Mobilnummer beitreten
page-signup-lead = Falls eine Organisation Ihre Mobilnummer eingeladen hat, senden wir Ihnen einen Code per SMS. Damit treten Sie auf einmal allen Organisationen bei, die diese Nummer eingeladen haben.
page-signup-phone = Mobilnummer
page-signup-send-code = Code per SMS senden
page-signup-code-heading = Code aus der SMS eingeben
page-signup-code-sent = Falls { $phone } eingeladen wurde, ist ein Code mit 8 Zeichen unterwegs. Er funktioniert einmal und ist 10 Minuten gültig.
page-signup-consent = Ich bin einverstanden, den Organisationen beizutreten, die diese Nummer eingeladen haben, und ihre SMS zu erhalten.
page-signup-consent-needed = Bitte kreuzen Sie das Kästchen an, um zuzustimmen: Ohne Ihre Zustimmung können wir Sie nicht den Organisationen hinzufügen, die Sie eingeladen haben.
page-signup-join = Beitreten
page-signup-joined-heading = Willkommen
page-signup-joined = Sie sind angemeldet und Mitglied bei:
page-signup-none = Für diese Nummer liegt noch keine Einladung vor. Bitten Sie Ihre Organisation, diese Nummer einzuladen; Sie können sich ab jetzt mit ihr anmelden.
page-signup-registered = Zu dieser Nummer gibt es bereits ein Konto: Melden Sie sich stattdessen damit an.
