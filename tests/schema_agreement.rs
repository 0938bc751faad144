//! Checks that `data/schema.json`, read by a standard JSON Schema validator, and the widget's own
//! validation give the same verdict on every small mutation of the built-in dataset.
//!
//! A newsroom validates its file against the published schema before giving it to the widget; if
//! the two disagree, a file that passes the schema is refused on the page, or the widget draws one
//! the schema calls broken. The only rules allowed to differ are the cross-references JSON Schema
//! cannot express, listed in `CROSS_REFERENCES` and named in the schema's descriptions.

use boon::{Compiler, Schemas, SchemaIndex};
use campaign_explainer::data::{BUILT_IN_JSON, Dataset};
use serde_json::{Map, Value, json};

const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/schema.json");

/// Rules only the widget can check, as the start of its message, with the words of the schema's
/// descriptions that tell a newsroom about them. A mutation may be refused by the widget alone
/// only when every message it gets is one of these.
const CROSS_REFERENCES: &[(&str, &str)] = &[
    ("unknown party ", "The `id` of one of `parties`"),
    ("unknown tactic ", "The `id` of one of `tactics`"),
    ("unknown category ", "the `id` of one of `categories` when that list is given"),
    ("duplicate id ", "Ids must be unique within their list"),
    ("a second fact for party ", "at most one fact may exist per party and tactic"),
    ("election day ", "`election_day` must not be before `official_start`"),
    ("expected a real date", "must be a real day"),
];

/// Disagreements known and waiting, as a path with `[*]` for any position, a mutation, and why. Each
/// must still occur, so an entry is removed as soon as its cause is.
const PENDING: &[(&str, &str, &str)] = &[];

#[derive(Clone)]
enum Step {
    Member(String),
    Item(usize),
}

/// Spelled as the widget spells paths, e.g. `parties[2].leaders[0].name.fr`.
fn spell(path: &[Step]) -> String {
    let mut spelled = String::new();
    for step in path {
        match step {
            Step::Member(name) if spelled.is_empty() => spelled.push_str(name),
            Step::Member(name) => {
                spelled.push('.');
                spelled.push_str(name);
            }
            Step::Item(index) => spelled.push_str(&format!("[{index}]")),
        }
    }
    spelled
}

/// The path with every position spelled `[*]`, as `PENDING` lists them.
fn spell_pattern(path: &[Step]) -> String {
    let mut spelled = spell(path);
    for index in (0..=99).rev() {
        spelled = spelled.replace(&format!("[{index}]"), "[*]");
    }
    spelled
}

enum Change {
    Remove,
    Set(Value),
    /// An unknown member added to the object at the path, which both must welcome.
    AddMember,
}

struct Mutation {
    path: Vec<Step>,
    label: &'static str,
    change: Change,
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// The mutations of one object member, or of one string in a list (a nickname), whose value is `value`.
fn value_mutations(path: &[Step], value: &Value, out: &mut Vec<Mutation>) {
    let mut push = |label, change| out.push(Mutation { path: path.to_vec(), label, change });
    if matches!(path.last(), Some(Step::Member(_))) {
        push("removed", Change::Remove);
    }
    push("set to null", Change::Set(Value::Null));
    let wrong_types: [(&str, &str, Value); 5] = [
        ("number", "set to a number", json!(42)),
        ("boolean", "set to a boolean", json!(true)),
        ("string", "set to a string", json!("text")),
        ("array", "set to an array", json!([])),
        ("object", "set to an object", json!({})),
    ];
    for (type_name, label, wrong) in wrong_types {
        if type_name != kind(value) {
            push(label, Change::Set(wrong));
        }
    }
    match value {
        Value::String(_) => {
            push("set to an empty string", Change::Set(json!("")));
            push("set to a blank string", Change::Set(json!("  ")));
            push("set to a 5,000-character string", Change::Set(json!("x".repeat(5000))));
        }
        Value::Array(_) => push("set to an empty array", Change::Set(json!([]))),
        Value::Object(_) => push("set to an empty object", Change::Set(json!({}))),
        _ => {}
    }
}

fn collect(value: &Value, path: &mut Vec<Step>, out: &mut Vec<Mutation>) {
    match value {
        Value::Object(members) => {
            out.push(Mutation { path: path.clone(), label: "given an unknown member", change: Change::AddMember });
            for (name, member) in members {
                path.push(Step::Member(name.clone()));
                value_mutations(path, member, out);
                collect(member, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                path.push(Step::Item(index));
                // Entries that are objects are changed member by member; removing or replacing one
                // whole would only test the reader's types, and would break the facts' references.
                if !item.is_object() {
                    value_mutations(path, item, out);
                }
                collect(item, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn at<'a>(document: &'a mut Value, path: &[Step]) -> &'a mut Value {
    path.iter().fold(document, |value, step| match step {
        Step::Member(name) => &mut value[name.as_str()],
        Step::Item(index) => &mut value[*index],
    })
}

fn apply(document: &Value, mutation: &Mutation) -> Value {
    let mut mutated = document.clone();
    match &mutation.change {
        Change::AddMember => {
            let object = at(&mut mutated, &mutation.path).as_object_mut().expect("an object");
            object.insert("added_by_a_newsroom".to_owned(), json!({ "any": ["value", 1, null] }));
        }
        Change::Set(value) => *at(&mut mutated, &mutation.path) = value.clone(),
        Change::Remove => {
            let (Some(Step::Member(name)), parent) = (mutation.path.last(), &mutation.path[..mutation.path.len() - 1]) else {
                panic!("only object members are removed");
            };
            let object: &mut Map<String, Value> = at(&mut mutated, parent).as_object_mut().expect("an object");
            object.remove(name);
        }
    }
    mutated
}

fn compile_schema() -> (Schemas, SchemaIndex) {
    let mut schemas = Schemas::new();
    let mut compiler = Compiler::new();
    let index = compiler.compile(SCHEMA_PATH, &mut schemas).unwrap_or_else(|error| panic!("{error:#}"));
    (schemas, index)
}

fn built_in() -> Value {
    serde_json::from_str(BUILT_IN_JSON).expect("the built-in dataset is JSON")
}

#[test]
fn the_built_in_dataset_is_valid_for_both() {
    let (schemas, index) = compile_schema();
    let document = built_in();
    if let Err(error) = schemas.validate(&document, index) {
        panic!("{error}");
    }
    if let Err(errors) = Dataset::from_json(BUILT_IN_JSON) {
        panic!("{}", errors.describe());
    }
}

#[test]
fn every_cross_reference_the_widget_alone_checks_is_named_in_the_schema() {
    let schema = std::fs::read_to_string(SCHEMA_PATH).expect("data/schema.json");
    for (rule, words) in CROSS_REFERENCES {
        assert!(schema.contains(words), "the schema's descriptions should say {words:?}, the rule behind the widget's {rule:?}");
    }
}

#[test]
fn the_schema_and_the_widget_agree_on_every_mutation_of_the_built_in_dataset() {
    let (schemas, index) = compile_schema();
    let document = built_in();
    let mut mutations = Vec::new();
    collect(&document, &mut Vec::new(), &mut mutations);
    let mut disagreements = Vec::new();
    let mut cross_references = 0;
    let mut pending = vec![0; PENDING.len()];
    for mutation in &mutations {
        let mutated = apply(&document, mutation);
        let schema_verdict = schemas.validate(&mutated, index).map_err(|error| {
            // Without boon's first line, which names the schema file on every row.
            let message = error.to_string().replace('\n', " ");
            message.split_once(" - ").map_or(message.clone(), |(_, causes)| causes.to_owned())
        });
        let text = serde_json::to_string(&mutated).expect("serializable");
        let widget_verdict = Dataset::from_json(&text).map(|_| ()).map_err(|errors| errors.describe().replace('\n', "; "));
        match (&schema_verdict, &widget_verdict) {
            (Ok(()), Ok(())) | (Err(_), Err(_)) => {}
            (Ok(()), Err(_))
                if Dataset::from_json(&text).err().is_some_and(|errors| {
                    errors.0.iter().all(|error| CROSS_REFERENCES.iter().any(|(rule, _)| error.message.starts_with(rule)))
                }) =>
            {
                cross_references += 1;
            }
            (Err(_), Ok(())) if PENDING.iter().any(|(path, label, _)| *label == mutation.label && *path == spell_pattern(&mutation.path)) => {
                let entry = PENDING.iter().position(|(path, label, _)| *label == mutation.label && *path == spell_pattern(&mutation.path));
                pending[entry.unwrap_or_default()] += 1;
            }
            _ => disagreements.push(format!(
                "{} {}: schema {}, widget {}",
                spell(&mutation.path),
                mutation.label,
                match &schema_verdict {
                    Ok(()) => "accepts".to_owned(),
                    Err(message) => format!("rejects ({message})"),
                },
                match &widget_verdict {
                    Ok(()) => "accepts".to_owned(),
                    Err(message) => format!("rejects ({message})"),
                },
            )),
        }
    }
    eprintln!(
        "{} mutations: {} disagreements, {} differing only by a cross-reference, {pending:?} pending",
        mutations.len(),
        disagreements.len(),
        cross_references
    );
    assert!(mutations.len() > 1000, "only {} mutations: is the built-in dataset whole?", mutations.len());
    for ((path, label, _), count) in PENDING.iter().zip(&pending) {
        assert!(*count > 0, "{path} {label} no longer disagrees: remove it from PENDING");
    }
    assert!(
        disagreements.is_empty(),
        "{} of {} mutations get different verdicts ({} more differ only by a cross-reference):\n{}",
        disagreements.len(),
        mutations.len(),
        cross_references,
        disagreements.join("\n")
    );
}

/// Verdicts of both on `document` with `value` at `path` (members only).
fn verdicts(schemas: &Schemas, index: SchemaIndex, path: &[&str], value: &Value) -> (bool, Result<(), String>) {
    let mut document = built_in();
    let steps: Vec<Step> = path.iter().map(|name| Step::Member((*name).to_owned())).collect();
    *at(&mut document, &steps) = value.clone();
    let widget = Dataset::from_json(&document.to_string()).map(|_| ()).map_err(|errors| errors.describe());
    (schemas.validate(&document, index).is_ok(), widget)
}

#[test]
fn both_agree_on_the_source_and_campaign_values_the_built_in_dataset_does_not_hold() {
    let (schemas, index) = compile_schema();
    let cases: &[(&[&str], Value, bool)] = &[
        (&["source", "url"], json!("https://example.org/article?id=1"), true),
        (&["source", "url"], json!("http://example.org"), true),
        (&["source", "url"], json!("https://"), false),
        (&["source", "url"], json!("javascript:alert(1)"), false),
        (&["source", "url"], json!("https://example.org/a b"), false),
        (&["source", "url"], json!(format!("https://{}", "x".repeat(2000))), false),
        (&["source", "url"], json!(null), true),
        (&["source", "url"], json!(7), false),
        (&["source", "language"], json!("fr-MA"), true),
        (&["source", "language"], json!("zh-Hant-TW"), true),
        (&["source", "language"], json!("arabic"), false),
        (&["source", "language"], json!("fr_MA"), false),
        (&["source", "language"], json!("fr-"), false),
        (&["source", "published"], json!("2016"), true),
        (&["source", "published"], json!("2016-09-24"), true),
        (&["source", "published"], json!("2016-13"), false),
        (&["source", "published"], json!("2016-9"), false),
        (&["source", "published"], json!("2016-09-32"), false),
        (&["source", "published"], json!("24/09/2016"), false),
        (&["campaign", "official_start"], json!("2016-9-24"), false),
        (&["campaign", "official_start"], json!("2016-00-24"), false),
        (&["campaign", "official_start"], json!("2016-09-24T00:00"), false),
    ];
    let mut disagreements = Vec::new();
    for (path, value, valid) in cases {
        let (schema, widget) = verdicts(&schemas, index, path, value);
        if schema != *valid || widget.is_ok() != *valid {
            disagreements.push(format!("{} = {value}: expected valid {valid}, schema {schema}, widget {widget:?}", path.join(".")));
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}

#[test]
fn a_real_day_is_the_widgets_to_check_and_says_so() {
    let (schemas, index) = compile_schema();
    for path in [&["source", "published"][..], &["campaign", "election_day"]] {
        let (schema, widget) = verdicts(&schemas, index, path, &json!("2016-02-30"));
        assert!(schema, "the schema's pattern lets 2016-02-30 through");
        assert_eq!(widget, Err(format!("{}: expected a real date, found \"2016-02-30\"", path.join("."))));
    }
}

#[test]
fn the_widgets_messages_name_the_path_and_the_value() {
    let mut document = built_in();
    document["parties"][2]["leaders"][0]["name"]["fr"] = json!("");
    document["parties"][0]["nicknames"][0] = json!("n".repeat(121));
    document["title"]["en"] = json!(" ");
    document["source"]["language"] = json!("arabic");
    let errors = Dataset::from_json(&document.to_string()).expect_err("four problems");
    let messages: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
    let long = format!("\"{}…\"", "n".repeat(40));
    assert_eq!(
        messages,
        [
            "title.en: must not be empty, found \" \"".to_owned(),
            "source.language: expected a language tag such as \"ar\" or \"fr-MA\", found \"arabic\"".to_owned(),
            format!("parties[0].nicknames[0]: is 121 characters long, more than the 120 allowed: {long}"),
            "parties[2].leaders[0].name.fr: must not be empty, found \"\"".to_owned(),
        ]
    );
}
