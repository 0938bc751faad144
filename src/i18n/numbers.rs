//! Numbers, fixed decimals and percentages as each language's press writes them.

use crate::data::Lang;

const NARROW_NO_BREAK_SPACE: char = '\u{202F}';

/// Writes a number with at most two decimals, trailing zeros dropped.
///
/// Conventions, chosen to match each language's press:
/// - Arabic uses the Western digits 0-9, as Moroccan media do (Hespress, Le360's
///   Arabic pages, the source article itself: "24 شتنبر", "#555"), not the
///   Eastern Arabic digits ٠-٩; like Moroccan Arabic-language media it writes a
///   decimal comma, and it groups no thousands, which would be read as decimals.
/// - French writes a decimal comma and groups thousands with a narrow no-break space.
/// - English writes a decimal dot and groups thousands with a comma.
///
/// Not-a-number and infinities are written "–", never as "NaN" in a chart.
pub fn format_number(lang: Lang, value: f64) -> String {
    format_with_decimals(lang, value, 2, true)
}

/// Writes a number with exactly `decimals` decimals (at most 6), e.g. a similarity index "0.45".
pub fn format_fixed(lang: Lang, value: f64, decimals: usize) -> String {
    format_with_decimals(lang, value, decimals.min(6), false)
}

/// Writes a fraction from 0 to 1 as a whole percentage: "60%" (en, ar), "60 %" (fr, with a
/// narrow no-break space, so the sign never wraps onto its own line).
pub fn format_percent(lang: Lang, fraction: f64) -> String {
    if !fraction.is_finite() {
        return "–".to_owned();
    }
    let number = format_with_decimals(lang, (fraction * 100.0).round(), 0, true);
    if lang == Lang::Fr { format!("{number}{NARROW_NO_BREAK_SPACE}%") } else { format!("{number}%") }
}

fn format_with_decimals(lang: Lang, value: f64, decimals: usize, trim_zeros: bool) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let written = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = written.split_once('.').unwrap_or((written.as_str(), ""));
    let fraction = if trim_zeros { &fraction[..fraction.bytes().rposition(|digit| digit != b'0').map_or(0, |last| last + 1)] } else { fraction };
    let rounds_to_zero = whole.bytes().all(|digit| digit == b'0') && fraction.bytes().all(|digit| digit == b'0');
    let mut result = String::new();
    if value < 0.0 && !rounds_to_zero {
        // U+2212 MINUS SIGN: a hyphen would be too short next to digits.
        result.push('\u{2212}');
    }
    let group = match lang {
        Lang::Ar => None,
        Lang::Fr => Some(NARROW_NO_BREAK_SPACE),
        Lang::En => Some(','),
    };
    // `whole` is ASCII digits: its length in bytes is its length in characters.
    for (position, digit) in whole.chars().enumerate() {
        let remaining = whole.len() - position;
        if let Some(separator) = group
            && position > 0
            && remaining.is_multiple_of(3)
        {
            result.push(separator);
        }
        result.push(digit);
    }
    if !fraction.is_empty() {
        result.push(match lang {
            Lang::En => '.',
            Lang::Fr | Lang::Ar => ',',
        });
        result.push_str(fraction);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_each_language_convention() {
        assert_eq!(format_number(Lang::En, 1234.5), "1,234.5");
        assert_eq!(format_number(Lang::Fr, 1234.5), "1\u{202F}234,5");
        assert_eq!(format_number(Lang::Ar, 1234.5), "1234,5");
        assert_eq!(format_number(Lang::En, 12.0), "12");
        assert_eq!(format_number(Lang::En, 0.456), "0.46");
        assert_eq!(format_number(Lang::En, 1_000_000.0), "1,000,000");
        assert_eq!(format_number(Lang::En, -3.0), "\u{2212}3");
        assert_eq!(format_number(Lang::En, -0.001), "0");
        assert_eq!(format_number(Lang::En, f64::NAN), "–");
        assert_eq!(format_number(Lang::Fr, f64::INFINITY), "–");
    }

    #[test]
    fn arabic_numbers_use_western_digits() {
        let written = format_number(Lang::Ar, 9876.25) + &format_percent(Lang::Ar, 0.5);
        assert!(written.is_ascii(), "{written}");
    }

    #[test]
    fn fixed_decimals_keep_their_zeros() {
        assert_eq!(format_fixed(Lang::En, 0.5, 2), "0.50");
        assert_eq!(format_fixed(Lang::Fr, 0.5, 2), "0,50");
        assert_eq!(format_fixed(Lang::Ar, 1.0, 2), "1,00");
        assert_eq!(format_fixed(Lang::En, 0.456, 0), "0");
    }

    #[test]
    fn numbers_are_grouped_signed_and_trimmed_per_language() {
        assert_eq!(format_number(Lang::En, 1234567.891), "1,234,567.89");
        assert_eq!(format_number(Lang::Fr, -1234.5), "\u{2212}1\u{202f}234,5");
        assert_eq!(format_number(Lang::Ar, 1234.5), "1234,5");
        assert_eq!(format_number(Lang::En, -0.001), "0", "a negative that rounds to zero has no sign");
        assert_eq!(format_number(Lang::En, f64::NAN), "–");
        assert_eq!(format_percent(Lang::Fr, 0.6), "60\u{202f}%");
        assert_eq!(format_percent(Lang::En, 2.0 / 3.0), "67%");
    }

    #[test]
    fn percentages_round_to_whole_numbers_with_the_right_spacing() {
        assert_eq!(format_percent(Lang::En, 0.6), "60%");
        assert_eq!(format_percent(Lang::Fr, 0.6), "60\u{202F}%");
        assert_eq!(format_percent(Lang::Ar, 0.6), "60%");
        assert_eq!(format_percent(Lang::En, 2.0 / 3.0), "67%");
        assert_eq!(format_percent(Lang::En, 0.0), "0%");
        assert_eq!(format_percent(Lang::En, f64::NAN), "–");
    }
}
