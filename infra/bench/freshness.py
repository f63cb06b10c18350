#!/usr/bin/env python3
"""Freshness: from a step's 2xx to the loop visible in GET /loops/{id} of the query service.

  infra/bench/freshness.py [SAMPLES] [BACKGROUND_RATE]

Posts SAMPLES new decisions one after another (a pause of 100-300 ms between them) and, for each, polls
/loops/{id} every 10 ms from the moment the post answered 201 until it answers 200; prints the median,
p90, p99 and max of those delays. With BACKGROUND_RATE > 0, other threads post that many new decisions
per second meanwhile (open loop, evenly spaced), so the figure is the freshness under that load; the
rate actually reached is printed, since a service that cannot keep up makes the load lower than asked.
Needs BENCH_KEY (steps:write and loops:read over the bench unit); loopback only.
"""
import json, os, random, sys, threading, time, urllib.error, urllib.request

COMMAND = f"http://127.0.0.1:{os.environ.get('LL_COMMAND_PORT', '8081')}"
QUERY = f"http://127.0.0.1:{os.environ.get('LL_QUERY_PORT', '8082')}"
KEY = os.environ["BENCH_KEY"]
RUN = f"fresh-{int(time.time())}"


def post(decision_id):
    body = {"decisionId": decision_id, "orgUnit": "bench/freshness", "occurredAt": "2025-06-01T09:00:00Z",
            "sourceTool": "bench", "actor": "u-bench", "title": "Freshness probe", "category": "operations",
            "expectedOutcome": "Seen quickly", "confidence": 0.5, "reviewBy": "2025-09-01"}
    request = urllib.request.Request(COMMAND + "/decisions", data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", "Authorization": "Bearer " + KEY})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return answer.status


def visible(decision_id):
    request = urllib.request.Request(f"{QUERY}/loops/{decision_id}", headers={"Authorization": "Bearer " + KEY})
    try:
        with urllib.request.urlopen(request, timeout=5) as answer:
            return answer.status == 200
    except urllib.error.HTTPError as e:
        if e.code == 404:
            return False
        raise


def background(rate, stop, counts):
    """Open-loop load: one new decision every 1/rate s per thread pair, whatever the answers take."""
    interval = 1.0 / rate
    next_at = time.monotonic()
    n = 0
    while not stop.is_set():
        now = time.monotonic()
        if now < next_at:
            time.sleep(next_at - now)
        next_at += interval
        n += 1
        try:
            if post(f"{RUN}-bg-{threading.get_ident()}-{n}") == 201:
                counts["ok"] += 1
        except Exception:
            counts["failed"] += 1


def percentile(values, p):
    ordered = sorted(values)
    return ordered[max(0, -(-len(ordered) * p // 100) - 1)]  # nearest rank


def main():
    samples = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    rate = float(sys.argv[2]) if len(sys.argv) > 2 else 0
    stop, counts, threads = threading.Event(), {"ok": 0, "failed": 0}, []
    if rate > 0:
        # Each thread waits for its answer, so it keeps its pace only while answers take less than its
        # interval: at 5 per thread (200 ms) the asked rate holds under load (25 per thread fell to ~370/s
        # of 500 once answers took 50-100 ms, which measured the client rather than the service).
        per_thread = 5.0
        n = max(1, int(rate // per_thread))
        threads = [threading.Thread(target=background, args=(rate / n, stop, counts), daemon=True) for _ in range(n)]
        for t in threads:
            t.start()
        time.sleep(3)  # let the load settle
    started = time.monotonic()
    delays = []
    for i in range(samples):
        decision_id = f"{RUN}-probe-{i}"
        assert post(decision_id) == 201
        answered = time.monotonic()
        while not visible(decision_id):
            if time.monotonic() - answered > 30:
                raise SystemExit(f"{decision_id} not visible after 30 s")
            time.sleep(0.01)
        delays.append((time.monotonic() - answered) * 1000)
        time.sleep(random.uniform(0.1, 0.3))
    elapsed = time.monotonic() - started
    stop.set()
    for t in threads:
        t.join()
    print(f"freshness over {samples} probes, background load asked {rate:.0f}/s, "
          f"reached {counts['ok'] / (elapsed + 3):.0f}/s ({counts['failed']} failed):")
    print("  median {:.0f} ms, p90 {:.0f} ms, p99 {:.0f} ms, max {:.0f} ms".format(
        percentile(delays, 50), percentile(delays, 90), percentile(delays, 99), max(delays)))


main()
