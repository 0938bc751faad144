//! The `party` view: one party's toolkit, category by category, with its breadth score.
//!
//! Each category shows how many of its tactics the party used, was reported as
//! not using, or of which the source says nothing; under it every tactic is a row
//! with its status symbol, the used ones in bold.

use crate::compare::{CategoryCounts, PartyIndex, PartyProfile, profile};
use crate::data::{Camp, Dataset, Lang, Status};
use crate::i18n::{UiText, format_number, format_percent, list_separator, ui, ui_fill};

use super::builder::{
    BODY, FIGURE_BAR_HIT_HEIGHT, FIGURE_BAR_TRACK_HEIGHT, HEADING, HEADING_PADDING, LABEL_INSET, MARGIN, ROW_HEIGHT, SMALL, SMALL_BOLD, SYMBOL_RADIUS,
    SceneBuilder, TITLE, line_height, row_height, snap,
};
use super::labels::{SentenceForm, category_name, fact_label, party_full, party_in_sentence, party_short, refusal_count_label, status_name, tactic_name};
use super::legend::status_legend;
use super::scene::{ColorRole, Rect, Scene, Table, TextAnchor};
use super::text::TextStyle;
use super::View;

/// From this content width the categories flow into two columns.
const TWO_COLUMNS_FROM: f64 = 600.0;
const COLUMN_GAP: f64 = 24.0;
const BLOCK_GAP: f64 = 14.0;
const BREADTH_BAR_MAX: f64 = 420.0;
/// Where a row's name starts, after its status symbol.
const NAME_INDENT: f64 = 30.0;
/// What a category's heading leaves beside its counts: the band's inset at both ends and a little gap.
const HEADING_END_ROOM: f64 = 2.0 * LABEL_INSET + 4.0;

pub fn layout(dataset: &Dataset, mut builder: SceneBuilder, party: PartyIndex) -> Scene {
    let lang = builder.lang;
    let (left, content_width) = builder.content();
    let tactic_count = dataset.tactics().len();
    let profile = profile(dataset, party);
    let by_category = &profile.by_category;
    let party = party.position();

    let mut y = MARGIN;
    // The title, after a swatch of the party's colour used across the views.
    let swatch = 14.0;
    let title = builder.wrap(party_full(dataset, lang, party), TITLE, content_width - swatch - 8.0, 2);
    builder.filled(Rect::new(left, y + (line_height(TITLE) - swatch) / 2.0, swatch, swatch), ColorRole::Party(party));
    y += builder.lines(left + swatch + 8.0, y, &title.lines, TITLE, TextAnchor::Left, ColorRole::Text);
    if let Some(camp) = dataset.parties().get(party).map(|party| party.camp) {
        let camp_name = ui(lang, if camp == Camp::Majority { UiText::Majority } else { UiText::Opposition });
        let height = line_height(SMALL);
        builder.text(left + swatch + 8.0, y + height * 0.5, camp_name.to_owned(), SMALL, TextAnchor::Left, ColorRole::MutedText);
        y += height;
    }
    y += 8.0;

    let percent = format_percent(lang, profile.breadth);
    let breadth_text = ui_fill(
        lang,
        UiText::Breadth,
        &[
            ("used", &format_number(lang, profile.used.len() as f64)),
            ("total", &format_number(lang, tactic_count as f64)),
            ("percent", &percent),
        ],
    );
    y += builder.paragraph(left, y, &breadth_text, HEADING, content_width, 2, ColorRole::Text);
    let hit = Rect::new(left, y, content_width.min(BREADTH_BAR_MAX), FIGURE_BAR_HIT_HEIGHT);
    let label = ui_fill(lang, UiText::MarkBreadth, &[("party", party_short(dataset, lang, party)), ("breadth", &breadth_text)]);
    builder.bar(hit, FIGURE_BAR_TRACK_HEIGHT, profile.breadth, ColorRole::Party(party), Some(party), label);
    y += hit.height + 2.0;
    y += builder.paragraph(left, y, ui(lang, UiText::BreadthMeaning), SMALL, content_width, 3, ColorRole::MutedText);
    y += 10.0;
    y += status_legend(&mut builder, dataset, left, y, content_width) + 12.0;

    let two_columns = content_width >= TWO_COLUMNS_FROM && by_category.len() > 1;
    let column_width = snap(if two_columns { (content_width - COLUMN_GAP) / 2.0 } else { content_width });
    let groups = dataset.tactics_by_category();
    let mut blocks: Vec<BlockPlan> = Vec::with_capacity(by_category.len());
    for counts in by_category {
        let mut members: &[usize] = &[];
        for (category, tactics) in &groups {
            if *category == counts.category {
                members = tactics;
                break;
            }
        }
        blocks.push(plan_block(&builder, dataset, party, counts, members, column_width));
    }
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

    let summary = summary(dataset, lang, &profile, &percent);
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
    let mut width = 0.0;
    for count in [counts.used, counts.not_used, counts.not_reported] {
        width += 2.0 * SYMBOL_RADIUS + 4.0 + builder.measure(&format_number(builder.lang, count as f64), SMALL_BOLD) + 10.0;
    }
    width
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
    let heading_room = width - counts_width(builder, counts) - HEADING_END_ROOM;
    let heading = builder.wrap(category_name(dataset, lang, counts.category), HEADING, heading_room, 3).lines;
    let heading_height = (line_height(HEADING) * heading.len() as f64 + 2.0 * HEADING_PADDING).max(ROW_HEIGHT);
    let mut rows = Vec::with_capacity(members.len());
    let mut rows_height = 0.0;
    for &tactic in members {
        let status = dataset.status(party, tactic);
        let lines = builder.wrap(tactic_name(dataset, lang, tactic), name_style(status), width - NAME_INDENT - 4.0, 3).lines;
        let height = row_height(lines.len(), BODY);
        rows_height += height;
        rows.push(RowPlan { tactic, status, lines, height });
    }
    BlockPlan { counts: counts.clone(), heading, heading_height, rows, height: heading_height + rows_height }
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
    builder.centered_lines(x + LABEL_INSET, top, block.heading_height, &block.heading, HEADING, ColorRole::Text);
    // Counts at the far end, laid from the end backwards so they hug the edge.
    let center_y = top + block.heading_height / 2.0;
    let mut end = x + width - LABEL_INSET;
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
        let role = if row.status == Some(Status::Used) { ColorRole::Text } else { ColorRole::MutedText };
        builder.centered_lines(x + NAME_INDENT, y, row.height, &row.lines, name_style(row.status), role);
        let center = (x + LABEL_INSET + SYMBOL_RADIUS, y + row.height / 2.0);
        let label = fact_label(dataset, lang, party, row.tactic);
        builder.status_mark(dataset, party, row.tactic, Rect::new(x, y, width, row.height), center, SYMBOL_RADIUS, label);
        y += row.height;
        builder.rule(x, x + width, y, ColorRole::Grid);
    }
    y
}

fn summary(dataset: &Dataset, lang: Lang, profile: &PartyProfile, percent: &str) -> String {
    let mut categories = String::new();
    for (position, counts) in profile.by_category.iter().enumerate() {
        if position > 0 {
            categories.push_str(list_separator(lang));
        }
        let of_total = ui_fill(
            lang,
            UiText::CountOfTotal,
            &[
                ("used", &format_number(lang, counts.used as f64)),
                ("total", &format_number(lang, counts.total() as f64)),
            ],
        );
        categories.push_str(category_name(dataset, lang, counts.category));
        categories.push(' ');
        categories.push_str(&of_total);
    }
    ui_fill(
        lang,
        UiText::SummaryParty,
        &[
            ("party", party_full(dataset, lang, profile.party)),
            ("used", &format_number(lang, profile.used.len() as f64)),
            ("total", &format_number(lang, dataset.tactics().len() as f64)),
            ("percent", percent),
            ("refused", refusal_count_label(dataset, lang)),
            ("not_used", &format_number(lang, profile.not_used.len() as f64)),
            ("categories", &categories),
        ],
    )
}

fn table(dataset: &Dataset, lang: Lang, party: usize, groups: &[(usize, Vec<usize>)]) -> Table {
    let of_party = party_in_sentence(dataset, lang, party, true, SentenceForm::AfterDe);
    let caption = ui_fill(lang, UiText::CaptionParty, &[("party", &of_party)]);
    let mut table = Table::new(caption, &[ui(lang, UiText::AxisCategory), ui(lang, UiText::AxisTactic), ui(lang, UiText::AxisStatus)]);
    for (category, tactics) in groups {
        for &tactic in tactics {
            table.row(&[
                category_name(dataset, lang, *category),
                tactic_name(dataset, lang, tactic),
                status_name(lang, dataset.status(party, tactic)),
            ]);
        }
    }
    table
}
