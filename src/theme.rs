//! Colours of the charts in the light and dark themes, with the WCAG contrast checks that keep them readable.
//!
//! The layout never names a colour: it names a [`ColorRole`](crate::layout::ColorRole),
//! and the theme resolves it at draw time, so the same scene draws in both themes.

use plotters::style::RGBColor;

use crate::layout::ColorRole;

/// System fonts first, then fonts with Arabic glyphs, so no font is downloaded
/// and Arabic never falls back to boxes.
pub const FONT_STACK: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', 'Noto Naskh Arabic', Tahoma, Arial, sans-serif";

/// How many party colours the palette has; parties beyond it reuse colours in
/// order, and the charts never rely on colour alone to tell parties apart.
pub const PARTY_COLOR_COUNT: usize = 8;

#[derive(Copy, Clone, Debug, PartialEq)]
pub struct Theme {
    pub dark: bool,
    pub background: RGBColor,
    /// Behind category headings and column headers: a quiet tint of the background.
    pub band: RGBColor,
    /// Behind rows that show a contrast between two parties.
    pub highlight_band: RGBColor,
    /// Behind the selected mark.
    pub selected_band: RGBColor,
    /// Behind the column of the party the reader picked: set apart from `band`,
    /// which the category rows crossing it keep.
    pub emphasis_band: RGBColor,
    pub text: RGBColor,
    pub muted_text: RGBColor,
    /// Gridlines and separators: decorative, they carry no information of their own.
    pub grid: RGBColor,
    pub focus_ring: RGBColor,
    /// Okabe–Ito hues, darkened (light theme) or lightened (dark theme) until
    /// each mark stands out at least 3:1 against the background and the bands.
    pub party_colors: [RGBColor; PARTY_COLOR_COUNT],
    pub used: RGBColor,
    pub not_used: RGBColor,
    pub not_reported: RGBColor,
    pub majority: RGBColor,
    pub opposition: RGBColor,
}

impl Theme {
    const LIGHT: Theme = Theme {
        dark: false,
        background: RGBColor(0xFF, 0xFF, 0xFF),
        band: RGBColor(0xF1, 0xF3, 0xF5),
        highlight_band: RGBColor(0xFD, 0xEC, 0xEA),
        selected_band: RGBColor(0xFF, 0xF3, 0xC4),
        emphasis_band: RGBColor(0xE4, 0xEE, 0xF9),
        text: RGBColor(0x1A, 0x1A, 0x1A),
        muted_text: RGBColor(0x55, 0x5B, 0x66),
        grid: RGBColor(0xD0, 0xD4, 0xDA),
        focus_ring: RGBColor(0x0B, 0x5C, 0xAD),
        party_colors: [
            RGBColor(0x00, 0x72, 0xB2),
            RGBColor(0xC8, 0x57, 0x00),
            RGBColor(0x00, 0x8A, 0x63),
            RGBColor(0xA8, 0x74, 0x00),
            RGBColor(0xB8, 0x5A, 0x8E),
            RGBColor(0x1A, 0x7F, 0xBA),
            RGBColor(0x85, 0x7C, 0x0A),
            RGBColor(0x33, 0x33, 0x33),
        ],
        used: RGBColor(0x1F, 0x4E, 0x8C),
        not_used: RGBColor(0xB3, 0x26, 0x1E),
        not_reported: RGBColor(0x6B, 0x72, 0x80),
        majority: RGBColor(0x00, 0x69, 0x5C),
        opposition: RGBColor(0x7B, 0x3F, 0xA0),
    };

    pub fn light() -> Theme {
        Theme::LIGHT
    }

    const DARK: Theme = Theme {
        dark: true,
        background: RGBColor(0x16, 0x18, 0x1D),
        band: RGBColor(0x1F, 0x23, 0x2A),
        highlight_band: RGBColor(0x3B, 0x23, 0x20),
        selected_band: RGBColor(0x3A, 0x34, 0x13),
        emphasis_band: RGBColor(0x1B, 0x2B, 0x40),
        text: RGBColor(0xE8, 0xEA, 0xED),
        muted_text: RGBColor(0xA0, 0xA6, 0xAF),
        grid: RGBColor(0x3A, 0x3F, 0x47),
        focus_ring: RGBColor(0x8A, 0xB4, 0xF8),
        party_colors: [
            RGBColor(0x3D, 0x9B, 0xE0),
            RGBColor(0xE8, 0x6A, 0x10),
            RGBColor(0x1D, 0xB0, 0x84),
            RGBColor(0xE6, 0x9F, 0x00),
            RGBColor(0xCC, 0x79, 0xA7),
            RGBColor(0x56, 0xB4, 0xE9),
            RGBColor(0xF0, 0xE4, 0x42),
            RGBColor(0xBB, 0xBB, 0xBB),
        ],
        used: RGBColor(0x8A, 0xB4, 0xF8),
        not_used: RGBColor(0xF2, 0x8B, 0x82),
        not_reported: RGBColor(0xA0, 0xA6, 0xAF),
        majority: RGBColor(0x4D, 0xB6, 0xAC),
        opposition: RGBColor(0xCE, 0x93, 0xD8),
    };

    pub fn dark() -> Theme {
        Theme::DARK
    }

    /// `dark` is what `prefers-color-scheme: dark` (or `theme="dark"`) says.
    pub fn for_scheme(dark: bool) -> Theme {
        if dark { Theme::DARK } else { Theme::LIGHT }
    }

    /// The party's colour; parties beyond the palette reuse it in order.
    pub fn party_color(&self, party: usize) -> RGBColor {
        self.party_colors[party % PARTY_COLOR_COUNT]
    }

    pub fn color(&self, role: ColorRole) -> RGBColor {
        match role {
            ColorRole::Background => self.background,
            ColorRole::Band => self.band,
            ColorRole::HighlightBand => self.highlight_band,
            ColorRole::SelectedBand => self.selected_band,
            ColorRole::EmphasisBand => self.emphasis_band,
            ColorRole::Text => self.text,
            ColorRole::MutedText => self.muted_text,
            ColorRole::Grid => self.grid,
            ColorRole::Focus => self.focus_ring,
            ColorRole::Party(party) => self.party_color(party),
            ColorRole::Used => self.used,
            ColorRole::NotUsed => self.not_used,
            ColorRole::NotReported => self.not_reported,
            ColorRole::Majority => self.majority,
            ColorRole::Opposition => self.opposition,
        }
    }
}

/// WCAG 2.1 relative luminance of an sRGB colour.
pub fn relative_luminance(color: RGBColor) -> f64 {
    fn linear(channel: u8) -> f64 {
        let value = f64::from(channel) / 255.0;
        if value <= 0.04045 { value / 12.92 } else { ((value + 0.055) / 1.055).powf(2.4) }
    }
    0.2126 * linear(color.0) + 0.7152 * linear(color.1) + 0.0722 * linear(color.2)
}

/// WCAG 2.1 contrast ratio, from 1 (same colour) to 21 (black on white); symmetric.
pub fn contrast_ratio(a: RGBColor, b: RGBColor) -> f64 {
    let (first, second) = (relative_luminance(a), relative_luminance(b));
    let (lighter, darker) = if first >= second { (first, second) } else { (second, first) };
    (lighter + 0.05) / (darker + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 1.4.3 for text, 1.4.11 for marks and the focus indicator.
    const TEXT_MINIMUM: f64 = 4.5;
    const MARK_MINIMUM: f64 = 3.0;

    fn themes() -> [Theme; 2] {
        [Theme::light(), Theme::dark()]
    }

    /// Every surface a mark or a text can sit on.
    fn surfaces(theme: &Theme) -> [(&'static str, RGBColor); 5] {
        [
            ("background", theme.background),
            ("band", theme.band),
            ("highlight band", theme.highlight_band),
            ("selected band", theme.selected_band),
            ("emphasis band", theme.emphasis_band),
        ]
    }

    #[test]
    fn contrast_ratio_matches_the_wcag_reference_values() {
        let black = RGBColor(0, 0, 0);
        let white = RGBColor(255, 255, 255);
        assert!((contrast_ratio(black, white) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(white, black) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(white, white) - 1.0).abs() < 1e-9);
        // #767676 is the well-known lightest grey that passes 4.5:1 on white.
        let grey = contrast_ratio(RGBColor(0x76, 0x76, 0x76), white);
        assert!((4.5..4.6).contains(&grey), "{grey}");
        let lighter_grey = contrast_ratio(RGBColor(0x77, 0x77, 0x77), white);
        assert!(lighter_grey < 4.5, "{lighter_grey}");
    }

    #[test]
    fn text_reads_at_least_4_5_to_1_on_every_surface() {
        for theme in themes() {
            for (surface, color) in surfaces(&theme) {
                for (name, text) in [("text", theme.text), ("muted text", theme.muted_text)] {
                    let ratio = contrast_ratio(text, color);
                    assert!(ratio >= TEXT_MINIMUM, "dark={} {name} on {surface}: {ratio:.2}", theme.dark);
                }
            }
        }
    }

    #[test]
    fn marks_and_focus_ring_stand_out_at_least_3_to_1_on_every_surface() {
        for theme in themes() {
            let mut marks = vec![
                ("used", theme.used),
                ("not used", theme.not_used),
                ("not reported", theme.not_reported),
                ("majority", theme.majority),
                ("opposition", theme.opposition),
                ("focus ring", theme.focus_ring),
            ];
            for (party, color) in theme.party_colors.iter().enumerate() {
                marks.push((["party 0", "party 1", "party 2", "party 3", "party 4", "party 5", "party 6", "party 7"][party], *color));
            }
            for (surface, background) in surfaces(&theme) {
                for (name, color) in &marks {
                    let ratio = contrast_ratio(*color, background);
                    assert!(ratio >= MARK_MINIMUM, "dark={} {name} on {surface}: {ratio:.2}", theme.dark);
                }
            }
        }
    }

    #[test]
    fn status_colours_used_as_text_read_at_least_4_5_to_1() {
        // The compare view writes its contrast line in the "not used" colour, on the highlight band.
        for theme in themes() {
            for (surface, color) in surfaces(&theme) {
                let ratio = contrast_ratio(theme.not_used, color);
                assert!(ratio >= TEXT_MINIMUM, "dark={} not used on {surface}: {ratio:.2}", theme.dark);
            }
        }
    }

    #[test]
    fn the_focus_ring_is_distinct_from_the_selected_band_it_may_surround() {
        for theme in themes() {
            let ratio = contrast_ratio(theme.focus_ring, theme.selected_band);
            assert!(ratio >= MARK_MINIMUM, "dark={}: {ratio:.2}", theme.dark);
        }
    }

    #[test]
    fn the_emphasis_band_is_its_own_surface() {
        // Colour is not the emphasis's only cue (its header is underlined), but a band
        // that matched the category rows or the selection would read as one of them.
        for theme in themes() {
            for (surface, color) in surfaces(&theme) {
                if surface != "emphasis band" {
                    assert_ne!(theme.emphasis_band, color, "dark={} emphasis band is the {surface}", theme.dark);
                }
            }
            assert_eq!(theme.color(ColorRole::EmphasisBand), theme.emphasis_band);
        }
    }

    #[test]
    fn the_scheme_chooses_the_theme() {
        assert!(Theme::for_scheme(true).dark);
        assert!(!Theme::for_scheme(false).dark);
        assert_eq!(Theme::for_scheme(false), Theme::light());
    }

    #[test]
    fn parties_beyond_the_palette_reuse_colours_in_order() {
        let theme = Theme::light();
        assert_eq!(theme.party_color(0), theme.party_color(PARTY_COLOR_COUNT));
        assert_ne!(theme.party_color(0), theme.party_color(1));
        assert_eq!(theme.color(ColorRole::Party(3)), theme.party_colors[3]);
    }
}
