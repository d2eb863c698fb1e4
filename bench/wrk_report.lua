-- wrk script for bench/load.py: counts answers other than 200 on every thread and prints one
-- line of JSON at the end (latencies in milliseconds).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  not_ok = 0
end

function response(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
  end
end

function done(summary, latency, requests)
  local not_ok_total = 0
  for _, thread in ipairs(threads) do
    not_ok_total = not_ok_total + thread:get("not_ok")
  end
  local errors = summary.errors
  io.write(string.format(
    'BENCH {"p50": %.3f, "p95": %.3f, "p99": %.3f, "max": %.3f, "requests": %d, '
      .. '"seconds": %.3f, "not_ok": %d, "connect_errors": %d, "read_errors": %d, '
      .. '"write_errors": %d, "timeouts": %d}\n',
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.requests,
    summary.duration / 1e6, not_ok_total, errors.connect, errors.read, errors.write,
    errors.timeout
  ))
end
