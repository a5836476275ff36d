//! What every request shares.

use std::sync::Arc;

use tidings_store::Store;

use crate::cache::PageCache;
use crate::{Config, metrics::Metrics, templates::Templates};

/// Shared by every handler; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub(crate) store: Store,
    pub(crate) templates: Arc<Templates>,
    pub(crate) config: Arc<Config>,
    pub(crate) metrics: Arc<Metrics>,
    /// Signs comment forms (see `form_token`); shared by all nodes via the store.
    pub(crate) form_key: Arc<Vec<u8>>,
    /// Rendered pages; `None` with `--no-cache`.
    pub(crate) cache: Option<Arc<PageCache>>,
}

impl AppState {
    /// Prepares templates and loads (or creates) the form-signing key.
    pub async fn new(store: Store, config: Config) -> Result<Self, tidings_store::StoreError> {
        let form_key = store
            .secret("form_key", crate::form_token::fresh_key)
            .await?;
        let config_cache_bytes = config.cache_bytes;
        Ok(Self {
            store,
            templates: Arc::new(Templates::new()),
            config: Arc::new(config),
            metrics: Arc::new(Metrics::default()),
            form_key: Arc::new(form_key.into_bytes()),
            cache: (config_cache_bytes > 0).then(|| Arc::new(PageCache::new(config_cache_bytes))),
        })
    }
}
