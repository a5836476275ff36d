# 简体中文读者页面，有 Blogger 原有说法的地方沿用其说法。

## 每个页面的四周

skip-link = 跳到主要内容
blog-navigation = 博客导航
search-heading = 搜索此博客
search-label = 搜索
search-button = 搜索
pages-heading = 页面
labels-heading = 标签
archive-heading = 博客归档
archive-all-of-year = { $year }年全部
subscribe-heading = 订阅
subscribe-posts = 博文 (Atom)
subscribe-comments = 评论 (Atom)
powered-by = 由 Tidings 提供支持。
more-posts = 更多博文
home = 主页

## 博文

posted-by = 发布者：{ $author } 时间：{ $time }
labels-prefix = 标签：
read-more = 阅读更多 »
pinned-post = 置顶文章
comment-count =
    { $count ->
        [0] 没有评论
       *[other] { $count } 条评论
    }
comments-heading =
    { $count ->
        [0] 没有评论：
       *[other] { $count } 条评论：
    }
newer-post = 较新的博文
older-post = 较早的博文

## 评论表单

reply = 回复
comment-by-author = 作者
comment-form-heading = 发表评论
comment-held = 谢谢！您的评论正在等待审核，博客作者批准后即会显示。
replying-to = 正在回复 { $author }。
cancel-reply = 取消回复
honeypot-label = 请勿填写此栏
commenting-as = 您正以 { $name } 的身份评论。
field-name = 名字
name-placeholder = 匿名
field-email = 电子邮件
email-hint = （选填，不会公开）
field-website = 网站
optional-hint = （选填）
field-comment = 评论
publish = 发布
comments-closed = 此博客已关闭评论。
comments-members-only = 只有已登录的博客成员才能评论。
comments-closed-post = 评论已关闭。
post-protected = 此博文受密码保护。请输入密码以阅读博文。
preview-banner = 预览：读者还看不到这篇博文。只有已登录的博客成员才能打开此页面。
post-password-label = 密码
post-password-submit = 打开
post-password-wrong = 密码不正确，请重试。
comment-error-name = 请检查名字：太长或含有无法保存的字符。
comment-error-email = 请输入有效的电子邮件地址，或留空。
comment-error-url = 请输入以 http:// 或 https:// 开头的网址，或留空。
comment-error-body = 请写下评论（最多 4096 个字符）。
comment-error-parent = 您回复的评论已不存在，您的评论将单独发布。
comment-error = 无法发布您的评论，请检查表单。

## 博文列表

newer-posts = 较新的博文
older-posts = 较早的博文
show-all-posts = 显示所有博文
no-posts-yet = 这里还没有博文。
label-heading = 显示标签为“{ $label }”的博文
label-empty = 没有标签为“{ $label }”的博文。
year-heading = { $year }年的博文
year-empty = 没有{ $year }年的博文。
month-heading = { $year }年{ $month }的博文
month-empty = 没有{ $year }年{ $month }的博文。

## 搜索

search-title = 搜索：{ $query }
search-results = “{ $query }”的搜索结果
search-none = 没有与“{ $query }”匹配的博文。
search-prompt = 输入字词以搜索此博客。

## 错误页面

error-not-found = 此地址没有页面
error-not-found-message = 抱歉，您在此博客中查找的网页不存在。
not-found-search = 在本博客中搜索您要找的内容：
error-slow-down = 请慢一点
error-slow-down-message = 来自您地址的请求过多。请稍候再试。
error-forbidden = 不允许
error-forbidden-message = 您无权在此博客上执行此操作。
error-gone = 已删除
error-gone-message = 此博文已被删除。
error-server = 出了点问题
error-server-message = 我们这边出了点问题。请稍后再试。
error-other = 操作未成功
error-other-message = 无法处理此请求。请返回后重试。
go-home = 前往主页

## 供稿

feed-comments-title = { $blog } - 评论
feed-post-comments-title = { $blog } 上的评论：{ $post }

## 读者要求的邮件

follow-heading = 通过电子邮件订阅
follow-email-label = 电子邮件地址
follow-email-placeholder = 电子邮件地址...
follow-submit = 提交
follow-about = 本博客的新博文一发布就会发送到您的邮箱。
follow-asked-heading = 请查看收件箱
follow-asked = 如果此地址尚未订阅本博客，一封含确认链接的邮件正在发送。您确认后即会开始发送博文。
follow-error-email = 请输入有效的电子邮件地址。
follow-confirm-about = 将本博客的新博文发送到 { $email }？
follow-confirmed-heading = 订阅成功
follow-confirmed = 已确认：新博文将发送到 { $email }。每封邮件都附有退订链接。
unsubscribe-heading = 退订
unsubscribe-about = 不再将本博客的新博文发送到 { $email }？
unsubscribed-heading = 已退订
unsubscribed = 已退订：不会再向 { $email } 发送博文。
notify-replies = 有回复时通知我
notify-replies-hint = （通过电子邮件；我们会先请您确认）
replies-about = 您在“{ $post }”上的评论收到的回复，将发送到 { $email }。
replies-confirmed-heading = 已确认
replies-confirmed = 已确认：您在“{ $post }”上的评论收到的每条回复都会通过电子邮件发送给您。每封邮件都附有退订链接。
replies-stop-heading = 不再接收回复邮件
replies-stopped = 已退订：不会再发送您在“{ $post }”上的评论收到的回复。
button-confirm = 确认
button-unsubscribe = 退订
back-to-blog = 返回{ $blog }

## Mail: the words of every mail readers and owners get

mail-days =
    { $days ->
       *[other] { $days } 天
    }
mail-not-asked = 如果这不是您的请求，请忽略此邮件：我们不会再发送任何内容。
mail-confirm-link = 要确认，请打开此链接（{ $duration }内有效）：
mail-held-subject = { $name } 评论了“{ $post }”（等待审核）
mail-held-intro = { $name } 评论了“{ $post }”（{ $url }），该评论正在等待审核。
mail-held-why = 被扣留的原因：{ $reasons }
mail-held-by-setting = 本博客的评论须经审核
mail-held-approve = 批准：{ $link }
mail-held-spam = 标记为垃圾评论：{ $link }
mail-held-links = 每个链接会打开一个只有一个按钮的页面，{ $duration }内有效。
mail-held-waiting = 所有等待审核的评论：{ $link }
mail-review-subject = { $name } 提交了“{ $post }”以供审阅
mail-review-intro = { $name } 请你在发布前审阅“{ $post }”。
mail-review-edit = 在编辑器中打开：{ $link }
mail-review-waiting = 所有等待审阅的博文：{ $link }
mail-reset-subject = { $blog } 的新密码
mail-reset-intro = 有人请求为 { $blog } 上的 { $email } 设置新密码。
mail-reset-link = 要设置新密码，请在一小时内打开此链接；链接只能使用一次：
mail-reset-signs-out = 设置新密码后，此帐号会在所有地方退出登录。
mail-reset-not-asked = 如果这不是您的请求，请忽略此邮件：您的密码保持不变。
mail-replies-subject = 请确认：您在“{ $post }”上的评论收到的回复
mail-replies-intro = 您请求 { $blog } 将您在“{ $post }”（{ $url }）上的评论收到的回复发送给您。
mail-reply-subject = { $name } 回复了您在“{ $post }”上的评论
mail-reply-intro = { $name } 回复了您在“{ $post }”上的评论：
mail-reply-read = 在博客上阅读：{ $link }
mail-reply-stop = 不再接收此评论的回复邮件：{ $link }
mail-follow-subject = 请确认：通过电子邮件关注 { $blog }
mail-follow-intro = 有人（希望是您）请求将 { $blog }（{ $url }）的新博文发送到 { $email }。
mail-post-read = 在博客上阅读：{ $link }
mail-post-following = 您正在通过电子邮件关注 { $blog }。
mail-post-unsubscribe = 退订
mail-post-leave = 退订：{ $link }

## The static render (`tidings render`)

static-comments-closed = 这是博客的静态副本：此处已关闭评论。
