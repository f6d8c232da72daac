#!/bin/sh
# Renders the HTML digest of the canonical example (and of a fixture with
# <script> in an item) in headless Chromium: takes a screenshot, and checks
# from the dumped DOM that the progress bars and thread ages are there and
# that the item's <script> shows as text. Skips (77) without chromium.
# usage: browser.sh STATUSLOG SOURCE_DIR SHARED_DIR OUT_PNG
set -u
BIN=$1
SRC=$2
SHARED=$3
PNG=$4
CHROME=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROME" ]; then
    echo "browser: chromium not found, skipping the browser test (apt-get install chromium)"
    exit 77
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$SRC" || exit 2
# a document whose item carries markup that must stay text
printf '# Release Notes\n\n## Status (2025-10-08)\n- \342\234\205 Published <script>alert("x")</script> & "quotes" safely.\n- [ ] Announce it.\n' \
    >"$TMP/release-notes.md"
if [ -f "$SHARED/corpus/prisma-config-plan.md" ]; then
    cp "$SHARED/corpus/prisma-config-plan.md" "$TMP/prisma-config-plan.md"
    docs="prisma-config-plan.md release-notes.md"
    week=2025-W41
else
    echo "browser: $SHARED/corpus not found, rendering the fixtures instead"
    cp fixtures/plan.md "$TMP/plan.md"
    docs="plan.md release-notes.md"
    week=2026-W10
    sed -i 's/2025-10-08/2026-03-04/' "$TMP/release-notes.md"
fi
# shellcheck disable=SC2086
(cd "$TMP" && "$BIN" digest --week "$week" --today 2025-10-19 --format html --no-config $docs) \
    >"$TMP/digest.html" || { echo "browser: digest failed"; exit 1; }
flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --user-data-dir=$TMP/profile --window-size=1100,1500"
# shellcheck disable=SC2086
timeout 120 "$CHROME" $flags --dump-dom "file://$TMP/digest.html" >"$TMP/dom.html" 2>"$TMP/chrome.err"
# shellcheck disable=SC2086
timeout 120 "$CHROME" $flags --screenshot="$TMP/shot.png" "file://$TMP/digest.html" \
    >/dev/null 2>>"$TMP/chrome.err"
passed=0
failed=0
ok() { passed=$((passed + 1)); }
ko() { failed=$((failed + 1)); echo "FAIL: $*"; }
[ -s "$TMP/shot.png" ] && ok || ko "no screenshot ($(tail -2 "$TMP/chrome.err"))"
grep -q 'class="progress-done"' "$TMP/dom.html" && ok || ko "no checklist progress bar in the DOM"
grep -q 'class="age"' "$TMP/dom.html" && grep -Eq '<td class="age-days">[0-9]+ days</td>' "$TMP/dom.html" &&
    ok || ko "no thread ages in the DOM"
grep -q '<svg class="chart"' "$TMP/dom.html" && ok || ko "no chart of items per day"
grep -q '&lt;script&gt;alert("x")&lt;/script&gt;' "$TMP/dom.html" && ok ||
    ko "the <script> item is not shown as text"
grep -c '<script' "$TMP/dom.html" | grep -qx 0 && ok || ko "the DOM has a script element"
[ -s "$TMP/shot.png" ] && cp "$TMP/shot.png" "$PNG"
echo "browser: $passed passed, $failed failed (screenshot: $PNG)"
[ "$failed" = 0 ]
