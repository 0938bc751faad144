//! What the newsroom builder (`builder.html`) does with the files a journalist picks: the sheets of the spreadsheet
//! format, or one JSON dataset, read and validated as the command line does, every problem in the files' terms.

use serde::Serialize;

use super::{SheetError, SheetFile, read_sheets};
use crate::data::{Dataset, DatasetError};

/// One problem, or one warning, where the journalist will look for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The file, e.g. `facts.csv`; empty for a problem of the whole choice of files.
    pub file: String,
    /// The spreadsheet's row number, the header being row 1.
    pub row: Option<usize>,
    pub column: Option<String>,
    /// In a JSON dataset, where in it, e.g. `facts[3].party`: JSON has no rows and columns.
    pub path: Option<String>,
    pub message: String,
    /// The whole problem in one line, as the command line prints it.
    pub text: String,
}

impl Problem {
    fn of_sheet(error: &SheetError) -> Problem {
        Problem {
            file: error.file.clone(),
            row: error.row,
            column: error.column.clone(),
            path: None,
            message: error.message.clone(),
            text: error.describe(),
        }
    }

    fn of_json(file: &str, error: &DatasetError) -> Problem {
        let path = (!error.path.is_empty()).then(|| error.path.clone());
        Problem { file: file.to_owned(), row: None, column: None, path, message: error.message.clone(), text: format!("{file}: {error}") }
    }

    fn of_file(file: &str, message: &str) -> Problem {
        let text = if file.is_empty() { message.to_owned() } else { format!("{file}: {message}") };
        Problem { file: file.to_owned(), row: None, column: None, path: None, message: message.to_owned(), text }
    }
}

/// What was chosen: the sheets of the spreadsheet format, or a JSON dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Sheets,
    Json,
}

/// How much a valid dataset holds, for the builder to say what it read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub parties: usize,
    pub tactics: usize,
    pub facts: usize,
}

/// The outcome: a valid dataset as the JSON the widget reads, or every problem; warnings either way.
#[derive(Clone, Debug, Serialize)]
pub struct Checked {
    pub source: Source,
    /// The dataset as `campaign-explainer convert` writes it (pretty, members in alphabetical order), when valid.
    pub json: Option<String>,
    pub counts: Option<Counts>,
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

impl Checked {
    fn refused(source: Source, errors: Vec<Problem>, warnings: Vec<Problem>) -> Checked {
        Checked { source, json: None, counts: None, errors, warnings }
    }

    fn accepted(source: Source, document: &serde_json::Value, dataset: &Dataset, warnings: Vec<Problem>) -> Checked {
        match document_json(document) {
            Ok(json) => {
                let counts = Counts { parties: dataset.parties().len(), tactics: dataset.tactics().len(), facts: dataset.facts().len() };
                Checked { source, json: Some(json), counts: Some(counts), errors: Vec::new(), warnings }
            }
            Err(message) => Checked::refused(source, vec![Problem::of_file("", &message)], warnings),
        }
    }
}

/// A dataset's JSON document as the command line's `convert` writes it, ending with a line break.
pub fn document_json(document: &serde_json::Value) -> Result<String, String> {
    serde_json::to_string_pretty(document).map(|json| json + "\n").map_err(|error| error.to_string())
}

fn is_json(name: &str) -> bool {
    name.to_lowercase().ends_with(".json")
}

/// Reads and validates the files a journalist chose: one JSON dataset alone, or the CSV sheets of one dataset.
/// Never panics, whatever the files hold.
pub fn check_files(files: &[SheetFile]) -> Checked {
    let json_files: Vec<&SheetFile> = files.iter().filter(|file| is_json(&file.name)).collect();
    match (files, json_files.as_slice()) {
        ([], _) => {
            let message = "no file: choose the CSV sheets of a dataset (parties.csv, tactics.csv, facts.csv at least) or one JSON dataset";
            Checked::refused(Source::Sheets, vec![Problem::of_file("", message)], Vec::new())
        }
        ([file], [_]) => check_json(file),
        (_, []) => check_sheets(files),
        (_, json_files) => {
            let message = "a JSON dataset is read alone: choose it without other files, or the CSV sheets without it";
            Checked::refused(Source::Json, json_files.iter().map(|file| Problem::of_file(&file.name, message)).collect(), Vec::new())
        }
    }
}

fn check_sheets(files: &[SheetFile]) -> Checked {
    match read_sheets(files) {
        Ok(read) => Checked::accepted(Source::Sheets, &read.document, &read.dataset, read.warnings.iter().map(Problem::of_sheet).collect()),
        Err(problems) => Checked::refused(
            Source::Sheets,
            problems.errors.iter().map(Problem::of_sheet).collect(),
            problems.warnings.iter().map(Problem::of_sheet).collect(),
        ),
    }
}

fn check_json(file: &SheetFile) -> Checked {
    let name = file.name.as_str();
    let Ok(text) = std::str::from_utf8(&file.bytes) else {
        return Checked::refused(Source::Json, vec![Problem::of_file(name, "is not UTF-8 text: save the dataset as UTF-8")], Vec::new());
    };
    match Dataset::from_json(text) {
        Ok(dataset) => {
            // Valid, so it is JSON: read again as a plain value to keep members the widget ignores ("more fields are welcome").
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            match serde_json::from_str::<serde_json::Value>(text) {
                Ok(document) => Checked::accepted(Source::Json, &document, &dataset, Vec::new()),
                Err(error) => Checked::refused(Source::Json, vec![Problem::of_file(name, &error.to_string())], Vec::new()),
            }
        }
        Err(errors) => Checked::refused(Source::Json, errors.0.iter().map(|error| Problem::of_json(name, error)).collect(), Vec::new()),
    }
}
