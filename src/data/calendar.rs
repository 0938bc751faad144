//! Days of the calendar as datasets write them (`YYYY-MM-DD`), and the campaign's dates read from them.
//!
//! Validation refuses a date that is not a real day, and the views place facts around the campaign's
//! dates: both read dates here, and `i18n` only writes them, so `data` needs nothing of `i18n`.

use super::CampaignDates;

/// A day of the (proleptic Gregorian) calendar, as datasets write it: `YYYY-MM-DD`.
///
/// Only [`CalendarDate::parse`] makes one, so a value always names a real day. The fields
/// are in the order that makes the derived comparison chronological.
#[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct CalendarDate {
    year: u16,
    month: u8,
    day: u8,
}

impl CalendarDate {
    /// `None` for anything but ten characters `YYYY-MM-DD` naming a real day: `2016-02-30`,
    /// `2016-9-24` and `24/09/2016` are refused rather than guessed at.
    pub fn parse(text: &str) -> Option<CalendarDate> {
        let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *text.as_bytes() else { return None };
        let number = |digits: &[u8]| {
            digits.iter().try_fold(0_u16, |value, &digit| digit.is_ascii_digit().then(|| value * 10 + u16::from(digit - b'0')))
        };
        let year = number(&[y1, y2, y3, y4])?;
        let month = u8::try_from(number(&[m1, m2])?).ok()?;
        let day = u8::try_from(number(&[d1, d2])?).ok()?;
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days_in_month).contains(&day).then_some(CalendarDate { year, month, day })
    }

    pub fn year(self) -> u16 {
        self.year
    }

    /// 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }
}

/// The campaign's dates a dataset declares. One that is missing, or that is not a real date
/// (validation refuses those, but the views must not rely on it), is left out of the texts
/// rather than replaced by the 2016 dates of the built-in dataset.
#[derive(Copy, Clone, Default)]
pub struct CampaignCalendar {
    pub official_start: Option<CalendarDate>,
    pub election_day: Option<CalendarDate>,
}

impl CampaignCalendar {
    pub fn of(dates: Option<&CampaignDates>) -> CampaignCalendar {
        let parse = |date: Option<&String>| date.and_then(|date| CalendarDate::parse(date));
        match dates {
            Some(dates) => CampaignCalendar {
                official_start: parse(dates.official_start.as_ref()),
                election_day: parse(dates.election_day.as_ref()),
            },
            None => CampaignCalendar::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> CalendarDate {
        CalendarDate::parse(text).unwrap_or_else(|| panic!("{text} is a date"))
    }

    #[test]
    fn only_real_days_written_year_month_day_are_dates() {
        for text in ["2016-09-24", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"] {
            assert!(CalendarDate::parse(text).is_some(), "{text}");
        }
        for text in [
            "2016-02-30", "2015-02-29", "1900-02-29", "2016-04-31", "2016-13-01", "2016-00-01", "2016-01-00", "24/09/2016",
            "2016-9-24", "2016-09-24 ", "2016/09/24", "+016-09-24", "2016-09-2x", "", "٢٠١٦-٠٩-٢٤", "2016-09-24T00:00",
        ] {
            assert!(CalendarDate::parse(text).is_none(), "{text}");
        }
        assert!(date("2016-09-24") < date("2016-10-07") && date("2015-12-31") < date("2016-01-01"));
        assert!(date("2016-09-30") < date("2016-10-01") && date("2016-09-09") < date("2016-09-10"));
    }
}
