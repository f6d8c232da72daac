#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Every example that `statuslog COMMAND --help` (and so its man page) ends
# with, run as written, in order, from the top of a copy of the fixtures in
# a git repository: each must exit 0 or 1 (findings), never 2, and every
# command must have two or three of them.
# usage: examples.sh STATUSLOG SOURCE_DIR       (skips, 77, without git)
set -u
BIN=$1
SRC=$(cd "$2" && pwd)
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
command -v git >/dev/null || { echo "examples: git not found, skipping"; exit 77; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
export HOME="$TMP/home" GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t \
    GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@t
mkdir -p "$HOME" "$TMP/bin" "$TMP/tree"
ln -s "$BIN" "$TMP/bin/statuslog"
PATH=$TMP/bin:$PATH
cp -R "$SRC/fixtures" "$TMP/tree/"
git -C "$TMP/tree" init -q -b main && git -C "$TMP/tree" add -A && git -C "$TMP/tree" commit -qm fixtures

for cmd in parse lint append check digest template fix merge mcp; do
    statuslog "$cmd" --help | sed -n '/^Examples:$/,$ s/^  \(statuslog .*\)$/\1/p' >"$TMP/$cmd.examples"
    n=$(wc -l <"$TMP/$cmd.examples")
    [ "$n" -ge 2 ] && [ "$n" -le 3 ] && pass || fail "$cmd --help has $n examples"
    while IFS= read -r line; do
        (cd "$TMP/tree" && sh -c "$line" </dev/null >"$TMP/out" 2>"$TMP/err")
        rc=$?
        [ $rc -le 1 ] && pass || fail "'$line' exited $rc: $(head -3 "$TMP/err")"
    done <"$TMP/$cmd.examples"
done
echo "examples: $passed passed, $failed failed"
[ "$failed" = 0 ]
