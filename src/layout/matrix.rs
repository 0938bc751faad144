//! The `matrix` view: which party used which tactic, tactics as rows grouped by category, parties as columns.
//!
//! Tactics go down and parties across because five party columns fit a 320 px
//! phone while twenty tactic columns never would; names wrap rather than being
//! cut. Each cell tells its status by shape (see `StatusSymbol`).

use crate::data::{Dataset, Status};
use crate::i18n::{UiText, format_number, list_separator, ui, ui_fill};

use super::builder::{BODY, MARGIN, ROW_HEIGHT, SMALL, SMALL_BOLD, SceneBuilder, line_height};
use super::columns::{self, ColumnPlan};
use super::labels::{category_name, fact_label, party_short, status_name, tactic_name};
use super::legend::status_legend;
use super::scene::{ColorRole, PartyEmphasis, Rect, Scene, Table, TextAnchor};
use super::text::TextStyle;
use super::View;

/// Below this content width the names column may shrink to `NARROW_MIN_LABEL`.
const NARROW_CONTENT: f64 = 480.0;
const NARROW_MIN_LABEL: f64 = 108.0;
const WIDE_MIN_LABEL: f64 = 180.0;
const MAX_LABEL: f64 = 340.0;
/// Space between a name and the first column.
const LABEL_GAP: f64 = 10.0;
const ROW_PADDING: f64 = 8.0;
const BLOCK_GAP: f64 = 20.0;
/// The emphasis band starts this far above its header's text, so the text does not touch its edge.
const EMPHASIS_BAND_PADDING: f64 = 2.0;
/// The underline of an emphasised header sits in the gap below the header's last line,
/// which is at least 4 px (between header levels) and 6 px (above the table).
const UNDERLINE_GAP: f64 = 1.0;
const UNDERLINE_THICKNESS: f64 = 2.0;

pub fn layout(dataset: &Dataset, mut builder: SceneBuilder) -> Scene {
    let lang = builder.lang;
    let (left, content_width) = builder.content();
    let narrow = content_width < NARROW_CONTENT;
    let name_style = if narrow { SMALL } else { BODY };
    // On a phone a fourth line costs less than cutting a name.
    let name_lines = if narrow { 4 } else { 3 };
    let min_label = if narrow { NARROW_MIN_LABEL } else { WIDE_MIN_LABEL };

    let mut y = MARGIN;
    y += status_legend(&mut builder, left, y, content_width) + 14.0;

    let party_count = dataset.parties().len();
    let groups = dataset.tactics_by_category();
    let label_natural = (0..dataset.tactics().len())
        .map(|tactic| builder.measure(tactic_name(dataset, lang, tactic), name_style))
        .fold(0.0, f64::max)
        + LABEL_GAP;
    let label_natural = label_natural.min(MAX_LABEL);

    let per_block = columns::columns_per_block(content_width, min_label, party_count);
    let parties: Vec<usize> = (0..party_count).collect();
    for (block_position, block) in parties.chunks(per_block).enumerate() {
        if block_position > 0 {
            y += BLOCK_GAP;
        }
        let headers: Vec<&str> = block.iter().map(|&party| party_short(dataset, lang, party)).collect();
        let cuts_names = |label_width: f64| {
            (0..dataset.tactics().len()).any(|tactic| {
                builder.wrap(tactic_name(dataset, lang, tactic), name_style, label_width - LABEL_GAP - 6.0, name_lines).shortened
            })
        };
        let plan = columns::plan(&builder, &headers, content_width, min_label, label_natural, &cuts_names);
        let colored: Vec<(&str, ColorRole)> = headers.iter().map(|header| (*header, ColorRole::Text)).collect();
        let header_area = columns::headers(&mut builder, &plan, left, y, MARGIN - 2.0, &colored);
        y += header_area.height + 6.0;
        let table_right = plan.columns_right(left, block.len());
        builder.rule(left, table_right, y, ColorRole::Grid);

        for (category, tactics) in &groups {
            y = category_row(&mut builder, dataset, *category, left, table_right, y);
            for &tactic in tactics {
                y = tactic_row(&mut builder, dataset, &plan, block, tactic, left, y, name_style, name_lines);
            }
        }
        y = totals_row(&mut builder, dataset, &plan, block, left, y);
        emphasis_of_block(&mut builder, &plan, block, &header_area.boxes, left, y);
    }

    let summary = summary(dataset, lang);
    let table = table(dataset, lang, &groups);
    builder.finish(View::Matrix, y + MARGIN, summary, table)
}

/// Lays out the emphasis of every party of a block, whichever is picked, so picking
/// another one needs no layout: a band down the party's column from its header to
/// its total, and a line under its header.
fn emphasis_of_block(builder: &mut SceneBuilder, plan: &ColumnPlan, block: &[usize], header_boxes: &[Rect], left: f64, bottom: f64) {
    for ((column, &party), header) in block.iter().enumerate().zip(header_boxes) {
        let top = header.y - EMPHASIS_BAND_PADDING;
        builder.party_emphasis(PartyEmphasis {
            party,
            band: Rect::new(plan.column_x(left, column), top, plan.column_width, bottom - top),
            underline: Rect::new(header.x, header.bottom() + UNDERLINE_GAP, header.width, UNDERLINE_THICKNESS),
        });
    }
}

fn category_row(builder: &mut SceneBuilder, dataset: &Dataset, category: usize, left: f64, right: f64, top: f64) -> f64 {
    let name = category_name(dataset, builder.lang, category);
    let style = TextStyle { font_size: 13.0, bold: true };
    let wrapped = builder.wrap(name, style, right - left - 12.0, 2);
    let height = (line_height(style) * wrapped.lines.len() as f64 + 10.0).max(26.0);
    builder.filled(Rect::new(left, top, right - left, height), ColorRole::Band);
    builder.lines(left + 6.0, top + 5.0, &wrapped.lines, style, TextAnchor::Left, ColorRole::Text);
    top + height
}

#[allow(clippy::too_many_arguments)]
fn tactic_row(
    builder: &mut SceneBuilder,
    dataset: &Dataset,
    plan: &ColumnPlan,
    block: &[usize],
    tactic: usize,
    left: f64,
    top: f64,
    name_style: TextStyle,
    name_lines: usize,
) -> f64 {
    let lang = builder.lang;
    let wrapped = builder.wrap(tactic_name(dataset, lang, tactic), name_style, plan.label_width - LABEL_GAP - 6.0, name_lines);
    let text_height = line_height(name_style) * wrapped.lines.len() as f64;
    let height = (text_height + ROW_PADDING).max(ROW_HEIGHT);
    builder.lines(left + 6.0, top + (height - text_height) / 2.0, &wrapped.lines, name_style, TextAnchor::Left, ColorRole::Text);
    for (column, &party) in block.iter().enumerate() {
        let cell = Rect::new(plan.column_x(left, column), top, plan.column_width, height);
        builder.status_cell(dataset, party, tactic, cell, fact_label(dataset, lang, party, tactic));
    }
    builder.rule(left, plan.columns_right(left, block.len()), top + height, ColorRole::Grid);
    top + height
}

fn used_count(dataset: &Dataset, party: usize) -> usize {
    (0..dataset.tactics().len()).filter(|&tactic| dataset.status(party, tactic) == Some(Status::Used)).count()
}

fn totals_row(builder: &mut SceneBuilder, dataset: &Dataset, plan: &ColumnPlan, block: &[usize], left: f64, top: f64) -> f64 {
    let lang = builder.lang;
    let label = ui(lang, UiText::TacticsUsedRow);
    let wrapped = builder.wrap(label, SMALL_BOLD, plan.label_width - LABEL_GAP - 6.0, 2);
    let text_height = line_height(SMALL_BOLD) * wrapped.lines.len() as f64;
    let height = (text_height + ROW_PADDING).max(ROW_HEIGHT);
    let top = top + 2.0;
    builder.lines(left + 6.0, top + (height - text_height) / 2.0, &wrapped.lines, SMALL_BOLD, TextAnchor::Left, ColorRole::Text);
    for (column, &party) in block.iter().enumerate() {
        let center = plan.column_x(left, column) + plan.column_width / 2.0;
        let count = format_number(lang, used_count(dataset, party) as f64);
        builder.text(center, top + height / 2.0, count, SMALL_BOLD, TextAnchor::Center, ColorRole::Text);
    }
    top + height
}

fn summary(dataset: &Dataset, lang: crate::data::Lang) -> String {
    let party_count = dataset.parties().len();
    let counts: Vec<String> = (0..party_count)
        .map(|party| format!("{} {}", party_short(dataset, lang, party), format_number(lang, used_count(dataset, party) as f64)))
        .collect();
    let users = |tactic: usize| (0..party_count).filter(|&party| dataset.status(party, tactic) == Some(Status::Used)).count();
    let most = (0..dataset.tactics().len()).map(users).max().unwrap_or(0);
    let top: Vec<String> = if most == 0 {
        Vec::new()
    } else {
        (0..dataset.tactics().len())
            .filter(|&tactic| users(tactic) == most)
            .map(|tactic| format!("{} ({})", tactic_name(dataset, lang, tactic), format_number(lang, most as f64)))
            .collect()
    };
    let top = if top.is_empty() { ui(lang, UiText::NoneItem).to_owned() } else { top.join(list_separator(lang)) };
    ui_fill(
        lang,
        UiText::SummaryMatrix,
        &[
            ("tactics", &format_number(lang, dataset.tactics().len() as f64)),
            ("parties", &format_number(lang, party_count as f64)),
            ("counts", &counts.join(list_separator(lang))),
            ("top", &top),
        ],
    )
}

fn table(dataset: &Dataset, lang: crate::data::Lang, groups: &[(usize, Vec<usize>)]) -> Table {
    let mut header = vec![ui(lang, UiText::AxisCategory).to_owned(), ui(lang, UiText::AxisTactic).to_owned()];
    header.extend((0..dataset.parties().len()).map(|party| party_short(dataset, lang, party).to_owned()));
    let mut rows = Vec::new();
    for (category, tactics) in groups {
        for &tactic in tactics {
            let mut row = vec![category_name(dataset, lang, *category).to_owned(), tactic_name(dataset, lang, tactic).to_owned()];
            row.extend((0..dataset.parties().len()).map(|party| status_name(lang, dataset.status(party, tactic)).to_owned()));
            rows.push(row);
        }
    }
    Table { caption: ui(lang, UiText::CaptionMatrix).to_owned(), header, rows }
}

#[cfg(test)]
mod tests {
    use crate::chart::render_svg;
    use crate::data::{Dataset, Lang};
    use crate::layout::{EstimatedTextMeasure, View, ViewRequest, layout};
    use crate::theme::Theme;

    fn matrix(dataset: &Dataset, lang: Lang, width: f64, party: usize) -> crate::layout::Scene {
        let request = ViewRequest { view: View::Matrix, lang, party, versus: 0, width };
        match layout(dataset, &request, &EstimatedTextMeasure) {
            Ok(scene) => scene,
            Err(error) => panic!("{error}"),
        }
    }

    #[test]
    fn emphasising_another_party_on_a_kept_scene_draws_what_a_new_layout_draws() {
        let Ok(dataset) = Dataset::built_in() else { panic!("the built-in dataset is refused") };
        let party_count = dataset.parties().len();
        for lang in Lang::ALL {
            for width in [320.0, 640.0] {
                let scenes: Vec<_> = (0..party_count).map(|party| matrix(&dataset, lang, width, party)).collect();
                for (first, kept) in scenes.iter().enumerate() {
                    for (second, fresh) in scenes.iter().enumerate() {
                        let mut switched = kept.clone();
                        switched.emphasise_party(second);
                        let context = format!("{} {width}: {first} then {second}", lang.code());
                        assert_eq!(&switched, fresh, "{context}");
                        for theme in [Theme::light(), Theme::dark()] {
                            let drawn = render_svg(&switched, &theme);
                            assert_eq!(drawn, render_svg(fresh, &theme), "{context}");
                            assert_eq!(drawn == render_svg(kept, &theme), first == second, "{context}: the emphasis shows");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn every_party_has_its_emphasis_laid_out_and_the_request_picks_one() {
        let Ok(dataset) = Dataset::built_in() else { panic!("the built-in dataset is refused") };
        let scene = matrix(&dataset, Lang::Ar, 640.0, 2);
        let parties: Vec<usize> = scene.party_emphasis.iter().map(|emphasis| emphasis.party).collect();
        assert_eq!(parties, (0..dataset.parties().len()).collect::<Vec<_>>());
        assert_eq!(scene.emphasised_party, Some(2));
        assert!(scene.emphasis().is_some_and(|emphasis| emphasis.party == 2));
        // A position past the end, which the matrix tolerates, emphasises nothing.
        assert_eq!(matrix(&dataset, Lang::Ar, 640.0, 99).emphasised_party, None);
        let mut kept = scene.clone();
        kept.emphasise_party(99);
        assert_eq!(kept.emphasis(), None);
    }
}
