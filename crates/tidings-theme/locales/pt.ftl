# Páginas para leitores em português, com as palavras do Blogger onde houver.

## Em volta de cada página

skip-link = Pular para o conteúdo principal
blog-navigation = Navegação do blog
search-heading = Pesquisar este blog
search-label = Pesquisar
search-button = Pesquisar
pages-heading = Páginas
labels-heading = Marcadores
archive-heading = Arquivo do blog
archive-all-of-year = Todo o ano de { $year }
subscribe-heading = Assinar
subscribe-posts = Postagens (Atom)
subscribe-comments = Comentários (Atom)
powered-by = Desenvolvido com Tidings.
more-posts = Mais postagens
home = Página inicial

## Uma postagem

posted-by = Postado por { $author } às { $time }
labels-prefix = Marcadores:
read-more = Leia mais »
pinned-post = Postagem fixada
comment-count =
    { $count ->
        [0] Nenhum comentário
        [one] { $count } comentário
       *[other] { $count } comentários
    }
comments-heading =
    { $count ->
        [0] Nenhum comentário:
        [one] { $count } comentário:
       *[other] { $count } comentários:
    }
newer-post = Postagem mais recente
older-post = Postagem mais antiga

## O formulário de comentário

reply = Responder
comment-by-author = Autor
comment-form-heading = Postar um comentário
comment-held = Obrigado! Seu comentário aguarda moderação e aparecerá assim que o autor do blog o aprovar.
replying-to = Respondendo a { $author }.
cancel-reply = Cancelar resposta
honeypot-label = Deixe este campo vazio
commenting-as = Comentando como { $name }.
field-name = Nome
name-placeholder = Anônimo
field-email = E-mail
email-hint = (opcional, nunca exibido)
field-website = Site
optional-hint = (opcional)
field-comment = Comentário
publish = Publicar
comments-closed = Os comentários estão fechados neste blog.
comments-members-only = Somente membros deste blog que entraram na conta podem comentar.
comments-closed-post = Os comentários estão fechados.
post-protected = Esta postagem está protegida por senha. Digite-a para ler a postagem.
preview-banner = Pré-visualização: os leitores ainda não veem esta postagem. Só as pessoas do blog com sessão iniciada podem abrir esta página.
post-password-label = Senha
post-password-submit = Abrir
post-password-wrong = Essa senha não está correta. Tente novamente.
comment-error-name = Confira seu nome: ele é longo demais ou tem caracteres que não podem ser guardados.
comment-error-email = Digite um endereço de e-mail válido ou deixe o campo vazio.
comment-error-url = Digite um endereço que comece com http:// ou https:// ou deixe o campo vazio.
comment-error-body = Escreva um comentário (no máximo 4.096 caracteres).
comment-error-parent = O comentário que você respondia não está mais aqui; o seu será publicado separadamente.
comment-error = Não foi possível publicar seu comentário; confira o formulário.

## Listas de postagens

newer-posts = Postagens mais recentes
older-posts = Postagens mais antigas
show-all-posts = Mostrar todas as postagens
no-posts-yet = Ainda não há postagens aqui.
label-heading = Mostrando postagens com o marcador { $label }
label-empty = Nenhuma postagem tem o marcador { $label }.
year-heading = Postagens de { $year }
year-empty = Não há postagens de { $year }.
month-heading = Postagens de { $month } de { $year }
month-empty = Não há postagens de { $month } de { $year }.

## Pesquisa

search-title = Pesquisa: { $query }
search-results = Resultados da pesquisa por “{ $query }”
search-none = Nenhuma postagem corresponde a “{ $query }”.
search-prompt = Digite algumas palavras para pesquisar neste blog.

## Páginas de erro

error-not-found = Não há nenhuma página neste endereço
error-not-found-message = Desculpe, a página que você procurava neste blog não existe.
not-found-search = Pesquise neste blog o que você procurava:
error-slow-down = Mais devagar
error-slow-down-message = Chegaram pedidos demais do seu endereço. Aguarde um pouco e tente de novo.
error-forbidden = Não permitido
error-forbidden-message = Você não tem permissão para fazer isso neste blog.
error-gone = Excluída
error-gone-message = Esta postagem foi excluída.
error-server = Algo deu errado
error-server-message = Algo deu errado do nosso lado. Tente de novo daqui a pouco.
error-other = Não funcionou
error-other-message = Não foi possível atender a este pedido. Volte e tente de novo.
go-home = Ir para a página inicial

## Feeds

feed-comments-title = { $blog } - Comentários
feed-post-comments-title = Comentários sobre { $blog }: { $post }

## O e-mail que os leitores pedem

follow-heading = Seguir por e-mail
follow-email-label = Endereço de e-mail
follow-email-placeholder = Endereço de e-mail...
follow-submit = Enviar
follow-about = As novas postagens deste blog, enviadas para você assim que forem publicadas.
follow-asked-heading = Confira sua caixa de entrada
follow-asked = Se este endereço ainda não segue o blog, um e-mail com um link de confirmação está a caminho. As postagens serão enviadas assim que você confirmar.
follow-error-email = Digite um endereço de e-mail válido.
follow-confirm-about = Enviar as novas postagens deste blog para { $email }?
follow-confirmed-heading = Inscrição confirmada
follow-confirmed = Confirmado: as novas postagens serão enviadas para { $email }. Cada e-mail tem um link para cancelar.
unsubscribe-heading = Cancelar inscrição
unsubscribe-about = Parar de enviar as novas postagens deste blog para { $email }?
unsubscribed-heading = Inscrição cancelada
unsubscribed = Inscrição cancelada: nenhuma outra postagem será enviada para { $email }.
notify-replies = Notifique-me sobre respostas
notify-replies-hint = (por e-mail; antes pedimos que você confirme)
replies-about = Respostas ao seu comentário em “{ $post }”, enviadas para { $email }.
replies-confirmed-heading = Confirmado
replies-confirmed = Confirmado: cada resposta ao seu comentário em “{ $post }” será enviada a você por e-mail. Cada e-mail tem um link para cancelar.
replies-stop-heading = Parar de receber respostas por e-mail
replies-stopped = Inscrição cancelada: nenhuma outra resposta ao seu comentário em “{ $post }” será enviada.
button-confirm = Confirmar
button-unsubscribe = Cancelar inscrição
back-to-blog = Voltar para { $blog }

## Mail: the words of every mail readers and owners get

mail-days =
    { $days ->
        [one] um dia
       *[other] { $days } dias
    }
mail-not-asked = Se você não pediu, ignore este e-mail: nada mais será enviado.
mail-confirm-link = Para confirmar, abra este link (ele vale por { $duration }):
mail-held-subject = { $name } comentou em “{ $post }” (aguardando aprovação)
mail-held-intro = { $name } comentou em “{ $post }” ({ $url }), e o comentário aguarda aprovação.
mail-held-why = Por que foi retido: { $reasons }
mail-held-by-setting = o blog retém os comentários para aprovação
mail-held-approve = Aprovar: { $link }
mail-held-spam = Marcar como spam: { $link }
mail-held-links = Cada link abre uma página com um só botão e vale por { $duration }.
mail-held-waiting = Todos os comentários aguardando aprovação: { $link }
mail-review-subject = { $name } enviou “{ $post }” para revisão
mail-review-intro = { $name } pede que você revise “{ $post }” antes de ser publicada.
mail-review-edit = Abra no editor: { $link }
mail-review-waiting = Todas as postagens aguardando revisão: { $link }
mail-reset-subject = Uma nova senha para { $blog }
mail-reset-intro = Alguém pediu uma nova senha para { $email } em { $blog }.
mail-reset-link = Para escolher uma nova senha, abra este link dentro de uma hora; ele funciona uma vez:
mail-reset-signs-out = Uma nova senha desconecta esta conta em todos os lugares.
mail-reset-not-asked = Se você não pediu, ignore este e-mail: sua senha continua a mesma.
mail-replies-subject = Confirme: respostas ao seu comentário em “{ $post }”
mail-replies-intro = Você pediu a { $blog } que enviasse as respostas ao seu comentário em “{ $post }” ({ $url }).
mail-reply-subject = { $name } respondeu ao seu comentário em “{ $post }”
mail-reply-intro = { $name } respondeu ao seu comentário em “{ $post }”:
mail-reply-read = Leia no blog: { $link }
mail-reply-stop = Parar de receber respostas ao seu comentário: { $link }
mail-follow-subject = Confirme: seguir { $blog } por e-mail
mail-follow-intro = Alguém, esperamos que você, pediu que as novas postagens de { $blog } ({ $url }) fossem enviadas para { $email }.
mail-post-read = Leia no blog: { $link }
mail-post-following = Você segue { $blog } por e-mail.
mail-post-unsubscribe = Cancelar inscrição
mail-post-leave = Cancelar inscrição: { $link }

## The static render (`tidings render`)

static-comments-closed = Esta é uma cópia estática do blog: os comentários estão fechados aqui.
