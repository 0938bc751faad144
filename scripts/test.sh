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
bash scripts/test-browsers.sh
