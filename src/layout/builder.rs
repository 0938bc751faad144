//! Collects a view's marks, texts and shapes in left-to-right coordinates, then mirrors them for Arabic.
//!
//! Every view is written once, reading from the left; `finish` flips the whole
//! scene about its vertical axis for a right-to-left language, so Arabic gets
//! tactic names on the right and columns read from right to left without a
//! second layout to keep in step.

use crate::data::{Dataset, Lang, Status};

use super::scene::{ColorRole, HeaderBand, Mark, MarkShape, PartyEmphasis, Rect, Scene, SceneShape, SceneText, StatusSymbol, Table, TextAnchor};
use super::text::{self, TextMeasure, TextStyle, Wrapped};
use super::View;

/// Body text: every text is at least 12 CSS pixels, legible on a phone.
pub const BODY: TextStyle = TextStyle { font_size: 13.0, bold: false };
pub const SMALL: TextStyle = TextStyle { font_size: 12.0, bold: false };
pub const SMALL_BOLD: TextStyle = TextStyle { font_size: 12.0, bold: true };
pub const TITLE: TextStyle = TextStyle { font_size: 16.0, bold: true };
/// Category and group headings, and the figures that head a view.
pub const HEADING: TextStyle = TextStyle { font_size: 13.0, bold: true };

/// Space kept clear along the scene's edges.
pub const MARGIN: f64 = 8.0;
/// The smallest hit area of a mark, WCAG 2.5.8's 24 CSS pixels.
pub const MIN_TARGET: f64 = 24.0;
/// Rows a finger can hit: above the 24 px minimum.
pub const ROW_HEIGHT: f64 = 30.0;
/// Space above and below the lines of a row that grows past `ROW_HEIGHT`.
pub const ROW_PADDING: f64 = 8.0;
/// Below this content width (CSS pixels) a view takes its narrow form: smaller names, more lines for them.
pub const NARROW_CONTENT: f64 = 480.0;
pub const SYMBOL_RADIUS: f64 = 6.5;

// The spacing scale the views share. A view's own spaces (a chart's gaps, a column's bounds) stay in its module.

/// Text in a band, a cell or a row starts this far in from its edge, so it never touches a rule or a neighbour.
pub const LABEL_INSET: f64 = 6.0;
/// Space between a name in a names column and the column that follows it.
pub const LABEL_GAP: f64 = 10.0;
/// The width a names column keeps for itself around its names: the inset before them and the gap after.
pub const LABEL_ROOM: f64 = LABEL_INSET + LABEL_GAP;
/// Space above and below a heading's text on its band.
pub const HEADING_PADDING: f64 = 5.0;
/// The least height of a category's heading band in a table of tactics.
pub const CATEGORY_HEADING_HEIGHT: f64 = 26.0;
/// The hit area of a headline figure's bar (a party's breadth, a camp's coverage, the similarity index):
/// a row's height less a little, so the bar reads as part of the figure above it.
pub const FIGURE_BAR_HIT_HEIGHT: f64 = ROW_HEIGHT - 4.0;
/// The drawn track of a headline figure's bar, centred in its hit area.
pub const FIGURE_BAR_TRACK_HEIGHT: f64 = 12.0;

/// Rounds a width down to a quarter pixel: sums of such widths are exact in
/// floating point, so neighbouring marks share an edge exactly, before and after
/// mirroring, instead of overlapping by a rounding error.
pub fn snap(value: f64) -> f64 {
    (value * 4.0).floor() / 4.0
}

pub fn line_height(style: TextStyle) -> f64 {
    (style.font_size * 1.3).round()
}

/// The height of a table's row of `line_count` lines in `style`: the lines with `ROW_PADDING`, and never
/// less than a finger's `ROW_HEIGHT`.
pub fn row_height(line_count: usize, style: TextStyle) -> f64 {
    (line_height(style) * line_count as f64 + ROW_PADDING).max(ROW_HEIGHT)
}

pub struct SceneBuilder<'a> {
    pub measure: &'a dyn TextMeasure,
    pub lang: Lang,
    pub width: f64,
    marks: Vec<Mark>,
    texts: Vec<SceneText>,
    shapes: Vec<SceneShape>,
    party_emphasis: Vec<PartyEmphasis>,
    header_bands: Vec<HeaderBand>,
}

impl<'a> SceneBuilder<'a> {
    pub fn new(measure: &'a dyn TextMeasure, lang: Lang, width: f64) -> SceneBuilder<'a> {
        SceneBuilder { measure, lang, width, marks: Vec::new(), texts: Vec::new(), shapes: Vec::new(), party_emphasis: Vec::new(), header_bands: Vec::new() }
    }

    /// The left edge of the content, and its width.
    pub fn content(&self) -> (f64, f64) {
        (MARGIN, (self.width - 2.0 * MARGIN).max(0.0))
    }

    pub fn measure(&self, text: &str, style: TextStyle) -> f64 {
        text::measure(self.measure, text, style)
    }

    pub fn wrap(&self, text: &str, style: TextStyle, max_width: f64, max_lines: usize) -> Wrapped {
        text::wrap(self.measure, text, style, max_width, max_lines)
    }

    // A `String`, not `impl Into<String>`: one copy of this code in the wasm instead of one per argument type.
    pub fn text(&mut self, x: f64, y: f64, text: String, style: TextStyle, anchor: TextAnchor, role: ColorRole) {
        self.texts.push(SceneText {
            x,
            y,
            text,
            font_size: style.font_size,
            anchor,
            bold: style.bold,
            role,
        });
    }

    /// Draws lines one under the other from `top`; returns the height they take.
    pub fn lines(&mut self, x: f64, top: f64, lines: &[String], style: TextStyle, anchor: TextAnchor, role: ColorRole) -> f64 {
        let height = line_height(style);
        for (position, line) in lines.iter().enumerate() {
            self.text(x, top + height * (position as f64 + 0.5), line.clone(), style, anchor, role);
        }
        height * lines.len() as f64
    }

    /// Wraps a text into `max_width` and draws it from `top`; returns the height it takes.
    #[allow(clippy::too_many_arguments)]
    pub fn paragraph(&mut self, x: f64, top: f64, text: &str, style: TextStyle, max_width: f64, max_lines: usize, role: ColorRole) -> f64 {
        let wrapped = self.wrap(text, style, max_width, max_lines);
        self.lines(x, top, &wrapped.lines, style, TextAnchor::Left, role)
    }

    /// Draws lines centred vertically in a row of `height` from `top`, from the left.
    pub fn centered_lines(&mut self, x: f64, top: f64, height: f64, lines: &[String], style: TextStyle, role: ColorRole) {
        let text_height = line_height(style) * lines.len() as f64;
        self.lines(x, top + (height - text_height) / 2.0, lines, style, TextAnchor::Left, role);
    }

    /// A heading on a tinted band across the table, at least `min_height` tall; returns its height.
    pub fn band_heading(&mut self, text: &str, left: f64, right: f64, top: f64, min_height: f64) -> f64 {
        let lines = self.wrap(text, HEADING, right - left - 2.0 * LABEL_INSET, 2).lines;
        let height = (line_height(HEADING) * lines.len() as f64 + 2.0 * HEADING_PADDING).max(min_height);
        self.filled(Rect::new(left, top, right - left, height), ColorRole::Band);
        self.lines(left + LABEL_INSET, top + HEADING_PADDING, &lines, HEADING, TextAnchor::Left, ColorRole::Text);
        height
    }

    /// A category's heading band, at least `CATEGORY_HEADING_HEIGHT` tall, that folds or unfolds its rows when
    /// selected: the heading's text, and a chevron at its far end.
    #[allow(clippy::too_many_arguments)]
    pub fn fold_heading(&mut self, text: &str, left: f64, right: f64, top: f64, category: usize, folded: bool, label: String) -> f64 {
        const SIGN_ROOM: f64 = 28.0;
        let lines = self.wrap(text, HEADING, right - left - 2.0 * LABEL_INSET - SIGN_ROOM, 2).lines;
        let height = (line_height(HEADING) * lines.len() as f64 + 2.0 * HEADING_PADDING).max(CATEGORY_HEADING_HEIGHT);
        let band = Rect::new(left, top, right - left, height);
        self.filled(band, ColorRole::Band);
        self.lines(left + LABEL_INSET, top + HEADING_PADDING, &lines, HEADING, TextAnchor::Left, ColorRole::Text);
        // A chevron, drawn rather than a glyph no font may have: down while the rows show, towards the reading
        // direction once they are folded (mirrored with the rest of the scene in Arabic).
        let (x, y) = (right - SIGN_ROOM / 2.0, top + height / 2.0);
        let points = if folded { [(x - 2.5, y - 5.0), (x + 2.5, y), (x - 2.5, y + 5.0)] } else { [(x - 5.0, y - 2.5), (x, y + 2.5), (x + 5.0, y - 2.5)] };
        for pair in points.windows(2) {
            self.shape(SceneShape::Line { from: pair[0], to: pair[1], role: ColorRole::Text, stroke_width: 2.0 });
        }
        self.mark(Mark { rect: band, shape: MarkShape::Fold { category, folded }, party: None, tactic: None, fact: None, status: None, label });
        height
    }

    /// A bar the reader can focus: `hit` is its area, the track runs across its
    /// middle, filled to `share` (clamped to 0..=1).
    pub fn bar(&mut self, hit: Rect, track_height: f64, share: f64, role: ColorRole, party: Option<usize>, label: String) {
        let track = Rect::new(hit.x, hit.y + (hit.height - track_height) / 2.0, hit.width, track_height);
        let fill = Rect::new(hit.x, track.y, hit.width * share.clamp(0.0, 1.0), track_height);
        self.mark(Mark { rect: hit, shape: MarkShape::Bar { track, fill, role }, party, tactic: None, fact: None, status: None, label });
    }

    pub fn shape(&mut self, shape: SceneShape) {
        self.shapes.push(shape);
    }

    /// Adds a shape under everything drawn so far, for a background known only at the end.
    pub fn underlay(&mut self, shape: SceneShape) {
        self.shapes.insert(0, shape);
    }

    pub fn filled(&mut self, rect: Rect, role: ColorRole) {
        self.shapes.push(SceneShape::FilledRect { rect, role });
    }

    pub fn rule(&mut self, x0: f64, x1: f64, y: f64, role: ColorRole) {
        self.shapes.push(SceneShape::Line { from: (x0, y), to: (x1, y), role, stroke_width: 1.0 });
    }

    pub fn symbol(&mut self, center: (f64, f64), status: Option<Status>, role: ColorRole) {
        self.shapes.push(SceneShape::Symbol(StatusSymbol { center, status, radius: SYMBOL_RADIUS, role }));
    }

    /// The band from `top` to `bottom` names the columns of the block below it (see [`Scene::header_bands`]).
    pub fn header_band(&mut self, top: f64, bottom: f64) {
        self.header_bands.push(HeaderBand { top, bottom });
    }

    pub fn party_emphasis(&mut self, emphasis: PartyEmphasis) {
        self.party_emphasis.push(emphasis);
    }

    pub fn mark(&mut self, mark: Mark) {
        self.marks.push(mark);
    }

    /// A cell that shows what the source says about one party and one tactic: its status
    /// symbol, a mark of the whole cell for pointer and keyboard, and the fact behind it.
    pub fn status_cell(&mut self, dataset: &Dataset, party: usize, tactic: usize, cell: Rect, label: String) {
        self.status_mark(dataset, party, tactic, cell, cell.center(), SYMBOL_RADIUS + 0.5, label);
    }

    /// A mark of `rect` for one party and one tactic, drawn as its status symbol at `center`.
    #[allow(clippy::too_many_arguments)]
    pub fn status_mark(&mut self, dataset: &Dataset, party: usize, tactic: usize, rect: Rect, center: (f64, f64), radius: f64, label: String) {
        let status = dataset.status(party, tactic);
        self.mark(Mark {
            rect,
            shape: MarkShape::Symbol(StatusSymbol { center, status, radius, role: ColorRole::of_status(status) }),
            party: Some(party),
            tactic: Some(tactic),
            fact: dataset.fact_index(party, tactic),
            status,
            label,
        });
    }

    /// The finished scene, mirrored when the language reads from right to left.
    pub fn finish(self, view: View, height: f64, summary: String, table: Table) -> Scene {
        let right_to_left = self.lang.is_right_to_left();
        let mut scene = Scene {
            view,
            lang: self.lang,
            width: self.width,
            height: height.max(MIN_TARGET).ceil(),
            right_to_left,
            marks: self.marks,
            texts: self.texts,
            shapes: self.shapes,
            summary,
            table,
            party_emphasis: self.party_emphasis,
            emphasised_party: None,
            header_bands: self.header_bands,
            annotation: None,
        };
        if right_to_left {
            mirror(&mut scene);
        }
        scene
    }
}

/// Flips the scene about its vertical centre line, in place.
fn mirror(scene: &mut Scene) {
    let width = scene.width;
    let rect = |rect: &mut Rect| rect.x = width - rect.right();
    for text in &mut scene.texts {
        text.x = width - text.x;
        text.anchor = match text.anchor {
            TextAnchor::Left => TextAnchor::Right,
            TextAnchor::Right => TextAnchor::Left,
            TextAnchor::Center => TextAnchor::Center,
        };
    }
    for shape in &mut scene.shapes {
        match shape {
            SceneShape::FilledRect { rect: area, .. } => rect(area),
            SceneShape::Line { from, to, .. } => {
                from.0 = width - from.0;
                to.0 = width - to.0;
            }
            SceneShape::Symbol(symbol) => symbol.center.0 = width - symbol.center.0,
        }
    }
    for emphasis in &mut scene.party_emphasis {
        rect(&mut emphasis.band);
        rect(&mut emphasis.underline);
    }
    for mark in &mut scene.marks {
        rect(&mut mark.rect);
        match &mut mark.shape {
            MarkShape::Symbol(symbol) => symbol.center.0 = width - symbol.center.0,
            MarkShape::Bar { track, fill, .. } => {
                rect(track);
                rect(fill);
            }
            MarkShape::Chip { .. } | MarkShape::Fold { .. } => {}
        }
    }
}
