//! Datasets and texts files as JavaScript values: the built-in dataset assembled from its Arabic
//! document and the French and English texts the host has fetched, and a newsroom's own dataset.
//!
//! `data::json_text` does the same natively on serde_json's values; both merge a language's texts
//! over the Arabic document, member by member, before serde reads the whole.

use std::collections::BTreeMap;

use js_sys::{Array, JSON, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::data::{BUILT_IN_ARABIC, Dataset, DatasetErrors, Lang, quoted};
use crate::texts::ui_texts_in_order;

/// A newsroom's dataset, as `JSON.parse` or the host page made it.
pub(super) fn dataset_from_value(data: JsValue) -> Result<Dataset, DatasetErrors> {
    if !data.is_object() || Array::is_array(&data) {
        return Err(Dataset::not_an_object(&described(&data)));
    }
    Dataset::from_deserializer(serde_wasm_bindgen::Deserializer::from(data))
}

/// The built-in dataset with the texts of the languages given (the `dataset` member of their texts
/// files); the languages not given show the Arabic in their place.
pub(super) fn built_in_dataset(texts: &[&JsValue]) -> Result<Dataset, DatasetErrors> {
    // Parsed anew each time: the texts are laid over it in place.
    let document = JSON::parse(BUILT_IN_ARABIC).map_err(|_| DatasetErrors::of_document("the built-in dataset is not JSON".to_owned()))?;
    for language in texts {
        merge(&document, language);
    }
    fill_missing_languages(&document);
    Dataset::from_deserializer(serde_wasm_bindgen::Deserializer::from(document))
}

/// The widget's words of a texts file, in `UiText` order, and its dataset texts.
pub(super) fn read_file(file: &JsValue) -> Result<(Vec<String>, JsValue), String> {
    let member = |name: &str| Reflect::get(file, &JsValue::from_str(name)).ok().filter(JsValue::is_object);
    let words = member("ui").ok_or_else(|| "no \"ui\" object".to_owned())?;
    let words: BTreeMap<String, String> =
        serde_wasm_bindgen::from_value(words).map_err(|problem| format!("ui: {problem}"))?;
    let dataset = member("dataset").unwrap_or_else(|| Object::new().into());
    Ok((ui_texts_in_order(&words)?, dataset))
}

/// A JavaScript value in a few words, for "found …" in messages; long strings shortened.
fn described(value: &JsValue) -> String {
    if value.is_null() {
        "null".to_owned()
    } else if let Some(flag) = value.as_bool() {
        flag.to_string()
    } else if let Some(number) = value.as_f64() {
        format!("the number {number}")
    } else if let Some(text) = value.as_string() {
        format!("the string {}", quoted(&text))
    } else if Array::is_array(value) {
        "an array".to_owned()
    } else {
        "undefined".to_owned()
    }
}

/// Lays `texts` over `document`: objects member by member, arrays position by position.
fn merge(document: &JsValue, texts: &JsValue) {
    let Some(texts_object) = texts.dyn_ref::<Object>() else { return };
    for key in Object::keys(texts_object).iter() {
        let text = Reflect::get(texts, &key).unwrap_or(JsValue::UNDEFINED);
        let member = Reflect::get(document, &key).unwrap_or(JsValue::UNDEFINED);
        if member.is_object() && text.is_object() {
            merge(&member, &text);
        } else {
            // Setting a member of a value JSON.parse made cannot fail.
            let _ = Reflect::set(document, &key, &text);
        }
    }
}

/// Gives every translated text (an object with an `ar` string and no key but language codes) the
/// languages it lacks, in Arabic, so that the dataset reads as a whole before all texts are loaded.
fn fill_missing_languages(value: &JsValue) {
    let Some(object) = value.dyn_ref::<Object>() else { return };
    let keys = Object::keys(object);
    let translated = keys.iter().all(|key| key.as_string().is_some_and(|key| Lang::ALL.iter().any(|lang| lang.code() == key)));
    let arabic = Reflect::get(value, &JsValue::from_str("ar")).ok().filter(JsValue::is_string);
    match arabic {
        Some(arabic) if translated => {
            for lang in [Lang::Fr, Lang::En] {
                let key = JsValue::from_str(lang.code());
                if !Reflect::has(value, &key).unwrap_or(true) {
                    let _ = Reflect::set(value, &key, &arabic);
                }
            }
        }
        _ => {
            for key in keys.iter() {
                fill_missing_languages(&Reflect::get(value, &key).unwrap_or(JsValue::UNDEFINED));
            }
        }
    }
}
