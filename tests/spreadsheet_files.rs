//! The spreadsheet files the project ships (the templates, the example made through them) and the command line
//! that newsroom pipelines run on such files.

use std::path::{Path, PathBuf};
use std::process::Command;

use campaign_explainer::data::{Lang, RawDataset};
use campaign_explainer::layout::{self, EstimatedTextMeasure, View, ViewRequest};
use campaign_explainer::spreadsheet::{SHEETS, SheetError, read_folder, read_sheets, write_sheets};

fn folder(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn empty_dataset() -> RawDataset {
    RawDataset {
        id: None,
        title: None,
        source: None,
        campaign: None,
        categories: Vec::new(),
        parties: Vec::new(),
        tactics: Vec::new(),
        facts: Vec::new(),
        unmentioned_parties: Vec::new(),
    }
}

#[test]
fn the_templates_are_the_sheets_of_an_empty_dataset_byte_for_byte() {
    let sheets = write_sheets(&empty_dataset()).unwrap_or_else(|message| panic!("an empty dataset exports: {message}"));
    assert_eq!(sheets.len(), SHEETS.len());
    for (file, text) in sheets {
        let template = std::fs::read_to_string(folder("data/template").join(file)).unwrap_or_else(|error| panic!("data/template/{file}: {error}"));
        assert_eq!(template, text, "data/template/{file} is what `export` writes for no data");
    }
    // Read as they are, they lack only the data: no problem of their columns.
    let files = read_folder(&folder("data/template")).unwrap_or_else(|message| panic!("{message}"));
    let problems = read_sheets(&files).err().unwrap_or_else(|| panic!("the empty templates were accepted"));
    let problems: Vec<String> = problems.errors.iter().map(SheetError::describe).collect();
    assert_eq!(problems, ["parties.csv: the dataset has no party", "tactics.csv: the dataset has no tactic"]);
}

#[test]
fn the_example_made_through_the_templates_is_a_valid_dataset_drawn_in_every_view_and_language() {
    let files = read_folder(&folder("data/example")).unwrap_or_else(|message| panic!("{message}"));
    let read = read_sheets(&files).unwrap_or_else(|problems| panic!("data/example is valid, but:\n{problems}"));
    assert!(read.warnings.is_empty(), "{:?}", read.warnings);
    let dataset = read.dataset;
    // Clearly an example, in its title and its source note, in every language.
    let raw = dataset.raw();
    let title = raw.title.as_ref().unwrap_or_else(|| panic!("the example has a title"));
    assert!(title.en.starts_with("Example") && title.fr.starts_with("Exemple") && title.ar.starts_with("مثال"), "{title:?}");
    let note = raw.source.as_ref().and_then(|source| source.note.as_ref()).unwrap_or_else(|| panic!("the example says where it comes from"));
    assert!(note.en.contains("invented") && note.en.contains("not reporting"), "{note:?}");
    assert_eq!((dataset.parties().len(), raw.unmentioned_parties.len(), dataset.tactics().len(), dataset.facts().len()), (3, 1, 3, 6));
    // A quoted cell with a line break, as spreadsheets write one.
    assert!(dataset.facts().iter().any(|fact| fact.quote.contains('\n')));
    for view in View::ALL {
        for lang in Lang::ALL {
            let request = ViewRequest { view, lang, party: 0, versus: dataset.default_versus(), width: 720.0, ..Default::default() };
            let scene = layout::layout(&dataset, &request, &EstimatedTextMeasure).unwrap_or_else(|error| panic!("{view:?} {lang:?}: {error}"));
            assert!(!scene.summary.is_empty(), "{view:?} {lang:?} has a summary");
            // The first party by its short name, or its full name where the view has room for it.
            let river = &dataset.parties()[0];
            let named = scene.texts.iter().any(|text| text.text.contains(river.label(lang)) || text.text.contains(river.name.get(lang)));
            assert!(named || view == View::Timeline, "{view:?} {lang:?} names {}", river.name.get(lang));
            if matches!(view, View::Matrix | View::Party | View::Compare) {
                assert!(!scene.marks.is_empty(), "{view:?} {lang:?} has marks");
            }
        }
    }
}

fn command(arguments: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_campaign-explainer"))
        .args(arguments)
        .output()
        .unwrap_or_else(|error| panic!("campaign-explainer runs: {error}"));
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap_or_else(|error| panic!("{error}"));
    (output.status.code().unwrap_or(-1), text(output.stdout), text(output.stderr))
}

/// A fresh folder under the build's temporary directory, for one test.
fn scratch(name: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&path);
    path
}

#[test]
fn the_command_line_exits_0_on_valid_data_1_on_invalid_data_and_2_on_misuse() {
    let example = folder("data/example");
    let (status, stdout, stderr) = command(&["validate", example.to_str().unwrap_or_default()]);
    assert_eq!((status, stdout.as_str(), stderr.as_str()), (0, "", "valid: 3 parties, 3 tactics, 6 facts\n"));
    let built_in = folder("data/campaign-2016.json");
    assert_eq!(command(&["validate", built_in.to_str().unwrap_or_default()]).0, 0);

    let template = folder("data/template");
    let (status, _, stderr) = command(&["validate", template.to_str().unwrap_or_default()]);
    assert_eq!((status, stderr.as_str()), (1, "parties.csv: the dataset has no party\ntactics.csv: the dataset has no tactic\ncampaign-explainer: 2 problems found\n"));

    for arguments in [&[][..], &["frobnicate"], &["export", "only-one-argument"], &["validate", "/no/such/file.csv"]] {
        let (status, _, stderr) = command(arguments);
        assert_eq!(status, 2, "{arguments:?}: {stderr}");
        assert!(stderr.contains("usage:"), "{stderr}");
    }
}

#[test]
fn export_then_convert_gives_back_the_built_in_document() {
    let sheets = scratch("built-in-sheets");
    let output = scratch("built-in.json");
    let built_in = folder("data/campaign-2016.json");
    let (status, _, stderr) = command(&["export", built_in.to_str().unwrap_or_default(), sheets.to_str().unwrap_or_default()]);
    assert_eq!(status, 0, "{stderr}");
    let (status, _, stderr) = command(&["convert", sheets.to_str().unwrap_or_default(), "-o", output.to_str().unwrap_or_default()]);
    assert_eq!(status, 0, "{stderr}");
    let read = |path: &Path| -> serde_json::Value {
        let text = std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        serde_json::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
    };
    assert_eq!(read(&output), read(&built_in));
    // Without -o the JSON goes to stdout, and only it.
    let (status, stdout, _) = command(&["convert", sheets.to_str().unwrap_or_default()]);
    assert_eq!(status, 0);
    assert_eq!(serde_json::from_str::<serde_json::Value>(&stdout).ok(), Some(read(&built_in)));
}
