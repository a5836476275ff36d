# Сторінки для читачів українською, словами Blogger там, де вони є.

## Навколо кожної сторінки

skip-link = Перейти до основного вмісту
blog-navigation = Навігація блогом
search-heading = Пошук у цьому блозі
search-label = Пошук
search-button = Знайти
pages-heading = Сторінки
labels-heading = Мітки
archive-heading = Архів блогу
archive-all-of-year = Увесь { $year } рік
subscribe-heading = Підписатися на
subscribe-posts = Дописи (Atom)
subscribe-comments = Коментарі (Atom)
powered-by = Працює на Tidings.
more-posts = Інші дописи
home = Головна сторінка

## Допис

posted-by = Опублікував { $author } о { $time }
labels-prefix = Мітки:
read-more = Читати далі »
pinned-post = Закріплений допис
comment-count =
    { $count ->
        [0] Немає коментарів
        [one] { $count } коментар
        [few] { $count } коментарі
        [many] { $count } коментарів
       *[other] { $count } коментаря
    }
comments-heading =
    { $count ->
        [0] Немає коментарів:
        [one] { $count } коментар:
        [few] { $count } коментарі:
        [many] { $count } коментарів:
       *[other] { $count } коментаря:
    }
newer-post = Новіший допис
older-post = Старіший допис

## Форма коментаря

reply = Відповісти
comment-by-author = Автор
comment-form-heading = Дописати коментар
comment-held = Дякуємо! Ваш коментар чекає на перевірку й з'явиться, щойно автор блогу його схвалить.
replying-to = Відповідь для { $author }.
cancel-reply = Скасувати відповідь
honeypot-label = Залиште це поле порожнім
commenting-as = Ви коментуєте як { $name }.
field-name = Ім'я
name-placeholder = Анонім
field-email = Електронна пошта
email-hint = (необов'язково, ніколи не показується)
field-website = Вебсайт
optional-hint = (необов'язково)
field-comment = Коментар
publish = Опублікувати
comments-closed = Коментарі в цьому блозі закрито.
comments-members-only = Коментувати можуть лише учасники цього блогу, які ввійшли.
comments-closed-post = Коментарі закрито.
post-protected = Цей допис захищено паролем. Введіть його, щоб прочитати допис.
preview-banner = Попередній перегляд: читачі ще не бачать цей допис. Відкрити цю сторінку можуть лише учасники блогу, що увійшли.
post-password-label = Пароль
post-password-submit = Відкрити
post-password-wrong = Пароль неправильний. Спробуйте ще раз.
comment-error-name = Перевірте ім'я: воно задовге або містить символи, які не можна зберегти.
comment-error-email = Введіть правильну адресу електронної пошти або залиште поле порожнім.
comment-error-url = Введіть адресу, що починається з http:// або https://, або залиште поле порожнім.
comment-error-body = Напишіть коментар (не довше за 4096 символів).
comment-error-parent = Коментаря, на який ви відповідали, більше немає; ваш буде опубліковано окремо.
comment-error = Не вдалося опублікувати коментар; перевірте форму.

## Списки дописів

newer-posts = Новіші дописи
older-posts = Старіші дописи
show-all-posts = Показати всі дописи
no-posts-yet = Тут ще немає дописів.
label-heading = Дописи з міткою { $label }
label-empty = Жоден допис не має мітки { $label }.
year-heading = Дописи за { $year } рік
year-empty = За { $year } рік дописів немає.
month-heading = Дописи за період: { $month } { $year }
month-empty = За період «{ $month } { $year }» дописів немає.

## Пошук

search-title = Пошук: { $query }
search-results = Результати пошуку за запитом «{ $query }»
search-none = За запитом «{ $query }» нічого не знайдено.
search-prompt = Введіть слова, щоб шукати в цьому блозі.

## Сторінки помилок

error-not-found = За цією адресою немає сторінки
error-not-found-message = На жаль, сторінки, яку ви шукаєте, у цьому блозі немає.
not-found-search = Знайдіть у цьому блозі те, що ви шукали:
error-slow-down = Не так швидко
error-slow-down-message = З вашої адреси надійшло забагато запитів. Зачекайте трохи й спробуйте знову.
error-forbidden = Немає доступу
error-forbidden-message = Вам не можна робити це в цьому блозі.
error-gone = Видалено
error-gone-message = Цей допис видалено.
error-server = Щось пішло не так
error-server-message = У нас щось пішло не так. Спробуйте ще раз за хвилину.
error-other = Не вдалося
error-other-message = Цей запит не вдалося обробити. Поверніться назад і спробуйте знову.
go-home = На головну сторінку

## Стрічки

feed-comments-title = { $blog } - Коментарі
feed-post-comments-title = Коментарі до { $blog }: { $post }

## Листи, яких просять читачі

follow-heading = Стежити електронною поштою
follow-email-label = Адреса електронної пошти
follow-email-placeholder = Адреса електронної пошти...
follow-submit = Надіслати
follow-about = Нові дописи цього блогу надходять на пошту одразу після публікації.
follow-asked-heading = Перевірте пошту
follow-asked = Якщо ця адреса ще не стежить за блогом, на неї вже надіслано лист із посиланням для підтвердження. Дописи почнуть надходити, щойно ви підтвердите.
follow-error-email = Введіть правильну адресу електронної пошти.
follow-confirm-about = Надсилати нові дописи цього блогу на { $email }?
follow-confirmed-heading = Підписку оформлено
follow-confirmed = Підтверджено: нові дописи надходитимуть на { $email }. У кожному листі є посилання, щоб відписатися.
unsubscribe-heading = Відписатися
unsubscribe-about = Більше не надсилати нові дописи цього блогу на { $email }?
unsubscribed-heading = Ви відписалися
unsubscribed = Ви відписалися: нові дописи більше не надходитимуть на { $email }.
notify-replies = Повідомляти мене про відповіді
notify-replies-hint = (електронною поштою; спершу ми попросимо підтвердити)
replies-about = Відповіді на ваш коментар до допису «{ $post }» надходять на { $email }.
replies-confirmed-heading = Підтверджено
replies-confirmed = Підтверджено: кожна відповідь на ваш коментар до допису «{ $post }» надходитиме вам на пошту. У кожному листі є посилання, щоб відписатися.
replies-stop-heading = Не надсилати листи про відповіді
replies-stopped = Ви відписалися: відповіді на ваш коментар до допису «{ $post }» більше не надходитимуть.
button-confirm = Підтвердити
button-unsubscribe = Відписатися
back-to-blog = Повернутися до блогу «{ $blog }»

## Mail: the words of every mail readers and owners get

mail-days =
    { $days ->
        [one] { $days } день
        [few] { $days } дні
       *[many] { $days } днів
    }
mail-not-asked = Якщо ви про це не просили, просто не зважайте на лист: більше нічого не надійде.
mail-confirm-link = Щоб підтвердити, відкрийте це посилання (воно діє { $duration }):
mail-held-subject = { $name } прокоментував(-ла) «{ $post }» (чекає схвалення)
mail-held-intro = { $name } прокоментував(-ла) «{ $post }» ({ $url }), і коментар чекає схвалення.
mail-held-why = Чому його затримано: { $reasons }
mail-held-by-setting = у блозі коментарі з’являються після схвалення
mail-held-approve = Схвалити: { $link }
mail-held-spam = Позначити як спам: { $link }
mail-held-links = Кожне посилання відкриває сторінку з однією кнопкою і діє { $duration }.
mail-held-waiting = Усі коментарі, що чекають схвалення: { $link }
mail-review-subject = { $name } надіслав(-ла) «{ $post }» на перевірку
mail-review-intro = { $name } просить вас перевірити «{ $post }» перед публікацією.
mail-review-edit = Відкрити в редакторі: { $link }
mail-review-waiting = Усі дописи, що чекають на перевірку: { $link }
mail-reset-subject = Новий пароль для { $blog }
mail-reset-intro = Хтось попросив новий пароль для { $email } у блозі { $blog }.
mail-reset-link = Щоб задати новий пароль, відкрийте це посилання протягом години; воно спрацює один раз:
mail-reset-signs-out = Новий пароль завершує всі сеанси цього облікового запису.
mail-reset-not-asked = Якщо ви про це не просили, просто не зважайте на лист: пароль залишиться тим самим.
mail-replies-subject = Підтвердьте: відповіді на ваш коментар до допису «{ $post }»
mail-replies-intro = Ви попросили { $blog } надсилати вам відповіді на ваш коментар до допису «{ $post }» ({ $url }).
mail-reply-subject = { $name } відповів(-ла) на ваш коментар до допису «{ $post }»
mail-reply-intro = { $name } відповів(-ла) на ваш коментар до допису «{ $post }»:
mail-reply-read = Прочитати в блозі: { $link }
mail-reply-stop = Більше не надсилати відповіді на ваш коментар: { $link }
mail-follow-subject = Підтвердьте: стежити за { $blog } електронною поштою
mail-follow-intro = Хтось, сподіваємося, що ви, попросив надсилати нові дописи { $blog } ({ $url }) на { $email }.
mail-post-read = Прочитати в блозі: { $link }
mail-post-following = Ви стежите за { $blog } електронною поштою.
mail-post-unsubscribe = Відписатися
mail-post-leave = Відписатися: { $link }

## The static render (`tidings render`)

static-comments-closed = Це статична копія блогу: коментарі тут закрито.
