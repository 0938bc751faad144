#!/usr/bin/env bash
# Compiles the crate to wasm, generates the JS bindings into pkg/, and shrinks the module with wasm-opt.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
export PATH="$HOME/.cargo/bin:$PATH"

echo "build: ${WASM_CARGO[*]}"
"${WASM_CARGO[@]}"

wasm-bindgen --target web --out-dir pkg --no-typescript \
  target/wasm32-unknown-unknown/release/campaign_explainer.wasm

# binaryen from npm: Debian's wasm-opt 108 emits modules that fail to instantiate.
# No --all-features: it lets wasm-opt emit encodings some engines reject.
node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers --strip-target-features \
  pkg/campaign_explainer_bg.wasm -o pkg/campaign_explainer_bg.wasm
ls -l pkg/campaign_explainer_bg.wasm | awk '{print "build: wasm " $5 " bytes"}'
