#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# statuslog mcp at the protocol level: raw lines in (a request before
# initialize, initialize with an older revision and with an unknown one,
# malformed JSON, a batch, a notification, a response, an id of the wrong
# type, an unknown method, bad params, tool calls that fail), answers
# compared with tests/golden/mcp/raw.jsonl; and --read-only's tool list.
# usage: raw.sh STATUSLOG SOURCE_DIR           (UPDATE_GOLDEN=1 rewrites the golden)
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
mkdir -p "$TMP/root"
cp "$SRC/fixtures/plan.md" "$TMP/root/plan.md"
cat >"$TMP/in" <<'LINES'
{"jsonrpc":"2.0","id":1,"method":"tools/list"}
{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"protocolVersion":"2024-11-05","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}
{"jsonrpc":"2.0","id":3,"method":"initialize","params":{"protocolVersion":"1999-01-01","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}
{"jsonrpc":"2.0","method":"notifications/initialized"}
{"jsonrpc":"2.0","id":4,"method":"ping"}
{"jsonrpc":"2.0","id":5,"method":
[{"jsonrpc":"2.0","id":6,"method":"ping"},{"jsonrpc":"2.0","id":7,"method":"ping"}]
"just a string"
{"jsonrpc":"2.0","id":8,"result":{}}
{"jsonrpc":"2.0","id":{"no":1},"method":"ping"}
{"jsonrpc":"1.0","id":9,"method":"ping"}
{"jsonrpc":"2.0","id":10,"method":"resources/list"}
{"jsonrpc":"2.0","id":11,"method":"tools/call","params":[1,2]}
{"jsonrpc":"2.0","id":12,"method":"tools/call","params":{"arguments":{}}}
{"jsonrpc":"2.0","id":13,"method":"tools/call","params":{"name":"delete_everything","arguments":{}}}
{"jsonrpc":"2.0","id":14,"method":"tools/call","params":{"name":"parse","arguments":{"file":"../outside.md"}}}
{"jsonrpc":"2.0","id":15,"method":"tools/call","params":{"name":"lint","arguments":{"paths":"plan.md"}}}
{"jsonrpc":"2.0","id":16,"method":"tools/call","params":{"name":"lint","arguments":{"paths":["plan.md"],"today":"2026-03-10"}}}
{"jsonrpc":"2.0","id":"s-17","method":"tools/call","params":{"name":"open_items","arguments":{"paths":["plan.md"],"today":"2026-03-10","states":["blocked","failed"]}}}
{"jsonrpc":"2.0","id":19,"method":"tools/call","params":{"name":"parse","arguments":{"file":"plan.md"}}}

{"jsonrpc":"2.0","id":18,"method":"ping"}
LINES
echo outside >"$TMP/outside.md"
(cd "$TMP" && "$BIN" mcp --root root <"$TMP/in" >"$TMP/out" 2>"$TMP/err")
rc=$?
[ $rc = 0 ] && pass || fail "the server exited $rc: $(cat "$TMP/err")"
# the server's version varies with releases: normalised
# (and the temporary root)
sed -e 's/"version":"[0-9.]*"/"version":"VERSION"/' -e "s|$TMP|TMP|g" "$TMP/out" >"$TMP/out.norm"
[ "${UPDATE_GOLDEN:-}" = 1 ] && cp "$TMP/out.norm" "$SRC/tests/golden/mcp/raw.jsonl"
cmp -s "$TMP/out.norm" "$SRC/tests/golden/mcp/raw.jsonl" && pass ||
    { fail "answers differ from tests/golden/mcp/raw.jsonl"; diff "$SRC/tests/golden/mcp/raw.jsonl" "$TMP/out.norm" | head -20; }
# every answer is one JSON object on a line; nothing else on stdout
lines=$(wc -l <"$TMP/out")
[ "$lines" = 19 ] && pass || fail "19 answers expected, got $lines"
# --read-only offers no tool that writes, and refuses to run one
printf '%s\n' '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}' \
    '{"jsonrpc":"2.0","id":2,"method":"tools/list"}' \
    '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"append_status","arguments":{"file":"plan.md","items":[{"state":"done","text":"x"}]}}}' |
    (cd "$TMP" && "$BIN" mcp --root root --read-only) >"$TMP/ro"
sed -n 2p "$TMP/ro" | grep -q '"name":"append_status"' && fail "--read-only lists append_status" || pass
sed -n 2p "$TMP/ro" | grep -q '"name":"fix"' && fail "--read-only lists fix" || pass
sed -n 3p "$TMP/ro" | grep -q '"code":-32602' && pass || fail "--read-only runs append_status"
cmp -s "$TMP/root/plan.md" "$SRC/fixtures/plan.md" && pass || fail "--read-only changed the file"
# a bad root is one line, exit 2
"$BIN" mcp --root "$TMP/nope" </dev/null 2>"$TMP/err"
[ $? = 2 ] && grep -q 'nope: cannot use as the root' "$TMP/err" && pass || fail "a missing root"
echo "mcp-raw: $passed passed, $failed failed"
[ "$failed" = 0 ]
