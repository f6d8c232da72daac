#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Renders two HTML digests in headless Chromium at 1280 px — the canonical
# example's week 2025-W41 (with a document whose item holds <script>) and
# the W41 digest of every document of ../shared/corpus/real — takes a
# screenshot of each, and checks from the DOM: the page is no wider than
# the window, the chart has date labels and printed counts, progress bars
# and thread ages are there, the <script> item shows as text and the page
# has no script element. Without ../shared the fixtures stand in. Skips
# (77) without chromium.
# usage: browser.sh STATUSLOG SOURCE_DIR SHARED_DIR OUT_DIR
#   (screenshots: OUT_DIR/digest-example.png, OUT_DIR/digest-corpus.png;
#    `make screenshots` copies them to docs/)
set -u
BIN=$1
SRC=$2
SHARED=$3
OUT=$4
CHROME=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROME" ]; then
    echo "browser: chromium not found, skipping the browser test (apt-get install chromium)"
    exit 77
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$SRC" || exit 2
mkdir -p "$TMP/example" "$OUT"
# a document whose item carries markup that must stay text
printf '# Release Notes\n\n## Status (2025-10-08)\n- \342\234\205 Published <script>alert("x")</script> & "quotes" safely.\n- [ ] Announce it.\n' \
    >"$TMP/example/release-notes.md"
if [ -f "$SHARED/corpus/prisma-config-plan.md" ]; then
    cp "$SHARED/corpus/prisma-config-plan.md" "$TMP/example/"
    corpus=$SHARED/corpus/real
    period="--week 2025-W41"
else
    echo "browser: $SHARED/corpus not found, rendering the fixtures instead"
    cp fixtures/plan.md "$TMP/example/"
    sed -i 's/2025-10-08/2026-03-06/' "$TMP/example/release-notes.md"
    corpus=fixtures
    period="--since 2026-03-05 --until 2026-03-11" # threads carried into it
fi
# shellcheck disable=SC2086 # the period's words
(cd "$TMP/example" && "$BIN" digest $period --format html --no-config .) \
    >"$TMP/example.html" || { echo "browser: digest failed"; exit 1; }
# shellcheck disable=SC2086
"$BIN" digest $period --format html --no-config "$corpus" >"$TMP/corpus.html" ||
    { echo "browser: digest of $corpus failed"; exit 1; }

flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --user-data-dir=$TMP/profile --window-size=1280,1600"
# The width check: a copy of the page with a script that writes the
# document's width and the window's into the DOM (the digest has no script).
measured() { # PAGE -> PAGE.measure.html
    sed 's|</body>|<script>document.body.insertAdjacentHTML("beforeend", "<p id=\\"width\\">" + document.documentElement.scrollWidth + " " + window.innerWidth + "</p>");</script></body>|' \
        "$1" >"$1.measure.html"
}
passed=0
failed=0
ok() { passed=$((passed + 1)); }
ko() { failed=$((failed + 1)); echo "FAIL: $*"; }
for page in example corpus; do
    html=$TMP/$page.html
    measured "$html"
    # shellcheck disable=SC2086
    timeout 120 "$CHROME" $flags --dump-dom "file://$html" >"$TMP/$page.dom" 2>"$TMP/chrome.err"
    # shellcheck disable=SC2086
    timeout 120 "$CHROME" $flags --virtual-time-budget=2000 --dump-dom "file://$html.measure.html" \
        >"$TMP/$page.width" 2>>"$TMP/chrome.err"
    # shellcheck disable=SC2086
    timeout 120 "$CHROME" $flags --screenshot="$TMP/$page.png" "file://$html" \
        >/dev/null 2>>"$TMP/chrome.err"
    [ -s "$TMP/$page.png" ] && cp "$TMP/$page.png" "$OUT/digest-$page.png" && ok ||
        ko "$page: no screenshot ($(tail -2 "$TMP/chrome.err"))"
    widths=$(sed -n 's|.*<p id="width">\([0-9]*\) \([0-9]*\)</p>.*|\1 \2|p' "$TMP/$page.width")
    echo "browser: $page: the document is ${widths% *} px wide in a window of ${widths#* } px"
    echo "$widths" | awk '$1 > 0 && $1 <= $2 { ok = 1 } END { exit !ok }' && ok ||
        ko "$page: the page is wider than the window (document, window: '$widths')"
    grep -q '<svg class="chart"' "$TMP/$page.dom" && ok || ko "$page: no chart"
    grep -Eq '<text class="date"[^>]*>[0-9]+ [A-Z][a-z][a-z]</text>' "$TMP/$page.dom" && ok ||
        ko "$page: the chart has no date labels"
    grep -Eq '<text class="n"[^>]*>[0-9]+</text>' "$TMP/$page.dom" && ok ||
        ko "$page: the chart prints no counts"
    grep -c '<script' "$TMP/$page.dom" | grep -qx 0 && ok || ko "$page: the DOM has a script element"
done
grep -q 'class="progress-done"' "$TMP/example.dom" && ok || ko "no checklist progress bar"
grep -q 'class="age"' "$TMP/example.dom" && grep -Eq '<td class="days age-days">[0-9]+ days</td>' \
    "$TMP/example.dom" && ok || ko "no thread ages"
grep -q '&lt;script&gt;alert("x")&lt;/script&gt;' "$TMP/example.dom" && ok ||
    ko "the <script> item is not shown as text"
grep -q '<code>' "$TMP/example.dom" && ok || ko "no inline code shown as code"
echo "browser: $passed passed, $failed failed (screenshots: $OUT/digest-example.png, $OUT/digest-corpus.png)"
[ "$failed" = 0 ]
