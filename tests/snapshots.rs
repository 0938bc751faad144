//! Golden SVGs of every view in every language, drawn from the built-in dataset.
//!
//! A difference writes `<name>-changed.svg` beside the snapshot (git-ignored) and
//! fails; `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` rewrites the snapshots.
//! The snapshots double as examples of what each view looks like. Each view is
//! drawn for the party `pjd` (emphasised in the matrix) against `pam`, in the light
//! theme, plus the matrix in the dark theme.

use std::fs;
use std::path::PathBuf;

use campaign_explainer::chart::render_svg;
use campaign_explainer::data::{Dataset, Lang};
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
}

impl Case {
    fn name(&self) -> String {
        let width = if self.width == 640.0 { String::new() } else { format!("-{}", self.width) };
        let theme = if self.dark { "-dark" } else { "" };
        format!("{}-{}{}{}", self.view.as_str(), self.lang.code(), width, theme)
    }
}

fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for view in View::ALL {
        for lang in Lang::ALL {
            cases.push(Case { view, lang, width: 640.0, dark: false });
        }
    }
    for lang in [Lang::Ar, Lang::En] {
        cases.push(Case { view: View::Matrix, lang, width: 320.0, dark: false });
    }
    cases.push(Case { view: View::Matrix, lang: Lang::Ar, width: 640.0, dark: true });
    cases
}

fn render(dataset: &Dataset, case: &Case) -> String {
    let pjd = dataset.party_index("pjd").unwrap();
    let pam = dataset.party_index("pam").unwrap();
    let request = ViewRequest { view: case.view, lang: case.lang, party: pjd, versus: pam, width: case.width };
    let scene = layout(dataset, &request, &EstimatedTextMeasure).unwrap();
    render_svg(&scene, &Theme::for_scheme(case.dark))
}

#[test]
fn every_view_matches_its_snapshot() {
    let dataset = Dataset::built_in().unwrap();
    let directory = snapshot_directory();
    let update = std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|value| value == "1");
    let mut differences = Vec::new();
    for case in cases() {
        let name = case.name();
        let svg = render(&dataset, &case);
        let path = directory.join(format!("{name}.svg"));
        let changed_path = directory.join(format!("{name}-changed.svg"));
        if update {
            fs::create_dir_all(&directory).unwrap();
            fs::write(&path, &svg).unwrap();
            let _ = fs::remove_file(&changed_path);
            continue;
        }
        match fs::read_to_string(&path) {
            Ok(expected) if expected == svg => {
                let _ = fs::remove_file(&changed_path);
            }
            Ok(_) => {
                fs::write(&changed_path, &svg).unwrap();
                differences.push(format!("{name}: differs, see {}", changed_path.display()));
            }
            Err(_) => {
                fs::write(&changed_path, &svg).unwrap();
                differences.push(format!("{name}: no snapshot yet, see {}", changed_path.display()));
            }
        }
    }
    assert!(
        differences.is_empty(),
        "snapshots differ (check the -changed.svg files, then run `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` to accept them):\n{}",
        differences.join("\n")
    );
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
    let svg = render(&dataset, &Case { view: View::Matrix, lang: Lang::Ar, width: 640.0, dark: false });
    assert!(svg.starts_with("<svg "), "{}", &svg[..80]);
    assert!(svg.contains("xml:lang=\"ar\""));
    assert!(svg.contains("<title>من استعمل ماذا."));
    assert!(svg.trim_end().ends_with("</svg>"));
}
