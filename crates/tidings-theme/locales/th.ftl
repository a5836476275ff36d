# หน้าสำหรับผู้อ่านภาษาไทย ใช้ถ้อยคำของ Blogger ในที่ที่มี

## รอบทุกหน้า

skip-link = ข้ามไปยังเนื้อหาหลัก
blog-navigation = การนำทางในบล็อก
search-heading = ค้นหาบล็อกนี้
search-label = ค้นหา
search-button = ค้นหา
pages-heading = หน้า
labels-heading = ป้ายกำกับ
archive-heading = คลังบทความของบล็อก
archive-all-of-year = ทั้งปี { $year }
subscribe-heading = สมัครสมาชิก
subscribe-posts = บทความ (Atom)
subscribe-comments = ความคิดเห็น (Atom)
powered-by = ขับเคลื่อนโดย Tidings
more-posts = บทความเพิ่มเติม
home = หน้าแรก

## บทความ

posted-by = โพสต์โดย { $author } เวลา { $time }
labels-prefix = ป้ายกำกับ:
read-more = อ่านต่อ »
pinned-post = โพสต์ที่ปักหมุด
comment-count =
    { $count ->
        [0] ไม่มีความคิดเห็น
       *[other] { $count } ความคิดเห็น
    }
comments-heading =
    { $count ->
        [0] ไม่มีความคิดเห็น:
       *[other] { $count } ความคิดเห็น:
    }
newer-post = บทความที่ใหม่กว่า
older-post = บทความที่เก่ากว่า

## แบบฟอร์มความคิดเห็น

reply = ตอบกลับ
comment-by-author = ผู้เขียน
comment-form-heading = แสดงความคิดเห็น
comment-held = ขอบคุณ! ความคิดเห็นของคุณกำลังรอการตรวจสอบ และจะแสดงเมื่อผู้เขียนบล็อกอนุมัติ
replying-to = ตอบกลับ { $author }
cancel-reply = ยกเลิกการตอบกลับ
honeypot-label = เว้นช่องนี้ว่างไว้
commenting-as = คุณกำลังแสดงความคิดเห็นในชื่อ { $name }
field-name = ชื่อ
name-placeholder = ไม่ระบุชื่อ
field-email = อีเมล
email-hint = (ไม่บังคับ ไม่แสดงต่อผู้อื่น)
field-website = เว็บไซต์
optional-hint = (ไม่บังคับ)
field-comment = ความคิดเห็น
publish = เผยแพร่
comments-closed = บล็อกนี้ปิดรับความคิดเห็น
comments-members-only = เฉพาะสมาชิกของบล็อกนี้ที่ลงชื่อเข้าใช้แล้วเท่านั้นที่แสดงความคิดเห็นได้
comments-closed-post = ปิดรับความคิดเห็นแล้ว
post-protected = โพสต์นี้ป้องกันด้วยรหัสผ่าน ป้อนรหัสผ่านเพื่ออ่านโพสต์
preview-banner = ตัวอย่าง: ผู้อ่านยังไม่เห็นโพสต์นี้ เฉพาะคนของบล็อกที่ลงชื่อเข้าใช้แล้วเท่านั้นที่เปิดหน้านี้ได้
post-password-label = รหัสผ่าน
post-password-submit = เปิด
post-password-wrong = รหัสผ่านไม่ถูกต้อง โปรดลองอีกครั้ง
comment-error-name = โปรดตรวจสอบชื่อ: ยาวเกินไปหรือมีอักขระที่บันทึกไม่ได้
comment-error-email = โปรดใส่อีเมลที่ถูกต้อง หรือเว้นว่างไว้
comment-error-url = โปรดใส่ที่อยู่ที่ขึ้นต้นด้วย http:// หรือ https:// หรือเว้นว่างไว้
comment-error-body = โปรดเขียนความคิดเห็น (ไม่เกิน 4,096 อักขระ)
comment-error-parent = ความคิดเห็นที่คุณตอบกลับไม่มีอยู่แล้ว ความคิดเห็นของคุณจะเผยแพร่แยกต่างหาก
comment-error = เผยแพร่ความคิดเห็นของคุณไม่ได้ โปรดตรวจสอบแบบฟอร์ม

## รายการบทความ

newer-posts = บทความที่ใหม่กว่า
older-posts = บทความที่เก่ากว่า
show-all-posts = แสดงบทความทั้งหมด
no-posts-yet = ยังไม่มีบทความที่นี่
label-heading = แสดงบทความที่มีป้ายกำกับ { $label }
label-empty = ไม่มีบทความที่มีป้ายกำกับ { $label }
year-heading = บทความจากปี { $year }
year-empty = ไม่มีบทความจากปี { $year }
month-heading = บทความจาก{ $month } { $year }
month-empty = ไม่มีบทความจาก{ $month } { $year }

## การค้นหา

search-title = ค้นหา: { $query }
search-results = ผลการค้นหาสำหรับ “{ $query }”
search-none = ไม่มีบทความที่ตรงกับ “{ $query }”
search-prompt = พิมพ์คำเพื่อค้นหาในบล็อกนี้

## หน้าข้อผิดพลาด

error-not-found = ไม่มีหน้าที่ที่อยู่นี้
error-not-found-message = ขออภัย ไม่มีหน้าที่คุณค้นหาในบล็อกนี้
not-found-search = ค้นหาสิ่งที่คุณกำลังมองหาในบล็อกนี้:
error-slow-down = ช้าลงหน่อย
error-slow-down-message = มีคำขอจากที่อยู่ของคุณมากเกินไป โปรดรอสักครู่แล้วลองอีกครั้ง
error-forbidden = ไม่ได้รับอนุญาต
error-forbidden-message = คุณไม่ได้รับอนุญาตให้ทำสิ่งนั้นในบล็อกนี้
error-gone = ถูกลบแล้ว
error-gone-message = โพสต์นี้ถูกลบแล้ว
error-server = เกิดข้อผิดพลาด
error-server-message = เกิดข้อผิดพลาดฝั่งเรา โปรดลองอีกครั้งในอีกสักครู่
error-other = ดำเนินการไม่สำเร็จ
error-other-message = ไม่สามารถจัดการคำขอนี้ได้ โปรดย้อนกลับแล้วลองอีกครั้ง
go-home = ไปที่หน้าแรก

## ฟีด

feed-comments-title = { $blog } - ความคิดเห็น
feed-post-comments-title = ความคิดเห็นเกี่ยวกับ { $blog }: { $post }

## อีเมลที่ผู้อ่านขอรับ

follow-heading = ติดตามทางอีเมล
follow-email-label = ที่อยู่อีเมล
follow-email-placeholder = ที่อยู่อีเมล...
follow-submit = ส่ง
follow-about = บทความใหม่ของบล็อกนี้ ส่งถึงอีเมลของคุณทันทีที่เผยแพร่
follow-asked-heading = โปรดตรวจดูกล่องจดหมายของคุณ
follow-asked = หากที่อยู่นี้ยังไม่ได้ติดตามบล็อกนี้ อีเมลที่มีลิงก์ยืนยันกำลังส่งไป เราจะเริ่มส่งบทความเมื่อคุณยืนยันแล้ว
follow-error-email = โปรดใส่อีเมลที่ถูกต้อง
follow-confirm-about = ส่งบทความใหม่ของบล็อกนี้ไปที่ { $email } ใช่ไหม
follow-confirmed-heading = สมัครรับข้อมูลแล้ว
follow-confirmed = ยืนยันแล้ว: บทความใหม่จะส่งไปที่ { $email } ทุกอีเมลมีลิงก์สำหรับยกเลิก
unsubscribe-heading = ยกเลิกการรับข้อมูล
unsubscribe-about = หยุดส่งบทความใหม่ของบล็อกนี้ไปที่ { $email } ใช่ไหม
unsubscribed-heading = ยกเลิกการรับข้อมูลแล้ว
unsubscribed = ยกเลิกการรับข้อมูลแล้ว: จะไม่มีบทความส่งไปที่ { $email } อีก
notify-replies = แจ้งให้ฉันทราบเมื่อมีการตอบกลับ
notify-replies-hint = (ทางอีเมล เราจะขอให้คุณยืนยันก่อน)
replies-about = การตอบกลับความคิดเห็นของคุณใน “{ $post }” ส่งไปที่ { $email }
replies-confirmed-heading = ยืนยันแล้ว
replies-confirmed = ยืนยันแล้ว: ทุกการตอบกลับความคิดเห็นของคุณใน “{ $post }” จะส่งถึงคุณทางอีเมล ทุกอีเมลมีลิงก์สำหรับยกเลิก
replies-stop-heading = หยุดรับอีเมลการตอบกลับ
replies-stopped = ยกเลิกการรับข้อมูลแล้ว: จะไม่มีการส่งการตอบกลับความคิดเห็นของคุณใน “{ $post }” อีก
button-confirm = ยืนยัน
button-unsubscribe = ยกเลิกการรับข้อมูล
back-to-blog = กลับไปที่ { $blog }

## Mail: the words of every mail readers and owners get

mail-days =
    { $days ->
       *[other] { $days } วัน
    }
mail-not-asked = หากคุณไม่ได้ขอ โปรดเพิกเฉยต่ออีเมลนี้ จะไม่มีการส่งอะไรอีก
mail-confirm-link = หากต้องการยืนยัน ให้เปิดลิงก์นี้ (ใช้ได้ { $duration }):
mail-held-subject = { $name } แสดงความคิดเห็นใน “{ $post }” (รอการอนุมัติ)
mail-held-intro = { $name } แสดงความคิดเห็นใน “{ $post }” ({ $url }) และความคิดเห็นกำลังรอการอนุมัติ
mail-held-why = เหตุผลที่ถูกระงับ: { $reasons }
mail-held-by-setting = บล็อกนี้ระงับความคิดเห็นไว้รอการอนุมัติ
mail-held-approve = อนุมัติ: { $link }
mail-held-spam = ทำเครื่องหมายว่าเป็นสแปม: { $link }
mail-held-links = แต่ละลิงก์จะเปิดหน้าที่มีปุ่มเดียว และใช้ได้ { $duration }
mail-held-waiting = ความคิดเห็นทั้งหมดที่รอการอนุมัติ: { $link }
mail-review-subject = { $name } ส่ง “{ $post }” เพื่อตรวจทาน
mail-review-intro = { $name } ขอให้คุณตรวจทาน “{ $post }” ก่อนเผยแพร่
mail-review-edit = เปิดในตัวแก้ไข: { $link }
mail-review-waiting = โพสต์ทั้งหมดที่รอการตรวจทาน: { $link }
mail-reset-subject = รหัสผ่านใหม่สำหรับ { $blog }
mail-reset-intro = มีผู้ขอตั้งรหัสผ่านใหม่สำหรับ { $email } ใน { $blog }
mail-reset-link = หากต้องการตั้งรหัสผ่านใหม่ ให้เปิดลิงก์นี้ภายในหนึ่งชั่วโมง ใช้ได้เพียงครั้งเดียว:
mail-reset-signs-out = การตั้งรหัสผ่านใหม่จะออกจากระบบบัญชีนี้ทุกที่
mail-reset-not-asked = หากคุณไม่ได้ขอ โปรดเพิกเฉยต่ออีเมลนี้ รหัสผ่านของคุณยังคงเดิม
mail-replies-subject = ยืนยัน: การตอบกลับความคิดเห็นของคุณใน “{ $post }”
mail-replies-intro = คุณขอให้ { $blog } ส่งการตอบกลับความคิดเห็นของคุณใน “{ $post }” ({ $url }) ทางอีเมล
mail-reply-subject = { $name } ตอบกลับความคิดเห็นของคุณใน “{ $post }”
mail-reply-intro = { $name } ตอบกลับความคิดเห็นของคุณใน “{ $post }”:
mail-reply-read = อ่านในบล็อก: { $link }
mail-reply-stop = หยุดส่งอีเมลการตอบกลับความคิดเห็นของคุณ: { $link }
mail-follow-subject = ยืนยัน: ติดตาม { $blog } ทางอีเมล
mail-follow-intro = มีผู้ขอ (เราหวังว่าเป็นคุณ) ให้ส่งโพสต์ใหม่ของ { $blog } ({ $url }) ไปที่ { $email }
mail-post-read = อ่านในบล็อก: { $link }
mail-post-following = คุณติดตาม { $blog } ทางอีเมล
mail-post-unsubscribe = ยกเลิกการรับ
mail-post-leave = ยกเลิกการรับ: { $link }

## The static render (`tidings render`)

static-comments-closed = นี่คือสำเนาแบบคงที่ของบล็อก ปิดการแสดงความคิดเห็นที่นี่
