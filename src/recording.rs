//! A plotters backend that records drawing calls, so one drawing is replayed on the canvas and on plotters' SVG backend.
//!
//! Drawn into each backend directly, `chart::draw` and plotters' element code are compiled once
//! per backend into the wasm; the canvas and the SVG writer replay what `chart::record` recorded instead.

use std::borrow::Cow;
use std::convert::Infallible;

use crate::theme::FONT_STACK;

use plotters::prelude::DrawingBackend;
use plotters::style::FontStyle;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontFamily};

/// One call [`crate::chart::draw`] made on its backend, its style taken out of plotters' generic types.
/// Invisible ones (alpha 0) are not recorded: a canvas would draw nothing for them.
#[derive(Clone)]
pub enum DrawCommand {
    /// Corners as plotters passes them; `stroke_width` is the style's, which the canvas raises to 1.
    Rect { upper_left: BackendCoord, bottom_right: BackendCoord, color: BackendColor, fill: bool, stroke_width: u32 },
    /// An open polyline, stroked.
    Path { points: Vec<BackendCoord>, color: BackendColor, stroke_width: u32 },
    Circle { center: BackendCoord, radius: u32, color: BackendColor, fill: bool, stroke_width: u32 },
    Text { text: String, position: BackendCoord, look: TextLook },
}

impl DrawCommand {
    /// Whether anything the command draws can fall between the lines `top` and `bottom`: a band of the
    /// drawing (the sticky column names) replays only those, not the whole chart. Generous by a stroke and
    /// by a text's size above and below its anchor, so nothing at the edge is left out.
    pub fn may_reach(&self, top: f64, bottom: f64) -> bool {
        let (from, to) = match self {
            DrawCommand::Rect { upper_left, bottom_right, stroke_width, .. } => {
                let margin = f64::from(*stroke_width);
                (f64::from(upper_left.1.min(bottom_right.1)) - margin, f64::from(upper_left.1.max(bottom_right.1)) + margin)
            }
            DrawCommand::Path { points, stroke_width, .. } => {
                let margin = f64::from(*stroke_width);
                let lowest = points.iter().map(|point| point.1).min().unwrap_or(0);
                let highest = points.iter().map(|point| point.1).max().unwrap_or(0);
                (f64::from(lowest) - margin, f64::from(highest) + margin)
            }
            DrawCommand::Circle { center, radius, stroke_width, .. } => {
                let reach = f64::from(*radius) + f64::from(*stroke_width);
                (f64::from(center.1) - reach, f64::from(center.1) + reach)
            }
            DrawCommand::Text { position, look, .. } => (f64::from(position.1) - look.size * 1.5, f64::from(position.1) + look.size * 1.5),
        };
        to >= top && from <= bottom
    }
}

/// What the canvas needs from plotters' generic text style.
#[derive(Clone)]
pub struct TextLook {
    /// Borrowed when it is the charts' own font stack (every text of ours): a recording of a chart holds
    /// hundreds of texts, which each copied its 130 bytes.
    pub family: Cow<'static, str>,
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
            family: match style.family().as_str() {
                FONT_STACK => Cow::Borrowed(FONT_STACK),
                other => Cow::Owned(other.to_owned()),
            },
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

    /// A filled one-pixel rectangle, as plotters' own backends draw a pixel.
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


/// Draws recorded commands on any plotters backend, in the order `chart::draw` made them.
pub fn replay<B: DrawingBackend>(commands: &[DrawCommand], backend: &mut B) -> Result<(), DrawingErrorKind<B::ErrorType>> {
    for command in commands {
        match command {
            DrawCommand::Rect { upper_left, bottom_right, color, fill, stroke_width } => {
                backend.draw_rect(*upper_left, *bottom_right, &Stroke { color: *color, width: *stroke_width }, *fill)?;
            }
            DrawCommand::Path { points, color, stroke_width } => {
                backend.draw_path(points.iter().copied(), &Stroke { color: *color, width: *stroke_width })?;
            }
            DrawCommand::Circle { center, radius, color, fill, stroke_width } => {
                backend.draw_circle(*center, *radius, &Stroke { color: *color, width: *stroke_width }, *fill)?;
            }
            DrawCommand::Text { text, position, look } => backend.draw_text(text, look, *position)?,
        }
    }
    Ok(())
}

/// A recorded shape's colour and stroke, as a backend takes them.
struct Stroke {
    color: BackendColor,
    width: u32,
}

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        self.color
    }
    fn stroke_width(&self) -> u32 {
        self.width
    }
}

/// A recorded text style, as a backend that writes text as text (SVG) takes it. Such a backend never
/// asks for glyph outlines, so there are none to give: `layout_box` and `draw` are empty.
impl BackendTextStyle for TextLook {
    type FontError = Infallible;

    fn color(&self) -> BackendColor {
        self.color
    }
    fn size(&self) -> f64 {
        self.size
    }
    fn style(&self) -> FontStyle {
        self.style
    }
    fn anchor(&self) -> Pos {
        Pos::new(self.horizontal, self.vertical)
    }
    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(&self.family)
    }
    fn layout_box(&self, _text: &str) -> Result<((i32, i32), (i32, i32)), Infallible> {
        Ok(((0, 0), (0, 0)))
    }
    fn draw<E, DrawFunc: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _text: &str,
        _position: BackendCoord,
        _draw: DrawFunc,
    ) -> Result<Result<(), E>, Infallible> {
        Ok(Ok(()))
    }
}
