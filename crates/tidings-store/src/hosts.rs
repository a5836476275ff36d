//! Which blog serves a `Host`: kept in this process while it follows the
//! change log ([`crate::kept`]).
//!
//! Why kept: it is the first question of every request, and on PostgreSQL
//! it was one of the two statements of an uncached home page (each a round
//! trip and work in another process). Every write a reader can see moves
//! its blog's row (`blogs::touch`) and appends to the change log in the same
//! transaction, so a kept answer is right for exactly as long as the log
//! has nothing new.

use tidings_core::BlogSettings;

use crate::{Result, Store};

/// A blog and whether it serves the host only as the fallback blog.
pub(crate) type HostAnswer = (BlogSettings, bool);

impl Store {
    /// The blog serving `host`, with whether it does so only as the fallback
    /// for unknown hosts (when `fallback`; else only an exact match
    /// answers). Kept in the process; see the module documentation.
    pub async fn blog_serving(&self, host: &str, fallback: bool) -> Result<Option<HostAnswer>> {
        let read = async {
            // Read outside any snapshot: a snapshot may predate a change
            // this process has already been told about.
            let store = self.shared();
            if fallback {
                store.blog_by_host_or_default(host).await
            } else {
                Ok(store.blog_by_host(host).await?.map(|blog| (blog, false)))
            }
        };
        self.kept
            .hosts
            .get_or_read((host.into(), fallback), read)
            .await
    }
}
