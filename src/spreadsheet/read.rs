//! Reads the sheets with the csv crate into the JSON document they stand for, then validates it as a JSON file is.
//!
//! What only a spreadsheet can get wrong (a missing column, a cell that is not one of the spellings, a row cut
//! short) is said here; everything else is the JSON validation's, mapped back to files, rows and columns by `locate`.
//! A cell found wrong here is given a stand-in value, so that the validation still runs and every problem is said at once.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use serde_json::{Map, Value};

use super::locate::{Rows, known_list, locate_all};
use super::{CATEGORIES, DATASET, DATASET_FIELDS, FACTS, LEADERS, NICKNAME_SEPARATOR, PARTIES, SHEETS, SheetError, SheetErrors, SheetLayout, Spreadsheet, TACTICS};
use crate::data::{Camp, Dataset, Gender, MAX_DOCUMENT_BYTES, Status, Timing};

/// Larger files are refused before parsing: a dataset's JSON may not pass 4 MiB, and its sheets are about as large.
pub const MAX_SHEET_BYTES: usize = 2 * MAX_DOCUMENT_BYTES;

/// One CSV file as found: its name (for messages and to tell which sheet it is) and its bytes.
#[derive(Clone, Debug)]
pub struct SheetFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The CSV files of a folder (other files are not read).
pub fn read_folder(folder: &Path) -> Result<Vec<SheetFile>, String> {
    let entries = std::fs::read_dir(folder).map_err(|error| format!("{}: {error}", folder.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|error| format!("{}: {error}", folder.display()))?.path();
        let is_csv = path.extension().is_some_and(|extension| extension.eq_ignore_ascii_case("csv"));
        if is_csv && path.is_file() {
            files.push(read_file(&path)?);
        }
    }
    files.sort_by(|first, second| first.name.cmp(&second.name));
    Ok(files)
}

/// One CSV file by its path.
pub fn read_file(path: &Path) -> Result<SheetFile, String> {
    let bytes = std::fs::read(path).map_err(|error| format!("{}: {error}", path.display()))?;
    let name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string());
    Ok(SheetFile { name, bytes })
}

/// Which sheet a file is: `facts.csv`, or as Google Sheets names a sheet's download, `Campaign 2021 - facts.csv`.
fn layout_of(name: &str) -> Option<&'static SheetLayout> {
    let lowercase = name.to_lowercase();
    let stem = lowercase.strip_suffix(".csv")?;
    let sheet = stem.rsplit(" - ").next().unwrap_or(stem).trim();
    SHEETS.into_iter().find(|layout| layout.file.strip_suffix(".csv") == Some(sheet))
}

/// Problems found so far, and which cells and columns they are about, so that the validation does not say them twice.
#[derive(Default)]
struct Report {
    found: SheetErrors,
    cells: BTreeSet<(String, Option<usize>, Option<String>)>,
    missing_columns: BTreeSet<(String, String)>,
    /// Rows whose cells do not line up with the header: what their cells say is not what their columns mean, so
    /// nothing more is said of them than that.
    misaligned_rows: BTreeSet<(String, usize)>,
}

impl Report {
    fn error(&mut self, file: &str, row: Option<usize>, column: Option<&str>, message: String) {
        if column.is_some() && row.is_some_and(|row| self.misaligned_rows.contains(&(file.to_owned(), row))) {
            return;
        }
        self.cells.insert((file.to_owned(), row, column.map(str::to_owned)));
        self.found.errors.push(SheetError::new(file, row, column, message));
    }

    fn warning(&mut self, file: &str, row: Option<usize>, column: Option<&str>, message: String) {
        self.found.warnings.push(SheetError::new(file, row, column, message));
    }

    /// Whether a problem the validation found is one already said here, or a consequence of one.
    fn already_said(&self, error: &SheetError) -> bool {
        let column_missing =
            error.column.as_ref().is_some_and(|column| self.missing_columns.contains(&(error.file.clone(), column.clone())));
        let misaligned = error.row.is_some_and(|row| self.misaligned_rows.contains(&(error.file.clone(), row)));
        column_missing || misaligned || self.cells.contains(&(error.file.clone(), error.row, error.column.clone()))
    }
}

struct Row {
    /// The spreadsheet's row number, the header being row 1.
    number: usize,
    cells: Vec<String>,
}

/// A sheet as read: the file's own name, its header (trimmed, lowercase) and its rows that are not empty.
struct Table {
    file: String,
    columns: Vec<String>,
    rows: Vec<Row>,
    /// Columns of the file that the format does not know, kept as extra members of each entry.
    extra_columns: Vec<usize>,
}

impl Table {
    fn position(&self, column: &str) -> Option<usize> {
        self.columns.iter().position(|name| name == column)
    }
}

/// Reads the sheets of one dataset (as many files as it has: `parties.csv`, `tactics.csv` and `facts.csv` at least),
/// and validates the dataset they make. Never panics, whatever the files hold.
pub fn read_sheets(files: &[SheetFile]) -> Result<Spreadsheet, SheetErrors> {
    let mut report = Report::default();
    let mut tables: HashMap<&'static str, Table> = HashMap::new();
    for file in files {
        let Some(layout) = layout_of(&file.name) else {
            let message = format!("not a sheet of the format (its sheets: {}); not read", SHEETS.map(|layout| layout.file).join(", "));
            report.warning(&file.name, None, None, message);
            continue;
        };
        if let Some(first) = tables.get(layout.file) {
            let message = format!("a second {} (the first is {}); not read", layout.file, first.file);
            report.error(&file.name, None, None, message);
            continue;
        }
        if let Some(table) = parse_table(file, layout, &mut report) {
            tables.insert(layout.file, table);
        }
    }
    let mut missing_file = false;
    for layout in SHEETS.into_iter().filter(|layout| layout.required) {
        if !tables.contains_key(layout.file) && !files.iter().any(|file| layout_of(&file.name).is_some_and(|found| found.file == layout.file)) {
            report.error(layout.file, None, None, "the file is missing: a dataset needs parties.csv, tactics.csv and facts.csv".to_owned());
            missing_file = true;
        }
    }
    // Without one of the three, every reference would be reported unknown: only the sheets' own problems are said.
    if missing_file || SHEETS.iter().any(|layout| layout.required && !tables.contains_key(layout.file)) {
        return Err(report.found);
    }

    let mut rows = Rows::default();
    for (file, table) in &tables {
        rows.files.insert(file, table.file.clone());
    }
    let document = build_document(&tables, &mut rows, &mut report);
    let size = serde_json::to_string(&document).map(|text| text.len()).unwrap_or(0);
    if size > MAX_DOCUMENT_BYTES {
        report.error("", None, None, format!("the dataset is {size} bytes as JSON, more than the {MAX_DOCUMENT_BYTES} the widget allows"));
        return Err(report.found);
    }
    match Dataset::from_deserializer(&document) {
        Ok(dataset) if report.found.errors.is_empty() => Ok(Spreadsheet { document, dataset, warnings: report.found.warnings }),
        Ok(_) => Err(in_reading_order(report.found)),
        Err(errors) => {
            for error in locate_all(&errors, &rows) {
                if !report.already_said(&error) {
                    report.found.errors.push(error);
                }
            }
            Err(in_reading_order(report.found))
        }
    }
}

/// Problems sheet by sheet in the order of `SHEETS`, row by row, as a journalist goes through them; within a row,
/// the sheet's own problems before the validation's (the sort is stable).
fn in_reading_order(mut found: SheetErrors) -> SheetErrors {
    let sheet = |file: &str| layout_of(file).and_then(|layout| SHEETS.iter().position(|known| known.file == layout.file)).unwrap_or(0);
    found.errors.sort_by_key(|error| (sheet(&error.file), error.row.unwrap_or(0)));
    found
}

/// The field separator of a sheet: French and Moroccan locales export with semicolons (the comma is their decimal
/// mark), others with commas; some tools with tabs. The header line, outside quotes, tells which.
fn separator_of(text: &str) -> u8 {
    let mut counts = [(b',', 0_usize), (b';', 0), (b'\t', 0)];
    let mut inside_quotes = false;
    for byte in text.bytes() {
        match byte {
            b'"' => inside_quotes = !inside_quotes,
            b'\n' | b'\r' if !inside_quotes => break,
            _ if !inside_quotes => {
                for (separator, count) in &mut counts {
                    if byte == *separator {
                        *count += 1;
                    }
                }
            }
            _ => {}
        }
    }
    // The first of the most frequent, so a header without any separator reads as commas.
    let most = counts.iter().map(|(_, count)| *count).max().unwrap_or(0);
    counts.iter().find(|(_, count)| *count == most).map(|(separator, _)| *separator).unwrap_or(b',')
}

fn is_blank(cell: &str) -> bool {
    cell.chars().all(char::is_whitespace)
}

/// The member names the format builds from a sheet's columns (`name` from `name_ar`…): a column by that name
/// cannot be kept as an extra member, it would take the place of the format's own.
fn is_member_of_format(layout: &SheetLayout, column: &str) -> bool {
    let base = |name: &str| ["_ar", "_fr", "_en"].iter().find_map(|suffix| name.strip_suffix(suffix)).unwrap_or(name).to_owned();
    column == "leaders" || layout.columns.iter().any(|known| base(known) == column)
}

fn parse_table(file: &SheetFile, layout: &'static SheetLayout, report: &mut Report) -> Option<Table> {
    let name = file.name.as_str();
    if file.bytes.len() > MAX_SHEET_BYTES {
        report.error(name, None, None, format!("the file is {} bytes, more than the {MAX_SHEET_BYTES} allowed", file.bytes.len()));
        return None;
    }
    let Ok(text) = std::str::from_utf8(&file.bytes) else {
        let message = "is not UTF-8 text: save it as \"CSV UTF-8\" (Excel), \"Text CSV\" with the character set UTF-8 (LibreOffice) \
                       or download it as CSV (Google Sheets)";
        report.error(name, None, None, message.to_owned());
        return None;
    };
    // Excel writes a byte order mark before UTF-8; it is not part of the first column's name.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator_of(text))
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut row_number = 0;
    loop {
        let line_before = reader.position().line();
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(error) => {
                report.error(name, Some(row_number + 1), None, format!("cannot be read as CSV: {error}"));
                break;
            }
        }
        // The csv crate skips lines without any cell, which a spreadsheet counts as rows: the lines the record
        // took beyond its own (its cells' line breaks included) were such rows.
        let inner_breaks: u64 = record.iter().map(|cell| cell.matches('\n').count() as u64).sum();
        let lines = reader.position().line().saturating_sub(line_before);
        row_number += 1 + usize::try_from(lines.saturating_sub(1 + inner_breaks)).unwrap_or(0);
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        if header.is_none() {
            header = Some(cells.iter().map(|cell| cell.trim().trim_start_matches('\u{feff}').to_lowercase()).collect());
            continue;
        }
        // Spreadsheets export the rows below the data that were once touched as rows of empty cells.
        if cells.iter().all(|cell| is_blank(cell)) {
            continue;
        }
        rows.push(Row { number: row_number, cells });
    }
    let Some(columns) = header else {
        report.error(name, None, None, format!("the file is empty: it needs at least its header row ({})", layout.columns.join(", ")));
        return None;
    };
    let mut table = Table { file: name.to_owned(), columns, rows, extra_columns: Vec::new() };
    check_header(&mut table, layout, report);
    for row in &table.rows {
        let named = table.columns.len();
        if row.cells.len() < named {
            let message = format!("the row has {} cells, the header {named}: a cell is missing or two were merged", row.cells.len());
            report.error(name, Some(row.number), None, message);
            report.misaligned_rows.insert((name.to_owned(), row.number));
        } else if row.cells.iter().skip(named).any(|cell| !is_blank(cell)) {
            let message = format!("the row has {} cells, the header {named}: a cell is outside the named columns", row.cells.len());
            report.error(name, Some(row.number), None, message);
            report.misaligned_rows.insert((name.to_owned(), row.number));
        }
    }
    Some(table)
}

fn check_header(table: &mut Table, layout: &SheetLayout, report: &mut Report) {
    let file = table.file.clone();
    for (position, column) in table.columns.iter().enumerate() {
        if column.is_empty() {
            // An unnamed column is read only if something is written under it.
            if let Some(row) = table.rows.iter().find(|row| row.cells.get(position).is_some_and(|cell| !is_blank(cell))) {
                let message = format!("a cell under column {} of the header, which has no name", position + 1);
                report.error(&file, Some(row.number), None, message);
            }
            continue;
        }
        if table.columns.get(..position).unwrap_or_default().contains(column) {
            report.error(&file, Some(1), Some(column), "the column is there twice".to_owned());
        } else if layout.columns.contains(&column.as_str()) {
            continue;
        } else if is_member_of_format(layout, column) {
            let columns: Vec<&str> = layout.columns.iter().copied().filter(|known| known.starts_with(column.as_str())).collect();
            let message = format!("not a column of the format: write it as {}", columns.join(", "));
            report.error(&file, Some(1), Some(column), message);
        } else if layout.file == DATASET.file {
            // Its extra members are rows (fields), not columns: another column has nowhere to go.
            report.warning(&file, Some(1), Some(column), "not a column of dataset.csv (its columns: field, value): not read".to_owned());
        } else {
            table.extra_columns.push(position);
            let message = format!("not a column of the format (its columns: {}): kept as the extra member \"{column}\", which the widget ignores", layout.columns.join(", "));
            report.warning(&file, Some(1), Some(column), message);
        }
    }
    for column in layout.required_columns {
        if table.position(column).is_none() {
            report.missing_columns.insert((file.clone(), (*column).to_owned()));
            report.error(&file, None, Some(column), format!("the column is missing (the sheet needs {})", layout.required_columns.join(", ")));
        }
    }
}

/// The cells of one row, read by column name, with what is wrong said as it is read.
struct Cells<'a> {
    table: &'a Table,
    row: &'a Row,
    report: &'a mut Report,
}

impl Cells<'_> {
    fn raw(&self, column: &str) -> &str {
        self.table.position(column).and_then(|position| self.row.cells.get(position)).map(String::as_str).unwrap_or("")
    }

    /// A cell that holds an id, a reference or a spelling: the spaces around it are invisible in a spreadsheet.
    fn word(&self, column: &str) -> Option<&str> {
        let cell = self.raw(column).trim();
        (!cell.is_empty()).then_some(cell)
    }

    fn fail(&mut self, column: &str, message: String) {
        let file = self.table.file.clone();
        self.report.error(&file, Some(self.row.number), Some(column), message);
    }

    /// A text, verbatim: its spaces are the author's. A required one left empty is the validation's to refuse.
    fn text(&self, column: &str) -> Value {
        Value::String(self.raw(column).to_owned())
    }

    fn localized(&self, prefix: &str) -> Value {
        let mut text = Map::new();
        for code in ["ar", "fr", "en"] {
            text.insert(code.to_owned(), self.text(&format!("{prefix}_{code}")));
        }
        Value::Object(text)
    }

    /// Absent when its three cells are empty; with one filled, the empty ones are the validation's to refuse.
    fn optional_localized(&self, prefix: &str) -> Option<Value> {
        let filled = ["ar", "fr", "en"].iter().any(|code| !is_blank(self.raw(&format!("{prefix}_{code}"))));
        filled.then(|| self.localized(prefix))
    }

    /// One of a few spellings, forgiving of case and of a space for the underscore (`Not used`); a wrong one is
    /// said here with every spelling, and read as `stand_in`.
    fn choice(&mut self, column: &str, spellings: &[&str], stand_in: Option<&str>) -> Option<String> {
        let cell = self.word(column)?;
        let normalized = cell.to_lowercase().replace([' ', '-'], "_");
        if let Some(spelling) = spellings.iter().find(|spelling| **spelling == normalized) {
            return Some((*spelling).to_owned());
        }
        let message = format!("expected {}, found {}", spellings.iter().map(|spelling| format!("\"{spelling}\"")).collect::<Vec<_>>().join(" or "), crate::data::quoted(cell));
        self.fail(column, message);
        stand_in.map(str::to_owned)
    }

    /// A yes or no, as spreadsheets in the three languages write it (LibreOffice in French exports `VRAI`).
    fn boolean(&mut self, column: &str) -> Option<bool> {
        let cell = self.word(column)?;
        match cell.to_lowercase().as_str() {
            "true" | "yes" | "1" | "vrai" | "oui" | "نعم" => Some(true),
            "false" | "no" | "0" | "faux" | "non" | "لا" => Some(false),
            _ => {
                let message = format!("expected yes or no (true or false), found {}", crate::data::quoted(cell));
                self.fail(column, message);
                None
            }
        }
    }

    /// The cells of columns the format does not know, as the entry's extra members ("more fields are welcome").
    fn extras(&self, entry: &mut Map<String, Value>) {
        for &position in &self.table.extra_columns {
            let (Some(column), Some(cell)) = (self.table.columns.get(position), self.row.cells.get(position)) else { continue };
            if !is_blank(cell) {
                entry.insert(column.clone(), Value::String(cell.clone()));
            }
        }
    }
}

fn insert_some(entry: &mut Map<String, Value>, member: &str, value: Option<Value>) {
    if let Some(value) = value {
        entry.insert(member.to_owned(), value);
    }
}

fn build_document(tables: &HashMap<&'static str, Table>, rows: &mut Rows, report: &mut Report) -> Value {
    let id_of = |entry: &Value| entry.get("id").and_then(Value::as_str).unwrap_or("").to_owned();
    let mut document = Map::new();
    if let Some(table) = tables.get(DATASET.file) {
        read_dataset_sheet(table, &mut document, rows, report);
    }
    if let Some(table) = tables.get(CATEGORIES.file) {
        let mut categories = Vec::new();
        for row in &table.rows {
            let cells = Cells { table, row, report: &mut *report };
            let mut category = Map::new();
            category.insert("id".to_owned(), Value::String(cells.word("id").unwrap_or("").to_owned()));
            category.insert("name".to_owned(), cells.localized("name"));
            cells.extras(&mut category);
            categories.push(Value::Object(category));
            rows.categories.push(row.number);
        }
        rows.category_ids = categories.iter().map(id_of).collect();
        if !categories.is_empty() {
            document.insert("categories".to_owned(), Value::Array(categories));
        }
    }
    let (parties, unmentioned) = tables.get(PARTIES.file).map(|table| read_parties(table, tables.get(LEADERS.file), rows, report)).unwrap_or_default();
    rows.party_ids = parties.iter().map(id_of).collect();
    document.insert("parties".to_owned(), Value::Array(parties));
    if let Some(table) = tables.get(TACTICS.file) {
        let mut tactics = Vec::new();
        for row in &table.rows {
            let cells = Cells { table, row, report: &mut *report };
            let mut tactic = Map::new();
            tactic.insert("id".to_owned(), Value::String(cells.word("id").unwrap_or("").to_owned()));
            tactic.insert("category".to_owned(), Value::String(cells.word("category").unwrap_or("").to_owned()));
            tactic.insert("name".to_owned(), cells.localized("name"));
            cells.extras(&mut tactic);
            tactics.push(Value::Object(tactic));
            rows.tactics.push(row.number);
        }
        rows.tactic_ids = tactics.iter().map(id_of).collect();
        document.insert("tactics".to_owned(), Value::Array(tactics));
    }
    if let Some(table) = tables.get(FACTS.file) {
        let statuses = Status::ALL.map(Status::spelling);
        let timings = Timing::ALL.map(Timing::spelling);
        let mut facts = Vec::new();
        for row in &table.rows {
            let mut cells = Cells { table, row, report: &mut *report };
            let mut fact = Map::new();
            insert_some(&mut fact, "id", cells.word("id").map(|id| Value::String(id.to_owned())));
            fact.insert("party".to_owned(), Value::String(cells.word("party").unwrap_or("").to_owned()));
            fact.insert("tactic".to_owned(), Value::String(cells.word("tactic").unwrap_or("").to_owned()));
            let status = cells.choice("status", &statuses, Some(Status::Used.spelling()));
            if status.is_none() && cells.table.position("status").is_some() {
                cells.fail("status", format!("must not be empty: write {}", statuses.join(", ")));
            }
            fact.insert("status".to_owned(), Value::String(status.unwrap_or_else(|| Status::Used.spelling().to_owned())));
            insert_some(&mut fact, "when", cells.choice("when", &timings, None).map(Value::String));
            fact.insert("quote".to_owned(), cells.text("quote"));
            fact.insert("text".to_owned(), cells.localized("text"));
            insert_some(&mut fact, "note", cells.optional_localized("note"));
            cells.extras(&mut fact);
            facts.push(Value::Object(fact));
            rows.facts.push(row.number);
        }
        document.insert("facts".to_owned(), Value::Array(facts));
    }
    if !unmentioned.is_empty() {
        document.insert("unmentioned_parties".to_owned(), Value::Array(unmentioned));
    }
    Value::Object(document)
}

/// `dataset.csv`: a field and its value per row. An empty value is an absent member, and `source` or `campaign`
/// is absent when none of its fields has a value.
fn read_dataset_sheet(table: &Table, document: &mut Map<String, Value>, rows: &mut Rows, report: &mut Report) {
    let mut values: HashMap<String, String> = HashMap::new();
    let top_level = ["id", "title", "source", "campaign", "categories", "parties", "tactics", "facts", "unmentioned_parties"];
    for row in &table.rows {
        let cells = Cells { table, row, report: &mut *report };
        let Some(field) = cells.word("field").map(str::to_lowercase) else {
            let message = "a value without a field: write the field's name (e.g. title_en) in the first column".to_owned();
            cells.report.error(&table.file, Some(row.number), Some("field"), message);
            continue;
        };
        let value = cells.raw("value").to_owned();
        if rows.dataset_fields.contains_key(&field) {
            report.error(&table.file, Some(row.number), Some("field"), format!("the field \"{field}\" is there twice"));
            continue;
        }
        rows.dataset_fields.insert(field.clone(), row.number);
        if DATASET_FIELDS.contains(&field.as_str()) {
            values.insert(field, value);
        } else if top_level.iter().any(|member| field == *member || field.starts_with(&format!("{member}_"))) {
            let message = format!("not a field of the format (its fields: {})", DATASET_FIELDS.join(", "));
            report.error(&table.file, Some(row.number), Some("field"), message);
        } else {
            if !is_blank(&value) {
                document.insert(field.clone(), Value::String(value));
            }
            let message = format!("not a field of the format (its fields: {}): kept as the extra member \"{field}\", which the widget ignores", DATASET_FIELDS.join(", "));
            report.warning(&table.file, Some(row.number), Some("field"), message);
        }
    }
    let word = |field: &str| values.get(field).map(|value| value.trim()).filter(|value| !value.is_empty()).map(|value| Value::String(value.to_owned()));
    let localized = |prefix: &str| {
        let cells = ["ar", "fr", "en"].map(|code| values.get(&format!("{prefix}_{code}")).cloned().unwrap_or_default());
        let filled = cells.iter().any(|cell| !is_blank(cell));
        let [ar, fr, en] = cells;
        filled.then(|| serde_json::json!({ "ar": ar, "fr": fr, "en": en }))
    };
    insert_some(document, "id", word("id"));
    insert_some(document, "title", localized("title"));
    let mut source = Map::new();
    insert_some(&mut source, "title", localized("source_title"));
    insert_some(&mut source, "language", word("source_language"));
    insert_some(&mut source, "published", word("source_published"));
    insert_some(&mut source, "url", word("source_url"));
    insert_some(&mut source, "note", localized("source_note"));
    if !source.is_empty() {
        document.insert("source".to_owned(), Value::Object(source));
    }
    let mut campaign = Map::new();
    insert_some(&mut campaign, "official_start", word("campaign_official_start"));
    insert_some(&mut campaign, "election_day", word("campaign_election_day"));
    if !campaign.is_empty() {
        document.insert("campaign".to_owned(), Value::Object(campaign));
    }
}

/// `parties.csv` and `leaders.csv`: the mentioned parties and the unmentioned ones (`mentioned`: no), each in
/// the sheet's order, with their leaders in the order of `leaders.csv`.
fn read_parties(table: &Table, leaders_table: Option<&Table>, rows: &mut Rows, report: &mut Report) -> (Vec<Value>, Vec<Value>) {
    let camps = Camp::ALL.map(Camp::spelling);
    let genders = Gender::ALL.map(Gender::spelling);
    let mut parties = Vec::new();
    let mut unmentioned = Vec::new();
    for row in &table.rows {
        let mut cells = Cells { table, row, report: &mut *report };
        let mut party = Map::new();
        party.insert("id".to_owned(), Value::String(cells.word("id").unwrap_or("").to_owned()));
        let camp = cells.choice("camp", &camps, Some(Camp::Majority.spelling()));
        if camp.is_none() && cells.table.position("camp").is_some() {
            cells.fail("camp", format!("must not be empty: write {}", camps.join(" or ")));
        }
        party.insert("camp".to_owned(), Value::String(camp.unwrap_or_else(|| Camp::Majority.spelling().to_owned())));
        party.insert("name".to_owned(), cells.localized("name"));
        insert_some(&mut party, "short_name", cells.optional_localized("short_name"));
        if let Some(nicknames) = cells.word("nicknames") {
            let list = nicknames.split(NICKNAME_SEPARATOR).map(|nickname| Value::String(nickname.trim().to_owned())).collect();
            party.insert("nicknames".to_owned(), Value::Array(list));
        }
        insert_some(&mut party, "symbol", cells.optional_localized("symbol"));
        insert_some(&mut party, "camp_note", cells.optional_localized("camp_note"));
        insert_some(&mut party, "french_gender", cells.choice("french_gender", &genders, None).map(Value::String));
        insert_some(&mut party, "french_article", cells.boolean("french_article").map(Value::Bool));
        let mentioned = cells.boolean("mentioned").unwrap_or(true);
        cells.extras(&mut party);
        if mentioned {
            parties.push(party);
            rows.parties.push(row.number);
        } else {
            unmentioned.push(party);
            rows.unmentioned.push(row.number);
        }
    }
    rows.leaders_of_parties = vec![Vec::new(); parties.len()];
    rows.leaders_of_unmentioned = vec![Vec::new(); unmentioned.len()];
    if let Some(leaders_table) = leaders_table {
        let id_of = |party: &Map<String, Value>| party.get("id").and_then(Value::as_str).unwrap_or("").to_owned();
        let ids: Vec<String> = parties.iter().chain(&unmentioned).map(id_of).collect();
        for row in &leaders_table.rows {
            let mut cells = Cells { table: leaders_table, row, report: &mut *report };
            let mut leader = Map::new();
            leader.insert("name".to_owned(), cells.localized("name"));
            insert_some(&mut leader, "role", cells.optional_localized("role"));
            cells.extras(&mut leader);
            let party_id = cells.word("party").unwrap_or("").to_owned();
            let (list, leader_rows) = match ids.iter().position(|id| *id == party_id) {
                Some(position) if position < parties.len() => (parties.get_mut(position), rows.leaders_of_parties.get_mut(position)),
                Some(position) => {
                    let position = position - parties.len();
                    (unmentioned.get_mut(position), rows.leaders_of_unmentioned.get_mut(position))
                }
                None => {
                    let message = format!("unknown party {}{}", crate::data::quoted(&party_id), known_list(&ids));
                    cells.fail("party", message);
                    continue;
                }
            };
            if let (Some(party), Some(leader_rows)) = (list, leader_rows) {
                let entry = party.entry("leaders").or_insert_with(|| Value::Array(Vec::new()));
                if let Value::Array(leaders) = entry {
                    leaders.push(Value::Object(leader));
                }
                leader_rows.push(row.number);
            }
        }
    }
    (parties.into_iter().map(Value::Object).collect(), unmentioned.into_iter().map(Value::Object).collect())
}
