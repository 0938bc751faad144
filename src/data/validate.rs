//! Checks a parsed dataset rule by rule and resolves its references.
//!
//! Every rule reports the path and the offending value, and all problems are
//! collected, so a newsroom fixing a spreadsheet export sees them in one go.

use super::{Category, Dataset, DatasetError, DatasetErrors, Localized, RawDataset};

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

/// Shape errors collected before giving up: a document of a million wrong
/// rows would otherwise cost a phone more memory for the messages than for the data.
const MAX_SHAPE_PROBLEMS: usize = 100;

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
    // A first, untyped parse catches syntax errors, nesting too deep (serde_json
    // stops at 128 levels, so no input can overflow the stack) and trailing garbage,
    // and gives the shape check below a tree to walk.
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let tree = serde::Deserialize::deserialize(&mut deserializer)
        .and_then(|tree: serde_json::Value| deserializer.end().map(|()| tree))
        .map_err(|error| DatasetErrors::single("", shortened_message(&error.to_string())))?;
    check_shape(&tree)?;
    drop(tree);
    // Parsed again from the text rather than from the tree, because the tree
    // silently keeps the last of two duplicate keys, where the typed parse reports them.
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let raw: RawDataset = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        let path = if path == "." { String::new() } else { path };
        let message = error.into_inner().to_string();
        match missing_field(&message) {
            Some(field) if path.is_empty() => DatasetErrors::single(field, "is missing"),
            Some(field) => DatasetErrors::single(format!("{path}.{field}"), "is missing"),
            None => DatasetErrors::single(path, shortened_message(&message)),
        }
    })?;
    validate(raw)
}

/// The field name in serde's "missing field `fr` at line 1 column 9", so the
/// path can point at the field itself (`parties[0].name.fr`), not its parent.
fn missing_field(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("missing field `")?;
    let end = rest.find('`')?;
    rest.get(..end)
}

/// Shortens every `backticked` or "quoted" span of a serde message: serde quotes
/// the offending value whole, and a 2 MB string must still give a short alert.
fn shortened_message(message: &str) -> String {
    const SHOWN_CHARS: usize = 40;
    let mut shortened = String::new();
    let mut characters = message.chars();
    while let Some(character) = characters.next() {
        shortened.push(character);
        if character != '`' && character != '"' {
            continue;
        }
        let closing = character;
        let mut escaped = false;
        for (shown, inner) in characters.by_ref().enumerate() {
            let closes = inner == closing && !escaped;
            escaped = closing == '"' && inner == '\\' && !escaped;
            if closes {
                if shown > SHOWN_CHARS {
                    shortened.push('…');
                }
                shortened.push(inner);
                break;
            }
            if shown < SHOWN_CHARS {
                shortened.push(inner);
            }
        }
    }
    // A value that itself holds the closing mark escapes the span logic above;
    // whatever the value, the message stays short.
    const MAX_MESSAGE_CHARS: usize = 300;
    if shortened.chars().count() > MAX_MESSAGE_CHARS {
        shortened = shortened.chars().take(MAX_MESSAGE_CHARS).collect();
        shortened.push('…');
    }
    shortened
}

/// What the model expects at a place in the document, beyond what serde checks.
///
/// serde's derive also accepts a struct written as an array of its fields in
/// order, and an enum written as `{"majority": null}`; a spreadsheet export of
/// rows as arrays would then load with its columns silently taken by position.
/// This walk refuses both, and names objects in words a newsroom knows rather
/// than serde's `struct Party`.
#[derive(Clone, Copy)]
enum Shape {
    Object { optional: bool, fields: &'static [(&'static str, Shape)] },
    /// Elements' shape; what is not an array is left to serde's message.
    ArrayOf(&'static Shape),
    /// An enum's value: a string, whose spelling serde checks.
    Name { optional: bool },
}

const LOCALIZED: Shape = Shape::Object { optional: false, fields: &[] };
const OPTIONAL_LOCALIZED: Shape = Shape::Object { optional: true, fields: &[] };
const LEADER: Shape = Shape::Object { optional: false, fields: &[("name", LOCALIZED), ("role", OPTIONAL_LOCALIZED)] };
const CATEGORY: Shape = Shape::Object { optional: false, fields: &[("name", LOCALIZED)] };
const PARTY: Shape = Shape::Object {
    optional: false,
    fields: &[
        ("camp", Shape::Name { optional: false }),
        ("name", LOCALIZED),
        ("short_name", OPTIONAL_LOCALIZED),
        ("symbol", OPTIONAL_LOCALIZED),
        ("leaders", Shape::ArrayOf(&LEADER)),
        ("camp_note", OPTIONAL_LOCALIZED),
    ],
};
const TACTIC: Shape = Shape::Object { optional: false, fields: &[("name", LOCALIZED)] };
const FACT: Shape = Shape::Object {
    optional: false,
    fields: &[
        ("status", Shape::Name { optional: false }),
        ("when", Shape::Name { optional: true }),
        ("text", LOCALIZED),
        ("note", OPTIONAL_LOCALIZED),
    ],
};
const DATASET: Shape = Shape::Object {
    optional: false,
    fields: &[
        ("title", OPTIONAL_LOCALIZED),
        ("campaign", Shape::Object { optional: true, fields: &[] }),
        ("categories", Shape::ArrayOf(&CATEGORY)),
        ("parties", Shape::ArrayOf(&PARTY)),
        ("tactics", Shape::ArrayOf(&TACTIC)),
        ("facts", Shape::ArrayOf(&FACT)),
    ],
};

fn check_shape(tree: &serde_json::Value) -> Result<(), DatasetErrors> {
    if !tree.is_object() {
        return Err(DatasetErrors::single(
            "",
            format!("the dataset must be a JSON object, found {}", described(tree)),
        ));
    }
    let mut errors = Vec::new();
    walk_shape(tree, DATASET, &mut String::new(), &mut errors);
    if errors.len() >= MAX_SHAPE_PROBLEMS {
        errors.push(DatasetError::new("", format!("checking stopped after {MAX_SHAPE_PROBLEMS} problems")));
    }
    if errors.is_empty() { Ok(()) } else { Err(DatasetErrors(errors)) }
}

fn walk_shape(value: &serde_json::Value, shape: Shape, path: &mut String, errors: &mut Vec<DatasetError>) {
    use serde_json::Value;
    if errors.len() >= MAX_SHAPE_PROBLEMS {
        return;
    }
    match (shape, value) {
        (Shape::Object { optional: true, .. } | Shape::Name { optional: true }, Value::Null) => {}
        (Shape::Object { fields, .. }, Value::Object(members)) => {
            for (name, field_shape) in fields {
                if let Some(member) = members.get(*name) {
                    let length = path.len();
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(name);
                    walk_shape(member, *field_shape, path, errors);
                    path.truncate(length);
                }
            }
        }
        (Shape::Object { .. }, other) => {
            errors.push(DatasetError::new(path.clone(), format!("expected an object, found {}", described(other))));
        }
        (Shape::ArrayOf(element), Value::Array(elements)) => {
            for (position, member) in elements.iter().enumerate() {
                let length = path.len();
                path.push_str(&format!("[{position}]"));
                walk_shape(member, *element, path, errors);
                path.truncate(length);
            }
        }
        (Shape::ArrayOf(_), _) | (Shape::Name { .. }, Value::String(_)) => {}
        (Shape::Name { .. }, other) => {
            errors.push(DatasetError::new(path.clone(), format!("expected a string, found {}", described(other))));
        }
    }
}

/// A JSON value in a few words, for "expected …, found …" messages.
fn described(value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(flag) => flag.to_string(),
        Value::Number(number) => format!("the number {number}"),
        Value::String(text) => format!("the string {}", quoted(text)),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
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
    format!("{shown:?}")
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
