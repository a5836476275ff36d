//! Attachments: the files an imported blog had (WordPress keeps each upload
//! as an `attachment` item), where they were, and where our copy is served
//! once `tidings import wordpress --fetch-media` made one.

use chrono::{DateTime, Utc};

use crate::exec::Exec;
use crate::reads::ReadRow;
use crate::sql::Sql;
use crate::{Result, Store, blogs, conflict_or, from_micros};

/// A recorded file of a blog.
#[derive(Debug, Clone, PartialEq)]
pub struct Attachment {
    pub id: i64,
    pub post_id: Option<i64>,
    /// Where the file was before the move.
    pub url: String,
    pub title: String,
    pub mime_type: Option<String>,
    pub uploaded_at: DateTime<Utc>,
    /// Where our copy is served (`/media/2011/07/img.jpg`), once there is one.
    pub local_path: Option<String>,
}

/// A file copied into the data directory, and the addresses it replaces.
#[derive(Debug, Clone)]
pub struct LocalCopy {
    pub attachment_id: i64,
    /// `/media/…`, unique within the blog.
    pub local_path: String,
    /// What the copy's bytes are; it replaces what the export claimed.
    pub mime_type: Option<String>,
    /// The old addresses of the file that post bodies may hold (its URL over
    /// `http` and `https`), each replaced with `local_path`.
    pub old_urls: Vec<String>,
}

const COLUMNS: &str =
    "SELECT id, post_id, url, title, mime_type, uploaded_at, local_path FROM attachments";

fn from_row(r: &ReadRow) -> Result<Attachment> {
    Ok(Attachment {
        id: r.try_get("id")?,
        post_id: r.try_get("post_id")?,
        url: r.try_get("url")?,
        title: r.try_get("title")?,
        mime_type: r.try_get("mime_type")?,
        uploaded_at: from_micros(r.try_get("uploaded_at")?)?,
        local_path: r.try_get("local_path")?,
    })
}

impl Store {
    /// Every attachment of `blog_id`, in the order they were recorded.
    pub async fn attachments(&self, blog_id: i64) -> Result<Vec<Attachment>> {
        let mut sql = Sql::new(COLUMNS);
        sql.int(" WHERE blog_id = ", blog_id).push(" ORDER BY id");
        self.read_all(&sql, from_row).await
    }

    /// The attachment whose copy is served at `local_path`, if any: the only
    /// files `/media/` answers with are the ones recorded here.
    pub async fn attachment_at(
        &self,
        blog_id: i64,
        local_path: &str,
    ) -> Result<Option<Attachment>> {
        let mut sql = Sql::new(COLUMNS);
        sql.int(" WHERE blog_id = ", blog_id)
            .text(" AND local_path = ", local_path);
        self.read_optional(&sql, from_row).await
    }

    /// Records the copies in one transaction and points every post body of
    /// the blog that held an old address of a copied file at the copy.
    /// Answers how many posts changed.
    pub async fn use_local_copies(&self, blog_id: i64, copies: &[LocalCopy]) -> Result<u64> {
        let mut tx = self.begin_write().await?;
        for c in copies {
            tx.execute(
                &Sql::new(
                    "UPDATE attachments SET local_path = $1, mime_type = COALESCE($2, mime_type) \
                     WHERE id = $3 AND blog_id = $4",
                )
                .bind(&c.local_path)
                .bind(c.mime_type.as_deref())
                .bind(c.attachment_id)
                .bind(blog_id),
            )
            .await
            .map_err(|e| conflict_or(e, "another attachment is served at that path"))?;
        }
        // Longest first, so a shorter address never takes a piece of a
        // longer one that is also being replaced.
        let mut pairs: Vec<(&str, &str)> = copies
            .iter()
            .flat_map(|c| {
                c.old_urls
                    .iter()
                    .map(|u| (u.as_str(), c.local_path.as_str()))
            })
            .filter(|(old, _)| !old.is_empty())
            .collect();
        pairs.sort_by_key(|(old, _)| std::cmp::Reverse(old.len()));
        let posts = tx
            .fetch_all(
                &Sql::new(
                    "SELECT id, body_html, teaser_html, featured_image, featured_image_html \
                     FROM posts WHERE blog_id = $1",
                )
                .bind(blog_id),
                |r| {
                    Ok((
                        r.try_get::<i64>("id")?,
                        [
                            r.try_get::<String>("body_html")?,
                            r.try_get::<String>("teaser_html")?,
                            r.try_get::<String>("featured_image")?,
                            r.try_get::<String>("featured_image_html")?,
                        ],
                    ))
                },
            )
            .await?;
        let mut changed = 0;
        for (id, texts) in posts {
            let new = texts.clone().map(|t| replace_urls(&t, &pairs));
            if new.iter().all(Option::is_none) {
                continue;
            }
            let [body, teaser, featured, featured_html] = new;
            let [old_body, old_teaser, old_featured, old_featured_html] = texts;
            tx.execute(
                &Sql::new(
                    "UPDATE posts SET body_html = $1, teaser_html = $2, featured_image = $3, \
                     featured_image_html = $4 WHERE id = $5",
                )
                .bind(body.unwrap_or(old_body))
                .bind(teaser.unwrap_or(old_teaser))
                .bind(featured.unwrap_or(old_featured))
                .bind(featured_html.unwrap_or(old_featured_html))
                .bind(id),
            )
            .await?;
            changed += 1;
        }
        blogs::touch(&mut tx, blog_id, crate::Scope::Blog).await?;
        tx.commit().await?;
        Ok(changed)
    }
}

/// `html` with each old address of `pairs` replaced by its new one where it
/// is a whole address: followed by the end of an attribute, a query or a
/// fragment (so `?w=300` stays on), never by more of a longer path
/// (`a.jpg` inside `a.jpg.webp`). WordPress's sized copies of a file
/// (`a-300x200.jpg` beside `a.jpg`) are replaced by the same new address.
/// `None` when nothing changed.
fn replace_urls(html: &str, pairs: &[(&str, &str)]) -> Option<String> {
    let ends_url =
        |c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '?' | '#' | '<' | '>' | ')' | ',');
    let mut out = html.to_owned();
    let mut changed = false;
    for (old, new) in pairs {
        // The file's name without its extension, where a sized copy's
        // `-WxH` begins.
        let stem = old
            .rfind('.')
            .filter(|&dot| old.rfind('/').is_none_or(|slash| slash < dot))
            .map(|dot| &old[..dot]);
        let sized = |candidate: &str| {
            stem.is_some()
                && tidings_core::picture_url::wordpress_original(candidate).as_deref() == Some(*old)
        };
        let search = stem.unwrap_or(old);
        if !out.contains(search) {
            continue;
        }
        let mut next = String::with_capacity(out.len());
        let mut rest = out.as_str();
        while let Some(i) = rest.find(search) {
            next.push_str(&rest[..i]);
            let from = &rest[i..];
            let len = from.find(ends_url).unwrap_or(from.len());
            let address = &from[..len];
            if address == *old || sized(address) {
                next.push_str(new);
                changed = true;
                rest = &from[len..];
            } else {
                next.push_str(search);
                rest = &from[search.len()..];
            }
        }
        next.push_str(rest);
        out = next;
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_whole_addresses_are_replaced() {
        let pairs = [
            ("https://old.example/2011/07/a.jpg", "/media/2011/07/a.jpg"),
            ("http://old.example/2011/07/a.jpg", "/media/2011/07/a.jpg"),
        ];
        let html = r#"<img src="https://old.example/2011/07/a.jpg?w=300"> <a href='http://old.example/2011/07/a.jpg'>x</a> <img src="https://old.example/2011/07/a.jpg.webp">"#;
        assert_eq!(
            replace_urls(html, &pairs).unwrap(),
            r#"<img src="/media/2011/07/a.jpg?w=300"> <a href='/media/2011/07/a.jpg'>x</a> <img src="https://old.example/2011/07/a.jpg.webp">"#
        );
        assert_eq!(replace_urls("<p>nothing</p>", &pairs), None);
        // WordPress's sized copies are the same picture.
        let html = r#"<a href="https://old.example/2011/07/a.jpg"><img src="https://old.example/2011/07/a-300x200.jpg"></a> <img src="https://old.example/2011/07/a-b.jpg">"#;
        assert_eq!(
            replace_urls(html, &pairs).unwrap(),
            r#"<a href="/media/2011/07/a.jpg"><img src="/media/2011/07/a.jpg"></a> <img src="https://old.example/2011/07/a-b.jpg">"#
        );
    }
}
