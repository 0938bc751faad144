//! Draws a laid-out scene with plotters on any backend: the browser canvas, or SVG natively.
//!
//! The scene is in CSS pixels. The drawing area may be in CSS pixels (a backend
//! that scales for devicePixelRatio itself) or in device pixels: the scale is
//! taken from the area's width against the scene's, so both come out sharp.
//!
//! The widget draws through [`record`]: `draw` runs once into a [`RecordingBackend`], and the
//! canvas and SVG writers replay its [`DrawCommand`]s without being generic. Drawn into each
//! backend directly, `draw` and plotters' element code were compiled twice into the wasm,
//! once per backend (issue #7).

use std::convert::Infallible;

use plotters::coord::Shift;
use plotters::element::{Circle, PathElement, Rectangle, Text};
use plotters::prelude::{DrawingArea, DrawingAreaErrorKind, DrawingBackend, IntoDrawingArea};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, RGBColor, ShapeStyle, TextStyle};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};

use crate::data::Status;
use crate::layout::{ColorRole, Mark, MarkShape, Rect, Scene, SceneShape, SceneText, StatusSymbol, TextAnchor};
use crate::svg_backend::SvgBackend;
use crate::theme::Theme;

/// System fonts first, then fonts with Arabic glyphs, so no font is downloaded
/// and Arabic never falls back to boxes.
pub const FONT_STACK: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', 'Noto Naskh Arabic', Tahoma, Arial, sans-serif";

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
    let (pixel_width, _) = area.dim_in_pixel();
    let scale = if scene.width > 0.0 && pixel_width > 0 { f64::from(pixel_width) / scene.width } else { 1.0 };
    let painter = Painter { area, right_to_left: scene.right_to_left, theme, scale };
    area.fill(&theme.background)?;
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
    for mark in &scene.marks {
        painter.mark(mark)?;
    }
    for text in &scene.texts {
        painter.text(text)?;
    }
    if let Some(mark) = focused.and_then(|position| scene.marks.get(position)) {
        let ring = mark.rect.inflate(FOCUS_RING_OFFSET + FOCUS_RING_WIDTH / 2.0);
        painter.outline_rect(ring, ColorRole::Focus, FOCUS_RING_WIDTH)?;
    }
    Ok(())
}

/// The scene as a standalone SVG document, at its CSS size, with its summary as the title
/// (read by screen readers) and its language.
pub fn render_svg(scene: &Scene, theme: &Theme) -> String {
    let size = (scene.width.ceil().max(1.0) as u32, scene.height.ceil().max(1.0) as u32);
    let commands = record(scene, size, theme, None, None);
    let mut document = String::new();
    let mut backend = SvgBackend::new(&mut document, size, scene.lang.code(), &scene.summary);
    backend.replay(&commands);
    backend.close();
    document
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

/// One call `draw` made on its backend, its style taken out of plotters' generic types.
/// Invisible ones (alpha 0) are not recorded: both writers skip them.
#[derive(Clone)]
pub enum DrawCommand {
    /// Corners as plotters passes them; `stroke_width` is the style's, which a writer raises to 1.
    Rect { upper_left: BackendCoord, bottom_right: BackendCoord, color: BackendColor, fill: bool, stroke_width: u32 },
    /// An open polyline, stroked.
    Path { points: Vec<BackendCoord>, color: BackendColor, stroke_width: u32 },
    Circle { center: BackendCoord, radius: u32, color: BackendColor, fill: bool, stroke_width: u32 },
    Text { text: String, position: BackendCoord, look: TextLook },
}

/// What a writer needs from plotters' generic text style.
#[derive(Clone)]
pub struct TextLook {
    pub family: String,
    pub size: f64,
    pub style: FontStyle,
    pub color: BackendColor,
    pub horizontal: HPos,
    pub vertical: VPos,
}

impl TextLook {
    pub fn of<T: BackendTextStyle>(style: &T) -> TextLook {
        let anchor = style.anchor();
        TextLook {
            family: style.family().as_str().to_owned(),
            size: style.size(),
            style: style.style(),
            color: style.color(),
            horizontal: anchor.h_pos,
            vertical: anchor.v_pos,
        }
    }
}

/// A plotters backend that keeps the calls instead of drawing them. It borrows the list because
/// plotters' drawing area owns its backend until it is dropped. Only what `draw` uses is
/// implemented; plotters' generic defaults for the rest (lines and polygons made of pixels) are
/// never instantiated.
pub struct RecordingBackend<'a> {
    pub size: (u32, u32),
    pub commands: &'a mut Vec<DrawCommand>,
}

impl RecordingBackend<'_> {
    fn push(&mut self, color: BackendColor, command: DrawCommand) {
        if color.alpha != 0.0 {
            self.commands.push(command);
        }
    }
}

impl DrawingBackend for RecordingBackend<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    /// A filled one-pixel rectangle, which is what both writers drew for a pixel.
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<Infallible>> {
        let bottom_right = (point.0.saturating_add(1), point.1.saturating_add(1));
        self.push(color, DrawCommand::Rect { upper_left: point, bottom_right, color, fill: true, stroke_width: 0 });
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
        self.push(color, DrawCommand::Rect { upper_left, bottom_right, color, fill, stroke_width: style.stroke_width() });
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        self.push(color, DrawCommand::Path { points: path.into_iter().collect(), color, stroke_width: style.stroke_width() });
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
        self.push(color, DrawCommand::Circle { center, radius, color, fill, stroke_width: style.stroke_width() });
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        position: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let look = TextLook::of(style);
        self.push(look.color, DrawCommand::Text { text: text.to_owned(), position, look });
        Ok(())
    }
}

const RIGHT_TO_LEFT_EMBEDDING: char = '\u{202B}';
const POP_DIRECTIONAL_FORMATTING: char = '\u{202C}';

struct Painter<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    right_to_left: bool,
    theme: &'a Theme,
    scale: f64,
}

impl<DB: DrawingBackend> Painter<'_, DB> {
    fn point(&self, (x, y): (f64, f64)) -> (i32, i32) {
        ((x * self.scale).round() as i32, (y * self.scale).round() as i32)
    }

    fn stroke(&self, width: f64) -> u32 {
        (width * self.scale).round().max(1.0) as u32
    }

    fn color(&self, role: ColorRole) -> RGBColor {
        self.theme.color(role)
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
            Some(Status::NotUsed) => {
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
            SceneShape::OutlinedRect { rect, role, stroke_width } => self.outline_rect(*rect, *role, *stroke_width),
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
        }
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
