//! The `timeline` view (being written).

use crate::data::Dataset;

use super::builder::SceneBuilder;
use super::scene::{Scene, Table};
use super::View;

pub fn layout(_dataset: &Dataset, builder: SceneBuilder) -> Scene {
    builder.finish(View::Timeline, 100.0, String::new(), Table::default())
}
