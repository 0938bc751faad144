//! Exports of the data behind the charts: CSV for spreadsheets and JSON for developers, quotes included.

use crate::data::{Camp, CampaignCalendar, Dataset, Lang, Status, Timing};
use crate::i18n::{UiText, period_name, ui};

/// Spreadsheet programs read UTF-8 without a byte order mark as a legacy code page,
/// which turns the Arabic quotes into mojibake.
const BYTE_ORDER_MARK: char = '\u{feff}';

/// One row per fact, in the reader's language, with the verbatim quote.
pub fn facts_csv(dataset: &Dataset, lang: Lang) -> String {
    let mut csv = String::new();
    csv.push(BYTE_ORDER_MARK);
    let header = ["party_id", "party", "camp", "tactic_id", "tactic", "category", "status", "when", "fact", "quote", "note"];
    push_row(&mut csv, &header);
    // The same period names as the timeline's headings, with the dataset's own campaign dates.
    let calendar = CampaignCalendar::of(dataset.raw().campaign.as_ref());
    let period = |timing| period_name(lang, calendar, timing);
    let (before_start, during_campaign) = (period(Timing::BeforeStart), period(Timing::AfterStart));
    for (position, fact) in dataset.facts().iter().enumerate() {
        let party = dataset.party_of_fact(position).and_then(|party| dataset.parties().get(party));
        let tactic = dataset.tactic_of_fact(position).and_then(|tactic| dataset.tactics().get(tactic));
        let category = dataset
            .tactic_of_fact(position)
            .and_then(|tactic| dataset.category_of_tactic(tactic))
            .and_then(|category| dataset.categories().get(category));
        let status = match fact.status {
            Status::Used => ui(lang, UiText::LegendUsed),
            Status::NotUsed => ui(lang, UiText::LegendNotUsed),
            Status::NotYetUsed => ui(lang, UiText::LegendNotYetUsed),
        };
        let when = match fact.when {
            Some(Timing::BeforeStart) => before_start.as_str(),
            Some(Timing::AfterStart) => during_campaign.as_str(),
            None => "",
        };
        let camp = party.map(|party| match party.camp {
            Camp::Majority => ui(lang, UiText::Majority),
            Camp::Opposition => ui(lang, UiText::Opposition),
        });
        push_row(
            &mut csv,
            &[
                fact.party.as_str(),
                party.map(|party| party.name.get(lang)).unwrap_or(""),
                camp.unwrap_or(""),
                fact.tactic.as_str(),
                tactic.map(|tactic| tactic.name.get(lang)).unwrap_or(""),
                category.map(|category| category.name.get(lang)).unwrap_or(""),
                status,
                when,
                fact.text.get(lang),
                fact.quote.as_str(),
                fact.note.as_ref().map(|note| note.get(lang)).unwrap_or(""),
            ],
        );
    }
    csv
}

fn push_row(csv: &mut String, cells: &[&str]) {
    for (position, cell) in cells.iter().enumerate() {
        if position > 0 {
            csv.push(',');
        }
        push_cell(csv, cell);
    }
    csv.push_str("\r\n");
}

/// RFC 4180 quoting, and a leading apostrophe before what a spreadsheet would run as a
/// formula: a newsroom's dataset is not trusted to be free of `=HYPERLINK(…)`.
fn push_cell(csv: &mut String, cell: &str) {
    // Every character looked for is ASCII, so bytes are compared.
    let formula = matches!(cell.as_bytes().first(), Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r'));
    let needs_quotes = formula || cell.bytes().any(|byte| matches!(byte, b',' | b'"' | b'\n' | b'\r'));
    if needs_quotes {
        csv.push('"');
    }
    if formula {
        csv.push('\'');
    }
    for character in cell.chars() {
        if character == '"' {
            csv.push('"');
        }
        csv.push(character);
    }
    if needs_quotes {
        csv.push('"');
    }
}

/// The whole dataset as pretty JSON in the format of `data/schema.json`, members in the schema's order,
/// absent optionals left out. Native only: in the browser the dataset goes to JavaScript as a value
/// and `JSON.stringify` writes the download.
#[cfg(not(target_arch = "wasm32"))]
pub fn dataset_json(dataset: &Dataset) -> String {
    // The model holds only strings, lists and records, which serde_json always writes.
    serde_json::to_string_pretty(dataset.raw()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built_in() -> Dataset {
        Dataset::built_in().expect("the built-in dataset is valid")
    }

    #[test]
    fn the_csv_starts_with_a_byte_order_mark_and_has_one_row_per_fact() {
        let dataset = built_in();
        let csv = facts_csv(&dataset, Lang::Ar);
        assert!(csv.starts_with('\u{feff}'));
        assert!(csv.contains("party_id,party,camp,tactic_id"));
        let rows = csv.split("\r\n").filter(|row| !row.is_empty()).count();
        // Quotes hold no line breaks, so rows are lines: the header plus one per fact.
        assert_eq!(rows, dataset.facts().len() + 1);
        for fact in dataset.facts() {
            let escaped = fact.quote.replace('"', "\"\"");
            assert!(csv.contains(&escaped), "the verbatim quote of {}/{} is in the CSV", fact.party, fact.tactic);
        }
    }

    #[test]
    fn the_when_column_names_the_period_with_the_datasets_own_dates() {
        let csv = facts_csv(&built_in(), Lang::En);
        assert!(csv.contains(",Before the official start (24\u{a0}Sept),"), "the built-in 2016 dates");
        let mut raw: serde_json::Value = serde_json::from_str(crate::data::BUILT_IN_JSON).unwrap();
        raw["campaign"] = serde_json::json!({ "official_start": "2021-08-26", "election_day": "2021-09-08" });
        let other = Dataset::from_json(&raw.to_string()).expect("the dataset with 2021 dates is valid");
        let csv = facts_csv(&other, Lang::En);
        assert!(csv.contains(",Before the official start (26\u{a0}Aug),"), "the dataset's dates, not 2016's");
        assert!(!csv.contains("24\u{a0}Sept"));
    }

    #[test]
    fn cells_with_commas_quotes_and_formulas_are_quoted_and_defused() {
        let mut csv = String::new();
        push_row(&mut csv, &["plain", "a, b", "say \"hi\"", "=HYPERLINK(\"x\")", "-1"]);
        assert_eq!(csv, "plain,\"a, b\",\"say \"\"hi\"\"\",\"'=HYPERLINK(\"\"x\"\")\",\"'-1\"\r\n");
    }

    #[test]
    fn the_json_export_reloads_as_the_same_dataset() {
        let dataset = built_in();
        let json = dataset_json(&dataset);
        let reloaded = Dataset::from_json(&json).expect("the export is a valid dataset");
        assert_eq!(reloaded.raw(), dataset.raw());
    }

    #[test]
    fn the_json_export_of_the_built_in_dataset_is_the_source_file_as_json() {
        let exported: serde_json::Value = serde_json::from_str(&dataset_json(&built_in())).expect("the export is JSON");
        let source: serde_json::Value = serde_json::from_str(crate::data::BUILT_IN_JSON).expect("the source file is JSON");
        // Objects compare as maps: the same members and values, whatever their order.
        assert_eq!(exported, source);
    }

    #[test]
    fn the_json_export_lists_members_in_the_schema_order_and_leaves_absent_ones_out() {
        let json = dataset_json(&built_in());
        let position = |needle: &str| json.find(needle).unwrap_or_else(|| panic!("{needle} is in the export"));
        let top_level = ["\n  \"id\"", "\n  \"title\"", "\n  \"source\"", "\n  \"campaign\"", "\n  \"categories\"", "\n  \"parties\"", "\n  \"tactics\"", "\n  \"facts\""];
        for pair in top_level.windows(2) {
            assert!(position(pair[0]) < position(pair[1]), "{} before {}", pair[0], pair[1]);
        }
        assert!(json.starts_with("{\n  \"id\": \"campaign-2016\",\n  \"title\": {\n    \"ar\": "), "{}", json.chars().take(80).collect::<String>());
        assert!(!json.contains("null"));
    }

    #[test]
    fn a_minimal_dataset_with_awkward_strings_exports_and_reloads_the_same() {
        let source = r#"{
            "parties": [{"id": "a", "camp": "majority", "name": {"ar": "حزب \"أ\"", "fr": "A\\B", "en": "line\nbreak\u2028"}},
                        {"id": "b", "camp": "opposition", "name": {"ar": "ب", "fr": "B", "en": "B 🗳️"}, "nicknames": [], "leaders": []}],
            "tactics": [{"id": "t", "category": "c", "name": {"ar": "ت", "fr": "T", "en": "T\t"}}],
            "categories": [{"id": "c", "name": {"ar": "ف", "fr": "C", "en": "C"}}],
            "facts": [{"party": "a", "tactic": "t", "status": "not_used", "quote": "«قال» \"x\"", "text": {"ar": "ن", "fr": "f", "en": "e"}}]
        }"#;
        let dataset = Dataset::from_json(source).expect("the test dataset is valid");
        let json = dataset_json(&dataset);
        assert!(!json.contains("null") && !json.contains("[]"), "{json}");
        let reloaded = Dataset::from_json(&json).expect("the export is a valid dataset");
        assert_eq!(reloaded.raw(), dataset.raw());
    }
}
