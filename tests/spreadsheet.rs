//! The spreadsheet format: the built-in dataset through CSV and back, the quirks of spreadsheet programs' CSV exports,
//! and problems said by file, row and column.

mod common;

use campaign_explainer::data::{BUILT_IN_JSON, Dataset};
use campaign_explainer::spreadsheet::{SheetError, SheetErrors, SheetFile, Spreadsheet, read_sheets, write_sheets};
use serde_json::Value;

/// The built-in dataset's sheets, as `export` writes them.
fn built_in_sheets() -> Vec<(String, String)> {
    let sheets = write_sheets(common::built_in().raw()).unwrap_or_else(|message| panic!("the built-in dataset exports: {message}"));
    sheets.into_iter().map(|(file, text)| (file.to_owned(), text)).collect()
}

fn files(sheets: &[(String, String)]) -> Vec<SheetFile> {
    sheets.iter().map(|(name, text)| SheetFile { name: name.clone(), bytes: text.as_bytes().to_vec() }).collect()
}

fn read(sheets: &[(String, String)]) -> Result<Spreadsheet, SheetErrors> {
    read_sheets(&files(sheets))
}

fn read_valid(sheets: &[(String, String)]) -> Spreadsheet {
    read(sheets).unwrap_or_else(|problems| panic!("the sheets are valid, but:\n{problems}"))
}

fn problems(sheets: &[(String, String)]) -> Vec<String> {
    match read(sheets) {
        Ok(_) => panic!("the sheets were accepted"),
        Err(problems) => problems.errors.iter().map(SheetError::describe).collect(),
    }
}

fn built_in_document() -> Value {
    serde_json::from_str(BUILT_IN_JSON).unwrap_or_else(|error| panic!("the built-in dataset is JSON: {error}"))
}

/// A sheet's cells, read with the csv crate (byte order mark left out).
fn cells_of(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    reader.records().map(|record| record.unwrap_or_else(|error| panic!("{error}")).iter().map(str::to_owned).collect()).collect()
}

/// Cells written back as a spreadsheet program would, with its separator and line ending.
fn written(rows: &[Vec<String>], separator: u8, line_ending: csv::Terminator) -> String {
    let mut writer = csv::WriterBuilder::new().flexible(true).delimiter(separator).terminator(line_ending).from_writer(Vec::new());
    for row in rows {
        writer.write_record(row).unwrap_or_else(|error| panic!("{error}"));
    }
    String::from_utf8(writer.into_inner().unwrap_or_else(|error| panic!("{error}"))).unwrap_or_else(|error| panic!("{error}"))
}

/// The built-in sheets with one of them changed cell by cell.
fn with_sheet(file: &str, change: impl Fn(&mut Vec<Vec<String>>)) -> Vec<(String, String)> {
    let mut sheets = built_in_sheets();
    let sheet = sheets.iter_mut().find(|(name, _)| name == file).unwrap_or_else(|| panic!("{file} is exported"));
    let mut rows = cells_of(&sheet.1);
    change(&mut rows);
    sheet.1 = written(&rows, b',', csv::Terminator::CRLF);
    sheets
}

fn column(rows: &[Vec<String>], name: &str) -> usize {
    rows[0].iter().position(|column| column == name).unwrap_or_else(|| panic!("the column {name} is in the header"))
}

/// Sets a cell by the spreadsheet's row number (the header is row 1) and the column's name.
fn set(rows: &mut [Vec<String>], row: usize, name: &str, value: &str) {
    let position = column(rows, name);
    rows[row - 1][position] = value.to_owned();
}

#[test]
fn the_built_in_dataset_through_csv_and_back_is_the_same_document_and_dataset() {
    let read = read_valid(&built_in_sheets());
    assert_eq!(read.document, built_in_document());
    assert_eq!(read.dataset.raw(), common::built_in().raw());
    assert!(read.warnings.is_empty(), "{:?}", read.warnings);
}

#[test]
fn a_sheet_without_byte_order_mark_reads_the_same() {
    let sheets: Vec<(String, String)> = built_in_sheets()
        .into_iter()
        .map(|(file, text)| {
            assert!(text.starts_with('\u{feff}'), "{file} starts with a byte order mark, for Excel");
            (file, text.trim_start_matches('\u{feff}').to_owned())
        })
        .collect();
    assert_eq!(read_valid(&sheets).document, built_in_document());
}

#[test]
fn semicolons_as_french_and_moroccan_locales_export_and_bare_line_feeds_read_the_same() {
    for (separator, line_ending) in [(b';', csv::Terminator::CRLF), (b';', csv::Terminator::Any(b'\n')), (b'\t', csv::Terminator::Any(b'\n'))] {
        let sheets: Vec<(String, String)> =
            built_in_sheets().into_iter().map(|(file, text)| (file, written(&cells_of(&text), separator, line_ending))).collect();
        assert!(sheets.iter().any(|(_, text)| text.contains(';') || text.contains('\t')));
        assert_eq!(read_valid(&sheets).document, built_in_document(), "separator {}", separator as char);
    }
}

#[test]
fn a_cell_with_line_breaks_is_kept_and_the_rows_after_it_keep_their_spreadsheet_numbers() {
    let sheets = with_sheet("facts.csv", |rows| {
        set(rows, 2, "text_en", "First line\nsecond line\r\nthird");
        set(rows, 3, "party", "xyz");
    });
    assert!(sheets.iter().any(|(file, text)| file == "facts.csv" && text.contains("First line\nsecond line\r\nthird")));
    let errors = problems(&sheets);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with("facts.csv row 3, column \"party\": unknown party \"xyz\""), "{errors:?}");
    let fixed = with_sheet("facts.csv", |rows| set(rows, 2, "text_en", "First line\nsecond line"));
    assert_eq!(read_valid(&fixed).dataset.facts()[0].text.en, "First line\nsecond line");
}

#[test]
fn trailing_empty_rows_and_blank_lines_are_not_entries() {
    let mut sheets = built_in_sheets();
    for (_, text) in &mut sheets {
        let columns = cells_of(text)[0].len();
        text.push_str(&format!("{}\r\n{}\r\n\r\n\r\n", ",".repeat(columns - 1), " ,".repeat(columns - 1)));
    }
    assert_eq!(read_valid(&sheets).document, built_in_document());
}

#[test]
fn columns_in_another_order_and_headers_in_capitals_read_the_same() {
    let sheets = with_sheet("facts.csv", |rows| {
        for row in rows.iter_mut() {
            row.reverse();
        }
        for name in rows[0].iter_mut() {
            *name = format!(" {} ", name.to_uppercase());
        }
    });
    assert_eq!(read_valid(&sheets).document, built_in_document());
}

#[test]
fn an_unknown_column_is_kept_as_an_extra_member_with_a_warning() {
    let sheets = with_sheet("facts.csv", |rows| {
        for (position, row) in rows.iter_mut().enumerate() {
            row.push(if position == 0 { "checked_by".to_owned() } else if position == 1 { "Samira".to_owned() } else { String::new() });
        }
    });
    let read = read_valid(&sheets);
    assert_eq!(read.document["facts"][0]["checked_by"], "Samira");
    assert!(read.document["facts"][1].get("checked_by").is_none(), "an empty cell adds no member");
    assert_eq!(read.dataset.raw(), common::built_in().raw(), "the widget ignores it");
    let warnings: Vec<String> = read.warnings.iter().map(SheetError::describe).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].starts_with("facts.csv row 1, column \"checked_by\": not a column of the format"), "{warnings:?}");
}

#[test]
fn a_column_named_as_a_translated_member_says_how_to_write_it() {
    let sheets = with_sheet("tactics.csv", |rows| {
        for row in rows.iter_mut() {
            row.push(String::new());
        }
        set(rows, 1, "", "name");
    });
    assert_eq!(problems(&sheets), ["tactics.csv row 1, column \"name\": not a column of the format: write it as name_ar, name_fr, name_en"]);
}

#[test]
fn a_missing_required_column_is_said_once_not_at_every_row() {
    let sheets = with_sheet("facts.csv", |rows| {
        let position = column(rows, "text_fr");
        for row in rows.iter_mut() {
            row.remove(position);
        }
    });
    assert_eq!(
        problems(&sheets),
        ["facts.csv, column \"text_fr\": the column is missing (the sheet needs party, tactic, status, quote, text_ar, text_fr, text_en)"]
    );
}

#[test]
fn an_optional_column_left_out_reads_as_absent() {
    let sheets = with_sheet("facts.csv", |rows| {
        let position = column(rows, "note_en");
        for row in rows.iter_mut() {
            row.truncate(position - 2);
        }
    });
    let read = read_valid(&sheets);
    assert!(read.dataset.facts().iter().all(|fact| fact.note.is_none()));
}

#[test]
fn file_names_as_google_sheets_downloads_them_and_booleans_as_french_libreoffice_writes_them() {
    let mut sheets = with_sheet("parties.csv", |rows| {
        for row in rows.iter_mut().skip(1) {
            let mentioned = if row[1] == "yes" { "VRAI" } else { "FAUX" };
            row[1] = mentioned.to_owned();
        }
    });
    for (file, _) in &mut sheets {
        *file = format!("Campagne 2016 - {file}");
    }
    assert_eq!(read_valid(&sheets).document, built_in_document());
}

#[test]
fn statuses_and_camps_are_read_forgiving_of_case_and_spaces() {
    let sheets = with_sheet("facts.csv", |rows| {
        let position = column(rows, "status");
        for row in rows.iter_mut().skip(1) {
            row[position] = format!(" {} ", row[position].replace('_', " ").to_uppercase());
        }
    });
    assert_eq!(read_valid(&sheets).document, built_in_document());
}

#[test]
fn an_unknown_reference_names_the_row_the_column_and_the_known_ids() {
    let sheets = with_sheet("facts.csv", |rows| set(rows, 14, "party", "xyz"));
    assert_eq!(problems(&sheets), ["facts.csv row 14, column \"party\": unknown party \"xyz\" — known: pjd, pam, istiqlal, usfp, pps"]);
    let sheets = with_sheet("tactics.csv", |rows| set(rows, 3, "category", "radio"));
    let errors = problems(&sheets);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with("tactics.csv row 3, column \"category\": unknown category \"radio\" — known: "), "{errors:?}");
}

#[test]
fn every_problem_is_said_at_once_in_the_spreadsheets_terms() {
    let mut sheets = with_sheet("facts.csv", |rows| {
        set(rows, 2, "status", "maybe");
        set(rows, 3, "text_fr", " ");
        set(rows, 4, "tactic", "telepathy");
        let id = rows[2][column(rows, "id")].clone();
        set(rows, 5, "id", &id);
        rows[6].truncate(3);
    });
    let parties = with_sheet("parties.csv", |rows| {
        set(rows, 2, "camp", "government");
        set(rows, 3, "french_article", "perhaps");
    });
    sheets.retain(|(file, _)| file != "parties.csv");
    sheets.extend(parties.into_iter().filter(|(file, _)| file == "parties.csv"));
    let errors = problems(&sheets);
    let expected = [
        "parties.csv row 2, column \"camp\": expected \"majority\" or \"opposition\", found \"government\"",
        "parties.csv row 3, column \"french_article\": expected yes or no (true or false), found \"perhaps\"",
        "facts.csv row 7: the row has 3 cells, the header 12: a cell is missing or two were merged",
        "facts.csv row 2, column \"status\": expected \"used\" or \"not_used\" or \"not_yet_used\", found \"maybe\"",
        "facts.csv row 3, column \"text_fr\": must not be empty, found \" \"",
        "facts.csv row 4, column \"tactic\": unknown tactic \"telepathy\" — known: ",
        "facts.csv row 5, column \"id\": duplicate id ",
    ];
    for expected in expected {
        assert!(errors.iter().any(|error| error.starts_with(expected)), "{expected}\nnot in\n{}", errors.join("\n"));
    }
    assert!(errors.iter().any(|error| error.ends_with("(first used at row 3)")), "{errors:?}");
    // A row cut short is said once: its cells are not under their columns, so what they hold says nothing more.
    assert_eq!(errors.iter().filter(|error| error.starts_with("facts.csv row 7")).count(), 1, "{errors:?}");
    // Sheet by sheet, row by row, as a journalist goes through them.
    let facts = errors.iter().position(|error| error.starts_with("facts.csv")).unwrap_or(0);
    assert!(errors[..facts].iter().all(|error| error.starts_with("parties.csv")), "{errors:?}");
    assert!(errors[facts..].iter().all(|error| error.starts_with("facts.csv")), "{errors:?}");
    let rows: Vec<usize> = errors[facts..].iter().filter_map(|error| error.split(' ').nth(2)?.trim_end_matches([',', ':']).parse().ok()).collect();
    assert!(rows.windows(2).all(|pair| pair[0] <= pair[1]), "{rows:?}");
}

#[test]
fn problems_of_the_datasets_own_members_name_their_row_of_dataset_csv() {
    let sheets = with_sheet("dataset.csv", |rows| {
        let row = rows.iter().position(|row| row[0] == "campaign_election_day").unwrap_or_else(|| panic!("the field is exported")) + 1;
        set(rows, row, "value", "2016-02-30");
        set(rows, 3, "value", "");
    });
    let errors = problems(&sheets);
    assert_eq!(
        errors,
        ["dataset.csv row 3, column \"value\": must not be empty, found \"\"", "dataset.csv row 16, column \"value\": expected a real date, found \"2016-02-30\""]
    );
}

#[test]
fn a_leader_of_an_unknown_party_and_leaders_problems_are_rows_of_leaders_csv() {
    let sheets = with_sheet("leaders.csv", |rows| {
        set(rows, 2, "party", "nobody");
        set(rows, 3, "role_fr", " ");
    });
    let errors = problems(&sheets);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].starts_with("leaders.csv row 2, column \"party\": unknown party \"nobody\" — known: pjd, pam"), "{errors:?}");
    assert_eq!(errors[1], "leaders.csv row 3, column \"role_fr\": must not be empty, found \" \"");
}

#[test]
fn a_missing_sheet_a_file_that_is_not_utf8_and_a_foreign_file_are_said_without_a_crash() {
    let mut sheets = built_in_sheets();
    sheets.retain(|(file, _)| file != "tactics.csv");
    assert_eq!(problems(&sheets), ["tactics.csv: the file is missing: a dataset needs parties.csv, tactics.csv and facts.csv"]);

    let mut files = files(&built_in_sheets());
    // "Sal\u{e9}" as Excel's legacy Western code page writes it.
    files.iter_mut().filter(|file| file.name == "categories.csv").for_each(|file| file.bytes = b"id,name_ar,name_fr,name_en\r\nx,\xe9,Sal\xe9,x\r\n".to_vec());
    files.push(SheetFile { name: "notes.csv".to_owned(), bytes: b"anything".to_vec() });
    let problems = read_sheets(&files).err().unwrap_or_else(|| panic!("the sheets were accepted"));
    assert_eq!(problems.errors.len(), 1, "{problems}");
    assert!(problems.errors[0].describe().starts_with("categories.csv: is not UTF-8 text"), "{problems}");
    assert!(problems.warnings.iter().any(|warning| warning.describe().starts_with("notes.csv: not a sheet of the format")));
}

#[test]
fn a_nickname_list_is_one_cell_separated_by_bars() {
    let sheets = with_sheet("parties.csv", |rows| set(rows, 2, "nicknames", "البيجيدي |  المصباح|"));
    let errors = problems(&sheets);
    assert_eq!(errors, ["parties.csv row 2, column \"nicknames\": must not be empty, found \"\""]);
    let sheets = with_sheet("parties.csv", |rows| set(rows, 2, "nicknames", "البيجيدي |  المصباح"));
    assert_eq!(read_valid(&sheets).dataset.parties()[0].nicknames, ["البيجيدي", "المصباح"]);
}

#[test]
fn hostile_bytes_give_problems_never_a_panic() {
    let inputs: [&[u8]; 6] = [b"", b"\xef\xbb\xbf", b"\"unclosed,quote\nparty", b";;;;\n;;;", b"id\n\0\0\0", &[0xff; 64]];
    for bytes in inputs {
        for name in ["parties.csv", "facts.csv", "dataset.csv", "leaders.csv"] {
            let mut files = files(&built_in_sheets());
            files.retain(|file| file.name != name);
            files.push(SheetFile { name: name.to_owned(), bytes: bytes.to_vec() });
            let _ = read_sheets(&files);
        }
    }
    // A dataset read from sheets is a dataset as any other.
    let read = read_valid(&built_in_sheets());
    assert!(Dataset::from_json(&read.document.to_string()).is_ok());
}
