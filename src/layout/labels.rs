//! Names of parties, tactics, categories and statuses in the reader's language, looked up without panicking.

use crate::data::{Dataset, Gender, Lang, Status};
use crate::i18n::{UiText, ui, ui_fill};

/// The party's name on axes: its short name where the dataset gives one.
pub fn party_short(dataset: &Dataset, lang: Lang, party: usize) -> &str {
    dataset.parties().get(party).map_or("", |party| party.label(lang))
}

pub fn party_full(dataset: &Dataset, lang: Lang, party: usize) -> &str {
    dataset.parties().get(party).map_or("", |party| party.name.get(lang))
}

/// How a party's name follows a preposition in a sentence.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SentenceForm {
    /// After "par", "que", or as a subject: "le PJD", "l’USFP", "la Gauche".
    Plain,
    /// After "de": "du PJD", "de l’USFP", "de la Gauche", "d’Ennahda".
    AfterDe,
}

/// A party's name (short, or full when `full`) as a sentence needs it. French puts its article before
/// a party's name, elided and contracted as the name and the party's `french_gender` and `french_article` require;
/// Arabic and English templates are written so that the bare name reads right.
pub fn party_in_sentence(dataset: &Dataset, lang: Lang, party: usize, full: bool, form: SentenceForm) -> String {
    let Some(record) = dataset.parties().get(party) else { return String::new() };
    let name = if full { record.name.get(lang) } else { record.label(lang) };
    if lang != Lang::Fr {
        return name.to_owned();
    }
    french_with_article(name, record.french_gender.unwrap_or(Gender::Masculine), record.french_article.unwrap_or(true), form)
}

/// "le PJD", "du PJD", "l’USFP", "de l’USFP", "la Gauche", "de la Gauche", "Ennahda", "d’Ennahda".
pub fn french_with_article(name: &str, gender: Gender, takes_article: bool, form: SentenceForm) -> String {
    // A name that starts with a vowel elides "le", "la" and "de"; an h is taken as aspirated, the
    // safer guess for party names ("le Hizb"), since a wrong elision reads worse than none.
    let elides = name.chars().next().is_some_and(|first| "AEIOUYÂÊÎÔÛÉÈËÏÜaeiouyâêîôûéèëïü".contains(first));
    let article = match (takes_article, elides, gender, form) {
        (false, true, _, SentenceForm::AfterDe) => "d’",
        (false, false, _, SentenceForm::AfterDe) => "de ",
        (false, _, _, SentenceForm::Plain) => "",
        (true, true, _, SentenceForm::Plain) => "l’",
        (true, true, _, SentenceForm::AfterDe) => "de l’",
        (true, false, Gender::Masculine, SentenceForm::Plain) => "le ",
        (true, false, Gender::Masculine, SentenceForm::AfterDe) => "du ",
        (true, false, Gender::Feminine, SentenceForm::Plain) => "la ",
        (true, false, Gender::Feminine, SentenceForm::AfterDe) => "de la ",
    };
    [article, name].concat()
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
            Some(Status::NotYetUsed) => UiText::StatusNotYetUsed,
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
            Some(Status::NotYetUsed) => UiText::LegendNotYetUsed,
            None => UiText::LegendNotReported,
        },
    )
}

/// The legend's name for the hollow, crossed symbol, which stands for both "not used" and "not yet
/// used": it says "not yet" as far as the dataset's facts do.
pub fn refusal_legend_name(dataset: &Dataset, lang: Lang) -> &'static str {
    ui(lang, [UiText::LegendNotUsed, UiText::LegendNotYetUsed, UiText::LegendNotUsedOrNotYet][refusal_wording(dataset)])
}

/// The label of a party's count of refusals, in its summary: "Tactics reported as not yet used".
pub fn refusal_count_label(dataset: &Dataset, lang: Lang) -> &'static str {
    ui(lang, [UiText::SummaryNotUsed, UiText::SummaryNotYetUsed, UiText::SummaryNotUsedOrNotYet][refusal_wording(dataset)])
}

/// 0: "not used" (also for a dataset with no refusal at all), 1: "not yet used", 2: both.
fn refusal_wording(dataset: &Dataset) -> usize {
    let has = |wanted: Status| dataset.facts().iter().any(|fact| fact.status == wanted);
    match (has(Status::NotUsed), has(Status::NotYetUsed)) {
        (false, true) => 1,
        (true, true) => 2,
        _ => 0,
    }
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
