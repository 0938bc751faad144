//! Pointer hit testing and arrow-key movement between a scene's marks, so the web layer needs no geometry.

use super::scene::{MarkShape, Scene};

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum NavigationKey {
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
}

/// Rows closer than this, in CSS pixels, count as one line of marks.
const SAME_ROW_TOLERANCE: f64 = 2.0;

impl Scene {
    /// The mark under a point in CSS pixels, if any.
    pub fn mark_at(&self, x: f64, y: f64) -> Option<usize> {
        if !x.is_finite() || !y.is_finite() {
            return None;
        }
        self.marks.iter().position(|mark| mark.rect.contains(x, y))
    }

    /// The mark under a finger: the mark at the point, or else the nearest one whose
    /// rectangle lies within `reach` CSS pixels. Marks are drawn smaller than the 44 px a
    /// fingertip needs, so a touch gets that much slack around each of them.
    pub fn mark_near(&self, x: f64, y: f64, reach: f64) -> Option<usize> {
        if let Some(exact) = self.mark_at(x, y) {
            return Some(exact);
        }
        let reach = if reach.is_finite() && reach > 0.0 { reach } else { return None };
        // The first of the nearest, as `min_by` would keep it.
        let mut nearest: Option<(usize, f64)> = None;
        for (position, mark) in self.marks.iter().enumerate() {
            let dx = (mark.rect.x - x).max(x - mark.rect.right()).max(0.0);
            let dy = (mark.rect.y - y).max(y - mark.rect.bottom()).max(0.0);
            // Squared distances order the marks as distances do; pixel distances cannot overflow.
            let squared_distance = dx * dx + dy * dy;
            if squared_distance <= reach * reach && nearest.is_none_or(|(_, best)| squared_distance.total_cmp(&best).is_lt()) {
                nearest = Some((position, squared_distance));
            }
        }
        nearest.map(|(position, _)| position)
    }

    /// Where an arrow key, Home or End moves the focus.
    ///
    /// Marks are in reading order: the key that points forward along a line
    /// (Right, or Left in right-to-left Arabic, where the line reads leftward)
    /// moves to the next mark, wrapping onto the next line; the other moves back.
    /// Up and Down move to the nearest mark on the line above or below. At an
    /// edge the focus stays where it is. With no focus yet, every key but End
    /// starts at the first mark.
    pub fn next_mark(&self, from: Option<usize>, key: NavigationKey) -> Option<usize> {
        let last = self.marks.len().checked_sub(1)?;
        let Some(current) = from.filter(|&position| position <= last) else {
            return Some(if key == NavigationKey::End { last } else { 0 });
        };
        let (forward, backward) = if self.right_to_left {
            (NavigationKey::Left, NavigationKey::Right)
        } else {
            (NavigationKey::Right, NavigationKey::Left)
        };
        Some(match key {
            NavigationKey::Home => 0,
            NavigationKey::End => last,
            key if key == forward => (current + 1).min(last),
            key if key == backward => current.saturating_sub(1),
            NavigationKey::Down => self.vertical_neighbour(current, true).unwrap_or(current),
            NavigationKey::Up => self.vertical_neighbour(current, false).unwrap_or(current),
            _ => current,
        })
    }

    /// The nearest mark below (or above): among marks that share some of the
    /// current mark's columns first, so Down stays in its column of a matrix or
    /// of a two-column list; otherwise on the nearest line, closest horizontally.
    fn vertical_neighbour(&self, current: usize, below: bool) -> Option<usize> {
        let origin_mark = self.marks.get(current)?;
        let origin = origin_mark.rect;
        // From a cell, up and down stay among the cells of its column: a category's heading, which spans
        // every column, is reached in reading order instead.
        let from_heading = matches!(origin_mark.shape, MarkShape::Fold { .. });
        let (origin_x, origin_y) = origin.center();
        let mut best: Option<(usize, bool, f64, f64)> = None;
        for (position, mark) in self.marks.iter().enumerate() {
            if !from_heading && matches!(mark.shape, MarkShape::Fold { .. }) {
                continue;
            }
            let (x, y) = mark.rect.center();
            let vertical = if below { y - origin_y } else { origin_y - y };
            if vertical <= SAME_ROW_TOLERANCE {
                continue;
            }
            let same_column = mark.rect.x < origin.right() && origin.x < mark.rect.right();
            let horizontal = (x - origin_x).abs();
            let better = match best {
                None => true,
                Some((_, best_same_column, best_vertical, best_horizontal)) => {
                    if same_column != best_same_column {
                        same_column
                    } else if (vertical - best_vertical).abs() > SAME_ROW_TOLERANCE {
                        vertical < best_vertical
                    } else {
                        // Strictly smaller keeps the first in reading order among equals.
                        horizontal < best_horizontal
                    }
                }
            };
            if better {
                best = Some((position, same_column, vertical, horizontal));
            }
        }
        best.map(|(position, ..)| position)
    }
}
