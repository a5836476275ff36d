# Türkçe okur sayfaları; Blogger'ın kendi sözcükleri olan yerlerde onlar.

## Her sayfanın çevresi

skip-link = Ana içeriğe geç
blog-navigation = Blog gezinmesi
search-heading = Bu Blogda Ara
search-label = Ara
search-button = Ara
pages-heading = Sayfalar
labels-heading = Etiketler
archive-heading = Blog Arşivi
archive-all-of-year = { $year } yılının tümü
subscribe-heading = Abone ol
subscribe-posts = Yayınlar (Atom)
subscribe-comments = Yorumlar (Atom)
powered-by = Tidings ile çalışır.
more-posts = Diğer yayınlar
home = Ana Sayfa

## Yayın

posted-by = { $author } tarafından { $time } tarihinde gönderildi
labels-prefix = Etiketler:
read-more = Devamını oku »
pinned-post = Sabitlenmiş yayın
comment-count =
    { $count ->
        [0] Yorum yok
       *[other] { $count } yorum
    }
comments-heading =
    { $count ->
        [0] Yorum yok:
       *[other] { $count } yorum:
    }
newer-post = Sonraki Kayıt
older-post = Önceki Kayıt

## Yorum formu

reply = Yanıtla
comment-by-author = Yazar
comment-form-heading = Yorum Gönder
comment-held = Teşekkürler! Yorumunuz onay bekliyor; blog yazarı onayladığında görünecek.
replying-to = { $author } adlı kişiye yanıt.
cancel-reply = Yanıtı iptal et
honeypot-label = Bu alanı boş bırakın
commenting-as = { $name } olarak yorum yapıyorsunuz.
field-name = Ad
name-placeholder = Anonim
field-email = E-posta
email-hint = (isteğe bağlı, asla gösterilmez)
field-website = Web sitesi
optional-hint = (isteğe bağlı)
field-comment = Yorum
publish = Yayınla
comments-closed = Bu blogda yorumlar kapalı.
comments-members-only = Yalnızca oturum açmış blog üyeleri yorum yapabilir.
comments-closed-post = Yorumlar kapalı.
post-protected = Bu yayın parolayla korunuyor. Okumak için parolayı girin.
preview-banner = Önizleme: okurlar bu yayını henüz görmüyor. Bu sayfayı yalnızca oturum açmış blog üyeleri açabilir.
post-password-label = Parola
post-password-submit = Aç
post-password-wrong = Parola doğru değil. Lütfen yeniden deneyin.
comment-error-name = Adınızı kontrol edin: çok uzun ya da kaydedilemeyen karakterler içeriyor.
comment-error-email = Geçerli bir e-posta adresi girin ya da alanı boş bırakın.
comment-error-url = http:// veya https:// ile başlayan bir adres girin ya da alanı boş bırakın.
comment-error-body = Bir yorum yazın (en fazla 4.096 karakter).
comment-error-parent = Yanıtladığınız yorum artık yok; yorumunuz ayrı olarak yayınlanacak.
comment-error = Yorumunuz yayınlanamadı; formu kontrol edin.

## Yayın listeleri

newer-posts = Sonraki Kayıtlar
older-posts = Önceki Kayıtlar
show-all-posts = Tüm yayınları göster
no-posts-yet = Burada henüz yayın yok.
label-heading = { $label } etiketine sahip yayınlar gösteriliyor
label-empty = { $label } etiketine sahip yayın yok.
year-heading = { $year } yılındaki yayınlar
year-empty = { $year } yılından yayın yok.
month-heading = { $month } { $year } yayınları
month-empty = { $month } { $year } döneminden yayın yok.

## Arama

search-title = Arama: { $query }
search-results = “{ $query }” için arama sonuçları
search-none = “{ $query }” ile eşleşen yayın yok.
search-prompt = Bu blogda aramak için birkaç sözcük yazın.

## Hata sayfaları

error-not-found = Bu adreste bir sayfa yok
error-not-found-message = Üzgünüz, bu blogda aradığınız sayfa yok.
not-found-search = Aradığınızı bu blogda arayın:
error-slow-down = Biraz yavaş
error-slow-down-message = Adresinizden çok fazla istek geldi. Biraz bekleyip yeniden deneyin.
error-forbidden = İzin verilmiyor
error-forbidden-message = Bu blogda bunu yapmanıza izin verilmiyor.
error-gone = Silindi
error-gone-message = Bu yayın silindi.
error-server = Bir sorun oluştu
error-server-message = Bizim tarafımızda bir sorun oluştu. Birazdan yeniden deneyin.
error-other = Bu işe yaramadı
error-other-message = Bu istek işlenemedi. Geri dönüp yeniden deneyin.
go-home = Ana sayfaya git

## Beslemeler

feed-comments-title = { $blog } - Yorumlar
feed-post-comments-title = { $blog } üzerine yorumlar: { $post }

## Okurların istediği e-postalar

follow-heading = E-postayla takip et
follow-email-label = E-posta adresi
follow-email-placeholder = E-posta adresi...
follow-submit = Gönder
follow-about = Bu blogun yeni yayınları, yayınlanır yayınlanmaz e-postanıza gelir.
follow-asked-heading = Gelen kutunuza bakın
follow-asked = Bu adres blogu henüz takip etmiyorsa onay bağlantısı içeren bir e-posta yolda. Onayladığınızda yayınlar gönderilmeye başlar.
follow-error-email = Geçerli bir e-posta adresi girin.
follow-confirm-about = Bu blogun yeni yayınları { $email } adresine gönderilsin mi?
follow-confirmed-heading = Abonelik onaylandı
follow-confirmed = Onaylandı: yeni yayınlar { $email } adresine gönderilecek. Her e-postada aboneliği bitirmek için bir bağlantı var.
unsubscribe-heading = Abonelikten çık
unsubscribe-about = Bu blogun yeni yayınları artık { $email } adresine gönderilmesin mi?
unsubscribed-heading = Abonelikten çıkıldı
unsubscribed = Abonelikten çıkıldı: { $email } adresine artık yayın gönderilmeyecek.
notify-replies = Yanıtları bana bildir
notify-replies-hint = (e-postayla; önce onaylamanızı isteriz)
replies-about = “{ $post }” yayınına yaptığınız yorumun yanıtları, { $email } adresine gönderilir.
replies-confirmed-heading = Onaylandı
replies-confirmed = Onaylandı: “{ $post }” yayınına yaptığınız yorumun her yanıtı size e-postayla gönderilecek. Her e-postada aboneliği bitirmek için bir bağlantı var.
replies-stop-heading = Yanıt e-postalarını durdur
replies-stopped = Abonelikten çıkıldı: “{ $post }” yayınına yaptığınız yorumun yanıtları artık gönderilmeyecek.
button-confirm = Onayla
button-unsubscribe = Abonelikten çık
back-to-blog = { $blog } sayfasına dön

## Mail: the words of every mail readers and owners get

mail-days =
    { $days ->
        [one] bir gün
       *[other] { $days } gün
    }
mail-not-asked = Bunu siz istemediyseniz bu e-postayı dikkate almayın: başka bir şey gönderilmeyecek.
mail-confirm-link = Onaylamak için bu bağlantıyı açın ({ $duration } geçerlidir):
mail-held-subject = { $name }, “{ $post }” yayınına yorum yaptı (onay bekliyor)
mail-held-intro = { $name }, “{ $post }” ({ $url }) yayınına yorum yaptı ve yorum onay bekliyor.
mail-held-why = Neden bekletildi: { $reasons }
mail-held-by-setting = blog, yorumları onaylanana kadar bekletir
mail-held-approve = Onayla: { $link }
mail-held-spam = Spam olarak işaretle: { $link }
mail-held-links = Her bağlantı tek düğmeli bir sayfa açar ve { $duration } geçerlidir.
mail-held-waiting = Onay bekleyen tüm yorumlar: { $link }
mail-review-subject = { $name }, “{ $post }” yayınını incelemeye gönderdi
mail-review-intro = { $name }, “{ $post }” yayımlanmadan önce incelemenizi istiyor.
mail-review-edit = Düzenleyicide açın: { $link }
mail-review-waiting = İncelenmeyi bekleyen tüm yayınlar: { $link }
mail-reset-subject = { $blog } için yeni şifre
mail-reset-intro = Birisi { $blog } üzerindeki { $email } için yeni bir şifre istedi.
mail-reset-link = Yeni bir şifre seçmek için bu bağlantıyı bir saat içinde açın; yalnızca bir kez çalışır:
mail-reset-signs-out = Yeni bir şifre belirlemek bu hesabın her yerdeki oturumunu kapatır.
mail-reset-not-asked = Bunu siz istemediyseniz bu e-postayı dikkate almayın: şifreniz olduğu gibi kalır.
mail-replies-subject = Onaylayın: “{ $post }” yayınına yaptığınız yorumun yanıtları
mail-replies-intro = { $blog } blogundan “{ $post }” ({ $url }) yayınına yaptığınız yorumun yanıtlarını e-postayla istediniz.
mail-reply-subject = { $name }, “{ $post }” yayınına yaptığınız yorumu yanıtladı
mail-reply-intro = { $name }, “{ $post }” yayınına yaptığınız yorumu yanıtladı:
mail-reply-read = Blogda okuyun: { $link }
mail-reply-stop = Yorumunuzun yanıtlarını e-postayla almayı durdurun: { $link }
mail-follow-subject = Onaylayın: { $blog } blogunu e-postayla takip edin
mail-follow-intro = Birisi, umarız sizsiniz, { $blog } ({ $url }) blogunun yeni yayınlarının { $email } adresine gönderilmesini istedi.
mail-post-read = Blogda okuyun: { $link }
mail-post-following = { $blog } blogunu e-postayla takip ediyorsunuz.
mail-post-unsubscribe = Aboneliği iptal et
mail-post-leave = Aboneliği iptal et: { $link }

## The static render (`tidings render`)

static-comments-closed = Bu, blogun statik bir kopyasıdır: burada yorumlar kapalıdır.
