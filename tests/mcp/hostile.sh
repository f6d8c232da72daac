#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# statuslog mcp under attack (issue 20): directory links that loop, a
# configuration that links out of the root, file names and long paths that
# are not plain ASCII, U+0000 in strings, framing (two messages on a line,
# trailing junk), ids a double cannot hold, a log whose model is larger
# than a reply may be. Each case failed before its fix.
# usage: hostile.sh STATUSLOG SOURCE_DIR
set -u
BIN=$1
SRC=$(cd "$2" && pwd)
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
INIT='{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"hostile","version":"1"}}}'
R=$TMP/root
mkdir -p "$R"
cp "$SRC/fixtures/plan.md" "$R/plan.md"

# session LINE...: the server's answers (one a line) to initialize and the
# lines, in $TMP/out; at most 20 s (a hang is a failure)
session() {
    { echo "$INIT"; for l in "$@"; do printf '%s\n' "$l"; done; } >"$TMP/in"
    # the sanitizers run several times slower: more time, same checks
    timeout "$([ "${SLOG_SKIP_MEMORY:-0}" = 1 ] && echo 90 || echo 20)" "$BIN" mcp --root "$R" \
        <"$TMP/in" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    [ $rc = 0 ] || fail "the server exited $rc: $(head -c 300 "$TMP/err")"
}
# answer N: the Nth answer after initialize's
answer() { sed -n "$(($1 + 1))p" "$TMP/out"; }
utf8() { iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1; }
call() { # ID TOOL ARGUMENTS
    printf '{"jsonrpc":"2.0","id":%s,"method":"tools/call","params":{"name":"%s","arguments":%s}}' "$1" "$2" "$3"
}

# 1. links that loop below a linted folder: each file once; the server goes on
mkdir -p "$R/loops/sub"
cp "$SRC/fixtures/log.md" "$R/loops/sub/b.md"
cp "$SRC/fixtures/plan.md" "$R/loops/a.md"
ln -s . "$R/loops/l1" && ln -s . "$R/loops/l2" && ln -s .. "$R/loops/sub/up"
ln -s / "$R/loops/out"
for tool in lint digest open_items; do
    session "$(call 1 $tool '{"paths":["loops"],"today":"2026-04-10"}')" '{"jsonrpc":"2.0","id":2,"method":"ping"}'
    [ "$(answer 2)" = '{"jsonrpc":"2.0","id":2,"result":{}}' ] && ! answer 1 | grep -q '"isError":true' &&
        pass || fail "$tool of a folder with link loops: $(answer 1 | head -c 300)"
done
session "$(call 1 lint '{"paths":["loops"],"today":"2026-04-10"}')"
[ "$(answer 1 | grep -o '"file":"[^"]*"' | sort -u | wc -l)" = 2 ] && pass ||
    fail "files linted: $(answer 1 | grep -o '"file":"[^"]*"' | sort -u | tr '\n' ' ')"
grep -q 'skipped: a link out of the server' "$TMP/err" && pass || fail "a link out of the root: $(cat "$TMP/err")"

# 2. a configuration that is a link to a file outside the root: never read,
#    and its content never echoed
mkdir -p "$R/leak"
cp "$SRC/fixtures/plan.md" "$R/leak/plan.md"
printf '{"AWS_SECRET_KEY_hunter2": 1}\n' >"$TMP/secret.json"
ln -s "$TMP/secret.json" "$R/leak/.statuslog.json"
session "$(call 1 lint '{"paths":["leak/plan.md"]}')" "$(call 2 parse '{"file":"leak/plan.md"}')"
answer 1 | grep -q '"isError":true' && answer 1 | grep -q 'leak/.statuslog.json: outside' && pass ||
    fail "a configuration linked out of the root: $(answer 1 | head -c 300)"
grep -q hunter2 "$TMP/out" "$TMP/err" && fail "the outside file's content was echoed" || pass
answer 2 | grep -q '"isError":true' && pass || fail "parse under a configuration linked out: $(answer 2 | head -c 200)"

# 3. a file name that is not UTF-8, and an error about a 600-character path:
#    every byte on stdout valid UTF-8, the reason kept
mkdir -p "$R/names"
cp "$SRC/fixtures/fix/plan.md" "$R/names/$(printf 'r\351sum\351.md')"
long=$(awk 'BEGIN { for (d = 0; d < 6; d++) { for (i = 0; i < 50; i++) printf "\303\251"; printf "/" } }')
session "$(call 1 lint '{"paths":["names"],"today":"2026-03-20"}')" "$(call 2 parse "{\"file\":\"${long}x.md\"}")"
utf8 "$TMP/out" && pass || fail "stdout is not UTF-8: $(od -c "$TMP/out" | grep -m1 '\\3[0-9][0-9]')"
answer 1 | grep -q 'r\\ufffdsum\\ufffd.md' && pass || fail "the name: $(answer 1 | head -c 200)"
answer 2 | grep -q 'No such file or directory' && pass || fail "the reason of a long path: $(answer 2 | tail -c 200)"

# 4. U+0000 in a path, a tool name, an id: refused, nothing written
session "$(call 1 append_status '{"file":"plan.md\u0000.evil","items":[{"state":"done","text":"x"}]}')" \
    '{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"parse\u0000x","arguments":{"file":"plan.md"}}}' \
    '{"jsonrpc":"2.0","id":"a\u0000b","method":"ping"}' \
    '{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"parse","arguments":{"file":"plan.md\\u0000"}}}'
for n in 1 2 3; do
    answer $n | grep -q '"error":{"code":-32600,"message":"a string holds U+0000' && pass ||
        fail "NUL $n: $(answer $n | head -c 200)"
done
cmp -s "$R/plan.md" "$SRC/fixtures/plan.md" && pass || fail "a NUL path wrote plan.md"
answer 4 | grep -q '"id":4,"result"' && pass || fail "an escaped backslash before u0000 is no NUL: $(answer 4 | head -c 200)"

# 5. framing: two messages on a line, trailing junk; ids a double cannot hold
session '{"jsonrpc":"2.0","id":1,"method":"ping"}{"jsonrpc":"2.0","id":2,"method":"ping"}' \
    '{"jsonrpc":"2.0","id":3,"method":"ping"} xyz' \
    '{"jsonrpc":"2.0","id":9007199254740993,"method":"ping"}' \
    '{"jsonrpc":"2.0","id":1e400,"method":"ping"}' \
    '{"jsonrpc":"2.0","id":12345678901234567890123,"method":"ping"}' \
    '{"jsonrpc":"2.0", "id" : "é-\u00e9" ,"method":"ping"}'
[ "$(wc -l <"$TMP/out")" = 7 ] && pass || fail "answers: $(cat "$TMP/out")"
for n in 1 2; do
    answer $n | grep -q '"id":null,"error":{"code":-32700' && pass || fail "framing $n: $(answer $n)"
done
[ "$(answer 3)" = '{"jsonrpc":"2.0","id":9007199254740993,"result":{}}' ] && pass || fail "id 2^53+1: $(answer 3)"
[ "$(answer 4)" = '{"jsonrpc":"2.0","id":1e400,"result":{}}' ] && pass || fail "id 1e400: $(answer 4)"
[ "$(answer 5)" = '{"jsonrpc":"2.0","id":12345678901234567890123,"result":{}}' ] && pass ||
    fail "a long id: $(answer 5)"
[ "$(answer 6)" = '{"jsonrpc":"2.0","id":"é-\u00e9","result":{}}' ] && pass || fail "a string id: $(answer 6)"

# 6. parse of a log whose model is over the reply's limit: an error asking
#    for less, in bounded memory; a range of entries and the compact form work
TOOLS=$(dirname "$BIN")
if [ -x "$TOOLS/genplan" ] && [ -x "$TOOLS/measure" ]; then
    "$TOOLS/genplan" 20 >"$R/big.md"
    size=$(wc -c <"$R/big.md")
    session "$(call 1 parse '{"file":"big.md"}')"
    answer 1 | grep -q 'over 16 MiB.*since.*"isError":true' && [ "$(wc -c <"$TMP/out")" -lt 100000 ] && pass ||
        fail "parse of a 20 MB log: $(answer 1 | head -c 300)"
    rss=$("$TOOLS/measure" "$BIN" mcp --root "$R" <"$TMP/in" | awk '{ print $2 }')
    if [ "${SLOG_SKIP_MEMORY:-0}" != 1 ]; then
        limit=$((size * 20 / 1048576 + 25))
        awk -v r="$rss" -v l="$limit" 'BEGIN { exit !(r <= l) }' && pass ||
            fail "parse of a 20 MB log through MCP took $rss MiB (limit $limit)"
    fi
    # lint's reply of many findings is bounded too, and says the same limit
    # (80 MB to lint: not under the sanitizers, which skip memory checks too)
    if [ "${SLOG_SKIP_MEMORY:-0}" != 1 ]; then
        mkdir -p "$R/many"
        for f in a b c d; do cp "$R/big.md" "$R/many/$f.md"; done
        session "$(call 1 lint '{"paths":["many"]}')"
        answer 1 | grep -q 'over 16 MiB.*"isError":true' && pass ||
            fail "lint's bounded reply names 16 MiB: $(answer 1 | head -c 300)"
        rm -rf "$R/many"
    fi
    session "$(call 1 parse '{"file":"big.md","compact":true}')" \
        "$(call 2 parse '{"file":"big.md","since":"2000-01-01","until":"2000-01-07"}')"
    answer 1 | grep -q '"structuredContent":{"schema":"statuslog/1".*"item_counts"' && pass ||
        fail "compact: $(answer 1 | head -c 300)"
    answer 2 | grep -q '"structuredContent":{"schema":"statuslog/1"' && answer 2 | grep -q '"date":"2000-01-07"' && ! answer 2 | grep -q '"date":"2000-01-08"' &&
        pass || fail "a range of entries: $(answer 2 | head -c 300)"
fi

echo "mcp-hostile: $passed passed, $failed failed"
[ "$failed" = 0 ]
