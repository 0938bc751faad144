//! Errors that name the path and the value at fault, for readers and newsroom developers.

use std::fmt;

use crate::json::write::push_unsigned;

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

// Written piece by piece rather than with `write!`, whose argument tables cost the wasm more (issue #7).
impl fmt::Display for DatasetError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            formatter.write_str(&self.path)?;
            formatter.write_str(": ")?;
        }
        formatter.write_str(&self.message)
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

impl fmt::Display for DatasetErrors {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (position, error) in self.0.iter().take(SHOWN_ERRORS).enumerate() {
            if position > 0 {
                formatter.write_str("\n")?;
            }
            fmt::Display::fmt(error, formatter)?;
        }
        let hidden = self.0.len().saturating_sub(SHOWN_ERRORS);
        match hidden {
            0 => Ok(()),
            1 => formatter.write_str("\n… and 1 more problem"),
            _ => {
                let mut more = String::from("\n… and ");
                push_unsigned(&mut more, hidden as u64);
                more.push_str(" more problems");
                formatter.write_str(&more)
            }
        }
    }
}

impl std::error::Error for DatasetErrors {}
