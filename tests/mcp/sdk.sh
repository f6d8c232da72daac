#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Runs tests/mcp/client.mjs with the official MCP TypeScript SDK
# (@modelcontextprotocol/sdk, the version tests/package-lock.json fixes)
# against statuslog mcp, on a copy of fixtures/fix/plan.md in a temporary
# root. The SDK comes from tests/node_modules, which `scripts/install-deps
# node-modules` fills (.ci/run does): nothing is downloaded here. Skips (77),
# saying why, without node or the SDK.
# usage: sdk.sh STATUSLOG SOURCE_DIR
set -u
BIN=$1
SRC=$(cd "$2" && pwd)
command -v node >/dev/null || { echo "mcp-sdk: node not found, skipping"; exit 77; }
SDK=$SRC/tests/node_modules/@modelcontextprotocol/sdk
if [ ! -f "$SDK/package.json" ]; then
    echo "mcp-sdk: the SDK is not in tests/node_modules (scripts/install-deps node-modules installs it), skipping"
    exit 77
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cp "$SRC/fixtures/fix/plan.md" "$TMP/plan.md"
chmod u+w "$TMP/plan.md"
echo "mcp-sdk: SDK $(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$SDK/package.json" | head -1)"
node "$SRC/tests/mcp/client.mjs" "$BIN" "$TMP" plan.md
