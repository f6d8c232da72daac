#!/bin/sh
# Runs tests/mcp/client.mjs with the official MCP TypeScript SDK
# (@modelcontextprotocol/sdk from the npm registry) against statuslog mcp, on
# a copy of the canonical example (or the fixture plan) in a temporary root.
# The SDK is looked for in SDK_DIR (.ci/run installs it there); when it is
# missing and npm is there, it is installed into SDK_DIR. Skips (77) without
# node or the SDK.
# usage: sdk.sh STATUSLOG SOURCE_DIR SHARED_DIR SDK_DIR
set -u
BIN=$1
SRC=$(cd "$2" && pwd)
SHARED=$3
SDK_DIR=$4
command -v node >/dev/null || { echo "mcp-sdk: node not found, skipping"; exit 77; }
if [ ! -d "$SDK_DIR/node_modules/@modelcontextprotocol/sdk" ]; then
    if command -v npm >/dev/null; then
        mkdir -p "$SDK_DIR"
        (cd "$SDK_DIR" && [ -f package.json ] || echo '{"private": true}' >package.json
         timeout 300 npm install --no-audit --no-fund --silent @modelcontextprotocol/sdk) >/dev/null 2>&1
    fi
    if [ ! -d "$SDK_DIR/node_modules/@modelcontextprotocol/sdk" ]; then
        echo "mcp-sdk: @modelcontextprotocol/sdk not installed in $SDK_DIR (npm install failed), skipping"
        exit 77
    fi
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
if [ -f "$SHARED/corpus/prisma-config-plan.md" ]; then
    cp "$SHARED/corpus/prisma-config-plan.md" "$TMP/plan.md"
else
    cp "$SRC/fixtures/plan.md" "$TMP/plan.md"
fi
chmod u+w "$TMP/plan.md"
cp "$SRC/tests/mcp/client.mjs" "$SDK_DIR/client.mjs" # resolves the SDK from its node_modules
echo "mcp-sdk: SDK $(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$SDK_DIR/node_modules/@modelcontextprotocol/sdk/package.json" | head -1)"
node "$SDK_DIR/client.mjs" "$BIN" "$TMP" plan.md
