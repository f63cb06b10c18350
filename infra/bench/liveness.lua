-- wrk script: the open liveness probe, sending the bench's key when BENCH_AUTHENTICATE=1. The probe
-- needs no key, but a key sent is checked all the same (looked up, hashed, counted against its rate),
-- so the difference between the two runs is what authentication costs a request.
function init(args)
  if os.getenv("BENCH_AUTHENTICATE") == "1" then
    wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_KEY")
  end
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, non-2xx/3xx %d\n", summary.requests, summary.errors.status))
  for _, p in ipairs({50, 90, 99}) do
    io.write(string.format("latency p%d %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
