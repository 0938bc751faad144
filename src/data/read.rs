//! Reads the parsed JSON tree into the dataset's types, naming the path of every value that does not fit.
//!
//! This is the work serde's derives did, written once by hand so the wasm carries no serde
//! (issue #7), and stricter where serde was lenient: a struct must be an object (serde also
//! took the array of its fields in order, so a spreadsheet's rows would load with their
//! columns silently taken by position) and an enum a string (serde also took `{"majority": null}`).
//! Every problem is collected, not only the first, so a newsroom sees them in one go.

use super::{
    CampaignDates, Category, Camp, DatasetError, DatasetErrors, Fact, Leader, Localized, Party, RawDataset, Source, Status, Tactic,
    Timing, quoted,
};
use crate::json::parse::Node;

/// Problems collected before giving up: a document of a million wrong rows would
/// otherwise cost a phone more memory for the messages than for the data.
const MAX_PROBLEMS: usize = 100;

/// Reads a dataset, or says everything that keeps it from being one.
pub(super) fn read_dataset(tree: Node) -> Result<RawDataset, DatasetErrors> {
    if !matches!(tree, Node::Object(_)) {
        return Err(DatasetErrors::single("", format!("the dataset must be a JSON object, found {}", described(&tree))));
    }
    let mut reader = Reader { path: String::new(), problems: Vec::new() };
    let dataset = reader.dataset(tree);
    match dataset {
        Some(dataset) if reader.problems.is_empty() => Ok(dataset),
        _ => {
            if reader.problems.len() >= MAX_PROBLEMS {
                reader.problems.push(DatasetError::new("", format!("checking stopped after {MAX_PROBLEMS} problems")));
            }
            if reader.problems.is_empty() {
                // Every reader that gives up says why first; this keeps the list from ever being empty.
                reader.problems.push(DatasetError::new("", "the dataset could not be read"));
            }
            Err(DatasetErrors(reader.problems))
        }
    }
}

/// An object's members, in document order, repeated keys included.
type Members = Vec<(String, Node)>;

/// Each reading function returns `None` once it has reported why the value does not fit.
type Read<T> = fn(&mut Reader, Node) -> Option<T>;

struct Reader {
    /// Where the value being read is, e.g. `parties[0].name`, spelled like the validation's paths.
    path: String,
    problems: Vec<DatasetError>,
}

impl Reader {
    fn problem(&mut self, message: String) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(DatasetError::new(self.path.clone(), message));
        }
    }

    fn expected(&mut self, what: &str, found: &Node) {
        self.problem(format!("expected {what}, found {}", described(found)));
    }

    /// Takes a member out of an object: `Some(None)` when it is absent, `None` when it is there
    /// twice. Members the model does not know are never taken, so they may repeat too.
    fn take(&mut self, members: &mut Members, name: &str) -> Option<Option<Node>> {
        let mut matching = members.iter_mut().filter(|(key, _)| key == name);
        let first = matching.next().map(|(_, node)| std::mem::replace(node, Node::Null));
        if matching.next().is_some() {
            self.problem(format!("duplicate field `{name}`"));
            return None;
        }
        Some(first)
    }

    /// Points the path at the member `name`, returning the length to truncate it back to.
    fn enter(&mut self, name: &str) -> usize {
        let length = self.path.len();
        if !self.path.is_empty() {
            self.path.push('.');
        }
        self.path.push_str(name);
        length
    }

    /// Runs `read` with the path pointing at the member `name`.
    fn inside<T>(&mut self, name: &str, node: Node, read: Read<T>) -> Option<T> {
        let length = self.enter(name);
        let value = read(self, node);
        self.path.truncate(length);
        value
    }

    /// A member the model cannot do without.
    fn required<T>(&mut self, members: &mut Members, name: &str, read: Read<T>) -> Option<T> {
        match self.take(members, name)? {
            Some(node) => self.inside(name, node, read),
            None => {
                let length = self.enter(name);
                self.problem("is missing".to_owned());
                self.path.truncate(length);
                None
            }
        }
    }

    /// A member that may be absent or null.
    fn optional<T>(&mut self, members: &mut Members, name: &str, read: Read<T>) -> Option<Option<T>> {
        match self.take(members, name)? {
            None | Some(Node::Null) => Some(None),
            Some(node) => self.inside(name, node, read).map(Some),
        }
    }

    /// A list that may be absent, and is then empty; null is not a list.
    fn list<T>(&mut self, members: &mut Members, name: &str, read: Read<Vec<T>>) -> Option<Vec<T>> {
        match self.take(members, name)? {
            None => Some(Vec::new()),
            Some(node) => self.inside(name, node, read),
        }
    }

    fn array<T>(&mut self, node: Node, read_element: Read<T>) -> Option<Vec<T>> {
        let elements = match node {
            Node::Array(elements) => elements,
            other => {
                self.expected("an array", &other);
                return None;
            }
        };
        let mut values = Vec::with_capacity(elements.len());
        let mut complete = true;
        for (position, element) in elements.into_iter().enumerate() {
            if self.problems.len() >= MAX_PROBLEMS {
                return None;
            }
            let length = self.path.len();
            self.path.push('[');
            self.path.push_str(&position.to_string());
            self.path.push(']');
            match read_element(self, element) {
                Some(value) => values.push(value),
                None => complete = false,
            }
            self.path.truncate(length);
        }
        complete.then_some(values)
    }

    fn object(&mut self, node: Node) -> Option<Members> {
        match node {
            Node::Object(members) => Some(members),
            other => {
                self.expected("an object", &other);
                None
            }
        }
    }

    fn string(&mut self, node: Node) -> Option<String> {
        match node {
            Node::String(text) => Some(text),
            other => {
                self.expected("a string", &other);
                None
            }
        }
    }

    /// The position in `spellings` of an enum's value, which must be a string spelled one of those ways.
    fn spelling(&mut self, node: Node, spellings: &[&str]) -> Option<usize> {
        let text = self.string(node)?;
        let position = spellings.iter().position(|spelling| *spelling == text);
        if position.is_none() {
            let mut expected = String::new();
            for (index, spelling) in spellings.iter().enumerate() {
                if index > 0 {
                    expected.push_str(if index + 1 == spellings.len() { " or " } else { ", " });
                }
                expected.push_str(&quoted(spelling));
            }
            self.problem(format!("unknown variant {}, expected {expected}", quoted(&text)));
        }
        position
    }

    fn camp(&mut self, node: Node) -> Option<Camp> {
        let position = self.spelling(node, &Camp::ALL.map(Camp::spelling))?;
        Camp::ALL.get(position).copied()
    }

    fn status(&mut self, node: Node) -> Option<Status> {
        let position = self.spelling(node, &Status::ALL.map(Status::spelling))?;
        Status::ALL.get(position).copied()
    }

    fn timing(&mut self, node: Node) -> Option<Timing> {
        let position = self.spelling(node, &Timing::ALL.map(Timing::spelling))?;
        Timing::ALL.get(position).copied()
    }

    fn strings(&mut self, node: Node) -> Option<Vec<String>> {
        self.array(node, Reader::string)
    }

    // Each struct reads all its members before giving up, so one pass reports every problem in it.

    fn localized(&mut self, node: Node) -> Option<Localized> {
        let mut members = self.object(node)?;
        let ar = self.required(&mut members, "ar", Reader::string);
        let fr = self.required(&mut members, "fr", Reader::string);
        let en = self.required(&mut members, "en", Reader::string);
        Some(Localized { ar: ar?, fr: fr?, en: en? })
    }

    fn source(&mut self, node: Node) -> Option<Source> {
        let mut members = self.object(node)?;
        let title = self.optional(&mut members, "title", Reader::localized);
        let language = self.optional(&mut members, "language", Reader::string);
        let published = self.optional(&mut members, "published", Reader::string);
        let url = self.optional(&mut members, "url", Reader::string);
        let note = self.optional(&mut members, "note", Reader::localized);
        Some(Source { title: title?, language: language?, published: published?, url: url?, note: note? })
    }

    fn campaign(&mut self, node: Node) -> Option<CampaignDates> {
        let mut members = self.object(node)?;
        let official_start = self.optional(&mut members, "official_start", Reader::string);
        let election_day = self.optional(&mut members, "election_day", Reader::string);
        Some(CampaignDates { official_start: official_start?, election_day: election_day? })
    }

    fn category(&mut self, node: Node) -> Option<Category> {
        let mut members = self.object(node)?;
        let id = self.required(&mut members, "id", Reader::string);
        let name = self.required(&mut members, "name", Reader::localized);
        Some(Category { id: id?, name: name? })
    }

    fn leader(&mut self, node: Node) -> Option<Leader> {
        let mut members = self.object(node)?;
        let name = self.required(&mut members, "name", Reader::localized);
        let role = self.optional(&mut members, "role", Reader::localized);
        Some(Leader { name: name?, role: role? })
    }

    fn party(&mut self, node: Node) -> Option<Party> {
        let mut members = self.object(node)?;
        let id = self.required(&mut members, "id", Reader::string);
        let camp = self.required(&mut members, "camp", Reader::camp);
        let name = self.required(&mut members, "name", Reader::localized);
        let short_name = self.optional(&mut members, "short_name", Reader::localized);
        let nicknames = self.list(&mut members, "nicknames", Reader::strings);
        let symbol = self.optional(&mut members, "symbol", Reader::localized);
        let leaders = self.list(&mut members, "leaders", |reader, node| reader.array(node, Reader::leader));
        let camp_note = self.optional(&mut members, "camp_note", Reader::localized);
        Some(Party {
            id: id?,
            camp: camp?,
            name: name?,
            short_name: short_name?,
            nicknames: nicknames?,
            symbol: symbol?,
            leaders: leaders?,
            camp_note: camp_note?,
        })
    }

    fn tactic(&mut self, node: Node) -> Option<Tactic> {
        let mut members = self.object(node)?;
        let id = self.required(&mut members, "id", Reader::string);
        let category = self.required(&mut members, "category", Reader::string);
        let name = self.required(&mut members, "name", Reader::localized);
        Some(Tactic { id: id?, category: category?, name: name? })
    }

    fn fact(&mut self, node: Node) -> Option<Fact> {
        let mut members = self.object(node)?;
        let id = self.optional(&mut members, "id", Reader::string);
        let party = self.required(&mut members, "party", Reader::string);
        let tactic = self.required(&mut members, "tactic", Reader::string);
        let status = self.required(&mut members, "status", Reader::status);
        let when = self.optional(&mut members, "when", Reader::timing);
        let quote = self.required(&mut members, "quote", Reader::string);
        let text = self.required(&mut members, "text", Reader::localized);
        let note = self.optional(&mut members, "note", Reader::localized);
        Some(Fact { id: id?, party: party?, tactic: tactic?, status: status?, when: when?, quote: quote?, text: text?, note: note? })
    }

    fn dataset(&mut self, node: Node) -> Option<RawDataset> {
        let mut members = self.object(node)?;
        let id = self.optional(&mut members, "id", Reader::string);
        let title = self.optional(&mut members, "title", Reader::localized);
        let source = self.optional(&mut members, "source", Reader::source);
        let campaign = self.optional(&mut members, "campaign", Reader::campaign);
        let categories = self.list(&mut members, "categories", |reader, node| reader.array(node, Reader::category));
        let parties = self.required(&mut members, "parties", |reader, node| reader.array(node, Reader::party));
        let tactics = self.required(&mut members, "tactics", |reader, node| reader.array(node, Reader::tactic));
        let facts = self.required(&mut members, "facts", |reader, node| reader.array(node, Reader::fact));
        Some(RawDataset {
            id: id?,
            title: title?,
            source: source?,
            campaign: campaign?,
            categories: categories?,
            parties: parties?,
            tactics: tactics?,
            facts: facts?,
        })
    }
}

/// A JSON value in a few words, for "expected …, found …" messages; long values shortened.
fn described(node: &Node) -> String {
    match node {
        Node::Null => "null".to_owned(),
        Node::Bool(true) => "true".to_owned(),
        Node::Bool(false) => "false".to_owned(),
        Node::Number(text) => {
            // A number may be two megabytes of digits too; its text is ASCII, so bytes are characters.
            const SHOWN_DIGITS: usize = 40;
            let mut described = String::from("the number ");
            described.push_str(text.get(..SHOWN_DIGITS).unwrap_or(text));
            if text.len() > SHOWN_DIGITS {
                described.push('…');
            }
            described
        }
        Node::String(text) => format!("the string {}", quoted(text)),
        Node::Array(_) => "an array".to_owned(),
        Node::Object(_) => "an object".to_owned(),
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
