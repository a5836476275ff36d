# Reader pages in English: Blogger's own wording where Blogger has one.
# Every language's file holds every message of this one (a test fails on a
# missing one); { $name } is filled in by the page.

## The frame around every page

skip-link = Skip to main content
blog-navigation = Blog navigation
search-heading = Search This Blog
search-label = Search
search-button = Search
pages-heading = Pages
labels-heading = Labels
archive-heading = Blog Archive
archive-all-of-year = All of { $year }
subscribe-heading = Subscribe To
subscribe-posts = Posts (Atom)
subscribe-comments = Comments (Atom)
powered-by = Powered by Tidings.
more-posts = More posts
home = Home

## A post

posted-by = Posted by { $author } at { $time }
labels-prefix = Labels:
read-more = Read more »
pinned-post = Pinned post
comment-count =
    { $count ->
        [0] No comments
        [one] { $count } comment
       *[other] { $count } comments
    }
comments-heading =
    { $count ->
        [0] No comments:
        [one] { $count } comment:
       *[other] { $count } comments:
    }
newer-post = Newer Post
older-post = Older Post

## The comment form

reply = Reply
comment-by-author = Author
comment-form-heading = Post a Comment
comment-held = Thank you! Your comment is awaiting moderation and will appear once the blog's author approves it.
replying-to = Replying to { $author }.
cancel-reply = Cancel reply
honeypot-label = Leave this field empty
commenting-as = Commenting as { $name }.
field-name = Name
name-placeholder = Anonymous
field-email = Email
email-hint = (optional, never shown)
field-website = Website
optional-hint = (optional)
field-comment = Comment
publish = Publish
comments-closed = Comments are closed on this blog.
comments-members-only = Only signed-in members of this blog may comment.
comments-closed-post = Comments are closed.
post-protected = This post is protected by a password. Enter it to read the post.
preview-banner = Preview: readers do not see this post yet. Only the blog's people who are signed in can open this page.
post-password-label = Password
post-password-submit = Open
post-password-wrong = That password is not right. Please try again.
comment-error-name = Please check your name: it is too long or holds characters that cannot be kept.
comment-error-email = Please enter a valid email address, or leave it empty.
comment-error-url = Please enter a web address starting with http:// or https://, or leave it empty.
comment-error-body = Please write a comment (at most 4,096 characters).
comment-error-parent = The comment you replied to is no longer here; your comment will be posted on its own.
comment-error = Your comment could not be posted; please check the form.

## Lists of posts

newer-posts = Newer Posts
older-posts = Older Posts
show-all-posts = Show all posts
no-posts-yet = There are no posts here yet.
label-heading = Showing posts with the label { $label }
label-empty = No posts have the label { $label }.
year-heading = Posts from { $year }
year-empty = There are no posts from { $year }.
month-heading = Posts from { $month } { $year }
month-empty = There are no posts from { $month } { $year }.

## Search

search-title = Search: { $query }
search-results = Search results for “{ $query }”
search-none = No posts match “{ $query }”.
search-prompt = Type some words to search this blog.

## Error pages

error-not-found = There is no page at this address
error-not-found-message = Sorry, the page you were looking for in this blog does not exist.
not-found-search = Search this blog for what you were looking for:
error-slow-down = Slow down
error-slow-down-message = Too many requests came from your address. Please wait a little and try again.
error-forbidden = Not allowed
error-forbidden-message = You are not allowed to do that on this blog.
error-gone = Deleted
error-gone-message = This post was deleted.
error-server = Something went wrong
error-server-message = Something went wrong on our side. Please try again in a moment.
error-other = That did not work
error-other-message = This request could not be handled. Please go back and try again.
go-home = Go to the home page

## Feeds

feed-comments-title = { $blog } - Comments
feed-post-comments-title = Comments on { $blog }: { $post }

## Mail readers ask for: Follow by Email, replies, and the pages their links open

follow-heading = Follow by Email
follow-email-label = Email address
follow-email-placeholder = Email address...
follow-submit = Submit
follow-about = New posts of this blog, mailed to you as they are published.
follow-asked-heading = Check your inbox
follow-asked = If this address does not follow the blog yet, a mail with a link to confirm is on its way. Posts are mailed once you confirm.
follow-error-email = Please enter a valid email address.
follow-confirm-about = Mail new posts of this blog to { $email }?
follow-confirmed-heading = Subscribed
follow-confirmed = Confirmed: new posts will be mailed to { $email }. Each mail has a link to stop them.
unsubscribe-heading = Unsubscribe
unsubscribe-about = Stop mailing new posts of this blog to { $email }?
unsubscribed-heading = Unsubscribed
unsubscribed = Unsubscribed: no more posts will be mailed to { $email }.
notify-replies = Notify me of replies
notify-replies-hint = (by email; we ask you to confirm first)
replies-about = Replies to your comment on “{ $post }”, mailed to { $email }.
replies-confirmed-heading = Confirmed
replies-confirmed = Confirmed: each reply to your comment on “{ $post }” will be mailed to you. Each mail has a link to stop them.
replies-stop-heading = Stop mail about replies
replies-stopped = Unsubscribed: no more replies to your comment on “{ $post }” will be mailed.
button-confirm = Confirm
button-unsubscribe = Unsubscribe
back-to-blog = Back to { $blog }

## Mail: the words of every mail readers and owners get

mail-days =
    { $days ->
        [one] one day
       *[other] { $days } days
    }
mail-not-asked = If you did not ask, ignore this mail: nothing more will be sent.
mail-confirm-link = To confirm, open this link (it works for { $duration }):
mail-held-subject = { $name } commented on “{ $post }” (awaiting approval)
mail-held-intro = { $name } commented on “{ $post }” ({ $url }), and the comment waits for approval.
mail-held-why = Why it was held: { $reasons }
mail-held-by-setting = the blog holds comments for approval
mail-held-approve = Approve it: { $link }
mail-held-spam = Mark it as spam: { $link }
mail-held-links = Each link opens a page with one button, and works for { $duration }.
mail-held-waiting = Every comment waiting for approval: { $link }
mail-review-subject = { $name } submitted “{ $post }” for review
mail-review-intro = { $name } asks you to review “{ $post }” before it is published.
mail-review-edit = Open it in the editor: { $link }
mail-review-waiting = Every post waiting for review: { $link }
mail-reset-subject = A new password for { $blog }
mail-reset-intro = Someone asked to set a new password for { $email } on { $blog }.
mail-reset-link = To choose a new password, open this link within the hour; it works once:
mail-reset-signs-out = Setting a new password signs this account out everywhere.
mail-reset-not-asked = If you did not ask, ignore this mail: your password stays as it is.
mail-replies-subject = Confirm: replies to your comment on “{ $post }”
mail-replies-intro = You asked { $blog } to mail you replies to your comment on “{ $post }” ({ $url }).
mail-reply-subject = { $name } replied to your comment on “{ $post }”
mail-reply-intro = { $name } replied to your comment on “{ $post }”:
mail-reply-read = Read it there: { $link }
mail-reply-stop = Stop mail about replies to your comment: { $link }
mail-follow-subject = Confirm: follow { $blog } by email
mail-follow-intro = Someone, we hope you, asked for new posts of { $blog } ({ $url }) to be mailed to { $email }.
mail-post-read = Read it on the blog: { $link }
mail-post-following = You follow { $blog } by email.
mail-post-unsubscribe = Unsubscribe
mail-post-leave = Unsubscribe: { $link }

## The static render (`tidings render`)

static-comments-closed = This is a static copy of the blog: comments are closed here.
