# Läsarsidor på svenska, med Bloggers egna ord där sådana finns.

## Runt varje sida

skip-link = Hoppa till huvudinnehållet
blog-navigation = Bloggnavigering
search-heading = Sök i den här bloggen
search-label = Sök
search-button = Sök
pages-heading = Sidor
labels-heading = Etiketter
archive-heading = Bloggarkiv
archive-all-of-year = Hela { $year }
subscribe-heading = Prenumerera på
subscribe-posts = Inlägg (Atom)
subscribe-comments = Kommentarer (Atom)
powered-by = Drivs med Tidings.
more-posts = Fler inlägg
home = Startsida

## Ett inlägg

posted-by = Upplagd av { $author } kl. { $time }
labels-prefix = Etiketter:
read-more = Läs mer »
pinned-post = Fäst inlägg
comment-count =
    { $count ->
        [0] Inga kommentarer
        [one] { $count } kommentar
       *[other] { $count } kommentarer
    }
comments-heading =
    { $count ->
        [0] Inga kommentarer:
        [one] { $count } kommentar:
       *[other] { $count } kommentarer:
    }
newer-post = Senare inlägg
older-post = Äldre inlägg

## Kommentarsformuläret

reply = Svara
comment-by-author = Författare
comment-form-heading = Skicka en kommentar
comment-held = Tack! Din kommentar väntar på granskning och visas när bloggens författare har godkänt den.
replying-to = Svar till { $author }.
cancel-reply = Avbryt svaret
honeypot-label = Lämna det här fältet tomt
commenting-as = Du kommenterar som { $name }.
field-name = Namn
name-placeholder = Anonym
field-email = E-post
email-hint = (valfritt, visas aldrig)
field-website = Webbplats
optional-hint = (valfritt)
field-comment = Kommentar
publish = Publicera
comments-closed = Kommentarerna är stängda i den här bloggen.
comments-members-only = Bara inloggade medlemmar i den här bloggen kan kommentera.
comments-closed-post = Kommentarerna är stängda.
post-protected = Det här inlägget är skyddat med ett lösenord. Ange det för att läsa inlägget.
preview-banner = Förhandsvisning: läsarna ser inte det här inlägget än. Bara bloggens inloggade personer kan öppna den här sidan.
post-password-label = Lösenord
post-password-submit = Öppna
post-password-wrong = Lösenordet stämmer inte. Försök igen.
comment-error-name = Kontrollera ditt namn: det är för långt eller innehåller tecken som inte kan sparas.
comment-error-email = Ange en giltig e-postadress eller lämna fältet tomt.
comment-error-url = Ange en adress som börjar med http:// eller https://, eller lämna fältet tomt.
comment-error-body = Skriv en kommentar (högst 4 096 tecken).
comment-error-parent = Kommentaren du svarade på finns inte längre; din kommentar publiceras för sig.
comment-error = Din kommentar kunde inte publiceras; kontrollera formuläret.

## Listor med inlägg

newer-posts = Senare inlägg
older-posts = Äldre inlägg
show-all-posts = Visa alla inlägg
no-posts-yet = Här finns inga inlägg ännu.
label-heading = Visar inlägg med etiketten { $label }
label-empty = Inget inlägg har etiketten { $label }.
year-heading = Inlägg från { $year }
year-empty = Det finns inga inlägg från { $year }.
month-heading = Inlägg från { $month } { $year }
month-empty = Det finns inga inlägg från { $month } { $year }.

## Sökning

search-title = Sökning: { $query }
search-results = Sökresultat för ”{ $query }”
search-none = Inga inlägg matchar ”{ $query }”.
search-prompt = Skriv några ord för att söka i den här bloggen.

## Felsidor

error-not-found = Det finns ingen sida på den här adressen
error-not-found-message = Tyvärr finns sidan du letade efter inte i den här bloggen.
not-found-search = Sök i den här bloggen efter det du letade efter:
error-slow-down = Ta det lugnt
error-slow-down-message = För många förfrågningar kom från din adress. Vänta en stund och försök igen.
error-forbidden = Inte tillåtet
error-forbidden-message = Du får inte göra det i den här bloggen.
error-gone = Borttaget
error-gone-message = Det här inlägget har tagits bort.
error-server = Något gick fel
error-server-message = Något gick fel hos oss. Försök igen om en stund.
error-other = Det fungerade inte
error-other-message = Förfrågan kunde inte hanteras. Gå tillbaka och försök igen.
go-home = Till startsidan

## Flöden

feed-comments-title = { $blog } - Kommentarer
feed-post-comments-title = Kommentarer till { $blog }: { $post }

## E-post som läsarna ber om

follow-heading = Följ via e-post
follow-email-label = E-postadress
follow-email-placeholder = E-postadress...
follow-submit = Skicka
follow-about = Nya inlägg i den här bloggen, skickade till dig när de publiceras.
follow-asked-heading = Titta i din inkorg
follow-asked = Om den här adressen inte redan följer bloggen är ett mejl med en bekräftelselänk på väg. Inläggen skickas när du har bekräftat.
follow-error-email = Ange en giltig e-postadress.
follow-confirm-about = Skicka nya inlägg i den här bloggen till { $email }?
follow-confirmed-heading = Prenumeration bekräftad
follow-confirmed = Bekräftat: nya inlägg skickas till { $email }. Varje mejl har en länk för att avsluta.
unsubscribe-heading = Avsluta prenumeration
unsubscribe-about = Sluta skicka nya inlägg i den här bloggen till { $email }?
unsubscribed-heading = Prenumeration avslutad
unsubscribed = Prenumeration avslutad: inga fler inlägg skickas till { $email }.
notify-replies = Meddela mig om svar
notify-replies-hint = (via e-post; vi ber dig bekräfta först)
replies-about = Svar på din kommentar till ”{ $post }”, skickade till { $email }.
replies-confirmed-heading = Bekräftat
replies-confirmed = Bekräftat: varje svar på din kommentar till ”{ $post }” skickas till dig. Varje mejl har en länk för att avsluta.
replies-stop-heading = Sluta få e-post om svar
replies-stopped = Prenumeration avslutad: inga fler svar på din kommentar till ”{ $post }” skickas.
button-confirm = Bekräfta
button-unsubscribe = Avsluta prenumeration
back-to-blog = Tillbaka till { $blog }

## Mail: the words of every mail readers and owners get

mail-days =
    { $days ->
        [one] en dag
       *[other] { $days } dagar
    }
mail-not-asked = Om du inte bad om detta kan du strunta i mejlet: inget mer skickas.
mail-confirm-link = Öppna den här länken för att bekräfta (den gäller i { $duration }):
mail-held-subject = { $name } kommenterade ”{ $post }” (väntar på godkännande)
mail-held-intro = { $name } kommenterade ”{ $post }” ({ $url }), och kommentaren väntar på godkännande.
mail-held-why = Varför den hölls kvar: { $reasons }
mail-held-by-setting = bloggen håller kvar kommentarer för godkännande
mail-held-approve = Godkänn den: { $link }
mail-held-spam = Markera den som skräppost: { $link }
mail-held-links = Varje länk öppnar en sida med en enda knapp och gäller i { $duration }.
mail-held-waiting = Alla kommentarer som väntar på godkännande: { $link }
mail-review-subject = { $name } skickade ”{ $post }” för granskning
mail-review-intro = { $name } ber dig granska ”{ $post }” innan det publiceras.
mail-review-edit = Öppna det i redigeraren: { $link }
mail-review-waiting = Alla inlägg som väntar på granskning: { $link }
mail-reset-subject = Ett nytt lösenord för { $blog }
mail-reset-intro = Någon bad om ett nytt lösenord för { $email } på { $blog }.
mail-reset-link = Öppna den här länken inom en timme för att välja ett nytt lösenord; den fungerar en gång:
mail-reset-signs-out = Ett nytt lösenord loggar ut kontot överallt.
mail-reset-not-asked = Om du inte bad om detta kan du strunta i mejlet: ditt lösenord förblir detsamma.
mail-replies-subject = Bekräfta: svar på din kommentar till ”{ $post }”
mail-replies-intro = Du bad { $blog } att mejla dig svar på din kommentar till ”{ $post }” ({ $url }).
mail-reply-subject = { $name } svarade på din kommentar till ”{ $post }”
mail-reply-intro = { $name } svarade på din kommentar till ”{ $post }”:
mail-reply-read = Läs det på bloggen: { $link }
mail-reply-stop = Sluta mejla svar på din kommentar: { $link }
mail-follow-subject = Bekräfta: följ { $blog } via e-post
mail-follow-intro = Någon, förhoppningsvis du, bad om att nya inlägg på { $blog } ({ $url }) ska mejlas till { $email }.
mail-post-read = Läs det på bloggen: { $link }
mail-post-following = Du följer { $blog } via e-post.
mail-post-unsubscribe = Avsluta prenumerationen
mail-post-leave = Avsluta prenumerationen: { $link }

## The static render (`tidings render`)

static-comments-closed = Det här är en statisk kopia av bloggen: kommentarer är stängda här.
