//! What every request shares.

use std::sync::Arc;

use tidings_store::Store;

use crate::cache::PageCache;
use crate::{Config, metrics::Metrics};
use tidings_theme::Templates;

/// Shared by every handler. The router clones it for each request, so it is
/// one pointer: one atomic increment, not one per field.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

pub struct Shared {
    pub(crate) store: Store,
    /// The built-in templates: the admin's pages, and reader pages a
    /// theme does not draw.
    pub(crate) templates: Templates,
    /// The theme each blog's reader pages are drawn with.
    pub(crate) themes: crate::themes::Themes,
    pub(crate) config: Config,
    pub(crate) metrics: Metrics,
    /// Signs comment forms (see `form_token`); shared by all nodes via the store.
    pub(crate) form_key: Vec<u8>,
    /// Rendered pages; `None` with `--no-cache`.
    pub(crate) cache: Option<Arc<PageCache>>,
    /// Where this node is in the change log (see `cache::follow`).
    pub(crate) follower: crate::cache::Follower,
    /// Each blog's archive widget (kept in either mode: never stale).
    pub(crate) sidebars: crate::handlers::pages::Sidebars,
    /// Sign-in refusals this node remembers, and how long sessions last.
    pub(crate) gate: tidings_app::signin::Gate,
    /// The bound on renders no kept page answers (see `cache::Renders`).
    pub(crate) renders: Option<crate::cache::Renders>,
    /// Where uploads' bytes are kept: `--media-store`'s bucket, else the
    /// data directory on SQLite, the database on PostgreSQL (or without a
    /// data directory).
    pub(crate) blobs: Arc<dyn tidings_store::Blobs>,
    /// Uploads kept in the database, held in memory once served.
    pub(crate) media_cache: crate::handlers::media::BlobCache,
    /// Searches per client address (see `handlers::search`).
    pub(crate) searches: tidings_app::search::SearchLimit,
    /// Wrong post passwords per client address (see `handlers::unlock`).
    pub(crate) unlocks: tidings_app::posts::unlock::UnlockLimit,
    /// Mail: the SMTP server (none: off) and the key of the links it carries.
    pub(crate) mail: tidings_app::mail::Mail,
    /// Page views counted since the last flush; `None`: not counted.
    pub(crate) views: Option<Arc<tidings_app::views::Views>>,
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl AppState {
    /// Prepares templates and loads (or creates) the form-signing key.
    pub async fn new(store: Store, config: Config) -> Result<Self, tidings_store::StoreError> {
        let form_key = store
            .secret("form_key", crate::form_token::fresh_key)
            .await?;
        let mail = tidings_app::mail::Mail::open(&store, config.mailer.clone()).await?;
        let blobs = config
            .media_store
            .open(&store, config.media_dir.as_deref())?;
        let cache = (config.cache_bytes > 0).then(|| Arc::new(PageCache::new(config.cache_bytes)));
        Ok(Self(Arc::new(Shared {
            store,
            templates: Templates::new(),
            themes: crate::themes::Themes::new(config.themes_dir.clone()),
            metrics: Metrics::default(),
            sidebars: Default::default(),
            gate: tidings_app::signin::Gate::new(config.session_lifetime),
            renders: crate::cache::Renders::new(config.renders_at_once),
            searches: Default::default(),
            unlocks: Default::default(),
            mail,
            views: config.count_views.then(Arc::default),
            blobs,
            media_cache: Default::default(),
            form_key: form_key.into_bytes(),
            cache,
            follower: Default::default(),
            config,
        })))
    }
}
