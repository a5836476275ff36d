//! Dates and times in a language's own CLDR patterns, through ICU4X's
//! formatters and the data baked into them.
//!
//! English keeps Blogger's own forms (`Wednesday, May 7, 2014`, `5:08 PM`
//! with a plain space) from `tidings_core::dates`, which imported blogs and
//! their readers know and which cost no formatter. Every other language
//! takes ICU4X's: the month-and-year pattern is not used, since Portuguese's
//! fails in ICU4X 2.4 (the month heading is a message with the month's name).

use chrono::{DateTime, Datelike, Timelike, Utc};
use chrono_tz::Tz;
use icu_calendar::Gregorian;
use icu_datetime::FixedCalendarDateTimeFormatter as Formatter;
use icu_datetime::fieldsets::{M, T, YMD, YMDE, YMDT};
use icu_datetime::input::{Date, DateTime as IcuDateTime, Time};
use icu_locale_core::Locale;

/// One language's formatters, or `None` for English's tables.
pub(super) struct Dates(Option<Icu>);

struct Icu {
    header: Formatter<Gregorian, YMDE>,
    time: Formatter<Gregorian, T>,
    date_time: Formatter<Gregorian, YMDT>,
    month: Formatter<Gregorian, M>,
}

impl Dates {
    /// The formatters of `code`, a supported language; English's tables when
    /// ICU4X has no data for it (it has for every supported one: a test
    /// makes each).
    pub(super) fn new(code: &str) -> Self {
        if code == "en" {
            return Self(None);
        }
        Self(Icu::new(code))
    }

    /// Whether this language's dates come from CLDR rather than English's tables.
    #[cfg(test)]
    pub(super) fn is_cldr(&self) -> bool {
        self.0.is_some()
    }

    pub(super) fn date_header(&self, at: &DateTime<Tz>) -> String {
        match (&self.0, icu_date(at)) {
            (Some(icu), Some(d)) => icu.header.format(&d).to_string(),
            _ => tidings_core::date_header(at.with_timezone(&Utc), at.timezone()),
        }
    }

    pub(super) fn time(&self, at: &DateTime<Tz>) -> String {
        match (&self.0, icu_time(at)) {
            (Some(icu), Some(t)) => icu.time.format(&t).to_string(),
            _ => tidings_core::clock_time(at),
        }
    }

    pub(super) fn date_time(&self, at: &DateTime<Tz>) -> String {
        match (&self.0, icu_date(at), icu_time(at)) {
            (Some(icu), Some(date), Some(time)) => icu
                .date_time
                .format(&IcuDateTime { date, time })
                .to_string(),
            _ => format!(
                "{} at {}",
                tidings_core::month_day_year(at),
                tidings_core::clock_time(at)
            ),
        }
    }

    pub(super) fn month(&self, month: u32) -> String {
        let day = u8::try_from(month)
            .ok()
            .and_then(|m| Date::try_new_gregorian(2000, m, 1).ok());
        match (&self.0, day) {
            (Some(icu), Some(d)) => icu.month.format(&d).to_string(),
            _ => u8::try_from(month)
                .ok()
                .and_then(|m| chrono::Month::try_from(m).ok())
                .map_or_else(|| month.to_string(), |m| m.name().to_owned()),
        }
    }
}

impl Icu {
    fn new(code: &str) -> Option<Self> {
        let locale: Locale = code.parse().ok()?;
        let prefs = || locale.clone().into();
        let made = (|| {
            Ok::<_, icu_datetime::DateTimeFormatterLoadError>(Self {
                header: Formatter::try_new(prefs(), YMDE::long())?,
                time: Formatter::try_new(prefs(), T::hm())?,
                date_time: Formatter::try_new(prefs(), YMD::long().with_time_hm())?,
                month: Formatter::try_new(prefs(), M::long())?,
            })
        })();
        match made {
            Ok(icu) => Some(icu),
            Err(e) => {
                tracing::warn!(language = code, error = ?e, "no CLDR dates; English's are used");
                None
            }
        }
    }
}

fn icu_date(at: &DateTime<Tz>) -> Option<Date<Gregorian>> {
    let month = u8::try_from(at.month()).ok()?;
    let day = u8::try_from(at.day()).ok()?;
    Date::try_new_gregorian(at.year(), month, day).ok()
}

fn icu_time(at: &DateTime<Tz>) -> Option<Time> {
    let hour = u8::try_from(at.hour()).ok()?;
    let minute = u8::try_from(at.minute()).ok()?;
    Time::try_new(hour, minute, 0, 0).ok()
}
