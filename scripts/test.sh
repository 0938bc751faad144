#!/usr/bin/env bash
# Runs every test: native Rust tests, then the release build, then the browser tests against dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh
echo "test: native Rust tests"
cargo test --all-targets --quiet
echo "test: release build"
npm run build --silent
echo "test: browser tests (headless Chromium against dist/)"
node --test --test-concurrency=1 --test-reporter=spec tests/browser/
