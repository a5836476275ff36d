# Lezerspagina's in het Nederlands, met Bloggers eigen woorden waar die er zijn.

## Rond elke pagina

skip-link = Naar de hoofdinhoud
blog-navigation = Blognavigatie
search-heading = Zoeken in deze blog
search-label = Zoeken
search-button = Zoeken
pages-heading = Pagina's
labels-heading = Labels
archive-heading = Blogarchief
archive-all-of-year = Heel { $year }
subscribe-heading = Abonneren op
subscribe-posts = Posts (Atom)
subscribe-comments = Reacties (Atom)
powered-by = Mogelijk gemaakt door Tidings.
more-posts = Meer posts
home = Startpagina

## Een post

posted-by = Gepost door { $author } om { $time }
labels-prefix = Labels:
read-more = Lees verder »
pinned-post = Vastgezet bericht
comment-count =
    { $count ->
        [0] Geen reacties
        [one] { $count } reactie
       *[other] { $count } reacties
    }
comments-heading =
    { $count ->
        [0] Geen reacties:
        [one] { $count } reactie:
       *[other] { $count } reacties:
    }
newer-post = Nieuwere post
older-post = Oudere post

## Het reactieformulier

reply = Beantwoorden
comment-by-author = Auteur
comment-form-heading = Een reactie posten
comment-held = Bedankt! Je reactie wacht op goedkeuring en verschijnt zodra de auteur van de blog haar goedkeurt.
replying-to = Antwoord aan { $author }.
cancel-reply = Antwoord annuleren
honeypot-label = Laat dit veld leeg
commenting-as = Je reageert als { $name }.
field-name = Naam
name-placeholder = Anoniem
field-email = E-mailadres
email-hint = (optioneel, nooit getoond)
field-website = Website
optional-hint = (optioneel)
field-comment = Reactie
publish = Publiceren
comments-closed = Reacties zijn gesloten op deze blog.
comments-members-only = Alleen ingelogde leden van deze blog kunnen reageren.
comments-closed-post = Reacties zijn gesloten.
post-protected = Dit bericht is beveiligd met een wachtwoord. Vul het in om het bericht te lezen.
preview-banner = Voorbeeld: lezers zien dit bericht nog niet. Alleen aangemelde mensen van de blog kunnen deze pagina openen.
post-password-label = Wachtwoord
post-password-submit = Openen
post-password-wrong = Dat wachtwoord klopt niet. Probeer het opnieuw.
comment-error-name = Controleer je naam: die is te lang of bevat tekens die niet bewaard kunnen worden.
comment-error-email = Vul een geldig e-mailadres in of laat het veld leeg.
comment-error-url = Vul een adres in dat begint met http:// of https://, of laat het veld leeg.
comment-error-body = Schrijf een reactie (hoogstens 4096 tekens).
comment-error-parent = De reactie waarop je antwoordde is er niet meer; die van jou wordt los geplaatst.
comment-error = Je reactie kon niet worden geplaatst; controleer het formulier.

## Lijsten van posts

newer-posts = Nieuwere posts
older-posts = Oudere posts
show-all-posts = Alle posts tonen
no-posts-yet = Hier staan nog geen posts.
label-heading = Posts met het label { $label } worden weergegeven
label-empty = Geen enkele post heeft het label { $label }.
year-heading = Posts uit { $year }
year-empty = Er zijn geen posts uit { $year }.
month-heading = Posts uit { $month } { $year }
month-empty = Er zijn geen posts uit { $month } { $year }.

## Zoeken

search-title = Zoeken: { $query }
search-results = Zoekresultaten voor ‘{ $query }’
search-none = Geen enkele post past bij ‘{ $query }’.
search-prompt = Typ een paar woorden om in deze blog te zoeken.

## Foutpagina's

error-not-found = Er is geen pagina op dit adres
error-not-found-message = Sorry, de pagina die je zocht bestaat niet in deze blog.
not-found-search = Zoek in deze blog naar wat u zocht:
error-slow-down = Rustig aan
error-slow-down-message = Er kwamen te veel verzoeken van je adres. Wacht even en probeer het opnieuw.
error-forbidden = Niet toegestaan
error-forbidden-message = Je mag dat niet doen op deze blog.
error-gone = Verwijderd
error-gone-message = Dit bericht is verwijderd.
error-server = Er ging iets mis
error-server-message = Er ging bij ons iets mis. Probeer het zo opnieuw.
error-other = Dat lukte niet
error-other-message = Dit verzoek kon niet worden verwerkt. Ga terug en probeer het opnieuw.
go-home = Naar de startpagina

## Feeds

feed-comments-title = { $blog } - Reacties
feed-post-comments-title = Reacties op { $blog }: { $post }

## De mail waar lezers om vragen

follow-heading = Volgen via e-mail
follow-email-label = E-mailadres
follow-email-placeholder = E-mailadres...
follow-submit = Verzenden
follow-about = Nieuwe posts van deze blog, naar je gemaild zodra ze verschijnen.
follow-asked-heading = Kijk in je inbox
follow-asked = Als dit adres de blog nog niet volgt, is er een e-mail met een bevestigingslink onderweg. Posts worden gemaild zodra je bevestigt.
follow-error-email = Vul een geldig e-mailadres in.
follow-confirm-about = Nieuwe posts van deze blog mailen naar { $email }?
follow-confirmed-heading = Geabonneerd
follow-confirmed = Bevestigd: nieuwe posts worden gemaild naar { $email }. Elke e-mail bevat een link om je af te melden.
unsubscribe-heading = Afmelden
unsubscribe-about = Geen nieuwe posts van deze blog meer mailen naar { $email }?
unsubscribed-heading = Afgemeld
unsubscribed = Afgemeld: er worden geen posts meer gemaild naar { $email }.
notify-replies = Houd me op de hoogte van antwoorden
notify-replies-hint = (per e-mail; we vragen je eerst om te bevestigen)
replies-about = Antwoorden op je reactie bij ‘{ $post }’, gemaild naar { $email }.
replies-confirmed-heading = Bevestigd
replies-confirmed = Bevestigd: elk antwoord op je reactie bij ‘{ $post }’ wordt naar je gemaild. Elke e-mail bevat een link om je af te melden.
replies-stop-heading = Geen e-mail meer over antwoorden
replies-stopped = Afgemeld: er worden geen antwoorden op je reactie bij ‘{ $post }’ meer gemaild.
button-confirm = Bevestigen
button-unsubscribe = Afmelden
back-to-blog = Terug naar { $blog }

## Mail: the words of every mail readers and owners get

mail-days =
    { $days ->
        [one] één dag
       *[other] { $days } dagen
    }
mail-not-asked = Heb je hier niet om gevraagd, negeer deze mail dan: er wordt niets meer verstuurd.
mail-confirm-link = Open deze link om te bevestigen (hij werkt { $duration }):
mail-held-subject = { $name } reageerde op ‘{ $post }’ (wacht op goedkeuring)
mail-held-intro = { $name } reageerde op ‘{ $post }’ ({ $url }), en de reactie wacht op goedkeuring.
mail-held-why = Waarom ze werd tegengehouden: { $reasons }
mail-held-by-setting = de blog houdt reacties tegen tot ze zijn goedgekeurd
mail-held-approve = Goedkeuren: { $link }
mail-held-spam = Markeren als spam: { $link }
mail-held-links = Elke link opent een pagina met één knop en werkt { $duration }.
mail-held-waiting = Alle reacties die op goedkeuring wachten: { $link }
mail-review-subject = { $name } heeft ‘{ $post }’ ter beoordeling ingediend
mail-review-intro = { $name } vraagt je ‘{ $post }’ te beoordelen voordat het wordt gepubliceerd.
mail-review-edit = Open het in de editor: { $link }
mail-review-waiting = Alle berichten die op beoordeling wachten: { $link }
mail-reset-subject = Een nieuw wachtwoord voor { $blog }
mail-reset-intro = Iemand vroeg een nieuw wachtwoord aan voor { $email } op { $blog }.
mail-reset-link = Open deze link binnen het uur om een nieuw wachtwoord te kiezen; hij werkt één keer:
mail-reset-signs-out = Met een nieuw wachtwoord wordt dit account overal afgemeld.
mail-reset-not-asked = Heb je hier niet om gevraagd, negeer deze mail dan: je wachtwoord blijft zoals het is.
mail-replies-subject = Bevestig: antwoorden op je reactie bij ‘{ $post }’
mail-replies-intro = Je vroeg { $blog } om je antwoorden op je reactie bij ‘{ $post }’ ({ $url }) te mailen.
mail-reply-subject = { $name } antwoordde op je reactie bij ‘{ $post }’
mail-reply-intro = { $name } antwoordde op je reactie bij ‘{ $post }’:
mail-reply-read = Lees het op de blog: { $link }
mail-reply-stop = Geen antwoorden op je reactie meer mailen: { $link }
mail-follow-subject = Bevestig: { $blog } volgen per e-mail
mail-follow-intro = Iemand, hopelijk jij, vroeg om nieuwe berichten van { $blog } ({ $url }) naar { $email } te mailen.
mail-post-read = Lees het op de blog: { $link }
mail-post-following = Je volgt { $blog } per e-mail.
mail-post-unsubscribe = Afmelden
mail-post-leave = Afmelden: { $link }

## The static render (`tidings render`)

static-comments-closed = Dit is een statische kopie van de blog: reageren is hier gesloten.
