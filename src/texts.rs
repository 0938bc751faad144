//! The texts files: the French or English of the built-in dataset and of the widget's own words, which the
//! wasm does not carry and the element fetches when a reader needs that language (issue #7).
//!
//! A file is `{"ui": {"ShowAsTable": "…", …}, "dataset": {…}}`: the widget's words by key (`UiText`), and
//! the dataset's texts at their paths in its document (`build.rs` splits them out of
//! `data/campaign-2016.json`). The crate writes the files natively, at build time (`render_static`),
//! and the wasm reads them (`web`); both sides are this module, so they cannot drift apart.

use crate::i18n::UiText;
use crate::json::parse::Node;

/// The widget's words in a file, in `UiText::ALL` order; the error names the key that is missing or
/// is not a string.
pub fn read_ui_texts(file: &Node) -> Result<Vec<String>, String> {
    let Some(Node::Object(words)) = member(file, "ui") else {
        return Err(String::from("no \"ui\" object"));
    };
    let mut texts = Vec::with_capacity(UiText::ALL.len());
    for key in UiText::ALL {
        match words.iter().find(|(name, _)| name == key.key()) {
            Some((_, Node::String(text))) => texts.push(text.clone()),
            _ => {
                let mut message = String::from("ui.");
                message.push_str(key.key());
                message.push_str(": missing or not a string");
                return Err(message);
            }
        }
    }
    Ok(texts)
}

/// The dataset's texts in a file, for `Dataset::built_in_with_texts`; nothing when it has none.
pub fn dataset_texts(file: Node) -> Node {
    match file {
        Node::Object(members) => members.into_iter().find(|(name, _)| name == "dataset").map_or(Node::Object(Vec::new()), |(_, texts)| texts),
        _ => Node::Object(Vec::new()),
    }
}

fn member<'a>(node: &'a Node, name: &str) -> Option<&'a Node> {
    match node {
        Node::Object(members) => members.iter().find(|(key, _)| key == name).map(|(_, value)| value),
        _ => None,
    }
}

/// The file of `lang` (French or English) as the web build serves it.
#[cfg(not(target_arch = "wasm32"))]
pub fn write_file(lang: crate::data::Lang) -> Option<String> {
    use crate::json::write::JsonWriter;
    let (_, dataset) = crate::data::BUILT_IN_TEXTS.into_iter().find(|(texts_lang, _)| *texts_lang == lang)?;
    let table = crate::i18n::ui_table(lang)?;
    let mut words = JsonWriter::compact();
    words.begin_object();
    for (key, text) in UiText::ALL.iter().zip(table) {
        words.key(key.key());
        words.string(text);
    }
    words.end_object();
    Some(format!("{{\"ui\":{},\"dataset\":{dataset}}}", words.finish()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Dataset, Lang};
    use crate::i18n::ui;
    use crate::json::parse::parse;

    #[test]
    fn a_file_gives_back_every_word_of_its_language_and_the_dataset_texts() {
        for lang in [Lang::Fr, Lang::En] {
            let file = parse(&write_file(lang).unwrap()).unwrap();
            let words = read_ui_texts(&file).unwrap();
            let compiled: Vec<String> = UiText::ALL.iter().map(|key| ui(lang, *key).to_owned()).collect();
            assert_eq!(words, compiled, "{lang:?}");
            let with_texts = Dataset::built_in_with_texts(vec![dataset_texts(file)]).unwrap();
            let whole = Dataset::built_in().unwrap();
            let names = |dataset: &Dataset| dataset.parties().iter().map(|party| party.name.get(lang).to_owned()).collect::<Vec<_>>();
            assert_eq!(names(&with_texts), names(&whole));
        }
        assert_eq!(write_file(Lang::Ar), None, "Arabic is in the wasm");
    }

    #[test]
    fn a_file_without_a_word_says_which() {
        let file = parse(r#"{"ui": {"ViewMatrix": "Qui a utilisé quoi"}, "dataset": {}}"#).unwrap();
        assert_eq!(read_ui_texts(&file), Err(String::from("ui.ViewParty: missing or not a string")));
        assert_eq!(read_ui_texts(&parse("[]").unwrap()), Err(String::from("no \"ui\" object")));
        assert_eq!(dataset_texts(parse("[]").unwrap()), Node::Object(Vec::new()));
    }
}
