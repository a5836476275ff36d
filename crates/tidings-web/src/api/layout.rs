//! `GET` and `PUT /api/v1/layout`: the sidebar's gadgets, in order.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use tidings_app::layout::{self, Item};
use tidings_core::gadget::Gadget;

use super::auth::Caller;
use super::extract::ApiJson;
use crate::AppState;
use crate::error::ApiError;

/// The layout as the API answers it (and takes it back).
#[derive(Serialize)]
pub struct LayoutOut {
    items: Vec<GadgetOut>,
}

#[derive(Serialize)]
struct GadgetOut {
    /// `null` for the default sidebar's gadgets, never stored.
    id: Option<i64>,
    #[serde(rename = "type")]
    kind: &'static str,
    title: String,
    settings: serde_json::Value,
}

impl LayoutOut {
    fn new(gadgets: &[Gadget]) -> Self {
        let items = gadgets
            .iter()
            .map(|g| GadgetOut {
                id: g.id,
                kind: g.settings.kind(),
                title: g.title.clone(),
                settings: g.settings.to_json(),
            })
            .collect();
        Self { items }
    }
}

/// A new layout: the same shape, `id` optional.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LayoutIn {
    items: Vec<GadgetIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GadgetIn {
    #[serde(default)]
    id: Option<i64>,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    settings: serde_json::Value,
}

pub async fn show(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<LayoutOut>, ApiError> {
    let layout = layout::read(&state.store, caller.site.blog.id).await?;
    Ok(Json(LayoutOut::new(&layout.gadgets)))
}

pub async fn replace(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<LayoutIn>,
) -> Result<Json<LayoutOut>, ApiError> {
    let items = body
        .items
        .into_iter()
        .map(|g| Item {
            id: g.id,
            kind: g.kind,
            title: g.title,
            settings: g.settings,
        })
        .collect();
    let stored = layout::replace(&state.store, caller.actor(), caller.site.blog.id, items).await?;
    Ok(Json(LayoutOut::new(&stored)))
}
