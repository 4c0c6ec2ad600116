# Shared by bin/run and bin/test: what this machine must have before the app or its tests start.

ensure_postgres() {
  if pg_isready -q -h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}"; then return; fi
  if [ "$(id -u)" = 0 ] && command -v pg_ctlcluster >/dev/null; then
    echo "Starting the local PostgreSQL…"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
  fi
  for _ in $(seq 1 30); do pg_isready -q -h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}" && return; sleep 1; done
  echo "PostgreSQL is not reachable at ${DB_HOST:-127.0.0.1}:${DB_PORT:-5432}" >&2
  exit 1
}

# The browser tests drive Debian's Chromium; installed here when missing (needs root, as on this
# project's machines and CI), with a colour emoji font so the emoji picker's screenshots show emoji, not
# empty boxes. Without Chromium the browser tests fail, they are never skipped.
ensure_chromium() {
  local chromium=${UI_CHROMIUM:-/usr/bin/chromium}
  if [ -x "$chromium" ] && [ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ]; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Chromium and an emoji font for the browser tests (apt-get install chromium fonts-noto-color-emoji)…"
    # A machine whose last dpkg run was interrupted refuses every install until it is finished; finish it
    # (a no-op otherwise), and wait for another apt's lock instead of failing at once.
    DEBIAN_FRONTEND=noninteractive dpkg --configure -a >/dev/null
    apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium fonts-noto-color-emoji >/dev/null
  fi
  if [ ! -x "$chromium" ]; then
    echo "Chromium is missing at $chromium: install Debian's chromium package (apt-get install chromium)" >&2
    exit 1
  fi
}

# The integration tests scan with a real ClamAV: Debian's clamav-daemon, installed here when missing (needs root).
# The tests start a clamd of their own with a database holding only the EICAR test signature, made by the
# test set-up; the system service and freshclam are not used, and nothing is downloaded at test time.
ensure_clamav() {
  if [ -x /usr/sbin/clamd ]; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing ClamAV's daemon for the attachment tests (apt-get install clamav-daemon)…"
    DEBIAN_FRONTEND=noninteractive dpkg --configure -a >/dev/null
    apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq clamav-daemon >/dev/null
  fi
  if [ ! -x /usr/sbin/clamd ]; then
    echo "clamd is missing at /usr/sbin/clamd: install Debian's clamav-daemon package (apt-get install clamav-daemon)" >&2
    exit 1
  fi
}

psql_admin() {
  PGPASSWORD=${DB_PASSWORD:-} psql -qAtX -h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}" -U "${DB_USER:-postgres}" -d postgres "$@"
}

ensure_database() {
  if [ -z "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$1'")" ]; then
    psql_admin -c "CREATE DATABASE \"$1\"" >/dev/null
    echo "Created database $1"
  fi
}

pom_property() {
  sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -1
}

# Payara Micro and the JDBC driver, from Maven Central (versions from the parent pom).
fetch_runtime() {
  local dir=$1
  local micro pg
  micro=$(pom_property payara.version)
  pg=$(pom_property postgresql.version)
  [ -f "$dir/payara-micro-$micro.jar" ] || mvn -B -q dependency:copy -Dartifact="fish.payara.extras:payara-micro:$micro" -DoutputDirectory="$dir" -N
  [ -f "$dir/postgresql-$pg.jar" ] || mvn -B -q dependency:copy -Dartifact="org.postgresql:postgresql:$pg" -DoutputDirectory="$dir" -N
  ln -sf "payara-micro-$micro.jar" "$dir/payara-micro.jar"
  ln -sf "postgresql-$pg.jar" "$dir/postgresql.jar"
}

# A dev-only RSA key pair for the dev login; never used outside the embedded default.
dev_keys() {
  local dir=$1
  [ -f "$dir/private.pem" ] && return
  mkdir -p "$dir" && chmod 700 "$dir"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/private.pem" 2>/dev/null
  openssl pkey -in "$dir/private.pem" -pubout -out "$dir/public.pem"
  echo "Created dev login keys in $dir"
}

# A dev-only keystore for encryption at rest (data-1, audit-mac, index-mac), made with the same script IT uses,
# and its random password beside it. Exports MESSAGING_KEYS_PASSWORD; the keystore path is $dir/messaging-keys.p12.
dev_keystore() {
  local dir=$1
  mkdir -p "$dir" && chmod 700 "$dir"
  if [ ! -f "$dir/keystore-password" ]; then
    (umask 077; openssl rand -base64 24 >"$dir/keystore-password")
  fi
  MESSAGING_KEYS_PASSWORD=$(cat "$dir/keystore-password")
  export MESSAGING_KEYS_PASSWORD
  if [ ! -f "$dir/messaging-keys.p12" ]; then
    config/keys/create-keystore.sh "$dir/messaging-keys.p12" 2>/dev/null
  fi
}

# Starts the WAR on Payara Micro in the background, as the embedded default runs (dev login on, keys from
# dev_keys and dev_keystore in $keys), and sets micro_pid. bin/run and bin/bench realtime both start it
# here, so the benchmark measures what bin/run runs. DB_* must be exported (post-boot.asadmin reads them).
#   start_micro run_dir port keys_dir log [more JVM options, e.g. -Dmessaging.demo.data=true]
start_micro() {
  local run_dir=$1 port=$2 keys=$3 log=$4
  shift 4
  # jakarta.json.provider: every Json.create* call (Payara's MP-JWT makes two per request) otherwise looks the
  # provider up through ServiceLoader and OSGi, scanning jars: about a tenth of the server's CPU under load.
  # The caller's options come last: a later -D wins, so bin/run --keycloak can point MP-JWT elsewhere.
  java -Xmx512m -Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl \
    -Dmessaging.dev.login=true \
    -Dmessaging.dev.jwt.private-key.location="$keys/private.pem" \
    -Dmessaging.keys.keystore="$keys/messaging-keys.p12" \
    -Dmp.jwt.verify.publickey.location="file://$keys/public.pem" \
    -Dmp.jwt.verify.issuer=https://dev-login.invalid/care-messaging \
    "$@" -jar "$run_dir/payara-micro.jar" --nohazelcast --port "$port" --contextroot messaging \
    --addlibs "$run_dir/postgresql.jar" --postbootcommandfile config/payara-micro/post-boot.asadmin \
    --deploy messaging-web/target/messaging.war >"$log" 2>&1 &
  micro_pid=$!
}

# A JDK of release 21 or later for Keycloak (the app's Java may be 17): KEYCLOAK_JAVA_HOME, JAVA_HOME, or the
# newest under /usr/lib/jvm. Prints its path.
keycloak_java() {
  local home release best='' best_release=0
  for home in ${KEYCLOAK_JAVA_HOME:-} ${JAVA_HOME:-} /usr/lib/jvm/*; do
    [ -x "$home/bin/java" ] && [ -f "$home/release" ] || continue
    release=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9]*\).*/\1/p' "$home/release")
    if [ -n "${KEYCLOAK_JAVA_HOME:-}" ] && [ "$home" = "${KEYCLOAK_JAVA_HOME:-}" ]; then best=$home; break; fi
    if [ "${release:-0}" -ge 21 ] && [ "$release" -gt "$best_release" ]; then best=$home; best_release=$release; fi
  done
  if [ -z "$best" ]; then
    echo "Keycloak needs Java 21 or later: none under JAVA_HOME or /usr/lib/jvm (set KEYCLOAK_JAVA_HOME)" >&2
    exit 1
  fi
  echo "$best"
}

# Keycloak from Maven Central (the version the tests use), unpacked under $dir, started with start-dev on $port
# with the test realm imported into a fresh data directory (its redirect URIs name $app_origin). Sets
# keycloak_pid; the admin console's password is in $dir/admin-password.
#   start_keycloak dir port app_origin log
start_keycloak() {
  local dir=$1 port=$2 origin=$3 log=$4 version home java
  version=$(pom_property keycloak.version)
  home=$dir/keycloak-$version
  [ -x "$home/bin/kc.sh" ] || mvn -B -q dependency:unpack -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip" -DoutputDirectory="$dir" -N
  java=$(keycloak_java)
  rm -rf "$home/data" && mkdir -p "$home/data/import"
  cp messaging-web/src/test/resources/keycloak/care-realm.json "$home/data/import/"
  [ -f "$dir/admin-password" ] || (umask 077; openssl rand -hex 16 >"$dir/admin-password")
  JAVA_HOME=$java JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" CARE_APP_ORIGIN=$origin \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=$(cat "$dir/admin-password") \
    "$home/bin/kc.sh" start-dev --http-port="$port" --import-realm >"$log" 2>&1 &
  keycloak_pid=$!
}
