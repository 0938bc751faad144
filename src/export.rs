//! Exports of the data behind the charts: CSV for spreadsheets and JSON for developers, quotes included.

use crate::data::{Dataset, Lang, Status, Timing};
use crate::i18n::{UiText, ui};

/// Spreadsheet programs read UTF-8 without a byte order mark as a legacy code page,
/// which turns the Arabic quotes into mojibake.
const BYTE_ORDER_MARK: char = '\u{feff}';

/// One row per fact, in the reader's language, with the verbatim quote.
pub fn facts_csv(dataset: &Dataset, lang: Lang) -> String {
    let mut csv = String::new();
    csv.push(BYTE_ORDER_MARK);
    let header = ["party_id", "party", "camp", "tactic_id", "tactic", "category", "status", "when", "fact", "quote", "note"];
    push_row(&mut csv, header.iter().copied());
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
        };
        let when = match fact.when {
            Some(Timing::BeforeStart) => ui(lang, UiText::BeforeStart),
            Some(Timing::AfterStart) => ui(lang, UiText::DuringCampaign),
            None => "",
        };
        let camp = party.map(|party| match party.camp {
            crate::data::Camp::Majority => ui(lang, UiText::Majority),
            crate::data::Camp::Opposition => ui(lang, UiText::Opposition),
        });
        push_row(
            &mut csv,
            [
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

fn push_row<'a>(csv: &mut String, cells: impl IntoIterator<Item = &'a str>) {
    for (position, cell) in cells.into_iter().enumerate() {
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
    let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let needs_quotes = formula || cell.contains([',', '"', '\n', '\r']);
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

/// The whole dataset as pretty JSON in the format of `data/schema.json`.
pub fn dataset_json(dataset: &Dataset) -> String {
    serde_json::to_string_pretty(dataset.raw()).unwrap_or_else(|error| format!("{{\"error\": {:?}}}", error.to_string()))
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
    fn cells_with_commas_quotes_and_formulas_are_quoted_and_defused() {
        let mut csv = String::new();
        push_row(&mut csv, ["plain", "a, b", "say \"hi\"", "=HYPERLINK(\"x\")", "-1"]);
        assert_eq!(csv, "plain,\"a, b\",\"say \"\"hi\"\"\",\"'=HYPERLINK(\"\"x\"\")\",\"'-1\"\r\n");
    }

    #[test]
    fn the_json_export_reloads_as_the_same_dataset() {
        let dataset = built_in();
        let json = dataset_json(&dataset);
        let reloaded = Dataset::from_json(&json).expect("the export is a valid dataset");
        assert_eq!(reloaded.raw(), dataset.raw());
    }
}
