#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# A real editor as the client of statuslog lsp (SPEC §10): headless Neovim
# opens a log with entries out of order, waits for the diagnostics, applies
# "Move out-of-order entries where they belong" and saves: the file is what
# `statuslog fix --order` writes. Then it marks an item done and adds
# today's entry: the file is the item ticked and what `statuslog append`
# writes. Skips (77) without nvim (scripts/install-deps neovim installs it).
# usage: nvim.sh STATUSLOG SOURCE_DIR
set -u
BIN=$1
cd "$2" || exit 2
NVIM=$(command -v nvim || true)
if [ -z "$NVIM" ]; then
    echo "lsp nvim: nvim not found, skipping the editor test (scripts/install-deps neovim)"
    exit 77
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
editor() { # ACTIONS FILE OUT [LINE]
    SLOG_BIN=$BIN SLOG_ACTIONS=$1 SLOG_FILE=$2 SLOG_OUT=$3 SLOG_LINE=${4:-0} HOME=$TMP \
        XDG_CONFIG_HOME=$TMP XDG_DATA_HOME=$TMP XDG_STATE_HOME=$TMP \
        timeout 60 "$NVIM" --headless -u NONE -i NONE -n -c "luafile tests/lsp/nvim.lua" \
        >"$TMP/nvim.out" 2>&1
}

# 1. move the out-of-order entries: what fix --order writes
cp fixtures/fix/plan.md "$TMP/plan.md"
cp fixtures/fix/plan.md "$TMP/want.md"
"$BIN" fix --order --no-config "$TMP/want.md" >/dev/null 2>&1
if editor order "$TMP/plan.md" "$TMP/got.md" && cmp -s "$TMP/got.md" "$TMP/want.md"; then
    pass
else
    fail "Neovim's saved buffer after 'move' is not what fix --order writes: $(tail -3 "$TMP/nvim.out")"
    [ -f "$TMP/got.md" ] && diff "$TMP/want.md" "$TMP/got.md" | head -10
fi
grep -q '^diagnostics: [1-9]' "$TMP/nvim.out" && pass || fail "the findings did not reach Neovim"

# 2. mark an item done, add today's entry: the item ticked, then what append writes
printf '# Plan\n\n## Status (2026-03-18)\n- ⏳ Load test at 2x peak.\n- ✅ Limiter merged.\n' >"$TMP/log.md"
sed 's/⏳ Load test/✅ Load test/' "$TMP/log.md" >"$TMP/want2.md"
"$BIN" append "$TMP/want2.md" --no-config --date 2026-03-20 --next "…" >/dev/null 2>&1
if editor done,today "$TMP/log.md" "$TMP/got2.md" 4 && cmp -s "$TMP/got2.md" "$TMP/want2.md"; then
    pass
else
    fail "mark done and add today's entry through Neovim: $(tail -3 "$TMP/nvim.out")"
    [ -f "$TMP/got2.md" ] && diff "$TMP/want2.md" "$TMP/got2.md" | head -10
fi
echo "lsp nvim: $passed passed, $failed failed"
[ "$failed" = 0 ]
