//! campaign-explainer: what Moroccan parties did online in the 2016 legislative
//! campaign, compared and drawn with plotters, to a canvas in the browser or to SVG natively.
//!
//! Everything but `web` is pure and tested natively with `cargo test`; `web` is
//! the one module that touches web-sys.

// Untrusted datasets flow through every module: no `unsafe` anywhere, checked by the compiler.
#![forbid(unsafe_code)]

pub mod chart;
pub mod compare;
pub mod data;
pub mod documents;
pub mod export;
pub mod i18n;
pub mod layout;
pub mod recording;
#[cfg(any(not(target_arch = "wasm32"), feature = "spreadsheet"))]
pub mod spreadsheet;
pub mod texts;
pub mod theme;

#[cfg(all(target_arch = "wasm32", feature = "widget"))]
mod web;

// A free-list allocator of ~1 KB instead of dlmalloc's ~6 KB: the widget allocates little and
// briefly (one scene per draw), and a phone downloads every byte (BENCHMARKS.md).
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());
