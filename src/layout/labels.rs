//! Names of parties, tactics, categories and statuses in the reader's language, looked up without panicking.

use crate::data::{Dataset, Lang, Status};
use crate::i18n::{UiText, ui, ui_fill};

/// The party's name on axes: its short name where the dataset gives one.
pub fn party_short(dataset: &Dataset, lang: Lang, party: usize) -> &str {
    dataset.parties().get(party).map_or("", |party| party.label(lang))
}

pub fn party_full(dataset: &Dataset, lang: Lang, party: usize) -> &str {
    dataset.parties().get(party).map_or("", |party| party.name.get(lang))
}

pub fn tactic_name(dataset: &Dataset, lang: Lang, tactic: usize) -> &str {
    dataset.tactics().get(tactic).map_or("", |tactic| tactic.name.get(lang))
}

pub fn category_name(dataset: &Dataset, lang: Lang, category: usize) -> &str {
    dataset.categories().get(category).map_or("", |category| category.name.get(lang))
}

/// The status inside a sentence: "reported as not used".
pub fn status_phrase(lang: Lang, status: Option<Status>) -> &'static str {
    ui(
        lang,
        match status {
            Some(Status::Used) => UiText::StatusUsed,
            Some(Status::NotUsed) => UiText::StatusNotUsed,
            None => UiText::StatusNotReported,
        },
    )
}

/// The status on its own, in a legend or a table cell: "Reported as not used".
pub fn status_name(lang: Lang, status: Option<Status>) -> &'static str {
    ui(
        lang,
        match status {
            Some(Status::Used) => UiText::LegendUsed,
            Some(Status::NotUsed) => UiText::LegendNotUsed,
            None => UiText::LegendNotReported,
        },
    )
}

/// What a screen reader announces for one party and one tactic:
/// "PAM, Live broadcast of a rally or major speech: reported as not used".
pub fn fact_label(dataset: &Dataset, lang: Lang, party: usize, tactic: usize) -> String {
    ui_fill(
        lang,
        UiText::MarkFact,
        &[
            ("party", party_short(dataset, lang, party)),
            ("tactic", tactic_name(dataset, lang, tactic)),
            ("status", status_phrase(lang, dataset.status(party, tactic))),
        ],
    )
}
