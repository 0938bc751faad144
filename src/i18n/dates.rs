//! Dates, and the names of the campaign's periods with the dates a dataset declares.

use crate::data::{CalendarDate, CampaignCalendar, Lang, Timing};

use super::{UiText, ui_fill};

/// How much of a date to write.
#[derive(Copy, Clone, PartialEq, Eq)]
pub enum DateStyle {
    /// `24 Sept`, `24 sept.`, `24 شتنبر`: for headings, where the year is the dataset's and space
    /// is short; a no-break space keeps the day with its month when the heading wraps.
    DayMonth,
    /// `24 September 2016`, `24 septembre 2016`, `24 شتنبر 2016`: for sentences.
    Full,
}

/// The months as Moroccan Arabic-language media name them (the source article writes "شتنبر"),
/// not the Levantine or Egyptian names; Arabic does not abbreviate them.
const MONTHS_ARABIC: [&str; 12] = ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"];
const MONTHS_FRENCH: [&str; 12] =
    ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
/// The abbreviations of French typography: short names stay whole.
const MONTHS_FRENCH_SHORT: [&str; 12] = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
const MONTHS_ENGLISH: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTHS_ENGLISH_SHORT: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"];

/// Writes a date day first in every language, with Western digits as elsewhere ([`format_number`](super::format_number));
/// French writes the first of the month `1er`.
pub fn format_date(lang: Lang, date: CalendarDate, style: DateStyle) -> String {
    let months = match (lang, style) {
        (Lang::Ar, _) => &MONTHS_ARABIC,
        (Lang::Fr, DateStyle::DayMonth) => &MONTHS_FRENCH_SHORT,
        (Lang::Fr, DateStyle::Full) => &MONTHS_FRENCH,
        (Lang::En, DateStyle::DayMonth) => &MONTHS_ENGLISH_SHORT,
        (Lang::En, DateStyle::Full) => &MONTHS_ENGLISH,
    };
    let mut written = date.day().to_string();
    if lang == Lang::Fr && date.day() == 1 {
        written.push_str("er");
    }
    written.push(if style == DateStyle::DayMonth { '\u{a0}' } else { ' ' });
    written.push_str(months.get(usize::from(date.month()).wrapping_sub(1)).copied().unwrap_or_default());
    if style == DateStyle::Full {
        written.push_str(&format!(" {}", date.year()));
    }
    written
}

/// The name of the period a timing falls in, with the dates the dataset gives:
/// "Before the official start (24 Sept)", "During the campaign (24 Sept – 7 Oct)",
/// "During the campaign (from 24 Sept)", or without dates "During the campaign".
pub fn period_name(lang: Lang, calendar: CampaignCalendar, timing: Timing) -> String {
    let day = |date: CalendarDate| format_date(lang, date, DateStyle::DayMonth);
    let start = calendar.official_start.map(day);
    let end = calendar.election_day.map(day);
    // Both dates are always passed: `fill` ignores a value its template does not name, and each
    // template names only dates that exist. Fewer strings moved about than with one pair per case.
    let key = match (timing, &start, &end) {
        (Timing::BeforeStart, Some(_), _) => UiText::BeforeStartOn,
        (Timing::BeforeStart, None, _) => UiText::BeforeStart,
        (Timing::AfterStart, Some(_), Some(_)) => UiText::DuringCampaignFromTo,
        (Timing::AfterStart, Some(_), None) => UiText::DuringCampaignFrom,
        (Timing::AfterStart, None, Some(_)) => UiText::DuringCampaignUntil,
        (Timing::AfterStart, None, None) => UiText::DuringCampaign,
    };
    ui_fill(lang, key, &[("start", start.as_deref().unwrap_or_default()), ("end", end.as_deref().unwrap_or_default())])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::ui;

    fn date(text: &str) -> CalendarDate {
        CalendarDate::parse(text).unwrap_or_else(|| panic!("{text} is a date"))
    }

    #[test]
    fn dates_are_written_day_first_in_each_language() {
        let start = date("2016-09-24");
        assert_eq!(format_date(Lang::Ar, start, DateStyle::DayMonth), "24\u{a0}شتنبر");
        assert_eq!(format_date(Lang::Fr, start, DateStyle::DayMonth), "24\u{a0}sept.");
        assert_eq!(format_date(Lang::En, start, DateStyle::DayMonth), "24\u{a0}Sept");
        assert_eq!(format_date(Lang::Ar, start, DateStyle::Full), "24 شتنبر 2016");
        assert_eq!(format_date(Lang::Fr, start, DateStyle::Full), "24 septembre 2016");
        assert_eq!(format_date(Lang::En, start, DateStyle::Full), "24 September 2016");
        let first = date("2021-10-01");
        assert_eq!(format_date(Lang::Fr, first, DateStyle::DayMonth), "1er\u{a0}oct.");
        assert_eq!(format_date(Lang::Fr, first, DateStyle::Full), "1er octobre 2021");
        assert_eq!(format_date(Lang::En, first, DateStyle::Full), "1 October 2021");
        assert_eq!(format_date(Lang::Ar, first, DateStyle::Full), "1 أكتوبر 2021");
        assert_eq!(format_date(Lang::En, date("2021-06-08"), DateStyle::DayMonth), "8\u{a0}Jun");
        assert_eq!(format_date(Lang::Fr, date("2021-07-14"), DateStyle::DayMonth), "14\u{a0}juil.");
        assert_eq!(format_date(Lang::Fr, date("2021-08-15"), DateStyle::Full), "15 août 2021");
    }

    #[test]
    fn every_month_has_its_name_in_each_language() {
        let moroccan = ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"];
        for (position, arabic) in moroccan.iter().enumerate() {
            let day = date(&format!("2021-{:02}-15", position + 1));
            assert_eq!(format_date(Lang::Ar, day, DateStyle::DayMonth), format!("15\u{a0}{arabic}"));
            assert_eq!(format_date(Lang::Ar, day, DateStyle::Full), format!("15 {arabic} 2021"));
            for lang in [Lang::Fr, Lang::En] {
                for style in [DateStyle::DayMonth, DateStyle::Full] {
                    let written = format_date(lang, day, style);
                    let month = written.trim_start_matches("15").trim_start_matches(['\u{a0}', ' ']).trim_end_matches(" 2021");
                    assert!(month.chars().count() >= 3 && month.chars().all(|c| c.is_alphabetic() || c == '.'), "{written}");
                }
            }
        }
    }

    fn calendar(official_start: Option<&str>, election_day: Option<&str>) -> CampaignCalendar {
        let dates = crate::data::CampaignDates { official_start: official_start.map(str::to_owned), election_day: election_day.map(str::to_owned) };
        CampaignCalendar::of(Some(&dates))
    }

    #[test]
    fn the_built_in_campaign_names_its_periods_as_the_fixed_2016_strings_did() {
        let dates = calendar(Some("2016-09-24"), Some("2016-10-07"));
        let before = |lang| period_name(lang, dates, Timing::BeforeStart);
        let during = |lang| period_name(lang, dates, Timing::AfterStart);
        assert_eq!(before(Lang::Ar), "قبل الانطلاقة الرسمية (24\u{a0}شتنبر)");
        assert_eq!(before(Lang::Fr), "Avant le début officiel (24\u{a0}sept.)");
        assert_eq!(before(Lang::En), "Before the official start (24\u{a0}Sept)");
        assert_eq!(during(Lang::Ar), "خلال الحملة (24\u{a0}شتنبر – 7\u{a0}أكتوبر)");
        assert_eq!(during(Lang::Fr), "Pendant la campagne (24\u{a0}sept. – 7\u{a0}oct.)");
        assert_eq!(during(Lang::En), "During the campaign (24\u{a0}Sept – 7\u{a0}Oct)");
    }

    #[test]
    fn periods_show_only_the_dates_the_dataset_gives() {
        for undated in [CampaignCalendar::of(None), calendar(None, None), calendar(Some("24/09/2016"), Some("2016-02-30"))] {
            for lang in Lang::ALL {
                let names = [period_name(lang, undated, Timing::BeforeStart), period_name(lang, undated, Timing::AfterStart)];
                assert_eq!(names, [ui(lang, UiText::BeforeStart), ui(lang, UiText::DuringCampaign)]);
                assert!(!names.concat().contains(['(', '2', '4']), "{names:?}");
            }
        }
        let start_only = calendar(Some("2021-08-26"), None);
        assert_eq!(period_name(Lang::En, start_only, Timing::BeforeStart), "Before the official start (26\u{a0}Aug)");
        assert_eq!(period_name(Lang::En, start_only, Timing::AfterStart), "During the campaign (from 26\u{a0}Aug)");
        assert_eq!(period_name(Lang::Fr, start_only, Timing::AfterStart), "Pendant la campagne (à partir du 26\u{a0}août)");
        assert_eq!(period_name(Lang::Ar, start_only, Timing::AfterStart), "خلال الحملة (ابتداء من 26\u{a0}غشت)");
        let election_day_only = calendar(None, Some("2021-09-08"));
        assert_eq!(period_name(Lang::En, election_day_only, Timing::BeforeStart), "Before the official start");
        assert_eq!(period_name(Lang::En, election_day_only, Timing::AfterStart), "During the campaign (until 8\u{a0}Sept)");
        assert_eq!(period_name(Lang::Fr, election_day_only, Timing::AfterStart), "Pendant la campagne (jusqu’au 8\u{a0}sept.)");
        assert_eq!(period_name(Lang::Ar, election_day_only, Timing::AfterStart), "خلال الحملة (حتى 8\u{a0}شتنبر)");
    }
}
