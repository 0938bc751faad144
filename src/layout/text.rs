//! Measuring, wrapping and shortening text, so that no label overlaps another or is cut silently.


/// How wide a text is drawn. The browser measures with its canvas; native tests
/// and SVG snapshots use [`EstimatedTextMeasure`].
pub trait TextMeasure {
    fn text_width(&self, text: &str, font_size_px: f64) -> f64;

    /// How wide a text is drawn in bold. By default the regular width scaled by a typical factor; a
    /// measure that has the real bold glyphs (the browser's canvas) measures them: engines pick
    /// different fallback fonts for bold Arabic, from about 1.11 times the regular width (Chromium,
    /// WebKit) to 1.26 times (Firefox).
    fn bold_text_width(&self, text: &str, font_size_px: f64) -> f64 {
        self.text_width(text, font_size_px) * BOLD_WIDTH_SCALE
    }
}

/// A deterministic estimate from per-character width factors of a typical sans-serif,
/// rounded up a little so that real fonts rarely come out wider than the layout planned.
#[derive(Copy, Clone, Debug, Default)]
pub struct EstimatedTextMeasure;

impl EstimatedTextMeasure {
    /// Width of one character as a fraction of the font size.
    fn factor(character: char) -> f64 {
        match character {
            ' ' | '\u{a0}' | '\u{202f}' => 0.28,
            'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '!' | '|' | '\'' | '’' | 'ı' => 0.28,
            'f' | 't' | 'r' | 'I' | '(' | ')' | '[' | ']' | '-' | '/' => 0.38,
            'm' | 'w' => 0.86,
            'M' | 'W' => 0.92,
            '—' | '…' => 1.0,
            '0'..='9' => 0.58,
            'a'..='z' => 0.55,
            'A'..='Z' => 0.68,
            // Combining marks (Arabic harakat, accents) take no width of their own.
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0300}'..='\u{036F}' => 0.0,
            // Joined Arabic letters are narrower than Latin ones in the usual UI fonts.
            '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' => 0.5,
            character if character.is_alphabetic() => 0.6,
            _ => 0.62,
        }
    }
}

impl TextMeasure for EstimatedTextMeasure {
    fn text_width(&self, text: &str, font_size_px: f64) -> f64 {
        if !font_size_px.is_finite() || font_size_px <= 0.0 {
            return 0.0;
        }
        text.chars().map(EstimatedTextMeasure::factor).sum::<f64>() * font_size_px
    }
}

/// The font size and weight a text is drawn with; bold is measured wider than regular.
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct TextStyle {
    pub font_size: f64,
    pub bold: bool,
}

/// Bold glyphs are wider; measuring bold text as regular text at this scale keeps it inside its box
/// where the real bold glyphs cannot be measured (the estimate of native tests and snapshots).
const BOLD_WIDTH_SCALE: f64 = 1.07;

pub fn measure(measure: &dyn TextMeasure, text: &str, style: TextStyle) -> f64 {
    let width = if style.bold { measure.bold_text_width(text, style.font_size) } else { measure.text_width(text, style.font_size) };
    if width.is_finite() { width.max(0.0) } else { 0.0 }
}

/// Lines of a wrapped text, and whether some of it had to be cut (ending with "…").
#[derive(Clone, Debug, PartialEq)]
pub struct Wrapped {
    pub lines: Vec<String>,
    pub shortened: bool,
}

const ELLIPSIS: char = '…';

/// Wraps at spaces into at most `max_lines` lines no wider than `max_width`.
///
/// A word wider than a line is broken between characters rather than overflowing;
/// whatever does not fit in `max_lines` is dropped and the last line ends with "…".
/// Always returns at least one line, and every line holds at least one character,
/// so the caller can always draw something and the loop always ends.
pub fn wrap(measure_text: &dyn TextMeasure, text: &str, style: TextStyle, max_width: f64, max_lines: usize) -> Wrapped {
    let max_lines = max_lines.max(1);
    let max_width = if max_width.is_finite() { max_width.max(0.0) } else { 0.0 };
    let fits = |candidate: &str| measure(measure_text, candidate, style) <= max_width;

    // Each piece is tried at the end of the line being filled and taken back off when it
    // does not fit: no candidate string is copied, and no `format!` enters the wasm.
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in words(text) {
        let mut rest = word;
        let mut joined_to_previous = false;
        loop {
            let (token, after) = split_after_hyphen(rest);
            let kept = current.len();
            if !current.is_empty() && !joined_to_previous {
                current.push(' ');
            }
            current.push_str(token);
            if !fits(&current) {
                current.truncate(kept);
                if !current.is_empty() {
                    lines.push(std::mem::take(&mut current));
                }
                current.push_str(token);
                if !fits(&current) {
                    // Break the long piece between characters, keeping the last part open.
                    current.clear();
                    for character in token.chars() {
                        current.push(character);
                        if current.len() > character.len_utf8() && !fits(&current) {
                            current.pop();
                            lines.push(std::mem::take(&mut current));
                            current.push(character);
                        }
                    }
                }
            }
            if after.is_empty() {
                break;
            }
            rest = after;
            joined_to_previous = true;
        }
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }

    if lines.len() <= max_lines {
        return Wrapped { lines, shortened: false };
    }
    let last = lines.get(max_lines - 1..).unwrap_or_default().join(" ");
    lines.truncate(max_lines - 1);
    lines.push(shorten_to_width(measure_text, &last, style, max_width, true));
    Wrapped { lines, shortened: true }
}

/// A word's first piece and the rest: words split after their hyphens
/// ("Figures-and-achievements" gives "Figures-", "and-", "achievements"), so a line
/// can break where a reader expects; a piece after the first continues the previous
/// one without a space.
fn split_after_hyphen(word: &str) -> (&str, &str) {
    match word.find('-').filter(|&position| position > 0 && position + 1 < word.len()) {
        Some(hyphen) => word.split_at(hyphen + 1),
        None => (word, ""),
    }
}

/// The text itself when it fits; otherwise as many leading characters as fit, then "…".
/// With `force_ellipsis` the "…" is added even when the text fits, because the caller
/// has already dropped a following part.
pub fn shorten_to_width(measure_text: &dyn TextMeasure, text: &str, style: TextStyle, max_width: f64, force_ellipsis: bool) -> String {
    if !force_ellipsis && measure(measure_text, text, style) <= max_width {
        return text.to_owned();
    }
    // One character fewer each time, from the whole text down to none.
    let trimmed = text.trim_end();
    let mut kept = trimmed;
    loop {
        let mut candidate = kept.trim_end().to_owned();
        candidate.push(ELLIPSIS);
        let mut characters = kept.chars();
        if characters.next_back().is_none() || measure(measure_text, &candidate, style) <= max_width {
            return candidate;
        }
        kept = characters.as_str();
    }
}

/// Splits at spaces where a line may break: not at no-break spaces, which keep
/// "24 Sept" and the French "valeur :" together.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|character: char| character.is_whitespace() && character != '\u{a0}' && character != '\u{202f}')
        .filter(|word| !word.is_empty())
}

/// The widest single word: below this width a text can only be broken mid-word.
pub fn widest_word(measure_text: &dyn TextMeasure, text: &str, style: TextStyle) -> f64 {
    words(text).map(|word| measure(measure_text, word, style)).fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGULAR: TextStyle = TextStyle { font_size: 12.0, bold: false };

    fn widths(wrapped: &Wrapped) -> Vec<f64> {
        wrapped.lines.iter().map(|line| measure(&EstimatedTextMeasure, line, REGULAR)).collect()
    }

    #[test]
    fn the_estimate_is_narrower_for_arabic_letters_and_wider_for_capitals() {
        let measure = EstimatedTextMeasure;
        assert!(measure.text_width("WWW", 12.0) > measure.text_width("www", 12.0));
        assert!(measure.text_width("AAA", 12.0) > measure.text_width("aaa", 12.0));
        assert!(measure.text_width("ببب", 12.0) < measure.text_width("bbb", 12.0));
        assert_eq!(measure.text_width("abc", 0.0), 0.0);
        assert_eq!(measure.text_width("abc", f64::NAN), 0.0);
        assert_eq!(measure.text_width("abc", 24.0), 2.0 * measure.text_width("abc", 12.0));
    }

    #[test]
    fn a_text_that_fits_stays_on_one_line() {
        let wrapped = wrap(&EstimatedTextMeasure, "Party web TV", REGULAR, 500.0, 2);
        assert_eq!(wrapped.lines, vec!["Party web TV"]);
        assert!(!wrapped.shortened);
    }

    #[test]
    fn long_texts_wrap_at_spaces_within_the_width() {
        let text = "Candidates answering citizens' questions on Facebook Live";
        let wrapped = wrap(&EstimatedTextMeasure, text, REGULAR, 120.0, 10);
        assert!(wrapped.lines.len() > 1);
        assert!(!wrapped.shortened);
        assert_eq!(wrapped.lines.join(" "), text);
        assert!(widths(&wrapped).iter().all(|width| *width <= 120.0), "{:?}", wrapped);
    }

    #[test]
    fn what_does_not_fit_the_lines_ends_with_an_ellipsis() {
        let text = "إجابة المرشحين عن أسئلة المواطنين عبر البث المباشر لفيسبوك";
        let wrapped = wrap(&EstimatedTextMeasure, text, REGULAR, 80.0, 2);
        assert_eq!(wrapped.lines.len(), 2);
        assert!(wrapped.shortened);
        assert!(wrapped.lines[1].ends_with('…'), "{:?}", wrapped);
        assert!(widths(&wrapped).iter().all(|width| *width <= 80.0), "{:?}", wrapped);
    }

    #[test]
    fn no_break_spaces_keep_their_words_together() {
        let wrapped = wrap(&EstimatedTextMeasure, "During the campaign (24\u{a0}Sept – 7\u{a0}Oct)", REGULAR, 110.0, 4);
        assert!(wrapped.lines.iter().any(|line| line.contains("(24\u{a0}Sept")), "{wrapped:?}");
        assert!(wrapped.lines.iter().any(|line| line.contains("7\u{a0}Oct)")), "{wrapped:?}");
    }

    #[test]
    fn hyphenated_words_break_after_a_hyphen() {
        let wrapped = wrap(&EstimatedTextMeasure, "Figures-and-achievements campaign", REGULAR, 110.0, 3);
        assert_eq!(wrapped.lines[0], "Figures-and-");
        assert_eq!(wrapped.lines.concat().replace("campaign", " campaign"), "Figures-and-achievements campaign");
        let one_line = wrap(&EstimatedTextMeasure, "Campaign-slogan hashtag", REGULAR, 500.0, 1);
        assert_eq!(one_line.lines, vec!["Campaign-slogan hashtag"]);
    }

    #[test]
    fn a_word_wider_than_the_line_is_broken_between_characters() {
        let wrapped = wrap(&EstimatedTextMeasure, "Authenticity", REGULAR, 30.0, 10);
        assert!(wrapped.lines.len() > 1);
        assert_eq!(wrapped.lines.concat(), "Authenticity");
    }

    #[test]
    fn degenerate_widths_and_texts_still_give_a_line() {
        for width in [0.0, -5.0, f64::NAN, f64::INFINITY] {
            let wrapped = wrap(&EstimatedTextMeasure, "some words here", REGULAR, width, 2);
            assert!(!wrapped.lines.is_empty() && wrapped.lines.len() <= 2, "{width}: {wrapped:?}");
        }
        assert_eq!(wrap(&EstimatedTextMeasure, "", REGULAR, 100.0, 2).lines, vec![String::new()]);
        assert_eq!(wrap(&EstimatedTextMeasure, "x", REGULAR, 100.0, 0).lines, vec!["x"]);
    }

    #[test]
    fn shortening_keeps_the_start_and_adds_an_ellipsis() {
        let short = shorten_to_width(&EstimatedTextMeasure, "Istiqlal Party", REGULAR, 40.0, false);
        assert!(short.starts_with("Ist") && short.ends_with('…'), "{short}");
        assert!(measure(&EstimatedTextMeasure, &short, REGULAR) <= 40.0);
        assert_eq!(shorten_to_width(&EstimatedTextMeasure, "PAM", REGULAR, 40.0, false), "PAM");
        assert_eq!(shorten_to_width(&EstimatedTextMeasure, "PAM", REGULAR, 40.0, true), "PAM…");
    }

    #[test]
    fn bold_is_measured_wider() {
        let bold = TextStyle { bold: true, ..REGULAR };
        assert!(measure(&EstimatedTextMeasure, "PJD", bold) > measure(&EstimatedTextMeasure, "PJD", REGULAR));
        assert!(widest_word(&EstimatedTextMeasure, "a bbbbb cc", REGULAR) > measure(&EstimatedTextMeasure, "cc", REGULAR));
    }
}
