#!/usr/bin/env bash
# Time to first token of the stand-alone server: from the JVM launch to the first 200 of POST /oauth/token
# (client_credentials, HTTP Basic), on the embedded H2 file database.
#
#   bench/startup.sh [runs [launcher]]   # default: 5 runs per case, token-http/target/token-server
#
# Two cases:
#   (a) first start: an empty data folder and a bootstrap file (migrations run, the client is imported);
#   (b) restart:     the data folder of an earlier start (migrations find nothing to do, the import updates).
# Prints each run's time and the median in ms, the median CPU time the server used until then (user + system, all
# threads: less disturbed than the wall time when other work shares the machine), and its resident memory then.
#
# Builds nothing: build first with `mvn -B -pl token-http -am package -DskipTests`. Uses the launcher script
# token-http/target/token-server (or the one given, e.g. a copy of an older build with its jar, to compare), so its
# JVM settings apply; JAVA and JAVA_OPTS are passed on to it.
# The bootstrap secret is stored pre-hashed ($sha256$), so no password hashing is timed.
set -euo pipefail

runs=${1:-5}
if ! [[ $runs =~ ^[1-9][0-9]*$ ]] || (($# > 2)); then
    echo "usage: $0 [runs [launcher]]" >&2
    exit 2
fi

root=$(cd "$(dirname "$0")/.." && pwd)
launcher=${2:-$root/token-http/target/token-server}
if [[ ! -f $launcher || ! -f $(dirname "$launcher")/token-server.jar ]]; then
    echo "no $launcher and token-server.jar beside it: build with 'mvn -B -pl token-http -am package -DskipTests'" >&2
    exit 1
fi

readonly timeout_ms=30000
ticks=$(getconf CLK_TCK)
work=$(mktemp -d "${TMPDIR:-/tmp}/startup-bench.XXXXXX")
server_pid=

stop_server() {
    if [[ -n $server_pid ]]; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=
    fi
}

cleanup() {
    stop_server
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ms() {
    echo $(($(date +%s%N) / 1000000))
}

# A port nobody listens on, from the dynamic range.
free_port() {
    local port attempt
    for attempt in $(seq 1 50); do
        port=$((49152 + RANDOM % 16000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    echo "no free port found" >&2
    exit 1
}

secret=$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
hash=$(printf %s "$secret" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=')
bootstrap="$work/bootstrap.json"
cat >"$bootstrap" <<EOF
{"clients": [{"client_id": "bench-cc", "client_secret_hash": "\$sha256\$$hash",
              "grant_types": ["client_credentials"], "scopes": ["read"]}]}
EOF

# True while the server runs (an exited, not yet reaped child is a zombie: state Z).
server_alive() {
    local state
    state=$(awk '/^State:/ { print $2 }' "/proc/$server_pid/status" 2>/dev/null || true)
    [[ -n $state && $state != Z ]]
}

# Starts the server on data folder $1, waits for its first token, and stops it; sets ms, and cpu_ms and kib (its
# CPU time and RSS then).
first_token() {
    local data=$1 port started code elapsed
    port=$(free_port)
    started=$(now_ms)
    TOKEN_SERVER_HOST=127.0.0.1 TOKEN_SERVER_PORT=$port TOKEN_DATA_DIR=$data TOKEN_BOOTSTRAP_FILE=$bootstrap \
        sh "$launcher" >>"$work/server.log" 2>&1 &
    server_pid=$!   # the launcher execs java: this is the JVM's PID
    while :; do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -u "bench-cc:$secret" \
            -d grant_type=client_credentials "http://127.0.0.1:$port/oauth/token" || true)
        [[ $code == 200 ]] && break
        elapsed=$(($(now_ms) - started))
        if ! server_alive || ((elapsed > timeout_ms)); then
            echo "no token after ${elapsed} ms (last status $code); server log:" >&2
            tail -n 20 "$work/server.log" >&2
            exit 1
        fi
        sleep 0.01
    done
    ms=$(($(now_ms) - started))
    kib=$(awk '/^VmRSS:/ { print $2 }' "/proc/$server_pid/status")
    # utime and stime, fields 14 and 15 of /proc/PID/stat (after the command name in parentheses), in ticks.
    cpu_ms=$(sed 's/.*) //' "/proc/$server_pid/stat" | awk -v hz="$ticks" '{ print int(($12 + $13) * 1000 / hz) }')
    stop_server
}

median() {
    sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

report() {
    local name=$1 times=$2 cpu=$3 rss=$4
    printf '%-28s median %s ms (runs: %s), CPU %s ms, RSS %s MiB\n' "$name" \
        "$(tr ' ' '\n' <<<"$times" | median)" "$times" "$(tr ' ' '\n' <<<"$cpu" | median)" \
        "$(tr ' ' '\n' <<<"$rss" | median | awk '{ printf "%.0f", $1 / 1024 }')"
}

ms=0 cpu_ms=0 kib=0
first_times=() first_cpu=() first_rss=() restart_times=() restart_cpu=() restart_rss=()
for run in $(seq 1 "$runs"); do
    data="$work/data-$run"
    first_token "$data"
    first_times+=("$ms") first_cpu+=("$cpu_ms") first_rss+=("$kib")
    echo "run $run: (a) first start $ms ms (CPU $cpu_ms ms)" >&2
    first_token "$data"
    restart_times+=("$ms") restart_cpu+=("$cpu_ms") restart_rss+=("$kib")
    echo "run $run: (b) restart $ms ms (CPU $cpu_ms ms)" >&2
    rm -rf "$data"
done

report "(a) first start, empty data" "${first_times[*]}" "${first_cpu[*]}" "${first_rss[*]}"
report "(b) restart, existing data" "${restart_times[*]}" "${restart_cpu[*]}" "${restart_rss[*]}"
