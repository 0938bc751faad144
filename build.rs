//! Embeds the built-in dataset compactly, and splits its texts by language.
//!
//! Three files come out of `data/campaign-2016.json`, which stays pretty-printed for people:
//! - `campaign-2016.compact.json`: the whole document without the white space between its tokens;
//! - `campaign-2016.ar.json`: the same with every translated text (an object of `ar`/`fr`/`en`) cut
//!   down to its Arabic, the source article's language: what the wasm carries, 5.4 KB gzip instead
//!   of 11.8 KB;
//! - `campaign-2016.fr.json`, `campaign-2016.en.json`: only the French or English texts, at the same
//!   paths, which the element fetches when a reader needs that language and `Dataset::built_in_with_texts`
//!   merges back. `render_static` copies them to `target/static/` for the web build.
//!
//! No code runs for any of this at run time.

use std::path::Path;

use serde_json::{Map, Value};

const SOURCE: &str = "data/campaign-2016.json";
const LANGUAGES: [&str; 3] = ["ar", "fr", "en"];

fn main() {
    println!("cargo::rerun-if-changed={SOURCE}");
    let text = std::fs::read_to_string(SOURCE).unwrap_or_else(|error| panic!("{SOURCE}: {error}"));
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|error| panic!("OUT_DIR: {error}"));
    let write = |name: &str, contents: &str| {
        let target = Path::new(&out_dir).join(name);
        std::fs::write(&target, contents).unwrap_or_else(|error| panic!("{}: {error}", target.display()));
    };
    write("campaign-2016.compact.json", &without_white_space_between_tokens(&text));
    let document: Value = serde_json::from_str(&text).unwrap_or_else(|error| panic!("{SOURCE}: {error}"));
    write("campaign-2016.ar.json", &to_json(&with_texts_only_in(&document, "ar")));
    for language in ["fr", "en"] {
        let texts = texts_in(&document, language).unwrap_or_else(|| Value::Object(Map::new()));
        write(&format!("campaign-2016.{language}.json"), &to_json(&texts));
    }
}

fn to_json(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_else(|error| panic!("{SOURCE}: {error}"))
}

/// A translated text: an object whose keys are all language codes, as `name`, `text` or `title` are.
fn is_translated_text(members: &Map<String, Value>) -> bool {
    !members.is_empty() && members.keys().all(|key| LANGUAGES.contains(&key.as_str()))
}

/// The document with each translated text reduced to `language`.
fn with_texts_only_in(value: &Value, language: &str) -> Value {
    match value {
        Value::Object(members) if is_translated_text(members) => {
            Value::Object(members.iter().filter(|(key, _)| *key == language).map(|(key, text)| (key.clone(), text.clone())).collect())
        }
        Value::Object(members) => {
            Value::Object(members.iter().map(|(key, member)| (key.clone(), with_texts_only_in(member, language))).collect())
        }
        Value::Array(items) => Value::Array(items.iter().map(|item| with_texts_only_in(item, language)).collect()),
        other => other.clone(),
    }
}

/// Only the `language` texts of the document, at their paths; arrays keep every position (an
/// empty object where an item has none), so the merge can walk the two documents side by side.
fn texts_in(value: &Value, language: &str) -> Option<Value> {
    match value {
        Value::Object(members) if is_translated_text(members) => {
            let text = members.get(language)?;
            Some(Value::Object(Map::from_iter([(language.to_owned(), text.clone())])))
        }
        Value::Object(members) => {
            let kept: Map<String, Value> =
                members.iter().filter_map(|(key, member)| Some((key.clone(), texts_in(member, language)?))).collect();
            (!kept.is_empty()).then_some(Value::Object(kept))
        }
        Value::Array(items) => {
            let kept: Vec<Option<Value>> = items.iter().map(|item| texts_in(item, language)).collect();
            kept.iter().any(Option::is_some).then(|| {
                Value::Array(kept.into_iter().map(|item| item.unwrap_or_else(|| Value::Object(Map::new()))).collect())
            })
        }
        _ => None,
    }
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
