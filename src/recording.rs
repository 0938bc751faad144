//! A plotters backend that records drawing calls, so the canvas can replay one drawing without being generic.
//!
//! Drawn into each backend directly, `chart::draw` and plotters' element code are compiled once
//! per backend into the wasm; the canvas replays what `chart::record` recorded instead.

use std::convert::Infallible;

use plotters::prelude::DrawingBackend;
use plotters::style::FontStyle;
use plotters::style::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};

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

/// What the canvas needs from plotters' generic text style.
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

