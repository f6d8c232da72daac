-- SPDX-License-Identifier: BSD-2-Clause
-- Neovim (0.7 and later) as the client of statuslog lsp: opens FILE, waits
-- for the diagnostics, and applies code actions as a user would (the
-- workspace edits Neovim itself applies), then writes the buffer to OUT.
-- env: SLOG_BIN, SLOG_FILE, SLOG_OUT, SLOG_ACTIONS ("order" or "done,today"),
--      SLOG_LINE (the 1-based line of the item to mark done)
local bin, file, out = os.getenv('SLOG_BIN'), os.getenv('SLOG_FILE'), os.getenv('SLOG_OUT')
local actions = os.getenv('SLOG_ACTIONS')
local function die(msg)
  io.stderr:write('nvim test: ' .. msg .. '\n')
  vim.cmd('cquit 1')
end
local published = 0
local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(...)
  published = published + 1
  return publish(...)
end
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'statuslog',
  cmd = { bin, 'lsp', '--no-config', '--today', '2026-03-20' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
})
if not client_id then die('the server did not start') end
vim.lsp.buf_attach_client(buf, client_id)
local client = vim.lsp.get_client_by_id(client_id)
if not vim.wait(10000, function() return published > 0 end, 20) then
  die('no diagnostics within 10 s')
end
io.stdout:write('diagnostics: ' .. #vim.diagnostic.get(buf) .. '\n')

-- the diagnostics of a line as LSP sends them (for the request's context)
local function context(lnum)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf, { lnum = lnum })) do
    local lsp = d.user_data and d.user_data.lsp
    table.insert(list, lsp or { range = { start = { line = d.lnum, character = d.col },
      ['end'] = { line = d.end_lnum, character = d.end_col } }, message = d.message, code = d.code })
  end
  return list
end

local function apply(lnum, title)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = lnum, character = 0 }, ['end'] = { line = lnum, character = 0 } },
    context = { diagnostics = context(lnum) },
  }
  local reply = client.request_sync('textDocument/codeAction', params, 10000, buf)
  if not reply or reply.err then die('codeAction failed') end
  for _, a in ipairs(reply.result or {}) do
    if a.title == title then
      vim.lsp.util.apply_workspace_edit(a.edit, client.offset_encoding or 'utf-16')
      io.stdout:write('applied: ' .. title .. '\n')
      return
    end
  end
  die('no action "' .. title .. '" on line ' .. (lnum + 1))
end

if actions == 'order' then
  local lnum
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == 'entry-order' or (d.user_data and d.user_data.lsp and d.user_data.lsp.code == 'entry-order') then
      lnum = d.lnum
      break
    end
  end
  if not lnum then die('no entry-order diagnostic') end
  apply(lnum, 'Move out-of-order entries where they belong')
else
  apply(tonumber(os.getenv('SLOG_LINE')) - 1, 'Mark this item done')
  -- the change reaches the server (didChange) before the next request
  vim.wait(300)
  apply(0, "Add today's entry")
end
vim.cmd('write! ' .. vim.fn.fnameescape(out))
client.stop()
vim.cmd('qall!')
