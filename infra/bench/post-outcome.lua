-- wrk script: every request posts the outcome of a decision recorded before (BENCH_PREFIX .. n for n in
-- 0 .. BENCH_COUNT-1, made by infra/bench/performance), so the benchmark measures steps on existing
-- aggregates: the decision's events are loaded, the rules checked, the outcome appended. Each thread
-- takes its own ids (thread t of T posts n = t-1, t-1+T, ...); once they are used up a repeat would be
-- an idempotent 200, so size BENCH_COUNT above what the run can post.
local counter = 0
local thread_id = 0
local threads = 0

function setup(thread)
  thread_id = thread_id + 1
  threads = thread_id
  thread:set("tid", thread_id)
end

function init(args)
  prefix = os.getenv("BENCH_PREFIX")
  count = tonumber(os.getenv("BENCH_COUNT"))
  stride = tonumber(os.getenv("BENCH_THREADS") or "2")
  authorization = "Bearer " .. os.getenv("BENCH_KEY")
end

function request()
  local n = (tid - 1) + counter * stride
  counter = counter + 1
  local body = [[{"occurredAt":"2025-08-01T09:00:00Z","sourceTool":"wrk","actor":"u-bench",
"assessment":"as-expected","summary":"Benchmark outcome"}]]
  return wrk.format("POST", string.format("/decisions/%s%d/outcome", prefix, n % count),
    {["Content-Type"] = "application/json", ["Authorization"] = authorization}, body)
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, non-2xx/3xx %d, errors(connect %d, timeout %d)\n",
    summary.requests, summary.errors.status, summary.errors.connect, summary.errors.timeout))
  for _, p in ipairs({50, 90, 99}) do
    io.write(string.format("latency p%d %.1f ms\n", p, latency:percentile(p) / 1000))
  end
end
