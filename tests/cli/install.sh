#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# make install into a temporary DESTDIR, then: a C program built against it
# through pkg-config (the shared library) and through find_package in a
# throw-away CMake project, each parsing a document and printing its entry
# count; the man pages clean under mandoc -Tlint and listing the options
# --help prints; the bash completion offering --format's values; make
# uninstall refusing another PREFIX or DESTDIR, then leaving nothing behind
# but the directories that were there before.
# usage: install.sh BUILD_DIR SOURCE_DIR SHARED_DIR
set -u
BUILD=$(cd "$1" && pwd)
SRC=$(cd "$2" && pwd)
SHARED=$3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
skip() { echo "install: skipped: $*"; }

DEST=$TMP/dest
PREFIX=/usr/local
# a directory that was there before the install stays after the uninstall
mkdir -p "$DEST$PREFIX/share/man/man5"
sh "$SRC/scripts/install" install "$BUILD" "$PREFIX" "$DEST" >"$TMP/install.log" 2>&1 ||
    { echo "install: scripts/install failed"; cat "$TMP/install.log"; exit 1; }
ROOT=$DEST$PREFIX
for f in bin/statuslog lib/libstatuslog.a include/statuslog/statuslog.h lib/pkgconfig/statuslog.pc \
    lib/cmake/statuslog/statuslogConfig.cmake share/man/man1/statuslog.1 \
    share/man/man1/statuslog-lint.1 share/man/man5/statuslog-config.5 \
    share/bash-completion/completions/statuslog share/zsh/vendor-completions/_statuslog \
    share/fish/vendor_completions.d/statuslog.fish; do
    [ -e "$ROOT/$f" ] && pass || fail "not installed: $f"
done
soname=$(objdump -p "$ROOT/lib/libstatuslog.so" 2>/dev/null | awk '/SONAME/ { print $2 }')
[ "$soname" = libstatuslog.so.0 ] && pass || fail "soname: '$soname'"
others=$(nm -D --defined-only "$ROOT/lib/libstatuslog.so" | awk '$3 !~ /^slog_/ { print $3 }' | head -3)
[ -z "$others" ] && pass || fail "the shared library exports more than slog_ symbols: $others"

doc=$SHARED/corpus/prisma-config-plan.md
want=19
[ -f "$doc" ] || { doc=$SRC/fixtures/plan.md; want=3; }
cat >"$TMP/count.c" <<'EOF'
#include <statuslog/statuslog.h>
#include <stdio.h>
int main(int argc, char **argv)
{
    slog_doc *doc;
    slog_error err;
    if (argc < 2 || slog_parse_file(argv[1], NULL, &doc, &err) != SLOG_OK) {
        fprintf(stderr, "%s\n", argc < 2 ? "usage: count FILE" : err.message);
        return 2;
    }
    printf("%zu\n", doc->nentries);
    slog_doc_free(doc);
    return 0;
}
EOF
# pkg-config (the shared library)
export PKG_CONFIG_PATH=$ROOT/lib/pkgconfig
if cc -o "$TMP/count-pc" "$TMP/count.c" $(pkg-config --cflags --libs statuslog) 2>"$TMP/cc.err"; then
    got=$(LD_LIBRARY_PATH=$ROOT/lib "$TMP/count-pc" "$doc")
    [ "$got" = "$want" ] && pass || fail "pkg-config build printed '$got', want $want"
    LD_LIBRARY_PATH=$ROOT/lib ldd "$TMP/count-pc" | grep -q "$ROOT/lib/libstatuslog.so.0" && pass ||
        fail "the pkg-config build is not linked to the installed shared library"
else
    fail "cc with pkg-config: $(head -3 "$TMP/cc.err")"
fi
# find_package(statuslog) in a throw-away project
mkdir -p "$TMP/proj"
cp "$TMP/count.c" "$TMP/proj/"
cat >"$TMP/proj/CMakeLists.txt" <<'EOF'
cmake_minimum_required(VERSION 3.16)
project(count C)
find_package(statuslog 0.1 REQUIRED)
add_executable(count count.c)
target_link_libraries(count PRIVATE statuslog::statuslog)
EOF
if cmake -S "$TMP/proj" -B "$TMP/proj/build" -DCMAKE_PREFIX_PATH="$ROOT" >"$TMP/cm.log" 2>&1 &&
    cmake --build "$TMP/proj/build" >>"$TMP/cm.log" 2>&1; then
    got=$(LD_LIBRARY_PATH=$ROOT/lib "$TMP/proj/build/count" "$doc")
    [ "$got" = "$want" ] && pass || fail "find_package build printed '$got', want $want"
else
    fail "find_package(statuslog): $(tail -5 "$TMP/cm.log")"
fi

# man pages: clean, and the options of --help in them
if command -v mandoc >/dev/null; then
    out=$(mandoc -Tlint -W warning "$ROOT"/share/man/man1/*.1 "$ROOT"/share/man/man5/*.5 2>&1)
    [ -z "$out" ] && pass || fail "mandoc -Tlint: $out"
else
    skip "mandoc missing (apt-get install mandoc): the pages are not linted"
fi
for cmd in parse lint append check digest template fix merge; do
    "$ROOT/bin/statuslog" "$cmd" --help | sed -n 's/^  *\(-[a-zA-Z], \)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p' |
        sort -u >"$TMP/help.opts"
    sed -n 's/^\.It.* Fl \\-\([a-z-]*\).*/--\1/p' "$ROOT/share/man/man1/statuslog-$cmd.1" |
        sort -u >"$TMP/man.opts"
    grep -vxF -f "$TMP/man.opts" "$TMP/help.opts" | grep -q . &&
        fail "statuslog-$cmd(1) lacks $(grep -vxF -f "$TMP/man.opts" "$TMP/help.opts" | tr '\n' ' ')" ||
        pass
done
grep -q 'Xr statuslog-lint 1' "$ROOT/share/man/man1/statuslog.1" && pass || fail "SEE ALSO"
grep -q '^\.Sh EXAMPLES$' "$ROOT/share/man/man1/statuslog.1" && pass || fail "statuslog(1) has no EXAMPLES"
# each command page: EXAMPLES, and a DESCRIPTION that does not repeat the NAME line
for cmd in parse lint append check digest template fix merge mcp; do
    page=$ROOT/share/man/man1/statuslog-$cmd.1
    grep -q '^\.Sh EXAMPLES$' "$page" && pass || fail "statuslog-$cmd(1) has no EXAMPLES"
    name=$(sed -n 's/^\.Nd //p' "$page")
    first=$(sed -n '/^\.Sh DESCRIPTION$/{n;p;}' "$page")
    case $first in "$name"*) fail "statuslog-$cmd(1)'s DESCRIPTION repeats its NAME: $first" ;; *) pass ;; esac
done
if command -v mandoc >/dev/null; then
    mandoc -Tascii "$ROOT/share/man/man1/statuslog-fix.1" | col -b | grep -q 'repair due (fix --check)' &&
        pass || fail "EXIT STATUS: $(mandoc -Tascii "$ROOT/share/man/man1/statuslog-fix.1" | col -b | grep 'repair due')"
fi

# the bash completion, as bash offers it
if command -v bash >/dev/null; then
    got=$(bash -c '. "$1"; COMP_WORDS=(statuslog lint --format ""); COMP_CWORD=3; _statuslog
                   echo "${COMPREPLY[*]}"' _ "$ROOT/share/bash-completion/completions/statuslog")
    [ "$got" = "text json github sarif" ] && pass || fail "lint --format completes to '$got'"
    got=$(bash -c '. "$1"; COMP_WORDS=(statuslog digest --format ""); COMP_CWORD=3; _statuslog
                   echo "${COMPREPLY[*]}"' _ "$ROOT/share/bash-completion/completions/statuslog")
    [ "$got" = "markdown html text json" ] && pass || fail "digest --format completes to '$got'"
    got=$(bash -c '. "$1"; COMP_WORDS=(statuslog li); COMP_CWORD=1; _statuslog
                   echo "${COMPREPLY[*]}"' _ "$ROOT/share/bash-completion/completions/statuslog")
    [ "$got" = lint ] && pass || fail "'statuslog li' completes to '$got'"
    got=$(bash -c '. "$1"; COMP_WORDS=(statuslog fix --me); COMP_CWORD=2; _statuslog
                   echo "${COMPREPLY[*]}"' _ "$ROOT/share/bash-completion/completions/statuslog")
    [ "$got" = --merge-duplicates ] && pass || fail "'fix --me' completes to '$got'"
fi
command -v zsh >/dev/null && { zsh -n "$ROOT/share/zsh/vendor-completions/_statuslog" && pass ||
    fail "zsh completion syntax"; }
command -v fish >/dev/null && { fish -n "$ROOT/share/fish/vendor_completions.d/statuslog.fish" &&
    pass || fail "fish completion syntax"; }

# uninstall: refused, with one line and exit 2, for another DESTDIR or PREFIX
for args in "$PREFIX $TMP/elsewhere" "/usr $DEST"; do
    # shellcheck disable=SC2086 # two words
    sh "$SRC/scripts/install" uninstall "$BUILD" $args >"$TMP/out" 2>"$TMP/err"
    rc=$?
    [ $rc = 2 ] && [ "$(wc -l <"$TMP/err")" = 1 ] && [ -e "$ROOT/bin/statuslog" ] && pass ||
        fail "uninstall with $args: exit $rc, $(cat "$TMP/err"), files $(ls "$ROOT/bin" 2>&1)"
done
# then exactly what was installed goes, with the directories it made
sh "$SRC/scripts/install" uninstall "$BUILD" "$PREFIX" "$DEST" >/dev/null || fail "uninstall"
left=$(find "$DEST" -mindepth 1 ! -path "$DEST/usr" ! -path "$DEST$PREFIX" ! -path "$DEST$PREFIX/share" \
    ! -path "$DEST$PREFIX/share/man" ! -path "$DEST$PREFIX/share/man/man5" | head -5)
[ -z "$left" ] && pass || fail "left after uninstall: $left"
[ -d "$DEST$PREFIX/share/man/man5" ] && pass || fail "uninstall removed a directory it did not make"
sh "$SRC/scripts/install" uninstall "$BUILD" "$PREFIX" "$DEST" >/dev/null 2>"$TMP/err"
[ $? = 2 ] && grep -q 'nothing was installed' "$TMP/err" && pass || fail "a second uninstall: $(cat "$TMP/err")"

echo "install: $passed passed, $failed failed"
[ "$failed" = 0 ]
