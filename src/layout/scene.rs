//! The laid-out view: every mark, text and shape in CSS pixels, with colour roles instead of colours.

use crate::data::{Lang, Status};

use super::View;
use super::annotation::Annotation;

/// A rectangle in CSS pixels, from its top-left corner.
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub fn new(x: f64, y: f64, width: f64, height: f64) -> Rect {
        Rect { x, y, width, height }
    }
    pub fn right(&self) -> f64 {
        self.x + self.width
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }
    pub fn center(&self) -> (f64, f64) {
        (self.x + self.width / 2.0, self.y + self.height / 2.0)
    }
    /// Half-open on the far edges, so a point on a shared edge belongs to one rect only.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x < self.right() && y >= self.y && y < self.bottom()
    }
    pub fn intersects(&self, other: &Rect) -> bool {
        self.x < other.right() && other.x < self.right() && self.y < other.bottom() && other.y < self.bottom()
    }
    /// Grown by `margin` on every side (shrunk when negative).
    pub fn inflate(&self, margin: f64) -> Rect {
        Rect::new(self.x - margin, self.y - margin, self.width + 2.0 * margin, self.height + 2.0 * margin)
    }
}

/// What a colour means; the [`Theme`](crate::theme::Theme) turns it into a colour at draw time.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum ColorRole {
    Background,
    Band,
    HighlightBand,
    SelectedBand,
    /// Behind the column of the party the reader picked.
    EmphasisBand,
    Text,
    MutedText,
    Grid,
    Focus,
    /// The party at this position in the dataset.
    Party(usize),
    Used,
    NotUsed,
    NotReported,
    Majority,
    Opposition,
}

impl ColorRole {
    /// The colour of a status symbol: its shape already tells the status, the colour repeats it.
    pub fn of_status(status: Option<Status>) -> ColorRole {
        match status {
            Some(Status::Used) => ColorRole::Used,
            Some(Status::NotUsed | Status::NotYetUsed) => ColorRole::NotUsed,
            None => ColorRole::NotReported,
        }
    }
}

/// Where a text's `x` is: absolute sides, never start/end, so a right-to-left
/// page cannot flip them; the layout has already mirrored Arabic.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum TextAnchor {
    Left,
    Center,
    Right,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SceneText {
    pub x: f64,
    /// The vertical centre of the line.
    pub y: f64,
    pub text: String,
    /// CSS pixels, never below 12.
    pub font_size: f64,
    pub anchor: TextAnchor,
    pub bold: bool,
    pub role: ColorRole,
}

/// The three ways a status is drawn, told apart by shape so colour is never the only cue:
/// used is a filled circle, reported as not used a hollow circle with a cross,
/// not reported a short dash.
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct StatusSymbol {
    pub center: (f64, f64),
    pub status: Option<Status>,
    pub radius: f64,
    pub role: ColorRole,
}

/// Decoration and structure: nothing here can be focused or selected.
#[derive(Clone, Debug, PartialEq)]
pub enum SceneShape {
    FilledRect { rect: Rect, role: ColorRole },
    Line { from: (f64, f64), to: (f64, f64), role: ColorRole, stroke_width: f64 },
    /// A status symbol outside any mark, as in a legend.
    Symbol(StatusSymbol),
}

/// How a mark looks; its hit and focus area is always the mark's `rect`.
#[derive(Clone, Debug, PartialEq)]
pub enum MarkShape {
    Symbol(StatusSymbol),
    /// A bar: `track` is the whole scale, outlined; `fill` the filled part.
    Bar { track: Rect, fill: Rect, role: ColorRole },
    /// A box around a label whose text is among the scene's texts.
    Chip { role: ColorRole },
    /// A category's heading, which folds or unfolds the category's rows; drawn by the heading itself.
    Fold { category: usize, folded: bool },
}

/// Something the reader can point at, focus and select.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Hit and focus area, in CSS pixels, at least 24 × 24.
    pub rect: Rect,
    pub shape: MarkShape,
    pub party: Option<usize>,
    pub tactic: Option<usize>,
    /// Set on every mark that stands for one fact, so the reader can open its card.
    pub fact: Option<usize>,
    pub status: Option<Status>,
    /// What a screen reader announces, in the view's language.
    pub label: String,
}

/// How one party is made to stand out, laid out in advance for every party a view can
/// emphasise, so that picking another party is a redraw and never a layout.
#[derive(Clone, Debug, PartialEq)]
pub struct PartyEmphasis {
    pub party: usize,
    /// Behind the party's column, from its header down to its total.
    pub band: Rect,
    /// Under the party's header: the cue that does not rely on colour.
    pub underline: Rect,
}

/// The data table equivalent to a view, for the hidden table and "Show as table".
#[derive(Clone, Debug, PartialEq, Default, serde::Serialize)]
pub struct Table {
    pub caption: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with the given caption and header, its rows to come with [`Table::row`].
    pub fn new(caption: String, header: &[&str]) -> Table {
        Table { caption, header: owned(header), rows: Vec::new() }
    }

    pub fn row(&mut self, cells: &[&str]) {
        self.rows.push(owned(cells));
    }
}

/// Owned copies of texts; one loop shared by every table instead of a `vec![…to_owned()]` per cell.
pub fn owned(texts: &[&str]) -> Vec<String> {
    let mut strings = Vec::with_capacity(texts.len());
    for text in texts {
        strings.push((*text).to_owned());
    }
    strings
}

/// One view, laid out: what [`chart::draw`](crate::chart::draw) draws, what hit
/// testing and keyboard navigation walk.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub view: View,
    pub lang: Lang,
    /// CSS pixels; the width asked for, clamped.
    pub width: f64,
    /// CSS pixels; what the view needs.
    pub height: f64,
    pub right_to_left: bool,
    /// In reading order: keyboard navigation follows it.
    pub marks: Vec<Mark>,
    pub texts: Vec<SceneText>,
    pub shapes: Vec<SceneShape>,
    /// For the canvas's aria-label, in the view's language.
    pub summary: String,
    pub table: Table,
    /// One per party the view can emphasise; empty in views that show no such choice.
    pub party_emphasis: Vec<PartyEmphasis>,
    /// The party drawn emphasised: set from the request, changed by [`Scene::emphasise_party`].
    pub emphasised_party: Option<usize>,
    /// The bands that name the columns (the first with the status legend above them), one per block of
    /// columns, top to bottom: over a chart taller than the screen the element keeps the current block's in
    /// view, drawn again from this scene. Empty in views without columns.
    pub header_bands: Vec<HeaderBand>,
    /// The fact in focus, ringed, with its note (`ViewRequest::fact`); none when the view has no mark for it.
    pub annotation: Option<Annotation>,
}

/// A horizontal band of a scene, in its CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HeaderBand {
    pub top: f64,
    pub bottom: f64,
}

impl Scene {
    /// Emphasises another party without laying the view out again: marks, texts,
    /// hit testing, the table and the summary stay as they are; only the drawing
    /// changes. A party the view has no emphasis for leaves none.
    pub fn emphasise_party(&mut self, party: usize) {
        self.emphasised_party = self.party_emphasis.iter().any(|emphasis| emphasis.party == party).then_some(party);
    }

    /// What [`chart::draw`](crate::chart::draw) draws for the emphasised party, if any.
    pub fn emphasis(&self) -> Option<&PartyEmphasis> {
        let party = self.emphasised_party?;
        self.party_emphasis.iter().find(|emphasis| emphasis.party == party)
    }
}
