#!/usr/bin/env bash
# Renders an HTML report and screenshots it with headless Chromium, to look at the page
# as a reader would. Usage: tests/html-screenshot.sh [OUT_DIR]   (default: target/html-shot)
#
# The report is the report crate's hand-made sample (two fictional outlets disagreeing on a
# dam breach and a death toll), since it holds conflicts whatever the comparator finds. Set
# CORPUS=PATH to screenshot `claimcheck check PATH --format html` instead.
# Needs chromium (`apt-get install -y chromium`) or chromium-browser / google-chrome.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/target/html-shot}"
mkdir -p "$out"
html="$out/report.html"
png="$out/report.png"
cd "$root"
if [[ -n "${CORPUS:-}" ]]; then
  cargo run --quiet -p claimcheck -- check "$CORPUS" --format html --output "$html" --fail-on never
else
  cargo run --quiet -p report --example render -- crates/report/tests/data/sample-report.json html > "$html"
fi
browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" > /dev/null; then browser="$candidate"; break; fi
done
if [[ -z "$browser" ]]; then
  echo "no chromium found: apt-get install -y chromium" >&2
  exit 2
fi
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --window-size=1400,1000 --screenshot="$png" "file://$html" 2> "$out/chromium.log"
test -s "$png"
# The same page filtered to one kind through the URL, to see the inline filters work.
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --window-size=1400,1000 --screenshot="$out/report-filtered.png" "file://$html#kind=value-mismatch" 2>> "$out/chromium.log"
test -s "$out/report-filtered.png"
echo "$png"
echo "$out/report-filtered.png"
