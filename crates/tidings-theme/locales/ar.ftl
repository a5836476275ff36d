# صفحات القرّاء بالعربية، بعبارات Blogger حيث توجد.

## حول كل صفحة

skip-link = الانتقال إلى المحتوى الرئيسي
blog-navigation = التنقل في المدونة
search-heading = البحث في هذه المدونة الإلكترونية
search-label = بحث
search-button = بحث
pages-heading = الصفحات
labels-heading = التسميات
archive-heading = أرشيف المدونة الإلكترونية
archive-all-of-year = كل عام { $year }
subscribe-heading = الاشتراك في
subscribe-posts = الرسائل (Atom)
subscribe-comments = التعليقات (Atom)
powered-by = مدعومة من Tidings.
more-posts = مزيد من الرسائل
home = الصفحة الرئيسية

## رسالة

posted-by = مرسلة بواسطة { $author } في { $time }
labels-prefix = التسميات:
read-more = اقرأ المزيد »
pinned-post = منشور مثبّت
comment-count =
    { $count ->
        [0] ليست هناك تعليقات
        [one] تعليق واحد
        [two] تعليقان
        [few] { $count } تعليقات
        [many] { $count } تعليقًا
       *[other] { $count } تعليق
    }
comments-heading =
    { $count ->
        [0] ليست هناك تعليقات:
        [one] تعليق واحد:
        [two] تعليقان:
        [few] { $count } تعليقات:
        [many] { $count } تعليقًا:
       *[other] { $count } تعليق:
    }
newer-post = رسالة أحدث
older-post = رسالة أقدم

## نموذج التعليق

reply = رد
comment-by-author = الكاتب
comment-form-heading = إرسال تعليق
comment-held = شكرًا! تعليقك في انتظار المراجعة، وسيظهر بعد أن يوافق عليه كاتب المدونة.
replying-to = رد على { $author }.
cancel-reply = إلغاء الرد
honeypot-label = اترك هذا الحقل فارغًا
commenting-as = أنت تعلّق باسم { $name }.
field-name = الاسم
name-placeholder = مجهول
field-email = البريد الإلكتروني
email-hint = (اختياري، لا يظهر أبدًا)
field-website = الموقع الإلكتروني
optional-hint = (اختياري)
field-comment = التعليق
publish = نشر
comments-closed = التعليقات مغلقة في هذه المدونة.
comments-members-only = يمكن التعليق لأعضاء هذه المدونة الذين سجّلوا الدخول فقط.
comments-closed-post = التعليقات مغلقة.
post-protected = هذه التدوينة محمية بكلمة مرور. أدخلها لقراءة التدوينة.
preview-banner = معاينة: لا يرى القرّاء هذه التدوينة بعد. لا يفتح هذه الصفحة إلا أصحاب المدونة المسجّلون دخولهم.
post-password-label = كلمة المرور
post-password-submit = فتح
post-password-wrong = كلمة المرور هذه غير صحيحة. يُرجى المحاولة مرة أخرى.
comment-error-name = تحقّق من اسمك: إنه طويل جدًا أو فيه أحرف لا يمكن حفظها.
comment-error-email = أدخل عنوان بريد إلكتروني صالحًا أو اترك الحقل فارغًا.
comment-error-url = أدخل عنوانًا يبدأ بـ http:// أو https://‎ أو اترك الحقل فارغًا.
comment-error-body = اكتب تعليقًا (4096 حرفًا على الأكثر).
comment-error-parent = التعليق الذي كنت ترد عليه لم يعد موجودًا؛ سيُنشر تعليقك منفصلًا.
comment-error = تعذّر نشر تعليقك؛ تحقّق من النموذج.

## قوائم الرسائل

newer-posts = رسائل أحدث
older-posts = رسائل أقدم
show-all-posts = عرض كل الرسائل
no-posts-yet = لا توجد رسائل هنا بعد.
label-heading = عرض الرسائل ذات التسميات { $label }
label-empty = لا توجد رسائل بالتسمية { $label }.
year-heading = رسائل عام { $year }
year-empty = لا توجد رسائل من عام { $year }.
month-heading = رسائل { $month } { $year }
month-empty = لا توجد رسائل من { $month } { $year }.

## البحث

search-title = بحث: { $query }
search-results = نتائج البحث عن «{ $query }»
search-none = لا توجد رسائل تطابق «{ $query }».
search-prompt = اكتب بعض الكلمات للبحث في هذه المدونة.

## صفحات الأخطاء

error-not-found = لا توجد صفحة على هذا العنوان
error-not-found-message = عذرًا، الصفحة التي تبحث عنها في هذه المدونة غير موجودة.
not-found-search = ابحث في هذه المدونة عمّا كنت تبحث عنه:
error-slow-down = مهلًا
error-slow-down-message = وصلت طلبات كثيرة جدًا من عنوانك. انتظر قليلًا ثم حاول مرة أخرى.
error-forbidden = غير مسموح
error-forbidden-message = لا يُسمح لك بفعل ذلك في هذه المدونة.
error-gone = محذوفة
error-gone-message = حُذفت هذه التدوينة.
error-server = حدث خطأ ما
error-server-message = حدث خطأ ما من جهتنا. حاول مرة أخرى بعد قليل.
error-other = لم ينجح ذلك
error-other-message = تعذّرت معالجة هذا الطلب. ارجع وحاول مرة أخرى.
go-home = الانتقال إلى الصفحة الرئيسية

## الخلاصات

feed-comments-title = { $blog } - التعليقات
feed-post-comments-title = تعليقات على { $blog }: { $post }

## البريد الذي يطلبه القرّاء

follow-heading = المتابعة بالبريد الإلكتروني
follow-email-label = عنوان البريد الإلكتروني
follow-email-placeholder = عنوان البريد الإلكتروني...
follow-submit = إرسال
follow-about = الرسائل الجديدة في هذه المدونة تصلك بالبريد الإلكتروني فور نشرها.
follow-asked-heading = تفقّد بريدك الوارد
follow-asked = إن لم يكن هذا العنوان يتابع المدونة بعد، فرسالة فيها رابط للتأكيد في طريقها إليه. ستصلك الرسائل بعد أن تؤكد.
follow-error-email = أدخل عنوان بريد إلكتروني صالحًا.
follow-confirm-about = هل تريد إرسال الرسائل الجديدة في هذه المدونة إلى { $email }؟
follow-confirmed-heading = تم الاشتراك
follow-confirmed = تم التأكيد: ستُرسل الرسائل الجديدة إلى { $email }. في كل رسالة رابط لإيقافها.
unsubscribe-heading = إلغاء الاشتراك
unsubscribe-about = هل تريد إيقاف إرسال الرسائل الجديدة في هذه المدونة إلى { $email }؟
unsubscribed-heading = تم إلغاء الاشتراك
unsubscribed = تم إلغاء الاشتراك: لن تُرسل رسائل أخرى إلى { $email }.
notify-replies = إعلامي بالردود
notify-replies-hint = (بالبريد الإلكتروني؛ نطلب منك التأكيد أولًا)
replies-about = الردود على تعليقك على «{ $post }» تُرسل إلى { $email }.
replies-confirmed-heading = تم التأكيد
replies-confirmed = تم التأكيد: سيصلك بالبريد كل رد على تعليقك على «{ $post }». في كل رسالة رابط لإيقافها.
replies-stop-heading = إيقاف رسائل الردود
replies-stopped = تم إلغاء الاشتراك: لن تُرسل بعد الآن ردود على تعليقك على «{ $post }».
button-confirm = تأكيد
button-unsubscribe = إلغاء الاشتراك
back-to-blog = العودة إلى { $blog }

## Mail: the words of every mail readers and owners get

mail-days =
    { $days ->
        [zero] { $days } يوم
        [one] يوم واحد
        [two] يومان
        [few] { $days } أيام
        [many] { $days } يومًا
       *[other] { $days } يوم
    }
mail-not-asked = إن لم تطلب ذلك، فتجاهل هذه الرسالة: لن يُرسل إليك شيء آخر.
mail-confirm-link = للتأكيد، افتح هذا الرابط (يعمل لمدة { $duration }):
mail-held-subject = علّق { $name } على «{ $post }» (في انتظار الموافقة)
mail-held-intro = علّق { $name } على «{ $post }» ({ $url })، والتعليق في انتظار الموافقة.
mail-held-why = سبب احتجازه: { $reasons }
mail-held-by-setting = المدونة تحتجز التعليقات حتى الموافقة عليها
mail-held-approve = الموافقة عليه: { $link }
mail-held-spam = وضع علامة «رسالة غير مرغوب فيها»: { $link }
mail-held-links = يفتح كل رابط صفحة فيها زر واحد، ويعمل لمدة { $duration }.
mail-held-waiting = كل التعليقات التي تنتظر الموافقة: { $link }
mail-review-subject = أرسل { $name } «{ $post }» للمراجعة
mail-review-intro = يطلب منك { $name } مراجعة «{ $post }» قبل نشرها.
mail-review-edit = افتحها في المحرّر: { $link }
mail-review-waiting = كل التدوينات التي تنتظر المراجعة: { $link }
mail-reset-subject = كلمة مرور جديدة لمدونة { $blog }
mail-reset-intro = طلب أحدهم تعيين كلمة مرور جديدة للحساب { $email } في { $blog }.
mail-reset-link = لاختيار كلمة مرور جديدة، افتح هذا الرابط خلال ساعة؛ يعمل مرة واحدة:
mail-reset-signs-out = تعيين كلمة مرور جديدة يُخرج هذا الحساب من كل مكان.
mail-reset-not-asked = إن لم تطلب ذلك، فتجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.
mail-replies-subject = تأكيد: الردود على تعليقك على «{ $post }»
mail-replies-intro = طلبت من { $blog } أن ترسل إليك الردود على تعليقك على «{ $post }» ({ $url }).
mail-reply-subject = ردّ { $name } على تعليقك على «{ $post }»
mail-reply-intro = ردّ { $name } على تعليقك على «{ $post }»:
mail-reply-read = اقرأه في المدونة: { $link }
mail-reply-stop = إيقاف رسائل الردود على تعليقك: { $link }
mail-follow-subject = تأكيد: متابعة { $blog } عبر البريد الإلكتروني
mail-follow-intro = طلب أحدهم، ونرجو أن تكون أنت، أن تُرسل المشاركات الجديدة في { $blog } ({ $url }) إلى { $email }.
mail-post-read = اقرأها في المدونة: { $link }
mail-post-following = أنت تتابع { $blog } عبر البريد الإلكتروني.
mail-post-unsubscribe = إلغاء الاشتراك
mail-post-leave = إلغاء الاشتراك: { $link }

## The static render (`tidings render`)

static-comments-closed = هذه نسخة ثابتة من المدونة: التعليقات مغلقة هنا.
