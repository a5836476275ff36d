# Pages des lecteurs en français, avec les mots de Blogger quand il en a.

## Autour de chaque page

skip-link = Aller au contenu principal
blog-navigation = Navigation du blog
search-heading = Rechercher dans ce blog
search-label = Rechercher
search-button = Rechercher
pages-heading = Pages
labels-heading = Libellés
archive-heading = Archives du blog
archive-all-of-year = Toute l'année { $year }
subscribe-heading = S'abonner à
subscribe-posts = Articles (Atom)
subscribe-comments = Commentaires (Atom)
powered-by = Propulsé par Tidings.
more-posts = Autres articles
home = Accueil

## Un article

posted-by = Publié par { $author } à { $time }
labels-prefix = Libellés :
read-more = Lire la suite »
pinned-post = Article épinglé
comment-count =
    { $count ->
        [0] Aucun commentaire
        [one] { $count } commentaire
       *[other] { $count } commentaires
    }
comments-heading =
    { $count ->
        [0] Aucun commentaire :
        [one] { $count } commentaire :
       *[other] { $count } commentaires :
    }
newer-post = Article plus récent
older-post = Article plus ancien

## Le formulaire de commentaire

reply = Répondre
comment-by-author = Auteur
comment-form-heading = Enregistrer un commentaire
comment-held = Merci ! Votre commentaire est en attente de modération ; il apparaîtra dès que l'auteur du blog l'aura approuvé.
replying-to = Réponse à { $author }.
cancel-reply = Annuler la réponse
honeypot-label = Laissez ce champ vide
commenting-as = Vous commentez en tant que { $name }.
field-name = Nom
name-placeholder = Anonyme
field-email = Adresse e-mail
email-hint = (facultative, jamais affichée)
field-website = Site web
optional-hint = (facultatif)
field-comment = Commentaire
publish = Publier
comments-closed = Les commentaires sont fermés sur ce blog.
comments-members-only = Seuls les membres connectés de ce blog peuvent commenter.
comments-closed-post = Les commentaires sont fermés.
post-protected = Cet article est protégé par un mot de passe. Saisissez-le pour lire l'article.
preview-banner = Aperçu : les lecteurs ne voient pas encore cet article. Seules les personnes du blog connectées peuvent ouvrir cette page.
post-password-label = Mot de passe
post-password-submit = Ouvrir
post-password-wrong = Ce mot de passe n'est pas le bon. Veuillez réessayer.
comment-error-name = Vérifiez votre nom : il est trop long ou contient des caractères impossibles à conserver.
comment-error-email = Saisissez une adresse e-mail valide, ou laissez le champ vide.
comment-error-url = Saisissez une adresse commençant par http:// ou https://, ou laissez le champ vide.
comment-error-body = Écrivez un commentaire (4 096 caractères au plus).
comment-error-parent = Le commentaire auquel vous répondiez n'est plus là ; le vôtre sera publié à part.
comment-error = Votre commentaire n'a pas pu être publié ; vérifiez le formulaire.

## Listes d'articles

newer-posts = Articles plus récents
older-posts = Articles plus anciens
show-all-posts = Afficher tous les articles
no-posts-yet = Il n'y a encore aucun article ici.
label-heading = Articles avec le libellé { $label }
label-empty = Aucun article n'a le libellé { $label }.
year-heading = Articles de { $year }
year-empty = Il n'y a aucun article de { $year }.
month-heading = Articles de { $month } { $year }
month-empty = Il n'y a aucun article de { $month } { $year }.

## Recherche

search-title = Recherche : { $query }
search-results = Résultats de la recherche « { $query } »
search-none = Aucun article ne correspond à « { $query } ».
search-prompt = Saisissez des mots pour rechercher dans ce blog.

## Pages d'erreur

error-not-found = Il n'y a pas de page à cette adresse
error-not-found-message = Désolé, la page que vous cherchez dans ce blog n'existe pas.
not-found-search = Cherchez dans ce blog ce que vous cherchiez :
error-slow-down = Doucement
error-slow-down-message = Trop de requêtes sont venues de votre adresse. Patientez un peu, puis réessayez.
error-forbidden = Action non autorisée
error-forbidden-message = Vous n'êtes pas autorisé à faire cela sur ce blog.
error-gone = Supprimé
error-gone-message = Cet article a été supprimé.
error-server = Une erreur s'est produite
error-server-message = Une erreur s'est produite de notre côté. Réessayez dans un instant.
error-other = Cela n'a pas fonctionné
error-other-message = Cette requête n'a pas pu être traitée. Revenez en arrière et réessayez.
go-home = Aller à la page d'accueil

## Flux

feed-comments-title = { $blog } - Commentaires
feed-post-comments-title = Commentaires sur { $blog } : { $post }

## Le courrier que demandent les lecteurs

follow-heading = Suivre par e-mail
follow-email-label = Adresse e-mail
follow-email-placeholder = Adresse e-mail...
follow-submit = Envoyer
follow-about = Les nouveaux articles de ce blog, envoyés par e-mail dès leur publication.
follow-asked-heading = Consultez votre boîte de réception
follow-asked = Si cette adresse ne suit pas encore ce blog, un e-mail contenant un lien de confirmation est en route. Les articles vous seront envoyés dès que vous aurez confirmé.
follow-error-email = Saisissez une adresse e-mail valide.
follow-confirm-about = Envoyer les nouveaux articles de ce blog à { $email } ?
follow-confirmed-heading = Abonnement confirmé
follow-confirmed = C'est confirmé : les nouveaux articles seront envoyés à { $email }. Chaque e-mail contient un lien pour vous désabonner.
unsubscribe-heading = Se désabonner
unsubscribe-about = Ne plus envoyer les nouveaux articles de ce blog à { $email } ?
unsubscribed-heading = Désabonnement effectué
unsubscribed = Désabonnement effectué : plus aucun article ne sera envoyé à { $email }.
notify-replies = M'avertir des réponses
notify-replies-hint = (par e-mail ; nous vous demandons d'abord de confirmer)
replies-about = Les réponses à votre commentaire sur « { $post } », envoyées à { $email }.
replies-confirmed-heading = Confirmé
replies-confirmed = C'est confirmé : chaque réponse à votre commentaire sur « { $post } » vous sera envoyée par e-mail. Chaque e-mail contient un lien pour vous désabonner.
replies-stop-heading = Ne plus recevoir les réponses par e-mail
replies-stopped = Désabonnement effectué : plus aucune réponse à votre commentaire sur « { $post } » ne vous sera envoyée.
button-confirm = Confirmer
button-unsubscribe = Se désabonner
back-to-blog = Retour à { $blog }

## Mail: the words of every mail readers and owners get

mail-days =
    { $days ->
        [one] un jour
       *[other] { $days } jours
    }
mail-not-asked = Si vous n’avez rien demandé, ignorez ce message : rien d’autre ne vous sera envoyé.
mail-confirm-link = Pour confirmer, ouvrez ce lien (valable { $duration }) :
mail-held-subject = { $name } a commenté « { $post } » (en attente de modération)
mail-held-intro = { $name } a commenté « { $post } » ({ $url }), et le commentaire attend votre approbation.
mail-held-why = Pourquoi il a été retenu : { $reasons }
mail-held-by-setting = le blog soumet les commentaires à approbation
mail-held-approve = L’approuver : { $link }
mail-held-spam = Le marquer comme spam : { $link }
mail-held-links = Chaque lien ouvre une page avec un seul bouton et reste valable { $duration }.
mail-held-waiting = Tous les commentaires en attente : { $link }
mail-review-subject = { $name } a soumis « { $post } » pour relecture
mail-review-intro = { $name } vous demande de relire « { $post } » avant sa publication.
mail-review-edit = L’ouvrir dans l’éditeur : { $link }
mail-review-waiting = Tous les articles en attente de relecture : { $link }
mail-reset-subject = Un nouveau mot de passe pour { $blog }
mail-reset-intro = Quelqu’un a demandé un nouveau mot de passe pour { $email } sur { $blog }.
mail-reset-link = Pour choisir un nouveau mot de passe, ouvrez ce lien dans l’heure ; il ne sert qu’une fois :
mail-reset-signs-out = Un nouveau mot de passe déconnecte ce compte partout.
mail-reset-not-asked = Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste le même.
mail-replies-subject = Confirmez : les réponses à votre commentaire sur « { $post } »
mail-replies-intro = Vous avez demandé à { $blog } de vous envoyer les réponses à votre commentaire sur « { $post } » ({ $url }).
mail-reply-subject = { $name } a répondu à votre commentaire sur « { $post } »
mail-reply-intro = { $name } a répondu à votre commentaire sur « { $post } » :
mail-reply-read = La lire sur le blog : { $link }
mail-reply-stop = Ne plus recevoir les réponses à votre commentaire : { $link }
mail-follow-subject = Confirmez : suivre { $blog } par e-mail
mail-follow-intro = Quelqu’un, vous sans doute, a demandé que les nouveaux articles de { $blog } ({ $url }) soient envoyés à { $email }.
mail-post-read = Lire l’article sur le blog : { $link }
mail-post-following = Vous suivez { $blog } par e-mail.
mail-post-unsubscribe = Se désabonner
mail-post-leave = Se désabonner : { $link }

## The static render (`tidings render`)

static-comments-closed = Ceci est une copie statique du blog : les commentaires y sont fermés.
