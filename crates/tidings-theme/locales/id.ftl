# Halaman pembaca dalam bahasa Indonesia, memakai kata-kata Blogger bila ada.

## Di sekitar setiap halaman

skip-link = Langsung ke konten utama
blog-navigation = Navigasi blog
search-heading = Telusuri Blog Ini
search-label = Telusuri
search-button = Telusuri
pages-heading = Halaman
labels-heading = Label
archive-heading = Arsip Blog
archive-all-of-year = Seluruh { $year }
subscribe-heading = Berlangganan
subscribe-posts = Entri (Atom)
subscribe-comments = Komentar (Atom)
powered-by = Diberdayakan oleh Tidings.
more-posts = Entri lainnya
home = Beranda

## Entri

posted-by = Diposting oleh { $author } di { $time }
labels-prefix = Label:
read-more = Baca selengkapnya »
pinned-post = Postingan yang disematkan
comment-count =
    { $count ->
        [0] Tidak ada komentar
       *[other] { $count } komentar
    }
comments-heading =
    { $count ->
        [0] Tidak ada komentar:
       *[other] { $count } komentar:
    }
newer-post = Posting Lebih Baru
older-post = Posting Lama

## Formulir komentar

reply = Balas
comment-by-author = Penulis
comment-form-heading = Posting Komentar
comment-held = Terima kasih! Komentar Anda menunggu moderasi dan akan tampil setelah penulis blog menyetujuinya.
replying-to = Membalas { $author }.
cancel-reply = Batalkan balasan
honeypot-label = Biarkan kolom ini kosong
commenting-as = Anda berkomentar sebagai { $name }.
field-name = Nama
name-placeholder = Anonim
field-email = Email
email-hint = (opsional, tidak pernah ditampilkan)
field-website = Situs web
optional-hint = (opsional)
field-comment = Komentar
publish = Publikasikan
comments-closed = Komentar di blog ini ditutup.
comments-members-only = Hanya anggota blog ini yang sudah masuk yang dapat berkomentar.
comments-closed-post = Komentar ditutup.
post-protected = Postingan ini dilindungi kata sandi. Masukkan kata sandinya untuk membaca postingan.
preview-banner = Pratinjau: pembaca belum melihat postingan ini. Hanya orang-orang blog yang sudah masuk yang dapat membuka halaman ini.
post-password-label = Kata sandi
post-password-submit = Buka
post-password-wrong = Kata sandi itu salah. Silakan coba lagi.
comment-error-name = Periksa nama Anda: terlalu panjang atau berisi karakter yang tidak dapat disimpan.
comment-error-email = Masukkan alamat email yang valid, atau biarkan kosong.
comment-error-url = Masukkan alamat yang diawali http:// atau https://, atau biarkan kosong.
comment-error-body = Tulis komentar (paling banyak 4.096 karakter).
comment-error-parent = Komentar yang Anda balas sudah tidak ada; komentar Anda akan diposting tersendiri.
comment-error = Komentar Anda tidak dapat diposting; periksa formulirnya.

## Daftar entri

newer-posts = Posting Lebih Baru
older-posts = Posting Lama
show-all-posts = Tampilkan semua entri
no-posts-yet = Belum ada entri di sini.
label-heading = Menampilkan entri dengan label { $label }
label-empty = Tidak ada entri dengan label { $label }.
year-heading = Entri dari tahun { $year }
year-empty = Tidak ada entri dari tahun { $year }.
month-heading = Entri dari { $month } { $year }
month-empty = Tidak ada entri dari { $month } { $year }.

## Penelusuran

search-title = Penelusuran: { $query }
search-results = Hasil penelusuran untuk “{ $query }”
search-none = Tidak ada entri yang cocok dengan “{ $query }”.
search-prompt = Ketik beberapa kata untuk menelusuri blog ini.

## Halaman galat

error-not-found = Tidak ada halaman di alamat ini
error-not-found-message = Maaf, halaman yang Anda cari di blog ini tidak ada.
not-found-search = Cari di blog ini apa yang Anda cari:
error-slow-down = Pelan-pelan
error-slow-down-message = Terlalu banyak permintaan dari alamat Anda. Tunggu sebentar, lalu coba lagi.
error-forbidden = Tidak diizinkan
error-forbidden-message = Anda tidak diizinkan melakukan itu di blog ini.
error-gone = Dihapus
error-gone-message = Postingan ini telah dihapus.
error-server = Terjadi masalah
error-server-message = Terjadi masalah di pihak kami. Coba lagi sebentar lagi.
error-other = Itu tidak berhasil
error-other-message = Permintaan ini tidak dapat diproses. Kembali dan coba lagi.
go-home = Ke beranda

## Feed

feed-comments-title = { $blog } - Komentar
feed-post-comments-title = Komentar tentang { $blog }: { $post }

## Email yang diminta pembaca

follow-heading = Ikuti melalui Email
follow-email-label = Alamat email
follow-email-placeholder = Alamat email...
follow-submit = Kirim
follow-about = Posting baru blog ini, dikirim ke email Anda begitu diterbitkan.
follow-asked-heading = Periksa kotak masuk Anda
follow-asked = Jika alamat ini belum mengikuti blog ini, email berisi tautan konfirmasi sedang dikirim. Posting akan dikirim setelah Anda mengonfirmasi.
follow-error-email = Masukkan alamat email yang valid.
follow-confirm-about = Kirim posting baru blog ini ke { $email }?
follow-confirmed-heading = Langganan dikonfirmasi
follow-confirmed = Dikonfirmasi: posting baru akan dikirim ke { $email }. Setiap email berisi tautan untuk berhenti berlangganan.
unsubscribe-heading = Berhenti berlangganan
unsubscribe-about = Berhenti mengirim posting baru blog ini ke { $email }?
unsubscribed-heading = Langganan dihentikan
unsubscribed = Langganan dihentikan: tidak ada lagi posting yang dikirim ke { $email }.
notify-replies = Beri tahu saya jika ada balasan
notify-replies-hint = (melalui email; kami meminta konfirmasi Anda dulu)
replies-about = Balasan untuk komentar Anda di “{ $post }”, dikirim ke { $email }.
replies-confirmed-heading = Dikonfirmasi
replies-confirmed = Dikonfirmasi: setiap balasan untuk komentar Anda di “{ $post }” akan dikirim ke email Anda. Setiap email berisi tautan untuk berhenti berlangganan.
replies-stop-heading = Berhenti menerima email balasan
replies-stopped = Langganan dihentikan: balasan untuk komentar Anda di “{ $post }” tidak akan dikirim lagi.
button-confirm = Konfirmasi
button-unsubscribe = Berhenti berlangganan
back-to-blog = Kembali ke { $blog }

## Mail: the words of every mail readers and owners get

mail-days =
    { $days ->
       *[other] { $days } hari
    }
mail-not-asked = Jika Anda tidak memintanya, abaikan email ini: tidak ada lagi yang akan dikirim.
mail-confirm-link = Untuk mengonfirmasi, buka tautan ini (berlaku selama { $duration }):
mail-held-subject = { $name } mengomentari “{ $post }” (menunggu persetujuan)
mail-held-intro = { $name } mengomentari “{ $post }” ({ $url }), dan komentarnya menunggu persetujuan.
mail-held-why = Alasan ditahan: { $reasons }
mail-held-by-setting = blog menahan komentar untuk disetujui
mail-held-approve = Setujui: { $link }
mail-held-spam = Tandai sebagai spam: { $link }
mail-held-links = Setiap tautan membuka halaman dengan satu tombol, dan berlaku selama { $duration }.
mail-held-waiting = Semua komentar yang menunggu persetujuan: { $link }
mail-review-subject = { $name } mengirim “{ $post }” untuk ditinjau
mail-review-intro = { $name } meminta Anda meninjau “{ $post }” sebelum diterbitkan.
mail-review-edit = Buka di editor: { $link }
mail-review-waiting = Semua postingan yang menunggu tinjauan: { $link }
mail-reset-subject = Sandi baru untuk { $blog }
mail-reset-intro = Seseorang meminta sandi baru untuk { $email } di { $blog }.
mail-reset-link = Untuk memilih sandi baru, buka tautan ini dalam satu jam; tautan hanya berlaku sekali:
mail-reset-signs-out = Sandi baru mengeluarkan akun ini dari semua perangkat.
mail-reset-not-asked = Jika Anda tidak memintanya, abaikan email ini: sandi Anda tetap sama.
mail-replies-subject = Konfirmasi: balasan untuk komentar Anda di “{ $post }”
mail-replies-intro = Anda meminta { $blog } mengirimkan balasan untuk komentar Anda di “{ $post }” ({ $url }).
mail-reply-subject = { $name } membalas komentar Anda di “{ $post }”
mail-reply-intro = { $name } membalas komentar Anda di “{ $post }”:
mail-reply-read = Baca di blog: { $link }
mail-reply-stop = Berhenti menerima balasan untuk komentar Anda: { $link }
mail-follow-subject = Konfirmasi: ikuti { $blog } lewat email
mail-follow-intro = Seseorang, semoga Anda, meminta agar postingan baru { $blog } ({ $url }) dikirim ke { $email }.
mail-post-read = Baca di blog: { $link }
mail-post-following = Anda mengikuti { $blog } lewat email.
mail-post-unsubscribe = Berhenti berlangganan
mail-post-leave = Berhenti berlangganan: { $link }

## The static render (`tidings render`)

static-comments-closed = Ini salinan statis blog: komentar ditutup di sini.
