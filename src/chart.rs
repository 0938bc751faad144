//! Draws a laid-out scene with plotters on any backend: the browser canvas, or SVG natively.
//!
//! The scene is in CSS pixels. The drawing area may be in CSS pixels (a backend
//! that scales for devicePixelRatio itself) or in device pixels: the scale is
//! taken from the area's width against the scene's, so both come out sharp.
//!
//! The canvas draws through [`record`]: `draw` runs once into a [`RecordingBackend`], whose
//! [`DrawCommand`]s the canvas replays without being generic. SVG is plotters' own `SVGBackend`,
//! drawn into directly by [`render_svg`].

use plotters::backend::SVGBackend;
use plotters::coord::Shift;
use plotters::element::{Circle, PathElement, Rectangle, Text};
use plotters::prelude::{DrawingArea, DrawingAreaErrorKind, DrawingBackend, IntoDrawingArea};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, RGBAColor, ShapeStyle, TextStyle};

use crate::data::Status;
use crate::layout::{ANNOTATION_RING_OFFSET, Annotation, ColorRole, Mark, MarkShape, Rect, Scene, SceneShape, SceneText, StatusSymbol, TextAnchor};
// Re-exported where the canvas backend has always imported them from.
pub use crate::recording::{DrawCommand, RecordingBackend, TextLook};
use crate::theme::Theme;

pub use crate::theme::FONT_STACK;

/// The focus ring: thick enough for WCAG 2.4.11's 2 CSS pixels, set off the mark so it never hides it.
pub const FOCUS_RING_WIDTH: f64 = 3.0;
const FOCUS_RING_OFFSET: f64 = 1.5;
const SELECTED_OUTLINE_WIDTH: f64 = 2.0;
const SYMBOL_STROKE_WIDTH: f64 = 2.0;

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Draws the scene, with the emphasised party's column (`Scene::emphasise_party`), a focus ring
/// around `focused` and the `selected` mark highlighted.
///
/// Text sizes are handed to the backend in the area's pixels, as both our backends take them.
pub fn draw<DB: DrawingBackend>(
    scene: &Scene,
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    focused: Option<usize>,
    selected: Option<usize>,
) -> DrawResult<DB> {
    let painter = Painter::new(area, scene, theme, 1.0);
    area.fill(&theme.background)?;
    draw_layer(&painter, scene, selected, &|_| true)?;
    focus_ring(&painter, scene, focused)
}

/// Everything of the scene but the focus ring, with the marks `include` takes (by position), at the painter's opacity.
fn draw_layer<DB: DrawingBackend>(painter: &Painter<'_, DB>, scene: &Scene, selected: Option<usize>, include: &dyn Fn(usize) -> bool) -> DrawResult<DB> {
    let emphasis = scene.emphasis();
    // Under every shape: the category rows that cross the column keep their own band.
    if let Some(emphasis) = emphasis {
        painter.fill_rect(emphasis.band, ColorRole::EmphasisBand)?;
    }
    for shape in &scene.shapes {
        painter.shape(shape)?;
    }
    // After the shapes, so the tick from a raised header cannot notch it.
    if let Some(emphasis) = emphasis {
        painter.fill_rect(emphasis.underline, ColorRole::Text)?;
    }
    if let Some(mark) = selected.and_then(|position| scene.marks.get(position)) {
        painter.fill_rect(mark.rect, ColorRole::SelectedBand)?;
        painter.outline_rect(mark.rect.inflate(-SELECTED_OUTLINE_WIDTH / 2.0), ColorRole::Text, SELECTED_OUTLINE_WIDTH)?;
    }
    for (position, mark) in scene.marks.iter().enumerate() {
        if include(position) {
            painter.mark(mark)?;
        }
    }
    for text in &scene.texts {
        painter.text(text)?;
    }
    if let Some(annotation) = &scene.annotation {
        painter.annotation(scene, annotation)?;
    }
    Ok(())
}

/// One frame of the change from `from` to `to` at `progress` (0 to 1, eased by the caller), on an area of `size`
/// pixels: the marks both scenes have (the same fact, or the same party and tactic, drawn alike) move from their
/// old place to their new one; everything else of `from` fades out in the first half, and of `to` in in the second. The element draws a few of
/// these between two states of a story, then `to` itself.
pub fn record_transition(from: &Scene, to: &Scene, size: (u32, u32), theme: &Theme, progress: f64) -> Vec<DrawCommand> {
    let progress = if progress.is_finite() { progress.clamp(0.0, 1.0) } else { 1.0 };
    let mut commands = Vec::new();
    let area = RecordingBackend { size, commands: &mut commands }.into_drawing_area();
    // For each mark of `to`, the mark of `from` it moves from, if any.
    let moves: Vec<Option<usize>> = to.marks.iter().map(|mark| from.marks.iter().position(|old| same_mark(old, mark))).collect();
    // One after the other, never both at once: two sets of words over each other cannot be read.
    let leaving = Painter::new(&area, from, theme, (1.0 - 2.0 * progress).max(0.0));
    let arriving = Painter::new(&area, to, theme, (2.0 * progress - 1.0).max(0.0));
    let moving = Painter::new(&area, to, theme, 1.0);
    // As in `record`: a recording cannot fail.
    let _ = area.fill(&theme.background);
    let _ = draw_layer(&leaving, from, None, &|position| !moves.contains(&Some(position)));
    let _ = draw_layer(&arriving, to, None, &|position| moves[position].is_none());
    for (mark, old) in to.marks.iter().zip(&moves) {
        if let Some(old) = old.and_then(|old| from.marks.get(old)) {
            let _ = moving.mark(&between(old, mark, progress));
        }
    }
    drop(area);
    commands
}

/// Whether two marks of two scenes stand for the same thing, drawn the same way: a transition moves one to the other.
fn same_mark(old: &Mark, new: &Mark) -> bool {
    let same_shape = std::mem::discriminant(&old.shape) == std::mem::discriminant(&new.shape) && !matches!(new.shape, MarkShape::Fold { .. });
    let same_subject = match (old.fact, new.fact) {
        (Some(old_fact), Some(new_fact)) => old_fact == new_fact,
        _ => old.party == new.party && old.tactic == new.tactic && (new.party.is_some() || new.tactic.is_some()),
    };
    same_shape && same_subject && old.status == new.status
}

/// `new` drawn at `progress` of the way from where `old` is.
fn between(old: &Mark, new: &Mark, progress: f64) -> Mark {
    let step = |from: f64, to: f64| from + (to - from) * progress;
    let rect = |from: Rect, to: Rect| Rect::new(step(from.x, to.x), step(from.y, to.y), step(from.width, to.width), step(from.height, to.height));
    let mut mark = new.clone();
    mark.rect = rect(old.rect, new.rect);
    match (&old.shape, &mut mark.shape) {
        (MarkShape::Symbol(from), MarkShape::Symbol(to)) => to.center = (step(from.center.0, to.center.0), step(from.center.1, to.center.1)),
        (MarkShape::Bar { track: from_track, fill: from_fill, .. }, MarkShape::Bar { track, fill, .. }) => {
            *track = rect(*from_track, *track);
            *fill = rect(*from_fill, *fill);
        }
        _ => {}
    }
    mark
}

/// The ring around the focused mark, drawn over everything else: the browser keeps the rest of a drawing
/// and draws only this again when the focus moves ([`record_focus_ring`]).
fn focus_ring<DB: DrawingBackend>(painter: &Painter<'_, DB>, scene: &Scene, focused: Option<usize>) -> DrawResult<DB> {
    if let Some(mark) = focused.and_then(|position| scene.marks.get(position)) {
        let ring = mark.rect.inflate(FOCUS_RING_OFFSET + FOCUS_RING_WIDTH / 2.0);
        painter.outline_rect(ring, ColorRole::Focus, FOCUS_RING_WIDTH)?;
    }
    Ok(())
}

/// The focus ring alone, as commands to draw over what [`record`] recorded without it: the same pixels as a
/// recording with `focused`, without recording the whole scene again for each arrow key.
pub fn record_focus_ring(scene: &Scene, size: (u32, u32), theme: &Theme, focused: Option<usize>) -> Vec<DrawCommand> {
    let mut commands = Vec::new();
    let area = RecordingBackend { size, commands: &mut commands }.into_drawing_area();
    let painter = Painter::new(&area, scene, theme, 1.0);
    // As in `record`: a recording cannot fail.
    let _ = focus_ring(&painter, scene, focused);
    drop(area);
    commands
}

/// plotters' `SVGBackend` writes a text's `font-size` as the style's size divided by this,
/// where the canvas takes the size as CSS pixels.
const PLOTTERS_SVG_FONT_DIVISOR: f64 = 1.24;

/// The scene as a standalone SVG document, at its CSS size, with its summary as the title
/// (read by screen readers) and its language.
///
/// Drawn by plotters' `SVGBackend`, with three things it cannot do on its own:
/// - its escaping lets through the control characters XML forbids (a dataset's names may hold
///   them), which would make a viewer reject the whole document: they become U+FFFD;
/// - it divides font sizes by 1.24, which would draw text smaller than the layout measured
///   it and than the canvas shows it: the sizes are raised to make up for it;
/// - its root element has no language (which also picks the glyphs in SVG viewers), no
///   `role="img"` and no `<title>`, which screen readers read: they are added to it.
pub fn render_svg(scene: &Scene, theme: &Theme) -> String {
    let size = (scene.width.ceil().max(1.0) as u32, scene.height.ceil().max(1.0) as u32);
    let mut adapted = scene.clone();
    let annotation_lines = adapted.annotation.iter_mut().flat_map(|annotation| annotation.lines.iter_mut());
    for text in adapted.texts.iter_mut().chain(annotation_lines) {
        text.text = xml_characters(&text.text);
        // No size divides back to exactly 13: plotters writes 13.000000000000002, which viewers round.
        text.font_size *= PLOTTERS_SVG_FONT_DIVISOR;
    }
    // Replayed, not drawn into the SVG backend: `draw` is compiled once, for the recording.
    let commands = record(&adapted, size, theme, None, None);
    let mut plotted = String::new();
    {
        let mut backend = SVGBackend::with_string(&mut plotted, size);
        // Writing to a string cannot fail; were it to, what was written is the best answer there is.
        let _ = crate::recording::replay(&commands, &mut backend);
        let _ = backend.present();
    }
    // plotters opens with `<svg width=… height=… viewBox=… xmlns=…>`, numbers only: its first `>` ends it.
    let root_end = plotted.find('>').unwrap_or(plotted.len());
    let (root, rest) = plotted.split_at(root_end);
    let rest = rest.strip_prefix('>').unwrap_or(rest);
    let mut title = String::with_capacity(scene.summary.len());
    for character in xml_characters(&scene.summary).chars() {
        match character {
            '&' => title.push_str("&amp;"),
            '<' => title.push_str("&lt;"),
            '>' => title.push_str("&gt;"),
            other => title.push(other),
        }
    }
    format!("{root} xml:lang=\"{}\" role=\"img\">\n<title>{title}</title>{rest}", scene.lang.code())
}

/// `text` with the characters XML 1.0 allows nowhere, not even as references, replaced.
fn xml_characters(text: &str) -> String {
    text.chars()
        .map(|character| match character {
            '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => '\u{FFFD}',
            other => other,
        })
        .collect()
}

/// What [`draw`] draws on an area of `size` pixels, as commands in drawing order.
pub fn record(scene: &Scene, size: (u32, u32), theme: &Theme, focused: Option<usize>, selected: Option<usize>) -> Vec<DrawCommand> {
    let mut commands = Vec::new();
    let area = RecordingBackend { size, commands: &mut commands }.into_drawing_area();
    // The recording cannot fail, and plotters' own errors (a drawing area borrowed twice) cannot
    // happen here; were one to, what was recorded is the best answer there is.
    let _ = draw(scene, &area, theme, focused, selected);
    drop(area);
    commands
}

const RIGHT_TO_LEFT_EMBEDDING: char = '\u{202B}';
const POP_DIRECTIONAL_FORMATTING: char = '\u{202C}';

struct Painter<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    right_to_left: bool,
    theme: &'a Theme,
    scale: f64,
    /// 1 but while a transition fades a scene out or in.
    opacity: f64,
}

impl<'a, DB: DrawingBackend> Painter<'a, DB> {
    fn new(area: &'a DrawingArea<DB, Shift>, scene: &Scene, theme: &'a Theme, opacity: f64) -> Painter<'a, DB> {
        let (pixel_width, _) = area.dim_in_pixel();
        let scale = if scene.width > 0.0 && pixel_width > 0 { f64::from(pixel_width) / scene.width } else { 1.0 };
        Painter { area, right_to_left: scene.right_to_left, theme, scale, opacity }
    }

    fn point(&self, (x, y): (f64, f64)) -> (i32, i32) {
        ((x * self.scale).round() as i32, (y * self.scale).round() as i32)
    }

    fn stroke(&self, width: f64) -> u32 {
        (width * self.scale).round().max(1.0) as u32
    }

    fn color(&self, role: ColorRole) -> RGBAColor {
        self.theme.color(role).mix(self.opacity)
    }

    fn fill_rect(&self, rect: Rect, role: ColorRole) -> DrawResult<DB> {
        let corners = [self.point((rect.x, rect.y)), self.point((rect.right(), rect.bottom()))];
        self.area.draw(&Rectangle::new(corners, self.color(role).filled()))
    }

    /// Outlines as closed paths, which every backend strokes at the style's width.
    fn outline_rect(&self, rect: Rect, role: ColorRole, width: f64) -> DrawResult<DB> {
        let corners = vec![
            self.point((rect.x, rect.y)),
            self.point((rect.right(), rect.y)),
            self.point((rect.right(), rect.bottom())),
            self.point((rect.x, rect.bottom())),
            self.point((rect.x, rect.y)),
        ];
        let style = ShapeStyle::from(&self.color(role)).stroke_width(self.stroke(width));
        self.area.draw(&PathElement::new(corners, style))
    }

    fn line(&self, from: (f64, f64), to: (f64, f64), role: ColorRole, width: f64) -> DrawResult<DB> {
        let style = ShapeStyle::from(&self.color(role)).stroke_width(self.stroke(width));
        self.area.draw(&PathElement::new(vec![self.point(from), self.point(to)], style))
    }

    fn symbol(&self, symbol: &StatusSymbol) -> DrawResult<DB> {
        let color = self.color(symbol.role);
        let center = self.point(symbol.center);
        let radius = (symbol.radius * self.scale).round().max(1.0) as i32;
        let (x, y) = symbol.center;
        match symbol.status {
            Some(Status::Used) => self.area.draw(&Circle::new(center, radius, color.filled())),
            Some(Status::NotUsed | Status::NotYetUsed) => {
                let style = ShapeStyle::from(&color).stroke_width(self.stroke(SYMBOL_STROKE_WIDTH));
                self.area.draw(&Circle::new(center, radius, style))?;
                let arm = symbol.radius * 0.55;
                self.line((x - arm, y - arm), (x + arm, y + arm), symbol.role, SYMBOL_STROKE_WIDTH)?;
                self.line((x - arm, y + arm), (x + arm, y - arm), symbol.role, SYMBOL_STROKE_WIDTH)
            }
            None => {
                let arm = symbol.radius * 0.6;
                self.line((x - arm, y), (x + arm, y), symbol.role, SYMBOL_STROKE_WIDTH)
            }
        }
    }

    fn shape(&self, shape: &SceneShape) -> DrawResult<DB> {
        match shape {
            SceneShape::FilledRect { rect, role } => self.fill_rect(*rect, *role),
            SceneShape::Line { from, to, role, stroke_width } => self.line(*from, *to, *role, *stroke_width),
            SceneShape::Symbol(symbol) => self.symbol(symbol),
        }
    }

    fn mark(&self, mark: &Mark) -> DrawResult<DB> {
        match &mark.shape {
            MarkShape::Symbol(symbol) => self.symbol(symbol),
            MarkShape::Bar { track, fill, role } => {
                self.fill_rect(*track, ColorRole::Band)?;
                if fill.width > 0.0 {
                    self.fill_rect(*fill, *role)?;
                }
                self.outline_rect(*track, ColorRole::MutedText, 1.0)
            }
            MarkShape::Chip { role } => self.outline_rect(mark.rect.inflate(-1.0), *role, 2.0),
            MarkShape::Fold { .. } => Ok(()),
        }
    }

    /// The fact in focus: a ring around its mark, a line to the note, and the note on the background.
    fn annotation(&self, scene: &Scene, annotation: &Annotation) -> DrawResult<DB> {
        if let Some(mark) = scene.marks.get(annotation.mark) {
            self.outline_rect(mark.rect.inflate(ANNOTATION_RING_OFFSET), ColorRole::Text, SELECTED_OUTLINE_WIDTH)?;
        }
        let (from, to) = annotation.pointer;
        self.line(from, to, ColorRole::Text, 1.0)?;
        self.fill_rect(annotation.frame, ColorRole::Background)?;
        self.outline_rect(annotation.frame, ColorRole::Text, 1.0)?;
        for line in &annotation.lines {
            self.text(line)?;
        }
        Ok(())
    }

    fn text(&self, text: &SceneText) -> DrawResult<DB> {
        let weight = if text.bold { FontStyle::Bold } else { FontStyle::Normal };
        let size = text.font_size * self.scale;
        let color = self.color(text.role);
        let horizontal = match text.anchor {
            TextAnchor::Left => HPos::Left,
            TextAnchor::Center => HPos::Center,
            TextAnchor::Right => HPos::Right,
        };
        let style = TextStyle::from(FontDesc::new(FontFamily::Name(FONT_STACK), size, weight))
            .color(&color)
            .pos(Pos::new(horizontal, VPos::Center));
        // One `Text<String>` for both directions, so plotters' text code is compiled once.
        let mut line = String::with_capacity(text.text.len() + 6);
        if self.right_to_left {
            // An Arabic line is embedded right to left explicitly: SVG text and a
            // canvas in a left-to-right page would otherwise order "(67%)" or a
            // trailing "…" as if the line read from the left.
            line.push(RIGHT_TO_LEFT_EMBEDDING);
            line.push_str(&text.text);
            line.push(POP_DIRECTIONAL_FORMATTING);
        } else {
            line.push_str(&text.text);
        }
        self.area.draw(&Text::new(line, self.point((text.x, text.y)), style))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Dataset, Lang};
    use crate::layout::{EstimatedTextMeasure, View, ViewRequest, layout};
    use plotters::style::{RGBAColor, RGBColor};

    const HOSTILE_TEXTS: &[&str] = &[
        "</text><script>alert(1)</script>",
        "\"&'<>",
        "&amp; is not an entity here &lt;",
        "]]> <!-- --> <![CDATA[ x ]]>",
        "\u{202B}العدالة والتنمية (67%)…\u{202C}",
    ];

    /// The commands in words, to compare two recordings (plotters' colours have no `Debug`).
    fn described(commands: &[DrawCommand]) -> Vec<String> {
        let color = |color: &plotters_backend::BackendColor| format!("{:?}/{}", color.rgb, color.alpha);
        commands
            .iter()
            .map(|command| match command {
                DrawCommand::Rect { upper_left, bottom_right, color: fill_color, fill, stroke_width } => {
                    format!("rect {upper_left:?} {bottom_right:?} {} {fill} {stroke_width}", color(fill_color))
                }
                DrawCommand::Path { points, color: stroke_color, stroke_width } => format!("path {points:?} {} {stroke_width}", color(stroke_color)),
                DrawCommand::Circle { center, radius, color: fill_color, fill, stroke_width } => {
                    format!("circle {center:?} {radius} {} {fill} {stroke_width}", color(fill_color))
                }
                DrawCommand::Text { text, position, look } => format!("text {text} {position:?} {} {}", look.size, color(&look.color)),
            })
            .collect()
    }

    fn matrix_scene() -> Scene {
        let dataset = Dataset::built_in().unwrap();
        let request = ViewRequest { view: View::Matrix, lang: Lang::Ar, width: 390.0, ..Default::default() };
        layout(&dataset, &request, &EstimatedTextMeasure).unwrap()
    }

    #[test]
    fn the_focus_ring_drawn_over_a_kept_drawing_is_the_drawing_recorded_with_focus() {
        let scene = matrix_scene();
        let size = (scene.width as u32, scene.height as u32);
        let theme = Theme::for_scheme(false);
        for focused in [0, 7, scene.marks.len() - 1] {
            let whole = record(&scene, size, &theme, Some(focused), Some(3));
            let mut kept = record(&scene, size, &theme, None, Some(3));
            let ring = record_focus_ring(&scene, size, &theme, Some(focused));
            assert!(!ring.is_empty(), "a ring is drawn for mark {focused}");
            kept.extend(ring);
            assert_eq!(described(&kept), described(&whole), "mark {focused}");
        }
        assert!(record_focus_ring(&scene, size, &theme, None).is_empty());
    }

    #[test]
    fn a_band_of_the_drawing_keeps_every_command_that_reaches_it_and_leaves_the_others() {
        let scene = matrix_scene();
        let size = (scene.width as u32, scene.height as u32);
        let commands = record(&scene, size, &Theme::for_scheme(false), None, None);
        let band = scene.header_bands.first().copied().unwrap();
        let kept: Vec<&DrawCommand> = commands.iter().filter(|command| command.may_reach(band.top, band.bottom)).collect();
        assert!(kept.len() * 3 < commands.len(), "a band of a tall matrix needs a fraction of its commands: {} of {}", kept.len(), commands.len());
        // Every text anchored inside the band is kept, and the background that covers the whole canvas.
        for command in &commands {
            if let DrawCommand::Text { position, .. } = command
                && f64::from(position.1) >= band.top
                && f64::from(position.1) <= band.bottom
            {
                assert!(command.may_reach(band.top, band.bottom));
            }
        }
        assert!(matches!(kept.first(), Some(DrawCommand::Rect { upper_left: (0, 0), .. })), "the background comes first");
        let far_below = DrawCommand::Circle { center: (10, (band.bottom + 100.0) as i32), radius: 6, color: plotters_backend::BackendColor { alpha: 1.0, rgb: (0, 0, 0) }, fill: true, stroke_width: 1 };
        assert!(!far_below.may_reach(band.top, band.bottom));
    }

    /// One element as the checker read it: its name, its attributes and the text directly in it, unescaped.
    #[derive(Debug)]
    struct Element {
        name: String,
        attributes: Vec<(String, String)>,
        text: String,
    }

    /// A strict reader of the XML `render_svg` writes (elements, double-quoted attributes, text and
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
    /// `>` is allowed in XML text, but plotters and the title escape it, so here it is an error.
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
            let forbidden = matches!(character, '<' | '>' | '\u{FFFE}' | '\u{FFFF}')
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


    /// What plotters wrote in a `<text>`: it puts the text on a line of its own, which SVG's
    /// whitespace handling drops.
    fn content(element: &Element) -> &str {
        let text = element.text.strip_prefix('\n').unwrap_or(&element.text);
        text.strip_suffix('\n').unwrap_or(text)
    }

    fn scene(view: View, lang: Lang, width: f64) -> Scene {
        let dataset = Dataset::built_in().unwrap();
        let request = ViewRequest { view, lang, party: 0, versus: 1, width, ..Default::default() };
        layout(&dataset, &request, &EstimatedTextMeasure).unwrap()
    }

    fn hex(color: RGBColor) -> String {
        format!("#{:02X}{:02X}{:02X}", color.0, color.1, color.2)
    }

    #[test]
    fn a_transition_moves_the_marks_both_scenes_have_and_fades_the_rest() {
        let dataset = Dataset::built_in().unwrap();
        let request = ViewRequest { view: View::Matrix, lang: Lang::En, width: 640.0, ..Default::default() };
        let matrix = layout(&dataset, &request, &EstimatedTextMeasure).unwrap();
        let party = layout(&dataset, &ViewRequest { view: View::Party, ..request }, &EstimatedTextMeasure).unwrap();
        let size = (640, matrix.height.max(party.height).round() as u32);
        let theme = Theme::for_scheme(false);
        // A fact of the PJD's has a circle in both views: it starts where the matrix has it and ends where the party view has it.
        let symbol = |scene: &Scene, fact: usize| {
            scene.marks.iter().find_map(|mark| match &mark.shape {
                MarkShape::Symbol(symbol) if mark.fact == Some(fact) && symbol.status == Some(Status::Used) => Some(symbol.center),
                _ => None,
            })
        };
        let fact = (0..dataset.facts().len()).find(|&fact| symbol(&matrix, fact).is_some() && symbol(&party, fact).is_some()).expect("a fact in both views");
        let circle_at = |commands: &[DrawCommand], (x, y): (f64, f64)| {
            let wanted = format!("circle ({}, {})", x.round() as i32, y.round() as i32);
            described(commands).iter().any(|command| command.starts_with(&wanted) && command.ends_with("/1 true 1"))
        };
        let (start, end) = (symbol(&matrix, fact).unwrap(), symbol(&party, fact).unwrap());
        assert_ne!(start, end);
        assert!(circle_at(&record_transition(&matrix, &party, size, &theme, 0.0), start));
        assert!(circle_at(&record_transition(&matrix, &party, size, &theme, 1.0), end));
        let midway = record_transition(&matrix, &party, size, &theme, 0.5);
        assert!(circle_at(&midway, ((start.0 + end.0) / 2.0, (start.1 + end.1) / 2.0)), "halfway, the circle is halfway");
        // What only one of the two has fades: the matrix's words out in the first half, the party view's title in
        // in the second; halfway, neither's words are drawn over the other's.
        let title = |commands: &[DrawCommand], alpha: &str| described(commands).iter().any(|command| command.starts_with("text Justice and Development Party") && command.ends_with(alpha));
        assert!(!title(&midway, ""), "halfway, the new title is not drawn yet");
        assert!(described(&midway).iter().all(|command| !command.starts_with("text ")), "halfway, no words at all: only the moving marks");
        let three_quarters = record_transition(&matrix, &party, size, &theme, 0.75);
        assert!(title(&three_quarters, "/0.5") && !title(&three_quarters, "/1"), "three quarters of the way, the title is half faded in");
        let quarter = record_transition(&matrix, &party, size, &theme, 0.25);
        assert!(described(&quarter).iter().any(|command| command.starts_with("text PJD") && command.ends_with("/0.5")), "a quarter of the way, the matrix's names are half faded out");
    }

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
    fn hostile_texts_and_title_come_out_as_text_in_a_well_formed_document() {
        for &hostile in HOSTILE_TEXTS {
            let mut scene = scene(View::Compare, Lang::En, 320.0);
            for text in &mut scene.texts {
                text.text = hostile.to_owned();
            }
            scene.summary = hostile.to_owned();
            let document = render_svg(&scene, &Theme::light());
            let elements = read_xml(&document).unwrap_or_else(|error| panic!("{error}\n{document}"));
            assert_eq!(elements[0].name, "svg");
            assert_eq!(attribute(&elements[0], "xml:lang"), Some("en"));
            assert_eq!(attribute(&elements[0], "role"), Some("img"));
            assert_eq!((elements[1].name.as_str(), elements[1].text.as_str()), ("title", hostile));
            let texts: Vec<&Element> = elements.iter().filter(|element| element.name == "text").collect();
            assert_eq!(texts.len(), scene.texts.len());
            for text in texts {
                assert_eq!(content(text), hostile);
                assert_eq!(attribute(text, "font-family"), Some(FONT_STACK));
            }
            assert!(!document.contains("<script"), "{document}");
        }
    }

    #[test]
    fn characters_xml_forbids_become_replacement_characters() {
        let mut scene = scene(View::Party, Lang::En, 320.0);
        scene.summary = "nul\u{0} bell\u{7} esc\u{1b} \u{FFFF}".to_owned();
        scene.texts[0].text = scene.summary.clone();
        scene.texts[1].text = "tab\tand\nline".to_owned();
        let elements = read_xml(&render_svg(&scene, &Theme::light())).unwrap();
        let replaced = "nul\u{FFFD} bell\u{FFFD} esc\u{FFFD} \u{FFFD}";
        assert_eq!(elements[1].text, replaced);
        let texts: Vec<&Element> = elements.iter().filter(|element| element.name == "text").collect();
        assert_eq!(content(texts[0]), replaced);
        assert_eq!(content(texts[1]), "tab\tand\nline");
    }

    #[test]
    fn text_is_written_at_the_size_the_layout_measured_it_on_the_theme_background() {
        for view in View::ALL {
            let scene = scene(view, Lang::Fr, 640.0);
            let elements = read_xml(&render_svg(&scene, &Theme::dark())).unwrap();
            // Under everything else, the whole document.
            let background = &elements[2];
            assert_eq!(background.name, "rect");
            for (name, value) in [("x", "0"), ("y", "0"), ("width", "640"), ("fill", hex(Theme::dark().background).as_str())] {
                assert_eq!(attribute(background, name), Some(value), "{view:?} {name}");
            }
            assert_eq!(attribute(background, "height"), Some(scene.height.ceil().to_string().as_str()));
            let texts = elements.iter().filter(|element| element.name == "text");
            for (element, scene_text) in texts.zip(&scene.texts) {
                let written: f64 = attribute(element, "font-size").unwrap().parse().unwrap();
                assert!((written - scene_text.font_size).abs() < 1e-9, "{view:?}: {written} for {}", scene_text.font_size);
            }
        }
    }

    #[test]
    fn right_to_left_text_keeps_its_embedding_marks_and_anchors_stay_absolute() {
        let scene = scene(View::Matrix, Lang::Ar, 640.0);
        let elements = read_xml(&render_svg(&scene, &Theme::light())).unwrap();
        assert_eq!(attribute(&elements[0], "xml:lang"), Some("ar"));
        let texts: Vec<&Element> = elements.iter().filter(|element| element.name == "text").collect();
        assert_eq!(texts.len(), scene.texts.len());
        for (element, scene_text) in texts.iter().zip(&scene.texts) {
            // The marks `chart` adds, and the text between them as laid out.
            assert_eq!(content(element), format!("\u{202B}{}\u{202C}", scene_text.text));
            let expected_anchor = match scene_text.anchor {
                TextAnchor::Left => "start",
                TextAnchor::Center => "middle",
                TextAnchor::Right => "end",
            };
            // No `direction` anywhere: `start` is the left, as `textAlign = "left"` on the canvas.
            assert_eq!(attribute(element, "text-anchor"), Some(expected_anchor));
            assert_eq!(attribute(element, "direction"), None);
            assert_eq!(attribute(element, "x"), Some(((scene_text.x).round() as i32).to_string().as_str()));
        }
        assert_eq!(attribute(&elements[0], "direction"), None);
        // Right-anchored labels sit in the right half, where an Arabic reader starts.
        let right_anchored: Vec<&&Element> = texts.iter().filter(|element| attribute(element, "text-anchor") == Some("end")).collect();
        assert!(!right_anchored.is_empty());
        assert!(right_anchored.iter().any(|element| attribute(element, "x").unwrap().parse::<i32>().unwrap() > 600));
    }

    #[test]
    fn every_view_in_every_language_and_theme_is_well_formed_with_hostile_texts_too() {
        for view in View::ALL {
            for lang in Lang::ALL {
                for dark in [false, true] {
                    let mut scene = scene(view, lang, 320.0);
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

    /// The canvas replays a recording; replayed into plotters' SVG backend, it must write what
    /// drawing into that backend directly writes, so the recording loses nothing on the way.
    #[test]
    fn a_replayed_recording_writes_what_drawing_directly_writes() {
        for view in View::ALL {
            for lang in Lang::ALL {
                let scene = scene(view, lang, 500.5);
                let theme = Theme::for_scheme(lang == Lang::Fr);
                let size = (scene.width.ceil() as u32, scene.height.ceil() as u32);
                let mut direct = String::new();
                {
                    let area = SVGBackend::with_string(&mut direct, size).into_drawing_area();
                    draw(&scene, &area, &theme, Some(1), Some(2)).unwrap();
                    area.present().unwrap();
                }
                let mut replayed = String::new();
                {
                    let mut backend = SVGBackend::with_string(&mut replayed, size);
                    for command in record(&scene, size, &theme, Some(1), Some(2)) {
                        let shape = |color: plotters_backend::BackendColor, filled, stroke_width| ShapeStyle {
                            color: RGBAColor(color.rgb.0, color.rgb.1, color.rgb.2, color.alpha),
                            filled,
                            stroke_width,
                        };
                        match command {
                            DrawCommand::Rect { upper_left, bottom_right, color, fill, stroke_width } => {
                                backend.draw_rect(upper_left, bottom_right, &shape(color, fill, stroke_width), fill).unwrap();
                            }
                            DrawCommand::Path { points, color, stroke_width } => {
                                backend.draw_path(points, &shape(color, false, stroke_width)).unwrap();
                            }
                            DrawCommand::Circle { center, radius, color, fill, stroke_width } => {
                                backend.draw_circle(center, radius, &shape(color, fill, stroke_width), fill).unwrap();
                            }
                            DrawCommand::Text { text, position, look } => {
                                let (red, green, blue) = look.color.rgb;
                                let color = RGBAColor(red, green, blue, look.color.alpha);
                                let style = TextStyle::from(FontDesc::new(FontFamily::Name(&look.family), look.size, look.style))
                                    .color(&color)
                                    .pos(Pos::new(look.horizontal, look.vertical));
                                backend.draw_text(&text, &style, position).unwrap();
                            }
                        }
                    }
                    backend.present().unwrap();
                }
                assert_eq!(replayed, direct, "{view:?} {lang:?}");
            }
        }
    }

    #[test]
    fn the_focus_ring_and_selection_draw_through_plotters_svg_backend() {
        let scene = scene(View::Party, Lang::En, 640.0);
        let mut document = String::new();
        {
            let area = SVGBackend::with_string(&mut document, (640, 10)).into_drawing_area();
            draw(&scene, &area, &Theme::light(), Some(0), Some(0)).unwrap();
            area.present().unwrap();
        }
        let elements = read_xml(&document).unwrap();
        let focus = hex(Theme::light().color(ColorRole::Focus));
        assert!(elements.iter().any(|element| attribute(element, "stroke") == Some(focus.as_str())
            && attribute(element, "stroke-width") == Some("3")));
    }
}
