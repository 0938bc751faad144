//! The `camps` view: the governing majority against the opposition, tactic by tactic.
//!
//! A diverging bar chart: from a centre line, the majority's bar grows toward the
//! start side and the opposition's toward the end, each as the share of the camp's
//! parties that used the tactic (the camps differ in size), with the count written
//! beside it. Each camp's count of reported tactics comes first, with the camp's parties the
//! source does not mention; where the dataset says a party's camp is not in the source, a footnote says so.

use crate::compare::{CampsComparison, TacticByCamp, camps};
use crate::data::{Camp, Dataset, Lang};
use crate::i18n::{UiText, format_number, format_percent, join_list, list_glue, ui, ui_fill};

use super::builder::{
    BODY, CATEGORY_HEADING_HEIGHT, FIGURE_BAR_HIT_HEIGHT, HEADING, LABEL_INSET, LABEL_ROOM, MARGIN, NARROW_CONTENT, SMALL, SMALL_BOLD, SceneBuilder,
    row_height, snap,
};
use super::labels::{category_name, party_short, refusal_legend_name, tactic_name};
use super::scene::{ColorRole, Mark, MarkShape, Rect, Scene, SceneShape, Table, TextAnchor};
use super::View;

const COVERAGE_BAR_MAX: f64 = 420.0;
const FOOTNOTE_MARK: &str = "*";
/// Room kept at a bar's outer end for its count, e.g. "2/3".
const COUNT_ROOM: f64 = 34.0;
const BAR_HEIGHT: f64 = 14.0;

struct CampColumn<'a> {
    camp: Camp,
    /// The majority's bars grow toward the start side, the opposition's toward the end.
    toward_start: bool,
    role: ColorRole,
    name: &'static str,
    parties: &'a [usize],
    /// The words before the parties reported as not using a tactic, as the legend words them for this
    /// dataset: looked up once for the view, not for each of its cells.
    refusal: &'static str,
}

fn camp_column<'a>(comparison: &'a CampsComparison, lang: Lang, camp: Camp, refusal: &'static str) -> CampColumn<'a> {
    let majority = camp == Camp::Majority;
    CampColumn {
        camp,
        toward_start: majority,
        role: if majority { ColorRole::Majority } else { ColorRole::Opposition },
        name: ui(lang, if majority { UiText::Majority } else { UiText::Opposition }),
        parties: comparison.members(camp),
        refusal,
    }
}

fn has_note(dataset: &Dataset, party: usize) -> bool {
    dataset.parties().get(party).is_some_and(|entry| entry.camp_note.is_some())
}

/// The camp's parties as a phrase, each marked when a footnote tells where its camp comes from.
fn party_list(dataset: &Dataset, lang: Lang, parties: &[usize]) -> String {
    if parties.is_empty() {
        return ui(lang, UiText::CampHasNoParty).to_owned();
    }
    let mut list = String::new();
    for (position, &party) in parties.iter().enumerate() {
        list.push_str(list_glue(lang, position, parties.len()));
        list.push_str(party_short(dataset, lang, party));
        if has_note(dataset, party) {
            list.push_str(FOOTNOTE_MARK);
        }
    }
    list
}

/// "Other majority parties, not in the article: RNI and MP", for a camp the dataset says the source
/// leaves parties of; so that two parties against three is not read as the whole of each camp.
fn unmentioned(dataset: &Dataset, lang: Lang, camp: Camp) -> Option<String> {
    let names: Vec<&str> = dataset.raw().unmentioned_parties.iter().filter(|party| party.camp == camp).map(|party| party.label(lang)).collect();
    if names.is_empty() {
        return None;
    }
    let key = if camp == Camp::Majority { UiText::MajorityUnmentioned } else { UiText::OppositionUnmentioned };
    Some(ui_fill(lang, key, &[("parties", &join_list(lang, &names))]))
}

pub fn layout(dataset: &Dataset, mut builder: SceneBuilder) -> Scene {
    let lang = builder.lang;
    let comparison = camps(dataset);
    let refusal = refusal_legend_name(dataset, lang);
    let columns = [camp_column(&comparison, lang, Camp::Majority, refusal), camp_column(&comparison, lang, Camp::Opposition, refusal)];
    let mut y = coverage_blocks(&mut builder, dataset, &comparison, &columns, MARGIN);
    y = diverging_chart(&mut builder, dataset, &comparison, &columns, y);
    y = footnotes(&mut builder, dataset, y);
    let summary = summary(dataset, lang, &comparison, &columns);
    let table = table(dataset, lang, &comparison, &columns);
    builder.finish(View::Camps, y + MARGIN, summary, table)
}

/// Each camp's parties and coverage, as a bar on the same scale for both, then what coverage means;
/// returns where the next step starts.
fn coverage_blocks(builder: &mut SceneBuilder, dataset: &Dataset, comparison: &CampsComparison, columns: &[CampColumn; 2], top: f64) -> f64 {
    let lang = builder.lang;
    let (left, content_width) = builder.content();
    let tactic_count = dataset.tactics().len();
    let mut y = top;
    for column in columns {
        let (covered, share) = comparison.coverage(column.camp);
        let coverage = coverage_text(lang, covered, tactic_count, share);
        let title = [column.name, " (", &party_list(dataset, lang, column.parties), ")"].concat();
        y += builder.paragraph(left, y, &title, HEADING, content_width, 3, ColorRole::Text);
        if let Some(unmentioned) = unmentioned(dataset, lang, column.camp) {
            y += builder.paragraph(left, y, &unmentioned, SMALL, content_width, 3, ColorRole::MutedText);
        }
        y += builder.paragraph(left, y, &coverage, SMALL, content_width, 2, ColorRole::Text);
        let hit = Rect::new(left, y, content_width.min(COVERAGE_BAR_MAX), FIGURE_BAR_HIT_HEIGHT);
        builder.bar(hit, BAR_HEIGHT, share, column.role, None, [&title, ". ", &coverage].concat());
        y += hit.height + 8.0;
    }
    y += builder.paragraph(left, y, ui(lang, UiText::CampReportedMeaning), SMALL, content_width, 4, ColorRole::MutedText);
    y + 14.0
}

/// Where the diverging chart's parts sit, in left-to-right coordinates.
struct ChartGeometry {
    left: f64,
    /// The tactic names' column, on the start side.
    label_width: f64,
    /// The centre line, with a camp's half on each side of it.
    center: f64,
    half: f64,
    right: f64,
}

impl ChartGeometry {
    fn new(left: f64, content_width: f64, narrow: bool) -> ChartGeometry {
        let label_width = snap(if narrow { (content_width * 0.42).max(110.0) } else { (content_width * 0.45).min(360.0) });
        let half = snap(((content_width - label_width) / 2.0).max(COUNT_ROOM + 12.0));
        let center = left + label_width + half;
        ChartGeometry { left, label_width, center, half, right: center + half }
    }

    /// The middle of the camp's half.
    fn half_middle(&self, column: &CampColumn) -> f64 {
        if column.toward_start { self.center - self.half / 2.0 } else { self.center + self.half / 2.0 }
    }
}

/// The chart: a row per tactic with its name, the majority's half, the centre line and the opposition's half;
/// returns where the next step starts.
fn diverging_chart(builder: &mut SceneBuilder, dataset: &Dataset, comparison: &CampsComparison, columns: &[CampColumn; 2], top: f64) -> f64 {
    let lang = builder.lang;
    let (left, content_width) = builder.content();
    let narrow = content_width < NARROW_CONTENT;
    let name_style = if narrow { SMALL } else { BODY };
    let chart = ChartGeometry::new(left, content_width, narrow);
    let mut y = chart_headers(builder, dataset, columns, &chart, top);
    let chart_top = y;
    for (category, tactics) in dataset.tactics_by_category() {
        y += builder.band_heading(category_name(dataset, lang, category), chart.left, chart.right, y, CATEGORY_HEADING_HEIGHT);
        for tactic in tactics {
            let Some(entry) = comparison.entry(tactic) else { continue };
            let name_room = chart.label_width - LABEL_ROOM;
            let name = builder.wrap(tactic_name(dataset, lang, tactic), name_style, name_room, if narrow { 4 } else { 3 }).lines;
            let height = row_height(name.len(), name_style);
            builder.centered_lines(chart.left + LABEL_INSET, y, height, &name, name_style, ColorRole::Text);
            let row = Rect::new(chart.left, y, chart.right - chart.left, height);
            for column in columns {
                camp_bar(builder, dataset, entry, column, comparison.user_share(entry, column.camp), &chart, row);
            }
            y += height;
            builder.rule(chart.left, chart.right, y, ColorRole::Grid);
        }
    }
    builder.shape(SceneShape::Line { from: (chart.center, chart_top), to: (chart.center, y), role: ColorRole::MutedText, stroke_width: 1.0 });
    y + 12.0
}

/// Heads each half with its camp and, where they fit whole, its parties (the coverage blocks name them in
/// any case), over a strip of the camp's colour; returns where the rows start.
fn chart_headers(builder: &mut SceneBuilder, dataset: &Dataset, columns: &[CampColumn; 2], chart: &ChartGeometry, top: f64) -> f64 {
    let lang = builder.lang;
    let mut party_lines = Vec::with_capacity(columns.len());
    let mut show_parties = true;
    for column in columns {
        let wrapped = builder.wrap(&party_list(dataset, lang, column.parties), SMALL, chart.half - 8.0, 4);
        show_parties &= !wrapped.shortened;
        party_lines.push(wrapped.lines);
    }
    let mut header_height: f64 = 0.0;
    for (column, parties) in columns.iter().zip(&party_lines) {
        let x = chart.half_middle(column);
        let name = builder.wrap(column.name, SMALL_BOLD, chart.half - 8.0, 2).lines;
        let name_height = builder.lines(x, top, &name, SMALL_BOLD, TextAnchor::Center, ColorRole::Text);
        let parties_height =
            if show_parties { builder.lines(x, top + name_height, parties, SMALL, TextAnchor::Center, ColorRole::MutedText) } else { 0.0 };
        header_height = header_height.max(name_height + parties_height);
    }
    let y = top + header_height + 4.0;
    for column in columns {
        let x = if column.toward_start { chart.center - chart.half + 4.0 } else { chart.center + 4.0 };
        builder.filled(Rect::new(x, y, chart.half - 8.0, 4.0), column.role);
    }
    y + 8.0
}

/// A footnote for each party whose camp comes from outside the source; returns where they end.
fn footnotes(builder: &mut SceneBuilder, dataset: &Dataset, top: f64) -> f64 {
    let lang = builder.lang;
    let (left, content_width) = builder.content();
    let mut y = top;
    for (party, entry) in dataset.parties().iter().enumerate() {
        let Some(note) = &entry.camp_note else { continue };
        let note = ui_fill(lang, UiText::PartyNote, &[("party", party_short(dataset, lang, party)), ("note", note.get(lang))]);
        let text = [FOOTNOTE_MARK, " ", &note].concat();
        y += builder.paragraph(left, y, &text, SMALL, content_width, 8, ColorRole::MutedText) + 4.0;
    }
    y
}

fn coverage_text(lang: Lang, covered: usize, total: usize, share: f64) -> String {
    ui_fill(
        lang,
        UiText::CampReported,
        &[
            ("used", &format_number(lang, covered as f64)),
            ("total", &format_number(lang, total as f64)),
            ("percent", &format_percent(lang, share)),
        ],
    )
}

/// "12 of 18 (67%)": the coverage without its label, for a sentence that names it already.
fn coverage_figures(lang: Lang, (covered, share): (usize, f64), total: usize) -> String {
    let count = ui_fill(
        lang,
        UiText::CountOfTotal,
        &[("used", &format_number(lang, covered as f64)), ("total", &format_number(lang, total as f64))],
    );
    [&count, " (", &format_percent(lang, share), ")"].concat()
}

/// The short names of the parties at these positions, joined into a phrase.
fn party_names(dataset: &Dataset, lang: Lang, parties: &[usize]) -> String {
    let mut names = Vec::with_capacity(parties.len());
    for &party in parties {
        names.push(party_short(dataset, lang, party));
    }
    join_list(lang, &names)
}

/// "1 of 2: PJD", what a camp's cell says in the table and the bar's label.
fn camp_cell(dataset: &Dataset, lang: Lang, entry: &TacticByCamp, column: &CampColumn) -> String {
    let users = entry.users(column.camp);
    let mut cell = ui_fill(
        lang,
        UiText::CampCell,
        &[
            ("used", &format_number(lang, users.len() as f64)),
            ("total", &format_number(lang, column.parties.len() as f64)),
            ("parties", &party_names(dataset, lang, users)),
        ],
    );
    let refused = entry.not_used(column.camp);
    if !refused.is_empty() {
        cell.push_str(" (");
        cell.push_str(column.refusal);
        cell.push_str(": ");
        cell.push_str(&party_names(dataset, lang, refused));
        cell.push(')');
    }
    cell
}

/// The camp's bar in the tactic's `row`, with its count at its outer end.
fn camp_bar(builder: &mut SceneBuilder, dataset: &Dataset, entry: &TacticByCamp, column: &CampColumn, share: f64, chart: &ChartGeometry, row: Rect) {
    let lang = builder.lang;
    let (center, half, top, height) = (chart.center, chart.half, row.y, row.height);
    let users = entry.users(column.camp).len();
    let total = column.parties.len();
    let extent = (half - COUNT_ROOM - 4.0).max(0.0);
    let bar_top = top + (height - BAR_HEIGHT) / 2.0;
    let (track, fill, count_x, anchor) = if column.toward_start {
        let track = Rect::new(center - 2.0 - extent, bar_top, extent, BAR_HEIGHT);
        let fill = Rect::new(center - 2.0 - extent * share, bar_top, extent * share, BAR_HEIGHT);
        (track, fill, track.x - 4.0, TextAnchor::Right)
    } else {
        let track = Rect::new(center + 2.0, bar_top, extent, BAR_HEIGHT);
        let fill = Rect::new(center + 2.0, bar_top, extent * share, BAR_HEIGHT);
        (track, fill, track.right() + 4.0, TextAnchor::Left)
    };
    let count = if total == 0 {
        "–".to_owned()
    } else {
        [&format_number(lang, users as f64), "/", &format_number(lang, total as f64)].concat()
    };
    builder.text(count_x, top + height / 2.0, count, SMALL_BOLD, anchor, ColorRole::Text);
    let hit = if column.toward_start { Rect::new(center - half, top, half, height) } else { Rect::new(center, top, half, height) };
    builder.mark(Mark {
        rect: hit,
        shape: MarkShape::Bar { track, fill, role: column.role },
        party: None,
        tactic: Some(entry.tactic),
        fact: None,
        status: None,
        label: ui_fill(
            lang,
            UiText::MarkCampTotal,
            &[
                ("camp", column.name),
                ("tactic", tactic_name(dataset, lang, entry.tactic)),
                ("cell", &camp_cell(dataset, lang, entry, column)),
            ],
        ),
    });
}

/// The tactics only `camp` used, not `other`, as a phrase.
fn only(dataset: &Dataset, lang: Lang, comparison: &CampsComparison, camp: Camp, other: Camp) -> String {
    let names: Vec<&str> = comparison.used_only_by(camp, other).map(|tactic| tactic_name(dataset, lang, tactic)).collect();
    join_list(lang, &names)
}

fn summary(dataset: &Dataset, lang: Lang, comparison: &CampsComparison, columns: &[CampColumn; 2]) -> String {
    let total = dataset.tactics().len();
    let [majority, opposition] = columns;
    let mut unmentioned_sentences = String::new();
    for camp in Camp::ALL {
        if let Some(sentence) = unmentioned(dataset, lang, camp) {
            unmentioned_sentences.push(' ');
            unmentioned_sentences.push_str(&sentence);
            unmentioned_sentences.push('.');
        }
    }
    ui_fill(
        lang,
        UiText::SummaryCamps,
        &[
            ("majority_parties", &party_list(dataset, lang, majority.parties)),
            ("opposition_parties", &party_list(dataset, lang, opposition.parties)),
            ("majority_coverage", &coverage_figures(lang, comparison.coverage(Camp::Majority), total)),
            ("opposition_coverage", &coverage_figures(lang, comparison.coverage(Camp::Opposition), total)),
            ("only_majority", &only(dataset, lang, comparison, Camp::Majority, Camp::Opposition)),
            ("only_opposition", &only(dataset, lang, comparison, Camp::Opposition, Camp::Majority)),
            ("unmentioned", &unmentioned_sentences),
        ],
    )
}

fn table(dataset: &Dataset, lang: Lang, comparison: &CampsComparison, columns: &[CampColumn; 2]) -> Table {
    let [majority, opposition] = columns;
    let header = [ui(lang, UiText::AxisCategory), ui(lang, UiText::AxisTactic), majority.name, opposition.name];
    let mut table = Table::new(ui(lang, UiText::CaptionCamps).to_owned(), &header);
    for (category, tactics) in dataset.tactics_by_category() {
        for tactic in tactics {
            let Some(entry) = comparison.entry(tactic) else { continue };
            table.row(&[
                category_name(dataset, lang, category),
                tactic_name(dataset, lang, tactic),
                &camp_cell(dataset, lang, entry, majority),
                &camp_cell(dataset, lang, entry, opposition),
            ]);
        }
    }
    table
}
