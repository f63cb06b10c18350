#!/usr/bin/env python3
"""Steady load of new steps for the crash test: every unit is a new decision, then a lesson on it.

Each acknowledged step (2xx) is appended to ACKED as "kind<TAB>id<TAB>eventId<TAB>epoch"; each
failed request (any other answer, or none within the client timeout) to FAILED as
"epoch<TAB>kind<TAB>id<TAB>status<TAB>seconds". A lesson is posted only once its decision is
acknowledged. Runs until the file STOP exists. Standard library only; loopback only.
"""
import argparse, http.client, json, os, queue, threading, time

p = argparse.ArgumentParser()
p.add_argument("--port", type=int, required=True)
p.add_argument("--rate", type=float, default=15, help="units (decision + lesson) per second")
p.add_argument("--prefix", required=True)
p.add_argument("--acked", required=True)
p.add_argument("--failed", required=True)
p.add_argument("--stop", required=True)
p.add_argument("--timeout", type=float, default=10)
a = p.parse_args()

lock = threading.Lock()
acked = open(a.acked, "a", buffering=1)
failed = open(a.failed, "a", buffering=1)
work = queue.Queue(maxsize=2000)


def post(path, body):
    began = time.time()
    try:
        c = http.client.HTTPConnection("127.0.0.1", a.port, timeout=a.timeout)
        c.request("POST", path, json.dumps(body),
                  {"Content-Type": "application/json", "Authorization": "Bearer " + os.environ["CRASH_KEY"]})
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, (json.loads(data) if 200 <= r.status < 300 else None), time.time() - began
    except Exception as e:  # refused, reset, timed out: all count as a failed request
        return type(e).__name__, None, time.time() - began


def step(kind, path, body, key):
    status, answer, took = post(path, body)
    with lock:
        if answer is not None:
            acked.write(f"{kind}\t{answer[key]}\t{answer['eventId']}\t{time.time():.3f}\n")
        else:
            failed.write(f"{time.time():.3f}\t{kind}\t{body[key]}\t{status}\t{took:.3f}\n")
    return answer is not None


def unit(n):
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    d = f"{a.prefix}-d{n}"
    common = {"orgUnit": "crash/test", "occurredAt": now, "sourceTool": "crash-test", "actor": "u-crash"}
    if step("decision", "/decisions", dict(common, decisionId=d, title="Crash test decision", category="operations",
            expectedOutcome="Nothing is lost", confidence=0.5, reviewBy="2030-01-01"), "decisionId"):
        step("lesson", "/lessons", dict(common, lessonId=f"{a.prefix}-l{n}", decisionIds=[d],
             lesson="Crashes lose nothing", thinkingChange="We kill processes on purpose"), "lessonId")


def worker():
    while True:
        unit(work.get())


for _ in range(16):
    threading.Thread(target=worker, daemon=True).start()
n, began = 0, time.time()
while not os.path.exists(a.stop):
    n += 1
    try:
        work.put_nowait(n)
    except queue.Full:  # the service is slower than the load: the unit is skipped, not queued forever
        with lock:
            failed.write(f"{time.time():.3f}\tdecision\t{a.prefix}-d{n}\tclient-queue-full\t0\n")
    time.sleep(max(0.0, began + n / a.rate - time.time()))
while not work.empty():
    time.sleep(0.2)
time.sleep(a.timeout + 1)  # let the last requests finish
