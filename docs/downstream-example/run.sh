#!/usr/bin/env bash
# The testing guide's downstream project (docs/TESTING.md), built as a user builds it: against the token service's
# artifacts in the local Maven repository, which must hold this checkout's (mvn -B install -DskipTests; .ci/run does
# it). Checks that every Java block of the guide is one of this project's files, word for word, then runs its tests
# with mvn -q: a passing run must print nothing at all (no log line, no warning). MAVEN_ARGS is passed to Maven (e.g.
# -Dmaven.repo.local=/tmp/repo).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
guide="$here/../TESTING.md"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Each ```java block of the guide into a file of its own.
awk -v dir="$work" '/^```java$/ { n++; file = sprintf("%s/block-%02d.java", dir, n); inside = 1; next }
    /^```$/ { inside = 0; next } inside { print > file }' "$guide"
blocks=("$work"/block-*.java)
[[ -e "${blocks[0]}" ]] || { echo "downstream example: no Java block in $guide" >&2; exit 1; }
for block in "${blocks[@]}"; do
    match=""
    while IFS= read -r source; do
        if cmp -s "$block" "$source"; then match="$source"; fi
    done < <(find "$here/src" -name '*.java')
    if [[ -z "$match" ]]; then
        echo "downstream example: this Java block of docs/TESTING.md is no file of docs/downstream-example:" >&2
        head -5 "$block" >&2
        exit 1
    fi
done

# shellcheck disable=SC2086
if ! output="$(mvn -B -q ${MAVEN_ARGS:-} -f "$here/pom.xml" clean test 2>&1)"; then
    echo "$output" >&2
    echo "downstream example: the tests failed" >&2
    exit 1
fi
# Maven's own colour resets are no output.
if [[ -n "$(printf '%s' "$output" | sed 's/\x1b\[[0-9;]*m//g' | tr -d '[:space:]')" ]]; then
    echo "downstream example: the tests passed but printed:" >&2
    echo "$output" >&2
    exit 1
fi
# Test cases, not the suites' counts, which leave out the tests of @Nested classes.
tests=$(cat "$here"/target/surefire-reports/TEST-*.xml | grep -c '<testcase')
echo "downstream example: ${#blocks[@]} Java blocks of docs/TESTING.md are its files; $tests passed, 0 failed, quietly"
