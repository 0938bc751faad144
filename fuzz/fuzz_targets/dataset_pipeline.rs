//! Fuzz target `dataset_pipeline`: any bytes through everything a dataset reaches in the widget.
//!
//! Bytes become text (lossy UTF-8, as a `fetch().text()` would give), then
//! `Dataset::from_json`; a dataset it accepts goes through every comparison,
//! the layout of every view in every language at two widths, pointer hit testing
//! and keyboard walks. Besides "no panic", it checks what the web layer relies
//! on without re-checking: positions it gets back are in range and geometry is
//! finite and inside the scene, since a NaN or stray mark would be a silent bug
//! in the browser rather than a crash.
#![no_main]

use campaign_explainer::compare;
use campaign_explainer::data::{Dataset, Lang};
use campaign_explainer::layout::{self, EstimatedTextMeasure, NavigationKey, Scene, View, ViewRequest, clamp_width};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let dataset = match Dataset::from_json(&text) {
        Ok(dataset) => dataset,
        Err(errors) => {
            // The alert shows this text: it must say something, and stay short
            // whatever the input (five problems and a count, values shortened).
            let message = errors.to_string();
            assert!(!message.is_empty(), "an empty error message");
            assert!(message.chars().count() < 5_000, "an error message of {} characters", message.chars().count());
            return;
        }
    };
    compare_everything(&dataset);
    // One width from the input, so the corpus explores widths too, and the narrowest one.
    let derived_width = 280.0 + (bytes.len() % 1721) as f64 + 0.5;
    for width in [0.0, derived_width] {
        for view in View::ALL {
            for lang in Lang::ALL {
                lay_out_and_walk(&dataset, view, lang, width);
            }
        }
    }
});

/// Every comparison for a few party pairs, including one past the end, which must be an error.
fn compare_everything(dataset: &Dataset) {
    let party_count = dataset.parties().len();
    let last = party_count - 1;
    for party in [0, last, party_count / 2] {
        compare::profile(dataset, party).expect("a profile of an existing party");
        for versus in [0, last, (party + 1) % party_count] {
            let head_to_head = compare::head_to_head(dataset, party, versus).expect("a head-to-head of existing parties");
            assert!((0.0..=1.0).contains(&head_to_head.similarity), "similarity {}", head_to_head.similarity);
        }
    }
    assert!(compare::profile(dataset, party_count).is_err());
    assert!(compare::head_to_head(dataset, 0, usize::MAX).is_err());
    let first_id = dataset.parties()[0].id.clone();
    compare::profile_by_id(dataset, &first_id).expect("a profile by the first party's id");
    assert!(compare::head_to_head_by_id(dataset, &first_id, "no such party").is_err());
    let camps = compare::camps(dataset);
    assert_eq!(camps.tactics.len(), dataset.tactics().len());
    let _ = compare::timeline(dataset);
    assert_eq!(compare::ranking(dataset).len(), party_count);
}

fn lay_out_and_walk(dataset: &Dataset, view: View, lang: Lang, width: f64) {
    let party_count = dataset.parties().len();
    let request = ViewRequest { view, lang, party: party_count - 1, versus: 0, width, ..Default::default() };
    let scene = layout::layout(dataset, &request, &EstimatedTextMeasure).expect("a layout of existing parties");
    check_geometry(&scene, width);
    let past_end = ViewRequest { party: party_count, ..request };
    if matches!(view, View::Party | View::Compare) {
        assert!(layout::layout(dataset, &past_end, &EstimatedTextMeasure).is_err());
    }
    hit_test(&scene);
    walk_with_keys(&scene);
}

/// Everything the canvas draws and the pointer hits is finite and inside the scene.
fn check_geometry(scene: &Scene, width: f64) {
    assert_eq!(scene.width, clamp_width(width));
    assert!(scene.height.is_finite() && scene.height > 0.0, "height {}", scene.height);
    // Half a pixel of slack: rounding at the edges is not a bug a reader sees.
    const SLACK: f64 = 0.5;
    for (position, mark) in scene.marks.iter().enumerate() {
        let rect = mark.rect;
        assert!(
            [rect.x, rect.y, rect.width, rect.height].iter().all(|value| value.is_finite()),
            "{:?} mark {position} has a non-finite rect {rect:?}",
            scene.view
        );
        assert!(
            rect.x >= -SLACK && rect.y >= -SLACK && rect.right() <= scene.width + SLACK && rect.bottom() <= scene.height + SLACK,
            "{:?} {:?} mark {position} {rect:?} is outside the {}×{} scene",
            scene.view,
            scene.lang,
            scene.width,
            scene.height
        );
    }
    for text in &scene.texts {
        assert!(text.x.is_finite() && text.y.is_finite() && text.font_size.is_finite(), "text {text:?}");
    }
}

/// Points on and off the marks: the centre of a mark always hits a mark that contains it.
fn hit_test(scene: &Scene) {
    let count = scene.marks.len();
    for (x, y) in [
        (0.0, 0.0),
        (scene.width / 2.0, scene.height / 2.0),
        (scene.width - 1.0, scene.height - 1.0),
        (-1.0, -1.0),
        (f64::NAN, 10.0),
        (f64::INFINITY, f64::NEG_INFINITY),
        (1e308, -1e308),
    ] {
        if let Some(found) = scene.mark_at(x, y) {
            assert!(found < count);
            assert!(scene.marks[found].rect.contains(x, y));
        }
    }
    // Every mark would be too many for 8000-cell matrices at fuzzing speed; a spread of them suffices.
    let step = (count / 16).max(1);
    for position in (0..count).step_by(step) {
        let (x, y) = scene.marks[position].rect.center();
        let found = scene.mark_at(x, y).unwrap_or_else(|| panic!("the centre of mark {position} hits nothing"));
        assert!(scene.marks[found].rect.contains(x, y));
    }
}

/// Keyboard walks from nowhere, from the ends and from a stale position: every step lands on a mark.
fn walk_with_keys(scene: &Scene) {
    let count = scene.marks.len();
    let keys = [
        NavigationKey::Right,
        NavigationKey::Down,
        NavigationKey::Left,
        NavigationKey::Up,
        NavigationKey::End,
        NavigationKey::Home,
    ];
    if count == 0 {
        for key in keys {
            assert_eq!(scene.next_mark(None, key), None);
        }
        return;
    }
    for start in [None, Some(0), Some(count - 1), Some(count + 5), Some(usize::MAX)] {
        for key in keys {
            let next = scene.next_mark(start, key).expect("a scene with marks always has a focus");
            assert!(next < count, "{key:?} from {start:?} gave {next} of {count}");
        }
    }
    // A walk that goes down, then along, then up, as a reader exploring the chart would.
    let mut focus = None;
    for (key, steps) in [(NavigationKey::Down, 12), (NavigationKey::Right, 24), (NavigationKey::Up, 12), (NavigationKey::Left, 8)] {
        for _ in 0..steps {
            focus = scene.next_mark(focus, key);
            assert!(focus.is_some_and(|mark| mark < count));
        }
    }
}
