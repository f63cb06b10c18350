#!/usr/bin/env python3
"""Latency of every /analytics/* endpoint over the synthetic loops of infra/bench/analytics/load.

One request at a time (the figure is one answer's latency, not a throughput), a fixed mix per
endpoint cycling through unit levels (root: every loop; division: 1/4; group: 1/25; team: 1/100),
periods (none, ten years, one year, one quarter) and the two audiences (an analyst key with
loops:read, a staff key with reports:read only, whose answers go through the minimum group size).
Each endpoint gets one unmeasured request (a team's), then up to COUNT measured ones or BUDGET seconds,
whichever ends first. Prints a markdown table: n, p50, p95, p99, max in ms (nearest rank).

Usage: measure.py BASE_URL ANALYST_KEY_FILE STAFF_KEY_FILE [COUNT] [BUDGET_SECONDS] [ENDPOINT...]
Key files hold the key (the first line that looks like one), so that no key is on a command line.
"""
import json
import math
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

base, analyst_file, staff_file = sys.argv[1:4]
count = int(sys.argv[4]) if len(sys.argv) > 4 else 40
budget = float(sys.argv[5]) if len(sys.argv) > 5 else 40
only = sys.argv[6:]
WARMUP = 1


def key_of(path):
    for line in open(path):
        line = line.strip()
        if re.fullmatch(r"[A-Za-z0-9_.-]{30,}", line):
            return line
    raise SystemExit(f"no key in {path}")


keys = {"analyst": key_of(analyst_file), "staff": key_of(staff_file)}
units = ["bench", "bench/d1", "bench/d2/g11", "bench/d3/g17/t87"]
# BENCH_LEVELS=1,2,3 leaves the root out (an endpoint that cannot answer over every loop)
units = [units[int(level)] for level in os.environ.get("BENCH_LEVELS", "0,1,2,3").split(",")]
periods = [(None, None), ("2016-01-01", "2026-01-01"), ("2023-01-01", "2024-01-01"), ("2024-04-01", "2024-07-01")]
years = [None, 2023, 2019]


# lists of reviews, recurrences and evidence chains are for analysts only (loops:read)
ANALYST_ONLY = ("reviews", "relearning", "evidence")


def mix(endpoint):
    """(audience, query) pairs: every unit level and period, both audiences."""
    out = []
    # period-major, so that every four requests cover the four unit levels
    for j, (start, end) in enumerate(periods):
        for i, unit in enumerate(units):
            audience = "analyst" if (i + j) % 2 == 0 else "staff"
            if endpoint in ANALYST_ONLY:
                audience = "analyst"  # staff get 403 there by design: a refusal is not a measurement
            q = {"orgUnit": unit}
            if endpoint in ("latency", "conversion", "practices", "reviews", "relearning"):
                if start:
                    q["from"], q["to"] = start, end
                if endpoint in ("latency", "practices") and j == 3:
                    q["category"] = "product"
            elif endpoint == "units":
                q = {}
                year = years[(i + j) % len(years)]
                if year:
                    q["year"] = year
            elif endpoint == "trends":
                if j == 2:
                    q["from"], q["to"] = 2021, 2023
            elif endpoint == "evidence":
                # the year is required here (a request without one is a 400, not a measurement)
                q["year"] = [2025, 2023, 2019][(i + j) % len(years)]
            out.append((audience, q))
    return out


def get(path, audience):
    request = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + keys[audience]})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=float(os.environ.get("BENCH_TIMEOUT", "300"))) as response:
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        body = error.read()
        status = error.code
    except (TimeoutError, urllib.error.URLError) as error:  # counted as failed, at the time it took
        body = repr(error).encode()
        status = 0
    return (time.perf_counter() - started) * 1000, status, body


def rank(sorted_values, p):
    return sorted_values[max(1, math.ceil(p / 100 * len(sorted_values))) - 1]


endpoints = only or ["latency", "conversion", "practices", "reviews", "relearning", "units", "trends", "evidence"]
print("| endpoint | n | p50 ms | p95 ms | p99 ms | max ms | non-200 |")
print("|---|---:|---:|---:|---:|---:|---:|")
for endpoint in endpoints:
    queries = mix(endpoint)
    path = "/analytics/" + endpoint
    for audience, q in queries[len(units) - 1:len(units)][:WARMUP]:  # warm up on a team: cheap
        get(path + "?" + urllib.parse.urlencode(q), audience)
    times, bad, started, i = [], 0, time.perf_counter(), 0
    while len(times) < count and time.perf_counter() - started < budget:
        audience, q = queries[i % len(queries)]
        i += 1
        ms, status, body = get(path + "?" + urllib.parse.urlencode(q), audience)
        if status != 200:
            bad += 1
            print(f"<!-- {endpoint} {audience} {q}: {status} {body[:200]!r} -->", file=sys.stderr)
        times.append(ms)
    times.sort()
    print(f"| /analytics/{endpoint} | {len(times)} | {rank(times, 50):.0f} | {rank(times, 95):.0f} | "
          f"{rank(times, 99):.0f} | {times[-1]:.0f} | {bad} |", flush=True)
