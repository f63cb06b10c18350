#!/bin/sh
# Elasticsearch side of a Learning Loop install, run by the setup Job as Elasticsearch's admin: the
# roles and users of docs/security-backing-services.md, in the native realm (the local stack uses the
# file realm only because its distribution cannot store native users). PUT is idempotent.
# Passwords go through 0600 files (curl -K, --data @file), never argv.
set -eu
umask 077
work=$(mktemp -d)
secret() { cat "${SECRETS_DIR:-/etc/learning-loop/setup}/$1"; }
printf 'user = "%s:%s"\n' "$ES_ADMIN_USER" "$(secret elasticsearch-admin-password)" >"$work/curlrc"
es() { # METHOD PATH BODY_FILE; on failure prints Elasticsearch's answer (it never repeats a password)
  curl -sS --fail-with-body -K "$work/curlrc" ${ES_CACERT:+--cacert "$ES_CACERT"} \
    -X "$1" -H 'Content-Type: application/json' "$ES_URL$2" --data-binary "@$3" -o "$work/answer" ||
    { echo "[setup] $1 $2 refused: $(cat "$work/answer")" >&2; exit 1; }
}
p=$INDEX_PREFIX

cat >"$work/role" <<JSON
{"cluster": ["monitor", "manage_index_templates"],
 "indices": [{"names": ["${p}*events", "${p}*loops", "${p}*dead-letters"],
              "privileges": ["create_index", "view_index_metadata", "read", "write"]}]}
JSON
es PUT /_security/role/learning_loop_query_service "$work/role"
cat >"$work/role" <<JSON
{"cluster": ["monitor", "manage_index_templates"],
 "indices": [{"names": ["${p}*lessons", "${p}*reviews", "${p}*relearning", "${p}*dead-letters"],
              "privileges": ["create_index", "view_index_metadata", "read", "write"]},
             {"names": ["${p}*loops"], "privileges": ["view_index_metadata", "read"]}]}
JSON
es PUT /_security/role/learning_loop_analytics "$work/role"
cat >"$work/role" <<JSON
{"indices": [{"names": ["${p}*"], "privileges": ["view_index_metadata", "read"]}]}
JSON
es PUT /_security/role/learning_loop_reader "$work/role"
echo "[setup] roles set"

for triple in "$QUERY_USER:learning_loop_query_service:elasticsearch-query-password" \
              "$ANALYTICS_USER:learning_loop_analytics:elasticsearch-analytics-password" \
              "$READER_USER:learning_loop_reader:elasticsearch-reader-password"; do
  user=${triple%%:*}; rest=${triple#*:}; role=${rest%%:*}
  printf '{"password": "%s", "roles": ["%s"]}\n' "$(secret "${rest#*:}")" "$role" >"$work/user"
  es PUT "/_security/user/$user" "$work/user"
  echo "[setup] user $user ($role) set"
done
rm -rf "$work"
