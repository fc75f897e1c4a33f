#!/usr/bin/env bash
# Refresh retries after a crash (docs/DECISIONS.md#refresh-grace-window): runs the kill-under-load check
# (bench/KillUnderLoad.java) ROUNDS times with the refresh grace window off and ROUNDS times with it on, and adds up,
# for the refresh chains that had a request in flight at the kill -9, how many a client's retry after the restart
# kept alive (200) and how many it ended in family revocation (the user logged out). Prints one line per setting;
# exits non-zero when a run fails its own checks.
#
#   mvn -B -pl token-http -am package -DskipTests && bash bench/kill-refresh-retry.sh
#
# Settings (environment): ROUNDS (8), GRACE_ON (60: the window in seconds for the second setting), and those of
# bench/kill-under-load.sh (LOAD_SECONDS, CC_THREADS, REFRESH_THREADS, CHAINS_PER_THREAD, JAVA). Each run starts its
# own server on 127.0.0.1, kills it, restarts it and stops it.
set -euo pipefail

ROUNDS="${ROUNDS:-8}"
GRACE_ON="${GRACE_ON:-60}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
status=0

for grace in 0 "$GRACE_ON"; do
    in_flight=0 answered=0 revoked=0
    for round in $(seq 1 "$ROUNDS"); do
        if ! out="$(TOKEN_REFRESH_GRACE="$grace" bash "$root/bench/kill-under-load.sh" 2>&1)"; then
            echo "$out" | grep -v '^kill-under-load: \[' >&2
            status=1
        fi
        line="$(echo "$out" | grep 'retries after the restart' || true)"
        [[ -n "$line" ]] || { echo "kill-refresh-retry: round $round printed no retry line" >&2; status=1; continue; }
        read -r f a r < <(echo "$line" | sed -E 's/.*: ([0-9]+) chains in flight, ([0-9]+) answered 200, ([0-9]+) family revoked.*/\1 \2 \3/')
        in_flight=$((in_flight + f)) answered=$((answered + a)) revoked=$((revoked + r))
        echo "kill-refresh-retry: grace ${grace} s, round ${round}: ${f} in flight, ${a} answered 200, ${r} revoked"
    done
    echo "kill-refresh-retry: grace window ${grace} s, ${ROUNDS} kills: ${in_flight} refresh chains in flight," \
        "${answered} kept alive by the retry, ${revoked} ended in family revocation"
done
exit "$status"
