//! The newsroom builder's wasm (`builder.html`): reads the files a journalist picks, the CSV sheets of the
//! spreadsheet format or a JSON dataset, with the same Rust as the command line, in the browser, uploading nothing.
//!
//! Only the boundary is here; what is read and said is `campaign_explainer::spreadsheet::check_files`, tested natively.

#![forbid(unsafe_code)]

use campaign_explainer::spreadsheet::{self, SheetFile};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A panic, which would be a bug, prints its message and location in the console; the page shows an error.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The largest file read: the page refuses a larger one before copying it into wasm memory.
#[wasm_bindgen]
pub fn max_file_bytes() -> usize {
    spreadsheet::MAX_SHEET_BYTES
}

/// Reads and validates the chosen files (their names and bytes, in the same order). The result, a plain object:
/// `{ source: "sheets" | "json", json, counts: { parties, tactics, facts }, errors, warnings }`, each problem
/// `{ file, row, column, path, message, text }` (null where not known); `json` and `counts` are null unless valid.
#[wasm_bindgen]
pub fn check_files(names: Vec<String>, contents: Vec<js_sys::Uint8Array>) -> Result<JsValue, JsError> {
    if names.len() != contents.len() {
        return Err(JsError::new(&format!("check_files: {} names for {} contents", names.len(), contents.len())));
    }
    let files: Vec<SheetFile> = names.into_iter().zip(contents).map(|(name, bytes)| SheetFile { name, bytes: bytes.to_vec() }).collect();
    let checked = spreadsheet::check_files(&files);
    checked.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|error| JsError::new(&error.to_string()))
}
