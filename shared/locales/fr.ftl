# Catalogue de messages : français (vouvoiement). Mêmes messages et variables que en.ftl.

## Dates, sous forme de motifs strftime (les noms des mois et des jours viennent de la langue).
# Date d’expiration d’une invitation, dans les e-mails et sur la feuille imprimée.
date-time = %-d %B %Y à %H:%M UTC
# La même, courte et en chiffres uniquement (un SMS tient en un seul segment).
date-time-short = %d/%m %H:%M UTC

## Rôles, tels qu’ils se lisent après « comme » dans une invitation.
role-admin = administrateur ou administratrice
role-manager = responsable
role-team_leader = chef d’équipe
role-agent = agent ou agente
role-user = utilisateur ou utilisatrice

## L’e-mail d’invitation.
invitation-subject = { $inviter } vous invite à rejoindre { $tenant }
invitation-heading = Invitation à rejoindre { $tenant }
invitation-greeting = Bonjour { $name },
invitation-greeting-anonymous = Bonjour,
invitation-lead = { $inviter } vous invite à rejoindre { $tenant } comme { $role }.
invitation-lead-no-role = { $inviter } vous invite à rejoindre { $tenant }.
invitation-button = Accepter l’invitation
expires-in-hours =
    { $hours ->
        [one] dans { $hours } heure
       *[other] dans { $hours } heures
    }
invitation-expiry = Ce lien est personnel et ne fonctionne qu’une seule fois. Il expire { $relative }, le { $expires }. S’il a expiré, demandez à { $inviter } de vous envoyer une nouvelle invitation.
invitation-ignore = Si vous n’attendiez pas cette invitation, vous pouvez ignorer cet e-mail.

## L’invitation par SMS (un seul segment GSM-7 : court et sans caractères hors de l’alphabet GSM).
sms-invitation = Invitation à rejoindre { $tenant }. Acceptez avant le { $expires } : { $link }
sms-sign-in-code = Votre code de connexion est { $code }. Il expire dans 10 minutes. Ne le partagez pas.
sms-sign-up-code = Votre code d'inscription est { $code }. Il expire dans 10 minutes. Ne le partagez pas.

## L’invitation imprimée.
print-title = Votre invitation à rejoindre { $tenant }
print-heading = Bienvenue chez { $tenant }
print-lead = { $name }, { $inviter } vous invite à rejoindre { $tenant }.
print-lead-anonymous = { $inviter } vous invite à rejoindre { $tenant }.
print-qr-label = Code QR de votre invitation à rejoindre { $tenant }
print-step-camera = Ouvrez l’appareil photo de votre téléphone et pointez-le vers le code.
print-step-tap = Touchez le lien qui s’affiche.
print-step-password = Choisissez votre mot de passe, et le tour est joué.
print-personal = Cette invitation est personnelle : ne la partagez pas. Elle ne fonctionne qu’une seule fois et expire le { $expires }.
print-hint = Imprimez cette page et remettez-la à la personne invitée.

## Les e-mails concernant le compte de la personne.
account-footer = Si vous n’êtes pas à l’origine de cette demande, vous pouvez ignorer cet e-mail : tant que ce lien ou ce code n’est pas utilisé, rien ne change.
reset-subject = Réinitialisation de votre mot de passe
reset-lead = Quelqu’un (vous, espérons-le) a demandé à réinitialiser le mot de passe de votre compte.
reset-action = Choisir un nouveau mot de passe
reset-note = Ce lien ne fonctionne qu’une seule fois et expire dans 1 heure. L’utiliser vous déconnecte partout ailleurs.
sign-in-code-subject = Votre code de connexion
sign-in-code-lead = Utilisez ce code pour vous connecter. Ne le communiquez à personne.
sign-in-code-note = Il ne fonctionne qu’une seule fois et expire dans 10 minutes.

## L’e-mail à la personne qui a invité, quand l’invité demande une nouvelle invitation.
renewal-subject = { $name } demande une nouvelle invitation à rejoindre { $tenant }
renewal-lead = L’invitation que vous avez envoyée à { $name } ({ $address }) a expiré avant d’être utilisée, et cette personne en demande une nouvelle.
renewal-lead-no-address = L’invitation que vous avez envoyée à { $name } a expiré avant d’être utilisée, et cette personne en demande une nouvelle.
renewal-action = Renvoyer une invitation depuis la console
renewal-note = Rien ne lui est envoyé tant que personne ne renvoie d’invitation.
renewal-footer = Vous recevez cet e-mail parce que vous avez invité cette personne.

## Communs aux pages.
page-network-error = Impossible de joindre le service.
page-password-hint = De 12 à 128 caractères. Quelques mots sans rapport entre eux font un mot de passe robuste.
page-weak-password = Veuillez choisir un mot de passe plus robuste.
page-fill-in = Veuillez remplir ce champ.
page-forgot-password = Mot de passe oublié ?
page-sign-in = Se connecter

## La page d’acceptation.
page-accept-title = Acceptez votre invitation
page-accept-checking = Vérification de votre invitation…
page-accept-heading = Rejoindre { $tenant }
page-accept-invited = { $inviter } a invité { $email } comme { $role }.
page-accept-expires = Cette invitation ne fonctionne qu’une seule fois et expire { $expires }.
page-accept-existing = Vous avez déjà un profil chez nous : connectez-vous avec votre mot de passe actuel pour accepter l’invitation.
page-accept-first-name = Prénom
page-accept-last-name = Nom
page-accept-choose-password = Choisissez un mot de passe
page-accept-existing-password = Votre mot de passe actuel
page-accept-button = Accepter l’invitation
page-accept-done-heading = C’est fait !
page-accept-done = Bienvenue chez { $tenant }. Votre compte est prêt : désormais, connectez-vous avec { $email } et votre mot de passe.
page-accept-expired-heading = Cette invitation a expiré
page-accept-expired = Les liens d’invitation ont une durée de validité limitée. Demandez-en un nouveau à la personne à l’origine de l’invitation.
page-accept-renew-automatic = Vous pouvez recevoir un nouveau lien, envoyé au même endroit que celui-ci.
page-accept-renew-approval = Vous pouvez demander une nouvelle invitation à la personne à l’origine de celle-ci.
page-accept-renew-button = Demander une nouvelle invitation
page-accept-renewed-automatic = Une nouvelle invitation est en route : ouvrez le lien qu’elle contient.
page-accept-renewed-approval = Votre demande a été envoyée. Vous recevrez une nouvelle invitation dès qu’elle aura été approuvée.
page-accept-renew-limited = Vous avez fait une demande il y a moins d’une heure : consultez votre boîte de réception ou réessayez plus tard.
page-accept-renew-off = Cette organisation ne renouvelle pas les invitations : adressez-vous à la personne à l’origine de l’invitation.
page-accept-used-heading = Cette invitation a déjà été utilisée
page-accept-used = Si c’était vous, { $signin } avec votre adresse e-mail et votre mot de passe, ou avec un code qui vous est envoyé. Sinon, demandez une nouvelle invitation.
page-accept-sign-in-link = connectez-vous
page-accept-invalid-heading = Ce lien n’est pas valide
page-accept-invalid = Il a peut-être été remplacé par une invitation plus récente, retiré ou copié de façon incomplète. Utilisez la dernière invitation reçue ou demandez-en une nouvelle.
page-accept-proof-heading = Confirmez votre identité
page-accept-proof = Cette adresse appartient déjà à un compte, et ce lien vous a été remis en main propre plutôt qu’envoyé : il ne permet donc pas de se connecter à ce compte. Demandez à la personne à l’origine de l’invitation de l’envoyer à votre propre adresse e-mail ou à votre téléphone, ou { $signin } avec votre mot de passe ou un code qui vous est envoyé.
page-accept-error-heading = Une erreur s’est produite
page-accept-error = Impossible de vérifier votre invitation pour le moment. Veuillez réessayer dans une minute.
page-accept-wrong-password = Ce mot de passe ne correspond pas à votre profil existant.
page-accept-too-many = Trop de mots de passe incorrects pour ce compte. Patientez quelques minutes ou réinitialisez votre mot de passe.
page-role-admin = administrateur ou administratrice
page-role-manager = responsable
page-role-team_leader = chef d’équipe
page-role-agent = agent ou agente
page-role-user = utilisateur ou utilisatrice

## La page de réinitialisation du mot de passe.
page-reset-title = Réinitialiser votre mot de passe
page-reset-ask-heading = Mot de passe oublié ?
page-reset-ask = Saisissez l’adresse e-mail de votre compte. Si elle correspond à un compte, nous y envoyons un lien pour choisir un nouveau mot de passe ; ce lien ne fonctionne qu’une seule fois, pendant 1 heure.
page-reset-email = E-mail
page-reset-ask-button = M’envoyer un lien
page-reset-enter-email = Veuillez saisir votre adresse e-mail.
page-reset-asked-heading = Consultez vos e-mails
page-reset-asked = Si { $email } correspond à un compte, un lien pour réinitialiser son mot de passe est en route. Il ne fonctionne qu’une seule fois et expire dans 1 heure.
page-reset-choose-heading = Choisissez un nouveau mot de passe
page-reset-choose-note = Utiliser ce lien vous déconnecte partout ailleurs.
page-reset-new-password = Nouveau mot de passe
page-reset-choose-button = Enregistrer le nouveau mot de passe
page-reset-done-heading = Votre mot de passe a été modifié
page-reset-done = Connexion réussie. Toutes les autres sessions de votre compte ont été fermées.
page-reset-invalid-heading = Ce lien n’est pas valide
page-reset-invalid = Il a déjà été utilisé ou a été copié de façon incomplète. { $again }.
page-reset-expired-heading = Ce lien a expiré
page-reset-expired = Les liens de réinitialisation sont valables 1 heure. { $again }.
page-reset-again = Demandez un nouveau lien

## La page de connexion.
page-signin-title = Connexion
page-signin-address = E-mail ou numéro de mobile
page-signin-address-hint = Un numéro de mobile commence par + suivi de l’indicatif du pays.
page-signin-password = Mot de passe
page-signin-send-code = Recevoir plutôt un code
page-signin-have-code = J’ai un code
page-signin-code-heading = Saisissez votre code
page-signin-code-sent = Si { $address } correspond à un compte, un code à 6 chiffres est en route. Il ne fonctionne qu’une seule fois, pendant 10 minutes.
page-signin-access-code-note = Un code d’accès rapide fourni par votre responsable (8 caractères) fonctionne aussi ici.
page-signin-code = Code
page-signin-done-heading = Connexion réussie
page-signin-scoped = Cette connexion donne accès à { $tenant } uniquement : elle provient d’un code remis par son personnel.
page-signin-wrong = Ce n’est pas correct. Vérifiez et réessayez.
page-signin-too-many = Trop de tentatives. Patientez quelques minutes ou réinitialisez votre mot de passe.
page-signin-proof = Ce compte a un mot de passe : connectez-vous avec celui-ci, ou demandez à recevoir un code.

## La page d’inscription par téléphone.
page-signup-title = Inscrivez-vous avec votre téléphone
page-signup-heading = Inscrivez-vous avec votre téléphone
page-signup-lead = Si une organisation a invité votre numéro de mobile, nous vous envoyons un code par SMS. Avec ce code, vous rejoignez en une seule fois toutes les organisations qui ont invité ce numéro.
page-signup-phone = Numéro de mobile
page-signup-send-code = M’envoyer un code par SMS
page-signup-code-heading = Saisissez le code reçu par SMS
page-signup-code-sent = Si { $phone } a reçu une invitation, un code de 8 caractères est en route. Il ne fonctionne qu’une seule fois, pendant 10 minutes.
page-signup-consent = J’accepte de rejoindre les organisations qui ont invité ce numéro et de recevoir leurs SMS.
page-signup-consent-needed = Veuillez cocher la case pour donner votre accord : sans cet accord, nous ne pouvons pas vous ajouter aux organisations à l’origine de votre invitation.
page-signup-join = Rejoindre
page-signup-joined-heading = Bienvenue
page-signup-joined = Connexion réussie. Vous êtes désormais membre de :
page-signup-none = Aucune invitation n’est encore en attente pour ce numéro. Demandez à votre organisation de l’inviter ; vous pouvez désormais vous connecter avec ce numéro.
page-signup-registered = Ce numéro est déjà associé à un compte : connectez-vous plutôt avec ce numéro.

## La console d’administration.
# Un texte qui indique un nombre est un message par catégorie de pluriel de CLDR (`-zero`, `-one`,
# `-two`, `-few`, `-many`, `-other`) : la console choisit celle du nombre. Le français utilise
# one (0 et 1), many (millions) et other ; zero, two et few disent la même chose que other.
console-title = Gestion des utilisateurs et utilisatrices
console-signin-lead = Ici, l’administration et les responsables gèrent leurs équipes.
console-signin-wrong = Cet e-mail et ce mot de passe ne correspondent pas.
console-signin-too-many = Trop de tentatives. Veuillez patienter quelques minutes, puis réessayer.
console-signin-no-tenant = Vous ne gérez les utilisateurs et utilisatrices d’aucune organisation.
console-organisation = Organisation
console-me-admin = Administrateur ou administratrice
console-me-manager = Responsable
console-sign-out = Se déconnecter
console-heading = Gérer les utilisateurs et utilisatrices
console-export-csv = Exporter en CSV
console-exported = Tous les membres ont été exportés dans { $file }.
console-blocked = Adresses bloquées
console-audit = Journal d’audit
console-settings = Paramètres
console-invite-users = Inviter des personnes
console-dismiss = Masquer
console-stats = Statistiques d’accès au système
console-stat-active = Personnes actives
console-stat-invited = Personnes invitées
console-stat-admins = Accès administrateur
console-stat-standard = Accès standard
console-tabs = Utilisateurs et utilisatrices
console-tab-all = Toutes les personnes
console-tab-inactive = Personnes inactives
console-tab-renewal = Demandes de renouvellement
console-search = Rechercher
console-search-placeholder = Prénom, nom ou e-mail
console-status = Statut
console-role = Rôle
console-any-status = Tous les statuts
console-any-role = Tous les rôles
console-name = Nom
console-actions = Actions
console-select-all = Sélectionner toutes les personnes de cette page
console-select-member = Sélectionner { $name }
console-previous = Précédent
console-next = Suivant
console-page = Page { $number }
console-no-name = (sans nom)
console-no-match = Personne ne correspond à cette recherche.
console-empty = Personne pour le moment.
console-show-details = Afficher les détails
console-row-sends = Envoi le { $time }
console-row-link-expires = Le lien expire { $time }
console-row-last-sign-in = Dernière connexion le { $time }
console-renewal-asked = Demandé le { $time }
# Rôles, tels que la console les affiche (une liste, une colonne).
console-role-admin = Administrateur ou administratrice
console-role-manager = Responsable
console-role-team_leader = Chef d’équipe
console-role-agent = Agent ou agente
console-role-user = Utilisateur ou utilisatrice
# Statuts, dans le filtre et les détails (accordés avec « statut »).
console-status-scheduled = Programmé
console-status-invited = Invité
console-status-expired = Expiré
console-status-active = Actif
console-status-deactivated = Désactivé
console-status-cancelled = Annulé
# Statuts en badge sur une ligne.
console-badge-scheduled = programmé
console-badge-invited = invité
console-badge-expired = expiré
console-badge-active = actif
console-badge-deactivated = désactivé
console-badge-cancelled = annulé
console-badge-renewal = renouvellement demandé
# Canaux, et où en est une invitation envoyée par chacun.
console-channel-email = E-mail
console-channel-sms = SMS
console-channel-address = { $channel } ({ $address })
console-delivery-pending = en file d’attente
console-delivery-sent = envoyé
console-delivery-delivered = remis
console-delivery-failed = en échec
console-delivery-bounced = rejeté
console-delivery-complained = signalé comme spam
console-delivery-rate_limited = limite d’envoi atteinte
console-delivery = { $channel } : { $state }
console-delivery-why = { $channel } : { $state } ({ $why })
console-not-sent-state = { $channel } { $state }
console-not-sent-why = { $channel } { $state } : { $why }
console-not-sent = L’invitation à { $name } n’a pas pu être envoyée ({ $why }).
# Les actions d’une ligne (un lecteur d’écran lit « Réinviter : Ana Ruiz »).
console-action-for = { $action } : { $name }
console-send-now = Envoyer maintenant
console-reinvite = Réinviter
console-copy-link = Copier le lien
console-qr-code = Code QR
console-print = Imprimer
console-history = Historique
console-access-code = Code d’accès
console-cancel-invite = Annuler l’invitation
console-deactivate = Désactiver
console-reactivate = Réactiver
console-edit = Modifier
console-cancel-confirm = Annuler l’invitation de { $name } ?
console-cancelled = L’invitation de { $name } a été annulée.
console-deactivate-confirm = Désactiver { $name } ? Cette personne ne pourra plus se connecter.
console-deactivated = Le compte de { $name } a été désactivé.
console-reactivated = Le compte de { $name } est de nouveau actif.
console-link-title = Lien d’invitation pour { $name }
console-link-label = Lien d’invitation
console-link-note = Fonctionne une seule fois, jusqu’au { $time }. Envoyez-le uniquement à { $name }.
console-link-copied = Lien copié dans le presse-papiers.
console-qr-title = Code QR pour { $name }
console-qr-alt = Code QR du lien d’invitation de { $name }
console-qr-note = La personne le scanne avec l’appareil photo de son téléphone. Il fonctionne une seule fois, jusqu’à l’expiration de l’invitation.
console-print-downloaded = L’invitation imprimable de { $name } a été téléchargée : ouvrez-la et imprimez-la.
console-code-title = Code d’accès rapide pour { $name }
console-code-note = La personne se connecte avec son e-mail et ce code avant le { $time }. Il fonctionne une seule fois.
# La sélection et ses actions groupées ; un bilan se lit « 2 invitations annulées, 1 personne ignorée (compte déjà actif). »
console-bulk-reinvite = Réinviter la sélection
console-bulk-cancel = Annuler les invitations sélectionnées
console-bulk-deactivate = Désactiver la sélection
console-bulk-clear = Effacer la sélection
console-selected-zero = { $count } personnes sélectionnées
console-selected-one = { $count } personne sélectionnée
console-selected-two = { $count } personnes sélectionnées
console-selected-few = { $count } personnes sélectionnées
console-selected-many = { $count } personnes sélectionnées
console-selected-other = { $count } personnes sélectionnées
console-bulk-cancel-confirm-zero = Annuler les invitations de { $count } personnes ? Leurs liens ne fonctionneront plus.
console-bulk-cancel-confirm-one = Annuler l’invitation de { $count } personne ? Son lien ne fonctionnera plus.
console-bulk-cancel-confirm-two = Annuler les invitations de { $count } personnes ? Leurs liens ne fonctionneront plus.
console-bulk-cancel-confirm-few = Annuler les invitations de { $count } personnes ? Leurs liens ne fonctionneront plus.
console-bulk-cancel-confirm-many = Annuler les invitations de { $count } personnes ? Leurs liens ne fonctionneront plus.
console-bulk-cancel-confirm-other = Annuler les invitations de { $count } personnes ? Leurs liens ne fonctionneront plus.
console-bulk-deactivate-confirm-zero = Désactiver { $count } personnes ? Elles ne pourront plus se connecter.
console-bulk-deactivate-confirm-one = Désactiver { $count } personne ? Elle ne pourra plus se connecter.
console-bulk-deactivate-confirm-two = Désactiver { $count } personnes ? Elles ne pourront plus se connecter.
console-bulk-deactivate-confirm-few = Désactiver { $count } personnes ? Elles ne pourront plus se connecter.
console-bulk-deactivate-confirm-many = Désactiver { $count } personnes ? Elles ne pourront plus se connecter.
console-bulk-deactivate-confirm-other = Désactiver { $count } personnes ? Elles ne pourront plus se connecter.
console-bulk-reinvited-zero = { $count } personnes réinvitées
console-bulk-reinvited-one = { $count } personne réinvitée
console-bulk-reinvited-two = { $count } personnes réinvitées
console-bulk-reinvited-few = { $count } personnes réinvitées
console-bulk-reinvited-many = { $count } personnes réinvitées
console-bulk-reinvited-other = { $count } personnes réinvitées
console-bulk-cancelled-zero = { $count } invitations annulées
console-bulk-cancelled-one = { $count } invitation annulée
console-bulk-cancelled-two = { $count } invitations annulées
console-bulk-cancelled-few = { $count } invitations annulées
console-bulk-cancelled-many = { $count } invitations annulées
console-bulk-cancelled-other = { $count } invitations annulées
console-bulk-deactivated-zero = { $count } comptes désactivés
console-bulk-deactivated-one = { $count } compte désactivé
console-bulk-deactivated-two = { $count } comptes désactivés
console-bulk-deactivated-few = { $count } comptes désactivés
console-bulk-deactivated-many = { $count } comptes désactivés
console-bulk-deactivated-other = { $count } comptes désactivés
console-bulk-link-only-zero = ({ $count } sans message : copiez leurs liens)
console-bulk-link-only-one = ({ $count } sans message : copiez son lien)
console-bulk-link-only-two = ({ $count } sans message : copiez leurs liens)
console-bulk-link-only-few = ({ $count } sans message : copiez leurs liens)
console-bulk-link-only-many = ({ $count } sans message : copiez leurs liens)
console-bulk-link-only-other = ({ $count } sans message : copiez leurs liens)
console-bulk-skipped-zero = { $count } personnes ignorées ({ $reasons })
console-bulk-skipped-one = { $count } personne ignorée ({ $reasons })
console-bulk-skipped-two = { $count } personnes ignorées ({ $reasons })
console-bulk-skipped-few = { $count } personnes ignorées ({ $reasons })
console-bulk-skipped-many = { $count } personnes ignorées ({ $reasons })
console-bulk-skipped-other = { $count } personnes ignorées ({ $reasons })
console-bulk-failed-zero = { $count } échecs ({ $failures })
console-bulk-failed-one = { $count } échec ({ $failures })
console-bulk-failed-two = { $count } échecs ({ $failures })
console-bulk-failed-few = { $count } échecs ({ $failures })
console-bulk-failed-many = { $count } échecs ({ $failures })
console-bulk-failed-other = { $count } échecs ({ $failures })
console-bulk-failure = { $name } : { $error }
console-bulk-nothing = Rien à faire : { $skipped }.
# Pourquoi une personne sélectionnée est ignorée ; avec plusieurs motifs, chacun avec son nombre.
console-skip-count = { $reason } : { $count }
console-skip-already-active = compte déjà actif
console-skip-deactivated = compte désactivé
console-skip-cancelled = invitation annulée
console-skip-already-cancelled = invitation déjà annulée
console-skip-already-deactivated = compte déjà désactivé
console-skip-not-joined = pas encore dans l’organisation
# La boîte de dialogue d’invitation. Les noms de colonnes de console-list-hint et
# console-add-columns sont ceux que le service lit dans la ligne d’en-tête d’un tableur : ils restent en anglais.
console-invite-how-many = Combien de personnes
console-invite-one = Une personne
console-invite-many = Plusieurs (coller une liste)
console-required-note = { $mark } indique un champ obligatoire.
console-email = E-mail
console-phone = Téléphone mobile
console-phone-placeholder = +33 6 00 00 00 00
console-contact-hint = Une adresse e-mail ou un numéro de mobile (avec + et l’indicatif du pays), ou les deux.
console-list = Adresses e-mail
console-list-placeholder = Une par ligne, ou collez des lignes d’un tableur avec leur ligne d’en-tête
console-list-hint = Une adresse e-mail (ou un numéro de mobile avec +) par ligne, ou des lignes copiées d’un tableur avec une ligne d’en-tête qui nomme les colonnes en anglais : Email, Phone, First name, Last name, Role, Teams, Agent ids, Products, Shortcode, Department, Job title, Language (listes dans une cellule séparées par | ou ;). Jusqu’à 1 000 personnes ; chacune reçoit sa propre invitation, et les colonnes d’une ligne l’emportent sur les choix ci-dessous.
console-agent-ids = Identifiants d’agent
console-agent-ids-placeholder = voice-17, chat-4
console-agent-ids-hint = Séparés par des virgules ; chacun appartient à une seule personne.
console-agent-ids-many-hint = Chaque agent ou agente a besoin de ses propres identifiants : collez des lignes avec une colonne « Agent ids ».
console-teams = Équipes
console-teams-placeholder = Accueil, Équipe de nuit
console-teams-hint = Séparées par des virgules.
console-department = Service
console-job-title = Poste
console-shortcode = Code court
console-shortcode-hint = Jusqu’à 16 lettres, chiffres, - ou _ ; unique dans l’organisation.
console-language = Langue
console-language-hint = De l’invitation et des pages que la personne ouvre.
console-organisation-default = Langue de l’organisation
console-products = Produits
console-send-by = Envoyer par
console-send-by-neither = Sans envoi, vous pouvez copier le lien, afficher un code QR ou l’imprimer.
console-sms-to = Les SMS sont envoyés aux numéros de : { $countries }.
console-no-sms = Cette organisation n’envoie pas de SMS.
console-when = Quand
console-send-later = Envoyer plus tard
console-date-time = Date et heure
console-time-zone = Fuseau horaire
console-close = Fermer
console-send-invitation = Envoyer l’invitation
console-send-invitations = Envoyer les invitations
console-contact-missing-field = Saisissez une adresse e-mail ou un numéro de mobile.
console-contact-missing = Une adresse e-mail ou un numéro de mobile est nécessaire.
console-invite-scheduled = L’invitation de { $name } sera envoyée le { $time }.
console-invite-queued = Invitation à { $name } en file d’attente.
console-invite-sent = Invitation envoyée à { $name }.
console-invite-link-only = L’invitation de { $name } est créée : copiez le lien, affichez le code QR ou imprimez-la.
console-invite-existing-profile = { $name } a déjà un profil dans une autre organisation : cette personne rejoint avec son mot de passe actuel.
console-already-member = Cette personne a déjà une invitation ou un compte ici.
console-address-blocked = { $error } Une fois l’adresse corrigée, débloquez-la dans Adresses bloquées et invitez de nouveau.
console-add-columns = Ajoutez les colonnes Department et Job title aux lignes collées (les lignes avec des cellules entre guillemets ne peuvent pas les reprendre du formulaire).
console-paste-one = Collez au moins une adresse e-mail ou un numéro de mobile.
console-not-invited = pas d’invitation
console-batch-row = Ligne { $number }
console-batch-row-failed = ✗ { $row } : { $reason }
console-batch-row-invited = ✓ { $who } : invitation avec le rôle { $role }
console-batch-row-invited-existing = ✓ { $who } : invitation avec le rôle { $role } (profil existant : rejoint avec son mot de passe actuel)
# Combien de personnes d’une liste collée ont reçu une invitation : { $created } sur { $count } (la catégorie est celle de { $count }).
console-batch-invited-zero = Invitations : { $created } sur { $count } personnes.
console-batch-invited-one = Invitations : { $created } sur { $count } personne.
console-batch-invited-two = Invitations : { $created } sur { $count } personnes.
console-batch-invited-few = Invitations : { $created } sur { $count } personnes.
console-batch-invited-many = Invitations : { $created } sur { $count } personnes.
console-batch-invited-other = Invitations : { $created } sur { $count } personnes.
console-batch-existing-zero = { $count } des personnes invitées ont déjà un profil dans une autre organisation : elles rejoignent avec leur mot de passe actuel.
console-batch-existing-one = { $count } des personnes invitées a déjà un profil dans une autre organisation : elle rejoint avec son mot de passe actuel.
console-batch-existing-two = { $count } des personnes invitées ont déjà un profil dans une autre organisation : elles rejoignent avec leur mot de passe actuel.
console-batch-existing-few = { $count } des personnes invitées ont déjà un profil dans une autre organisation : elles rejoignent avec leur mot de passe actuel.
console-batch-existing-many = { $count } des personnes invitées ont déjà un profil dans une autre organisation : elles rejoignent avec leur mot de passe actuel.
console-batch-existing-other = { $count } des personnes invitées ont déjà un profil dans une autre organisation : elles rejoignent avec leur mot de passe actuel.
# La boîte de dialogue de modification.
console-edit-user = Modifier le compte
console-edit-title = Modifier { $name }
console-edit-email-hint = Modifiable jusqu’à l’acceptation ; un nouvel e-mail ou numéro invalide les liens déjà envoyés.
console-cancel = Annuler
console-save-changes = Enregistrer les modifications
console-updated = Les informations de { $name } ont été mises à jour.
console-updated-relinked = Les informations de { $name } ont été mises à jour. Les liens déjà envoyés ne fonctionnent plus : réinvitez pour en envoyer un nouveau.
# La boîte de dialogue pour réinviter (et « Envoyer maintenant » une invitation programmée).
console-reinvite-title = Réinviter { $name }
console-send-now-title = Envoyer maintenant l’invitation de { $name }
console-reinvite-text = Un nouveau lien remplace les précédents, qui cessent aussitôt de fonctionner.
console-send-now-text = L’invitation part maintenant au lieu de l’heure prévue, avec un nouveau lien.
console-reinvite-none = Aucun message ne sera envoyé : le nouveau lien pourra être copié, affiché en code QR ou imprimé depuis la ligne.
console-renew-without-sending = Renouveler le lien sans envoi
console-reinvite-queued = Une nouvelle invitation à { $name } est en file d’attente ({ $channels }) ; les anciens liens ne fonctionnent plus.
console-reinvite-sent = Une nouvelle invitation a été envoyée à { $name } ; les anciens liens ne fonctionnent plus.
console-renewed-link = { $name } a un nouveau lien ; aucun message n’est envoyé. Copiez le lien, affichez le code QR ou imprimez-le depuis la ligne.
# Les détails.
console-details = Détails
console-invited-by = Invitation envoyée par
console-invited-at = Date d’invitation
console-scheduled-for = Envoi prévu le
console-link-expires = Expiration du lien
console-joined = Date d’arrivée
console-deactivated-at = Date de désactivation
console-last-sign-in = Dernière connexion
console-delivery-label = Distribution
console-no-message = Aucun message envoyé (lien seul)
console-profile = Profil
console-profile-existing = A déjà un profil dans une autre organisation : rejoint avec son mot de passe actuel
console-profile-new = Nouveau profil sur le service
console-asked-renewal = Nouvelle invitation demandée le
# Les paramètres.
console-organisation-name = Nom de l’organisation
console-ttl = Durée des liens d’invitation (heures)
console-renewal = Liens expirés
console-renewal-approval = Les personnes invitées peuvent demander un nouveau lien ; l’administration les réinvite
console-renewal-automatic = Les personnes invitées reçoivent aussitôt un nouveau lien
console-renewal-off = Les personnes invitées ne peuvent rien demander
console-domains = Domaines e-mail autorisés
console-domains-placeholder = N’importe quel domaine (ou : example.com, example.org)
console-sms-countries = Pays des SMS
console-sms-countries-placeholder = FR, BE
console-branding = Image de marque des e-mails et des pages
console-sender-name = Nom d’expédition
console-reply-to = Adresse de réponse
console-accent = Couleur d’accent
console-accent-placeholder = #1a56db
console-logo = URL du logo (https)
console-logo-placeholder = https://
console-settings-products = Produits : { $products } (définis par votre fournisseur de service).
console-settings-products-none = aucun
console-save-settings = Enregistrer les paramètres
console-settings-saved = Paramètres enregistrés.
# Le journal d’audit et l’historique d’une personne.
console-action = Action
console-any-action = Toutes les actions
console-from = Du
console-until = Au
console-audit-when = Quand
console-audit-what = Quoi
console-audit-by = Par
console-audit-member = Membre
console-audit-changes = Modifications
console-audit-system = Système
console-audit-empty = Rien n’est enregistré pour ces filtres.
console-download-csv = Télécharger en CSV
console-older = Entrées plus anciennes
console-history-title = Historique de { $name }
console-history-empty = Rien n’est encore enregistré.
console-audit-action-member-invited = Invitation créée
console-audit-action-invitation-sent = Invitation envoyée
console-audit-action-invitation-failed = Échec de l’invitation
console-audit-action-invitation-delivered = Invitation remise
console-audit-action-invitation-bounced = Invitation rejetée
console-audit-action-invitation-complained = Signalée comme spam
console-audit-action-invitation-link_minted = Lien copié ou imprimé
console-audit-action-access_code-issued = Code d’accès fourni
console-audit-action-member-reinvited = Nouvelle invitation
console-audit-action-member-cancelled = Invitation annulée
console-audit-action-member-deactivated = Désactivation
console-audit-action-member-reactivated = Réactivation
console-audit-action-member-updated = Modification
console-audit-action-member-accepted = Arrivée dans l’organisation
console-audit-action-invitation-renewal_requested = Nouvelle invitation demandée
console-audit-action-session-signed_in = Connexion
console-audit-action-session-sign_in_failed = Échec de connexion
console-audit-action-password-changed = Mot de passe modifié
console-audit-action-settings-updated = Paramètres modifiés
console-audit-action-members-exported = Membres exportés
console-audit-action-suppression-cleared = Adresse retirée de la liste de blocage
console-audit-action-tenant-created = Organisation créée
console-audit-action-tenant-updated = Organisation modifiée par le fournisseur
# Les adresses bloquées (la liste de suppression).
console-blocked-lead = Adresses qui ont définitivement rejeté un envoi ou signalé une invitation comme spam. Rien ne leur est envoyé, et toute invitation est refusée, jusqu’à ce que vous les débloquiez (une fois l’adresse corrigée, ou à la demande de la personne).
console-address = Adresse
console-why = Motif
console-since = Depuis
console-more = Plus
console-blocked-reason-bounce = Rejet
console-blocked-reason-complaint = Signalée comme spam
console-clear = Débloquer
console-clear-address = Débloquer { $address }
console-clear-confirm = Débloquer { $address } ? Les invitations lui seront de nouveau envoyées.
console-cleared = { $address } n’est plus bloquée.
console-blocked-empty = Aucune adresse n’est bloquée.
