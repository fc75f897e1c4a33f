-- Refresh-token rotation: every request spends a refresh token and the answer's new one goes back in the pool,
-- so no token is used twice (a reuse would revoke its family). BENCH_REFRESH_TOKENS holds the starting pool
-- (space-separated; at least 24 per wrk thread), BENCH_REFRESH_LEFT names a file that receives the tokens left
-- at the end, for the next run. With BENCH_CEILING=1 the requests carry the first token again and again, for a
-- server that answers without rotating.
dofile("report.lua")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = os.getenv("BENCH_AUTHORIZATION")

local threads = {}
local thread_count = tonumber(os.getenv("BENCH_THREADS") or "2")
local pool = {}
for token in string.gmatch(os.getenv("BENCH_REFRESH_TOKENS") or "", "%S+") do
  table.insert(pool, token)
end

function setup(thread)
  table.insert(threads, thread)
  local mine = {}
  for i = #threads, #pool, thread_count do
    table.insert(mine, pool[i])
  end
  thread:set("initial", table.concat(mine, " "))
end

local queue = {}
local ceiling = os.getenv("BENCH_CEILING") == "1"

function init(args)
  for token in string.gmatch(initial or "", "%S+") do
    table.insert(queue, token)
  end
  first = queue[1]
end

function request()
  if ceiling then
    return wrk.format(nil, nil, nil, "grant_type=refresh_token&refresh_token=" .. first)
  end
  local token = table.remove(queue, 1) or first
  -- What is left is taken here, after the token is spent: taken in response(), it would still hold the token that
  -- the connection's next request carries, and the next run would present that spent token again.
  left = table.concat(queue, " ")
  return wrk.format(nil, nil, nil, "grant_type=refresh_token&refresh_token=" .. token)
end

function response(status, headers, body)
  if not ceiling and status == 200 then
    local token = string.match(body, '"refresh_token"%s*:%s*"([^"]+)"')
    if token then
      table.insert(queue, token)
      left = table.concat(queue, " ")
    end
  end
end

function after_done()
  local out = os.getenv("BENCH_REFRESH_LEFT")
  if not out or ceiling then return end
  local file = io.open(out, "w")
  for _, thread in ipairs(threads) do
    local tokens = thread:get("left")
    if tokens then file:write(tokens, "\n") end
  end
  file:close()
end
