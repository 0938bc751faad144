//! The command line for newsroom build pipelines: validates a dataset (JSON or the CSV sheets of the spreadsheet
//! format), converts the sheets to the JSON the widget reads, and exports a JSON dataset as sheets.
//!
//! Exit status: 0 when the data is valid and the command did its work, 1 when the data is invalid, 2 when the
//! command is misused or a file cannot be read or written. Problems go to stderr, one per line; only `convert`
//! without `-o` writes to stdout (the JSON).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use campaign_explainer::data::Dataset;
use campaign_explainer::spreadsheet::{self, SheetError, SheetFile};

const USAGE: &str = "usage:
  campaign-explainer validate DATASET.json | CSV_FOLDER | SHEET.csv…
  campaign-explainer convert CSV_FOLDER | SHEET.csv… [-o OUTPUT.json]
  campaign-explainer export DATASET.json FOLDER";

/// Why a command stopped: the data is invalid (1), or the command could not run as asked (2).
enum Failure {
    Invalid,
    Usage(String),
}

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let result = match arguments.split_first() {
        Some((command, rest)) if command == "validate" => validate(rest),
        Some((command, rest)) if command == "convert" => convert(rest),
        Some((command, rest)) if command == "export" => export(rest),
        Some((command, _)) if command == "--help" || command == "-h" || command == "help" => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some((command, _)) => Err(Failure::Usage(format!("unknown command \"{command}\""))),
        None => Err(Failure::Usage("no command".to_owned())),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Invalid) => ExitCode::from(1),
        Err(Failure::Usage(message)) => {
            eprintln!("campaign-explainer: {message}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn print_warnings(warnings: &[SheetError]) {
    for warning in warnings {
        eprintln!("warning: {warning}");
    }
}

/// The sheets named on the command line: one folder (its `.csv` files), or the files themselves.
fn sheet_files(paths: &[String]) -> Result<Vec<SheetFile>, Failure> {
    match paths {
        [] => Err(Failure::Usage("no folder or CSV file given".to_owned())),
        [folder] if Path::new(folder).is_dir() => spreadsheet::read_folder(Path::new(folder)).map_err(Failure::Usage),
        files => files.iter().map(|file| spreadsheet::read_file(Path::new(file)).map_err(Failure::Usage)).collect(),
    }
}

/// Reads and validates the sheets, saying every problem on stderr.
fn read_spreadsheet(paths: &[String]) -> Result<spreadsheet::Spreadsheet, Failure> {
    match spreadsheet::read_sheets(&sheet_files(paths)?) {
        Ok(read) => {
            print_warnings(&read.warnings);
            Ok(read)
        }
        Err(problems) => {
            print_warnings(&problems.warnings);
            for error in &problems.errors {
                eprintln!("{error}");
            }
            let count = problems.errors.len();
            eprintln!("campaign-explainer: {count} problem{} found", if count == 1 { "" } else { "s" });
            Err(Failure::Invalid)
        }
    }
}

fn read_json(path: &str) -> Result<Dataset, Failure> {
    let text = std::fs::read_to_string(path).map_err(|error| Failure::Usage(format!("{path}: {error}")))?;
    Dataset::from_json(&text).map_err(|errors| {
        for error in &errors.0 {
            eprintln!("{path}: {error}");
        }
        Failure::Invalid
    })
}

fn summary(dataset: &Dataset) -> String {
    format!("{} parties, {} tactics, {} facts", dataset.parties().len(), dataset.tactics().len(), dataset.facts().len())
}

fn validate(arguments: &[String]) -> Result<(), Failure> {
    let dataset = match arguments {
        [path] if path.to_lowercase().ends_with(".json") => read_json(path)?,
        paths => read_spreadsheet(paths)?.dataset,
    };
    eprintln!("valid: {}", summary(&dataset));
    Ok(())
}

fn convert(arguments: &[String]) -> Result<(), Failure> {
    let mut inputs = Vec::new();
    let mut output: Option<PathBuf> = None;
    let mut arguments = arguments.iter();
    while let Some(argument) = arguments.next() {
        if argument == "-o" || argument == "--output" {
            let path = arguments.next().ok_or_else(|| Failure::Usage(format!("{argument} needs a file name")))?;
            output = Some(PathBuf::from(path));
        } else {
            inputs.push(argument.clone());
        }
    }
    let read = read_spreadsheet(&inputs)?;
    let json = spreadsheet::document_json(&read.document).map_err(Failure::Usage)?;
    match output {
        Some(path) => {
            std::fs::write(&path, json).map_err(|error| Failure::Usage(format!("{}: {error}", path.display())))?;
            eprintln!("{}: {}", path.display(), summary(&read.dataset));
        }
        None => print!("{json}"),
    }
    Ok(())
}

fn export(arguments: &[String]) -> Result<(), Failure> {
    let [input, folder] = arguments else {
        return Err(Failure::Usage("export needs a JSON dataset and a folder".to_owned()));
    };
    let dataset = read_json(input)?;
    let sheets = spreadsheet::write_sheets(dataset.raw()).map_err(|message| {
        eprintln!("{input}: {message}");
        Failure::Invalid
    })?;
    let folder = Path::new(folder);
    std::fs::create_dir_all(folder).map_err(|error| Failure::Usage(format!("{}: {error}", folder.display())))?;
    for (file, text) in &sheets {
        let path = folder.join(file);
        std::fs::write(&path, text).map_err(|error| Failure::Usage(format!("{}: {error}", path.display())))?;
    }
    eprintln!("{}: {} sheets, {}", folder.display(), sheets.len(), summary(&dataset));
    Ok(())
}
