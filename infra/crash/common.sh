# Shared by infra/crash/run (one node of each) and infra/crash/cluster (the cluster mode): the clock,
# the caught-up measure and the report. Expects RUN (the run's folder, with acked.tsv, failed.tsv and
# faults.tsv), RUN_ID (the load's id prefix) and the stack's LL_* environment.

log() { printf '[crash %s] %s\n' "$(date +%T)" "$*" >&2; }
now() { date +%s.%N; }
since() { printf '%.1f' "$(echo "$(now) - $1" | bc)"; }

# Seconds until every step acknowledged before T is in the events index (the backlog drained).
caught_up_after() {
  local t=$1 began=$2 want got i
  want=$(awk -F'\t' -v t="$t" '$4 < t' "$RUN/acked.tsv" | wc -l)
  for i in $(seq 1 300); do
    # As the read-only user; the credentials through a file descriptor, off the process list.
    got=$(curl -s -m 5 -K <(printf 'user = "%s:%s"\n' "$LL_ES_READER_USER" "$LL_ES_READER_PASSWORD") \
      "$LL_ELASTICSEARCH_URL/learning-loop-events/_count" -H 'Content-Type: application/json' \
      -d "{\"query\":{\"prefix\":{\"aggregateId\":\"$RUN_ID-\"}}}" |
      python3 -c 'import json,sys; print(json.load(sys.stdin).get("count",0))' 2>/dev/null || echo 0)
    ((got >= want)) && { since "$began"; return 0; }
    sleep 1
  done
  echo ">300"
}

# Failed requests between two epochs, and the health answers other than "all UP" seen between them.
failed_between() { awk -F'\t' -v a="$1" -v b="$2" '$1 >= a && $1 < b' "$RUN/failed.tsv" | wc -l; }
health_between() {
  awk -F'\t' -v a="$1" -v b="$2" '$1 >= a && $1 < b && $4 != "all UP" {print $2 ":" $4}' "$RUN/health.tsv" |
    sort | uniq -c | sort -rn | head -n4 | awk '{$1=$1; print}' | paste -sd';' -
}

# One health sample of a service: "epoch<TAB>name<TAB>http-status seconds<TAB>components not UP".
health_sample() { # health_sample NAME PORT
  rm -f "$RUN/.h.$1"
  curl -s -m 3 -o "$RUN/.h.$1" -w "%{http_code} %{time_total}" -H "Authorization: Bearer $CRASH_KEY" \
    "127.0.0.1:$2/actuator/health" >"$RUN/.w.$1" 2>/dev/null || true
  printf '%s\t%s\t%s\t%s\n' "$(date +%s.%N)" "$1" "$(cat "$RUN/.w.$1")" \
    "$(python3 -c 'import json,sys
try:
  c=json.load(open(sys.argv[1])).get("components",{})
  print(",".join(k+"="+v["status"] for k,v in sorted(c.items()) if v["status"]!="UP") or "all UP")
except Exception: print("no answer")' "$RUN/.h.$1")" >>"$RUN/health.tsv"
}

# Reconciles every acknowledged step (reconcile.py) and writes report.md; true when clean.
reconcile_and_report() { # reconcile_and_report DESCRIPTION
  local clean
  python3 "$REPO/infra/crash/reconcile.py" "$RUN/acked.tsv" "$RUN_ID" >"$RUN/reconciliation.json" && clean=yes || clean=no
  python3 "$REPO/infra/crash/report.py" "$RUN" "$1" "$clean" | tee "$RUN/report.md"
  [[ $clean == yes ]]
}
