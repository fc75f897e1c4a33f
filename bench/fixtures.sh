#!/usr/bin/env bash
# Test fixtures compared (docs/TESTING.md#what-each-piece-costs): the token service's TestTokenServer against
# mock-oauth2-server 2.1.10, each on the classpath a downstream test has (docs/downstream-example for ours,
# bench/fixtures/mock-oauth2-server.pom.xml for the other). Each fixture runs in JVMS fresh JVMs of ROUNDS rounds:
# start, register a client (ours; the other takes any), fetch a client_credentials token over HTTP, stop. Prints the
# medians of the wall time and of the JVM's CPU time (all its threads; less disturbed than wall time on a busy
# machine): of the first round of a JVM (cold: the first test class), of the later rounds (warm), and the lines each
# JVM printed. The JVMs of the two fixtures alternate, so that a busy machine slows both alike. Needs the project's
# artifacts in the local repository:
#
#   mvn -B -q install -DskipTests && bash bench/fixtures.sh
#
# Settings (environment): JVMS (2), ROUNDS (5), MAVEN_ARGS (e.g. -Dmaven.repo.local=/tmp/repo), JAVA, KEEP_WORK (1
# keeps the temporary folder with each JVM's output).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jvms="${JVMS:-2}"
rounds="${ROUNDS:-5}"
java="${JAVA:-java}"
work="$(mktemp -d)"
[[ "${KEEP_WORK:-0}" == 1 ]] && echo "work folder: $work" || trap 'rm -rf "$work"' EXIT
# shellcheck disable=SC2086
mvn -B -q ${MAVEN_ARGS:-} -f "$root/docs/downstream-example/pom.xml" dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$work/ours.cp"
# shellcheck disable=SC2086
mvn -B -q ${MAVEN_ARGS:-} -f "$root/bench/fixtures/mock-oauth2-server.pom.xml" dependency:build-classpath \
    -Dmdep.outputFile="$work/mock.cp"

declare -A main=([ours]=TokenServiceRounds [mock]=MockOAuth2ServerRounds)
for fixture in ours mock; do
    mkdir -p "$work/$fixture"
    javac -d "$work/$fixture" -cp "$(cat "$work/$fixture.cp")" "$root/bench/fixtures/${main[$fixture]}.java"
done

for jvm in $(seq "$jvms"); do
    for fixture in mock ours; do
        "$java" -cp "$work/$fixture:$(cat "$work/$fixture.cp")" "${main[$fixture]}" "$work/$fixture-$jvm.rounds" \
            "$rounds" > "$work/$fixture-$jvm.out" 2>&1 \
            || { echo "fixtures: the $fixture JVM failed:" >&2; cat "$work/$fixture-$jvm.out" >&2; exit 1; }
    done
done

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2];
    else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ms() { awk '{ printf "%.0f\n", $1 / 1e6 }'; }
row() {
    local fixture="$1" name="$2" cold warm start token stop cold_cpu warm_cpu lines
    first() { for f in "$work/$fixture"-*.rounds; do head -1 "$f"; done; }
    later() { for f in "$work/$fixture"-*.rounds; do tail -n +2 "$f"; done; }
    cold=$(first | awk '{ print $1 + $2 + $3 }' | median | ms)
    cold_cpu=$(first | awk '{ print $4 }' | median | ms)
    warm=$(later | awk '{ print $1 + $2 + $3 }' | median | ms)
    warm_cpu=$(later | awk '{ print $4 }' | median | ms)
    start=$(later | awk '{ print $1 }' | median | ms)
    token=$(later | awk '{ print $2 }' | median | ms)
    stop=$(later | awk '{ print $3 }' | median | ms)
    lines=$(for f in "$work/$fixture"-*.out; do wc -l < "$f"; done | median)
    printf '| %s | %s ms (CPU %s ms) | %s ms (start %s, token %s, stop %s; CPU %s ms) | %s |\n' "$name" "$cold" \
        "$cold_cpu" "$warm" "$start" "$token" "$stop" "$warm_cpu" "$lines"
}
echo "fixtures: $jvms JVMs x $rounds rounds each, medians; CPU: the JVM's CPU time in the round, all threads"
echo "($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg) at the end)"
echo "| fixture | cold JVM: start + first token + stop | warm (later rounds) | lines printed per JVM |"
echo "| --- | --- | --- | --- |"
row mock "mock-oauth2-server 2.1.10"
row ours "TestTokenServer (token-http)"
