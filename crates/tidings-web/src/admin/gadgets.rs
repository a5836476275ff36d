//! The Layout page (`/admin/layout`): the sidebar's gadgets, added, edited,
//! removed and moved with plain forms, one button each; `admin.js` moves
//! them without a reload. Every change sends the whole layout through
//! `tidings_app::layout::replace`, the same act as `PUT /api/v1/layout`, so
//! the page refuses what the API refuses, naming the gadget.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use tidings_app::layout::{self, Item};
use tidings_core::gadget::{Gadget, KINDS, Settings};

use super::render::{AdminResult, render};
use super::session::Signed;
use crate::AppState;

/// What the page's forms send: an operation on the gadget at `index` (or a
/// new one of `type`), and the fields of the gadget's edit form.
#[derive(Deserialize, Default)]
pub struct GadgetForm {
    #[serde(default)]
    csrf: Option<String>,
    /// `add`, `save`, `up`, `down` or `remove`.
    #[serde(default)]
    op: String,
    /// A number; text, because a flattened form reads every value as text.
    #[serde(default)]
    index: String,
    #[serde(default, rename = "type")]
    kind: String,
    #[serde(flatten)]
    fields: Fields,
}

impl GadgetForm {
    fn index(&self) -> Option<usize> {
        self.index.trim().parse().ok()
    }
}

/// A gadget's settings as form fields: every kind's, each used by its own.
#[derive(Deserialize, Serialize, Default, Clone)]
struct Fields {
    #[serde(default)]
    title: String,
    /// A link list's links, one a line: `text | address`.
    #[serde(default)]
    links: String,
    #[serde(default)]
    html: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    alt: String,
    #[serde(default)]
    link: String,
    #[serde(default)]
    caption: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    about: String,
    #[serde(default)]
    picture: String,
    #[serde(default)]
    post_id: String,
    #[serde(default)]
    display: String,
    #[serde(default)]
    sort: String,
    #[serde(default)]
    min: String,
    #[serde(default)]
    style: String,
    #[serde(default)]
    count: String,
    #[serde(default)]
    period: String,
}

/// One gadget as the page shows it: where it is, its kind and its fields.
#[derive(Serialize)]
struct Row {
    index: usize,
    kind: String,
    fields: Fields,
}

#[derive(Deserialize, Default)]
pub struct PageQuery {
    saved: Option<String>,
    /// The kind of a gadget to add: its form is shown.
    add: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    signed: Signed,
    Query(q): Query<PageQuery>,
) -> AdminResult {
    layout::may_change(signed.actor())?;
    let current = layout::read(&state.store, signed.site.blog.id).await?;
    let adding = q.add.filter(|k| KINDS.split(", ").any(|known| known == k));
    let adding = adding.map(|kind| Row {
        index: current.gadgets.len(),
        kind,
        fields: Fields::default(),
    });
    page(
        &state,
        &signed,
        &current.gadgets,
        adding,
        None,
        q.saved.is_some(),
        StatusCode::OK,
    )
}

pub async fn act(
    State(state): State<AppState>,
    signed: Signed,
    Form(form): Form<GadgetForm>,
) -> AdminResult {
    signed.check_csrf(form.csrf.as_deref())?;
    layout::may_change(signed.actor())?;
    let blog_id = signed.site.blog.id;
    let current = layout::read(&state.store, blog_id).await?.gadgets;
    let mut items: Vec<Item> = current.iter().map(item_of).collect();
    apply(&mut items, &form)?;
    match layout::replace(&state.store, signed.actor(), blog_id, items).await {
        Ok(_) => Ok(Redirect::to("/admin/layout?saved=1").into_response()),
        Err(tidings_app::Error::Invalid { message, .. }) => {
            // Shown again with what was sent, so nothing typed is lost.
            let again = Row {
                index: form.index().unwrap_or(current.len()),
                kind: match form.op.as_str() {
                    "add" => form.kind.clone(),
                    _ => form
                        .index()
                        .and_then(|i| current.get(i))
                        .map_or_else(String::new, |g| g.settings.kind().to_owned()),
                },
                fields: form.fields.clone(),
            };
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            page(
                &state,
                &signed,
                &current,
                Some(again),
                Some(message),
                false,
                status,
            )
        }
        Err(e) => Err(e.into()),
    }
}

/// `items` changed as `form` asks. An index the layout no longer has (it
/// changed in another tab) is refused: the page is stale, not the input.
fn apply(items: &mut Vec<Item>, form: &GadgetForm) -> Result<(), tidings_app::Error> {
    let stale = || {
        tidings_app::Error::Malformed(
            "The layout changed since this page was opened; reload it and try again.".into(),
        )
    };
    let at = || form.index().filter(|&i| i < items.len()).ok_or_else(stale);
    match form.op.as_str() {
        "add" => items.push(Item {
            id: None,
            kind: form.kind.clone(),
            title: form.fields.title.clone(),
            settings: settings_of(&form.kind, &form.fields),
        }),
        "save" => {
            let i = at()?;
            items[i].title = form.fields.title.clone();
            items[i].settings = settings_of(&items[i].kind, &form.fields);
        }
        "remove" => {
            let i = at()?;
            items.remove(i);
        }
        "up" => {
            let i = at()?;
            if i > 0 {
                items.swap(i, i - 1);
            }
        }
        "down" => {
            let i = at()?;
            if i + 1 < items.len() {
                items.swap(i, i + 1);
            }
        }
        _ => return Err(stale()),
    }
    Ok(())
}

fn item_of(g: &Gadget) -> Item {
    Item {
        id: g.id,
        kind: g.settings.kind().to_owned(),
        title: g.title.clone(),
        settings: g.settings.to_json(),
    }
}

/// The settings of a gadget of `kind` from its form's fields. A number that
/// is not one is passed on as text, so the refusal names the field.
fn settings_of(kind: &str, f: &Fields) -> Value {
    let number = |v: &str| {
        v.trim()
            .parse::<i64>()
            .map_or_else(|_| json!(v), |n| json!(n))
    };
    let or = |v: &str, default: &str| {
        if v.is_empty() {
            default.to_owned()
        } else {
            v.to_owned()
        }
    };
    match kind {
        "link_list" => {
            let links: Vec<Value> = f
                .links
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| {
                    let (text, url) = l.rsplit_once('|').unwrap_or((l, ""));
                    json!({"text": text.trim(), "url": url.trim()})
                })
                .collect();
            json!({"links": links, "sort": or(&f.sort, "none")})
        }
        "text" => json!({"html": f.html}),
        "image" => json!({"url": f.url, "alt": f.alt, "link": f.link, "caption": f.caption}),
        "profile" => json!({"name": f.name, "about": f.about, "picture": f.picture, "url": f.url}),
        "popular_posts" => json!({
            "count": if f.count.trim().is_empty() { json!(5) } else { number(&f.count) },
            "period": or(&f.period, "30d"),
        }),
        "featured_post" => json!({"post_id": number(&f.post_id)}),
        "labels" => json!({
            "display": or(&f.display, "list"),
            "sort": or(&f.sort, "name"),
            "min": if f.min.trim().is_empty() { json!(0) } else { number(&f.min) },
        }),
        "archive" => json!({"style": or(&f.style, "hierarchy")}),
        _ => json!({}),
    }
}

/// A stored gadget's fields, for its edit form.
fn fields_of(g: &Gadget) -> Fields {
    let mut f = Fields {
        title: g.title.clone(),
        ..Fields::default()
    };
    match &g.settings {
        Settings::LinkList(l) => {
            f.links = l
                .links
                .iter()
                .map(|k| format!("{} | {}\n", k.text, k.url))
                .collect();
            f.sort = json_text(&json!(l.sort));
        }
        Settings::Text(t) => f.html = t.html.clone(),
        Settings::Image(i) => {
            (f.url, f.alt, f.link, f.caption) = (
                i.url.clone(),
                i.alt.clone(),
                i.link.clone(),
                i.caption.clone(),
            );
        }
        Settings::Profile(p) => {
            (f.name, f.about, f.picture, f.url) = (
                p.name.clone(),
                p.about.clone(),
                p.picture.clone(),
                p.url.clone(),
            );
        }
        Settings::PopularPosts(p) => {
            f.count = p.count.to_string();
            f.period = json_text(&json!(p.period));
        }
        Settings::FeaturedPost(p) => f.post_id = p.post_id.to_string(),
        Settings::Labels(l) => {
            f.display = json_text(&json!(l.display));
            f.sort = json_text(&json!(l.sort));
            f.min = l.min.to_string();
        }
        Settings::Archive(a) => f.style = json_text(&json!(a.style)),
        _ => {}
    }
    f
}

/// A JSON string's text (an enum's name as serde spells it).
fn json_text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}

fn page(
    state: &AppState,
    signed: &Signed,
    gadgets: &[Gadget],
    editing: Option<Row>,
    error: Option<String>,
    saved: bool,
    status: StatusCode,
) -> AdminResult {
    let rows: Vec<Row> = gadgets
        .iter()
        .enumerate()
        .map(|(index, g)| Row {
            index,
            kind: g.settings.kind().to_owned(),
            fields: fields_of(g),
        })
        .collect();
    let ctx = minijinja::context! {
        rows => minijinja::value::Serde(rows),
        editing => minijinja::value::Serde(editing),
        kinds => KINDS.split(", ").collect::<Vec<_>>(),
        error => error,
        saved => saved,
    };
    Ok(render(
        state,
        signed,
        "admin/gadgets.html",
        "Layout",
        status,
        ctx,
    )?)
}
