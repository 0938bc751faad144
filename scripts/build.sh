#!/usr/bin/env bash
# npm run build: the wasm, the static SVG fallbacks (same Rust drawing code, run natively), then dist/ by webpack.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/build-wasm.sh
cargo run --quiet --bin render_static -- target/static
node_modules/.bin/webpack --mode production
