//! Renders every view in every language to SVG at build time, with the same drawing code as the canvas,
//! for readers without JavaScript or WebAssembly, RSS readers, AMP pages and social cards.
//!
//! Usage: `render_static OUTPUT_DIRECTORY [WIDTH]`. Writes `VIEW-LANG.svg` files (at WIDTH, 720 by default); the
//! pictures embed codes put inside the element, `VIEW-LANG-wide.svg` and `VIEW-LANG-phone.svg` (at a narrow
//! desktop column and at a phone's), with room for the element's bands; `static.json`, the manifest the page generator reads (file, size, summary and data
//! table of each image), and
//! `texts-LANG.json`, the French and English of the widget's words and of the built-in dataset, which
//! the element fetches when a reader needs them (the wasm carries only the Arabic; see `texts`).

use campaign_explainer::chart::render_svg;
use campaign_explainer::data::{BUILT_IN_TEXTS, Dataset, Lang};
use campaign_explainer::layout::{self, EstimatedTextMeasure, View, ViewRequest};
use campaign_explainer::theme::Theme;
use std::path::PathBuf;
use std::process::ExitCode;

/// The columns the pictures are laid out at: the narrowest article column of common phones (a 360 CSS px screen
/// less 20 px margins each side), and a narrow desktop or tablet column. A picture is shown at most at its own
/// width, and a chart is taller at a narrower column (its labels wrap more): at any column at least as wide, the
/// picture is at least as tall as the drawn chart.
const PHONE_COLUMN_WIDTH: f64 = 320.0;
const WIDE_COLUMN_WIDTH: f64 = 540.0;

/// The bands the element adds around its chart when it draws (www/element/widget.css: 8 px of padding, the
/// controls and 8 px under them; 8 px, the downloads and 8 px of padding), as tall as Chromium lays them out at those
/// columns, above and below, in CSS pixels. Above: one row of view buttons (on a phone they scroll sideways; at 540 px
/// they wrap to two rows), one of the language picker and the table button, and a row per party picker of the view
/// (`party_picker_rows`). Below: the downloads on two rows (French and a phone's column), and a margin, 32 px on a
/// phone and 64 px on the wide picture, because the estimated text widths are not always wider than the browser's (at
/// a 568 px column Chromium's Arabic matrix is 1,073 px tall, the estimate at 540 px 1,030), and a picture shorter
/// than the drawn element moves the article.
fn bands(view: View, phone: bool) -> (f64, f64) {
    const PICKER_ROW: f64 = 52.0;
    let view_button_rows = if phone { 1.0 } else { 2.0 };
    let above = 8.0 + view_button_rows * 44.0 + 8.0 + 44.0 + f64::from(party_picker_rows(view)) * PICKER_ROW + 8.0;
    let below = 8.0 + 92.0 + 8.0 + if phone { 32.0 } else { 64.0 };
    (above, below)
}

/// The party and versus pickers each take a row of the controls in the views that have them.
fn party_picker_rows(view: View) -> u8 {
    match view {
        View::Party => 1,
        View::Compare => 2,
        View::Matrix | View::Camps | View::Timeline => 0,
    }
}

/// The picture that stands in the element before its first draw: the chart with empty room above and below for the
/// bands, so that the element does not grow, and the article under it does not move, when the canvas replaces it.
/// The view box starts above the chart, so every host's `height: auto` keeps the room.
fn with_room_for_bands(svg: &str, width: f64, height: f64, (above, below): (f64, f64)) -> Option<String> {
    let header = format!(r#"<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}""#);
    let rest = svg.strip_prefix(&header)?;
    let total = height + above + below;
    Some(format!(r#"<svg width="{width}" height="{total}" viewBox="0 -{above} {width} {total}""#) + rest)
}

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
            let mut pictures = Vec::new();
            for (name, column_width, phone) in [("wide", WIDE_COLUMN_WIDTH, false), ("phone", PHONE_COLUMN_WIDTH, true)] {
                let bands = bands(view, phone);
                let picture_request = ViewRequest { width: column_width, ..request.clone() };
                let scene = layout::layout(&dataset, &picture_request, &EstimatedTextMeasure).map_err(|error| error.to_string())?;
                let svg = render_svg(&scene, &theme);
                let (width, height) = (scene.width.ceil().max(1.0), scene.height.ceil().max(1.0));
                let picture_file = format!("{}-{}-{name}.svg", view.as_str(), lang.code());
                let picture = with_room_for_bands(&svg, width, height, bands)
                    .ok_or_else(|| format!("{picture_file}: the SVG does not start with its size and view box"))?;
                std::fs::write(output.join(&picture_file), picture).map_err(|error| format!("{picture_file}: {error}"))?;
                pictures.push(serde_json::json!({ "file": picture_file, "width": width, "height": height + bands.0 + bands.1 }));
            }
            manifest.push(serde_json::json!({
                "view": view.as_str(),
                "lang": lang.code(),
                "file": file,
                "width": hundredths(scene.width),
                "height": hundredths(scene.height),
                "summary": scene.summary,
                "table": scene.table,
                "pictures": { "wide": pictures[0], "phone": pictures[1] },
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
