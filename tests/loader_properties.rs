//! Property tests: whatever text `Dataset::from_json` is fed, it returns instead
//! of panicking, and on any dataset it accepts, the comparisons keep their laws.
//!
//! 256 cases per property by default; set PROPTEST_CASES to run more or fewer.

use std::sync::OnceLock;

use campaign_explainer::compare::{self, PartyIndex};
use campaign_explainer::data::{BUILT_IN_JSON, Dataset, Status};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::TestCaseError;
use serde_json::{Map, Value, json};

mod common;
use common::localized;

/// Words the grammar draws from: the model's own field names and values, so
/// generated documents get past the parser into the validation rules.
const WORDS: &[&str] = &[
    "id", "parties", "tactics", "facts", "categories", "camp", "name", "short_name", "ar", "fr", "en", "category",
    "party", "tactic", "status", "when", "quote", "text", "note", "leaders", "role", "majority", "opposition",
    "used", "not_used", "before_start", "after_start", "pjd", "pam", "web-tv", "media", "", " ", "PJD", "-x",
    "حزب", "\u{0}", "\u{feff}", "\\", "\"",
];

const TOKENS: &[&str] = &[
    "{", "}", "[", "]", ":", ",", "\"", "null", "true", "false", "0", "-1", "1e999", "0.5", "\"parties\"",
    "\"tactics\"", "\"facts\"", "\"id\"", "\"name\"", "\"camp\"", "\"majority\"", "\"status\"", "\"used\"",
    "\"ar\"", "\"fr\"", "\"en\"", "\"pjd\"", " ", "\n", "\\u", "\\", "\u{feff}", "ب",
];

fn word() -> impl Strategy<Value = String> {
    prop::sample::select(WORDS).prop_map(str::to_owned)
}

/// Any JSON value, nested a few levels, with keys and strings from `WORDS`.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|number| json!(number)),
        any::<f64>().prop_map(|number| serde_json::Number::from_f64(number).map_or(Value::Null, Value::Number)),
        word().prop_map(Value::String),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((word(), inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect::<Map<String, Value>>())),
        ]
    })
}

/// The cell of a generated dataset: no fact, or a fact whose status is `used`
/// when true and whose timing is `before_start` when true, `after_start` when false.
type Cell = Option<(bool, Option<bool>)>;

fn cell() -> impl Strategy<Value = Cell> {
    prop::option::weighted(0.6, (any::<bool>(), prop::option::of(any::<bool>())))
}

/// A valid dataset's pieces: camps, each tactic's category, and the fact matrix.
#[derive(Clone, Debug)]
struct Plan {
    camps: Vec<bool>,
    category_count: usize,
    tactic_categories: Vec<usize>,
    cells: Vec<Vec<Cell>>,
    /// Declares the categories rather than letting them be derived from the tactics.
    declare_categories: bool,
}

fn plan() -> impl Strategy<Value = Plan> {
    (1usize..7, 1usize..9, 1usize..4, any::<bool>(), any::<bool>())
        .prop_flat_map(|(parties, tactics, category_count, declare_categories, copy_first_party)| {
            (
                prop::collection::vec(any::<bool>(), parties),
                prop::collection::vec(0..category_count, tactics),
                prop::collection::vec(prop::collection::vec(cell(), tactics), parties),
                Just(category_count),
                Just(declare_categories),
                Just(copy_first_party),
            )
        })
        .prop_map(|(camps, tactic_categories, mut cells, category_count, declare_categories, copy_first_party)| {
            // Identical rows are rare by chance; copying one makes "identical used sets" a tested case.
            if copy_first_party && cells.len() > 1 {
                let first = cells[0].clone();
                cells[1] = first;
            }
            Plan { camps, category_count, tactic_categories, cells, declare_categories }
        })
}

fn plan_to_json(plan: &Plan) -> Value {
    let parties: Vec<Value> = plan
        .camps
        .iter()
        .enumerate()
        .map(|(party, &majority)| {
            json!({ "id": format!("party-{party}"), "camp": if majority { "majority" } else { "opposition" }, "name": localized("P") })
        })
        .collect();
    let tactics: Vec<Value> = plan
        .tactic_categories
        .iter()
        .enumerate()
        .map(|(tactic, category)| json!({ "id": format!("tactic-{tactic}"), "category": format!("category-{category}"), "name": localized("T") }))
        .collect();
    let mut facts = Vec::new();
    for (party, row) in plan.cells.iter().enumerate() {
        for (tactic, cell) in row.iter().enumerate() {
            if let Some((used, when)) = cell {
                let mut fact = json!({
                    "party": format!("party-{party}"),
                    "tactic": format!("tactic-{tactic}"),
                    "status": if *used { "used" } else { "not_used" },
                    "quote": "q",
                    "text": localized("t"),
                });
                if let Some(before) = when {
                    fact["when"] = json!(if *before { "before_start" } else { "after_start" });
                }
                facts.push(fact);
            }
        }
    }
    let mut dataset = json!({ "parties": parties, "tactics": tactics, "facts": facts });
    if plan.declare_categories {
        let categories: Vec<Value> = (0..plan.category_count)
            .map(|category| json!({ "id": format!("category-{category}"), "name": localized("C") }))
            .collect();
        dataset["categories"] = json!(categories);
    }
    dataset
}

/// Replaces the `target`-th node (in pre-order) of a tree by `replacement`.
fn replace_node(tree: &mut Value, target: &mut usize, replacement: &Value) -> bool {
    if *target == 0 {
        *tree = replacement.clone();
        return true;
    }
    *target -= 1;
    match tree {
        Value::Array(elements) => elements.iter_mut().any(|element| replace_node(element, target, replacement)),
        Value::Object(members) => members.values_mut().any(|member| replace_node(member, target, replacement)),
        _ => false,
    }
}

fn count_nodes(tree: &Value) -> usize {
    1 + match tree {
        Value::Array(elements) => elements.iter().map(count_nodes).sum(),
        Value::Object(members) => members.values().map(count_nodes).sum(),
        _ => 0,
    }
}

/// Char boundaries of the built-in document, so mutations cut only whole characters.
fn built_in_boundaries() -> &'static [usize] {
    static BOUNDARIES: OnceLock<Vec<usize>> = OnceLock::new();
    BOUNDARIES.get_or_init(|| {
        BUILT_IN_JSON.char_indices().map(|(offset, _)| offset).chain([BUILT_IN_JSON.len()]).collect()
    })
}

/// Every party, tactic, category and fact id of the built-in document.
fn built_in_ids() -> &'static [String] {
    static IDS: OnceLock<Vec<String>> = OnceLock::new();
    IDS.get_or_init(|| {
        let tree: Value = serde_json::from_str(BUILT_IN_JSON).unwrap();
        ["parties", "tactics", "categories", "facts"]
            .iter()
            .flat_map(|collection| tree[collection].as_array().cloned().unwrap_or_default())
            .filter_map(|entry| entry["id"].as_str().map(str::to_owned))
            .collect()
    })
}

fn boundary(index: &Index) -> usize {
    let boundaries = built_in_boundaries();
    boundaries[index.index(boundaries.len())]
}

/// Parses, and on success checks every comparison's laws.
fn load_and_check(json: &str) -> Result<(), TestCaseError> {
    if let Ok(dataset) = Dataset::from_json(json) {
        check_comparisons(&dataset)?;
    }
    Ok(())
}

fn used_set(dataset: &Dataset, party: usize) -> Vec<usize> {
    (0..dataset.tactics().len()).filter(|&tactic| dataset.status(party, tactic) == Some(Status::Used)).collect()
}

fn check_comparisons(dataset: &Dataset) -> Result<(), TestCaseError> {
    let party_count = dataset.parties().len();
    let tactic_count = dataset.tactics().len();
    for party in PartyIndex::all(dataset) {
        let profile = compare::profile(dataset, party);
        prop_assert_eq!(profile.used.len() + profile.not_used.len() + profile.not_reported.len(), tactic_count);
        let by_category: usize =
            profile.by_category.iter().map(|counts| counts.used + counts.not_used + counts.not_reported).sum();
        prop_assert_eq!(by_category, tactic_count);
        prop_assert_eq!(profile.by_category.iter().map(|counts| counts.used).sum::<usize>(), profile.used.len());
        prop_assert!((0.0..=1.0).contains(&profile.breadth));
        prop_assert_eq!(profile.breadth, profile.used.len() as f64 / tactic_count as f64);

        let mirror = compare::head_to_head(dataset, party, party);
        prop_assert_eq!(mirror.similarity, 1.0);
        prop_assert!(mirror.contrasts.is_empty());

        for versus in PartyIndex::all(dataset) {
            let forward = compare::head_to_head(dataset, party, versus);
            let backward = compare::head_to_head(dataset, versus, party);
            prop_assert_eq!(forward.similarity, backward.similarity);
            prop_assert!((0.0..=1.0).contains(&forward.similarity), "similarity {}", forward.similarity);
            prop_assert_eq!(&forward.shared, &backward.shared);
            prop_assert_eq!(&forward.only_party, &backward.only_versus);
            prop_assert_eq!(&forward.contrasts, &backward.contrasts);
            prop_assert_eq!(forward.shared.len() + forward.only_party.len(), profile.used.len());
            prop_assert_eq!(forward.used_by_either + forward.used_by_neither, tactic_count);
            if used_set(dataset, party.position()) == used_set(dataset, versus.position()) {
                prop_assert_eq!(forward.similarity, 1.0);
            }
        }
    }
    prop_assert!(PartyIndex::new(dataset, party_count).is_err());
    prop_assert_eq!(PartyIndex::all(dataset).count(), party_count);

    let camps = compare::camps(dataset);
    prop_assert_eq!(camps.tactics.len(), tactic_count);
    prop_assert_eq!(camps.majority_party_count + camps.opposition_party_count, party_count);
    prop_assert!((0.0..=1.0).contains(&camps.majority_coverage));
    prop_assert!((0.0..=1.0).contains(&camps.opposition_coverage));
    if camps.majority_party_count == 0 {
        prop_assert_eq!(camps.majority_coverage, 0.0);
    }

    let timeline = compare::timeline(dataset);
    let used_facts = dataset.facts().iter().filter(|fact| fact.status == Status::Used).count();
    prop_assert_eq!(timeline.before_start.len() + timeline.after_start.len() + timeline.unspecified.len(), used_facts);
    let per_party: usize =
        timeline.per_party.iter().map(|counts| counts.before_start + counts.after_start + counts.unspecified).sum();
    prop_assert_eq!(per_party, used_facts);

    let ranked = compare::ranking(dataset);
    prop_assert_eq!(ranked.len(), party_count);
    let mut parties: Vec<usize> = ranked.iter().map(|ranked| ranked.party).collect();
    for pair in ranked.windows(2) {
        prop_assert!(pair[0].used_count >= pair[1].used_count);
        if pair[0].used_count == pair[1].used_count {
            prop_assert!(pair[0].party < pair[1].party, "ties keep dataset order");
        }
    }
    parties.sort_unstable();
    prop_assert_eq!(parties, (0..party_count).collect::<Vec<_>>());
    Ok(())
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        load_and_check(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn token_soup_never_panics(tokens in prop::collection::vec(prop::sample::select(TOKENS), 0..200)) {
        load_and_check(&tokens.concat())?;
    }

    #[test]
    fn arbitrary_json_never_panics(tree in json_value()) {
        load_and_check(&tree.to_string())?;
    }

    #[test]
    fn a_valid_dataset_with_one_node_replaced_never_panics(
        plan in plan(),
        node in any::<Index>(),
        replacement in json_value(),
    ) {
        let mut tree = plan_to_json(&plan);
        let mut target = node.index(count_nodes(&tree));
        replace_node(&mut tree, &mut target, &replacement);
        load_and_check(&tree.to_string())?;
    }

    #[test]
    fn the_built_in_dataset_with_a_character_deleted_never_panics(position in any::<Index>()) {
        let start = boundary(&position);
        let end = BUILT_IN_JSON[start..].chars().next().map_or(start, |character| start + character.len_utf8());
        let mutated = format!("{}{}", &BUILT_IN_JSON[..start], &BUILT_IN_JSON[end..]);
        load_and_check(&mutated)?;
    }

    #[test]
    fn the_built_in_dataset_with_a_slice_duplicated_never_panics(
        first in any::<Index>(),
        second in any::<Index>(),
        insertion in any::<Index>(),
    ) {
        let (start, end) = {
            let (first, second) = (boundary(&first), boundary(&second));
            (first.min(second), first.max(second))
        };
        let at = boundary(&insertion);
        let mutated = format!("{}{}{}", &BUILT_IN_JSON[..at], &BUILT_IN_JSON[start..end], &BUILT_IN_JSON[at..]);
        load_and_check(&mutated)?;
    }

    #[test]
    fn the_built_in_dataset_with_ids_swapped_never_panics(
        first in any::<Index>(),
        second in any::<Index>(),
        everywhere in any::<bool>(),
    ) {
        let ids = built_in_ids();
        let first = format!("\"{}\"", first.get(ids));
        let second = format!("\"{}\"", second.get(ids));
        let mutated = if everywhere {
            // A consistent renaming: the result is usually still valid, and must compare lawfully.
            BUILT_IN_JSON.replace(&first, "\u{1}").replace(&second, &first).replace('\u{1}', &second)
        } else {
            BUILT_IN_JSON.replacen(&first, &second, 1)
        };
        load_and_check(&mutated)?;
    }

    #[test]
    fn every_generated_dataset_is_valid_and_compares_lawfully(plan in plan()) {
        let json = plan_to_json(&plan).to_string();
        let dataset = Dataset::from_json(&json).map_err(|errors| TestCaseError::fail(errors.to_string()))?;
        prop_assert_eq!(dataset.parties().len(), plan.camps.len());
        check_comparisons(&dataset)?;
    }

    #[test]
    fn parties_with_the_same_used_tactics_are_identical(plan in plan()) {
        let dataset = Dataset::from_json(&plan_to_json(&plan).to_string())
            .map_err(|errors| TestCaseError::fail(errors.to_string()))?;
        for party in PartyIndex::all(&dataset) {
            for versus in PartyIndex::all(&dataset) {
                let similarity = compare::head_to_head(&dataset, party, versus).similarity;
                let same = used_set(&dataset, party.position()) == used_set(&dataset, versus.position());
                prop_assert_eq!(same, similarity == 1.0, "parties {:?} and {:?}: {}", party, versus, similarity);
            }
        }
    }
}

#[test]
fn the_consistent_id_swap_keeps_the_built_in_dataset_valid() {
    // The swap above must exercise the comparisons, not only the error path.
    let swapped = BUILT_IN_JSON.replace("\"pjd\"", "\u{1}").replace("\"pam\"", "\"pjd\"").replace('\u{1}', "\"pam\"");
    let dataset = Dataset::from_json(&swapped).unwrap();
    assert_eq!(dataset.parties()[0].id, "pam");
    check_comparisons(&dataset).unwrap();
}
