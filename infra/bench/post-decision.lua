-- wrk script: every request posts a new decision with a unique id (thread id + counter), so the
-- benchmark measures real creations (event store insert + lookup row), not idempotent repeats.
local counter = 0
local thread_id = 0
local run_id = os.time()

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

function init(args)
  prefix = "bench-" .. run_id .. "-" .. tid .. "-"
  -- the bench's own key (infra/bench/run makes it): steps:write over bench, without a rate limit to speak of
  authorization = "Bearer " .. os.getenv("BENCH_KEY")
end

function request()
  counter = counter + 1
  local body = string.format([[{"decisionId":"%s%d","orgUnit":"bench/ingest","occurredAt":"2025-06-01T09:00:00Z",
"sourceTool":"wrk","actor":"u-bench","title":"Benchmark decision","category":"operations",
"expectedOutcome":"Throughput","confidence":0.5,"reviewBy":"2025-09-01"}]], prefix, counter)
  return wrk.format("POST", "/decisions",
    {["Content-Type"] = "application/json", ["Authorization"] = authorization}, body)
end

-- Anything but 201 is a failed step: count them so the report cannot hide errors.
function response(status, headers, body)
  if status ~= 201 then
    errors_seen = (errors_seen or 0) + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, non-2xx/3xx %d, errors(connect %d, timeout %d)\n",
    summary.requests, summary.errors.status, summary.errors.connect, summary.errors.timeout))
  for _, p in ipairs({50, 90, 99}) do
    io.write(string.format("latency p%d %.1f ms\n", p, latency:percentile(p) / 1000))
  end
end
