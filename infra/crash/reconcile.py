#!/usr/bin/env python3
"""Reconciles acknowledged steps against every store: the reusable half of the crash tests.

Input: a file of acknowledged steps ("kind<TAB>id<TAB>eventId<TAB>epoch", as infra/crash/load.py
writes it) and the stack's environment (LL_POSTGRES_* - the service role, whose SELECT on the
event store is all a reader needs -, LL_KAFKA_BOOTSTRAP and LL_KAFKA_ADMIN_CONFIG, LL_ELASTICSEARCH_URL
and LL_ES_READER_*, LL_STACK_DIR for the Kafka tools). For each store it reports how many acknowledged steps are
missing ("lost") and how many are there more than once ("duplicated"):

  event store   domain_event_entry, by the payload's event id (and one event per new aggregate)
  topic         every record's event-id header (duplicate records are reported apart: the
                outbox publishes at least once, and the projections absorb repeats)
  events index  one document per event id; loops index one per decision; lessons index one per lesson

Usable as a module (reconcile(acked_file, prefix) -> dict) or from the shell:
  reconcile.py ACKED_FILE PREFIX   prints JSON; exit 0 when nothing is lost or duplicated.
"""
import base64, collections, glob, json, os, subprocess, sys, urllib.error, urllib.parse, urllib.request


def acknowledged(path):
    steps = []
    with open(path) as f:
        for line in f:
            kind, step_id, event_id, _ = line.rstrip("\n").split("\t")
            steps.append((kind, step_id, event_id))
    return steps


def event_store(prefix):
    url = urllib.parse.urlparse(os.environ["LL_POSTGRES_URL"].removeprefix("jdbc:"))
    # The contract's event id is in the payload (JSON); event_identifier is Axon's own message id.
    sql = ("select aggregate_identifier, convert_from(payload, 'UTF8')::json->>'eventId' from domain_event_entry "
           f"where aggregate_identifier like '{prefix}-%'")
    out = subprocess.run(
        ["psql", "-h", url.hostname, "-p", str(url.port), "-U", os.environ["LL_POSTGRES_USER"],
         "-d", url.path.lstrip("/"), "-At", "-F", "\t", "-c", sql],
        env=dict(os.environ, PGPASSWORD=os.environ["LL_POSTGRES_PASSWORD"]),
        check=True, capture_output=True, text=True).stdout
    return [tuple(line.split("\t")) for line in out.splitlines() if line]


def topic_event_ids(topic):
    """Every event-id header on the topic, read with the broker's own console consumer."""
    stack = os.environ["LL_STACK_DIR"]
    java = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else "java"
    log4j = glob.glob(f"{stack}/kafka/config/tools-log4j2.properties")
    out = subprocess.run(
        [java, "-Xmx512m", *([f"-Dlog4j2.configurationFile={log4j[0]}"] if log4j else []),
         "-cp", f"{stack}/kafka/lib/*", "org.apache.kafka.tools.consumer.ConsoleConsumer",
         "--bootstrap-server", os.environ["LL_KAFKA_BOOTSTRAP"],
         "--consumer.config", os.environ["LL_KAFKA_ADMIN_CONFIG"], "--topic", topic, "--from-beginning",
         "--timeout-ms", "15000", "--property", "print.headers=true", "--property", "print.value=false"],
        capture_output=True, text=True, timeout=600).stdout
    ids = collections.Counter()
    for line in out.splitlines():
        for header in line.split(","):
            name, _, value = header.partition(":")
            if name == "event-id":
                ids[value] += 1
    return ids


def index_ids(index, prefix_field, prefix):
    """Document ids of INDEX whose PREFIX_FIELD starts with PREFIX, through a scroll."""
    es = os.environ["LL_ELASTICSEARCH_URL"]
    # As the read-only user of stack.env.
    auth = "Basic " + base64.b64encode(
        f"{os.environ['LL_ES_READER_USER']}:{os.environ['LL_ES_READER_PASSWORD']}".encode()).decode()

    def call(path, body):
        req = urllib.request.Request(es + path, json.dumps(body).encode(),
                                     {"Content-Type": "application/json", "Authorization": auth})
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.load(r)

    ids = collections.Counter()
    try:
        page = call(f"/{index}/_search?scroll=1m", {"size": 5000, "_source": False,
                                                     "query": {"prefix": {prefix_field: prefix + "-"}}})
    except urllib.error.HTTPError as e:
        if e.code == 404:  # not created yet: nothing projected
            return ids
        raise
    while page["hits"]["hits"]:
        ids.update(hit["_id"] for hit in page["hits"]["hits"])
        page = call("/_search/scroll", {"scroll": "1m", "scroll_id": page["_scroll_id"]})
    return ids


def compare(wanted, found):
    """found: Counter of ids in a store. Lost: wanted but absent; duplicated: present more than once."""
    return {"acknowledged": len(wanted), "lost": sum(1 for w in wanted if found[w] == 0),
            "duplicated": sum(1 for w in wanted if found[w] > 1)}


def reconcile(acked_file, prefix, topic=None, index_prefix=None):
    topic = topic or os.environ.get("LL_KAFKA_TOPIC", "learning-loop.events.v1")
    index_prefix = index_prefix or os.environ.get("LL_INDEX_PREFIX", "learning-loop-")
    steps = acknowledged(acked_file)
    events = [e for _, _, e in steps]
    stored = event_store(prefix)
    per_event = collections.Counter(e for _, e in stored)
    per_aggregate = collections.Counter(a for a, _ in stored)
    on_topic = topic_event_ids(topic)
    result = {
        "event store": compare(events, per_event),
        # At least once: a record published twice is no duplicated effect (the projections key by
        # event id), so the topic reports its extra records apart instead of as "duplicated".
        "topic": dict(compare(events, on_topic), duplicated=0,
                      duplicateRecords=sum(n - 1 for e, n in on_topic.items() if n > 1 and e in set(events))),
        "events index": compare(events, index_ids(index_prefix + "events", "aggregateId", prefix)),
        "loops index": compare([i for k, i, _ in steps if k == "decision"],
                               index_ids(index_prefix + "loops", "decisionId", prefix)),
        "lessons index": compare([i for k, i, _ in steps if k == "lesson"],
                                 index_ids(index_prefix + "lessons", "lessonId", prefix)),
    }
    acked_aggregates = {i for _, i, _ in steps}
    result["event store"]["storedWithoutAck"] = sum(1 for a in per_aggregate if a not in acked_aggregates)
    result["event store"]["aggregatesWithMoreThanOneEvent"] = sum(1 for n in per_aggregate.values() if n > 1)
    return result


def clean(result):
    return all(r["lost"] == 0 and r["duplicated"] == 0 for r in result.values()) and \
        result["event store"]["aggregatesWithMoreThanOneEvent"] == 0


if __name__ == "__main__":
    r = reconcile(sys.argv[1], sys.argv[2])
    print(json.dumps(r, indent=1))
    sys.exit(0 if clean(r) else 1)
