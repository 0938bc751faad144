//! Fixtures the integration tests share: the built-in dataset, and a translated text for the datasets they write.

// Each test binary compiles this module and uses only a part of it.
#![allow(dead_code)]

use campaign_explainer::data::Dataset;
use serde_json::{Value, json};

/// The built-in dataset; a test fails with its validation errors if it is refused.
pub fn built_in() -> Dataset {
    Dataset::built_in().unwrap_or_else(|errors| panic!("built-in dataset is invalid:\n{errors}"))
}

/// The same text in the three languages, where a dataset needs a translated text.
pub fn localized(text: &str) -> Value {
    json!({ "ar": text, "fr": text, "en": text })
}
