//! Hit testing, keyboard order and robustness of the laid-out views, on the built-in dataset and on extreme ones.

use campaign_explainer::data::{Dataset, Lang, Status};
use campaign_explainer::layout::{
    EstimatedTextMeasure, LayoutError, MIN_TARGET, MarkShape, NavigationKey, Rect, Scene, TextAnchor, TextMeasure, TextStyle, View, ViewRequest,
    layout, line_height,
};

mod common;
use common::built_in;

fn scene(dataset: &Dataset, view: View, lang: Lang, width: f64) -> Scene {
    let versus = if dataset.parties().len() > 1 { 1 } else { 0 };
    let request = ViewRequest { view, lang, party: 0, versus, width, ..Default::default() };
    layout(dataset, &request, &EstimatedTextMeasure).unwrap()
}

/// The scene with only the marks of its cells: the matrix's category headings, which fold their rows,
/// left out, for the tests of the grid of cells.
fn cells_only(mut scene: Scene) -> Scene {
    scene.marks.retain(|mark| !matches!(mark.shape, MarkShape::Fold { .. }));
    scene
}

fn every_scene(dataset: &Dataset, widths: &[f64]) -> Vec<(String, Scene)> {
    let mut scenes = Vec::new();
    for view in View::ALL {
        for lang in Lang::ALL {
            for &width in widths {
                scenes.push((format!("{}-{}-{}", view.as_str(), lang.code(), width), scene(dataset, view, lang, width)));
            }
        }
    }
    scenes
}

/// A synthetic dataset: `parties` parties whose names are `name_chars` long,
/// `tactics` tactics in three categories, and, when `with_facts`, a varied pattern of facts.
fn synthetic(parties: usize, tactics: usize, name_chars: usize, with_facts: bool) -> Dataset {
    let long = |seed: &str| {
        let mut name = String::new();
        while name.chars().count() < name_chars {
            name.push_str(seed);
            name.push(' ');
        }
        name.chars().take(name_chars).collect::<String>().trim().to_owned()
    };
    let localized = |ar: &str, latin: &str| {
        format!(r#"{{"ar":"{}","fr":"{}","en":"{}"}}"#, long(ar), long(latin), long(latin))
    };
    let parties_json: Vec<String> = (0..parties)
        .map(|party| {
            let camp = if party % 3 == 0 { "majority" } else { "opposition" };
            format!(
                r#"{{"id":"p{party}","camp":"{camp}","name":{}}}"#,
                localized(&format!("حزب الاتحاد الاشتراكي للقوات الشعبية {party}"), &format!("Union socialiste des forces populaires {party}"))
            )
        })
        .collect();
    let tactics_json: Vec<String> = (0..tactics)
        .map(|tactic| {
            format!(
                r#"{{"id":"t{tactic}","category":"c{}","name":{}}}"#,
                tactic % 3,
                localized(&format!("إجابة المرشحين عن أسئلة المواطنين عبر البث المباشر {tactic}"), &format!("Candidates answering questions on Facebook Live {tactic}"))
            )
        })
        .collect();
    let categories_json: Vec<String> =
        (0..3).map(|category| format!(r#"{{"id":"c{category}","name":{}}}"#, localized("فئة", "Category"))).collect();
    let mut facts_json = Vec::new();
    if with_facts {
        for party in 0..parties {
            for tactic in 0..tactics {
                let pattern = (party * 7 + tactic * 3) % 5;
                let status = match pattern {
                    0 | 1 => "used",
                    2 => "not_used",
                    _ => continue,
                };
                let when = match (party + tactic) % 3 {
                    0 => r#","when":"before_start""#,
                    1 => r#","when":"after_start""#,
                    _ => "",
                };
                facts_json.push(format!(
                    r#"{{"party":"p{party}","tactic":"t{tactic}","status":"{status}"{when},"quote":"نص","text":{{"ar":"نص","fr":"texte","en":"text"}}}}"#
                ));
            }
        }
    }
    let json = format!(
        r#"{{"categories":[{}],"parties":[{}],"tactics":[{}],"facts":[{}]}}"#,
        categories_json.join(","),
        parties_json.join(","),
        tactics_json.join(","),
        facts_json.join(",")
    );
    Dataset::from_json(&json).unwrap()
}

#[test]
fn the_mark_at_each_marks_centre_is_that_mark_and_marks_never_overlap() {
    let dataset = built_in();
    for (name, scene) in every_scene(&dataset, &[320.0, 640.0]) {
        assert!(!scene.marks.is_empty(), "{name} has no marks");
        for (position, mark) in scene.marks.iter().enumerate() {
            let (x, y) = mark.rect.center();
            assert_eq!(scene.mark_at(x, y), Some(position), "{name}: mark {position} {:?}", mark.rect);
            for (other_position, other) in scene.marks.iter().enumerate().skip(position + 1) {
                assert!(!mark.rect.intersects(&other.rect), "{name}: marks {position} and {other_position} overlap");
            }
        }
    }
}

#[test]
fn nothing_is_under_the_margins_or_outside_the_scene() {
    let dataset = built_in();
    for (name, scene) in every_scene(&dataset, &[320.0, 640.0]) {
        let (width, height) = (scene.width, scene.height);
        for (x, y) in [
            (2.0, 2.0),
            (width - 2.0, 2.0),
            (2.0, height - 2.0),
            (width - 2.0, height - 2.0),
            (width / 2.0, 2.0),
            (-1.0, height / 2.0),
            (width + 1.0, height / 2.0),
            (width / 2.0, height + 1.0),
            (f64::NAN, 10.0),
            (10.0, f64::INFINITY),
        ] {
            assert_eq!(scene.mark_at(x, y), None, "{name}: ({x}, {y})");
        }
    }
}

#[test]
fn marks_are_big_enough_to_hit_and_inside_the_scene() {
    let dataset = built_in();
    for (name, scene) in every_scene(&dataset, &[280.0, 320.0, 640.0, 1200.0]) {
        for mark in &scene.marks {
            let rect = mark.rect;
            assert!(rect.width >= MIN_TARGET && rect.height >= MIN_TARGET, "{name}: {:?} is too small", rect);
            assert!(rect.x >= 0.0 && rect.right() <= scene.width && rect.y >= 0.0 && rect.bottom() <= scene.height, "{name}: {:?}", rect);
        }
    }
}

#[test]
fn every_fact_mark_leads_back_to_its_fact() {
    let dataset = built_in();
    for (name, scene) in every_scene(&dataset, &[320.0, 640.0]) {
        for mark in &scene.marks {
            let Some(fact) = mark.fact else { continue };
            let record = &dataset.facts()[fact];
            assert_eq!(mark.party, dataset.party_of_fact(fact), "{name}: {}", mark.label);
            assert_eq!(mark.tactic, dataset.tactic_of_fact(fact), "{name}: {}", mark.label);
            assert_eq!(mark.status, Some(record.status), "{name}: {}", mark.label);
        }
        // Conversely, a mark for a party and a tactic with a fact must carry it.
        for mark in &scene.marks {
            if let (Some(party), Some(tactic)) = (mark.party, mark.tactic) {
                assert_eq!(mark.fact, dataset.fact_index(party, tactic), "{name}: {}", mark.label);
            }
        }
    }
}

#[test]
fn the_matrix_shows_every_fact_once_and_the_timeline_every_used_fact_once() {
    let dataset = built_in();
    for lang in Lang::ALL {
        let matrix = scene(&dataset, View::Matrix, lang, 640.0);
        let timeline = scene(&dataset, View::Timeline, lang, 640.0);
        for (fact, record) in dataset.facts().iter().enumerate() {
            let in_matrix = matrix.marks.iter().filter(|mark| mark.fact == Some(fact)).count();
            assert_eq!(in_matrix, 1, "fact {fact} in the matrix");
            let in_timeline = timeline.marks.iter().filter(|mark| mark.fact == Some(fact)).count();
            assert_eq!(in_timeline, usize::from(record.status == Status::Used), "fact {fact} in the timeline");
        }
        let cells = dataset.parties().len() * dataset.tactics().len();
        let headings = matrix.marks.iter().filter(|mark| matches!(mark.shape, MarkShape::Fold { .. })).count();
        assert_eq!(matrix.marks.len(), cells + headings);
        assert_eq!(headings, dataset.categories().len(), "one heading per category");
    }
}

#[test]
fn mark_labels_name_party_tactic_and_status_in_the_view_language() {
    let dataset = built_in();
    let pam = dataset.party_index("pam").unwrap();
    let rally = dataset.tactic_index("live-rally-speech").unwrap();
    let label = |lang| {
        let matrix = scene(&dataset, View::Matrix, lang, 640.0);
        matrix.marks.iter().find(|mark| mark.party == Some(pam) && mark.tactic == Some(rally)).unwrap().label.clone()
    };
    // « لم يستعمل بعد »: not yet, at the time of writing.
    assert_eq!(label(Lang::En), "PAM, Live broadcast of a rally or major speech: reported as not yet used");
    assert!(label(Lang::Fr).contains("signalée comme pas encore utilisée"), "{}", label(Lang::Fr));
    assert!(label(Lang::Ar).contains("ذُكر أنه لم يُستعمل بعد"), "{}", label(Lang::Ar));
    assert!(label(Lang::Ar).contains("الأصالة والمعاصرة"), "{}", label(Lang::Ar));
}

#[test]
fn right_walks_every_mark_in_reading_order_and_left_walks_back() {
    let dataset = built_in();
    for (name, scene) in every_scene(&dataset, &[320.0, 640.0]) {
        let (forward, backward) =
            if scene.right_to_left { (NavigationKey::Left, NavigationKey::Right) } else { (NavigationKey::Right, NavigationKey::Left) };
        let last = scene.marks.len() - 1;
        let mut visited = vec![scene.next_mark(None, forward).unwrap()];
        while let Some(next) = scene.next_mark(visited.last().copied(), forward) {
            if Some(&next) == visited.last() {
                break;
            }
            visited.push(next);
        }
        assert_eq!(visited, (0..=last).collect::<Vec<_>>(), "{name}");
        assert_eq!(scene.next_mark(Some(last), backward), Some(last.saturating_sub(1)), "{name}");
        assert_eq!(scene.next_mark(Some(0), backward), Some(0), "{name}: stays at the first mark");
    }
}

#[test]
fn reading_order_follows_the_page_direction() {
    let dataset = built_in();
    for lang in Lang::ALL {
        let matrix = cells_only(scene(&dataset, View::Matrix, lang, 640.0));
        for pair in matrix.marks.windows(2) {
            let (first, second) = (pair[0].rect, pair[1].rect);
            if (first.y - second.y).abs() < 1.0 {
                // Same row: the next mark is further along the line.
                if lang == Lang::Ar {
                    assert!(second.x < first.x, "{lang:?}: {first:?} then {second:?}");
                } else {
                    assert!(second.x > first.x, "{lang:?}: {first:?} then {second:?}");
                }
            } else {
                assert!(second.y > first.y, "{lang:?}: rows go down");
            }
        }
        // The first party is on the start side: left in French and English, right in Arabic.
        let first = matrix.marks[0].rect;
        let second = matrix.marks[1].rect;
        assert_eq!(first.x > second.x, lang == Lang::Ar);
    }
}

#[test]
fn down_from_a_cell_skips_the_category_headings_and_stays_in_its_column() {
    let dataset = built_in();
    for lang in Lang::ALL {
        let matrix = scene(&dataset, View::Matrix, lang, 640.0);
        for (position, mark) in matrix.marks.iter().enumerate() {
            let Some(party) = mark.party else { continue };
            let down = matrix.next_mark(Some(position), NavigationKey::Down).unwrap();
            assert!(!matches!(matrix.marks[down].shape, MarkShape::Fold { .. }), "{lang:?}: down from {position} lands on a heading");
            assert!(down == position || matrix.marks[down].party == Some(party), "{lang:?}: down from {position} leaves the column");
        }
        // A heading is reached in reading order: forward from the cell before it.
        let heading = matrix.marks.iter().skip(1).position(|mark| matches!(mark.shape, MarkShape::Fold { .. })).unwrap() + 1;
        let forward = if lang == Lang::Ar { NavigationKey::Left } else { NavigationKey::Right };
        assert_eq!(matrix.next_mark(Some(heading - 1), forward), Some(heading));
    }
}

#[test]
fn arabic_mirrors_the_arrow_keys() {
    let dataset = built_in();
    let arabic = cells_only(scene(&dataset, View::Matrix, Lang::Ar, 640.0));
    let english = cells_only(scene(&dataset, View::Matrix, Lang::En, 640.0));
    assert!(arabic.right_to_left && !english.right_to_left);
    assert_eq!(arabic.next_mark(Some(0), NavigationKey::Left), Some(1));
    assert_eq!(arabic.next_mark(Some(1), NavigationKey::Right), Some(0));
    assert_eq!(english.next_mark(Some(0), NavigationKey::Right), Some(1));
    assert_eq!(english.next_mark(Some(1), NavigationKey::Left), Some(0));
    // Moving "Left" in Arabic goes to the mark visually on the left.
    let from = arabic.marks[0].rect.center().0;
    let to = arabic.marks[1].rect.center().0;
    assert!(to < from);
}

#[test]
fn up_and_down_stay_in_the_column() {
    let dataset = built_in();
    for lang in Lang::ALL {
        let matrix = cells_only(scene(&dataset, View::Matrix, lang, 640.0));
        let party_count = dataset.parties().len();
        for start in [0, 2, party_count + 1] {
            let down = matrix.next_mark(Some(start), NavigationKey::Down).unwrap();
            assert_eq!(down, start + party_count, "{lang:?} from {start}");
            assert_eq!(matrix.marks[down].party, matrix.marks[start].party);
            assert_eq!(matrix.next_mark(Some(down), NavigationKey::Up), Some(start));
        }
        let last = matrix.marks.len() - 1;
        assert_eq!(matrix.next_mark(Some(last), NavigationKey::Down), Some(last), "no row below");
        assert_eq!(matrix.next_mark(Some(0), NavigationKey::Up), Some(0), "no row above");
    }
}

#[test]
fn home_end_and_no_focus_yet() {
    let dataset = built_in();
    let matrix = scene(&dataset, View::Matrix, Lang::En, 640.0);
    let last = matrix.marks.len() - 1;
    assert_eq!(matrix.next_mark(Some(5), NavigationKey::Home), Some(0));
    assert_eq!(matrix.next_mark(Some(5), NavigationKey::End), Some(last));
    assert_eq!(matrix.next_mark(None, NavigationKey::Down), Some(0));
    assert_eq!(matrix.next_mark(None, NavigationKey::End), Some(last));
    assert_eq!(matrix.next_mark(Some(last + 10), NavigationKey::Right), Some(0), "an unknown focus starts over");
    let empty = Scene { marks: Vec::new(), ..matrix };
    assert_eq!(empty.next_mark(None, NavigationKey::Right), None);
    assert_eq!(empty.mark_at(10.0, 10.0), None);
}

/// The horizontal extent of a text as the layout planned it.
fn text_extent(text: &campaign_explainer::layout::SceneText) -> (f64, f64) {
    let width = EstimatedTextMeasure.text_width(&text.text, text.font_size) * if text.bold { 1.07 } else { 1.0 };
    match text.anchor {
        TextAnchor::Left => (text.x, text.x + width),
        TextAnchor::Center => (text.x - width / 2.0, text.x + width / 2.0),
        TextAnchor::Right => (text.x - width, text.x),
    }
}

fn assert_texts_are_legible_and_apart(name: &str, scene: &Scene) {
    for text in &scene.texts {
        assert!(text.font_size >= 12.0, "{name}: {:?} is smaller than 12 px", text.text);
        let (start, end) = text_extent(text);
        assert!(start >= -0.5 && end <= scene.width + 0.5, "{name}: {:?} spills out ({start:.1}..{end:.1} of {})", text.text, scene.width);
    }
    // Sorted by line, so only texts on nearby lines need comparing.
    let mut by_line: Vec<&campaign_explainer::layout::SceneText> = scene.texts.iter().collect();
    by_line.sort_by(|first, second| first.y.total_cmp(&second.y));
    for (position, first) in by_line.iter().enumerate() {
        let (first_start, first_end) = text_extent(first);
        for second in by_line.iter().skip(position + 1) {
            if second.y - first.y >= (first.font_size + second.font_size) * 0.5 {
                break;
            }
            let (second_start, second_end) = text_extent(second);
            let overlap = first_start < second_end - 0.5 && second_start < first_end - 0.5;
            assert!(!overlap, "{name}: {:?} overlaps {:?}", first.text, second.text);
        }
    }
}

#[test]
fn texts_are_at_least_12_px_inside_the_scene_and_never_overlap() {
    let dataset = built_in();
    for (name, scene) in every_scene(&dataset, &[280.0, 320.0, 640.0, 1400.0]) {
        assert_texts_are_legible_and_apart(&name, &scene);
    }
}

#[test]
fn shortened_names_end_with_an_ellipsis_and_stay_whole_in_labels_and_table() {
    let dataset = synthetic(5, 6, 120, true);
    let matrix = scene(&dataset, View::Matrix, Lang::En, 320.0);
    let shortened: Vec<&str> = matrix.texts.iter().map(|text| text.text.as_str()).filter(|text| text.ends_with('…')).collect();
    assert!(!shortened.is_empty(), "120-character names cannot fit a phone whole");
    let full_name = &dataset.tactics()[0].name.en;
    assert!(matrix.marks.iter().any(|mark| mark.label.contains(full_name.as_str())));
    assert!(matrix.table.rows.iter().any(|row| row.contains(full_name)));
}

#[test]
fn layout_never_panics_on_extreme_widths_and_datasets() {
    let datasets = [
        ("built-in", built_in()),
        ("one party", synthetic(1, 4, 12, true)),
        ("no facts", synthetic(5, 6, 20, false)),
        ("forty parties", synthetic(40, 12, 30, true)),
        ("very long names", synthetic(6, 8, 120, true)),
    ];
    for (dataset_name, dataset) in &datasets {
        for width in [0.0, 1.0, 280.0, 320.0, 10_000.0, f64::NAN, f64::INFINITY, -40.0] {
            for view in View::ALL {
                for lang in Lang::ALL {
                    let name = format!("{dataset_name} {} {} {width}", view.as_str(), lang.code());
                    let scene = scene(dataset, view, lang, width);
                    assert!((280.0..=2000.0).contains(&scene.width), "{name}: width {}", scene.width);
                    assert!(scene.height.is_finite() && scene.height > 0.0, "{name}: height {}", scene.height);
                    assert!(!scene.summary.is_empty(), "{name}: no summary");
                    assert!(!scene.table.caption.is_empty() && !scene.table.header.is_empty(), "{name}: no table");
                    for row in &scene.table.rows {
                        assert_eq!(row.len(), scene.table.header.len(), "{name}: ragged table");
                    }
                    for mark in &scene.marks {
                        assert!(mark.rect.width >= MIN_TARGET && mark.rect.height >= MIN_TARGET, "{name}: {:?}", mark.rect);
                        assert!(!mark.label.is_empty(), "{name}: unlabelled mark");
                    }
                    assert_texts_are_legible_and_apart(&name, &scene);
                }
            }
        }
    }
}

#[test]
fn forty_parties_on_a_phone_go_in_blocks_of_columns_that_fit() {
    let dataset = synthetic(40, 4, 10, true);
    let matrix = scene(&dataset, View::Matrix, Lang::En, 320.0);
    assert_eq!(cells_only(matrix.clone()).marks.len(), 40 * 4, "every cell is drawn");
    assert!(matrix.marks.iter().all(|mark| mark.rect.right() <= 320.0));
}

fn matrix_for(dataset: &Dataset, lang: Lang, width: f64, party: usize) -> Scene {
    layout(dataset, &ViewRequest { view: View::Matrix, lang, party, versus: 0, width, ..Default::default() }, &EstimatedTextMeasure).unwrap()
}

#[test]
fn the_emphasised_party_changes_no_mark_text_table_or_summary_of_the_matrix() {
    let dataset = built_in();
    for lang in Lang::ALL {
        for width in [320.0, 640.0] {
            let first = matrix_for(&dataset, lang, width, 0);
            for party in 1..dataset.parties().len() {
                let other = matrix_for(&dataset, lang, width, party);
                let name = format!("{} {width} party {party}", lang.code());
                assert_ne!(first.emphasised_party, other.emphasised_party, "{name}");
                assert_eq!(first.marks, other.marks, "{name}: hit testing, order and labels");
                assert_eq!(first.texts, other.texts, "{name}");
                assert_eq!(first.shapes, other.shapes, "{name}");
                assert_eq!((&first.table, &first.summary), (&other.table, &other.summary), "{name}");
            }
        }
    }
}

/// The line box of a text as the layout planned it.
fn text_box(text: &campaign_explainer::layout::SceneText) -> Rect {
    let (start, end) = text_extent(text);
    let height = line_height(TextStyle { font_size: text.font_size, bold: text.bold });
    Rect::new(start, text.y - height / 2.0, end - start, height)
}

#[test]
fn forty_parties_on_a_phone_each_emphasise_their_own_column_and_overlap_nothing() {
    let datasets = [("short names", synthetic(40, 4, 10, true)), ("long names", synthetic(40, 12, 30, true))];
    for (dataset_name, dataset) in &datasets {
        for lang in [Lang::Ar, Lang::En] {
            let scene = matrix_for(dataset, lang, 320.0, 0);
            let name = format!("{dataset_name} {}", lang.code());
            assert_eq!(scene.party_emphasis.len(), 40, "{name}: every party can be emphasised");
            let inside = |rect: &Rect| rect.x >= -0.5 && rect.y >= 0.0 && rect.right() <= scene.width + 0.5 && rect.bottom() <= scene.height;
            for emphasis in &scene.party_emphasis {
                let name = format!("{name} party {}", emphasis.party);
                assert!(inside(&emphasis.band) && inside(&emphasis.underline), "{name}: {emphasis:?} outside the scene");
                for mark in &scene.marks {
                    if mark.party == Some(emphasis.party) {
                        let band = emphasis.band.inflate(0.01);
                        let corners = [(mark.rect.x, mark.rect.y), (mark.rect.right() - 0.02, mark.rect.bottom() - 0.02)];
                        assert!(corners.iter().all(|&(x, y)| band.contains(x, y)), "{name}: {:?} outside its band", mark.rect);
                    } else if mark.party.is_some() {
                        assert!(!mark.rect.intersects(&emphasis.band), "{name}: the band covers {:?}", mark.label);
                    }
                    assert!(!mark.rect.intersects(&emphasis.underline), "{name}: the underline crosses {:?}", mark.label);
                }
                for text in &scene.texts {
                    assert!(!text_box(text).intersects(&emphasis.underline), "{name}: the underline crosses {:?}", text.text);
                }
            }
        }
    }
}

#[test]
fn a_party_position_past_the_end_is_an_error_for_the_views_that_use_it() {
    let dataset = built_in();
    let count = dataset.parties().len();
    for view in [View::Party, View::Compare] {
        let request = ViewRequest { view, lang: Lang::En, party: count, versus: 0, width: 640.0, ..Default::default() };
        assert_eq!(
            layout(&dataset, &request, &EstimatedTextMeasure),
            Err(LayoutError::PartyOutOfRange { position: count, party_count: count })
        );
    }
    let versus_out = ViewRequest { view: View::Compare, lang: Lang::En, party: 0, versus: 99, width: 640.0, ..Default::default() };
    assert!(layout(&dataset, &versus_out, &EstimatedTextMeasure).is_err());
    let matrix = ViewRequest { view: View::Matrix, lang: Lang::En, party: 99, versus: 99, width: 640.0, ..Default::default() };
    assert!(layout(&dataset, &matrix, &EstimatedTextMeasure).is_ok(), "views without a party ignore it");
}

#[test]
fn summaries_and_tables_speak_the_view_language() {
    let dataset = built_in();
    let arabic_letter = |text: &str| text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
    for view in View::ALL {
        let arabic = scene(&dataset, view, Lang::Ar, 640.0);
        let english = scene(&dataset, view, Lang::En, 640.0);
        assert!(arabic_letter(&arabic.summary) && arabic_letter(&arabic.table.caption), "{view:?}");
        assert!(!arabic_letter(&english.summary) && !arabic_letter(&english.table.caption), "{view:?}: {}", english.summary);
    }
    let compare = scene(&dataset, View::Compare, Lang::En, 640.0);
    assert!(compare.summary.starts_with("PJD and PAM, as the article reports them: similarity 0.38."), "{}", compare.summary);
    let camps = scene(&dataset, View::Camps, Lang::En, 640.0);
    assert!(camps.summary.contains("Tactics reported as used: majority 13 of 20 (65%), opposition 13 of 20 (65%)."), "{}", camps.summary);
    assert!(camps.summary.ends_with("Other majority parties, not in the article: RNI and Popular Movement."), "{}", camps.summary);
    let arabic_compare = scene(&dataset, View::Compare, Lang::Ar, 640.0);
    assert!(arabic_compare.summary.starts_with("العدالة والتنمية مقابل الأصالة والمعاصرة"), "{}", arabic_compare.summary);
}

#[test]
fn a_touch_near_a_mark_finds_it_and_a_touch_far_from_every_mark_finds_nothing() {
    let dataset = built_in();
    let request = ViewRequest { view: View::Matrix, lang: Lang::En, party: 0, versus: 1, width: 360.0, ..Default::default() };
    let scene = campaign_explainer::layout::layout(&dataset, &request, &EstimatedTextMeasure).unwrap();
    for (position, mark) in scene.marks.iter().enumerate() {
        let (x, y) = mark.rect.center();
        assert_eq!(scene.mark_near(x, y, 22.0), Some(position), "a touch on a mark is that mark");
    }
    // Just below the last mark's bottom edge: outside it, but within a fingertip's reach.
    let last = scene.marks.len() - 1;
    let mark = &scene.marks[last];
    let (x, _) = mark.rect.center();
    let below = mark.rect.bottom() + 10.0;
    if scene.mark_at(x, below).is_none() {
        assert!(scene.mark_near(x, below, 22.0).is_some());
        assert_eq!(scene.mark_near(x, below, 0.0), None);
    }
    assert_eq!(scene.mark_near(-500.0, -500.0, 22.0), None);
    assert_eq!(scene.mark_near(f64::NAN, 10.0, 22.0), None);
}
