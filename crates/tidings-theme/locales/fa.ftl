# صفحه‌های خوانندگان به فارسی، با عبارت‌های Blogger هر جا که هست.

## دور هر صفحه

skip-link = رفتن به محتوای اصلی
blog-navigation = پیمایش وبلاگ
search-heading = جستجوی این وبلاگ
search-label = جستجو
search-button = جستجو
pages-heading = صفحه‌ها
labels-heading = برچسب‌ها
archive-heading = بایگانی وبلاگ
archive-all-of-year = همهٔ سال { $year }
subscribe-heading = اشتراک در
subscribe-posts = پست‌ها (Atom)
subscribe-comments = نظرات (Atom)
powered-by = قدرت‌گرفته از Tidings.
more-posts = پست‌های بیشتر
home = صفحهٔ اصلی

## پست

posted-by = ارسال‌شده توسط { $author } در { $time }
labels-prefix = برچسب‌ها:
read-more = ادامه مطلب »
pinned-post = پست سنجاق‌شده
comment-count =
    { $count ->
        [0] بدون نظر
       *[other] { $count } نظر
    }
comments-heading =
    { $count ->
        [0] بدون نظر:
       *[other] { $count } نظر:
    }
newer-post = پست جدیدتر
older-post = پست قدیمی‌تر

## فرم نظر

reply = پاسخ
comment-by-author = نویسنده
comment-form-heading = ارسال یک نظر
comment-held = سپاس! نظر شما در انتظار بررسی است و پس از تأیید نویسندهٔ وبلاگ نمایش داده می‌شود.
replying-to = در پاسخ به { $author }.
cancel-reply = لغو پاسخ
honeypot-label = این فیلد را خالی بگذارید
commenting-as = شما با نام { $name } نظر می‌دهید.
field-name = نام
name-placeholder = ناشناس
field-email = ایمیل
email-hint = (اختیاری، هرگز نمایش داده نمی‌شود)
field-website = وب‌سایت
optional-hint = (اختیاری)
field-comment = نظر
publish = انتشار
comments-closed = نظرات در این وبلاگ بسته است.
comments-members-only = فقط اعضای واردشدهٔ این وبلاگ می‌توانند نظر بدهند.
comments-closed-post = نظرات بسته است.
post-protected = این پست با گذرواژه محافظت شده است. برای خواندن آن، گذرواژه را وارد کنید.
preview-banner = پیش‌نمایش: خوانندگان هنوز این پست را نمی‌بینند. فقط افراد وبلاگ که وارد شده‌اند می‌توانند این صفحه را باز کنند.
post-password-label = گذرواژه
post-password-submit = باز کردن
post-password-wrong = این گذرواژه درست نیست. لطفاً دوباره تلاش کنید.
comment-error-name = نام خود را بررسی کنید: بیش از حد بلند است یا نویسه‌هایی دارد که نگه‌داشتنی نیست.
comment-error-email = یک نشانی ایمیل درست وارد کنید یا فیلد را خالی بگذارید.
comment-error-url = نشانی‌ای وارد کنید که با http:// یا https://‎ آغاز شود، یا فیلد را خالی بگذارید.
comment-error-body = نظری بنویسید (حداکثر ۴۰۹۶ نویسه).
comment-error-parent = نظری که به آن پاسخ می‌دادید دیگر وجود ندارد؛ نظر شما جداگانه منتشر می‌شود.
comment-error = نظر شما منتشر نشد؛ فرم را بررسی کنید.

## فهرست پست‌ها

newer-posts = پست‌های جدیدتر
older-posts = پست‌های قدیمی‌تر
show-all-posts = نمایش همهٔ پست‌ها
no-posts-yet = هنوز پستی اینجا نیست.
label-heading = نمایش پست‌های دارای برچسب { $label }
label-empty = هیچ پستی برچسب { $label } را ندارد.
year-heading = پست‌های سال { $year }
year-empty = پستی از سال { $year } نیست.
month-heading = پست‌های { $month } { $year }
month-empty = پستی از { $month } { $year } نیست.

## جستجو

search-title = جستجو: { $query }
search-results = نتایج جستجو برای «{ $query }»
search-none = هیچ پستی با «{ $query }» جور نیست.
search-prompt = چند واژه بنویسید تا در این وبلاگ جستجو شود.

## صفحه‌های خطا

error-not-found = در این نشانی صفحه‌ای نیست
error-not-found-message = متأسفیم، صفحه‌ای که در این وبلاگ دنبالش بودید وجود ندارد.
not-found-search = آنچه را می‌خواستید در این وبلاگ جست‌وجو کنید:
error-slow-down = آهسته‌تر
error-slow-down-message = درخواست‌های بسیار زیادی از نشانی شما رسید. کمی صبر کنید و دوباره امتحان کنید.
error-forbidden = مجاز نیست
error-forbidden-message = شما اجازهٔ این کار را در این وبلاگ ندارید.
error-gone = حذف شده
error-gone-message = این پست حذف شده است.
error-server = مشکلی پیش آمد
error-server-message = مشکلی در سمت ما پیش آمد. لحظه‌ای دیگر دوباره امتحان کنید.
error-other = انجام نشد
error-other-message = این درخواست پردازش نشد. برگردید و دوباره امتحان کنید.
go-home = رفتن به صفحهٔ اصلی

## خوراک‌ها

feed-comments-title = { $blog } - نظرات
feed-post-comments-title = نظرات دربارهٔ { $blog }: { $post }

## ایمیل‌هایی که خوانندگان می‌خواهند

follow-heading = دنبال کردن با ایمیل
follow-email-label = نشانی ایمیل
follow-email-placeholder = نشانی ایمیل...
follow-submit = ارسال
follow-about = پست‌های تازهٔ این وبلاگ، به محض انتشار به ایمیل شما فرستاده می‌شود.
follow-asked-heading = صندوق ورودی خود را ببینید
follow-asked = اگر این نشانی هنوز این وبلاگ را دنبال نمی‌کند، ایمیلی با پیوند تأیید در راه است. پس از تأیید شما، پست‌ها فرستاده می‌شوند.
follow-error-email = یک نشانی ایمیل درست وارد کنید.
follow-confirm-about = پست‌های تازهٔ این وبلاگ به { $email } فرستاده شود؟
follow-confirmed-heading = اشتراک تأیید شد
follow-confirmed = تأیید شد: پست‌های تازه به { $email } فرستاده می‌شوند. در هر ایمیل پیوندی برای لغو آن هست.
unsubscribe-heading = لغو اشتراک
unsubscribe-about = دیگر پست‌های تازهٔ این وبلاگ به { $email } فرستاده نشود؟
unsubscribed-heading = اشتراک لغو شد
unsubscribed = اشتراک لغو شد: دیگر هیچ پستی به { $email } فرستاده نمی‌شود.
notify-replies = پاسخ‌ها را به من خبر بده
notify-replies-hint = (با ایمیل؛ نخست از شما می‌خواهیم تأیید کنید)
replies-about = پاسخ‌ها به نظر شما دربارهٔ «{ $post }»، فرستاده به { $email }.
replies-confirmed-heading = تأیید شد
replies-confirmed = تأیید شد: هر پاسخ به نظر شما دربارهٔ «{ $post }» برایتان ایمیل می‌شود. در هر ایمیل پیوندی برای لغو آن هست.
replies-stop-heading = توقف ایمیل پاسخ‌ها
replies-stopped = اشتراک لغو شد: دیگر پاسخی به نظر شما دربارهٔ «{ $post }» ایمیل نمی‌شود.
button-confirm = تأیید
button-unsubscribe = لغو اشتراک
back-to-blog = بازگشت به { $blog }

## Mail: the words of every mail readers and owners get

mail-days =
    { $days ->
        [one] یک روز
       *[other] { $days } روز
    }
mail-not-asked = اگر شما درخواست نکرده‌اید، این نامه را نادیده بگیرید: چیز دیگری فرستاده نمی‌شود.
mail-confirm-link = برای تأیید، این پیوند را باز کنید (تا { $duration } کار می‌کند):
mail-held-subject = { $name } برای «{ $post }» نظر گذاشت (در انتظار تأیید)
mail-held-intro = { $name } برای «{ $post }» ({ $url }) نظر گذاشت و نظر در انتظار تأیید است.
mail-held-why = دلیل نگه‌داشتن آن: { $reasons }
mail-held-by-setting = وبلاگ نظرها را تا تأیید نگه می‌دارد
mail-held-approve = تأیید آن: { $link }
mail-held-spam = علامت‌گذاری به‌عنوان هرزنامه: { $link }
mail-held-links = هر پیوند صفحه‌ای با یک دکمه باز می‌کند و تا { $duration } کار می‌کند.
mail-held-waiting = همهٔ نظرهای در انتظار تأیید: { $link }
mail-review-subject = { $name } «{ $post }» را برای بازبینی فرستاد
mail-review-intro = { $name } از شما می‌خواهد «{ $post }» را پیش از انتشار بازبینی کنید.
mail-review-edit = آن را در ویرایشگر باز کنید: { $link }
mail-review-waiting = همهٔ پست‌هایی که منتظر بازبینی‌اند: { $link }
mail-reset-subject = گذرواژهٔ تازه برای { $blog }
mail-reset-intro = کسی خواسته است برای { $email } در { $blog } گذرواژهٔ تازه‌ای تعیین شود.
mail-reset-link = برای انتخاب گذرواژهٔ تازه، این پیوند را تا یک ساعت دیگر باز کنید؛ فقط یک بار کار می‌کند:
mail-reset-signs-out = گذرواژهٔ تازه این حساب را از همه‌جا خارج می‌کند.
mail-reset-not-asked = اگر شما درخواست نکرده‌اید، این نامه را نادیده بگیرید: گذرواژهٔ شما همان می‌ماند.
mail-replies-subject = تأیید: پاسخ‌ها به نظر شما دربارهٔ «{ $post }»
mail-replies-intro = شما از { $blog } خواستید پاسخ‌ها به نظرتان دربارهٔ «{ $post }» ({ $url }) را برایتان بفرستد.
mail-reply-subject = { $name } به نظر شما دربارهٔ «{ $post }» پاسخ داد
mail-reply-intro = { $name } به نظر شما دربارهٔ «{ $post }» پاسخ داد:
mail-reply-read = آن را در وبلاگ بخوانید: { $link }
mail-reply-stop = دیگر پاسخ‌ها به نظرم فرستاده نشود: { $link }
mail-follow-subject = تأیید: دنبال کردن { $blog } با ایمیل
mail-follow-intro = کسی، امیدواریم خود شما، خواسته است نوشته‌های تازهٔ { $blog } ({ $url }) به { $email } فرستاده شود.
mail-post-read = آن را در وبلاگ بخوانید: { $link }
mail-post-following = شما { $blog } را با ایمیل دنبال می‌کنید.
mail-post-unsubscribe = لغو اشتراک
mail-post-leave = لغو اشتراک: { $link }

## The static render (`tidings render`)

static-comments-closed = این یک نسخهٔ ایستا از وبلاگ است: نظرها در اینجا بسته است.
