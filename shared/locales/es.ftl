# Catálogo de mensajes: español (España/neutro, tuteo). Mismos mensajes y variables que en.ftl.

## Fechas, como patrones strftime (los nombres de meses y días vienen de la configuración regional).
# Cuándo caduca una invitación, en los correos y en la hoja impresa.
date-time = %-d de %B de %Y a las %H:%M UTC
# Lo mismo, corto y solo con cifras (un SMS debe caber en un segmento).
date-time-short = %d/%m %H:%M UTC

## Roles, tal como se leen tras «como» en una invitación.
role-admin = administrador/a
role-manager = gerente
role-team_leader = líder de equipo
role-agent = agente
role-user = usuario/a

## El correo de invitación.
invitation-subject = { $inviter } te ha invitado a unirte a { $tenant }
invitation-heading = Te han invitado a { $tenant }
invitation-greeting = Hola, { $name }:
invitation-greeting-anonymous = Hola:
invitation-lead = { $inviter } te ha invitado a unirte a { $tenant } como { $role }.
invitation-lead-no-role = { $inviter } te ha invitado a unirte a { $tenant }.
invitation-button = Aceptar la invitación
expires-in-hours =
    { $hours ->
        [one] en { $hours } hora
       *[other] en { $hours } horas
    }
invitation-expiry = Este enlace es personal y solo funciona una vez. Caduca { $relative }, el { $expires }. Si ha caducado, pide a { $inviter } que te envíe una nueva invitación.
invitation-ignore = Si no esperabas esta invitación, puedes ignorar este correo.

## La invitación por SMS (un solo segmento GSM-7: breve y sin caracteres fuera del alfabeto GSM).
sms-invitation = { $tenant } te invita a unirte. Acepta antes del { $expires }: { $link }
sms-sign-in-code = Tu clave para entrar es { $code }. Caduca en 10 minutos. No la compartas.
sms-sign-up-code = Tu clave para registrarte es { $code }. Caduca en 10 minutos. No la compartas.

## La invitación impresa.
print-title = Tu invitación a { $tenant }
print-heading = Te damos la bienvenida a { $tenant }
print-lead = { $name }, { $inviter } te ha invitado a unirte a { $tenant }.
print-lead-anonymous = { $inviter } te ha invitado a unirte a { $tenant }.
print-qr-label = Código QR de tu invitación a { $tenant }
print-step-camera = Abre la cámara del móvil y apunta al código.
print-step-tap = Toca el enlace que aparece.
print-step-password = Elige tu contraseña y ya estás dentro.
print-personal = Esta invitación es personal: no la compartas. Solo funciona una vez y caduca el { $expires }.
print-hint = Imprime esta página y entrégasela a la persona invitada.

## Correos sobre la propia cuenta de la persona.
account-footer = Si no lo has solicitado, puedes ignorar este correo: no cambiará nada mientras no se utilice.
reset-subject = Restablece tu contraseña
reset-lead = Alguien (esperamos que tú) ha solicitado restablecer la contraseña de tu cuenta.
reset-action = Elegir una contraseña nueva
reset-note = Este enlace solo funciona una vez y caduca en 1 hora. Al usarlo, se cerrará tu sesión en todos los demás dispositivos.
sign-in-code-subject = Tu código de inicio de sesión
sign-in-code-lead = Usa este código para iniciar sesión. No lo compartas con nadie.
sign-in-code-note = Solo funciona una vez y caduca en 10 minutos.

## El correo a quien invitó, cuando la persona invitada pide una nueva invitación.
renewal-subject = { $name } pide una nueva invitación a { $tenant }
renewal-lead = La invitación que enviaste a { $name } ({ $address }) caducó sin usarse, y ha pedido una nueva.
renewal-lead-no-address = La invitación que enviaste a { $name } caducó sin usarse, y ha pedido una nueva.
renewal-action = Volver a invitar desde la consola
renewal-note = No se le enviará nada hasta que alguien vuelva a invitarle.
renewal-footer = Recibes este correo porque invitaste a esta persona.

## Compartidos por las páginas.
page-network-error = No se ha podido conectar con el servicio.
page-password-hint = De 12 a 128 caracteres. Unas cuantas palabras sin relación entre sí forman una contraseña segura.
page-weak-password = Elige una contraseña más segura.
page-fill-in = Rellena este campo.
page-forgot-password = ¿Has olvidado tu contraseña?
page-sign-in = Iniciar sesión

## La página de aceptación.
page-accept-title = Acepta tu invitación
page-accept-checking = Comprobando tu invitación…
page-accept-heading = Únete a { $tenant }
page-accept-invited = { $inviter } ha invitado a { $email } como { $role }.
page-accept-expires = Esta invitación solo funciona una vez y caduca { $expires }.
page-accept-existing = Ya tienes un perfil con nosotros: inicia sesión con tu contraseña actual para unirte.
page-accept-first-name = Nombre
page-accept-last-name = Apellidos
page-accept-choose-password = Elige una contraseña
page-accept-existing-password = Tu contraseña actual
page-accept-button = Aceptar invitación
page-accept-done-heading = Ya estás dentro
page-accept-done = Te damos la bienvenida a { $tenant }. Tu cuenta está lista: a partir de ahora, inicia sesión con { $email } y tu contraseña.
page-accept-expired-heading = Esta invitación ha caducado
page-accept-expired = Los enlaces de invitación solo funcionan durante un tiempo limitado. Pide a la persona que te invitó que te envíe uno nuevo.
page-accept-renew-automatic = Puedes recibir un enlace nuevo, que se enviará al mismo destino que este.
page-accept-renew-approval = Puedes pedir una nueva invitación a la persona que te invitó.
page-accept-renew-button = Pedir una nueva invitación
page-accept-renewed-automatic = Te estamos enviando una nueva invitación: abre el enlace que contiene.
page-accept-renewed-approval = Se ha enviado tu solicitud. Recibirás una nueva invitación cuando se apruebe.
page-accept-renew-limited = Lo pediste hace menos de una hora: revisa tu bandeja de entrada o vuelve a intentarlo más tarde.
page-accept-renew-off = Esta organización no renueva las invitaciones: habla con la persona que te invitó.
page-accept-used-heading = Esta invitación ya se ha utilizado
page-accept-used = Si fuiste tú, { $signin } con tu correo y tu contraseña, o con un código que te enviemos. Si no, pide una nueva invitación.
page-accept-sign-in-link = inicia sesión
page-accept-invalid-heading = Este enlace no es válido
page-accept-invalid = Puede que se haya sustituido por una invitación más reciente, que se haya retirado o que se haya copiado de forma incompleta. Usa la última invitación que hayas recibido o pide una nueva.
page-accept-proof-heading = Verifica tu identidad
page-accept-proof = Esta dirección ya pertenece a una cuenta, y este enlace te lo han entregado en lugar de enviártelo, así que no permite iniciar sesión en esa cuenta. Pide a la persona que te invitó que envíe la invitación a tu propio correo o teléfono, o { $signin } con tu contraseña o con un código que te enviemos.
page-accept-error-heading = Algo ha salido mal
page-accept-error = No hemos podido comprobar tu invitación en este momento. Vuelve a intentarlo dentro de un minuto.
page-accept-wrong-password = Esa contraseña no es la de tu perfil actual.
page-accept-too-many = Demasiadas contraseñas incorrectas para esta cuenta. Espera unos minutos o restablece tu contraseña.
page-role-admin = administrador/a
page-role-manager = gerente
page-role-team_leader = líder de equipo
page-role-agent = agente
page-role-user = usuario/a

## La página para restablecer la contraseña.
page-reset-title = Restablece tu contraseña
page-reset-ask-heading = ¿Has olvidado tu contraseña?
page-reset-ask = Introduce el correo electrónico de tu cuenta. Si hay una cuenta con esa dirección, le enviaremos un enlace para elegir una contraseña nueva; el enlace funciona una sola vez, durante 1 hora.
page-reset-email = Correo electrónico
page-reset-ask-button = Enviarme un enlace
page-reset-enter-email = Introduce tu correo electrónico.
page-reset-asked-heading = Revisa tu correo
page-reset-asked = Si { $email } tiene una cuenta, le estamos enviando un enlace para restablecer su contraseña. Solo funciona una vez y caduca en 1 hora.
page-reset-choose-heading = Elige una contraseña nueva
page-reset-choose-note = Al usar este enlace, se cerrará tu sesión en todos los demás dispositivos.
page-reset-new-password = Contraseña nueva
page-reset-choose-button = Guardar la contraseña nueva
page-reset-done-heading = Se ha cambiado tu contraseña
page-reset-done = Has iniciado sesión. Se han cerrado todas las demás sesiones de tu cuenta.
page-reset-invalid-heading = Este enlace no es válido
page-reset-invalid = Ya se ha utilizado o se ha copiado de forma incompleta. { $again }.
page-reset-expired-heading = Este enlace ha caducado
page-reset-expired = Los enlaces para restablecer la contraseña funcionan durante 1 hora. { $again }.
page-reset-again = Pide un enlace nuevo

## La página de inicio de sesión.
page-signin-title = Iniciar sesión
page-signin-address = Correo electrónico o número de móvil
page-signin-address-hint = Un número de móvil empieza por + y el prefijo del país.
page-signin-password = Contraseña
page-signin-send-code = Enviarme un código en su lugar
page-signin-have-code = Tengo un código
page-signin-code-heading = Introduce tu código
page-signin-code-sent = Si { $address } pertenece a una cuenta, te estamos enviando un código de 6 dígitos. Funciona una sola vez, durante 10 minutos.
page-signin-access-code-note = Aquí también sirve un código de acceso rápido de tu responsable (8 caracteres).
page-signin-code = Código
page-signin-done-heading = Has iniciado sesión
page-signin-scoped = Esta sesión solo da acceso a { $tenant }: se inició con un código que te entregó su personal.
page-signin-wrong = No es correcto. Compruébalo y vuelve a intentarlo.
page-signin-too-many = Demasiados intentos. Espera unos minutos o restablece tu contraseña.
page-signin-proof = Esta cuenta tiene contraseña: inicia sesión con ella o pide que te enviemos un código.

## La página de registro con el teléfono.
page-signup-title = Únete con tu teléfono
page-signup-heading = Únete con tu teléfono
page-signup-lead = Si una organización ha invitado tu número de móvil, te enviamos un código por SMS. Con él te unes de una vez a todas las organizaciones que han invitado ese número.
page-signup-phone = Número de móvil
page-signup-send-code = Enviarme un código por SMS
page-signup-code-heading = Introduce el código que te hemos enviado por SMS
page-signup-code-sent = Si { $phone } tiene una invitación, te estamos enviando un código de 8 caracteres. Funciona una sola vez, durante 10 minutos.
page-signup-consent = Acepto unirme a las organizaciones que han invitado este número y recibir sus SMS.
page-signup-consent-needed = Marca la casilla para dar tu consentimiento: sin él no podemos unirte a las organizaciones que te han invitado.
page-signup-join = Unirme
page-signup-joined-heading = Te damos la bienvenida
page-signup-joined = Has iniciado sesión y ya eres miembro de:
page-signup-none = Todavía no hay ninguna invitación pendiente para este número. Pide a tu organización que lo invite; a partir de ahora puedes iniciar sesión con él.
page-signup-registered = Este número ya tiene una cuenta: inicia sesión con él en lugar de registrarte.
