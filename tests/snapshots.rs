//! Golden SVGs of every view in every language, drawn from the built-in dataset.
//!
//! A difference writes `<name>-changed.svg` beside the snapshot (git-ignored) and
//! fails; `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` rewrites the snapshots.
//! The snapshots double as examples of what each view looks like. Each view is
//! drawn for the party `pjd` (emphasised in the matrix) against `pam`, in the light
//! theme, plus the matrix in the dark theme, and the timeline of a dataset that declares
//! other campaign dates.

use std::fs;
use std::path::PathBuf;

use campaign_explainer::chart::render_svg;
use campaign_explainer::data::{BUILT_IN_JSON, Dataset, Lang};
use campaign_explainer::layout::{EstimatedTextMeasure, View, ViewRequest, layout};
use campaign_explainer::theme::Theme;

fn snapshot_directory() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("snapshots")
}

struct Case {
    view: View,
    lang: Lang,
    width: f64,
    dark: bool,
    /// The fact in focus, by id: a story step's `data-fact`.
    fact: Option<&'static str>,
}

impl Case {
    fn name(&self) -> String {
        let width = if self.width == 640.0 { String::new() } else { format!("-{}", self.width) };
        let theme = if self.dark { "-dark" } else { "" };
        let fact = self.fact.map(|fact| format!("-{fact}")).unwrap_or_default();
        format!("{}-{}{}{}{}", self.view.as_str(), self.lang.code(), width, theme, fact)
    }
}

fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for view in View::ALL {
        for lang in Lang::ALL {
            cases.push(Case { view, lang, width: 640.0, dark: false, fact: None });
        }
    }
    for lang in [Lang::Ar, Lang::En] {
        cases.push(Case { view: View::Matrix, lang, width: 320.0, dark: false, fact: None });
    }
    cases.push(Case { view: View::Matrix, lang: Lang::Ar, width: 640.0, dark: true, fact: None });
    // A fact in focus, its note beside the mark or in rows moved down for it: the story's steps.
    cases.push(Case { view: View::Matrix, lang: Lang::Ar, width: 320.0, dark: false, fact: Some("pam-live-rally-speech") });
    cases.push(Case { view: View::Party, lang: Lang::Fr, width: 640.0, dark: false, fact: Some("pjd-web-tv") });
    cases.push(Case { view: View::Timeline, lang: Lang::En, width: 640.0, dark: true, fact: Some("pjd-government-record") });
    cases
}

fn render(dataset: &Dataset, case: &Case) -> String {
    let pjd = dataset.party_index("pjd").unwrap();
    let pam = dataset.party_index("pam").unwrap();
    let fact = case.fact.map(|id| dataset.facts().iter().position(|fact| fact.id.as_deref() == Some(id)).unwrap());
    let request = ViewRequest { view: case.view, lang: case.lang, party: pjd, versus: pam, width: case.width, fact, ..Default::default() };
    let scene = layout(dataset, &request, &EstimatedTextMeasure).unwrap();
    render_svg(&scene, &Theme::for_scheme(case.dark))
}

/// Compares `svg` with the snapshot `name` (or rewrites it under `UPDATE_SNAPSHOTS=1`); returns
/// what differs, having written it beside the snapshot.
fn compare_with_snapshot(name: &str, svg: &str) -> Option<String> {
    let directory = snapshot_directory();
    let update = std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|value| value == "1");
    let path = directory.join(format!("{name}.svg"));
    let changed_path = directory.join(format!("{name}-changed.svg"));
    if update {
        fs::create_dir_all(&directory).unwrap();
        fs::write(&path, svg).unwrap();
        let _ = fs::remove_file(&changed_path);
        return None;
    }
    match fs::read_to_string(&path) {
        Ok(expected) if expected == svg => {
            let _ = fs::remove_file(&changed_path);
            None
        }
        Ok(_) => {
            fs::write(&changed_path, svg).unwrap();
            Some(format!("{name}: differs, see {}", changed_path.display()))
        }
        Err(_) => {
            fs::write(&changed_path, svg).unwrap();
            Some(format!("{name}: no snapshot yet, see {}", changed_path.display()))
        }
    }
}

fn assert_no_difference(differences: &[String]) {
    assert!(
        differences.is_empty(),
        "snapshots differ (check the -changed.svg files, then run `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` to accept them):\n{}",
        differences.join("\n")
    );
}

#[test]
fn every_view_matches_its_snapshot() {
    let dataset = Dataset::built_in().unwrap();
    let mut differences = Vec::new();
    for case in cases() {
        differences.extend(compare_with_snapshot(&case.name(), &render(&dataset, &case)));
    }
    assert_no_difference(&differences);
}

/// A newsroom's dataset with the 2021 campaign's dates (official start 26 August, polling
/// 8 September): the timeline's headings and summary must carry those, not 2016's.
#[test]
fn the_timeline_of_a_dataset_with_other_dates_matches_its_snapshot() {
    let mut document: serde_json::Value = serde_json::from_str(BUILT_IN_JSON).unwrap();
    document["campaign"] = serde_json::json!({ "official_start": "2021-08-26", "election_day": "2021-09-08" });
    let dataset = Dataset::from_json(&document.to_string()).unwrap();
    let svg = render(&dataset, &Case { view: View::Timeline, lang: Lang::En, width: 640.0, dark: false, fact: None });
    assert!(svg.contains("26\u{a0}Aug") && svg.contains("8 September 2021") && !svg.contains("Sept 2016"), "the dates are 2021's");
    assert_no_difference(&Vec::from_iter(compare_with_snapshot("timeline-en-other-dates", &svg)));
}

#[test]
fn rendering_is_deterministic() {
    let dataset = Dataset::built_in().unwrap();
    for case in cases() {
        assert_eq!(render(&dataset, &case), render(&dataset, &case), "{}", case.name());
    }
}

#[test]
fn snapshots_carry_the_summary_as_title_and_the_language() {
    let dataset = Dataset::built_in().unwrap();
    let svg = render(&dataset, &Case { view: View::Matrix, lang: Lang::Ar, width: 640.0, dark: false, fact: None });
    assert!(svg.starts_with("<svg "), "{}", &svg[..80]);
    assert!(svg.contains("xml:lang=\"ar\""));
    assert!(svg.contains("<title>من استعمل ماذا حسب المقال."));
    assert!(svg.trim_end().ends_with("</svg>"));
}
