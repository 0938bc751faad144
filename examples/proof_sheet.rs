//! An editor's proof sheet: every word the widget shows for a dataset, view by view, in one language.
//!
//! `cargo run --example proof_sheet -- fr` prints the built-in dataset's summaries, captions, table cells,
//! chart texts and mark labels for every view and every party, then the fact cards and the CSV header, so
//! an editor can read them beside the article without clicking through the widget. A path after the
//! language reads another dataset.

use std::collections::BTreeSet;

use campaign_explainer::data::{Dataset, Lang};
use campaign_explainer::documents;
use campaign_explainer::export::facts_csv;
use campaign_explainer::layout::{EstimatedTextMeasure, View, ViewRequest, layout};

fn main() -> Result<(), String> {
    let mut arguments = std::env::args().skip(1);
    let lang = arguments.next().and_then(|tag| Lang::from_tag(&tag)).ok_or("usage: proof_sheet ar|fr|en [dataset.json]")?;
    let dataset = match arguments.next() {
        Some(path) => {
            let text = std::fs::read_to_string(&path).map_err(|error| format!("{path}: {error}"))?;
            Dataset::from_json(&text).map_err(|errors| errors.to_string())?
        }
        None => Dataset::built_in().map_err(|errors| errors.to_string())?,
    };
    let party_count = dataset.parties().len();
    let mut already_shown = BTreeSet::new();
    for view in View::ALL {
        let pairs: Vec<(usize, usize)> = match view {
            View::Party => (0..party_count).map(|party| (party, 0)).collect(),
            View::Compare => (0..party_count).flat_map(|party| (0..party_count).filter(move |&versus| versus != party).map(move |versus| (party, versus))).collect(),
            _ => vec![(0, dataset.default_versus())],
        };
        for (party, versus) in pairs {
            let request = ViewRequest { view, lang, party, versus, width: 640.0, ..Default::default() };
            let scene = layout(&dataset, &request, &EstimatedTextMeasure).map_err(|error| error.to_string())?;
            println!("\n== {} party={party} versus={versus}", view.as_str());
            println!("summary: {}", scene.summary);
            println!("caption: {}", scene.table.caption);
            println!("header: {}", scene.table.header.join(" | "));
            for row in &scene.table.rows {
                println!("row: {}", row.join(" | "));
            }
            for text in &scene.texts {
                if already_shown.insert(text.text.clone()) {
                    println!("text: {}", text.text);
                }
            }
            for mark in &scene.marks {
                if already_shown.insert(mark.label.clone()) {
                    println!("mark: {}", mark.label);
                }
            }
        }
    }
    println!("\n== fact cards");
    for (position, fact) in dataset.facts().iter().enumerate() {
        println!("{}: {}", documents::fact_id(&dataset, position).unwrap_or_default(), fact.text.get(lang));
        if let Some(note) = &fact.note {
            println!("    note: {}", note.get(lang));
        }
    }
    println!("\n== csv header\n{}", facts_csv(&dataset, lang).lines().next().unwrap_or_default());
    Ok(())
}
