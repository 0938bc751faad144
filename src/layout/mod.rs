//! Pure layout of the five views: from a dataset and a request to a scene of marks, texts and shapes in CSS pixels.
//!
//! All geometry lives here, so that drawing (`chart`), hit testing and keyboard
//! focus (`Scene::mark_at`, `Scene::next_mark`) share one source of truth and the
//! web layer needs none. Each view has its own module.

mod annotation;
mod builder;
mod columns;
mod camps;
mod head_to_head;
mod labels;
mod legend;
mod matrix;
mod navigation;
mod party;
mod scene;
mod text;
mod timeline;

use std::fmt;

use crate::compare::PartyIndex;
use crate::data::{Dataset, Lang};

pub use annotation::{Annotation, RING_OFFSET as ANNOTATION_RING_OFFSET, text_box};
pub use builder::{MIN_TARGET, line_height};
pub use navigation::NavigationKey;
pub use scene::{ColorRole, HeaderBand, Mark, MarkShape, PartyEmphasis, Rect, Scene, SceneShape, SceneText, StatusSymbol, Table, TextAnchor};
pub use text::{EstimatedTextMeasure, TextMeasure, TextStyle, Wrapped, shorten_to_width, wrap};

/// The five views of the embed contract.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Default)]
pub enum View {
    #[default]
    Matrix,
    Party,
    Compare,
    Camps,
    Timeline,
}

impl View {
    pub const ALL: [View; 5] = [View::Matrix, View::Party, View::Compare, View::Camps, View::Timeline];

    /// The `view` attribute's value, e.g. `compare`.
    pub fn parse(value: &str) -> Option<View> {
        View::ALL.into_iter().find(|view| view.as_str() == value.trim())
    }

    pub fn as_str(self) -> &'static str {
        match self {
            View::Matrix => "matrix",
            View::Party => "party",
            View::Compare => "compare",
            View::Camps => "camps",
            View::Timeline => "timeline",
        }
    }

    /// The view's name for the reader.
    pub fn title(self, lang: Lang) -> &'static str {
        use crate::i18n::{UiText, ui};
        ui(
            lang,
            match self {
                View::Matrix => UiText::ViewMatrix,
                View::Party => UiText::ViewParty,
                View::Compare => UiText::ViewCompare,
                View::Camps => UiText::ViewCamps,
                View::Timeline => UiText::ViewTimeline,
            },
        )
    }
}

pub const MIN_WIDTH: f64 = 280.0;
pub const MAX_WIDTH: f64 = 2000.0;

#[derive(Clone, Debug, PartialEq, Default)]
pub struct ViewRequest {
    pub view: View,
    pub lang: Lang,
    /// Party positions in the dataset; only the views about parties use them.
    pub party: usize,
    pub versus: usize,
    /// CSS pixels, clamped to 280..=2000; not-a-number gives the narrowest.
    pub width: f64,
    /// Categories the matrix shows folded, as one row of counts: a phone reader's shorter matrix.
    pub folded: CategorySet,
    /// The fact in focus (its position in the dataset): its mark ringed and a short note beside it.
    pub fact: Option<usize>,
}

/// A set of category positions; the first 64 categories can be in it (a dataset declares at most 40).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct CategorySet(u64);

impl CategorySet {
    pub fn contains(self, category: usize) -> bool {
        category < 64 && self.0 & (1 << category) != 0
    }

    /// The set with `category` added if it was not in it, removed if it was.
    pub fn toggled(self, category: usize) -> CategorySet {
        if category < 64 { CategorySet(self.0 ^ (1 << category)) } else { self }
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// The width a request is laid out at.
pub fn clamp_width(width: f64) -> f64 {
    // Whole pixels, so the canvas the web layer sizes from the scene matches it exactly.
    if width.is_nan() { MIN_WIDTH } else { width.clamp(MIN_WIDTH, MAX_WIDTH).floor() }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LayoutError {
    /// `party` or `versus` is past the end of the dataset's parties.
    PartyOutOfRange { position: usize, party_count: usize },
}

impl LayoutError {
    /// The message the web layer shows.
    pub fn describe(&self) -> String {
        match self {
            LayoutError::PartyOutOfRange { position, party_count } => {
                format!("no party at position {position}: the dataset has {party_count}")
            }
        }
    }
}

impl fmt::Display for LayoutError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.describe())
    }
}

impl std::error::Error for LayoutError {}

/// Lays a view out. Never panics, whatever the dataset (a valid one) and the request.
pub fn layout(dataset: &Dataset, request: &ViewRequest, measure: &dyn TextMeasure) -> Result<Scene, LayoutError> {
    let width = clamp_width(request.width);
    let builder = builder::SceneBuilder::new(measure, request.lang, width);
    let check = |position: usize| {
        PartyIndex::new(dataset, position).map_err(|_| LayoutError::PartyOutOfRange { position, party_count: dataset.parties().len() })
    };
    let mut scene = match request.view {
        View::Matrix => matrix::layout(dataset, builder, request.folded),
        View::Party => party::layout(dataset, builder, check(request.party)?),
        View::Compare => head_to_head::layout(dataset, builder, check(request.party)?, check(request.versus)?),
        View::Camps => camps::layout(dataset, builder),
        View::Timeline => timeline::layout(dataset, builder),
    };
    // The same call the web layer makes on a kept scene, so both paths draw alike.
    scene.emphasise_party(request.party);
    if let Some(fact) = request.fact {
        annotation::annotate(&mut scene, dataset, request.lang, fact, measure);
    }
    Ok(scene)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_parse_their_attribute_values_and_nothing_else() {
        for view in View::ALL {
            assert_eq!(View::parse(view.as_str()), Some(view));
        }
        assert_eq!(View::parse(" camps "), Some(View::Camps));
        assert_eq!(View::parse("Matrix"), None);
        assert_eq!(View::parse(""), None);
    }

    #[test]
    fn widths_are_clamped() {
        assert_eq!(clamp_width(f64::NAN), MIN_WIDTH);
        assert_eq!(clamp_width(0.0), MIN_WIDTH);
        assert_eq!(clamp_width(f64::INFINITY), MAX_WIDTH);
        assert_eq!(clamp_width(f64::NEG_INFINITY), MIN_WIDTH);
        assert_eq!(clamp_width(640.0), 640.0);
    }
}
