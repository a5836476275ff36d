# Trang cho người đọc bằng tiếng Việt, dùng từ ngữ của Blogger nếu có.

## Quanh mỗi trang

skip-link = Chuyển đến nội dung chính
blog-navigation = Điều hướng blog
search-heading = Tìm kiếm Blog này
search-label = Tìm kiếm
search-button = Tìm kiếm
pages-heading = Trang
labels-heading = Nhãn
archive-heading = Lưu trữ Blog
archive-all-of-year = Cả năm { $year }
subscribe-heading = Đăng ký
subscribe-posts = Bài đăng (Atom)
subscribe-comments = Nhận xét (Atom)
powered-by = Được tạo bằng Tidings.
more-posts = Thêm bài đăng
home = Trang chủ

## Bài đăng

posted-by = Đăng bởi { $author } lúc { $time }
labels-prefix = Nhãn:
read-more = Đọc thêm »
pinned-post = Bài đăng được ghim
comment-count =
    { $count ->
        [0] Không có nhận xét nào
       *[other] { $count } nhận xét
    }
comments-heading =
    { $count ->
        [0] Không có nhận xét nào:
       *[other] { $count } nhận xét:
    }
newer-post = Bài đăng Mới hơn
older-post = Bài đăng Cũ hơn

## Biểu mẫu nhận xét

reply = Trả lời
comment-by-author = Tác giả
comment-form-heading = Đăng nhận xét
comment-held = Cảm ơn bạn! Nhận xét của bạn đang chờ kiểm duyệt và sẽ hiện ra khi tác giả blog chấp thuận.
replying-to = Đang trả lời { $author }.
cancel-reply = Hủy trả lời
honeypot-label = Hãy để trống ô này
commenting-as = Bạn đang nhận xét với tên { $name }.
field-name = Tên
name-placeholder = Ẩn danh
field-email = Email
email-hint = (không bắt buộc, không bao giờ hiển thị)
field-website = Trang web
optional-hint = (không bắt buộc)
field-comment = Nhận xét
publish = Xuất bản
comments-closed = Blog này đã đóng nhận xét.
comments-members-only = Chỉ thành viên đã đăng nhập của blog này mới có thể nhận xét.
comments-closed-post = Đã đóng nhận xét.
post-protected = Bài đăng này được bảo vệ bằng mật khẩu. Hãy nhập mật khẩu để đọc bài.
preview-banner = Xem trước: người đọc chưa thấy bài đăng này. Chỉ những người của blog đã đăng nhập mới mở được trang này.
post-password-label = Mật khẩu
post-password-submit = Mở
post-password-wrong = Mật khẩu không đúng. Vui lòng thử lại.
comment-error-name = Hãy kiểm tra tên: tên quá dài hoặc có ký tự không thể lưu.
comment-error-email = Hãy nhập địa chỉ email hợp lệ hoặc để trống.
comment-error-url = Hãy nhập địa chỉ bắt đầu bằng http:// hoặc https://, hoặc để trống.
comment-error-body = Hãy viết nhận xét (tối đa 4.096 ký tự).
comment-error-parent = Nhận xét bạn trả lời không còn nữa; nhận xét của bạn sẽ được đăng riêng.
comment-error = Không thể đăng nhận xét của bạn; hãy kiểm tra biểu mẫu.

## Danh sách bài đăng

newer-posts = Bài đăng Mới hơn
older-posts = Bài đăng Cũ hơn
show-all-posts = Hiển thị tất cả bài đăng
no-posts-yet = Chưa có bài đăng nào ở đây.
label-heading = Hiển thị các bài đăng có nhãn { $label }
label-empty = Không có bài đăng nào có nhãn { $label }.
year-heading = Bài đăng năm { $year }
year-empty = Không có bài đăng nào năm { $year }.
month-heading = Bài đăng { $month } năm { $year }
month-empty = Không có bài đăng nào { $month } năm { $year }.

## Tìm kiếm

search-title = Tìm kiếm: { $query }
search-results = Kết quả tìm kiếm cho “{ $query }”
search-none = Không có bài đăng nào khớp với “{ $query }”.
search-prompt = Nhập vài từ để tìm kiếm trong blog này.

## Trang lỗi

error-not-found = Không có trang nào ở địa chỉ này
error-not-found-message = Rất tiếc, trang bạn tìm không có trong blog này.
not-found-search = Tìm trong blog này điều bạn đang tìm:
error-slow-down = Chậm lại một chút
error-slow-down-message = Có quá nhiều yêu cầu từ địa chỉ của bạn. Hãy đợi một lát rồi thử lại.
error-forbidden = Không được phép
error-forbidden-message = Bạn không được phép làm điều đó trên blog này.
error-gone = Đã xóa
error-gone-message = Bài đăng này đã bị xóa.
error-server = Đã xảy ra lỗi
error-server-message = Đã xảy ra lỗi từ phía chúng tôi. Hãy thử lại sau giây lát.
error-other = Không thực hiện được
error-other-message = Không thể xử lý yêu cầu này. Hãy quay lại và thử lại.
go-home = Đến trang chủ

## Nguồn cấp dữ liệu

feed-comments-title = { $blog } - Nhận xét
feed-post-comments-title = Nhận xét về { $blog }: { $post }

## Thư mà người đọc yêu cầu

follow-heading = Theo dõi qua email
follow-email-label = Địa chỉ email
follow-email-placeholder = Địa chỉ email...
follow-submit = Gửi
follow-about = Bài đăng mới của blog này, gửi tới email của bạn ngay khi được xuất bản.
follow-asked-heading = Hãy kiểm tra hộp thư đến
follow-asked = Nếu địa chỉ này chưa theo dõi blog, một email có liên kết xác nhận đang được gửi tới. Bài đăng sẽ được gửi sau khi bạn xác nhận.
follow-error-email = Hãy nhập địa chỉ email hợp lệ.
follow-confirm-about = Gửi bài đăng mới của blog này tới { $email }?
follow-confirmed-heading = Đã đăng ký
follow-confirmed = Đã xác nhận: bài đăng mới sẽ được gửi tới { $email }. Mỗi email đều có liên kết để hủy đăng ký.
unsubscribe-heading = Hủy đăng ký
unsubscribe-about = Ngừng gửi bài đăng mới của blog này tới { $email }?
unsubscribed-heading = Đã hủy đăng ký
unsubscribed = Đã hủy đăng ký: sẽ không có bài đăng nào được gửi tới { $email } nữa.
notify-replies = Thông báo cho tôi khi có trả lời
notify-replies-hint = (qua email; chúng tôi sẽ nhờ bạn xác nhận trước)
replies-about = Các trả lời cho nhận xét của bạn về “{ $post }”, gửi tới { $email }.
replies-confirmed-heading = Đã xác nhận
replies-confirmed = Đã xác nhận: mỗi trả lời cho nhận xét của bạn về “{ $post }” sẽ được gửi tới bạn qua email. Mỗi email đều có liên kết để hủy đăng ký.
replies-stop-heading = Ngừng nhận email về trả lời
replies-stopped = Đã hủy đăng ký: sẽ không còn gửi trả lời cho nhận xét của bạn về “{ $post }” nữa.
button-confirm = Xác nhận
button-unsubscribe = Hủy đăng ký
back-to-blog = Quay lại { $blog }

## Mail: the words of every mail readers and owners get

mail-days =
    { $days ->
       *[other] { $days } ngày
    }
mail-not-asked = Nếu bạn không yêu cầu, hãy bỏ qua thư này: sẽ không có gì được gửi thêm.
mail-confirm-link = Để xác nhận, hãy mở liên kết này (có hiệu lực trong { $duration }):
mail-held-subject = { $name } đã nhận xét về “{ $post }” (đang chờ duyệt)
mail-held-intro = { $name } đã nhận xét về “{ $post }” ({ $url }), và nhận xét đang chờ duyệt.
mail-held-why = Lý do bị giữ lại: { $reasons }
mail-held-by-setting = blog giữ lại các nhận xét để duyệt
mail-held-approve = Duyệt: { $link }
mail-held-spam = Đánh dấu là thư rác: { $link }
mail-held-links = Mỗi liên kết mở một trang chỉ có một nút, và có hiệu lực trong { $duration }.
mail-held-waiting = Tất cả nhận xét đang chờ duyệt: { $link }
mail-review-subject = { $name } đã gửi “{ $post }” để duyệt
mail-review-intro = { $name } nhờ bạn duyệt “{ $post }” trước khi xuất bản.
mail-review-edit = Mở trong trình soạn thảo: { $link }
mail-review-waiting = Mọi bài đăng đang chờ duyệt: { $link }
mail-reset-subject = Mật khẩu mới cho { $blog }
mail-reset-intro = Có người đã yêu cầu đặt mật khẩu mới cho { $email } trên { $blog }.
mail-reset-link = Để chọn mật khẩu mới, hãy mở liên kết này trong vòng một giờ; liên kết chỉ dùng được một lần:
mail-reset-signs-out = Đặt mật khẩu mới sẽ đăng xuất tài khoản này ở mọi nơi.
mail-reset-not-asked = Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu của bạn vẫn giữ nguyên.
mail-replies-subject = Xác nhận: các trả lời cho nhận xét của bạn về “{ $post }”
mail-replies-intro = Bạn đã yêu cầu { $blog } gửi cho bạn các trả lời cho nhận xét của bạn về “{ $post }” ({ $url }).
mail-reply-subject = { $name } đã trả lời nhận xét của bạn về “{ $post }”
mail-reply-intro = { $name } đã trả lời nhận xét của bạn về “{ $post }”:
mail-reply-read = Đọc trên blog: { $link }
mail-reply-stop = Ngừng nhận thư về các trả lời cho nhận xét của bạn: { $link }
mail-follow-subject = Xác nhận: theo dõi { $blog } qua email
mail-follow-intro = Có người, hy vọng là bạn, đã yêu cầu gửi các bài đăng mới của { $blog } ({ $url }) tới { $email }.
mail-post-read = Đọc trên blog: { $link }
mail-post-following = Bạn đang theo dõi { $blog } qua email.
mail-post-unsubscribe = Hủy đăng ký
mail-post-leave = Hủy đăng ký: { $link }

## The static render (`tidings render`)

static-comments-closed = Đây là bản sao tĩnh của blog: phần nhận xét đã đóng ở đây.
