# 한국어 독자 페이지. Blogger의 표현이 있는 곳은 그 표현을 따랐습니다.

## 모든 페이지 둘레

skip-link = 본문으로 건너뛰기
blog-navigation = 블로그 탐색
search-heading = 이 블로그 검색
search-label = 검색
search-button = 검색
pages-heading = 페이지
labels-heading = 라벨
archive-heading = 블로그 보관함
archive-all-of-year = { $year }년 전체
subscribe-heading = 구독
subscribe-posts = 게시물 (Atom)
subscribe-comments = 댓글 (Atom)
powered-by = Tidings로 만든 블로그입니다.
more-posts = 게시물 더보기
home = 홈

## 게시물

posted-by = 게시자: { $author } 시간: { $time }
labels-prefix = 라벨:
read-more = 더 보기 »
pinned-post = 고정된 글
comment-count =
    { $count ->
        [0] 댓글 없음
       *[other] 댓글 { $count }개
    }
comments-heading =
    { $count ->
        [0] 댓글 없음:
       *[other] 댓글 { $count }개:
    }
newer-post = 최근 게시물
older-post = 이전 게시물

## 댓글 양식

reply = 답글
comment-by-author = 작성자
comment-form-heading = 댓글 쓰기
comment-held = 감사합니다! 댓글은 검토를 기다리고 있으며 블로그 작성자가 승인하면 표시됩니다.
replying-to = { $author }님에게 답글 작성 중.
cancel-reply = 답글 취소
honeypot-label = 이 칸은 비워 두세요
commenting-as = { $name }(으)로 댓글을 쓰는 중입니다.
field-name = 이름
name-placeholder = 익명
field-email = 이메일
email-hint = (선택, 공개되지 않음)
field-website = 웹사이트
optional-hint = (선택)
field-comment = 댓글
publish = 게시
comments-closed = 이 블로그는 댓글을 받지 않습니다.
comments-members-only = 로그인한 이 블로그의 회원만 댓글을 쓸 수 있습니다.
comments-closed-post = 댓글을 받지 않습니다.
post-protected = 이 글은 비밀번호로 보호되어 있습니다. 글을 읽으려면 비밀번호를 입력하세요.
preview-banner = 미리보기: 독자는 아직 이 게시물을 볼 수 없습니다. 로그인한 블로그 구성원만 이 페이지를 열 수 있습니다.
post-password-label = 비밀번호
post-password-submit = 열기
post-password-wrong = 비밀번호가 맞지 않습니다. 다시 시도해 주세요.
comment-error-name = 이름을 확인하세요. 너무 길거나 저장할 수 없는 문자가 있습니다.
comment-error-email = 올바른 이메일 주소를 입력하거나 비워 두세요.
comment-error-url = http:// 또는 https://로 시작하는 주소를 입력하거나 비워 두세요.
comment-error-body = 댓글을 입력하세요 (최대 4,096자).
comment-error-parent = 답글을 달려던 댓글이 더 이상 없습니다. 댓글은 따로 게시됩니다.
comment-error = 댓글을 게시하지 못했습니다. 양식을 확인하세요.

## 게시물 목록

newer-posts = 최근 게시물
older-posts = 이전 게시물
show-all-posts = 모든 게시물 보기
no-posts-yet = 아직 게시물이 없습니다.
label-heading = { $label } 라벨이 있는 게시물을 표시합니다
label-empty = { $label } 라벨이 있는 게시물이 없습니다.
year-heading = { $year }년의 게시물
year-empty = { $year }년의 게시물이 없습니다.
month-heading = { $year }년 { $month }의 게시물
month-empty = { $year }년 { $month }의 게시물이 없습니다.

## 검색

search-title = 검색: { $query }
search-results = ‘{ $query }’ 검색결과
search-none = ‘{ $query }’와(과) 일치하는 게시물이 없습니다.
search-prompt = 이 블로그에서 찾을 단어를 입력하세요.

## 오류 페이지

error-not-found = 이 주소에는 페이지가 없습니다
error-not-found-message = 죄송합니다. 찾으시는 페이지가 이 블로그에 없습니다.
not-found-search = 찾으시던 내용을 이 블로그에서 검색하세요:
error-slow-down = 잠시만 기다려 주세요
error-slow-down-message = 주소에서 요청이 너무 많이 왔습니다. 잠시 후 다시 시도하세요.
error-forbidden = 허용되지 않음
error-forbidden-message = 이 블로그에서는 그 작업을 할 수 없습니다.
error-gone = 삭제됨
error-gone-message = 이 글은 삭제되었습니다.
error-server = 문제가 발생했습니다
error-server-message = 저희 쪽에서 문제가 발생했습니다. 잠시 후 다시 시도하세요.
error-other = 처리하지 못했습니다
error-other-message = 이 요청을 처리할 수 없습니다. 이전 페이지로 돌아가 다시 시도하세요.
go-home = 홈페이지로 이동

## 피드

feed-comments-title = { $blog } - 댓글
feed-post-comments-title = { $blog }의 댓글: { $post }

## 독자가 요청하는 메일

follow-heading = 이메일로 팔로우하기
follow-email-label = 이메일 주소
follow-email-placeholder = 이메일 주소...
follow-submit = 제출
follow-about = 이 블로그의 새 게시물을 게시되는 대로 이메일로 보내 드립니다.
follow-asked-heading = 받은편지함을 확인하세요
follow-asked = 이 주소가 아직 이 블로그를 팔로우하지 않는다면 확인 링크가 담긴 메일을 보냈습니다. 확인하시면 게시물을 보내 드립니다.
follow-error-email = 올바른 이메일 주소를 입력하세요.
follow-confirm-about = 이 블로그의 새 게시물을 { $email }(으)로 보낼까요?
follow-confirmed-heading = 구독 완료
follow-confirmed = 확인되었습니다. 새 게시물을 { $email }(으)로 보내 드립니다. 모든 메일에 수신을 중단하는 링크가 있습니다.
unsubscribe-heading = 구독 취소
unsubscribe-about = 이 블로그의 새 게시물을 더 이상 { $email }(으)로 보내지 않을까요?
unsubscribed-heading = 구독 취소됨
unsubscribed = 구독이 취소되었습니다. 더 이상 { $email }(으)로 게시물을 보내지 않습니다.
notify-replies = 답글 알림 받기
notify-replies-hint = (이메일로 알려 드리며, 먼저 확인을 요청합니다)
replies-about = ‘{ $post }’에 남긴 댓글의 답글을 { $email }(으)로 보내 드립니다.
replies-confirmed-heading = 확인됨
replies-confirmed = 확인되었습니다. ‘{ $post }’에 남긴 댓글의 답글을 이메일로 보내 드립니다. 모든 메일에 수신을 중단하는 링크가 있습니다.
replies-stop-heading = 답글 메일 중단
replies-stopped = 구독이 취소되었습니다. ‘{ $post }’에 남긴 댓글의 답글을 더 이상 보내지 않습니다.
button-confirm = 확인
button-unsubscribe = 구독 취소
back-to-blog = { $blog }(으)로 돌아가기

## Mail: the words of every mail readers and owners get

mail-days =
    { $days ->
       *[other] { $days }일
    }
mail-not-asked = 요청하지 않으셨다면 이 메일은 무시하세요. 더 이상 아무것도 보내지 않습니다.
mail-confirm-link = 확인하려면 이 링크를 여세요({ $duration } 동안 유효합니다):
mail-held-subject = { $name }님이 ‘{ $post }’에 댓글을 남겼습니다(승인 대기 중)
mail-held-intro = { $name }님이 ‘{ $post }’({ $url })에 댓글을 남겼으며, 댓글이 승인을 기다리고 있습니다.
mail-held-why = 보류된 이유: { $reasons }
mail-held-by-setting = 이 블로그는 댓글을 승인 후 게시합니다
mail-held-approve = 승인: { $link }
mail-held-spam = 스팸으로 표시: { $link }
mail-held-links = 각 링크는 버튼이 하나 있는 페이지를 열며, { $duration } 동안 유효합니다.
mail-held-waiting = 승인을 기다리는 모든 댓글: { $link }
mail-review-subject = { $name }님이 “{ $post }”을(를) 검토 요청했습니다
mail-review-intro = { $name }님이 “{ $post }”이(가) 게시되기 전에 검토해 달라고 요청합니다.
mail-review-edit = 편집기에서 열기: { $link }
mail-review-waiting = 검토를 기다리는 모든 게시물: { $link }
mail-reset-subject = { $blog }의 새 비밀번호
mail-reset-intro = 누군가 { $blog }에서 { $email }의 새 비밀번호 설정을 요청했습니다.
mail-reset-link = 새 비밀번호를 정하려면 한 시간 안에 이 링크를 여세요. 링크는 한 번만 쓸 수 있습니다:
mail-reset-signs-out = 새 비밀번호를 설정하면 이 계정은 모든 곳에서 로그아웃됩니다.
mail-reset-not-asked = 요청하지 않으셨다면 이 메일은 무시하세요. 비밀번호는 그대로입니다.
mail-replies-subject = 확인: ‘{ $post }’에 남긴 댓글의 답글
mail-replies-intro = { $blog }에 ‘{ $post }’({ $url })에 남긴 댓글의 답글을 메일로 받겠다고 요청하셨습니다.
mail-reply-subject = { $name }님이 ‘{ $post }’에 남긴 댓글에 답글을 달았습니다
mail-reply-intro = { $name }님이 ‘{ $post }’에 남긴 댓글에 답글을 달았습니다:
mail-reply-read = 블로그에서 읽기: { $link }
mail-reply-stop = 이 댓글의 답글 메일 받지 않기: { $link }
mail-follow-subject = 확인: 이메일로 { $blog } 팔로우
mail-follow-intro = 누군가(아마 본인이시겠지요) { $blog }({ $url })의 새 게시물을 { $email }(으)로 보내 달라고 요청했습니다.
mail-post-read = 블로그에서 읽기: { $link }
mail-post-following = 이메일로 { $blog }을(를) 팔로우하고 있습니다.
mail-post-unsubscribe = 구독 취소
mail-post-leave = 구독 취소: { $link }

## The static render (`tidings render`)

static-comments-closed = 이 페이지는 블로그의 정적 사본입니다. 여기서는 댓글을 달 수 없습니다.
