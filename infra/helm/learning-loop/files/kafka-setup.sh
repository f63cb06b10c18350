#!/bin/sh
# Kafka side of a Learning Loop install, run by the setup Job as Kafka's admin (SCRAM-SHA-256).
# Idempotent: the topic is created when missing, the SCRAM users are set anew, the ACLs are added
# (adding an existing ACL changes nothing). Mirrors what infra/stack/KafkaAccess.java does locally,
# with the cluster's replication. Passwords are read from mounted files; the admin's goes into a 0600
# file, the users' SCRAM passwords onto kafka-configs' command line (see below).
set -eu
umask 077
bin=${KAFKA_BIN:-/opt/kafka/bin}
work=$(mktemp -d)
secret() { cat "${SECRETS_DIR:-/etc/learning-loop/setup}/$1"; }

cat >"$work/admin.properties" <<PROPS
security.protocol=${KAFKA_SECURITY_PROTOCOL}
sasl.mechanism=SCRAM-SHA-256
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${KAFKA_ADMIN_USER}" password="$(secret kafka-admin-password)";
PROPS
admin="--bootstrap-server $KAFKA_BOOTSTRAP --command-config $work/admin.properties"

echo "[setup] topic $TOPIC: $PARTITIONS partitions, replication factor $REPLICATION_FACTOR, min.insync.replicas $MIN_ISR"
# shellcheck disable=SC2086
$bin/kafka-topics.sh $admin --create --if-not-exists --topic "$TOPIC" \
  --partitions "$PARTITIONS" --replication-factor "$REPLICATION_FACTOR" \
  --config retention.ms=-1 --config cleanup.policy=delete --config max.message.bytes=1048576 \
  --config min.insync.replicas="$MIN_ISR"
# A topic made earlier (for example by a service, with replication factor 1) keeps its replication:
# say so rather than pretend. Raising it is a reassignment: docs/operations.md.
# shellcheck disable=SC2086
$bin/kafka-topics.sh $admin --describe --topic "$TOPIC"

for pair in "$COMMAND_USER:kafka-command-password" "$QUERY_USER:kafka-query-password" "$ANALYTICS_USER:kafka-analytics-password"; do
  user=${pair%%:*}
  # kafka-configs takes a SCRAM password on its command line only (its --add-config-file refuses the
  # SCRAM-SHA-256 key and echoes the line, password included, in its error): the argument is visible
  # inside this short-lived pod alone. Kafka's own output is kept out of the log for the same reason.
  # shellcheck disable=SC2086
  if ! $bin/kafka-configs.sh $admin --alter --entity-type users --entity-name "$user" \
      --add-config "SCRAM-SHA-256=[iterations=8192,password=$(secret "${pair#*:}")]" >"$work/configs.out" 2>&1; then
    echo "[setup] cannot set SCRAM user $user (Kafka's message withheld: it may contain the password)" >&2
    exit 1
  fi
  echo "[setup] SCRAM user $user set"
done

acl() {
  # shellcheck disable=SC2086
  $bin/kafka-acls.sh $admin --add --force "$@" >/dev/null
}
# The publisher: write, describe, create the topic; idempotent producer.
acl --allow-principal "User:$COMMAND_USER" --operation Write --operation Describe --operation Create \
  --topic learning-loop. --resource-pattern-type prefixed
acl --allow-principal "User:$COMMAND_USER" --operation IdempotentWrite --cluster
# The projections: read and describe the topic, their own consumer groups.
for pair in "$QUERY_USER:$QUERY_GROUP" "$ANALYTICS_USER:$ANALYTICS_GROUP"; do
  user=${pair%%:*}
  acl --allow-principal "User:$user" --operation Read --operation Describe --operation Create \
    --topic learning-loop. --resource-pattern-type prefixed
  acl --allow-principal "User:$user" --operation Read --operation Describe \
    --group "${pair#*:}" --resource-pattern-type prefixed
done
echo "[setup] ACLs set"
rm -rf "$work"
