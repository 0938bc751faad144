//! The `party` view: one party's toolkit, category by category, with its breadth score.
//!
//! Each category shows how many of its tactics the party used, was reported as
//! not using, or of which the source says nothing; under it every tactic is a row
//! with its status symbol, the used ones in bold.

use crate::compare::{CategoryCounts, profile};
use crate::data::{Camp, Dataset, Lang, Status};
use crate::i18n::{UiText, format_number, format_percent, list_separator, ui, ui_fill};

use super::builder::{BODY, MARGIN, ROW_HEIGHT, SMALL, SMALL_BOLD, SYMBOL_RADIUS, SceneBuilder, TITLE, line_height, snap};
use super::labels::{category_name, fact_label, party_full, party_short, status_name, tactic_name};
use super::legend::status_legend;
use super::scene::{ColorRole, Mark, MarkShape, Rect, Scene, StatusSymbol, Table, TextAnchor};
use super::text::TextStyle;
use super::View;

/// From this content width the categories flow into two columns.
const TWO_COLUMNS_FROM: f64 = 600.0;
const COLUMN_GAP: f64 = 24.0;
const BLOCK_GAP: f64 = 14.0;
const BREADTH_BAR_MAX: f64 = 420.0;
const HEADING_STYLE: TextStyle = TextStyle { font_size: 13.0, bold: true };
/// Where a row's name starts, after its status symbol.
const NAME_INDENT: f64 = 30.0;

pub fn layout(dataset: &Dataset, mut builder: SceneBuilder, party: usize) -> Scene {
    let lang = builder.lang;
    let (left, content_width) = builder.content();
    let tactic_count = dataset.tactics().len();
    let profile = profile(dataset, party).ok();
    let used = profile.as_ref().map_or(0, |profile| profile.used.len());
    let not_used = profile.as_ref().map_or(0, |profile| profile.not_used.len());
    let breadth = profile.as_ref().map_or(0.0, |profile| profile.breadth);
    let by_category: Vec<CategoryCounts> = profile.map(|profile| profile.by_category).unwrap_or_default();

    let mut y = MARGIN;
    // The title, after a swatch of the party's colour used across the views.
    let swatch = 14.0;
    let title = builder.wrap(party_full(dataset, lang, party), TITLE, content_width - swatch - 8.0, 2);
    builder.filled(Rect::new(left, y + (line_height(TITLE) - swatch) / 2.0, swatch, swatch), ColorRole::Party(party));
    y += builder.lines(left + swatch + 8.0, y, &title.lines, TITLE, TextAnchor::Left, ColorRole::Text);
    if let Some(camp) = dataset.parties().get(party).map(|party| party.camp) {
        let camp_name = ui(lang, if camp == Camp::Majority { UiText::Majority } else { UiText::Opposition });
        y += builder.lines(left + swatch + 8.0, y, &[camp_name.to_owned()], SMALL, TextAnchor::Left, ColorRole::MutedText);
    }
    y += 8.0;

    let percent = format_percent(lang, breadth);
    let breadth_text = ui_fill(
        lang,
        UiText::Breadth,
        &[
            ("used", &format_number(lang, used as f64)),
            ("total", &format_number(lang, tactic_count as f64)),
            ("percent", &percent),
        ],
    );
    y += builder.paragraph(left, y, &breadth_text, TextStyle { font_size: 13.0, bold: true }, content_width, 2, ColorRole::Text);
    let track_width = content_width.min(BREADTH_BAR_MAX);
    let hit = Rect::new(left, y, track_width, ROW_HEIGHT - 4.0);
    let track = Rect::new(left, y + 7.0, track_width, 12.0);
    let fill = Rect::new(left, track.y, track_width * breadth.clamp(0.0, 1.0), track.height);
    builder.mark(Mark {
        rect: hit,
        shape: MarkShape::Bar { track, fill, role: ColorRole::Party(party) },
        party: Some(party),
        tactic: None,
        fact: None,
        status: None,
        label: ui_fill(lang, UiText::MarkBreadth, &[("party", party_short(dataset, lang, party)), ("breadth", &breadth_text)]),
    });
    y += hit.height + 2.0;
    y += builder.paragraph(left, y, ui(lang, UiText::BreadthMeaning), SMALL, content_width, 3, ColorRole::MutedText);
    y += 10.0;
    y += status_legend(&mut builder, left, y, content_width) + 12.0;

    let two_columns = content_width >= TWO_COLUMNS_FROM && by_category.len() > 1;
    let column_width = snap(if two_columns { (content_width - COLUMN_GAP) / 2.0 } else { content_width });
    let groups = dataset.tactics_by_category();
    let blocks: Vec<BlockPlan> = by_category
        .iter()
        .map(|counts| {
            let members = groups.iter().find(|(category, _)| *category == counts.category).map_or(&[][..], |(_, members)| members);
            plan_block(&builder, dataset, party, counts, members, column_width)
        })
        .collect();
    let split = if two_columns { balanced_split(&blocks) } else { blocks.len() };
    let mut bottom = y;
    for (column, range) in [(0.0, 0..split), (1.0, split..blocks.len())] {
        let x = left + column * (column_width + COLUMN_GAP);
        let mut top = y;
        for block in blocks.get(range).unwrap_or(&[]) {
            top = draw_block(&mut builder, dataset, party, block, x, top, column_width) + BLOCK_GAP;
        }
        bottom = bottom.max(top);
    }

    let summary = summary(dataset, lang, party, used, not_used, tactic_count, &percent, &by_category);
    let table = table(dataset, lang, party, &groups);
    builder.finish(View::Party, bottom - BLOCK_GAP + MARGIN, summary, table)
}

struct RowPlan {
    tactic: usize,
    status: Option<Status>,
    lines: Vec<String>,
    height: f64,
}

struct BlockPlan {
    counts: CategoryCounts,
    heading: Vec<String>,
    heading_height: f64,
    rows: Vec<RowPlan>,
    height: f64,
}

fn name_style(status: Option<Status>) -> TextStyle {
    TextStyle { font_size: BODY.font_size, bold: status == Some(Status::Used) }
}

/// The width of the counts at the end of a category heading: three symbols and numbers.
fn counts_width(builder: &SceneBuilder, counts: &CategoryCounts) -> f64 {
    [counts.used, counts.not_used, counts.not_reported]
        .iter()
        .map(|count| 2.0 * SYMBOL_RADIUS + 4.0 + builder.measure(&format_number(builder.lang, *count as f64), SMALL_BOLD) + 10.0)
        .sum()
}

fn plan_block(
    builder: &SceneBuilder,
    dataset: &Dataset,
    party: usize,
    counts: &CategoryCounts,
    members: &[usize],
    width: f64,
) -> BlockPlan {
    let lang = builder.lang;
    let heading_room = width - counts_width(builder, counts) - 16.0;
    let heading = builder.wrap(category_name(dataset, lang, counts.category), HEADING_STYLE, heading_room, 3).lines;
    let heading_height = (line_height(HEADING_STYLE) * heading.len() as f64 + 10.0).max(ROW_HEIGHT);
    let rows: Vec<RowPlan> = members
        .iter()
        .map(|&tactic| {
            let status = dataset.status(party, tactic);
            let lines = builder.wrap(tactic_name(dataset, lang, tactic), name_style(status), width - NAME_INDENT - 4.0, 3).lines;
            let height = (line_height(BODY) * lines.len() as f64 + 8.0).max(ROW_HEIGHT);
            RowPlan { tactic, status, lines, height }
        })
        .collect();
    let height = heading_height + rows.iter().map(|row| row.height).sum::<f64>();
    BlockPlan { counts: counts.clone(), heading, heading_height, rows, height }
}

/// How many blocks go in the first column so that the taller column is as short as possible.
fn balanced_split(blocks: &[BlockPlan]) -> usize {
    let total: f64 = blocks.iter().map(|block| block.height + BLOCK_GAP).sum();
    let mut best = (blocks.len(), f64::INFINITY);
    let mut first = 0.0;
    for (count, block) in blocks.iter().enumerate() {
        first += block.height + BLOCK_GAP;
        let taller = first.max(total - first);
        if taller < best.1 {
            best = (count + 1, taller);
        }
    }
    best.0
}

fn draw_block(builder: &mut SceneBuilder, dataset: &Dataset, party: usize, block: &BlockPlan, x: f64, top: f64, width: f64) -> f64 {
    let lang = builder.lang;
    builder.filled(Rect::new(x, top, width, block.heading_height), ColorRole::Band);
    let text_height = line_height(HEADING_STYLE) * block.heading.len() as f64;
    builder.lines(x + 6.0, top + (block.heading_height - text_height) / 2.0, &block.heading, HEADING_STYLE, TextAnchor::Left, ColorRole::Text);
    // Counts at the far end, laid from the end backwards so they hug the edge.
    let center_y = top + block.heading_height / 2.0;
    let mut end = x + width - 6.0;
    let counts = [(None, block.counts.not_reported), (Some(Status::NotUsed), block.counts.not_used), (Some(Status::Used), block.counts.used)];
    for (status, count) in counts {
        let number = format_number(lang, count as f64);
        let number_width = builder.measure(&number, SMALL_BOLD);
        builder.text(end, center_y, number, SMALL_BOLD, TextAnchor::Right, ColorRole::Text);
        builder.symbol((end - number_width - 4.0 - SYMBOL_RADIUS, center_y), status, ColorRole::of_status(status));
        end -= number_width + 4.0 + 2.0 * SYMBOL_RADIUS + 10.0;
    }

    let mut y = top + block.heading_height;
    for row in &block.rows {
        let rect = Rect::new(x, y, width, row.height);
        let style = name_style(row.status);
        let text_height = line_height(style) * row.lines.len() as f64;
        let role = if row.status == Some(Status::Used) { ColorRole::Text } else { ColorRole::MutedText };
        builder.lines(x + NAME_INDENT, y + (row.height - text_height) / 2.0, &row.lines, style, TextAnchor::Left, role);
        builder.mark(Mark {
            rect,
            shape: MarkShape::Symbol(StatusSymbol {
                center: (x + 6.0 + SYMBOL_RADIUS, y + row.height / 2.0),
                status: row.status,
                radius: SYMBOL_RADIUS,
                role: ColorRole::of_status(row.status),
            }),
            party: Some(party),
            tactic: Some(row.tactic),
            fact: dataset.fact_index(party, row.tactic),
            status: row.status,
            label: fact_label(dataset, lang, party, row.tactic),
        });
        y += row.height;
        builder.rule(x, x + width, y, ColorRole::Grid);
    }
    y
}

#[allow(clippy::too_many_arguments)]
fn summary(
    dataset: &Dataset,
    lang: Lang,
    party: usize,
    used: usize,
    not_used: usize,
    total: usize,
    percent: &str,
    by_category: &[CategoryCounts],
) -> String {
    let categories: Vec<String> = by_category
        .iter()
        .map(|counts| {
            let of_total = ui_fill(
                lang,
                UiText::CountOfTotal,
                &[
                    ("used", &format_number(lang, counts.used as f64)),
                    ("total", &format_number(lang, (counts.used + counts.not_used + counts.not_reported) as f64)),
                ],
            );
            format!("{} {}", category_name(dataset, lang, counts.category), of_total)
        })
        .collect();
    ui_fill(
        lang,
        UiText::SummaryParty,
        &[
            ("party", party_full(dataset, lang, party)),
            ("used", &format_number(lang, used as f64)),
            ("total", &format_number(lang, total as f64)),
            ("percent", percent),
            ("not_used", &format_number(lang, not_used as f64)),
            ("categories", &categories.join(list_separator(lang))),
        ],
    )
}

fn table(dataset: &Dataset, lang: Lang, party: usize, groups: &[(usize, Vec<usize>)]) -> Table {
    let header = vec![
        ui(lang, UiText::AxisCategory).to_owned(),
        ui(lang, UiText::AxisTactic).to_owned(),
        ui(lang, UiText::AxisStatus).to_owned(),
    ];
    let rows = groups
        .iter()
        .flat_map(|(category, tactics)| {
            tactics.iter().map(move |&tactic| {
                vec![
                    category_name(dataset, lang, *category).to_owned(),
                    tactic_name(dataset, lang, tactic).to_owned(),
                    status_name(lang, dataset.status(party, tactic)).to_owned(),
                ]
            })
        })
        .collect();
    Table {
        caption: ui_fill(lang, UiText::CaptionParty, &[("party", party_full(dataset, lang, party))]),
        header,
        rows,
    }
}
