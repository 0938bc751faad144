#!/usr/bin/env bash
# Installs whatever is missing to build the wasm widget and run every test. Idempotent.
#
# Two situations are handled:
#  - a laptop whose rustup has (or can download) the wasm32-unknown-unknown target:
#    the ordinary path, no build-std;
#  - a machine like ours, with no wasm32 standard library and no network but the
#    package registries: Debian's rustc-web ships std sources, which the build
#    compiles for wasm32 with -Zbuild-std (see scripts/toolchain.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
fail() { printf '\033[31msetup: %s\033[0m\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif have sudo; then sudo "$@"; else fail "need root for: $*"; fi
}

apt_updated=""
apt_update() {
  if [ -z "$apt_updated" ]; then
    say "apt-get update"
    as_root apt-get update -qq || fail "apt-get update failed"
    apt_updated=1
  fi
}
apt_install() {
  have apt-get || fail "cannot install $* without apt-get: install them by hand and run again"
  apt_update
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null || fail "apt-get install $* failed"
}

# 1. Node.js and npm: the host page, webpack and the browser tests.
have node && have npm || apt_install nodejs npm

# 2. A Rust toolchain that can build for wasm32.
wasm_mode=""
if have rustup && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  wasm_mode=rustup
elif [ -x /usr/bin/rustc ] && [ -d /usr/lib/rustlib/src/rust/library ] && [ -x /usr/bin/rust-lld ]; then
  wasm_mode=build-std
else
  # Debian (our machines, where rustup cannot download): its toolchain with std sources. Elsewhere (Ubuntu,
  # Fedora, macOS…, where Debian's packages are not to be had) rustup downloads the target, as on any laptop.
  if have apt-get; then
    apt_update
    if apt-cache show rustc-web rust-web-src lld-22 >/dev/null 2>&1; then
      apt_install rustc-web cargo-web rust-web-src rust-web-llvm lld-22
      [ -x /usr/bin/rust-lld ] || fail "rust-lld is missing after installing lld-22"
      wasm_mode=build-std
    fi
  fi
  if [ -z "$wasm_mode" ] && have rustup && [ -z "${CAMPAIGN_EXPLAINER_NO_RUSTUP_DOWNLOAD:-}" ]; then
    say "rustup target add wasm32-unknown-unknown"
    timeout 300 rustup target add wasm32-unknown-unknown || fail "rustup could not add the wasm32 target"
    wasm_mode=rustup
  fi
  [ -n "$wasm_mode" ] || fail "no way to build for wasm32 here: install rustup (https://rustup.rs) and run again"
fi
say "wasm toolchain: $wasm_mode"

# Native tests use the ordinary cargo; Debian's cargo-web also provides one.
if ! have cargo; then
  [ -x /usr/bin/cargo ] || apt_install rustc-web cargo-web
fi

# 3. The wasm-bindgen CLI at exactly the version the crate pins.
wanted=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
[ -n "$wanted" ] || fail "Cargo.toml must pin wasm-bindgen with \"=VERSION\""
export PATH="$HOME/.cargo/bin:$PATH"
current=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$current" != "$wanted" ]; then
  say "cargo install wasm-bindgen-cli $wanted (about 2 minutes on 2 cores)"
  # Not --locked: one of its locked dependency versions is no longer in the registry.
  cargo install wasm-bindgen-cli --version "$wanted" --quiet || fail "installing wasm-bindgen-cli $wanted failed"
fi

# 4. npm dependencies, exactly as locked.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  # puppeteer-core downloads no browser; the variable keeps any puppeteer package from trying.
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error || fail "npm ci failed"
fi

# 5. The three browser engines the tests run in (never a downloaded browser build), as Debian packages,
#    only those that BROWSERS names (default: all three):
#    Chromium (playwright-core drives it), Firefox ESR (puppeteer-core, over WebDriver BiDi),
#    WebKitGTK's MiniBrowser with WebKitWebDriver, on an Xvfb display.
engines=",${BROWSERS:-chromium,firefox,webkit},"
missing=()
if [[ $engines == *,chromium,* ]] && [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  missing+=(chromium)
fi
if [[ $engines == *,firefox,* ]] && [ -z "${FIREFOX_PATH:-}" ] && ! have firefox-esr; then
  missing+=(firefox-esr)
fi
if [[ $engines == *,webkit,* ]]; then
  have WebKitWebDriver || missing+=(webkit2gtk-driver)
  have Xvfb || missing+=(xvfb)
fi
if [ ${#missing[@]} -gt 0 ]; then
  say "browser engines for the tests: installing ${missing[*]}"
  apt_install "${missing[@]}"
fi
for engine in ${engines//,/ }; do
  case $engine in
    chromium) say "engine chromium: $( (${CHROMIUM_PATH:-/usr/bin/chromium} --version || echo missing) 2>/dev/null | head -1)" ;;
    firefox) say "engine firefox: $( (${FIREFOX_PATH:-firefox-esr} --version || echo missing) 2>/dev/null | head -1)" ;;
    webkit) say "engine webkit: WebKitGTK $(dpkg-query -W -f='${Version}' webkit2gtk-driver 2>/dev/null || echo '(WebKitWebDriver on PATH)'), $(command -v Xvfb || echo 'no Xvfb')" ;;
    *) fail "BROWSERS: unknown engine \"$engine\", expected chromium, firefox or webkit" ;;
  esac
done

# Fonts that cover Arabic, for every engine.
if have fc-list && ! fc-list :lang=ar 2>/dev/null | grep -q .; then
  apt_install fonts-noto-core
elif ! have fc-list && have apt-get; then
  apt_install fontconfig fonts-noto-core
fi

say "ready"
