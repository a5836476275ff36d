//! What every writer writes: the blog and its snapshot with U+FFFD for the
//! characters XML cannot carry (`tidings_core::xml_chars`). Every way in
//! refuses them now, but data stored before may hold them, and one such
//! character made a whole Blogger or WordPress export unreadable. Our own
//! format replaces them too, since its import refuses them.

use std::borrow::Cow;

use tidings_core::BlogSettings;
use tidings_core::xml_chars::{all_xml_chars, replace, strip};
use tidings_store::{ExportSnapshot, ImportAttachment, ImportComment, ImportPost};

/// `blog` and `snap` as a writer may write them, and a note naming each item
/// that lost characters. Borrowed, and no note, when nothing held one.
pub fn writable<'a>(
    blog: &'a BlogSettings,
    snap: &'a ExportSnapshot,
) -> (Cow<'a, BlogSettings>, Cow<'a, ExportSnapshot>, Vec<String>) {
    let mut dirty: Vec<String> = Vec::new();
    let blog = if [&blog.host, &blog.title, &blog.description]
        .iter()
        .all(|t| all_xml_chars(t))
    {
        Cow::Borrowed(blog)
    } else {
        dirty.push("the blog's settings".into());
        let mut b = blog.clone();
        for t in [&mut b.host, &mut b.title, &mut b.description] {
            clean(t);
        }
        Cow::Owned(b)
    };
    let bad_posts: Vec<usize> = dirty_items(&snap.posts, post_texts);
    let bad_comments: Vec<usize> = dirty_items(&snap.comments, comment_texts);
    let bad_attachments: Vec<usize> = dirty_items(&snap.attachments, attachment_texts);
    let snap = if bad_posts.is_empty() && bad_comments.is_empty() && bad_attachments.is_empty() {
        Cow::Borrowed(snap)
    } else {
        let mut s = snap.clone();
        for &i in &bad_posts {
            let p = &mut s.posts[i];
            dirty.push(format!("post {} ({:?})", p.external_id, strip(&p.title)));
            post_texts_mut(p).into_iter().for_each(clean);
        }
        for &i in &bad_comments {
            let c = &mut s.comments[i];
            dirty.push(format!("comment {}", c.external_id));
            comment_texts_mut(c).into_iter().for_each(clean);
        }
        for &i in &bad_attachments {
            let a = &mut s.attachments[i];
            dirty.push(format!("attachment {}", a.external_id));
            attachment_texts_mut(a).into_iter().for_each(clean);
        }
        Cow::Owned(s)
    };
    let notes = if dirty.is_empty() {
        Vec::new()
    } else {
        vec![format!(
            "replaced with U+FFFD characters XML cannot carry (control characters, U+FFFE, U+FFFF) \
             that older data held, in: {}",
            dirty.join(", ")
        )]
    };
    (blog, snap, notes)
}

/// Replaced with U+FFFD, never dropped: bodies are markup, and dropping would
/// join the halves around a character into words the sanitiser never saw.
fn clean(s: &mut String) {
    if let Cow::Owned(clean) = replace(s) {
        *s = clean;
    }
}

fn dirty_items<T>(items: &[T], texts: fn(&T) -> Vec<&str>) -> Vec<usize> {
    items
        .iter()
        .enumerate()
        .filter(|(_, item)| !texts(item).into_iter().all(all_xml_chars))
        .map(|(i, _)| i)
        .collect()
}

// Each item's text, read and then written: the two lists name the same
// fields, in the same order.

fn post_texts(p: &ImportPost) -> Vec<&str> {
    let mut v = vec![
        p.external_id.as_str(),
        p.title.as_str(),
        p.slug.as_str(),
        p.path.as_str(),
        p.body_html.as_str(),
        p.teaser_html.as_str(),
        p.body_text.as_str(),
        p.author_name.as_str(),
    ];
    v.extend(p.body_markdown.as_deref());
    v.extend(p.parent.as_deref());
    v.extend(p.labels.iter().map(String::as_str));
    v.extend(p.author_aliases.iter().map(String::as_str));
    v.extend(p.redirects.iter().map(String::as_str));
    v
}

fn post_texts_mut(p: &mut ImportPost) -> Vec<&mut String> {
    let mut v = vec![
        &mut p.external_id,
        &mut p.title,
        &mut p.slug,
        &mut p.path,
        &mut p.body_html,
        &mut p.teaser_html,
        &mut p.body_text,
        &mut p.author_name,
    ];
    v.extend(p.body_markdown.as_mut());
    v.extend(p.parent.as_mut());
    v.extend(p.labels.iter_mut());
    v.extend(p.author_aliases.iter_mut());
    v.extend(p.redirects.iter_mut());
    v
}

fn comment_texts(c: &ImportComment) -> Vec<&str> {
    let mut v = vec![
        c.external_id.as_str(),
        c.post.as_str(),
        c.author_name.as_str(),
        c.body.as_str(),
        c.body_html.as_str(),
        c.hold_reasons.as_str(),
    ];
    v.extend(c.parent.as_deref());
    v.extend(c.author_email.as_deref());
    v.extend(c.author_url.as_deref());
    v.extend(c.member_aliases.iter().map(String::as_str));
    v
}

fn comment_texts_mut(c: &mut ImportComment) -> Vec<&mut String> {
    let mut v = vec![
        &mut c.external_id,
        &mut c.post,
        &mut c.author_name,
        &mut c.body,
        &mut c.body_html,
        &mut c.hold_reasons,
    ];
    v.extend(c.parent.as_mut());
    v.extend(c.author_email.as_mut());
    v.extend(c.author_url.as_mut());
    v.extend(c.member_aliases.iter_mut());
    v
}

fn attachment_texts(a: &ImportAttachment) -> Vec<&str> {
    let mut v = vec![a.external_id.as_str(), a.url.as_str(), a.title.as_str()];
    v.extend(a.post.as_deref());
    v.extend(a.mime_type.as_deref());
    v.extend(a.local_path.as_deref());
    v
}

fn attachment_texts_mut(a: &mut ImportAttachment) -> Vec<&mut String> {
    let mut v = vec![&mut a.external_id, &mut a.url, &mut a.title];
    v.extend(a.post.as_mut());
    v.extend(a.mime_type.as_mut());
    v.extend(a.local_path.as_mut());
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blog(title: &str) -> BlogSettings {
        BlogSettings::new(1, "example.org", title)
    }

    #[test]
    fn only_what_holds_a_forbidden_character_is_copied_and_named() {
        let snap = ExportSnapshot::default();
        let clean = blog("Tea & toast");
        let (b, s, notes) = writable(&clean, &snap);
        assert!(matches!((b, s), (Cow::Borrowed(_), Cow::Borrowed(_))));
        assert!(notes.is_empty());
        let dirty = blog("Tea\u{B} & toast\u{FFFF}");
        let (b, _, notes) = writable(&dirty, &snap);
        assert_eq!(b.title, "Tea\u{FFFD} & toast\u{FFFD}");
        assert_eq!(notes.len(), 1);
        assert!(notes[0].ends_with("in: the blog's settings"), "{notes:?}");
    }
}
