//! Takeout's `feed.atom` (namespace `http://schemas.google.com/blogger/2018`):
//! one entry at a time into the same [`BloggerExport`] the older export fills.

use super::*;

/// An entry of Takeout's `feed.atom`.
pub(super) fn entry(export: &mut BloggerExport, e: &Elem) -> Result<(), ParseError> {
    let kind = e
        .text_of("blogger", "type")
        .unwrap_or_default()
        .to_ascii_uppercase();
    let entry = Entry {
        e,
        id: e.text_of("atom", "id").unwrap_or_default(),
        status: e
            .text_of("blogger", "status")
            .unwrap_or("LIVE")
            .to_ascii_uppercase(),
        content: e
            .child("atom", "content")
            .map(|c| c.text.clone())
            .unwrap_or_default(),
    };
    match kind.as_str() {
        "POST" => entry.post(export, PostKind::Post)?,
        "PAGE" => entry.post(export, PostKind::Page)?,
        "COMMENT" => entry.comment(export)?,
        other => export.notes.push(format!(
            "skipped: an entry of type {other:?} (line {})",
            e.line
        )),
    }
    Ok(())
}

/// What every kind of Takeout entry carries.
struct Entry<'e> {
    e: &'e Elem,
    id: &'e str,
    /// `blogger:status`, upper case (`LIVE` when absent).
    status: String,
    content: String,
}

impl Entry<'_> {
    fn trashed(&self) -> bool {
        self.status == "SOFT_TRASHED" || self.e.text_of("blogger", "trashed").is_some()
    }

    /// When it was written: `published`, else `blogger:created`, else `updated`.
    fn written(&self, what: &str) -> Result<DateTime<Utc>, ParseError> {
        let e = self.e;
        time(e, "published")?
            .or(time_in(e, "blogger", "created")?)
            .or(time(e, "updated")?)
            .ok_or_else(|| ParseError::at(e.line, format!("{what} has no <published>")))
    }

    fn post(self, export: &mut BloggerExport, kind: PostKind) -> Result<(), ParseError> {
        let e = self.e;
        let what = kind.as_str();
        let number = number_after(self.id).ok_or_else(|| {
            ParseError::at(
                e.line,
                format!("a {what} entry without a post id: {:?}", self.id),
            )
        })?;
        let draft = match self.status.as_str() {
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
        let published = self.written(&format!("{what} {number}"))?;
        let filename = e.text_of("blogger", "filename").map(str::to_owned);
        export.posts.push(BloggerPost {
            id: number,
            kind,
            title: one_line(e.text_of("atom", "title").unwrap_or_default()),
            trashed: self.trashed(),
            html: embeds::as_links(&self.content),
            // Labels are categories with the blog's tag as their scheme
            // (or none); never the `#kind` of the older export.
            labels: dedup_labels(
                e.all("atom", "category")
                    .filter(|c| c.attr("scheme") != Some(KIND_SCHEME))
                    .filter_map(|c| c.attr("term"))
                    .map(str::to_owned),
            ),
            draft,
            updated: time(e, "updated")?.unwrap_or(published),
            published,
            url: if draft { None } else { filename },
            // The search description: Takeout writes it as
            // `blogger:metaDescription`, empty for none.
            description: crate::description(
                e.text_of("blogger", "metaDescription")
                    .filter(|d| !d.trim().is_empty())
                    .or_else(|| e.text_of("atom", "summary"))
                    .unwrap_or_default(),
            ),
            comments: reader_comments(e),
            author: author(e).0,
            author_email: author_email(e),
        });
        Ok(())
    }

    fn comment(self, export: &mut BloggerExport) -> Result<(), ParseError> {
        let e = self.e;
        let post = e
            .text_of("blogger", "parent")
            .and_then(post_number)
            .ok_or_else(|| {
                ParseError::at(
                    e.line,
                    "a comment without <blogger:parent> naming its post".to_owned(),
                )
            })?;
        let number = post_number(self.id).ok_or_else(|| {
            ParseError::at(e.line, format!("a comment without an id: {:?}", self.id))
        })?;
        let parent = e.text_of("blogger", "inReplyTo").and_then(post_number);
        let status = match self.status.as_str() {
            _ if self.trashed() => CommentStatus::Deleted,
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
            published: self.written(&format!("comment {number}"))?,
            id: number,
            post,
            parent,
            author,
            author_url,
            html: self.content,
            status,
            author_kind,
        });
        Ok(())
    }
}
