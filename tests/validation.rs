//! One test per validation rule: each feeds a small bad dataset and checks that
//! the error names the exact path and the value at fault, without panicking.

use campaign_explainer::data::{Dataset, DatasetError, DatasetErrors};
use serde_json::{Value, json};

mod common;
use common::{built_in, localized};

/// A small valid dataset: two parties, two categories, two tactics, four facts.
fn valid() -> Value {
    let fact = |party: &str, tactic: &str, status: &str| {
        json!({ "party": party, "tactic": tactic, "status": status, "quote": "نص", "text": localized("text") })
    };
    json!({
        "categories": [
            { "id": "media", "name": localized("Media") },
            { "id": "live", "name": localized("Live") },
        ],
        "parties": [
            { "id": "pjd", "camp": "majority", "name": localized("PJD") },
            { "id": "pam", "camp": "opposition", "name": localized("PAM") },
        ],
        "tactics": [
            { "id": "web-tv", "category": "media", "name": localized("Web TV") },
            { "id": "live-rally", "category": "live", "name": localized("Live rally") },
        ],
        "facts": [
            fact("pjd", "web-tv", "used"),
            fact("pam", "web-tv", "used"),
            fact("pjd", "live-rally", "used"),
            fact("pam", "live-rally", "not_used"),
        ],
    })
}

fn errors_of_text(json: &str) -> DatasetErrors {
    match Dataset::from_json(json) {
        Ok(_) => panic!("accepted a bad dataset: {}", json.chars().take(200).collect::<String>()),
        Err(errors) => {
            assert!(!errors.0.is_empty(), "an error list must never be empty");
            errors
        }
    }
}

fn errors_of(dataset: &Value) -> DatasetErrors {
    errors_of_text(&dataset.to_string())
}

/// The one error a dataset with a single problem must give.
fn only_error(dataset: &Value) -> DatasetError {
    let errors = errors_of(dataset);
    assert_eq!(errors.0.len(), 1, "expected one problem, got: {errors}");
    errors.0.into_iter().next().unwrap()
}

fn only_error_of_text(json: &str) -> DatasetError {
    let errors = errors_of_text(json);
    assert_eq!(errors.0.len(), 1, "expected one problem, got: {errors}");
    errors.0.into_iter().next().unwrap()
}

#[test]
fn the_base_dataset_of_these_tests_is_valid() {
    let dataset = Dataset::from_json(&valid().to_string()).unwrap();
    assert_eq!(dataset.parties().len(), 2);
    assert_eq!(dataset.facts().len(), 4);
}

#[test]
fn the_built_in_dataset_validates() {
    let dataset = built_in();
    assert!(!dataset.parties().is_empty());
    assert!(!dataset.tactics().is_empty());
}

#[test]
fn a_fact_about_an_unknown_party_is_refused() {
    let mut dataset = valid();
    dataset["facts"][3]["party"] = json!("xyz");
    assert_eq!(only_error(&dataset).to_string(), r#"facts[3].party: unknown party "xyz""#);
}

#[test]
fn a_fact_about_an_unknown_tactic_is_refused() {
    let mut dataset = valid();
    dataset["facts"][1]["tactic"] = json!("radio");
    let error = only_error(&dataset);
    assert_eq!(error.path, "facts[1].tactic");
    assert_eq!(error.message, r#"unknown tactic "radio""#);
}

#[test]
fn a_tactic_in_an_undeclared_category_is_refused() {
    let mut dataset = valid();
    dataset["tactics"][1]["category"] = json!("sport");
    assert_eq!(only_error(&dataset).to_string(), r#"tactics[1].category: unknown category "sport""#);
}

#[test]
fn without_declared_categories_they_are_derived_from_the_tactics() {
    let mut dataset = valid();
    dataset.as_object_mut().unwrap().remove("categories");
    let dataset = Dataset::from_json(&dataset.to_string()).unwrap();
    let ids: Vec<&str> = dataset.categories().iter().map(|category| category.id.as_str()).collect();
    assert_eq!(ids, ["media", "live"]);
}

#[test]
fn a_duplicate_party_id_points_at_the_first() {
    let mut dataset = valid();
    dataset["parties"][1]["id"] = json!("pjd");
    // The facts about "pam" now name an unknown party too; the duplicate is what this test is about.
    let errors = errors_of(&dataset);
    let duplicate = errors.0.iter().find(|error| error.path == "parties[1].id").unwrap();
    assert_eq!(duplicate.message, r#"duplicate id "pjd" (first used at parties[0])"#);
}

#[test]
fn a_duplicate_tactic_id_points_at_the_first() {
    let mut dataset = valid();
    dataset["tactics"][1]["id"] = json!("web-tv");
    let errors = errors_of(&dataset);
    let duplicate = errors.0.iter().find(|error| error.path == "tactics[1].id").unwrap();
    assert_eq!(duplicate.message, r#"duplicate id "web-tv" (first used at tactics[0])"#);
}

#[test]
fn every_later_use_of_a_fact_id_points_at_its_first_in_the_facts_order() {
    let mut dataset = valid();
    dataset["parties"].as_array_mut().unwrap().push(json!({ "id": "usfp", "camp": "opposition", "name": localized("USFP") }));
    dataset["facts"].as_array_mut().unwrap().push(json!({ "party": "usfp", "tactic": "web-tv", "status": "used", "quote": "نص", "text": localized("text") }));
    // "b" is first used at facts[0], "a" at facts[1]: each later use names the first, and the problems come in the
    // facts' order, not in the ids' (the check sorts the ids to stay n log n on 4,000 facts).
    for (position, id) in ["b", "a", "b", "a", "b"].into_iter().enumerate() {
        dataset["facts"][position]["id"] = json!(id);
    }
    let errors = errors_of(&dataset);
    let said: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
    assert_eq!(
        said,
        [
            r#"facts[2].id: duplicate id "b" (first used at facts[0])"#,
            r#"facts[3].id: duplicate id "a" (first used at facts[1])"#,
            r#"facts[4].id: duplicate id "b" (first used at facts[0])"#,
        ]
    );
}

#[test]
fn a_duplicate_category_id_points_at_the_first() {
    let mut dataset = valid();
    dataset["categories"][1]["id"] = json!("media");
    dataset["tactics"][1]["category"] = json!("media");
    assert_eq!(
        only_error(&dataset).to_string(),
        r#"categories[1].id: duplicate id "media" (first used at categories[0])"#
    );
}

#[test]
fn a_duplicate_fact_id_points_at_the_first() {
    let mut dataset = valid();
    dataset["facts"][0]["id"] = json!("pjd-tv");
    dataset["facts"][2]["id"] = json!("pjd-tv");
    assert_eq!(only_error(&dataset).to_string(), r#"facts[2].id: duplicate id "pjd-tv" (first used at facts[0])"#);
}

#[test]
fn ids_must_be_short_lowercase_words() {
    let too_long = "a".repeat(41);
    for bad in ["PJD", "-pjd", "", "a b", "حزب", "pjd_2016", too_long.as_str()] {
        let mut dataset = valid();
        dataset["categories"][0]["id"] = json!(bad);
        dataset["tactics"][0]["category"] = json!(bad);
        let error = only_error(&dataset);
        assert_eq!(error.path, "categories[0].id", "for {bad:?}");
        let shown: String = bad.chars().take(40).collect();
        assert!(error.message.starts_with(&format!("\"{shown}")), "names the value {bad:?}: {}", error.message);
        assert!(error.message.contains("is not an id"), "{}", error.message);
    }
    // The limits themselves are fine.
    let mut dataset = valid();
    dataset["facts"][0]["id"] = json!("a".repeat(40));
    dataset["facts"][1]["id"] = json!("2016-tv");
    assert!(Dataset::from_json(&dataset.to_string()).is_ok());
}

#[test]
fn a_bad_fact_id_is_refused() {
    let mut dataset = valid();
    dataset["facts"][2]["id"] = json!("Fact 3");
    let error = only_error(&dataset);
    assert_eq!(error.path, "facts[2].id");
    assert!(error.message.contains(r#""Fact 3""#), "{}", error.message);
}

#[test]
fn an_unknown_status_is_refused() {
    let mut dataset = valid();
    dataset["facts"][2]["status"] = json!("maybe");
    let error = only_error(&dataset);
    assert_eq!(error.path, "facts[2].status");
    assert!(error.message.contains("maybe"), "{}", error.message);
    assert!(error.message.contains("used") && error.message.contains("not_used"), "names the allowed values: {}", error.message);
}

#[test]
fn an_unknown_timing_is_refused() {
    let mut dataset = valid();
    dataset["facts"][0]["when"] = json!("during");
    let error = only_error(&dataset);
    assert_eq!(error.path, "facts[0].when");
    assert!(error.message.contains("during"), "{}", error.message);
}

#[test]
fn an_unknown_camp_is_refused() {
    let mut dataset = valid();
    dataset["parties"][0]["camp"] = json!("centre");
    let error = only_error(&dataset);
    assert_eq!(error.path, "parties[0].camp");
    assert!(error.message.contains("centre"), "{}", error.message);
    assert!(error.message.contains("majority") && error.message.contains("opposition"), "{}", error.message);
}

#[test]
fn a_camp_written_as_an_object_is_refused() {
    // serde's derive, which read datasets before, took `{"majority": null}` as the variant `majority`.
    let mut dataset = valid();
    dataset["parties"][1]["camp"] = json!({ "majority": null });
    assert_eq!(only_error(&dataset).to_string(), "parties[1].camp: expected a string, found an object");
}

#[test]
fn a_missing_language_names_the_language() {
    let mut dataset = valid();
    dataset["parties"][0]["name"].as_object_mut().unwrap().remove("fr");
    assert_eq!(only_error(&dataset).to_string(), "parties[0].name.fr: is missing");
}

#[test]
fn a_missing_collection_is_named() {
    let mut dataset = valid();
    dataset.as_object_mut().unwrap().remove("facts");
    assert_eq!(only_error(&dataset).to_string(), "facts: is missing");
}

#[test]
fn an_empty_or_blank_text_is_refused() {
    for blank in ["", "   ", "\n\t"] {
        let mut dataset = valid();
        dataset["tactics"][0]["name"]["en"] = json!(blank);
        let error = only_error(&dataset);
        assert_eq!(error.path, "tactics[0].name.en");
        assert_eq!(error.message, format!("must not be empty, found {blank:?}"));
    }
    let mut dataset = valid();
    dataset["facts"][3]["quote"] = json!("");
    assert_eq!(only_error(&dataset).path, "facts[3].quote");
}

#[test]
fn a_two_megabyte_text_gives_a_short_message_with_the_value_shortened() {
    let huge = "ب".repeat(1_000_000);
    assert_eq!(huge.len(), 2_000_000);
    let mut dataset = valid();
    dataset["facts"][0]["quote"] = json!(huge);
    let error = only_error(&dataset);
    assert_eq!(error.path, "facts[0].quote");
    assert!(error.message.contains("1000000 characters"), "{}", error.message);
    assert!(error.message.contains(&format!("\"{}…\"", "ب".repeat(40))), "shows the value shortened: {}", error.message);
    assert!(error.to_string().chars().count() < 200, "{} characters", error.to_string().chars().count());
}

#[test]
fn a_two_megabyte_bad_value_anywhere_gives_a_short_message() {
    let huge = "x".repeat(2_000_000);
    let mut places: Vec<(Value, &str)> = Vec::new();
    let mut bad_id = valid();
    bad_id["parties"][0]["id"] = json!(huge);
    places.push((bad_id, "parties[0].id"));
    let mut bad_camp = valid();
    bad_camp["parties"][0]["camp"] = json!(huge);
    places.push((bad_camp, "parties[0].camp"));
    let mut bad_name = valid();
    bad_name["tactics"][0]["name"] = json!(huge);
    places.push((bad_name, "tactics[0].name"));
    let mut bad_party = valid();
    bad_party["facts"][0]["party"] = json!(huge);
    places.push((bad_party, "facts[0].party"));
    for (dataset, path) in places {
        let errors = errors_of(&dataset);
        let error = errors.0.iter().find(|error| error.path == path).unwrap_or_else(|| panic!("no error at {path}: {errors}"));
        assert!(error.message.contains("xxxxxxxxxx"), "names the value: {}", error.message);
        assert!(errors.to_string().chars().count() < 600, "at {path}: {} characters", errors.to_string().chars().count());
    }
}

#[test]
fn ten_thousand_parties_are_refused_in_one_message() {
    let mut dataset = valid();
    let parties: Vec<Value> = (0..10_000)
        .map(|number| json!({ "id": format!("party-{number}"), "camp": "majority", "name": localized("P") }))
        .collect();
    dataset["parties"] = json!(parties);
    assert_eq!(only_error(&dataset).to_string(), "parties: has 10000 entries, more than the 40 allowed");
}

#[test]
fn every_truncation_of_a_valid_document_is_refused() {
    let document = valid().to_string();
    for (end, _) in document.char_indices().skip(1) {
        let truncated = &document[..end];
        let errors = errors_of_text(truncated);
        assert!(errors.to_string().len() < 200, "{errors}");
    }
    let error = only_error_of_text(r#"{"parties":[{"id":"pjd","#);
    assert_eq!(error.path, "");
    assert!(error.message.starts_with("EOF while parsing"), "{}", error.message);
    assert!(error.message.contains("column 24"), "says where: {}", error.message);
}

#[test]
fn a_dataset_that_is_not_an_object_is_refused() {
    let cases = [
        ("[]", "the dataset must be a JSON object, found an array"),
        (r#""hello""#, r#"the dataset must be a JSON object, found the string "hello""#),
        ("null", "the dataset must be a JSON object, found null"),
        ("42", "the dataset must be a JSON object, found the number 42"),
        ("true", "the dataset must be a JSON object, found true"),
    ];
    for (json, message) in cases {
        assert_eq!(only_error_of_text(json), DatasetError::new("", message), "for {json}");
    }
}

#[test]
fn a_dataset_written_as_an_array_of_its_fields_is_refused() {
    // serde's derive, which read datasets before, took a struct as the array of its fields in order.
    let fields = valid();
    let positional = json!([
        null,
        null,
        null,
        fields["categories"],
        fields["parties"],
        fields["tactics"],
        fields["facts"]
    ]);
    assert_eq!(only_error(&positional).to_string(), "the dataset must be a JSON object, found an array");
}

#[test]
fn rows_written_as_arrays_are_refused_at_their_path() {
    let mut dataset = valid();
    dataset["parties"][1] = json!(["pam", "opposition", localized("PAM")]);
    dataset["facts"][2] = json!(["pjd", "live-rally", "used", "quote", localized("t")]);
    // serde_json's objects write their members sorted: facts before parties.
    assert_eq!(only_error(&dataset), DatasetError::new("facts[2]", "expected an object, found an array"));
    dataset["facts"][2] = valid()["facts"][2].clone();
    assert_eq!(only_error(&dataset), DatasetError::new("parties[1]", "expected an object, found an array"));
    dataset["parties"][1] = valid()["parties"][1].clone();
    dataset["facts"][2] = json!({ "party": "pjd", "tactic": "live-rally", "status": "used", "quote": "q", "text": ["a", "b", "c"] });
    assert_eq!(only_error(&dataset), DatasetError::new("facts[2].text", "expected an object, found an array"));
}

#[test]
fn fields_of_the_wrong_type_are_refused_at_their_path() {
    let mut parties_as_map = valid();
    parties_as_map["parties"] = json!({ "pjd": {} });
    assert_eq!(only_error(&parties_as_map).to_string(), "parties: expected an array, found an object");

    let mut id_as_number = valid();
    id_as_number["tactics"][0]["id"] = json!(5);
    assert_eq!(only_error(&id_as_number).to_string(), "tactics[0].id: expected a string, found the number 5");

    let mut name_as_string = valid();
    name_as_string["parties"][0]["name"] = json!("PJD");
    assert_eq!(only_error(&name_as_string).to_string(), r#"parties[0].name: expected an object, found the string "PJD""#);

    let mut status_as_bool = valid();
    status_as_bool["facts"][1]["status"] = json!(true);
    assert_eq!(only_error(&status_as_bool).to_string(), "facts[1].status: expected a string, found true");

    let mut party_as_null = valid();
    party_as_null["parties"][0] = Value::Null;
    assert_eq!(only_error(&party_as_null).to_string(), "parties[0]: expected an object, found null");

    let mut language_as_number = valid();
    language_as_number["facts"][0]["text"]["ar"] = json!(3.5);
    assert_eq!(only_error(&language_as_number).to_string(), "facts[0].text.ar: expected a string, found the number 3.5");
}

fn with_campaign(official_start: Value, election_day: Value) -> Value {
    let mut dataset = valid();
    dataset["campaign"] = json!({ "official_start": official_start, "election_day": election_day });
    dataset
}

#[test]
fn campaign_dates_are_real_days_written_year_month_day() {
    for (start, end) in [("2016-09-24", "2016-10-07"), ("2021-08-26", "2021-09-08"), ("2024-02-29", "2024-03-01"), ("2000-02-29", "2000-02-29")] {
        assert!(Dataset::from_json(&with_campaign(json!(start), json!(end)).to_string()).is_ok(), "{start} to {end}");
    }
    for (only_start, only_end) in [(json!("2021-08-26"), Value::Null), (Value::Null, json!("2021-09-08"))] {
        assert!(Dataset::from_json(&with_campaign(only_start, only_end).to_string()).is_ok(), "either date may be missing");
    }
    let mut no_dates = valid();
    no_dates["campaign"] = json!({});
    assert!(Dataset::from_json(&no_dates.to_string()).is_ok());
}

#[test]
fn a_campaign_date_written_otherwise_is_refused() {
    for written in ["24/09/2016", "2016-9-24", "2016-09-24T00:00:00Z", " 2016-09-24", "20160924", "2016-09", "", "٢٠١٦-٠٩-٢٤"] {
        assert_eq!(
            only_error(&with_campaign(json!(written), Value::Null)).to_string(),
            format!("campaign.official_start: expected a date written YYYY-MM-DD, found \"{written}\""),
        );
    }
    assert_eq!(
        only_error(&with_campaign(json!("2016-09-24"), json!("7 October 2016"))).to_string(),
        r#"campaign.election_day: expected a date written YYYY-MM-DD, found "7 October 2016""#,
    );
}

#[test]
fn a_campaign_date_that_is_no_day_of_the_calendar_is_refused() {
    for day in ["2016-02-30", "2015-02-29", "1900-02-29", "2016-04-31", "2016-13-01", "2016-00-10", "2016-09-00", "2016-09-32"] {
        assert_eq!(
            only_error(&with_campaign(Value::Null, json!(day))).to_string(),
            format!("campaign.election_day: expected a real date, found \"{day}\""),
        );
    }
}

#[test]
fn an_election_day_before_the_official_start_is_refused() {
    assert_eq!(
        only_error(&with_campaign(json!("2016-09-24"), json!("2016-09-23"))).to_string(),
        r#"campaign.election_day: election day "2016-09-23" is before the official start "2016-09-24""#,
    );
    assert_eq!(
        only_error(&with_campaign(json!("2016-10-07"), json!("2015-12-31"))).path,
        "campaign.election_day",
        "years count before months and days"
    );
}

#[test]
fn both_bad_campaign_dates_are_reported_before_the_collections() {
    let mut dataset = with_campaign(json!("24/09/2016"), json!("2016-02-30"));
    dataset["facts"][0]["party"] = json!("usfp");
    let paths: Vec<String> = errors_of(&dataset).0.into_iter().map(|error| error.path).collect();
    assert_eq!(paths, ["campaign.official_start", "campaign.election_day", "facts[0].party"]);
}

#[test]
fn optional_fields_may_be_null() {
    let mut dataset = valid();
    dataset["facts"][0]["when"] = Value::Null;
    dataset["facts"][0]["note"] = Value::Null;
    dataset["parties"][0]["short_name"] = Value::Null;
    dataset["title"] = Value::Null;
    assert!(Dataset::from_json(&dataset.to_string()).is_ok());
}

#[test]
fn unknown_fields_are_welcome() {
    let mut dataset = valid();
    dataset["source_url"] = json!("https://example.org");
    dataset["parties"][0]["colour"] = json!([1, 2, 3]);
    assert!(Dataset::from_json(&dataset.to_string()).is_ok());
}

#[test]
fn an_empty_input_is_refused() {
    for empty in ["", "   ", "\n\t \r\n", "\u{feff}"] {
        assert_eq!(only_error_of_text(empty), DatasetError::new("", "the dataset is empty"), "for {empty:?}");
    }
}

#[test]
fn a_byte_order_mark_is_tolerated() {
    let document = format!("\u{feff}{}", valid());
    assert!(Dataset::from_json(&document).is_ok());
}

#[test]
fn an_empty_object_is_missing_its_first_collection() {
    // serde stops at the first value that does not fit the model; the rules of validation that
    // follow list every problem at once.
    assert_eq!(errors_of_text("{}").to_string(), "parties: is missing");
}

#[test]
fn a_dataset_with_empty_collections_is_refused() {
    let errors = errors_of_text(r#"{"parties":[],"tactics":[],"facts":[]}"#);
    assert_eq!(
        errors.0,
        vec![
            DatasetError::new("parties", "the dataset has no party"),
            DatasetError::new("tactics", "the dataset has no tactic"),
        ]
    );
}

#[test]
fn a_second_fact_for_the_same_party_and_tactic_is_refused() {
    let mut dataset = valid();
    let mut second = dataset["facts"][0].clone();
    second["status"] = json!("not_used");
    dataset["facts"].as_array_mut().unwrap().push(second);
    assert_eq!(
        only_error(&dataset).to_string(),
        r#"facts[4]: a second fact for party "pjd" and tactic "web-tv" (the first is facts[0])"#
    );
}

/// Runs `check` on a thread with a 1 MiB stack, the default of a wasm32 module,
/// so a parser that recursed once per level would overflow here.
fn on_a_small_stack(check: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new().stack_size(1024 * 1024).spawn(check).unwrap().join().unwrap();
}

#[test]
fn a_hundred_thousand_nested_arrays_are_an_error_not_a_stack_overflow() {
    on_a_small_stack(|| {
        let open = "[".repeat(100_000);
        let closed = format!("{open}{}", "]".repeat(100_000));
        for document in [open, closed] {
            let error = only_error_of_text(&document);
            assert_eq!(error.path, "");
            assert!(error.message.contains("recursion limit"), "{}", error.message);
        }
    });
}

#[test]
fn a_hundred_thousand_nested_arrays_inside_a_field_are_an_error() {
    on_a_small_stack(|| {
        let nested = "[".repeat(100_000);
        // Inside a known field, the first level the model does not expect stops reading.
        assert_eq!(
            only_error_of_text(&format!(r#"{{"parties":{nested}"#)),
            DatasetError::new("parties[0]", "expected an object, found an array")
        );
        assert_eq!(
            only_error_of_text(&format!(r#"{{"parties":[{{"name":{}"#, "{\"ar\":".repeat(50_000))),
            DatasetError::new("parties[0].name.ar", "expected a string, found an object")
        );
        // Inside an unknown member, skipped without recursion: the dataset still lacks its parties.
        let unknown = format!(r#"{{"unknown":{nested}{}}}"#, "]".repeat(100_000));
        assert_eq!(only_error_of_text(&unknown), DatasetError::new("parties", "is missing"));
    });
}

#[test]
fn a_document_over_the_byte_limit_is_refused_before_parsing() {
    // Valid JSON padded with spaces: only its size is wrong.
    let document = format!("{}{}", valid(), " ".repeat(5 * 1024 * 1024));
    let error = only_error_of_text(&document);
    assert_eq!(error.path, "");
    assert!(error.message.contains(&document.len().to_string()), "names the size: {}", error.message);
    assert!(error.message.contains("more than"), "{}", error.message);
}

#[test]
fn trailing_garbage_after_the_dataset_is_refused() {
    let document = valid().to_string();
    for garbage in [" xyz", "}", ",", &document.clone()] {
        let error = only_error_of_text(&format!("{document}{garbage}"));
        assert_eq!(error.path, "");
        assert!(error.message.starts_with("trailing characters"), "for {garbage:?}: {}", error.message);
    }
    assert!(Dataset::from_json(&format!("{document}\n  \n")).is_ok(), "trailing white space is fine");
}

#[test]
fn a_repeated_key_is_refused() {
    let document = r#"{"parties":[],"parties":[],"tactics":[],"facts":[]}"#;
    let error = only_error_of_text(document);
    assert_eq!(error, DatasetError::new("", r#"has the member "parties" twice"#));
}

#[test]
fn all_problems_are_reported_in_document_order() {
    let mut dataset = valid();
    dataset["parties"][0]["name"]["ar"] = json!("");
    dataset["tactics"][1]["id"] = json!("Live");
    dataset["facts"][2]["party"] = json!("usfp");
    let paths: Vec<String> = errors_of(&dataset).0.into_iter().map(|error| error.path).collect();
    assert_eq!(
        paths,
        ["parties[0].name.ar", "tactics[1].id", "facts[2].party", "facts[2].tactic", "facts[3].tactic"],
        "facts[2] and facts[3] name the tactic whose id became invalid"
    );
}

#[test]
fn the_message_shows_at_most_five_problems_and_counts_the_rest() {
    let with_bad_parties = |count: usize| {
        let mut dataset = valid();
        for fact in 0..4 {
            dataset["facts"][fact]["party"] = json!(format!("unknown-{fact}"));
        }
        for extra in 4..count {
            let mut fact = dataset["facts"][0].clone();
            fact["party"] = json!(format!("unknown-{extra}"));
            dataset["facts"].as_array_mut().unwrap().push(fact);
        }
        errors_of(&dataset)
    };

    let eight = with_bad_parties(8);
    assert_eq!(eight.0.len(), 8);
    let message = eight.to_string();
    let lines: Vec<&str> = message.lines().collect();
    assert_eq!(lines.len(), 6, "{message}");
    assert_eq!(lines[0], r#"facts[0].party: unknown party "unknown-0""#);
    assert_eq!(lines[4], r#"facts[4].party: unknown party "unknown-4""#);
    assert_eq!(lines[5], "… and 3 more problems");

    assert_eq!(with_bad_parties(6).to_string().lines().last(), Some("… and 1 more problem"));
    let five = with_bad_parties(5).to_string();
    assert_eq!(five.lines().count(), 5);
    assert!(!five.contains("more problem"), "{five}");
}

#[test]
fn a_flood_of_malformed_rows_gives_a_bounded_list() {
    let rows = vec![json!([]); 50_000];
    let mut dataset = valid();
    dataset["facts"] = json!(rows);
    // The first row that does not fit stops reading: one message, however many rows follow.
    assert_eq!(only_error(&dataset), DatasetError::new("facts[0]", "expected an object, found an array"));
}

#[test]
fn an_unmentioned_party_has_its_own_id_and_no_fact_may_name_it() {
    let mut dataset = valid();
    dataset["unmentioned_parties"] = json!([
        { "id": "rni", "camp": "majority", "name": localized("RNI") },
        { "id": "pam", "camp": "opposition", "name": localized("PAM again") },
    ]);
    let error = only_error(&dataset);
    assert_eq!(error.path, "unmentioned_parties[1].id");
    assert!(error.message.contains("also among the parties") && error.message.contains("\"pam\""), "{}", error.message);

    let mut dataset = valid();
    dataset["unmentioned_parties"] = json!([{ "id": "rni", "camp": "majority", "name": localized("RNI") }]);
    dataset["facts"][0]["party"] = json!("rni");
    let error = only_error(&dataset);
    assert_eq!((error.path.as_str(), error.message.as_str()), ("facts[0].party", "unknown party \"rni\""));

    let mut dataset = valid();
    dataset["unmentioned_parties"] = json!([{ "id": "rni", "camp": "government", "name": localized("RNI") }]);
    let error = only_error(&dataset);
    assert!(error.path.starts_with("unmentioned_parties[0].camp"), "{}: {}", error.path, error.message);
}

#[test]
fn a_party_s_french_grammar_is_a_known_gender_and_a_boolean() {
    let mut dataset = valid();
    dataset["parties"][0]["french_gender"] = json!("neuter");
    let error = only_error(&dataset);
    assert_eq!(error.path, "parties[0].french_gender");
    assert!(error.message.contains("\"masculine\" or \"feminine\""), "{}", error.message);
    let mut dataset = valid();
    dataset["parties"][0]["french_article"] = json!("yes");
    assert_eq!(only_error(&dataset).path, "parties[0].french_article");
}
