#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# The library's stages (src/README.md) include only stages below their own:
# base < read < rules < render < edit < cli. Fails naming every #include of
# a header that lives in a stage above the including file's, or in no stage.
# usage: layers.sh SOURCE_DIR
set -u
cd "${1:-.}" || exit 2
stages="base read rules render edit cli"
rank() { # STAGE -> its position
    i=0
    for s in $stages; do
        [ "$s" = "$1" ] && { echo $i; return; }
        i=$((i + 1))
    done
    echo 99
}
bad=0 checked=0
for dir in $stages; do
    r=$(rank "$dir")
    for f in src/$dir/*.c src/$dir/*.h; do
        [ -f "$f" ] || continue
        checked=$((checked + 1))
        for h in $(sed -n 's/^[ \t]*#[ \t]*include[ \t]*"\([^"]*\)".*/\1/p' "$f"); do
            case $h in statuslog/*) continue ;; esac
            home=""
            for s in $stages; do
                [ -f "src/$s/$h" ] && { home=$s; break; }
            done
            if [ -z "$home" ]; then
                echo "$f: includes \"$h\", which is in no stage"
                bad=$((bad + 1))
            elif [ "$(rank "$home")" -gt "$r" ]; then
                echo "$f: includes $home/$h, a stage above $dir"
                bad=$((bad + 1))
            fi
        done
    done
done
echo "layers: $checked files, $bad includes across the stages"
[ "$bad" = 0 ]
