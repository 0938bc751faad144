//! Checks a parsed dataset rule by rule and resolves its references.
//!
//! Every rule reports the path and the offending value, and all problems are
//! collected, so a newsroom fixing a spreadsheet export sees them in one go.

use super::read::read_dataset;
use super::{Category, Dataset, DatasetError, DatasetErrors, Localized, RawDataset};
use crate::json::parse::parse;

/// Larger documents are refused before parsing: no reader's phone should
/// parse more than this for one chart.
pub const MAX_DOCUMENT_BYTES: usize = 4 * 1024 * 1024;
pub const MAX_PARTIES: usize = 40;
pub const MAX_TACTICS: usize = 200;
pub const MAX_CATEGORIES: usize = 40;
pub const MAX_FACTS: usize = 4000;
pub const MAX_ID_CHARS: usize = 40;
pub const MAX_NAME_CHARS: usize = 120;
pub const MAX_QUOTE_CHARS: usize = 1000;
pub const MAX_TEXT_CHARS: usize = 500;

pub(super) fn parse_and_validate(json: &str) -> Result<Dataset, DatasetErrors> {
    if json.len() > MAX_DOCUMENT_BYTES {
        return Err(DatasetErrors::single(
            "",
            format!("the dataset is {} bytes, more than the {} allowed", json.len(), MAX_DOCUMENT_BYTES),
        ));
    }
    // Spreadsheet tools on Windows often save UTF-8 with a byte order mark, which JSON forbids.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    if json.trim().is_empty() {
        return Err(DatasetErrors::single("", "the dataset is empty"));
    }
    // Syntax errors, nesting too deep and trailing garbage are the parser's, and say where
    // they are in the text; everything after names the path of the value at fault.
    let tree = parse(json).map_err(|error| DatasetErrors::single("", error.to_string()))?;
    let raw = read_dataset(tree)?;
    validate(raw)
}

struct Checker {
    errors: Vec<DatasetError>,
}

impl Checker {
    fn fail(&mut self, path: String, message: String) {
        self.errors.push(DatasetError::new(path, message));
    }

    fn id(&mut self, path: String, id: &str) {
        let well_formed = !id.is_empty()
            && id.chars().count() <= MAX_ID_CHARS
            && id.chars().all(|character| character.is_ascii_lowercase() || character.is_ascii_digit() || character == '-')
            && !id.starts_with('-');
        if !well_formed {
            self.fail(
                path,
                format!(
                    "{} is not an id: use 1 to {MAX_ID_CHARS} lowercase letters, digits or hyphens, not starting with a hyphen",
                    quoted(id)
                ),
            );
        }
    }

    fn text(&mut self, path: String, text: &str, max_chars: usize) {
        let characters = text.chars().count();
        if text.trim().is_empty() {
            self.fail(path, format!("must not be empty, found {}", quoted(text)));
        } else if characters > max_chars {
            self.fail(path, format!("is {characters} characters long, more than the {max_chars} allowed: {}", quoted(text)));
        }
    }

    fn localized(&mut self, path: &str, text: &Localized, max_chars: usize) {
        self.text(format!("{path}.ar"), &text.ar, max_chars);
        self.text(format!("{path}.fr"), &text.fr, max_chars);
        self.text(format!("{path}.en"), &text.en, max_chars);
    }

    fn count(&mut self, path: &str, count: usize, max: usize) {
        if count > max {
            self.fail(path.to_owned(), format!("has {count} entries, more than the {max} allowed"));
        }
    }

    /// Reports the second and later uses of an id, pointing at the first.
    /// `ids` yields each entry's position with its id, so entries without an id can be skipped.
    fn unique<'a>(&mut self, collection: &str, ids: impl Iterator<Item = (usize, &'a str)>) {
        let mut seen: Vec<(usize, &str)> = Vec::new();
        for (position, id) in ids {
            if let Some((first, _)) = seen.iter().find(|(_, earlier)| *earlier == id) {
                self.fail(
                    format!("{collection}[{position}].id"),
                    format!("duplicate id {} (first used at {collection}[{first}])", quoted(id)),
                );
            }
            seen.push((position, id));
        }
    }
}

/// Quotes a value for a message, shortened so a 2 MB string gives a short alert.
pub(crate) fn quoted(value: &str) -> String {
    const SHOWN_CHARS: usize = 40;
    let mut shown: String = value.chars().take(SHOWN_CHARS).collect();
    if value.chars().count() > SHOWN_CHARS {
        shown.push('…');
    }
    let mut quoted = String::with_capacity(shown.len() + 2);
    quoted.push('"');
    for character in shown.chars() {
        match character {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\r' => quoted.push_str("\\r"),
            '\t' => quoted.push_str("\\t"),
            character if is_invisible(character) => push_unicode_escape(&mut quoted, character),
            character => quoted.push(character),
        }
    }
    quoted.push('"');
    quoted
}

/// Characters a reader could not see in a message, or that would reorder it (bidi controls):
/// shown as `\u{202e}` like Rust's debug formatting, whose Unicode tables cost the wasm more
/// than this list.
fn is_invisible(character: char) -> bool {
    matches!(character,
        '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{ad}' | '\u{61c}' | '\u{180e}' | '\u{200b}'..='\u{200f}'
        | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}')
}

fn push_unicode_escape(text: &mut String, character: char) {
    const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";
    text.push_str("\\u{");
    let code = u32::from(character);
    let digits = (32 - code.leading_zeros()).div_ceil(4).max(1);
    for shift in (0..digits).rev() {
        text.push(char::from(HEX_DIGITS[((code >> (shift * 4)) & 0xf) as usize]));
    }
    text.push('}');
}

fn validate(raw: RawDataset) -> Result<Dataset, DatasetErrors> {
    let mut checker = Checker { errors: Vec::new() };
    checker.count("parties", raw.parties.len(), MAX_PARTIES);
    checker.count("tactics", raw.tactics.len(), MAX_TACTICS);
    checker.count("categories", raw.categories.len(), MAX_CATEGORIES);
    checker.count("facts", raw.facts.len(), MAX_FACTS);
    if !checker.errors.is_empty() {
        // Past the bounds, checking every entry would only multiply the messages.
        return Err(DatasetErrors(checker.errors));
    }
    if raw.parties.is_empty() {
        checker.fail("parties".to_owned(), "the dataset has no party".to_owned());
    }
    if raw.tactics.is_empty() {
        checker.fail("tactics".to_owned(), "the dataset has no tactic".to_owned());
    }

    for (position, category) in raw.categories.iter().enumerate() {
        checker.id(format!("categories[{position}].id"), &category.id);
        checker.localized(&format!("categories[{position}].name"), &category.name, MAX_NAME_CHARS);
    }
    checker.unique("categories", raw.categories.iter().map(|category| category.id.as_str()).enumerate());

    for (position, party) in raw.parties.iter().enumerate() {
        checker.id(format!("parties[{position}].id"), &party.id);
        checker.localized(&format!("parties[{position}].name"), &party.name, MAX_NAME_CHARS);
        if let Some(short_name) = &party.short_name {
            checker.localized(&format!("parties[{position}].short_name"), short_name, MAX_NAME_CHARS);
        }
        // The camps view wraps the note into its footnotes: unbounded, a 7,000-character note
        // froze the layout for seconds (found by fuzzing). Bounded like a fact's note.
        if let Some(camp_note) = &party.camp_note {
            checker.localized(&format!("parties[{position}].camp_note"), camp_note, MAX_TEXT_CHARS);
        }
    }
    checker.unique("parties", raw.parties.iter().map(|party| party.id.as_str()).enumerate());

    let categories: Vec<Category> = if raw.categories.is_empty() {
        let mut derived: Vec<Category> = Vec::new();
        for tactic in &raw.tactics {
            if !derived.iter().any(|category| category.id == tactic.category) {
                derived.push(Category { id: tactic.category.clone(), name: Localized::same_in_all(&tactic.category) });
            }
        }
        derived
    } else {
        raw.categories.clone()
    };

    let mut tactic_category = Vec::with_capacity(raw.tactics.len());
    for (position, tactic) in raw.tactics.iter().enumerate() {
        checker.id(format!("tactics[{position}].id"), &tactic.id);
        checker.localized(&format!("tactics[{position}].name"), &tactic.name, MAX_NAME_CHARS);
        match categories.iter().position(|category| category.id == tactic.category) {
            Some(category) => tactic_category.push(category),
            None => {
                checker.fail(
                    format!("tactics[{position}].category"),
                    format!("unknown category {}", quoted(&tactic.category)),
                );
                tactic_category.push(0);
            }
        }
    }
    checker.unique("tactics", raw.tactics.iter().map(|tactic| tactic.id.as_str()).enumerate());

    let mut fact_party = Vec::with_capacity(raw.facts.len());
    let mut fact_tactic = Vec::with_capacity(raw.facts.len());
    let mut cells: Vec<Option<usize>> = vec![None; raw.parties.len() * raw.tactics.len()];
    for (position, fact) in raw.facts.iter().enumerate() {
        if let Some(id) = &fact.id {
            checker.id(format!("facts[{position}].id"), id);
        }
        let party = raw.parties.iter().position(|party| party.id == fact.party);
        if party.is_none() {
            checker.fail(format!("facts[{position}].party"), format!("unknown party {}", quoted(&fact.party)));
        }
        let tactic = raw.tactics.iter().position(|tactic| tactic.id == fact.tactic);
        if tactic.is_none() {
            checker.fail(format!("facts[{position}].tactic"), format!("unknown tactic {}", quoted(&fact.tactic)));
        }
        checker.text(format!("facts[{position}].quote"), &fact.quote, MAX_QUOTE_CHARS);
        checker.localized(&format!("facts[{position}].text"), &fact.text, MAX_TEXT_CHARS);
        if let Some(note) = &fact.note {
            checker.localized(&format!("facts[{position}].note"), note, MAX_TEXT_CHARS);
        }
        if let (Some(party), Some(tactic)) = (party, tactic) {
            let cell = &mut cells[party * raw.tactics.len() + tactic];
            if let Some(first) = *cell {
                checker.fail(
                    format!("facts[{position}]"),
                    format!(
                        "a second fact for party {} and tactic {} (the first is facts[{first}])",
                        quoted(&fact.party),
                        quoted(&fact.tactic)
                    ),
                );
            } else {
                *cell = Some(position);
            }
        }
        fact_party.push(party.unwrap_or(0));
        fact_tactic.push(tactic.unwrap_or(0));
    }
    let fact_ids = raw.facts.iter().enumerate().filter_map(|(position, fact)| Some((position, fact.id.as_deref()?)));
    checker.unique("facts", fact_ids);

    if !checker.errors.is_empty() {
        return Err(DatasetErrors(checker.errors));
    }
    Ok(Dataset { raw, categories, tactic_category, fact_party, fact_tactic, cells })
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn values_are_quoted_as_rust_debug_formatting_would_for_what_datasets_hold() {
        for value in ["pjd", "say \"hi\"", "back\\slash", "line\nbreak\ttab\r", "حزب العدالة", "\u{202e}xirtam", "a\u{200f}b\u{2066}c\u{2069}", "\u{1}\u{7f}\u{feff}", "emoji 🗳"] {
            assert_eq!(quoted(value), format!("{value:?}"), "for {value:?}");
        }
    }

    #[test]
    fn long_values_are_shortened_with_an_ellipsis() {
        let long = "x".repeat(100);
        assert_eq!(quoted(&long), format!("\"{}…\"", "x".repeat(40)));
    }
}
