#!/usr/bin/env bash
# The project's own copy of the team's pgbench scripts (this file and its two .sql scripts), so that a
# fresh clone can run bin/bench realtime.
# Measures PostgreSQL's own limits on this machine, to divide a benchmark's figures by in the same run.
# Prints key=value lines: single_tps_c1, single_tps_c16 (one-row INSERT, one commit each, ~528-byte
# body like an encrypted message) and batch_rows_per_s (1,000 rows per transaction).
# Usage: pg-limits.sh [seconds per run, default 10]   Env: PGHOST PGPORT PGUSER (defaults 127.0.0.1 5432 postgres)
set -euo pipefail
secs=${1:-10}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
here=$(cd "$(dirname "$0")" && pwd)
db=pg_limits_$$
psql -qX -d postgres -c "CREATE DATABASE $db" >/dev/null
trap 'psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1' EXIT
psql -qX -d "$db" -c "CREATE TABLE message(id bigserial PRIMARY KEY, conversation_id bigint NOT NULL,
  sender_id bigint NOT NULL, body bytea NOT NULL, created_at timestamptz NOT NULL);
  CREATE INDEX ON message(conversation_id, created_at);" >/dev/null
run() { # script clients
  psql -qX -d "$db" -c "TRUNCATE message RESTART IDENTITY" -c "CHECKPOINT" >/dev/null
  local j=1; (( $2 > 1 )) && j=2
  pgbench -n -M prepared -c "$2" -j "$j" -T "$secs" -f "$here/$1" "$db" 2>/dev/null \
    | sed -n 's/^tps = \([0-9.]*\).*/\1/p'
}
echo "single_tps_c1=$(run pg-single-insert.sql 1)"
echo "single_tps_c16=$(run pg-single-insert.sql 16)"
b=$(run pg-batch-1000.sql 1)
echo "batch_rows_per_s=$(awk -v t="$b" 'BEGIN{printf "%.0f", t*1000}')"
