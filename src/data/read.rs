//! Reads a dataset through serde into the model, and turns serde's verdict into a plain sentence
//! that names the path of the value at fault.
//!
//! The same function reads a JavaScript value in the browser (serde-wasm-bindgen) and JSON text
//! natively (serde_json); serde_path_to_error tracks where the deserializer was when it failed.
//! serde stops at the first value that does not fit the model, so this reports one problem; the
//! checks of `validate`, which run on a dataset that fits, report every problem at once.

use serde::{Deserialize, Deserializer};
use serde_path_to_error::Segment;

use super::{DatasetError, RawDataset, quoted};

/// Reads a dataset, or gives the path where it stopped and the deserializer's error, for the caller
/// to tell a syntax error of JSON text (which says where in the text) from a value that does not fit.
pub(super) fn read_dataset<'de, D>(deserializer: D) -> Result<RawDataset, (String, D::Error)>
where
    D: Deserializer<'de>,
{
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let mut path = String::new();
        for segment in error.path() {
            match segment {
                Segment::Seq { index } => path.push_str(&format!("[{index}]")),
                Segment::Map { key } => push_member(&mut path, key),
                Segment::Enum { variant } => push_member(&mut path, variant),
                Segment::Unknown => push_member(&mut path, "?"),
            }
        }
        (path, error.into_inner())
    })
}

fn push_member(path: &mut String, name: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(name);
}

/// serde's own wording, which names Rust types (`invalid type: integer `5`, expected struct
/// Localized`), said in the terms of a JSON document: `expected an object, found the number 5`.
/// serde's messages are stable: they are written by serde's `de::Error` defaults, which both
/// deserializers use.
pub(super) fn explain(mut path: String, message: &str) -> DatasetError {
    // serde-wasm-bindgen's errors are JavaScript `Error`s, written with the name before the message.
    let message = without_position(message.strip_prefix("Error: ").unwrap_or(message));
    let sentence = if let Some(field) = message.strip_prefix("missing field `").and_then(|rest| rest.strip_suffix('`')) {
        push_member(&mut path, field);
        "is missing".to_owned()
    } else if let Some(field) = message.strip_prefix("duplicate field `").and_then(|rest| rest.strip_suffix('`')) {
        format!("has the member {} twice", quoted(field))
    } else if let Some((found, expected)) = message.strip_prefix("invalid type: ").and_then(|rest| rest.rsplit_once(", expected ")) {
        format!("expected {}, found {}", expected_in_words(expected), found_in_words(found))
    } else if let Some((_, expected)) = message.strip_prefix("invalid length ").and_then(|rest| rest.rsplit_once(", expected ")) {
        // A struct read from an array (serde takes its fields in order), or an enum from an object.
        if expected.starts_with("struct ") { "expected an object, found an array" } else { "expected a string, found an object" }.to_owned()
    } else {
        message.to_owned()
    };
    DatasetError { path, message: sentence }
}

/// serde_json ends a message with where it stopped in the text, which the path already says.
fn without_position(message: &str) -> &str {
    let Some((before, place)) = message.rsplit_once(" at line ") else { return message };
    let Some((line, column)) = place.split_once(" column ") else { return message };
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit());
    if digits(line) && digits(column) { before } else { message }
}

fn expected_in_words(expected: &str) -> &str {
    match expected {
        "a sequence" => "an array",
        _ if expected.starts_with("struct ") || expected == "a map" => "an object",
        _ => expected,
    }
}

/// A value as serde's `Unexpected` writes it, in a few words; long strings shortened.
fn found_in_words(found: &str) -> String {
    const SHOWN_CHARS: usize = 40;
    let number = |text: &str| {
        let digits = text.trim_matches('`');
        // JavaScript has one number type: serde-wasm-bindgen reports 5 as the float 5.0.
        format!("the number {}", digits.strip_suffix(".0").unwrap_or(digits))
    };
    if let Some(text) = found.strip_prefix("string ") {
        // Written with Rust's debug quoting: shortened the way `quoted` shortens.
        if text.chars().count() <= SHOWN_CHARS + 2 {
            return format!("the string {text}");
        }
        let shown: String = text.chars().take(SHOWN_CHARS + 1).collect();
        return format!("the string {shown}…\"");
    }
    if let Some(value) = found.strip_prefix("integer ").or_else(|| found.strip_prefix("floating point ")) {
        return number(value);
    }
    match found {
        "null" | "unit value" => "null".to_owned(),
        "boolean `true`" => "true".to_owned(),
        "boolean `false`" => "false".to_owned(),
        "sequence" => "an array".to_owned(),
        "map" => "an object".to_owned(),
        "number" => "a number".to_owned(),
        other => other.to_owned(),
    }
}

/// Reads a dataset's enums (camp, status, timing) from a string only, and says which spellings are
/// accepted: serde's own enum reading would also take `{"majority": null}`, which the schema refuses.
pub(super) fn spelled<'de, D, T>(deserializer: D, all: &[T], spelling: fn(T) -> &'static str) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Copy,
{
    let text = String::deserialize(deserializer)?;
    match all.iter().copied().find(|value| spelling(*value) == text) {
        Some(value) => Ok(value),
        None => {
            let mut known: Vec<String> = all.iter().map(|value| quoted(spelling(*value))).collect();
            let last = known.pop().unwrap_or_default();
            let expected = if known.is_empty() { last } else { format!("{} or {last}", known.join(", ")) };
            Err(serde::de::Error::custom(format!("expected {expected}, found {}", quoted(&text))))
        }
    }
}

/// A record of the dataset (a party, a localized text…) read from a JSON object only. serde's
/// derive would also take the array of its fields in order, so a spreadsheet's rows written as
/// arrays would load with their columns silently taken by position. In the browser the derive's
/// own reading already refuses them: serde-wasm-bindgen looks a struct's fields up by name.
struct Object<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    // Also in the newsroom builder's wasm, which reads JSON text with serde_json as the command line does.
    #[cfg(any(not(target_arch = "wasm32"), feature = "spreadsheet"))]
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Object<T>, D::Error> {
        struct ObjectVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for ObjectVisitor<T> {
            type Value = T;
            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            }
        }
        deserializer.deserialize_map(ObjectVisitor(std::marker::PhantomData)).map(Object)
    }

    #[cfg(all(target_arch = "wasm32", not(feature = "spreadsheet")))]
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Object<T>, D::Error> {
        T::deserialize(deserializer).map(Object)
    }
}

pub(super) fn object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<T, D::Error> {
    Object::deserialize(deserializer).map(|Object(value)| value)
}

/// An optional record: absent or null is `None`.
pub(super) fn optional_object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
    Option::<Object<T>>::deserialize(deserializer).map(|value| value.map(|Object(value)| value))
}

pub(super) fn objects<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
    list::<D, Object<T>>(deserializer).map(|values| values.into_iter().map(|Object(value)| value).collect())
}

/// A list (parties, nicknames…). In the browser read by the value's kind first: serde-wasm-bindgen's own
/// list reading answers a string or a number with a JavaScript `TypeError` instead of saying what it is.
pub(super) fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
    #[cfg(target_arch = "wasm32")]
    {
        struct ListVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for ListVisitor<T> {
            type Value = Vec<T>;
            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("a sequence")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut items: A) -> Result<Vec<T>, A::Error> {
                let mut values = Vec::new();
                while let Some(value) = items.next_element()? {
                    values.push(value);
                }
                Ok(values)
            }
        }
        deserializer.deserialize_any(ListVisitor(std::marker::PhantomData))
    }
    #[cfg(not(target_arch = "wasm32"))]
    Vec::deserialize(deserializer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_wording_becomes_a_plain_sentence() {
        let cases = [
            ("facts[0]", "missing field `quote`", "facts[0].quote", "is missing"),
            ("", "missing field `parties` at line 1 column 2", "parties", "is missing"),
            ("campaign", "duplicate field `official_start` at line 3 column 20", "campaign", r#"has the member "official_start" twice"#),
            ("tactics[0].id", "invalid type: integer `5`, expected a string at line 1 column 9", "tactics[0].id", "expected a string, found the number 5"),
            ("tactics[0].id", "invalid type: floating point `5.0`, expected a string", "tactics[0].id", "expected a string, found the number 5"),
            ("facts[0].text.ar", "invalid type: floating point `3.5`, expected a string", "facts[0].text.ar", "expected a string, found the number 3.5"),
            ("parties[0].name", "invalid type: string \"PJD\", expected struct Localized", "parties[0].name", r#"expected an object, found the string "PJD""#),
            ("parties[0]", "invalid type: null, expected struct Party", "parties[0]", "expected an object, found null"),
            ("parties[0]", "invalid type: unit value, expected struct Party", "parties[0]", "expected an object, found null"),
            ("facts[1].status", "invalid type: boolean `true`, expected a string", "facts[1].status", "expected a string, found true"),
            ("parties", "invalid type: map, expected a sequence", "parties", "expected an array, found an object"),
            ("parties[1]", "invalid length 3, expected struct Party with 8 elements", "parties[1]", "expected an object, found an array"),
            ("parties", "Error: invalid type: string \"none\", expected a sequence", "parties", r#"expected an array, found the string "none""#),
        ];
        for (path, message, expected_path, expected_message) in cases {
            assert_eq!(explain(path.to_owned(), message), DatasetError::new(expected_path, expected_message), "{message}");
        }
    }

    #[test]
    fn a_long_string_is_shortened_and_a_position_like_text_inside_a_value_is_kept() {
        let long = format!("invalid type: string {:?}, expected struct Localized", "x".repeat(500));
        assert_eq!(explain(String::new(), &long).message, format!("expected an object, found the string \"{}…\"", "x".repeat(40)));
        let tricky = "expected \"a\" or \"b\", found \"at line 1 column 2\"";
        assert_eq!(explain(String::new(), tricky).message, tricky);
    }
}
