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

## La consola de administración.
# Un texto que dice una cantidad es un mensaje por cada categoría de plural de CLDR (`-zero`,
# `-one`, `-two`, `-few`, `-many`, `-other`): la consola elige la de la cantidad. El español usa
# one, many (millones) y other; zero, two y few dicen lo mismo que other.
console-title = Gestión de usuarios/as
console-signin-lead = Aquí, las personas con rol de administración o gerencia gestionan a su personal.
console-signin-wrong = El correo electrónico y la contraseña no coinciden.
console-signin-too-many = Demasiados intentos. Espera unos minutos y vuelve a intentarlo.
console-signin-no-tenant = No gestionas usuarios/as en ninguna organización.
console-organisation = Organización
console-me-admin = Administrador/a
console-me-manager = Gerente
console-sign-out = Cerrar sesión
console-heading = Gestionar usuarios/as
console-export-csv = Exportar CSV
console-exported = Se han exportado todos los miembros a { $file }.
console-blocked = Direcciones bloqueadas
console-audit = Registro de auditoría
console-settings = Configuración
console-invite-users = Invitar a personas
console-dismiss = Descartar
console-stats = Estadísticas de acceso al sistema
console-stat-active = Personas activas
console-stat-invited = Personas invitadas
console-stat-admins = Con acceso de administración
console-stat-standard = Con acceso estándar
console-tabs = Usuarios/as
console-tab-all = Todas las personas
console-tab-inactive = Personas inactivas
console-tab-renewal = Solicitudes de renovación
console-search = Buscar
console-search-placeholder = Nombre, apellidos o correo electrónico
console-status = Estado
console-role = Rol
console-any-status = Cualquier estado
console-any-role = Cualquier rol
console-name = Nombre
console-actions = Acciones
console-select-all = Seleccionar a todas las personas de esta página
console-select-member = Seleccionar a { $name }
console-previous = Anterior
console-next = Siguiente
console-page = Página { $number }
console-no-name = (sin nombre)
console-no-match = Nadie coincide con esa búsqueda.
console-empty = Todavía no hay nadie.
console-show-details = Ver los detalles
console-row-sends = Se envía el { $time }
console-row-link-expires = El enlace caduca { $time }
console-row-last-sign-in = Último inicio de sesión: { $time }
console-renewal-asked = Solicitada el { $time }
# Roles, tal como los muestra la consola (un selector, una columna).
console-role-admin = Administrador/a
console-role-manager = Gerente
console-role-team_leader = Líder de equipo
console-role-agent = Agente
console-role-user = Usuario/a
# Estados, en el filtro y en los detalles (concuerdan con «estado»).
console-status-scheduled = Programado
console-status-invited = Invitado
console-status-expired = Caducado
console-status-active = Activo
console-status-deactivated = Desactivado
console-status-cancelled = Cancelado
# Estados como etiqueta de una fila.
console-badge-scheduled = programado
console-badge-invited = invitado
console-badge-expired = caducado
console-badge-active = activo
console-badge-deactivated = desactivado
console-badge-cancelled = cancelado
console-badge-renewal = renovación solicitada
# Canales, y en qué punto está una invitación enviada por cada uno.
console-channel-email = Correo electrónico
console-channel-sms = SMS
console-channel-address = { $channel } ({ $address })
console-delivery-pending = en cola
console-delivery-sent = enviado
console-delivery-delivered = entregado
console-delivery-failed = fallido
console-delivery-bounced = rebotado
console-delivery-complained = marcado como spam
console-delivery-rate_limited = límite de envíos alcanzado
console-delivery = { $channel }: { $state }
console-delivery-why = { $channel }: { $state } ({ $why })
console-not-sent-state = { $channel } { $state }
console-not-sent-why = { $channel } { $state }: { $why }
console-not-sent = No se ha podido enviar la invitación a { $name } ({ $why }).
# Las acciones de una fila (un lector de pantalla lee «Volver a invitar: Ana Ruiz»).
console-action-for = { $action }: { $name }
console-send-now = Enviar ahora
console-reinvite = Volver a invitar
console-copy-link = Copiar enlace
console-qr-code = Código QR
console-print = Imprimir
console-history = Historial
console-access-code = Código de acceso
console-cancel-invite = Cancelar invitación
console-deactivate = Desactivar
console-reactivate = Reactivar
console-edit = Editar
console-cancel-confirm = ¿Cancelar la invitación de { $name }?
console-cancelled = Se ha cancelado la invitación de { $name }.
console-deactivate-confirm = ¿Desactivar a { $name }? Ya no podrá iniciar sesión.
console-deactivated = Se ha desactivado a { $name }.
console-reactivated = Se ha reactivado a { $name }.
console-link-title = Enlace de invitación de { $name }
console-link-label = Enlace de invitación
console-link-note = Funciona una sola vez, hasta el { $time }. Envíalo solo a { $name }.
console-link-copied = Enlace copiado al portapapeles.
console-qr-title = Código QR de { $name }
console-qr-alt = Código QR del enlace de invitación de { $name }
console-qr-note = Se escanea con la cámara del móvil. Funciona una sola vez, hasta que caduque la invitación.
console-print-downloaded = Se ha descargado la invitación imprimible de { $name }: ábrela e imprímela.
console-code-title = Código de acceso rápido de { $name }
console-code-note = Podrá iniciar sesión con su correo electrónico y este código antes del { $time }. Funciona una sola vez.
# La selección y sus acciones en bloque; un resumen dice «2 invitaciones canceladas, 1 persona omitida (cuenta ya activa).»
console-bulk-reinvite = Volver a invitar a la selección
console-bulk-cancel = Cancelar las invitaciones seleccionadas
console-bulk-deactivate = Desactivar la selección
console-bulk-clear = Borrar la selección
console-selected-zero = { $count } personas seleccionadas
console-selected-one = { $count } persona seleccionada
console-selected-two = { $count } personas seleccionadas
console-selected-few = { $count } personas seleccionadas
console-selected-many = { $count } personas seleccionadas
console-selected-other = { $count } personas seleccionadas
console-bulk-cancel-confirm-zero = ¿Cancelar las invitaciones de { $count } personas? Sus enlaces dejarán de funcionar.
console-bulk-cancel-confirm-one = ¿Cancelar la invitación de { $count } persona? Su enlace dejará de funcionar.
console-bulk-cancel-confirm-two = ¿Cancelar las invitaciones de { $count } personas? Sus enlaces dejarán de funcionar.
console-bulk-cancel-confirm-few = ¿Cancelar las invitaciones de { $count } personas? Sus enlaces dejarán de funcionar.
console-bulk-cancel-confirm-many = ¿Cancelar las invitaciones de { $count } personas? Sus enlaces dejarán de funcionar.
console-bulk-cancel-confirm-other = ¿Cancelar las invitaciones de { $count } personas? Sus enlaces dejarán de funcionar.
console-bulk-deactivate-confirm-zero = ¿Desactivar a { $count } personas? Ya no podrán iniciar sesión.
console-bulk-deactivate-confirm-one = ¿Desactivar a { $count } persona? Ya no podrá iniciar sesión.
console-bulk-deactivate-confirm-two = ¿Desactivar a { $count } personas? Ya no podrán iniciar sesión.
console-bulk-deactivate-confirm-few = ¿Desactivar a { $count } personas? Ya no podrán iniciar sesión.
console-bulk-deactivate-confirm-many = ¿Desactivar a { $count } personas? Ya no podrán iniciar sesión.
console-bulk-deactivate-confirm-other = ¿Desactivar a { $count } personas? Ya no podrán iniciar sesión.
console-bulk-reinvited-zero = { $count } personas invitadas de nuevo
console-bulk-reinvited-one = { $count } persona invitada de nuevo
console-bulk-reinvited-two = { $count } personas invitadas de nuevo
console-bulk-reinvited-few = { $count } personas invitadas de nuevo
console-bulk-reinvited-many = { $count } personas invitadas de nuevo
console-bulk-reinvited-other = { $count } personas invitadas de nuevo
console-bulk-cancelled-zero = { $count } invitaciones canceladas
console-bulk-cancelled-one = { $count } invitación cancelada
console-bulk-cancelled-two = { $count } invitaciones canceladas
console-bulk-cancelled-few = { $count } invitaciones canceladas
console-bulk-cancelled-many = { $count } invitaciones canceladas
console-bulk-cancelled-other = { $count } invitaciones canceladas
console-bulk-deactivated-zero = { $count } personas desactivadas
console-bulk-deactivated-one = { $count } persona desactivada
console-bulk-deactivated-two = { $count } personas desactivadas
console-bulk-deactivated-few = { $count } personas desactivadas
console-bulk-deactivated-many = { $count } personas desactivadas
console-bulk-deactivated-other = { $count } personas desactivadas
console-bulk-link-only-zero = ({ $count } sin mensaje: copia sus enlaces)
console-bulk-link-only-one = ({ $count } sin mensaje: copia su enlace)
console-bulk-link-only-two = ({ $count } sin mensaje: copia sus enlaces)
console-bulk-link-only-few = ({ $count } sin mensaje: copia sus enlaces)
console-bulk-link-only-many = ({ $count } sin mensaje: copia sus enlaces)
console-bulk-link-only-other = ({ $count } sin mensaje: copia sus enlaces)
console-bulk-skipped-zero = { $count } personas omitidas ({ $reasons })
console-bulk-skipped-one = { $count } persona omitida ({ $reasons })
console-bulk-skipped-two = { $count } personas omitidas ({ $reasons })
console-bulk-skipped-few = { $count } personas omitidas ({ $reasons })
console-bulk-skipped-many = { $count } personas omitidas ({ $reasons })
console-bulk-skipped-other = { $count } personas omitidas ({ $reasons })
console-bulk-failed-zero = { $count } han fallado ({ $failures })
console-bulk-failed-one = { $count } ha fallado ({ $failures })
console-bulk-failed-two = { $count } han fallado ({ $failures })
console-bulk-failed-few = { $count } han fallado ({ $failures })
console-bulk-failed-many = { $count } han fallado ({ $failures })
console-bulk-failed-other = { $count } han fallado ({ $failures })
console-bulk-failure = { $name }: { $error }
console-bulk-nothing = No hay nada que hacer: { $skipped }.
# Por qué se omite a alguien de la selección; con más de un motivo, cada uno con su cantidad.
console-skip-count = { $reason }: { $count }
console-skip-already-active = cuenta ya activa
console-skip-deactivated = cuenta desactivada
console-skip-cancelled = invitación cancelada
console-skip-already-cancelled = invitación ya cancelada
console-skip-already-deactivated = cuenta ya desactivada
console-skip-not-joined = aún no se ha unido
# El diálogo de invitación. Los nombres de columna de console-list-hint y console-add-columns son
# los que el servicio lee en la fila de encabezado de una hoja de cálculo: se quedan en inglés.
console-invite-how-many = Cuántas personas
console-invite-one = Una persona
console-invite-many = Varias (pegar una lista)
console-required-note = { $mark } indica un campo obligatorio.
console-email = Correo electrónico
console-phone = Teléfono móvil
console-phone-placeholder = +34 600 000 000
console-contact-hint = Un correo electrónico o un número de móvil (con + y el prefijo del país), o ambos.
console-list = Direcciones de correo electrónico
console-list-placeholder = Una por línea, o pega filas de una hoja de cálculo con su fila de encabezado
console-list-hint = Una dirección de correo (o un número de móvil con +) por línea, o filas copiadas de una hoja de cálculo con una fila de encabezado que nombre las columnas en inglés: Email, Phone, First name, Last name, Role, Teams, Agent ids, Products, Shortcode, Department, Job title, Language (las listas de una celda, separadas por | o ;). Hasta 1000 personas; cada una recibe su propia invitación, y las columnas de cada fila prevalecen sobre las opciones de abajo.
console-agent-ids = ID de agente
console-agent-ids-placeholder = voice-17, chat-4
console-agent-ids-hint = Separados por comas; cada uno pertenece a una sola persona.
console-agent-ids-many-hint = Cada agente necesita sus propios ID de agente: pega filas con una columna «Agent ids».
console-teams = Equipos
console-teams-placeholder = Recepción, Turno de noche
console-teams-hint = Separados por comas.
console-department = Departamento
console-job-title = Puesto
console-shortcode = Código corto
console-shortcode-hint = Hasta 16 letras, dígitos, - o _; único en esta organización.
console-language = Idioma
console-language-hint = De la invitación y de las páginas que abra.
console-organisation-default = El de la organización
console-products = Productos
console-send-by = Enviar por
console-send-by-neither = Si no eliges ninguno, podrás copiar el enlace, mostrar un código QR o imprimirlo.
console-sms-to = Los SMS se envían a números de: { $countries }.
console-no-sms = Esta organización no envía SMS.
console-when = Cuándo
console-send-later = Enviar más tarde
console-date-time = Fecha y hora
console-time-zone = Zona horaria
console-close = Cerrar
console-send-invitation = Enviar invitación
console-send-invitations = Enviar invitaciones
console-contact-missing-field = Introduce un correo electrónico o un número de móvil.
console-contact-missing = Se necesita un correo electrónico o un número de móvil.
console-invite-scheduled = La invitación de { $name } se enviará el { $time }.
console-invite-queued = Invitación a { $name } en cola.
console-invite-sent = Invitación enviada a { $name }.
console-invite-link-only = Se ha invitado a { $name }: copia el enlace, muestra el código QR o imprímelo.
console-invite-existing-profile = { $name } ya tiene un perfil de otra organización: se unirá con su contraseña actual.
console-already-member = Esta persona ya tiene una invitación o una cuenta aquí.
console-address-blocked = { $error } Cuando se corrija la dirección, desbloquéala en Direcciones bloqueadas y vuelve a invitar.
console-add-columns = Añade las columnas Department y Job title a las filas pegadas (las filas con celdas entre comillas no pueden tomarlas del formulario).
console-paste-one = Pega al menos una dirección de correo electrónico o un número de móvil.
console-not-invited = sin invitación
console-batch-row = Fila { $number }
console-batch-row-failed = ✗ { $row }: { $reason }
console-batch-row-invited = ✓ { $who }: invitación con el rol { $role }
console-batch-row-invited-existing = ✓ { $who }: invitación con el rol { $role } (ya tiene un perfil: se unirá con su contraseña actual)
# Cuántas personas de una lista pegada recibieron invitación: { $created } de { $count } (la categoría es la de { $count }).
console-batch-invited-zero = Se ha invitado a { $created } de { $count } personas.
console-batch-invited-one = Se ha invitado a { $created } de { $count } persona.
console-batch-invited-two = Se ha invitado a { $created } de { $count } personas.
console-batch-invited-few = Se ha invitado a { $created } de { $count } personas.
console-batch-invited-many = Se ha invitado a { $created } de { $count } personas.
console-batch-invited-other = Se ha invitado a { $created } de { $count } personas.
console-batch-existing-zero = { $count } de las personas invitadas ya tienen un perfil de otra organización: se unirán con su contraseña actual.
console-batch-existing-one = { $count } de las personas invitadas ya tiene un perfil de otra organización: se unirá con su contraseña actual.
console-batch-existing-two = { $count } de las personas invitadas ya tienen un perfil de otra organización: se unirán con su contraseña actual.
console-batch-existing-few = { $count } de las personas invitadas ya tienen un perfil de otra organización: se unirán con su contraseña actual.
console-batch-existing-many = { $count } de las personas invitadas ya tienen un perfil de otra organización: se unirán con su contraseña actual.
console-batch-existing-other = { $count } de las personas invitadas ya tienen un perfil de otra organización: se unirán con su contraseña actual.
# El diálogo de edición.
console-edit-user = Editar usuario/a
console-edit-title = Editar a { $name }
console-edit-email-hint = Se puede cambiar hasta que acepte; un correo o un teléfono nuevo invalida los enlaces ya enviados.
console-cancel = Cancelar
console-save-changes = Guardar cambios
console-updated = Se han guardado los cambios de { $name }.
console-updated-relinked = Se han guardado los cambios de { $name }. Los enlaces ya enviados dejan de funcionar: vuelve a invitar para enviar uno nuevo.
# El diálogo para volver a invitar (y «Enviar ahora» una invitación programada).
console-reinvite-title = Volver a invitar a { $name }
console-send-now-title = Enviar ahora la invitación de { $name }
console-reinvite-text = Un enlace nuevo sustituye a los anteriores, que dejan de funcionar al momento.
console-send-now-text = La invitación sale ahora, en lugar de a la hora programada, con un enlace nuevo.
console-reinvite-none = No se enviará ningún mensaje: el enlace nuevo se puede copiar, mostrar como código QR o imprimir desde la fila.
console-renew-without-sending = Renovar el enlace sin enviar
console-reinvite-queued = Hay una nueva invitación a { $name } en cola ({ $channels }); los enlaces anteriores ya no funcionan.
console-reinvite-sent = Se ha enviado una nueva invitación a { $name }; los enlaces anteriores ya no funcionan.
console-renewed-link = { $name } tiene un enlace nuevo; no se envía ningún mensaje. Copia el enlace, muestra el código QR o imprímelo desde la fila.
# Los detalles.
console-details = Detalles
console-invited-by = Persona que invitó
console-invited-at = Fecha de invitación
console-scheduled-for = Programada para
console-link-expires = Caducidad del enlace
console-joined = Fecha de alta
console-deactivated-at = Fecha de desactivación
console-last-sign-in = Último inicio de sesión
console-delivery-label = Entrega
console-no-message = No se ha enviado ningún mensaje (solo enlace)
console-profile = Perfil
console-profile-existing = Ya tiene un perfil de otra organización: se unirá con su contraseña actual
console-profile-new = Primera vez en el servicio
console-asked-renewal = Pidió una nueva invitación
# La configuración.
console-organisation-name = Nombre de la organización
console-ttl = Duración de los enlaces de invitación (horas)
console-renewal = Enlaces caducados
console-renewal-approval = Las personas invitadas pueden pedir uno nuevo; alguien de administración vuelve a invitar
console-renewal-automatic = Las personas invitadas reciben un enlace nuevo al momento
console-renewal-off = Las personas invitadas no pueden pedir uno nuevo
console-domains = Dominios de correo permitidos
console-domains-placeholder = Cualquier dominio (o: example.com, example.org)
console-sms-countries = Países de SMS
console-sms-countries-placeholder = ES, MX
console-branding = Imagen de marca de los correos y las páginas
console-sender-name = Nombre del remitente
console-reply-to = Dirección de respuesta
console-accent = Color de acento
console-accent-placeholder = #1a56db
console-logo = URL del logotipo (https)
console-logo-placeholder = https://
console-settings-products = Productos: { $products } (los define tu proveedor del servicio).
console-settings-products-none = ninguno
console-save-settings = Guardar configuración
console-settings-saved = Configuración guardada.
# El registro de auditoría y el historial de una persona.
console-action = Acción
console-any-action = Cualquier acción
console-from = Desde
console-until = Hasta
console-audit-when = Cuándo
console-audit-what = Qué
console-audit-by = Quién
console-audit-member = Miembro
console-audit-changes = Cambios
console-audit-system = Sistema
console-audit-empty = No hay nada registrado con estos filtros.
console-download-csv = Descargar CSV
console-older = Entradas anteriores
console-history-title = Historial de { $name }
console-history-empty = Todavía no hay nada registrado.
console-audit-action-member-invited = Invitación creada
console-audit-action-invitation-sent = Invitación enviada
console-audit-action-invitation-failed = Error al enviar la invitación
console-audit-action-invitation-delivered = Invitación entregada
console-audit-action-invitation-bounced = Invitación rebotada
console-audit-action-invitation-complained = Marcada como spam
console-audit-action-invitation-link_minted = Enlace copiado o impreso
console-audit-action-access_code-issued = Código de acceso entregado
console-audit-action-member-reinvited = Nueva invitación
console-audit-action-member-cancelled = Invitación cancelada
console-audit-action-member-deactivated = Desactivación
console-audit-action-member-reactivated = Reactivación
console-audit-action-member-updated = Edición
console-audit-action-member-accepted = Alta en la organización
console-audit-action-invitation-renewal_requested = Solicitud de nueva invitación
console-audit-action-session-signed_in = Inicio de sesión
console-audit-action-session-sign_in_failed = Inicio de sesión fallido
console-audit-action-password-changed = Cambio de contraseña
console-audit-action-settings-updated = Cambio de configuración
console-audit-action-members-exported = Exportación de miembros
console-audit-action-suppression-cleared = Dirección eliminada de la lista de bloqueo
console-audit-action-tenant-created = Organización creada
console-audit-action-tenant-updated = Organización modificada por el proveedor
# Las direcciones bloqueadas (la lista de supresión).
console-blocked-lead = Direcciones que rebotaron definitivamente o que marcaron una invitación como spam. No se les envía nada, y se rechaza invitarlas, hasta que las desbloquees (cuando se corrija la dirección o lo pida la persona).
console-address = Dirección
console-why = Motivo
console-since = Desde
console-more = Más
console-blocked-reason-bounce = Rebote
console-blocked-reason-complaint = Marcada como spam
console-clear = Desbloquear
console-clear-address = Desbloquear { $address }
console-clear-confirm = ¿Desbloquear { $address }? Se le volverán a enviar invitaciones.
console-cleared = { $address } ya no está bloqueada.
console-blocked-empty = No hay ninguna dirección bloqueada.
