#!/usr/bin/env bash
# Runs the browser suite (tests/browser/*.test.mjs) against dist/ once per engine that BROWSERS names
# (default: chromium,firefox,webkit), then prints each engine's time and every assertion an engine skipped.
# One engine:  BROWSERS=webkit bash scripts/test-browsers.sh   (or BROWSERS=webkit node --test tests/browser/)
set -uo pipefail
cd "$(dirname "$0")/.."

engines=${BROWSERS:-chromium,firefox,webkit}
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
failed=()
summary=()
passed_total=0
failed_total=0
for engine in ${engines//,/ }; do
  echo "test: browser tests in $engine, against dist/"
  started=$SECONDS
  # The 10,000-interaction soak with its memory bounds runs in Chromium, whose driver can force a
  # garbage collection and read memory; the others repeat a shorter soak, to keep CI well under 30 minutes.
  interactions=${SOAK_INTERACTIONS:-10000}
  [ "$engine" = chromium ] || interactions=${SOAK_INTERACTIONS_OTHER_ENGINES:-3000}
  SOAK_INTERACTIONS=$interactions BROWSERS=$engine node --test --test-concurrency=1 --test-reporter=spec tests/browser/ 2>&1 | tee "$logs/$engine.log"
  status=${PIPESTATUS[0]}
  seconds=$((SECONDS - started))
  passed=$(sed -n 's/^ℹ pass \([0-9]*\)$/\1/p' "$logs/$engine.log" | tail -1)
  failures=$(sed -n 's/^ℹ fail \([0-9]*\)$/\1/p' "$logs/$engine.log" | tail -1)
  passed_total=$((passed_total + ${passed:-0}))
  failed_total=$((failed_total + ${failures:-0}))
  [ "$status" = 0 ] || { failed+=("$engine"); [ "${failures:-0}" -gt 0 ] || failed_total=$((failed_total + 1)); }
  summary+=("$(printf '%-9s %4ss  %s passed, %s failed%s' "$engine" "$seconds" "${passed:-0}" "${failures:-0}" "$([ "$status" = 0 ] || echo ' (exit '"$status"')')")")
done

echo
echo "test: browser engines"
printf '  %s\n' "${summary[@]}"
skips=$(grep -ho 'skipped assertion \[.*' "$logs"/*.log | sort -u)
if [ -n "$skips" ]; then
  echo "test: assertions an engine's driver cannot make (the rest of each test ran):"
  printf '%s\n' "$skips" | sed 's/^/  /'
fi
echo "browsers: $passed_total passed, $failed_total failed"
if [ ${#failed[@]} -gt 0 ]; then
  echo "test: browser tests failed in: ${failed[*]}" >&2
  exit 1
fi
