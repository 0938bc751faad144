//! The `compare` view (being written).

use crate::data::Dataset;

use super::builder::SceneBuilder;
use super::scene::{Scene, Table};
use super::View;

pub fn layout(_dataset: &Dataset, builder: SceneBuilder, _party: usize, _versus: usize) -> Scene {
    builder.finish(View::Compare, 100.0, String::new(), Table::default())
}
