//! Errors that name the path and the value at fault, for readers and newsroom developers.

use std::fmt;


#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatasetError {
    /// Where in the dataset, e.g. `facts[3].party`; empty for the whole document.
    pub path: String,
    pub message: String,
}

impl DatasetError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> DatasetError {
        DatasetError { path: path.into(), message: message.into() }
    }
}

impl DatasetError {
    /// `path: message`, or the message alone for the whole document.
    pub fn describe(&self) -> String {
        let mut text = String::new();
        self.push_to(&mut text);
        text
    }

    fn push_to(&self, text: &mut String) {
        if !self.path.is_empty() {
            text.push_str(&self.path);
            text.push_str(": ");
        }
        text.push_str(&self.message);
    }
}

impl fmt::Display for DatasetError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.describe())
    }
}

impl std::error::Error for DatasetError {}

/// Every problem found, entry by entry in document order (within one entry, field by field in
/// the schema's order); never empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatasetErrors(pub Vec<DatasetError>);

impl DatasetErrors {
    pub fn single(path: impl Into<String>, message: impl Into<String>) -> DatasetErrors {
        DatasetErrors(vec![DatasetError::new(path, message)])
    }

    /// One problem of the whole document, e.g. that it is not JSON; not generic, so the
    /// loader's call sites share one copy.
    pub(crate) fn of_document(message: String) -> DatasetErrors {
        DatasetErrors(vec![DatasetError { path: String::new(), message }])
    }

    pub fn first(&self) -> Option<&DatasetError> {
        self.0.first()
    }
}

/// How many problems the message shows; a dataset with thousands of bad rows
/// must still give a readable alert.
const SHOWN_ERRORS: usize = 5;

impl DatasetErrors {
    /// The message readers and the host page get: the first problems one per line, then how many more.
    pub fn describe(&self) -> String {
        let mut text = String::new();
        for (position, error) in self.0.iter().take(SHOWN_ERRORS).enumerate() {
            if position > 0 {
                text.push('\n');
            }
            error.push_to(&mut text);
        }
        let hidden = self.0.len().saturating_sub(SHOWN_ERRORS);
        match hidden {
            0 => {}
            1 => text.push_str("\n… and 1 more problem"),
            _ => {
                text.push_str(&format!("\n… and {hidden} more problems"));
            }
        }
        text
    }
}

impl fmt::Display for DatasetErrors {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.describe())
    }
}

impl std::error::Error for DatasetErrors {}
