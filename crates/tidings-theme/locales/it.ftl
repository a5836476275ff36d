# Pagine per i lettori in italiano, con le parole di Blogger dove ci sono.

## Intorno a ogni pagina

skip-link = Vai al contenuto principale
blog-navigation = Navigazione del blog
search-heading = Cerca nel blog
search-label = Cerca
search-button = Cerca
pages-heading = Pagine
labels-heading = Etichette
archive-heading = Archivio blog
archive-all-of-year = Tutto il { $year }
subscribe-heading = Iscriviti a
subscribe-posts = Post (Atom)
subscribe-comments = Commenti (Atom)
powered-by = Realizzato con Tidings.
more-posts = Altri post
home = Pagina iniziale

## Un post

posted-by = Pubblicato da { $author } alle { $time }
labels-prefix = Etichette:
read-more = Continua a leggere »
pinned-post = Post in evidenza
comment-count =
    { $count ->
        [0] Nessun commento
        [one] { $count } commento
       *[other] { $count } commenti
    }
comments-heading =
    { $count ->
        [0] Nessun commento:
        [one] { $count } commento:
       *[other] { $count } commenti:
    }
newer-post = Post più recente
older-post = Post più vecchio

## Il modulo dei commenti

reply = Rispondi
comment-by-author = Autore
comment-form-heading = Posta un commento
comment-held = Grazie! Il tuo commento è in attesa di moderazione e apparirà quando l'autore del blog lo avrà approvato.
replying-to = Risposta a { $author }.
cancel-reply = Annulla risposta
honeypot-label = Lascia vuoto questo campo
commenting-as = Stai commentando come { $name }.
field-name = Nome
name-placeholder = Anonimo
field-email = Email
email-hint = (facoltativa, mai mostrata)
field-website = Sito web
optional-hint = (facoltativo)
field-comment = Commento
publish = Pubblica
comments-closed = I commenti sono chiusi su questo blog.
comments-members-only = Solo i membri di questo blog che hanno effettuato l'accesso possono commentare.
comments-closed-post = I commenti sono chiusi.
post-protected = Questo post è protetto da una password. Inseriscila per leggere il post.
preview-banner = Anteprima: i lettori non vedono ancora questo post. Solo le persone del blog che hanno effettuato l’accesso possono aprire questa pagina.
post-password-label = Password
post-password-submit = Apri
post-password-wrong = La password non è corretta. Riprova.
comment-error-name = Controlla il nome: è troppo lungo o contiene caratteri che non si possono salvare.
comment-error-email = Inserisci un indirizzo email valido oppure lascia vuoto il campo.
comment-error-url = Inserisci un indirizzo che inizi con http:// o https:// oppure lascia vuoto il campo.
comment-error-body = Scrivi un commento (al massimo 4096 caratteri).
comment-error-parent = Il commento a cui rispondevi non c'è più; il tuo verrà pubblicato da solo.
comment-error = Non è stato possibile pubblicare il commento; controlla il modulo.

## Elenchi di post

newer-posts = Post più recenti
older-posts = Post più vecchi
show-all-posts = Mostra tutti i post
no-posts-yet = Qui non ci sono ancora post.
label-heading = Visualizzazione dei post con etichetta { $label }
label-empty = Nessun post ha l'etichetta { $label }.
year-heading = Post del { $year }
year-empty = Non ci sono post del { $year }.
month-heading = Post di { $month } { $year }
month-empty = Non ci sono post di { $month } { $year }.

## Ricerca

search-title = Ricerca: { $query }
search-results = Risultati della ricerca per «{ $query }»
search-none = Nessun post corrisponde a «{ $query }».
search-prompt = Scrivi qualche parola per cercare in questo blog.

## Pagine di errore

error-not-found = Non c'è nessuna pagina a questo indirizzo
error-not-found-message = Spiacenti, la pagina che cercavi in questo blog non esiste.
not-found-search = Cerca in questo blog quello che stavi cercando:
error-slow-down = Più piano
error-slow-down-message = Dal tuo indirizzo sono arrivate troppe richieste. Attendi un momento e riprova.
error-forbidden = Non consentito
error-forbidden-message = Non puoi farlo su questo blog.
error-gone = Eliminato
error-gone-message = Questo post è stato eliminato.
error-server = Si è verificato un problema
error-server-message = Si è verificato un problema da parte nostra. Riprova tra poco.
error-other = Non ha funzionato
error-other-message = Non è stato possibile gestire questa richiesta. Torna indietro e riprova.
go-home = Vai alla pagina iniziale

## Feed

feed-comments-title = { $blog } - Commenti
feed-post-comments-title = Commenti su { $blog }: { $post }

## La posta che chiedono i lettori

follow-heading = Segui via email
follow-email-label = Indirizzo email
follow-email-placeholder = Indirizzo email...
follow-submit = Invia
follow-about = I nuovi post di questo blog, inviati per email appena vengono pubblicati.
follow-asked-heading = Controlla la tua casella di posta
follow-asked = Se questo indirizzo non segue ancora il blog, è in arrivo un'email con un link per confermare. I post ti verranno inviati non appena avrai confermato.
follow-error-email = Inserisci un indirizzo email valido.
follow-confirm-about = Inviare i nuovi post di questo blog a { $email }?
follow-confirmed-heading = Iscrizione confermata
follow-confirmed = Confermato: i nuovi post verranno inviati a { $email }. Ogni email contiene un link per annullare l'iscrizione.
unsubscribe-heading = Annulla iscrizione
unsubscribe-about = Non inviare più i nuovi post di questo blog a { $email }?
unsubscribed-heading = Iscrizione annullata
unsubscribed = Iscrizione annullata: nessun altro post verrà inviato a { $email }.
notify-replies = Avvisami delle risposte
notify-replies-hint = (via email; prima ti chiediamo di confermare)
replies-about = Le risposte al tuo commento su «{ $post }», inviate a { $email }.
replies-confirmed-heading = Confermato
replies-confirmed = Confermato: ogni risposta al tuo commento su «{ $post }» ti verrà inviata per email. Ogni email contiene un link per annullare l'iscrizione.
replies-stop-heading = Non ricevere più email sulle risposte
replies-stopped = Iscrizione annullata: non riceverai più email sulle risposte al tuo commento su «{ $post }».
button-confirm = Conferma
button-unsubscribe = Annulla iscrizione
back-to-blog = Torna a { $blog }

## Mail: the words of every mail readers and owners get

mail-days =
    { $days ->
        [one] un giorno
       *[other] { $days } giorni
    }
mail-not-asked = Se non l’hai chiesto tu, ignora questa email: non riceverai altro.
mail-confirm-link = Per confermare, apri questo link (vale per { $duration }):
mail-held-subject = { $name } ha commentato «{ $post }» (in attesa di approvazione)
mail-held-intro = { $name } ha commentato «{ $post }» ({ $url }) e il commento attende l’approvazione.
mail-held-why = Perché è stato trattenuto: { $reasons }
mail-held-by-setting = il blog trattiene i commenti per l’approvazione
mail-held-approve = Approvalo: { $link }
mail-held-spam = Segnalo come spam: { $link }
mail-held-links = Ogni link apre una pagina con un solo pulsante e vale per { $duration }.
mail-held-waiting = Tutti i commenti in attesa di approvazione: { $link }
mail-review-subject = { $name } ha inviato «{ $post }» per la revisione
mail-review-intro = { $name } ti chiede di rivedere «{ $post }» prima che venga pubblicato.
mail-review-edit = Aprilo nell’editor: { $link }
mail-review-waiting = Tutti i post in attesa di revisione: { $link }
mail-reset-subject = Una nuova password per { $blog }
mail-reset-intro = Qualcuno ha chiesto una nuova password per { $email } su { $blog }.
mail-reset-link = Per scegliere una nuova password, apri questo link entro un’ora; funziona una sola volta:
mail-reset-signs-out = Una nuova password disconnette questo account ovunque.
mail-reset-not-asked = Se non l’hai chiesto tu, ignora questa email: la tua password resta la stessa.
mail-replies-subject = Conferma: risposte al tuo commento su «{ $post }»
mail-replies-intro = Hai chiesto a { $blog } di inviarti le risposte al tuo commento su «{ $post }» ({ $url }).
mail-reply-subject = { $name } ha risposto al tuo commento su «{ $post }»
mail-reply-intro = { $name } ha risposto al tuo commento su «{ $post }»:
mail-reply-read = Leggila sul blog: { $link }
mail-reply-stop = Non ricevere più le risposte al tuo commento: { $link }
mail-follow-subject = Conferma: segui { $blog } via email
mail-follow-intro = Qualcuno, speriamo tu, ha chiesto che i nuovi post di { $blog } ({ $url }) siano inviati a { $email }.
mail-post-read = Leggilo sul blog: { $link }
mail-post-following = Segui { $blog } via email.
mail-post-unsubscribe = Annulla l’iscrizione
mail-post-leave = Annulla l’iscrizione: { $link }

## The static render (`tidings render`)

static-comments-closed = Questa è una copia statica del blog: qui i commenti sono chiusi.
