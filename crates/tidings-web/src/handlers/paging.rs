//! Blogger's paging parameters: `updated-max`, `updated-min`, `max-results`,
//! `start-index`, parsed strictly with messages a person can act on.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use crate::error::AppError;

/// The query string of list pages and feeds. Every field is text so that a bad
/// value gets our message instead of a generic deserialisation error.
#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(rename = "updated-max")]
    pub updated_max: Option<String>,
    #[serde(rename = "updated-min")]
    pub updated_min: Option<String>,
    #[serde(rename = "max-results")]
    pub max_results: Option<String>,
    #[serde(rename = "start-index")]
    pub start_index: Option<String>,
    pub q: Option<String>,
    pub alt: Option<String>,
}

/// Parses an RFC 3339 instant. A `+` in a query string arrives as a space, so
/// a space before the offset is read as `+`.
pub fn instant(name: &str, value: &str) -> Result<DateTime<Utc>, AppError> {
    let fixed = value.trim().replace(' ', "+");
    DateTime::parse_from_rfc3339(&fixed)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| {
            AppError::bad_request(format!(
                "{name} must be a date and time like 2014-05-07T10:00:00Z, not {value:?}."
            ))
        })
}

pub fn number(name: &str, value: &str, min: u32, max: u32) -> Result<u32, AppError> {
    value
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| {
            AppError::bad_request(format!(
                "{name} must be a whole number from {min} to {max}, not {value:?}."
            ))
        })
}

impl ListQuery {
    pub fn before(&self) -> Result<Option<DateTime<Utc>>, AppError> {
        self.updated_max
            .as_deref()
            .filter(|v| !v.is_empty())
            .map(|v| instant("updated-max", v))
            .transpose()
    }

    pub fn after(&self) -> Result<Option<DateTime<Utc>>, AppError> {
        self.updated_min
            .as_deref()
            .filter(|v| !v.is_empty())
            .map(|v| instant("updated-min", v))
            .transpose()
    }

    pub fn max_results(&self, default: u32, max: u32) -> Result<u32, AppError> {
        match self.max_results.as_deref().filter(|v| !v.is_empty()) {
            Some(v) => number("max-results", v, 1, max),
            None => Ok(default),
        }
    }

    /// 1-based, as in Blogger's feeds.
    pub fn start_index(&self) -> Result<u32, AppError> {
        match self.start_index.as_deref().filter(|v| !v.is_empty()) {
            Some(v) => number("start-index", v, 1, 1_000_000),
            None => Ok(1),
        }
    }
}

/// Percent-encodes a query value (RFC 3339 instants carry `+` and `:`).
pub fn query_value(v: &str) -> String {
    percent_encoding::utf8_percent_encode(v, percent_encoding::NON_ALPHANUMERIC).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plus_survives_form_decoding() {
        let t = instant("updated-max", "2014-05-07T10:00:00 02:00").unwrap();
        assert_eq!(t.to_rfc3339(), "2014-05-07T08:00:00+00:00");
        assert!(instant("updated-max", "yesterday").is_err());
        assert!(number("max-results", "0", 1, 100).is_err());
        assert!(number("max-results", "-1", 1, 100).is_err());
        assert_eq!(number("max-results", "5", 1, 100).unwrap(), 5);
    }
}
