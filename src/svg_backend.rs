//! A small plotters `DrawingBackend` that writes an SVG document: the snapshots, the static fallbacks and the widget's "download SVG".
//!
//! Why not plotters' `SVGBackend`: it writes opacity and font sizes with `{}` on floats, which
//! kept core's float formatting in the wasm, and plotters-svg itself cost about 5 KB gzip (issue #7).
//! Here numbers are written with integer arithmetic and `json::write`, and only what `chart::draw`
//! draws is implemented (rectangles, polylines, circles, text, and the pixel the trait requires);
//! plotters' generic defaults for the rest are never instantiated, so they cost nothing.
//! The widget and `chart::render_svg` do not draw into it through plotters but [`SvgBackend::replay`]
//! what `chart::record` recorded, so the wasm has no copy of the drawing code made for this backend.
//!
//! The drawing is the canvas backend's: sizes in the document's pixels, absolute text anchors
//! (`start` is always the left, whatever the script), stroke widths of at least 1. Text is
//! written as given, so the right-to-left embedding marks `chart` adds stay in place.

use std::convert::Infallible;

use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle,
    text_anchor::{HPos, VPos},
};

use crate::chart::{DrawCommand, TextLook};

/// Writes into a borrowed `String`: plotters' drawing area owns its backend until it is dropped,
/// and the document must outlive it. [`SvgBackend::close`] (or `present`) closes the root element.
pub struct SvgBackend<'a> {
    document: &'a mut String,
    size: (u32, u32),
    closed: bool,
}

impl<'a> SvgBackend<'a> {
    /// Opens the document at `size` CSS pixels, with its language (which also picks the right
    /// glyphs in SVG viewers), `role="img"` and `title` as `<title>`, which screen readers read.
    pub fn new(document: &'a mut String, size: (u32, u32), lang: &str, title: &str) -> SvgBackend<'a> {
        let (width, height) = size;
        document.push_str("<svg width=\"");
        push_unsigned(document, u64::from(width));
        document.push_str("\" height=\"");
        push_unsigned(document, u64::from(height));
        document.push_str("\" viewBox=\"0 0 ");
        push_unsigned(document, u64::from(width));
        document.push(' ');
        push_unsigned(document, u64::from(height));
        document.push_str("\" xmlns=\"http://www.w3.org/2000/svg\" xml:lang=\"");
        push_escaped(document, lang);
        document.push_str("\" role=\"img\">\n<title>");
        push_escaped(document, title);
        document.push_str("</title>\n");
        SvgBackend { document, size, closed: false }
    }

    /// Writes recorded drawing calls ([`crate::chart::record`]), as the `DrawingBackend` calls would.
    pub fn replay(&mut self, commands: &[DrawCommand]) {
        for command in commands {
            match command {
                DrawCommand::Rect { upper_left, bottom_right, color, fill, stroke_width } => {
                    self.rect(*upper_left, *bottom_right, *color, *fill, *stroke_width);
                }
                DrawCommand::Path { points, color, stroke_width } => {
                    self.begin_polyline();
                    for (position, point) in points.iter().enumerate() {
                        self.polyline_point(position, *point);
                    }
                    self.end_polyline(*color, *stroke_width);
                }
                DrawCommand::Circle { center, radius, color, fill, stroke_width } => {
                    self.circle(*center, *radius, *color, *fill, *stroke_width);
                }
                DrawCommand::Text { text, position, look } => self.text(text, *position, look),
            }
        }
    }

    /// Closes the root element, once; drawing after this would write past the document's end.
    pub fn close(&mut self) {
        if !self.closed {
            self.document.push_str("</svg>\n");
            self.closed = true;
        }
    }

    /// `<name x="…" y="…"`, the start of every element but the root.
    fn open(&mut self, name: &str, x_attribute: &str, y_attribute: &str, (x, y): BackendCoord) {
        self.document.push('<');
        self.document.push_str(name);
        self.number_attribute(x_attribute, i64::from(x));
        self.number_attribute(y_attribute, i64::from(y));
    }

    fn number_attribute(&mut self, name: &str, value: i64) {
        self.document.push(' ');
        self.document.push_str(name);
        self.document.push_str("=\"");
        push_integer(self.document, value);
        self.document.push('"');
    }

    /// `fill="#RRGGBB"`, or no fill and a stroke of `stroke_width` (at least 1, as on the canvas),
    /// then the opacity when the colour has one, and the end of the empty element.
    fn paint_and_close(&mut self, color: BackendColor, fill: bool, stroke_width: u32) {
        if fill {
            self.document.push_str(" fill=\"");
            push_color(self.document, color);
        } else {
            self.document.push_str(" fill=\"none\" stroke=\"");
            push_color(self.document, color);
            self.document.push_str("\" stroke-width=\"");
            push_unsigned(self.document, u64::from(stroke_width.max(1)));
        }
        self.document.push('"');
        push_opacity(self.document, color);
        self.document.push_str("/>\n");
    }

    fn rect(&mut self, upper_left: BackendCoord, bottom_right: BackendCoord, color: BackendColor, fill: bool, stroke_width: u32) {
        // SVG draws nothing for a negative width, where the canvas draws the mirrored rectangle.
        let left = upper_left.0.min(bottom_right.0);
        let top = upper_left.1.min(bottom_right.1);
        self.open("rect", "x", "y", (left, top));
        self.number_attribute("width", i64::from(upper_left.0.abs_diff(bottom_right.0)));
        self.number_attribute("height", i64::from(upper_left.1.abs_diff(bottom_right.1)));
        self.paint_and_close(color, fill, stroke_width);
    }

    fn circle(&mut self, center: BackendCoord, radius: u32, color: BackendColor, fill: bool, stroke_width: u32) {
        self.open("circle", "cx", "cy", center);
        self.document.push_str(" r=\"");
        push_unsigned(self.document, u64::from(radius));
        self.document.push('"');
        self.paint_and_close(color, fill, stroke_width);
    }

    fn begin_polyline(&mut self) {
        self.document.push_str("<polyline points=\"");
    }

    fn polyline_point(&mut self, position: usize, (x, y): BackendCoord) {
        if position > 0 {
            self.document.push(' ');
        }
        push_integer(self.document, i64::from(x));
        self.document.push(',');
        push_integer(self.document, i64::from(y));
    }

    fn end_polyline(&mut self, color: BackendColor, stroke_width: u32) {
        self.document.push('"');
        self.paint_and_close(color, false, stroke_width);
    }

    fn text(&mut self, text: &str, position: BackendCoord, look: &TextLook) {
        self.open("text", "x", "y", position);
        // SVG has no "middle of the line" for a text's y; these shifts are plotters', which the
        // snapshots have always had: about half an x-height puts the middle of the letters on y.
        self.document.push_str(match look.vertical {
            VPos::Top => " dy=\"0.76em\"",
            VPos::Center => " dy=\"0.5ex\"",
            VPos::Bottom => " dy=\"-0.5ex\"",
        });
        self.document.push_str(match look.horizontal {
            HPos::Left => " text-anchor=\"start\"",
            HPos::Center => " text-anchor=\"middle\"",
            HPos::Right => " text-anchor=\"end\"",
        });
        self.document.push_str(" font-family=\"");
        push_escaped(self.document, &look.family);
        self.document.push_str("\" font-size=\"");
        // Three decimals: the layout's 13 × a scale of 1 comes out as 13.000000000000002.
        push_decimal(self.document, look.size, 3);
        self.document.push('"');
        self.document.push_str(match look.style {
            FontStyle::Normal => "",
            FontStyle::Bold => " font-weight=\"bold\"",
            FontStyle::Italic => " font-style=\"italic\"",
            FontStyle::Oblique => " font-style=\"oblique\"",
        });
        self.document.push_str(" fill=\"");
        push_color(self.document, look.color);
        self.document.push('"');
        push_opacity(self.document, look.color);
        self.document.push('>');
        push_escaped(self.document, text);
        self.document.push_str("</text>\n");
    }
}

fn push_integer(out: &mut String, value: i64) {
    if value < 0 {
        out.push('-');
    }
    push_unsigned(out, value.unsigned_abs());
}

/// `#RRGGBB`, uppercase as plotters wrote it.
fn push_color(out: &mut String, color: BackendColor) {
    out.push('#');
    let (red, green, blue) = color.rgb;
    for nibble in [red >> 4, red & 0xF, green >> 4, green & 0xF, blue >> 4, blue & 0xF] {
        out.push(char::from(if nibble < 10 { b'0' + nibble } else { b'A' - 10 + nibble }));
    }
}

/// ` opacity="…"` for a translucent colour; nothing for an opaque one, which is SVG's default.
/// Three decimals are finer than the 8 bits a viewer keeps. NaN writes nothing, so it draws opaque.
fn push_opacity(out: &mut String, color: BackendColor) {
    if color.alpha < 1.0 {
        out.push_str(" opacity=\"");
        push_decimal(out, color.alpha.max(0.0), 3);
        out.push('"');
    }
}

/// Appends `text` escaped for XML, fit for element content and quoted attribute values alike:
/// a party named `</text><script>` stays text.
fn push_escaped(out: &mut String, text: &str) {
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 allows these nowhere, not even as references: one of them would make a
            // viewer reject the whole document, so it becomes the replacement character.
            '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => out.push('\u{FFFD}'),
            other => out.push(other),
        }
    }
}

impl DrawingBackend for SvgBackend<'_> {
    /// Appending to a `String` cannot fail.
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    /// Closes the document; drawing after this would write past its end, so it is the last call.
    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        self.close();
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<Infallible>> {
        if color.alpha != 0.0 {
            self.rect(point, (point.0.saturating_add(1), point.1.saturating_add(1)), color, true, 0);
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        if color.alpha != 0.0 {
            self.rect(upper_left, bottom_right, color, fill, style.stroke_width());
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        if color.alpha != 0.0 {
            self.begin_polyline();
            for (position, point) in path.into_iter().enumerate() {
                self.polyline_point(position, point);
            }
            self.end_polyline(color, style.stroke_width());
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        if color.alpha != 0.0 {
            self.circle(center, radius, color, fill, style.stroke_width());
        }
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        position: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        if color.alpha != 0.0 {
            self.text(text, position, &TextLook::of(style));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{draw, render_svg};
    use crate::data::{Dataset, Lang};
    use crate::layout::{EstimatedTextMeasure, View, ViewRequest, layout};
    use crate::theme::Theme;
    use plotters::prelude::IntoDrawingArea;
    use plotters::style::text_anchor::Pos;
    use plotters::style::{Color, FontDesc, FontFamily, RGBAColor, RGBColor, TextStyle};

    const HOSTILE_TEXTS: &[&str] = &[
        "</text><script>alert(1)</script>",
        "\"&'<>",
        "&amp; is not an entity here &lt;",
        "]]> <!-- --> <![CDATA[ x ]]>",
        "\u{202B}العدالة والتنمية (67%)…\u{202C}",
    ];

    /// One element as the checker read it: its name, its attributes and the text directly in it, unescaped.
    #[derive(Debug)]
    struct Element {
        name: String,
        attributes: Vec<(String, String)>,
        text: String,
    }

    /// A strict reader of the XML this backend writes (elements, double-quoted attributes, text and
    /// the five predefined entities; no comments, CDATA or declarations): an error for anything a
    /// conforming XML parser would reject, else every element in document order.
    fn read_xml(document: &str) -> Result<Vec<Element>, String> {
        let mut elements: Vec<Element> = Vec::new();
        // Positions in `elements` of the elements still open.
        let mut open: Vec<usize> = Vec::new();
        let mut root_seen = false;
        let mut rest = document;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix("</") {
                let end = after.find('>').ok_or("unterminated end tag")?;
                let position = open.pop().ok_or_else(|| format!("end tag </{}> with nothing open", &after[..end]))?;
                if elements[position].name != after[..end] {
                    return Err(format!("</{}> closes <{}>", &after[..end], elements[position].name));
                }
                rest = &after[end + 1..];
            } else if let Some(after) = rest.strip_prefix('<') {
                if open.is_empty() && root_seen {
                    return Err("a second root element".to_owned());
                }
                root_seen = true;
                let name_end = after.find([' ', '>', '/']).ok_or("unterminated start tag")?;
                let name = &after[..name_end];
                check_name(name)?;
                let mut element = Element { name: name.to_owned(), attributes: Vec::new(), text: String::new() };
                let mut cursor = &after[name_end..];
                loop {
                    let trimmed = cursor.trim_start_matches(' ');
                    if let Some(after_tag) = trimmed.strip_prefix("/>") {
                        elements.push(element);
                        rest = after_tag;
                        break;
                    }
                    if let Some(after_tag) = trimmed.strip_prefix('>') {
                        open.push(elements.len());
                        elements.push(element);
                        rest = after_tag;
                        break;
                    }
                    if trimmed.len() == cursor.len() {
                        return Err(format!("<{name}>: no space before an attribute"));
                    }
                    let equals = trimmed.find("=\"").ok_or_else(|| format!("<{name}>: an attribute without a quoted value"))?;
                    let attribute = &trimmed[..equals];
                    check_name(attribute)?;
                    if element.attributes.iter().any(|(existing, _)| existing == attribute) {
                        return Err(format!("<{name}>: {attribute} twice"));
                    }
                    let value_and_rest = &trimmed[equals + 2..];
                    let quote = value_and_rest.find('"').ok_or("unterminated attribute value")?;
                    element.attributes.push((attribute.to_owned(), unescape(&value_and_rest[..quote])?));
                    cursor = &value_and_rest[quote + 1..];
                }
            } else {
                let end = rest.find('<').unwrap_or(rest.len());
                let text = unescape(&rest[..end])?;
                match open.last() {
                    Some(&position) => elements[position].text.push_str(&text),
                    None if text.trim().is_empty() => {}
                    None => return Err(format!("text outside the root: {text:?}")),
                }
                rest = &rest[end..];
            }
        }
        if !root_seen || !open.is_empty() {
            return Err(format!("no root, or {} elements left open", open.len()));
        }
        Ok(elements)
    }

    fn check_name(name: &str) -> Result<(), String> {
        let valid = name.chars().next().is_some_and(|first| first.is_ascii_alphabetic())
            && name.chars().all(|character| character.is_ascii_alphanumeric() || matches!(character, '-' | ':'));
        if valid { Ok(()) } else { Err(format!("not a name: {name:?}")) }
    }

    /// Text or an attribute value: the five entities only, and no character XML forbids.
    /// `>` is allowed in XML text, but the backend escapes it, so here it is an error.
    fn unescape(text: &str) -> Result<String, String> {
        let mut unescaped = String::new();
        let mut rest = text;
        while let Some(character) = rest.chars().next() {
            if character == '&' {
                let entities = [("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&apos;", '\'')];
                let (entity, replacement) = entities
                    .into_iter()
                    .find(|(entity, _)| rest.starts_with(entity))
                    .ok_or_else(|| format!("a bare & in {text:?}"))?;
                unescaped.push(replacement);
                rest = &rest[entity.len()..];
                continue;
            }
            let forbidden = matches!(character, '<' | '>' | '"' | '\u{FFFE}' | '\u{FFFF}')
                || (u32::from(character) < 0x20 && !matches!(character, '\t' | '\n' | '\r'));
            if forbidden {
                return Err(format!("{character:?} unescaped in {text:?}"));
            }
            unescaped.push(character);
            rest = &rest[character.len_utf8()..];
        }
        Ok(unescaped)
    }

    fn attribute<'a>(element: &'a Element, name: &str) -> Option<&'a str> {
        element.attributes.iter().find(|(attribute, _)| attribute == name).map(|(_, value)| value.as_str())
    }

    fn text_style(size: f64, weight: plotters::style::FontStyle, color: &'static RGBAColor, horizontal: HPos) -> TextStyle<'static> {
        TextStyle::from(FontDesc::new(FontFamily::Name("'Noto Sans', \"Quoted\" & <Tagged>"), size, weight))
            .color(color)
            .pos(Pos::new(horizontal, VPos::Center))
    }

    const INK: RGBAColor = RGBAColor(0x1A, 0x2B, 0xFF, 1.0);
    const QUARTER_BLACK: RGBAColor = RGBAColor(0, 0, 0, 0.25);

    #[test]
    fn the_checker_rejects_what_an_xml_parser_rejects() {
        for broken in [
            "<svg><text>a</svg>",
            "<svg><text>a</text>",
            "<svg>a & b</svg>",
            "<svg>a < b</svg>",
            "<svg a=\"<\"/>",
            "<svg a=\"1\" a=\"2\"/>",
            "<svg a=\"1\"b=\"2\"/>",
            "<svg/><svg/>",
            "text<svg/>",
            "<svg>\u{1}</svg>",
            "<svg>&nbsp;</svg>",
        ] {
            assert!(read_xml(broken).is_err(), "{broken:?}");
        }
        let elements = read_xml("<svg a=\"&quot;x&apos;\">\n<text>&lt;b&gt; &amp;</text>\n</svg>\n").unwrap();
        assert_eq!(attribute(&elements[0], "a"), Some("\"x'"));
        assert_eq!(elements[1].text, "<b> &");
    }

    #[test]
    fn hostile_text_title_and_language_come_out_as_text_in_a_well_formed_document() {
        for &hostile in HOSTILE_TEXTS {
            let mut document = String::new();
            let mut backend = SvgBackend::new(&mut document, (100, 50), hostile, hostile);
            backend.draw_text(hostile, &text_style(12.0, plotters::style::FontStyle::Normal, &INK, HPos::Left), (1, 2)).unwrap();
            backend.present().unwrap();
            let elements = read_xml(&document).unwrap_or_else(|error| panic!("{error}\n{document}"));
            let names: Vec<&str> = elements.iter().map(|element| element.name.as_str()).collect();
            assert_eq!(names, ["svg", "title", "text"], "{document}");
            assert_eq!(attribute(&elements[0], "xml:lang"), Some(hostile));
            assert_eq!(elements[1].text, hostile);
            assert_eq!(elements[2].text, hostile);
            assert_eq!(attribute(&elements[2], "font-family"), Some("'Noto Sans', \"Quoted\" & <Tagged>"));
            assert!(!document.contains("<script"), "{document}");
        }
    }

    #[test]
    fn characters_xml_forbids_become_replacement_characters() {
        let mut document = String::new();
        let mut backend = SvgBackend::new(&mut document, (10, 10), "en", "nul\u{0} bell\u{7} esc\u{1b} \u{FFFF}");
        backend.draw_text("tab\tand\nline", &text_style(12.0, plotters::style::FontStyle::Normal, &INK, HPos::Left), (0, 0)).unwrap();
        backend.present().unwrap();
        let elements = read_xml(&document).unwrap();
        assert_eq!(elements[1].text, "nul\u{FFFD} bell\u{FFFD} esc\u{FFFD} \u{FFFD}");
        assert_eq!(elements[2].text, "tab\tand\nline");
    }

    #[test]
    fn numbers_are_written_from_integers_and_rounded_decimals() {
        let mut document = String::new();
        let mut backend = SvgBackend::new(&mut document, (640, 1015), "fr", "");
        let bold = plotters::style::FontStyle::Bold;
        backend.draw_text("a", &text_style(13.000000000000002, bold, &INK, HPos::Left), (-3, 0)).unwrap();
        backend.draw_text("b", &text_style(12.5, plotters::style::FontStyle::Italic, &INK, HPos::Center), (i32::MIN, i32::MAX)).unwrap();
        backend.draw_text("c", &text_style(1.0 / 3.0, bold, &QUARTER_BLACK, HPos::Right), (0, 0)).unwrap();
        backend.draw_rect((10, 20), (4, 2), &BackendColor { alpha: 0.5, rgb: (0, 15, 160) }, true).unwrap();
        backend.draw_rect((0, 0), (2, 2), &Color::stroke_width(&RGBColor(1, 2, 3), 0), false).unwrap();
        backend.draw_circle((5, -5), 7, &Color::stroke_width(&RGBColor(255, 255, 255), 3), false).unwrap();
        backend.draw_path([(1, 2), (-3, 4), (5, 6)], &Color::stroke_width(&RGBAColor(9, 9, 9, 1.0 / 3.0), 2)).unwrap();
        backend.draw_pixel((7, 8), BackendColor { alpha: 1.0, rgb: (0xAB, 0xCD, 0xEF) }).unwrap();
        // Invisible: nothing written, as on the canvas.
        backend.draw_circle((0, 0), 1, &BackendColor { alpha: 0.0, rgb: (0, 0, 0) }, true).unwrap();
        backend.present().unwrap();
        backend.present().unwrap();
        let expected = "<svg width=\"640\" height=\"1015\" viewBox=\"0 0 640 1015\" xmlns=\"http://www.w3.org/2000/svg\" xml:lang=\"fr\" role=\"img\">\n<title></title>\n\
            <text x=\"-3\" y=\"0\" dy=\"0.5ex\" text-anchor=\"start\" font-family=\"&apos;Noto Sans&apos;, &quot;Quoted&quot; &amp; &lt;Tagged&gt;\" font-size=\"13\" font-weight=\"bold\" fill=\"#1A2BFF\">a</text>\n\
            <text x=\"-2147483648\" y=\"2147483647\" dy=\"0.5ex\" text-anchor=\"middle\" font-family=\"&apos;Noto Sans&apos;, &quot;Quoted&quot; &amp; &lt;Tagged&gt;\" font-size=\"12.5\" font-style=\"italic\" fill=\"#1A2BFF\">b</text>\n\
            <text x=\"0\" y=\"0\" dy=\"0.5ex\" text-anchor=\"end\" font-family=\"&apos;Noto Sans&apos;, &quot;Quoted&quot; &amp; &lt;Tagged&gt;\" font-size=\"0.333\" font-weight=\"bold\" fill=\"#000000\" opacity=\"0.25\">c</text>\n\
            <rect x=\"4\" y=\"2\" width=\"6\" height=\"18\" fill=\"#000FA0\" opacity=\"0.5\"/>\n\
            <rect x=\"0\" y=\"0\" width=\"2\" height=\"2\" fill=\"none\" stroke=\"#010203\" stroke-width=\"1\"/>\n\
            <circle cx=\"5\" cy=\"-5\" r=\"7\" fill=\"none\" stroke=\"#FFFFFF\" stroke-width=\"3\"/>\n\
            <polyline points=\"1,2 -3,4 5,6\" fill=\"none\" stroke=\"#090909\" stroke-width=\"2\" opacity=\"0.333\"/>\n\
            <rect x=\"7\" y=\"8\" width=\"1\" height=\"1\" fill=\"#ABCDEF\"/>\n\
            </svg>\n";
        assert_eq!(document, expected);
        read_xml(&document).unwrap();
    }

    #[test]
    fn right_to_left_text_keeps_its_embedding_marks_and_anchors_stay_absolute() {
        let dataset = Dataset::built_in().unwrap();
        let request = ViewRequest { view: View::Matrix, lang: Lang::Ar, party: 0, versus: 1, width: 640.0 };
        let scene = layout(&dataset, &request, &EstimatedTextMeasure).unwrap();
        let elements = read_xml(&render_svg(&scene, &Theme::light())).unwrap();
        let texts: Vec<&Element> = elements.iter().filter(|element| element.name == "text").collect();
        assert_eq!(texts.len(), scene.texts.len());
        for (element, scene_text) in texts.iter().zip(&scene.texts) {
            // The marks `chart` adds, and the text between them as laid out.
            assert_eq!(element.text, format!("\u{202B}{}\u{202C}", scene_text.text));
            let expected_anchor = match scene_text.anchor {
                crate::layout::TextAnchor::Left => "start",
                crate::layout::TextAnchor::Center => "middle",
                crate::layout::TextAnchor::Right => "end",
            };
            // No `direction` on the element: `start` is the left, as `textAlign = "left"` on the canvas.
            assert_eq!(attribute(element, "text-anchor"), Some(expected_anchor));
            assert_eq!(attribute(element, "direction"), None);
        }
        assert!(texts.iter().any(|element| attribute(element, "text-anchor") == Some("end")));
    }

    #[test]
    fn every_view_in_every_language_and_theme_is_well_formed_with_hostile_texts_too() {
        let dataset = Dataset::built_in().unwrap();
        for view in View::ALL {
            for lang in Lang::ALL {
                for dark in [false, true] {
                    let request = ViewRequest { view, lang, party: 0, versus: 1, width: 320.0 };
                    let mut scene = layout(&dataset, &request, &EstimatedTextMeasure).unwrap();
                    let theme = Theme::for_scheme(dark);
                    let context = format!("{view:?} {lang:?} dark: {dark}");
                    read_xml(&render_svg(&scene, &theme)).unwrap_or_else(|error| panic!("{context}: {error}"));
                    for (text, &hostile) in scene.texts.iter_mut().zip(HOSTILE_TEXTS.iter().cycle()) {
                        text.text = hostile.to_owned();
                    }
                    scene.summary = HOSTILE_TEXTS.concat();
                    let elements = read_xml(&render_svg(&scene, &theme)).unwrap_or_else(|error| panic!("{context}: {error}"));
                    assert_eq!(elements.iter().find(|element| element.name == "title").map(|title| title.text.as_str()), Some(scene.summary.as_str()));
                }
            }
        }
    }

    /// `render_svg` replays a recording; plotters drawing into this backend directly must write
    /// the same document, so the recording loses nothing on the way (the canvas replays it too).
    #[test]
    fn a_replayed_recording_writes_what_drawing_directly_writes() {
        let dataset = Dataset::built_in().unwrap();
        for view in View::ALL {
            for lang in Lang::ALL {
                let request = ViewRequest { view, lang, party: 0, versus: 1, width: 500.5 };
                let scene = layout(&dataset, &request, &EstimatedTextMeasure).unwrap();
                let theme = Theme::for_scheme(lang == Lang::Fr);
                let size = (scene.width.ceil() as u32, scene.height.ceil() as u32);
                let mut direct = String::new();
                {
                    let area = SvgBackend::new(&mut direct, size, lang.code(), &scene.summary).into_drawing_area();
                    draw(&scene, &area, &theme, Some(1), Some(2)).unwrap();
                    area.present().unwrap();
                }
                let mut replayed = String::new();
                let mut backend = SvgBackend::new(&mut replayed, size, lang.code(), &scene.summary);
                backend.replay(&crate::chart::record(&scene, size, &theme, Some(1), Some(2)));
                backend.close();
                assert_eq!(replayed, direct, "{view:?} {lang:?}");
            }
        }
    }

    #[test]
    fn the_focus_ring_and_selection_draw_through_the_same_backend() {
        let dataset = Dataset::built_in().unwrap();
        let request = ViewRequest { view: View::Party, lang: Lang::En, party: 0, versus: 1, width: 640.0 };
        let scene = layout(&dataset, &request, &EstimatedTextMeasure).unwrap();
        let mut document = String::new();
        {
            let area = SvgBackend::new(&mut document, (640, 10), "en", "").into_drawing_area();
            draw(&scene, &area, &Theme::light(), Some(0), Some(0)).unwrap();
            area.present().unwrap();
        }
        let elements = read_xml(&document).unwrap();
        let focus = Theme::light().color(crate::layout::ColorRole::Focus);
        let mut focus_hex = String::new();
        push_color(&mut focus_hex, BackendColor { alpha: 1.0, rgb: (focus.0, focus.1, focus.2) });
        assert!(elements.iter().any(|element| attribute(element, "stroke") == Some(focus_hex.as_str())
            && attribute(element, "stroke-width") == Some("3")));
    }
}

fn push_unsigned(out: &mut String, value: u64) {
    out.push_str(&value.to_string());
}

/// `value` rounded to at most `max_decimals` decimals, without trailing zeros; `null` when not finite.
fn push_decimal(out: &mut String, value: f64, max_decimals: i32) {
    if !value.is_finite() {
        out.push_str("null");
        return;
    }
    let scale = 10f64.powi(max_decimals);
    // Adding zero turns a negative zero into zero.
    out.push_str(&((value * scale).round() / scale + 0.0).to_string());
}
