#!/usr/bin/env bash
# Care Messaging administration over the application's admin API.
#
#   MESSAGING_URL    the application, e.g. https://messaging.hospital.example/messaging
#   MESSAGING_TOKEN  a bearer token from the identity provider: of a practice admin (their practice's
#                    audit trail) or of hospital IT, role operator (keys, and every practice's trail)
#
#   messaging-admin.sh audit verify
#       Verifies the audit chains the caller may see; prints the result as JSON.
#   messaging-admin.sh audit export --from TIME --to TIME [--account ID] [--client ID] [--format json|csv]
#       Prints the audit events in [from, to) (ISO-8601 with offset, e.g. 2026-11-01T00:00:00Z; at most
#       366 days), of one account (as actor or target) and/or one client.
#   messaging-admin.sh keys status
#       The data keys, the primary, and how many stored values each key still protects (operator).
#   messaging-admin.sh keys rotate
#       Adds a new primary key; new writes use it at once, older values are re-encrypted in the background.
#   messaging-admin.sh keys retire ID
#       Removes data key ID from the keystore once no stored value uses it and it is not the primary.
#   messaging-admin.sh practices list
#       Every practice: id, name, createdAt, how many members and clients (operator; no names of people).
#   messaging-admin.sh practices create --name NAME --admin-name NAME [--admin-email EMAIL] [--admin-external-id ID]
#       Founds a practice with its first admin (operator); prints the answer as JSON, then the admin's
#       invitation link (single use, shown this once): hand it to the admin, who opens it and signs in.
#   messaging-admin.sh practices invite PRACTICE_ID
#       A new invitation link for the practice's first admin while they have not signed up (the first one
#       expired or went astray); the earlier link stops working (operator).
#
# Exit codes: 0 done (verify: the chain is intact), 1 verify found a broken link, 2 usage, 3 the request
# was refused or failed (the problem document is printed on stderr).
set -euo pipefail

usage() {
  # The comment block at the top of this file.
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2
  exit 2
}

# GET an API path; extra arguments go to curl.
api_get() {
  local path=$1 accept=$2
  shift 2
  api_request "$path" "$accept" --get "$@"
}

# Calls an API path; extra arguments go to curl. The token reaches curl through a file descriptor, so it
# never shows up in the process list.
api_request() {
  local path=$1 accept=$2
  shift 2
  local body status
  body=$(mktemp)
  if ! status=$(curl -sS -o "$body" -w '%{http_code}' -H "Accept: $accept" \
      -H @<(printf 'Authorization: Bearer %s\n' "$MESSAGING_TOKEN") "$@" "${MESSAGING_URL%/}/api$path"); then
    rm -f "$body"
    echo "messaging-admin: cannot reach $MESSAGING_URL" >&2
    exit 3
  fi
  if [[ "$status" != 2?? ]]; then
    cat "$body" >&2
    echo >&2
    rm -f "$body"
    echo "messaging-admin: HTTP $status" >&2
    exit 3
  fi
  cat "$body"
  rm -f "$body"
}

audit_verify() {
  [ $# -eq 0 ] || usage
  local result
  result=$(api_get /admin/audit/verification application/json)
  echo "$result"
  # The server writes compact JSON: "ok":true only when every link held.
  case "$result" in
    *'"ok":true'*) exit 0 ;;
    *) exit 1 ;;
  esac
}

audit_export() {
  local format=json args=()
  while [ $# -gt 0 ]; do
    [ $# -ge 2 ] || usage
    case "$1" in
      --from) args+=(--data-urlencode "from=$2") ;;
      --to) args+=(--data-urlencode "to=$2") ;;
      --account) args+=(--data-urlencode "accountId=$2") ;;
      --client) args+=(--data-urlencode "clientId=$2") ;;
      --format) format=$2 ;;
      *) usage ;;
    esac
    shift 2
  done
  case "$format" in
    json) api_get /admin/audit/events application/json "${args[@]}" --data-urlencode "format=json" ;;
    csv) api_get /admin/audit/events text/csv "${args[@]}" --data-urlencode "format=csv" ;;
    *) usage ;;
  esac
}

keys() {
  case "$1:$#" in
    status:1) api_get /admin/keys application/json ;;
    rotate:1) api_request /admin/keys/rotation application/json -X POST ;;
    retire:2)
      [[ "$2" =~ ^[1-9][0-9]{0,8}$ ]] || usage
      api_request "/admin/keys/$2" application/json -X DELETE ;;
    *) usage ;;
  esac
  echo
}

# A JSON string of the text: backslash, quote and the usual control characters escaped.
json_string() {
  local text=$1
  text=${text//\\/\\\\}
  text=${text//\"/\\\"}
  text=${text//$'\n'/\\n}
  text=${text//$'\r'/\\r}
  text=${text//$'\t'/\\t}
  printf '"%s"' "$text"
}

practices_create() {
  local name= admin_name= admin_email= admin_external_id= admin body answer
  while [ $# -gt 0 ]; do
    [ $# -ge 2 ] || usage
    case "$1" in
      --name) name=$2 ;;
      --admin-name) admin_name=$2 ;;
      --admin-email) admin_email=$2 ;;
      --admin-external-id) admin_external_id=$2 ;;
      *) usage ;;
    esac
    shift 2
  done
  [ -n "$name" ] && [ -n "$admin_name" ] || usage
  admin="\"displayName\":$(json_string "$admin_name")"
  [ -z "$admin_email" ] || admin+=",\"email\":$(json_string "$admin_email")"
  [ -z "$admin_external_id" ] || admin+=",\"externalId\":$(json_string "$admin_external_id")"
  body="{\"name\":$(json_string "$name"),\"admin\":{$admin}}"
  # The body through a file descriptor too: names stay out of the process list.
  answer=$(api_request /operator/practices application/json -X POST -H 'Content-Type: application/json' \
      --data-binary @<(printf '%s' "$body"))
  echo "$answer"
  print_link "$answer"
}

# The first admin's link in an answer that carries an invitation.
print_link() {
  local code expires
  # The server writes compact JSON; the code is 43 URL-safe characters.
  code=$(printf '%s' "$1" | sed -n 's/.*"code":"\([A-Za-z0-9_-]\{43\}\)".*/\1/p')
  expires=$(printf '%s' "$1" | sed -n 's/.*"expiresAt":"\([^"]*\)".*/\1/p')
  [ -n "$code" ] || { echo "messaging-admin: the answer holds no invitation code" >&2; exit 3; }
  echo
  echo "Invitation for the practice's first admin (single use, valid until $expires):"
  echo "${MESSAGING_URL%/}/#invitation=$code"
  echo "The admin signs in with an account of the identity provider that has the admin role."
}

practices_invite() {
  [ $# -eq 1 ] && [[ "$1" =~ ^[0-9a-fA-F-]{36}$ ]] || usage
  local answer
  answer=$(api_request "/operator/practices/$1/invitation" application/json -X POST)
  echo "$answer"
  print_link "$answer"
}

practices() {
  case "$1" in
    list) [ $# -eq 1 ] || usage; api_get /operator/practices application/json; echo ;;
    create) shift; practices_create "$@" ;;
    invite) shift; practices_invite "$@" ;;
    *) usage ;;
  esac
}

[ $# -ge 2 ] || usage
for name in MESSAGING_URL MESSAGING_TOKEN; do
  [ -n "${!name:-}" ] || { echo "messaging-admin: set $name" >&2; exit 2; }
done
command=$1 subcommand=$2
shift 2
case "$command $subcommand" in
  "audit verify") audit_verify "$@" ;;
  "audit export") audit_export "$@" ;;
  "keys "*) keys "$subcommand" "$@" ;;
  "practices "*) practices "$subcommand" "$@" ;;
  *) usage ;;
esac
