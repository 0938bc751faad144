//! The `matrix` view: which party used which tactic, tactics as rows grouped by category, parties as columns.
//!
//! Tactics go down and parties across because five party columns fit a 320 px
//! phone while twenty tactic columns never would; names wrap rather than being
//! cut. Each cell tells its status by shape (see `StatusSymbol`).

use crate::compare::{PartyProfile, profiles, users_per_tactic};
use crate::data::{Dataset, Lang};
use crate::i18n::{UiText, format_number, list_separator, ui, ui_fill};

use super::builder::{BODY, LABEL_GAP, LABEL_INSET, MARGIN, NARROW_CONTENT, SMALL, SMALL_BOLD, SceneBuilder, row_height};
use super::columns::{self, ColumnPlan};
use super::labels::{category_name, fact_label, party_short, status_name, tactic_name};
use super::legend::status_legend;
use super::scene::{ColorRole, PartyEmphasis, Rect, Scene, Table, TextAnchor};
use super::text::TextStyle;
use super::{CategorySet, View};

/// Below this content width the names column may shrink to `NARROW_MIN_LABEL`.
const NARROW_MIN_LABEL: f64 = 108.0;
const WIDE_MIN_LABEL: f64 = 180.0;
const MAX_LABEL: f64 = 340.0;
const BLOCK_GAP: f64 = 20.0;
/// Space between the party headers and the table's first rule.
const HEADERS_GAP: f64 = 6.0;
/// The emphasis band starts this far above its header's text, so the text does not touch its edge.
const EMPHASIS_BAND_PADDING: f64 = 2.0;
/// The underline of an emphasised header sits in the gap below the header's last line,
/// which is at least 4 px (between header levels) and 6 px (above the table).
const UNDERLINE_GAP: f64 = 1.0;
const UNDERLINE_THICKNESS: f64 = 2.0;

pub fn layout(dataset: &Dataset, mut builder: SceneBuilder, folded: CategorySet) -> Scene {
    let lang = builder.lang;
    let (left, content_width) = builder.content();
    let narrow = content_width < NARROW_CONTENT;
    let name_style = if narrow { SMALL } else { BODY };
    // On a phone a fourth line costs less than cutting a name.
    let name_lines = if narrow { 4 } else { 3 };
    let min_label = if narrow { NARROW_MIN_LABEL } else { WIDE_MIN_LABEL };

    let mut y = MARGIN;
    let band_top = y;
    y += status_legend(&mut builder, dataset, left, y, content_width) + 14.0;

    let profiles = profiles(dataset);
    let groups = dataset.tactics_by_category();
    let label_natural = (columns::widest_tactic_name(&builder, dataset, name_style) + LABEL_GAP).min(MAX_LABEL);

    let per_block = columns::columns_per_block(content_width, min_label, profiles.len());
    let mut headers: Vec<&str> = Vec::new();
    for (block_position, block) in profiles.chunks(per_block).enumerate() {
        if block_position > 0 {
            y += BLOCK_GAP;
        }
        let block_top = if block_position == 0 { band_top } else { y };
        headers.clear();
        for profile in block {
            headers.push(party_short(dataset, lang, profile.party));
        }
        let cuts_names =
            |label_width: f64| columns::cuts_tactic_names(&builder, dataset, name_style, label_width - LABEL_GAP - LABEL_INSET, name_lines);
        let plan = columns::plan(&builder, &headers, content_width, min_label, label_natural, &cuts_names);
        let header_area = columns::headers(&mut builder, &plan, left, y, MARGIN - 2.0, &headers);
        y += header_area.height + HEADERS_GAP;
        let table_right = plan.columns_right(left, block.len());
        builder.rule(left, table_right, y, ColorRole::Grid);
        builder.header_band(block_top, y + 1.0);

        for (category, tactics) in &groups {
            let name = category_name(dataset, lang, *category);
            let is_folded = folded.contains(*category);
            let action = if is_folded { UiText::UnfoldCategory } else { UiText::FoldCategory };
            let label = ui_fill(lang, action, &[("category", name)]);
            y += builder.fold_heading(name, left, table_right, y, *category, is_folded, label);
            if is_folded {
                let count = format_number(lang, tactics.len() as f64);
                let height = row_name(&mut builder, &plan, &ui_fill(lang, UiText::FoldedRow, &[("count", &count)]), name_style, name_lines, left, y);
                for (column, profile) in block.iter().enumerate() {
                    let center = plan.column_x(left, column) + plan.column_width / 2.0;
                    let counts = profile.by_category.iter().find(|counts| counts.category == *category);
                    let used = counts.map_or(0, |counts| counts.used);
                    builder.text(center, y + height / 2.0, format_number(lang, used as f64), SMALL_BOLD, TextAnchor::Center, ColorRole::Text);
                }
                y += height;
                builder.rule(left, table_right, y, ColorRole::Grid);
                continue;
            }
            for &tactic in tactics {
                let height = row_name(&mut builder, &plan, tactic_name(dataset, lang, tactic), name_style, name_lines, left, y);
                for (column, profile) in block.iter().enumerate() {
                    let cell = Rect::new(plan.column_x(left, column), y, plan.column_width, height);
                    builder.status_cell(dataset, profile.party, tactic, cell, fact_label(dataset, lang, profile.party, tactic));
                }
                y += height;
                builder.rule(left, table_right, y, ColorRole::Grid);
            }
        }
        // The totals row, set a little apart from the last tactic.
        y += 2.0;
        let height = row_name(&mut builder, &plan, ui(lang, UiText::TacticsUsedRow), SMALL_BOLD, 2, left, y);
        for (column, profile) in block.iter().enumerate() {
            let center = plan.column_x(left, column) + plan.column_width / 2.0;
            let count = format_number(lang, profile.used.len() as f64);
            builder.text(center, y + height / 2.0, count, SMALL_BOLD, TextAnchor::Center, ColorRole::Text);
        }
        y += height;
        emphasis_of_block(&mut builder, &plan, block, &header_area.boxes, left, y);
    }

    let summary = summary(dataset, lang, &profiles);
    let table = table(dataset, lang, &groups);
    builder.finish(View::Matrix, y + MARGIN, summary, table)
}

/// Lays out the emphasis of every party of a block, whichever is picked, so picking
/// another one needs no layout: a band down the party's column from its header to
/// its total, and a line under its header.
fn emphasis_of_block(builder: &mut SceneBuilder, plan: &ColumnPlan, block: &[PartyProfile], header_boxes: &[Rect], left: f64, bottom: f64) {
    for ((column, profile), header) in block.iter().enumerate().zip(header_boxes) {
        let top = header.y - EMPHASIS_BAND_PADDING;
        builder.party_emphasis(PartyEmphasis {
            party: profile.party,
            band: Rect::new(plan.column_x(left, column), top, plan.column_width, bottom - top),
            underline: Rect::new(header.x, header.bottom() + UNDERLINE_GAP, header.width, UNDERLINE_THICKNESS),
        });
    }
}

/// Draws a row's name in the names column, centred in the row; returns the row's height.
fn row_name(builder: &mut SceneBuilder, plan: &ColumnPlan, name: &str, style: TextStyle, max_lines: usize, left: f64, top: f64) -> f64 {
    let wrapped = builder.wrap(name, style, plan.label_width - LABEL_GAP - LABEL_INSET, max_lines);
    let height = row_height(wrapped.lines.len(), style);
    builder.centered_lines(left + LABEL_INSET, top, height, &wrapped.lines, style, ColorRole::Text);
    height
}

fn summary(dataset: &Dataset, lang: Lang, profiles: &[PartyProfile]) -> String {
    let party_count = dataset.parties().len();
    let tactic_count = dataset.tactics().len();
    let separator = list_separator(lang);
    let mut counts = String::new();
    for (position, profile) in profiles.iter().enumerate() {
        if position > 0 {
            counts.push_str(separator);
        }
        counts.push_str(party_short(dataset, lang, profile.party));
        counts.push(' ');
        counts.push_str(&format_number(lang, profile.used.len() as f64));
    }
    let users_per_tactic = users_per_tactic(dataset);
    let most = users_per_tactic.iter().copied().max().unwrap_or(0);
    let mut top = String::new();
    if most > 0 {
        let most_text = format_number(lang, most as f64);
        for (tactic, &users) in users_per_tactic.iter().enumerate() {
            if users == most {
                // Every entry ends with its count, so a non-empty buffer means one came before.
                if !top.is_empty() {
                    top.push_str(separator);
                }
                top.push_str(tactic_name(dataset, lang, tactic));
                top.push_str(" (");
                top.push_str(&most_text);
                top.push(')');
            }
        }
    } else {
        top.push_str(ui(lang, UiText::NoneItem));
    }
    ui_fill(
        lang,
        UiText::SummaryMatrix,
        &[
            ("tactics", &format_number(lang, tactic_count as f64)),
            ("parties", &format_number(lang, party_count as f64)),
            ("counts", &counts),
            ("top", &top),
        ],
    )
}

fn table(dataset: &Dataset, lang: Lang, groups: &[(usize, Vec<usize>)]) -> Table {
    let party_count = dataset.parties().len();
    let mut cells = vec![ui(lang, UiText::AxisCategory), ui(lang, UiText::AxisTactic)];
    for party in 0..party_count {
        cells.push(party_short(dataset, lang, party));
    }
    let mut table = Table::new(ui(lang, UiText::CaptionMatrix).to_owned(), &cells);
    for (category, tactics) in groups {
        for &tactic in tactics {
            cells.clear();
            cells.push(category_name(dataset, lang, *category));
            cells.push(tactic_name(dataset, lang, tactic));
            for party in 0..party_count {
                cells.push(status_name(lang, dataset.status(party, tactic)));
            }
            table.row(&cells);
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use crate::chart::render_svg;
    use crate::data::{Dataset, Lang};
    use crate::layout::{EstimatedTextMeasure, View, ViewRequest, layout};
    use crate::theme::Theme;

    fn matrix(dataset: &Dataset, lang: Lang, width: f64, party: usize) -> crate::layout::Scene {
        let request = ViewRequest { view: View::Matrix, lang, party, versus: 0, width, ..Default::default() };
        match layout(dataset, &request, &EstimatedTextMeasure) {
            Ok(scene) => scene,
            Err(error) => panic!("{error}"),
        }
    }

    #[test]
    fn folding_every_category_fits_the_matrix_on_a_phone_screen_and_keeps_a_heading_to_unfold_each() {
        use crate::layout::{CategorySet, MarkShape};
        let dataset = Dataset::built_in().unwrap();
        for lang in Lang::ALL {
            let unfolded = matrix(&dataset, lang, 390.0, 0);
            let all = (0..dataset.categories().len()).fold(CategorySet::default(), |set, category| set.toggled(category));
            let request = ViewRequest { view: View::Matrix, lang, width: 390.0, folded: all, ..Default::default() };
            let folded = layout(&dataset, &request, &EstimatedTextMeasure).unwrap();
            assert!(unfolded.height > 844.0 && folded.height < 844.0, "{lang:?}: {} unfolded, {} folded", unfolded.height, folded.height);
            let folds: Vec<(usize, bool)> = folded
                .marks
                .iter()
                .filter_map(|mark| match mark.shape {
                    MarkShape::Fold { category, folded } => Some((category, folded)),
                    _ => None,
                })
                .collect();
            assert_eq!(folds, (0..dataset.categories().len()).map(|category| (category, true)).collect::<Vec<_>>());
            assert!(folded.marks.iter().all(|mark| mark.fact.is_none()), "{lang:?}: a folded category shows no fact");
            // One category folded: only its rows go.
            let one = ViewRequest { view: View::Matrix, lang, width: 390.0, folded: CategorySet::default().toggled(0), ..Default::default() };
            let partly = layout(&dataset, &one, &EstimatedTextMeasure).unwrap();
            let facts = |scene: &crate::layout::Scene| scene.marks.iter().filter(|mark| mark.fact.is_some()).count();
            let in_first = dataset.tactics_by_category()[0].1.iter().map(|&tactic| (0..dataset.parties().len()).filter(|&party| dataset.fact_index(party, tactic).is_some()).count()).sum::<usize>();
            assert_eq!(facts(&partly), facts(&unfolded) - in_first);
        }
    }

    #[test]
    fn the_header_band_holds_every_party_name_and_the_legend_and_no_mark() {
        let dataset = Dataset::built_in().unwrap();
        for (lang, width) in [(Lang::Ar, 390.0), (Lang::En, 390.0), (Lang::Fr, 1280.0)] {
            let scene = matrix(&dataset, lang, width, 0);
            let band = *scene.header_bands.first().unwrap_or_else(|| panic!("{lang:?} at {width}: no header band"));
            assert!(band.top >= 0.0 && band.bottom < scene.height / 3.0, "{band:?} of {}", scene.height);
            for party in dataset.parties() {
                // A long name may wrap: its first word is on the first line.
                let name = party.label(lang).split(' ').next().unwrap_or_default();
                assert!(
                    scene.texts.iter().any(|text| text.text.contains(name) && text.y > band.top && text.y < band.bottom),
                    "{lang:?} at {width}: {name} is not in the band {band:?}"
                );
            }
            assert!(scene.marks.iter().all(|mark| mark.rect.y >= band.bottom - 1.0), "{lang:?} at {width}: a mark under the band");
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
