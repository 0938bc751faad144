//! Every string the charts and the widget show, in Arabic, French and English, and how numbers and dates are written.
//!
//! Templates carry named placeholders such as `{party}`, filled with [`fill`]; the
//! tests check that the three languages of a template use the same placeholders.
//! Counts are written as "label: number" wherever a noun would have to agree with
//! the number, because Arabic has dual and plural forms a template cannot guess.

use crate::data::{CalendarDate, CampaignCalendar, Lang, Timing};

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

/// Joins names into one phrase: "PJD, PAM and PPS", "PJD, PAM et PPS"; Arabic separates
/// every name with "، " and no "و", because party names such as "العدالة والتنمية"
/// already contain "و" and a conjunction would run two names together.
pub fn join_list(lang: Lang, items: &[&str]) -> String {
    if items.is_empty() {
        return ui(lang, UiText::NoneItem).to_owned();
    }
    let mut joined = String::new();
    for (position, item) in items.iter().enumerate() {
        joined.push_str(list_glue(lang, position, items.len()));
        joined.push_str(item);
    }
    joined
}

/// What goes before the item at `position` of `count` in a phrase such as "PJD, PAM and PPS":
/// nothing before the first, the conjunction before the last, a comma otherwise. For callers
/// that write the items themselves, as [`join_list`] does.
pub fn list_glue(lang: Lang, position: usize, count: usize) -> &'static str {
    if position == 0 {
        ""
    } else if position + 1 < count {
        match lang {
            Lang::Ar => "، ",
            Lang::Fr | Lang::En => ", ",
        }
    } else {
        match lang {
            Lang::Ar => "، ",
            Lang::Fr => " et ",
            Lang::En => " and ",
        }
    }
}

/// A list separator for summaries of "name: count" pairs, which must not read as one phrase.
pub fn list_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "؛ ",
        // French puts a narrow no-break space before a semicolon, as before a colon.
        Lang::Fr => "\u{202F}; ",
        Lang::En => "; ",
    }
}

const NARROW_NO_BREAK_SPACE: char = '\u{202F}';

/// Writes a number with at most two decimals, trailing zeros dropped.
///
/// Conventions, chosen to match each language's press:
/// - Arabic uses the Western digits 0-9, as Moroccan media do (Hespress, Le360's
///   Arabic pages, the source article itself: "24 شتنبر", "#555"), not the
///   Eastern Arabic digits ٠-٩; like Moroccan Arabic-language media it writes a
///   decimal comma, and it groups no thousands, which would be read as decimals.
/// - French writes a decimal comma and groups thousands with a narrow no-break space.
/// - English writes a decimal dot and groups thousands with a comma.
///
/// Not-a-number and infinities are written "–", never as "NaN" in a chart.
pub fn format_number(lang: Lang, value: f64) -> String {
    format_with_decimals(lang, value, 2, true)
}

/// Writes a number with exactly `decimals` decimals (at most 6), e.g. a similarity index "0.45".
pub fn format_fixed(lang: Lang, value: f64, decimals: usize) -> String {
    format_with_decimals(lang, value, decimals.min(6), false)
}

/// Writes a fraction from 0 to 1 as a whole percentage: "60%" (en, ar), "60 %" (fr, with a
/// narrow no-break space, so the sign never wraps onto its own line).
pub fn format_percent(lang: Lang, fraction: f64) -> String {
    if !fraction.is_finite() {
        return "–".to_owned();
    }
    let number = format_with_decimals(lang, (fraction * 100.0).round(), 0, true);
    if lang == Lang::Fr { format!("{number}{NARROW_NO_BREAK_SPACE}%") } else { format!("{number}%") }
}

fn format_with_decimals(lang: Lang, value: f64, decimals: usize, trim_zeros: bool) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let written = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = written.split_once('.').unwrap_or((written.as_str(), ""));
    let fraction = if trim_zeros { &fraction[..fraction.bytes().rposition(|digit| digit != b'0').map_or(0, |last| last + 1)] } else { fraction };
    let rounds_to_zero = whole.bytes().all(|digit| digit == b'0') && fraction.bytes().all(|digit| digit == b'0');
    let mut result = String::new();
    if value < 0.0 && !rounds_to_zero {
        // U+2212 MINUS SIGN: a hyphen would be too short next to digits.
        result.push('\u{2212}');
    }
    let group = match lang {
        Lang::Ar => None,
        Lang::Fr => Some(NARROW_NO_BREAK_SPACE),
        Lang::En => Some(','),
    };
    // `whole` is ASCII digits: its length in bytes is its length in characters.
    for (position, digit) in whole.chars().enumerate() {
        let remaining = whole.len() - position;
        if let Some(separator) = group
            && position > 0
            && remaining.is_multiple_of(3)
        {
            result.push(separator);
        }
        result.push(digit);
    }
    if !fraction.is_empty() {
        result.push(match lang {
            Lang::En => '.',
            Lang::Fr | Lang::Ar => ',',
        });
        result.push_str(fraction);
    }
    result
}

/// How much of a date to write.
#[derive(Copy, Clone, PartialEq, Eq)]
pub enum DateStyle {
    /// `24 Sept`, `24 sept.`, `24 شتنبر`: for headings, where the year is the dataset's and space
    /// is short; a no-break space keeps the day with its month when the heading wraps.
    DayMonth,
    /// `24 September 2016`, `24 septembre 2016`, `24 شتنبر 2016`: for sentences.
    Full,
}

/// The months as Moroccan Arabic-language media name them (the source article writes "شتنبر"),
/// not the Levantine or Egyptian names; Arabic does not abbreviate them.
const MONTHS_ARABIC: [&str; 12] = ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"];
const MONTHS_FRENCH: [&str; 12] =
    ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
/// The abbreviations of French typography: short names stay whole.
const MONTHS_FRENCH_SHORT: [&str; 12] = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
const MONTHS_ENGLISH: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTHS_ENGLISH_SHORT: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"];

/// Writes a date day first in every language, with Western digits as elsewhere ([`format_number`]);
/// French writes the first of the month `1er`.
pub fn format_date(lang: Lang, date: CalendarDate, style: DateStyle) -> String {
    let months = match (lang, style) {
        (Lang::Ar, _) => &MONTHS_ARABIC,
        (Lang::Fr, DateStyle::DayMonth) => &MONTHS_FRENCH_SHORT,
        (Lang::Fr, DateStyle::Full) => &MONTHS_FRENCH,
        (Lang::En, DateStyle::DayMonth) => &MONTHS_ENGLISH_SHORT,
        (Lang::En, DateStyle::Full) => &MONTHS_ENGLISH,
    };
    let mut written = date.day().to_string();
    if lang == Lang::Fr && date.day() == 1 {
        written.push_str("er");
    }
    written.push(if style == DateStyle::DayMonth { '\u{a0}' } else { ' ' });
    written.push_str(months.get(usize::from(date.month()).wrapping_sub(1)).copied().unwrap_or_default());
    if style == DateStyle::Full {
        written.push_str(&format!(" {}", date.year()));
    }
    written
}

/// The name of the period a timing falls in, with the dates the dataset gives:
/// "Before the official start (24 Sept)", "During the campaign (24 Sept – 7 Oct)",
/// "During the campaign (from 24 Sept)", or without dates "During the campaign".
pub fn period_name(lang: Lang, calendar: CampaignCalendar, timing: Timing) -> String {
    let day = |date: CalendarDate| format_date(lang, date, DateStyle::DayMonth);
    let start = calendar.official_start.map(day);
    let end = calendar.election_day.map(day);
    // Both dates are always passed: `fill` ignores a value its template does not name, and each
    // template names only dates that exist. Fewer strings moved about than with one pair per case.
    let key = match (timing, &start, &end) {
        (Timing::BeforeStart, Some(_), _) => UiText::BeforeStartOn,
        (Timing::BeforeStart, None, _) => UiText::BeforeStart,
        (Timing::AfterStart, Some(_), Some(_)) => UiText::DuringCampaignFromTo,
        (Timing::AfterStart, Some(_), None) => UiText::DuringCampaignFrom,
        (Timing::AfterStart, None, Some(_)) => UiText::DuringCampaignUntil,
        (Timing::AfterStart, None, None) => UiText::DuringCampaign,
    };
    ui_fill(lang, key, &[("start", start.as_deref().unwrap_or_default()), ("end", end.as_deref().unwrap_or_default())])
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
    fn lists_join_with_each_language_conjunction() {
        assert_eq!(join_list(Lang::En, &["PJD", "PAM", "PPS"]), "PJD, PAM and PPS");
        assert_eq!(join_list(Lang::Fr, &["PJD", "PAM"]), "PJD et PAM");
        assert_eq!(join_list(Lang::Ar, &["العدالة والتنمية", "التقدم والاشتراكية"]), "العدالة والتنمية، التقدم والاشتراكية");
        assert_eq!(join_list(Lang::En, &["PJD"]), "PJD");
        assert_eq!(join_list(Lang::En, &[]), "none");
    }

    #[test]
    fn numbers_follow_each_language_convention() {
        assert_eq!(format_number(Lang::En, 1234.5), "1,234.5");
        assert_eq!(format_number(Lang::Fr, 1234.5), "1\u{202F}234,5");
        assert_eq!(format_number(Lang::Ar, 1234.5), "1234,5");
        assert_eq!(format_number(Lang::En, 12.0), "12");
        assert_eq!(format_number(Lang::En, 0.456), "0.46");
        assert_eq!(format_number(Lang::En, 1_000_000.0), "1,000,000");
        assert_eq!(format_number(Lang::En, -3.0), "\u{2212}3");
        assert_eq!(format_number(Lang::En, -0.001), "0");
        assert_eq!(format_number(Lang::En, f64::NAN), "–");
        assert_eq!(format_number(Lang::Fr, f64::INFINITY), "–");
    }

    #[test]
    fn arabic_numbers_use_western_digits() {
        let written = format_number(Lang::Ar, 9876.25) + &format_percent(Lang::Ar, 0.5);
        assert!(written.is_ascii(), "{written}");
    }

    #[test]
    fn fixed_decimals_keep_their_zeros() {
        assert_eq!(format_fixed(Lang::En, 0.5, 2), "0.50");
        assert_eq!(format_fixed(Lang::Fr, 0.5, 2), "0,50");
        assert_eq!(format_fixed(Lang::Ar, 1.0, 2), "1,00");
        assert_eq!(format_fixed(Lang::En, 0.456, 0), "0");
    }

    #[test]
    fn a_label_takes_a_colon_with_a_no_break_space_before_it_in_french() {
        assert_eq!(labelled(Lang::Fr, "Remarque", "texte"), "Remarque\u{a0}: texte");
        assert_eq!(labelled(Lang::En, "Note", "text"), "Note: text");
        assert_eq!(labelled(Lang::Ar, "ملاحظة", "نص"), "ملاحظة: نص");
    }

    #[test]
    fn numbers_are_grouped_signed_and_trimmed_per_language() {
        assert_eq!(format_number(Lang::En, 1234567.891), "1,234,567.89");
        assert_eq!(format_number(Lang::Fr, -1234.5), "\u{2212}1\u{202f}234,5");
        assert_eq!(format_number(Lang::Ar, 1234.5), "1234,5");
        assert_eq!(format_number(Lang::En, -0.001), "0", "a negative that rounds to zero has no sign");
        assert_eq!(format_number(Lang::En, f64::NAN), "–");
        assert_eq!(format_percent(Lang::Fr, 0.6), "60\u{202f}%");
        assert_eq!(format_percent(Lang::En, 2.0 / 3.0), "67%");
    }

    fn date(text: &str) -> CalendarDate {
        CalendarDate::parse(text).unwrap_or_else(|| panic!("{text} is a date"))
    }

    #[test]
    fn dates_are_written_day_first_in_each_language() {
        let start = date("2016-09-24");
        assert_eq!(format_date(Lang::Ar, start, DateStyle::DayMonth), "24\u{a0}شتنبر");
        assert_eq!(format_date(Lang::Fr, start, DateStyle::DayMonth), "24\u{a0}sept.");
        assert_eq!(format_date(Lang::En, start, DateStyle::DayMonth), "24\u{a0}Sept");
        assert_eq!(format_date(Lang::Ar, start, DateStyle::Full), "24 شتنبر 2016");
        assert_eq!(format_date(Lang::Fr, start, DateStyle::Full), "24 septembre 2016");
        assert_eq!(format_date(Lang::En, start, DateStyle::Full), "24 September 2016");
        let first = date("2021-10-01");
        assert_eq!(format_date(Lang::Fr, first, DateStyle::DayMonth), "1er\u{a0}oct.");
        assert_eq!(format_date(Lang::Fr, first, DateStyle::Full), "1er octobre 2021");
        assert_eq!(format_date(Lang::En, first, DateStyle::Full), "1 October 2021");
        assert_eq!(format_date(Lang::Ar, first, DateStyle::Full), "1 أكتوبر 2021");
        assert_eq!(format_date(Lang::En, date("2021-06-08"), DateStyle::DayMonth), "8\u{a0}Jun");
        assert_eq!(format_date(Lang::Fr, date("2021-07-14"), DateStyle::DayMonth), "14\u{a0}juil.");
        assert_eq!(format_date(Lang::Fr, date("2021-08-15"), DateStyle::Full), "15 août 2021");
    }

    #[test]
    fn every_month_has_its_name_in_each_language() {
        let moroccan = ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"];
        for (position, arabic) in moroccan.iter().enumerate() {
            let day = date(&format!("2021-{:02}-15", position + 1));
            assert_eq!(format_date(Lang::Ar, day, DateStyle::DayMonth), format!("15\u{a0}{arabic}"));
            assert_eq!(format_date(Lang::Ar, day, DateStyle::Full), format!("15 {arabic} 2021"));
            for lang in [Lang::Fr, Lang::En] {
                for style in [DateStyle::DayMonth, DateStyle::Full] {
                    let written = format_date(lang, day, style);
                    let month = written.trim_start_matches("15").trim_start_matches(['\u{a0}', ' ']).trim_end_matches(" 2021");
                    assert!(month.chars().count() >= 3 && month.chars().all(|c| c.is_alphabetic() || c == '.'), "{written}");
                }
            }
        }
    }

    fn calendar(official_start: Option<&str>, election_day: Option<&str>) -> CampaignCalendar {
        let dates = crate::data::CampaignDates { official_start: official_start.map(str::to_owned), election_day: election_day.map(str::to_owned) };
        CampaignCalendar::of(Some(&dates))
    }

    #[test]
    fn the_built_in_campaign_names_its_periods_as_the_fixed_2016_strings_did() {
        let dates = calendar(Some("2016-09-24"), Some("2016-10-07"));
        let before = |lang| period_name(lang, dates, Timing::BeforeStart);
        let during = |lang| period_name(lang, dates, Timing::AfterStart);
        assert_eq!(before(Lang::Ar), "قبل الانطلاقة الرسمية (24\u{a0}شتنبر)");
        assert_eq!(before(Lang::Fr), "Avant le début officiel (24\u{a0}sept.)");
        assert_eq!(before(Lang::En), "Before the official start (24\u{a0}Sept)");
        assert_eq!(during(Lang::Ar), "خلال الحملة (24\u{a0}شتنبر – 7\u{a0}أكتوبر)");
        assert_eq!(during(Lang::Fr), "Pendant la campagne (24\u{a0}sept. – 7\u{a0}oct.)");
        assert_eq!(during(Lang::En), "During the campaign (24\u{a0}Sept – 7\u{a0}Oct)");
    }

    #[test]
    fn periods_show_only_the_dates_the_dataset_gives() {
        for undated in [CampaignCalendar::of(None), calendar(None, None), calendar(Some("24/09/2016"), Some("2016-02-30"))] {
            for lang in Lang::ALL {
                let names = [period_name(lang, undated, Timing::BeforeStart), period_name(lang, undated, Timing::AfterStart)];
                assert_eq!(names, [ui(lang, UiText::BeforeStart), ui(lang, UiText::DuringCampaign)]);
                assert!(!names.concat().contains(['(', '2', '4']), "{names:?}");
            }
        }
        let start_only = calendar(Some("2021-08-26"), None);
        assert_eq!(period_name(Lang::En, start_only, Timing::BeforeStart), "Before the official start (26\u{a0}Aug)");
        assert_eq!(period_name(Lang::En, start_only, Timing::AfterStart), "During the campaign (from 26\u{a0}Aug)");
        assert_eq!(period_name(Lang::Fr, start_only, Timing::AfterStart), "Pendant la campagne (à partir du 26\u{a0}août)");
        assert_eq!(period_name(Lang::Ar, start_only, Timing::AfterStart), "خلال الحملة (ابتداء من 26\u{a0}غشت)");
        let election_day_only = calendar(None, Some("2021-09-08"));
        assert_eq!(period_name(Lang::En, election_day_only, Timing::BeforeStart), "Before the official start");
        assert_eq!(period_name(Lang::En, election_day_only, Timing::AfterStart), "During the campaign (until 8\u{a0}Sept)");
        assert_eq!(period_name(Lang::Fr, election_day_only, Timing::AfterStart), "Pendant la campagne (jusqu’au 8\u{a0}sept.)");
        assert_eq!(period_name(Lang::Ar, election_day_only, Timing::AfterStart), "خلال الحملة (حتى 8\u{a0}شتنبر)");
    }

    #[test]
    fn percentages_round_to_whole_numbers_with_the_right_spacing() {
        assert_eq!(format_percent(Lang::En, 0.6), "60%");
        assert_eq!(format_percent(Lang::Fr, 0.6), "60\u{202F}%");
        assert_eq!(format_percent(Lang::Ar, 0.6), "60%");
        assert_eq!(format_percent(Lang::En, 2.0 / 3.0), "67%");
        assert_eq!(format_percent(Lang::En, 0.0), "0%");
        assert_eq!(format_percent(Lang::En, f64::NAN), "–");
    }
}
