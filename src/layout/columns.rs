//! Sizes a table of party columns beside a column of names, and draws the party headers.
//!
//! Shared by the matrix and the head-to-head views. Headers never overlap and are
//! never cut silently: a party's name wraps at spaces within its column; when a
//! word is wider than a column, headers alternate between two levels so each may
//! spread over two columns; when even that cannot fit, the name ends with "…"
//! (the full name stays in the marks' labels and the table); and when the columns
//! themselves would be narrower than a finger, the parties go in several blocks.

use super::builder::{MIN_TARGET, SMALL_BOLD, SceneBuilder, line_height};
use super::scene::{ColorRole, TextAnchor};

/// No column is narrower: the marks inside stay comfortably above the 24 px minimum.
pub const MIN_COLUMN: f64 = 32.0;
const MAX_COLUMN: f64 = 110.0;
/// Breathing room between a header and its neighbour.
const HEADER_PADDING: f64 = 6.0;
const STAGGERED_MAX_LINES: usize = 2;
const STRAIGHT_MAX_LINES: usize = 3;

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
/// has already split the parties into blocks that fit).
pub fn plan(builder: &SceneBuilder, headers: &[&str], content_width: f64, min_label: f64, label_natural: f64) -> ColumnPlan {
    let count = headers.len().max(1) as f64;
    let widest_word = headers
        .iter()
        .map(|header| super::text::widest_word(builder.measure, header, SMALL_BOLD))
        .fold(0.0, f64::max);
    let straight_column = (widest_word + 2.0 * HEADER_PADDING).clamp(MIN_COLUMN, MAX_COLUMN);
    let staggered_column = ((widest_word + HEADER_PADDING) / 2.0).max(MIN_COLUMN);
    let label_upper = label_natural.max(min_label);

    let finish = |label_width: f64, staggered: bool| {
        let column_width = ((content_width - label_width) / count).clamp(MIN_COLUMN, MAX_COLUMN);
        ColumnPlan { label_width, column_width, staggered }
    };
    let room_for_label = |column: f64| content_width - count * column;
    if room_for_label(straight_column) >= min_label {
        return finish(label_upper.min(room_for_label(straight_column)), false);
    }
    if room_for_label(staggered_column) >= min_label {
        return finish(label_upper.min(room_for_label(staggered_column)), true);
    }
    finish(min_label.min(room_for_label(MIN_COLUMN)).max(0.0), true)
}

/// Draws one header per column from `top`; returns the height taken.
pub fn headers(builder: &mut SceneBuilder, plan: &ColumnPlan, left: f64, top: f64, headers: &[(&str, ColorRole)]) -> f64 {
    let line = line_height(SMALL_BOLD);
    let (max_width, max_lines) = if plan.staggered {
        (2.0 * plan.column_width - HEADER_PADDING, STAGGERED_MAX_LINES)
    } else {
        (plan.column_width - HEADER_PADDING, STRAIGHT_MAX_LINES)
    };
    let wrapped: Vec<Vec<String>> =
        headers.iter().map(|(text, _)| builder.wrap(text, SMALL_BOLD, max_width, max_lines).lines).collect();
    let tallest = |level: usize| {
        wrapped
            .iter()
            .enumerate()
            .filter(|(position, _)| !plan.staggered || position % 2 == level)
            .map(|(_, lines)| lines.len())
            .max()
            .unwrap_or(0) as f64
            * line
    };
    let first_level = tallest(0);
    let height = if plan.staggered { first_level + 4.0 + tallest(1) } else { first_level };
    let right_edge = plan.columns_right(left, headers.len());
    for (position, lines) in wrapped.iter().enumerate() {
        let center = plan.column_x(left, position) + plan.column_width / 2.0;
        let widest = lines.iter().map(|text| builder.measure(text, SMALL_BOLD)).fold(0.0, f64::max);
        // A header spread over two columns must not spill past the table's far edge.
        let x = center.min(right_edge - widest / 2.0).max(center - plan.column_width / 2.0);
        let role = headers.get(position).map_or(ColorRole::Text, |(_, role)| *role);
        let on_second_level = plan.staggered && position % 2 == 1;
        let level_top = if on_second_level { top + first_level + 4.0 } else { top };
        let level_height = if on_second_level { height - first_level - 4.0 } else { first_level };
        // Bottom-aligned, so every header sits right above its column.
        let text_top = level_top + level_height - line * lines.len() as f64;
        builder.lines(x, text_top, lines, SMALL_BOLD, TextAnchor::Center, role);
        if plan.staggered && !on_second_level {
            builder.shape(super::scene::SceneShape::Line {
                from: (center, top + first_level + 1.0),
                to: (center, top + height),
                role: ColorRole::Grid,
                stroke_width: 1.0,
            });
        }
    }
    height.max(MIN_TARGET / 2.0)
}
