-- wrk script: each request records a new device's banner choice (POST /api/v1/consents), as visitors do.
local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

local function device()
  local t = {}
  for i = 1, 22 do
    local n = math.random(1, #alphabet)
    t[i] = alphabet:sub(n, n)
  end
  return table.concat(t)
end

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  local analytics = math.random(0, 1) == 1 and "true" or "false"
  local body = '{"deviceId":"' .. device() .. '","choices":{"analytics":' .. analytics .. ',"targeting":false},"method":"banner"}'
  return wrk.format("POST", "/api/v1/consents", { ["Content-Type"] = "application/json" }, body)
end
