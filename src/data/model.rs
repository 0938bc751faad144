//! The campaign dataset's types, as they appear in `data/schema.json`.
//!
//! Fields beyond the contract's minimal shape are optional, so that a newsroom's
//! own dataset needs only parties, tactics and facts. Unknown fields are ignored
//! rather than rejected: the contract says "more fields are welcome".
//!
//! Serialized, absent optionals and empty optional lists are left out rather than written as
//! `null` or `[]`, so an exported dataset reads back the same and stays as short as its source.

use serde::{Deserialize, Deserializer, Serialize};

/// A reader's language. Arabic is the default because the source article is Arabic.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Ar,
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Ar, Lang::Fr, Lang::En];

    /// Accepts a BCP 47 tag such as `fr-MA` or `en`, matching on the primary subtag.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        // Compared without a lowercased copy: the allocation and the pattern searcher cost the wasm more.
        let end = tag.bytes().position(|byte| byte == b'-' || byte == b'_').unwrap_or(tag.len());
        let primary = tag.get(..end).unwrap_or(tag).trim();
        Lang::ALL.into_iter().find(|lang| primary.eq_ignore_ascii_case(lang.code()))
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn is_right_to_left(self) -> bool {
        self == Lang::Ar
    }

    /// The language's name in itself, as a language menu shows it whatever the page's language.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Ar => "العربية",
            Lang::Fr => "Français",
            Lang::En => "English",
        }
    }
}

/// A text in the three languages the widget speaks.
#[derive(Clone, Debug, PartialEq, Default, Deserialize, Serialize)]
pub struct Localized {
    pub ar: String,
    pub fr: String,
    pub en: String,
}

impl Localized {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ar => &self.ar,
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }

    pub fn same_in_all(text: &str) -> Localized {
        Localized { ar: text.to_owned(), fr: text.to_owned(), en: text.to_owned() }
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Camp {
    Majority,
    Opposition,
}

impl Camp {
    pub const ALL: [Camp; 2] = [Camp::Majority, Camp::Opposition];

    /// How a dataset writes it (`data/schema.json`).
    pub const fn spelling(self) -> &'static str {
        match self {
            Camp::Majority => "majority",
            Camp::Opposition => "opposition",
        }
    }
}

/// What the source says about a party and a tactic. "Not reported" is not a
/// status: it is the absence of a fact, and the charts draw it as such.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Used,
    NotUsed,
    /// The source says the party had not done it yet when it was written ("not yet"): counted as not
    /// used, but worded as the source words it.
    NotYetUsed,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Used, Status::NotUsed, Status::NotYetUsed];

    /// How a dataset writes it (`data/schema.json`).
    pub const fn spelling(self) -> &'static str {
        match self {
            Status::Used => "used",
            Status::NotUsed => "not_used",
            Status::NotYetUsed => "not_yet_used",
        }
    }

    pub fn is_used(self) -> bool {
        self == Status::Used
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    #[default]
    Masculine,
    Feminine,
}

impl Gender {
    pub const ALL: [Gender; 2] = [Gender::Masculine, Gender::Feminine];

    /// How a dataset writes it (`data/schema.json`).
    pub const fn spelling(self) -> &'static str {
        match self {
            Gender::Masculine => "masculine",
            Gender::Feminine => "feminine",
        }
    }
}

/// When a tactic began, relative to the campaign's official start.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Timing {
    BeforeStart,
    AfterStart,
}

impl Timing {
    pub const ALL: [Timing; 2] = [Timing::BeforeStart, Timing::AfterStart];

    /// How a dataset writes it (`data/schema.json`).
    pub const fn spelling(self) -> &'static str {
        match self {
            Timing::BeforeStart => "before_start",
            Timing::AfterStart => "after_start",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Default, Deserialize, Serialize)]
pub struct CampaignDates {
    /// ISO date, e.g. `2016-09-24`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub official_start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub election_day: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Category {
    pub id: String,
    #[serde(deserialize_with = "super::read::object")]
    pub name: Localized,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Leader {
    #[serde(deserialize_with = "super::read::object")]
    pub name: Localized,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::read::optional_object")]
    pub role: Option<Localized>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Party {
    pub id: String,
    pub camp: Camp,
    #[serde(deserialize_with = "super::read::object")]
    pub name: Localized,
    /// Shown on axes, where the full name would not fit a phone.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::read::optional_object")]
    pub short_name: Option<Localized>,
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "super::read::list")]
    pub nicknames: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::read::optional_object")]
    pub symbol: Option<Localized>,
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "super::read::objects")]
    pub leaders: Vec<Leader>,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::read::optional_object")]
    pub camp_note: Option<Localized>,
    /// The gender of the party's name in French, for its article ("le PJD", "l’USFP … la"); absent, masculine.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub french_gender: Option<Gender>,
    /// Whether the name takes an article in French ("le PJD"); `false` for a name such as "Ennahda". Absent, true.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub french_article: Option<bool>,
}

impl Party {
    pub fn label(&self, lang: Lang) -> &str {
        self.short_name.as_ref().unwrap_or(&self.name).get(lang)
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Tactic {
    pub id: String,
    pub category: String,
    #[serde(deserialize_with = "super::read::object")]
    pub name: Localized,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Fact {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub party: String,
    pub tactic: String,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<Timing>,
    /// Verbatim from the source; in the built-in dataset, from the Arabic article.
    pub quote: String,
    #[serde(deserialize_with = "super::read::object")]
    pub text: Localized,
    /// Says where the source is ambiguous, so the chart does not overclaim.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::read::optional_object")]
    pub note: Option<Localized>,
}

/// Where the facts come from; shown to readers and kept in exports.
#[derive(Clone, Debug, PartialEq, Default, Deserialize, Serialize)]
pub struct Source {
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::read::optional_object")]
    pub title: Option<Localized>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::read::optional_object")]
    pub note: Option<Localized>,
}

/// The dataset exactly as parsed, before validation gives it indexes.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct RawDataset {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::read::optional_object")]
    pub title: Option<Localized>,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::read::optional_object")]
    pub source: Option<Source>,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "super::read::optional_object")]
    pub campaign: Option<CampaignDates>,
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "super::read::objects")]
    pub categories: Vec<Category>,
    #[serde(deserialize_with = "super::read::objects")]
    pub parties: Vec<Party>,
    #[serde(deserialize_with = "super::read::objects")]
    pub tactics: Vec<Tactic>,
    #[serde(deserialize_with = "super::read::objects")]
    pub facts: Vec<Fact>,
    /// Parties of the camps that the source does not mention, shaped as `parties` (no fact may name
    /// them): the camps view names them, so that a camp's count is not read as the whole camp.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "super::read::objects")]
    pub unmentioned_parties: Vec<Party>,
}

// The enums are read from their spelling only, with a message that lists the accepted ones.
macro_rules! deserialize_by_spelling {
    ($($enum:ident),*) => {$(
        impl<'de> Deserialize<'de> for $enum {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<$enum, D::Error> {
                super::read::spelled(deserializer, &$enum::ALL, $enum::spelling)
            }
        }
    )*};
}
deserialize_by_spelling!(Camp, Status, Timing, Gender);
