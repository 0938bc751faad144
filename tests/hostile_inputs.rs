//! The hostile inputs that tests/validation.rs does not already cover:
//! oversized and deeply nested documents, every bound at once, unknown view and
//! language values at the API, and extreme but valid datasets (every bound at its
//! maximum, names at the maximum length, bidi overrides and markup), which must
//! compare, lay out in every view and language, and export to SVG without a panic,
//! with every mark inside the scene and markup kept as inert text.
//!
//! Regression tests for crashes the fuzz target (`fuzz/`, target `dataset_pipeline`)
//! finds go at the end, one per crash, named after what crashed.

use campaign_explainer::chart::render_svg;
use campaign_explainer::compare::{self, CompareError, PartyIndex};
use campaign_explainer::data::{Dataset, DatasetErrors, Lang};
use campaign_explainer::layout::{self, EstimatedTextMeasure, LayoutError, NavigationKey, Scene, TextMeasure, View, ViewRequest};
use campaign_explainer::theme::Theme;
use std::cell::Cell;

use serde_json::{Value, json};

mod common;
use common::{built_in, localized};

/// A small valid dataset, for placing one bad value in.
fn small_valid() -> Value {
    json!({
        "parties": [
            { "id": "pjd", "camp": "majority", "name": localized("PJD") },
            { "id": "pam", "camp": "opposition", "name": localized("PAM") },
        ],
        "tactics": [{ "id": "web-tv", "category": "media", "name": localized("Web TV") }],
        "facts": [{ "party": "pjd", "tactic": "web-tv", "status": "used", "quote": "نص", "text": localized("text") }],
    })
}

fn errors_of(json: &str) -> DatasetErrors {
    match Dataset::from_json(json) {
        Ok(_) => panic!("accepted a bad dataset: {}", json.chars().take(120).collect::<String>()),
        Err(errors) => errors,
    }
}

/// The alert text a reader would see, checked to stay readable whatever the input.
fn alert_text(json: &str) -> String {
    let message = errors_of(json).to_string();
    assert!(message.chars().count() < 600, "an alert of {} characters: {}…", message.chars().count(), message.chars().take(200).collect::<String>());
    message
}

/// Runs `check` on a thread with a 1 MiB stack, the default of a wasm32 module.
fn on_a_small_stack(check: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new().stack_size(1024 * 1024).spawn(check).unwrap().join().unwrap();
}

// ---------------------------------------------------------------- bad documents

#[test]
fn every_collection_past_its_bound_is_named_with_its_count_and_limit() {
    // validation.rs checks 10,000 parties alone; here every collection overflows at once.
    let many = |count: usize, entry: &dyn Fn(usize) -> Value| Value::Array((0..count).map(entry).collect());
    let dataset = json!({
        "categories": many(10_000, &|n| json!({ "id": format!("c-{n}"), "name": localized("C") })),
        "parties": many(10_000, &|n| json!({ "id": format!("p-{n}"), "camp": "majority", "name": localized("P") })),
        "tactics": many(10_000, &|n| json!({ "id": format!("t-{n}"), "category": "c-0", "name": localized("T") })),
        "facts": many(10_000, &|n| json!({ "party": "p-0", "tactic": format!("t-{n}"), "status": "used", "quote": "q", "text": localized("t") })),
    });
    let message = alert_text(&dataset.to_string());
    assert_eq!(
        message,
        "parties: has 10000 entries, more than the 40 allowed\n\
         tactics: has 10000 entries, more than the 200 allowed\n\
         categories: has 10000 entries, more than the 40 allowed\n\
         facts: has 10000 entries, more than the 4000 allowed"
    );
}

#[test]
fn a_two_megabyte_string_as_the_whole_document_gives_a_short_message() {
    let document = format!("\"{}\"", "x".repeat(2_000_000));
    let message = alert_text(&document);
    assert!(message.starts_with("the dataset must be a JSON object, found the string \"xxxx"), "{message}");
    assert!(message.contains('…'), "the value is shortened: {message}");
}

#[test]
fn a_two_megabyte_unknown_status_names_the_field_and_shortens_the_value() {
    let mut dataset = small_valid();
    dataset["facts"][0]["status"] = json!("u".repeat(2_000_000));
    let message = alert_text(&dataset.to_string());
    assert!(message.starts_with(r#"facts[0].status: expected "used", "not_used" or "not_yet_used", found "uuuu"#), "{message}");
    assert!(message.chars().count() < 120, "{message}");
    assert!(message.contains("used") && message.contains("not_used"), "says what is expected: {message}");
}

#[test]
fn a_two_megabyte_number_is_refused_with_a_short_message() {
    // Numbers past an f64's range are refused, as serde_json refused them: 2 MB of digits are.
    let document = format!(r#"{{"parties":{}}}"#, "9".repeat(2_000_000));
    let message = alert_text(&document);
    assert!(message.contains("number out of range"), "{message}");
}

#[test]
fn a_two_megabyte_string_with_a_bad_escape_is_refused_with_a_short_message() {
    let document = format!(r#"{{"parties":"{}\q"}}"#, "x".repeat(2_000_000));
    let message = alert_text(&document);
    assert!(message.contains("invalid escape"), "{message}");
    assert!(message.contains("column 2000014"), "says where: {message}");
}

#[test]
fn two_megabytes_of_bidi_overrides_as_a_party_name_are_refused_and_shortened() {
    let mut dataset = small_valid();
    dataset["parties"][0]["name"]["ar"] = json!("\u{202e}".repeat(700_000));
    let message = alert_text(&dataset.to_string());
    assert!(message.starts_with("parties[0].name.ar: is 700000 characters long, more than the 120 allowed"), "{message}");
}

#[test]
fn a_hundred_thousand_nested_objects_are_an_error_not_a_stack_overflow() {
    on_a_small_stack(|| {
        let open = r#"{"a":"#.repeat(100_000);
        let closed = format!("{open}1{}", "}".repeat(100_000));
        // Unclosed: the text ends where it says. Closed: "a" is an unknown member, skipped without
        // recursion, and the dataset still lacks its parties.
        assert_eq!(alert_text(&open), "EOF while parsing a value at line 1 column 500000");
        assert_eq!(alert_text(&closed), "parties: is missing");
    });
}

#[test]
fn a_hundred_thousand_levels_inside_an_unknown_member_of_a_fact_are_skipped_without_a_stack_overflow() {
    on_a_small_stack(|| {
        let valid = small_valid().to_string();
        let depth = 50_000;
        let deep = format!("{}null{}", "[{\"x\":".repeat(depth), "}]".repeat(depth));
        let document = valid.replacen(r#""quote":"#, &format!(r#""extra":{deep},"quote":"#), 1);
        // More fields are welcome, however deep: only the model's own fields are read.
        assert!(Dataset::from_json(&document).is_ok());
        let unclosed = valid.replacen(r#""quote":"#, &format!(r#""extra":{},"quote":"#, "[{\"x\":".repeat(depth)), 1);
        assert!(alert_text(&unclosed).starts_with("expected value at line 1 column"), "{}", alert_text(&unclosed));
    });
}

// ------------------------------------------------------ unknown values at the API

#[test]
fn unknown_view_values_are_refused() {
    let huge = "matrix".repeat(350_000);
    for value in [
        "", " ", "Matrix", "MATRIX", "pie-chart", "matrix\0", "matrix;", "\u{202e}xirtam", "<script>", "matrix compare", huge.as_str(),
    ] {
        assert_eq!(View::parse(value), None, "{:?}", value.chars().take(20).collect::<String>());
    }
    // Spaces around a value are what a hand-written attribute often has.
    assert_eq!(View::parse("\ttimeline\n"), Some(View::Timeline));
}

#[test]
fn unknown_language_tags_are_refused_and_known_ones_match_on_the_primary_subtag() {
    let huge = "x".repeat(2_000_000);
    for tag in ["", " ", "-", "de", "ara", "arabic", "a", "e n", "\u{202e}ra", "<script>", "fr\0", huge.as_str()] {
        assert_eq!(Lang::from_tag(tag), None, "{:?}", tag.chars().take(20).collect::<String>());
    }
    for (tag, lang) in [("AR", Lang::Ar), ("fr-MA", Lang::Fr), ("en_GB", Lang::En), (" en ", Lang::En), ("ar-Latn-MA", Lang::Ar)] {
        assert_eq!(Lang::from_tag(tag), Some(lang), "{tag}");
    }
}

#[test]
fn a_party_past_the_end_is_an_error_naming_the_position_and_the_count() {
    let dataset = built_in();
    let count = dataset.parties().len();
    // The party view reads only `party`; the compare view both.
    for (view, party, versus) in
        [(View::Party, count, 0), (View::Party, usize::MAX, 0), (View::Compare, count, 0), (View::Compare, 0, count), (View::Compare, usize::MAX, usize::MAX)]
    {
        let request = ViewRequest { view, lang: Lang::En, party, versus, width: 640.0, ..Default::default() };
        let error = layout::layout(&dataset, &request, &EstimatedTextMeasure).unwrap_err();
        let position = if party >= count { party } else { versus };
        assert_eq!(error, LayoutError::PartyOutOfRange { position, party_count: count });
        assert_eq!(error.to_string(), format!("no party at position {position}: the dataset has {count}"));
    }
    assert_eq!(
        PartyIndex::new(&dataset, count).unwrap_err().to_string(),
        format!("no party at position {count}: the dataset has {count}")
    );
}

#[test]
fn an_unknown_party_id_of_two_megabytes_gives_a_short_message() {
    let dataset = built_in();
    let huge = format!("<script>{}", "x".repeat(2_000_000));
    let error = compare::head_to_head_by_id(&dataset, "pjd", &huge).unwrap_err();
    assert_eq!(error, CompareError::UnknownParty(huge.clone()));
    let message = error.to_string();
    assert!(message.starts_with("unknown party \"<script>xxx"), "{message}");
    assert!(message.chars().count() < 60, "{message}");
}

// ------------------------------------------------- extreme but valid datasets

/// `length` characters of `pattern` repeated, cut on a character boundary.
fn text_of(pattern: &str, length: usize) -> String {
    pattern.chars().cycle().take(length).collect()
}

/// Names at the 120-character maximum, mixing markup, bidi overrides and isolates, and both scripts.
fn hostile_name(kind: &str, number: usize, lang: &str) -> String {
    let pattern = match (number % 3, lang) {
        (0, _) => format!("<img src=x onerror=\"window.pwned={number}\"><script>alert({number})</script> {kind} "),
        (1, "ar") => format!("\u{202e}حزب {kind} {number}\u{202d} <b onmouseover=x>"),
        (1, _) => format!("\u{202e}{kind} {number} \u{2066}isolate\u{2069} &amp; &lt;b&gt; "),
        _ => format!("{kind}-{number}-averyveryverylongwordthatcannotbewrappedbecauseithasnospacesatallanywhere"),
    };
    text_of(&pattern, 120)
}

fn hostile_localized(kind: &str, number: usize) -> Value {
    json!({ "ar": hostile_name(kind, number, "ar"), "fr": hostile_name(kind, number, "fr"), "en": hostile_name(kind, number, "en") })
}

/// 40 parties, 40 categories, 200 tactics, 4000 facts: every bound of the validation at its maximum,
/// ids at 40 characters, names at 120, and the first facts' texts at their maxima.
fn extreme_dataset() -> String {
    let id = |prefix: &str, number: usize| text_of(&format!("{prefix}-{number}-"), 40);
    let categories: Vec<Value> = (0..40).map(|n| json!({ "id": id("category", n), "name": hostile_localized("category", n) })).collect();
    let parties: Vec<Value> = (0..40)
        .map(|n| {
            let mut party = json!({
                "id": id("party", n),
                "camp": if n % 2 == 0 { "majority" } else { "opposition" },
                "name": hostile_localized("party", n),
                "short_name": hostile_localized("short", n),
            });
            if n % 7 == 0 {
                party["camp_note"] = hostile_localized("note", n);
            }
            party
        })
        .collect();
    let tactics: Vec<Value> =
        (0..200).map(|n| json!({ "id": id("tactic", n), "category": id("category", n % 40), "name": hostile_localized("tactic", n) })).collect();
    let mut facts = Vec::new();
    for party in 0..40 {
        for tactic in 0..200 {
            // Half the cells: 4000 facts, the maximum, spread over every row and column.
            if (party + tactic) % 2 != 0 {
                continue;
            }
            let first = facts.is_empty();
            let mut fact = json!({
                "id": id("fact", facts.len()),
                "party": id("party", party),
                "tactic": id("tactic", tactic),
                "status": if (party * 7 + tactic) % 3 == 0 { "not_used" } else { "used" },
                "quote": if first { text_of("<script>window.pwned=1</script>\u{202e}", 1000) } else { "«\u{202e}<b>q</b>»".to_owned() },
                "text": if first { localized(&text_of("<img src=x onerror=alert(1)> ", 500)) } else { localized("t") },
            });
            match tactic % 3 {
                0 => fact["when"] = json!("before_start"),
                1 => fact["when"] = json!("after_start"),
                _ => {}
            }
            if first {
                fact["note"] = localized(&text_of("\u{202e}note ", 500));
            }
            facts.push(fact);
        }
    }
    let document = json!({ "categories": categories, "parties": parties, "tactics": tactics, "facts": facts }).to_string();
    assert!(document.len() < 4 * 1024 * 1024, "the extreme dataset must fit the byte limit: {} bytes", document.len());
    document
}

fn load_extreme() -> Dataset {
    let dataset = Dataset::from_json(&extreme_dataset()).unwrap_or_else(|errors| panic!("the extreme dataset is refused: {errors}"));
    assert_eq!(
        (dataset.parties().len(), dataset.tactics().len(), dataset.categories().len(), dataset.facts().len()),
        (40, 200, 40, 4000)
    );
    dataset
}

/// Geometry the web layer trusts: finite, marks inside the scene, and hit testing and keys land on marks.
/// A view may have no mark (the timeline of a dataset without facts); then no key gives a focus.
fn check_scene(scene: &Scene, context: &str) {
    assert!(scene.width.is_finite() && scene.height.is_finite() && scene.height > 0.0, "{context}: {}×{}", scene.width, scene.height);
    for (position, mark) in scene.marks.iter().enumerate() {
        let rect = mark.rect;
        assert!([rect.x, rect.y, rect.width, rect.height].iter().all(|value| value.is_finite()), "{context}: mark {position} {rect:?}");
        assert!(
            rect.x >= -0.5 && rect.y >= -0.5 && rect.right() <= scene.width + 0.5 && rect.bottom() <= scene.height + 0.5,
            "{context}: mark {position} {rect:?} outside the {}×{} scene",
            scene.width,
            scene.height
        );
    }
    for text in &scene.texts {
        assert!(text.x.is_finite() && text.y.is_finite(), "{context}: text {text:?}");
        assert!(text.y >= 0.0 && text.y <= scene.height, "{context}: text below the scene {text:?}");
    }
    let count = scene.marks.len();
    if count == 0 {
        assert_eq!(scene.next_mark(None, NavigationKey::Home), None, "{context}");
        assert_eq!(scene.mark_at(scene.width / 2.0, scene.height / 2.0), None, "{context}");
        return;
    }
    for position in (0..count).step_by((count / 50).max(1)) {
        let (x, y) = scene.marks[position].rect.center();
        let hit = scene.mark_at(x, y).unwrap_or_else(|| panic!("{context}: the centre of mark {position} hits nothing"));
        assert!(scene.marks[hit].rect.contains(x, y));
    }
    let mut focus = None;
    for key in [NavigationKey::End, NavigationKey::Up, NavigationKey::Left, NavigationKey::Home, NavigationKey::Down, NavigationKey::Right] {
        for _ in 0..20 {
            focus = scene.next_mark(focus, key);
            assert!(focus.is_some_and(|mark| mark < count), "{context}: {key:?} gave {focus:?} of {count}");
        }
    }
}

#[test]
fn the_extreme_dataset_compares_without_a_panic() {
    let dataset = load_extreme();
    for party in [0, 1, 20, 39] {
        let party = PartyIndex::new(&dataset, party).unwrap();
        let profile = compare::profile(&dataset, party);
        assert_eq!(profile.used.len() + profile.not_used.len() + profile.not_reported.len(), 200);
        assert_eq!(profile.not_reported.len(), 100, "every party has a fact for half the tactics");
        for versus in [0, 1, 38, 39] {
            let head_to_head = compare::head_to_head(&dataset, party, PartyIndex::new(&dataset, versus).unwrap());
            assert!((0.0..=1.0).contains(&head_to_head.similarity));
        }
    }
    let camps = compare::camps(&dataset);
    assert_eq!((camps.majority_party_count, camps.opposition_party_count), (20, 20));
    let timeline = compare::timeline(&dataset);
    assert_eq!(timeline.per_party.len(), 40);
    assert_eq!(compare::ranking(&dataset).len(), 40);
}

#[test]
fn the_extreme_dataset_lays_out_every_view_in_every_language_inside_the_scene() {
    let dataset = load_extreme();
    // Phone and desktop widths alternate over views and languages, so each view and each language is laid
    // out at both without the 30 layouts of every combination (a 40 × 200 matrix is slow in a debug build).
    for (view_number, view) in View::ALL.into_iter().enumerate() {
        for (lang_number, lang) in Lang::ALL.into_iter().enumerate() {
            let width = if (view_number + lang_number) % 2 == 0 { 280.0 } else { 1200.0 };
            let request = ViewRequest { view, lang, party: 39, versus: 0, width, ..Default::default() };
            let scene = layout::layout(&dataset, &request, &EstimatedTextMeasure).unwrap();
            let context = format!("{view:?} {lang:?} {width}");
            assert!(!scene.marks.is_empty(), "{context}: no mark");
            check_scene(&scene, &context);
        }
    }
}

#[test]
fn markup_in_names_stays_verbatim_text_in_the_scene_and_escaped_in_the_svg() {
    let dataset = load_extreme();
    let request = ViewRequest { view: View::Matrix, lang: Lang::En, party: 0, versus: 1, width: 1200.0, ..Default::default() };
    let scene = layout::layout(&dataset, &request, &EstimatedTextMeasure).unwrap();
    // The table and labels reach the page through textContent: the scene keeps markup as written.
    let table_text: String = scene.table.rows.iter().flatten().chain(&scene.table.header).cloned().collect();
    assert!(table_text.contains("<script>alert(0)</script>"), "the table keeps the markup as text");
    let svg = render_svg(&scene, &Theme::light());
    for tag in ["<script", "<img", "<b ", "<b>"] {
        assert!(!svg.contains(tag), "the SVG export holds a live {tag} tag");
    }
    assert!(svg.contains("&lt;"), "markup is escaped in the SVG export");
}

#[test]
fn a_dataset_without_facts_lays_out_every_view() {
    // The emptiest dataset the validation accepts: one party, one tactic, nothing reported.
    let document = json!({
        "parties": [{ "id": "only", "camp": "opposition", "name": localized("Only") }],
        "tactics": [{ "id": "web-tv", "category": "media", "name": localized("Web TV") }],
        "facts": [],
    });
    let dataset = Dataset::from_json(&document.to_string()).unwrap();
    let only = PartyIndex::new(&dataset, 0).unwrap();
    assert_eq!(compare::head_to_head(&dataset, only, only).similarity, 1.0);
    assert_eq!(compare::camps(&dataset).majority_coverage, 0.0);
    for view in View::ALL {
        for lang in Lang::ALL {
            for width in [f64::NAN, -5.0, 280.0, 640.0, 1e9] {
                let request = ViewRequest { view, lang, party: 0, versus: 0, width, ..Default::default() };
                let scene = layout::layout(&dataset, &request, &EstimatedTextMeasure).unwrap();
                check_scene(&scene, &format!("no facts: {view:?} {lang:?} {width}"));
            }
        }
    }
}

// ------------------------------------------------------------- no unsafe code

#[test]
fn the_crate_forbids_unsafe_code() {
    // `forbid` makes any `unsafe` in the crate a compile error that no inner `allow` can lift;
    // this test keeps the attribute from being dropped unnoticed.
    let lib = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/lib.rs")).unwrap();
    assert!(lib.lines().any(|line| line.trim() == "#![forbid(unsafe_code)]"), "src/lib.rs must keep #![forbid(unsafe_code)]");
}

// ---------------------------------------------------- regressions found by fuzzing


/// Counts the characters a layout measures: its work, in a unit no machine's speed changes.
struct CountingMeasure {
    characters: Cell<usize>,
}

impl TextMeasure for CountingMeasure {
    fn text_width(&self, text: &str, font_size_px: f64) -> f64 {
        self.characters.set(self.characters.get() + text.chars().count());
        EstimatedTextMeasure.text_width(text, font_size_px)
    }
}

#[test]
fn fuzz_timeout_a_seven_thousand_character_camp_note_is_refused_before_layout() {
    // fuzz/artifacts timeout-31c2ca5a…: the built-in dataset with a 6,895-character French camp
    // note took over 10 s to lay out, because the camps view shortens its footnotes character by
    // character. The note is now bounded like a fact's note, and the message says so.
    let mut dataset: Value = serde_json::from_str(campaign_explainer::data::BUILT_IN_JSON).unwrap();
    let note = text_of("L’article ne précise pas le camp de l’USFP. ", 6895);
    dataset["parties"][3]["camp_note"]["fr"] = json!(note);
    let errors = errors_of(&dataset.to_string());
    assert_eq!(errors.0.len(), 1, "{errors}");
    assert_eq!(
        errors.to_string(),
        format!("parties[3].camp_note.fr: is 6895 characters long, more than the 500 allowed: \"{}…\"", text_of(&note, 40))
    );
}

#[test]
fn fuzz_timeout_camp_notes_at_their_maximum_cost_bounded_layout_work() {
    // Every one of 40 parties with a 500-character note unbroken by spaces (the worst case for
    // wrapping), at the narrowest width, left to right and right to left. Measured when written:
    // about 17 million characters (13.5 million without the notes; the built-in dataset, 6 thousand),
    // some 0.3 s natively. The bound is twice that: a quadratic cost in a note's length, as the
    // 6,895-character note had, would pass it many times over.
    const MAX_CHARACTERS_MEASURED: usize = 35_000_000;
    let mut dataset: Value = serde_json::from_str(&extreme_dataset()).unwrap();
    for party in dataset["parties"].as_array_mut().unwrap() {
        party["camp_note"] = localized(&text_of("\u{202e}<b>averyveryverylongwordwithoutanyspace</b>", 500));
    }
    let dataset = Dataset::from_json(&dataset.to_string()).unwrap_or_else(|errors| panic!("{errors}"));
    for lang in [Lang::Fr, Lang::Ar] {
        let measure = CountingMeasure { characters: Cell::new(0) };
        let request = ViewRequest { view: View::Camps, lang, party: 0, versus: 1, width: 280.0, ..Default::default() };
        let scene = layout::layout(&dataset, &request, &measure).unwrap();
        check_scene(&scene, &format!("camps {lang:?} with maximal notes"));
        let measured = measure.characters.get();
        assert!(measured < MAX_CHARACTERS_MEASURED, "{lang:?}: {measured} characters measured");
    }
}
