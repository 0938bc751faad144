#!/usr/bin/env bash
# Runs every test: native Rust tests, then the release build, then the browser tests against dist/ in each
# engine that BROWSERS names (default: chromium,firefox,webkit; e.g. BROWSERS=chromium npm test).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh
echo "test: native Rust tests"
cargo test --all-targets --quiet
echo "test: release build"
npm run build --silent
# The same wasm with one test-only behaviour (view="panic-for-tests" panics), for the panic hook's browser
# test, bundled beside the shipped one; built last so dist/ stays the shipped build.
echo "test: panic build for the panic hook's test (target/panic/dist)"
WASM_FEATURES=panic-for-tests PKG_DIR=target/panic/pkg SIZE_DIR=target/panic/size bash scripts/build-wasm.sh >/dev/null
PKG_DIR=target/panic/pkg DIST_DIR=target/panic/dist node_modules/.bin/webpack --mode production >/dev/null
bash scripts/test-browsers.sh
