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

error-not-found = הדף לא נמצא
error-not-found-message = מצטערים, הדף שחיפשתם אינו קיים בבלוג זה.
error-slow-down = לאט יותר
error-slow-down-message = הגיעו יותר מדי בקשות מהכתובת שלכם. המתינו מעט ונסו שוב.
error-forbidden = אין הרשאה
error-forbidden-message = אין לכם הרשאה לעשות זאת בבלוג זה.
error-server = משהו השתבש
error-server-message = משהו השתבש אצלנו. נסו שוב בעוד רגע.
error-other = זה לא הצליח
error-other-message = לא ניתן היה לטפל בבקשה. חזרו אחורה ונסו שוב.
go-home = מעבר לדף הבית

## עדכונים

feed-comments-title = { $blog } - תגובות
feed-post-comments-title = תגובות על { $blog }: { $post }
