//! Every string the charts and the widget show, in Arabic, French and English: the table of UI texts, and the
//! templates filled from it. Numbers, dates and lists are written by the modules beside this one, re-exported here.
//!
//! Templates carry named placeholders such as `{party}`, filled with [`fill`]; the
//! tests check that the three languages of a template use the same placeholders.
//! Counts are written as "label: number" wherever a noun would have to agree with
//! the number, because Arabic has dual and plural forms a template cannot guess.

mod dates;
mod lists;
mod numbers;

pub use dates::{DateStyle, format_date, period_name};
pub use lists::{join_list, list_glue, list_separator};
pub use numbers::{format_fixed, format_number, format_percent};

use crate::data::Lang;

/// Declares the keys with their three translations in one place, so a key can
/// never lack a language.
///
/// The translations become tables indexed by the key, rather than a `match` returning three
/// strings per key, which cost the wasm 1 KB of code. The French and English tables are compiled
/// only natively (tests, static renders, the texts files of `crate::texts`); the wasm carries the
/// Arabic and is given the others at run time, with the built-in dataset's texts.
macro_rules! ui_texts {
    ($($(#[$doc:meta])* $key:ident => [$ar:expr, $fr:expr, $en:expr $(,)?],)*) => {
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum UiText {
            $($(#[$doc])* $key,)*
        }

        impl UiText {
            pub const ALL: &'static [UiText] = &[$(UiText::$key,)*];

            /// The key's name, e.g. `ShowAsTable`, for the web layer's string table.
            pub fn key(self) -> &'static str {
                KEYS[self as usize]
            }
        }

        const KEYS: &[&str] = &[$(stringify!($key),)*];
        const ARABIC: &[&str] = &[$($ar,)*];
        #[cfg(not(target_arch = "wasm32"))]
        const FRENCH: &[&str] = &[$($fr,)*];
        #[cfg(not(target_arch = "wasm32"))]
        const ENGLISH: &[&str] = &[$($en,)*];
    };
}

ui_texts! {
    ViewMatrix => ["من استعمل ماذا", "Qui a utilisé quoi", "Who used what"],
    ViewParty => ["أدوات حزب", "La panoplie d’un parti", "One party’s toolkit"],
    ViewCompare => ["مقارنة حزبين", "Face-à-face", "Head to head"],
    ViewCamps => ["الأغلبية والمعارضة", "Majorité et opposition", "Majority and opposition"],
    ViewTimeline => ["قبل الحملة وخلالها", "Avant et pendant la campagne", "Before and during the campaign"],

    /// A tactic's status inside a sentence, e.g. a mark's label. A tactic, «الأسلوب», is masculine in
    /// Arabic and «la tactique» feminine in French: the participles agree with it.
    StatusUsed => ["استُعمل", "utilisée", "used"],
    StatusNotUsed => ["ذُكر أنه لم يُستعمل", "signalée comme non utilisée", "reported as not used"],
    StatusNotYetUsed => ["ذُكر أنه لم يُستعمل بعد", "signalée comme pas encore utilisée", "reported as not yet used"],
    StatusNotReported => ["لم يذكر المصدر شيئًا", "non mentionnée", "not reported"],
    /// A status on its own, in a legend or a table cell.
    LegendUsed => ["استُعمل", "Utilisée", "Used"],
    LegendNotUsed => ["ذُكر أنه لم يُستعمل", "Signalée comme non utilisée", "Reported as not used"],
    LegendNotYetUsed => ["ذُكر أنه لم يُستعمل بعد", "Signalée comme pas encore utilisée", "Reported as not yet used"],
    /// The legend of a dataset with both kinds of refusal, which share a symbol.
    LegendNotUsedOrNotYet => ["ذُكر أنه لم يُستعمل (أو لم يُستعمل بعد)", "Signalée comme non utilisée (ou pas encore)", "Reported as not used (or not yet)"],
    LegendNotReported => ["لم يذكر المصدر شيئًا", "Non mentionnée", "Not reported"],

    AxisTactic => ["الأسلوب", "Tactique", "Tactic"],
    AxisParty => ["الحزب", "Parti", "Party"],
    AxisCategory => ["الفئة", "Catégorie", "Category"],
    AxisStatus => ["الحالة", "Statut", "Status"],
    AxisPeriod => ["الفترة", "Période", "Period"],
    AxisGroup => ["المجموعة", "Groupe", "Group"],
    /// Every count says that it counts what the article reports, not what the parties did.
    TacticsUsedRow => ["الأساليب المستعملة حسب المقال", "Tactiques utilisées selon l’article", "Tactics reported as used"],
    /// The one row of a folded category of the matrix: per party, how many of its tactics the article reports.
    FoldedRow => [
        "الأساليب المستعملة حسب المقال (من أصل {count})",
        "Tactiques utilisées selon l’article (sur {count})",
        "Tactics reported as used (of {count})",
    ],
    /// What a category's heading in the matrix does when selected.
    FoldCategory => ["{category}: إخفاء صفوف هذه الفئة", "{category} : masquer les lignes de cette catégorie", "{category}: hide the rows of this category"],
    UnfoldCategory => ["{category}: إظهار صفوف هذه الفئة", "{category} : afficher les lignes de cette catégorie", "{category}: show the rows of this category"],

    SharedHeading => ["الأساليب المشتركة ({count})", "En commun ({count})", "Shared ({count})"],
    Shared => ["الأساليب المشتركة", "En commun", "Shared"],
    OnlyPartyHeading => ["{party} فقط ({count})", "{party} uniquement ({count})", "Only {party} ({count})"],
    OnlyParty => ["{party} فقط", "{party} uniquement", "Only {party}"],
    UsedByNeither => [
        "أساليب لا يذكر المقال أن أيًّا من الحزبين استعملها: {count}",
        "Tactiques que l’article n’attribue à aucun des deux\u{a0}: {count}",
        "Tactics reported for neither: {count}",
    ],
    Similarity => ["التشابه: {value}", "Similitude\u{a0}: {value}", "Similarity: {value}"],
    SimilarityMeaning => [
        "الأساليب التي يذكر المقال أن أحد الحزبين على الأقل استعملها: {either}، ومنها المشتركة بين الحزبين: {shared} (معامل جاكارد: 0 = لا شيء مشترك، 1 = الأدوات نفسها)",
        "Tactiques que l’article attribue à au moins l’un des deux\u{a0}: {either}, dont {shared} aux deux (indice de Jaccard\u{a0}: 0 = rien en commun, 1 = panoplies identiques)",
        "Tactics the article reports for at least one of the two: {either}; for both: {shared} (Jaccard index: 0 = nothing in common, 1 = identical toolkits)",
    ],
    /// `{party}` is the party the source says did not use the tactic, as a sentence names it ("le PAM").
    ContrastLabel => [
        "تباين: يذكر المقال أن {party} لم يستعمله",
        "contraste\u{a0}: selon l’article, pas utilisée par {party}",
        "contrast: {party} reported as not using it",
    ],
    ContrastLabelNotYet => [
        "تباين: يذكر المقال أن {party} لم يستعمله بعد",
        "contraste\u{a0}: selon l’article, pas encore utilisée par {party}",
        "contrast: {party} reported as not yet using it",
    ],
    ChooseAnotherParty => ["اختر حزبًا آخر للمقارنة", "Choisissez un autre parti à comparer", "Choose another party to compare with"],

    Majority => ["الأغلبية", "Majorité", "Majority"],
    Opposition => ["المعارضة", "Opposition", "Opposition"],
    /// A camp's count of tactics. Not "coverage": the word is also a category's ("coverage of activities").
    CampReported => [
        "الأساليب المستعملة حسب المقال: {used} من أصل {total} ({percent})",
        "Tactiques utilisées selon l’article\u{a0}: {used} sur {total} ({percent})",
        "Tactics reported as used: {used} of {total} ({percent})",
    ],
    CampReportedMeaning => [
        "يُحسب الأسلوب للمعسكر إذا ذكر المقال أن حزبًا واحدًا على الأقل من أحزابه استعمله. هذه الأرقام تقيس ما يذكره المقال، لا كل ما فعلته الأحزاب.",
        "Une tactique compte pour un camp si l’article l’attribue à au moins un de ses partis. Ces chiffres mesurent ce que rapporte l’article, pas tout ce qu’ont fait les partis.",
        "A tactic counts for a camp when the article reports it for at least one of the camp’s parties. These numbers measure what the article reports, not everything the parties did.",
    ],
    /// Parties of a camp that the dataset lists as absent from the source.
    MajorityUnmentioned => [
        "أحزاب أخرى من الأغلبية لا يذكرها المقال: {parties}",
        "Autres partis de la majorité, absents de l’article\u{a0}: {parties}",
        "Other majority parties, not in the article: {parties}",
    ],
    OppositionUnmentioned => [
        "أحزاب أخرى من المعارضة لا يذكرها المقال: {parties}",
        "Autres partis de l’opposition, absents de l’article\u{a0}: {parties}",
        "Other opposition parties, not in the article: {parties}",
    ],
    /// A footnote about one party, e.g. where its camp comes from.
    PartyNote => ["{party}: {note}", "{party}\u{a0}: {note}", "{party}: {note}"],
    CampHasNoParty => ["لا حزب في هذا المعسكر", "Aucun parti dans ce camp", "No party in this camp"],

    /// The timeline's periods, for a dataset that declares no date; see [`period_name`].
    BeforeStart => ["قبل الانطلاقة الرسمية", "Avant le début officiel", "Before the official start"],
    DuringCampaign => ["خلال الحملة", "Pendant la campagne", "During the campaign"],
    /// `{start}` and `{end}` are days written by [`format_date`] with [`DateStyle::DayMonth`].
    BeforeStartOn => ["قبل الانطلاقة الرسمية ({start})", "Avant le début officiel ({start})", "Before the official start ({start})"],
    DuringCampaignFromTo => ["خلال الحملة ({start} – {end})", "Pendant la campagne ({start} – {end})", "During the campaign ({start} – {end})"],
    DuringCampaignFrom => ["خلال الحملة (ابتداء من {start})", "Pendant la campagne (à partir du {start})", "During the campaign (from {start})"],
    DuringCampaignUntil => ["خلال الحملة (حتى {end})", "Pendant la campagne (jusqu’au {end})", "During the campaign (until {end})"],
    DateNotStated => ["تاريخ غير مذكور", "Date non précisée", "Date not stated"],
    TimelineNote => [
        "تظهر هنا فقط الأساليب التي يذكر المصدر أنها استُعملت، في الفترة التي يحددها.",
        "Seules figurent ici les tactiques que la source dit utilisées, dans la période qu’elle indique.",
        "Only tactics the source reports as used appear, in the period it gives.",
    ],
    NothingInPeriod => ["لا شيء", "Rien", "None"],

    Breadth => ["التنوع: {used} من أصل {total} ({percent})", "Éventail\u{a0}: {used} sur {total} ({percent})", "Breadth: {used} of {total} ({percent})"],
    BreadthMeaning => [
        "التنوع: الأساليب التي يذكر المقال أن الحزب استعملها، من بين كل الأساليب المرصودة. الرقم يقيس ما يذكره المقال، لا كل ما فعله الحزب.",
        "Éventail\u{a0}: tactiques que l’article attribue au parti, parmi toutes celles recensées. Ce chiffre mesure ce que rapporte l’article, pas tout ce qu’a fait le parti.",
        "Breadth: tactics the article reports the party used, out of all those listed. It measures what the article reports, not everything the party did.",
    ],
    CountOfTotal => ["{used} من أصل {total}", "{used} sur {total}", "{used} of {total}"],
    CampCell => ["{used} من أصل {total}: {parties}", "{used} sur {total}\u{a0}: {parties}", "{used} of {total}: {parties}"],
    NoneItem => ["لا شيء", "aucune", "none"],

    MarkFact => ["{party}، {tactic}: {status}", "{party}, {tactic}\u{a0}: {status}", "{party}, {tactic}: {status}"],
    MarkPeriod => ["{party}، {tactic}: {period}", "{party}, {tactic}\u{a0}: {period}", "{party}, {tactic}: {period}"],
    MarkCampTotal => ["{camp}، {tactic}: {cell}", "{camp}, {tactic}\u{a0}: {cell}", "{camp}, {tactic}: {cell}"],
    MarkBreadth => ["{party}، {breadth}", "{party}, {breadth}", "{party}, {breadth}"],

    SummaryMatrix => [
        "من استعمل ماذا حسب المقال. عدد الأساليب: {tactics}، عدد الأحزاب: {parties}. الأساليب المستعملة حسب المقال، لكل حزب: {counts}. الأكثر ذكرًا بين الأحزاب: {top}.",
        "Qui a utilisé quoi, selon l’article. Tactiques\u{a0}: {tactics}, partis\u{a0}: {parties}. Tactiques utilisées selon l’article, par parti\u{a0}: {counts}. Chez le plus grand nombre de partis\u{a0}: {top}.",
        "Who used what, as the article reports it. Tactics: {tactics}, parties: {parties}. Tactics reported as used, per party: {counts}. Reported for the most parties: {top}.",
    ],
    /// The label of a party's count of refusals in its summary, worded as far as the dataset's facts say
    /// "not yet" (see the legend's).
    SummaryNotUsed => ["الأساليب التي ذُكر أنها لم تُستعمل", "Tactiques signalées comme non utilisées", "Tactics reported as not used"],
    SummaryNotYetUsed => ["الأساليب التي ذُكر أنها لم تُستعمل بعد", "Tactiques signalées comme pas encore utilisées", "Tactics reported as not yet used"],
    SummaryNotUsedOrNotYet => [
        "الأساليب التي ذُكر أنها لم تُستعمل أو لم تُستعمل بعد",
        "Tactiques signalées comme non utilisées ou pas encore utilisées",
        "Tactics reported as not used or not yet used",
    ],
    /// `{refused}` is one of the three labels above.
    SummaryParty => [
        "{party}. الأساليب المستعملة حسب المقال: {used} من أصل {total} ({percent}). {refused}: {not_used}. حسب الفئة: {categories}.",
        "{party}. Tactiques utilisées selon l’article\u{a0}: {used} sur {total} ({percent}). {refused}\u{a0}: {not_used}. Par catégorie\u{a0}: {categories}.",
        "{party}. Tactics reported as used: {used} of {total} ({percent}). {refused}: {not_used}. By category: {categories}.",
    ],
    SummaryCompare => [
        "{party} مقابل {versus}، حسب المقال: التشابه {similarity}. الأساليب المشتركة: {shared}. {party} فقط: {only_party}. {versus} فقط: {only_versus}.",
        "{party} et {versus}, selon l’article\u{a0}: similitude {similarity}. En commun\u{a0}: {shared}. {party} uniquement\u{a0}: {only_party}. {versus} uniquement\u{a0}: {only_versus}.",
        "{party} and {versus}, as the article reports them: similarity {similarity}. Shared: {shared}. Only {party}: {only_party}. Only {versus}: {only_versus}.",
    ],
    /// `{unmentioned}` is empty, or a sentence naming the camps' parties the source does not mention.
    SummaryCamps => [
        "الأغلبية ({majority_parties}) مقابل المعارضة ({opposition_parties}). الأساليب المستعملة حسب المقال: الأغلبية {majority_coverage}، المعارضة {opposition_coverage}. الأغلبية فقط: {only_majority}. المعارضة فقط: {only_opposition}.{unmentioned}",
        "Majorité ({majority_parties}) face à l’opposition ({opposition_parties}). Tactiques utilisées selon l’article\u{a0}: majorité {majority_coverage}, opposition {opposition_coverage}. Majorité uniquement\u{a0}: {only_majority}. Opposition uniquement\u{a0}: {only_opposition}.{unmentioned}",
        "Majority ({majority_parties}) and opposition ({opposition_parties}). Tactics reported as used: majority {majority_coverage}, opposition {opposition_coverage}. Only the majority: {only_majority}. Only the opposition: {only_opposition}.{unmentioned}",
    ],
    /// `{before}` and `{during}` are the phrases below, with or without the dataset's dates.
    SummaryTimeline => [
        "الأساليب المستعملة حسب المقال {before}، و{during}، أو دون تاريخ مذكور. {parties}.",
        "Tactiques utilisées selon l’article {before}, {during}, ou sans date précisée. {parties}.",
        "Tactics reported as used {before}, {during}, or with no date stated. {parties}.",
    ],
    SummaryBeforeStart => ["قبل الانطلاقة الرسمية للحملة", "avant le début officiel de la campagne", "before the campaign’s official start"],
    /// `{start}` and `{end}` are days written by [`format_date`] with [`DateStyle::Full`].
    SummaryBeforeStartOn => [
        "قبل الانطلاقة الرسمية للحملة يوم {start}",
        "avant le début officiel de la campagne, le {start}",
        "before the campaign’s official start on {start}",
    ],
    SummaryDuringCampaign => ["خلال الحملة", "pendant la campagne", "during the campaign"],
    SummaryDuringCampaignUntil => [
        "خلال الحملة حتى يوم الاقتراع {end}",
        "pendant la campagne jusqu’au scrutin du {end}",
        "during the campaign up to election day on {end}",
    ],
    TimelinePartyCounts => [
        "{party}: قبل {before}، خلال {during}، دون تاريخ {undated}",
        "{party}\u{a0}: avant {before}, pendant {during}, sans date {undated}",
        "{party}: before {before}, during {during}, no date {undated}",
    ],

    CaptionMatrix => ["من استعمل أي أسلوب، حسب المقال", "Quel parti a utilisé quelle tactique, selon l’article", "Which party used which tactic, according to the article"],
    /// `{party}` is the party's full name; in French with its article after «de» ("du Parti…", "de l’Union…").
    CaptionParty => [
        "أدوات {party} حسب الفئة، كما يذكرها المقال",
        "La panoplie {party} par catégorie, selon l’article",
        "{party}: toolkit by category, according to the article",
    ],
    CaptionCompare => [
        "{party} مقابل {versus}: الأساليب المشتركة والخاصة، حسب المقال",
        "{party} et {versus}\u{a0}: tactiques communes et propres, selon l’article",
        "{party} and {versus}: shared and unique tactics, according to the article",
    ],
    CaptionCamps => [
        "عدد أحزاب كل معسكر التي يذكر المقال أنها استعملت كل أسلوب",
        "Nombre de partis de chaque camp auxquels l’article attribue chaque tactique",
        "How many parties of each camp the article reports using each tactic",
    ],
    CaptionTimeline => ["متى استُعملت الأساليب، حسب المقال", "Quand les tactiques ont été utilisées, selon l’article", "When the tactics were used, according to the article"],

    ShowAsTable => ["عرض كجدول", "Afficher en tableau", "Show as table"],
    HideTable => ["إخفاء الجدول", "Masquer le tableau", "Hide table"],
    Close => ["إغلاق", "Fermer", "Close"],
    ReadInArticle => ["اقرأ في المقال", "Lire dans l’article", "Read in the article"],
    QuoteHeading => ["من نص المقال", "Extrait de l’article", "From the article"],
    NoteHeading => ["ملاحظة", "Remarque", "Note"],
    SourceSaysNothing => ["لا يذكر المصدر شيئًا عن هذا", "La source n’en dit rien", "The source says nothing about this"],
    DownloadPng => ["تنزيل PNG", "Télécharger en PNG", "Download PNG"],
    DownloadSvg => ["تنزيل SVG", "Télécharger en SVG", "Download SVG"],
    DownloadCsv => ["تنزيل CSV", "Télécharger en CSV", "Download CSV"],
    DownloadJson => ["تنزيل JSON", "Télécharger en JSON", "Download JSON"],
    /// The name of the group of download buttons, for screen readers.
    Downloads => ["التنزيلات", "Téléchargements", "Downloads"],
    DatasetErrorPrefix => ["تعذّر استعمال هذه البيانات:", "Ce jeu de données n’a pas pu être utilisé\u{a0}:", "This dataset could not be used:"],
    ChoiceView => ["العرض", "Vue", "View"],
    ChoiceParty => ["الحزب", "Parti", "Party"],
    ChoiceVersus => ["مقارنة مع", "Comparer avec", "Compare with"],
    ChoiceLanguage => ["اللغة", "Langue", "Language"],
}

/// The key's text in `lang`. In the wasm, French and English are the Arabic until `add_ui_texts` has
/// been given them; the web handle never lets a reader switch to a language before that.
pub fn ui(lang: Lang, key: UiText) -> &'static str {
    let index = key as usize;
    other_language_text(lang, index).unwrap_or(ARABIC[index])
}

/// Every key's text in `lang`, in `UiText::ALL` order, for the texts files (`crate::texts`).
#[cfg(not(target_arch = "wasm32"))]
pub fn ui_table(lang: Lang) -> Option<&'static [&'static str]> {
    match lang {
        Lang::Ar => None,
        Lang::Fr => Some(FRENCH),
        Lang::En => Some(ENGLISH),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn other_language_text(lang: Lang, index: usize) -> Option<&'static str> {
    ui_table(lang)?.get(index).copied()
}

/// French and English as the texts files gave them, kept for the page's life and shared by its elements.
#[cfg(target_arch = "wasm32")]
static LOADED_TABLES: [std::sync::OnceLock<Vec<String>>; 2] = [std::sync::OnceLock::new(), std::sync::OnceLock::new()];

#[cfg(target_arch = "wasm32")]
fn loaded_table(lang: Lang) -> Option<&'static std::sync::OnceLock<Vec<String>>> {
    match lang {
        Lang::Ar => None,
        Lang::Fr => Some(&LOADED_TABLES[0]),
        Lang::En => Some(&LOADED_TABLES[1]),
    }
}

#[cfg(target_arch = "wasm32")]
fn other_language_text(lang: Lang, index: usize) -> Option<&'static str> {
    loaded_table(lang)?.get()?.get(index).map(String::as_str)
}

/// Keeps the texts of `lang`, in `UiText::ALL` order as `crate::texts::read_ui_texts` gives them; a
/// second call for the same language keeps the first.
#[cfg(target_arch = "wasm32")]
pub fn add_ui_texts(lang: Lang, texts: Vec<String>) {
    if let Some(table) = loaded_table(lang) {
        let _ = table.set(texts);
    }
}

/// `label: text`, with the no-break space French puts before a colon.
pub fn labelled(lang: Lang, label: &str, text: &str) -> String {
    if lang == Lang::Fr { format!("{label}\u{a0}: {text}") } else { format!("{label}: {text}") }
}

/// Replaces each `{name}` with its value; unknown placeholders stay visible, so a
/// missing value shows in a snapshot instead of vanishing.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut filled = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        filled.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.iter().find(|(key, _)| *key == name) {
                    Some((_, value)) => push_isolated(&mut filled, value),
                    None => {
                        filled.push('{');
                        filled.push_str(name);
                        filled.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                filled.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    filled.push_str(rest);
    filled
}

/// Explicit bidi embeddings, overrides and isolates: a dataset's name holding an unpaired one
/// (e.g. U+202E) would otherwise reverse the rest of the sentence it is put into.
fn has_bidi_controls(text: &str) -> bool {
    text.chars().any(|character| matches!(character, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
}

/// A value with bidi controls goes in a first-strong isolate (U+2068 … U+2069), whose closing
/// mark ends every embedding and override opened inside it; other values go in unchanged.
fn push_isolated(filled: &mut String, value: &str) {
    if has_bidi_controls(value) {
        filled.push('\u{2068}');
        filled.push_str(value);
        filled.push('\u{2069}');
    } else {
        filled.push_str(value);
    }
}

/// `ui` then `fill`, the common case.
pub fn ui_fill(lang: Lang, key: UiText, values: &[(&str, &str)]) -> String {
    fill(ui(lang, key), values)
}

/// The placeholders a template uses, in order of first use.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        if !names.contains(&name) {
            names.push(name);
        }
        rest = &after[close + 1..];
    }
    names
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_value_with_a_bidi_override_is_isolated_so_it_cannot_reverse_the_sentence() {
        let filled = fill("{party}: {status}", &[("party", "Beta\u{202E}"), ("status", "used")]);
        assert_eq!(filled, "\u{2068}Beta\u{202E}\u{2069}: used");
        assert_eq!(fill("{party}: {status}", &[("party", "Beta"), ("status", "used")]), "Beta: used");
    }

    use super::*;

    #[test]
    fn every_text_exists_in_every_language() {
        for key in UiText::ALL {
            for lang in Lang::ALL {
                assert!(!ui(lang, *key).trim().is_empty(), "{:?} in {:?}", key, lang);
            }
        }
    }

    #[test]
    fn the_three_languages_of_a_template_use_the_same_placeholders() {
        for key in UiText::ALL {
            let mut english = placeholders(ui(Lang::En, *key));
            english.sort_unstable();
            for lang in [Lang::Ar, Lang::Fr] {
                let mut other = placeholders(ui(lang, *key));
                other.sort_unstable();
                assert_eq!(other, english, "{:?} in {:?}", key, lang);
            }
        }
    }

    #[test]
    fn arabic_strings_are_arabic_and_french_ones_are_not_english() {
        let arabic_letter = |text: &str| text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
        for key in UiText::ALL {
            let mut words = ui(Lang::Ar, *key).to_owned();
            for name in placeholders(ui(Lang::Ar, *key)) {
                words = words.replace(&format!("{{{name}}}"), "");
            }
            // A template of placeholders and punctuation alone has nothing to translate.
            if words.chars().any(char::is_alphabetic) {
                assert!(arabic_letter(&words), "{:?} has no Arabic", key);
            }
        }
        assert_ne!(ui(Lang::Fr, UiText::ShowAsTable), ui(Lang::En, UiText::ShowAsTable));
        assert_eq!(ui(Lang::En, UiText::DatasetErrorPrefix), "This dataset could not be used:");
    }

    #[test]
    fn fill_replaces_known_placeholders_and_keeps_unknown_ones() {
        assert_eq!(fill("Only {party} ({count})", &[("party", "PAM"), ("count", "3")]), "Only PAM (3)");
        assert_eq!(fill("{a}{missing}", &[("a", "x")]), "x{missing}");
        assert_eq!(fill("open { brace", &[]), "open { brace");
        assert_eq!(ui_fill(Lang::Ar, UiText::OnlyParty, &[("party", "البام")]), "البام فقط");
    }

    #[test]
    fn keys_name_themselves() {
        assert_eq!(UiText::ShowAsTable.key(), "ShowAsTable");
    }

    #[test]
    fn a_label_takes_a_colon_with_a_no_break_space_before_it_in_french() {
        assert_eq!(labelled(Lang::Fr, "Remarque", "texte"), "Remarque\u{a0}: texte");
        assert_eq!(labelled(Lang::En, "Note", "text"), "Note: text");
        assert_eq!(labelled(Lang::Ar, "ملاحظة", "نص"), "ملاحظة: نص");
    }
}
