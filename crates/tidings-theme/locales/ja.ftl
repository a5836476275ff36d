# 日本語の読者向けページ。Blogger に言い回しがあるものはそれに合わせています。

## すべてのページの周り

skip-link = メインコンテンツへ移動
blog-navigation = ブログ内のナビゲーション
search-heading = このブログを検索
search-label = 検索
search-button = 検索
pages-heading = ページ
labels-heading = ラベル
archive-heading = ブログ アーカイブ
archive-all-of-year = { $year }年のすべて
subscribe-heading = 登録
subscribe-posts = 投稿 (Atom)
subscribe-comments = コメント (Atom)
powered-by = Tidings で作成。
more-posts = ほかの投稿
home = ホーム

## 投稿

posted-by = 投稿者 { $author } 時刻: { $time }
labels-prefix = ラベル:
read-more = 続きを読む »
pinned-post = 固定された投稿
comment-count =
    { $count ->
        [0] コメントはありません
       *[other] { $count } 件のコメント
    }
comments-heading =
    { $count ->
        [0] コメントはありません:
       *[other] { $count } 件のコメント:
    }
newer-post = 次の投稿
older-post = 前の投稿

## コメント フォーム

reply = 返信
comment-by-author = 投稿者
comment-form-heading = コメントを投稿
comment-held = ありがとうございます。コメントは承認待ちです。ブログの作成者が承認すると表示されます。
replying-to = { $author } さんへの返信。
cancel-reply = 返信をキャンセル
honeypot-label = この欄は空のままにしてください
commenting-as = { $name } としてコメントしています。
field-name = 名前
name-placeholder = 匿名
field-email = メールアドレス
email-hint = (任意、表示されません)
field-website = ウェブサイト
optional-hint = (任意)
field-comment = コメント
publish = 公開
comments-closed = このブログではコメントを受け付けていません。
comments-members-only = このブログにログインしているメンバーだけがコメントできます。
comments-closed-post = コメントは受け付けていません。
post-protected = この投稿はパスワードで保護されています。読むにはパスワードを入力してください。
preview-banner = プレビュー：この投稿はまだ読者に表示されていません。このページを開けるのは、ログインしているブログのメンバーだけです。
post-password-label = パスワード
post-password-submit = 開く
post-password-wrong = パスワードが正しくありません。もう一度お試しください。
comment-error-name = 名前を確認してください。長すぎるか、保存できない文字が含まれています。
comment-error-email = 有効なメールアドレスを入力するか、空欄のままにしてください。
comment-error-url = http:// または https:// で始まるアドレスを入力するか、空欄のままにしてください。
comment-error-body = コメントを入力してください (4,096 文字以内)。
comment-error-parent = 返信先のコメントはもうありません。あなたのコメントは単独で投稿されます。
comment-error = コメントを投稿できませんでした。フォームを確認してください。

## 投稿の一覧

newer-posts = 新しい投稿
older-posts = 前の投稿
show-all-posts = すべての投稿を表示
no-posts-yet = まだ投稿はありません。
label-heading = ラベル「{ $label }」の投稿を表示しています
label-empty = ラベル「{ $label }」の投稿はありません。
year-heading = { $year }年の投稿
year-empty = { $year }年の投稿はありません。
month-heading = { $year }年{ $month }の投稿
month-empty = { $year }年{ $month }の投稿はありません。

## 検索

search-title = 検索: { $query }
search-results = 「{ $query }」の検索結果
search-none = 「{ $query }」に一致する投稿はありません。
search-prompt = このブログを検索する言葉を入力してください。

## エラー ページ

error-not-found = このアドレスにはページがありません
error-not-found-message = お探しのページはこのブログにはありません。
not-found-search = お探しのものをこのブログで検索:
error-slow-down = しばらくお待ちください
error-slow-down-message = お使いのアドレスからのリクエストが多すぎます。少し待ってからもう一度お試しください。
error-forbidden = 許可されていません
error-forbidden-message = このブログでその操作は許可されていません。
error-gone = 削除済み
error-gone-message = この投稿は削除されました。
error-server = 問題が発生しました
error-server-message = こちら側で問題が発生しました。しばらくしてからもう一度お試しください。
error-other = うまくいきませんでした
error-other-message = このリクエストを処理できませんでした。前のページに戻ってもう一度お試しください。
go-home = ホームページへ

## フィード

feed-comments-title = { $blog } - コメント
feed-post-comments-title = { $blog } のコメント: { $post }

## 読者が希望するメール

follow-heading = メールで購読する
follow-email-label = メールアドレス
follow-email-placeholder = メールアドレス...
follow-submit = 送信
follow-about = このブログの新しい投稿を、公開されしだいメールでお届けします。
follow-asked-heading = 受信トレイを確認してください
follow-asked = このアドレスがまだこのブログを購読していない場合は、確認用リンクを記載したメールをお送りしました。確認が済むと投稿が届くようになります。
follow-error-email = 有効なメールアドレスを入力してください。
follow-confirm-about = このブログの新しい投稿を { $email } に送信しますか？
follow-confirmed-heading = 購読を開始しました
follow-confirmed = 確認しました。新しい投稿を { $email } にお送りします。各メールに配信停止用のリンクがあります。
unsubscribe-heading = 購読を解除
unsubscribe-about = このブログの新しい投稿を { $email } に送信するのを停止しますか？
unsubscribed-heading = 購読を解除しました
unsubscribed = 購読を解除しました。今後 { $email } に投稿は送信されません。
notify-replies = 返信をメールで受け取る
notify-replies-hint = （メールで通知します。最初に確認をお願いします）
replies-about = 「{ $post }」へのあなたのコメントへの返信を { $email } にお送りします。
replies-confirmed-heading = 確認しました
replies-confirmed = 確認しました。「{ $post }」へのあなたのコメントへの返信をそのつどメールでお送りします。各メールに配信停止用のリンクがあります。
replies-stop-heading = 返信のメールを停止
replies-stopped = 購読を解除しました。「{ $post }」へのあなたのコメントへの返信は今後送信されません。
button-confirm = 確認
button-unsubscribe = 購読を解除
back-to-blog = { $blog } に戻る

## Mail: the words of every mail readers and owners get

mail-days =
    { $days ->
       *[other] { $days } 日間
    }
mail-not-asked = お心当たりがない場合は、このメールを無視してください。今後メールは届きません。
mail-confirm-link = 確認するには、次のリンクを開いてください（{ $duration }有効です）:
mail-held-subject = { $name } さんが「{ $post }」にコメントしました（承認待ち）
mail-held-intro = { $name } さんが「{ $post }」（{ $url }）にコメントしました。コメントは承認を待っています。
mail-held-why = 保留された理由: { $reasons }
mail-held-by-setting = このブログではコメントを承認してから公開します
mail-held-approve = 承認する: { $link }
mail-held-spam = スパムとしてマークする: { $link }
mail-held-links = 各リンクはボタンが 1 つだけのページを開き、{ $duration }有効です。
mail-held-waiting = 承認待ちのすべてのコメント: { $link }
mail-review-subject = { $name } さんが「{ $post }」をレビューに提出しました
mail-review-intro = { $name } さんが、公開前に「{ $post }」を確認するよう依頼しています。
mail-review-edit = エディタで開く：{ $link }
mail-review-waiting = レビュー待ちのすべての投稿：{ $link }
mail-reset-subject = { $blog } の新しいパスワード
mail-reset-intro = { $blog } の { $email } について、新しいパスワードの設定が依頼されました。
mail-reset-link = 新しいパスワードを設定するには、1 時間以内に次のリンクを開いてください。リンクは 1 回だけ使えます:
mail-reset-signs-out = 新しいパスワードを設定すると、このアカウントはすべての場所でログアウトされます。
mail-reset-not-asked = お心当たりがない場合は、このメールを無視してください。パスワードは変わりません。
mail-replies-subject = 確認: 「{ $post }」へのあなたのコメントへの返信
mail-replies-intro = 「{ $post }」（{ $url }）へのあなたのコメントへの返信を、{ $blog } からメールで受け取るよう依頼されました。
mail-reply-subject = { $name } さんが「{ $post }」へのあなたのコメントに返信しました
mail-reply-intro = { $name } さんが「{ $post }」へのあなたのコメントに返信しました:
mail-reply-read = ブログで読む: { $link }
mail-reply-stop = このコメントへの返信メールを停止する: { $link }
mail-follow-subject = 確認: { $blog } をメールでフォロー
mail-follow-intro = { $blog }（{ $url }）の新しい投稿を { $email } に送るよう依頼がありました。
mail-post-read = ブログで読む: { $link }
mail-post-following = { $blog } をメールでフォローしています。
mail-post-unsubscribe = 配信を停止
mail-post-leave = 配信を停止: { $link }

## The static render (`tidings render`)

static-comments-closed = これはブログの静的なコピーです。ここではコメントを受け付けていません。
