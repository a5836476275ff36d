//! The picture at the top of every page of a blog (Blogger's Header
//! widget's image): where it is, whether it sits behind the blog's title
//! and description or takes their place, and what a page needs to draw it
//! without a jump while it loads (its size) and without sending a phone
//! the widest file (its narrower copies, when it is one of our uploads).

use serde::{Deserialize, Serialize};

use crate::UnknownValue;

/// Where the header's picture goes. Either way it shrinks to fit the page
/// (Blogger's "shrink to fit" option): a picture wider than a phone's
/// screen that runs off it helps no reader, so it is not a choice here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeaderPlacement {
    /// Behind the title and description, which stay written on it.
    #[default]
    Behind,
    /// In place of the title and description: the picture is the title
    /// (its alt text is the blog's title, so screen readers still say it).
    Instead,
    /// In place of the title, the description shown under it (Blogger's
    /// "Have description placed after the image").
    InsteadOfTitle,
}

impl HeaderPlacement {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Behind => "behind",
            Self::Instead => "instead",
            Self::InsteadOfTitle => "instead_of_title",
        }
    }

    /// Whether the picture takes the title's place (its alt text is then
    /// the blog's title).
    pub fn replaces_title(self) -> bool {
        self != Self::Behind
    }
}

impl std::str::FromStr for HeaderPlacement {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "behind" => Ok(Self::Behind),
            "instead" => Ok(Self::Instead),
            "instead_of_title" => Ok(Self::InsteadOfTitle),
            _ => Err(UnknownValue {
                what: "header_image_placement",
                allowed: "behind, instead, instead_of_title",
                got: s.to_owned(),
            }),
        }
    }
}

/// The header's picture. `address` empty: none (and the rest unused).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct HeaderImage {
    /// A path on the blog (an upload's `/media/u/…`) or an `http(s)` address.
    pub address: String,
    pub placement: HeaderPlacement,
    /// Its size in pixels when known (an upload's, or what the Blogger
    /// Header said); 0 when not.
    pub width: u32,
    pub height: u32,
    /// Its narrower copies and itself as a `srcset` (`PATH 640w, …`),
    /// when it is one of our uploads; empty otherwise.
    pub srcset: String,
}

/// Longest `srcset` kept: an upload has a handful of copies.
const MAX_SRCSET_CHARS: usize = 4_000;

/// Largest width or height believed: no picture is wider.
const MAX_SIDE: u32 = 100_000;

impl HeaderImage {
    /// `address` as the header's picture, of unknown size, placed as before.
    pub fn at(&self, address: &str) -> Self {
        Self {
            address: address.trim().to_owned(),
            placement: self.placement,
            ..Self::default()
        }
    }

    /// The address must be one readers' browsers may fetch (as a featured
    /// image's or a picture gadget's: no `javascript:` or `data:`); the
    /// rest must be what this module writes. Names `header_image` (the
    /// field a person sets) in the refusal.
    pub fn check(&self) -> Result<(), (&'static str, String)> {
        const FIELD: &str = "header_image";
        crate::xml_chars::check(FIELD, &self.address).map_err(|e| (FIELD, e.to_string()))?;
        crate::gadget::address(FIELD, &self.address, true)
            .map_err(|r| (FIELD, format!("{FIELD}: {}", r.message)))?;
        let srcset_clean = !self
            .srcset
            .chars()
            .any(|c| c.is_control() || c == '"' || c == '<' || c == '>');
        if !srcset_clean || self.srcset.chars().count() > MAX_SRCSET_CHARS {
            return Err((
                FIELD,
                "header_image: its copies' list is not one we wrote".into(),
            ));
        }
        if self.width > MAX_SIDE || self.height > MAX_SIDE {
            return Err((FIELD, "header_image: its size is not a picture's".into()));
        }
        Ok(())
    }

    /// Its size, when both sides are known.
    pub fn size(&self) -> Option<(u32, u32)> {
        (self.width > 0 && self.height > 0).then_some((self.width, self.height))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(address: &str) -> HeaderImage {
        HeaderImage::default().at(address)
    }

    #[test]
    fn only_addresses_browsers_may_fetch() {
        for good in [
            "",
            "/media/u/ab.jpg",
            "https://img.example/h.png",
            " http://x.example/a ",
        ] {
            assert_eq!(at(good).check(), Ok(()), "{good:?}");
        }
        for bad in [
            "javascript:alert(1)",
            "data:image/png;base64,AAAA",
            "//evil.example/x.png",
            "header.png",
            "https://",
            "/media/u/a b.jpg",
        ] {
            let (field, why) = at(bad).check().unwrap_err();
            assert_eq!(field, "header_image");
            assert!(why.starts_with("header_image: "), "{why}");
        }
    }

    #[test]
    fn a_new_address_forgets_the_old_size_and_keeps_the_placement() {
        let old = HeaderImage {
            address: "/media/u/a.jpg".into(),
            placement: HeaderPlacement::Instead,
            width: 800,
            height: 200,
            srcset: "/media/u/a.jpg 800w".into(),
        };
        let new = old.at(" https://x.example/b.png ");
        assert_eq!(new.address, "https://x.example/b.png");
        assert_eq!(new.placement, HeaderPlacement::Instead);
        assert_eq!(new.size(), None);
        assert!(new.srcset.is_empty());
    }

    #[test]
    fn placements_by_name() {
        assert_eq!("instead".parse(), Ok(HeaderPlacement::Instead));
        assert_eq!("behind".parse(), Ok(HeaderPlacement::Behind));
        assert_eq!(
            "instead_of_title".parse(),
            Ok(HeaderPlacement::InsteadOfTitle)
        );
        assert!(HeaderPlacement::InsteadOfTitle.replaces_title());
        assert!(!HeaderPlacement::Behind.replaces_title());
        assert!("over".parse::<HeaderPlacement>().is_err());
        let bad = HeaderImage {
            srcset: "x\"onerror=".into(),
            ..at("/media/u/a.jpg")
        };
        assert!(bad.check().is_err());
    }
}
