#!/usr/bin/env bash
# Adds the search index's master key (index-mac, HmacSHA256, 256 bits) to an existing Care Messaging
# keystore that has none: one made by create-keystore.sh before search existed. IT runs it with its own
# access to the keystore; the application never writes the key itself and refuses to start without it.
# Does nothing to a keystore that already holds index-mac, so it is safe to run again.
#   MESSAGING_KEYS_PASSWORD='…' config/keys/add-index-key.sh /secure/path/messaging-keys.p12
# Back the keystore up afterwards. Several nodes sharing the file see the key within two seconds.
set -euo pipefail
keystore=${1:?usage: add-index-key.sh <keystore.p12>  (password in MESSAGING_KEYS_PASSWORD)}
: "${MESSAGING_KEYS_PASSWORD:?set MESSAGING_KEYS_PASSWORD to the keystore password}"
[ -f "$keystore" ] || { echo "add-index-key.sh: $keystore is not a file (create one with config/keys/create-keystore.sh)" >&2; exit 2; }
keytool=${JAVA_HOME:+$JAVA_HOME/bin/}keytool
# keytool reads the password from the environment variable named after :env, never from the command line.
if ! "$keytool" -list -storetype PKCS12 -keystore "$keystore" -storepass:env MESSAGING_KEYS_PASSWORD >/dev/null 2>&1; then
  echo "add-index-key.sh: $keystore does not open with MESSAGING_KEYS_PASSWORD (wrong password, or not a PKCS12 keystore)" >&2
  exit 2
fi
if "$keytool" -list -alias index-mac -storetype PKCS12 -keystore "$keystore" -storepass:env MESSAGING_KEYS_PASSWORD >/dev/null 2>&1; then
  echo "$keystore already holds index-mac"
  exit 0
fi
if [ ! -w "$keystore" ]; then
  echo "add-index-key.sh: $keystore has no index-mac and cannot be written by $(id -un); run this where IT may write it" >&2
  exit 3
fi
umask 077
"$keytool" -genseckey -alias index-mac -keyalg HmacSHA256 -keysize 256 -storetype PKCS12 \
  -keystore "$keystore" -storepass:env MESSAGING_KEYS_PASSWORD >/dev/null
echo "Added index-mac to $keystore; back the keystore up"
