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
