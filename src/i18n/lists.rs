//! Lists of names in a sentence, and the separators of summary lists, as each language writes them.

use crate::data::Lang;

use super::{UiText, ui};

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_join_with_each_language_conjunction() {
        assert_eq!(join_list(Lang::En, &["PJD", "PAM", "PPS"]), "PJD, PAM and PPS");
        assert_eq!(join_list(Lang::Fr, &["PJD", "PAM"]), "PJD et PAM");
        assert_eq!(join_list(Lang::Ar, &["العدالة والتنمية", "التقدم والاشتراكية"]), "العدالة والتنمية، التقدم والاشتراكية");
        assert_eq!(join_list(Lang::En, &["PJD"]), "PJD");
        assert_eq!(join_list(Lang::En, &[]), "none");
    }
}
