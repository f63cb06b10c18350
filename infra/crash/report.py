#!/usr/bin/env python3
"""The crash tests' report (report.md): the fault table and the reconciliation, from a run's folder.

  report.py RUN_DIR DESCRIPTION CLEAN(yes|no)
"""
import csv, json, sys

run, description, clean = sys.argv[1:]
acked = sum(1 for _ in open(f"{run}/acked.tsv"))
failed = sum(1 for _ in open(f"{run}/failed.tsv"))
print(f"{description} {acked} steps acknowledged, {failed} requests failed.\n")
# A rebuild-<projection> row kills nothing: its seconds are the rebuild's, start to done (infra/crash/cluster).
print("| killed | restart → ready (s) | kill → every earlier step projected (s) | failed requests | health seen while down |")
print("|---|---|---|---|---|")
for row in csv.DictReader(open(f"{run}/faults.tsv"), delimiter="\t"):
    print(f"| {row['fault']} | {row['restartSeconds']} | {row['caughtUpSeconds']} | {row['failedRequests']} | {row['healthDuringFault']} |")
r = json.load(open(f"{run}/reconciliation.json"))
print("\n| store | acknowledged | lost | duplicated |")
print("|---|---|---|---|")
for store, v in r.items():
    extra = ", ".join(f"{k} {v[k]}" for k in v if k not in ("acknowledged", "lost", "duplicated"))
    print(f"| {store} | {v['acknowledged']} | {v['lost']} | {v['duplicated']}{' (' + extra + ')' if extra else ''} |")
print(f"\nclean: {clean}")
