//! Maps the JSON validation's paths (`facts[12].party`) back to the sheet, row and column they were read from.

use std::collections::HashMap;

use super::{CATEGORIES, DATASET, FACTS, LEADERS, PARTIES, SheetError, TACTICS};
use crate::data::DatasetErrors;

/// How many ids a "known: …" list shows; a dataset of 200 tactics would otherwise drown the message.
const SHOWN_IDS: usize = 12;

/// The spreadsheet row each entry of the document was read from.
#[derive(Default)]
pub(super) struct Rows {
    /// The name each sheet's file has, e.g. `Campaign - facts.csv` for `facts.csv`.
    pub files: HashMap<&'static str, String>,
    pub categories: Vec<usize>,
    pub parties: Vec<usize>,
    pub unmentioned: Vec<usize>,
    pub leaders_of_parties: Vec<Vec<usize>>,
    pub leaders_of_unmentioned: Vec<Vec<usize>>,
    pub tactics: Vec<usize>,
    pub facts: Vec<usize>,
    /// `dataset.csv`'s rows by field, e.g. `title_fr`.
    pub dataset_fields: HashMap<String, usize>,
    /// The ids references may name, for "known: …".
    pub party_ids: Vec<String>,
    pub tactic_ids: Vec<String>,
    pub category_ids: Vec<String>,
}

impl Rows {
    fn file(&self, layout: &'static str) -> String {
        self.files.get(layout).cloned().unwrap_or_else(|| layout.to_owned())
    }
}

/// ` — known: pjd, pam, …`, or nothing when there is nothing to choose from.
pub(super) fn known_list(ids: &[String]) -> String {
    let ids: Vec<&str> = ids.iter().map(String::as_str).filter(|id| !id.is_empty()).collect();
    if ids.is_empty() {
        return String::new();
    }
    let mut list = ids.iter().take(SHOWN_IDS).copied().collect::<Vec<_>>().join(", ");
    if ids.len() > SHOWN_IDS {
        list.push_str(", …");
    }
    format!(" — known: {list}")
}

/// `facts[12]` → `facts` and 12; the rest of the path after it (`party`, `text.fr`), without its dot.
fn split_entry(path: &str) -> Option<(&str, usize, &str)> {
    let (collection, rest) = path.split_once('[')?;
    let (index, rest) = rest.split_once(']')?;
    let index = index.parse().ok()?;
    Some((collection, index, rest.strip_prefix('.').unwrap_or(rest)))
}

/// A member's path inside an entry as its column: `text.fr` → `text_fr`, `nicknames[2]` → `nicknames`.
fn column_of(member: &str) -> Option<String> {
    let without_index = member.split('[').next().unwrap_or(member);
    (!without_index.is_empty()).then(|| without_index.replace('.', "_"))
}

/// Where a path of the document was read from: file, row and column, as much as the path says.
fn locate(path: &str, rows: &Rows) -> (String, Option<usize>, Option<String>) {
    let row_of = |list: &Vec<usize>, index: usize| list.get(index).copied();
    if let Some((collection, index, member)) = split_entry(path) {
        let (layout, row, leaders) = match collection {
            "categories" => (CATEGORIES.file, row_of(&rows.categories, index), None),
            "parties" => (PARTIES.file, row_of(&rows.parties, index), rows.leaders_of_parties.get(index)),
            "unmentioned_parties" => (PARTIES.file, row_of(&rows.unmentioned, index), rows.leaders_of_unmentioned.get(index)),
            "tactics" => (TACTICS.file, row_of(&rows.tactics, index), None),
            "facts" => (FACTS.file, row_of(&rows.facts, index), None),
            _ => return (String::new(), None, None),
        };
        // A leader is a row of its own sheet; `leaders` alone (too many of them) is said at the party's last one.
        if let Some(leaders) = leaders
            && let Some(inner) = member.strip_prefix("leaders")
        {
            let (row, column) = match split_entry(member) {
                Some((_, leader, leader_member)) => (leaders.get(leader).copied(), column_of(leader_member)),
                None if inner.is_empty() => (leaders.last().copied(), None),
                None => (None, None),
            };
            return (rows.file(LEADERS.file), row, column);
        }
        return (rows.file(layout), row, column_of(member));
    }
    match path {
        "" => (String::new(), None, None),
        "categories" => (rows.file(CATEGORIES.file), None, None),
        "parties" | "unmentioned_parties" => (rows.file(PARTIES.file), None, None),
        "tactics" => (rows.file(TACTICS.file), None, None),
        "facts" => (rows.file(FACTS.file), None, None),
        // The dataset's own members are rows of `dataset.csv`, named by their path with `_` for `.`.
        _ => {
            let field = path.replace('.', "_");
            (rows.file(DATASET.file), rows.dataset_fields.get(&field).copied(), Some("value".to_owned()))
        }
    }
}

/// A reference to another entry inside a message (`(first used at facts[3])`) as its row.
fn rewrite_reference(message: &str, rows: &Rows) -> String {
    let Some((before, reference)) = message.strip_suffix(')').and_then(|text| text.rsplit_once(' ')) else { return message.to_owned() };
    if split_entry(reference).is_none() {
        return message.to_owned();
    }
    match locate(reference, rows) {
        (_, Some(row), _) => format!("{before} row {row})"),
        _ => message.to_owned(),
    }
}

/// The validation's errors in the spreadsheet's terms, with the known ids where a reference is unknown.
pub(super) fn locate_all(errors: &DatasetErrors, rows: &Rows) -> Vec<SheetError> {
    errors
        .0
        .iter()
        .map(|error| {
            let (file, row, column) = locate(&error.path, rows);
            let mut message = rewrite_reference(&error.message, rows);
            let known = if message.starts_with("unknown party ") {
                Some(&rows.party_ids)
            } else if message.starts_with("unknown tactic ") {
                Some(&rows.tactic_ids)
            } else if message.starts_with("unknown category ") {
                Some(&rows.category_ids)
            } else {
                None
            };
            if let Some(known) = known {
                message.push_str(&known_list(known));
            }
            // A path the sheets cannot say is still said, so no problem is lost; so is a field of `dataset.csv`
            // that has no row.
            if (file.is_empty() || (row.is_none() && column.as_deref() == Some("value"))) && !error.path.is_empty() {
                message = format!("{}: {message}", error.path);
            }
            SheetError { file, row, column, message }
        })
        .collect()
}
