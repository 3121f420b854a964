# Catálogo de mensagens: português do Brasil (você). As mesmas mensagens e variáveis de en.ftl.

## Datas, como padrões strftime (os nomes dos meses e dos dias vêm da localidade).
# Quando um convite expira, nos e-mails e na folha impressa.
date-time = %-d de %B de %Y às %H:%M UTC
# O mesmo, curto e só com algarismos (um SMS cabe em um único segmento).
date-time-short = %d/%m %H:%M UTC

## Funções, como aparecem depois de "como" em um convite.
role-admin = administrador(a)
role-manager = gerente
role-team_leader = líder de equipe
role-agent = agente
role-user = usuário(a)

## O e-mail de convite.
invitation-subject = { $inviter } convidou você para participar de { $tenant }
invitation-heading = Convite para participar de { $tenant }
invitation-greeting = Olá, { $name },
invitation-greeting-anonymous = Olá,
invitation-lead = { $inviter } convidou você para participar de { $tenant } como { $role }.
invitation-lead-no-role = { $inviter } convidou você para participar de { $tenant }.
invitation-button = Aceitar o convite
expires-in-hours =
    { $hours ->
        [one] em { $hours } hora
       *[other] em { $hours } horas
    }
invitation-expiry = Este link é pessoal e funciona uma única vez. Ele expira { $relative }, em { $expires }. Se ele tiver expirado, peça a { $inviter } que envie um novo convite para você.
invitation-ignore = Se você não esperava este convite, pode ignorar este e-mail.

## O convite por SMS (um único segmento GSM-7: curto e sem caracteres fora do alfabeto GSM).
sms-invitation = Convite para participar de { $tenant }. Aceite até { $expires }: { $link }
sms-sign-in-code = Para entrar, use { $code }. Ele expira em 10 minutos. Nunca o compartilhe.
sms-sign-up-code = Para se cadastrar, use { $code }. Ele expira em 10 minutos. Nunca o compartilhe.

## O convite impresso.
print-title = Seu convite para { $tenant }
print-heading = Boas-vindas a { $tenant }
print-lead = { $name }, { $inviter } convidou você para participar de { $tenant }.
print-lead-anonymous = { $inviter } convidou você para participar de { $tenant }.
print-qr-label = QR code do seu convite para { $tenant }
print-step-camera = Abra a câmera do celular e aponte para o código.
print-step-tap = Toque no link que aparecer.
print-step-password = Escolha sua senha e pronto.
print-personal = Este convite é pessoal: não o compartilhe. Ele funciona uma única vez e expira em { $expires }.
print-hint = Imprima esta página e entregue-a à pessoa convidada.

## E-mails sobre a própria conta da pessoa.
account-footer = Se você não fez essa solicitação, pode ignorar este e-mail: nada muda enquanto o link ou o código não for usado.
reset-subject = Redefina sua senha
reset-lead = Alguém (esperamos que você) pediu para redefinir a senha da sua conta.
reset-action = Escolher uma nova senha
reset-note = Este link funciona uma única vez e expira em 1 hora. Ao usá-lo, sua sessão será encerrada em todos os outros lugares.
sign-in-code-subject = Seu código de acesso
sign-in-code-lead = Use este código para entrar. Não o compartilhe com ninguém.
sign-in-code-note = Ele funciona uma única vez e expira em 10 minutos.

## O e-mail para quem convidou, quando a pessoa convidada pede um novo convite.
renewal-subject = { $name } pediu um novo convite para { $tenant }
renewal-lead = O convite que você enviou para { $name } ({ $address }) expirou antes de ser usado, e essa pessoa pediu um novo.
renewal-lead-no-address = O convite que você enviou para { $name } expirou antes de ser usado, e essa pessoa pediu um novo.
renewal-action = Convidar novamente pelo console
renewal-note = Nada será enviado a essa pessoa até que alguém a convide novamente.
renewal-footer = Você recebeu este e-mail porque convidou essa pessoa.

## Comuns às páginas.
page-network-error = Não foi possível conectar ao serviço.
page-password-hint = De 12 a 128 caracteres. Algumas palavras sem relação entre si formam uma senha forte.
page-weak-password = Escolha uma senha mais forte.
page-fill-in = Preencha este campo.
page-forgot-password = Esqueceu sua senha?
page-sign-in = Entrar

## A página de aceite.
page-accept-title = Aceite seu convite
page-accept-checking = Verificando seu convite…
page-accept-heading = Participe de { $tenant }
page-accept-invited = { $inviter } convidou { $email } como { $role }.
page-accept-expires = Este convite funciona uma única vez e expira { $expires }.
page-accept-existing = Você já tem um perfil conosco: entre com sua senha atual para participar.
page-accept-first-name = Nome
page-accept-last-name = Sobrenome
page-accept-choose-password = Escolha uma senha
page-accept-existing-password = Sua senha atual
page-accept-button = Aceitar convite
page-accept-done-heading = Tudo pronto
page-accept-done = Boas-vindas a { $tenant }. Sua conta está pronta: de agora em diante, entre com { $email } e sua senha.
page-accept-expired-heading = Este convite expirou
page-accept-expired = Os links de convite funcionam por tempo limitado. Peça um novo à pessoa que convidou você.
page-accept-renew-automatic = Você pode receber um novo link, enviado para o mesmo destino deste.
page-accept-renew-approval = Você pode pedir um novo convite à pessoa que convidou você.
page-accept-renew-button = Pedir um novo convite
page-accept-renewed-automatic = Um novo convite está a caminho: abra o link que ele contém.
page-accept-renewed-approval = Seu pedido foi enviado. Você receberá um novo convite assim que ele for aprovado.
page-accept-renew-limited = Você fez um pedido há menos de uma hora: confira sua caixa de entrada ou tente novamente mais tarde.
page-accept-renew-off = Esta organização não renova convites: fale com a pessoa que convidou você.
page-accept-used-heading = Este convite já foi usado
page-accept-used = Se foi você, { $signin } com seu e-mail e sua senha, ou com um código enviado para você. Caso contrário, peça um novo convite.
page-accept-sign-in-link = entre
page-accept-invalid-heading = Este link não é válido
page-accept-invalid = Ele pode ter sido substituído por um convite mais recente, cancelado ou copiado de forma incompleta. Use o convite mais recente que você recebeu ou peça um novo.
page-accept-proof-heading = Confirme sua identidade
page-accept-proof = Este endereço já pertence a uma conta, e este link foi entregue a você em mãos em vez de enviado, por isso não permite entrar nessa conta. Peça à pessoa que convidou você para enviar o convite para seu próprio e-mail ou telefone, ou { $signin } com sua senha ou com um código enviado para você.
page-accept-error-heading = Algo deu errado
page-accept-error = Não foi possível verificar seu convite agora. Tente novamente em um minuto.
page-accept-wrong-password = Essa senha não é a do seu perfil existente.
page-accept-too-many = Muitas senhas incorretas para esta conta. Aguarde alguns minutos ou redefina sua senha.
page-role-admin = administrador(a)
page-role-manager = gerente
page-role-team_leader = líder de equipe
page-role-agent = agente
page-role-user = usuário(a)

## A página de redefinição de senha.
page-reset-title = Redefina sua senha
page-reset-ask-heading = Esqueceu sua senha?
page-reset-ask = Informe o endereço de e-mail da sua conta. Se houver uma conta com ele, enviaremos um link para escolher uma nova senha; o link funciona uma única vez, por 1 hora.
page-reset-email = E-mail
page-reset-ask-button = Enviar um link
page-reset-enter-email = Informe seu e-mail.
page-reset-asked-heading = Confira seu e-mail
page-reset-asked = Se { $email } tiver uma conta, um link para redefinir a senha dela está a caminho. Ele funciona uma única vez e expira em 1 hora.
page-reset-choose-heading = Escolha uma nova senha
page-reset-choose-note = Ao usar este link, sua sessão será encerrada em todos os outros lugares.
page-reset-new-password = Nova senha
page-reset-choose-button = Salvar a nova senha
page-reset-done-heading = Sua senha foi alterada
page-reset-done = Você já entrou na sua conta. Todas as outras sessões dela foram encerradas.
page-reset-invalid-heading = Este link não é válido
page-reset-invalid = Ele já foi usado ou foi copiado de forma incompleta. { $again }.
page-reset-expired-heading = Este link expirou
page-reset-expired = Os links de redefinição funcionam por 1 hora. { $again }.
page-reset-again = Peça um novo link

## A página de entrada.
page-signin-title = Entrar
page-signin-address = E-mail ou número de celular
page-signin-address-hint = O número de celular começa com + e o código do país.
page-signin-password = Senha
page-signin-send-code = Receber um código em vez disso
page-signin-have-code = Tenho um código
page-signin-code-heading = Digite seu código
page-signin-code-sent = Se { $address } pertencer a uma conta, um código de 6 dígitos está a caminho. Ele funciona uma única vez, por 10 minutos.
page-signin-access-code-note = Um código de acesso rápido fornecido pela sua gerência (8 caracteres) também funciona aqui.
page-signin-code = Código
page-signin-done-heading = Você entrou
page-signin-scoped = Este acesso vale apenas para { $tenant }: ele veio de um código entregue pela equipe de lá.
page-signin-wrong = Não está correto. Confira e tente novamente.
page-signin-too-many = Muitas tentativas. Aguarde alguns minutos ou redefina sua senha.
page-signin-proof = Esta conta tem senha: entre com ela ou peça para receber um código.

## A página de cadastro por telefone.
page-signup-title = Participe com seu celular
page-signup-heading = Participe com seu celular
page-signup-lead = Se uma organização convidou seu número de celular, enviamos um código por SMS para você. Com ele, você participa de todas as organizações que convidaram esse número, de uma só vez.
page-signup-phone = Número de celular
page-signup-send-code = Receber um código por SMS
page-signup-code-heading = Digite o código que enviamos por SMS
page-signup-code-sent = Se { $phone } tiver um convite, um código de 8 caracteres está a caminho. Ele funciona uma única vez, por 10 minutos.
page-signup-consent = Concordo em participar das organizações que convidaram este número e em receber mensagens SMS delas.
page-signup-consent-needed = Marque a caixa para concordar: sem isso, não podemos adicionar você às organizações que convidaram você.
page-signup-join = Participar
page-signup-joined-heading = Boas-vindas
page-signup-joined = Você entrou na sua conta e agora participa de:
page-signup-none = Ainda não há nenhum convite aguardando este número. Peça à sua organização que o convide; a partir de agora, você pode entrar com ele.
page-signup-registered = Este número já tem uma conta: em vez disso, entre com ele.
