//! The texts files: the French or English of the built-in dataset and of the widget's own words, which the
//! wasm does not carry and the element fetches when a reader needs that language.
//!
//! A file is `{"ui": {"ShowAsTable": "…", …}, "dataset": {…}}`: the widget's words by key (`UiText`), and
//! the dataset's texts at their paths in its document (`build.rs` splits them out of
//! `data/campaign-2016.json`). The crate writes the files natively, at build time (`render_static`),
//! and the wasm reads them (`web`); both sides are this module, so they cannot drift apart.

use std::collections::BTreeMap;

use crate::i18n::UiText;

/// The widget's words of a file, in `UiText::ALL` order; the error names the key that is missing.
pub fn ui_texts_in_order(words: &BTreeMap<String, String>) -> Result<Vec<String>, String> {
    UiText::ALL
        .iter()
        .map(|key| words.get(key.key()).cloned().ok_or_else(|| format!("ui.{}: missing", key.key())))
        .collect()
}

/// The file of `lang` (French or English) as the web build serves it.
#[cfg(not(target_arch = "wasm32"))]
pub fn write_file(lang: crate::data::Lang) -> Option<String> {
    let (_, dataset) = crate::data::BUILT_IN_TEXTS.into_iter().find(|(texts_lang, _)| *texts_lang == lang)?;
    let table = crate::i18n::ui_table(lang)?;
    let words: BTreeMap<&str, &str> = UiText::ALL.iter().map(|key| key.key()).zip(table.iter().copied()).collect();
    let dataset: serde_json::Value = serde_json::from_str(dataset).ok()?;
    serde_json::to_string(&serde_json::json!({ "ui": words, "dataset": dataset })).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Dataset, Lang};
    use crate::i18n::ui;
    use serde_json::Value;

    #[test]
    fn a_file_gives_back_every_word_of_its_language_and_the_dataset_texts() {
        for lang in [Lang::Fr, Lang::En] {
            let file: Value = serde_json::from_str(&write_file(lang).unwrap()).unwrap();
            let words: BTreeMap<String, String> = serde_json::from_value(file["ui"].clone()).unwrap();
            let compiled: Vec<String> = UiText::ALL.iter().map(|key| ui(lang, *key).to_owned()).collect();
            assert_eq!(ui_texts_in_order(&words).unwrap(), compiled, "{lang:?}");
            let with_texts = Dataset::built_in_with_texts(vec![file["dataset"].clone()]).unwrap();
            let whole = Dataset::built_in().unwrap();
            let names = |dataset: &Dataset| dataset.parties().iter().map(|party| party.name.get(lang).to_owned()).collect::<Vec<_>>();
            assert_eq!(names(&with_texts), names(&whole));
            assert_ne!(names(&with_texts), names(&Dataset::built_in_with_texts(Vec::new()).unwrap()));
        }
        assert_eq!(write_file(Lang::Ar), None, "Arabic is in the wasm");
    }

    #[test]
    fn a_file_without_a_word_says_which() {
        let words = BTreeMap::from([("ViewMatrix".to_owned(), "Qui a utilisé quoi".to_owned())]);
        assert_eq!(ui_texts_in_order(&words), Err(String::from("ui.ViewParty: missing")));
    }
}
