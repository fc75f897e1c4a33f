#!/usr/bin/env bash
# HTTP load benchmark of the stand-alone token server, side by side with a ceiling (docs/BENCHMARKS.md).
#
#   bash bench/load.sh
#
# Builds the server and the benchmark tools, starts the server through its launcher script on its embedded
# defaults (H2 file database in a temporary folder) with a bootstrap file of benchmark clients, checks with curl
# that a token comes back, then for each scenario alternates the server and the ceiling (a bare servlet on the
# same Jetty answering the same URL with a fixed JSON body of the same size), ROUNDS times each, with wrk. The
# scenarios that write (client_credentials, refresh, password) alternate with a second ceiling too, the durable
# ceiling: the same servlet, which first appends a 200-byte record (a stored token row) to a file in the temporary
# folder and waits for a group commit of FileChannel.force(false). Reports the medians: requests/s, p50/p99
# latency, non-2xx answers, the server's CPU time per request, its RSS, and the ratios server/ceiling and
# server/durable ceiling. Also: start-up time to the first token, and GET /auth/tokens at TOKENS stored tokens.
#
# Settings (environment): ROUNDS (3), DURATION (10 s per run), WARMUP (60 s: on two cores the JIT is still busy 40 s into the load), THREADS (2), CONNECTIONS (32),
# TOKENS (1000000; 0 skips the admin-list scenario), SCENARIOS (client_credentials client_credentials_jwt refresh
# introspection password admin_list startup), BUILD (1; 0 uses the jars already built), OUT (bench/target/load-results.md).
# TOKEN_DB_URL, TOKEN_DB_USER, TOKEN_DB_PASSWORD: run the server on that database (PostgreSQL) instead of its
# embedded H2 file; admin_list (which seeds an H2 file) and startup (which times the embedded default) are skipped.
# Needs java 17+, mvn, curl, wrk (Debian: apt-get install -y wrk). Servers listen on 127.0.0.1 only; every run is
# bounded by DURATION; the script stops what it started, by PID.
set -euo pipefail

ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-60}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
TOKENS="${TOKENS:-1000000}"
SCENARIOS="${SCENARIOS:-client_credentials client_credentials_jwt refresh introspection password admin_list startup}"
BUILD="${BUILD:-1}"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${OUT:-$root/bench/target/load-results.md}"
launcher="$root/token-http/target/token-server"
tools="$root/bench/target/benchmarks.jar"
wrk_dir="$root/bench/wrk"

for tool in java mvn curl wrk; do
    command -v "$tool" >/dev/null || { echo "load: $tool is required${tool/wrk/ (apt-get install -y wrk)}" >&2; exit 2; }
done
if [[ "$BUILD" == 1 ]]; then
    echo "load: building the server and the benchmark tools"
    (cd "$root" && mvn -B -q -Pbenchmarks -pl bench -am package -DskipTests)
fi
[[ -f "$launcher" && -f "$tools" ]] || { echo "load: build first (BUILD=1)" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/token-load.XXXXXX")"
chmod 700 "$work"
pids=()

stop() { # $1 pid: SIGTERM, wait up to 20 s, then SIGKILL
    local pid="$1"
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 200); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    local status=$?
    for pid in "${pids[@]}"; do stop "$pid"; done
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    local port
    for _ in $(seq 1 100); do
        port=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
    done
    echo "load: no free port" >&2
    return 1
}
random_secret() { head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'; }
hash_secret() { printf %s "$2" | java -cp "$tools" dev.tokenservice.bench.HashSecret "$1"; }
basic() { printf '%s:%s' "$1" "$2" | base64 -w0; }
cpu_ms() { # utime + stime of a process, in ms
    awk -v tck="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / tck) }' "/proc/$1/stat"
}
rss_mib() { awk '/^VmRSS:/ { print int($2 / 1024) }' "/proc/$1/status"; }
hwm_mib() { awk '/^VmHWM:/ { print int($2 / 1024) }' "/proc/$1/status"; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2];
                                            else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
field() { sed -n "s/.*[ ]$1=\([^ ]*\).*/\1/p"; } # a key=value of a RESULT line

# --- Benchmark identities: generated secrets stored as SHA-256, a password at the default PBKDF2 cost. ---
cc_secret="$(random_secret)"
jwt_secret="$(random_secret)"
admin_secret="$(random_secret)"
web_secret="$(random_secret)"
user_password="$(random_secret)"
bootstrap="$work/bootstrap.json"
cat >"$bootstrap" <<JSON
{"clients": [
   {"client_id": "bench-cc", "client_secret_hash": "$(hash_secret sha256 "$cc_secret")",
    "grant_types": ["client_credentials"], "scopes": ["read"]},
   {"client_id": "bench-cc-jwt", "client_secret_hash": "$(hash_secret sha256 "$jwt_secret")",
    "grant_types": ["client_credentials"], "scopes": ["read"], "access_token_format": "jwt"},
   {"client_id": "bench-admin", "client_secret_hash": "$(hash_secret sha256 "$admin_secret")",
    "grant_types": ["client_credentials"], "scopes": ["tokens"], "authorities": ["TOKENS_ADMIN"]},
   {"client_id": "bench-web", "client_secret_hash": "$(hash_secret sha256 "$web_secret")",
    "grant_types": ["password", "refresh_token"], "scopes": ["read"]}],
 "users": [{"username": "bench-user", "password_hash": "$(hash_secret pbkdf2 "$user_password")"}]}
JSON
cc_auth="Basic $(basic bench-cc "$cc_secret")"
jwt_auth="Basic $(basic bench-cc-jwt "$jwt_secret")"
admin_auth="Basic $(basic bench-admin "$admin_secret")"
web_auth="Basic $(basic bench-web "$web_secret")"
password_body="grant_type=password&username=bench-user&password=$user_password"

server_pid=""
server_url=""
start_server() { # $1 data folder; sets server_pid and server_url; returns once /healthz answers
    local data="$1" port
    port="$(free_port)"
    mkdir -p "$data"
    TOKEN_SERVER_HOST=127.0.0.1 TOKEN_SERVER_PORT="$port" TOKEN_ISSUER="http://127.0.0.1:$port" \
        TOKEN_DATA_DIR="$data" TOKEN_BOOTSTRAP_FILE="$bootstrap" \
        sh "$launcher" >>"$work/server.log" 2>&1 &
    server_pid=$!
    pids+=("$server_pid")
    server_url="http://127.0.0.1:$port"
    for _ in $(seq 1 600); do
        kill -0 "$server_pid" 2>/dev/null || { echo "load: the server exited; log:" >&2; tail -20 "$work/server.log" >&2; exit 1; }
        curl -fs -o /dev/null --max-time 1 "$server_url/healthz" && return 0
        sleep 0.05
    done
    echo "load: the server did not answer /healthz within 30 s" >&2
    exit 1
}

ceiling_pid=""
ceiling_url=""
durable_pid=""
durable_url=""
durable_records="$work/durable-ceiling.records"
start_ceiling() { # $1 ceiling|durable, then PATH=BYTES pairs; sets ${1}_pid and ${1}_url
    local side="$1" port url
    shift
    port="$(free_port)"
    if [[ "$side" == durable ]]; then
        set -- "--durable=$durable_records" "$@"
    fi
    java -cp "$tools" dev.tokenservice.bench.CeilingServer "$port" "$@" >>"$work/$side.log" 2>&1 &
    printf -v "${side}_pid" %s "$!"
    pids+=("$!")
    url="http://127.0.0.1:$port"
    printf -v "${side}_url" %s "$url"
    for _ in $(seq 1 200); do
        curl -s -o /dev/null --max-time 1 "$url/" && return 0
        sleep 0.05
    done
    echo "load: the $side ceiling did not start" >&2
    exit 1
}
side_url() { case "$1" in server) echo "$server_url" ;; ceiling) echo "$ceiling_url" ;; durable) echo "$durable_url" ;; esac; }
side_pid() { case "$1" in server) echo "$server_pid" ;; ceiling) echo "$ceiling_pid" ;; durable) echo "$durable_pid" ;; esac; }

token() { # $1 authorization, $2 form -> the response body
    curl -fsS --max-time 30 -H "Authorization: $1" --data "$2" "$server_url/oauth/token"
}
json_field() { # $1 name -> its string value in a one-line JSON object, on a line of its own
    awk -v key="\"$1\":\"" '{ i = index($0, key); if (i) { v = substr($0, i + length(key)); print substr(v, 1, index(v, "\"") - 1) } }'
}
size_of() { # $@ curl arguments -> bytes of the answer's body
    curl -fsS -o /dev/null -w '%{size_download}' --max-time 30 "$@"
}

run_wrk() { # $1 url, $2 duration, $3 script -> the RESULT line
    (cd "$wrk_dir" && BENCH_THREADS="$THREADS" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2"s --timeout 30s \
        -s "$3" "$1") | grep '^RESULT' || { echo "load: wrk failed against $1" >&2; exit 1; }
}

results="$work/results.tsv" # scenario side round rps p50_us p99_us non2xx errors cpu_ms_per_req rss
: >"$results"

measure() { # $1 scenario, $2 side (server|ceiling|durable), $3 round, $4 url, $5 script
    local pid line requests cpu_before cpu_after cpu_per_request="-" rss="-"
    pid="$(side_pid "$2")"
    cpu_before="$(cpu_ms "$pid")"
    line="$(run_wrk "$4" "$DURATION" "$5")"
    cpu_after="$(cpu_ms "$pid")"
    requests="$(field requests <<<"$line")"
    if [[ "$requests" -gt 0 ]]; then
        cpu_per_request="$(awk -v c=$((cpu_after - cpu_before)) -v n="$requests" 'BEGIN { printf "%.3f", c / n }')"
    fi
    rss="$(rss_mib "$pid")"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$(field rps <<<"$line")" \
        "$(field p50_us <<<"$line")" "$(field p99_us <<<"$line")" "$(field non2xx <<<"$line")" \
        "$(field errors <<<"$line")" "$cpu_per_request" "$rss" >>"$results"
    printf '  %-18s %-7s round %s: %8s req/s  p50 %6s us  p99 %7s us  non-2xx %s  errors %s  cpu %s ms/req  rss %s MiB\n' \
        "$1" "$2" "$3" "$(field rps <<<"$line")" "$(field p50_us <<<"$line")" "$(field p99_us <<<"$line")" \
        "$(field non2xx <<<"$line")" "$(field errors <<<"$line")" "$cpu_per_request" "$rss"
}

# side_by_side SCENARIO SCRIPT SERVER_PATH PATH=BYTES [durable]: warms the server and the ceiling up (and the
# durable ceiling, for a scenario that writes), then alternates them ROUNDS times, the order rotating by one each
# round: server, ceiling (, durable) in round 1; ceiling (, durable), server in round 2; and so on. The function
# named by $before_server (if any) runs before each server run.
side_by_side() {
    local scenario="$1" script="$2" path="$3" body="$4" sides=(server ceiling) round i side
    start_ceiling ceiling "$body"
    if [[ "${5:-}" == durable ]]; then
        start_ceiling durable "$body"
        sides+=(durable)
    fi
    echo "$scenario: warm-up (${WARMUP} s each)"
    for side in "${sides[@]}"; do
        if [[ "$side" == server ]]; then
            [[ -z "${before_server:-}" ]] || "$before_server"
            run_wrk "$server_url$path" "$WARMUP" "$script" >/dev/null
        else
            BENCH_CEILING=1 run_wrk "$(side_url "$side")$path" "$WARMUP" "$script" >/dev/null
        fi
    done
    for round in $(seq 1 "$ROUNDS"); do
        for i in "${!sides[@]}"; do
            side="${sides[$(((round - 1 + i) % ${#sides[@]}))]}"
            if [[ "$side" == server ]]; then
                [[ -z "${before_server:-}" ]] || "$before_server"
                measure "$scenario" server "$round" "$server_url$path" "$script"
            else
                BENCH_CEILING=1 measure "$scenario" "$side" "$round" "$(side_url "$side")$path" "$script"
            fi
        done
    done
    stop "$ceiling_pid"
    if [[ -n "$durable_pid" ]]; then
        stop "$durable_pid"
        durable_pid=""
        rm -f "$durable_records"
    fi
}

wants() { [[ " $SCENARIOS " == *" $1 "* ]]; }

start_server "$work/data"
idle_rss="$(rss_mib "$server_pid")"
first="$(token "$cc_auth" grant_type=client_credentials | json_field access_token)"
[[ -n "$first" ]] || { echo "load: no token from the server" >&2; exit 1; }
echo "load: server at $server_url answers with tokens (idle RSS $idle_rss MiB)"

if wants client_credentials; then
    export BENCH_AUTHORIZATION="$cc_auth" BENCH_BODY="grant_type=client_credentials" BENCH_METHOD=POST
    bytes="$(size_of -H "Authorization: $cc_auth" --data "$BENCH_BODY" "$server_url/oauth/token")"
    side_by_side client_credentials fixed.lua /oauth/token "/oauth/token=$bytes" durable
fi

if wants client_credentials_jwt; then
    # The same grant for a client whose access tokens are JWTs (RFC 9068, ES256 by default): signed, then stored
    # by digest like an opaque token. The ceilings answer with a body of the JWT response's size.
    export BENCH_AUTHORIZATION="$jwt_auth" BENCH_BODY="grant_type=client_credentials" BENCH_METHOD=POST
    bytes="$(size_of -H "Authorization: $jwt_auth" --data "$BENCH_BODY" "$server_url/oauth/token")"
    side_by_side client_credentials_jwt fixed.lua /oauth/token "/oauth/token=$bytes" durable
fi

if wants introspection; then
    access="$(token "$cc_auth" grant_type=client_credentials | json_field access_token)"
    export BENCH_AUTHORIZATION="$admin_auth" BENCH_BODY="token=$access" BENCH_METHOD=POST
    bytes="$(size_of -H "Authorization: $admin_auth" --data "$BENCH_BODY" "$server_url/oauth/introspect")"
    side_by_side introspection fixed.lua /oauth/introspect "/oauth/introspect=$bytes"
fi

if wants refresh; then
    # A pool of refresh tokens from password grants (PBKDF2 each), topped up before every run: a run leaves the
    # tokens of its last answers unread.
    pool_file="$work/refresh-pool"
    : >"$pool_file"
    top_up() {
        local have need=$((CONNECTIONS * 2))
        have="$(wc -w <"$pool_file")"
        while ((have < need)); do
            local jobs=()
            for _ in 1 2; do
                token "$web_auth" "$password_body" | json_field refresh_token >>"$pool_file" &
                jobs+=($!)
            done
            wait "${jobs[@]}"
            have="$(wc -w <"$pool_file")"
        done
        BENCH_REFRESH_TOKENS="$(tr '\n' ' ' <"$pool_file")"
        export BENCH_REFRESH_TOKENS
    }
    export BENCH_AUTHORIZATION="$web_auth" BENCH_REFRESH_LEFT="$pool_file" BENCH_BODY="" BENCH_METHOD=POST
    spare="$(token "$web_auth" "$password_body" | json_field refresh_token)"
    bytes="$(size_of -H "Authorization: $web_auth" --data "grant_type=refresh_token&refresh_token=$spare" \
        "$server_url/oauth/token")"
    before_server=top_up
    side_by_side refresh refresh.lua /oauth/token "/oauth/token=$bytes" durable
    before_server=""
fi

if wants password; then
    export BENCH_AUTHORIZATION="$web_auth" BENCH_BODY="$password_body" BENCH_METHOD=POST
    bytes="$(size_of -H "Authorization: $web_auth" --data "$password_body" "$server_url/oauth/token")"
    side_by_side password fixed.lua /oauth/token "/oauth/token=$bytes" durable
fi

loaded_rss="$(rss_mib "$server_pid")"
peak_rss="$(hwm_mib "$server_pid")"
stop "$server_pid"

startup_report=""
external_db="${TOKEN_DB_URL:-}"
if [[ -n "$external_db" ]] && { wants startup || wants admin_list; }; then
    echo "load: TOKEN_DB_URL is set: skipping startup and admin_list, which measure the embedded H2 file"
fi

if wants startup && [[ -z "$external_db" ]]; then
    # Launch to the first token, on an empty folder and on an existing one: bench/startup.sh.
    echo "startup: bench/startup.sh $ROUNDS"
    startup_report="$(bash "$root/bench/startup.sh" "$ROUNDS" | tee /dev/stderr | tail -2)"
fi

if wants admin_list && ((TOKENS > 0)) && [[ -z "$external_db" ]]; then
    echo "admin_list: seeding $TOKENS tokens"
    java -Xmx1g -cp "$tools" dev.tokenservice.bench.SeedTokens "$work/million" "$TOKENS"
    start_server "$work/million"
    bearer="$(token "$admin_auth" grant_type=client_credentials | json_field access_token)"
    export BENCH_AUTHORIZATION="Bearer $bearer" BENCH_BODY="" BENCH_METHOD=GET
    bytes="$(size_of -H "Authorization: Bearer $bearer" "$server_url/auth/tokens")"
    side_by_side admin_list fixed.lua /auth/tokens "/auth/tokens=$bytes"
    stop "$server_pid"
fi

# --- Report: medians per scenario and side, then the ratios. ---
column() { # $1 scenario, $2 side, $3 column number -> median
    awk -F'\t' -v s="$1" -v d="$2" -v c="$3" '$1 == s && $2 == d && $c != "-" { print $c }' "$results" | median
}
{
    echo "# Load benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "Machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(java -version 2>&1 | head -1)."
    echo "Database: ${external_db:-H2 file (the embedded default)}."
    echo "wrk -t$THREADS -c$CONNECTIONS, $ROUNDS rounds of ${DURATION} s per side, alternated; medians."
    echo "Ceiling: a bare servlet on the same Jetty. Durable ceiling (the scenarios that write): the same servlet,"
    echo "which first appends a 200-byte record to a file and waits for a group commit of FileChannel.force(false)."
    echo
    echo "| scenario | server req/s | ceiling req/s | ratio | durable ceiling req/s | durable ratio | server p50 / p99 ms | ceiling p50 / p99 ms | durable ceiling p50 / p99 ms | p99 ratio | durable p99 ratio | server non-2xx | server CPU ms/req | server RSS MiB |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: |"
    for scenario in client_credentials client_credentials_jwt refresh introspection password admin_list; do
        [[ -n "$(awk -F'\t' -v s="$scenario" '$1 == s' "$results")" ]] || continue
        srps="$(column "$scenario" server 4)"; crps="$(column "$scenario" ceiling 4)"
        sp50="$(column "$scenario" server 5)"; sp99="$(column "$scenario" server 6)"
        cp50="$(column "$scenario" ceiling 5)"; cp99="$(column "$scenario" ceiling 6)"
        drps="$(column "$scenario" durable 4)"; dp50="$(column "$scenario" durable 5)"
        dp99="$(column "$scenario" durable 6)"
        awk -v sc="$scenario" -v sr="$srps" -v cr="$crps" -v s5="$sp50" -v s9="$sp99" -v c5="$cp50" -v c9="$cp99" \
            -v dr="$drps" -v d5="$dp50" -v d9="$dp99" \
            -v n="$(column "$scenario" server 7)" -v cpu="$(column "$scenario" server 9)" \
            -v rss="$(column "$scenario" server 10)" 'BEGIN {
                # A scenario that only reads has no durable-ceiling runs: its medians are "-".
                if (dr == "-") { drs = "–"; dratio = "–"; dlat = "–"; d99ratio = "–" }
                else { drs = sprintf("%.0f", dr); dratio = sprintf("%.1f %%", 100 * sr / dr)
                       dlat = sprintf("%.1f / %.1f", d5 / 1000, d9 / 1000); d99ratio = sprintf("%.2f", s9 / d9) }
                printf "| %s | %.0f | %.0f | %.1f %% | %s | %s | %.1f / %.1f | %.1f / %.1f | %s | %.2f | %s | %s | %.3f | %s |\n",
                    sc, sr, cr, 100 * sr / cr, drs, dratio, s5 / 1000, s9 / 1000, c5 / 1000, c9 / 1000, dlat,
                    s9 / c9, d99ratio, n, cpu, rss }'
    done
    opaque_rps="$(column client_credentials server 4)"; jwt_rps="$(column client_credentials_jwt server 4)"
    if [[ "$opaque_rps" != "-" && "$jwt_rps" != "-" ]]; then
        echo
        awk -v j="$jwt_rps" -v o="$opaque_rps" 'BEGIN { printf "client_credentials_jwt / client_credentials (server req/s, this run): %.1f %%\n", 100 * j / o }'
    fi
    ceiling_failures="$(awk -F'\t' '$2 != "server" { n += $7 + $8 } END { print n + 0 }' "$results")"
    if ((ceiling_failures > 0)); then
        echo
        echo "The ceilings answered $ceiling_failures requests with 400 or more, or with a connection error (durable"
        echo "ceiling: a failed force); see the runs above."
    fi
    echo
    echo "Server RSS: idle $idle_rss MiB after start, $loaded_rss MiB after the load, peak $peak_rss MiB."
    if [[ -n "$startup_report" ]]; then
        echo
        echo "Start-up to the first token (bench/startup.sh, medians of $ROUNDS):"
        echo
        echo '```'
        echo "$startup_report"
        echo '```'
    fi
} | tee "$OUT.tmp"
mkdir -p "$(dirname "$OUT")"
mv "$OUT.tmp" "$OUT"
echo "load: results in $OUT"
