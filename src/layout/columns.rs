//! Sizes a table of party columns beside a column of names, and draws the party headers.
//!
//! Shared by the matrix and the head-to-head views. Headers never overlap and are
//! never cut silently: a party's name wraps at spaces within its column; when a
//! word is wider than a column, headers alternate between two levels so each may
//! spread over two columns; when even that cannot fit, the name ends with "…"
//! (the full name stays in the marks' labels and the table); and when the columns
//! themselves would be narrower than a finger, the parties go in several blocks.

use crate::data::Dataset;

use super::builder::{MIN_TARGET, SMALL_BOLD, SceneBuilder, line_height, snap};
use super::labels::tactic_name;
use super::scene::{ColorRole, Rect, TextAnchor};
use super::text::TextStyle;

/// No column is narrower: the marks inside stay comfortably above the 24 px minimum.
pub const MIN_COLUMN: f64 = 32.0;
const MAX_COLUMN: f64 = 110.0;
/// Breathing room between a header and its neighbour.
const HEADER_PADDING: f64 = 6.0;
const STAGGERED_MAX_LINES: usize = 2;
const STRAIGHT_MAX_LINES: usize = 3;
/// The most levels headers are arranged on (see [`headers`]). The levels' figures live in arrays of
/// this size rather than `vec![…; levels]`, whose fill loop for `f64` was code of its own in the wasm.
const MAX_LEVELS: usize = 3;

#[derive(Clone, Debug, PartialEq)]
pub struct ColumnPlan {
    /// Width of the names column, on the start side.
    pub label_width: f64,
    pub column_width: f64,
    /// Headers alternate between two levels.
    pub staggered: bool,
}

impl ColumnPlan {
    /// The left edge of column `position`, in left-to-right coordinates.
    pub fn column_x(&self, left: f64, position: usize) -> f64 {
        left + self.label_width + self.column_width * position as f64
    }
    pub fn columns_right(&self, left: f64, columns: usize) -> f64 {
        self.column_x(left, columns)
    }
}

/// How many columns fit beside a names column of at least `min_label` pixels.
pub fn columns_per_block(content_width: f64, min_label: f64, columns: usize) -> usize {
    let room = ((content_width - min_label) / MIN_COLUMN).floor();
    let room = if room.is_finite() && room >= 1.0 { room as usize } else { 1 };
    room.min(columns.max(1))
}

/// Chooses the widths for `headers` (the party labels of one block).
///
/// `label_natural` is the width the names would like; the names column gets as
/// much of it as the headers leave, and never less than `min_label` (the caller
/// has already split the parties into blocks that fit). `cuts_names` says whether
/// names would have to be shortened in a names column of the given width.
pub fn plan(
    builder: &SceneBuilder,
    headers: &[&str],
    content_width: f64,
    min_label: f64,
    label_natural: f64,
    cuts_names: &dyn Fn(f64) -> bool,
) -> ColumnPlan {
    let count = headers.len().max(1) as f64;
    let mut widest_word: f64 = 0.0;
    for header in headers {
        widest_word = widest_word.max(super::text::widest_word(builder.measure, header, SMALL_BOLD));
    }
    // One pixel more than the word needs, so snapping to quarter pixels never
    // leaves a word a hair too wide for its column.
    let straight_column = (widest_word + 2.0 * HEADER_PADDING + 1.0).clamp(MIN_COLUMN, MAX_COLUMN);
    let staggered_column = ((widest_word + HEADER_PADDING) / 2.0 + 1.0).max(MIN_COLUMN);
    let label_upper = label_natural.max(min_label);

    let finish = |label_width: f64, staggered: bool| {
        let column_width = ((content_width - label_width) / count).clamp(MIN_COLUMN, MAX_COLUMN);
        ColumnPlan { label_width: snap(label_width), column_width: snap(column_width), staggered }
    };
    let room_for_label = |column: f64| content_width - count * column;
    let straight_label = label_upper.min(room_for_label(straight_column));
    let staggered_label = label_upper.min(room_for_label(staggered_column));
    let straight_fits = straight_label >= min_label;
    // Headers on one level read best, but not at the price of cutting the names:
    // staggering wins when the names would be cut beside straight headers and
    // staggering gives them more room.
    if straight_fits && !cuts_names(straight_label) {
        return finish(straight_label, false);
    }
    if staggered_label >= min_label && staggered_label > straight_label {
        return finish(staggered_label, true);
    }
    if straight_fits {
        return finish(straight_label, false);
    }
    finish(min_label.min(room_for_label(MIN_COLUMN)).max(0.0), true)
}

/// The width of the widest tactic name in `style`: what a names column beside the party
/// columns would like. Shared by the views with party columns, so the wasm has one copy.
pub fn widest_tactic_name(builder: &SceneBuilder, dataset: &Dataset, style: TextStyle) -> f64 {
    let mut widest: f64 = 0.0;
    for tactic in 0..dataset.tactics().len() {
        widest = widest.max(builder.measure(tactic_name(dataset, builder.lang, tactic), style));
    }
    widest
}

/// Whether some tactic name would be shortened, wrapped into `room` on at most `max_lines`.
pub fn cuts_tactic_names(builder: &SceneBuilder, dataset: &Dataset, style: TextStyle, room: f64, max_lines: usize) -> bool {
    (0..dataset.tactics().len()).any(|tactic| builder.wrap(tactic_name(dataset, builder.lang, tactic), style, room, max_lines).shortened)
}

fn widest(builder: &SceneBuilder, lines: &[String]) -> f64 {
    let mut widest: f64 = 0.0;
    for line in lines {
        widest = widest.max(builder.measure(line, SMALL_BOLD));
    }
    widest
}

/// One header, placed: its centre, its lines, its level (0 is the top one).
struct PlacedHeader {
    x: f64,
    center: f64,
    lines: Vec<String>,
    level: usize,
}

/// Places the headers on `levels` levels, header `i` on level `i % levels`, each
/// at most two columns wide, so the ticks from raised headers pass clear of the
/// headers below; a third level only gives the last headers room to move back
/// from the table's edge. A header is centred on its column when it can; one
/// that would pass `limit` (the table's far edge plus what may spill into the page
/// margin) moves back, and one that would then reach the previous header on its
/// level is shortened to the room between. Says whether any was shortened.
fn arrange(builder: &SceneBuilder, plan: &ColumnPlan, left: f64, limit: f64, texts: &[&str], levels: usize) -> (Vec<PlacedHeader>, bool) {
    let levels = levels.clamp(1, MAX_LEVELS);
    let max_width = levels.min(2) as f64 * plan.column_width - HEADER_PADDING;
    let max_lines = if levels == 1 { STRAIGHT_MAX_LINES } else { STAGGERED_MAX_LINES };
    let mut level_end = [f64::NEG_INFINITY; MAX_LEVELS];
    let mut shortened = false;
    let mut placed = Vec::with_capacity(texts.len());
    for (position, text) in texts.iter().enumerate() {
        let level = position % levels;
        let wrapped = builder.wrap(text, SMALL_BOLD, max_width, max_lines);
        shortened |= wrapped.shortened;
        let center = plan.column_x(left, position) + plan.column_width / 2.0;
        let start = level_end.get(level).copied().unwrap_or(f64::NEG_INFINITY) + HEADER_PADDING;
        let width = widest(builder, &wrapped.lines);
        let mut x = center.min(limit - width / 2.0);
        let mut lines = wrapped.lines;
        if x - width / 2.0 < start {
            let room = (limit.min(center + width / 2.0) - start).max(0.0);
            let again = builder.wrap(&lines.join(" "), SMALL_BOLD, room, max_lines);
            shortened |= again.shortened;
            lines = again.lines;
            x = start + room / 2.0;
        }
        if let Some(end) = level_end.get_mut(level) {
            *end = x + widest(builder, &lines) / 2.0;
        }
        placed.push(PlacedHeader { x, center, lines, level });
    }
    (placed, shortened)
}

/// The headers as drawn: the height they take, and where each one's text is.
pub struct HeaderArea {
    pub height: f64,
    /// The box around each header's lines, in column order.
    pub boxes: Vec<Rect>,
}

/// Draws one header per column from `top`.
///
/// Headers sit on one level when they fit their columns; otherwise on two levels,
/// each over two columns, or three when two would still cut a name. A header may
/// reach `spill` pixels past the table's far edge, into the page margin.
pub fn headers(builder: &mut SceneBuilder, plan: &ColumnPlan, left: f64, top: f64, spill: f64, texts: &[&str]) -> HeaderArea {
    let line = line_height(SMALL_BOLD);
    let limit = plan.columns_right(left, texts.len()) + spill;
    let candidates: &[usize] = if plan.staggered { &[2, 3] } else { &[1, 2, 3] };
    let mut chosen = None;
    for &levels in candidates {
        let (placed, shortened) = arrange(builder, plan, left, limit, texts, levels);
        chosen = Some((placed, levels));
        if !shortened {
            break;
        }
    }
    let Some((placed, levels)) = chosen else { return HeaderArea { height: 0.0, boxes: Vec::new() } };

    // Each level is as tall as its tallest header, and starts below the levels above it.
    let level_gap = 4.0;
    let mut level_heights = [0.0; MAX_LEVELS];
    for header in &placed {
        if let Some(height) = level_heights.get_mut(header.level) {
            *height = f64::max(*height, line * header.lines.len() as f64);
        }
    }
    let mut level_tops = [top; MAX_LEVELS];
    let mut above = 0.0;
    for (level_top, height) in level_tops.iter_mut().zip(&level_heights).take(levels) {
        *level_top = top + above;
        above += height + level_gap;
    }
    let height = top + above - level_gap - top;
    let mut boxes = Vec::with_capacity(placed.len());
    for header in &placed {
        let level_height = level_heights.get(header.level).copied().unwrap_or(0.0);
        let level_top = level_tops.get(header.level).copied().unwrap_or(top);
        // Bottom-aligned, so every header sits right above its column.
        let text_top = level_top + level_height - line * header.lines.len() as f64;
        let text_height = builder.lines(header.x, text_top, &header.lines, SMALL_BOLD, TextAnchor::Center, ColorRole::Text);
        let text_width = widest(builder, &header.lines);
        boxes.push(Rect::new(header.x - text_width / 2.0, text_top, text_width, text_height));
        if header.level + 1 < levels {
            // A tick leads down from a raised header to its column.
            builder.shape(super::scene::SceneShape::Line {
                from: (header.center, level_top + level_height + 1.0),
                to: (header.center, top + height),
                role: ColorRole::Grid,
                stroke_width: 1.0,
            });
        }
    }
    HeaderArea { height: height.max(MIN_TARGET / 2.0), boxes }
}
