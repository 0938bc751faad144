//! Renders every view in every language to SVG at build time, with the same drawing code as the canvas,
//! for readers without JavaScript or WebAssembly, RSS readers, AMP pages and social cards.
//!
//! Usage: `render_static OUTPUT_DIRECTORY [WIDTH]`. Writes `VIEW-LANG.svg` files and `static.json`,
//! the manifest the page generator reads (file, size, summary and data table of each image).

use campaign_explainer::chart::render_svg;
use campaign_explainer::data::{Dataset, Lang};
use campaign_explainer::layout::{self, EstimatedTextMeasure, View, ViewRequest};
use campaign_explainer::theme::Theme;
use serde_json::{Value, json};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut arguments = std::env::args().skip(1);
    let Some(output) = arguments.next().map(PathBuf::from) else {
        eprintln!("usage: render_static OUTPUT_DIRECTORY [WIDTH]");
        return ExitCode::FAILURE;
    };
    let width = arguments.next().and_then(|width| width.parse::<f64>().ok()).unwrap_or(720.0);
    match render_all(&output, width) {
        Ok(count) => {
            println!("render_static: {count} SVG files in {}", output.display());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("render_static: {message}");
            ExitCode::FAILURE
        }
    }
}

fn render_all(output: &std::path::Path, width: f64) -> Result<usize, String> {
    let dataset = Dataset::built_in().map_err(|errors| format!("the built-in dataset is invalid: {errors}"))?;
    std::fs::create_dir_all(output).map_err(|error| format!("{}: {error}", output.display()))?;
    let theme = Theme::light();
    let mut manifest: Vec<Value> = Vec::new();
    for view in View::ALL {
        for lang in Lang::ALL {
            // The element's default pair.
            let request = ViewRequest { view, lang, party: 0, versus: dataset.default_versus(), width };
            let scene = layout::layout(&dataset, &request, &EstimatedTextMeasure).map_err(|error| error.to_string())?;
            let file = format!("{}-{}.svg", view.as_str(), lang.code());
            std::fs::write(output.join(&file), render_svg(&scene, &theme)).map_err(|error| format!("{file}: {error}"))?;
            manifest.push(json!({
                "view": view.as_str(),
                "lang": lang.code(),
                "file": file,
                "width": scene.width,
                "height": scene.height,
                "summary": scene.summary,
                "table": { "caption": scene.table.caption, "header": scene.table.header, "rows": scene.table.rows },
            }));
        }
    }
    let text = serde_json::to_string_pretty(&manifest).map_err(|error| error.to_string())?;
    std::fs::write(output.join("static.json"), text).map_err(|error| format!("static.json: {error}"))?;
    Ok(manifest.len())
}
