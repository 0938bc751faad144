# Sourced by the build: chooses how to compile for wasm32 on this machine (see scripts/setup.sh).
# WASM_FEATURES: the crate's features to build with (only the tests' panic build sets it).
# WASM_CARGO builds the widget's module; BUILDER_WASM_CARGO the newsroom builder's (builder/). The widget's crate is an
# rlib for Cargo (so the builder, which depends on it, does not also link a widget module), and asked for as a
# cdylib here with `cargo rustc --crate-type cdylib`.
if command -v rustup >/dev/null 2>&1 && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  # rustup's prebuilt std: the stable flags only (see BENCHMARKS.md for what build-std adds).
  WASM_CARGO_RUN=(cargo)
  WASM_CARGO_FLAGS=(--release --target wasm32-unknown-unknown)
elif [ -x /usr/bin/cargo ] && [ -d /usr/lib/rustlib/src/rust/library ]; then
  # Debian's rustc-web: std is compiled from its sources, with the nightly flags unlocked by RUSTC_BOOTSTRAP.
  # Since std is compiled anyway, it is compiled for size: optimize_for_size picks std's smaller variants of
  # sorting, formatting and hashing (BENCHMARKS.md). Panics keep their message and location, which
  # console_error_panic_hook prints: a newsroom developer who meets one sees what and where.
  export RUSTC_BOOTSTRAP=1
  WASM_CARGO_RUN=(env PATH="/usr/bin:$PATH" RUSTC=/usr/bin/rustc /usr/bin/cargo)
  WASM_CARGO_FLAGS=(--release --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size)
else
  echo "build: no wasm32 toolchain; run scripts/setup.sh first" >&2
  exit 1
fi
# The widget's wasm stack (Rust's default for wasm32 is 1 MiB, which a memory's byteLength counts whole): the deepest
# the widget reaches, measured by tests/browser/stack.test.mjs (the largest dataset in every view, language and theme,
# a refused dataset, a fact's card, a story's transitions) and by the soak test run on an 8 KiB stack, is 5,688 B;
# 64 KiB is 11.5 times that (BENCHMARKS.md, "Seventh round"). Given to the widget's link alone, after `--`, so
# that changing it relinks the widget and rebuilds nothing else; the builder's module keeps Rust's default.
WASM_STACK_SIZE=${WASM_STACK_SIZE:-65536}
WASM_CARGO=("${WASM_CARGO_RUN[@]}" rustc "${WASM_CARGO_FLAGS[@]}" --lib --crate-type cdylib ${WASM_FEATURES:+--features "$WASM_FEATURES"}
  -- -C "link-arg=-zstack-size=$WASM_STACK_SIZE")
BUILDER_WASM_CARGO=("${WASM_CARGO_RUN[@]}" build "${WASM_CARGO_FLAGS[@]}" --lib -p campaign-explainer-builder)
