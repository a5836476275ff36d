//! Reading a file in our format, refusing (with the line) anything an
//! import could not keep exactly.

use std::collections::HashSet;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::{DateTime, Utc};
use tidings_store::MediaFile;

use super::{
    AttachmentRecord, BlogRecord, CommentRecord, EndRecord, MediaRecord, PostRecord, Record,
    TidingsExport, VERSION,
};
use crate::ParseError;
use crate::blogger::served_path;

/// Reads a whole export, refusing (with the line) anything it cannot keep
/// exactly: a record that does not parse, a duplicate id or path, a comment
/// whose post or parent is not in the file, a file cut short.
pub fn parse(bytes: &[u8]) -> Result<TidingsExport, ParseError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64
            + 1;
        ParseError::at(line, "not UTF-8 text")
    })?;
    let mut file = Reading::default();
    for (n, raw) in text.split('\n').enumerate() {
        let line = n as u64 + 1;
        if raw.trim().is_empty() {
            continue;
        }
        if file.ended {
            return Err(ParseError::at(line, "a record after the end record"));
        }
        let record = file.decode(raw, line)?;
        if let Some(e) = record.forbidden_char() {
            return Err(ParseError::at(line, e.to_string()));
        }
        file.take(record, line)
            .map_err(|m| ParseError::at(line, m))?;
    }
    file.finish(text)
}

/// What the records read so far hold, and the ids and addresses they took.
#[derive(Default)]
struct Reading {
    blog: Option<BlogRecord>,
    /// The blog record's line; 0 until it is read.
    blog_line: u64,
    posts: Vec<PostRecord>,
    comments: Vec<CommentRecord>,
    attachments: Vec<AttachmentRecord>,
    post_ids: HashSet<i64>,
    paths: HashSet<String>,
    comment_ids: HashSet<i64>,
    attachment_ids: HashSet<i64>,
    local_paths: HashSet<String>,
    media: Vec<RestoredMedia>,
    media_ids: HashSet<i64>,
    media_paths: HashSet<String>,
    ended: bool,
}

/// An upload as the file carries it, its bytes checked to be the picture
/// the record says.
#[derive(Debug, Clone)]
pub struct RestoredMedia {
    pub alt: String,
    pub created_at: DateTime<Utc>,
    /// The original first, each with its bytes.
    pub files: Vec<(MediaFile, Vec<u8>)>,
}

impl Reading {
    /// One line as a record; JSON's own message without its position (the
    /// line is ours, the column kept), and before the blog record a hint
    /// that the file may be something else.
    fn decode(&self, raw: &str, line: u64) -> Result<Record, ParseError> {
        serde_json::from_str(raw).map_err(|e| {
            let msg = e.to_string();
            let msg = msg
                .rsplit_once(" at line ")
                .map_or(msg.as_str(), |(m, _)| m);
            let msg = match e.column() {
                0 => msg.to_owned(),
                c => format!("{msg} (column {c})"),
            };
            if self.blog_line == 0 {
                ParseError::at(line, format!("not a Tidings export: {msg}"))
            } else {
                ParseError::at(line, msg)
            }
        })
    }

    /// Checks `record` against what came before and keeps it; the error is
    /// the message for its line.
    fn take(&mut self, record: Record, line: u64) -> Result<(), String> {
        match record {
            Record::Blog(b) if self.blog_line == 0 => {
                if b.tidings != VERSION {
                    return Err(format!(
                        "this file is format version {}; this Tidings reads version {VERSION}",
                        b.tidings
                    ));
                }
                self.blog = Some(b);
                self.blog_line = line;
                Ok(())
            }
            _ if self.blog_line == 0 => {
                Err("the first record must be the blog (is this a Tidings export?)".into())
            }
            Record::Blog(_) => Err("a second blog record".into()),
            Record::Post(p) => self.post(p),
            Record::Comment(c) => self.comment(c),
            Record::Attachment(a) => self.attachment(a),
            Record::Media(m) => self.media(m),
            Record::End(e) => self.end(&e),
        }
    }

    fn post(&mut self, p: PostRecord) -> Result<(), String> {
        if !self.post_ids.insert(p.id) || p.id <= 0 {
            return Err(format!("post id {} is not positive or not unique", p.id));
        }
        if served_path(&p.path).as_ref().map(|(_, path)| path) != Some(&p.path) {
            return Err(format!("{:?} is not a post or page address", p.path));
        }
        if !self.paths.insert(p.path.clone()) {
            return Err(format!("two posts have the address {}", p.path));
        }
        if !matches!(p.status.as_str(), "draft" | "published" | "scheduled") {
            return Err(format!(
                "status {:?}: expected draft, published or scheduled",
                p.status
            ));
        }
        tidings_core::gadget::address("featured_image", &p.featured_image, true)
            .map_err(|r| format!("featured_image: {}", r.message))?;
        self.posts.push(p);
        Ok(())
    }

    fn comment(&mut self, c: CommentRecord) -> Result<(), String> {
        if !self.comment_ids.insert(c.id) || c.id <= 0 {
            return Err(format!("comment id {} is not positive or not unique", c.id));
        }
        if !self.post_ids.contains(&c.post_id) {
            return Err(format!(
                "comment {} belongs to post {}, which is not in the file",
                c.id, c.post_id
            ));
        }
        self.comments.push(c);
        Ok(())
    }

    fn attachment(&mut self, a: AttachmentRecord) -> Result<(), String> {
        if !self.attachment_ids.insert(a.id) || a.id <= 0 {
            return Err(format!(
                "attachment id {} is not positive or not unique",
                a.id
            ));
        }
        if let Some(post) = a.post_id
            && !self.post_ids.contains(&post)
        {
            return Err(format!(
                "attachment {} belongs to post {post}, which is not in the file",
                a.id
            ));
        }
        if !(a.url.starts_with("http://") || a.url.starts_with("https://")) {
            return Err(format!("{:?} is not an http(s) URL", a.url));
        }
        if let Some(local) = &a.local_path {
            if !crate::media::is_local_path(local) {
                return Err(format!("{local:?} is not a /media/ address"));
            }
            if !self.local_paths.insert(local.clone()) {
                return Err(format!("two attachments are served at {local}"));
            }
        }
        self.attachments.push(a);
        Ok(())
    }

    /// An upload: its files at `/media/u/` addresses no other file of the
    /// export takes, the original first, and each file's bytes a picture of
    /// the type it names (its name and record are not trusted).
    fn media(&mut self, m: MediaRecord) -> Result<(), String> {
        if !self.media_ids.insert(m.id) || m.id <= 0 {
            return Err(format!("media id {} is not positive or not unique", m.id));
        }
        if m.files.first().is_none_or(|f| f.variant) || m.files.iter().skip(1).any(|f| !f.variant) {
            return Err(format!(
                "media {} must list its original first, then only its copies",
                m.id
            ));
        }
        let mut files = Vec::with_capacity(m.files.len());
        for f in m.files {
            if !(f.path.starts_with("/media/u/") && crate::media::is_local_path(&f.path)) {
                return Err(format!("{:?} is not a /media/u/ address", f.path));
            }
            if !self.media_paths.insert(f.path.clone()) {
                return Err(format!("two files are served at {}", f.path));
            }
            let bytes = BASE64
                .decode(&f.data)
                .map_err(|e| format!("{}: the data is not base64: {e}", f.path))?;
            let found = tidings_core::media::served_type(&bytes).ok();
            if !f.mime_type.starts_with("image/") || found != Some(f.mime_type.as_str()) {
                return Err(format!(
                    "{}: the data is not a picture of type {}",
                    f.path, f.mime_type
                ));
            }
            files.push((
                MediaFile {
                    path: f.path,
                    mime_type: f.mime_type,
                    width: f.width,
                    height: f.height,
                    bytes: bytes.len() as u64,
                    variant: f.variant,
                },
                bytes,
            ));
        }
        self.media.push(RestoredMedia {
            alt: m.alt,
            created_at: m.created_at,
            files,
        });
        Ok(())
    }

    /// The end record: its counts must be what the file held.
    fn end(&mut self, e: &EndRecord) -> Result<(), String> {
        let (posts, comments, attachments) = (
            self.posts.len() as u64,
            self.comments.len() as u64,
            self.attachments.len() as u64,
        );
        if (e.posts, e.comments, e.attachments) != (posts, comments, attachments) {
            return Err(format!(
                "the file promises {} posts, {} comments and {} attachments but holds \
                 {posts}, {comments} and {attachments}",
                e.posts, e.comments, e.attachments,
            ));
        }
        if e.media != self.media.len() as u64 {
            return Err(format!(
                "the file promises {} media but holds {}",
                e.media,
                self.media.len()
            ));
        }
        self.ended = true;
        Ok(())
    }

    /// The whole file read: it must have begun and ended, and pages and
    /// replies may name a parent that came later in it.
    fn finish(self, text: &str) -> Result<TidingsExport, ParseError> {
        let Some(blog) = self.blog else {
            return Err(ParseError::at(1, "an empty file"));
        };
        if !self.ended {
            let last = text.trim_end().lines().count() as u64;
            return Err(ParseError::at(
                last,
                "the file ends without its end record: it was cut short",
            ));
        }
        for p in &self.posts {
            if let Some(parent) = p.parent
                && (!self.post_ids.contains(&parent) || parent == p.id)
            {
                return Err(ParseError {
                    line: None,
                    message: format!(
                        "post {} names post {parent} as its parent, which is not in the file",
                        p.id
                    ),
                });
            }
        }
        for c in &self.comments {
            if let Some(parent) = c.parent
                && !self.comment_ids.contains(&parent)
            {
                return Err(ParseError {
                    line: None,
                    message: format!(
                        "comment {} replies to comment {parent}, which is not in the file",
                        c.id
                    ),
                });
            }
        }
        Ok(TidingsExport {
            blog,
            posts: self.posts,
            comments: self.comments,
            attachments: self.attachments,
            media: self.media,
            blog_line: self.blog_line,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = concat!(
        r#"{"type":"blog","tidings":1,"exported_at":"2024-01-01T00:00:00Z","host":"h","title":"T","description":"","timezone":"UTC","posts_per_page":7,"comments_allowed":"anyone","comment_moderation":"never","moderation_days":14,"comment_min_seconds":3}"#,
        "\n",
        r#"{"type":"post","id":5,"kind":"post","title":"A","slug":"a","path":"/2020/01/a.html","status":"published","published_at":"2020-01-02T03:04:05Z","updated_at":"2020-01-02T03:04:05Z","author":"Ann","labels":["x"],"body_markdown":"hi","body_html":"<p>hi</p>"}"#,
        "\n",
        r#"{"type":"comment","id":9,"post_id":5,"parent":8,"author":"B","author_email":null,"author_url":null,"body":"re","status":"published","created_at":"2020-01-03T00:00:00Z"}"#,
        "\n",
        r#"{"type":"comment","id":8,"post_id":5,"parent":null,"author":"C","author_email":null,"author_url":null,"body":"first","status":"pending","created_at":"2020-01-03T00:00:00Z"}"#,
        "\n",
        r#"{"type":"end","posts":1,"comments":2}"#,
        "\n"
    );

    #[test]
    fn reads_a_whole_file() {
        let e = parse(GOOD.as_bytes()).unwrap();
        assert_eq!(e.posts.len(), 1);
        assert_eq!(e.comments.len(), 2);
        assert_eq!(e.comments[0].parent, Some(8));
    }

    #[test]
    fn a_cut_file_is_refused_with_its_line() {
        let cut = &GOOD[..GOOD.rfind("{\"type\":\"end\"").unwrap()];
        let e = parse(cut.as_bytes()).unwrap_err();
        assert_eq!(e.line, Some(4), "{e}");
        let half = &GOOD[..GOOD.find("\"author\":\"B\"").unwrap()];
        let e = parse(half.as_bytes()).unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        assert!(e.message.contains("EOF"), "{e}");
    }

    #[test]
    fn bad_records_are_refused_with_their_line() {
        let bad = GOOD.replace("/2020/01/a.html", "/../etc");
        assert_eq!(parse(bad.as_bytes()).unwrap_err().line, Some(2));
        let bad = GOOD.replace("\"post_id\":5,\"parent\":8", "\"post_id\":6,\"parent\":8");
        assert_eq!(parse(bad.as_bytes()).unwrap_err().line, Some(3));
        let bad = GOOD.replace("\"body\":\"re\"", "\"body\":\"a\\u0000b\"");
        assert_eq!(parse(bad.as_bytes()).unwrap_err().line, Some(3));
        let fine = GOOD.replace("\"body\":\"re\"", "\"body\":\"a\\\\u0000b\"");
        assert_eq!(
            parse(fine.as_bytes()).unwrap().comments[0].body,
            "a\\u0000b"
        );
        let bad = GOOD.replace("\"parent\":8", "\"parent\":7");
        assert!(parse(bad.as_bytes()).is_err());
        let bad = GOOD.replace("\"comments\":2", "\"comments\":3");
        assert_eq!(parse(bad.as_bytes()).unwrap_err().line, Some(5));
        assert!(parse(b"").is_err());
        assert!(parse(b"<?xml version='1.0'?>").is_err());
    }

    /// `GOOD` with one upload, its original at `path` with `data` named `mime`.
    fn with_media(path: &str, mime: &str, data: &str) -> String {
        GOOD.replace(
            r#"{"type":"end","posts":1,"comments":2}"#,
            &format!(
                r#"{{"type":"media","id":3,"alt":"a","created_at":"2020-01-03T00:00:00Z","files":[{{"path":"{path}","mime_type":"{mime}","width":1,"height":1,"variant":false,"data":"{data}"}}]}}
{{"type":"end","posts":1,"comments":2,"media":1}}"#
            ),
        )
    }

    #[test]
    fn uploads_are_read_only_at_upload_addresses_with_the_bytes_they_claim() {
        const PNG: &str = "iVBORw0KGgoAAAANSUhEUg==";
        let e = parse(with_media("/media/u/ab.png", "image/png", PNG).as_bytes()).unwrap();
        let (file, bytes) = &e.media[0].files[0];
        assert_eq!((file.path.as_str(), file.bytes), ("/media/u/ab.png", 16));
        assert!(bytes.starts_with(b"\x89PNG"));
        for (path, mime, data, why) in [
            (
                "/media/u/../../tidings.db",
                "image/png",
                PNG,
                "is not a /media/u/ address",
            ),
            (
                "/media/2011/a.png",
                "image/png",
                PNG,
                "is not a /media/u/ address",
            ),
            ("/media/u/ab.png", "image/png", "not base64!", "not base64"),
            (
                "/media/u/ab.png",
                "image/jpeg",
                PNG,
                "not a picture of type image/jpeg",
            ),
            (
                "/media/u/ab.png",
                "text/html",
                "PGh0bWw+eDwvaHRtbD4=",
                "not a picture",
            ),
        ] {
            let e = parse(with_media(path, mime, data).as_bytes()).unwrap_err();
            assert_eq!(e.line, Some(5), "{path}");
            assert!(e.message.contains(why), "{path}: {}", e.message);
        }
        // A cut file: the end record's count says an upload is missing.
        let cut = with_media("/media/u/ab.png", "image/png", PNG)
            .replace(r#""media":1}"#, r#""media":2}"#);
        assert!(parse(cut.as_bytes()).unwrap_err().message.contains("media"));
    }
}
