//! The only module that touches the browser: one opaque `Explainer` handle per element, small copyable results.
//!
//! Long-lived state (dataset, scene, focus) stays here in Rust; JavaScript gets
//! strings, numbers and small plain objects, converted by serde-wasm-bindgen. Every export
//! returns `Result<_, JsError>` so a bad attribute or dataset becomes an error event,
//! never a trap that would take the other instances on the page down with it.

mod canvas_backend;
mod texts;


use crate::chart;
use crate::data::{Dataset, DatasetErrors, Lang, quoted};
use crate::documents;
use crate::export;
use crate::i18n;
use crate::recording::DrawCommand;
use crate::layout::{self, CategorySet, NavigationKey, Scene, TextMeasure, View, ViewRequest};
use crate::theme::Theme;
use canvas_backend::{CanvasBackend, css_font};
use serde::Serialize;
use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicUsize, Ordering};

use wasm_bindgen::prelude::*;
use web_sys::CanvasRenderingContext2d;

/// A panic, which would be a bug, prints its message and location in the console; the element
/// still shows its alert and fires `explainer:error`.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// A plain JavaScript value (objects, not `Map`s; `null` for `None`), as `JSON.stringify` writes it.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|problem| error(&problem.to_string()))
}

/// The largest dataset the loader accepts, so the host can refuse a larger response
/// before reading it whole and copying it into wasm memory.
#[wasm_bindgen]
pub fn max_dataset_bytes() -> usize {
    crate::data::MAX_DOCUMENT_BYTES
}

/// Label widths already measured, by weight, size (hundredths of a pixel) and text, kept across layouts: a view
/// or language switch measures mostly the labels of the last layout again, and each measurement costs the
/// canvas a font parse and a text shaping (a view switch on a slow phone spent most of its layout there).
/// Sorted by key, searched by halves: a sorted list costs the wasm less than a map, and a few hundred labels
/// are found as fast.
#[derive(Default)]
struct TextWidths(Vec<((bool, u32, String), f64)>);

/// Past this many labels the memory is started afresh: a dataset's labels in three languages stay far below.
const MAX_REMEMBERED_WIDTHS: usize = 8192;

/// Measures label widths with the browser's own fonts, so the layout wraps
/// Arabic names where they really overflow, not where an estimate guesses.
struct CanvasTextMeasure<'a> {
    context: &'a CanvasRenderingContext2d,
    remembered: &'a RefCell<TextWidths>,
    /// The weight and size of the font this measure last gave the context: set again only when it changes,
    /// as setting it makes the canvas parse the CSS font string. Drawing sets fonts too, hence per layout.
    font_set: Cell<Option<(bool, u32)>>,
}

impl<'a> CanvasTextMeasure<'a> {
    fn new(context: &'a CanvasRenderingContext2d, remembered: &'a RefCell<TextWidths>) -> CanvasTextMeasure<'a> {
        CanvasTextMeasure { context, remembered, font_set: Cell::new(None) }
    }

    fn width_in(&self, bold: bool, text: &str, font_size_px: f64) -> f64 {
        let size = (font_size_px * 100.0).round() as u32;
        // Compared as borrowed text: a label found costs no copy of it, only one measured now is kept.
        let found = self.remembered.borrow().0.binary_search_by(|((weight, points, label), _)| (*weight, *points, label.as_str()).cmp(&(bold, size, text)));
        let place = match found {
            Ok(position) => return self.remembered.borrow().0.get(position).map_or(0.0, |(_, width)| *width),
            Err(place) => place,
        };
        if self.font_set.get() != Some((bold, size)) {
            self.context.set_font(&css_font(if bold { "bold " } else { "" }, font_size_px, chart::FONT_STACK));
            self.font_set.set(Some((bold, size)));
        }
        let width = self.context.measure_text(text).map(|metrics| metrics.width()).unwrap_or(text.chars().count() as f64 * font_size_px * 0.6);
        let mut remembered = self.remembered.borrow_mut();
        if remembered.0.len() >= MAX_REMEMBERED_WIDTHS {
            remembered.0.clear();
            remembered.0.push(((bold, size, text.to_owned()), width));
        } else {
            remembered.0.insert(place, ((bold, size, text.to_owned()), width));
        }
        width
    }
}

impl TextMeasure for CanvasTextMeasure<'_> {
    fn text_width(&self, text: &str, font_size_px: f64) -> f64 {
        self.width_in(false, text, font_size_px)
    }

    /// The bold glyphs themselves, in the font string the canvas backend draws bold text with.
    fn bold_text_width(&self, text: &str, font_size_px: f64) -> f64 {
        self.width_in(true, text, font_size_px)
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct WidgetState {
    view: View,
    lang: Lang,
    party: usize,
    versus: usize,
    dark: bool,
    folded: CategorySet,
    /// The fact in focus (the `fact` attribute, set by a story's step or the host), by position in the dataset.
    fact: Option<usize>,
}

/// The width a hidden element (no width of its own) lays out at, e.g. for a download asked of it: a small
/// phone's, where the layout's `MIN_WIDTH` (280) is the narrowest it can draw, not a width a reader has.
const HIDDEN_ELEMENT_WIDTH: f64 = 320.0;

/// How many handles exist: the element frees its handle when it leaves the page, and the tests
/// check that none is left behind.
static LIVE_HANDLES: AtomicUsize = AtomicUsize::new(0);

/// The handles alive in this wasm instance (shared by every element of the page).
#[wasm_bindgen]
pub fn live_handles() -> usize {
    LIVE_HANDLES.load(Ordering::Relaxed)
}

/// The element's state in Rust. It holds no DOM object: the element owns its canvas and hands the
/// context to `render`, so a removed element and its handle can be collected, and `free()` releases it.
#[wasm_bindgen]
pub struct Explainer {
    dataset: Dataset,
    state: WidgetState,
    css_width: f64,
    device_pixel_ratio: f64,
    scene: Option<Scene>,
    focused: Option<usize>,
    selected: Option<usize>,
    /// The built-in dataset's texts of the French and English files the host has handed over
    /// (`add_texts`), kept for when a custom dataset gives way to the built-in one.
    built_in_texts: Vec<(Lang, JsValue)>,
    /// A newsroom's own dataset (`use_dataset`), which has every language's texts in it.
    custom_dataset: bool,
    /// What the last `render` drew but the focus ring, and for which theme, selection, emphasis and size: a focus
    /// move draws it again with the new ring over it, without recording the scene again; the header bands'
    /// canvases replay their part of it.
    last_drawing: Vec<DrawCommand>,
    last_drawing_key: Option<DrawingKey>,
    text_widths: RefCell<TextWidths>,
    /// The scene shown when a transition began (`begin_transition`): its frames go from it to the current state.
    transition_from: Option<Scene>,
}

fn error(message: &str) -> JsError {
    JsError::new(message)
}

/// The size in whole CSS pixels of a drawing `width` by `height`, at least one each way (a canvas of zero is no canvas).
fn drawing_size(width: f64, height: f64) -> (u32, u32) {
    (width.round().max(1.0) as u32, height.round().max(1.0) as u32)
}

/// Draws recorded commands on the canvas of `context`, sized `size` CSS pixels, with the scene's line `top`
/// at its top edge.
/// What a kept drawing was drawn with, besides its scene (a new scene forgets the drawing).
#[derive(Clone, Copy, PartialEq)]
struct DrawingKey {
    dark: bool,
    selected: Option<usize>,
    emphasised_party: Option<usize>,
    size: (u32, u32),
}

/// Draws recorded commands on the canvas of `context`, sized `size` CSS pixels, with the scene's line `top`
/// at its top edge, in order (an overlay after what it goes over); the first canvas call that throws stops it.
fn replay_on<'c>(
    context: &CanvasRenderingContext2d,
    commands: &mut dyn Iterator<Item = &'c DrawCommand>,
    size: (u32, u32),
    device_pixel_ratio: f64,
    top: f64,
) -> Result<(), JsError> {
    let canvas = context.canvas().ok_or_else(|| error("this canvas context has no canvas"))?;
    let backend = CanvasBackend::new(&canvas, context, size, device_pixel_ratio, top).map_err(|message| error(&message))?;
    for command in commands {
        // The words plotters put before a backend's error when the canvas was drawn through it.
        backend.draw(command).map_err(|message| error(&format!("backend error: Drawing backend error: {message}")))?;
    }
    Ok(())
}

fn dataset_error(errors: DatasetErrors) -> JsError {
    error(&errors.describe())
}

/// `{unknown} "value", expected one of {known}`: a rejected attribute value, and what is accepted.
fn rejected(unknown: &str, value: &str, known: &str) -> JsError {
    JsError::new(&format!("{unknown} {}, expected one of {known}", quoted(value)))
}

#[wasm_bindgen]
impl Explainer {
    /// Starts on the built-in dataset, in Arabic, in the contract's default state; the element applies
    /// its attributes next, and a custom dataset arrives through `use_dataset`.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Explainer, JsError> {
        let dataset = texts::built_in_dataset(&[]).map_err(dataset_error)?;
        let versus = dataset.default_versus();
        LIVE_HANDLES.fetch_add(1, Ordering::Relaxed);
        Ok(Explainer {
            dataset,
            state: WidgetState { view: View::Matrix, lang: Lang::Ar, party: 0, versus, dark: false, folded: CategorySet::default(), fact: None },
            css_width: 640.0,
            device_pixel_ratio: 1.0,
            scene: None,
            focused: None,
            selected: None,
            built_in_texts: Vec::new(),
            custom_dataset: false,
            last_drawing: Vec::new(),
            last_drawing_key: None,
            text_widths: RefCell::default(),
            transition_from: None,
        })
    }

    /// Hands over the texts file of `lang` (`fr` or `en`, see `crate::texts`), as `JSON.parse` read it:
    /// the widget's words and the built-in dataset's texts in that language, which the host fetches from
    /// beside the wasm before it sets the language. The wasm carries only the Arabic.
    pub fn add_texts(&mut self, lang: &str, file: JsValue) -> Result<(), JsError> {
        let lang = Lang::from_tag(lang).ok_or_else(|| rejected("texts: unsupported language", lang, "fr, en"))?;
        if lang == Lang::Ar || self.has_texts(lang) {
            return Ok(());
        }
        let unreadable = |problem: &str| error(&format!("lang: the texts in {} could not be read: {problem}", lang.code()));
        let (words, dataset_texts) = texts::read_file(&file).map_err(|problem| unreadable(&problem))?;
        self.built_in_texts.push((lang, dataset_texts));
        if !self.custom_dataset {
            match self.built_in_dataset() {
                // The scene stays: only texts of a language not shown yet changed (`set_lang` refuses a
                // language before its texts), so hover, focus and the SVG export go on working.
                Ok(dataset) => self.dataset = dataset,
                Err(problem) => {
                    self.built_in_texts.pop();
                    return Err(unreadable(&problem.describe()));
                }
            }
        }
        // Shared by every element of the page, as the wasm instance is.
        i18n::add_ui_texts(lang, words);
        Ok(())
    }

    /// Replaces the dataset only if the new one is valid; the message names the path and value at fault.
    /// The dataset is a JavaScript value: what `JSON.parse` made of a fetched file, or an object the
    /// host page built. `null` goes back to the built-in dataset, on its first two parties; a custom
    /// dataset keeps the chosen parties where it has them.
    pub fn use_dataset(&mut self, data: JsValue) -> Result<(), JsError> {
        if data.is_null() || data.is_undefined() {
            // The reader's language has its texts file (`set_lang` saw to it), so the built-in
            // dataset has that language's texts too.
            self.dataset = self.built_in_dataset().map_err(dataset_error)?;
            self.custom_dataset = false;
            self.state.party = 0;
            self.state.versus = self.dataset.default_versus();
            // Category positions are the dataset's: the host applies `folded` again.
            self.state.folded = CategorySet::default();
            self.state.fact = None;
            self.forget_scene();
            return Ok(());
        }
        let dataset = texts::dataset_from_value(data).map_err(dataset_error)?;
        // Looked up in the new dataset before it replaces the old one, so no id is copied.
        let party = self.party_id(self.state.party).and_then(|id| dataset.party_index(id)).unwrap_or(0);
        let versus =
            self.party_id(self.state.versus).and_then(|id| dataset.party_index(id)).unwrap_or_else(|| dataset.default_versus());
        self.dataset = dataset;
        self.custom_dataset = true;
        self.state.party = party;
        self.state.versus = versus;
        self.state.folded = CategorySet::default();
        self.state.fact = None;
        self.forget_scene();
        Ok(())
    }

    /// Applies one of the element's attributes `view`, `lang`, `party`, `versus` or `folded` (category ids
    /// the matrix shows folded, separated by spaces or commas); a rejected value keeps the state and names
    /// what is accepted. No value (a removed attribute) is the contract's default: the matrix, Arabic, the
    /// first party, the second party as `versus`, and no category folded.
    pub fn set(&mut self, attribute: &str, value: Option<String>) -> Result<(), JsError> {
        let default_versus = self.dataset.default_versus();
        match (attribute, value.as_deref()) {
            ("view", Some(view)) => self.set_view(view),
            ("view", None) => self.show_view(View::Matrix),
            ("lang", Some(lang)) => self.set_lang(lang),
            ("lang", None) => self.set_lang(Lang::Ar.code()),
            ("party", Some(id)) => self.set_party(id),
            ("party", None) => self.show_party(0),
            ("versus", Some(id)) => self.set_versus(id),
            ("versus", None) => self.show_versus(default_versus),
            ("folded", folded) => self.set_folded(folded.unwrap_or_default()),
            ("fact", fact) => self.set_fact(fact.unwrap_or_default()),
            _ => Err(rejected("attribute: unknown attribute", attribute, "view, lang, party, versus, folded, fact")),
        }
    }



    pub fn set_dark(&mut self, dark: bool) {
        self.state.dark = dark;
    }

    /// Lays the view out if anything changed, draws it, and returns its height in CSS pixels.
    /// `css_width` is the element's width and `device_pixel_ratio` the screen's, read by the host
    /// before each draw. The focus ring is drawn only while the canvas has keyboard focus
    /// (`show_focus`), as a focus outline would be, but the focused mark is remembered across blur.
    /// The bands that name the columns are drawn next by `render_header_band`.
    pub fn render(
        &mut self,
        context: &CanvasRenderingContext2d,
        css_width: f64,
        device_pixel_ratio: f64,
        show_focus: bool,
    ) -> Result<f64, JsError> {
        self.resize(css_width, device_pixel_ratio);
        self.lay_out(context)?;
        let Some(scene) = &self.scene else { return Err(error("nothing to draw")) };
        let size = drawing_size(scene.width, scene.height);
        let theme = Theme::for_scheme(self.state.dark);
        let key = DrawingKey { dark: self.state.dark, selected: self.selected, emphasised_party: scene.emphasised_party, size };
        if self.last_drawing_key != Some(key) {
            // The old drawing is freed before the new one is recorded: a wasm memory never shrinks, and the two at
            // once raised its high-water mark by a recording (2.7 MB for the largest dataset the schema allows).
            self.last_drawing = Vec::new();
            self.last_drawing = chart::record(scene, size, &theme, None, self.selected);
            self.last_drawing_key = Some(key);
        }
        let ring = chart::record_focus_ring(scene, size, &theme, if show_focus { self.focused } else { None });
        replay_on(context, &mut self.last_drawing.iter().chain(&ring), size, self.device_pixel_ratio, 0.0)?;
        Ok(scene.height)
    }

    /// Keeps the scene shown now as the start of a transition, before the attributes of a story's step change it.
    pub fn begin_transition(&mut self) {
        self.transition_from = self.scene.clone();
    }

    pub fn end_transition(&mut self) {
        self.transition_from = None;
    }

    /// Draws one frame between the scene kept by `begin_transition` and the current state's, `progress` of the way
    /// (0 to 1, eased by the host), and returns its height in CSS pixels (the taller scene's). Without a kept
    /// scene of the same width (none was shown, or the width changed), it draws the current state.
    pub fn render_transition(
        &mut self,
        context: &CanvasRenderingContext2d,
        css_width: f64,
        device_pixel_ratio: f64,
        progress: f64,
    ) -> Result<f64, JsError> {
        self.resize(css_width, device_pixel_ratio);
        self.lay_out(context)?;
        let Some(scene) = &self.scene else { return Err(error("nothing to draw")) };
        let from = self.transition_from.as_ref().filter(|from| from.width == scene.width).unwrap_or(scene);
        let height = from.height.max(scene.height);
        let size = drawing_size(scene.width, height);
        let frame = chart::record_transition(from, scene, size, &Theme::for_scheme(self.state.dark), progress);
        replay_on(context, &mut frame.iter(), size, self.device_pixel_ratio, 0.0)?;
        Ok(height)
    }

    /// The bands that name the columns, as `[top, bottom, top, bottom, …]` in CSS pixels of the last draw,
    /// one per block of columns; empty in views without columns.
    pub fn header_bands(&self) -> Vec<f64> {
        let bands = self.scene.as_ref().map(|scene| scene.header_bands.as_slice()).unwrap_or_default();
        bands.iter().flat_map(|band| [band.top, band.bottom]).collect()
    }

    /// Draws the last drawing's band `band` (see `header_bands`) into a canvas of its own, which the element
    /// keeps at the top of the screen over a chart taller than it.
    pub fn render_header_band(&self, context: &CanvasRenderingContext2d, band: usize) -> Result<(), JsError> {
        let scene = self.scene.as_ref().ok_or_else(|| error("nothing drawn yet"))?;
        let band = scene.header_bands.get(band).ok_or_else(|| error("no such header band"))?;
        let size = drawing_size(scene.width, band.bottom - band.top);
        // Only what reaches the band: a band is a sliver of a tall chart, and replaying the whole of it for each
        // band cost as much as the chart's own draw.
        let mut reaching = self.last_drawing.iter().filter(|command| command.may_reach(band.top, band.bottom));
        replay_on(context, &mut reaching, size, self.device_pixel_ratio, band.top)
    }

    /// The mark under a point in CSS pixels relative to the canvas, if any; `reach` gives a
    /// fingertip slack around small marks (the host passes 22 for touch, 0 for a mouse).
    pub fn mark_at(&self, x: f64, y: f64, reach: f64) -> Option<u32> {
        self.scene.as_ref().and_then(|scene| scene.mark_near(x, y, reach)).map(|mark| mark as u32)
    }

    /// Moves keyboard focus by an arrow, Home or End key name, and returns the focused mark; any
    /// other key is refused.
    pub fn move_focus(&mut self, key: &str) -> Result<Option<u32>, JsError> {
        let key = match key {
            "ArrowLeft" => NavigationKey::Left,
            "ArrowRight" => NavigationKey::Right,
            "ArrowUp" => NavigationKey::Up,
            "ArrowDown" => NavigationKey::Down,
            "Home" => NavigationKey::Home,
            "End" => NavigationKey::End,
            _ => return Err(rejected("focus: unknown key", key, "ArrowLeft, ArrowRight, ArrowUp, ArrowDown, Home, End")),
        };
        if let Some(scene) = &self.scene {
            self.focused = scene.next_mark(self.focused, key).or(self.focused);
        }
        Ok(self.focused_mark())
    }

    /// The mark with keyboard focus, if any.
    pub fn focused_mark(&self) -> Option<u32> {
        self.focused.map(|mark| mark as u32)
    }

    /// Sets focus, or clears it; the host redraws to show the ring.
    pub fn set_focus(&mut self, mark: Option<u32>) {
        self.focused = self.valid_mark(mark);
    }

    pub fn set_selected(&mut self, mark: Option<u32>) {
        self.selected = self.valid_mark(mark);
    }

    /// Everything the host shows about a mark (tooltip, card, announcement); `null` when none.
    pub fn mark(&self, mark: u32) -> Result<JsValue, JsError> {
        to_js(&self.valid_mark(Some(mark)).and_then(|index| documents::mark(&self.dataset, self.scene.as_ref()?, index, self.state.lang)))
    }

    /// The marks that stand for a fact, for selecting from a sentence of the article.
    pub fn marks_of_fact(&self, fact_id: &str) -> Vec<u32> {
        let Some(scene) = &self.scene else { return Vec::new() };
        scene
            .marks
            .iter()
            .enumerate()
            .filter(|(_, mark)| mark.fact.is_some_and(|fact| documents::fact_id(&self.dataset, fact).as_deref() == Some(fact_id)))
            .map(|(position, _)| position as u32)
            .collect()
    }

    /// One of the documents the host reads: `state`, `parties`, `views`, `languages` and `downloads` (the
    /// element's buttons and menus, with their names), `direction` (`rtl` or `ltr`, a string), `table`, `ui`,
    /// `summary` (a string) or
    /// `texts` (the languages the handle can show: Arabic, built in, and those whose texts file was
    /// added); `null` for any other name, and for `table` before the first draw.
    pub fn document(&self, name: &str) -> Result<JsValue, JsError> {
        let lang = self.state.lang;
        match name {
            "state" => to_js(&documents::State {
                view: self.state.view.as_str(),
                lang: lang.code(),
                party: self.party_id(self.state.party),
                versus: self.party_id(self.state.versus),
                fact: self.state.fact.and_then(|fact| documents::fact_id(&self.dataset, fact)),
            }),
            "parties" => to_js(&documents::parties(&self.dataset, lang)),
            "views" => to_js(&documents::views(lang)),
            "languages" => to_js(&documents::languages()),
            "direction" => Ok(JsValue::from_str(if lang.is_right_to_left() { "rtl" } else { "ltr" })),
            "downloads" => to_js(&documents::downloads(lang)),
            "table" => to_js(&self.scene.as_ref().map(|scene| &scene.table)),
            "ui" => to_js(&documents::ui_words(lang)),
            "summary" => Ok(JsValue::from_str(self.scene.as_ref().map_or("", |scene| scene.summary.as_str()))),
            "texts" => to_js(&Lang::ALL.into_iter().filter(|lang| self.has_texts(*lang)).map(Lang::code).collect::<Vec<_>>()),
            _ => Ok(JsValue::NULL),
        }
    }

    /// A download: `csv` (every fact, UTF-8 with a byte order mark, in the current language, a string),
    /// `json` (the whole dataset, quotes included, as a value for `JSON.stringify`) or `svg` (the current
    /// view, drawn by the same code as the canvas, a string).
    pub fn export(&self, format: &str) -> Result<JsValue, JsError> {
        match format {
            "csv" => Ok(JsValue::from_str(&export::facts_csv(&self.dataset, self.state.lang))),
            // The whole dataset is every language's texts: the host adds the missing ones first.
            "json" if self.custom_dataset || Lang::ALL.into_iter().all(|lang| self.has_texts(lang)) => to_js(self.dataset.raw()),
            "json" => Err(error("export: the built-in dataset's French and English texts are not loaded")),
            "svg" => {
                let scene = self.scene.as_ref().ok_or_else(|| error("nothing drawn yet"))?;
                Ok(JsValue::from_str(&chart::render_svg(scene, &Theme::for_scheme(self.state.dark))))
            }
            _ => Err(rejected("export: unknown format", format, "csv, json, svg")),
        }
    }
}

impl Drop for Explainer {
    fn drop(&mut self) {
        LIVE_HANDLES.fetch_sub(1, Ordering::Relaxed);
    }
}

impl Explainer {
    /// Lays the current state out if nothing is laid out (a change forgot the last scene).
    fn lay_out(&mut self, context: &CanvasRenderingContext2d) -> Result<(), JsError> {
        if self.scene.is_none() {
            let request = ViewRequest {
                view: self.state.view,
                lang: self.state.lang,
                party: self.state.party,
                versus: self.state.versus,
                width: self.css_width,
                folded: self.state.folded,
                fact: self.state.fact,
            };
            let measure = CanvasTextMeasure::new(context, &self.text_widths);
            let scene = layout::layout(&self.dataset, &request, &measure).map_err(|problem| error(&problem.describe()))?;
            self.scene = Some(scene);
        }
        Ok(())
    }

    /// Whether the widget's words, and the built-in dataset's texts, are there in `lang`. A custom
    /// dataset has its own texts in every language, but the widget's words still come from the file.
    fn has_texts(&self, lang: Lang) -> bool {
        lang == Lang::Ar || self.built_in_texts.iter().any(|(loaded, _)| *loaded == lang)
    }

    fn built_in_dataset(&self) -> Result<Dataset, DatasetErrors> {
        let texts: Vec<&JsValue> = self.built_in_texts.iter().map(|(_, texts)| texts).collect();
        texts::built_in_dataset(&texts)
    }

    fn set_view(&mut self, view: &str) -> Result<(), JsError> {
        #[cfg(feature = "panic-for-tests")]
        if view == "panic-for-tests" {
            panic!("a panic asked for by the tests");
        }
        let parsed = View::parse(view).ok_or_else(|| {
            let known: Vec<&str> = View::ALL.iter().map(|view| view.as_str()).collect();
            rejected("view: unknown view", view, &known.join(", "))
        })?;
        self.show_view(parsed)
    }

    fn show_view(&mut self, view: View) -> Result<(), JsError> {
        if view != self.state.view {
            self.state.view = view;
            self.forget_scene();
        }
        Ok(())
    }

    fn set_folded(&mut self, ids: &str) -> Result<(), JsError> {
        let mut folded = CategorySet::default();
        for id in ids.split([' ', ',']).filter(|id| !id.is_empty()) {
            let category = self.dataset.categories().iter().position(|category| category.id == id).ok_or_else(|| {
                let known: Vec<&str> = self.dataset.categories().iter().map(|category| category.id.as_str()).collect();
                rejected("folded: unknown category", id, &known.join(", "))
            })?;
            if !folded.contains(category) {
                folded = folded.toggled(category);
            }
        }
        if folded != self.state.folded {
            self.state.folded = folded;
            if self.state.view == View::Matrix {
                self.forget_scene();
            }
        }
        Ok(())
    }

    /// A fact id of the dataset, or none (an empty value) for no fact in focus.
    fn set_fact(&mut self, id: &str) -> Result<(), JsError> {
        let id = id.trim();
        let fact = if id.is_empty() {
            None
        } else {
            let found = (0..self.dataset.facts().len()).find(|&position| documents::fact_id(&self.dataset, position).as_deref() == Some(id));
            Some(found.ok_or_else(|| rejected("fact: unknown fact", id, "the ids of the dataset's facts"))?)
        };
        if fact != self.state.fact {
            self.state.fact = fact;
            self.forget_scene();
        }
        Ok(())
    }

    fn set_lang(&mut self, lang: &str) -> Result<(), JsError> {
        let parsed =
            Lang::from_tag(lang).ok_or_else(|| error(&format!("lang: unsupported language {}, expected ar, fr or en", quoted(lang))))?;
        if !self.has_texts(parsed) {
            return Err(error(&format!("lang: the texts in {} are not loaded yet", parsed.code())));
        }
        if parsed != self.state.lang {
            self.state.lang = parsed;
            self.forget_scene();
        }
        Ok(())
    }

    fn set_party(&mut self, id: &str) -> Result<(), JsError> {
        let party = self.party_position("party: unknown party", id)?;
        self.show_party(party)
    }

    fn show_party(&mut self, party: usize) -> Result<(), JsError> {
        if party != self.state.party {
            self.state.party = party;
            // Views that do not lay the pair out keep their scene: no layout, no lost focus.
            // The matrix only moves its emphasis band, which every party's column has ready.
            if matches!(self.state.view, View::Party | View::Compare) {
                self.forget_scene();
            } else if let Some(scene) = &mut self.scene {
                scene.emphasise_party(party);
            }
        }
        Ok(())
    }

    fn set_versus(&mut self, id: &str) -> Result<(), JsError> {
        let versus = self.party_position("versus: unknown party", id)?;
        self.show_versus(versus)
    }

    fn show_versus(&mut self, versus: usize) -> Result<(), JsError> {
        if versus != self.state.versus {
            self.state.versus = versus;
            if self.state.view == View::Compare {
                self.forget_scene();
            }
        }
        Ok(())
    }

    /// A width that is not a positive number (a hidden element) lays out at `HIDDEN_ELEMENT_WIDTH`.
    fn resize(&mut self, css_width: f64, device_pixel_ratio: f64) {
        let width = if css_width.is_finite() && css_width > 0.0 { css_width } else { HIDDEN_ELEMENT_WIDTH };
        if (width - self.css_width).abs() >= 0.5 {
            self.css_width = width;
            self.forget_scene();
        }
        self.device_pixel_ratio = if device_pixel_ratio.is_finite() && device_pixel_ratio > 0.0 { device_pixel_ratio } else { 1.0 };
    }

    fn forget_scene(&mut self) {
        self.scene = None;
        self.last_drawing_key = None;
        self.focused = None;
        self.selected = None;
    }

    fn party_position(&self, unknown: &str, id: &str) -> Result<usize, JsError> {
        self.dataset.party_index(id).ok_or_else(|| {
            let known: Vec<&str> = self.dataset.parties().iter().map(|party| party.id.as_str()).collect();
            rejected(unknown, id, &known.join(", "))
        })
    }

    /// The id of the party at `position`, if there is one.
    fn party_id(&self, position: usize) -> Option<&str> {
        self.dataset.parties().get(position).map(|party| party.id.as_str())
    }

    fn valid_mark(&self, mark: Option<u32>) -> Option<usize> {
        let count = self.scene.as_ref().map_or(0, |scene| scene.marks.len());
        mark.map(|mark| mark as usize).filter(|&mark| mark < count)
    }
}
