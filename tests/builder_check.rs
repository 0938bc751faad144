//! What the newsroom builder's wasm does with the files a journalist picks (`spreadsheet::check_files`): the sheets or
//! one JSON dataset, read as the command line reads them, every problem placed by file, row and column (or path).

use std::path::Path;

use campaign_explainer::data::BUILT_IN_JSON;
use campaign_explainer::spreadsheet::{Checked, Counts, Problem, SheetFile, Source, check_files, document_json, read_folder, read_sheets};
use serde_json::Value;

fn example_files() -> Vec<SheetFile> {
    read_folder(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data/example")).unwrap_or_else(|message| panic!("{message}"))
}

fn file(name: &str, text: &str) -> SheetFile {
    SheetFile { name: name.to_owned(), bytes: text.as_bytes().to_vec() }
}

fn refused(checked: &Checked) -> Vec<String> {
    assert!(checked.json.is_none() && checked.counts.is_none(), "refused, so no dataset: {checked:?}");
    assert!(!checked.errors.is_empty(), "refused with its reasons: {checked:?}");
    checked.errors.iter().map(|problem| problem.text.clone()).collect()
}

#[test]
fn the_example_sheets_give_the_json_that_convert_writes() {
    let files = example_files();
    let checked = check_files(&files);
    assert_eq!(checked.source, Source::Sheets);
    assert!(checked.errors.is_empty() && checked.warnings.is_empty(), "{checked:?}");
    assert_eq!(checked.counts, Some(Counts { parties: 3, tactics: 3, facts: 6 }));
    let read = read_sheets(&files).unwrap_or_else(|problems| panic!("{problems}"));
    let expected = document_json(&read.document).unwrap_or_else(|message| panic!("{message}"));
    assert_eq!(checked.json.as_deref(), Some(expected.as_str()));
    assert!(expected.starts_with("{\n  \"campaign\"") && expected.ends_with("}\n"), "pretty, members in alphabetical order, a final line break");
}

#[test]
fn a_bad_sheet_is_placed_by_file_row_and_column_and_a_warning_comes_with_it() {
    let mut files = example_files();
    let facts = files.iter_mut().find(|file| file.name == "facts.csv").unwrap_or_else(|| panic!("the example has facts.csv"));
    let text = String::from_utf8(facts.bytes.clone()).unwrap_or_else(|error| panic!("{error}"));
    facts.bytes = text.replacen("river-live,river,", "river-live,xyz,", 1).into_bytes();
    files.push(file("notes.csv", "a,b\n1,2\n"));
    let checked = check_files(&files);
    assert_eq!(
        checked.errors,
        [Problem {
            file: "facts.csv".to_owned(),
            row: Some(3),
            column: Some("party".to_owned()),
            path: None,
            message: "unknown party \"xyz\" — known: river, mountain, ennour".to_owned(),
            text: "facts.csv row 3, column \"party\": unknown party \"xyz\" — known: river, mountain, ennour".to_owned(),
        }]
    );
    assert_eq!(checked.warnings.len(), 1, "{:?}", checked.warnings);
    assert_eq!(checked.warnings[0].file, "notes.csv");
    assert!(checked.json.is_none());
}

#[test]
fn one_json_dataset_is_validated_and_kept_whole() {
    let checked = check_files(&[file("campaign-2016.json", &format!("\u{feff}{BUILT_IN_JSON}"))]);
    assert_eq!(checked.source, Source::Json);
    assert!(checked.errors.is_empty(), "{checked:?}");
    assert_eq!(checked.counts.map(|counts| counts.parties), Some(5));
    let json = checked.json.unwrap_or_else(|| panic!("valid, so its JSON is given"));
    let given: Value = serde_json::from_str(BUILT_IN_JSON).unwrap_or_else(|error| panic!("{error}"));
    let written: Value = serde_json::from_str(&json).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(written, given);
}

#[test]
fn a_bad_json_dataset_is_placed_by_its_path() {
    let bad = r#"{ "parties": [{ "id": "a", "camp": "majority", "name": { "ar": "أ", "fr": "A", "en": "A" } }],
        "tactics": [{ "id": "t", "category": "c", "name": { "ar": "ت", "fr": "T", "en": "T" } }],
        "facts": [{ "party": "xyz", "tactic": "t", "status": "used", "quote": "…", "text": { "ar": "…", "fr": "…", "en": "…" } }] }"#;
    let checked = check_files(&[file("mine.json", bad)]);
    assert_eq!(refused(&checked), ["mine.json: facts[0].party: unknown party \"xyz\""]);
    assert_eq!((checked.errors[0].path.as_deref(), checked.errors[0].row), (Some("facts[0].party"), None));
    // An entry written as an array, which serde could take field by field, is refused as the command line refuses it.
    let array_entry = bad.replace(r#"{ "id": "t", "category": "c", "name": { "ar": "ت", "fr": "T", "en": "T" } }"#, r#"["t", "c"]"#);
    assert!(refused(&check_files(&[file("mine.json", &array_entry)]))[0].starts_with("mine.json: tactics[0]: "));
    assert_eq!(refused(&check_files(&[file("mine.json", "[1, 2]")])), ["mine.json: the dataset must be a JSON object, found an array"]);
    let latin1 = SheetFile { name: "mine.json".to_owned(), bytes: vec![b'{', 0xe9, b'}'] };
    assert_eq!(refused(&check_files(&[latin1])), ["mine.json: is not UTF-8 text: save the dataset as UTF-8"]);
}

#[test]
fn nothing_or_a_json_dataset_with_sheets_is_refused_with_what_to_choose() {
    assert_eq!(refused(&check_files(&[]))[0], "no file: choose the CSV sheets of a dataset (parties.csv, tactics.csv, facts.csv at least) or one JSON dataset");
    let mut files = example_files();
    files.push(file("Dataset.JSON", BUILT_IN_JSON));
    assert_eq!(
        refused(&check_files(&files)),
        ["Dataset.JSON: a JSON dataset is read alone: choose it without other files, or the CSV sheets without it"]
    );
}
