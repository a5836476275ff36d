# Страницы для читателей на русском, словами Blogger там, где они есть.

## Вокруг каждой страницы

skip-link = Перейти к основному содержанию
blog-navigation = Навигация по блогу
search-heading = Поиск по этому блогу
search-label = Поиск
search-button = Найти
pages-heading = Страницы
labels-heading = Ярлыки
archive-heading = Архив блога
archive-all-of-year = Весь { $year } год
subscribe-heading = Подписаться на
subscribe-posts = Сообщения (Atom)
subscribe-comments = Комментарии (Atom)
powered-by = Работает на Tidings.
more-posts = Другие сообщения
home = Главная страница

## Сообщение

posted-by = Опубликовано пользователем { $author } в { $time }
labels-prefix = Ярлыки:
read-more = Читать далее »
pinned-post = Закреплённая запись
comment-count =
    { $count ->
        [0] Комментариев нет
        [one] { $count } комментарий
        [few] { $count } комментария
        [many] { $count } комментариев
       *[other] { $count } комментария
    }
comments-heading =
    { $count ->
        [0] Комментариев нет:
        [one] { $count } комментарий:
        [few] { $count } комментария:
        [many] { $count } комментариев:
       *[other] { $count } комментария:
    }
newer-post = Следующее
older-post = Предыдущее

## Форма комментария

reply = Ответить
comment-by-author = Автор
comment-form-heading = Отправить комментарий
comment-held = Спасибо! Ваш комментарий ожидает проверки и появится, когда автор блога его одобрит.
replying-to = Ответ пользователю { $author }.
cancel-reply = Отменить ответ
honeypot-label = Оставьте это поле пустым
commenting-as = Вы комментируете как { $name }.
field-name = Имя
name-placeholder = Аноним
field-email = Электронная почта
email-hint = (необязательно, не показывается)
field-website = Сайт
optional-hint = (необязательно)
field-comment = Комментарий
publish = Опубликовать
comments-closed = Комментарии в этом блоге закрыты.
comments-members-only = Комментировать могут только вошедшие участники этого блога.
comments-closed-post = Комментарии закрыты.
post-protected = Эта запись защищена паролем. Введите его, чтобы прочитать запись.
preview-banner = Предпросмотр: читатели пока не видят эту запись. Открыть эту страницу могут только вошедшие участники блога.
post-password-label = Пароль
post-password-submit = Открыть
post-password-wrong = Пароль неверный. Попробуйте ещё раз.
comment-error-name = Проверьте имя: оно слишком длинное или содержит символы, которые нельзя сохранить.
comment-error-email = Введите правильный адрес электронной почты или оставьте поле пустым.
comment-error-url = Введите адрес, начинающийся с http:// или https://, или оставьте поле пустым.
comment-error-body = Напишите комментарий (не длиннее 4096 символов).
comment-error-parent = Комментария, на который вы отвечали, больше нет; ваш будет опубликован отдельно.
comment-error = Не удалось опубликовать комментарий; проверьте форму.

## Списки сообщений

newer-posts = Следующие
older-posts = Предыдущие
show-all-posts = Показать все сообщения
no-posts-yet = Здесь пока нет сообщений.
label-heading = Сообщения с ярлыком { $label }
label-empty = Нет сообщений с ярлыком { $label }.
year-heading = Сообщения за { $year } год
year-empty = За { $year } год сообщений нет.
month-heading = Сообщения за период: { $month } { $year }
month-empty = За период «{ $month } { $year }» сообщений нет.

## Поиск

search-title = Поиск: { $query }
search-results = Результаты поиска по запросу «{ $query }»
search-none = По запросу «{ $query }» ничего не найдено.
search-prompt = Введите слова для поиска по этому блогу.

## Страницы ошибок

error-not-found = По этому адресу нет страницы
error-not-found-message = К сожалению, страницы, которую вы ищете, в этом блоге нет.
not-found-search = Найдите в этом блоге то, что вы искали:
error-slow-down = Не так быстро
error-slow-down-message = С вашего адреса пришло слишком много запросов. Подождите немного и попробуйте снова.
error-forbidden = Нет доступа
error-forbidden-message = Вам нельзя делать это в этом блоге.
error-gone = Удалено
error-gone-message = Эта запись удалена.
error-server = Что-то пошло не так
error-server-message = У нас что-то пошло не так. Попробуйте ещё раз через минуту.
error-other = Не получилось
error-other-message = Этот запрос не удалось обработать. Вернитесь назад и попробуйте снова.
go-home = На главную страницу

## Ленты

feed-comments-title = { $blog } - Комментарии
feed-post-comments-title = Комментарии к { $blog }: { $post }

## Письма, о которых просят читатели

follow-heading = Подписаться по эл. почте
follow-email-label = Адрес электронной почты
follow-email-placeholder = Адрес электронной почты...
follow-submit = Отправить
follow-about = Новые записи этого блога приходят на почту сразу после публикации.
follow-asked-heading = Проверьте почту
follow-asked = Если этот адрес ещё не подписан на блог, на него уже отправлено письмо со ссылкой для подтверждения. Записи начнут приходить, как только вы подтвердите подписку.
follow-error-email = Введите правильный адрес электронной почты.
follow-confirm-about = Присылать новые записи этого блога на { $email }?
follow-confirmed-heading = Подписка оформлена
follow-confirmed = Подтверждено: новые записи будут приходить на { $email }. В каждом письме есть ссылка, чтобы отписаться.
unsubscribe-heading = Отписаться
unsubscribe-about = Больше не присылать новые записи этого блога на { $email }?
unsubscribed-heading = Вы отписались
unsubscribed = Вы отписались: новые записи больше не будут приходить на { $email }.
notify-replies = Сообщать мне об ответах
notify-replies-hint = (по эл. почте; сначала мы попросим подтвердить)
replies-about = Ответы на ваш комментарий к записи «{ $post }» приходят на { $email }.
replies-confirmed-heading = Подтверждено
replies-confirmed = Подтверждено: каждый ответ на ваш комментарий к записи «{ $post }» будет приходить вам на почту. В каждом письме есть ссылка, чтобы отписаться.
replies-stop-heading = Не присылать письма об ответах
replies-stopped = Вы отписались: ответы на ваш комментарий к записи «{ $post }» больше не будут приходить.
button-confirm = Подтвердить
button-unsubscribe = Отписаться
back-to-blog = Вернуться в блог «{ $blog }»

## Mail: the words of every mail readers and owners get

mail-days =
    { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[many] { $days } дней
    }
mail-not-asked = Если вы об этом не просили, просто не обращайте внимания на письмо: больше ничего не придёт.
mail-confirm-link = Чтобы подтвердить, откройте эту ссылку (она действует { $duration }):
mail-held-subject = { $name } прокомментировал(а) «{ $post }» (ждёт одобрения)
mail-held-intro = { $name } прокомментировал(а) «{ $post }» ({ $url }), и комментарий ждёт одобрения.
mail-held-why = Почему он задержан: { $reasons }
mail-held-by-setting = в блоге комментарии публикуются после одобрения
mail-held-approve = Одобрить: { $link }
mail-held-spam = Отметить как спам: { $link }
mail-held-links = Каждая ссылка открывает страницу с одной кнопкой и действует { $duration }.
mail-held-waiting = Все комментарии, ждущие одобрения: { $link }
mail-review-subject = { $name } отправил(а) «{ $post }» на проверку
mail-review-intro = { $name } просит вас проверить «{ $post }» перед публикацией.
mail-review-edit = Открыть в редакторе: { $link }
mail-review-waiting = Все записи, ожидающие проверки: { $link }
mail-reset-subject = Новый пароль для { $blog }
mail-reset-intro = Кто-то запросил новый пароль для { $email } в блоге { $blog }.
mail-reset-link = Чтобы задать новый пароль, откройте эту ссылку в течение часа; она сработает один раз:
mail-reset-signs-out = Новый пароль завершает все сеансы этой учётной записи.
mail-reset-not-asked = Если вы об этом не просили, просто не обращайте внимания на письмо: пароль останется прежним.
mail-replies-subject = Подтвердите: ответы на ваш комментарий к записи «{ $post }»
mail-replies-intro = Вы попросили { $blog } присылать вам ответы на ваш комментарий к записи «{ $post }» ({ $url }).
mail-reply-subject = { $name } ответил(а) на ваш комментарий к записи «{ $post }»
mail-reply-intro = { $name } ответил(а) на ваш комментарий к записи «{ $post }»:
mail-reply-read = Прочитать в блоге: { $link }
mail-reply-stop = Больше не присылать ответы на ваш комментарий: { $link }
mail-follow-subject = Подтвердите: подписка на { $blog } по электронной почте
mail-follow-intro = Кто-то, надеемся, что вы, попросил присылать новые записи { $blog } ({ $url }) на { $email }.
mail-post-read = Прочитать в блоге: { $link }
mail-post-following = Вы подписаны на { $blog } по электронной почте.
mail-post-unsubscribe = Отписаться
mail-post-leave = Отписаться: { $link }

## The static render (`tidings render`)

static-comments-closed = Это статическая копия блога: комментарии здесь закрыты.
