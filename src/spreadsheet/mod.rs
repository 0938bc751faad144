//! The spreadsheet format: a dataset as a few CSV sheets a journalist fills in LibreOffice, Excel or Google Sheets.
//!
//! Each sheet maps one-to-one onto a part of the JSON format (`data/schema.json`): one row per entry, a
//! translated text as one column per language (`name_ar`, `name_fr`, `name_en`). Reading builds the JSON
//! value and hands it to the same reading and validation as a JSON file, then says every problem in the
//! spreadsheet's terms (`facts.csv row 14, column "party": unknown party "xyz" — known: pjd, pam`).
//! Natively (tests, the `campaign-explainer` command line) and in the newsroom builder's wasm (`builder/`, the crate's
//! `spreadsheet` feature); the widget readers download carries none of it.

mod check;
mod locate;
mod read;
mod write;

use std::fmt;

pub use check::{Checked, Counts, Problem, Source, check_files, document_json};
pub use read::{MAX_SHEET_BYTES, SheetFile, read_file, read_folder, read_sheets};
pub use write::write_sheets;

/// The list separator of the `nicknames` cell (`البيجيدي | المصباح`): a character no nickname of a source needs.
pub const NICKNAME_SEPARATOR: char = '|';

/// One sheet: its file name and its columns in the order the templates write them.
pub struct SheetLayout {
    pub file: &'static str,
    pub columns: &'static [&'static str],
    /// Without these the sheet cannot be read; the others may be left out of the header.
    pub required_columns: &'static [&'static str],
    /// Without this file the folder is not a dataset.
    pub required: bool,
}

/// `dataset.csv`: the dataset's own members, one per row (a field and its value), since there is one of each.
pub const DATASET: SheetLayout = SheetLayout { file: "dataset.csv", columns: &["field", "value"], required_columns: &["field", "value"], required: false };

/// The fields of `dataset.csv`, in the order the templates list them: the JSON path with `_` for `.`.
pub const DATASET_FIELDS: &[&str] = &[
    "id",
    "title_ar",
    "title_fr",
    "title_en",
    "source_title_ar",
    "source_title_fr",
    "source_title_en",
    "source_language",
    "source_published",
    "source_url",
    "source_note_ar",
    "source_note_fr",
    "source_note_en",
    "campaign_official_start",
    "campaign_election_day",
];

pub const CATEGORIES: SheetLayout = SheetLayout {
    file: "categories.csv",
    columns: &["id", "name_ar", "name_fr", "name_en"],
    required_columns: &["id", "name_ar", "name_fr", "name_en"],
    required: false,
};

/// Both `parties` and `unmentioned_parties`: the `mentioned` column (`no`) tells the second ones.
pub const PARTIES: SheetLayout = SheetLayout {
    file: "parties.csv",
    columns: &[
        "id",
        "mentioned",
        "camp",
        "name_ar",
        "name_fr",
        "name_en",
        "short_name_ar",
        "short_name_fr",
        "short_name_en",
        "symbol_ar",
        "symbol_fr",
        "symbol_en",
        "nicknames",
        "camp_note_ar",
        "camp_note_fr",
        "camp_note_en",
        "french_gender",
        "french_article",
    ],
    required_columns: &["id", "camp", "name_ar", "name_fr", "name_en"],
    required: true,
};

/// A party's `leaders`, in order, each row naming its party.
pub const LEADERS: SheetLayout = SheetLayout {
    file: "leaders.csv",
    columns: &["party", "name_ar", "name_fr", "name_en", "role_ar", "role_fr", "role_en"],
    required_columns: &["party", "name_ar", "name_fr", "name_en"],
    required: false,
};

pub const TACTICS: SheetLayout = SheetLayout {
    file: "tactics.csv",
    columns: &["id", "category", "name_ar", "name_fr", "name_en"],
    required_columns: &["id", "category", "name_ar", "name_fr", "name_en"],
    required: true,
};

pub const FACTS: SheetLayout = SheetLayout {
    file: "facts.csv",
    columns: &["id", "party", "tactic", "status", "when", "quote", "text_ar", "text_fr", "text_en", "note_ar", "note_fr", "note_en"],
    required_columns: &["party", "tactic", "status", "quote", "text_ar", "text_fr", "text_en"],
    required: true,
};

/// Every sheet, in the order a journalist fills them: what is referenced before what references it.
pub const SHEETS: [&SheetLayout; 6] = [&DATASET, &CATEGORIES, &PARTIES, &LEADERS, &TACTICS, &FACTS];

/// Where a problem is, in the terms of the spreadsheet a journalist has open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetError {
    /// The file, e.g. `facts.csv`; empty for a problem of the whole folder.
    pub file: String,
    /// The spreadsheet's row number, the header being row 1.
    pub row: Option<usize>,
    pub column: Option<String>,
    pub message: String,
}

impl SheetError {
    pub fn new(file: &str, row: Option<usize>, column: Option<&str>, message: impl Into<String>) -> SheetError {
        SheetError { file: file.to_owned(), row, column: column.map(str::to_owned), message: message.into() }
    }

    /// `facts.csv row 14, column "party": …`, with as much of the place as is known.
    pub fn describe(&self) -> String {
        let mut place = self.file.clone();
        if let Some(row) = self.row {
            place.push_str(&format!(" row {row}"));
        }
        if let Some(column) = &self.column {
            if !place.is_empty() {
                place.push(',');
                place.push(' ');
            }
            place.push_str(&format!("column \"{column}\""));
        }
        if place.is_empty() { self.message.clone() } else { format!("{place}: {}", self.message) }
    }
}

impl fmt::Display for SheetError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.describe())
    }
}

/// Every problem of a spreadsheet, and the warnings (columns kept as extra members, files not read), which
/// do not stop it from being read but may be typing mistakes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SheetErrors {
    pub errors: Vec<SheetError>,
    pub warnings: Vec<SheetError>,
}

impl SheetErrors {
    /// Every problem, one per line: a command line shows them all, unlike the widget's alert.
    pub fn describe(&self) -> String {
        self.errors.iter().map(SheetError::describe).collect::<Vec<_>>().join("\n")
    }
}

impl fmt::Display for SheetErrors {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.describe())
    }
}

impl std::error::Error for SheetErrors {}

/// A spreadsheet read and validated: the JSON document it stands for (extra columns included), the
/// dataset, and the warnings.
#[derive(Debug)]
pub struct Spreadsheet {
    pub document: serde_json::Value,
    pub dataset: crate::data::Dataset,
    pub warnings: Vec<SheetError>,
}
