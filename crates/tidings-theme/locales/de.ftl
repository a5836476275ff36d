# Leserseiten auf Deutsch, mit Bloggers eigenen Worten, wo es welche gibt.

## Rund um jede Seite

skip-link = Zum Hauptinhalt springen
blog-navigation = Blog-Navigation
search-heading = Dieses Blog durchsuchen
search-label = Suchen
search-button = Suchen
pages-heading = Seiten
labels-heading = Labels
archive-heading = Blog-Archiv
archive-all-of-year = Ganz { $year }
subscribe-heading = Abonnieren
subscribe-posts = Posts (Atom)
subscribe-comments = Kommentare (Atom)
powered-by = Betrieben mit Tidings.
more-posts = Weitere Posts
home = Startseite

## Ein Post

posted-by = Eingestellt von { $author } um { $time }
labels-prefix = Labels:
read-more = Weiterlesen »
pinned-post = Angehefteter Post
comment-count =
    { $count ->
        [0] Keine Kommentare
        [one] { $count } Kommentar
       *[other] { $count } Kommentare
    }
comments-heading =
    { $count ->
        [0] Keine Kommentare:
        [one] { $count } Kommentar:
       *[other] { $count } Kommentare:
    }
newer-post = Neuerer Post
older-post = Älterer Post

## Das Kommentarformular

reply = Antworten
comment-by-author = Autor
comment-form-heading = Kommentar veröffentlichen
comment-held = Danke! Ihr Kommentar wartet auf Freigabe und erscheint, sobald der Autor des Blogs ihn freigibt.
replying-to = Antwort an { $author }.
cancel-reply = Antwort abbrechen
honeypot-label = Dieses Feld bitte leer lassen
commenting-as = Sie kommentieren als { $name }.
field-name = Name
name-placeholder = Anonym
field-email = E-Mail
email-hint = (freiwillig, wird nie angezeigt)
field-website = Website
optional-hint = (freiwillig)
field-comment = Kommentar
publish = Veröffentlichen
comments-closed = Kommentare sind in diesem Blog geschlossen.
comments-members-only = Nur angemeldete Mitglieder dieses Blogs können kommentieren.
comments-closed-post = Kommentare sind geschlossen.
post-protected = Dieser Post ist durch ein Passwort geschützt. Gib es ein, um ihn zu lesen.
preview-banner = Vorschau: Leser sehen diesen Post noch nicht. Nur angemeldete Mitglieder des Blogs können diese Seite öffnen.
post-password-label = Passwort
post-password-submit = Öffnen
post-password-wrong = Dieses Passwort stimmt nicht. Bitte versuche es noch einmal.
comment-error-name = Bitte prüfen Sie Ihren Namen: Er ist zu lang oder enthält Zeichen, die nicht gespeichert werden können.
comment-error-email = Bitte geben Sie eine gültige E-Mail-Adresse ein oder lassen Sie das Feld leer.
comment-error-url = Bitte geben Sie eine Adresse ein, die mit http:// oder https:// beginnt, oder lassen Sie das Feld leer.
comment-error-body = Bitte schreiben Sie einen Kommentar (höchstens 4.096 Zeichen).
comment-error-parent = Der Kommentar, auf den Sie antworten, ist nicht mehr da; Ihr Kommentar wird für sich veröffentlicht.
comment-error = Ihr Kommentar konnte nicht veröffentlicht werden; bitte prüfen Sie das Formular.

## Listen von Posts

newer-posts = Neuere Posts
older-posts = Ältere Posts
show-all-posts = Alle Posts anzeigen
no-posts-yet = Hier gibt es noch keine Posts.
label-heading = Es werden Posts mit dem Label { $label } angezeigt
label-empty = Kein Post hat das Label { $label }.
year-heading = Posts aus { $year }
year-empty = Aus { $year } gibt es keine Posts.
month-heading = Posts aus { $month } { $year }
month-empty = Aus { $month } { $year } gibt es keine Posts.

## Suche

search-title = Suche: { $query }
search-results = Suchergebnisse für „{ $query }“
search-none = Kein Post passt zu „{ $query }“.
search-prompt = Geben Sie Wörter ein, um dieses Blog zu durchsuchen.

## Fehlerseiten

error-not-found = Unter dieser Adresse gibt es keine Seite
error-not-found-message = Die gesuchte Seite gibt es in diesem Blog leider nicht.
not-found-search = Durchsuchen Sie dieses Blog nach dem, was Sie gesucht haben:
error-slow-down = Langsamer, bitte
error-slow-down-message = Von Ihrer Adresse kamen zu viele Anfragen. Bitte warten Sie kurz und versuchen Sie es erneut.
error-forbidden = Nicht erlaubt
error-forbidden-message = Das dürfen Sie in diesem Blog nicht.
error-gone = Gelöscht
error-gone-message = Dieser Post wurde gelöscht.
error-server = Etwas ist schiefgelaufen
error-server-message = Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es gleich noch einmal.
error-other = Das hat nicht geklappt
error-other-message = Diese Anfrage konnte nicht bearbeitet werden. Bitte gehen Sie zurück und versuchen Sie es erneut.
go-home = Zur Startseite

## Feeds

feed-comments-title = { $blog } - Kommentare
feed-post-comments-title = Kommentare zu { $blog }: { $post }

## Was Leser per E-Mail erhalten möchten

follow-heading = Per E-Mail folgen
follow-email-label = E-Mail-Adresse
follow-email-placeholder = E-Mail-Adresse...
follow-submit = Senden
follow-about = Neue Posts dieses Blogs per E-Mail, sobald sie veröffentlicht werden.
follow-asked-heading = Sehen Sie in Ihrem Posteingang nach
follow-asked = Falls diese Adresse dem Blog noch nicht folgt, ist eine E-Mail mit einem Bestätigungslink unterwegs. Posts werden verschickt, sobald Sie bestätigen.
follow-error-email = Bitte geben Sie eine gültige E-Mail-Adresse ein.
follow-confirm-about = Neue Posts dieses Blogs an { $email } senden?
follow-confirmed-heading = Abonniert
follow-confirmed = Bestätigt: Neue Posts werden an { $email } gesendet. Jede E-Mail enthält einen Link zum Abbestellen.
unsubscribe-heading = Abbestellen
unsubscribe-about = Keine neuen Posts dieses Blogs mehr an { $email } senden?
unsubscribed-heading = Abbestellt
unsubscribed = Abbestellt: Es werden keine Posts mehr an { $email } gesendet.
notify-replies = Bei Antworten benachrichtigen
notify-replies-hint = (per E-Mail; wir bitten Sie zuerst um Bestätigung)
replies-about = Antworten auf Ihren Kommentar zu „{ $post }“, gesendet an { $email }.
replies-confirmed-heading = Bestätigt
replies-confirmed = Bestätigt: Jede Antwort auf Ihren Kommentar zu „{ $post }“ wird Ihnen per E-Mail gesendet. Jede E-Mail enthält einen Link zum Abbestellen.
replies-stop-heading = Keine E-Mails zu Antworten mehr
replies-stopped = Abbestellt: Antworten auf Ihren Kommentar zu „{ $post }“ werden nicht mehr per E-Mail gesendet.
button-confirm = Bestätigen
button-unsubscribe = Abbestellen
back-to-blog = Zurück zu { $blog }

## Mail: the words of every mail readers and owners get

mail-days =
    { $days ->
        [one] einen Tag
       *[other] { $days } Tage
    }
mail-not-asked = Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Sie erhalten nichts weiter.
mail-confirm-link = Zum Bestätigen öffnen Sie diesen Link (er gilt { $duration } lang):
mail-held-subject = { $name } hat „{ $post }“ kommentiert (wartet auf Freigabe)
mail-held-intro = { $name } hat „{ $post }“ ({ $url }) kommentiert, und der Kommentar wartet auf Freigabe.
mail-held-why = Warum er zurückgehalten wurde: { $reasons }
mail-held-by-setting = der Blog gibt Kommentare erst nach Prüfung frei
mail-held-approve = Freigeben: { $link }
mail-held-spam = Als Spam markieren: { $link }
mail-held-links = Jeder Link öffnet eine Seite mit einer Schaltfläche und gilt { $duration } lang.
mail-held-waiting = Alle Kommentare, die auf Freigabe warten: { $link }
mail-review-subject = { $name } hat „{ $post }“ zur Prüfung eingereicht
mail-review-intro = { $name } bittet dich, „{ $post }“ vor der Veröffentlichung zu prüfen.
mail-review-edit = Im Editor öffnen: { $link }
mail-review-waiting = Alle Posts, die auf Prüfung warten: { $link }
mail-reset-subject = Ein neues Passwort für { $blog }
mail-reset-intro = Jemand hat ein neues Passwort für { $email } auf { $blog } angefordert.
mail-reset-link = Um ein neues Passwort zu wählen, öffnen Sie diesen Link innerhalb einer Stunde; er funktioniert einmal:
mail-reset-signs-out = Ein neues Passwort meldet dieses Konto überall ab.
mail-reset-not-asked = Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Ihr Passwort bleibt, wie es ist.
mail-replies-subject = Bestätigen: Antworten auf Ihren Kommentar zu „{ $post }“
mail-replies-intro = Sie haben { $blog } gebeten, Ihnen Antworten auf Ihren Kommentar zu „{ $post }“ ({ $url }) zu senden.
mail-reply-subject = { $name } hat auf Ihren Kommentar zu „{ $post }“ geantwortet
mail-reply-intro = { $name } hat auf Ihren Kommentar zu „{ $post }“ geantwortet:
mail-reply-read = Im Blog lesen: { $link }
mail-reply-stop = Keine Antworten auf Ihren Kommentar mehr senden: { $link }
mail-follow-subject = Bestätigen: { $blog } per E-Mail folgen
mail-follow-intro = Jemand, hoffentlich Sie, hat gebeten, neue Posts von { $blog } ({ $url }) an { $email } zu senden.
mail-post-read = Im Blog lesen: { $link }
mail-post-following = Sie folgen { $blog } per E-Mail.
mail-post-unsubscribe = Abbestellen
mail-post-leave = Abbestellen: { $link }

## The static render (`tidings render`)

static-comments-closed = Dies ist eine statische Kopie des Blogs: Kommentare sind hier geschlossen.
