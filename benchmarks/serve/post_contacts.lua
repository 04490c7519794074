-- wrk script: POST the contacts of a JSON-lines file round robin to the decision service, one
-- contact a request, on wrk's keep-alive connections. Each thread starts at a different contact.
--   wrk -t2 -c64 -d10s -s post_contacts.lua http://127.0.0.1:PORT -- CONTACTS.jsonl [PATH]
-- PATH defaults to /v1/decisions (e.g. /v1/decisions?explain=false). There is no response()
-- callback, so wrk parses no answer in Lua (it would take CPU from the server on shared cores);
-- wrk itself prints "Non-2xx or 3xx responses: N" when any answer was not a success.
local requests = {}
local next_index = 1
local thread_count = 0

function setup(thread)
  thread:set("id", thread_count)
  thread_count = thread_count + 1
end

function init(args)
  local file = assert(io.open(args[1], "r"), "cannot open " .. tostring(args[1]))
  local path = args[2] or "/v1/decisions"
  local headers = { ["Content-Type"] = "application/json" }
  for line in file:lines() do
    if #line > 0 then requests[#requests + 1] = wrk.format("POST", path, headers, line) end
  end
  file:close()
  assert(#requests > 0, "no contacts in " .. args[1])
  next_index = (id * 7919) % #requests + 1
end

function request()
  local r = requests[next_index]
  next_index = next_index % #requests + 1
  return r
end
