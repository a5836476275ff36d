//! Calendar days as readers see them: in the blog's time zone, not UTC.

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Timelike, Utc};
use chrono_tz::Tz;

// Blogger's dates are English whatever the reader's language, so the names
// are a table: chrono's `format` parses its pattern again at every call,
// which was a twentieth of an uncached list page's time (perf).
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The date header Blogger shows above a day's posts: `Wednesday, May 7, 2014`.
pub fn date_header(at: DateTime<Utc>, tz: Tz) -> String {
    let d = at.with_timezone(&tz);
    format!(
        "{}, {}",
        WEEKDAYS[d.weekday().num_days_from_monday() as usize],
        month_day_year(&d)
    )
}

/// `May 7, 2014`.
pub fn month_day_year<T: TimeZone>(d: &DateTime<T>) -> String {
    format!("{} {}, {}", MONTHS[d.month0() as usize], d.day(), d.year())
}

/// The time of day as Blogger shows it under a post: `5:08 PM`.
pub fn clock_time<T: TimeZone>(d: &DateTime<T>) -> String {
    let (pm, hour) = d.hour12();
    let half = if pm { "PM" } else { "AM" };
    format!("{hour}:{:02} {half}", d.minute())
}

/// The posts of one calendar day on a list page, in the order given.
#[derive(Debug, Clone, PartialEq)]
pub struct DayGroup<T> {
    pub date: NaiveDate,
    pub header: String,
    pub items: Vec<T>,
}

/// Groups items (already newest first) into one group per local calendar day.
///
/// Consecutive items of the same day share a group; the order of `items` is kept,
/// so a list sorted by time yields one header per day.
pub fn group_by_day<T>(
    items: Vec<T>,
    tz: Tz,
    at: impl Fn(&T) -> DateTime<Utc>,
) -> Vec<DayGroup<T>> {
    let mut groups: Vec<DayGroup<T>> = Vec::new();
    for item in items {
        let when = at(&item);
        let date = when.with_timezone(&tz).date_naive();
        match groups.last_mut() {
            Some(g) if g.date == date => g.items.push(item),
            _ => groups.push(DayGroup {
                date,
                header: date_header(when, tz),
                items: vec![item],
            }),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn header_text() {
        let at = Utc.with_ymd_and_hms(2014, 5, 7, 12, 0, 0).unwrap();
        assert_eq!(date_header(at, Tz::UTC), "Wednesday, May 7, 2014");
        let sunday = Utc.with_ymd_and_hms(2014, 12, 28, 0, 5, 0).unwrap();
        assert_eq!(date_header(sunday, Tz::UTC), "Sunday, December 28, 2014");
        assert_eq!(clock_time(&sunday), "12:05 AM");
        assert_eq!(clock_time(&at), "12:00 PM");
        let evening = Utc.with_ymd_and_hms(2014, 1, 3, 17, 8, 0).unwrap();
        assert_eq!(clock_time(&evening), "5:08 PM");
        assert_eq!(month_day_year(&evening), "January 3, 2014");
        // Each name against chrono's own, for a whole year of days.
        for day in 0..366 {
            let t = evening + chrono::Duration::days(day);
            assert_eq!(
                date_header(t, Tz::UTC),
                t.format("%A, %B %-d, %Y").to_string()
            );
            assert_eq!(clock_time(&t), t.format("%-I:%M %p").to_string());
        }
    }

    #[test]
    fn groups_in_local_days() {
        let la: Tz = "America/Los_Angeles".parse().unwrap();
        let times = vec![
            Utc.with_ymd_and_hms(2014, 5, 8, 18, 0, 0).unwrap(), // May 8 11:00 LA
            Utc.with_ymd_and_hms(2014, 5, 8, 2, 30, 0).unwrap(), // May 7 19:30 LA
            Utc.with_ymd_and_hms(2014, 5, 7, 16, 0, 0).unwrap(), // May 7 09:00 LA
        ];
        let groups = group_by_day(times, la, |t| *t);
        let headers: Vec<_> = groups.iter().map(|g| g.header.as_str()).collect();
        assert_eq!(headers, ["Thursday, May 8, 2014", "Wednesday, May 7, 2014"]);
        assert_eq!(groups[1].items.len(), 2);
        // In UTC the same three instants fall on two other days.
        let utc = group_by_day(
            vec![
                Utc.with_ymd_and_hms(2014, 5, 8, 18, 0, 0).unwrap(),
                Utc.with_ymd_and_hms(2014, 5, 8, 2, 30, 0).unwrap(),
                Utc.with_ymd_and_hms(2014, 5, 7, 16, 0, 0).unwrap(),
            ],
            Tz::UTC,
            |t| *t,
        );
        assert_eq!(utc[0].items.len(), 2);
    }
}
