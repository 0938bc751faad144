#!/usr/bin/env bash
# Compiles the crate to wasm, generates the JS bindings into pkg/, and shrinks the module with wasm-opt.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
export PATH="$HOME/.cargo/bin:$PATH"
# PKG_DIR, SIZE_DIR and CARGO_TARGET_DIR let engineers measuring size changes in parallel build into their own
# directories instead of overwriting each other's pkg/ (the defaults are what npm run build uses).
PKG_DIR="${PKG_DIR:-pkg}"
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
SIZE_DIR="${SIZE_DIR:-$TARGET_DIR/size}"

echo "build: ${WASM_CARGO[*]}"
"${WASM_CARGO[@]}"

wasm-bindgen --target web --out-dir "$PKG_DIR" --no-typescript \
  "$TARGET_DIR/wasm32-unknown-unknown/release/campaign_explainer.wasm"

# The module before wasm-opt still has its function names: tests/browser/size.test.mjs reads them to list the
# largest functions and crates when the size budget is exceeded (BENCHMARKS.md: the same with twiggy).
mkdir -p "$SIZE_DIR"
cp "$PKG_DIR/campaign_explainer_bg.wasm" "$SIZE_DIR/campaign_explainer_bg.named.wasm"

# binaryen from npm: Debian's wasm-opt 108 emits modules that fail to instantiate.
# No --all-features: it lets wasm-opt emit encodings some engines reject.
# -ocimfs 20 (one-caller-inline-max-function-size): -Oz would otherwise inline every function that has one
# caller, whatever its size; that makes the module smaller raw but 6 to 11 KB larger gzipped (BENCHMARKS.md).
WASM_OPT_FLAGS=(-Oz -ocimfs 20)
echo "${WASM_OPT_FLAGS[*]}" > "$SIZE_DIR/wasm-opt-flags.txt"
node_modules/.bin/wasm-opt "${WASM_OPT_FLAGS[@]}" --strip-debug --strip-producers --strip-target-features \
  "$PKG_DIR/campaign_explainer_bg.wasm" -o "$PKG_DIR/campaign_explainer_bg.wasm"
echo "build: wasm $(wc -c < "$PKG_DIR/campaign_explainer_bg.wasm") bytes, $(gzip -9 -c "$PKG_DIR/campaign_explainer_bg.wasm" | wc -c) gzipped"

# The newsroom builder's module (builder.html): the spreadsheet format and the validation, the same Rust as the command
# line, into its own pkg dir; the widget's module above carries none of it. The tests' panic build (WASM_FEATURES) is
# of the widget alone and bundles the builder's pkg dir already built.
if [ -z "${WASM_FEATURES:-}" ]; then
  BUILDER_PKG_DIR="${BUILDER_PKG_DIR:-pkg-builder}"
  echo "build: ${BUILDER_WASM_CARGO[*]}"
  "${BUILDER_WASM_CARGO[@]}"
  wasm-bindgen --target web --out-dir "$BUILDER_PKG_DIR" --no-typescript \
    "$TARGET_DIR/wasm32-unknown-unknown/release/campaign_explainer_builder.wasm"
  node_modules/.bin/wasm-opt "${WASM_OPT_FLAGS[@]}" --strip-debug --strip-producers --strip-target-features \
    "$BUILDER_PKG_DIR/campaign_explainer_builder_bg.wasm" -o "$BUILDER_PKG_DIR/campaign_explainer_builder_bg.wasm"
  echo "build: builder wasm $(wc -c < "$BUILDER_PKG_DIR/campaign_explainer_builder_bg.wasm") bytes, $(gzip -9 -c "$BUILDER_PKG_DIR/campaign_explainer_builder_bg.wasm" | wc -c) gzipped"
fi
