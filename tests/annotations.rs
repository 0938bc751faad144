//! The note of a fact in focus (a story step's `data-fact`): for every fact, in every view that has a mark for it, in
//! every language and at a phone's and a desktop's width, it is drawn inside the chart and touches no label and no
//! other mark.

use campaign_explainer::chart::render_svg;
use campaign_explainer::data::Lang;
use campaign_explainer::layout::{ANNOTATION_RING_OFFSET, EstimatedTextMeasure, MarkShape, Rect, Scene, View, ViewRequest, layout, text_box};
use campaign_explainer::theme::Theme;

mod common;
use common::built_in;

const WIDTHS: [f64; 3] = [320.0, 460.0, 900.0];

fn describe(rect: &Rect) -> String {
    format!("({:.1}, {:.1}, {:.1} × {:.1})", rect.x, rect.y, rect.width, rect.height)
}

/// Every problem of the scene's note, in words; none when the note is where it should be.
fn problems(scene: &Scene) -> Vec<String> {
    let Some(annotation) = &scene.annotation else { return vec!["no note although the view has a mark for the fact".to_owned()] };
    let mut found = Vec::new();
    let frame = annotation.frame;
    if frame.x < 0.0 || frame.y < 0.0 || frame.right() > scene.width || frame.bottom() > scene.height {
        found.push(format!("the note {} leaves the chart ({} × {})", describe(&frame), scene.width, scene.height));
    }
    for text in &scene.texts {
        let label = text_box(&EstimatedTextMeasure, text);
        if label.intersects(&frame) {
            found.push(format!("the note {} covers the label {:?} at {}", describe(&frame), text.text, describe(&label)));
        }
    }
    for (position, mark) in scene.marks.iter().enumerate() {
        let area = if position == annotation.mark { mark.rect.inflate(ANNOTATION_RING_OFFSET) } else { mark.rect };
        if area.intersects(&frame) {
            found.push(format!("the note {} covers the mark {:?} at {}", describe(&frame), mark.label, describe(&area)));
        }
    }
    // The pointer from the ring to the note crosses no label either.
    let ((x0, y0), (x1, y1)) = annotation.pointer;
    let pointer = Rect::new(x0.min(x1), y0.min(y1), (x1 - x0).abs(), (y1 - y0).abs());
    for text in &scene.texts {
        let label = text_box(&EstimatedTextMeasure, text);
        if label.intersects(&pointer) {
            found.push(format!("the pointer {} crosses the label {:?} at {}", describe(&pointer), text.text, describe(&label)));
        }
    }
    for line in &annotation.lines {
        let drawn = text_box(&EstimatedTextMeasure, line);
        if drawn.x < frame.x || drawn.right() > frame.right() || drawn.y < frame.y || drawn.bottom() > frame.bottom() {
            found.push(format!("the note's line {:?} {} leaves its frame {}", line.text, describe(&drawn), describe(&frame)));
        }
    }
    found
}

#[test]
fn every_note_is_inside_the_chart_and_clear_of_every_label_and_mark() {
    let dataset = built_in();
    let mut checked = 0;
    let mut failures = Vec::new();
    for (fact, record) in dataset.facts().iter().enumerate() {
        let party = dataset.party_index(&record.party).expect("the fact's party");
        let versus = if party == 0 { 1 } else { 0 };
        for view in View::ALL {
            for lang in Lang::ALL {
                for width in WIDTHS {
                    let request = ViewRequest { view, lang, party, versus, width, ..Default::default() };
                    let plain = layout(&dataset, &request, &EstimatedTextMeasure).expect("a layout");
                    let has_mark = plain.marks.iter().any(|mark| mark.fact == Some(fact) && !matches!(mark.shape, MarkShape::Fold { .. }));
                    let focused = layout(&dataset, &ViewRequest { fact: Some(fact), ..request }, &EstimatedTextMeasure).expect("a layout");
                    if !has_mark {
                        assert_eq!(focused.annotation, None, "{} has no mark for fact {fact}: no note", view.as_str());
                        continue;
                    }
                    checked += 1;
                    for problem in problems(&focused) {
                        failures.push(format!("{} {} {width} fact {}: {problem}", view.as_str(), lang.code(), record.id.as_deref().unwrap_or("?")));
                    }
                }
            }
        }
    }
    // Every fact has a mark in the matrix and in its party's view, at least: 37 facts × 2 views × 3 languages × 3 widths.
    assert!(checked >= dataset.facts().len() * 2 * 3 * 3, "only {checked} notes checked");
    assert!(failures.is_empty(), "{} of {checked} notes misplaced:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_note_is_in_the_readers_language_and_in_the_svg() {
    let dataset = built_in();
    let fact = dataset.facts().iter().position(|record| record.id.as_deref() == Some("pam-live-rally-speech")).expect("the fact");
    for lang in Lang::ALL {
        let request = ViewRequest { view: View::Matrix, lang, party: 1, versus: 0, width: 460.0, fact: Some(fact), ..Default::default() };
        let scene = layout(&dataset, &request, &EstimatedTextMeasure).expect("a layout");
        let annotation = scene.annotation.as_ref().expect("a note");
        let first_words: String = dataset.facts()[fact].text.get(lang).split(' ').take(3).collect::<Vec<_>>().join(" ");
        assert!(annotation.lines[0].text.starts_with(&first_words), "{:?} starts with {first_words:?}", annotation.lines[0].text);
        let svg = render_svg(&scene, &Theme::for_scheme(false));
        assert!(svg.contains(&first_words), "the SVG has the note in {}", lang.code());
    }
}

#[test]
fn a_checker_that_sees_an_overlap_fails() {
    // The checker itself must catch a note put over a label.
    let dataset = built_in();
    let request = ViewRequest { view: View::Matrix, lang: Lang::En, width: 460.0, fact: Some(0), ..Default::default() };
    let mut scene = layout(&dataset, &request, &EstimatedTextMeasure).expect("a layout");
    assert!(problems(&scene).is_empty(), "{:?}", problems(&scene));
    let label = text_box(&EstimatedTextMeasure, &scene.texts[5]);
    if let Some(annotation) = &mut scene.annotation {
        annotation.frame = label;
    }
    assert!(!problems(&scene).is_empty());
}
