# हिन्दी में पाठकों के पन्ने, जहाँ Blogger के अपने शब्द हैं वहाँ वही।

## हर पन्ने के आसपास

skip-link = मुख्य सामग्री पर जाएँ
blog-navigation = ब्लॉग नेविगेशन
search-heading = यह ब्लॉग खोजें
search-label = खोजें
search-button = खोजें
pages-heading = पेज
labels-heading = लेबल
archive-heading = ब्लॉग आर्काइव
archive-all-of-year = पूरा { $year }
subscribe-heading = सदस्यता लें
subscribe-posts = पोस्ट (Atom)
subscribe-comments = टिप्पणियाँ (Atom)
powered-by = Tidings द्वारा संचालित।
more-posts = और पोस्ट
home = मुख्यपृष्ठ

## पोस्ट

posted-by = { $author } द्वारा { $time } पर पोस्ट किया गया
labels-prefix = लेबल:
read-more = और पढ़ें »
pinned-post = पिन की गई पोस्ट
comment-count =
    { $count ->
        [0] कोई टिप्पणी नहीं
        [one] { $count } टिप्पणी
       *[other] { $count } टिप्पणियाँ
    }
comments-heading =
    { $count ->
        [0] कोई टिप्पणी नहीं:
        [one] { $count } टिप्पणी:
       *[other] { $count } टिप्पणियाँ:
    }
newer-post = नई पोस्ट
older-post = पुरानी पोस्ट

## टिप्पणी फ़ॉर्म

reply = जवाब दें
comment-by-author = लेखक
comment-form-heading = एक टिप्पणी भेजें
comment-held = धन्यवाद! आपकी टिप्पणी समीक्षा की प्रतीक्षा में है और ब्लॉग लेखक की स्वीकृति के बाद दिखेगी।
replying-to = { $author } को जवाब।
cancel-reply = जवाब रद्द करें
honeypot-label = यह फ़ील्ड खाली छोड़ें
commenting-as = आप { $name } के रूप में टिप्पणी कर रहे हैं।
field-name = नाम
name-placeholder = अनाम
field-email = ईमेल
email-hint = (वैकल्पिक, कभी नहीं दिखाया जाता)
field-website = वेबसाइट
optional-hint = (वैकल्पिक)
field-comment = टिप्पणी
publish = प्रकाशित करें
comments-closed = इस ब्लॉग पर टिप्पणियाँ बंद हैं।
comments-members-only = केवल साइन इन किए हुए इस ब्लॉग के सदस्य टिप्पणी कर सकते हैं।
comments-closed-post = टिप्पणियाँ बंद हैं।
post-protected = यह पोस्ट पासवर्ड से सुरक्षित है। पोस्ट पढ़ने के लिए पासवर्ड दर्ज करें।
preview-banner = पूर्वावलोकन: पाठक अभी यह पोस्ट नहीं देखते। केवल साइन इन किए हुए ब्लॉग के लोग यह पेज खोल सकते हैं।
post-password-label = पासवर्ड
post-password-submit = खोलें
post-password-wrong = यह पासवर्ड सही नहीं है। कृपया फिर से कोशिश करें।
comment-error-name = अपना नाम जाँचें: वह बहुत लंबा है या उसमें ऐसे वर्ण हैं जो सहेजे नहीं जा सकते।
comment-error-email = मान्य ईमेल पता दर्ज करें या फ़ील्ड खाली छोड़ें।
comment-error-url = http:// या https:// से शुरू होने वाला पता दर्ज करें या फ़ील्ड खाली छोड़ें।
comment-error-body = टिप्पणी लिखें (अधिकतम 4096 वर्ण)।
comment-error-parent = जिस टिप्पणी का आप जवाब दे रहे थे वह अब नहीं है; आपकी टिप्पणी अलग से प्रकाशित होगी।
comment-error = आपकी टिप्पणी प्रकाशित नहीं हो सकी; फ़ॉर्म जाँचें।

## पोस्ट की सूचियाँ

newer-posts = नई पोस्ट
older-posts = पुरानी पोस्ट
show-all-posts = सभी पोस्ट दिखाएँ
no-posts-yet = यहाँ अभी कोई पोस्ट नहीं है।
label-heading = { $label } लेबल वाली पोस्ट दिखाई जा रही हैं
label-empty = किसी पोस्ट पर { $label } लेबल नहीं है।
year-heading = { $year } की पोस्ट
year-empty = { $year } की कोई पोस्ट नहीं है।
month-heading = { $month } { $year } की पोस्ट
month-empty = { $month } { $year } की कोई पोस्ट नहीं है।

## खोज

search-title = खोज: { $query }
search-results = “{ $query }” के खोज परिणाम
search-none = “{ $query }” से मेल खाने वाली कोई पोस्ट नहीं है।
search-prompt = इस ब्लॉग में खोजने के लिए कुछ शब्द लिखें।

## त्रुटि पन्ने

error-not-found = इस पते पर कोई पेज नहीं है
error-not-found-message = क्षमा करें, आप इस ब्लॉग में जो पेज ढूँढ रहे थे वह मौजूद नहीं है।
not-found-search = जो आप ढूँढ रहे थे, उसे इस ब्लॉग में खोजें:
error-slow-down = थोड़ा धीरे
error-slow-down-message = आपके पते से बहुत सारे अनुरोध आए। थोड़ा रुककर फिर से कोशिश करें।
error-forbidden = अनुमति नहीं है
error-forbidden-message = इस ब्लॉग पर आपको यह करने की अनुमति नहीं है।
error-gone = हटाया गया
error-gone-message = यह पोस्ट हटा दी गई है।
error-server = कुछ गड़बड़ हो गई
error-server-message = हमारी ओर से कुछ गड़बड़ हो गई। थोड़ी देर में फिर से कोशिश करें।
error-other = यह नहीं हो सका
error-other-message = यह अनुरोध पूरा नहीं हो सका। वापस जाकर फिर से कोशिश करें।
go-home = मुख्यपृष्ठ पर जाएँ

## फ़ीड

feed-comments-title = { $blog } - टिप्पणियाँ
feed-post-comments-title = { $blog } पर टिप्पणियाँ: { $post }

## पाठक जो ईमेल चाहते हैं

follow-heading = ईमेल द्वारा फ़ॉलो करें
follow-email-label = ईमेल पता
follow-email-placeholder = ईमेल पता...
follow-submit = सबमिट करें
follow-about = इस ब्लॉग की नई पोस्ट, प्रकाशित होते ही आपको ईमेल से भेजी जाएँगी।
follow-asked-heading = अपना इनबॉक्स देखें
follow-asked = अगर यह पता अभी तक इस ब्लॉग को फ़ॉलो नहीं करता, तो पुष्टि के लिंक वाला एक ईमेल भेजा जा रहा है। पुष्टि करते ही पोस्ट भेजी जाने लगेंगी।
follow-error-email = मान्य ईमेल पता दर्ज करें।
follow-confirm-about = इस ब्लॉग की नई पोस्ट { $email } पर भेजें?
follow-confirmed-heading = सदस्यता की पुष्टि हो गई
follow-confirmed = पुष्टि हो गई: नई पोस्ट { $email } पर भेजी जाएँगी। हर ईमेल में इन्हें बंद करने का लिंक है।
unsubscribe-heading = सदस्यता छोड़ें
unsubscribe-about = इस ब्लॉग की नई पोस्ट { $email } पर भेजना बंद करें?
unsubscribed-heading = सदस्यता छोड़ दी गई
unsubscribed = सदस्यता छोड़ दी गई: अब { $email } पर कोई पोस्ट नहीं भेजी जाएगी।
notify-replies = जवाबों की सूचना मुझे दें
notify-replies-hint = (ईमेल से; पहले हम आपसे पुष्टि करने को कहेंगे)
replies-about = “{ $post }” पर आपकी टिप्पणी के जवाब, { $email } पर भेजे जाते हैं।
replies-confirmed-heading = पुष्टि हो गई
replies-confirmed = पुष्टि हो गई: “{ $post }” पर आपकी टिप्पणी का हर जवाब आपको ईमेल से भेजा जाएगा। हर ईमेल में इन्हें बंद करने का लिंक है।
replies-stop-heading = जवाबों के ईमेल बंद करें
replies-stopped = सदस्यता छोड़ दी गई: “{ $post }” पर आपकी टिप्पणी के जवाब अब ईमेल से नहीं भेजे जाएँगे।
button-confirm = पुष्टि करें
button-unsubscribe = सदस्यता छोड़ें
back-to-blog = { $blog } पर वापस जाएँ

## Mail: the words of every mail readers and owners get

mail-days =
    { $days ->
        [one] एक दिन
       *[other] { $days } दिन
    }
mail-not-asked = अगर आपने यह नहीं माँगा, तो इस ईमेल को अनदेखा करें: आगे कुछ नहीं भेजा जाएगा।
mail-confirm-link = पुष्टि करने के लिए यह लिंक खोलें (यह { $duration } तक काम करता है):
mail-held-subject = { $name } ने “{ $post }” पर टिप्पणी की (स्वीकृति की प्रतीक्षा में)
mail-held-intro = { $name } ने “{ $post }” ({ $url }) पर टिप्पणी की, और टिप्पणी स्वीकृति की प्रतीक्षा में है।
mail-held-why = इसे क्यों रोका गया: { $reasons }
mail-held-by-setting = ब्लॉग टिप्पणियों को स्वीकृति तक रोकता है
mail-held-approve = स्वीकृत करें: { $link }
mail-held-spam = स्पैम के रूप में चिह्नित करें: { $link }
mail-held-links = हर लिंक एक बटन वाला पेज खोलता है, और { $duration } तक काम करता है।
mail-held-waiting = स्वीकृति की प्रतीक्षा में सभी टिप्पणियाँ: { $link }
mail-review-subject = { $name } ने “{ $post }” समीक्षा के लिए भेजी
mail-review-intro = { $name } चाहते हैं कि आप “{ $post }” को प्रकाशित होने से पहले देख लें।
mail-review-edit = इसे एडिटर में खोलें: { $link }
mail-review-waiting = समीक्षा की प्रतीक्षा में सभी पोस्ट: { $link }
mail-reset-subject = { $blog } के लिए नया पासवर्ड
mail-reset-intro = किसी ने { $blog } पर { $email } के लिए नया पासवर्ड माँगा है।
mail-reset-link = नया पासवर्ड चुनने के लिए यह लिंक एक घंटे के भीतर खोलें; यह एक ही बार काम करता है:
mail-reset-signs-out = नया पासवर्ड सेट करने से यह खाता हर जगह से साइन आउट हो जाता है।
mail-reset-not-asked = अगर आपने यह नहीं माँगा, तो इस ईमेल को अनदेखा करें: आपका पासवर्ड वही रहेगा।
mail-replies-subject = पुष्टि करें: “{ $post }” पर आपकी टिप्पणी के जवाब
mail-replies-intro = आपने { $blog } से “{ $post }” ({ $url }) पर आपकी टिप्पणी के जवाब ईमेल करने को कहा था।
mail-reply-subject = { $name } ने “{ $post }” पर आपकी टिप्पणी का जवाब दिया
mail-reply-intro = { $name } ने “{ $post }” पर आपकी टिप्पणी का जवाब दिया:
mail-reply-read = ब्लॉग पर पढ़ें: { $link }
mail-reply-stop = अपनी टिप्पणी के जवाबों के ईमेल बंद करें: { $link }
mail-follow-subject = पुष्टि करें: { $blog } को ईमेल से फ़ॉलो करें
mail-follow-intro = किसी ने, उम्मीद है आपने ही, { $blog } ({ $url }) की नई पोस्ट { $email } पर भेजने को कहा है।
mail-post-read = ब्लॉग पर पढ़ें: { $link }
mail-post-following = आप { $blog } को ईमेल से फ़ॉलो करते हैं।
mail-post-unsubscribe = सदस्यता छोड़ें
mail-post-leave = सदस्यता छोड़ें: { $link }

## The static render (`tidings render`)

static-comments-closed = यह ब्लॉग की एक स्थिर प्रति है: यहाँ टिप्पणियाँ बंद हैं।
