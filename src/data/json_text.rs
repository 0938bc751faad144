//! Datasets as JSON text, natively (tests, `render_static`, command-line tools): read with serde_json.

use serde_json::Value;

use super::validate::MAX_DOCUMENT_BYTES;
use super::{BUILT_IN_ARABIC, BUILT_IN_TEXTS, Dataset, DatasetErrors, Lang, quoted, read};

impl Dataset {
    /// Reads and validates a dataset written as JSON. Never panics, whatever the input.
    pub fn from_json(json: &str) -> Result<Dataset, DatasetErrors> {
        if json.len() > MAX_DOCUMENT_BYTES {
            return Err(DatasetErrors::of_document(format!(
                "the dataset is {} bytes, more than the {MAX_DOCUMENT_BYTES} allowed",
                json.len()
            )));
        }
        // Spreadsheet tools on Windows often save UTF-8 with a byte order mark, which JSON forbids.
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        if json.trim().is_empty() {
            return Err(DatasetErrors::of_document("the dataset is empty".to_owned()));
        }
        // serde would read a top-level array as the dataset's fields in order: say what it is instead.
        if !json.trim_start().starts_with('{') {
            let value: Value = serde_json::from_str(json).map_err(syntax_error)?;
            return Err(Dataset::not_an_object(&described(&value)));
        }
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let raw = read::read_dataset(&mut deserializer).map_err(|(path, error)| {
            if error.is_data() {
                DatasetErrors(vec![read::explain(path, &error.to_string())])
            } else {
                // Syntax errors, nesting too deep and a cut-off text say where they are in the text.
                syntax_error(error)
            }
        })?;
        deserializer.end().map_err(syntax_error)?;
        Dataset::from_raw(raw)
    }

    /// The built-in dataset with the texts of all three languages. Its validity is checked by the
    /// tests, and it is still validated here so that a broken build shows an error, not a panic.
    pub fn built_in() -> Result<Dataset, DatasetErrors> {
        let mut texts = Vec::new();
        for (_, language) in BUILT_IN_TEXTS {
            texts.push(serde_json::from_str(language).map_err(syntax_error)?);
        }
        Dataset::built_in_with_texts(texts)
    }

    /// The built-in dataset from its Arabic document and other languages' texts (documents shaped
    /// like `BUILT_IN_TEXTS`). A language whose texts are not given shows the Arabic in their place.
    pub fn built_in_with_texts(texts: Vec<Value>) -> Result<Dataset, DatasetErrors> {
        let mut document: Value = serde_json::from_str(BUILT_IN_ARABIC).map_err(syntax_error)?;
        for language in texts {
            merge(&mut document, language);
        }
        fill_missing_languages(&mut document);
        Dataset::from_deserializer(document)
    }
}

fn syntax_error(error: serde_json::Error) -> DatasetErrors {
    DatasetErrors::of_document(error.to_string())
}

/// A JSON value in a few words, for "found …" in messages; long strings shortened.
fn described(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(flag) => flag.to_string(),
        Value::Number(number) => format!("the number {number}"),
        Value::String(text) => format!("the string {}", quoted(text)),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// Lays `texts` over `document`: objects member by member, arrays position by position.
/// The browser does the same on JavaScript values (`web::texts`).
pub(crate) fn merge(document: &mut Value, texts: Value) {
    match (document, texts) {
        (Value::Object(members), Value::Object(text_members)) => {
            for (key, text) in text_members {
                match members.get_mut(&key) {
                    Some(member) => merge(member, text),
                    None => {
                        members.insert(key, text);
                    }
                }
            }
        }
        (Value::Array(items), Value::Array(text_items)) => {
            for (item, text) in items.iter_mut().zip(text_items) {
                merge(item, text);
            }
        }
        (document, text) => *document = text,
    }
}

/// Gives every translated text (an object with an `ar` string and no key but language codes) the
/// languages it lacks, in Arabic, so that the dataset reads as a whole before all texts are loaded.
pub(crate) fn fill_missing_languages(value: &mut Value) {
    match value {
        Value::Object(members) => {
            let translated = members.keys().all(|key| Lang::ALL.iter().any(|lang| lang.code() == key));
            match members.get("ar") {
                Some(Value::String(arabic)) if translated => {
                    let arabic = arabic.clone();
                    for lang in [Lang::Fr, Lang::En] {
                        members.entry(lang.code()).or_insert_with(|| Value::String(arabic.clone()));
                    }
                }
                _ => members.values_mut().for_each(fill_missing_languages),
            }
        }
        Value::Array(items) => items.iter_mut().for_each(fill_missing_languages),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::super::{BUILT_IN_ARABIC, BUILT_IN_JSON, BUILT_IN_TEXTS, Dataset, Lang};
    use serde_json::Value;
    fn parse(text: &str) -> Result<Value, serde_json::Error> {
        serde_json::from_str(text)
    }

    const FILE: &str = include_str!("../../data/campaign-2016.json");

    #[test]
    fn the_embedded_dataset_is_the_file_without_white_space_between_tokens() {
        let file: serde_json::Value = serde_json::from_str(FILE).unwrap();
        let embedded: serde_json::Value = serde_json::from_str(BUILT_IN_JSON).unwrap();
        assert_eq!(embedded, file);
        assert_eq!(Dataset::from_json(BUILT_IN_JSON).unwrap().raw(), Dataset::from_json(FILE).unwrap().raw());
        assert!(BUILT_IN_JSON.len() < FILE.len() && !BUILT_IN_JSON.contains('\n'));
    }

    /// Every translated text of the built-in dataset, by path, in one language.
    fn texts_of(dataset: &Dataset, lang: Lang) -> Vec<String> {
        let raw = dataset.raw();
        let mut texts: Vec<String> = raw.title.iter().map(|title| title.get(lang).to_owned()).collect();
        texts.extend(raw.parties.iter().map(|party| party.name.get(lang).to_owned()));
        texts.extend(raw.tactics.iter().map(|tactic| tactic.name.get(lang).to_owned()));
        texts.extend(raw.facts.iter().map(|fact| fact.text.get(lang).to_owned()));
        texts
    }

    #[test]
    fn the_arabic_document_and_the_texts_of_the_other_languages_make_the_whole_dataset_again() {
        let whole = Dataset::from_json(BUILT_IN_JSON).unwrap();
        assert_eq!(Dataset::built_in().unwrap().raw(), whole.raw());
        // In either order: each language's texts sit at their own keys.
        let [(_, french), (_, english)] = BUILT_IN_TEXTS;
        assert_eq!(Dataset::built_in_with_texts(vec![parse(english).unwrap(), parse(french).unwrap()]).unwrap().raw(), whole.raw());
        // The wasm carries only the Arabic, and each language's texts hold nothing but that language.
        assert!(!BUILT_IN_ARABIC.contains("\"fr\":") && !BUILT_IN_ARABIC.contains("\"en\":"));
        assert!(BUILT_IN_ARABIC.len() * 10 < BUILT_IN_JSON.len() * 6, "{} of {} bytes", BUILT_IN_ARABIC.len(), BUILT_IN_JSON.len());
        assert!(!french.contains("\"ar\":") && !french.contains("\"en\":") && !english.contains("\"fr\":"));
    }

    #[test]
    fn a_language_whose_texts_are_not_loaded_reads_as_arabic_and_the_loaded_one_as_itself() {
        let whole = Dataset::built_in().unwrap();
        let [(_, french), _] = BUILT_IN_TEXTS;
        let arabic_only = Dataset::built_in_with_texts(Vec::new()).unwrap();
        let with_french = Dataset::built_in_with_texts(vec![parse(french).unwrap()]).unwrap();
        assert_eq!(texts_of(&arabic_only, Lang::Ar), texts_of(&whole, Lang::Ar));
        assert_eq!(texts_of(&arabic_only, Lang::En), texts_of(&whole, Lang::Ar));
        assert_eq!(texts_of(&with_french, Lang::Fr), texts_of(&whole, Lang::Fr));
        assert_eq!(texts_of(&with_french, Lang::En), texts_of(&whole, Lang::Ar));
        assert_ne!(texts_of(&whole, Lang::Fr), texts_of(&whole, Lang::Ar));
        // Quotes, ids and statuses are in the Arabic document: everything but the texts is there at once.
        let quotes = |dataset: &Dataset| dataset.facts().iter().map(|fact| fact.quote.clone()).collect::<Vec<_>>();
        assert_eq!(quotes(&arabic_only), quotes(&whole));
    }

    #[test]
    fn texts_shaped_unlike_the_document_are_a_validation_error_not_a_panic() {
        let texts = parse(r#"{"facts": [{"text": {"fr": 7}}], "parties": "none"}"#).unwrap();
        let error = Dataset::built_in_with_texts(vec![texts]).unwrap_err().describe();
        assert!(error.contains("parties") || error.contains("facts[0].text.fr"), "{error}");
    }
}
