//! Takeout's `feed.atom` (namespace `http://schemas.google.com/blogger/2018`):
//! one entry at a time into the same [`BloggerExport`] the older export fills.

use super::*;

/// An entry of Takeout's `feed.atom`.
pub(super) fn entry(export: &mut BloggerExport, e: &Elem) -> Result<(), ParseError> {
    let id = e.text_of("atom", "id").unwrap_or_default();
    let kind = e
        .text_of("blogger", "type")
        .unwrap_or_default()
        .to_ascii_uppercase();
    let status = e
        .text_of("blogger", "status")
        .unwrap_or("LIVE")
        .to_ascii_uppercase();
    let trashed = status == "SOFT_TRASHED" || e.text_of("blogger", "trashed").is_some();
    // When it was written: `published`, else `blogger:created`, else `updated`.
    let written = |what: &str| -> Result<DateTime<Utc>, ParseError> {
        time(e, "published")?
            .or(time_in(e, "blogger", "created")?)
            .or(time(e, "updated")?)
            .ok_or_else(|| ParseError::at(e.line, format!("{what} has no <published>")))
    };
    let content = e
        .child("atom", "content")
        .map(|c| c.text.clone())
        .unwrap_or_default();
    match kind.as_str() {
        "POST" | "PAGE" => {
            let what = if kind == "PAGE" { "page" } else { "post" };
            let number = number_after(id).ok_or_else(|| {
                ParseError::at(e.line, format!("a {what} entry without a post id: {id:?}"))
            })?;
            let draft = match status.as_str() {
                "LIVE" | "SCHEDULED" | "SOFT_TRASHED" => false,
                "DRAFT" => true,
                other => {
                    export.notes.push(format!(
                        "{what} {number} has status {other:?}, which we do not know: \
                         imported as a draft (line {})",
                        e.line
                    ));
                    true
                }
            };
            let published = written(&format!("{what} {number}"))?;
            let filename = e.text_of("blogger", "filename").map(str::to_owned);
            export.posts.push(BloggerPost {
                id: number,
                kind: if kind == "PAGE" {
                    PostKind::Page
                } else {
                    PostKind::Post
                },
                title: one_line(e.text_of("atom", "title").unwrap_or_default()),
                html: content,
                // Labels are categories with the blog's tag as their scheme
                // (or none); never the `#kind` of the older export.
                labels: dedup_labels(
                    e.all("atom", "category")
                        .filter(|c| c.attr("scheme") != Some(KIND_SCHEME))
                        .filter_map(|c| c.attr("term"))
                        .map(str::to_owned),
                ),
                draft,
                trashed,
                updated: time(e, "updated")?.unwrap_or(published),
                published,
                url: if draft { None } else { filename },
                author: author(e).0,
                author_email: author_email(e),
            });
        }
        "COMMENT" => {
            let post = e
                .text_of("blogger", "parent")
                .and_then(post_number)
                .ok_or_else(|| {
                    ParseError::at(
                        e.line,
                        "a comment without <blogger:parent> naming its post".to_owned(),
                    )
                })?;
            let number = post_number(id).ok_or_else(|| {
                ParseError::at(e.line, format!("a comment without an id: {id:?}"))
            })?;
            let parent = e.text_of("blogger", "inReplyTo").and_then(post_number);
            let status = match status.as_str() {
                _ if trashed => CommentStatus::Deleted,
                "LIVE" => CommentStatus::Published,
                "PENDING" | "DRAFT" => CommentStatus::Pending,
                "SPAM" => CommentStatus::Spam,
                "EMPTIED" | "DELETED" | "REMOVED" => CommentStatus::Deleted,
                other => {
                    export.notes.push(format!(
                        "comment {number} has status {other:?}, which we do not know: \
                         held for moderation (line {})",
                        e.line
                    ));
                    CommentStatus::Pending
                }
            };
            let (author, author_url) = author(e);
            let author_kind = e
                .child("atom", "author")
                .and_then(|a| a.text_of("blogger", "type"))
                .map(str::to_ascii_uppercase);
            export.comments.push(BloggerComment {
                published: written(&format!("comment {number}"))?,
                id: number,
                post,
                parent,
                author,
                author_url,
                html: content,
                status,
                author_kind,
            });
        }
        other => export.notes.push(format!(
            "skipped: an entry of type {other:?} (line {})",
            e.line
        )),
    }
    Ok(())
}
