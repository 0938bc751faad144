#!/usr/bin/env bash
# Sourced by the build: chooses how to compile for wasm32 on this machine (see scripts/setup.sh).
if command -v rustup >/dev/null 2>&1 && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  WASM_CARGO=(cargo build --release --target wasm32-unknown-unknown)
elif [ -x /usr/bin/cargo ] && [ -d /usr/lib/rustlib/src/rust/library ]; then
  # Debian's rustc-web: std is compiled from its sources, with the nightly flag unlocked by RUSTC_BOOTSTRAP.
  export RUSTC_BOOTSTRAP=1
  WASM_CARGO=(env PATH="/usr/bin:$PATH" RUSTC=/usr/bin/rustc /usr/bin/cargo build --release
    --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort)
else
  echo "build: no wasm32 toolchain; run scripts/setup.sh first" >&2
  exit 1
fi
