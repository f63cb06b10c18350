#!/bin/sh
# Gives the platform's indices an explicit replica count once the services have created them. The
# templates the services install say auto_expand_replicas 0-1 (read-models/.../templates/*.json): one
# replica wherever a second node exists, which is what most clusters want without this Job. It is for
# a count of your own (elasticsearch.replicas, e.g. 2 on five nodes), which turns auto-expansion off
# on the index. Run after every install/upgrade and after anything that creates an index anew.
# Waits (bounded) for the indices to exist.
set -eu
umask 077
work=$(mktemp -d)
printf 'user = "%s:%s"\n' "$ES_ADMIN_USER" "$(cat "${SECRETS_DIR:-/etc/learning-loop/setup}/elasticsearch-admin-password")" >"$work/curlrc"
printf '{"index": {"auto_expand_replicas": false, "number_of_replicas": %s}}\n' "$REPLICAS" >"$work/body"
for name in events loops dead-letters lessons reviews relearning; do
  index="$INDEX_PREFIX$name"
  tries=0
  until curl -sS -f -o /dev/null -K "$work/curlrc" ${ES_CACERT:+--cacert "$ES_CACERT"} -I "$ES_URL/$index"; do
    tries=$((tries + 1))
    [ "$tries" -le 60 ] || { echo "[setup] $index does not exist after 5 minutes: are the services up?" >&2; exit 1; }
    sleep 5
  done
  curl -sS --fail-with-body -o /dev/null -K "$work/curlrc" ${ES_CACERT:+--cacert "$ES_CACERT"} \
    -X PUT -H 'Content-Type: application/json' "$ES_URL/$index/_settings" --data-binary "@$work/body"
  echo "[setup] $index: number_of_replicas $REPLICAS"
done
rm -rf "$work"
