//! Renders every view in every language to SVG at build time, with the same drawing code as the canvas,
//! for readers without JavaScript or WebAssembly, RSS readers, AMP pages and social cards.
//!
//! Usage: `render_static OUTPUT_DIRECTORY [WIDTH]`. Writes `VIEW-LANG.svg` files and `static.json`,
//! the manifest the page generator reads (file, size, summary and data table of each image), and
//! `texts-LANG.json`, the French and English of the widget's words and of the built-in dataset, which
//! the element fetches when a reader needs them (the wasm carries only the Arabic; see `texts`).

use campaign_explainer::chart::render_svg;
use campaign_explainer::data::{BUILT_IN_TEXTS, Dataset, Lang};
use campaign_explainer::layout::{self, EstimatedTextMeasure, View, ViewRequest};
use campaign_explainer::theme::Theme;
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
    let mut manifest = Vec::new();
    // CSS pixels to the hundredth; the page generator rounds them for the <img> size.
    let hundredths = |value: f64| (value * 100.0).round() / 100.0;
    for view in View::ALL {
        for lang in Lang::ALL {
            // The element's default pair.
            let request = ViewRequest { view, lang, party: 0, versus: dataset.default_versus(), width, ..Default::default() };
            let scene = layout::layout(&dataset, &request, &EstimatedTextMeasure).map_err(|error| error.to_string())?;
            let file = format!("{}-{}.svg", view.as_str(), lang.code());
            std::fs::write(output.join(&file), render_svg(&scene, &theme)).map_err(|error| format!("{file}: {error}"))?;
            manifest.push(serde_json::json!({
                "view": view.as_str(),
                "lang": lang.code(),
                "file": file,
                "width": hundredths(scene.width),
                "height": hundredths(scene.height),
                "summary": scene.summary,
                "table": scene.table,
            }));
        }
    }
    let count = manifest.len();
    let manifest = serde_json::to_string_pretty(&manifest).map_err(|error| format!("static.json: {error}"))?;
    std::fs::write(output.join("static.json"), manifest).map_err(|error| format!("static.json: {error}"))?;
    for (lang, _) in BUILT_IN_TEXTS {
        let file = format!("texts-{}.json", lang.code());
        let texts = campaign_explainer::texts::write_file(lang).ok_or_else(|| format!("{file}: no texts in {}", lang.code()))?;
        std::fs::write(output.join(&file), texts).map_err(|error| format!("{file}: {error}"))?;
    }
    Ok(count)
}
