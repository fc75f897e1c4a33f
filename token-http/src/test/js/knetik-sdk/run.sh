#!/usr/bin/env bash
# Compatibility test with the published JavaScript SDK of the Knetik API (@knetik/knetikcloud-sdk, pinned in
# package-lock.json).
#
# Starts the stand-alone token server (token-http/target/token-server.jar, which this script does not build) on
# 127.0.0.1, on a fresh H2 file database in a temporary folder, with a bootstrap file of test clients and users
# and a fresh sealing key; waits for GET /healthz; installs the SDK with `npm ci`; runs compat.test.js against
# the server; stops the server by its PID. Exits non-zero when anything fails.
#
# Needs: java 17+, node 20+ with npm, curl. Optional: TOKEN_SERVER_JAR (another jar), JAVA_OPTS,
# KNETIK_SDK_SERVER_LOG (a file to copy the server log to).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../../.." && pwd)"
jar="${TOKEN_SERVER_JAR:-$root/token-http/target/token-server.jar}"

for tool in java node npm curl; do
    command -v "$tool" >/dev/null || { echo "knetik-sdk: $tool is required" >&2; exit 2; }
done
if [[ ! -f "$jar" ]]; then
    echo "knetik-sdk: $jar is missing; build it first: mvn -B -pl token-http -am package -DskipTests" >&2
    exit 2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/knetik-sdk.XXXXXX")"
chmod 700 "$work"
server_pid=""

stop_server() {
    [[ -n "$server_pid" ]] || return 0
    local pid="$server_pid"
    server_pid=""
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid"
    for _ in $(seq 1 150); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
        sleep 0.1
    done
    echo "knetik-sdk: the server did not stop within 15 s of SIGTERM; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    return 1
}

cleanup() {
    local status=$?
    stop_server || status=1
    if [[ $status -ne 0 && -f "$work/server.log" ]]; then
        echo "--- server log (last 100 lines) ---" >&2
        tail -n 100 "$work/server.log" >&2
    fi
    if [[ -n "${KNETIK_SDK_SERVER_LOG:-}" && -f "$work/server.log" ]]; then
        cp "$work/server.log" "$KNETIK_SDK_SERVER_LOG"
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

random() { # $1 bytes, $2 encoding
    node -e "process.stdout.write(require('node:crypto').randomBytes($1).toString('$2'))"
}

free_port() {
    node -e "const s = require('node:net').createServer();
        s.listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });"
}

# Test identities. The first user's password holds spaces and '+'; the second user's name holds a space, '+',
# '/' and '@', so form and path encoding are both exercised.
export ADMIN_CLIENT_ID="admin-cli"
ADMIN_CLIENT_SECRET="$(random 24 base64url)"
export ADMIN_CLIENT_SECRET
export ADMIN_SCOPES="tokens"
export WEB_CLIENT_ID="web.app"
WEB_CLIENT_SECRET="$(random 24 base64url)"
export WEB_CLIENT_SECRET
export WEB_SCOPES="read write"
export PUBLIC_CLIENT_ID="mobile.app"
export PUBLIC_SCOPES="read"
export USER_NAME="jane.doe@example.com"
USER_PASSWORD="pa ss+word $(random 9 base64url)"
export USER_PASSWORD
export SECOND_USER_NAME="john smith+ops/1@example.org"
SECOND_USER_PASSWORD="$(random 12 base64url)+ +x"
export SECOND_USER_PASSWORD
export ACCESS_TTL_SECONDS="1800"

bootstrap="$work/bootstrap.json"
(umask 077 && node -e '
const e = process.env;
const scopes = (name) => e[name].split(" ");
process.stdout.write(JSON.stringify({
    clients: [
        { client_id: e.ADMIN_CLIENT_ID, client_secret: e.ADMIN_CLIENT_SECRET, grant_types: ["client_credentials"],
          scopes: scopes("ADMIN_SCOPES"), authorities: ["TOKENS_ADMIN"] },
        { client_id: e.WEB_CLIENT_ID, client_secret: e.WEB_CLIENT_SECRET, grant_types: ["password", "refresh_token"],
          scopes: scopes("WEB_SCOPES") },
        { client_id: e.PUBLIC_CLIENT_ID, grant_types: ["password"], scopes: scopes("PUBLIC_SCOPES") },
    ],
    users: [
        { username: e.USER_NAME, password: e.USER_PASSWORD, authorities: [] },
        { username: e.SECOND_USER_NAME, password: e.SECOND_USER_PASSWORD, authorities: [] },
    ],
}, null, 2));' >"$bootstrap")

port="$(free_port)"
export TOKEN_SERVER_URL="http://127.0.0.1:$port"

echo "knetik-sdk: starting $jar on 127.0.0.1:$port (data in $work)"
(
    cd "$work"
    exec env -u TOKEN_DB_USER -u TOKEN_DB_PASSWORD -u TOKEN_REFRESH_TTL \
        TOKEN_SERVER_HOST="127.0.0.1" \
        TOKEN_SERVER_PORT="$port" \
        TOKEN_ISSUER="$TOKEN_SERVER_URL" \
        TOKEN_DB_URL="jdbc:h2:file:$work/db/tokens" \
        TOKEN_DATA_DIR="$work/data" \
        TOKEN_SEALING_KEY="$(random 32 base64)" \
        TOKEN_ACCESS_TTL="$ACCESS_TTL_SECONDS" \
        TOKEN_BOOTSTRAP_FILE="$bootstrap" \
        java ${JAVA_OPTS:-} -jar "$jar"
) >"$work/server.log" 2>&1 &
server_pid=$!

healthy=""
for _ in $(seq 1 240); do
    if ! kill -0 "$server_pid" 2>/dev/null; then
        wait "$server_pid" 2>/dev/null && code=0 || code=$?
        server_pid=""
        echo "knetik-sdk: the server exited during start-up (status $code)" >&2
        exit 1
    fi
    if curl -fsS -o /dev/null --max-time 2 "$TOKEN_SERVER_URL/healthz" 2>/dev/null; then
        healthy="yes"
        break
    fi
    sleep 0.5
done
if [[ -z "$healthy" ]]; then
    echo "knetik-sdk: GET /healthz did not answer 2xx within 120 s" >&2
    exit 1
fi

cd "$here"
npm ci --no-audit --no-fund --loglevel=error
export ISSUED_TOKENS_FILE="$work/issued-tokens"
node --test --test-reporter=spec compat.test.js

if grep -qF -e "$ADMIN_CLIENT_SECRET" -e "$WEB_CLIENT_SECRET" -e "$USER_PASSWORD" -e "$SECOND_USER_PASSWORD" \
        "$work/server.log"; then
    echo "knetik-sdk: the server log shows a client secret or a password" >&2
    exit 1
fi
if [[ ! -s "$ISSUED_TOKENS_FILE" ]]; then
    echo "knetik-sdk: the test wrote no issued token values" >&2
    exit 1
fi
if grep -qF -f "$ISSUED_TOKENS_FILE" "$work/server.log"; then
    echo "knetik-sdk: the server log shows a token value" >&2
    exit 1
fi
echo "knetik-sdk: the published SDK works against the server"
