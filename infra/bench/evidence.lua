-- wrk script for infra/bench/evidence: the same GET with the bench's key; counts non-200 answers and
-- prints p50 / p95 / p99 with the number of requests they are over.
local authorization

function init(args)
  authorization = "Bearer " .. os.getenv("BENCH_KEY")
end

function request()
  return wrk.format("GET", nil, {["Authorization"] = authorization})
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, non-2xx/3xx %d, errors(connect %d, timeout %d)\n",
    summary.requests, summary.errors.status, summary.errors.connect, summary.errors.timeout))
  for _, p in ipairs({50, 95, 99}) do
    io.write(string.format("latency p%d %.1f ms\n", p, latency:percentile(p) / 1000))
  end
end
