#!/usr/bin/env bash
# Imports the Learning Loop data views, visualizations, saved search and dashboard into a Kibana 8.x
# (POST /api/saved_objects/_import?overwrite=true). Re-running it overwrites the objects by id.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() {
    cat <<'USAGE'
Usage: KIBANA_URL=<url> [KIBANA_USER=<user> KIBANA_PASSWORD=<password>] [KIBANA_SPACE=<space>] \
       infra/kibana/import.sh [saved-objects.ndjson]

Imports infra/kibana/learning-loop.ndjson (or the given file) into Kibana, overwriting objects with
the same ids (ll-events, ll-loops, ll-lessons, ll-lens-*, ll-search-events, ll-dashboard-learning-loop).

  KIBANA_URL       Kibana's base URL, e.g. http://localhost:5601 (required)
  KIBANA_USER      user for basic authentication (optional; needs KIBANA_PASSWORD)
  KIBANA_PASSWORD  its password
  KIBANA_SPACE     space id to import into (optional; default space when unset)

The data views point at learning-loop-events, -loops, -lessons, -dead-letters, and -reviews and
-relearning (which analytics rewrites every LL_VERDICTS_REFRESH): the indices of the default
prefix. Who opens the dashboards needs read and view_index_metadata on learning-loop-* in
Elasticsearch: the stack's role learning_loop_reader, which its user "reader"
has (LL_ES_READER_USER/_PASSWORD in stack.env; docs/security-backing-services.md). KIBANA_USER
needs Kibana's saved-objects management in the space.
Exit status: 0 imported, 1 Kibana refused, 2 usage error.
USAGE
}

if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
    usage
    exit 0
fi
if [[ $# -gt 1 ]]; then
    usage >&2
    exit 2
fi
if [[ -z "${KIBANA_URL:-}" ]]; then
    echo "import.sh: KIBANA_URL is not set" >&2
    usage >&2
    exit 2
fi
if [[ -n "${KIBANA_USER:-}" && -z "${KIBANA_PASSWORD:-}" ]]; then
    echo "import.sh: KIBANA_USER is set but KIBANA_PASSWORD is not" >&2
    exit 2
fi

file="${1:-$here/learning-loop.ndjson}"
if [[ ! -r "$file" ]]; then
    echo "import.sh: cannot read $file" >&2
    exit 2
fi

url="${KIBANA_URL%/}"
if [[ -n "${KIBANA_SPACE:-}" ]]; then
    url="$url/s/$KIBANA_SPACE"
fi
url="$url/api/saved_objects/_import?overwrite=true"

# Same as curl -u user:password, but read from stdin so the password stays off the process list.
credentials=""
if [[ -n "${KIBANA_USER:-}" ]]; then
    escaped="$KIBANA_USER:$KIBANA_PASSWORD"
    escaped="${escaped//\\/\\\\}"
    escaped="${escaped//\"/\\\"}"
    credentials="user = \"$escaped\""
fi

echo "Importing $(grep -c . "$file") saved objects from $file into ${url%%/api/*} ..." >&2
if ! response="$(printf '%s\n' "$credentials" | curl --silent --show-error --config - \
    -X POST "$url" -H "kbn-xsrf: true" --form "file=@$file" --write-out '\n%{http_code}')"; then
    echo "import.sh: could not reach Kibana at ${url%%/api/*}" >&2
    exit 1
fi
status="${response##*$'\n'}"
body="${response%$'\n'*}"

if [[ "$status" == 200 && "$body" == *'"success":true'* ]]; then
    count="$(sed -n 's/.*"successCount":\([0-9]*\).*/\1/p' <<<"$body")"
    echo "Imported ${count:-?} saved objects. Open the dashboard \"Learning Loop: does the organisation learn?\"" \
        "(id ll-dashboard-learning-loop)."
    exit 0
fi
if [[ "$status" == 200 ]]; then
    echo "import.sh: Kibana refused some objects (the others were imported):" >&2
else
    echo "import.sh: Kibana answered HTTP $status:" >&2
fi
if command -v jq >/dev/null 2>&1 && jq . <<<"$body" >/dev/null 2>&1; then
    jq . <<<"$body" >&2
else
    echo "$body" >&2
fi
exit 1
