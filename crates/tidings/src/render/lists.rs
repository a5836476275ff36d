//! The older pages of each list as the render goes: which address each file
//! is to come from, and which pages foreseen turned out past a list's end.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use percent_encoding::percent_decode_str;

use super::links::{Job, ListPos};
use super::paging;
use super::seeds::ListedPost;
use super::static_site::file_for;

/// The pages of every list: which address each of its files is to come from,
/// foreseen by [`paging::later_pages`] and corrected by what the pages
/// before them link.
#[derive(Default)]
pub struct Lists {
    /// Visible posts, newest first: what each list is chosen from.
    posts: Vec<ListedPost>,
    /// File of an older page → the address it is to be rendered from.
    planned: HashMap<String, String>,
    /// File of a list page written → the file of its older page, if any.
    older: HashMap<String, Option<String>>,
    /// Files of the lists' first pages.
    firsts: Vec<String>,
}

impl Lists {
    /// The posts lists are made of; before any list page is rendered.
    pub fn add(&mut self, mut posts: Vec<ListedPost>) {
        posts.sort_by_key(|p| std::cmp::Reverse(p.published_at));
        self.posts = posts;
    }

    /// Whether a rendered list page is still the one planned for its file
    /// (a page foreseen wrongly, and since planned anew, is dropped), and if
    /// so, notes where it leads.
    pub fn accept(&mut self, job: &Job, pos: &ListPos, older: Option<&Job>) -> bool {
        if pos.n == 1 {
            self.firsts.push(job.file.clone());
        } else if self.planned.get(&job.file) != Some(&job.url) {
            return false;
        }
        self.older
            .insert(job.file.clone(), older.map(|o| o.file.clone()));
        true
    }

    /// The pages to render now that `job`, at `pos` in its list, links
    /// `older`: on a first page, the whole rest of its list as foreseen;
    /// further on, the older page only if it is not the one foreseen.
    pub fn next_pages(&mut self, job: &Job, pos: &ListPos, older: Option<Job>) -> Vec<Job> {
        let Some(older) = older else {
            return Vec::new();
        };
        if self.planned.get(&older.file) == Some(&older.url) {
            return Vec::new();
        }
        let foreseen = if pos.n == 1 {
            let dates: Vec<DateTime<Utc>> = self
                .posts
                .iter()
                .filter(|p| in_list(&job.url, p))
                .map(|p| p.published_at)
                .collect();
            paging::later_pages(&older.url, &dates)
        } else {
            Vec::new()
        };
        let mut jobs = vec![older];
        for (i, url) in foreseen.into_iter().enumerate() {
            let n = pos.n + 2 + i as u32;
            let target = format!("{}page/{n}/", pos.root);
            let Some(file) = file_for(&target) else { break };
            jobs.push(Job {
                url,
                file,
                list: Some(ListPos { n, ..pos.clone() }),
            });
        }
        for j in &jobs {
            self.planned.insert(j.file.clone(), j.url.clone());
        }
        // Queued at the front, page 2 first: a list's chain is the longest
        // wait of the render.
        jobs.reverse();
        jobs
    }

    /// Older pages written that no list reaches from its first page, by the
    /// links the pages carry: pages foreseen beyond a list's true end.
    pub fn unreached(&self) -> Vec<String> {
        let mut reached: HashSet<&str> = HashSet::new();
        for first in &self.firsts {
            let mut at = Some(first);
            while let Some(file) = at
                && reached.insert(file)
            {
                at = self.older.get(file).and_then(Option::as_ref);
            }
        }
        self.older
            .keys()
            .filter(|f| !reached.contains(f.as_str()))
            .cloned()
            .collect()
    }
}

/// Whether a post is in the list whose first page is `url` (`/`, a label,
/// a year or a month; see [`list_pos`](super::links::list_pos)).
fn in_list(url: &str, post: &ListedPost) -> bool {
    if url == "/" {
        return true;
    }
    if let Some(label) = url.strip_prefix("/search/label/") {
        let label = percent_decode_str(label.trim_end_matches('/')).decode_utf8_lossy();
        return post.labels.iter().any(|l| *l == label);
    }
    post.path.starts_with(url)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::links::list_pos;

    fn job(url: &str, n: u32) -> Job {
        let first = list_pos("/").unwrap();
        let file = match n {
            1 => "index.html".to_owned(),
            n => format!("page/{n}/index.html"),
        };
        Job {
            url: url.to_owned(),
            file,
            list: Some(ListPos { n, ..first }),
        }
    }

    fn older(day: u32, n: u32) -> Job {
        job(
            &format!("/search?updated-max=2020%2D01%2D{day:02}T00%3A00%3A00Z&max-results=1"),
            n,
        )
    }

    #[test]
    fn a_wrong_guess_is_rendered_again_and_pages_past_the_end_go() {
        let mut lists = Lists::default();
        lists.add(
            (1..=5)
                .map(|d| ListedPost {
                    published_at: format!("2020-01-{d:02}T00:00:00Z").parse().unwrap(),
                    path: format!("/2020/01/p{d}.html"),
                    labels: Vec::new(),
                })
                .collect(),
        );
        let first = job("/", 1);
        let pos = first.list.clone().unwrap();
        assert!(lists.accept(&first, &pos, Some(&older(5, 2))));
        // Page 2 as linked, pages 3 to 5 foreseen; page 2 is queued first.
        let next = lists.next_pages(&first, &pos, Some(older(5, 2)));
        let urls: Vec<&str> = next.iter().rev().map(|j| j.url.as_str()).collect();
        let foreseen = [older(5, 2), older(4, 3), older(3, 4), older(2, 5)];
        assert_eq!(urls, foreseen.map(|j| j.url));
        // The last page foreseen is rendered before the list turns out shorter.
        let page5 = older(2, 5);
        assert!(lists.accept(&page5, page5.list.as_ref().unwrap(), None));

        // Page 3 turns out to link another page 4 than foreseen (say a post
        // was deleted meanwhile): that one is planned instead.
        let page3 = older(4, 3);
        let pos3 = page3.list.clone().unwrap();
        assert!(lists.accept(&page3, &pos3, Some(&older(2, 4))));
        let again = lists.next_pages(&page3, &pos3, Some(older(2, 4)));
        assert_eq!(again.len(), 1);
        assert_eq!(again[0].url, older(2, 4).url);
        // The page foreseen wrongly is not written, the new one is.
        let wrong = older(3, 4);
        assert!(!lists.accept(&wrong, wrong.list.as_ref().unwrap(), None));
        let page4 = older(2, 4);
        assert!(lists.accept(&page4, page4.list.as_ref().unwrap(), None));

        let page2 = older(5, 2);
        assert!(lists.accept(&page2, page2.list.as_ref().unwrap(), Some(&page3)));
        // Page 4 ends the list: page 5 was a guess past its end.
        assert_eq!(lists.unreached(), ["page/5/index.html"]);
    }
}
