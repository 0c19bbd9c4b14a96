-- wrk's script for make bench-http (portal/nonprod/benchmarks/http.py).
--
-- Counts the responses that are not 2xx (wrk itself counts only 4xx and 5xx) and, when wrk is
-- done, writes one line, "wrk-report" and a JSON object, that http.py reads: requests, seconds,
-- percentiles of latency in microseconds, bytes, non-2xx responses and socket errors.
--
-- With arguments after `--`, every request is a new search instead of the url's:
--   wrk ... -s wrk_report.lua http://127.0.0.1:8080/directory/ -- seed=7 q=club need=ASD kind=sport
-- asks for the url's path with a random age (0 to 25), one random other filter and one random
-- `q` among those given (none if no `q` is given: the places page has no keyword), never twice
-- the same in one run (while there are new ones left).
-- Always the first page: a search past its last page is redirected, and so not a 2xx.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local function new_search(path, keywords, filters)
  local asked = {}
  return function()
    local query
    for _ = 1, 100 do
      query = string.format("age=%d&%s", math.random(0, 25), filters[math.random(#filters)])
      if #keywords > 0 then
        query = query .. "&" .. keywords[math.random(#keywords)]
      end
      if not asked[query] then
        break
      end
    end
    asked[query] = true
    return wrk.format(nil, path .. "?" .. query)
  end
end

function init(args)
  non_2xx = 0
  first_status = 0
  local keywords, filters, seed = {}, {}, nil
  for i = 1, #args do
    local key, value = args[i]:match("^([^=]+)=(.*)$")
    if key == "seed" then
      seed = tonumber(value)
    elseif key == "q" then
      table.insert(keywords, args[i])
    elseif key then
      table.insert(filters, args[i])
    end
  end
  if #filters > 0 then
    math.randomseed(seed or os.time())
    request = new_search(wrk.path, keywords, filters)
  end
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non_2xx = non_2xx + 1
    if first_status == 0 then
      first_status = status
    end
  end
end

function done(summary, latency, requests)
  local bad, status = 0, 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non_2xx")
    if status == 0 then
      status = thread:get("first_status")
    end
  end
  local errors = summary.errors
  io.write(string.format(
    'wrk-report {"requests": %d, "seconds": %.6f, "bytes": %d, "p50_us": %d, "p95_us": %d, '
      .. '"p99_us": %d, "max_us": %d, "non_2xx": %d, "first_bad_status": %d, "errors": %d}\n',
    summary.requests,
    summary.duration / 1e6,
    summary.bytes,
    latency:percentile(50),
    latency:percentile(95),
    latency:percentile(99),
    latency.max,
    bad,
    status,
    errors.connect + errors.read + errors.write + errors.timeout
  ))
end
