//! Embeds the built-in dataset without the white space between its tokens, so the wasm that
//! readers download carries 42 KB of it instead of 49 KB (issue #7), while `data/` keeps the
//! pretty-printed file that people read and edit. No code runs for it at run time.

use std::path::Path;

const SOURCE: &str = "data/campaign-2016.json";

fn main() {
    println!("cargo::rerun-if-changed={SOURCE}");
    let text = std::fs::read_to_string(SOURCE).unwrap_or_else(|error| panic!("{SOURCE}: {error}"));
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|error| panic!("OUT_DIR: {error}"));
    let target = Path::new(&out_dir).join("campaign-2016.compact.json");
    std::fs::write(&target, without_white_space_between_tokens(&text))
        .unwrap_or_else(|error| panic!("{}: {error}", target.display()));
}

/// Drops JSON's four white-space characters outside strings; inside them, everything is kept as
/// written, escapes included, so the document means exactly what the file means.
fn without_white_space_between_tokens(text: &str) -> String {
    let mut compact = String::with_capacity(text.len());
    let mut in_string = false;
    let mut after_backslash = false;
    for character in text.chars() {
        if in_string {
            if after_backslash {
                after_backslash = false;
            } else if character == '\\' {
                after_backslash = true;
            } else if character == '"' {
                in_string = false;
            }
        } else if matches!(character, ' ' | '\n' | '\r' | '\t') {
            continue;
        } else if character == '"' {
            in_string = true;
        }
        compact.push(character);
    }
    compact
}
