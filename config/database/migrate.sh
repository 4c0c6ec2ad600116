#!/usr/bin/env bash
# Migrates Care Messaging's schema as the role that owns it, from the release being deployed, so the
# application itself can run as a role that does not own the tables (messaging.schema.migrate=false):
# then the audit table can be left INSERT/SELECT only for it (audit-role.sql).
#
#   DB_HOST DB_PORT(5432) DB_NAME DB_OWNER DB_OWNER_PASSWORD  the database and its owner role
#   POSTGRESQL_JAR                                            the JDBC driver (as for setup.sh)
#   APP_ROLE (optional)                                       the runtime role: runtime-role.sql is applied for it
#
#   config/database/migrate.sh messaging.ear        (or messaging.war)
#
# Run it before deploying each release. Needs java and, with APP_ROLE, psql.
set -euo pipefail
archive=${1:?usage: migrate.sh <messaging.ear|messaging.war>}
here=$(cd "$(dirname "$0")" && pwd)
DB_PORT=${DB_PORT:-5432}
for name in DB_HOST DB_NAME DB_OWNER POSTGRESQL_JAR; do
  [ -n "${!name:-}" ] || { echo "migrate.sh: set $name" >&2; exit 2; }
done
[ -f "$archive" ] || { echo "migrate.sh: $archive is not a file" >&2; exit 2; }
archive=$(cd "$(dirname "$archive")" && pwd)/$(basename "$archive")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The EAR keeps its libraries in lib/ and the EJB module at the top; the WAR keeps both in WEB-INF/lib.
(cd "$work" && jar xf "$archive")
classpath="$POSTGRESQL_JAR"
for jar in "$work"/*.jar "$work"/lib/*.jar "$work"/WEB-INF/lib/*.jar; do
  [ -f "$jar" ] && classpath="$classpath:$jar"
done
DB_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" DB_USER=$DB_OWNER DB_PASSWORD=${DB_OWNER_PASSWORD:-} \
  java -cp "$classpath" care.messaging.platform.boundary.SchemaTool
if [ -n "${APP_ROLE:-}" ]; then
  PGPASSWORD=${DB_OWNER_PASSWORD:-} psql -qX -v ON_ERROR_STOP=1 -v app_role="$APP_ROLE" \
    -h "$DB_HOST" -p "$DB_PORT" -U "$DB_OWNER" -d "$DB_NAME" -f "$here/runtime-role.sql"
  echo "Granted $APP_ROLE its runtime rights (audit_event: INSERT and SELECT only)"
fi
