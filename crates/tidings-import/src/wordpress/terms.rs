//! The channel's categories: their parents, and the names a nav menu item
//! points at by term id. WordPress keeps a category's parent
//! apart from its posts, so a post filed under "Child" is listed on the
//! "Parent" archive too; here that post is given both labels, which keeps
//! what each label's page lists. Labels that differ only in case are one
//! label, spelled as the file first spells it (WordPress compares term names
//! without case, we compare them exactly).

use std::collections::HashMap;

use crate::one_line;
use crate::xml::Elem;

/// The most ancestors a category brings (a loop in the file ends there).
const MAX_DEPTH: usize = 20;

/// What the channel says about its categories and other terms.
#[derive(Debug, Clone, Default)]
pub(crate) struct Terms {
    /// A category's slug (nicename) → its name and its parent's slug.
    categories: HashMap<String, (String, Option<String>)>,
    /// A category's term id → its name (what a menu item points at).
    by_id: HashMap<String, String>,
    /// Each label met so far, lowercased → its first spelling in the file.
    spellings: HashMap<String, String>,
}

impl Terms {
    /// A channel's `wp:category`.
    pub(crate) fn category(&mut self, e: &Elem) {
        let (Some(slug), Some(name)) = (
            e.text_of("wp", "category_nicename"),
            e.text_of("wp", "cat_name"),
        ) else {
            return;
        };
        let parent = e.text_of("wp", "category_parent").map(str::to_owned);
        self.categories
            .insert(slug.to_owned(), (one_line(name), parent));
        if let Some(id) = e.text_of("wp", "term_id") {
            self.by_id.insert(id.to_owned(), one_line(name));
        }
    }

    /// A channel's `wp:term`: only categories matter here (a tag may share
    /// a category's id).
    pub(crate) fn term(&mut self, e: &Elem) {
        if e.text_of("wp", "term_taxonomy") != Some("category") {
            return;
        }
        if let (Some(id), Some(name)) = (e.text_of("wp", "term_id"), e.text_of("wp", "term_name")) {
            self.by_id
                .entry(id.to_owned())
                .or_insert_with(|| one_line(name));
        }
    }

    /// The name of the category with term id `id`.
    pub(crate) fn category_name(&self, id: &str) -> Option<&str> {
        self.by_id.get(id).map(String::as_str)
    }

    /// The names of the ancestors of the category `slug`, nearest first.
    pub(crate) fn ancestors(&self, slug: &str) -> Vec<String> {
        let mut names = Vec::new();
        let mut at = self.categories.get(slug).and_then(|(_, p)| p.as_deref());
        while let Some(parent) = at.filter(|_| names.len() < MAX_DEPTH) {
            let Some((name, next)) = self.categories.get(parent) else {
                break;
            };
            names.push(name.clone());
            at = next.as_deref();
        }
        names
    }

    /// `labels` (an item's, in file order) each spelled as the file first
    /// spelled it, in this item or an earlier one, each once: kept across
    /// items, so a file read as a stream merges as one read whole.
    pub(crate) fn merge_case(&mut self, labels: &mut Vec<String>) {
        let mut kept: Vec<String> = Vec::with_capacity(labels.len());
        for label in labels.drain(..) {
            let spelled = (self.spellings.entry(label.to_lowercase()))
                .or_insert(label)
                .clone();
            if !kept.contains(&spelled) {
                kept.push(spelled);
            }
        }
        *labels = kept;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_differing_in_case_take_the_first_spelling() {
        let mut posts = [
            vec!["Foo A".to_owned(), "bar".to_owned()],
            vec!["foo a".to_owned(), "FOO A".to_owned(), "Bar".to_owned()],
        ];
        let mut terms = Terms::default();
        for labels in &mut posts {
            terms.merge_case(labels);
        }
        assert_eq!(posts[0], ["Foo A", "bar"]);
        assert_eq!(posts[1], ["Foo A", "bar"]);
    }
}
