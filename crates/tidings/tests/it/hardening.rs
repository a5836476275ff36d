//! Hostile import files (issue 6, "Import hardening"): entity expansion,
//! external entities pointing at a local file or at a listener on 127.0.0.1,
//! elements nested 100,000 deep and an endless stream. Each is refused by
//! `import blogger` and `import wordpress` with one clear line and a non-zero
//! exit, in bounded time and memory, with nothing written, and no entity is
//! ever fetched.

use std::io::{ErrorKind, Write};
use std::net::TcpListener;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use reqwest::Method;

use crate::support::TestApp;

const FORMATS: [&str; 2] = ["blogger", "wordpress"];

/// A valid export of `format` around `inside`, with `doctype` before the
/// root. One ordinary post comes first, so "nothing was imported" means
/// something: it was read before the hostile part.
fn export(format: &str, doctype: &str, inside: &str) -> String {
    let (open, close) = envelope(format);
    format!("<?xml version='1.0' encoding='UTF-8'?>\n{doctype}\n{open}{inside}{close}")
}

/// The root element and first post of an export, and what closes it.
fn envelope(format: &str) -> (String, &'static str) {
    match format {
        "blogger" => (
            "<feed xmlns='http://www.w3.org/2005/Atom'>\n<title>Hostile</title>\n<entry>\
             <id>tag:blogger.com,1999:blog-1.post-1001</id>\
             <published>2014-05-07T10:00:00Z</published><updated>2014-05-07T10:00:00Z</updated>\
             <category scheme='http://schemas.google.com/g/2005#kind' \
             term='http://schemas.google.com/blogger/2008/kind#post'/>\
             <title>Harmless</title><content type='html'>Read first.</content>\
             <link rel='alternate' type='text/html' href='https://h.blogspot.com/2014/05/harmless.html'/>\
             <author><name>Q</name></author></entry>\n"
                .to_owned(),
            "</feed>\n",
        ),
        "wordpress" => (
            "<rss version='2.0' xmlns:content='http://purl.org/rss/1.0/modules/content/' \
             xmlns:wp='http://wordpress.org/export/1.2/'>\n<channel><title>Hostile</title>\
             <wp:wxr_version>1.2</wp:wxr_version>\n<item><title>Harmless</title>\
             <content:encoded>Read first.</content:encoded><wp:post_id>7</wp:post_id>\
             <wp:post_date_gmt>2014-05-07 10:00:00</wp:post_date_gmt>\
             <wp:post_name>harmless</wp:post_name><wp:status>publish</wp:status>\
             <wp:post_type>post</wp:post_type></item>\n"
                .to_owned(),
            "</channel></rss>\n",
        ),
        other => panic!("no envelope for {other}"),
    }
}

/// One record of `format` whose text is `text` (an entity reference…).
fn record(format: &str, text: &str) -> String {
    match format {
        "blogger" => format!(
            "<entry><id>tag:blogger.com,1999:blog-1.post-1002</id>\
             <published>2014-05-08T10:00:00Z</published>\
             <category scheme='http://schemas.google.com/g/2005#kind' \
             term='http://schemas.google.com/blogger/2008/kind#post'/>\
             <title>{text}</title><content type='html'>{text}</content></entry>\n"
        ),
        _ => format!(
            "<item><title>{text}</title><content:encoded>{text}</content:encoded>\
             <wp:post_id>8</wp:post_id><wp:post_date_gmt>2014-05-08 10:00:00</wp:post_date_gmt>\
             <wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>\n"
        ),
    }
}

fn write_input(app: &TestApp, name: &str, content: &str) -> PathBuf {
    let dir = app.data.join("hostile");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

/// Runs `tidings import FORMAT FILE` and answers stderr, asserting a refusal:
/// a non-zero exit, one line naming the file and containing `why`, and
/// nothing on stdout (no summary).
fn refused(app: &TestApp, format: &str, file: &Path, why: &str) -> String {
    let out = app.cli(&["import", format, file.to_str().unwrap()], None);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    let name = file.file_name().unwrap().to_str().unwrap();
    assert!(!out.status.success(), "{format} {name} was accepted: {err}");
    assert_eq!(err.lines().count(), 1, "{format} {name}: one line: {err}");
    assert!(err.contains(name), "{format} {name}: names the file: {err}");
    assert!(err.contains(why), "{format} {name}: says {why:?}: {err}");
    assert!(
        err.contains("nothing was imported"),
        "{format} {name}: says nothing changed: {err}"
    );
    assert!(out.stdout.is_empty(), "{format} {name}: no summary");
    err
}

/// Nothing of any hostile file reached the blog: no post, no comment, the
/// Blogger settings not applied, the harmless first post not served.
async fn nothing_committed(app: &mut TestApp) {
    for path in ["/posts", "/comments"] {
        let (status, json) = app.api(Method::GET, path, None).await;
        assert!(status.is_success(), "{path}: {json}");
        assert_eq!(json["total"], 0, "{path}: {json}");
    }
    let (_, blog) = app.api(Method::GET, "/blog", None).await;
    assert_ne!(blog["title"], "Hostile");
    for path in ["/2014/05/harmless.html", "/search?q=Harmless"] {
        let page = app.get(path).await.text().await.unwrap();
        assert!(!page.contains("Read first."), "{path} shows the post");
    }
}

#[tokio::test]
async fn billion_laughs_is_refused() {
    let mut app = TestApp::start().await;
    let mut dtd = String::from("<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
    for i in 1..=9 {
        let prev = if i == 1 {
            "lol".to_owned()
        } else {
            format!("lol{}", i - 1)
        };
        dtd.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">\n",
            format!("&{prev};").repeat(10)
        ));
    }
    dtd.push_str("]>");
    for format in FORMATS {
        let started = Instant::now();
        let file = write_input(
            &app,
            &format!("laughs-{format}.xml"),
            &export(format, &dtd, &record(format, "&lol9;")),
        );
        refused(&app, format, &file, "DOCTYPE");
        assert!(started.elapsed() < Duration::from_secs(30));
    }
    nothing_committed(&mut app).await;
}

#[tokio::test]
async fn external_entity_naming_a_local_file_is_refused_and_not_read() {
    let mut app = TestApp::start().await;
    let hostname = std::fs::read_to_string("/etc/hostname").unwrap_or_default();
    for format in FORMATS {
        let with_dtd = write_input(
            &app,
            &format!("xxe-file-{format}.xml"),
            &export(
                format,
                "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>",
                &record(format, "&xxe;"),
            ),
        );
        let err = refused(&app, format, &with_dtd, "DOCTYPE");
        // The same reference without its declaration is an unknown entity.
        let bare = write_input(
            &app,
            &format!("xxe-bare-{format}.xml"),
            &export(format, "", &record(format, "&xxe;")),
        );
        let bare_err = refused(&app, format, &bare, "&xxe; is not an XML entity");
        for e in [err, bare_err] {
            let host = hostname.trim();
            assert!(
                host.len() < 4 || !e.contains(host),
                "{format}: the file's content leaked into {e}"
            );
        }
    }
    nothing_committed(&mut app).await;
}

#[tokio::test]
async fn external_entity_naming_a_listener_is_refused_and_never_fetched() {
    let mut app = TestApp::start().await;
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    for format in FORMATS {
        let doctypes = [
            // An external DTD, a general entity, a parameter entity.
            format!("<!DOCTYPE x SYSTEM \"{url}external.dtd\">"),
            format!("<!DOCTYPE x [<!ENTITY xxe SYSTEM \"{url}entity\">]>"),
            format!("<!DOCTYPE x [<!ENTITY % remote SYSTEM \"{url}param\"> %remote;]>"),
        ];
        for (i, doctype) in doctypes.iter().enumerate() {
            let file = write_input(
                &app,
                &format!("xxe-net-{i}-{format}.xml"),
                &export(format, doctype, &record(format, "&xxe;")),
            );
            refused(&app, format, &file, "DOCTYPE");
        }
    }
    match listener.accept() {
        Err(e) if e.kind() == ErrorKind::WouldBlock => {}
        Ok((_, from)) => panic!("the listener was contacted from {from}"),
        Err(e) => panic!("accept: {e}"),
    }
    nothing_committed(&mut app).await;
}

#[tokio::test]
async fn elements_nested_100_000_deep_are_refused() {
    let mut app = TestApp::start().await;
    let depth = 100_000;
    for format in FORMATS {
        let deep = format!("{}x{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let started = Instant::now();
        let file = write_input(
            &app,
            &format!("deep-{format}.xml"),
            &export(format, "", &record(format, &deep)),
        );
        refused(&app, format, &file, "nested more than 100 levels");
        assert!(started.elapsed() < Duration::from_secs(30));
    }
    nothing_committed(&mut app).await;
}

/// `O_NONBLOCK` on Linux (x86-64 and ARM64), to open a pipe's read end
/// without waiting for a writer.
const O_NONBLOCK: i32 = 0o4000;

/// Peak resident memory of a running process, in KiB.
fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[tokio::test]
async fn an_endless_stream_is_refused_in_bounded_memory() {
    let mut app = TestApp::start().await;
    let dir = app.data.join("hostile");
    std::fs::create_dir_all(&dir).unwrap();
    for format in FORMATS {
        // A named pipe fed by a writer that never ends the export: to the
        // importer it is a file of unbounded size.
        let fifo = dir.join(format!("endless-{format}.xml"));
        let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success(), "mkfifo");
        let chunk = record(format, "Again and again").repeat(512);
        let writer = {
            let fifo = fifo.clone();
            let (head, _) = envelope(format);
            let chunk = chunk.clone();
            std::thread::spawn(move || {
                let mut pipe = std::fs::OpenOptions::new().write(true).open(&fifo).unwrap();
                let mut written = head.len() as u64;
                pipe.write_all(head.as_bytes()).unwrap();
                // Ends when the reader closes the pipe (EPIPE: the test
                // binary ignores SIGPIPE, as every Rust program does).
                while pipe.write_all(chunk.as_bytes()).is_ok() {
                    written += chunk.len() as u64;
                }
                written
            })
        };

        let started = Instant::now();
        let mut child = Command::new(env!("CARGO_BIN_EXE_tidings"))
            .arg("--data")
            .arg(&app.data)
            .args(app.database_args())
            .args(["import", format, fifo.to_str().unwrap()])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let pid = child.id();
        let mut peak = 0;
        while child.try_wait().unwrap().is_none() {
            if let Some(kib) = peak_rss_kib(pid) {
                peak = peak.max(kib);
            }
            if started.elapsed() > Duration::from_secs(120) {
                let _ = child.kill();
                panic!("{format}: still reading after two minutes");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let out = child.wait_with_output().unwrap();
        if !writer.is_finished() {
            // The importer never opened the pipe: open and close its read
            // end so that the writer's open returns and its write fails.
            let _ = std::fs::OpenOptions::new()
                .read(true)
                .custom_flags(O_NONBLOCK)
                .open(&fifo);
        }
        let written = writer.join().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            !out.status.success(),
            "{format}: accepted an endless stream"
        );
        assert_eq!(err.lines().count(), 1, "{format}: one line: {err}");
        assert!(
            err.contains("larger than 256 MiB") && err.contains("nothing was imported"),
            "{format}: {err}"
        );
        // The last chunk, cut short by the closed pipe, is not counted.
        assert!(
            written + chunk.len() as u64 > 256 << 20,
            "{format}: refused after {written} bytes"
        );
        assert!(
            peak > 0 && peak < 512 * 1024,
            "{format}: peak memory {peak} KiB"
        );
        eprintln!(
            "{format}: refused after {} MiB in {:.1?}, peak {} MiB",
            written >> 20,
            started.elapsed(),
            peak >> 10
        );
    }
    nothing_committed(&mut app).await;
}
