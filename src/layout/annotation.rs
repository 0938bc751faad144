//! The fact in focus (a story step's `data-fact`, the element's `fact`): its mark ringed, and a short note in the chart, clear of every label.
//!
//! Placed on the finished (already mirrored) scene: beside the mark where a box of the note's size
//! touches no text and no other mark; where none is free, the rows below the mark move down to make room
//! under it, so the note never covers what the chart says.

use crate::data::{Dataset, Lang};

use super::builder::{BODY, MARGIN, MIN_TARGET, line_height};
use super::scene::{ColorRole, MarkShape, Rect, Scene, SceneShape, SceneText, TextAnchor};
use super::text::{self, TextMeasure};

/// The note's text starts this far in from its frame.
const NOTE_PADDING: f64 = 6.0;
/// Between the mark's ring and the note, and between the note and anything else.
const NOTE_GAP: f64 = 8.0;
/// A note is a few words, not the fact's card: at most this wide and this many lines.
const NOTE_MAX_WIDTH: f64 = 240.0;
const NOTE_MAX_LINES: usize = 3;
/// How much wider than measured a line of the note may be drawn and still stay inside its frame.
const NOTE_FONT_SLACK: f64 = 1.1;
/// The ring around the mark in focus is drawn this far outside its rect.
pub const RING_OFFSET: f64 = 3.0;

/// The note of the fact in focus, in the scene's CSS pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Annotation {
    /// The mark of the fact, ringed.
    pub mark: usize,
    /// The note's box; its lines are inside it.
    pub frame: Rect,
    pub lines: Vec<SceneText>,
    /// From the mark's ring to the note's frame.
    pub pointer: ((f64, f64), (f64, f64)),
}

/// Where a text is drawn, as a box: its anchor side and measured width, one line high.
pub fn text_box(measure: &dyn TextMeasure, text: &SceneText) -> Rect {
    let style = text::TextStyle { font_size: text.font_size, bold: text.bold };
    let width = text::measure(measure, &text.text, style);
    let height = line_height(style);
    let left = match text.anchor {
        TextAnchor::Left => text.x,
        TextAnchor::Center => text.x - width / 2.0,
        TextAnchor::Right => text.x - width,
    };
    Rect::new(left, text.y - height / 2.0, width, height)
}

/// Puts the note of `fact` on the scene, if the scene has a mark for it (a folded category, or a view
/// without marks of facts, has none: nothing is added).
pub fn annotate(scene: &mut Scene, dataset: &Dataset, lang: Lang, fact: usize, measure: &dyn TextMeasure) {
    let Some(mark) = scene.marks.iter().position(|mark| mark.fact == Some(fact) && !matches!(mark.shape, MarkShape::Fold { .. })) else {
        return;
    };
    let Some(record) = dataset.facts().get(fact) else { return };
    let inner_width = (scene.width - 2.0 * MARGIN).min(NOTE_MAX_WIDTH) - 2.0 * NOTE_PADDING;
    // Wrapped a little narrower than the frame: a reader's font (or an SVG viewer's) may run wider than measured.
    let wrapped = text::wrap(measure, record.text.get(lang), BODY, inner_width / NOTE_FONT_SLACK, NOTE_MAX_LINES);
    let text_width = wrapped.lines.iter().map(|line| text::measure(measure, line, BODY)).fold(0.0, f64::max);
    let size = ((text_width * NOTE_FONT_SLACK).ceil() + 2.0 * NOTE_PADDING, line_height(BODY) * wrapped.lines.len() as f64 + 2.0 * NOTE_PADDING);
    let ring = scene.marks[mark].rect.inflate(RING_OFFSET);
    // Where the pointer comes straight down from the ring, when rows move to make room under it.
    let labels: Vec<Rect> = scene.texts.iter().map(|text| text_box(measure, text)).collect();
    let (frame, straight_down) = match free_place(scene, mark, ring, size, &labels) {
        Some(frame) => (frame, None),
        None => {
            let line = uncut_line(scene, scene.marks[mark].rect.bottom(), &labels);
            let pointer_x = clear_pointer_x(ring, line, &labels);
            (make_room_below(scene, pointer_x, line, size), Some(pointer_x))
        }
    };
    // The ring moved with the rows if room was made above it: read it again.
    let ring = scene.marks[mark].rect.inflate(RING_OFFSET);
    let (anchor, x) = if scene.right_to_left {
        (TextAnchor::Right, frame.right() - NOTE_PADDING)
    } else {
        (TextAnchor::Left, frame.x + NOTE_PADDING)
    };
    let lines = wrapped
        .lines
        .into_iter()
        .enumerate()
        .map(|(position, line)| SceneText {
            x,
            y: frame.y + NOTE_PADDING + line_height(BODY) * (position as f64 + 0.5),
            text: line,
            font_size: BODY.font_size,
            anchor,
            bold: false,
            role: ColorRole::Text,
        })
        .collect();
    let pointer = match straight_down {
        Some(x) => ((x, ring.bottom()), (x, frame.y)),
        None => pointer(ring, frame),
    };
    scene.annotation = Some(Annotation { mark, frame, lines, pointer });
}

/// The shortest line from the ring's edge to the frame's edge, between their facing sides.
fn pointer(ring: Rect, frame: Rect) -> ((f64, f64), (f64, f64)) {
    let clamp = |value: f64, low: f64, high: f64| value.max(low).min(high.max(low));
    let (ring_x, ring_y) = ring.center();
    let frame_x = frame.center().0;
    if frame.y >= ring.bottom() || frame.bottom() <= ring.y {
        // Straight down (or up) where the ring and the note overlap across; from the note's middle when they do not.
        let x = if ring.x < frame.right() && frame.x < ring.right() {
            clamp(ring_x, frame.x.max(ring.x), frame.right().min(ring.right()))
        } else {
            clamp(ring_x, frame.x, frame.right())
        };
        let (from, to) = if frame.y >= ring.bottom() { (ring.bottom(), frame.y) } else { (ring.y, frame.bottom()) };
        ((clamp(x, ring.x, ring.right()), from), (x, to))
    } else {
        let y = clamp(ring_y, frame.y, frame.bottom());
        let (from, to) = if frame_x >= ring_x { (ring.right(), frame.x) } else { (ring.x, frame.right()) };
        ((from, clamp(y, ring.y, ring.bottom())), (to, y))
    }
}

/// A place beside the ring, inside the chart, where a box of `size` touches no label (`labels`: the boxes of the
/// scene's texts) and no other mark: under or over the mark, then beside it, each centred on it, then flush with
/// either of its edges.
fn free_place(scene: &Scene, mark: usize, ring: Rect, size: (f64, f64), labels: &[Rect]) -> Option<Rect> {
    let (width, height) = size;
    let (center_x, center_y) = ring.center();
    let across = [center_x - width / 2.0, ring.x, ring.right() - width];
    let along = [center_y - height / 2.0, ring.y, ring.bottom() - height];
    // Twelve places, computed rather than listed: one loop body instead of twelve.
    (0..12).map(|place| {
        let alignment = place / 4;
        let (x, y) = match place % 4 {
            0 => (across[alignment], ring.bottom() + NOTE_GAP),
            1 => (across[alignment], ring.y - NOTE_GAP - height),
            2 => (ring.right() + NOTE_GAP, along[alignment]),
            _ => (ring.x - NOTE_GAP - width, along[alignment]),
        };
        Rect::new(x, y, width, height)
    }).find(|frame| {
        let clear = |area: &Rect| !area.inflate(NOTE_GAP / 2.0).intersects(frame);
        frame.x >= MARGIN
            && frame.right() <= scene.width - MARGIN
            && frame.y >= MARGIN
            && frame.bottom() <= scene.height - MARGIN
            && clear(&ring)
            && labels.iter().all(clear)
            && scene.marks.iter().enumerate().all(|(position, other)| position == mark || clear(&other.rect))
    })
}

/// The first line at or below `from` that cuts through no mark and no text: in a view of two columns the rows of
/// the other column need not end where the mark's does, and moving half of a row would tear it apart.
fn uncut_line(scene: &Scene, from: f64, labels: &[Rect]) -> f64 {
    let texts = labels.iter().copied();
    // Short bands too (a category's heading): a tall one (a column's emphasis) crosses every line and grows.
    let bands = scene.shapes.iter().filter_map(|shape| match shape {
        SceneShape::FilledRect { rect, .. } if rect.height < 3.0 * MIN_TARGET => Some(*rect),
        _ => None,
    });
    let boxes: Vec<Rect> = scene.marks.iter().map(|mark| mark.rect).chain(texts).chain(bands).collect();
    let mut line = from;
    // Each pass moves the line to the bottom of something it cut, so it only goes down, and ends.
    while let Some(cut) = boxes.iter().find(|area| area.y < line - 0.5 && area.bottom() > line + 0.5) {
        line = cut.bottom();
    }
    line
}

/// Where, across the ring, a line straight down from it to `line` passes between the labels of the rows in the way
/// (between a row's name and its symbol, say); the ring's centre when nothing is in the way or nothing is clear.
fn clear_pointer_x(ring: Rect, line: f64, labels: &[Rect]) -> f64 {
    let center = ring.center().0;
    if line <= ring.bottom() {
        return center;
    }
    let in_the_way = |label: &&Rect| label.y < line && label.bottom() > ring.bottom();
    let clear = |x: f64| labels.iter().filter(in_the_way).all(|label| x < label.x - 2.0 || x > label.right() + 2.0);
    // From the centre outwards, a few pixels at a time.
    let steps = (ring.width / 8.0).ceil() as usize;
    (0..=steps)
        .flat_map(|step| [center + step as f64 * 4.0, center - step as f64 * 4.0])
        .find(|&x| x > ring.x + 2.0 && x < ring.right() - 2.0 && clear(x))
        .unwrap_or(center)
}

/// Moves everything from the bottom of the mark's row down by the note's height and gaps, and returns the
/// note's frame in the band that opens, under the mark (inside the chart's sides).
fn make_room_below(scene: &mut Scene, center_x: f64, row_bottom: f64, size: (f64, f64)) -> Rect {
    let (width, height) = size;
    // Half a pixel of slack: the next row starts where this one ends, give or take a rounding.
    let line = row_bottom - 0.5;
    let room = height + 2.0 * NOTE_GAP;
    let moves = |y: f64| y >= line;
    let shift_rect = |rect: &mut Rect| {
        if rect.y >= line {
            rect.y += room;
        } else if rect.bottom() > row_bottom + 0.5 {
            // Crosses the opening (a column's band, a long rule): it grows across it.
            rect.height += room;
        }
    };
    for text in &mut scene.texts {
        if moves(text.y) {
            text.y += room;
        }
    }
    for shape in &mut scene.shapes {
        match shape {
            SceneShape::FilledRect { rect, .. } => shift_rect(rect),
            SceneShape::Line { from, to, .. } => {
                let (top, bottom) = if from.1 <= to.1 { (&mut from.1, &mut to.1) } else { (&mut to.1, &mut from.1) };
                if *top >= line {
                    *top += room;
                }
                if *bottom >= line {
                    *bottom += room;
                }
            }
            SceneShape::Symbol(symbol) => {
                if moves(symbol.center.1) {
                    symbol.center.1 += room;
                }
            }
        }
    }
    for other in &mut scene.marks {
        let moved = other.rect.y >= line;
        shift_rect(&mut other.rect);
        if !moved {
            continue;
        }
        match &mut other.shape {
            MarkShape::Symbol(symbol) => symbol.center.1 += room,
            MarkShape::Bar { track, fill, .. } => {
                track.y += room;
                fill.y += room;
            }
            MarkShape::Chip { .. } | MarkShape::Fold { .. } => {}
        }
    }
    for emphasis in &mut scene.party_emphasis {
        shift_rect(&mut emphasis.band);
        shift_rect(&mut emphasis.underline);
    }
    for band in &mut scene.header_bands {
        if band.top >= line {
            band.top += room;
            band.bottom += room;
        }
    }
    scene.height += room;
    let x = (center_x - width / 2.0).min(scene.width - MARGIN - width).max(MARGIN);
    // The pointer comes down at `center_x`: the note stays under it.
    let x = x.max(center_x - width + NOTE_PADDING).min(center_x - NOTE_PADDING);
    Rect::new(x, row_bottom + NOTE_GAP, width, height)
}
