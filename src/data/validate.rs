//! Checks a parsed dataset rule by rule and resolves its references.
//!
//! Every rule reports the path and the offending value, and all problems are
//! collected, so a newsroom fixing a spreadsheet export sees them in one go.
//! Messages and paths are built only when a rule fails, so a valid dataset costs no strings.

use super::{CampaignDates, Category, Dataset, DatasetError, DatasetErrors, Lang, Localized, Party, RawDataset, Source};
use super::CalendarDate;

/// Larger documents are refused before parsing: no reader's phone should
/// parse more than this for one chart.
pub const MAX_DOCUMENT_BYTES: usize = 4 * 1024 * 1024;
pub const MAX_PARTIES: usize = 40;
pub const MAX_TACTICS: usize = 200;
pub const MAX_CATEGORIES: usize = 40;
pub const MAX_FACTS: usize = 4000;
pub const MAX_ID_CHARS: usize = 40;
pub const MAX_NAME_CHARS: usize = 120;
pub const MAX_QUOTE_CHARS: usize = 1000;
pub const MAX_TEXT_CHARS: usize = 500;
pub const MAX_NICKNAMES: usize = 20;
pub const MAX_LEADERS: usize = 20;
/// BCP 47's own bound for the tags it expects to see.
pub const MAX_LANGUAGE_TAG_CHARS: usize = 35;
pub const MAX_URL_CHARS: usize = 2000;

fn push_count(out: &mut String, count: usize) {
    out.push_str(&count.to_string());
}

struct Checker {
    errors: Vec<DatasetError>,
    /// The entry being checked, e.g. `facts` and 3; its path is spelled only for a problem.
    collection: &'static str,
    position: usize,
}

impl Checker {
    /// A problem of the whole collection, e.g. at `parties`.
    fn fail_collection(&mut self, collection: &str, message: String) {
        self.errors.push(DatasetError { path: collection.to_owned(), message });
    }

    /// A problem of the current entry, or of its `field`, or of that field's text in `language`.
    fn fail(&mut self, field: &str, language: &str, message: String) {
        // Without a collection, the field is a member of the document itself, e.g. `title.fr`.
        let mut path = String::from(self.collection);
        if !path.is_empty() {
            push_position(&mut path, self.position);
        }
        for part in [field, language] {
            if !part.is_empty() {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(part);
            }
        }
        self.errors.push(DatasetError { path, message });
    }

    fn id(&mut self, id: &str) {
        let well_formed = !id.is_empty()
            && id.chars().count() <= MAX_ID_CHARS
            && id.bytes().all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-')
            && id.as_bytes().first() != Some(&b'-');
        if !well_formed {
            let mut message = quoted(id);
            message.push_str(" is not an id: use 1 to ");
            push_count(&mut message, MAX_ID_CHARS);
            message.push_str(" lowercase letters, digits or hyphens, not starting with a hyphen");
            self.fail("id", "", message);
        }
    }

    fn text(&mut self, field: &str, language: &str, text: &str, max_chars: usize) {
        let characters = text.chars().count();
        let mut message;
        if text.chars().all(char::is_whitespace) {
            message = String::from("must not be empty, found ");
        } else if characters > max_chars {
            message = String::from("is ");
            push_count(&mut message, characters);
            message.push_str(" characters long, more than the ");
            push_count(&mut message, max_chars);
            message.push_str(" allowed: ");
        } else {
            return;
        }
        message.push_str(&quoted(text));
        self.fail(field, language, message);
    }

    fn localized(&mut self, field: &str, text: &Localized, max_chars: usize) {
        for lang in Lang::ALL {
            self.text(field, lang.code(), text.get(lang), max_chars);
        }
    }

    fn optional_localized(&mut self, field: &str, text: &Option<Localized>, max_chars: usize) {
        if let Some(text) = text {
            self.localized(field, text, max_chars);
        }
    }

    /// A list inside the current entry, e.g. a party's `leaders`.
    fn inner_count(&mut self, field: &str, count: usize, max: usize) {
        if count > max {
            self.fail(field, "", format!("has {count} entries, more than the {max} allowed"));
        }
    }

    fn count(&mut self, collection: &str, count: usize, max: usize) {
        if count > max {
            let mut message = String::from("has ");
            push_count(&mut message, count);
            message.push_str(" entries, more than the ");
            push_count(&mut message, max);
            message.push_str(" allowed");
            self.fail_collection(collection, message);
        }
    }

    /// Reports the second and later uses of an id, pointing at the first; `ids` holds each
    /// entry's id in order, `None` for an entry without one.
    fn unique(&mut self, collection: &'static str, ids: &[Option<&str>]) {
        self.collection = collection;
        // Sorted by id, the uses of an id are side by side: n log n comparisons, where comparing each id with every
        // earlier one took 8 million for the 4,000 facts a dataset may have (30 ms, 120 ms on a phone). The
        // problems are then said in the entries' order.
        let mut sorted: Vec<(&str, usize)> = ids.iter().enumerate().filter_map(|(position, id)| Some(((*id)?, position))).collect();
        sorted.sort_unstable_by(|one, other| one.0.cmp(other.0));
        let mut first_use: Vec<Option<usize>> = vec![None; ids.len()];
        for uses in sorted.chunk_by(|one, other| one.0 == other.0) {
            let first = uses.iter().map(|&(_, position)| position).min().unwrap_or_default();
            for &(_, position) in uses {
                if position != first
                    && let Some(entry) = first_use.get_mut(position)
                {
                    *entry = Some(first);
                }
            }
        }
        for (position, (id, first)) in ids.iter().zip(first_use).enumerate() {
            if let (Some(id), Some(first)) = (*id, first) {
                self.position = position;
                let mut message = String::from("duplicate id ");
                message.push_str(&quoted(id));
                message.push_str(" (first used at ");
                message.push_str(collection);
                push_position(&mut message, first);
                message.push(')');
                self.fail("id", "", message);
            }
        }
    }
}

/// The campaign's dates, which the timeline writes out for readers: each must be a real day
/// written `YYYY-MM-DD`, and polling cannot come before the official start. A date the widget
/// would have to guess at (`24/09/2016` could be read two ways elsewhere) is refused.
fn check_campaign(checker: &mut Checker, campaign: &CampaignDates) {
    let mut date = |field: &str, text: &Option<String>| {
        let text = text.as_deref()?;
        let parsed = CalendarDate::parse(text);
        if parsed.is_none() {
            let written = text.len() == 10 && text.bytes().enumerate().all(|(position, byte)| match position {
                4 | 7 => byte == b'-',
                _ => byte.is_ascii_digit(),
            });
            let mut message =
                String::from(if written { "expected a real date, found " } else { "expected a date written YYYY-MM-DD, found " });
            message.push_str(&quoted(text));
            checker.fail_collection(field, message);
        }
        parsed
    };
    let start = date("campaign.official_start", &campaign.official_start);
    let election_day = date("campaign.election_day", &campaign.election_day);
    if let (Some(start), Some(election_day)) = (start, election_day)
        && election_day < start
    {
        let mut message = String::from("election day ");
        message.push_str(&quoted(campaign.election_day.as_deref().unwrap_or_default()));
        message.push_str(" is before the official start ");
        message.push_str(&quoted(campaign.official_start.as_deref().unwrap_or_default()));
        checker.fail_collection("campaign.election_day", message);
    }
}

/// What a reader is told about the source: its title and note are shown like the dataset's own
/// texts, so they are held to the same bounds; its language tag and date are kept in exports, where
/// a value that is not one would mislead whoever reads the file next.
fn check_source(checker: &mut Checker, source: &Source) {
    checker.optional_localized("source.title", &source.title, MAX_NAME_CHARS);
    checker.optional_localized("source.note", &source.note, MAX_TEXT_CHARS);
    if let Some(language) = &source.language
        && !is_language_tag(language)
    {
        let message = format!("expected a language tag such as \"ar\" or \"fr-MA\", found {}", quoted(language));
        checker.fail("source.language", "", message);
    }
    if let Some(published) = &source.published {
        let written = is_partial_date(published);
        if !written || (published.len() == 10 && CalendarDate::parse(published).is_none()) {
            let expected = if written { "expected a real date" } else { "expected a date written YYYY, YYYY-MM or YYYY-MM-DD" };
            checker.fail("source.published", "", format!("{expected}, found {}", quoted(published)));
        }
    }
    if let Some(url) = &source.url {
        let characters = url.chars().count();
        if characters > MAX_URL_CHARS {
            let message = format!("is {characters} characters long, more than the {MAX_URL_CHARS} allowed: {}", quoted(url));
            checker.fail("source.url", "", message);
        } else if !url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .is_some_and(|rest| !rest.is_empty() && !rest.chars().any(char::is_whitespace))
        {
            // Only web addresses: a `javascript:` one would run code wherever a page links it.
            let message = format!("expected an address starting http:// or https://, without spaces, found {}", quoted(url));
            checker.fail("source.url", "", message);
        }
    }
}

/// `ar`, `fr-MA`, `zh-Hant-TW`: a 2- or 3-letter language, then subtags of 1 to 8 letters or digits.
fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let language = subtags.next().unwrap_or_default();
    tag.len() <= MAX_LANGUAGE_TAG_CHARS
        && (2..=3).contains(&language.len())
        && language.bytes().all(|byte| byte.is_ascii_alphabetic())
        && subtags.all(|subtag| (1..=8).contains(&subtag.len()) && subtag.bytes().all(|byte| byte.is_ascii_alphanumeric()))
}

/// `2016`, `2016-09` or `2016-09-24`, with a month from 01 to 12 and a day from 01 to 31; whether the
/// day exists in its month is `CalendarDate::parse`'s to say.
fn is_partial_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let number = |range: std::ops::Range<usize>| {
        bytes.get(range).filter(|digits| digits.iter().all(u8::is_ascii_digit)).map(|digits| {
            digits.iter().fold(0_u32, |value, digit| value * 10 + u32::from(digit - b'0'))
        })
    };
    let year = number(0..4).is_some();
    let month = || bytes.get(4) == Some(&b'-') && number(5..7).is_some_and(|month| (1..=12).contains(&month));
    let day = || bytes.get(7) == Some(&b'-') && number(8..10).is_some_and(|day| (1..=31).contains(&day));
    year && match bytes.len() {
        4 => true,
        7 => month(),
        10 => month() && day(),
        _ => false,
    }
}

/// A party of `parties` or of `unmentioned_parties`, which have the same shape: its id, its names and camp
/// note, and the symbol and leaders the source may name it by and the nicknames it uses, which the widget
/// matches in the source and shows in tooltips.
fn check_party(checker: &mut Checker, party: &Party) {
    checker.id(&party.id);
    checker.localized("name", &party.name, MAX_NAME_CHARS);
    checker.optional_localized("short_name", &party.short_name, MAX_NAME_CHARS);
    // The camps view wraps the note into its footnotes: unbounded, a 7,000-character note
    // froze the layout for seconds (found by fuzzing). Bounded like a fact's note.
    checker.optional_localized("camp_note", &party.camp_note, MAX_TEXT_CHARS);
    checker.optional_localized("symbol", &party.symbol, MAX_NAME_CHARS);
    checker.inner_count("nicknames", party.nicknames.len(), MAX_NICKNAMES);
    for (position, nickname) in party.nicknames.iter().enumerate() {
        checker.text(&format!("nicknames[{position}]"), "", nickname, MAX_NAME_CHARS);
    }
    checker.inner_count("leaders", party.leaders.len(), MAX_LEADERS);
    for (position, leader) in party.leaders.iter().enumerate() {
        checker.localized(&format!("leaders[{position}].name"), &leader.name, MAX_NAME_CHARS);
        checker.optional_localized(&format!("leaders[{position}].role"), &leader.role, MAX_NAME_CHARS);
    }
}

/// `[position]`, as paths spell an entry.
fn push_position(out: &mut String, position: usize) {
    out.push('[');
    push_count(out, position);
    out.push(']');
}

/// The first entry with this id.
fn position_of(ids: &[Option<&str>], id: &str) -> Option<usize> {
    ids.iter().position(|entry| *entry == Some(id))
}

/// Quotes a value for a message, shortened so a 2 MB string gives a short alert.
pub(crate) fn quoted(value: &str) -> String {
    const SHOWN_CHARS: usize = 40;
    let mut quoted = String::from("\"");
    for (index, character) in value.chars().enumerate() {
        if index == SHOWN_CHARS {
            quoted.push('…');
            break;
        }
        match character {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\r' => quoted.push_str("\\r"),
            '\t' => quoted.push_str("\\t"),
            character if is_invisible(character) => push_unicode_escape(&mut quoted, character),
            character => quoted.push(character),
        }
    }
    quoted.push('"');
    quoted
}

/// Characters a reader could not see in a message, or that would reorder it (bidi controls):
/// shown as `\u{202e}` like Rust's debug formatting, whose Unicode tables cost the wasm more
/// than this list.
fn is_invisible(character: char) -> bool {
    matches!(character,
        '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{ad}' | '\u{61c}' | '\u{180e}' | '\u{200b}'..='\u{200f}'
        | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}')
}

fn push_unicode_escape(text: &mut String, character: char) {
    text.push_str("\\u{");
    let code = u32::from(character);
    let digits = (32 - code.leading_zeros()).div_ceil(4).max(1);
    for shift in (0..digits).rev() {
        text.push(char::from_digit((code >> (shift * 4)) & 0xf, 16).unwrap_or('0'));
    }
    text.push('}');
}

pub(super) fn validate(raw: RawDataset) -> Result<Dataset, DatasetErrors> {
    let mut checker = Checker { errors: Vec::new(), collection: "", position: 0 };
    checker.count("parties", raw.parties.len(), MAX_PARTIES);
    checker.count("tactics", raw.tactics.len(), MAX_TACTICS);
    checker.count("categories", raw.categories.len(), MAX_CATEGORIES);
    checker.count("facts", raw.facts.len(), MAX_FACTS);
    if !checker.errors.is_empty() {
        // Past the bounds, checking every entry would only multiply the messages.
        return Err(DatasetErrors(checker.errors));
    }
    // Before the collections, as in the document.
    if let Some(id) = &raw.id {
        checker.id(id);
    }
    checker.optional_localized("title", &raw.title, MAX_NAME_CHARS);
    if let Some(source) = &raw.source {
        check_source(&mut checker, source);
    }
    if let Some(campaign) = &raw.campaign {
        check_campaign(&mut checker, campaign);
    }
    if raw.parties.is_empty() {
        checker.fail_collection("parties", "the dataset has no party".to_owned());
    }
    if raw.tactics.is_empty() {
        checker.fail_collection("tactics", "the dataset has no tactic".to_owned());
    }

    checker.collection = "categories";
    let mut category_ids = Vec::with_capacity(raw.categories.len());
    for (position, category) in raw.categories.iter().enumerate() {
        checker.position = position;
        checker.id(&category.id);
        checker.localized("name", &category.name, MAX_NAME_CHARS);
        category_ids.push(Some(category.id.as_str()));
    }
    checker.unique("categories", &category_ids);

    checker.collection = "parties";
    let mut party_ids = Vec::with_capacity(raw.parties.len());
    for (position, party) in raw.parties.iter().enumerate() {
        checker.position = position;
        check_party(&mut checker, party);
        party_ids.push(Some(party.id.as_str()));
    }
    checker.unique("parties", &party_ids);

    // Listed under their camp, so bounded like the parties themselves.
    checker.count("unmentioned_parties", raw.unmentioned_parties.len(), MAX_PARTIES);
    checker.collection = "unmentioned_parties";
    let mut unmentioned_ids = Vec::with_capacity(raw.unmentioned_parties.len());
    for (position, party) in raw.unmentioned_parties.iter().enumerate() {
        checker.position = position;
        check_party(&mut checker, party);
        if position_of(&party_ids, &party.id).is_some() {
            let mut message = String::from("is also among the parties: ");
            message.push_str(&quoted(&party.id));
            checker.fail("id", "", message);
        }
        unmentioned_ids.push(Some(party.id.as_str()));
    }
    checker.unique("unmentioned_parties", &unmentioned_ids);

    // Where the dataset declares no category, one per distinct `tactic.category`, named after itself.
    let mut derived_categories: Vec<Category> = Vec::new();
    if raw.categories.is_empty() {
        for tactic in &raw.tactics {
            if position_of(&category_ids, &tactic.category).is_none() {
                category_ids.push(Some(tactic.category.as_str()));
                derived_categories.push(Category { id: tactic.category.clone(), name: Localized::same_in_all(&tactic.category) });
            }
        }
    }

    checker.collection = "tactics";
    let mut tactic_ids = Vec::with_capacity(raw.tactics.len());
    let mut tactic_category = Vec::with_capacity(raw.tactics.len());
    for (position, tactic) in raw.tactics.iter().enumerate() {
        checker.position = position;
        checker.id(&tactic.id);
        checker.localized("name", &tactic.name, MAX_NAME_CHARS);
        // Without declared categories it is the name readers see; with them, a reference, whose
        // spelling is checked where the category is declared.
        if raw.categories.is_empty() {
            checker.text("category", "", &tactic.category, MAX_NAME_CHARS);
        }
        let category = position_of(&category_ids, &tactic.category);
        if category.is_none() {
            let mut message = String::from("unknown category ");
            message.push_str(&quoted(&tactic.category));
            checker.fail("category", "", message);
        }
        tactic_category.push(category.unwrap_or(0));
        tactic_ids.push(Some(tactic.id.as_str()));
    }
    checker.unique("tactics", &tactic_ids);

    checker.collection = "facts";
    let mut fact_ids = Vec::with_capacity(raw.facts.len());
    let mut fact_party = Vec::with_capacity(raw.facts.len());
    let mut fact_tactic = Vec::with_capacity(raw.facts.len());
    let mut cells: Vec<Option<usize>> = vec![None; raw.parties.len() * raw.tactics.len()];
    for (position, fact) in raw.facts.iter().enumerate() {
        checker.position = position;
        if let Some(id) = &fact.id {
            checker.id(id);
        }
        let party = position_of(&party_ids, &fact.party);
        if party.is_none() {
            let mut message = String::from("unknown party ");
            message.push_str(&quoted(&fact.party));
            checker.fail("party", "", message);
        }
        let tactic = position_of(&tactic_ids, &fact.tactic);
        if tactic.is_none() {
            let mut message = String::from("unknown tactic ");
            message.push_str(&quoted(&fact.tactic));
            checker.fail("tactic", "", message);
        }
        checker.text("quote", "", &fact.quote, MAX_QUOTE_CHARS);
        checker.localized("text", &fact.text, MAX_TEXT_CHARS);
        checker.optional_localized("note", &fact.note, MAX_TEXT_CHARS);
        if let (Some(party), Some(tactic)) = (party, tactic)
            && let Some(cell) = cells.get_mut(party * raw.tactics.len() + tactic)
        {
            if let Some(first) = *cell {
                let mut message = String::from("a second fact for party ");
                message.push_str(&quoted(&fact.party));
                message.push_str(" and tactic ");
                message.push_str(&quoted(&fact.tactic));
                message.push_str(" (the first is facts");
                push_position(&mut message, first);
                message.push(')');
                checker.fail("", "", message);
            } else {
                *cell = Some(position);
            }
        }
        fact_party.push(party.unwrap_or(0));
        fact_tactic.push(tactic.unwrap_or(0));
        fact_ids.push(fact.id.as_deref());
    }
    checker.unique("facts", &fact_ids);

    if !checker.errors.is_empty() {
        return Err(DatasetErrors(checker.errors));
    }
    Ok(Dataset { raw, derived_categories, tactic_category, fact_party, fact_tactic, cells })
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn values_are_quoted_as_rust_debug_formatting_would_for_what_datasets_hold() {
        for value in ["pjd", "say \"hi\"", "back\\slash", "line\nbreak\ttab\r", "حزب العدالة", "\u{202e}xirtam", "a\u{200f}b\u{2066}c\u{2069}", "\u{1}\u{7f}\u{feff}", "emoji 🗳"] {
            assert_eq!(quoted(value), format!("{value:?}"), "for {value:?}");
        }
    }

    #[test]
    fn long_values_are_shortened_with_an_ellipsis() {
        let long = "x".repeat(100);
        assert_eq!(quoted(&long), format!("\"{}…\"", "x".repeat(40)));
    }
}
