-- Drives the icx language server from a real client: Neovim's built-in LSP (0.7+), headless.
-- Reads a JSON script of steps (env ICX_STEPS), runs them against the buffer opened on the
-- command line, writes every step's result as JSON (env ICX_OUT), then quits. The steps and
-- the expectations live in the test (test/editors/neovim.test.ts); this file only transports.
local steps = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv('ICX_STEPS')), '\n'))
local out_path = os.getenv('ICX_OUT')
local results = {}
local function finish(err)
  if err then table.insert(results, { error = err }) end
  vim.fn.writefile({ vim.fn.json_encode(results) }, out_path)
  vim.cmd('qa!')
end

local bufnr = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(bufnr)
local client_id = vim.lsp.start_client({
  name = 'icx',
  cmd = steps.cmd,
  root_dir = steps.root,
  workspace_folders = { { uri = vim.uri_from_fname(steps.root), name = 'agreements' } },
})
if not client_id then return finish('the server did not start') end
vim.lsp.buf_attach_client(bufnr, client_id)
local client = vim.lsp.get_client_by_id(client_id)
if not vim.wait(10000, function() return client.initialized end, 50) then return finish('no initialize response') end

local function diagnostics()
  local ds = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(ds, { line = d.lnum, col = d.col, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code), message = d.message })
  end
  return ds
end

for _, step in ipairs(steps.steps) do
  local r = { kind = step.kind }
  if step.kind == 'wait-diagnostics' then
    -- until the buffer's diagnostics have (or, with none = true, have not) the code
    local ok = vim.wait(step.timeout or 10000, function()
      local has = false
      for _, d in ipairs(diagnostics()) do if d.code == step.code then has = true end end
      if step.none then return not has and #diagnostics() == 0 end
      return has
    end, 50)
    r.ok = ok
    r.diagnostics = diagnostics()
  elseif step.kind == 'set-line' then
    vim.api.nvim_buf_set_lines(bufnr, step.line, step.line + 1, false, { step.text })
    r.ok = true
  elseif step.kind == 'request' then
    local params = step.params or {}
    params.textDocument = { uri = uri }
    local resp = client.request_sync(step.method, params, step.timeout or 10000, bufnr)
    if resp == nil then r.error = 'timeout' elseif resp.err then r.error = resp.err.message else r.result = resp.result end
  elseif step.kind == 'apply-format' then
    local resp = client.request_sync('textDocument/formatting', { textDocument = { uri = uri }, options = { tabSize = 2, insertSpaces = true } }, 10000, bufnr)
    if resp and resp.result then vim.lsp.util.apply_text_edits(resp.result, bufnr, 'utf-16') end
    r.text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  end
  table.insert(results, r)
end
finish(nil)
