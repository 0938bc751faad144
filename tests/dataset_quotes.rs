//! Checks the built-in dataset against its ground truth, the Arabic article.
//!
//! Reads the JSON as plain `serde_json::Value`, independently of the crate's own
//! types, so the data is checked even while the model changes. Every problem is
//! collected and reported with the fact's index and its party/tactic.

use serde_json::Value;

const DATASET: &str = include_str!("../data/campaign-2016.json");
const ARTICLE: &str = include_str!("../data/source/article.ar.txt");

const PARTIES: [(&str, &str); 5] = [
    ("pjd", "majority"),
    ("pam", "opposition"),
    ("istiqlal", "opposition"),
    ("usfp", "opposition"),
    ("pps", "majority"),
];

/// Collapses every run of whitespace to one space and trims both ends.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn dataset() -> Value {
    serde_json::from_str(DATASET).expect("data/campaign-2016.json is not valid JSON")
}

fn array<'a>(dataset: &'a Value, key: &str) -> &'a Vec<Value> {
    dataset[key].as_array().unwrap_or_else(|| panic!("`{key}` is missing or not an array"))
}

fn str_of<'a>(value: &'a Value, key: &str) -> &'a str {
    value[key].as_str().unwrap_or("")
}

/// `facts[3] (pam/live-rally-speech)`
fn fact_label(position: usize, fact: &Value) -> String {
    format!("facts[{position}] ({}/{})", str_of(fact, "party"), str_of(fact, "tactic"))
}

/// Pushes a problem for each of ar, fr, en that is missing or blank.
fn check_localized(problems: &mut Vec<String>, what: &str, value: &Value) {
    for lang in ["ar", "fr", "en"] {
        match value.get(lang).and_then(Value::as_str) {
            Some(text) if !text.trim().is_empty() => {}
            _ => problems.push(format!("{what}.{lang} is missing or empty")),
        }
    }
}

fn report(problems: Vec<String>) {
    assert!(problems.is_empty(), "{} problem(s):\n  {}", problems.len(), problems.join("\n  "));
}

fn is_id(id: &str) -> bool {
    let mut characters = id.chars();
    matches!(characters.next(), Some(first) if first.is_ascii_lowercase() || first.is_ascii_digit())
        && id.len() <= 40
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[test]
fn every_quote_is_verbatim_from_the_article() {
    let dataset = dataset();
    let article = normalise(ARTICLE);
    assert!(!article.is_empty(), "the article is empty");
    let mut problems = Vec::new();
    for (position, fact) in array(&dataset, "facts").iter().enumerate() {
        let label = fact_label(position, fact);
        match fact.get("quote").and_then(Value::as_str) {
            None => problems.push(format!("{label}: quote is missing or not a string")),
            Some(quote) => {
                let quote = normalise(quote);
                if quote.is_empty() {
                    problems.push(format!("{label}: quote is empty"));
                } else if !article.contains(&quote) {
                    problems.push(format!("{label}: quote is not in the article: {quote:?}"));
                }
                if quote.chars().count() > 1000 {
                    problems.push(format!("{label}: quote is longer than 1000 characters"));
                }
            }
        }
    }
    report(problems);
}

#[test]
fn every_text_and_name_is_in_three_languages() {
    let dataset = dataset();
    let mut problems = Vec::new();
    check_localized(&mut problems, "title", &dataset["title"]);
    for (position, category) in array(&dataset, "categories").iter().enumerate() {
        check_localized(&mut problems, &format!("categories[{position}] ({}).name", str_of(category, "id")), &category["name"]);
    }
    for (position, party) in array(&dataset, "parties").iter().enumerate() {
        let label = format!("parties[{position}] ({})", str_of(party, "id"));
        check_localized(&mut problems, &format!("{label}.name"), &party["name"]);
        for optional in ["short_name", "symbol", "camp_note"] {
            if let Some(value) = party.get(optional) {
                check_localized(&mut problems, &format!("{label}.{optional}"), value);
            }
        }
        for (index, leader) in party["leaders"].as_array().into_iter().flatten().enumerate() {
            check_localized(&mut problems, &format!("{label}.leaders[{index}].name"), &leader["name"]);
            if let Some(role) = leader.get("role") {
                check_localized(&mut problems, &format!("{label}.leaders[{index}].role"), role);
            }
        }
    }
    for (position, tactic) in array(&dataset, "tactics").iter().enumerate() {
        check_localized(&mut problems, &format!("tactics[{position}] ({}).name", str_of(tactic, "id")), &tactic["name"]);
    }
    for (position, fact) in array(&dataset, "facts").iter().enumerate() {
        let label = fact_label(position, fact);
        check_localized(&mut problems, &format!("{label}.text"), &fact["text"]);
        if let Some(note) = fact.get("note") {
            check_localized(&mut problems, &format!("{label}.note"), note);
        }
    }
    report(problems);
}

#[test]
fn references_ids_and_values_are_consistent() {
    let dataset = dataset();
    let categories: Vec<&str> = array(&dataset, "categories").iter().map(|c| str_of(c, "id")).collect();
    let parties: Vec<&str> = array(&dataset, "parties").iter().map(|p| str_of(p, "id")).collect();
    let tactics: Vec<&str> = array(&dataset, "tactics").iter().map(|t| str_of(t, "id")).collect();
    let mut problems = Vec::new();

    for (collection, ids) in [("categories", &categories), ("parties", &parties), ("tactics", &tactics)] {
        for (position, id) in ids.iter().enumerate() {
            if !is_id(id) {
                problems.push(format!("{collection}[{position}]: {id:?} is not a valid id"));
            }
            if ids[..position].contains(id) {
                problems.push(format!("{collection}[{position}]: duplicate id {id:?}"));
            }
        }
    }

    for (position, tactic) in array(&dataset, "tactics").iter().enumerate() {
        let category = str_of(tactic, "category");
        if !categories.contains(&category) {
            problems.push(format!(
                "tactics[{position}] ({}): category {category:?} is not in `categories`",
                str_of(tactic, "id")
            ));
        }
    }

    let facts = array(&dataset, "facts");
    let mut fact_ids: Vec<&str> = Vec::new();
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    for (position, fact) in facts.iter().enumerate() {
        let label = fact_label(position, fact);
        let (party, tactic) = (str_of(fact, "party"), str_of(fact, "tactic"));
        if !parties.contains(&party) {
            problems.push(format!("{label}: unknown party {party:?}"));
        }
        if !tactics.contains(&tactic) {
            problems.push(format!("{label}: unknown tactic {tactic:?}"));
        }
        let id = str_of(fact, "id");
        if id != format!("{party}-{tactic}") {
            problems.push(format!("{label}: id {id:?} should be \"{party}-{tactic}\""));
        }
        if !is_id(id) {
            problems.push(format!("{label}: {id:?} is not a valid id"));
        }
        if fact_ids.contains(&id) {
            problems.push(format!("{label}: duplicate fact id {id:?}"));
        }
        fact_ids.push(id);
        if pairs.contains(&(party, tactic)) {
            problems.push(format!("{label}: a second fact for the same party and tactic"));
        }
        pairs.push((party, tactic));
        let status = str_of(fact, "status");
        if !matches!(status, "used" | "not_used" | "not_yet_used") {
            problems.push(format!("{label}: status {status:?} is not \"used\", \"not_used\" or \"not_yet_used\""));
        }
        if let Some(when) = fact.get("when")
            && !matches!(when.as_str(), Some("before_start" | "after_start"))
        {
            problems.push(format!("{label}: when {when} is neither \"before_start\" nor \"after_start\""));
        }
    }
    report(problems);
}

#[test]
fn the_five_parties_are_present_in_order_with_their_camps() {
    let dataset = dataset();
    let parties = array(&dataset, "parties");
    let ids: Vec<&str> = parties.iter().map(|p| str_of(p, "id")).collect();
    let expected: Vec<&str> = PARTIES.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, expected, "party ids or their order differ (the first two are the widget's default pair)");
    let mut problems = Vec::new();
    for (position, (id, camp)) in PARTIES.iter().enumerate() {
        let actual = str_of(&parties[position], "camp");
        if actual != *camp {
            problems.push(format!("parties[{position}] ({id}): camp is {actual:?}, expected {camp:?}"));
        }
    }
    report(problems);
}

#[test]
fn pam_had_not_yet_streamed_a_major_speech_and_says_so_as_not_yet() {
    let dataset = dataset();
    let facts = array(&dataset, "facts");
    let sentence = "فيما لازال الحزب لم يستعمل بعد تقنية البث المباشر في حدث خطابي كبير";
    assert!(normalise(ARTICLE).contains(sentence), "the article no longer contains the PAM live-broadcast sentence");
    let found = facts.iter().enumerate().find(|(_, fact)| {
        str_of(fact, "party") == "pam" && normalise(str_of(fact, "quote")).contains(sentence)
    });
    let (position, fact) = found.expect("no pam fact quoting the live-broadcast sentence");
    // « لم يستعمل بعد »: "had not yet used", at the time of writing, so not a flat "not used".
    assert_eq!(str_of(fact, "status"), "not_yet_used", "{}", fact_label(position, fact));
    let tactic = str_of(fact, "tactic");
    let tactic_name = array(&dataset, "tactics")
        .iter()
        .find(|t| str_of(t, "id") == tactic)
        .map(|t| str_of(&t["name"], "en").to_lowercase())
        .unwrap_or_default();
    assert!(
        tactic_name.contains("live") && tactic_name.contains("speech"),
        "{}: tactic {tactic:?} ({tactic_name:?}) is not about the live broadcast of a big speech",
        fact_label(position, fact)
    );
}
