// SPDX-License-Identifier: BSD-2-Clause
// statuslog mcp through the official MCP TypeScript SDK: the SDK's Client
// and StdioClientTransport start the server, negotiate the protocol, list
// the tools (validated against their schemas by the SDK), append items to
// a copy of fixtures/fix/plan.md and read them back through open_items and
// parse, call lint and fix with dry_run (the diff back, nothing written),
// and check that a path outside the root, an unknown tool
// and invalid arguments come back as errors while the server keeps
// answering.  usage: node client.mjs STATUSLOG ROOT FILE
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js";

const [statuslog, root, file] = process.argv.slice(2);
let passed = 0, failed = 0;
const ok = (cond, what) => {
  if (cond) passed++;
  else { failed++; console.log(`FAIL: ${what}`); }
};

const transport = new StdioClientTransport({ command: statuslog, args: ["mcp", "--root", root], stderr: "inherit" });
let negotiated = null;
transport.setProtocolVersion = (v) => { negotiated = v; };
const client = new Client({ name: "statuslog-test", version: "1.0.0" });
await client.connect(transport);

ok(negotiated === LATEST_PROTOCOL_VERSION, `negotiated ${negotiated}, the SDK's latest is ${LATEST_PROTOCOL_VERSION}`);
ok(client.getServerVersion()?.name === "statuslog", "serverInfo.name is statuslog");
ok(client.getServerCapabilities()?.tools !== undefined, "the tools capability");

const { tools } = await client.listTools();
const names = tools.map((t) => t.name).sort();
ok(JSON.stringify(names) === JSON.stringify(["append_status", "check", "digest", "fix", "lint", "open_items", "parse"]),
   `the tools: ${names}`);
for (const t of tools) {
  ok(t.inputSchema?.type === "object" && t.outputSchema?.type === "object", `${t.name}: input and output schemas`);
  ok(typeof t.annotations?.readOnlyHint === "boolean" && typeof t.annotations?.idempotentHint === "boolean",
     `${t.name}: annotations`);
}
ok(tools.find((t) => t.name === "lint").annotations.readOnlyHint === true, "lint is read-only");
ok(tools.find((t) => t.name === "append_status").annotations.readOnlyHint === false, "append_status writes");

// append, then read it back (callTool validates structuredContent against the output schema)
const appended = await client.callTool({
  name: "append_status",
  arguments: { file, date: "2026-03-10", label: "Status", items: [
    { state: "done", text: "Ran the SDK round trip for statuslog mcp" },
    { state: "next", text: "Publish the MCP server notes for the agents" } ] },
});
ok(!appended.isError, `append_status: ${JSON.stringify(appended.content)}`);
ok(appended.structuredContent?.added === 2 && appended.structuredContent?.items?.length === 2,
   `append_status added 2: ${JSON.stringify(appended.structuredContent)}`);
const again = await client.callTool({
  name: "append_status",
  arguments: { file, date: "2026-03-10", label: "Status", items: [{ state: "done", text: "Ran the SDK round trip for statuslog mcp" }] },
});
ok(again.structuredContent?.added === 0 && again.structuredContent?.already_there?.length === 1,
   `appending again adds nothing: ${JSON.stringify(again.structuredContent)}`);

const open = await client.callTool({ name: "open_items", arguments: { paths: [file], today: "2026-03-12", states: ["next"] } });
ok(!open.isError && open.structuredContent.items.some((i) => i.text === "Publish the MCP server notes for the agents"),
   "open_items shows the new next item");
ok(open.structuredContent.items.every((i) => i.state === "next"), "open_items filters by state");

const parsed = await client.callTool({ name: "parse", arguments: { file } });
const entry = parsed.structuredContent?.entries?.find((e) => e.date === "2026-03-10");
ok(entry && entry.items.some((i) => i.text === "Ran the SDK round trip for statuslog mcp"), "parse shows the appended entry");

const lint = await client.callTool({ name: "lint", arguments: { paths: [file], today: "2026-03-12" } });
ok(!lint.isError && Array.isArray(lint.structuredContent?.diagnostics) && lint.structuredContent.diagnostics.length > 0,
   "lint returns the diagnostics");
ok(lint.structuredContent.diagnostics.some((d) => d.rule === "entry-order"), "lint finds the fixture's entry-order");

// fix with dry_run: the unified diff comes back, the file stays as it was
const before = await client.callTool({ name: "parse", arguments: { file } });
const dry = await client.callTool({ name: "fix", arguments: { file, repairs: ["order"], dry_run: true } });
ok(!dry.isError && typeof dry.structuredContent?.diff === "string" && dry.structuredContent.diff.includes("@@") &&
   dry.structuredContent.written === false && dry.structuredContent.moved > 0,
   `fix dry_run returns the diff: ${JSON.stringify(dry.content)}`);
const after = await client.callTool({ name: "parse", arguments: { file } });
ok(JSON.stringify(after.structuredContent?.entries) === JSON.stringify(before.structuredContent?.entries),
   "fix dry_run wrote nothing");

const digest = await client.callTool({ name: "digest", arguments: { paths: ["."], week: "2026-W11" } });
ok(!digest.isError && digest.structuredContent?.schema === "statuslog-digest/1", "digest returns the view model");

// errors: a tool result with isError, or a protocol error; the server goes on
const outside = await client.callTool({ name: "parse", arguments: { file: "/etc/hostname" } });
ok(outside.isError === true && /outside the server's root/.test(outside.content[0].text), "a path outside the root is refused");
const escape = await client.callTool({ name: "lint", arguments: { paths: ["../../../../../../etc"] } });
ok(escape.isError === true, "a path that climbs out of the root is refused");
let unknownTool = null;
try { await client.callTool({ name: "no_such_tool", arguments: {} }); } catch (e) { unknownTool = e; }
ok(unknownTool && /unknown tool/.test(String(unknownTool.message)), `an unknown tool is an error: ${unknownTool}`);
const invalid = await client.callTool({ name: "append_status", arguments: { file, items: [{ state: "maybe", text: "x" }] } });
ok(invalid.isError === true && /state/.test(invalid.content[0].text), "invalid arguments are a tool error");
const extra = await client.callTool({ name: "parse", arguments: { file, bogus: 1 } });
ok(extra.isError === true && /unknown argument 'bogus'/.test(extra.content[0].text), "an unknown argument is a tool error");
ok((await client.ping()) !== undefined, "the server still answers");
const still = await client.listTools();
ok(still.tools.length === 7, "and still lists its tools");

await client.close();
console.log(`mcp-sdk: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
