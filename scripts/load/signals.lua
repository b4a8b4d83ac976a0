-- wrk script: each request posts a batch of 20 page views of one device (POST /api/v1/signals) with a unique
-- batch ID, as a site's tag does. The site key comes in the Authorization header (wrk -H).
local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
local events_per_batch = 20
local counter = 0
local prefix = ""
local headers = {}

local function token(length)
  local t = {}
  for i = 1, length do
    local n = math.random(1, #alphabet)
    t[i] = alphabet:sub(n, n)
  end
  return table.concat(t)
end

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
  prefix = token(8)
  -- wrk.format replaces wrk.headers (where -H put the site key) when given headers: carry them over.
  for name, value in pairs(wrk.headers) do
    headers[name] = value
  end
  headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local device = token(22)
  local at = os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - 60)
  local events = {}
  for i = 1, events_per_batch do
    events[i] = '{"deviceId":"' .. device .. '","type":"page_view","at":"' .. at ..
      '","url":"https://www.kakacom-insurance.example/car/' .. i .. '","userAgent":"Mozilla/5.0 (load)"}'
  end
  local body = '{"batchId":"load-' .. prefix .. '-' .. counter .. '","events":[' .. table.concat(events, ",") .. ']}'
  return wrk.format("POST", "/api/v1/signals", headers, body)
end
