# Strony dla czytelników po polsku, słowami Bloggera tam, gdzie je ma.

## Wokół każdej strony

skip-link = Przejdź do treści głównej
blog-navigation = Nawigacja bloga
search-heading = Szukaj na tym blogu
search-label = Szukaj
search-button = Szukaj
pages-heading = Strony
labels-heading = Etykiety
archive-heading = Archiwum bloga
archive-all-of-year = Cały rok { $year }
subscribe-heading = Subskrybuj
subscribe-posts = Posty (Atom)
subscribe-comments = Komentarze (Atom)
powered-by = Działa dzięki Tidings.
more-posts = Więcej postów
home = Strona główna

## Post

posted-by = Opublikowane przez { $author } o { $time }
labels-prefix = Etykiety:
read-more = Czytaj dalej »
pinned-post = Przypięty post
comment-count =
    { $count ->
        [0] Brak komentarzy
        [one] { $count } komentarz
        [few] { $count } komentarze
        [many] { $count } komentarzy
       *[other] { $count } komentarza
    }
comments-heading =
    { $count ->
        [0] Brak komentarzy:
        [one] { $count } komentarz:
        [few] { $count } komentarze:
        [many] { $count } komentarzy:
       *[other] { $count } komentarza:
    }
newer-post = Nowszy post
older-post = Starszy post

## Formularz komentarza

reply = Odpowiedz
comment-by-author = Autor
comment-form-heading = Prześlij komentarz
comment-held = Dziękujemy! Twój komentarz czeka na moderację i pojawi się, gdy autor bloga go zatwierdzi.
replying-to = Odpowiedź dla: { $author }.
cancel-reply = Anuluj odpowiedź
honeypot-label = Zostaw to pole puste
commenting-as = Komentujesz jako { $name }.
field-name = Imię lub pseudonim
name-placeholder = Anonimowy
field-email = Adres e-mail
email-hint = (opcjonalny, nigdy niepokazywany)
field-website = Strona internetowa
optional-hint = (opcjonalnie)
field-comment = Komentarz
publish = Opublikuj
comments-closed = Komentarze na tym blogu są wyłączone.
comments-members-only = Komentować mogą tylko zalogowani członkowie tego bloga.
comments-closed-post = Komentarze są wyłączone.
post-protected = Ten post jest chroniony hasłem. Wpisz je, aby przeczytać post.
preview-banner = Podgląd: czytelnicy jeszcze nie widzą tego posta. Tę stronę mogą otworzyć tylko zalogowane osoby z bloga.
post-password-label = Hasło
post-password-submit = Otwórz
post-password-wrong = To hasło jest nieprawidłowe. Spróbuj ponownie.
comment-error-name = Sprawdź imię: jest za długie albo zawiera znaki, których nie można zapisać.
comment-error-email = Podaj poprawny adres e-mail albo zostaw pole puste.
comment-error-url = Podaj adres zaczynający się od http:// lub https:// albo zostaw pole puste.
comment-error-body = Napisz komentarz (najwyżej 4096 znaków).
comment-error-parent = Komentarza, na który odpowiadasz, już nie ma; Twój zostanie opublikowany osobno.
comment-error = Nie udało się opublikować komentarza; sprawdź formularz.

## Listy postów

newer-posts = Nowsze posty
older-posts = Starsze posty
show-all-posts = Pokaż wszystkie posty
no-posts-yet = Nie ma tu jeszcze postów.
label-heading = Posty z etykietą { $label }
label-empty = Żaden post nie ma etykiety { $label }.
year-heading = Posty z roku { $year }
year-empty = Brak postów z roku { $year }.
month-heading = Posty z okresu: { $month } { $year }
month-empty = Brak postów z okresu: { $month } { $year }.

## Wyszukiwanie

search-title = Wyszukiwanie: { $query }
search-results = Wyniki wyszukiwania dla „{ $query }”
search-none = Żaden post nie pasuje do „{ $query }”.
search-prompt = Wpisz kilka słów, aby przeszukać ten blog.

## Strony błędów

error-not-found = Pod tym adresem nie ma żadnej strony
error-not-found-message = Niestety strona, której szukasz, nie istnieje na tym blogu.
not-found-search = Wyszukaj na tym blogu to, czego szukasz:
error-slow-down = Zwolnij
error-slow-down-message = Z Twojego adresu przyszło zbyt wiele żądań. Odczekaj chwilę i spróbuj ponownie.
error-forbidden = Niedozwolone
error-forbidden-message = Nie możesz tego zrobić na tym blogu.
error-gone = Usunięto
error-gone-message = Ten post został usunięty.
error-server = Coś poszło nie tak
error-server-message = Coś poszło nie tak po naszej stronie. Spróbuj ponownie za chwilę.
error-other = Nie udało się
error-other-message = Nie udało się obsłużyć tego żądania. Wróć i spróbuj ponownie.
go-home = Przejdź do strony głównej

## Kanały

feed-comments-title = { $blog } - Komentarze
feed-post-comments-title = Komentarze do { $blog }: { $post }

## Poczta, o którą proszą czytelnicy

follow-heading = Obserwuj przez e-mail
follow-email-label = Adres e-mail
follow-email-placeholder = Adres e-mail...
follow-submit = Wyślij
follow-about = Nowe posty z tego bloga wysyłane do Ciebie e-mailem, gdy tylko zostaną opublikowane.
follow-asked-heading = Sprawdź skrzynkę odbiorczą
follow-asked = Jeśli ten adres jeszcze nie obserwuje bloga, wysłaliśmy na niego e-mail z linkiem potwierdzającym. Posty będą wysyłane, gdy tylko potwierdzisz.
follow-error-email = Podaj poprawny adres e-mail.
follow-confirm-about = Wysyłać nowe posty z tego bloga na adres { $email }?
follow-confirmed-heading = Subskrypcja potwierdzona
follow-confirmed = Potwierdzono: nowe posty będą wysyłane na adres { $email }. Każda wiadomość zawiera link do rezygnacji.
unsubscribe-heading = Anuluj subskrypcję
unsubscribe-about = Przestać wysyłać nowe posty z tego bloga na adres { $email }?
unsubscribed-heading = Subskrypcja anulowana
unsubscribed = Subskrypcja anulowana: żadne posty nie będą już wysyłane na adres { $email }.
notify-replies = Powiadamiaj mnie o odpowiedziach
notify-replies-hint = (e-mailem; najpierw poprosimy o potwierdzenie)
replies-about = Odpowiedzi na Twój komentarz do „{ $post }” wysyłane na adres { $email }.
replies-confirmed-heading = Potwierdzono
replies-confirmed = Potwierdzono: każda odpowiedź na Twój komentarz do „{ $post }” zostanie wysłana do Ciebie e-mailem. Każda wiadomość zawiera link do rezygnacji.
replies-stop-heading = Nie wysyłaj już e-maili o odpowiedziach
replies-stopped = Subskrypcja anulowana: odpowiedzi na Twój komentarz do „{ $post }” nie będą już wysyłane.
button-confirm = Potwierdź
button-unsubscribe = Anuluj subskrypcję
back-to-blog = Wróć do bloga { $blog }

## Mail: the words of every mail readers and owners get

mail-days =
    { $days ->
        [one] jeden dzień
        [few] { $days } dni
       *[other] { $days } dni
    }
mail-not-asked = Jeśli to nie Ty, zignoruj tę wiadomość: nic więcej nie zostanie wysłane.
mail-confirm-link = Aby potwierdzić, otwórz ten link (jest ważny przez { $duration }):
mail-held-subject = { $name } skomentował(a) „{ $post }” (czeka na zatwierdzenie)
mail-held-intro = { $name } skomentował(a) „{ $post }” ({ $url }), a komentarz czeka na zatwierdzenie.
mail-held-why = Dlaczego został wstrzymany: { $reasons }
mail-held-by-setting = blog wstrzymuje komentarze do zatwierdzenia
mail-held-approve = Zatwierdź: { $link }
mail-held-spam = Oznacz jako spam: { $link }
mail-held-links = Każdy link otwiera stronę z jednym przyciskiem i jest ważny przez { $duration }.
mail-held-waiting = Wszystkie komentarze czekające na zatwierdzenie: { $link }
mail-review-subject = { $name } przesłał(a) „{ $post }” do przeglądu
mail-review-intro = { $name } prosi o przejrzenie „{ $post }” przed publikacją.
mail-review-edit = Otwórz w edytorze: { $link }
mail-review-waiting = Wszystkie posty czekające na przegląd: { $link }
mail-reset-subject = Nowe hasło do { $blog }
mail-reset-intro = Ktoś poprosił o nowe hasło dla { $email } w { $blog }.
mail-reset-link = Aby ustawić nowe hasło, otwórz ten link w ciągu godziny; działa jeden raz:
mail-reset-signs-out = Nowe hasło wylogowuje to konto wszędzie.
mail-reset-not-asked = Jeśli to nie Ty, zignoruj tę wiadomość: Twoje hasło pozostaje bez zmian.
mail-replies-subject = Potwierdź: odpowiedzi na Twój komentarz do „{ $post }”
mail-replies-intro = Poprosiłeś(-aś) { $blog } o wysyłanie odpowiedzi na Twój komentarz do „{ $post }” ({ $url }).
mail-reply-subject = { $name } odpowiedział(a) na Twój komentarz do „{ $post }”
mail-reply-intro = { $name } odpowiedział(a) na Twój komentarz do „{ $post }”:
mail-reply-read = Przeczytaj na blogu: { $link }
mail-reply-stop = Nie wysyłaj więcej odpowiedzi na Twój komentarz: { $link }
mail-follow-subject = Potwierdź: obserwuj { $blog } przez e-mail
mail-follow-intro = Ktoś, mamy nadzieję, że Ty, poprosił o wysyłanie nowych postów z { $blog } ({ $url }) na adres { $email }.
mail-post-read = Przeczytaj na blogu: { $link }
mail-post-following = Obserwujesz { $blog } przez e-mail.
mail-post-unsubscribe = Wypisz się
mail-post-leave = Wypisz się: { $link }

## The static render (`tidings render`)

static-comments-closed = To jest statyczna kopia bloga: komentarze są tu wyłączone.
