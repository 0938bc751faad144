//! The `compare` view: `party` against `versus`, tactics in three groups (shared, only one, only the other).
//!
//! The similarity index comes first with its meaning in words, then one row per
//! tactic either party used, with both parties' status symbols side by side.
//! Rows where the source states that the other party did *not* do it are the
//! contrasts: they get a tinted band and a line saying so, not colour alone.

use crate::compare::{HeadToHead, head_to_head};
use crate::data::{Dataset, Lang, Status};
use crate::i18n::{UiText, format_fixed, format_number, join_list, ui, ui_fill};

use super::builder::{BODY, MARGIN, ROW_HEIGHT, SMALL, SMALL_BOLD, SceneBuilder, TITLE, line_height};
use super::columns::{self, ColumnPlan};
use super::labels::{fact_label, party_short, status_name, tactic_name};
use super::legend::status_legend;
use super::scene::{ColorRole, Mark, MarkShape, Rect, Scene, Table, TextAnchor};
use super::text::TextStyle;
use super::View;

const NARROW_CONTENT: f64 = 480.0;
const MIN_LABEL: f64 = 150.0;
const MAX_LABEL: f64 = 380.0;
const SIMILARITY_BAR_MAX: f64 = 420.0;
const HEADING_STYLE: TextStyle = TextStyle { font_size: 13.0, bold: true };
const GROUP_GAP: f64 = 10.0;

struct Group {
    heading: String,
    plain_name: String,
    tactics: Vec<usize>,
}

pub fn layout(dataset: &Dataset, mut builder: SceneBuilder, party: usize, versus: usize) -> Scene {
    let lang = builder.lang;
    let (left, content_width) = builder.content();
    let comparison = head_to_head(dataset, party, versus).unwrap_or(HeadToHead {
        party,
        versus,
        shared: Vec::new(),
        only_party: Vec::new(),
        only_versus: Vec::new(),
        contrasts: Vec::new(),
        similarity: 0.0,
    });
    let party_name = party_short(dataset, lang, party);
    let versus_name = party_short(dataset, lang, versus);
    let similarity = format_fixed(lang, comparison.similarity, 2);
    let either = comparison.shared.len() + comparison.only_party.len() + comparison.only_versus.len();

    let mut y = MARGIN;
    let similarity_text = ui_fill(lang, UiText::Similarity, &[("value", &similarity)]);
    y += builder.paragraph(left, y, &similarity_text, TITLE, content_width, 2, ColorRole::Text);
    let meaning = ui_fill(
        lang,
        UiText::SimilarityMeaning,
        &[("shared", &format_number(lang, comparison.shared.len() as f64)), ("either", &format_number(lang, either as f64))],
    );
    let track_width = content_width.min(SIMILARITY_BAR_MAX);
    let hit = Rect::new(left, y + 2.0, track_width, ROW_HEIGHT - 4.0);
    let track = Rect::new(left, hit.y + 7.0, track_width, 12.0);
    let fill = Rect::new(left, track.y, track_width * comparison.similarity.clamp(0.0, 1.0), track.height);
    builder.mark(Mark {
        rect: hit,
        shape: MarkShape::Bar { track, fill, role: ColorRole::Used },
        party: None,
        tactic: None,
        fact: None,
        status: None,
        label: format!("{similarity_text}. {meaning}"),
    });
    y = hit.bottom() + 4.0;
    y += builder.paragraph(left, y, &meaning, SMALL, content_width, 5, ColorRole::MutedText);
    if party == versus {
        y += 4.0;
        y += builder.paragraph(left, y, ui(lang, UiText::ChooseAnotherParty), TextStyle { font_size: 13.0, bold: true }, content_width, 2, ColorRole::Text);
    }
    y += 10.0;
    y += status_legend(&mut builder, left, y, content_width) + 14.0;

    let narrow = content_width < NARROW_CONTENT;
    let name_style = if narrow { SMALL } else { BODY };
    let label_natural = (0..dataset.tactics().len())
        .map(|tactic| builder.measure(tactic_name(dataset, lang, tactic), name_style))
        .fold(0.0, f64::max)
        .min(MAX_LABEL)
        + 10.0;
    let cuts_names = |label_width: f64| {
        (0..dataset.tactics().len())
            .any(|tactic| builder.wrap(tactic_name(dataset, lang, tactic), name_style, label_width - 16.0, 3).shortened)
    };
    let min_label = MIN_LABEL.min(content_width * 0.5);
    let plan = columns::plan(&builder, &[party_name, versus_name], content_width, min_label, label_natural, &cuts_names);
    let header_height = columns::headers(
        &mut builder,
        &plan,
        left,
        y,
        MARGIN - 2.0,
        &[(party_name, ColorRole::Text), (versus_name, ColorRole::Text)],
    )
    .height;
    y += header_height + 3.0;
    // A strip of each party's colour under its name ties the columns to the other views.
    for (column, who) in [party, versus].into_iter().enumerate() {
        let x = plan.column_x(left, column) + 4.0;
        builder.filled(Rect::new(x, y, plan.column_width - 8.0, 4.0), ColorRole::Party(who));
    }
    y += 8.0;
    let right = plan.columns_right(left, 2);

    let groups = [
        Group {
            heading: ui_fill(lang, UiText::SharedHeading, &[("count", &format_number(lang, comparison.shared.len() as f64))]),
            plain_name: ui(lang, UiText::Shared).to_owned(),
            tactics: comparison.shared.clone(),
        },
        Group {
            heading: ui_fill(
                lang,
                UiText::OnlyPartyHeading,
                &[("party", party_name), ("count", &format_number(lang, comparison.only_party.len() as f64))],
            ),
            plain_name: ui_fill(lang, UiText::OnlyParty, &[("party", party_name)]),
            tactics: comparison.only_party.clone(),
        },
        Group {
            heading: ui_fill(
                lang,
                UiText::OnlyPartyHeading,
                &[("party", versus_name), ("count", &format_number(lang, comparison.only_versus.len() as f64))],
            ),
            plain_name: ui_fill(lang, UiText::OnlyParty, &[("party", versus_name)]),
            tactics: comparison.only_versus.clone(),
        },
    ];
    // The same party twice has nothing of its own: only the shared group means anything.
    let shown = if party == versus { &groups[..1] } else { &groups[..] };
    for group in shown {
        y = group_block(&mut builder, dataset, &plan, &comparison, group, left, right, y, name_style) + GROUP_GAP;
    }
    let neither = dataset.tactics().len().saturating_sub(either);
    let neither_text = ui_fill(lang, UiText::UsedByNeither, &[("count", &format_number(lang, neither as f64))]);
    y += builder.paragraph(left, y, &neither_text, SMALL, content_width, 2, ColorRole::MutedText);

    let summary = summary(dataset, lang, &comparison, party_name, versus_name, &similarity);
    let table = table(dataset, lang, &comparison, shown, party_name, versus_name);
    builder.finish(View::Compare, y + MARGIN, summary, table)
}

#[allow(clippy::too_many_arguments)]
fn group_block(
    builder: &mut SceneBuilder,
    dataset: &Dataset,
    plan: &ColumnPlan,
    comparison: &HeadToHead,
    group: &Group,
    left: f64,
    right: f64,
    top: f64,
    name_style: TextStyle,
) -> f64 {
    let lang = builder.lang;
    let heading = builder.wrap(&group.heading, HEADING_STYLE, right - left - 12.0, 2).lines;
    let heading_height = (line_height(HEADING_STYLE) * heading.len() as f64 + 10.0).max(ROW_HEIGHT - 2.0);
    builder.filled(Rect::new(left, top, right - left, heading_height), ColorRole::Band);
    builder.lines(left + 6.0, top + 5.0, &heading, HEADING_STYLE, TextAnchor::Left, ColorRole::Text);
    let mut y = top + heading_height;
    if group.tactics.is_empty() {
        let height = ROW_HEIGHT;
        builder.text(left + 6.0, y + height / 2.0, ui(lang, UiText::NoneItem), SMALL, TextAnchor::Left, ColorRole::MutedText);
        return y + height;
    }
    let name_room = plan.label_width - 16.0;
    for &tactic in &group.tactics {
        let name = builder.wrap(tactic_name(dataset, lang, tactic), name_style, name_room, 3).lines;
        let contrast = comparison.contrasts.contains(&tactic).then(|| {
            // The party the source says did not do it.
            let silent = if dataset.status(comparison.party, tactic) == Some(Status::NotUsed) {
                comparison.party
            } else {
                comparison.versus
            };
            let text = ui_fill(lang, UiText::ContrastLabel, &[("party", party_short(dataset, lang, silent))]);
            builder.wrap(&text, SMALL_BOLD, name_room, 3).lines
        });
        let name_height = line_height(name_style) * name.len() as f64;
        let contrast_height = contrast.as_ref().map_or(0.0, |lines| line_height(SMALL_BOLD) * lines.len() as f64 + 2.0);
        let height = (name_height + contrast_height + 10.0).max(ROW_HEIGHT + 2.0);
        if contrast.is_some() {
            builder.filled(Rect::new(left, y, right - left, height), ColorRole::HighlightBand);
        }
        let text_top = y + (height - name_height - contrast_height) / 2.0;
        builder.lines(left + 6.0, text_top, &name, name_style, TextAnchor::Left, ColorRole::Text);
        if let Some(lines) = &contrast {
            builder.lines(left + 6.0, text_top + name_height + 2.0, lines, SMALL_BOLD, TextAnchor::Left, ColorRole::NotUsed);
        }
        for (column, who) in [comparison.party, comparison.versus].into_iter().enumerate() {
            let cell = Rect::new(plan.column_x(left, column), y, plan.column_width, height);
            let mut label = fact_label(dataset, lang, who, tactic);
            if let Some(lines) = &contrast {
                label = format!("{label} ({})", lines.join(" "));
            }
            builder.status_cell(dataset, who, tactic, cell, label);
        }
        y += height;
        builder.rule(left, right, y, ColorRole::Grid);
    }
    y
}

fn names(dataset: &Dataset, lang: Lang, tactics: &[usize]) -> String {
    let names: Vec<&str> = tactics.iter().map(|&tactic| tactic_name(dataset, lang, tactic)).collect();
    join_list(lang, &names)
}

fn summary(dataset: &Dataset, lang: Lang, comparison: &HeadToHead, party_name: &str, versus_name: &str, similarity: &str) -> String {
    ui_fill(
        lang,
        UiText::SummaryCompare,
        &[
            ("party", party_name),
            ("versus", versus_name),
            ("similarity", similarity),
            ("shared", &names(dataset, lang, &comparison.shared)),
            ("only_party", &names(dataset, lang, &comparison.only_party)),
            ("only_versus", &names(dataset, lang, &comparison.only_versus)),
        ],
    )
}

fn table(dataset: &Dataset, lang: Lang, comparison: &HeadToHead, groups: &[Group], party_name: &str, versus_name: &str) -> Table {
    let header = vec![
        ui(lang, UiText::AxisGroup).to_owned(),
        ui(lang, UiText::AxisTactic).to_owned(),
        party_name.to_owned(),
        versus_name.to_owned(),
    ];
    let rows = groups
        .iter()
        .flat_map(|group| {
            group.tactics.iter().map(move |&tactic| {
                vec![
                    group.plain_name.clone(),
                    tactic_name(dataset, lang, tactic).to_owned(),
                    status_name(lang, dataset.status(comparison.party, tactic)).to_owned(),
                    status_name(lang, dataset.status(comparison.versus, tactic)).to_owned(),
                ]
            })
        })
        .collect();
    Table {
        caption: ui_fill(lang, UiText::CaptionCompare, &[("party", party_name), ("versus", versus_name)]),
        header,
        rows,
    }
}
