#!/usr/bin/env bash
# Configures a running Payara Server 6 domain for Care Messaging: the PostgreSQL driver, the password
# alias for the database password, the JDBC pool messagingPool and the resource jdbc/messaging, the
# keystore for encryption at rest (its password as a password alias), the identity provider's settings,
# the HTTPS listener, and optionally the send rate and the WebSocket and presence settings. Gentle on a
# domain that already runs the app: nothing is deleted, what exists is brought to the wanted settings in
# place, and only what differs is written, so a second run with the same inputs leaves domain.xml as it
# is (the two password aliases are written again, with the same secrets). See docs/operations.md.
set -euo pipefail

ASADMIN=${ASADMIN:-asadmin}
ADMIN_HOST=${ADMIN_HOST:-localhost}
ADMIN_PORT=${ADMIN_PORT:-4848}
DB_PORT=${DB_PORT:-5432}
DB_POOL_STEADY=${DB_POOL_STEADY:-4}
DB_POOL_MAX=${DB_POOL_MAX:-32}
RESTART_IF_NEEDED=${RESTART_IF_NEEDED:-false}
MESSAGING_TLS_CERT_ALIAS=${MESSAGING_TLS_CERT_ALIAS:-s1as}
missing=()
for name in DB_HOST DB_NAME DB_USER DB_PASSWORD POSTGRESQL_JAR MESSAGING_KEYS_KEYSTORE MESSAGING_KEYS_PASSWORD MESSAGING_JWT_ISSUER MESSAGING_JWT_AUDIENCE MESSAGING_JWT_PUBLICKEY_LOCATION; do
  [ -n "${!name:-}" ] || missing+=("$name")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup.sh: set ${missing[*]} (see docs/operations.md)" >&2
  exit 2
fi
# The key that decides who is who comes over TLS, or from this machine: plain http only on a loopback
# address (a provider on the same host, as in the system tests), where no network sits in between.
case "$MESSAGING_JWT_PUBLICKEY_LOCATION" in
  file:/*|https://*|http://127.0.0.1[:/]*|http://localhost[:/]*|http://\[::1\][:/]*) ;;
  *) echo "setup.sh: MESSAGING_JWT_PUBLICKEY_LOCATION must be a file:/// or https:// URL (a bare path rejects valid tokens; plain http only on a loopback address)" >&2; exit 2 ;;
esac
if [ -n "${MESSAGING_DEMO_DATA:-}" ]; then
  echo "setup.sh: MESSAGING_DEMO_DATA is gone: the EAR holds no demo data (only the embedded default, bin/run, has it)" >&2
  exit 2
fi
for name in DB_POOL_STEADY DB_POOL_MAX; do
  [[ "${!name}" =~ ^[0-9]{1,4}$ ]] || { echo "setup.sh: $name must be a whole number" >&2; exit 2; }
done
if [ "$DB_POOL_MAX" -lt 1 ] || [ "$DB_POOL_STEADY" -gt "$DB_POOL_MAX" ]; then
  echo "setup.sh: DB_POOL_MAX must be at least 1 and at least DB_POOL_STEADY" >&2; exit 2
fi
for name in MESSAGING_SEND_RATE_CAPACITY MESSAGING_SEND_RATE_PER_MINUTE MESSAGING_WS_PING_SECONDS \
    MESSAGING_WS_MAX_PENDING_FRAMES MESSAGING_WS_MAX_PENDING_BYTES MESSAGING_PRESENCE_SWEEP_SECONDS; do
  if [ -n "${!name:-}" ] && ! [[ "${!name}" =~ ^[1-9][0-9]{0,8}$ ]]; then
    echo "setup.sh: $name must be a whole number of at least 1" >&2; exit 2
  fi
done
if [ -n "${MESSAGING_WS_ALLOWED_ORIGINS:-}" ]; then
  IFS=',' read -ra origins <<<"$MESSAGING_WS_ALLOWED_ORIGINS"
  for origin in "${origins[@]}"; do
    if ! [[ "$origin" =~ ^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$ ]]; then
      echo "setup.sh: MESSAGING_WS_ALLOWED_ORIGINS must list origins as scheme://host[:port], comma-separated (got '$origin')" >&2; exit 2
    fi
  done
fi
[ -f "$POSTGRESQL_JAR" ] || { echo "setup.sh: POSTGRESQL_JAR=$POSTGRESQL_JAR is not a file" >&2; exit 2; }
[ -f "$MESSAGING_KEYS_KEYSTORE" ] || { echo "setup.sh: MESSAGING_KEYS_KEYSTORE=$MESSAGING_KEYS_KEYSTORE is not a file (create it with config/keys/create-keystore.sh)" >&2; exit 2; }

asadmin() { "$ASADMIN" --host "$ADMIN_HOST" --port "$ADMIN_PORT" "$@"; }
# asadmin splits --property at colons; a value that has one (an IPv6 host) needs it escaped.
prop() { printf '%s' "$1" | sed 's/:/\\:/g'; }

# The alias password goes through a file that only this user can read, never the command line. An
# admin password file given as AS_ADMIN_PASSWORDFILE is carried over, since --passwordfile replaces it.
secrets=$(mktemp)
trap 'rm -f "$secrets"' EXIT
chmod 600 "$secrets"
# alias NAME VALUE: creates or updates the password alias NAME.
alias_password() {
  : >"$secrets"
  if [ -n "${AS_ADMIN_PASSWORDFILE:-}" ]; then
    grep -v '^AS_ADMIN_ALIASPASSWORD=' "$AS_ADMIN_PASSWORDFILE" >"$secrets" || true
  fi
  printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$2" >>"$secrets"
  if asadmin list-password-aliases | grep -qxF "$1"; then
    asadmin --passwordfile "$secrets" update-password-alias "$1"
  else
    asadmin --passwordfile "$secrets" create-password-alias "$1"
  fi
  : >"$secrets"
}

added_driver=false

echo "PostgreSQL driver"
jar_name=$(basename "$POSTGRESQL_JAR")
if asadmin list-libraries --type common | grep -qx "$jar_name"; then
  echo "  $jar_name is already a common library"
else
  asadmin add-library --type common "$POSTGRESQL_JAR"
  added_driver=true
fi

echo "Database password alias"
alias_password messaging-db-password "$DB_PASSWORD"

# settle PATTERN NAME=VALUE...: sets each dotted name whose value differs from the wanted one, in one
# `asadmin set`, and nothing when all are as wanted, so a re-run leaves domain.xml as it is. The current
# values are read with one `asadmin get PATTERN`, a wildcard that covers every NAME (`get` takes one
# operand only), such as resources.jdbc-connection-pool.<pool>.*, which includes its properties.
settle() {
  local pattern=$1 pair current changes=()
  shift
  current=$(asadmin get "$pattern")
  for pair in "$@"; do
    grep -qxF -- "$pair" <<<"$current" || changes+=("$pair")
  done
  if [ ${#changes[@]} -gt 0 ]; then
    printf '  set %s\n' "${changes[@]%%=*}"
    asadmin set "${changes[@]}" >/dev/null
  fi
}

# pool NAME RESOURCE PROPERTIES [--option value]...: creates the pool and its resource when missing; an
# existing pool is brought to these settings in place (asadmin set), never deleted, so the applications
# using it keep running. PROPERTIES is create-jdbc-connection-pool's --property list (k=v:k=v, a colon in
# a value escaped as \:). Attributes and properties not named here are left as IT set them.
pool() {
  local name=$1 resource=$2 properties=$3
  shift 3
  if ! asadmin list-jdbc-connection-pools | grep -qxF "$name"; then
    asadmin create-jdbc-connection-pool "$@" --property "$properties" "$name"
  else
    local base=resources.jdbc-connection-pool.$name wanted=() attribute pair
    while [ $# -gt 0 ]; do
      case "$1" in
        --datasourceclassname) attribute=datasource-classname ;;
        --restype) attribute=res-type ;;
        --steadypoolsize) attribute=steady-pool-size ;;
        --maxpoolsize) attribute=max-pool-size ;;
        --isconnectvalidatereq) attribute=is-connection-validation-required ;;
        --validationmethod) attribute=connection-validation-method ;;
        --validationclassname) attribute=validation-classname ;;
        --failconnection) attribute=fail-all-connections ;;
        --nontransactionalconnections) attribute=non-transactional-connections ;;
        *) echo "setup.sh: pool() does not know the option $1" >&2; exit 4 ;;
      esac
      wanted+=("$base.$attribute=$2")
      shift 2
    done
    # Split on the colons that are not escaped; an escaped one is a plain colon in the value.
    while IFS= read -r pair || [ -n "$pair" ]; do
      wanted+=("$base.property.$pair")
    done < <(printf '%s' "$properties" | sed 's/\\:/\x01/g; s/:/\n/g; s/\x01/:/g')
    echo "  $name exists: bringing it to these settings in place"
    settle "$base.*" "${wanted[@]}"
  fi
  if ! asadmin list-jdbc-resources | grep -qxF "$resource"; then
    asadmin create-jdbc-resource --connectionpoolid "$name" "$resource"
  fi
}

echo "JDBC pool messagingPool and resource jdbc/messaging"
# Connections are validated on checkout, so the pool heals by itself after PostgreSQL restarts.
# logServerErrorDetail=false: PostgreSQL's error detail can quote a row's values (message text, names),
# which would reach the log with the exception.
pool messagingPool jdbc/messaging \
  "user=$(prop "$DB_USER"):password=\${ALIAS=messaging-db-password}:serverName=$(prop "$DB_HOST"):portNumber=$DB_PORT:databaseName=$(prop "$DB_NAME"):reWriteBatchedInserts=true:logServerErrorDetail=false" \
  --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource \
  --steadypoolsize "$DB_POOL_STEADY" --maxpoolsize "$DB_POOL_MAX" \
  --isconnectvalidatereq true --validationmethod custom-validation \
  --validationclassname org.glassfish.api.jdbc.validation.PostgresConnectionValidation --failconnection true

echo "JDBC pool messagingEventsPool and resource jdbc/messaging-events"
# One connection per node LISTENs for event hints (PostgreSQL NOTIFY); it must never be part of a JTA
# transaction, hence a small pool of its own without transactions.
pool messagingEventsPool jdbc/messaging-events \
  "user=$(prop "$DB_USER"):password=\${ALIAS=messaging-db-password}:serverName=$(prop "$DB_HOST"):portNumber=$DB_PORT:databaseName=$(prop "$DB_NAME"):logServerErrorDetail=false" \
  --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource \
  --nontransactionalconnections true --steadypoolsize 0 --maxpoolsize 2 \
  --isconnectvalidatereq true --validationmethod custom-validation \
  --validationclassname org.glassfish.api.jdbc.validation.PostgresConnectionValidation --failconnection true

# config KEY VALUE: the domain config source's value of KEY, written only when it differs. Payara keeps
# these as domain properties named payara.microprofile.<key>; one `get` reads them all.
domain_properties=$(asadmin get 'property.*')
config() {
  if ! grep -qxF -- "property.payara.microprofile.$1=$2" <<<"$domain_properties"; then
    echo "  set $1"
    asadmin set-config-property --source domain --propertyName "$1" --propertyValue "$2"
  fi
}

echo "Keys for encryption at rest"
# Payara's password config source answers an MP Config key with the password alias of the same name, so
# the keystore password never appears in domain.xml or on a command line.
alias_password messaging.keys.password "$MESSAGING_KEYS_PASSWORD"
# A keystore made before search existed lacks the search index's key; the app refuses to start without it
# and never writes the keystore itself, so it is added here, by IT's own tool and access (once).
bash "$(dirname "$0")/../keys/add-index-key.sh" "$MESSAGING_KEYS_KEYSTORE" | sed 's/^/  /' || exit 2
config messaging.keys.keystore "$MESSAGING_KEYS_KEYSTORE"

echo "Identity provider"
config mp.jwt.verify.issuer "$MESSAGING_JWT_ISSUER"
config mp.jwt.verify.audiences "$MESSAGING_JWT_AUDIENCE"
config mp.jwt.verify.publickey.location "$MESSAGING_JWT_PUBLICKEY_LOCATION"
# Payara's MP-JWT logs every refused token with a ~50-line stack trace at INFO: anyone without credentials
# could flood the log. The application audits refusals itself (within a per-source budget), so this one
# logger of Payara's is raised to WARNING; no other logger is touched.
jwt_logger=fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore
if ! asadmin list-log-levels | grep -qxF "$jwt_logger"$'\t'"<WARNING>"; then
  asadmin set-log-levels "$jwt_logger=WARNING"
fi
# Where the schema owner migrates (config/database/migrate.sh) and the pool's user owns no table.
if [ -n "${MESSAGING_SCHEMA_MIGRATE:-}" ]; then
  case "$MESSAGING_SCHEMA_MIGRATE" in
    true|false) config messaging.schema.migrate "$MESSAGING_SCHEMA_MIGRATE" ;;
    *) echo "setup.sh: MESSAGING_SCHEMA_MIGRATE must be true or false" >&2; exit 2 ;;
  esac
fi
# Any other configuration key: MESSAGING_PROPERTIES="key=value key=value" (values without spaces).
for pair in ${MESSAGING_PROPERTIES:-}; do
  case "$pair" in
    *=*) config "${pair%%=*}" "${pair#*=}" ;;
    *) echo "setup.sh: MESSAGING_PROPERTIES holds '$pair', which is not key=value" >&2; exit 2 ;;
  esac
done

echo "Send rate"
# Only when given: otherwise the EAR's defaults apply (or what an earlier run set; see docs/operations.md).
if [ -n "${MESSAGING_SEND_RATE_CAPACITY:-}" ]; then config messaging.send.rate.capacity "$MESSAGING_SEND_RATE_CAPACITY"; fi
if [ -n "${MESSAGING_SEND_RATE_PER_MINUTE:-}" ]; then config messaging.send.rate.per-minute "$MESSAGING_SEND_RATE_PER_MINUTE"; fi

echo "WebSocket and presence"
# Only when given, like the send rate: otherwise the EAR's defaults apply (docs/api.md, "WebSocket").
if [ -n "${MESSAGING_WS_ALLOWED_ORIGINS:-}" ]; then config messaging.ws.allowed-origins "$MESSAGING_WS_ALLOWED_ORIGINS"; fi
if [ -n "${MESSAGING_WS_PING_SECONDS:-}" ]; then config messaging.ws.ping-seconds "$MESSAGING_WS_PING_SECONDS"; fi
if [ -n "${MESSAGING_WS_MAX_PENDING_FRAMES:-}" ]; then config messaging.ws.max-pending-frames "$MESSAGING_WS_MAX_PENDING_FRAMES"; fi
if [ -n "${MESSAGING_WS_MAX_PENDING_BYTES:-}" ]; then config messaging.ws.max-pending-bytes "$MESSAGING_WS_MAX_PENDING_BYTES"; fi
if [ -n "${MESSAGING_PRESENCE_SWEEP_SECONDS:-}" ]; then config messaging.presence.sweep-seconds "$MESSAGING_PRESENCE_SWEEP_SECONDS"; fi

echo "HTTPS listener http-listener-2 with certificate $MESSAGING_TLS_CERT_ALIAS"
# The domain's TLS listener (port base + 81; 8181 by default), TLS 1.2 and 1.3, serving the default
# virtual server where the app is deployed. The app sends HSTS on every answer it gives over it.
network=configs.config.server-config.network-config
if ! asadmin list-network-listeners | grep -qxF http-listener-2; then
  # A default domain has it; one where IT removed it gets it back on port base + 81 (8181).
  asadmin create-http-listener --listeneraddress 0.0.0.0 --listenerport 8181 --defaultvs server --securityenabled=true http-listener-2
fi
settle "$network.network-listeners.network-listener.http-listener-2.*" \
  "$network.network-listeners.network-listener.http-listener-2.enabled=true"
settle "$network.protocols.protocol.http-listener-2.*" \
  "$network.protocols.protocol.http-listener-2.security-enabled=true" \
  "$network.protocols.protocol.http-listener-2.ssl.cert-nickname=$MESSAGING_TLS_CERT_ALIAS" \
  "$network.protocols.protocol.http-listener-2.ssl.tls12-enabled=true" \
  "$network.protocols.protocol.http-listener-2.ssl.tls13-enabled=true"
server=configs.config.server-config.http-service.virtual-server.server
listeners=$(asadmin get "$server.network-listeners" | sed -n "s/^$server.network-listeners=//p" | tr -d ' ')
case ",$listeners," in
  *,http-listener-2,*) ;;
  *) asadmin set "$server.network-listeners=${listeners:+$listeners,}http-listener-2" ;;
esac

# The JSON-P provider Payara ships, named: otherwise every Json.create* call (MP-JWT makes two per request)
# looks it up through ServiceLoader and OSGi. Takes effect at the domain's next restart.
if ! asadmin list-jvm-options | grep -q '^-Djakarta.json.provider='; then
  asadmin create-jvm-options '-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl'
  echo "setup.sh: added -Djakarta.json.provider (faster requests); it applies after the next restart of the domain"
fi

echo "Checking that messagingPool reaches the database"
if ! asadmin ping-connection-pool messagingPool; then
  if [ "$added_driver" = true ] && [ "$RESTART_IF_NEEDED" = true ]; then
    # Payara 6 usually loads a new common library at once; older domains need a restart for it.
    asadmin restart-domain
    asadmin ping-connection-pool messagingPool
  elif [ "$added_driver" = true ]; then
    echo "setup.sh: restart the domain so it loads $jar_name, then check: asadmin ping-connection-pool messagingPool" >&2
    exit 3
  else
    echo "setup.sh: messagingPool cannot reach $DB_HOST:$DB_PORT/$DB_NAME; the configuration is in place, fix the database and re-run" >&2
    exit 1
  fi
fi
echo "Done. Deploy with: asadmin deploy --name messaging messaging.ear"
