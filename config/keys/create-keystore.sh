#!/usr/bin/env bash
# Creates Care Messaging's keystore: a PKCS12 file holding the first data key (data-1, AES-256), the
# audit trail's MAC key (audit-mac, HmacSHA256, 256 bits) and the search index's master key (index-mac,
# HmacSHA256, 256 bits; each practice's index key is derived from it), protected by the password in
# MESSAGING_KEYS_PASSWORD. Uses only the JDK's keytool. Refuses to overwrite an existing keystore.
#   config/keys/create-keystore.sh /secure/path/messaging-keys.p12
# Then point the application at it (docs/operations.md, "Keys"): messaging.keys.keystore=<path> and the password as
# the password alias messaging.keys.password (Payara) or the environment variable MESSAGING_KEYS_PASSWORD.
set -euo pipefail
keystore=${1:?usage: create-keystore.sh <keystore.p12>  (password in MESSAGING_KEYS_PASSWORD)}
: "${MESSAGING_KEYS_PASSWORD:?set MESSAGING_KEYS_PASSWORD to the keystore password (at least 12 characters)}"
if [ ${#MESSAGING_KEYS_PASSWORD} -lt 12 ]; then
  echo "create-keystore.sh: MESSAGING_KEYS_PASSWORD must have at least 12 characters" >&2
  exit 2
fi
if [ -e "$keystore" ]; then
  echo "create-keystore.sh: $keystore exists; rotate keys through the admin API instead of replacing it" >&2
  exit 2
fi
mkdir -p "$(dirname "$keystore")"
umask 077
keytool=${JAVA_HOME:+$JAVA_HOME/bin/}keytool
# keytool reads the password from the environment variable named after :env, never from the command line.
"$keytool" -genseckey -alias data-1 -keyalg AES -keysize 256 -storetype PKCS12 \
  -keystore "$keystore" -storepass:env MESSAGING_KEYS_PASSWORD >/dev/null
"$keytool" -genseckey -alias audit-mac -keyalg HmacSHA256 -keysize 256 -storetype PKCS12 \
  -keystore "$keystore" -storepass:env MESSAGING_KEYS_PASSWORD >/dev/null
"$keytool" -genseckey -alias index-mac -keyalg HmacSHA256 -keysize 256 -storetype PKCS12 \
  -keystore "$keystore" -storepass:env MESSAGING_KEYS_PASSWORD >/dev/null
chmod 600 "$keystore"
echo "Created $keystore with data-1, audit-mac and index-mac"
