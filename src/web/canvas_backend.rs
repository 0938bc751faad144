//! Replays `chart`'s recorded drawing onto a 2D canvas, sharp at any devicePixelRatio and right-to-left safe.
//!
//! Why not plotters-canvas: it draws into the backing store at CSS size (blurry
//! on phones) and maps text anchors to `textAlign` "start"/"end", which swap
//! sides under `dir="rtl"`. Here the backing store is CSS size × devicePixelRatio,
//! coordinates stay in CSS pixels through a transform, and anchors are absolute.
//!
//! Not a plotters `DrawingBackend` itself: `chart::record` runs plotters once into a recording,
//! which the canvas and the SVG writer replay, so the wasm holds one copy of the drawing code.

use crate::recording::{DrawCommand, TextLook};
use plotters_backend::{
    BackendColor, BackendCoord, FontStyle,
    text_anchor::{HPos, VPos},
};
use std::borrow::Cow;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

#[wasm_bindgen]
extern "C" {
    /// The 2D context seen through its `direction` property, which the web-sys features in use
    /// have no setter for. A setter taking the string, instead of `Reflect.set` with two
    /// `JsValue`s made for each text.
    type DirectedContext;

    #[wasm_bindgen(method, setter = direction, catch)]
    fn set_direction(this: &DirectedContext, direction: &str) -> Result<(), JsValue>;

    /// JavaScript's own `String(value)`, e.g. `TypeError: …` for what a canvas call threw: `{:?}` on the
    /// `JsValue` would write `JsValue(TypeError: … <stack>)`.
    #[wasm_bindgen(js_name = String)]
    fn javascript_string(value: &JsValue) -> String;
}

/// What a canvas call that threw said, e.g. `canvas: …`; the host shows it in the element's alert.
pub type CanvasError = String;

fn canvas_error(value: JsValue) -> CanvasError {
    let mut message = String::from("canvas: ");
    message.push_str(&javascript_string(&value));
    message
}

pub struct CanvasBackend<'a> {
    context: &'a CanvasRenderingContext2d,
    state: RefCell<ContextState>,
}

/// What the context was last given, so that a property is set only when it changes: a chart has hundreds of
/// texts in a few looks, and setting `font` makes the canvas parse its CSS string each time (a view switch on a
/// slow phone spent much of its draw there). Sizing the canvas resets the context, and this with it.
#[derive(Default)]
struct ContextState {
    /// Weight, size (its bits) and family.
    font: Option<(&'static str, u64, Cow<'static, str>)>,
    fill: Option<ColorKey>,
    stroke: Option<(ColorKey, u32)>,
    align: Option<&'static str>,
    baseline: Option<&'static str>,
    right_to_left: Option<bool>,
}

/// A colour as a comparable value: its channels and its alpha's bits.
type ColorKey = ((u8, u8, u8), u64);

fn color_key(color: BackendColor) -> ColorKey {
    (color.rgb, color.alpha.to_bits())
}

impl CanvasBackend<'_> {
    /// Sizes the backing store for the pixel ratio and scales the context so the
    /// recorded drawing keeps working in CSS pixels.
    pub fn new<'a>(
        canvas: &HtmlCanvasElement,
        context: &'a CanvasRenderingContext2d,
        (css_width, css_height): (u32, u32),
        device_pixel_ratio: f64,
        top: f64,
    ) -> Result<CanvasBackend<'a>, CanvasError> {
        let ratio = if device_pixel_ratio.is_finite() && device_pixel_ratio > 0.0 { device_pixel_ratio.min(4.0) } else { 1.0 };
        let backing_width = (f64::from(css_width) * ratio).round() as u32;
        let backing_height = (f64::from(css_height) * ratio).round() as u32;
        if canvas.width() == backing_width && canvas.height() >= backing_height {
            // The same width and no taller: cleared, rather than sized again, which would make the canvas allocate
            // its backing store anew (16 ms of a view switch at 4x CPU, since the views differ in height). The
            // store stays as tall as the tallest drawing at this width; the element's stylesheet shows its top
            // (`object-fit: cover; object-position: top`, at the CSS height the caller sets).
            context.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0).map_err(canvas_error)?;
            context.clear_rect(0.0, 0.0, f64::from(backing_width), f64::from(canvas.height()));
        } else {
            canvas.set_width(backing_width);
            canvas.set_height(backing_height);
        }
        // `top`: the scene's line drawn at the canvas's top edge, for a canvas that shows a band of it.
        context.set_transform(ratio, 0.0, 0.0, ratio, 0.0, -top * ratio).map_err(canvas_error)?;
        Ok(CanvasBackend { context, state: RefCell::default() })
    }

    /// Draws one recorded command; the caller stops at the first canvas call that throws.
    pub fn draw(&self, command: &DrawCommand) -> Result<(), CanvasError> {
        match command {
            DrawCommand::Rect { upper_left, bottom_right, color, fill, stroke_width } => {
                self.rect(*upper_left, *bottom_right, *color, *fill, *stroke_width);
            }
            DrawCommand::Path { points, color, stroke_width } => {
                self.set_stroke(*color, *stroke_width);
                self.trace(points, (*stroke_width).max(1));
                self.context.stroke();
            }
            DrawCommand::Circle { center, radius, color, fill, stroke_width } => {
                self.circle(*center, *radius, *color, *fill, *stroke_width)?;
            }
            DrawCommand::Text { text, position, look } => self.text(text, *position, look)?,
        }
        Ok(())
    }

    fn set_stroke(&self, color: BackendColor, stroke_width: u32) {
        let wanted = Some((color_key(color), stroke_width.max(1)));
        let mut state = self.state.borrow_mut();
        if state.stroke != wanted {
            self.context.set_stroke_style_str(&css_color(color));
            self.context.set_line_width(f64::from(stroke_width.max(1)));
            state.stroke = wanted;
        }
    }

    fn set_fill(&self, color: BackendColor) {
        let wanted = Some(color_key(color));
        let mut state = self.state.borrow_mut();
        if state.fill != wanted {
            self.context.set_fill_style_str(&css_color(color));
            state.fill = wanted;
        }
    }

    /// Starts a path through the points, shifted for crisp strokes of this width.
    fn trace(&self, points: &[BackendCoord], stroke_width: u32) {
        self.context.begin_path();
        for (position, point) in points.iter().enumerate() {
            let (x, y) = (crisp(point.0, stroke_width), crisp(point.1, stroke_width));
            if position == 0 {
                self.context.move_to(x, y);
            } else {
                self.context.line_to(x, y);
            }
        }
    }

    fn rect(&self, upper_left: BackendCoord, bottom_right: BackendCoord, color: BackendColor, fill: bool, stroke_width: u32) {
        let width = f64::from(bottom_right.0 - upper_left.0);
        let height = f64::from(bottom_right.1 - upper_left.1);
        if fill {
            self.set_fill(color);
            self.context.fill_rect(f64::from(upper_left.0), f64::from(upper_left.1), width, height);
        } else {
            self.set_stroke(color, stroke_width);
            let stroke = stroke_width.max(1);
            self.context.stroke_rect(crisp(upper_left.0, stroke), crisp(upper_left.1, stroke), width, height);
        }
    }

    fn circle(&self, center: BackendCoord, radius: u32, color: BackendColor, fill: bool, stroke_width: u32) -> Result<(), CanvasError> {
        self.context.begin_path();
        self.context
            .arc(f64::from(center.0), f64::from(center.1), f64::from(radius), 0.0, std::f64::consts::TAU)
            .map_err(canvas_error)?;
        if fill {
            self.set_fill(color);
            self.context.fill();
        } else {
            self.set_stroke(color, stroke_width);
            self.context.stroke();
        }
        Ok(())
    }

    fn text(&self, text: &str, position: BackendCoord, look: &TextLook) -> Result<(), CanvasError> {
        let weight = match look.style {
            FontStyle::Bold => "bold ",
            FontStyle::Italic => "italic ",
            FontStyle::Oblique => "oblique ",
            FontStyle::Normal => "",
        };
        self.set_fill(look.color);
        // Absolute alignment: "left" stays left on a right-to-left page, where "start" would not.
        let align = match look.horizontal {
            HPos::Left => "left",
            HPos::Center => "center",
            HPos::Right => "right",
        };
        let baseline = match look.vertical {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        let right_to_left = starts_right_to_left(text);
        let mut state = self.state.borrow_mut();
        let font_changed = match &state.font {
            Some((last_weight, last_size, last_family)) => {
                *last_weight != weight || *last_size != look.size.to_bits() || *last_family != look.family
            }
            None => true,
        };
        if font_changed {
            self.context.set_font(&css_font(weight, look.size, &look.family));
            state.font = Some((weight, look.size.to_bits(), look.family.clone()));
        }
        if state.align != Some(align) {
            self.context.set_text_align(align);
            state.align = Some(align);
        }
        if state.baseline != Some(baseline) {
            self.context.set_text_baseline(baseline);
            state.baseline = Some(baseline);
        }
        if state.right_to_left != Some(right_to_left) {
            let direction = if right_to_left { "rtl" } else { "ltr" };
            self.context.unchecked_ref::<DirectedContext>().set_direction(direction).map_err(canvas_error)?;
            state.right_to_left = Some(right_to_left);
        }
        drop(state);
        self.context.fill_text(text, f64::from(position.0), f64::from(position.1)).map_err(canvas_error)?;
        Ok(())
    }
}

/// The canvas `font` shorthand, e.g. `bold 13px system-ui, …`. A size that is not finite gives a
/// shorthand the canvas rejects, keeping its previous font.
pub(crate) fn css_font(weight: &str, size_px: f64, family: &str) -> String {
    format!("{weight}{}px {family}", rounded(size_px, 6))
}

/// `rgba(…)` with an alpha to 4 decimals: the canvas keeps 8 bits of it, so nothing is lost.
pub(crate) fn css_color(color: BackendColor) -> String {
    let (red, green, blue) = color.rgb;
    format!("rgba({red},{green},{blue},{})", rounded(color.alpha, 4))
}

/// Rounded to `decimals` places; adding zero turns a negative zero into zero.
fn rounded(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale + 0.0
}

/// Odd-width strokes sit between device pixels unless moved by half a pixel.
fn crisp(coordinate: i32, stroke_width: u32) -> f64 {
    f64::from(coordinate) + if stroke_width % 2 == 1 { 0.5 } else { 0.0 }
}

/// Whether a label starts with a right-to-left letter, so the canvas orders
/// mixed Arabic and Latin text (e.g. "حزب PJD") the way the reader reads it.
fn starts_right_to_left(text: &str) -> bool {
    text.chars()
        .find(|character| character.is_alphabetic())
        .is_some_and(|character| matches!(character as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF))
}
