//! JSON read and written by hand, so the wasm carries no serde machinery.
//!
//! serde_derive + serde_json were ~80 KB of the ~230 KB of code in the wasm (issue #7,
//! BENCHMARKS.md); the widget needs one small grammar, a tree with positions for
//! error paths, and a writer for a few small documents.

pub mod parse;
pub mod write;
