//! Writes small JSON documents (and their numbers) without serde or float formatting machinery.
