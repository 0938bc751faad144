# Sourced by the build: chooses how to compile for wasm32 on this machine (see scripts/setup.sh).
# WASM_FEATURES: the crate's features to build with (only the tests' panic build sets it).
if command -v rustup >/dev/null 2>&1 && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  # rustup's prebuilt std: the stable flags only (see BENCHMARKS.md for what build-std adds).
  WASM_CARGO=(cargo build --release --lib --target wasm32-unknown-unknown ${WASM_FEATURES:+--features "$WASM_FEATURES"})
elif [ -x /usr/bin/cargo ] && [ -d /usr/lib/rustlib/src/rust/library ]; then
  # Debian's rustc-web: std is compiled from its sources, with the nightly flags unlocked by RUSTC_BOOTSTRAP.
  # Since std is compiled anyway, it is compiled for size: optimize_for_size picks std's smaller variants of
  # sorting, formatting and hashing (BENCHMARKS.md). Panics keep their message and location, which
  # console_error_panic_hook prints: a newsroom developer who meets one sees what and where.
  export RUSTC_BOOTSTRAP=1
  WASM_CARGO=(env PATH="/usr/bin:$PATH" RUSTC=/usr/bin/rustc
    /usr/bin/cargo build --release --lib --target wasm32-unknown-unknown ${WASM_FEATURES:+--features "$WASM_FEATURES"}
    -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size)
else
  echo "build: no wasm32 toolchain; run scripts/setup.sh first" >&2
  exit 1
fi
