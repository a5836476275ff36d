//! Uploads' bytes in an S3-compatible bucket (`--media-store
//! s3://BUCKET/PREFIX?endpoint=URL&region=R`), through the `object_store`
//! crate: every node that names the bucket serves every file, whatever its
//! database.
//!
//! The bucket is a [`Blobs`] like the others: a file is written whole under
//! a key no file had before (so no conditional writes are needed), read a
//! [`CHUNK_BYTES`] range at a time (no request carries a whole large file
//! back), and files over [`PART_BYTES`] go up as a multipart upload of
//! such parts instead of one request.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use object_store::aws::AmazonS3Builder;
use object_store::path::Path;
use object_store::{GetOptions, GetRange, ObjectStore, ObjectStoreExt, WriteMultipart};

use super::blobs::{Answer, Blobs, CHUNK_BYTES};
use crate::{Result, StoreError};

/// The size of a part of a multipart upload, and the size past which a file
/// is sent as one (S3 takes no part smaller than 5 MiB but the last).
pub const PART_BYTES: usize = 5 << 20;

/// Where the bucket is and who we are to it, from `--media-store` and the
/// key flags. The secret key never reaches `Debug` output.
#[derive(Clone, PartialEq, Eq)]
pub struct S3Settings {
    pub bucket: String,
    /// Keys are kept under it (no slashes at either end); may be empty.
    pub prefix: String,
    /// The S3-compatible server (`http://127.0.0.1:9000`); none: AWS.
    pub endpoint: Option<String>,
    pub region: Option<String>,
    pub access_key_id: Option<String>,
    pub secret_access_key: Option<String>,
}

impl fmt::Debug for S3Settings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("S3Settings")
            .field("bucket", &self.bucket)
            .field("prefix", &self.prefix)
            .field("endpoint", &self.endpoint)
            .field("region", &self.region)
            .field("access_key_id", &self.access_key_id)
            .field(
                "secret_access_key",
                &self.secret_access_key.as_ref().map(|_| "***"),
            )
            .finish()
    }
}

impl S3Settings {
    /// Reads `s3://BUCKET[/PREFIX][?endpoint=URL&region=R]`; the keys come
    /// apart (flags or `AWS_*` variables). Refusals say what is wrong.
    pub fn parse(value: &str) -> std::result::Result<Self, String> {
        let rest = value
            .strip_prefix("s3://")
            .ok_or_else(|| format!("{value:?} is not s3://BUCKET/PREFIX?endpoint=URL&region=R"))?;
        let (location, query) = rest.split_once('?').unwrap_or((rest, ""));
        let (bucket, prefix) = location.split_once('/').unwrap_or((location, ""));
        let bucket_ok = (3..=63).contains(&bucket.len())
            && bucket
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.');
        if !bucket_ok {
            return Err(format!(
                "{bucket:?} is not a bucket name (3 to 63 lowercase letters, digits, '-' or '.')"
            ));
        }
        let prefix = prefix.trim_matches('/');
        if !prefix.is_empty() && Path::parse(prefix).is_err() {
            return Err(format!("{prefix:?} is not a key prefix"));
        }
        let mut settings = Self {
            bucket: bucket.to_owned(),
            prefix: prefix.to_owned(),
            endpoint: None,
            region: None,
            access_key_id: None,
            secret_access_key: None,
        };
        for (name, v) in url::form_urlencoded::parse(query.as_bytes()) {
            match &*name {
                "endpoint" if v.starts_with("http://") || v.starts_with("https://") => {
                    settings.endpoint = Some(v.trim_end_matches('/').to_owned());
                }
                "endpoint" => return Err(format!("endpoint {v:?} is not an http(s):// URL")),
                "region" if !v.is_empty() => settings.region = Some(v.into_owned()),
                other => {
                    return Err(format!(
                        "unknown part {other:?} (s3://BUCKET/PREFIX takes endpoint= and region=)"
                    ));
                }
            }
        }
        Ok(settings)
    }
}

/// Makes ring the process's TLS provider, which reqwest's rustls (the S3
/// client's, and any other reqwest client of the process) takes; the first
/// call decides, later ones change nothing. Call it before building a
/// reqwest client.
pub fn tls_on_ring() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// An S3-compatible bucket: files under `PREFIX/KEY`.
pub struct S3Blobs {
    bucket: Arc<dyn ObjectStore>,
    prefix: String,
    /// `s3://BUCKET/PREFIX at ENDPOINT`, for messages.
    name: String,
}

impl S3Blobs {
    /// The client for `settings` (nothing is sent yet: [`Self::check`] asks
    /// the bucket). Keys not given are read from `AWS_*` variables, and
    /// plain `http://` is allowed when the endpoint says so.
    pub fn open(settings: &S3Settings) -> Result<Self> {
        tls_on_ring();
        let mut builder = AmazonS3Builder::from_env()
            .with_bucket_name(&settings.bucket)
            .with_region(settings.region.as_deref().unwrap_or("us-east-1"));
        if let Some(endpoint) = &settings.endpoint {
            builder = builder
                .with_endpoint(endpoint)
                .with_allow_http(endpoint.starts_with("http://"));
        }
        if let Some(id) = &settings.access_key_id {
            builder = builder.with_access_key_id(id);
        }
        if let Some(secret) = &settings.secret_access_key {
            builder = builder.with_secret_access_key(secret);
        }
        let bucket = builder.build().map_err(unavailable)?;
        let at = settings.endpoint.as_deref().unwrap_or("AWS");
        Ok(Self {
            bucket: Arc::new(bucket),
            prefix: settings.prefix.clone(),
            name: format!("s3://{}/{} at {at}", settings.bucket, settings.prefix),
        })
    }

    /// Whether the bucket answers us: a read of a key no file has, which
    /// a reachable bucket with good keys answers "not found".
    pub async fn check(&self) -> Result<()> {
        match self.bucket.head(&self.path(".tidings-check")?).await {
            Ok(_) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(StoreError::Unavailable(
                format!("{}: {e}", self.name).into(),
            )),
        }
    }

    /// `s3://BUCKET/PREFIX at ENDPOINT`.
    pub fn name(&self) -> &str {
        &self.name
    }

    fn path(&self, key: &str) -> Result<Path> {
        let full = if self.prefix.is_empty() {
            key.to_owned()
        } else {
            format!("{}/{key}", self.prefix)
        };
        Path::parse(&full).map_err(|_| StoreError::Corrupt(format!("media key {key:?}")))
    }

    async fn put_in_parts(&self, path: &Path, bytes: &[u8]) -> Result<()> {
        let upload = self.bucket.put_multipart(path).await.map_err(unavailable)?;
        let mut parts = WriteMultipart::new_with_chunk_size(upload, PART_BYTES);
        for piece in bytes.chunks(PART_BYTES) {
            // At most two parts in flight: memory stays a few parts.
            if let Err(e) = parts.wait_for_capacity(2).await {
                let _ = parts.abort().await;
                return Err(unavailable(e));
            }
            parts.write(piece);
        }
        parts.finish().await.map(drop).map_err(unavailable)
    }
}

fn unavailable(e: object_store::Error) -> StoreError {
    StoreError::Unavailable(Box::new(e))
}

impl Blobs for S3Blobs {
    fn put<'a>(&'a self, key: &'a str, bytes: &'a [u8]) -> Answer<'a, ()> {
        Box::pin(async move {
            let path = self.path(key)?;
            if bytes.len() > PART_BYTES {
                return self.put_in_parts(&path, bytes).await;
            }
            self.bucket
                .put(&path, bytes.to_vec().into())
                .await
                .map(drop)
                .map_err(unavailable)
        })
    }

    fn chunk<'a>(&'a self, key: &'a str, index: u64) -> Answer<'a, Option<Vec<u8>>> {
        Box::pin(async move {
            let path = self.path(key)?;
            let start = index * CHUNK_BYTES as u64;
            let options = GetOptions {
                range: Some(GetRange::Bounded(start..start + CHUNK_BYTES as u64)),
                ..Default::default()
            };
            let read = match self.bucket.get_opts(&path, options).await {
                Ok(answer) => answer.bytes().await,
                Err(e) => Err(e),
            };
            match read {
                Ok(piece) => Ok((!piece.is_empty()).then(|| piece.to_vec())),
                Err(object_store::Error::NotFound { .. }) => Ok(None),
                // A range past the end is refused (416); only a look at the
                // file's size tells that from a failure.
                Err(e) => match self.bucket.head(&path).await {
                    Err(object_store::Error::NotFound { .. }) => Ok(None),
                    Ok(meta) if meta.size <= start => Ok(None),
                    _ => Err(unavailable(e)),
                },
            }
        })
    }

    fn delete<'a>(&'a self, keys: &'a [String]) -> Answer<'a, ()> {
        Box::pin(async move {
            for key in keys {
                match self.bucket.delete(&self.path(key)?).await {
                    Ok(()) | Err(object_store::Error::NotFound { .. }) => {}
                    Err(e) => return Err(unavailable(e)),
                }
            }
            Ok(())
        })
    }

    fn local_path(&self, _key: &str) -> Option<PathBuf> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_read_from_the_url() {
        let s = S3Settings::parse(
            "s3://pictures/blog/media/?endpoint=http://127.0.0.1:9000/&region=eu-west-1",
        )
        .unwrap();
        assert_eq!(s.bucket, "pictures");
        assert_eq!(s.prefix, "blog/media");
        assert_eq!(s.endpoint.as_deref(), Some("http://127.0.0.1:9000"));
        assert_eq!(s.region.as_deref(), Some("eu-west-1"));
        let plain = S3Settings::parse("s3://pictures").unwrap();
        assert_eq!((plain.prefix.as_str(), plain.endpoint), ("", None));
        for bad in [
            "pictures",
            "s3://",
            "s3://Pictures",
            "s3://pictures?endpoint=ftp://x",
            "s3://pictures?bucket=x",
            "s3://pictures/a/../b",
        ] {
            assert!(S3Settings::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_secret_stays_out_of_debug_output() {
        let mut s = S3Settings::parse("s3://pictures").unwrap();
        s.secret_access_key = Some("hunter2".into());
        assert!(!format!("{s:?}").contains("hunter2"));
    }
}
