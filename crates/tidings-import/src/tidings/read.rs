//! Reading a file in our format, refusing (with the line) anything an
//! import could not keep exactly.

use std::collections::HashSet;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::{DateTime, Utc};
use tidings_store::MediaFile;

use std::io::BufRead;

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
    let mut posts = Vec::new();
    let mut comments = Vec::new();
    let mut attachments = Vec::new();
    let mut media = Vec::new();
    let file = read(bytes, |item| {
        match item {
            Item::Record(record) => match *record {
                Record::Post(p) => posts.push(p),
                Record::Comment(c) => comments.push(c),
                Record::Attachment(a) => attachments.push(a),
                _ => {}
            },
            Item::Media(m) => media.push(m),
        }
        Ok(())
    })?;
    Ok(TidingsExport {
        blog: file.blog,
        posts,
        comments,
        attachments,
        media,
        blog_line: file.blog_line,
    })
}

/// A file read whole: its blog record and line, and how many uploads it
/// carries.
pub(super) struct Read {
    pub(super) blog: BlogRecord,
    pub(super) blog_line: u64,
    pub(super) media: u64,
}

/// What a reading hands on, checked: a post, comment or attachment record,
/// or an upload with its bytes.
pub(super) enum Item {
    /// Boxed: a post record is large beside the rest.
    Record(Box<Record>),
    Media(RestoredMedia),
}

/// The longest record a file may hold (an upload with its copies, in
/// base64): a longer line is refused before it is read further, so one
/// line cannot take the memory a whole file may not.
const MAX_RECORD_BYTES: u64 = 256 * 1024 * 1024;

/// Reads a file from `input` line by line, checking each record against
/// the ones before and handing each post, comment, attachment and upload
/// to `take` as it is read; then the checks only the whole file can make (a
/// page's parent or a reply's parent may come later in it). An error of
/// `take` stops the reading.
pub(super) fn read(
    input: impl std::io::Read,
    mut take: impl FnMut(Item) -> Result<(), ParseError>,
) -> Result<Read, ParseError> {
    let mut lines = Lines::new(input);
    let mut file = Reading::default();
    while let Some((text, line)) = lines.next()? {
        file.last_line = line;
        if file.ended {
            return Err(ParseError::at(line, "a record after the end record"));
        }
        let record = file.decode(text, line)?;
        if let Some(e) = record.forbidden_char() {
            return Err(ParseError::at(line, e.to_string()));
        }
        if let Some(item) = file
            .take(record, line)
            .map_err(|m| ParseError::at(line, m))?
        {
            take(item)?;
        }
    }
    file.finish()
}

/// The blog record of a file, read alone (it is the first record), with
/// its line.
pub(super) fn blog_record(input: impl std::io::Read) -> Result<(BlogRecord, u64), ParseError> {
    let mut lines = Lines::new(input);
    let Some((text, line)) = lines.next()? else {
        return Err(ParseError::at(1, "an empty file"));
    };
    let mut first = Reading::default();
    let record = first.decode(text, line)?;
    if let Some(e) = record.forbidden_char() {
        return Err(ParseError::at(line, e.to_string()));
    }
    first
        .take(record, line)
        .map_err(|m| ParseError::at(line, m))?;
    let blog = first
        .blog
        .ok_or_else(|| ParseError::at(line, "no blog record"))?;
    Ok((blog, line))
}

/// The lines of a file that hold a record (blank ones are skipped), one at
/// a time, with their numbers. A file is streamed, so its size is not
/// limited (a pipe is held whole, and limited, by the binary); each line is,
/// by [`MAX_RECORD_BYTES`].
struct Lines<R> {
    input: std::io::BufReader<R>,
    raw: Vec<u8>,
    line: u64,
    /// The longest line read.
    max: u64,
}

impl<R: std::io::Read> Lines<R> {
    fn new(input: R) -> Self {
        Self::with_max(input, MAX_RECORD_BYTES)
    }

    fn with_max(input: R, max: u64) -> Self {
        Self {
            input: std::io::BufReader::with_capacity(256 * 1024, input),
            raw: Vec::new(),
            line: 0,
            max,
        }
    }

    fn next(&mut self) -> Result<Option<(&str, u64)>, ParseError> {
        loop {
            self.raw.clear();
            let n = std::io::Read::take(&mut self.input, self.max + 1)
                .read_until(b'\n', &mut self.raw)
                .map_err(|e| ParseError::at(self.line + 1, e.to_string()))?;
            if n == 0 {
                return Ok(None);
            }
            self.line += 1;
            if n as u64 > self.max {
                return Err(ParseError::at(
                    self.line,
                    format!(
                        "a record longer than {} MiB, the most one line may hold",
                        self.max >> 20
                    ),
                ));
            }
            let blank = std::str::from_utf8(&self.raw).is_ok_and(|t| t.trim().is_empty());
            if !blank {
                break;
            }
        }
        let text = std::str::from_utf8(&self.raw)
            .map_err(|_| ParseError::at(self.line, "not UTF-8 text"))?;
        Ok(Some((text, self.line)))
    }
}

/// What the records read so far promise and the ids and addresses they
/// took; the records themselves are handed on.
#[derive(Default)]
struct Reading {
    blog: Option<BlogRecord>,
    /// The blog record's line; 0 until it is read.
    blog_line: u64,
    /// The last line with a record.
    last_line: u64,
    posts: u64,
    comments: u64,
    attachments: u64,
    /// Each post's parent and each reply's, checked at the end: (id, parent).
    post_parents: Vec<(i64, i64)>,
    comment_parents: Vec<(i64, i64)>,
    post_ids: HashSet<i64>,
    paths: HashSet<String>,
    comment_ids: HashSet<i64>,
    attachment_ids: HashSet<i64>,
    local_paths: HashSet<String>,
    /// Uploads read so far.
    media: u64,
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

    /// Checks `record` against what came before; a post, comment,
    /// attachment or upload is handed back. The error is the message for
    /// its line.
    fn take(&mut self, record: Record, line: u64) -> Result<Option<Item>, String> {
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
                Ok(None)
            }
            _ if self.blog_line == 0 => {
                Err("the first record must be the blog (is this a Tidings export?)".into())
            }
            Record::Blog(_) => Err("a second blog record".into()),
            Record::Post(p) => self
                .post(&p)
                .map(|()| Some(Item::Record(Box::new(Record::Post(p))))),
            Record::Comment(c) => {
                (self.comment(&c)).map(|()| Some(Item::Record(Box::new(Record::Comment(c)))))
            }
            Record::Attachment(a) => {
                (self.attachment(&a)).map(|()| Some(Item::Record(Box::new(Record::Attachment(a)))))
            }
            Record::Media(m) => self.media(m).map(|m| Some(Item::Media(m))),
            Record::End(e) => self.end(&e).map(|()| None),
        }
    }

    fn post(&mut self, p: &PostRecord) -> Result<(), String> {
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
        if let Some(parent) = p.parent {
            self.post_parents.push((p.id, parent));
        }
        self.posts += 1;
        Ok(())
    }

    fn comment(&mut self, c: &CommentRecord) -> Result<(), String> {
        if !self.comment_ids.insert(c.id) || c.id <= 0 {
            return Err(format!("comment id {} is not positive or not unique", c.id));
        }
        if !self.post_ids.contains(&c.post_id) {
            return Err(format!(
                "comment {} belongs to post {}, which is not in the file",
                c.id, c.post_id
            ));
        }
        if let Some(parent) = c.parent {
            self.comment_parents.push((c.id, parent));
        }
        self.comments += 1;
        Ok(())
    }

    fn attachment(&mut self, a: &AttachmentRecord) -> Result<(), String> {
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
        self.attachments += 1;
        Ok(())
    }

    /// An upload: its files at `/media/u/` addresses no other file of the
    /// export takes, the original first, and each file's bytes a picture of
    /// the type it names (its name and record are not trusted).
    fn media(&mut self, m: MediaRecord) -> Result<RestoredMedia, String> {
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
        self.media += 1;
        Ok(RestoredMedia {
            alt: m.alt,
            created_at: m.created_at,
            files,
        })
    }

    /// The end record: its counts must be what the file held.
    fn end(&mut self, e: &EndRecord) -> Result<(), String> {
        let (posts, comments, attachments) = (self.posts, self.comments, self.attachments);
        if (e.posts, e.comments, e.attachments) != (posts, comments, attachments) {
            return Err(format!(
                "the file promises {} posts, {} comments and {} attachments but holds \
                 {posts}, {comments} and {attachments}",
                e.posts, e.comments, e.attachments,
            ));
        }
        if e.media != self.media {
            return Err(format!(
                "the file promises {} media but holds {}",
                e.media, self.media
            ));
        }
        self.ended = true;
        Ok(())
    }

    /// The whole file read: it must have begun and ended, and pages and
    /// replies may name a parent that came later in it.
    fn finish(self) -> Result<Read, ParseError> {
        let Some(blog) = self.blog else {
            return Err(ParseError::at(1, "an empty file"));
        };
        if !self.ended {
            return Err(ParseError::at(
                self.last_line,
                "the file ends without its end record: it was cut short",
            ));
        }
        let whole = |message| ParseError {
            line: None,
            message,
        };
        for &(id, parent) in &self.post_parents {
            if !self.post_ids.contains(&parent) || parent == id {
                return Err(whole(format!(
                    "post {id} names post {parent} as its parent, which is not in the file"
                )));
            }
        }
        for &(id, parent) in &self.comment_parents {
            if !self.comment_ids.contains(&parent) {
                return Err(whole(format!(
                    "comment {id} replies to comment {parent}, which is not in the file"
                )));
            }
        }
        Ok(Read {
            blog,
            blog_line: self.blog_line,
            media: self.media,
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

    #[test]
    fn a_line_past_the_most_one_record_may_hold_is_refused_unread() {
        let max = 1024 * 1024;
        let mut lines = Lines::with_max(std::io::repeat(b'x'), max);
        let e = lines.next().unwrap_err();
        assert_eq!(e.line, Some(1));
        assert_eq!(
            e.message,
            "a record longer than 1 MiB, the most one line may hold"
        );
        let mut fits = vec![b'x'; max as usize - 1];
        fits.push(b'\n');
        let mut lines = Lines::with_max(&fits[..], max);
        assert_eq!(lines.next().unwrap().map(|(_, n)| n), Some(1));
    }
}
