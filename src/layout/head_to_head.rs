//! The `compare` view: `party` against `versus`, tactics in three groups (shared, only one, only the other).
//!
//! The similarity index comes first with its meaning in words, then one row per
//! tactic either party used, with both parties' status symbols side by side.
//! Rows where the source states that the other party did *not* do it are the
//! contrasts: they get a tinted band and a line saying so, not colour alone.

use crate::compare::{HeadToHead, PartyIndex, head_to_head};
use crate::data::{Dataset, Lang, Status};
use crate::i18n::{UiText, format_fixed, format_number, join_list, ui, ui_fill};

use super::builder::{
    BODY, FIGURE_BAR_HIT_HEIGHT, FIGURE_BAR_TRACK_HEIGHT, HEADING, LABEL_GAP, LABEL_INSET, LABEL_ROOM, MARGIN, NARROW_CONTENT, ROW_HEIGHT, SMALL,
    SMALL_BOLD, SceneBuilder, TITLE, line_height,
};
use super::columns::{self, ColumnPlan};
use super::labels::{SentenceForm, fact_label, party_in_sentence, party_short, status_name, tactic_name};
use super::legend::status_legend;
use super::scene::{ColorRole, Rect, Scene, Table, TextAnchor};
use super::text::TextStyle;
use super::View;

const MIN_LABEL: f64 = 150.0;
const MAX_LABEL: f64 = 380.0;
const SIMILARITY_BAR_MAX: f64 = 420.0;
const GROUP_GAP: f64 = 10.0;

/// The two parties' table: where it starts and ends, and how its width is shared.
struct Columns {
    left: f64,
    right: f64,
    plan: ColumnPlan,
}

struct Group<'a> {
    heading: String,
    plain_name: String,
    tactics: &'a [usize],
}

pub fn layout(dataset: &Dataset, mut builder: SceneBuilder, party: PartyIndex, versus: PartyIndex) -> Scene {
    let lang = builder.lang;
    let (left, content_width) = builder.content();
    let comparison = head_to_head(dataset, party, versus);
    let (party, versus) = (party.position(), versus.position());
    let party_name = party_short(dataset, lang, party);
    let versus_name = party_short(dataset, lang, versus);
    let similarity = format_fixed(lang, comparison.similarity, 2);

    let mut y = MARGIN;
    let similarity_text = ui_fill(lang, UiText::Similarity, &[("value", &similarity)]);
    y += builder.paragraph(left, y, &similarity_text, TITLE, content_width, 2, ColorRole::Text);
    let meaning = ui_fill(
        lang,
        UiText::SimilarityMeaning,
        &[("shared", &format_number(lang, comparison.shared.len() as f64)), ("either", &format_number(lang, comparison.used_by_either as f64))],
    );
    let hit = Rect::new(left, y + 2.0, content_width.min(SIMILARITY_BAR_MAX), FIGURE_BAR_HIT_HEIGHT);
    builder.bar(hit, FIGURE_BAR_TRACK_HEIGHT, comparison.similarity, ColorRole::Used, None, [&similarity_text, ". ", &meaning].concat());
    y = hit.bottom() + 4.0;
    y += builder.paragraph(left, y, &meaning, SMALL, content_width, 5, ColorRole::MutedText);
    if party == versus {
        y += 4.0;
        y += builder.paragraph(left, y, ui(lang, UiText::ChooseAnotherParty), HEADING, content_width, 2, ColorRole::Text);
    }
    y += 10.0;
    let band_top = y;
    y += status_legend(&mut builder, dataset, left, y, content_width) + 14.0;

    let narrow = content_width < NARROW_CONTENT;
    let name_style = if narrow { SMALL } else { BODY };
    let label_natural = columns::widest_tactic_name(&builder, dataset, name_style).min(MAX_LABEL) + LABEL_GAP;
    let cuts_names = |label_width: f64| columns::cuts_tactic_names(&builder, dataset, name_style, label_width - LABEL_ROOM, 3);
    let min_label = MIN_LABEL.min(content_width * 0.5);
    let plan = columns::plan(&builder, &[party_name, versus_name], content_width, min_label, label_natural, &cuts_names);
    let header_height = columns::headers(&mut builder, &plan, left, y, MARGIN - 2.0, &[party_name, versus_name]).height;
    y += header_height + 3.0;
    // A strip of each party's colour under its name ties the columns to the other views.
    for (column, who) in [party, versus].into_iter().enumerate() {
        let x = plan.column_x(left, column) + 4.0;
        builder.filled(Rect::new(x, y, plan.column_width - 8.0, 4.0), ColorRole::Party(who));
    }
    builder.header_band(band_top, y + 6.0);
    y += 8.0;
    let right = plan.columns_right(left, 2);
    let table_columns = Columns { left, right, plan };

    // One loop for the three groups: `fill` ignores values a template does not use, so the
    // shared group's texts take the same values as the others' (one copy of this code in the wasm).
    let group_texts = [
        (UiText::SharedHeading, UiText::Shared, "", &comparison.shared),
        (UiText::OnlyPartyHeading, UiText::OnlyParty, party_name, &comparison.only_party),
        (UiText::OnlyPartyHeading, UiText::OnlyParty, versus_name, &comparison.only_versus),
    ];
    let mut groups = Vec::with_capacity(group_texts.len());
    for (heading, plain_name, name, tactics) in group_texts {
        let values = [("party", name), ("count", &format_number(lang, tactics.len() as f64))];
        groups.push(Group { heading: ui_fill(lang, heading, &values), plain_name: ui_fill(lang, plain_name, &values), tactics });
    }
    // The same party twice has nothing of its own: only the shared group means anything.
    if party == versus {
        groups.truncate(1);
    }
    for group in &groups {
        y = group_block(&mut builder, dataset, &table_columns, &comparison, group, y, name_style) + GROUP_GAP;
    }
    let neither_text = ui_fill(lang, UiText::UsedByNeither, &[("count", &format_number(lang, comparison.used_by_neither as f64))]);
    y += builder.paragraph(left, y, &neither_text, SMALL, content_width, 2, ColorRole::MutedText);

    let summary = summary(dataset, lang, &comparison, party_name, versus_name, &similarity);
    let table = table(dataset, lang, &comparison, &groups, party_name, versus_name);
    builder.finish(View::Compare, y + MARGIN, summary, table)
}

fn group_block(
    builder: &mut SceneBuilder,
    dataset: &Dataset,
    columns: &Columns,
    comparison: &HeadToHead,
    group: &Group,
    top: f64,
    name_style: TextStyle,
) -> f64 {
    let lang = builder.lang;
    let Columns { left, right, ref plan } = *columns;
    let mut y = top + builder.band_heading(&group.heading, left, right, top, ROW_HEIGHT - 2.0);
    if group.tactics.is_empty() {
        let height = ROW_HEIGHT;
        builder.text(left + LABEL_INSET, y + height / 2.0, ui(lang, UiText::NoneItem).to_owned(), SMALL, TextAnchor::Left, ColorRole::MutedText);
        return y + height;
    }
    let name_room = plan.label_width - LABEL_ROOM;
    for &tactic in group.tactics {
        let name = builder.wrap(tactic_name(dataset, lang, tactic), name_style, name_room, 3).lines;
        let contrast = comparison.contrasts.contains(&tactic).then(|| {
            // The party the source says did not do it.
            let silent = if dataset.status(comparison.party, tactic).is_some_and(|status| !status.is_used()) {
                comparison.party
            } else {
                comparison.versus
            };
            let key = if dataset.status(silent, tactic) == Some(Status::NotYetUsed) { UiText::ContrastLabelNotYet } else { UiText::ContrastLabel };
            let text = ui_fill(lang, key, &[("party", &party_in_sentence(dataset, lang, silent, false, SentenceForm::Plain))]);
            builder.wrap(&text, SMALL_BOLD, name_room, 3).lines
        });
        let name_height = line_height(name_style) * name.len() as f64;
        let contrast_height = contrast.as_ref().map_or(0.0, |lines| line_height(SMALL_BOLD) * lines.len() as f64 + 2.0);
        let height = (name_height + contrast_height + 10.0).max(ROW_HEIGHT + 2.0);
        if contrast.is_some() {
            builder.filled(Rect::new(left, y, right - left, height), ColorRole::HighlightBand);
        }
        let text_top = y + (height - name_height - contrast_height) / 2.0;
        builder.lines(left + LABEL_INSET, text_top, &name, name_style, TextAnchor::Left, ColorRole::Text);
        if let Some(lines) = &contrast {
            builder.lines(left + LABEL_INSET, text_top + name_height + 2.0, lines, SMALL_BOLD, TextAnchor::Left, ColorRole::NotUsed);
        }
        // The contrast, on one line, ends both cells' labels.
        let mut contrast_suffix = String::new();
        if let Some(lines) = &contrast {
            contrast_suffix.push_str(" (");
            contrast_suffix.push_str(&lines.join(" "));
            contrast_suffix.push(')');
        }
        for (column, who) in [comparison.party, comparison.versus].into_iter().enumerate() {
            let cell = Rect::new(plan.column_x(left, column), y, plan.column_width, height);
            let mut label = fact_label(dataset, lang, who, tactic);
            label.push_str(&contrast_suffix);
            builder.status_cell(dataset, who, tactic, cell, label);
        }
        y += height;
        builder.rule(left, right, y, ColorRole::Grid);
    }
    y
}

fn names(dataset: &Dataset, lang: Lang, tactics: &[usize]) -> String {
    let mut names = Vec::with_capacity(tactics.len());
    for &tactic in tactics {
        names.push(tactic_name(dataset, lang, tactic));
    }
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
    let caption = ui_fill(lang, UiText::CaptionCompare, &[("party", party_name), ("versus", versus_name)]);
    let mut table = Table::new(caption, &[ui(lang, UiText::AxisGroup), ui(lang, UiText::AxisTactic), party_name, versus_name]);
    for group in groups {
        for &tactic in group.tactics {
            table.row(&[
                &group.plain_name,
                tactic_name(dataset, lang, tactic),
                status_name(lang, dataset.status(comparison.party, tactic)),
                status_name(lang, dataset.status(comparison.versus, tactic)),
            ]);
        }
    }
    table
}
