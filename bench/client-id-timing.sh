#!/usr/bin/env bash
# Client-id probing and guessing at the token endpoint of the stand-alone server (docs/BENCHMARKS.md).
#
#   bash bench/client-id-timing.sh
#
# Builds the server jar, starts it on an H2 database in a temporary folder with a bootstrap file of two clients: one
# whose secret a person chose (stored as PBKDF2) and one with a generated secret (made with the jar's
# new-client-secret command, stored as SHA-256). Part 1, timing: with the throttle raised out of the way, sends
# ROUNDS rounds of three client_credentials requests with wrong secrets, interleaved: an unknown client id (a new one
# each time), the PBKDF2 client, the SHA-256 client; reports the p50 and p90 of curl's total time for each and the
# ratio of the unknown id to the PBKDF2 client. Part 2, guessing: restarts the server with its default throttle and
# sends GUESSES wrong secrets for the PBKDF2 client as fast as curl goes; reports the statuses, the first 429 and its
# Retry-After, and the server's CPU time over the loop.
#
# Settings (environment): ROUNDS (30), WARMUP (10 rounds, not reported), GUESSES (50), BUILD (1; 0 uses the jar
# already built). Needs java 17+, mvn, curl. The server listens on 127.0.0.1 only; every loop is bounded; the script
# stops what it started, by PID.
set -euo pipefail

ROUNDS="${ROUNDS:-30}"
WARMUP="${WARMUP:-10}"
GUESSES="${GUESSES:-50}"
BUILD="${BUILD:-1}"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
launcher="$root/token-http/target/token-server"
jar="$root/token-http/target/token-server.jar"

for tool in java mvn curl; do
    command -v "$tool" >/dev/null || { echo "timing: $tool is required" >&2; exit 2; }
done
if [[ "$BUILD" == 1 ]]; then
    echo "timing: building the server"
    (cd "$root" && mvn -B -q -pl token-http -am package -DskipTests)
fi
[[ -f "$launcher" && -f "$jar" ]] || { echo "timing: build first (BUILD=1)" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/token-timing.XXXXXX")"
chmod 700 "$work"
server_pid=""
stop_server() {
    [[ -n "$server_pid" ]] || return 0
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 200); do
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
}
cleanup() { stop_server; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

generated="$(java -jar "$jar" new-client-secret)"
machine_secret="$(sed -n 's/^client_secret=//p' <<<"$generated")"
machine_hash="$(sed -n 's/^client_secret_hash=//p' <<<"$generated")"
people_secret="chosen-by-a-person-$RANDOM"
cat >"$work/bootstrap.json" <<JSON
{"clients": [
   {"client_id": "people.app", "client_secret": "$people_secret", "grant_types": ["client_credentials"]},
   {"client_id": "machine", "client_secret_hash": "$machine_hash", "grant_types": ["client_credentials"]}]}
JSON

server_url=""
start_server() { # extra VAR=value settings as arguments
    local port data
    port="$(free_port)"
    data="$work/data-$port"
    mkdir -p "$data"
    env TOKEN_SERVER_HOST=127.0.0.1 TOKEN_SERVER_PORT="$port" TOKEN_DATA_DIR="$data" \
        TOKEN_BOOTSTRAP_FILE="$work/bootstrap.json" "$@" sh "$launcher" >>"$work/server.log" 2>&1 &
    server_pid=$!
    server_url="http://127.0.0.1:$port"
    for _ in $(seq 1 600); do
        kill -0 "$server_pid" 2>/dev/null || { echo "timing: the server exited; log:" >&2; tail -20 "$work/server.log" >&2; exit 1; }
        curl -fs -o /dev/null --max-time 1 "$server_url/healthz" && return 0
        sleep 0.05
    done
    echo "timing: the server did not answer /healthz within 30 s" >&2
    exit 1
}

attempt() { # $1 client id, $2 secret; prints "status seconds"
    curl -s -o /dev/null --max-time 30 -w '%{http_code} %{time_total}\n' \
        --data-urlencode grant_type=client_credentials --data-urlencode "client_id=$1" \
        --data-urlencode "client_secret=$2" "$server_url/oauth/token"
}

percentile() { # $1 file of seconds, $2 percent; prints milliseconds
    sort -n "$1" | awk -v p="$2" '{ v[NR] = $1 } END { i = int((NR * p + 99) / 100); if (i < 1) i = 1; printf "%.1f", v[i] * 1000 }'
}

echo "timing: part 1, wrong secrets with the throttle out of the way ($ROUNDS rounds after $WARMUP warm-up rounds)"
start_server TOKEN_THROTTLE_FAILURES=1000000 TOKEN_THROTTLE_SHARED_FAILURES=1000000
: >"$work/unknown" ; : >"$work/pbkdf2" ; : >"$work/sha256"
for round in $(seq 1 $((WARMUP + ROUNDS))); do
    u="$(attempt "unknown-$round-$RANDOM" "wrong-$round")"
    p="$(attempt people.app "wrong-$round")"
    s="$(attempt machine "wrong-$round")"
    for reply in "$u" "$p" "$s"; do
        [[ "${reply%% *}" == 401 ]] || { echo "timing: expected 401, got $reply" >&2; exit 1; }
    done
    if (( round > WARMUP )); then
        echo "${u#* }" >>"$work/unknown"; echo "${p#* }" >>"$work/pbkdf2"; echo "${s#* }" >>"$work/sha256"
    fi
done
stop_server
printf '%-40s %10s %10s\n' "wrong client secret for" "p50 ms" "p90 ms"
printf '%-40s %10s %10s\n' "an unknown client id" "$(percentile "$work/unknown" 50)" "$(percentile "$work/unknown" 90)"
printf '%-40s %10s %10s\n' "a client with a PBKDF2 secret" "$(percentile "$work/pbkdf2" 50)" "$(percentile "$work/pbkdf2" 90)"
printf '%-40s %10s %10s\n' "a client with a generated SHA-256 secret" "$(percentile "$work/sha256" 50)" "$(percentile "$work/sha256" 90)"
awk -v u="$(percentile "$work/unknown" 50)" -v p="$(percentile "$work/pbkdf2" 50)" \
    'BEGIN { printf "p50 unknown / PBKDF2: %.2f (difference %.1f %%)\n", u / p, (u - p) / p * 100 }'

echo "timing: part 2, $GUESSES wrong secrets for the PBKDF2 client, default throttle"
start_server
cpu_before="$(awk '{ print $14 + $15 }' "/proc/$(pgrep -P "$server_pid" java || echo "$server_pid")/stat" 2>/dev/null || echo 0)"
started="$(date +%s.%N)"
: >"$work/guesses"
for i in $(seq 1 "$GUESSES"); do
    curl -s -D - -o /dev/null --max-time 30 --data-urlencode grant_type=client_credentials \
        --data-urlencode client_id=people.app --data-urlencode "client_secret=guess-$i" "$server_url/oauth/token" \
        | awk -v i="$i" 'NR == 1 { status = $2 } tolower($1) == "retry-after:" { retry = $2 } END { gsub("\r", "", retry); print i, status, retry }' \
        >>"$work/guesses"
done
elapsed="$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')"
cpu_after="$(awk '{ print $14 + $15 }' "/proc/$(pgrep -P "$server_pid" java || echo "$server_pid")/stat" 2>/dev/null || echo 0)"
ok="$(attempt people.app "$people_secret")"
stop_server
echo "$GUESSES guesses in $elapsed s; statuses: $(awk '{ print $2 }' "$work/guesses" | sort | uniq -c | awk '{ printf "%s x %s  ", $1, $2 }')"
awk '$2 == 429 { print "first 429 at guess " $1 ", Retry-After " $3 " s"; exit }' "$work/guesses"
echo "server CPU over the guesses: $(( (cpu_after - cpu_before) * 1000 / $(getconf CLK_TCK) )) ms"
echo "right secret right after the guesses: HTTP ${ok%% *} (429 while the wait lasts)"
