# Sourced by the build: chooses how to compile for wasm32 on this machine (see scripts/setup.sh).
if command -v rustup >/dev/null 2>&1 && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  # rustup's prebuilt std: the stable flags only (see BENCHMARKS.md for what build-std adds).
  WASM_CARGO=(cargo build --release --lib --target wasm32-unknown-unknown)
elif [ -x /usr/bin/cargo ] && [ -d /usr/lib/rustlib/src/rust/library ]; then
  # Debian's rustc-web: std is compiled from its sources, with the nightly flags unlocked by RUSTC_BOOTSTRAP.
  # Since std is compiled anyway, it is compiled for size (measured in BENCHMARKS.md, wasm gzip):
  # - optimize_for_size: std's smaller variants of sorting, formatting and hashing (-2,349 B).
  # - panic=immediate-abort: a panic traps at once instead of formatting its message and location,
  #   which removes the panic machinery and its strings (-7,612 B). The element already turns a trap
  #   into its alert and error event, so readers see the same thing; only the console message is lost.
  #   Passed in RUSTFLAGS: cargo's profile key for it needs a nightly-only `cargo-features` line in
  #   Cargo.toml that the stable toolchain of the native tests would refuse.
  # - location-detail=none: no source paths for the #[track_caller] locations left over (-123 B).
  # - --no-default-features: without the panic-message feature, whose console hook such panics never call (-278 B).
  export RUSTC_BOOTSTRAP=1
  WASM_CARGO=(env PATH="/usr/bin:$PATH" RUSTC=/usr/bin/rustc
    RUSTFLAGS="${RUSTFLAGS:-} -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"
    /usr/bin/cargo build --release --lib --target wasm32-unknown-unknown --no-default-features
    -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size)
else
  echo "build: no wasm32 toolchain; run scripts/setup.sh first" >&2
  exit 1
fi
