# Páginas para lectores en español, con las palabras de Blogger donde las hay.

## Alrededor de cada página

skip-link = Ir al contenido principal
blog-navigation = Navegación del blog
search-heading = Buscar este blog
search-label = Buscar
search-button = Buscar
pages-heading = Páginas
labels-heading = Etiquetas
archive-heading = Archivo del blog
archive-all-of-year = Todo { $year }
subscribe-heading = Suscribirse a
subscribe-posts = Entradas (Atom)
subscribe-comments = Comentarios (Atom)
powered-by = Con la tecnología de Tidings.
more-posts = Más entradas
home = Inicio

## Una entrada

posted-by = Publicado por { $author } a las { $time }
labels-prefix = Etiquetas:
read-more = Leer más »
pinned-post = Entrada fijada
comment-count =
    { $count ->
        [0] No hay comentarios
        [one] { $count } comentario
       *[other] { $count } comentarios
    }
comments-heading =
    { $count ->
        [0] No hay comentarios:
        [one] { $count } comentario:
       *[other] { $count } comentarios:
    }
newer-post = Entrada más reciente
older-post = Entrada antigua

## El formulario de comentarios

reply = Responder
comment-by-author = Autor
comment-form-heading = Publicar un comentario
comment-held = ¡Gracias! Tu comentario está pendiente de moderación y aparecerá cuando el autor del blog lo apruebe.
replying-to = Respondiendo a { $author }.
cancel-reply = Cancelar respuesta
honeypot-label = Deja este campo vacío
commenting-as = Comentas como { $name }.
field-name = Nombre
name-placeholder = Anónimo
field-email = Correo electrónico
email-hint = (opcional, nunca se muestra)
field-website = Sitio web
optional-hint = (opcional)
field-comment = Comentario
publish = Publicar
comments-closed = Los comentarios están cerrados en este blog.
comments-members-only = Solo los miembros de este blog con sesión iniciada pueden comentar.
comments-closed-post = Los comentarios están cerrados.
post-protected = Esta entrada está protegida con una contraseña. Escríbela para leer la entrada.
preview-banner = Vista previa: los lectores aún no ven esta entrada. Solo las personas del blog que han iniciado sesión pueden abrir esta página.
post-password-label = Contraseña
post-password-submit = Abrir
post-password-wrong = Esa contraseña no es correcta. Inténtalo de nuevo.
comment-error-name = Revisa tu nombre: es demasiado largo o tiene caracteres que no se pueden guardar.
comment-error-email = Escribe una dirección de correo válida o deja el campo vacío.
comment-error-url = Escribe una dirección que empiece por http:// o https://, o deja el campo vacío.
comment-error-body = Escribe un comentario (4096 caracteres como máximo).
comment-error-parent = El comentario al que respondías ya no está; el tuyo se publicará por separado.
comment-error = No se pudo publicar tu comentario; revisa el formulario.

## Listas de entradas

newer-posts = Entradas más recientes
older-posts = Entradas antiguas
show-all-posts = Mostrar todas las entradas
no-posts-yet = Todavía no hay entradas aquí.
label-heading = Mostrando entradas con la etiqueta { $label }
label-empty = Ninguna entrada tiene la etiqueta { $label }.
year-heading = Entradas de { $year }
year-empty = No hay entradas de { $year }.
month-heading = Entradas de { $month } de { $year }
month-empty = No hay entradas de { $month } de { $year }.

## Búsqueda

search-title = Búsqueda: { $query }
search-results = Resultados de la búsqueda de «{ $query }»
search-none = Ninguna entrada coincide con «{ $query }».
search-prompt = Escribe algunas palabras para buscar en este blog.

## Páginas de error

error-not-found = No hay ninguna página en esta dirección
error-not-found-message = Lo sentimos, la página que buscabas en este blog no existe.
not-found-search = Busca en este blog lo que estabas buscando:
error-slow-down = Más despacio
error-slow-down-message = Han llegado demasiadas solicitudes desde tu dirección. Espera un poco y vuelve a intentarlo.
error-forbidden = No permitido
error-forbidden-message = No puedes hacer eso en este blog.
error-gone = Eliminada
error-gone-message = Esta entrada se eliminó.
error-server = Algo ha fallado
error-server-message = Algo ha fallado por nuestra parte. Vuelve a intentarlo en un momento.
error-other = No ha funcionado
error-other-message = No se pudo atender esta solicitud. Vuelve atrás e inténtalo de nuevo.
go-home = Ir a la página principal

## Feeds

feed-comments-title = { $blog } - Comentarios
feed-post-comments-title = Comentarios sobre { $blog }: { $post }

## El correo que piden los lectores

follow-heading = Seguir por correo electrónico
follow-email-label = Dirección de correo electrónico
follow-email-placeholder = Dirección de correo electrónico...
follow-submit = Enviar
follow-about = Las nuevas entradas de este blog, en tu correo en cuanto se publiquen.
follow-asked-heading = Revisa tu bandeja de entrada
follow-asked = Si esta dirección aún no sigue el blog, va de camino un correo con un enlace para confirmar. Recibirás las entradas en cuanto confirmes.
follow-error-email = Escribe una dirección de correo válida.
follow-confirm-about = ¿Enviar las nuevas entradas de este blog a { $email }?
follow-confirmed-heading = Suscripción confirmada
follow-confirmed = Confirmado: las nuevas entradas se enviarán a { $email }. Cada correo incluye un enlace para dejar de recibirlas.
unsubscribe-heading = Cancelar suscripción
unsubscribe-about = ¿Dejar de enviar las nuevas entradas de este blog a { $email }?
unsubscribed-heading = Suscripción cancelada
unsubscribed = Suscripción cancelada: no se enviarán más entradas a { $email }.
notify-replies = Notificarme las respuestas
notify-replies-hint = (por correo; antes te pediremos que lo confirmes)
replies-about = Respuestas a tu comentario en «{ $post }», enviadas a { $email }.
replies-confirmed-heading = Confirmado
replies-confirmed = Confirmado: recibirás por correo cada respuesta a tu comentario en «{ $post }». Cada correo incluye un enlace para dejar de recibirlas.
replies-stop-heading = Dejar de recibir respuestas por correo
replies-stopped = Suscripción cancelada: no recibirás más respuestas a tu comentario en «{ $post }».
button-confirm = Confirmar
button-unsubscribe = Cancelar suscripción
back-to-blog = Volver a { $blog }

## Mail: the words of every mail readers and owners get

mail-days =
    { $days ->
        [one] un día
       *[other] { $days } días
    }
mail-not-asked = Si no lo pediste, ignora este correo: no se te enviará nada más.
mail-confirm-link = Para confirmar, abre este enlace (vale durante { $duration }):
mail-held-subject = { $name } comentó en «{ $post }» (pendiente de aprobación)
mail-held-intro = { $name } comentó en «{ $post }» ({ $url }), y el comentario espera aprobación.
mail-held-why = Por qué se retuvo: { $reasons }
mail-held-by-setting = el blog retiene los comentarios para aprobarlos
mail-held-approve = Aprobarlo: { $link }
mail-held-spam = Marcarlo como spam: { $link }
mail-held-links = Cada enlace abre una página con un solo botón y vale durante { $duration }.
mail-held-waiting = Todos los comentarios pendientes de aprobación: { $link }
mail-review-subject = { $name } envió «{ $post }» para revisión
mail-review-intro = { $name } te pide que revises «{ $post }» antes de publicarla.
mail-review-edit = Ábrela en el editor: { $link }
mail-review-waiting = Todas las entradas pendientes de revisión: { $link }
mail-reset-subject = Una nueva contraseña para { $blog }
mail-reset-intro = Alguien pidió una nueva contraseña para { $email } en { $blog }.
mail-reset-link = Para elegir una nueva contraseña, abre este enlace antes de una hora; sirve una sola vez:
mail-reset-signs-out = Una nueva contraseña cierra la sesión de esta cuenta en todas partes.
mail-reset-not-asked = Si no lo pediste, ignora este correo: tu contraseña no cambia.
mail-replies-subject = Confirma: respuestas a tu comentario en «{ $post }»
mail-replies-intro = Pediste a { $blog } que te envíe las respuestas a tu comentario en «{ $post }» ({ $url }).
mail-reply-subject = { $name } respondió a tu comentario en «{ $post }»
mail-reply-intro = { $name } respondió a tu comentario en «{ $post }»:
mail-reply-read = Léela en el blog: { $link }
mail-reply-stop = Dejar de recibir respuestas a tu comentario: { $link }
mail-follow-subject = Confirma: seguir { $blog } por correo electrónico
mail-follow-intro = Alguien, esperamos que tú, pidió que las nuevas entradas de { $blog } ({ $url }) se envíen a { $email }.
mail-post-read = Léela en el blog: { $link }
mail-post-following = Sigues { $blog } por correo electrónico.
mail-post-unsubscribe = Cancelar la suscripción
mail-post-leave = Cancelar la suscripción: { $link }

## The static render (`tidings render`)

static-comments-closed = Esta es una copia estática del blog: aquí los comentarios están cerrados.
