# 繁體中文讀者頁面，有 Blogger 原有說法的地方沿用其說法。

## 每個頁面的四周

skip-link = 跳至主要內容
blog-navigation = 網誌導覽
search-heading = 搜尋此網誌
search-label = 搜尋
search-button = 搜尋
pages-heading = 網頁
labels-heading = 標籤
archive-heading = 網誌存檔
archive-all-of-year = { $year }年全部
subscribe-heading = 訂閱
subscribe-posts = 文章 (Atom)
subscribe-comments = 留言 (Atom)
powered-by = 由 Tidings 技術提供。
more-posts = 更多文章
home = 首頁

## 文章

posted-by = 張貼者：{ $author } 於 { $time }
labels-prefix = 標籤：
read-more = 閱讀更多 »
pinned-post = 置頂文章
comment-count =
    { $count ->
        [0] 沒有留言
       *[other] { $count } 則留言
    }
comments-heading =
    { $count ->
        [0] 沒有留言：
       *[other] { $count } 則留言：
    }
newer-post = 較新的文章
older-post = 較舊的文章

## 留言表單

reply = 回覆
comment-by-author = 作者
comment-form-heading = 張貼留言
comment-held = 謝謝！您的留言正在等待審核，網誌作者核准後就會顯示。
replying-to = 正在回覆 { $author }。
cancel-reply = 取消回覆
honeypot-label = 請勿填寫此欄
commenting-as = 您正以 { $name } 的身分留言。
field-name = 名稱
name-placeholder = 匿名
field-email = 電子郵件
email-hint = （選填，不會公開）
field-website = 網站
optional-hint = （選填）
field-comment = 留言
publish = 發佈
comments-closed = 這個網誌已關閉留言。
comments-members-only = 只有已登入的網誌成員才能留言。
comments-closed-post = 留言已關閉。
post-protected = 這篇文章受密碼保護。請輸入密碼以閱讀文章。
preview-banner = 預覽：讀者還看不到這篇文章。只有已登入的網誌成員才能開啟此頁面。
post-password-label = 密碼
post-password-submit = 開啟
post-password-wrong = 密碼不正確，請再試一次。
comment-error-name = 請檢查名稱：太長或含有無法儲存的字元。
comment-error-email = 請輸入有效的電子郵件地址，或留空。
comment-error-url = 請輸入以 http:// 或 https:// 開頭的網址，或留空。
comment-error-body = 請寫下留言（最多 4096 個字元）。
comment-error-parent = 您回覆的留言已不存在，您的留言將另外張貼。
comment-error = 無法張貼您的留言，請檢查表單。

## 文章清單

newer-posts = 較新的文章
older-posts = 較舊的文章
show-all-posts = 顯示所有文章
no-posts-yet = 這裡還沒有文章。
label-heading = 顯示具有「{ $label }」標籤的文章
label-empty = 沒有具有「{ $label }」標籤的文章。
year-heading = { $year }年的文章
year-empty = 沒有{ $year }年的文章。
month-heading = { $year }年{ $month }的文章
month-empty = 沒有{ $year }年{ $month }的文章。

## 搜尋

search-title = 搜尋：{ $query }
search-results = 「{ $query }」的搜尋結果
search-none = 沒有符合「{ $query }」的文章。
search-prompt = 輸入字詞以搜尋此網誌。

## 錯誤頁面

error-not-found = 此網址沒有頁面
error-not-found-message = 很抱歉，您在此網誌中尋找的網頁不存在。
not-found-search = 在本網誌中搜尋您要找的內容：
error-slow-down = 請放慢速度
error-slow-down-message = 來自您位址的要求過多。請稍候再試。
error-forbidden = 不允許
error-forbidden-message = 您無權在此網誌上執行這項操作。
error-gone = 已刪除
error-gone-message = 這篇文章已被刪除。
error-server = 發生錯誤
error-server-message = 我們這邊發生錯誤。請稍後再試。
error-other = 操作未成功
error-other-message = 無法處理這項要求。請返回後再試一次。
go-home = 前往首頁

## 資訊提供

feed-comments-title = { $blog } - 留言
feed-post-comments-title = { $blog } 上的留言：{ $post }

## 讀者要求的郵件

follow-heading = 以電子郵件追蹤
follow-email-label = 電子郵件地址
follow-email-placeholder = 電子郵件地址...
follow-submit = 提交
follow-about = 這個網誌的新文章一發佈就會寄到您的信箱。
follow-asked-heading = 請查看收件匣
follow-asked = 如果這個地址尚未追蹤這個網誌，一封附有確認連結的郵件正在寄出。您確認後就會開始寄送文章。
follow-error-email = 請輸入有效的電子郵件地址。
follow-confirm-about = 要將這個網誌的新文章寄到 { $email } 嗎？
follow-confirmed-heading = 訂閱成功
follow-confirmed = 已確認：新文章將寄到 { $email }。每封郵件都附有取消訂閱的連結。
unsubscribe-heading = 取消訂閱
unsubscribe-about = 不再將這個網誌的新文章寄到 { $email } 嗎？
unsubscribed-heading = 已取消訂閱
unsubscribed = 已取消訂閱：不會再寄送文章到 { $email }。
notify-replies = 有回覆時通知我
notify-replies-hint = （透過電子郵件；我們會先請您確認）
replies-about = 您在「{ $post }」的留言所收到的回覆，將寄到 { $email }。
replies-confirmed-heading = 已確認
replies-confirmed = 已確認：您在「{ $post }」的留言所收到的每則回覆都會以電子郵件寄給您。每封郵件都附有取消訂閱的連結。
replies-stop-heading = 不再接收回覆郵件
replies-stopped = 已取消訂閱：不會再寄送您在「{ $post }」的留言所收到的回覆。
button-confirm = 確認
button-unsubscribe = 取消訂閱
back-to-blog = 返回{ $blog }

## Mail: the words of every mail readers and owners get

mail-days =
    { $days ->
       *[other] { $days } 天
    }
mail-not-asked = 如果這不是您的要求，請忽略這封郵件：我們不會再寄送任何內容。
mail-confirm-link = 如要確認，請開啟這個連結（{ $duration }內有效）：
mail-held-subject = { $name } 在「{ $post }」留言（等待核准）
mail-held-intro = { $name } 在「{ $post }」（{ $url }）留言，這則留言正在等待核准。
mail-held-why = 被保留的原因：{ $reasons }
mail-held-by-setting = 本網誌的留言須經核准
mail-held-approve = 核准：{ $link }
mail-held-spam = 標示為垃圾留言：{ $link }
mail-held-links = 每個連結都會開啟只有一個按鈕的頁面，{ $duration }內有效。
mail-held-waiting = 所有等待核准的留言：{ $link }
mail-review-subject = { $name } 提交了「{ $post }」以供審閱
mail-review-intro = { $name } 請你在發布前審閱「{ $post }」。
mail-review-edit = 在編輯器中開啟：{ $link }
mail-review-waiting = 所有等待審閱的文章：{ $link }
mail-reset-subject = { $blog } 的新密碼
mail-reset-intro = 有人要求為 { $blog } 上的 { $email } 設定新密碼。
mail-reset-link = 如要設定新密碼，請在一小時內開啟這個連結；連結只能使用一次：
mail-reset-signs-out = 設定新密碼後，這個帳戶會在所有地方登出。
mail-reset-not-asked = 如果這不是您的要求，請忽略這封郵件：您的密碼維持不變。
mail-replies-subject = 請確認：您在「{ $post }」的留言所收到的回覆
mail-replies-intro = 您要求 { $blog } 將您在「{ $post }」（{ $url }）的留言所收到的回覆寄給您。
mail-reply-subject = { $name } 回覆了您在「{ $post }」的留言
mail-reply-intro = { $name } 回覆了您在「{ $post }」的留言：
mail-reply-read = 在網誌上閱讀：{ $link }
mail-reply-stop = 不再接收這則留言的回覆郵件：{ $link }
mail-follow-subject = 請確認：透過電子郵件追蹤 { $blog }
mail-follow-intro = 有人（希望是您）要求將 { $blog }（{ $url }）的新文章寄到 { $email }。
mail-post-read = 在網誌上閱讀：{ $link }
mail-post-following = 您正透過電子郵件追蹤 { $blog }。
mail-post-unsubscribe = 取消訂閱
mail-post-leave = 取消訂閱：{ $link }

## The static render (`tidings render`)

static-comments-closed = 這是網誌的靜態副本：此處已關閉留言。
