//! The campaign data: reading a dataset, validating it, and indexing it for the views.
//!
//! A dataset is accepted only whole: it is either a dataset in which every reference
//! resolves, or the list of problems, each naming the path and the value at fault
//! (e.g. `facts[3].party: unknown party "xyz"`). The browser hands a JavaScript value to
//! `Dataset::from_deserializer`; native code reads JSON text with `Dataset::from_json`.

mod error;
#[cfg(any(not(target_arch = "wasm32"), feature = "spreadsheet"))]
mod json_text;
mod calendar;
mod model;
mod read;
mod validate;

use serde::Deserializer;

pub use error::{DatasetError, DatasetErrors};
pub use calendar::{CalendarDate, CampaignCalendar};
pub use model::*;
pub use validate::MAX_DOCUMENT_BYTES;
pub(crate) use validate::quoted;

/// The built-in 2016 dataset whole: `data/campaign-2016.json` without the white space between its
/// tokens (`build.rs`). The wasm does not carry it: see `BUILT_IN_ARABIC`.
pub const BUILT_IN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/campaign-2016.compact.json"));

/// The built-in dataset with its texts in Arabic only, embedded in the wasm so the widget draws without
/// a request. Most readers of the article read it in Arabic; the French and English texts, 6.3 KB gzip
/// of the 11.8 KB, come in `BUILT_IN_TEXTS` when a reader needs them.
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
    /// Reads a dataset from a value that is already an object of JSON's kinds (in the browser, what
    /// `JSON.parse` or the host page made), and validates it. Never panics, whatever the input.
    pub fn from_deserializer<'de, D>(deserializer: D) -> Result<Dataset, DatasetErrors>
    where
        D: Deserializer<'de>,
        D::Error: std::fmt::Display,
    {
        let raw = read::read_dataset(deserializer)
            .map_err(|(path, error)| DatasetErrors(vec![read::explain(path, &error.to_string())]))?;
        Dataset::from_raw(raw)
    }

    /// Validates a dataset already in the model's types.
    pub fn from_raw(raw: RawDataset) -> Result<Dataset, DatasetErrors> {
        validate::validate(raw)
    }

    /// The refusal of a document that is not an object; `found` names it in a few words.
    pub fn not_an_object(found: &str) -> DatasetErrors {
        DatasetErrors::of_document(format!("the dataset must be a JSON object, found {found}"))
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
