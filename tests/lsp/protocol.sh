#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# statuslog lsp driven with framed JSON-RPC (SPEC §10): initialize (UTF-16
# and UTF-8 positions), didOpen, full and incremental didChange, didClose,
# the diagnostics (the same findings as lint), every request — codeAction,
# documentSymbol, hover, completion — shutdown and exit; and what must not
# end the server: a header that is not one, a body that is not JSON, a
# Content-Length that lies, a request before initialize, an unknown method,
# a document that cannot be read, a document closed while it is linted.
# usage: protocol.sh STATUSLOG SOURCE_DIR
set -u
BIN=$1
cd "$2" || exit 2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

# A message with its Content-Length header.
frame() { printf 'Content-Length: %d\r\n\r\n%s' "$(printf '%s' "$1" | wc -c)" "$1"; }
# A file's text as a JSON string.
json_text() {
    awk 'BEGIN { printf "\"" }
         { gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); gsub(/\t/, "\\t"); gsub(/\r/, "\\r"); printf "%s\\n", $0 }
         END { printf "\"" }' "$1"
}
init='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
initialized='{"jsonrpc":"2.0","method":"initialized","params":{}}'
bye() {
    frame '{"jsonrpc":"2.0","id":99,"method":"shutdown"}'
    frame '{"jsonrpc":"2.0","method":"exit"}'
}
open_doc() { # URI FILE [VERSION]
    frame "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"$1\",\"languageId\":\"markdown\",\"version\":${3:-1},\"text\":$(json_text "$2")}}}"
}
# The server's messages, one a line (the frames' headers dropped).
serve() { # ARGS... (input on stdin) -> $TMP/out, exit status in $TMP/rc
    "$BIN" lsp --no-config --today 2026-03-20 "$@" >"$TMP/raw" 2>"$TMP/err"
    echo $? >"$TMP/rc"
    sed 's/Content-Length: [0-9]*\r//g' "$TMP/raw" | tr -d '\r' | sed 's/}{"jsonrpc"/}\n{"jsonrpc"/g' |
        grep -v '^$' >"$TMP/out"
}
has() { grep -q -- "$1" "$TMP/out"; }
line_of() { grep -- "$1" "$TMP/out" | head -1; }

U=file://$PWD/fixtures/fix/plan.md

# --- initialize, diagnostics, symbols, actions, hover, completion, shutdown ---------------
{
    frame "$init"
    frame "$initialized"
    open_doc "$U" fixtures/fix/plan.md
    sleep 1
    frame "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/documentSymbol\",\"params\":{\"textDocument\":{\"uri\":\"$U\"}}}"
    frame "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/codeAction\",\"params\":{\"textDocument\":{\"uri\":\"$U\"},\"range\":{\"start\":{\"line\":17,\"character\":0},\"end\":{\"line\":17,\"character\":0}},\"context\":{\"diagnostics\":[{\"code\":\"entry-order\",\"message\":\"m\",\"range\":{\"start\":{\"line\":17,\"character\":0},\"end\":{\"line\":17,\"character\":0}}}]}}}"
    frame "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"textDocument/codeAction\",\"params\":{\"textDocument\":{\"uri\":\"$U\"},\"range\":{\"start\":{\"line\":6,\"character\":0},\"end\":{\"line\":6,\"character\":0}},\"context\":{\"diagnostics\":[]}}}"
    frame "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\"$U\"},\"position\":{\"line\":6,\"character\":4}}}"
    frame "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\"$U\"},\"position\":{\"line\":2,\"character\":0}}}"
    bye
} | serve
has '"id":1,"result":{"capabilities"' && has '"positionEncoding":"utf-16"' && has '"change":2' && pass ||
    fail "initialize: capabilities"
"$BIN" lint --no-config --today 2026-03-20 --format json fixtures/fix/plan.md 2>/dev/null >"$TMP/lint.json"
want=$(tr -d ' \t' <"$TMP/lint.json" | grep -o '"rule":"[a-z-]*"' | sort | uniq -c | tr -s ' ')
got=$(line_of publishDiagnostics | grep -o '"code":"[a-z-]*"' | sed 's/"code"/"rule"/' | sort | uniq -c | tr -s ' ')
[ -n "$want" ] && [ "$want" = "$got" ] && pass || fail "diagnostics are not lint's findings: '$got' / '$want'"
line_of publishDiagnostics | grep -q '"source":"statuslog"' && pass || fail "diagnostics: source"
line_of '"id":2,' | grep -q '"name":"Plan: Billing Export"' &&
    line_of '"id":2,' | grep -q '"name":"2026-03-04 Status"' && pass || fail "documentSymbol: the log and its entries"
line_of '"id":3,' | grep -q 'Move out-of-order entries where they belong' && pass ||
    fail "codeAction: move the out-of-order entries"
line_of '"id":4,' | grep -q 'Mark this item done' && line_of '"id":4,' | grep -q "Add today's entry" &&
    line_of '"id":4,' | grep -q 'Status (2026-03-20)' && pass || fail "codeAction: mark done, add today's entry"
line_of '"id":5,' | grep -q 'Thread' && line_of '"id":5,' | grep -q 'first seen 2026-03-02' && pass ||
    fail "hover: an item's thread"
line_of '"id":6,' | grep -q '"result":null' && pass || fail "hover off an item: null"
[ "$(cat "$TMP/rc")" = 0 ] && has '"id":99,"result":null' && pass || fail "shutdown and exit: status 0"

# --- UTF-8 positions, changes (incremental and full), completion ---------------------------
printf '# Log\n\n## Status (2026-03-10)\n- ⏳ Déjà vu check\n\n## Status (2026-03-12)\n- ✅ done\n' >"$TMP/u.md"
V=file://$TMP/u.md
{
    frame '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"general":{"positionEncodings":["utf-8","utf-16"]}}}}'
    open_doc "$V" "$TMP/u.md"
    sleep 0.3
    # an entry inserted at the end, out of order: the diagnostics follow
    frame "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\"$V\",\"version\":2},\"contentChanges\":[{\"range\":{\"start\":{\"line\":7,\"character\":0},\"end\":{\"line\":7,\"character\":0}},\"text\":\"\\n## Status (2026-03-11)\\n- ✅ late\\n\"}]}}"
    sleep 0.3
    frame "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"textDocument/completion\",\"params\":{\"textDocument\":{\"uri\":\"$V\"},\"position\":{\"line\":3,\"character\":2}}}"
    # a full change: a heading being typed, then completion there
    frame "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\"$V\",\"version\":3},\"contentChanges\":[{\"text\":\"# Log\\n\\n## Status (2026-03-10)\\n- ⏳ Déjà vu check\\n\\n##\"}]}}"
    frame "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"textDocument/completion\",\"params\":{\"textDocument\":{\"uri\":\"$V\"},\"position\":{\"line\":5,\"character\":2}}}"
    sleep 0.3
    bye
} | serve
has '"positionEncoding":"utf-8"' && pass || fail "initialize: UTF-8 positions when offered"
grep publishDiagnostics "$TMP/out" | grep '"version":2' | grep -q 'entry-order' && pass ||
    fail "incremental didChange: the new finding"
grep publishDiagnostics "$TMP/out" | grep '"version":3' | grep -qv 'entry-order' && pass ||
    fail "full didChange: the finding is gone"
line_of '"id":7,' | grep -q '"label":"✅"' && line_of '"id":7,' | grep -q '"label":"\[ \]"' && pass ||
    fail "completion: markers at the start of an item"
line_of '"id":8,' | grep -q '"label":"## Status (2026-03-20)"' && pass ||
    fail "completion: today's heading in the log's style"

# --- what must not end the server ------------------------------------------------------
{
    frame '{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}}'
    frame "$init"
    printf 'Content-Length: abc\r\n\r\n{}'
    frame '{not json'
    printf 'Content-Length: 10\r\n\r\n{"jsonrpc":"2.0","id":5,"method":"shutdown"}'
    frame '[1,2]'
    frame '{"jsonrpc":"2.0","id":11,"method":"workspace/nothing"}'
    frame '{"jsonrpc":"2.0","id":12,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///nowhere.md"},"position":{"line":0,"character":0}}}'
    frame '{"jsonrpc":"2.0","id":13,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///nowhere.md"}}}'
    bye
} | serve
grep -q '"code":-32002' "$TMP/out" && pass || fail "a request before initialize: -32002"
[ "$(grep -c '"code":-32700' "$TMP/out")" -ge 3 ] && pass || fail "bad header, bad JSON, a lying length: -32700"
grep -q '"code":-32600' "$TMP/out" && pass || fail "a batch: -32600"
line_of '"id":11,' | grep -q '"code":-32601' && pass || fail "an unknown method: -32601"
line_of '"id":12,' | grep -q '"code":-32602' && line_of '"id":13,' | grep -q '"code":-32602' && pass ||
    fail "a document not open: -32602"
[ "$(cat "$TMP/rc")" = 0 ] && has '"id":99,"result":null' && pass || fail "the server outlived the junk"

# --- exit without shutdown; the end of input ----------------------------------------------
{ frame "$init"; frame '{"jsonrpc":"2.0","method":"exit"}'; } | serve
[ "$(cat "$TMP/rc")" = 1 ] && pass || fail "exit without shutdown: status 1"
{ frame "$init"; open_doc "$U" fixtures/fix/plan.md; } | serve
[ "$(cat "$TMP/rc")" = 0 ] && grep -q publishDiagnostics "$TMP/out" && pass ||
    fail "the end of input: pending diagnostics published, status 0"

# --- a document that cannot be read; one closed while it is linted --------------------------
printf '{"stale_days": "soon"}\n' >"$TMP/bad.json"
{ frame "$init"; open_doc "$U" fixtures/fix/plan.md; sleep 0.3; bye; } | serve --config "$TMP/bad.json"
line_of publishDiagnostics | grep -q 'configuration' && [ "$(line_of publishDiagnostics | grep -o '"message"' | wc -l)" = 1 ] &&
    pass || fail "an invalid configuration: one diagnostic saying why"
i=0
: >"$TMP/big.md"
while [ $i -lt 400 ]; do cat fixtures/plan.md >>"$TMP/big.md"; i=$((i + 1)); done
B=file://$TMP/big.md
{
    frame "$init"
    open_doc "$B" "$TMP/big.md"
    frame "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didClose\",\"params\":{\"textDocument\":{\"uri\":\"$B\"}}}"
    open_doc "$U" fixtures/fix/plan.md
    frame "{\"jsonrpc\":\"2.0\",\"id\":21,\"method\":\"textDocument/documentSymbol\",\"params\":{\"textDocument\":{\"uri\":\"$U\"}}}"
    sleep 1
    bye
} | serve
[ "$(cat "$TMP/rc")" = 0 ] && line_of '"id":21,' | grep -q 'Plan: Billing Export' &&
    ! grep publishDiagnostics "$TMP/out" | grep "$B" | grep -q '"code"' && pass ||
    fail "a document closed while it is linted: no findings for it after, the others answered"

echo "lsp protocol: $passed passed, $failed failed"
[ "$failed" = 0 ]
