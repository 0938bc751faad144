//! The campaign data: parsing a dataset, validating it, and indexing it for the views.
//!
//! A dataset is accepted only whole: `Dataset::from_json` either returns a dataset
//! in which every reference resolves, or the list of problems, each naming the
//! path and the value at fault (e.g. `facts[3].party: unknown party "xyz"`).

mod error;
mod model;
mod read;
mod validate;

pub use error::{DatasetError, DatasetErrors};
pub use model::*;
pub use validate::MAX_DOCUMENT_BYTES;
pub(crate) use validate::quoted;

/// The built-in 2016 dataset, embedded so the widget draws without a request: `data/campaign-2016.json`
/// without the white space between its tokens (`build.rs`).
pub const BUILT_IN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/campaign-2016.compact.json"));

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

    /// The built-in dataset. Its validity is checked by the tests, and it is
    /// still validated here so that a broken build shows an error, not a panic.
    pub fn built_in() -> Result<Dataset, DatasetErrors> {
        Dataset::from_json(BUILT_IN_JSON)
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

#[cfg(test)]
mod tests {
    use super::{BUILT_IN_JSON, Dataset};

    const FILE: &str = include_str!("../../data/campaign-2016.json");

    #[test]
    fn the_embedded_dataset_is_the_file_without_white_space_between_tokens() {
        let file: serde_json::Value = serde_json::from_str(FILE).unwrap();
        let embedded: serde_json::Value = serde_json::from_str(BUILT_IN_JSON).unwrap();
        assert_eq!(embedded, file);
        assert_eq!(Dataset::from_json(BUILT_IN_JSON).unwrap().raw(), Dataset::from_json(FILE).unwrap().raw());
        assert!(BUILT_IN_JSON.len() < FILE.len() && !BUILT_IN_JSON.contains('\n'));
    }
}
