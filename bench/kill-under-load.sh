#!/usr/bin/env bash
# Kill under load (docs/PERSISTENCE.md#durability): starts the stand-alone server on an H2 file in a temporary
# folder, drives client_credentials and refresh-token rotation from several threads for a few seconds, kills the
# server with kill -9 in the middle of it, restarts it on the same data, and checks that every access token answered
# before the kill is still active, that every refresh token rotated before the kill is refused, and that the newest
# token of each chain still rotates (bench/KillUnderLoad.java). Prints one summary line; exits non-zero on any
# violation. Run by .ci/run after `mvn -B verify`, which builds the server:
#
#   mvn -B -pl token-http -am package -DskipTests && bash bench/kill-under-load.sh
#
# Settings (environment): LOAD_SECONDS (4), CC_THREADS (3), REFRESH_THREADS (3), CHAINS_PER_THREAD (8), KEEP_WORK
# (1 keeps the temporary folder and the servers' logs), JAVA (the java to run, passed on to the launcher too).
# The server listens on 127.0.0.1 only; the load ends at the kill; the program stops the server it started.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
launcher="$root/token-http/target/token-server"
jar="$root/token-http/target/token-server.jar"
[[ -f "$launcher" && -f "$jar" ]] || { echo "kill-under-load: build the server first (mvn -B verify)" >&2; exit 2; }

exec "${JAVA:-java}" -cp "$jar" "$root/bench/KillUnderLoad.java" "$launcher"
