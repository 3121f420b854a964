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

## Die Admin-Konsole.
# Ein Text, der eine Anzahl nennt, ist eine Nachricht je Pluralkategorie von CLDR (`-zero`, `-one`,
# `-two`, `-few`, `-many`, `-other`): Die Konsole wählt die der Anzahl. Deutsch nutzt one und
# other; zero, two, few und many sagen dasselbe wie other.
console-title = Nutzerverwaltung
console-signin-lead = Hier verwalten Admins und Manager:innen ihre Teams.
console-signin-wrong = E-Mail-Adresse und Passwort passen nicht zusammen.
console-signin-too-many = Zu viele Versuche. Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.
console-signin-no-tenant = Sie verwalten in keiner Organisation Nutzer:innen.
console-organisation = Organisation
console-me-admin = Administrator:in
console-me-manager = Manager:in
console-sign-out = Abmelden
console-heading = Nutzer:innen verwalten
console-export-csv = CSV exportieren
console-exported = Alle Mitglieder wurden in { $file } exportiert.
console-blocked = Gesperrte Adressen
console-audit = Audit-Protokoll
console-settings = Einstellungen
console-invite-users = Nutzer:innen einladen
console-dismiss = Ausblenden
console-stats = Statistik der Systemzugänge
console-stat-active = Aktive Nutzer:innen
console-stat-invited = Eingeladene Nutzer:innen
console-stat-admins = Mit Admin-Rechten
console-stat-standard = Mit Standardrechten
console-tabs = Nutzer:innen
console-tab-all = Alle
console-tab-inactive = Inaktiv
console-tab-renewal = Anfragen nach neuer Einladung
console-search = Suchen
console-search-placeholder = Vorname, Nachname oder E-Mail-Adresse
console-status = Status
console-role = Rolle
console-any-status = Jeder Status
console-any-role = Jede Rolle
console-name = Name
console-actions = Aktionen
console-select-all = Alle Nutzer:innen auf dieser Seite auswählen
console-select-member = { $name } auswählen
console-previous = Zurück
console-next = Weiter
console-page = Seite { $number }
console-no-name = (ohne Namen)
console-no-match = Niemand passt zu dieser Suche.
console-empty = Noch niemand hier.
console-show-details = Details anzeigen
console-row-sends = Versand am { $time }
console-row-link-expires = Link läuft { $time } ab
console-row-last-sign-in = Letzte Anmeldung: { $time }
console-renewal-asked = Angefragt am { $time }
# Rollen, wie die Konsole sie zeigt (eine Auswahl, eine Spalte).
console-role-admin = Admin
console-role-manager = Manager:in
console-role-team_leader = Teamleitung
console-role-agent = Agent:in
console-role-user = Nutzer:in
# Status im Filter und in den Details.
console-status-scheduled = Geplant
console-status-invited = Eingeladen
console-status-expired = Abgelaufen
console-status-active = Aktiv
console-status-deactivated = Deaktiviert
console-status-cancelled = Storniert
# Status als Kennzeichen einer Zeile.
console-badge-scheduled = geplant
console-badge-invited = eingeladen
console-badge-expired = abgelaufen
console-badge-active = aktiv
console-badge-deactivated = deaktiviert
console-badge-cancelled = storniert
console-badge-renewal = neue Einladung angefragt
# Kanäle, und wo eine darüber gesendete Einladung steht.
console-channel-email = E-Mail
console-channel-sms = SMS
console-channel-address = { $channel } ({ $address })
console-delivery-pending = in der Warteschlange
console-delivery-sent = gesendet
console-delivery-delivered = zugestellt
console-delivery-failed = fehlgeschlagen
console-delivery-bounced = unzustellbar
console-delivery-complained = als Spam gemeldet
console-delivery-rate_limited = Sendelimit erreicht
console-delivery = { $channel }: { $state }
console-delivery-why = { $channel }: { $state } ({ $why })
console-not-sent-state = { $channel } { $state }
console-not-sent-why = { $channel } { $state }: { $why }
console-not-sent = Die Einladung an { $name } konnte nicht gesendet werden ({ $why }).
# Die Aktionen einer Zeile (ein Screenreader liest „Erneut einladen: Ana Ruiz“).
console-action-for = { $action }: { $name }
console-send-now = Jetzt senden
console-reinvite = Erneut einladen
console-copy-link = Link kopieren
console-qr-code = QR-Code
console-print = Drucken
console-history = Verlauf
console-access-code = Zugangscode
console-cancel-invite = Einladung stornieren
console-deactivate = Deaktivieren
console-reactivate = Reaktivieren
console-edit = Bearbeiten
console-cancel-confirm = Die Einladung von { $name } stornieren?
console-cancelled = Die Einladung von { $name } wurde storniert.
console-deactivate-confirm = { $name } deaktivieren? Eine Anmeldung ist dann nicht mehr möglich.
console-deactivated = { $name } wurde deaktiviert.
console-reactivated = { $name } ist wieder aktiv.
console-link-title = Einladungslink für { $name }
console-link-label = Einladungslink
console-link-note = Funktioniert einmal, bis { $time }. Senden Sie ihn nur an { $name }.
console-link-copied = Link in die Zwischenablage kopiert.
console-qr-title = QR-Code für { $name }
console-qr-alt = QR-Code des Einladungslinks von { $name }
console-qr-note = Er wird mit der Kamera des Handys gescannt. Er funktioniert einmal, bis die Einladung abläuft.
console-print-downloaded = Die druckbare Einladung von { $name } wurde heruntergeladen: Öffnen und drucken Sie sie.
console-code-title = Schnellzugangscode für { $name }
console-code-note = Die Anmeldung erfolgt mit der E-Mail-Adresse und diesem Code bis { $time }. Er funktioniert einmal.
# Die Auswahl und ihre Sammelaktionen; eine Zusammenfassung lautet „2 storniert, 1 übersprungen (bereits aktiv).“
console-bulk-reinvite = Auswahl erneut einladen
console-bulk-cancel = Ausgewählte Einladungen stornieren
console-bulk-deactivate = Auswahl deaktivieren
console-bulk-clear = Auswahl aufheben
console-selected-zero = { $count } ausgewählt
console-selected-one = { $count } ausgewählt
console-selected-two = { $count } ausgewählt
console-selected-few = { $count } ausgewählt
console-selected-many = { $count } ausgewählt
console-selected-other = { $count } ausgewählt
console-bulk-cancel-confirm-zero = Die Einladungen von { $count } Personen stornieren? Ihre Links funktionieren dann nicht mehr.
console-bulk-cancel-confirm-one = Die Einladung von { $count } Person stornieren? Ihr Link funktioniert dann nicht mehr.
console-bulk-cancel-confirm-two = Die Einladungen von { $count } Personen stornieren? Ihre Links funktionieren dann nicht mehr.
console-bulk-cancel-confirm-few = Die Einladungen von { $count } Personen stornieren? Ihre Links funktionieren dann nicht mehr.
console-bulk-cancel-confirm-many = Die Einladungen von { $count } Personen stornieren? Ihre Links funktionieren dann nicht mehr.
console-bulk-cancel-confirm-other = Die Einladungen von { $count } Personen stornieren? Ihre Links funktionieren dann nicht mehr.
console-bulk-deactivate-confirm-zero = { $count } Personen deaktivieren? Eine Anmeldung ist dann nicht mehr möglich.
console-bulk-deactivate-confirm-one = { $count } Person deaktivieren? Eine Anmeldung ist dann nicht mehr möglich.
console-bulk-deactivate-confirm-two = { $count } Personen deaktivieren? Eine Anmeldung ist dann nicht mehr möglich.
console-bulk-deactivate-confirm-few = { $count } Personen deaktivieren? Eine Anmeldung ist dann nicht mehr möglich.
console-bulk-deactivate-confirm-many = { $count } Personen deaktivieren? Eine Anmeldung ist dann nicht mehr möglich.
console-bulk-deactivate-confirm-other = { $count } Personen deaktivieren? Eine Anmeldung ist dann nicht mehr möglich.
console-bulk-reinvited-zero = { $count } erneut eingeladen
console-bulk-reinvited-one = { $count } erneut eingeladen
console-bulk-reinvited-two = { $count } erneut eingeladen
console-bulk-reinvited-few = { $count } erneut eingeladen
console-bulk-reinvited-many = { $count } erneut eingeladen
console-bulk-reinvited-other = { $count } erneut eingeladen
console-bulk-cancelled-zero = { $count } storniert
console-bulk-cancelled-one = { $count } storniert
console-bulk-cancelled-two = { $count } storniert
console-bulk-cancelled-few = { $count } storniert
console-bulk-cancelled-many = { $count } storniert
console-bulk-cancelled-other = { $count } storniert
console-bulk-deactivated-zero = { $count } deaktiviert
console-bulk-deactivated-one = { $count } deaktiviert
console-bulk-deactivated-two = { $count } deaktiviert
console-bulk-deactivated-few = { $count } deaktiviert
console-bulk-deactivated-many = { $count } deaktiviert
console-bulk-deactivated-other = { $count } deaktiviert
console-bulk-link-only-zero = ({ $count } ohne Nachricht: Kopieren Sie stattdessen die Links)
console-bulk-link-only-one = ({ $count } ohne Nachricht: Kopieren Sie stattdessen den Link)
console-bulk-link-only-two = ({ $count } ohne Nachricht: Kopieren Sie stattdessen die Links)
console-bulk-link-only-few = ({ $count } ohne Nachricht: Kopieren Sie stattdessen die Links)
console-bulk-link-only-many = ({ $count } ohne Nachricht: Kopieren Sie stattdessen die Links)
console-bulk-link-only-other = ({ $count } ohne Nachricht: Kopieren Sie stattdessen die Links)
console-bulk-skipped-zero = { $count } übersprungen ({ $reasons })
console-bulk-skipped-one = { $count } übersprungen ({ $reasons })
console-bulk-skipped-two = { $count } übersprungen ({ $reasons })
console-bulk-skipped-few = { $count } übersprungen ({ $reasons })
console-bulk-skipped-many = { $count } übersprungen ({ $reasons })
console-bulk-skipped-other = { $count } übersprungen ({ $reasons })
console-bulk-failed-zero = { $count } fehlgeschlagen ({ $failures })
console-bulk-failed-one = { $count } fehlgeschlagen ({ $failures })
console-bulk-failed-two = { $count } fehlgeschlagen ({ $failures })
console-bulk-failed-few = { $count } fehlgeschlagen ({ $failures })
console-bulk-failed-many = { $count } fehlgeschlagen ({ $failures })
console-bulk-failed-other = { $count } fehlgeschlagen ({ $failures })
console-bulk-failure = { $name }: { $error }
console-bulk-nothing = Nichts zu tun: { $skipped }.
# Warum eine ausgewählte Person übersprungen wird; bei mehreren Gründen jeder mit seiner Anzahl.
console-skip-count = { $count } { $reason }
console-skip-already-active = bereits aktiv
console-skip-deactivated = deaktiviert
console-skip-cancelled = storniert
console-skip-already-cancelled = bereits storniert
console-skip-already-deactivated = bereits deaktiviert
console-skip-not-joined = noch nicht beigetreten
# Der Einladungsdialog. Die Spaltennamen in console-list-hint und console-add-columns liest der
# Dienst in der Kopfzeile einer Tabelle: Sie bleiben auf Englisch.
console-invite-how-many = Wie viele
console-invite-one = Eine Person
console-invite-many = Mehrere (Liste einfügen)
console-required-note = { $mark } kennzeichnet ein Pflichtfeld.
console-email = E-Mail-Adresse
console-phone = Mobilnummer
console-phone-placeholder = +49 151 23456789
console-contact-hint = Eine E-Mail-Adresse oder eine Mobilnummer (mit + und Ländervorwahl) oder beides.
console-list = E-Mail-Adressen
console-list-placeholder = Eine pro Zeile, oder fügen Sie Zeilen aus einer Tabelle mit ihrer Kopfzeile ein
console-list-hint = Eine E-Mail-Adresse (oder Mobilnummer mit +) pro Zeile, oder aus einer Tabelle kopierte Zeilen mit einer Kopfzeile, die die Spalten auf Englisch benennt: Email, Phone, First name, Last name, Role, Teams, Agent ids, Products, Shortcode, Department, Job title, Language (Listen in einer Zelle durch | oder ; getrennt). Bis zu 1.000 Personen; jede erhält ihre eigene Einladung, und die Spalten einer Zeile haben Vorrang vor der Auswahl unten.
console-agent-ids = Agent-IDs
console-agent-ids-placeholder = voice-17, chat-4
console-agent-ids-hint = Durch Kommas getrennt; jede gehört genau einer Person.
console-agent-ids-many-hint = Agent:innen brauchen jeweils eigene Agent-IDs: Fügen Sie Zeilen mit einer Spalte „Agent ids“ ein.
console-teams = Teams
console-teams-placeholder = Rezeption, Nachtschicht
console-teams-hint = Durch Kommas getrennt.
console-department = Abteilung
console-job-title = Position
console-shortcode = Kurzcode
console-shortcode-hint = Bis zu 16 Buchstaben, Ziffern, - oder _; hier eindeutig.
console-language = Sprache
console-language-hint = Der Einladung und der Seiten, die die Person öffnet.
console-organisation-default = Standard der Organisation
console-products = Produkte
console-send-by = Senden per
console-send-by-neither = Ohne Versand können Sie den Link kopieren, als QR-Code zeigen oder drucken.
console-sms-to = SMS gehen an Nummern in: { $countries }.
console-no-sms = Diese Organisation versendet keine SMS.
console-when = Wann
console-send-later = Später senden
console-date-time = Datum und Uhrzeit
console-time-zone = Zeitzone
console-close = Schließen
console-send-invitation = Einladung senden
console-send-invitations = Einladungen senden
console-contact-missing-field = Geben Sie eine E-Mail-Adresse oder eine Mobilnummer ein.
console-contact-missing = Eine E-Mail-Adresse oder eine Mobilnummer ist erforderlich.
console-invite-scheduled = Die Einladung an { $name } wird am { $time } gesendet.
console-invite-queued = Einladung an { $name } in der Warteschlange.
console-invite-sent = Einladung an { $name } gesendet.
console-invite-link-only = { $name } wurde eingeladen: Kopieren Sie den Link, zeigen Sie den QR-Code oder drucken Sie ihn.
console-invite-existing-profile = { $name } hat bereits ein Profil aus einer anderen Organisation: Der Beitritt erfolgt mit dem bisherigen Passwort.
console-already-member = Diese Person hat hier bereits eine Einladung oder ein Konto.
console-address-blocked = { $error } Sobald die Adresse korrigiert ist, geben Sie sie unter „Gesperrte Adressen“ frei und laden Sie erneut ein.
console-add-columns = Fügen Sie den eingefügten Zeilen die Spalten Department und Job title hinzu (Zeilen mit Zellen in Anführungszeichen können sie nicht aus dem Formular übernehmen).
console-paste-one = Fügen Sie mindestens eine E-Mail-Adresse oder Mobilnummer ein.
console-not-invited = nicht eingeladen
console-batch-row = Zeile { $number }
console-batch-row-failed = ✗ { $row }: { $reason }
console-batch-row-invited = ✓ { $who }: eingeladen als { $role }
console-batch-row-invited-existing = ✓ { $who }: eingeladen als { $role } (hat bereits ein Profil: Beitritt mit dem bisherigen Passwort)
# Wie viele einer eingefügten Liste eingeladen wurden: { $created } von { $count } (die Kategorie ist die von { $count }).
console-batch-invited-zero = { $created } von { $count } eingeladen.
console-batch-invited-one = { $created } von { $count } eingeladen.
console-batch-invited-two = { $created } von { $count } eingeladen.
console-batch-invited-few = { $created } von { $count } eingeladen.
console-batch-invited-many = { $created } von { $count } eingeladen.
console-batch-invited-other = { $created } von { $count } eingeladen.
console-batch-existing-zero = { $count } der Eingeladenen haben bereits ein Profil aus einer anderen Organisation: Der Beitritt erfolgt mit dem bisherigen Passwort.
console-batch-existing-one = { $count } der Eingeladenen hat bereits ein Profil aus einer anderen Organisation: Der Beitritt erfolgt mit dem bisherigen Passwort.
console-batch-existing-two = { $count } der Eingeladenen haben bereits ein Profil aus einer anderen Organisation: Der Beitritt erfolgt mit dem bisherigen Passwort.
console-batch-existing-few = { $count } der Eingeladenen haben bereits ein Profil aus einer anderen Organisation: Der Beitritt erfolgt mit dem bisherigen Passwort.
console-batch-existing-many = { $count } der Eingeladenen haben bereits ein Profil aus einer anderen Organisation: Der Beitritt erfolgt mit dem bisherigen Passwort.
console-batch-existing-other = { $count } der Eingeladenen haben bereits ein Profil aus einer anderen Organisation: Der Beitritt erfolgt mit dem bisherigen Passwort.
# Der Bearbeitungsdialog.
console-edit-user = Nutzer:in bearbeiten
console-edit-title = { $name } bearbeiten
console-edit-email-hint = Änderbar bis zur Annahme; eine neue E-Mail-Adresse oder Nummer macht die bereits gesendeten Links ungültig.
console-cancel = Abbrechen
console-save-changes = Änderungen speichern
console-updated = { $name } wurde aktualisiert.
console-updated-relinked = { $name } wurde aktualisiert. Die bereits gesendeten Links funktionieren nicht mehr: Laden Sie erneut ein, um einen neuen zu senden.
# Der Dialog zum erneuten Einladen (und „Jetzt senden“ für eine geplante Einladung).
console-reinvite-title = { $name } erneut einladen
console-send-now-title = Die Einladung an { $name } jetzt senden
console-reinvite-text = Ein neuer Link ersetzt die früheren, die sofort nicht mehr funktionieren.
console-send-now-text = Die Einladung geht jetzt statt zum geplanten Zeitpunkt hinaus, mit einem neuen Link.
console-reinvite-none = Es wird keine Nachricht gesendet: Der neue Link kann in der Zeile kopiert, als QR-Code gezeigt oder gedruckt werden.
console-renew-without-sending = Link ohne Versand erneuern
console-reinvite-queued = Eine neue Einladung an { $name } ist in der Warteschlange ({ $channels }); frühere Links funktionieren nicht mehr.
console-reinvite-sent = Eine neue Einladung an { $name } wurde gesendet; frühere Links funktionieren nicht mehr.
console-renewed-link = { $name } hat einen neuen Link; es wird keine Nachricht gesendet. Kopieren Sie den Link, zeigen Sie den QR-Code oder drucken Sie ihn in der Zeile.
# Die Details.
console-details = Details
console-invited-by = Eingeladen von
console-invited-at = Eingeladen am
console-scheduled-for = Geplant für
console-link-expires = Link läuft ab am
console-joined = Beigetreten am
console-deactivated-at = Deaktiviert am
console-last-sign-in = Letzte Anmeldung
console-delivery-label = Zustellung
console-no-message = Keine Nachricht gesendet (nur Link)
console-profile = Profil
console-profile-existing = Hat bereits ein Profil aus einer anderen Organisation: Beitritt mit dem bisherigen Passwort
console-profile-new = Neu beim Dienst
console-asked-renewal = Neue Einladung angefragt am
# Die Einstellungen.
console-organisation-name = Name der Organisation
console-ttl = Gültigkeit der Einladungslinks (Stunden)
console-renewal = Abgelaufene Links
console-renewal-approval = Eingeladene können anfragen; ein Admin lädt erneut ein
console-renewal-automatic = Eingeladene erhalten sofort einen neuen Link
console-renewal-off = Eingeladene können nicht anfragen
console-domains = Erlaubte E-Mail-Domains
console-domains-placeholder = Jede Domain (oder: example.com, example.org)
console-sms-countries = SMS-Länder
console-sms-countries-placeholder = DE, AT
console-branding = Branding der E-Mails und Seiten
console-sender-name = Absendername
console-reply-to = Antwortadresse
console-accent = Akzentfarbe
console-accent-placeholder = #1a56db
console-logo = Logo-URL (https)
console-logo-placeholder = https://
console-settings-products = Produkte: { $products } (von Ihrem Dienstanbieter festgelegt).
console-settings-products-none = keine
console-save-settings = Einstellungen speichern
console-settings-saved = Einstellungen gespeichert.
# Das Audit-Protokoll und der Verlauf einer Person.
console-action = Aktion
console-any-action = Jede Aktion
console-from = Von
console-until = Bis
console-audit-when = Wann
console-audit-what = Was
console-audit-by = Durch
console-audit-member = Mitglied
console-audit-changes = Änderungen
console-audit-system = System
console-audit-empty = Für diese Filter ist nichts aufgezeichnet.
console-download-csv = CSV herunterladen
console-older = Ältere Einträge
console-history-title = Verlauf von { $name }
console-history-empty = Noch nichts aufgezeichnet.
console-audit-action-member-invited = Eingeladen
console-audit-action-invitation-sent = Einladung gesendet
console-audit-action-invitation-failed = Einladung fehlgeschlagen
console-audit-action-invitation-delivered = Einladung zugestellt
console-audit-action-invitation-bounced = Einladung unzustellbar
console-audit-action-invitation-complained = Als Spam gemeldet
console-audit-action-invitation-link_minted = Link kopiert oder gedruckt
console-audit-action-access_code-issued = Zugangscode ausgegeben
console-audit-action-member-reinvited = Erneut eingeladen
console-audit-action-member-cancelled = Einladung storniert
console-audit-action-member-deactivated = Deaktiviert
console-audit-action-member-reactivated = Reaktiviert
console-audit-action-member-updated = Bearbeitet
console-audit-action-member-accepted = Beigetreten
console-audit-action-invitation-renewal_requested = Neue Einladung angefragt
console-audit-action-session-signed_in = Angemeldet
console-audit-action-session-sign_in_failed = Anmeldung fehlgeschlagen
console-audit-action-password-changed = Passwort geändert
console-audit-action-settings-updated = Einstellungen geändert
console-audit-action-members-exported = Mitglieder exportiert
console-audit-action-suppression-cleared = Adresse von der Sperrliste entfernt
console-audit-action-tenant-created = Organisation erstellt
console-audit-action-tenant-updated = Organisation vom Anbieter geändert
# Gesperrte Adressen (die Sperrliste).
console-blocked-lead = Adressen, die endgültig unzustellbar waren oder eine Einladung als Spam gemeldet haben. Es wird ihnen nichts gesendet, und Einladungen an sie werden abgelehnt, bis Sie sie freigeben (sobald die Adresse korrigiert ist oder die Person darum bittet).
console-address = Adresse
console-why = Grund
console-since = Seit
console-more = Mehr
console-blocked-reason-bounce = Unzustellbar
console-blocked-reason-complaint = Als Spam gemeldet
console-clear = Freigeben
console-clear-address = { $address } freigeben
console-clear-confirm = { $address } freigeben? Einladungen an diese Adresse werden wieder gesendet.
console-cleared = { $address } ist nicht mehr gesperrt.
console-blocked-empty = Keine Adresse ist gesperrt.
