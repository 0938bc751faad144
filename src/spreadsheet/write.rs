//! Writes a dataset as the sheets of the format, with the csv crate: how templates and the round trip are made.

use super::{CATEGORIES, DATASET, DATASET_FIELDS, FACTS, LEADERS, NICKNAME_SEPARATOR, PARTIES, SheetLayout, TACTICS};
use crate::data::{Localized, Party, RawDataset};

/// Excel reads UTF-8 without a byte order mark as the computer's legacy code page, which garbles the Arabic.
const BYTE_ORDER_MARK: &str = "\u{feff}";

/// The dataset's sheets, file name and text, in the order of `SHEETS`; every sheet is written, with its header
/// alone when the dataset has nothing for it, so that the folder is also a template. Fails only for what the format
/// cannot hold (a nickname with the separator in it, or spaces around it, which reading would take away).
pub fn write_sheets(raw: &RawDataset) -> Result<Vec<(&'static str, String)>, String> {
    let mut sheets = Vec::new();

    let mut values: Vec<(&str, String)> = Vec::new();
    // A translated member is three rows, `title_ar`, `title_fr`, `title_en`, named as `DATASET_FIELDS` names them.
    let text = |values: &mut Vec<(&str, String)>, prefix: &'static str, text: Option<&Localized>| {
        for (suffix, value) in [("_ar", text.map(|text| &text.ar)), ("_fr", text.map(|text| &text.fr)), ("_en", text.map(|text| &text.en))] {
            let field = DATASET_FIELDS.iter().find(|field| field.strip_suffix(suffix) == Some(prefix)).copied().unwrap_or(prefix);
            values.push((field, value.cloned().unwrap_or_default()));
        }
    };
    let source = raw.source.clone().unwrap_or_default();
    let campaign = raw.campaign.clone().unwrap_or_default();
    values.push(("id", raw.id.clone().unwrap_or_default()));
    text(&mut values, "title", raw.title.as_ref());
    text(&mut values, "source_title", source.title.as_ref());
    values.push(("source_language", source.language.clone().unwrap_or_default()));
    values.push(("source_published", source.published.clone().unwrap_or_default()));
    values.push(("source_url", source.url.clone().unwrap_or_default()));
    text(&mut values, "source_note", source.note.as_ref());
    values.push(("campaign_official_start", campaign.official_start.clone().unwrap_or_default()));
    values.push(("campaign_election_day", campaign.election_day.clone().unwrap_or_default()));
    let rows = values.into_iter().map(|(field, value)| vec![field.to_owned(), value]).collect();
    sheets.push((DATASET.file, sheet(&DATASET, rows)?));

    let rows = raw.categories.iter().map(|category| [vec![category.id.clone()], localized(&category.name)].concat()).collect();
    sheets.push((CATEGORIES.file, sheet(&CATEGORIES, rows)?));

    let mut party_rows = Vec::new();
    let mut leader_rows = Vec::new();
    for (party, mentioned) in raw.parties.iter().map(|party| (party, true)).chain(raw.unmentioned_parties.iter().map(|party| (party, false))) {
        party_rows.push(party_row(party, mentioned)?);
        for leader in &party.leaders {
            leader_rows.push([vec![party.id.clone()], localized(&leader.name), optional_localized(leader.role.as_ref())].concat());
        }
    }
    sheets.push((PARTIES.file, sheet(&PARTIES, party_rows)?));
    sheets.push((LEADERS.file, sheet(&LEADERS, leader_rows)?));

    let rows = raw.tactics.iter().map(|tactic| [vec![tactic.id.clone(), tactic.category.clone()], localized(&tactic.name)].concat()).collect();
    sheets.push((TACTICS.file, sheet(&TACTICS, rows)?));

    let rows = raw
        .facts
        .iter()
        .map(|fact| {
            let first = vec![
                fact.id.clone().unwrap_or_default(),
                fact.party.clone(),
                fact.tactic.clone(),
                fact.status.spelling().to_owned(),
                fact.when.map(|when| when.spelling().to_owned()).unwrap_or_default(),
                fact.quote.clone(),
            ];
            [first, localized(&fact.text), optional_localized(fact.note.as_ref())].concat()
        })
        .collect();
    sheets.push((FACTS.file, sheet(&FACTS, rows)?));
    Ok(sheets)
}

fn localized(text: &Localized) -> Vec<String> {
    vec![text.ar.clone(), text.fr.clone(), text.en.clone()]
}

fn optional_localized(text: Option<&Localized>) -> Vec<String> {
    text.map(localized).unwrap_or_else(|| vec![String::new(); 3])
}

fn yes_or_no(flag: bool) -> String {
    if flag { "yes" } else { "no" }.to_owned()
}

fn party_row(party: &Party, mentioned: bool) -> Result<Vec<String>, String> {
    for nickname in &party.nicknames {
        if nickname.contains(NICKNAME_SEPARATOR) || nickname.trim() != nickname {
            return Err(format!(
                "party \"{}\": the nickname {} cannot be written in one cell with \"{NICKNAME_SEPARATOR}\" between nicknames",
                party.id,
                crate::data::quoted(nickname)
            ));
        }
    }
    let separator = format!(" {NICKNAME_SEPARATOR} ");
    Ok([
        vec![party.id.clone(), yes_or_no(mentioned), party.camp.spelling().to_owned()],
        localized(&party.name),
        optional_localized(party.short_name.as_ref()),
        optional_localized(party.symbol.as_ref()),
        vec![party.nicknames.join(&separator)],
        optional_localized(party.camp_note.as_ref()),
        vec![
            party.french_gender.map(|gender| gender.spelling().to_owned()).unwrap_or_default(),
            party.french_article.map(yes_or_no).unwrap_or_default(),
        ],
    ]
    .concat())
}

/// A sheet's text: the byte order mark, the header, then the rows, each as long as the header.
fn sheet(layout: &SheetLayout, rows: Vec<Vec<String>>) -> Result<String, String> {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(BYTE_ORDER_MARK.as_bytes().to_vec());
    let failed = |error: csv::Error| format!("{}: {error}", layout.file);
    writer.write_record(layout.columns).map_err(failed)?;
    for row in rows {
        writer.write_record(&row).map_err(failed)?;
    }
    let bytes = writer.into_inner().map_err(|error| format!("{}: {error}", layout.file))?;
    String::from_utf8(bytes).map_err(|error| format!("{}: {error}", layout.file))
}
