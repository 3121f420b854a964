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

## O console de administração.
# Um texto que diz uma quantidade é uma mensagem por categoria de plural do CLDR (`-zero`, `-one`,
# `-two`, `-few`, `-many`, `-other`): o console escolhe a da quantidade. O português usa one
# (0 e 1), many (milhões) e other; zero, two e few dizem o mesmo que other.
console-title = Gestão de usuários(as)
console-signin-lead = Aqui, a administração e a gerência gerenciam suas equipes.
console-signin-wrong = O e-mail e a senha não correspondem.
console-signin-too-many = Muitas tentativas. Aguarde alguns minutos e tente novamente.
console-signin-no-tenant = Você não gerencia usuários(as) em nenhuma organização.
console-organisation = Organização
console-me-admin = Administrador(a)
console-me-manager = Gerente
console-sign-out = Sair
console-heading = Gerenciar usuários(as)
console-export-csv = Exportar CSV
console-exported = Todos os membros foram exportados para { $file }.
console-blocked = Endereços bloqueados
console-audit = Registro de auditoria
console-settings = Configurações
console-invite-users = Convidar pessoas
console-dismiss = Dispensar
console-stats = Estatísticas de acesso ao sistema
console-stat-active = Pessoas ativas
console-stat-invited = Pessoas convidadas
console-stat-admins = Com acesso de administração
console-stat-standard = Com acesso padrão
console-tabs = Usuários(as)
console-tab-all = Todas as pessoas
console-tab-inactive = Pessoas inativas
console-tab-renewal = Pedidos de renovação
console-search = Pesquisar
console-search-placeholder = Nome, sobrenome ou e-mail
console-status = Status
console-role = Função
console-any-status = Qualquer status
console-any-role = Qualquer função
console-name = Nome
console-actions = Ações
console-select-all = Selecionar todas as pessoas desta página
console-select-member = Selecionar { $name }
console-previous = Anterior
console-next = Próxima
console-page = Página { $number }
console-no-name = (sem nome)
console-no-match = Ninguém corresponde a essa pesquisa.
console-empty = Ainda não há ninguém aqui.
console-show-details = Ver os detalhes
console-row-sends = Envio em { $time }
console-row-link-expires = O link expira { $time }
console-row-last-sign-in = Último acesso em { $time }
console-renewal-asked = Pedido em { $time }
# Funções, como o console as mostra (uma lista, uma coluna).
console-role-admin = Administrador(a)
console-role-manager = Gerente
console-role-team_leader = Líder de equipe
console-role-agent = Agente
console-role-user = Usuário(a)
# Status, no filtro e nos detalhes (concordam com "status").
console-status-scheduled = Agendado
console-status-invited = Convidado
console-status-expired = Expirado
console-status-active = Ativo
console-status-deactivated = Desativado
console-status-cancelled = Cancelado
# Status como etiqueta de uma linha.
console-badge-scheduled = agendado
console-badge-invited = convidado
console-badge-expired = expirado
console-badge-active = ativo
console-badge-deactivated = desativado
console-badge-cancelled = cancelado
console-badge-renewal = renovação pedida
# Canais, e em que ponto está um convite enviado por cada um.
console-channel-email = E-mail
console-channel-sms = SMS
console-channel-address = { $channel } ({ $address })
console-delivery-pending = na fila
console-delivery-sent = enviado
console-delivery-delivered = entregue
console-delivery-failed = com falha
console-delivery-bounced = devolvido
console-delivery-complained = marcado como spam
console-delivery-rate_limited = limite de envio atingido
console-delivery = { $channel }: { $state }
console-delivery-why = { $channel }: { $state } ({ $why })
console-not-sent-state = { $channel } { $state }
console-not-sent-why = { $channel } { $state }: { $why }
console-not-sent = Não foi possível enviar o convite para { $name } ({ $why }).
# As ações de uma linha (um leitor de tela lê "Convidar novamente: Ana Ruiz").
console-action-for = { $action }: { $name }
console-send-now = Enviar agora
console-reinvite = Convidar novamente
console-copy-link = Copiar link
console-qr-code = Código QR
console-print = Imprimir
console-history = Histórico
console-access-code = Código de acesso
console-cancel-invite = Cancelar convite
console-deactivate = Desativar
console-reactivate = Reativar
console-edit = Editar
console-cancel-confirm = Cancelar o convite de { $name }?
console-cancelled = O convite de { $name } foi cancelado.
console-deactivate-confirm = Desativar { $name }? Essa pessoa não poderá mais entrar.
console-deactivated = A conta de { $name } foi desativada.
console-reactivated = A conta de { $name } está ativa novamente.
console-link-title = Link de convite para { $name }
console-link-label = Link de convite
console-link-note = Funciona uma única vez, até { $time }. Envie-o somente para { $name }.
console-link-copied = Link copiado para a área de transferência.
console-qr-title = Código QR para { $name }
console-qr-alt = Código QR do link de convite de { $name }
console-qr-note = A pessoa escaneia o código com a câmera do celular. Funciona uma única vez, até o convite expirar.
console-print-downloaded = O convite para impressão de { $name } foi baixado: abra-o e imprima.
console-code-title = Código de acesso rápido para { $name }
console-code-note = A pessoa entra com o e-mail e este código até { $time }. Funciona uma única vez.
# A seleção e suas ações em lote; um resumo diz "2 convites cancelados, 1 pessoa ignorada (conta já ativa)."
console-bulk-reinvite = Convidar novamente a seleção
console-bulk-cancel = Cancelar os convites selecionados
console-bulk-deactivate = Desativar a seleção
console-bulk-clear = Limpar a seleção
console-selected-zero = { $count } pessoas selecionadas
console-selected-one = { $count } pessoa selecionada
console-selected-two = { $count } pessoas selecionadas
console-selected-few = { $count } pessoas selecionadas
console-selected-many = { $count } pessoas selecionadas
console-selected-other = { $count } pessoas selecionadas
console-bulk-cancel-confirm-zero = Cancelar os convites de { $count } pessoas? Os links delas deixarão de funcionar.
console-bulk-cancel-confirm-one = Cancelar o convite de { $count } pessoa? O link dela deixará de funcionar.
console-bulk-cancel-confirm-two = Cancelar os convites de { $count } pessoas? Os links delas deixarão de funcionar.
console-bulk-cancel-confirm-few = Cancelar os convites de { $count } pessoas? Os links delas deixarão de funcionar.
console-bulk-cancel-confirm-many = Cancelar os convites de { $count } pessoas? Os links delas deixarão de funcionar.
console-bulk-cancel-confirm-other = Cancelar os convites de { $count } pessoas? Os links delas deixarão de funcionar.
console-bulk-deactivate-confirm-zero = Desativar { $count } pessoas? Elas não poderão mais entrar.
console-bulk-deactivate-confirm-one = Desativar { $count } pessoa? Ela não poderá mais entrar.
console-bulk-deactivate-confirm-two = Desativar { $count } pessoas? Elas não poderão mais entrar.
console-bulk-deactivate-confirm-few = Desativar { $count } pessoas? Elas não poderão mais entrar.
console-bulk-deactivate-confirm-many = Desativar { $count } pessoas? Elas não poderão mais entrar.
console-bulk-deactivate-confirm-other = Desativar { $count } pessoas? Elas não poderão mais entrar.
console-bulk-reinvited-zero = { $count } pessoas convidadas novamente
console-bulk-reinvited-one = { $count } pessoa convidada novamente
console-bulk-reinvited-two = { $count } pessoas convidadas novamente
console-bulk-reinvited-few = { $count } pessoas convidadas novamente
console-bulk-reinvited-many = { $count } pessoas convidadas novamente
console-bulk-reinvited-other = { $count } pessoas convidadas novamente
console-bulk-cancelled-zero = { $count } convites cancelados
console-bulk-cancelled-one = { $count } convite cancelado
console-bulk-cancelled-two = { $count } convites cancelados
console-bulk-cancelled-few = { $count } convites cancelados
console-bulk-cancelled-many = { $count } convites cancelados
console-bulk-cancelled-other = { $count } convites cancelados
console-bulk-deactivated-zero = { $count } contas desativadas
console-bulk-deactivated-one = { $count } conta desativada
console-bulk-deactivated-two = { $count } contas desativadas
console-bulk-deactivated-few = { $count } contas desativadas
console-bulk-deactivated-many = { $count } contas desativadas
console-bulk-deactivated-other = { $count } contas desativadas
console-bulk-link-only-zero = ({ $count } sem mensagem: copie os links)
console-bulk-link-only-one = ({ $count } sem mensagem: copie o link)
console-bulk-link-only-two = ({ $count } sem mensagem: copie os links)
console-bulk-link-only-few = ({ $count } sem mensagem: copie os links)
console-bulk-link-only-many = ({ $count } sem mensagem: copie os links)
console-bulk-link-only-other = ({ $count } sem mensagem: copie os links)
console-bulk-skipped-zero = { $count } pessoas ignoradas ({ $reasons })
console-bulk-skipped-one = { $count } pessoa ignorada ({ $reasons })
console-bulk-skipped-two = { $count } pessoas ignoradas ({ $reasons })
console-bulk-skipped-few = { $count } pessoas ignoradas ({ $reasons })
console-bulk-skipped-many = { $count } pessoas ignoradas ({ $reasons })
console-bulk-skipped-other = { $count } pessoas ignoradas ({ $reasons })
console-bulk-failed-zero = { $count } falhas ({ $failures })
console-bulk-failed-one = { $count } falha ({ $failures })
console-bulk-failed-two = { $count } falhas ({ $failures })
console-bulk-failed-few = { $count } falhas ({ $failures })
console-bulk-failed-many = { $count } falhas ({ $failures })
console-bulk-failed-other = { $count } falhas ({ $failures })
console-bulk-failure = { $name }: { $error }
console-bulk-nothing = Nada a fazer: { $skipped }.
# Por que uma pessoa selecionada é ignorada; com mais de um motivo, cada um com sua quantidade.
console-skip-count = { $reason }: { $count }
console-skip-already-active = conta já ativa
console-skip-deactivated = conta desativada
console-skip-cancelled = convite cancelado
console-skip-already-cancelled = convite já cancelado
console-skip-already-deactivated = conta já desativada
console-skip-not-joined = ainda não entrou
# A caixa de diálogo de convite. Os nomes de coluna de console-list-hint e console-add-columns são
# os que o serviço lê na linha de cabeçalho de uma planilha: ficam em inglês.
console-invite-how-many = Quantas pessoas
console-invite-one = Uma pessoa
console-invite-many = Várias (colar uma lista)
console-required-note = { $mark } indica um campo obrigatório.
console-email = E-mail
console-phone = Celular
console-phone-placeholder = +55 11 91234-5678
console-contact-hint = Um e-mail ou um número de celular (com + e o código do país), ou ambos.
console-list = Endereços de e-mail
console-list-placeholder = Um por linha, ou cole linhas de uma planilha com a linha de cabeçalho
console-list-hint = Um e-mail (ou um celular com +) por linha, ou linhas copiadas de uma planilha com uma linha de cabeçalho que nomeie as colunas em inglês: Email, Phone, First name, Last name, Role, Teams, Agent ids, Products, Shortcode, Department, Job title, Language (listas em uma célula separadas por | ou ;). Até 1.000 pessoas; cada uma recebe o próprio convite, e as colunas de cada linha prevalecem sobre as opções abaixo.
console-agent-ids = IDs de agente
console-agent-ids-placeholder = voice-17, chat-4
console-agent-ids-hint = Separados por vírgulas; cada um pertence a uma única pessoa.
console-agent-ids-many-hint = Cada agente precisa dos próprios IDs: cole linhas com uma coluna "Agent ids".
console-teams = Equipes
console-teams-placeholder = Recepção, Turno da noite
console-teams-hint = Separadas por vírgulas.
console-department = Departamento
console-job-title = Cargo
console-shortcode = Código curto
console-shortcode-hint = Até 16 letras, dígitos, - ou _; único nesta organização.
console-language = Idioma
console-language-hint = Do convite e das páginas que a pessoa abrir.
console-organisation-default = Padrão da organização
console-products = Produtos
console-send-by = Enviar por
console-send-by-neither = Sem nenhum envio, você pode copiar o link, mostrar um código QR ou imprimi-lo.
console-sms-to = Os SMS vão para números de: { $countries }.
console-no-sms = Esta organização não envia SMS.
console-when = Quando
console-send-later = Enviar mais tarde
console-date-time = Data e hora
console-time-zone = Fuso horário
console-close = Fechar
console-send-invitation = Enviar convite
console-send-invitations = Enviar convites
console-contact-missing-field = Informe um e-mail ou um número de celular.
console-contact-missing = É preciso um e-mail ou um número de celular.
console-invite-scheduled = O convite de { $name } será enviado em { $time }.
console-invite-queued = Convite para { $name } na fila.
console-invite-sent = Convite enviado para { $name }.
console-invite-link-only = O convite de { $name } foi criado: copie o link, mostre o código QR ou imprima-o.
console-invite-existing-profile = { $name } já tem um perfil de outra organização: vai entrar com a senha atual.
console-already-member = Esta pessoa já tem um convite ou uma conta aqui.
console-address-blocked = { $error } Depois que o endereço for corrigido, desbloqueie-o em Endereços bloqueados e convide novamente.
console-add-columns = Adicione as colunas Department e Job title às linhas coladas (linhas com células entre aspas não podem recebê-las do formulário).
console-paste-one = Cole pelo menos um e-mail ou número de celular.
console-not-invited = sem convite
console-batch-row = Linha { $number }
console-batch-row-failed = ✗ { $row }: { $reason }
console-batch-row-invited = ✓ { $who }: convite com a função { $role }
console-batch-row-invited-existing = ✓ { $who }: convite com a função { $role } (já tem um perfil: entra com a senha atual)
# Quantas pessoas de uma lista colada foram convidadas: { $created } de { $count } (a categoria é a de { $count }).
console-batch-invited-zero = { $created } de { $count } pessoas convidadas.
console-batch-invited-one = { $created } de { $count } pessoa convidada.
console-batch-invited-two = { $created } de { $count } pessoas convidadas.
console-batch-invited-few = { $created } de { $count } pessoas convidadas.
console-batch-invited-many = { $created } de { $count } pessoas convidadas.
console-batch-invited-other = { $created } de { $count } pessoas convidadas.
console-batch-existing-zero = { $count } das pessoas convidadas já têm perfil em outra organização: vão entrar com a senha atual.
console-batch-existing-one = { $count } das pessoas convidadas já tem perfil em outra organização: vai entrar com a senha atual.
console-batch-existing-two = { $count } das pessoas convidadas já têm perfil em outra organização: vão entrar com a senha atual.
console-batch-existing-few = { $count } das pessoas convidadas já têm perfil em outra organização: vão entrar com a senha atual.
console-batch-existing-many = { $count } das pessoas convidadas já têm perfil em outra organização: vão entrar com a senha atual.
console-batch-existing-other = { $count } das pessoas convidadas já têm perfil em outra organização: vão entrar com a senha atual.
# A caixa de diálogo de edição.
console-edit-user = Editar usuário(a)
console-edit-title = Editar { $name }
console-edit-email-hint = Pode mudar até a pessoa aceitar; um novo e-mail ou celular invalida os links já enviados.
console-cancel = Cancelar
console-save-changes = Salvar alterações
console-updated = Os dados de { $name } foram atualizados.
console-updated-relinked = Os dados de { $name } foram atualizados. Os links já enviados deixam de funcionar: convide novamente para enviar um novo.
# A caixa de diálogo para convidar novamente (e "Enviar agora" um convite agendado).
console-reinvite-title = Convidar { $name } novamente
console-send-now-title = Enviar agora o convite de { $name }
console-reinvite-text = Um novo link substitui os anteriores, que deixam de funcionar na hora.
console-send-now-text = O convite sai agora, em vez de no horário agendado, com um novo link.
console-reinvite-none = Nenhuma mensagem será enviada: o novo link pode ser copiado, mostrado como código QR ou impresso a partir da linha.
console-renew-without-sending = Renovar o link sem enviar
console-reinvite-queued = Um novo convite para { $name } está na fila ({ $channels }); os links anteriores não funcionam mais.
console-reinvite-sent = Um novo convite foi enviado para { $name }; os links anteriores não funcionam mais.
console-renewed-link = { $name } tem um novo link; nenhuma mensagem é enviada. Copie o link, mostre o código QR ou imprima-o a partir da linha.
# Os detalhes.
console-details = Detalhes
console-invited-by = Convite de
console-invited-at = Data do convite
console-scheduled-for = Agendado para
console-link-expires = Expiração do link
console-joined = Data de entrada
console-deactivated-at = Data de desativação
console-last-sign-in = Último acesso
console-delivery-label = Entrega
console-no-message = Nenhuma mensagem enviada (só link)
console-profile = Perfil
console-profile-existing = Já tem um perfil de outra organização: entra com a senha atual
console-profile-new = Novo perfil no serviço
console-asked-renewal = Pediu um novo convite
# As configurações.
console-organisation-name = Nome da organização
console-ttl = Validade dos links de convite (horas)
console-renewal = Links expirados
console-renewal-approval = As pessoas convidadas podem pedir; a administração convida novamente
console-renewal-automatic = As pessoas convidadas recebem um novo link na hora
console-renewal-off = As pessoas convidadas não podem pedir
console-domains = Domínios de e-mail permitidos
console-domains-placeholder = Qualquer domínio (ou: example.com, example.org)
console-sms-countries = Países de SMS
console-sms-countries-placeholder = BR, PT
console-branding = Identidade visual dos e-mails e das páginas
console-sender-name = Nome do remetente
console-reply-to = Endereço de resposta
console-accent = Cor de destaque
console-accent-placeholder = #1a56db
console-logo = URL do logotipo (https)
console-logo-placeholder = https://
console-settings-products = Produtos: { $products } (definidos pelo seu provedor de serviço).
console-settings-products-none = nenhum
console-save-settings = Salvar configurações
console-settings-saved = Configurações salvas.
# O registro de auditoria e o histórico de uma pessoa.
console-action = Ação
console-any-action = Qualquer ação
console-from = De
console-until = Até
console-audit-when = Quando
console-audit-what = O quê
console-audit-by = Por
console-audit-member = Membro
console-audit-changes = Alterações
console-audit-system = Sistema
console-audit-empty = Nada registrado para esses filtros.
console-download-csv = Baixar CSV
console-older = Registros anteriores
console-history-title = Histórico de { $name }
console-history-empty = Nada registrado ainda.
console-audit-action-member-invited = Convite criado
console-audit-action-invitation-sent = Convite enviado
console-audit-action-invitation-failed = Falha no convite
console-audit-action-invitation-delivered = Convite entregue
console-audit-action-invitation-bounced = Convite devolvido
console-audit-action-invitation-complained = Marcado como spam
console-audit-action-invitation-link_minted = Link copiado ou impresso
console-audit-action-access_code-issued = Código de acesso fornecido
console-audit-action-member-reinvited = Novo convite
console-audit-action-member-cancelled = Convite cancelado
console-audit-action-member-deactivated = Desativação
console-audit-action-member-reactivated = Reativação
console-audit-action-member-updated = Edição
console-audit-action-member-accepted = Entrada na organização
console-audit-action-invitation-renewal_requested = Pedido de novo convite
console-audit-action-session-signed_in = Acesso
console-audit-action-session-sign_in_failed = Falha de acesso
console-audit-action-password-changed = Senha alterada
console-audit-action-settings-updated = Configurações alteradas
console-audit-action-members-exported = Membros exportados
console-audit-action-suppression-cleared = Endereço removido da lista de bloqueio
console-audit-action-tenant-created = Organização criada
console-audit-action-tenant-updated = Organização alterada pelo provedor
# Os endereços bloqueados (a lista de supressão).
console-blocked-lead = Endereços que foram devolvidos de forma definitiva ou que marcaram um convite como spam. Nada é enviado a eles, e convidá-los é recusado, até que você os desbloqueie (depois que o endereço for corrigido ou a pessoa pedir).
console-address = Endereço
console-why = Motivo
console-since = Desde
console-more = Mais
console-blocked-reason-bounce = Devolução
console-blocked-reason-complaint = Marcado como spam
console-clear = Desbloquear
console-clear-address = Desbloquear { $address }
console-clear-confirm = Desbloquear { $address }? Os convites voltarão a ser enviados para ele.
console-cleared = { $address } não está mais bloqueado.
console-blocked-empty = Nenhum endereço está bloqueado.
