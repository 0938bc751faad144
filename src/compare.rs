//! Pure comparison logic over any valid dataset: profiles, head-to-head, camps, timeline, ranking.
//!
//! (Being written: see the compare helper's work.)
