-- Headless Neovim as a real LSP client of `grade lsp` (tests/editor.rs runs it):
--   GRADE_BIN=… GRADE_OUT=… nvim --headless --clean -u tests/editor/init.lua FILE.md
-- attaches the server to FILE.md, waits for its diagnostics, writes them to GRADE_OUT as
-- JSON lines {lnum, col, end_col, severity, code, message} (0-based, severity 1–4), quits.
-- Works on Neovim 0.7 (Debian 12's) and later: vim.lsp.start when present, else
-- start_client + buf_attach_client.
local bin = assert(os.getenv("GRADE_BIN"), "GRADE_BIN")
local out = assert(os.getenv("GRADE_OUT"), "GRADE_OUT")
-- The file named on the command line is loaded after this script runs: start on VimEnter.
local function run()
  local buf = vim.api.nvim_get_current_buf()
  local name = vim.api.nvim_buf_get_name(buf)

  local config = {
    name = "grade",
    cmd = { bin, "lsp" },
    root_dir = vim.fn.fnamemodify(name, ":p:h"),
    init_options = { evidenceHints = true },
  }
  local client
  if vim.lsp.start then
    client = vim.lsp.start(config)
  else
    client = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(buf, client)
  end

  local function fail(message)
    local f = io.open(out, "w")
    f:write("error: " .. message .. "\n")
    f:close()
    vim.cmd("qall!")
  end

  local got = vim.wait(15000, function()
    return #vim.diagnostic.get(buf) > 0
  end, 50)
  if not got then
    fail("no diagnostics within 15 s")
    return
  end

  local lines = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then
      code = d.user_data.lsp.code
    end
    table.insert(lines, vim.fn.json_encode({
      lnum = d.lnum, col = d.col, end_col = d.end_col,
      severity = d.severity, code = code, message = d.message,
    }))
  end
  table.sort(lines)
  local f = io.open(out, "w")
  f:write(table.concat(lines, "\n") .. "\n")
  f:close()
  vim.lsp.stop_client(client)
  vim.wait(2000, function() return vim.lsp.get_client_by_id(client) == nil end, 50)
  vim.cmd("qall!")
end

vim.api.nvim_create_autocmd("VimEnter", { callback = run })
