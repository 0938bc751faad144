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
    let raw: RawDataset = serde::Deserialize::deserialize(&mut deserializer).map_err(|error| typed_error(json, &error))?;
    validate(raw)
}

/// Names the path of a typed-parse error from where serde_json stopped reading.
///
/// serde_path_to_error would track the path during the parse, but wrapping every
/// deserializer and visitor made the wasm 19 KB larger (BENCHMARKS.md). The document is known to be valid
/// JSON by now, so re-reading it up to the error's offset finds the same path,
/// and only a rejected dataset pays for it.
fn typed_error(json: &str, error: &serde_json::Error) -> DatasetErrors {
    let message = error.to_string();
    let path = offset_of(json, error.line(), error.column()).map(|offset| path_at(json, offset)).unwrap_or_default();
    match missing_field(&message) {
        Some(field) if path.is_empty() => DatasetErrors::single(field, "is missing"),
        Some(field) => DatasetErrors::single(format!("{path}.{field}"), "is missing"),
        None => DatasetErrors::single(path, shortened_message(&message)),
    }
}

/// The byte offset of serde_json's 1-based line and 0-based byte column.
fn offset_of(json: &str, line: usize, column: usize) -> Option<usize> {
    let line_start = if line <= 1 {
        0
    } else {
        json.bytes().enumerate().filter(|&(_, byte)| byte == b'\n').nth(line - 2)?.0 + 1
    };
    Some(line_start + column)
}

/// The path of the value being read at a byte offset of a valid JSON document,
/// e.g. `parties[0].name`, spelled like serde_path_to_error's.
///
/// serde_json reports a wrong scalar after reading it and a wrong array or
/// object before its bracket, both of which lie within the member; a missing
/// field after the closing brace, which leaves the object's own path; a
/// duplicate key before its colon, which names the enclosing object. So a
/// member's key counts from its colon to the next comma or closing brace.
fn path_at(json: &str, offset: usize) -> String {
    enum Frame {
        /// The member's key, once its colon is read.
        Object(Option<String>),
        Array(usize),
    }
    let bytes = json.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    // The last key read in the innermost object, waiting for its colon.
    let mut pending_key: Option<String> = None;
    let mut position = 0;
    while position < offset.min(bytes.len()) {
        let byte = bytes[position];
        position += 1;
        match byte {
            b'{' => stack.push(Frame::Object(None)),
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object(key)) => *key = None,
                Some(Frame::Array(index)) => *index += 1,
                None => {}
            },
            b':' => {
                if let Some(Frame::Object(key)) = stack.last_mut() {
                    *key = pending_key.take();
                }
            }
            b'"' => {
                let (text, end) = string_at(json, position);
                if matches!(stack.last(), Some(Frame::Object(None))) {
                    pending_key = Some(text);
                }
                position = end;
            }
            // White space and the characters of numbers, true, false and null.
            _ => {}
        }
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None) => {}
            Frame::Array(index) => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    path
}

/// The decoded text of the JSON string whose content starts at `start`, and the offset after its closing quote.
fn string_at(json: &str, start: usize) -> (String, usize) {
    let bytes = json.as_bytes();
    let mut text = String::new();
    let mut position = start;
    let mut run_start = start;
    while let Some(&byte) = bytes.get(position) {
        match byte {
            b'"' => {
                text.push_str(json.get(run_start..position).unwrap_or(""));
                return (text, position + 1);
            }
            b'\\' => {
                text.push_str(json.get(run_start..position).unwrap_or(""));
                let escape = bytes.get(position + 1).copied().unwrap_or(b'"');
                position += 2;
                match escape {
                    b'n' => text.push('\n'),
                    b't' => text.push('\t'),
                    b'r' => text.push('\r'),
                    b'b' => text.push('\u{8}'),
                    b'f' => text.push('\u{c}'),
                    b'u' => {
                        let (character, end) = unicode_escape(json, position);
                        text.push(character);
                        position = end;
                    }
                    other => text.push(char::from(other)),
                }
                run_start = position;
            }
            _ => position += 1,
        }
    }
    (text, bytes.len())
}

/// The character of a `\uXXXX` escape whose hex digits start at `start`. Only keys of the model's fields
/// reach a path, and those are ASCII, so a surrogate pair need not be put together.
fn unicode_escape(json: &str, start: usize) -> (char, usize) {
    let code = json.get(start..start + 4).and_then(|digits| digits.chars().try_fold(0, |code, digit| Some(code * 16 + digit.to_digit(16)?)));
    (code.and_then(char::from_u32).unwrap_or(char::REPLACEMENT_CHARACTER), start + 4)
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

#[cfg(test)]
mod tests {
    //! The path found by re-reading the document after a typed-parse error must be the one
    //! serde_path_to_error tracked during the parse (the previous implementation, kept here as
    //! the reference), for every kind of fault at every place of a dataset, in any layout.

    use super::*;
    use serde_json::{Value, json};

    /// The previous implementation: the same checks, with the path tracked by serde_path_to_error.
    fn tracked_parse(json: &str) -> Result<(), DatasetErrors> {
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let tree = serde::Deserialize::deserialize(&mut deserializer)
            .and_then(|tree: serde_json::Value| deserializer.end().map(|()| tree))
            .map_err(|error| DatasetErrors::single("", shortened_message(&error.to_string())))?;
        check_shape(&tree)?;
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
        validate(raw).map(|_| ())
    }

    fn same_result_as_tracked(json: &str) {
        let found = parse_and_validate(json).map(|_| ());
        assert_eq!(found, tracked_parse(json), "for the document:\n{json}");
    }

    #[derive(Clone, PartialEq)]
    enum Step {
        Key(String),
        Index(usize),
    }

    enum Fault<'a> {
        Replace(&'a Value),
        Remove,
        Duplicate,
    }

    /// How a document is laid out: the offsets, and so serde_json's lines and columns, differ in each.
    #[derive(Clone, Copy)]
    enum Layout {
        Compact,
        Indented,
        /// White space on both sides of every colon and comma.
        Spaced,
    }

    /// Every place in a document, as the steps from the root to it.
    fn places(value: &Value, at: &mut Vec<Step>, found: &mut Vec<Vec<Step>>) {
        found.push(at.clone());
        match value {
            Value::Object(members) => {
                for (key, member) in members {
                    at.push(Step::Key(key.clone()));
                    places(member, at, found);
                    at.pop();
                }
            }
            Value::Array(elements) => {
                for (index, element) in elements.iter().enumerate() {
                    at.push(Step::Index(index));
                    places(element, at, found);
                    at.pop();
                }
            }
            _ => {}
        }
    }

    /// Writes the document with the fault applied at `target`; serde_json's own writer cannot repeat a key.
    fn write(value: &Value, at: &mut Vec<Step>, target: &[Step], fault: &Fault, layout: Layout, out: &mut String) {
        let depth = at.len();
        let (colon, comma) = match layout {
            Layout::Compact => (":", ","),
            Layout::Indented => (": ", ","),
            Layout::Spaced => (" : ", " , "),
        };
        let newline = |out: &mut String, depth: usize| {
            if let Layout::Indented = layout {
                out.push('\n');
                out.push_str(&"  ".repeat(depth));
            }
        };
        match value {
            Value::Object(members) => {
                out.push('{');
                let mut first = true;
                for (key, member) in members {
                    at.push(Step::Key(key.clone()));
                    let hit = at.as_slice() == target;
                    let copies = match fault {
                        Fault::Remove if hit => 0,
                        Fault::Duplicate if hit => 2,
                        _ => 1,
                    };
                    for _ in 0..copies {
                        if !first {
                            out.push_str(comma);
                        }
                        first = false;
                        newline(out, depth + 1);
                        out.push_str(&serde_json::to_string(key).unwrap());
                        out.push_str(colon);
                        match fault {
                            Fault::Replace(replacement) if hit => out.push_str(&replacement.to_string()),
                            _ => write(member, at, target, fault, layout, out),
                        }
                    }
                    at.pop();
                }
                newline(out, depth);
                out.push('}');
            }
            Value::Array(elements) => {
                out.push('[');
                for (index, element) in elements.iter().enumerate() {
                    if index > 0 {
                        out.push_str(comma);
                    }
                    newline(out, depth + 1);
                    at.push(Step::Index(index));
                    match fault {
                        Fault::Replace(replacement) if at.as_slice() == target => out.push_str(&replacement.to_string()),
                        _ => write(element, at, target, fault, layout, out),
                    }
                    at.pop();
                }
                newline(out, depth);
                out.push(']');
            }
            scalar => out.push_str(&scalar.to_string()),
        }
    }

    /// Applies every fault at every `stride`-th place of the document, in each layout, and compares.
    fn compare_every_fault(document: &Value, stride: usize, layouts: &[Layout]) -> usize {
        let replacements =
            [json!(5), json!(-2.5), json!("x"), json!(null), json!(true), json!([]), json!({}), json!(["x", 7]), json!({ "ar": 5 })];
        let mut targets = Vec::new();
        places(document, &mut Vec::new(), &mut targets);
        let mut compared = 0;
        for target in targets.iter().skip(1).step_by(stride) {
            let mut faults: Vec<Fault> = replacements.iter().map(Fault::Replace).collect();
            if let Some(Step::Key(_)) = target.last() {
                faults.push(Fault::Remove);
                faults.push(Fault::Duplicate);
            }
            for fault in &faults {
                for &layout in layouts {
                    let mut text = String::new();
                    write(document, &mut Vec::new(), target, fault, layout, &mut text);
                    same_result_as_tracked(&text);
                    compared += 1;
                }
            }
        }
        compared
    }

    fn localized(text: &str) -> Value {
        json!({ "ar": text, "fr": text, "en": text })
    }

    /// A small dataset with every optional field filled in, so each kind of field is faulted.
    fn every_field() -> Value {
        json!({
            "id": "test",
            "title": localized("Title"),
            "source": { "title": localized("Article"), "language": "ar", "published": "2016-09", "url": "https://example.org/", "note": localized("Note") },
            "campaign": { "official_start": "2016-09-24", "election_day": "2016-10-07" },
            "categories": [{ "id": "media", "name": localized("Media") }],
            "parties": [
                {
                    "id": "pjd", "camp": "majority", "name": localized("PJD"), "short_name": localized("PJD"),
                    "nicknames": ["lamp", "justice"], "symbol": localized("Lamp"),
                    "leaders": [{ "name": localized("Leader"), "role": localized("Chief") }],
                    "camp_note": localized("Note"), "extra": { "deep": [1, 2] }
                },
                { "id": "pam", "camp": "opposition", "name": localized("PAM") }
            ],
            "tactics": [{ "id": "web-tv", "category": "media", "name": localized("Web TV") }],
            "facts": [
                {
                    "id": "f-1", "party": "pjd", "tactic": "web-tv", "status": "used", "when": "before_start",
                    "quote": "نص", "text": localized("Text"), "note": localized("Note")
                },
                { "party": "pam", "tactic": "web-tv", "status": "not_used", "quote": "نص", "text": localized("Text") }
            ]
        })
    }

    #[test]
    fn every_fault_anywhere_in_a_small_dataset_gets_the_tracked_path() {
        let compared = compare_every_fault(&every_field(), 1, &[Layout::Compact, Layout::Indented, Layout::Spaced]);
        assert!(compared > 1000, "{compared} documents");
    }

    #[test]
    fn faults_across_the_built_in_dataset_get_the_tracked_path() {
        let built_in: Value = serde_json::from_str(super::super::BUILT_IN_JSON).unwrap();
        let compared = compare_every_fault(&built_in, 29, &[Layout::Indented]);
        assert!(compared > 200, "{compared} documents");
    }

    #[test]
    fn keys_spelled_with_escapes_are_decoded_in_the_path() {
        let mut document = every_field();
        document["tactics"][0]["id"] = json!(5);
        let text = document.to_string().replace(r#""tactics""#, r#""t\u0061ctics""#).replace(r#""id":5"#, r#""\u0069d":5"#);
        assert!(text.contains(r#""t\u0061ctics""#) && text.contains(r#""\u0069d":5"#));
        same_result_as_tracked(&text);
        let errors = parse_and_validate(&text).err().unwrap();
        assert_eq!(errors.first().unwrap().path, "tactics[0].id");
        // Escaped quotes and backslashes inside earlier strings must not be taken for the end of a string.
        let mut document = every_field();
        document["title"] = localized(r#"a "quoted" \ title"#);
        document["facts"][1]["status"] = json!("maybe");
        same_result_as_tracked(&document.to_string());
    }
}
