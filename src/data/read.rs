//! Reads the parsed JSON tree into the dataset's types, naming the path of every value that does not fit.
//!
//! This is the work serde's derives did, written once by hand so the wasm carries no serde
//! (issue #7), and stricter where serde was lenient: a struct must be an object (serde also
//! took the array of its fields in order, so a spreadsheet's rows would load with their
//! columns silently taken by position) and an enum a string (serde also took `{"majority": null}`).
//! Every problem is collected, not only the first, so a newsroom sees them in one go.
//!
//! One routine walks a static table of the schema instead of one function per type: the
//! hand-written functions, each inlining generic helpers, were 14 KB of the wasm (issue #7).
//! It checks the whole tree first; only a tree that fits is then turned into the model's
//! types, by small builders that take the checked values in the table's order.

use super::{
    CampaignDates, Camp, Category, DatasetError, DatasetErrors, Fact, Leader, Localized, Party, RawDataset, Source, Status, Tactic,
    Timing, quoted,
};
use crate::json::parse::Node;
use crate::json::write::push_unsigned;

/// Problems collected before giving up: a document of a million wrong rows would
/// otherwise cost a phone more memory for the messages than for the data.
const MAX_PROBLEMS: usize = 100;

/// What a value must be, as `data/schema.json` says.
enum Shape {
    Text,
    /// An enum: a string spelled one of these ways, read as the position of its spelling.
    Choice(&'static [&'static str]),
    List(&'static Shape),
    /// An object, with the members the model knows in the model's order; others are ignored.
    Record(&'static [Field]),
}

#[derive(Clone, Copy)]
enum MemberPresence {
    Required,
    /// May be absent or null.
    Optional,
    /// A list that may be absent, and is then empty; null is not a list.
    Listed,
}
use MemberPresence::{Listed, Optional, Required};

struct Field {
    name: &'static str,
    presence: MemberPresence,
    shape: Shape,
}

const fn member(name: &'static str, presence: MemberPresence, shape: Shape) -> Field {
    Field { name, presence, shape }
}

// The enums' spellings come from the model, in the order of its `ALL`, so a choice's position is its variant's.
const CAMPS: Shape = Shape::Choice(&[Camp::ALL[0].spelling(), Camp::ALL[1].spelling()]);
const STATUSES: Shape = Shape::Choice(&[Status::ALL[0].spelling(), Status::ALL[1].spelling()]);
const TIMINGS: Shape = Shape::Choice(&[Timing::ALL[0].spelling(), Timing::ALL[1].spelling()]);

const TEXT: Shape = Shape::Text;
const LOCALIZED: Shape = Shape::Record(&[member("ar", Required, TEXT), member("fr", Required, TEXT), member("en", Required, TEXT)]);
const SOURCE: Shape = Shape::Record(&[
    member("title", Optional, LOCALIZED),
    member("language", Optional, TEXT),
    member("published", Optional, TEXT),
    member("url", Optional, TEXT),
    member("note", Optional, LOCALIZED),
]);
const CAMPAIGN: Shape = Shape::Record(&[member("official_start", Optional, TEXT), member("election_day", Optional, TEXT)]);
const CATEGORY: Shape = Shape::Record(&[member("id", Required, TEXT), member("name", Required, LOCALIZED)]);
const LEADER: Shape = Shape::Record(&[member("name", Required, LOCALIZED), member("role", Optional, LOCALIZED)]);
const PARTY: Shape = Shape::Record(&[
    member("id", Required, TEXT),
    member("camp", Required, CAMPS),
    member("name", Required, LOCALIZED),
    member("short_name", Optional, LOCALIZED),
    member("nicknames", Listed, Shape::List(&TEXT)),
    member("symbol", Optional, LOCALIZED),
    member("leaders", Listed, Shape::List(&LEADER)),
    member("camp_note", Optional, LOCALIZED),
]);
const TACTIC: Shape = Shape::Record(&[member("id", Required, TEXT), member("category", Required, TEXT), member("name", Required, LOCALIZED)]);
const FACT: Shape = Shape::Record(&[
    member("id", Optional, TEXT),
    member("party", Required, TEXT),
    member("tactic", Required, TEXT),
    member("status", Required, STATUSES),
    member("when", Optional, TIMINGS),
    member("quote", Required, TEXT),
    member("text", Required, LOCALIZED),
    member("note", Optional, LOCALIZED),
]);
static DATASET: Shape = Shape::Record(&[
    member("id", Optional, TEXT),
    member("title", Optional, LOCALIZED),
    member("source", Optional, SOURCE),
    member("campaign", Optional, CAMPAIGN),
    member("categories", Listed, Shape::List(&CATEGORY)),
    member("parties", Required, Shape::List(&PARTY)),
    member("tactics", Required, Shape::List(&TACTIC)),
    member("facts", Required, Shape::List(&FACT)),
]);

/// Reads a dataset, or says everything that keeps it from being one.
pub(super) fn read_dataset(tree: Node) -> Result<RawDataset, DatasetErrors> {
    if !matches!(tree, Node::Object(_)) {
        let mut message = String::from("the dataset must be a JSON object, found ");
        push_described(&mut message, &tree);
        return Err(DatasetErrors::of_document(message));
    }
    let mut reader = Reader { problems: Vec::new() };
    match reader.read(tree, &DATASET, &Path::Root) {
        Some(value) if reader.problems.is_empty() => Ok(dataset(value)),
        _ => {
            let mut problems = reader.problems;
            if problems.len() >= MAX_PROBLEMS {
                let mut message = String::from("checking stopped after ");
                push_unsigned(&mut message, MAX_PROBLEMS as u64);
                message.push_str(" problems");
                problems.push(DatasetError { path: String::new(), message });
            }
            if problems.is_empty() {
                // Every reader that gives up says why first; this keeps the list from ever being empty.
                problems.push(DatasetError { path: String::new(), message: "the dataset could not be read".to_owned() });
            }
            Err(DatasetErrors(problems))
        }
    }
}

/// Where a value is, as a chain back to the document's root on the stack: spelled out only
/// for a problem, so a valid document costs no path strings.
enum Path<'parent> {
    Root,
    Member(&'parent Path<'parent>, &'static str),
    Element(&'parent Path<'parent>, usize),
}

impl Path<'_> {
    /// Spelled like the validation's paths, e.g. `parties[0].name`.
    fn spell(&self, out: &mut String) {
        match *self {
            Path::Root => {}
            Path::Member(parent, name) => {
                parent.spell(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Path::Element(parent, position) => {
                parent.spell(out);
                out.push('[');
                push_unsigned(out, position as u64);
                out.push(']');
            }
        }
    }
}

/// A value that fits its shape, before it becomes the model's type.
enum Value {
    /// An optional member absent or null, or a list absent.
    Absent,
    Text(String),
    /// The position of an enum's spelling.
    Choice(usize),
    /// A list's elements, or a record's members in its table's order.
    Many(Vec<Value>),
}

struct Reader {
    problems: Vec<DatasetError>,
}

impl Reader {
    fn problem(&mut self, path: &Path, message: String) {
        if self.problems.len() < MAX_PROBLEMS {
            let mut spelled = String::new();
            path.spell(&mut spelled);
            self.problems.push(DatasetError { path: spelled, message });
        }
    }

    /// The value if it fits `shape`; `None` once the reasons it does not are reported.
    fn read(&mut self, node: Node, shape: &Shape, path: &Path) -> Option<Value> {
        match (shape, node) {
            (Shape::Text, Node::String(text)) => Some(Value::Text(text)),
            (Shape::Choice(spellings), Node::String(text)) => {
                let position = spellings.iter().position(|spelling| *spelling == text);
                if position.is_none() {
                    let mut message = String::from("unknown variant ");
                    message.push_str(&quoted(&text));
                    message.push_str(", expected ");
                    for (index, spelling) in spellings.iter().enumerate() {
                        if index > 0 {
                            message.push_str(if index + 1 == spellings.len() { " or " } else { ", " });
                        }
                        message.push_str(&quoted(spelling));
                    }
                    self.problem(path, message);
                }
                position.map(Value::Choice)
            }
            (Shape::List(element_shape), Node::Array(elements)) => {
                let mut values = Vec::with_capacity(elements.len());
                let mut complete = true;
                for (position, element) in elements.into_iter().enumerate() {
                    if self.problems.len() >= MAX_PROBLEMS {
                        return None;
                    }
                    match self.read(element, element_shape, &Path::Element(path, position)) {
                        Some(value) => values.push(value),
                        None => complete = false,
                    }
                }
                complete.then_some(Value::Many(values))
            }
            // Every member is read before giving up, so one pass reports every problem of a record.
            (Shape::Record(fields), Node::Object(mut members)) => {
                let mut values = Vec::with_capacity(fields.len());
                let mut complete = true;
                for field in *fields {
                    // Members the model does not know are never looked at, so they may repeat.
                    let mut found = None;
                    let mut repeated = false;
                    for (key, node) in &mut members {
                        if key == field.name {
                            repeated = found.is_some();
                            if repeated {
                                break;
                            }
                            found = Some(std::mem::replace(node, Node::Null));
                        }
                    }
                    let member_path = Path::Member(path, field.name);
                    let value = match (found, field.presence) {
                        _ if repeated => {
                            let mut message = String::from("duplicate field `");
                            message.push_str(field.name);
                            message.push('`');
                            self.problem(path, message);
                            None
                        }
                        (None, Required) => {
                            self.problem(&member_path, "is missing".to_owned());
                            None
                        }
                        (None, _) | (Some(Node::Null), Optional) => Some(Value::Absent),
                        (Some(node), _) => self.read(node, &field.shape, &member_path),
                    };
                    match value {
                        Some(value) => values.push(value),
                        None => complete = false,
                    }
                }
                complete.then_some(Value::Many(values))
            }
            (shape, other) => {
                let mut message = String::from("expected ");
                message.push_str(match shape {
                    Shape::List(_) => "an array",
                    Shape::Record(_) => "an object",
                    Shape::Text | Shape::Choice(_) => "a string",
                });
                message.push_str(", found ");
                push_described(&mut message, &other);
                self.problem(path, message);
                None
            }
        }
    }
}

/// A JSON value in a few words, for "expected …, found …" messages; long values shortened.
fn push_described(out: &mut String, node: &Node) {
    match node {
        Node::Null => out.push_str("null"),
        Node::Bool(true) => out.push_str("true"),
        Node::Bool(false) => out.push_str("false"),
        Node::Number(text) => {
            // A number may be two megabytes of digits too; its text is ASCII, so bytes are characters.
            const SHOWN_DIGITS: usize = 40;
            out.push_str("the number ");
            out.push_str(text.get(..SHOWN_DIGITS).unwrap_or(text));
            if text.len() > SHOWN_DIGITS {
                out.push('…');
            }
        }
        Node::String(text) => {
            out.push_str("the string ");
            out.push_str(&quoted(text));
        }
        Node::Array(_) => out.push_str("an array"),
        Node::Object(_) => out.push_str("an object"),
    }
}

// The builders below take values the reader has checked against the table, so the defaults they
// fall back on are never used; they only keep the code free of panics.

/// A record's values, taken in its table's order.
struct Fields(std::vec::IntoIter<Value>);

impl Fields {
    fn of(value: Value) -> Fields {
        match value {
            Value::Many(values) => Fields(values.into_iter()),
            _ => Fields(Vec::new().into_iter()),
        }
    }

    /// The next member, `None` when absent or null.
    fn optional(&mut self) -> Option<Value> {
        match self.0.next() {
            None | Some(Value::Absent) => None,
            value => value,
        }
    }

    fn optional_text(&mut self) -> Option<String> {
        match self.0.next() {
            Some(Value::Text(text)) => Some(text),
            _ => None,
        }
    }

    fn text(&mut self) -> String {
        self.optional_text().unwrap_or_default()
    }

    fn optional_localized(&mut self) -> Option<Localized> {
        self.optional().map(localized)
    }

    fn localized(&mut self) -> Localized {
        self.optional_localized().unwrap_or_default()
    }

    fn choice(&mut self) -> Option<usize> {
        match self.0.next() {
            Some(Value::Choice(position)) => Some(position),
            _ => None,
        }
    }

    fn list<T>(&mut self, build: fn(Value) -> T) -> Vec<T> {
        let values = match self.0.next() {
            Some(Value::Many(values)) => values,
            _ => Vec::new(),
        };
        let mut built = Vec::new();
        for value in values {
            built.push(build(value));
        }
        built
    }
}

fn text(value: Value) -> String {
    match value {
        Value::Text(text) => text,
        _ => String::new(),
    }
}

// Struct expressions evaluate their fields in the order written, which is the table's.

fn localized(value: Value) -> Localized {
    let mut fields = Fields::of(value);
    Localized { ar: fields.text(), fr: fields.text(), en: fields.text() }
}

fn source(value: Value) -> Source {
    let mut fields = Fields::of(value);
    Source {
        title: fields.optional_localized(),
        language: fields.optional_text(),
        published: fields.optional_text(),
        url: fields.optional_text(),
        note: fields.optional_localized(),
    }
}

fn campaign(value: Value) -> CampaignDates {
    let mut fields = Fields::of(value);
    CampaignDates { official_start: fields.optional_text(), election_day: fields.optional_text() }
}

fn category(value: Value) -> Category {
    let mut fields = Fields::of(value);
    Category { id: fields.text(), name: fields.localized() }
}

fn leader(value: Value) -> Leader {
    let mut fields = Fields::of(value);
    Leader { name: fields.localized(), role: fields.optional_localized() }
}

fn party(value: Value) -> Party {
    let mut fields = Fields::of(value);
    Party {
        id: fields.text(),
        camp: fields.choice().and_then(|position| Camp::ALL.get(position).copied()).unwrap_or(Camp::Majority),
        name: fields.localized(),
        short_name: fields.optional_localized(),
        nicknames: fields.list(text),
        symbol: fields.optional_localized(),
        leaders: fields.list(leader),
        camp_note: fields.optional_localized(),
    }
}

fn tactic(value: Value) -> Tactic {
    let mut fields = Fields::of(value);
    Tactic { id: fields.text(), category: fields.text(), name: fields.localized() }
}

fn fact(value: Value) -> Fact {
    let mut fields = Fields::of(value);
    Fact {
        id: fields.optional_text(),
        party: fields.text(),
        tactic: fields.text(),
        status: fields.choice().and_then(|position| Status::ALL.get(position).copied()).unwrap_or(Status::Used),
        when: fields.choice().and_then(|position| Timing::ALL.get(position).copied()),
        quote: fields.text(),
        text: fields.localized(),
        note: fields.optional_localized(),
    }
}

// Kept out of `Dataset::from_json`, like `validate`: inlined there, the module is larger (issue #7).
#[inline(never)]
fn dataset(value: Value) -> RawDataset {
    let mut fields = Fields::of(value);
    RawDataset {
        id: fields.optional_text(),
        title: fields.optional_localized(),
        source: fields.optional().map(source),
        campaign: fields.optional().map(campaign),
        categories: fields.list(category),
        parties: fields.list(party),
        tactics: fields.list(tactic),
        facts: fields.list(fact),
    }
}

#[cfg(test)]
mod tests {
    //! Every kind of fault is put at every place of a dataset, and what the reader reports is
    //! compared with what a table written from `data/schema.json` says it must report: the
    //! path of the value at fault, and the message. This replaces the comparison with
    //! serde_path_to_error, the reference while serde still read the model.

    use super::*;
    use crate::json::parse::parse;
    use serde_json::{Value, json};

    #[derive(Clone, Copy, PartialEq)]
    enum Presence {
        Required,
        /// May be absent or null.
        Optional,
        /// A list that may be absent, but not null.
        Listed,
    }
    use Presence::{Listed, Optional, Required};

    /// What the schema says a value must be.
    enum Expect {
        Text,
        Name(&'static [&'static str]),
        List(&'static Expect),
        Object(&'static [(&'static str, Presence, Expect)]),
    }

    const TEXT: Expect = Expect::Text;
    const LOCALIZED: Expect = Expect::Object(&[("ar", Required, TEXT), ("fr", Required, TEXT), ("en", Required, TEXT)]);
    const SOURCE: Expect = Expect::Object(&[
        ("title", Optional, LOCALIZED),
        ("language", Optional, TEXT),
        ("published", Optional, TEXT),
        ("url", Optional, TEXT),
        ("note", Optional, LOCALIZED),
    ]);
    const CAMPAIGN: Expect = Expect::Object(&[("official_start", Optional, TEXT), ("election_day", Optional, TEXT)]);
    const CATEGORY: Expect = Expect::Object(&[("id", Required, TEXT), ("name", Required, LOCALIZED)]);
    const LEADER: Expect = Expect::Object(&[("name", Required, LOCALIZED), ("role", Optional, LOCALIZED)]);
    const PARTY: Expect = Expect::Object(&[
        ("id", Required, TEXT),
        ("camp", Required, Expect::Name(&["majority", "opposition"])),
        ("name", Required, LOCALIZED),
        ("short_name", Optional, LOCALIZED),
        ("nicknames", Listed, Expect::List(&TEXT)),
        ("symbol", Optional, LOCALIZED),
        ("leaders", Listed, Expect::List(&LEADER)),
        ("camp_note", Optional, LOCALIZED),
    ]);
    const TACTIC: Expect = Expect::Object(&[("id", Required, TEXT), ("category", Required, TEXT), ("name", Required, LOCALIZED)]);
    const FACT: Expect = Expect::Object(&[
        ("id", Optional, TEXT),
        ("party", Required, TEXT),
        ("tactic", Required, TEXT),
        ("status", Required, Expect::Name(&["used", "not_used"])),
        ("when", Optional, Expect::Name(&["before_start", "after_start"])),
        ("quote", Required, TEXT),
        ("text", Required, LOCALIZED),
        ("note", Optional, LOCALIZED),
    ]);
    const DATASET: Expect = Expect::Object(&[
        ("id", Optional, TEXT),
        ("title", Optional, LOCALIZED),
        ("source", Optional, SOURCE),
        ("campaign", Optional, CAMPAIGN),
        ("categories", Listed, Expect::List(&CATEGORY)),
        ("parties", Required, Expect::List(&PARTY)),
        ("tactics", Required, Expect::List(&TACTIC)),
        ("facts", Required, Expect::List(&FACT)),
    ]);

    fn describe(value: &Value) -> String {
        match value {
            Value::Null => "null".to_owned(),
            Value::Bool(flag) => flag.to_string(),
            Value::Number(number) => format!("the number {number}"),
            Value::String(text) => format!("the string {}", quoted(text)),
            Value::Array(_) => "an array".to_owned(),
            Value::Object(_) => "an object".to_owned(),
        }
    }

    /// The problems the schema finds in a value, members in the table's order.
    fn expected_problems(value: &Value, expect: &Expect, path: &str, problems: &mut Vec<DatasetError>) {
        let mut fail = |message: String| problems.push(DatasetError::new(path, message));
        match (expect, value) {
            (Expect::Text, Value::String(_)) => {}
            (Expect::Name(spellings), Value::String(text)) => {
                if !spellings.contains(&text.as_str()) {
                    let expected: Vec<String> = spellings.iter().map(|spelling| quoted(spelling)).collect();
                    fail(format!("unknown variant {}, expected {}", quoted(text), expected.join(" or ")));
                }
            }
            (Expect::Text | Expect::Name(_), other) => fail(format!("expected a string, found {}", describe(other))),
            (Expect::List(element), Value::Array(items)) => {
                for (index, item) in items.iter().enumerate() {
                    expected_problems(item, element, &format!("{path}[{index}]"), problems);
                }
            }
            (Expect::List(_), other) => fail(format!("expected an array, found {}", describe(other))),
            (Expect::Object(fields), Value::Object(members)) => {
                for (name, presence, field) in *fields {
                    let field_path = if path.is_empty() { (*name).to_owned() } else { format!("{path}.{name}") };
                    match (members.get(*name), presence) {
                        (None, Required) => problems.push(DatasetError::new(field_path, "is missing")),
                        (None, _) | (Some(Value::Null), Optional) => {}
                        (Some(member), _) => expected_problems(member, field, &field_path, problems),
                    }
                }
            }
            (Expect::Object(_), other) => fail(format!("expected an object, found {}", describe(other))),
        }
    }

    #[derive(Clone, PartialEq)]
    enum Step {
        Key(String),
        Index(usize),
    }

    fn path_of(steps: &[Step]) -> String {
        let mut path = String::new();
        for step in steps {
            match step {
                Step::Key(key) if path.is_empty() => path.push_str(key),
                Step::Key(key) => path = format!("{path}.{key}"),
                Step::Index(index) => path = format!("{path}[{index}]"),
            }
        }
        path
    }

    /// What the schema expects at a place, or `None` under a member it does not know.
    fn expectation_at(steps: &[Step]) -> Option<&'static Expect> {
        let mut expect = &DATASET;
        for step in steps {
            expect = match (expect, step) {
                (Expect::Object(fields), Step::Key(key)) => &fields.iter().find(|(name, _, _)| name == key)?.2,
                (Expect::List(element), Step::Index(_)) => element,
                _ => return None,
            };
        }
        Some(expect)
    }

    enum Fault<'a> {
        Replace(&'a Value),
        Remove,
        Duplicate,
    }

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

    fn problems_read(text: &str) -> Vec<DatasetError> {
        match read_dataset(parse(text).unwrap()) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.0,
        }
    }

    /// How many of the documents compared had their problem at the place of the fault.
    struct Compared {
        documents: usize,
        at_the_fault: usize,
    }

    /// Applies every fault at every `stride`-th place of the document, in each layout, and compares
    /// what the reader reports with what the schema table says.
    fn compare_every_fault(document: &Value, stride: usize, layouts: &[Layout]) -> Compared {
        let mut expected = Vec::new();
        expected_problems(document, &DATASET, "", &mut expected);
        assert!(expected.is_empty() && problems_read(&document.to_string()).is_empty(), "the document itself must be readable");
        let replacements = [
            json!(5),
            json!(-2.5),
            json!("x"),
            json!("used"),
            json!(null),
            json!(true),
            json!([]),
            json!({}),
            json!(["x", 7]),
            json!({ "ar": 5 }),
        ];
        let mut targets = Vec::new();
        places(document, &mut Vec::new(), &mut targets);
        let mut compared = Compared { documents: 0, at_the_fault: 0 };
        for target in targets.iter().skip(1).step_by(stride) {
            let mut faults: Vec<Fault> = replacements.iter().map(Fault::Replace).collect();
            if let Some(Step::Key(_)) = target.last() {
                faults.push(Fault::Remove);
                faults.push(Fault::Duplicate);
            }
            let target_path = path_of(target);
            for fault in &faults {
                for &layout in layouts {
                    let mut text = String::new();
                    write(document, &mut Vec::new(), target, fault, layout, &mut text);
                    let faulted: Value = serde_json::from_str(&text).unwrap();
                    let mut expected = Vec::new();
                    expected_problems(&faulted, &DATASET, "", &mut expected);
                    if let (Fault::Duplicate, Some(Step::Key(key))) = (fault, target.last()) {
                        let parent = &target[..target.len() - 1];
                        let known = matches!(expectation_at(parent), Some(Expect::Object(fields)) if fields.iter().any(|(name, _, _)| name == key));
                        if known {
                            expected.push(DatasetError::new(path_of(parent), format!("duplicate field `{key}`")));
                        }
                    }
                    let found = problems_read(&text);
                    assert_eq!(found, expected, "for the document:\n{text}");
                    compared.documents += 1;
                    if found.first().is_some_and(|problem| problem.path == target_path) {
                        compared.at_the_fault += 1;
                    }
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
    fn every_fault_anywhere_in_a_small_dataset_is_reported_as_the_schema_says() {
        let compared = compare_every_fault(&every_field(), 1, &[Layout::Compact, Layout::Indented, Layout::Spaced]);
        assert!(compared.documents > 3000, "{} documents", compared.documents);
        assert!(compared.at_the_fault > 1000, "{} documents with the problem at the fault", compared.at_the_fault);
    }

    #[test]
    fn faults_across_the_built_in_dataset_are_reported_as_the_schema_says() {
        let built_in: Value = serde_json::from_str(super::super::BUILT_IN_JSON).unwrap();
        // Every 9th place keeps the debug build's run to a few seconds; the small dataset above has every place.
        let compared = compare_every_fault(&built_in, 9, &[Layout::Indented]);
        assert!(compared.documents > 800, "{} documents", compared.documents);
        assert!(compared.at_the_fault > 400, "{} documents with the problem at the fault", compared.at_the_fault);
    }

    #[test]
    fn the_schema_table_of_these_tests_lists_the_schema_files_enums() {
        let schema: Value = serde_json::from_str(include_str!("../../data/schema.json")).unwrap();
        let enums = [
            (&schema["properties"]["parties"]["items"]["properties"]["camp"]["enum"], "parties", "camp"),
            (&schema["properties"]["facts"]["items"]["properties"]["status"]["enum"], "facts", "status"),
            (&schema["properties"]["facts"]["items"]["properties"]["when"]["enum"], "facts", "when"),
        ];
        for (listed, collection, field) in enums {
            let steps = [Step::Key(collection.to_owned()), Step::Index(0), Step::Key(field.to_owned())];
            let Some(Expect::Name(spellings)) = expectation_at(&steps) else { panic!("{collection}[].{field} is not an enum") };
            assert_eq!(listed, &json!(spellings), "{collection}[].{field}");
        }
    }

    fn problems_of(document: &Value) -> Vec<String> {
        problems_read(&document.to_string()).iter().map(ToString::to_string).collect()
    }

    #[test]
    fn every_problem_of_one_pass_is_reported() {
        let mut document = every_field();
        document["parties"][0]["camp"] = json!("centre");
        document["parties"][0]["name"].as_object_mut().unwrap().remove("fr");
        document["parties"][1]["nicknames"] = json!(null);
        document["facts"][1]["status"] = json!(true);
        document["facts"][1]["text"] = json!("Text");
        assert_eq!(
            problems_of(&document),
            [
                r#"parties[0].camp: unknown variant "centre", expected "majority" or "opposition""#,
                "parties[0].name.fr: is missing",
                "parties[1].nicknames: expected an array, found null",
                "facts[1].status: expected a string, found true",
                r#"facts[1].text: expected an object, found the string "Text""#,
            ]
        );
    }

    #[test]
    fn keys_spelled_with_escapes_are_decoded_in_the_path() {
        let mut document = every_field();
        document["tactics"][0]["id"] = json!(5);
        let text = document.to_string().replace(r#""tactics""#, r#""t\u0061ctics""#).replace(r#""id":5"#, r#""\u0069d":5"#);
        assert!(text.contains(r#""t\u0061ctics""#) && text.contains(r#""\u0069d":5"#));
        assert_eq!(problems_read(&text), [DatasetError::new("tactics[0].id", "expected a string, found the number 5")]);
    }

    #[test]
    fn a_repeated_unknown_member_is_welcome_and_a_repeated_known_one_is_not() {
        let text = every_field().to_string();
        let unknown = text.replacen(r#""extra":"#, r#""extra":1,"extra":"#, 1);
        assert!(problems_read(&unknown).is_empty());
        let known = text.replacen(r#""official_start":"#, r#""official_start":null,"official_start":"#, 1);
        assert_eq!(problems_read(&known), [DatasetError::new("campaign", "duplicate field `official_start`")]);
    }

    #[test]
    fn long_values_are_shortened_in_messages() {
        let mut document = every_field();
        document["facts"][0]["when"] = json!("w".repeat(100_000));
        document["parties"][0]["id"] = Value::Number(serde_json::Number::from_f64(1e300).unwrap());
        let long_number = format!("0.{}1", "0".repeat(100_000));
        let text = document.to_string().replacen(r#""quote":"نص""#, &format!(r#""quote":{long_number}"#), 1);
        let problems: Vec<String> = problems_read(&text).iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            [
                "parties[0].id: expected a string, found the number 1e+300".to_owned(),
                format!(r#"facts[0].when: unknown variant "{}…", expected "before_start" or "after_start""#, "w".repeat(40)),
                format!("facts[0].quote: expected a string, found the number 0.{}…", "0".repeat(38)),
            ]
        );
    }

    #[test]
    fn reading_stops_after_a_hundred_problems_and_says_so() {
        let mut document = every_field();
        document["facts"] = json!(vec![json!(1); 5000]);
        let problems = problems_read(&document.to_string());
        assert_eq!(problems.len(), MAX_PROBLEMS + 1);
        assert_eq!(problems[99], DatasetError::new("facts[99]", "expected an object, found the number 1"));
        assert_eq!(problems[100], DatasetError::new("", "checking stopped after 100 problems"));
    }

    #[test]
    fn a_document_that_is_not_an_object_is_named_in_words() {
        for (text, found) in [("[1]", "an array"), ("-2.5e3", "the number -2.5e3"), (r#""a\nb""#, r#"the string "a\nb""#), ("false", "false")] {
            let errors = read_dataset(parse(text).unwrap()).unwrap_err();
            assert_eq!(errors.0, [DatasetError::new("", format!("the dataset must be a JSON object, found {found}"))]);
        }
    }
}
