//! Every kind of media store keeps the same promise (`tidings_store::Blobs`):
//! the data directory, the database (SQLite, or PostgreSQL when the suite
//! runs there) and an S3 bucket on a real S3-compatible server
//! (`scripts/s3-test-server.sh`). Then a server keeping uploads in the
//! bucket, and two nodes on one database and one bucket serving each
//! other's uploads; and two nodes on the default store forgetting an
//! upload deleted through either.

use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::{StatusCode, header};
use tidings_store::{Blobs, CHUNK_BYTES, DatabaseBlobs, DirectoryBlobs, S3Blobs, Store};

use crate::media::{jpeg, upload, upload_at, walk};
use crate::support::{TestApp, s3_bucket, s3_serve_args};

/// Each kind of store, on this app's database; the bucket when there is a
/// test S3 server (see `s3_bucket`).
async fn stores(app: &TestApp) -> Vec<(&'static str, Arc<dyn Blobs>)> {
    let store = Store::open(&app.store_url()).await.unwrap();
    let mut kinds: Vec<(&'static str, Arc<dyn Blobs>)> = vec![
        (
            "directory",
            Arc::new(DirectoryBlobs::new(app.data.join("blobs"))),
        ),
        ("database", Arc::new(DatabaseBlobs::new(store))),
    ];
    if let Some(bucket) = s3_bucket() {
        kinds.push(("s3", Arc::new(S3Blobs::open(&bucket).unwrap())));
    }
    kinds
}

/// The whole file at `key`, piece by piece, checking each piece's size.
async fn read_back(blobs: &dyn Blobs, key: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut index = 0;
    while let Some(piece) = blobs.chunk(key, index).await.unwrap() {
        assert!(!piece.is_empty() && piece.len() <= CHUNK_BYTES, "{key}");
        out.extend_from_slice(&piece);
        index += 1;
    }
    (index > 0).then_some(out)
}

#[tokio::test]
async fn every_store_keeps_serves_in_pieces_and_forgets() {
    let app = TestApp::start().await;
    // Past 5 MiB: many pieces, and on S3 a multipart upload.
    let big: Vec<u8> = (0..(6 << 20) + 12_345)
        .map(|i: u32| (i.wrapping_mul(7) % 251) as u8)
        .collect();
    let exact = vec![7u8; CHUNK_BYTES];
    for (kind, blobs) in stores(&app).await {
        blobs.put("1/u/big.jpg", &big).await.unwrap();
        blobs.put("1/u/exact.png", &exact).await.unwrap();
        blobs.put("2/u/small.gif", b"GIF89a").await.unwrap();

        let read = read_back(&*blobs, "1/u/big.jpg").await;
        assert!(read.as_deref() == Some(&big[..]), "{kind}: the big file");
        assert_eq!(
            blobs.chunk("1/u/big.jpg", 3).await.unwrap().as_deref(),
            Some(&big[3 * CHUNK_BYTES..4 * CHUNK_BYTES]),
            "{kind}: a piece in the middle"
        );
        assert_eq!(
            read_back(&*blobs, "1/u/exact.png").await,
            Some(exact.clone()),
            "{kind}: a file of exactly one piece"
        );
        assert_eq!(
            blobs.chunk("1/u/exact.png", 1).await.unwrap(),
            None,
            "{kind}"
        );
        assert_eq!(
            blobs.chunk("2/u/small.gif", 0).await.unwrap().as_deref(),
            Some(&b"GIF89a"[..]),
            "{kind}"
        );
        assert_eq!(
            blobs.chunk("2/u/small.gif", 9).await.unwrap(),
            None,
            "{kind}"
        );
        assert_eq!(
            blobs.chunk("1/u/none.jpg", 0).await.unwrap(),
            None,
            "{kind}"
        );

        // Deleting forgets those files only; a key with no file is no error.
        let gone = ["1/u/big.jpg".to_owned(), "1/u/none.jpg".to_owned()];
        blobs.delete(&gone).await.unwrap();
        assert_eq!(blobs.chunk("1/u/big.jpg", 0).await.unwrap(), None, "{kind}");
        assert!(
            read_back(&*blobs, "1/u/exact.png").await.is_some(),
            "{kind}"
        );
        blobs.delete(&gone).await.unwrap();
    }
}

#[tokio::test]
async fn nodes_on_one_bucket_serve_each_others_uploads() {
    let Some(bucket) = s3_bucket() else { return };
    let args = s3_serve_args(&bucket);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut app = TestApp::start_with(&args).await;
    let other = app.another_node();
    let token = app.token();

    let (status, here) = upload(&mut app, &jpeg(1400, 900), "barn.jpg", Some("A barn")).await;
    assert_eq!(status, StatusCode::CREATED, "{here}");
    let (status, there) = upload_at(&app, &other.base, &token, &jpeg(700, 400), "pond.jpg").await;
    assert_eq!(status, StatusCode::CREATED, "{there}");

    for made in [&here, &there] {
        let urls = std::iter::once(&made["url"])
            .chain(
                made["variants"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| &v["url"]),
            )
            .map(|u| u.as_str().unwrap().to_owned());
        for url in urls {
            let mine = app.get(&url).await;
            assert_eq!(mine.status(), StatusCode::OK, "{url}");
            let cache = mine.headers()[header::CACHE_CONTROL].to_str().unwrap();
            assert!(cache.contains("immutable"), "{url}: {cache}");
            let etag = mine.headers()[header::ETAG].clone();
            let bytes = mine.bytes().await.unwrap();
            let theirs = app.client.get(other.url(&url)).send().await.unwrap();
            assert_eq!(theirs.status(), StatusCode::OK, "{url}");
            assert_eq!(theirs.bytes().await.unwrap(), bytes, "{url}");

            let again = app
                .client
                .get(other.url(&url))
                .header(header::IF_NONE_MATCH, etag)
                .send()
                .await
                .unwrap();
            assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{url}");
            let part = app
                .client
                .get(app.url(&url))
                .header(header::RANGE, "bytes=10-19")
                .send()
                .await
                .unwrap();
            assert_eq!(part.status(), StatusCode::PARTIAL_CONTENT, "{url}");
            assert_eq!(part.bytes().await.unwrap(), bytes.slice(10..20), "{url}");
        }
    }
    // The bytes are in the bucket, not beside the database.
    assert!(walk(&app.data.join("media")).is_empty());

    // Deleted on one node, the files leave the bucket for both.
    let id = here["id"].as_i64().unwrap();
    let url = here["url"].as_str().unwrap();
    let r = app
        .client
        .delete(other.url(&format!("/api/v1/media/{id}")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.status());
    let blobs = S3Blobs::open(&bucket).unwrap();
    let key = tidings_store::blob_key(1, url);
    assert_eq!(blobs.chunk(&key, 0).await.unwrap(), None, "{key}");
    gone_within(&app, &app.url(url), Duration::from_secs(5)).await;
}

/// Polls `url` until it answers 404; fails after `limit`. A node learns of
/// another's deletion from the change log: at once on PostgreSQL, within a
/// poll (a tenth of a second) on SQLite.
async fn gone_within(app: &TestApp, url: &str, limit: Duration) {
    let start = Instant::now();
    loop {
        let status = app.client.get(url).send().await.unwrap().status();
        if status == StatusCode::NOT_FOUND {
            return;
        }
        assert_eq!(status, StatusCode::OK, "{url}");
        assert!(
            start.elapsed() < limit,
            "{url} still served after {limit:?}"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// Each node keeps the rows of the files it served (so a picture costs no
/// statement once its bytes are in memory); an upload deleted through one
/// node must stop being served by every node, whatever they kept. Runs on
/// the default store: SQLite, or PostgreSQL when the suite runs there.
#[tokio::test]
async fn an_upload_deleted_on_one_node_leaves_every_node() {
    let mut app = TestApp::start().await;
    let other = app.another_node();
    let token = app.token();
    let (status, made) = upload(&mut app, &jpeg(900, 600), "gate.jpg", Some("A gate")).await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let url = made["url"].as_str().unwrap().to_owned();
    let variant = made["variants"][0]["url"].as_str().unwrap().to_owned();
    for path in [&url, &variant] {
        // Twice on each node: the second answer comes from what it kept.
        for _ in 0..2 {
            for base in [app.url(path), other.url(path)] {
                let r = app.client.get(&base).send().await.unwrap();
                assert_eq!(r.status(), StatusCode::OK, "{base}");
            }
        }
    }

    let id = made["id"].as_i64().unwrap();
    let r = app
        .client
        .delete(app.url(&format!("/api/v1/media/{id}")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.status());
    for path in [&url, &variant] {
        // The node that deleted it answers its writer's next request.
        assert_eq!(
            app.get(path).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
        gone_within(&app, &other.url(path), Duration::from_secs(5)).await;
    }
    // And an upload through the other node is served here at once.
    let (status, next) = upload_at(&app, &other.base, &token, &jpeg(500, 300), "gate2.jpg").await;
    assert_eq!(status, StatusCode::CREATED, "{next}");
    let next = next["url"].as_str().unwrap();
    assert_eq!(app.get(next).await.status(), StatusCode::OK, "{next}");
}

/// The command line reads and writes uploads where `serve` keeps them: an
/// export of a blog whose pictures are in a bucket carries them, and an
/// import into a second instance on the same bucket restores them there,
/// served at the same address.
#[tokio::test]
async fn export_and_import_use_the_bucket_serve_uses() {
    let Some(bucket) = s3_bucket() else { return };
    let args = s3_serve_args(&bucket);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut app = TestApp::start_with(&args).await;
    let (status, made) = upload(&mut app, &jpeg(900, 600), "quay.jpg", Some("The quay")).await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let url = made["url"].as_str().unwrap().to_owned();
    let original = app.get(&url).await.bytes().await.unwrap();

    // On PostgreSQL nothing made the data directory yet.
    std::fs::create_dir_all(&app.data).unwrap();
    let file = app.data.join("moving.jsonl");
    let file_arg = file.to_str().unwrap();
    let mut export = vec!["export", "--format", "tidings", file_arg];
    export.extend(&args);
    let out = app.cli(&export, None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.lines()
            .any(|l| l.contains("\"media\"") && l.contains(&url)),
        "the export carries the upload from the bucket"
    );

    // A second instance, its uploads in a bucket of its own.
    let Some(theirs) = s3_bucket() else { return };
    let their_args = s3_serve_args(&theirs);
    let their_args: Vec<&str> = their_args.iter().map(String::as_str).collect();
    let new = TestApp::start_with(&their_args).await;
    let mut import = vec!["import", "tidings", file_arg];
    import.extend(&their_args);
    let out = new.cli(&import, None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let served = new.get(&url).await;
    assert_eq!(served.status(), StatusCode::OK, "{url}");
    assert_eq!(served.bytes().await.unwrap(), original);
    assert!(
        walk(&new.data.join("media")).is_empty(),
        "nothing beside the database"
    );
}
