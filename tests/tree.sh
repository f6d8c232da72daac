#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Checks of the source tree itself: every source file carries the SPDX
# license line (LICENSE is BSD-2-Clause, as cmark's); every stage folder of
# src/ has its README.
# usage: tree.sh SOURCE_DIR
set -u
SRC=$(cd "$1" && pwd)
cd "$SRC" || exit 2
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

grep -q 'BSD 2-Clause License' LICENSE && pass || fail "LICENSE is not the BSD 2-Clause text"
missing=$(find src include tests bench fuzz scripts cmake templates man .ci \
        -path tests/golden -prune -o -path tests/node_modules -prune -o -path fuzz/regressions -prune -o -type f \
        \( -name '*.[ch]' -o -name '*.def' -o -name '*.sh' -o -name '*.mjs' -o -name '*.cmake' \
        -o -name '*.in' -o -name '*.mustache' -o -name '*.[15]' -o -path 'scripts/*' \
        -o -path .ci/run \) -print |
    while IFS= read -r f; do
        head -3 "$f" | grep -q 'SPDX-License-Identifier: BSD-2-Clause' || echo "$f"
    done)
for f in CMakeLists.txt Makefile action.yml .pre-commit-hooks.yaml; do
    head -3 "$f" | grep -q 'SPDX-License-Identifier: BSD-2-Clause' || missing="$missing $f"
done
[ -z "$missing" ] && pass || fail "no SPDX-License-Identifier line in:" $missing
# every stage of src/ says what it owns (src/README.md)
for d in src/*/; do
    [ -f "$d/README.md" ] && pass || fail "$d has no README.md"
done
echo "tree: $passed passed, $failed failed"
[ "$failed" = 0 ]
