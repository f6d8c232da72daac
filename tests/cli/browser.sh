#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Renders HTML digests in headless Chromium and checks them as a reader
# sees them. Pages: the canonical example's week 2025-W41 (with a document
# whose items hold <script>, a Markdown link and a long code span), the W41
# digest of every document of ../shared/corpus/real, and the digest of the
# style fixtures (fixtures/digest/styles). Without ../shared the fixtures
# stand in. Each page is rendered in light and dark (prefers-color-scheme,
# Chromium's preferredColorScheme), in a wide (1280 px) and a narrow
# (500 px, the narrowest headless Chromium draws) window: a screenshot of each, and from the live DOM (a copy of
# the page with a measuring script; the digest itself has none): the page
# is no wider than the window, the background follows the scheme, links are
# links and no Markdown link is left raw, no code element holds a backtick
# (a code span cut in two). The screenshots are compared: light and dark
# differ, wide and narrow differ. Skips (77) without chromium.
# usage: browser.sh STATUSLOG SOURCE_DIR SHARED_DIR OUT_DIR
#   (screenshots: OUT_DIR/digest-PAGE-SCHEME-WIDTH.png; `make screenshots`
#    copies them to docs/)
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
# a document whose items carry markup that must stay text, a link and a long code span
cat >"$TMP/example/release-notes.md" <<'DOC'
# Release Notes

## Status (2025-10-08)
- ✅ Published <script>alert("x")</script> & "quotes" safely.
- ✅ Guide at [the release guide](https://example.org/guide/release) and [notes](notes/2025-10.md).
- ✅ Reran `DATABASE_URL="file:./dev.sqlite" npx prisma db push --schema prisma/schema.sqlite.prisma --force-reset --skip-generate --accept-data-loss` and every suite on `feature/route-sales-drilldown-with-a-long-branch-name`; all green again.
- [ ] Announce it.
DOC
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
"$BIN" digest --week 2026-W23 --today 2026-06-08 --format html --no-config \
    fixtures/digest/styles >"$TMP/styles.html" || { echo "browser: digest of the styles failed"; exit 1; }

flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --hide-scrollbars --user-data-dir=$TMP/profile"
# A copy of the page with a script that writes what it measures into the DOM.
measured() { # PAGE -> PAGE.measure.html
    sed 's|</body>|<script>(function () {\
var d = document, raw = 0, tick = 0;\
d.querySelectorAll("li, td, p").forEach(function (e) { if (/\\]\\([^)]*\\)/.test(e.textContent)) raw++; });\
d.querySelectorAll("code").forEach(function (e) { if (e.textContent.indexOf("`") >= 0) tick++; });\
d.body.insertAdjacentHTML("beforeend", "<p id=\\"measure\\">width=" + d.documentElement.scrollWidth +\
" window=" + window.innerWidth + " bg=" + getComputedStyle(d.body).backgroundColor.replace(/ /g, "") +\
" links=" + d.querySelectorAll("a[href^=\\"http\\"]").length + " raw=" + raw + " ticks=" + tick + "</p>");\
})();</script></body>|' "$1" >"$1.measure.html"
}
passed=0
failed=0
ok() { passed=$((passed + 1)); }
ko() { failed=$((failed + 1)); echo "FAIL: $*"; }
value() { sed -n "s|.*<p id=\"measure\">.*\\b$1=\\([^ <]*\\).*|\\1|p" "$2"; }
for page in example corpus styles; do
    html=$TMP/$page.html
    measured "$html"
    # shellcheck disable=SC2086
    timeout 120 "$CHROME" $flags --window-size=1280,1600 --dump-dom "file://$html" >"$TMP/$page.dom" \
        2>"$TMP/chrome.err"
    grep -c '<script' "$TMP/$page.dom" | grep -qx 0 && ok || ko "$page: the DOM has a script element"
    grep -q '<svg class="chart"' "$TMP/$page.dom" && ok || ko "$page: no chart"
    grep -Eq '<text class="date"[^>]*>[0-9]+ [A-Z][a-z][a-z]</text>' "$TMP/$page.dom" && ok ||
        ko "$page: the chart has no date labels"
    grep -Eq '<text class="n"[^>]*>[0-9]+</text>' "$TMP/$page.dom" && ok ||
        ko "$page: the chart prints no counts"
    for scheme in light dark; do
        [ $scheme = dark ] && pref=0 || pref=1
        for width in 1280 500; do
            shot=$TMP/$page-$scheme-$width
            # shellcheck disable=SC2086
            timeout 120 "$CHROME" $flags --window-size=$width,1400 \
                --blink-settings=preferredColorScheme=$pref --virtual-time-budget=2000 \
                --dump-dom "file://$html.measure.html" >"$shot.dom" 2>>"$TMP/chrome.err"
            # shellcheck disable=SC2086
            timeout 120 "$CHROME" $flags --window-size=$width,1400 \
                --blink-settings=preferredColorScheme=$pref --screenshot="$shot.png" \
                "file://$html" >/dev/null 2>>"$TMP/chrome.err"
            [ -s "$shot.png" ] && cp "$shot.png" "$OUT/digest-$page-$scheme-$width.png" && ok ||
                ko "$page $scheme $width: no screenshot ($(tail -2 "$TMP/chrome.err"))"
            w=$(value width "$shot.dom")
            win=$(value window "$shot.dom")
            bg=$(value bg "$shot.dom")
            echo "browser: $page, $scheme, $width px: the page is ${w:-?} px wide in ${win:-?} px, background $bg"
            [ -n "$w" ] && [ -n "$win" ] && [ "$w" -gt 0 ] && [ "$w" -le "$win" ] && ok ||
                ko "$page $scheme $width: the page is wider than the window ($w > $win)"
            case $scheme/$bg in
                light/rgb\(246,248,250\) | dark/rgb\(13,17,23\)) ok ;;
                *) ko "$page $scheme $width: background $bg does not follow prefers-color-scheme" ;;
            esac
            [ "$(value raw "$shot.dom")" = 0 ] && ok || ko "$page: a Markdown link shown raw"
            [ "$(value ticks "$shot.dom")" = 0 ] && ok || ko "$page: a code element holds a backtick"
        done
    done
    # the screenshots, compared: the scheme and the width each change the picture
    cmp -s "$TMP/$page-light-1280.png" "$TMP/$page-dark-1280.png" &&
        ko "$page: the light and dark screenshots are the same" || ok
    cmp -s "$TMP/$page-light-1280.png" "$TMP/$page-light-500.png" &&
        ko "$page: the wide and narrow screenshots are the same" || ok
done
[ "$(value links "$TMP/example-light-1280.dom")" -ge 1 ] && ok || ko "example: the Markdown link is not a link"
grep -q 'class="progress-done"' "$TMP/example.dom" && ok || ko "no checklist progress bar"
grep -q 'class="age"' "$TMP/example.dom" && grep -Eq '<td class="days age-days">[0-9]+ days?</td>' \
    "$TMP/example.dom" && ok || ko "no thread ages"
grep -q '&lt;script&gt;alert("x")&lt;/script&gt;' "$TMP/example.dom" && ok ||
    ko "the <script> item is not shown as text"
grep -q '<code>' "$TMP/example.dom" && ok || ko "no inline code shown as code"
grep -q '<wbr>' "$TMP/corpus.dom" && ok || ko "corpus: paths have no break opportunities after '/'"
echo "browser: $passed passed, $failed failed (screenshots: $OUT/digest-*.png)"
[ "$failed" = 0 ]
