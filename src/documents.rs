//! The small documents the web layer hands JavaScript: a mark's details, the party pickers, the
//! state, the widget's words. Plain serializable structs, so they are tested natively and cross the
//! boundary through serde-wasm-bindgen as plain objects.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::data::{Dataset, Lang, Status, Timing};
use crate::i18n::{UiText, labelled, ui};
use crate::layout::{MarkShape, Scene, View};

/// The state the host reflects into attributes, events and the URL hash.
#[derive(Serialize, Debug, PartialEq)]
pub struct State<'a> {
    pub view: &'a str,
    pub lang: &'a str,
    pub party: Option<&'a str>,
    pub versus: Option<&'a str>,
    /// The fact in focus, by id; left out without one, so the contract's four members stay all there is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fact: Option<String>,
}

/// A party for the pickers, in the reader's language.
#[derive(Serialize, Debug, PartialEq)]
pub struct PartyChoice<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub name: &'a str,
}

pub fn parties(dataset: &Dataset, lang: Lang) -> Vec<PartyChoice<'_>> {
    dataset.parties().iter().map(|party| PartyChoice { id: &party.id, label: party.label(lang), name: party.name.get(lang) }).collect()
}

/// A button of the element: the value it stands for and its name in the reader's language.
#[derive(Serialize, Debug, PartialEq)]
pub struct Choice {
    pub id: &'static str,
    pub label: &'static str,
}

/// The views, in the order of the element's tabs.
pub fn views(lang: Lang) -> Vec<Choice> {
    View::ALL.into_iter().map(|view| Choice { id: view.as_str(), label: view.title(lang) }).collect()
}

/// The languages of the language menu, each named in itself.
pub fn languages() -> Vec<Choice> {
    Lang::ALL.into_iter().map(|lang| Choice { id: lang.code(), label: lang.endonym() }).collect()
}

/// The download formats, in the order of the element's buttons.
pub fn downloads(lang: Lang) -> Vec<Choice> {
    [("png", UiText::DownloadPng), ("svg", UiText::DownloadSvg), ("csv", UiText::DownloadCsv), ("json", UiText::DownloadJson)]
        .into_iter()
        .map(|(id, key)| Choice { id, label: ui(lang, key) })
        .collect()
}

/// Every word of the widget in `lang`, by `UiText` name, for the controls around the canvas.
pub fn ui_words(lang: Lang) -> BTreeMap<&'static str, &'static str> {
    UiText::ALL.iter().map(|key| (key.key(), ui(lang, *key))).collect()
}

/// Everything the host shows about a mark: tooltip, card and announcement.
#[derive(Serialize, Debug, PartialEq)]
pub struct MarkDetails<'a> {
    pub index: usize,
    pub label: &'a str,
    /// x, y, width, height in CSS pixels, to the hundredth: far finer than a pointer.
    pub rect: [f64; 4],
    pub party: Option<&'a str>,
    pub tactic: Option<&'a str>,
    pub fact: Option<FactDetails<'a>>,
    /// For a category's heading in the matrix: the category it folds or unfolds.
    pub fold: Option<&'a str>,
}

#[derive(Serialize, Debug, PartialEq)]
pub struct FactDetails<'a> {
    pub index: usize,
    pub id: String,
    pub status: Status,
    pub when: Option<Timing>,
    pub text: &'a str,
    pub quote: &'a str,
    pub note: Option<&'a str>,
    /// The note as the card shows it, after its heading: "Note: …", "Remarque : …".
    pub note_line: Option<String>,
}

pub fn mark<'a>(dataset: &'a Dataset, scene: &'a Scene, index: usize, lang: Lang) -> Option<MarkDetails<'a>> {
    let mark = scene.marks.get(index)?;
    let hundredths = |value: f64| (value * 100.0).round() / 100.0;
    let fact = mark.fact.and_then(|position| {
        let record = dataset.facts().get(position)?;
        Some(FactDetails {
            index: position,
            id: fact_id(dataset, position)?,
            status: record.status,
            when: record.when,
            text: record.text.get(lang),
            quote: &record.quote,
            note: record.note.as_ref().map(|note| note.get(lang)),
            note_line: record.note.as_ref().map(|note| labelled(lang, ui(lang, UiText::NoteHeading), note.get(lang))),
        })
    });
    Some(MarkDetails {
        index,
        label: &mark.label,
        rect: [mark.rect.x, mark.rect.y, mark.rect.width, mark.rect.height].map(hundredths),
        party: mark.party.and_then(|party| dataset.parties().get(party)).map(|party| party.id.as_str()),
        tactic: mark.tactic.and_then(|tactic| dataset.tactics().get(tactic)).map(|tactic| tactic.id.as_str()),
        fact,
        fold: match mark.shape {
            MarkShape::Fold { category, .. } => dataset.categories().get(category).map(|category| category.id.as_str()),
            _ => None,
        },
    })
}

/// A fact's id; `facts-N` by its position for a fact without one, as the dataset's paths name it.
pub fn fact_id(dataset: &Dataset, position: usize) -> Option<String> {
    let record = dataset.facts().get(position)?;
    Some(record.id.clone().unwrap_or_else(|| format!("facts-{position}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{EstimatedTextMeasure, View, ViewRequest, layout};

    #[test]
    fn a_mark_of_the_matrix_carries_its_fact_with_the_verbatim_quote() {
        let dataset = Dataset::built_in().unwrap();
        let request = ViewRequest { view: View::Matrix, lang: Lang::En, party: 0, versus: 1, width: 640.0, ..Default::default() };
        let scene = layout(&dataset, &request, &EstimatedTextMeasure).unwrap();
        let index = scene.marks.iter().position(|mark| mark.fact.is_some()).unwrap();
        let details = mark(&dataset, &scene, index, Lang::En).unwrap();
        let json = serde_json::to_value(&details).unwrap();
        let fact = &dataset.facts()[details.fact.as_ref().unwrap().index];
        assert_eq!(json["fact"]["quote"], fact.quote.as_str());
        assert_eq!(json["fact"]["text"], fact.text.en.as_str());
        assert_eq!(json["fact"]["status"], fact.status.spelling());
        assert_eq!(json["party"], fact.party.as_str());
        assert_eq!(json["rect"].as_array().unwrap().len(), 4);
        assert!(mark(&dataset, &scene, scene.marks.len(), Lang::En).is_none());
    }

    #[test]
    fn the_views_are_the_tabs_in_order_with_their_names() {
        let views = views(Lang::En);
        assert_eq!(views.iter().map(|view| view.id).collect::<Vec<_>>(), ["matrix", "party", "compare", "camps", "timeline"]);
        assert_eq!(views[0].label, "Who used what");
    }

    #[test]
    fn the_words_are_every_ui_text_by_key() {
        let words = ui_words(Lang::Fr);
        assert_eq!(words.len(), UiText::ALL.len());
        assert_eq!(words["ViewMatrix"], "Qui a utilisé quoi");
    }
}
