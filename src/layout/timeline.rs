//! The `timeline` view: each party's used tactics before the campaign's official start, during the campaign, or undated.
//!
//! The periods are named with the dates the dataset declares (`campaign.official_start` and
//! `campaign.election_day`, 24 Sept and 7 Oct 2016 in the built-in one) and without dates where
//! it declares none: a newsroom's 2021 dataset must not be labelled with 2016's days.
//!
//! The source gives periods, not dates, so tactics are placed in period columns
//! (never along a date axis that would suggest a day), and a fact without a
//! period goes to a third "date not stated" group rather than being guessed.
//! Wide views are a grid of parties by periods; narrow ones list the periods
//! under each party.

use crate::compare::{TimelineCounts, timeline};
use crate::data::{Dataset, Lang, Status, Timing};
use crate::data::{CalendarDate, CampaignCalendar};
use crate::i18n::{DateStyle, UiText, format_date, format_number, list_separator, period_name, ui, ui_fill};

use super::builder::{HEADING_PADDING, LABEL_INSET, MARGIN, SMALL, SMALL_BOLD, SceneBuilder, line_height, snap};
use super::labels::{party_short, tactic_name};
use super::scene::{ColorRole, Mark, MarkShape, Rect, Scene, SceneShape, Table, TextAnchor};
use super::text::TextStyle;
use super::View;

/// From this content width, parties are rows and periods columns.
const GRID_FROM: f64 = 560.0;
const CHIP_GAP: f64 = 6.0;
const CHIP_PADDING: f64 = 8.0;
const CHIP_MIN_HEIGHT: f64 = 28.0;
const CELL_PADDING: f64 = 6.0;
const PARTY_STYLE: TextStyle = TextStyle { font_size: 13.0, bold: true };

#[derive(Copy, Clone, PartialEq)]
enum Period {
    Before,
    During,
    Undated,
}

impl Period {
    const ALL: [Period; 3] = [Period::Before, Period::During, Period::Undated];

    fn of(timing: Option<Timing>) -> Period {
        match timing {
            Some(Timing::BeforeStart) => Period::Before,
            Some(Timing::AfterStart) => Period::During,
            None => Period::Undated,
        }
    }
}

/// The three periods' names in the view's language, written once per layout.
struct PeriodNames {
    before: String,
    during: String,
    undated: &'static str,
}

impl PeriodNames {
    fn new(lang: Lang, calendar: CampaignCalendar) -> PeriodNames {
        PeriodNames {
            before: period_name(lang, calendar, Timing::BeforeStart),
            during: period_name(lang, calendar, Timing::AfterStart),
            undated: ui(lang, UiText::DateNotStated),
        }
    }

    fn of(&self, period: Period) -> &str {
        match period {
            Period::Before => &self.before,
            Period::During => &self.during,
            Period::Undated => self.undated,
        }
    }
}

/// One used fact, ready to be drawn as a chip.
struct Entry {
    fact: usize,
    party: usize,
    tactic: usize,
    period: Period,
}

pub fn layout(dataset: &Dataset, mut builder: SceneBuilder) -> Scene {
    let lang = builder.lang;
    let (left, content_width) = builder.content();
    let calendar = CampaignCalendar::of(dataset.raw().campaign.as_ref());
    let names = PeriodNames::new(lang, calendar);
    let placed = timeline(dataset);
    // Reading order: party by party, period by period, facts in dataset order. The periods'
    // lists come in that order and each in dataset order, so sorting them into one list per
    // party gives it without a sort.
    let mut by_party: Vec<Vec<Entry>> = Vec::with_capacity(dataset.parties().len());
    for _ in dataset.parties() {
        by_party.push(Vec::new());
    }
    for list in [&placed.before_start, &placed.after_start, &placed.unspecified] {
        for &fact in list {
            let Some(record) = dataset.facts().get(fact) else { continue };
            let (Some(party), Some(tactic)) = (dataset.party_of_fact(fact), dataset.tactic_of_fact(fact)) else { continue };
            if let Some(entries) = by_party.get_mut(party)
                && record.status == Status::Used
            {
                entries.push(Entry { fact, party, tactic, period: Period::of(record.when) });
            }
        }
    }
    let mut entries: Vec<Entry> = Vec::new();
    for mut party_entries in by_party {
        entries.append(&mut party_entries);
    }

    let mut y = MARGIN;
    y += builder.paragraph(left, y, ui(lang, UiText::TimelineNote), SMALL, content_width, 3, ColorRole::MutedText) + 12.0;
    y = if content_width >= GRID_FROM {
        grid(&mut builder, dataset, &names, &entries, left, content_width, y)
    } else {
        stacked(&mut builder, dataset, &names, &entries, left, content_width, y)
    };

    let summary = summary(dataset, lang, calendar, &placed.per_party);
    let table = table(dataset, lang, &names, &entries);
    builder.finish(View::Timeline, y + MARGIN, summary, table)
}

fn entries_of(entries: &[Entry], party: usize, period: Period) -> impl Iterator<Item = &Entry> {
    entries.iter().filter(move |entry| entry.party == party && entry.period == period)
}

/// Lays chips one under the other from `top` in a column; returns the height taken.
fn chips<'a>(
    builder: &mut SceneBuilder,
    dataset: &Dataset,
    names: &PeriodNames,
    items: impl Iterator<Item = &'a Entry>,
    x: f64,
    top: f64,
    width: f64,
) -> f64 {
    let lang = builder.lang;
    let mut y = top;
    let mut any = false;
    for entry in items {
        if any {
            y += CHIP_GAP;
        }
        any = true;
        let lines = builder.wrap(tactic_name(dataset, lang, entry.tactic), SMALL, width - 2.0 * CHIP_PADDING, 3).lines;
        let height = (line_height(SMALL) * lines.len() as f64 + 2.0 * CHIP_PADDING - 2.0).max(CHIP_MIN_HEIGHT);
        let rect = Rect::new(x, y, width, height);
        builder.centered_lines(x + CHIP_PADDING, y, height, &lines, SMALL, ColorRole::Text);
        builder.mark(Mark {
            rect,
            shape: MarkShape::Chip { role: ColorRole::Party(entry.party) },
            party: Some(entry.party),
            tactic: Some(entry.tactic),
            fact: Some(entry.fact),
            status: Some(Status::Used),
            label: ui_fill(
                lang,
                UiText::MarkPeriod,
                &[
                    ("party", party_short(dataset, lang, entry.party)),
                    ("tactic", tactic_name(dataset, lang, entry.tactic)),
                    ("period", names.of(entry.period)),
                ],
            ),
        });
        y += height;
    }
    if !any {
        builder.text(x, top + CHIP_MIN_HEIGHT / 2.0, ui(lang, UiText::NothingInPeriod).to_owned(), SMALL, TextAnchor::Left, ColorRole::MutedText);
        return CHIP_MIN_HEIGHT;
    }
    y - top
}

/// The party's name after a swatch of its colour; returns the height taken.
fn party_label(builder: &mut SceneBuilder, dataset: &Dataset, party: usize, x: f64, top: f64, width: f64) -> f64 {
    let swatch = 10.0;
    let lines = builder.wrap(party_short(dataset, builder.lang, party), PARTY_STYLE, width - swatch - 6.0, 3).lines;
    builder.filled(Rect::new(x, top + (line_height(PARTY_STYLE) - swatch) / 2.0, swatch, swatch), ColorRole::Party(party));
    builder.lines(x + swatch + 6.0, top, &lines, PARTY_STYLE, TextAnchor::Left, ColorRole::Text)
}

fn grid(builder: &mut SceneBuilder, dataset: &Dataset, names: &PeriodNames, entries: &[Entry], left: f64, content_width: f64, top: f64) -> f64 {
    let label_width = snap((content_width * 0.18).clamp(100.0, 200.0));
    let column_width = snap((content_width - label_width) / 3.0);
    let column_x = |period: usize| left + label_width + column_width * period as f64;
    let right = left + content_width;

    // Headings, bottom-aligned so the columns start on one line.
    let mut headings = Vec::with_capacity(Period::ALL.len());
    let mut most_lines = 0;
    for period in Period::ALL {
        let lines = builder.wrap(names.of(period), SMALL_BOLD, column_width - 2.0 * CELL_PADDING, 3).lines;
        most_lines = most_lines.max(lines.len());
        headings.push(lines);
    }
    let heading_height = most_lines as f64 * line_height(SMALL_BOLD);
    for (position, lines) in headings.iter().enumerate() {
        let text_top = top + heading_height - line_height(SMALL_BOLD) * lines.len() as f64;
        builder.lines(column_x(position) + CELL_PADDING, text_top, lines, SMALL_BOLD, TextAnchor::Left, ColorRole::Text);
    }
    let body_top = top + heading_height + 6.0;
    builder.rule(left, right, body_top, ColorRole::Grid);

    let mut y = body_top;
    for party in 0..dataset.parties().len() {
        let row_top = y + CELL_PADDING;
        let mut height = party_label(builder, dataset, party, left, row_top, label_width - CELL_PADDING);
        for (position, period) in Period::ALL.into_iter().enumerate() {
            let used = chips(
                builder,
                dataset,
                names,
                entries_of(entries, party, period),
                column_x(position) + CELL_PADDING,
                row_top,
                column_width - 2.0 * CELL_PADDING,
            );
            height = height.max(used);
        }
        y = row_top + height + CELL_PADDING;
        builder.rule(left, right, y, ColorRole::Grid);
    }
    // The undated column stands apart from the two periods, on a tinted ground.
    builder.underlay(SceneShape::FilledRect { rect: Rect::new(column_x(2), top, right - column_x(2), y - top), role: ColorRole::Band });
    // The official start is the one line that means a date: drawn stronger than the
    // separator before the undated column, which stands outside time.
    builder.shape(SceneShape::Line { from: (column_x(1), top), to: (column_x(1), y), role: ColorRole::MutedText, stroke_width: 2.0 });
    builder.shape(SceneShape::Line { from: (column_x(2), top), to: (column_x(2), y), role: ColorRole::Grid, stroke_width: 1.0 });
    y
}

fn stacked(builder: &mut SceneBuilder, dataset: &Dataset, names: &PeriodNames, entries: &[Entry], left: f64, content_width: f64, top: f64) -> f64 {
    let lang = builder.lang;
    let indent = 12.0;
    let mut y = top;
    for party in 0..dataset.parties().len() {
        let lines = builder.wrap(party_short(dataset, lang, party), PARTY_STYLE, content_width - 30.0, 3).lines;
        let heading_height = line_height(PARTY_STYLE) * lines.len() as f64 + 2.0 * HEADING_PADDING;
        builder.filled(Rect::new(left, y, content_width, heading_height), ColorRole::Band);
        party_label(builder, dataset, party, left + LABEL_INSET, y + HEADING_PADDING, content_width - 2.0 * LABEL_INSET);
        y += heading_height + 6.0;
        for period in Period::ALL {
            y += builder.paragraph(left + indent, y, names.of(period), SMALL_BOLD, content_width - indent, 3, ColorRole::Text) + 4.0;
            y += chips(builder, dataset, names, entries_of(entries, party, period), left + indent, y, content_width - indent) + 10.0;
        }
        y += 6.0;
    }
    y
}

fn summary(dataset: &Dataset, lang: Lang, calendar: CampaignCalendar, per_party: &[TimelineCounts]) -> String {
    let mut parties = String::new();
    for (position, counts) in per_party.iter().enumerate() {
        if position > 0 {
            parties.push_str(list_separator(lang));
        }
        let count = |count: usize| format_number(lang, count as f64);
        parties.push_str(&ui_fill(
            lang,
            UiText::TimelinePartyCounts,
            &[
                ("party", party_short(dataset, lang, counts.party)),
                ("before", &count(counts.before_start)),
                ("during", &count(counts.after_start)),
                ("undated", &count(counts.unspecified)),
            ],
        ));
    }
    // In full, with the year: a reader of the summary sees no other sign of which campaign it is.
    let day = |date: Option<CalendarDate>| date.map(|date| format_date(lang, date, DateStyle::Full));
    let before = match day(calendar.official_start) {
        Some(start) => ui_fill(lang, UiText::SummaryBeforeStartOn, &[("start", &start)]),
        None => ui(lang, UiText::SummaryBeforeStart).to_owned(),
    };
    let during = match day(calendar.election_day) {
        Some(end) => ui_fill(lang, UiText::SummaryDuringCampaignUntil, &[("end", &end)]),
        None => ui(lang, UiText::SummaryDuringCampaign).to_owned(),
    };
    ui_fill(lang, UiText::SummaryTimeline, &[("before", &before), ("during", &during), ("parties", &parties)])
}

fn table(dataset: &Dataset, lang: Lang, names: &PeriodNames, entries: &[Entry]) -> Table {
    let header = [ui(lang, UiText::AxisParty), ui(lang, UiText::AxisTactic), ui(lang, UiText::AxisPeriod)];
    let mut table = Table::new(ui(lang, UiText::CaptionTimeline).to_owned(), &header);
    for entry in entries {
        table.row(&[party_short(dataset, lang, entry.party), tactic_name(dataset, lang, entry.tactic), names.of(entry.period)]);
    }
    table
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use crate::data::{Dataset, Lang};
    use crate::layout::{EstimatedTextMeasure, Scene, View, ViewRequest, layout};

    /// Two parties, each with a tactic before the start, one during and one undated, and `campaign` as given.
    fn dataset(campaign: Value) -> Dataset {
        let name = |text: &str| json!({ "ar": text, "fr": text, "en": text });
        let fact = |party: &str, tactic: &str, when: Value| {
            json!({ "party": party, "tactic": tactic, "status": "used", "when": when, "quote": "نص", "text": name("text") })
        };
        let mut document = json!({
            "parties": [
                { "id": "alpha", "camp": "majority", "name": name("Alpha") },
                { "id": "beta", "camp": "opposition", "name": name("Beta") },
            ],
            "tactics": [
                { "id": "web-tv", "category": "media", "name": name("Web TV") },
                { "id": "lists", "category": "media", "name": name("Lists") },
                { "id": "live", "category": "media", "name": name("Live") },
            ],
            "facts": [
                fact("alpha", "web-tv", json!("before_start")),
                fact("alpha", "lists", json!("after_start")),
                fact("beta", "live", Value::Null),
            ],
        });
        if !campaign.is_null() {
            document["campaign"] = campaign;
        }
        Dataset::from_json(&document.to_string()).unwrap_or_else(|errors| panic!("{errors}"))
    }

    fn scene(dataset: &Dataset, lang: Lang, width: f64) -> Scene {
        let request = ViewRequest { view: View::Timeline, lang, party: 0, versus: 1, width, ..Default::default() };
        layout(dataset, &request, &EstimatedTextMeasure).unwrap()
    }

    /// Every text a reader can get at: drawn lines, mark labels, table and summary.
    fn all_texts(scene: &Scene) -> String {
        let mut texts: Vec<&str> = scene.texts.iter().map(|text| text.text.as_str()).collect();
        texts.extend(scene.marks.iter().map(|mark| mark.label.as_str()));
        texts.extend(scene.table.rows.iter().flatten().map(String::as_str));
        texts.push(&scene.summary);
        texts.join("\n")
    }

    const WIDTHS: [f64; 2] = [320.0, 900.0];

    #[test]
    fn a_dataset_with_other_dates_shows_them_in_headings_labels_table_and_summary() {
        let other = dataset(json!({ "official_start": "2021-08-26", "election_day": "2021-09-08" }));
        // Per language: the two periods' names, the days as headings write them, and in the summary.
        let expected = [
            (
                Lang::En,
                ["Before the official start (26\u{a0}Aug)", "During the campaign (26\u{a0}Aug – 8\u{a0}Sept)"],
                ["26\u{a0}Aug", "8\u{a0}Sept"],
                ["26 August 2021", "8 September 2021"],
            ),
            (
                Lang::Fr,
                ["Avant le début officiel (26\u{a0}août)", "Pendant la campagne (26\u{a0}août – 8\u{a0}sept.)"],
                ["26\u{a0}août", "8\u{a0}sept."],
                ["26 août 2021", "8 septembre 2021"],
            ),
            (
                Lang::Ar,
                ["قبل الانطلاقة الرسمية (26\u{a0}غشت)", "خلال الحملة (26\u{a0}غشت – 8\u{a0}شتنبر)"],
                ["26\u{a0}غشت", "8\u{a0}شتنبر"],
                ["26 غشت 2021", "8 شتنبر 2021"],
            ),
        ];
        for (lang, periods, days, full_days) in expected {
            for width in WIDTHS {
                let scene = scene(&other, lang, width);
                for period in periods {
                    assert!(scene.table.rows.iter().any(|row| row.iter().any(|cell| cell == period)), "{period} in the table");
                    assert!(scene.marks.iter().any(|mark| mark.label.contains(period)), "{period} in a mark's label");
                }
                // Headings may wrap, but never between a day and its month.
                for day in days {
                    assert!(scene.texts.iter().any(|text| text.text.contains(day)), "{day} drawn at {width}");
                }
                for day in full_days {
                    assert!(scene.summary.contains(day), "{day} in {}", scene.summary);
                }
                let texts = all_texts(&scene);
                assert!(!texts.contains("2016") && !texts.contains("24\u{a0}") && !texts.contains("7\u{a0}"), "{texts}");
            }
        }
        let summary = scene(&other, Lang::En, 900.0).summary;
        assert!(
            summary.starts_with(
                "Tactics reported as used before the campaign’s official start on 26 August 2021, during the campaign up to election day on 8 September 2021, or with no date stated. Alpha: before 1, during 1, no date 0"
            ),
            "{summary}"
        );
    }

    #[test]
    fn a_dataset_without_dates_shows_none() {
        let starts = [
            (Lang::En, "Tactics reported as used before the campaign’s official start, during the campaign, or with no date stated. Alpha: "),
            (Lang::Fr, "Tactiques utilisées selon l’article avant le début officiel de la campagne, pendant la campagne, ou sans date précisée. Alpha\u{a0}: "),
            (Lang::Ar, "الأساليب المستعملة حسب المقال قبل الانطلاقة الرسمية للحملة، وخلال الحملة، أو دون تاريخ مذكور. Alpha: "),
        ];
        for campaign in [Value::Null, json!({}), json!({ "official_start": null, "election_day": null })] {
            let undated = dataset(campaign);
            for (lang, summary_start) in starts {
                for width in WIDTHS {
                    let scene = scene(&undated, lang, width);
                    // Counts are the only digits a reader sees: no day, month or year.
                    let texts = all_texts(&scene).replace(&scene.summary, "");
                    assert!(!texts.contains(|character: char| character.is_ascii_digit() || character == '('), "{texts}");
                    assert!(scene.summary.starts_with(summary_start), "{}", scene.summary);
                }
            }
        }
        let scene = scene(&dataset(Value::Null), Lang::En, 900.0);
        for heading in ["Before the official start", "During the campaign", "Date not stated"] {
            assert!(scene.texts.iter().any(|text| text.text == heading), "{heading}");
        }
    }

    #[test]
    fn a_dataset_with_only_the_official_start_says_from_when_the_campaign_runs() {
        let scene = scene(&dataset(json!({ "official_start": "2021-08-26" })), Lang::En, 900.0);
        let periods: Vec<&str> = scene.table.rows.iter().filter_map(|row| row.get(2)).map(String::as_str).collect();
        assert_eq!(periods, ["Before the official start (26\u{a0}Aug)", "During the campaign (from 26\u{a0}Aug)", "Date not stated"]);
        assert!(
            scene.summary.starts_with("Tactics reported as used before the campaign’s official start on 26 August 2021, during the campaign, or with no date stated."),
            "{}",
            scene.summary
        );
    }
}
