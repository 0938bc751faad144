//! French articles and elision with party names, checked on everything the views write in French:
//! "La panoplie du PJD", "de l’USFP", "PJD uniquement", "pas utilisée par l’USFP", never "de le",
//! "de USFP" or "Seulement PJD"; for the built-in parties and for names of both genders, with and
//! without a vowel at the start, with and without an article.

use campaign_explainer::data::{Dataset, Lang};
use campaign_explainer::layout::{EstimatedTextMeasure, Scene, View, ViewRequest, layout};
use serde_json::json;

/// Every French text of every view, for every party and pair of parties.
fn french_texts(dataset: &Dataset) -> Vec<String> {
    let count = dataset.parties().len();
    let mut texts = Vec::new();
    for view in View::ALL {
        for party in 0..count {
            for versus in (0..count).filter(|&versus| versus != party) {
                let request = ViewRequest { view, lang: Lang::Fr, party, versus, width: 640.0, ..Default::default() };
                let scene: Scene = layout(dataset, &request, &EstimatedTextMeasure).unwrap();
                texts.push(scene.summary.clone());
                texts.push(scene.table.caption.clone());
                texts.extend(scene.table.header.iter().cloned());
                texts.extend(scene.table.rows.iter().flatten().cloned());
                texts.extend(scene.texts.iter().map(|text| text.text.clone()));
                texts.extend(scene.marks.iter().map(|mark| mark.label.clone()));
            }
        }
    }
    texts.sort();
    texts.dedup();
    texts
}

/// The faults a French reader would see: a missing contraction or elision, an English word order.
fn faults(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let words: Vec<&str> = text.split([' ', '\u{a0}', '(', '«', '\u{2068}', '\u{2069}']).filter(|word| !word.is_empty()).collect();
    for pair in words.windows(2) {
        let (first, second) = (pair[0], pair[1]);
        let starts_with_vowel = second.chars().next().is_some_and(|letter| "AEIOUYÉÈÊaeiouyéèê".contains(letter));
        if matches!(first, "de" | "le" | "la" | "que" | "ne" | "De" | "Le" | "La") && starts_with_vowel {
            found.push(format!("no elision in \"{first} {second}\""));
        }
        if matches!(first, "de" | "à" | "De" | "À") && matches!(second, "le" | "les") {
            found.push(format!("no contraction in \"{first} {second}\""));
        }
        if matches!(first, "de" | "par" | "que") && second.chars().next().is_some_and(char::is_uppercase) && second.len() > 1 {
            // A party's name after a preposition takes its article ("du PJD", "par le PAM"), except
            // a name given with `article: false`, which the synthetic dataset spells "Ennahda".
            let acronym_or_name = second.trim_end_matches([',', '.', ':', ')']);
            if acronym_or_name != "Ennahda" && acronym_or_name != "Jaccard" {
                found.push(format!("no article in \"{first} {second}\""));
            }
        }
    }
    if text.contains("Seulement ") {
        found.push("\"Seulement X\" where French says \"X uniquement\"".to_owned());
    }
    found
}

fn assert_no_faults(dataset: &Dataset) -> Vec<String> {
    let texts = french_texts(dataset);
    let problems: Vec<String> = texts.iter().flat_map(|text| faults(text).into_iter().map(move |fault| format!("{fault}: {text}"))).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    texts
}

#[test]
fn the_built_in_parties_are_named_with_their_articles() {
    let dataset = Dataset::built_in().unwrap();
    let texts = assert_no_faults(&dataset);
    let all = texts.join("\n");
    for expected in [
        "La panoplie du Parti de la justice et du développement par catégorie",
        "La panoplie de l’Union socialiste des forces populaires par catégorie",
        "La panoplie du Parti de l’Istiqlal par catégorie",
        "PJD uniquement",
        "USFP uniquement",
        "pas encore utilisée par le PAM",
    ] {
        assert!(all.contains(expected), "no \"{expected}\" in the French texts");
    }
}

#[test]
fn names_of_both_genders_with_and_without_a_vowel_or_an_article_read_right() {
    let party = |id: &str, name: &str, french: serde_json::Value| {
        let mut party = json!({ "id": id, "camp": "opposition", "name": { "ar": "حزب", "fr": name, "en": name } });
        for (key, value) in french.as_object().into_iter().flatten() {
            party[key] = value.clone();
        }
        party
    };
    let dataset = Dataset::from_json(
        &json!({
            "parties": [
                party("alliance", "Alliance démocratique", json!({ "french_gender": "feminine" })),
                party("gauche", "Gauche unie", json!({ "french_gender": "feminine" })),
                party("ennahda", "Ennahda", json!({ "french_article": false })),
                party("hizb", "Hizb al-Amal", json!({})),
                party("ordre", "Ordre nouveau", json!({ "french_gender": "masculine" })),
            ],
            "tactics": [{ "id": "tv", "category": "media", "name": { "ar": "ت", "fr": "Télévision", "en": "Television" } }],
            "facts": [
                { "party": "alliance", "tactic": "tv", "status": "used", "quote": "ق", "text": { "ar": "ن", "fr": "f", "en": "e" } },
                { "party": "gauche", "tactic": "tv", "status": "not_used", "quote": "ق", "text": { "ar": "ن", "fr": "f", "en": "e" } },
                { "party": "ennahda", "tactic": "tv", "status": "not_yet_used", "quote": "ق", "text": { "ar": "ن", "fr": "f", "en": "e" } },
                { "party": "ordre", "tactic": "tv", "status": "not_used", "quote": "ق", "text": { "ar": "ن", "fr": "f", "en": "e" } }
            ]
        })
        .to_string(),
    )
    .unwrap();
    let all = assert_no_faults(&dataset).join("\n");
    for expected in [
        "La panoplie de l’Alliance démocratique",
        "La panoplie de la Gauche unie",
        "La panoplie d’Ennahda",
        "La panoplie du Hizb al-Amal",
        "La panoplie de l’Ordre nouveau",
        "pas utilisée par la Gauche unie",
        "pas encore utilisée par Ennahda",
        "pas utilisée par l’Ordre nouveau",
    ] {
        assert!(all.contains(expected), "no \"{expected}\" in:\n{all}");
    }
}

#[test]
fn the_checker_finds_the_faults_it_looks_for() {
    for wrong in ["La panoplie de USFP", "La panoplie de le PJD", "Seulement PJD", "pas utilisée par PAM", "la Union"] {
        assert!(!faults(wrong).is_empty(), "{wrong}");
    }
    for right in ["La panoplie de l’USFP", "La panoplie du PJD", "PJD uniquement", "pas utilisée par le PAM", "indice de Jaccard"] {
        assert!(faults(right).is_empty(), "{right}: {:?}", faults(right));
    }
}
