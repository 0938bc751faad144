//! The campaign data: parsing a dataset, validating it, and indexing it for the views.
//!
//! A dataset is accepted only whole: `Dataset::from_json` either returns a dataset
//! in which every reference resolves, or the list of problems, each naming the
//! path and the value at fault (e.g. `facts[3].party: unknown party "xyz"`).

mod error;
mod model;
mod read;
mod validate;

use crate::json::parse::{Node, parse};

pub use error::{DatasetError, DatasetErrors};
pub use model::*;
pub use validate::MAX_DOCUMENT_BYTES;
pub(crate) use validate::quoted;

/// The built-in 2016 dataset whole: `data/campaign-2016.json` without the white space between its
/// tokens (`build.rs`). The wasm does not carry it: see `BUILT_IN_ARABIC`.
pub const BUILT_IN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/campaign-2016.compact.json"));

/// The built-in dataset with its texts in Arabic only, embedded in the wasm so the widget draws without
/// a request. Most readers of the article read it in Arabic; the French and English texts, 6.3 KB gzip
/// of the 11.8 KB, come in `BUILT_IN_TEXTS` when a reader needs them (issue #7).
pub const BUILT_IN_ARABIC: &str = include_str!(concat!(env!("OUT_DIR"), "/campaign-2016.ar.json"));

/// The built-in dataset's French and English texts at their paths in the document, as the web build
/// serves them beside the wasm (copied there by `render_static`).
pub const BUILT_IN_TEXTS: [(Lang, &str); 2] = [
    (Lang::Fr, include_str!(concat!(env!("OUT_DIR"), "/campaign-2016.fr.json"))),
    (Lang::En, include_str!(concat!(env!("OUT_DIR"), "/campaign-2016.en.json"))),
];

/// A validated dataset with its references resolved to positions.
#[derive(Clone, Debug)]
pub struct Dataset {
    raw: RawDataset,
    /// Where the dataset declares no category, one per distinct `tactic.category`
    /// named after itself; empty otherwise, so the declared ones are not copied.
    derived_categories: Vec<Category>,
    tactic_category: Vec<usize>,
    fact_party: Vec<usize>,
    fact_tactic: Vec<usize>,
    /// `cells[party * tactics + tactic]`: the fact about that pair, if any.
    cells: Vec<Option<usize>>,
}

impl Dataset {
    /// Parses and validates a dataset. Never panics, whatever the input.
    pub fn from_json(json: &str) -> Result<Dataset, DatasetErrors> {
        validate::parse_and_validate(json)
    }

    /// The built-in dataset with the texts of all three languages. Its validity is checked by the
    /// tests, and it is still validated here so that a broken build shows an error, not a panic.
    pub fn built_in() -> Result<Dataset, DatasetErrors> {
        let mut texts = Vec::new();
        for (_, language) in BUILT_IN_TEXTS {
            texts.push(parse(language).map_err(|error| DatasetErrors::of_document(error.describe()))?);
        }
        Dataset::built_in_with_texts(texts)
    }

    /// The built-in dataset from its Arabic document and the other languages' texts that the page has
    /// loaded (documents shaped like `BUILT_IN_TEXTS`, which the element fetches inside the texts files
    /// of `crate::texts`). A language whose texts are not given shows the Arabic in their place; the web
    /// handle never lets a reader switch to it before its texts arrive.
    pub fn built_in_with_texts(texts: Vec<Node>) -> Result<Dataset, DatasetErrors> {
        let mut tree = parse(BUILT_IN_ARABIC).map_err(|error| DatasetErrors::of_document(error.describe()))?;
        for language in texts {
            merge(&mut tree, language);
        }
        fill_missing_languages(&mut tree);
        validate::validate(read::read_dataset(tree)?)
    }

    pub fn raw(&self) -> &RawDataset {
        &self.raw
    }
    pub fn parties(&self) -> &[Party] {
        &self.raw.parties
    }
    pub fn tactics(&self) -> &[Tactic] {
        &self.raw.tactics
    }
    pub fn facts(&self) -> &[Fact] {
        &self.raw.facts
    }
    /// The declared categories, or the derived ones where the dataset declares none.
    pub fn categories(&self) -> &[Category] {
        if self.raw.categories.is_empty() { &self.derived_categories } else { &self.raw.categories }
    }

    /// The contract's default `versus`: the second party, or the first when there is only one.
    pub fn default_versus(&self) -> usize {
        usize::from(self.raw.parties.len() > 1)
    }

    pub fn party_index(&self, id: &str) -> Option<usize> {
        self.raw.parties.iter().position(|party| party.id == id)
    }
    pub fn tactic_index(&self, id: &str) -> Option<usize> {
        self.raw.tactics.iter().position(|tactic| tactic.id == id)
    }
    pub fn category_of_tactic(&self, tactic: usize) -> Option<usize> {
        self.tactic_category.get(tactic).copied()
    }
    pub fn party_of_fact(&self, fact: usize) -> Option<usize> {
        self.fact_party.get(fact).copied()
    }
    pub fn tactic_of_fact(&self, fact: usize) -> Option<usize> {
        self.fact_tactic.get(fact).copied()
    }

    /// The position of the fact about a party and a tactic; `None` means the
    /// source does not report it.
    pub fn fact_index(&self, party: usize, tactic: usize) -> Option<usize> {
        if party >= self.raw.parties.len() || tactic >= self.raw.tactics.len() {
            return None;
        }
        self.cells.get(party * self.raw.tactics.len() + tactic).copied().flatten()
    }

    pub fn status(&self, party: usize, tactic: usize) -> Option<Status> {
        Some(self.raw.facts.get(self.fact_index(party, tactic)?)?.status)
    }

    /// Tactics grouped by category, in the order categories are declared and,
    /// within one, in dataset order: the reading order of every view.
    pub fn tactics_by_category(&self) -> Vec<(usize, Vec<usize>)> {
        let mut groups = Vec::new();
        for category in 0..self.categories().len() {
            let mut members = Vec::new();
            for (tactic, &of_tactic) in self.tactic_category.iter().enumerate() {
                if of_tactic == category {
                    members.push(tactic);
                }
            }
            if !members.is_empty() {
                groups.push((category, members));
            }
        }
        groups
    }
}

/// Lays `texts` over `document`: objects member by member, arrays position by position.
fn merge(document: &mut Node, texts: Node) {
    match (document, texts) {
        (Node::Object(members), Node::Object(text_members)) => {
            for (key, text) in text_members {
                match members.iter_mut().find(|(name, _)| *name == key) {
                    Some((_, member)) => merge(member, text),
                    None => members.push((key, text)),
                }
            }
        }
        (Node::Array(items), Node::Array(text_items)) => {
            for (item, text) in items.iter_mut().zip(text_items) {
                merge(item, text);
            }
        }
        (document, text) => *document = text,
    }
}

/// Gives every translated text (an object with an `ar` string and no key but language codes) the
/// languages it lacks, in Arabic, so that the dataset reads as a whole before all texts are loaded.
fn fill_missing_languages(node: &mut Node) {
    match node {
        Node::Object(members) => {
            let translated = members.iter().all(|(key, _)| Lang::ALL.iter().any(|lang| lang.code() == key));
            let arabic = members.iter().find_map(|(key, value)| match value {
                Node::String(text) if translated && key == "ar" => Some(text.clone()),
                _ => None,
            });
            match arabic {
                Some(arabic) => {
                    for lang in [Lang::Fr, Lang::En] {
                        if !members.iter().any(|(key, _)| key == lang.code()) {
                            members.push((lang.code().to_owned(), Node::String(arabic.clone())));
                        }
                    }
                }
                None => members.iter_mut().for_each(|(_, member)| fill_missing_languages(member)),
            }
        }
        Node::Array(items) => items.iter_mut().for_each(fill_missing_languages),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::{BUILT_IN_ARABIC, BUILT_IN_JSON, BUILT_IN_TEXTS, Dataset, Lang};
    use crate::json::parse::parse;

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
