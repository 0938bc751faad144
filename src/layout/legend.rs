//! The key to the status symbols, flowing onto as many lines as the width needs.

use crate::data::{Dataset, Status};

use super::builder::{SMALL, SYMBOL_RADIUS, SceneBuilder, line_height};
use super::labels::{refusal_legend_name, status_name};
use super::scene::{ColorRole, TextAnchor};

const GAP_AFTER_SYMBOL: f64 = 6.0;
const GAP_BETWEEN_ENTRIES: f64 = 18.0;

/// Draws the three statuses' symbols with their names from `top`, within `width`;
/// returns the height taken.
pub fn status_legend(builder: &mut SceneBuilder, dataset: &Dataset, left: f64, top: f64, width: f64) -> f64 {
    let symbol_width = 2.0 * SYMBOL_RADIUS + GAP_AFTER_SYMBOL;
    let line = line_height(SMALL).max(2.0 * SYMBOL_RADIUS + 6.0);
    let mut x = left;
    let mut y = top;
    for status in [Some(Status::Used), Some(Status::NotUsed), None] {
        let name = match status {
            Some(Status::NotUsed) => refusal_legend_name(dataset, builder.lang),
            _ => status_name(builder.lang, status),
        };
        let text_room = (width - symbol_width).max(0.0);
        let wrapped = builder.wrap(name, SMALL, text_room, 3);
        let text_width = wrapped.lines.iter().map(|text| builder.measure(text, SMALL)).fold(0.0, f64::max);
        let entry_width = symbol_width + text_width;
        if x > left && x + entry_width > left + width {
            x = left;
            y += line;
        }
        builder.symbol((x + SYMBOL_RADIUS, y + line / 2.0), status, ColorRole::of_status(status));
        let text_top = y + (line - line_height(SMALL)) / 2.0;
        let text_height = builder.lines(x + symbol_width, text_top, &wrapped.lines, SMALL, TextAnchor::Left, ColorRole::Text);
        if wrapped.lines.len() > 1 {
            // A wrapped entry takes whole lines of its own.
            x = left;
            y += text_height.max(line);
        } else {
            x += entry_width + GAP_BETWEEN_ENTRIES;
        }
    }
    if x > left { y + line - top } else { y - top }
}
