# דפי הקוראים בעברית, במילים של Blogger במקום שיש לו כאלה.

## מסביב לכל דף

skip-link = דילוג לתוכן הראשי
blog-navigation = ניווט בבלוג
search-heading = חיפוש בבלוג זה
search-label = חיפוש
search-button = חיפוש
pages-heading = דפים
labels-heading = תוויות
archive-heading = ארכיון הבלוג
archive-all-of-year = כל שנת { $year }
subscribe-heading = הירשם ל-
subscribe-posts = רשומות (Atom)
subscribe-comments = תגובות (Atom)
powered-by = מופעל על ידי Tidings.
more-posts = רשומות נוספות
home = דף הבית

## רשומה

posted-by = פורסם על ידי { $author } ב- { $time }
labels-prefix = תוויות:
read-more = המשך קריאה »
pinned-post = פוסט נעוץ
comment-count =
    { $count ->
        [0] אין תגובות
        [one] תגובה אחת
        [two] שתי תגובות
       *[other] { $count } תגובות
    }
comments-heading =
    { $count ->
        [0] אין תגובות:
        [one] תגובה אחת:
        [two] שתי תגובות:
       *[other] { $count } תגובות:
    }
newer-post = רשומה חדשה יותר
older-post = רשומה ישנה יותר

## טופס התגובה

reply = תשובה
comment-by-author = הכותב
comment-form-heading = הוסף רשומת תגובה
comment-held = תודה! התגובה שלך ממתינה לאישור ותופיע כשכותב הבלוג יאשר אותה.
replying-to = תשובה ל{ $author }.
cancel-reply = ביטול התשובה
honeypot-label = השאירו את השדה הזה ריק
commenting-as = את/ה מגיב/ה בתור { $name }.
field-name = שם
name-placeholder = אנונימי
field-email = דוא״ל
email-hint = (לא חובה, לעולם לא מוצג)
field-website = אתר
optional-hint = (לא חובה)
field-comment = תגובה
publish = פרסום
comments-closed = התגובות בבלוג זה סגורות.
comments-members-only = רק חברי הבלוג המחוברים יכולים להגיב.
comments-closed-post = התגובות סגורות.
post-protected = הפוסט הזה מוגן בסיסמה. הזינו אותה כדי לקרוא את הפוסט.
preview-banner = תצוגה מקדימה: הקוראים עדיין לא רואים את הרשומה הזו. רק אנשי הבלוג המחוברים יכולים לפתוח את הדף.
post-password-label = סיסמה
post-password-submit = פתיחה
post-password-wrong = הסיסמה הזו אינה נכונה. נסו שוב.
comment-error-name = בדקו את השם: הוא ארוך מדי או מכיל תווים שאי אפשר לשמור.
comment-error-email = הזינו כתובת דוא״ל תקינה, או השאירו את השדה ריק.
comment-error-url = הזינו כתובת שמתחילה ב-http:// או ב-https://, או השאירו את השדה ריק.
comment-error-body = כתבו תגובה (עד 4096 תווים).
comment-error-parent = התגובה שעליה השבתם כבר לא קיימת; התגובה שלכם תפורסם בנפרד.
comment-error = לא ניתן היה לפרסם את התגובה; בדקו את הטופס.

## רשימות רשומות

newer-posts = רשומות חדשות יותר
older-posts = רשומות ישנות יותר
show-all-posts = הצגת כל הרשומות
no-posts-yet = אין כאן רשומות עדיין.
label-heading = מציג רשומות עם התווית { $label }
label-empty = אין רשומות עם התווית { $label }.
year-heading = רשומות משנת { $year }
year-empty = אין רשומות משנת { $year }.
month-heading = רשומות מ{ $month } { $year }
month-empty = אין רשומות מ{ $month } { $year }.

## חיפוש

search-title = חיפוש: { $query }
search-results = תוצאות החיפוש עבור „{ $query }”
search-none = אין רשומות שתואמות ל„{ $query }”.
search-prompt = הקלידו כמה מילים כדי לחפש בבלוג זה.

## דפי שגיאה

error-not-found = אין דף בכתובת הזאת
error-not-found-message = מצטערים, הדף שחיפשתם אינו קיים בבלוג זה.
not-found-search = חפשו בבלוג הזה את מה שחיפשתם:
error-slow-down = לאט יותר
error-slow-down-message = הגיעו יותר מדי בקשות מהכתובת שלכם. המתינו מעט ונסו שוב.
error-forbidden = אין הרשאה
error-forbidden-message = אין לכם הרשאה לעשות זאת בבלוג זה.
error-gone = נמחק
error-gone-message = הפוסט הזה נמחק.
error-server = משהו השתבש
error-server-message = משהו השתבש אצלנו. נסו שוב בעוד רגע.
error-other = זה לא הצליח
error-other-message = לא ניתן היה לטפל בבקשה. חזרו אחורה ונסו שוב.
go-home = מעבר לדף הבית

## עדכונים

feed-comments-title = { $blog } - תגובות
feed-post-comments-title = תגובות על { $blog }: { $post }

## הדואר שהקוראים מבקשים

follow-heading = מעקב בדוא״ל
follow-email-label = כתובת דוא״ל
follow-email-placeholder = כתובת דוא״ל...
follow-submit = שליחה
follow-about = רשומות חדשות בבלוג הזה, נשלחות אליכם בדוא״ל ברגע שהן מתפרסמות.
follow-asked-heading = בדקו את תיבת הדואר הנכנס
follow-asked = אם הכתובת הזו עדיין לא עוקבת אחרי הבלוג, הודעה עם קישור לאישור נמצאת בדרך. הרשומות יישלחו לאחר שתאשרו.
follow-error-email = הזינו כתובת דוא״ל תקינה.
follow-confirm-about = לשלוח רשומות חדשות בבלוג הזה אל { $email }?
follow-confirmed-heading = ההרשמה אושרה
follow-confirmed = אושר: רשומות חדשות יישלחו אל { $email }. בכל הודעה יש קישור להפסקת המשלוח.
unsubscribe-heading = ביטול הרשמה
unsubscribe-about = להפסיק לשלוח רשומות חדשות בבלוג הזה אל { $email }?
unsubscribed-heading = ההרשמה בוטלה
unsubscribed = ההרשמה בוטלה: לא יישלחו עוד רשומות אל { $email }.
notify-replies = שלחו לי הודעה על תשובות
notify-replies-hint = (בדוא״ל; קודם נבקש מכם לאשר)
replies-about = תשובות לתגובה שלכם על „{ $post }”, נשלחות אל { $email }.
replies-confirmed-heading = אושר
replies-confirmed = אושר: כל תשובה לתגובה שלכם על „{ $post }” תישלח אליכם בדוא״ל. בכל הודעה יש קישור להפסקת המשלוח.
replies-stop-heading = הפסקת הודעות על תשובות
replies-stopped = ההרשמה בוטלה: לא יישלחו עוד תשובות לתגובה שלכם על „{ $post }”.
button-confirm = אישור
button-unsubscribe = ביטול הרשמה
back-to-blog = חזרה אל { $blog }

## Mail: the words of every mail readers and owners get

mail-days =
    { $days ->
        [one] יום אחד
        [two] יומיים
       *[other] { $days } ימים
    }
mail-not-asked = אם לא ביקשתם, התעלמו מהודעה זו: לא יישלח דבר נוסף.
mail-confirm-link = כדי לאשר, פתחו את הקישור הזה (הוא תקף במשך { $duration }):
mail-held-subject = { $name } הגיב/ה על „{ $post }” (ממתין לאישור)
mail-held-intro = { $name } הגיב/ה על „{ $post }” ({ $url }), והתגובה ממתינה לאישור.
mail-held-why = למה היא נעצרה: { $reasons }
mail-held-by-setting = הבלוג עוצר תגובות עד לאישורן
mail-held-approve = לאשר אותה: { $link }
mail-held-spam = לסמן כספאם: { $link }
mail-held-links = כל קישור פותח דף עם כפתור אחד, ותקף במשך { $duration }.
mail-held-waiting = כל התגובות הממתינות לאישור: { $link }
mail-review-subject = { $name } שלח/ה את „{ $post }” לבדיקה
mail-review-intro = { $name } מבקש/ת שתבדקו את „{ $post }” לפני הפרסום.
mail-review-edit = פתיחה בעורך: { $link }
mail-review-waiting = כל הרשומות הממתינות לבדיקה: { $link }
mail-reset-subject = סיסמה חדשה עבור { $blog }
mail-reset-intro = מישהו ביקש לקבוע סיסמה חדשה עבור { $email } ב־{ $blog }.
mail-reset-link = כדי לבחור סיסמה חדשה, פתחו את הקישור הזה בתוך שעה; הוא עובד פעם אחת:
mail-reset-signs-out = קביעת סיסמה חדשה מנתקת את החשבון הזה בכל מקום.
mail-reset-not-asked = אם לא ביקשתם, התעלמו מהודעה זו: הסיסמה שלכם נשארת כפי שהיא.
mail-replies-subject = אישור: תשובות לתגובה שלכם על „{ $post }”
mail-replies-intro = ביקשתם מ־{ $blog } לשלוח לכם תשובות לתגובה שלכם על „{ $post }” ({ $url }).
mail-reply-subject = { $name } השיב/ה לתגובה שלכם על „{ $post }”
mail-reply-intro = { $name } השיב/ה לתגובה שלכם על „{ $post }”:
mail-reply-read = לקריאה בבלוג: { $link }
mail-reply-stop = להפסיק לשלוח תשובות לתגובה שלכם: { $link }
mail-follow-subject = אישור: מעקב אחר { $blog } בדוא״ל
mail-follow-intro = מישהו, אנו מקווים שאתם, ביקש שפוסטים חדשים של { $blog } ({ $url }) יישלחו אל { $email }.
mail-post-read = לקריאה בבלוג: { $link }
mail-post-following = אתם עוקבים אחר { $blog } בדוא״ל.
mail-post-unsubscribe = ביטול המינוי
mail-post-leave = ביטול המינוי: { $link }

## The static render (`tidings render`)

static-comments-closed = זהו עותק סטטי של הבלוג: התגובות כאן סגורות.
