//! The only module that touches the browser: one opaque `Explainer` handle per element, small copyable results.
//!
//! Long-lived state (dataset, scene, focus) stays here in Rust; JavaScript gets
//! strings, numbers and small JSON documents. Every export returns
//! `Result<_, JsError>` so a bad attribute or dataset becomes an error event,
//! never a trap that would take the other instances on the page down with it.

mod canvas_backend;

use crate::chart;
use crate::data::{Dataset, DatasetErrors, Lang, quoted};
use crate::export;
use crate::i18n::{self, UiText};
use crate::json::parse::parse;
use crate::json::write::{JsonWriter, push_unsigned};
use crate::texts;
use crate::layout::{self, NavigationKey, Scene, TextMeasure, View, ViewRequest};
use crate::theme::Theme;
use canvas_backend::{CanvasBackend, css_font};
use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

#[cfg(feature = "panic-message")]
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The largest dataset the loader accepts, so the host can refuse a larger response
/// before reading it whole and copying it into wasm memory.
#[wasm_bindgen]
pub fn max_dataset_bytes() -> usize {
    crate::data::MAX_DOCUMENT_BYTES
}

/// Measures label widths with the browser's own fonts, so the layout wraps
/// Arabic names where they really overflow, not where an estimate guesses.
struct CanvasTextMeasure<'a> {
    context: &'a CanvasRenderingContext2d,
}

impl CanvasTextMeasure<'_> {
    fn width_in(&self, font: &str, text: &str, font_size_px: f64) -> f64 {
        self.context.set_font(font);
        self.context.measure_text(text).map(|metrics| metrics.width()).unwrap_or(text.chars().count() as f64 * font_size_px * 0.6)
    }
}

impl TextMeasure for CanvasTextMeasure<'_> {
    fn text_width(&self, text: &str, font_size_px: f64) -> f64 {
        self.width_in(&css_font("", font_size_px, chart::FONT_STACK), text, font_size_px)
    }

    /// The bold glyphs themselves, in the font string the canvas backend draws bold text with.
    fn bold_text_width(&self, text: &str, font_size_px: f64) -> f64 {
        self.width_in(&css_font("bold ", font_size_px, chart::FONT_STACK), text, font_size_px)
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct WidgetState {
    view: View,
    lang: Lang,
    party: usize,
    versus: usize,
    dark: bool,
}

#[wasm_bindgen]
pub struct Explainer {
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    dataset: Dataset,
    state: WidgetState,
    css_width: f64,
    device_pixel_ratio: f64,
    scene: Option<Scene>,
    focused: Option<usize>,
    selected: Option<usize>,
    /// The French and English texts files the host has handed over (`add_texts`): the widget's words,
    /// and the built-in dataset's texts, kept for when a custom dataset gives way to the built-in one.
    built_in_texts: Vec<(Lang, String)>,
    /// A newsroom's own dataset (`use_dataset`), which has every language's texts in it.
    custom_dataset: bool,
}

/// Takes the text, not something `Display`: `to_string` would keep core's formatting machinery in the
/// wasm for nothing (issue #7). Dataset and layout errors have `describe()` for this.
fn error(message: &str) -> JsError {
    JsError::new(message)
}

fn dataset_error(errors: DatasetErrors) -> JsError {
    error(&errors.describe())
}

/// `{unknown} "value", expected one of {known}`: a rejected attribute value, and what is accepted.
fn rejected(unknown: &str, value: &str, known: &str) -> JsError {
    let mut message = String::from(unknown);
    message.push(' ');
    message.push_str(&quoted(value));
    message.push_str(", expected one of ");
    message.push_str(known);
    JsError::new(&message)
}

/// Appends `item` to a list separated by commas. A loop of these rather than an iterator of
/// names: a `dyn Iterator` made the wasm keep the panic hook, never called here, because
/// wasm-opt keeps every indirectly callable function whose signature some indirect call has.
fn push_listed(list: &mut String, item: &str) {
    if !list.is_empty() {
        list.push_str(", ");
    }
    list.push_str(item);
}

#[wasm_bindgen]
impl Explainer {
    /// Starts on the built-in dataset; a custom one arrives later through `use_dataset`.
    #[wasm_bindgen(constructor)]
    pub fn new(canvas: HtmlCanvasElement) -> Result<Explainer, JsError> {
        let no_canvas = || error("this browser cannot draw on a canvas");
        let context = canvas
            .get_context("2d")
            .map_err(|_| no_canvas())?
            .ok_or_else(no_canvas)?
            .dyn_into::<CanvasRenderingContext2d>()
            .map_err(|_| no_canvas())?;
        let dataset = Dataset::built_in_with_texts(Vec::new()).map_err(dataset_error)?;
        let versus = dataset.default_versus();
        Ok(Explainer {
            canvas,
            context,
            dataset,
            state: WidgetState { view: View::Matrix, lang: Lang::Ar, party: 0, versus, dark: false },
            css_width: 640.0,
            device_pixel_ratio: 1.0,
            scene: None,
            focused: None,
            selected: None,
            built_in_texts: Vec::new(),
            custom_dataset: false,
        })
    }

    /// Hands over the texts file of `lang` (`fr` or `en`, see `crate::texts`): the widget's words and the
    /// built-in dataset's texts in that language, which the host fetches from beside the wasm before it
    /// sets the language. The wasm carries only the Arabic (issue #7).
    pub fn add_texts(&mut self, lang: &str, file: String) -> Result<(), JsError> {
        let lang = Lang::from_tag(lang).ok_or_else(|| rejected("texts: unsupported language", lang, "fr, en"))?;
        if lang == Lang::Ar || self.built_in_texts.iter().any(|(loaded, _)| *loaded == lang) {
            return Ok(());
        }
        let unreadable = |problem: &str| {
            let mut message = String::from("lang: the texts in ");
            message.push_str(lang.code());
            message.push_str(" could not be read: ");
            message.push_str(problem);
            error(&message)
        };
        let words = parse(&file).map_err(|problem| problem.describe()).and_then(|tree| texts::read_ui_texts(&tree));
        let words = words.map_err(|problem| unreadable(&problem))?;
        self.built_in_texts.push((lang, file));
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
    /// `null` goes back to the built-in dataset, on its first two parties; a custom dataset keeps
    /// the chosen parties where it has them.
    pub fn use_dataset(&mut self, json: Option<String>) -> Result<(), JsError> {
        let Some(json) = json else {
            // The reader's language has its texts file (`set_lang` saw to it), so the built-in
            // dataset has that language's texts too.
            self.dataset = self.built_in_dataset().map_err(dataset_error)?;
            self.custom_dataset = false;
            self.state.party = 0;
            self.state.versus = self.dataset.default_versus();
            self.forget_scene();
            return Ok(());
        };
        let dataset = Dataset::from_json(&json).map_err(dataset_error)?;
        // Looked up in the new dataset before it replaces the old one, so no id is copied.
        let party = self.party_id(self.state.party).and_then(|id| dataset.party_index(id)).unwrap_or(0);
        let versus =
            self.party_id(self.state.versus).and_then(|id| dataset.party_index(id)).unwrap_or_else(|| dataset.default_versus());
        self.dataset = dataset;
        self.custom_dataset = true;
        self.state.party = party;
        self.state.versus = versus;
        self.forget_scene();
        Ok(())
    }

    /// Applies one of the element's attributes `view`, `lang`, `party` or `versus`; a rejected
    /// value keeps the state and names what is accepted. One export for the four: each export
    /// costs its own glue in the wasm and in the JavaScript (issue #7).
    pub fn set(&mut self, attribute: &str, value: &str) -> Result<(), JsError> {
        match attribute {
            "view" => self.set_view(value),
            "lang" => self.set_lang(value),
            "party" => self.set_party(value),
            "versus" => self.set_versus(value),
            _ => Err(rejected("attribute: unknown attribute", attribute, "view, lang, party, versus")),
        }
    }

    pub fn set_dark(&mut self, dark: bool) {
        self.state.dark = dark;
    }

    /// Lays the view out if anything changed, draws it, and returns its height in CSS pixels.
    /// `css_width` is the element's width and `device_pixel_ratio` the screen's, read by the host
    /// before each draw. The focus ring is drawn only while the canvas has keyboard focus
    /// (`show_focus`), as a focus outline would be, but the focused mark is remembered across blur.
    pub fn render(&mut self, css_width: f64, device_pixel_ratio: f64, show_focus: bool) -> Result<f64, JsError> {
        self.resize(css_width, device_pixel_ratio);
        if self.scene.is_none() {
            let request = ViewRequest {
                view: self.state.view,
                lang: self.state.lang,
                party: self.state.party,
                versus: self.state.versus,
                width: self.css_width,
            };
            let measure = CanvasTextMeasure { context: &self.context };
            let scene = layout::layout(&self.dataset, &request, &measure).map_err(|problem| error(&problem.describe()))?;
            self.scene = Some(scene);
        }
        let Some(scene) = &self.scene else { return Err(error("nothing to draw")) };
        let size = (scene.width.round().max(1.0) as u32, scene.height.round().max(1.0) as u32);
        let focused = if show_focus { self.focused } else { None };
        let commands = chart::record(scene, size, &Theme::for_scheme(self.state.dark), focused, self.selected);
        let backend = CanvasBackend::new(&self.canvas, &self.context, size, self.device_pixel_ratio).map_err(|message| error(&message))?;
        // The words plotters put before a backend's error when the canvas was drawn through it.
        backend.replay(&commands).map_err(|message| {
            let mut text = String::from("backend error: Drawing backend error: ");
            text.push_str(&message);
            error(&text)
        })?;
        Ok(scene.height)
    }

    /// The mark under a point in CSS pixels relative to the canvas, or -1; `reach` gives a
    /// fingertip slack around small marks (the host passes 22 for touch, 0 for a mouse).
    pub fn mark_at(&self, x: f64, y: f64, reach: f64) -> i32 {
        self.scene.as_ref().and_then(|scene| scene.mark_near(x, y, reach)).map_or(-1, |mark| mark as i32)
    }

    /// Moves keyboard focus by an arrow, Home or End key name; returns the focused mark or -1.
    /// Any other key, e.g. `""`, moves nothing: that is how the host reads the focused mark.
    pub fn move_focus(&mut self, key: &str) -> i32 {
        let key = match key {
            "ArrowLeft" => NavigationKey::Left,
            "ArrowRight" => NavigationKey::Right,
            "ArrowUp" => NavigationKey::Up,
            "ArrowDown" => NavigationKey::Down,
            "Home" => NavigationKey::Home,
            "End" => NavigationKey::End,
            _ => return self.focused.map_or(-1, |mark| mark as i32),
        };
        if let Some(scene) = &self.scene {
            self.focused = scene.next_mark(self.focused, key).or(self.focused);
        }
        self.focused.map_or(-1, |mark| mark as i32)
    }

    /// Sets focus (or clears it with -1); the host redraws to show the ring.
    pub fn set_focus(&mut self, mark: i32) {
        self.focused = self.valid_mark(mark);
    }

    pub fn set_selected(&mut self, mark: i32) {
        self.selected = self.valid_mark(mark);
    }

    /// Everything the host shows about a mark (tooltip, card, announcement), as JSON; "null" when none.
    pub fn mark_json(&self, mark: i32) -> String {
        let mut writer = JsonWriter::compact();
        self.write_mark(&mut writer, mark);
        writer.finish()
    }

    /// The marks that stand for a fact, for selecting from a sentence of the article.
    pub fn marks_of_fact(&self, fact_id: &str) -> String {
        let mut writer = JsonWriter::compact();
        writer.begin_array();
        if let Some(scene) = &self.scene {
            for (position, mark) in scene.marks.iter().enumerate() {
                if mark.fact.and_then(|fact| self.fact_id(fact)).is_some_and(|id| id == fact_id) {
                    writer.unsigned(position as u64);
                }
            }
        }
        writer.end_array();
        writer.finish()
    }

    /// One of the documents the host reads, as JSON: `state`, `parties`, `table`, `ui`, `summary`
    /// (a string) or `texts` (the languages the handle can show: Arabic, built in, and those whose texts
    /// file was added); `null` for any other name, and for `table` before the first draw.
    pub fn json(&self, document: &str) -> String {
        let mut writer = JsonWriter::compact();
        match document {
            "state" => self.write_state(&mut writer),
            "parties" => self.write_parties(&mut writer),
            "table" => self.write_table(&mut writer),
            "ui" => self.write_ui(&mut writer),
            "summary" => writer.string(self.scene.as_ref().map_or("", |scene| scene.summary.as_str())),
            "texts" => {
                writer.begin_array();
                for lang in Lang::ALL {
                    if self.has_texts(lang) {
                        writer.string(lang.code());
                    }
                }
                writer.end_array();
            }
            _ => writer.null(),
        }
        writer.finish()
    }

    /// A download: `csv` (every fact, UTF-8 with a byte order mark, in the current language),
    /// `json` (the whole dataset, quotes included) or `svg` (the current view, drawn by the same
    /// code as the canvas).
    pub fn export(&self, format: &str) -> Result<String, JsError> {
        match format {
            "csv" => Ok(export::facts_csv(&self.dataset, self.state.lang)),
            // The whole dataset is every language's texts: the host adds the missing ones first.
            "json" if self.custom_dataset || Lang::ALL.into_iter().all(|lang| self.has_texts(lang)) => {
                Ok(export::dataset_json(&self.dataset))
            }
            "json" => Err(error("export: the built-in dataset's French and English texts are not loaded")),
            "svg" => {
                let scene = self.scene.as_ref().ok_or_else(|| error("nothing drawn yet"))?;
                Ok(chart::render_svg(scene, &Theme::for_scheme(self.state.dark)))
            }
            _ => Err(rejected("export: unknown format", format, "csv, json, svg")),
        }
    }
}

impl Explainer {
    /// Whether the widget's words, and the built-in dataset's texts, are there in `lang`. A custom
    /// dataset has its own texts in every language, but the widget's words still come from the file.
    fn has_texts(&self, lang: Lang) -> bool {
        lang == Lang::Ar || self.built_in_texts.iter().any(|(loaded, _)| *loaded == lang)
    }

    fn built_in_dataset(&self) -> Result<Dataset, DatasetErrors> {
        let mut texts = Vec::new();
        for (_, file) in &self.built_in_texts {
            texts.push(texts::dataset_texts(parse(file).map_err(|problem| DatasetErrors::of_document(problem.describe()))?));
        }
        Dataset::built_in_with_texts(texts)
    }

    fn set_view(&mut self, view: &str) -> Result<(), JsError> {
        let parsed = View::parse(view).ok_or_else(|| {
            let mut known = String::new();
            for view in View::ALL {
                push_listed(&mut known, view.as_str());
            }
            rejected("view: unknown view", view, &known)
        })?;
        if parsed != self.state.view {
            self.state.view = parsed;
            self.forget_scene();
        }
        Ok(())
    }

    fn set_lang(&mut self, lang: &str) -> Result<(), JsError> {
        let parsed = Lang::from_tag(lang).ok_or_else(|| {
            let mut message = String::from("lang: unsupported language ");
            message.push_str(&quoted(lang));
            message.push_str(", expected ar, fr or en");
            error(&message)
        })?;
        if !self.has_texts(parsed) {
            let mut message = String::from("lang: the texts in ");
            message.push_str(parsed.code());
            message.push_str(" are not loaded yet");
            return Err(error(&message));
        }
        if parsed != self.state.lang {
            self.state.lang = parsed;
            self.forget_scene();
        }
        Ok(())
    }

    fn set_party(&mut self, id: &str) -> Result<(), JsError> {
        let party = self.party_position("party: unknown party", id)?;
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
        if versus != self.state.versus {
            self.state.versus = versus;
            if self.state.view == View::Compare {
                self.forget_scene();
            }
        }
        Ok(())
    }

    /// A width that is not a positive number (a hidden element) lays out at 320 CSS pixels.
    fn resize(&mut self, css_width: f64, device_pixel_ratio: f64) {
        let width = if css_width.is_finite() && css_width > 0.0 { css_width } else { 320.0 };
        if (width - self.css_width).abs() >= 0.5 {
            self.css_width = width;
            self.forget_scene();
        }
        self.device_pixel_ratio = if device_pixel_ratio.is_finite() && device_pixel_ratio > 0.0 { device_pixel_ratio } else { 1.0 };
    }

    /// The state the host reflects into attributes, events and the URL hash.
    fn write_state(&self, writer: &mut JsonWriter) {
        writer.begin_object();
        writer.string_member("view", self.state.view.as_str());
        writer.string_member("lang", self.state.lang.code());
        writer.optional_string_member("party", self.party_id(self.state.party));
        writer.optional_string_member("versus", self.party_id(self.state.versus));
        writer.end_object();
    }

    /// Party ids and names in the current language, for the pickers.
    fn write_parties(&self, writer: &mut JsonWriter) {
        let lang = self.state.lang;
        writer.begin_array();
        for party in self.dataset.parties() {
            writer.begin_object();
            writer.string_member("id", &party.id);
            writer.string_member("label", party.label(lang));
            writer.string_member("name", party.name.get(lang));
            writer.end_object();
        }
        writer.end_array();
    }

    /// The data table equivalent to the current view, or `null` before the first draw.
    fn write_table(&self, writer: &mut JsonWriter) {
        let Some(scene) = &self.scene else { return writer.null() };
        export::write_table(writer, &scene.table);
    }

    /// Every UI string in the current language, keyed by `UiText` name, for the controls around the canvas.
    fn write_ui(&self, writer: &mut JsonWriter) {
        writer.begin_object();
        for &key in UiText::ALL {
            writer.key(key.key());
            writer.string(i18n::ui(self.state.lang, key));
        }
        writer.end_object();
    }

    fn forget_scene(&mut self) {
        self.scene = None;
        self.focused = None;
        self.selected = None;
    }

    fn party_position(&self, unknown: &str, id: &str) -> Result<usize, JsError> {
        self.dataset.party_index(id).ok_or_else(|| {
            let mut known = String::new();
            for party in self.dataset.parties() {
                push_listed(&mut known, &party.id);
            }
            rejected(unknown, id, &known)
        })
    }

    /// The id of the party at `position`, if there is one.
    fn party_id(&self, position: usize) -> Option<&str> {
        self.dataset.parties().get(position).map(|party| party.id.as_str())
    }

    fn valid_mark(&self, mark: i32) -> Option<usize> {
        let count = self.scene.as_ref().map_or(0, |scene| scene.marks.len());
        usize::try_from(mark).ok().filter(|&mark| mark < count)
    }

    fn fact_id(&self, fact: usize) -> Option<String> {
        let record = self.dataset.facts().get(fact)?;
        // The position, for facts without an id, as the dataset's paths name them.
        Some(record.id.clone().unwrap_or_else(|| {
            let mut id = String::from("facts-");
            push_unsigned(&mut id, fact as u64);
            id
        }))
    }

    /// Everything about one mark, or `null`; rect numbers to 2 decimals, far finer than a pointer.
    fn write_mark(&self, writer: &mut JsonWriter, mark: i32) {
        let Some(index) = self.valid_mark(mark) else { return writer.null() };
        let Some(mark) = self.scene.as_ref().and_then(|scene| scene.marks.get(index)) else { return writer.null() };
        writer.begin_object();
        writer.key("index");
        writer.unsigned(index as u64);
        writer.string_member("label", &mark.label);
        writer.key("rect");
        writer.begin_array();
        for value in [mark.rect.x, mark.rect.y, mark.rect.width, mark.rect.height] {
            writer.number(value, 2);
        }
        writer.end_array();
        writer.optional_string_member("party", mark.party.and_then(|party| self.party_id(party)));
        let tactic_id = mark.tactic.and_then(|tactic| self.dataset.tactics().get(tactic)).map(|tactic| tactic.id.as_str());
        writer.optional_string_member("tactic", tactic_id);
        writer.key("fact");
        match mark.fact.and_then(|position| Some((position, self.dataset.facts().get(position)?))) {
            Some((position, record)) => {
                let lang = self.state.lang;
                writer.begin_object();
                writer.key("index");
                writer.unsigned(position as u64);
                writer.optional_string_member("id", self.fact_id(position).as_deref());
                writer.string_member("status", export::status_name(record.status));
                writer.optional_string_member("when", record.when.map(export::timing_name));
                writer.string_member("text", record.text.get(lang));
                writer.string_member("quote", &record.quote);
                writer.optional_string_member("note", record.note.as_ref().map(|note| note.get(lang)));
                writer.end_object();
            }
            None => writer.null(),
        }
        writer.end_object();
    }
}
