# shellcheck shell=bash
#
# .ci/postgres.sh -- start a throwaway PostgreSQL server for the integration tests.
#
# Meant to be SOURCED (not executed) from .ci/run:
#
#     . .ci/postgres.sh
#     trap stop_postgres EXIT
#
# What it does:
#   1. installs the Debian "postgresql" package when the server binaries
#      (/usr/lib/postgresql/<ver>/bin/initdb etc.) are missing;
#   2. creates a fresh cluster in a temp dir with initdb, owned by an
#      unprivileged user (the "postgres" system user when running as root),
#      listening on 127.0.0.1 only, on a free port (55432 upwards);
#   3. creates the role tokens/tokens (scram-sha-256 password auth over TCP)
#      and the database tokens owned by it;
#   4. starts it with "pg_ctl -w start" and exports
#        TOKEN_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:<port>/tokens
#        TOKEN_TEST_POSTGRES_USER=tokens
#        TOKEN_TEST_POSTGRES_PASSWORD=tokens
#   5. defines stop_postgres, which stops the server (pg_ctl -m fast stop)
#      and deletes the temp dir. It is idempotent and always returns 0.
#
# The Debian cluster machinery (pg_ctlcluster, systemd, pg_wrapper) is not
# used; the real binaries under /usr/lib/postgresql/<ver>/bin are called directly.
#
# Optional knobs (environment):
#   TOKEN_TEST_POSTGRES_URL      if already set, nothing is installed/started
#                                (use an external database instead)
#   TOKEN_TEST_POSTGRES_PORT     first port to try (default 55432)
#   TOKEN_TEST_POSTGRES_BINDIR   PostgreSQL bin dir to use (default: newest
#                                /usr/lib/postgresql/*/bin)
#
# Safe under the caller's "set -euo pipefail"; it does not change shell options.

if [[ "${BASH_SOURCE[0]}" == "${0}" ]]; then
    echo "[postgres] ERROR: $0 must be sourced, not executed: . ${0}" >&2
    exit 2
fi

_token_pg_log() { printf '[postgres] %s\n' "$*" >&2; }
_token_pg_err() { printf '[postgres] ERROR: %s\n' "$*" >&2; }

_token_pg_now() { date +%s; }

# Run a command as root (directly, or through passwordless sudo).
_token_pg_as_root() {
    if [[ "$(id -u)" -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n "$@"
    else
        _token_pg_err "need root to run: $* (not root and no sudo)"
        return 1
    fi
}

# Run a command as the cluster owner (postgres when we are root, else ourselves).
# The working directory is the cluster dir so the owner can always access it.
_token_pg_as_owner() {
    if [[ "${_TOKEN_PG_OWNER:-}" == "" ]]; then
        ( cd "${_TOKEN_PG_DIR:-/}" && "$@" )
    elif command -v runuser >/dev/null 2>&1; then
        ( cd "${_TOKEN_PG_DIR:-/}" && runuser -u "$_TOKEN_PG_OWNER" -- "$@" )
    else
        ( cd "${_TOKEN_PG_DIR:-/}" && su -s /bin/sh "$_TOKEN_PG_OWNER" -c "$(printf '%q ' "$@")" )
    fi
}

# Print the newest bin dir that has a complete server (initdb, pg_ctl, postgres, psql).
_token_pg_find_bindir() {
    local d best="" best_ver=-1 ver
    if [[ -n "${TOKEN_TEST_POSTGRES_BINDIR:-}" ]]; then
        d="$TOKEN_TEST_POSTGRES_BINDIR"
        if [[ -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/postgres" && -x "$d/psql" ]]; then
            printf '%s\n' "$d"
            return 0
        fi
        _token_pg_err "TOKEN_TEST_POSTGRES_BINDIR=$d lacks initdb/pg_ctl/postgres/psql"
        return 1
    fi
    for d in /usr/lib/postgresql/*/bin; do
        [[ -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/postgres" && -x "$d/psql" ]] || continue
        ver="${d#/usr/lib/postgresql/}"
        ver="${ver%/bin}"
        ver="${ver%%.*}"
        [[ "$ver" =~ ^[0-9]+$ ]] || continue
        if (( ver > best_ver )); then
            best_ver=$ver
            best=$d
        fi
    done
    [[ -n "$best" ]] || return 1
    printf '%s\n' "$best"
}

_token_pg_install() {
    local t0
    t0=$(_token_pg_now)
    _token_pg_log "PostgreSQL server binaries not found; installing Debian package 'postgresql'"
    # Do not let the package create (and possibly start) the Debian "main" cluster;
    # we never use it and it would occupy port 5432.
    _token_pg_as_root sh -c 'mkdir -p /etc/postgresql-common/createcluster.d &&
        printf "create_main_cluster = false\n" > /etc/postgresql-common/createcluster.d/00-ci-no-main-cluster.conf' ||
        _token_pg_log "warning: could not disable the Debian main cluster (continuing)"
    _token_pg_as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get -o DPkg::Lock::Timeout=300 -q update || {
        _token_pg_err "apt-get update failed"
        return 1
    }
    _token_pg_as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get -o DPkg::Lock::Timeout=300 -q install -y --no-install-recommends postgresql || {
        _token_pg_err "apt-get install postgresql failed"
        return 1
    }
    _token_pg_log "package installed in $(( $(_token_pg_now) - t0 ))s"
}

# Is something accepting TCP connections on 127.0.0.1:$1 ?
_token_pg_port_busy() {
    ( exec 3<>"/dev/tcp/127.0.0.1/$1" ) 2>/dev/null
}

_token_pg_free_port() {
    local p=$1 last=$(( $1 + 200 ))
    while (( p <= last )); do
        if ! _token_pg_port_busy "$p"; then
            printf '%s\n' "$p"
            return 0
        fi
        p=$(( p + 1 ))
    done
    _token_pg_err "no free TCP port in $1..$last"
    return 1
}

_token_pg_dump_file() {
    local f=$1
    if [[ -f "$f" ]]; then
        printf '[postgres] ----- %s -----\n' "$f" >&2
        cat -- "$f" >&2 || true
        printf '[postgres] ----- end of %s -----\n' "$f" >&2
    fi
}

_token_pg_start() {
    local t0 bindir dir data port attempt locales locale_opt started=""
    t0=$(_token_pg_now)

    if [[ -n "${TOKEN_TEST_POSTGRES_URL:-}" ]]; then
        _token_pg_log "TOKEN_TEST_POSTGRES_URL already set ($TOKEN_TEST_POSTGRES_URL); not starting a local server"
        export TOKEN_TEST_POSTGRES_URL
        export TOKEN_TEST_POSTGRES_USER="${TOKEN_TEST_POSTGRES_USER:-tokens}"
        export TOKEN_TEST_POSTGRES_PASSWORD="${TOKEN_TEST_POSTGRES_PASSWORD:-tokens}"
        return 0
    fi

    # 1. server binaries
    if ! bindir=$(_token_pg_find_bindir); then
        [[ -z "${TOKEN_TEST_POSTGRES_BINDIR:-}" ]] || return 1
        _token_pg_install || return 1
        bindir=$(_token_pg_find_bindir) || {
            _token_pg_err "postgresql installed but no server binaries under /usr/lib/postgresql/*/bin"
            return 1
        }
    fi
    _TOKEN_PG_BIN=$bindir
    _token_pg_log "using $("$bindir/postgres" --version) from $bindir"

    # 2. unprivileged owner
    _TOKEN_PG_OWNER=""
    if [[ "$(id -u)" -eq 0 ]]; then
        if ! id -u postgres >/dev/null 2>&1; then
            _token_pg_log "creating system user 'postgres'"
            useradd --system --user-group --no-create-home --home-dir /nonexistent \
                --shell /usr/sbin/nologin postgres || { _token_pg_err "useradd postgres failed"; return 1; }
        fi
        _TOKEN_PG_OWNER=postgres
    fi

    # 3. temp dir (under /tmp: must be reachable by the owner, and short enough
    #    for the unix socket path limit)
    dir=$(mktemp -d /tmp/token-pg.XXXXXX) || { _token_pg_err "mktemp failed"; return 1; }
    _TOKEN_PG_DIR=$dir
    data=$dir/data
    if [[ -n "$_TOKEN_PG_OWNER" ]]; then
        chown "$_TOKEN_PG_OWNER:" "$dir" || { _token_pg_err "chown $dir failed"; return 1; }
    fi

    # 4. initdb
    locales=$(locale -a 2>/dev/null) || locales=""
    if grep -qiE '^c\.utf-?8$' <<<"$locales"; then
        locale_opt=--locale=C.UTF-8
    else
        locale_opt=--no-locale
    fi
    _token_pg_log "initdb in $data (owner: ${_TOKEN_PG_OWNER:-$(id -un)})"
    if ! _token_pg_as_owner env LC_ALL=C LANG=C "$bindir/initdb" -D "$data" -U postgres \
            --encoding=UTF8 "$locale_opt" --auth-local=trust --auth-host=scram-sha-256 \
            >"$dir/initdb.log" 2>&1; then
        _token_pg_err "initdb failed"
        _token_pg_dump_file "$dir/initdb.log"
        return 1
    fi
    if ! cat >>"$data/postgresql.conf" <<EOF

# --- added by .ci/postgres.sh (throwaway test cluster) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
password_encryption = 'scram-sha-256'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
    then
        _token_pg_err "could not write $data/postgresql.conf"
        return 1
    fi

    # 5. start (retry on another port if we lose a race for the port)
    port=${TOKEN_TEST_POSTGRES_PORT:-55432}
    for attempt in 1 2 3 4 5; do
        port=$(_token_pg_free_port "$port") || return 1
        _token_pg_log "starting server on 127.0.0.1:$port (attempt $attempt)"
        : >"$dir/server.log"
        [[ -z "$_TOKEN_PG_OWNER" ]] || chown "$_TOKEN_PG_OWNER:" "$dir/server.log"
        if _token_pg_as_owner "$bindir/pg_ctl" -D "$data" -l "$dir/server.log" \
                -o "-p $port" -w -t 60 start >"$dir/pg_ctl.log" 2>&1; then
            started=1
            break
        fi
        if grep -qiE 'could not (bind|create listen socket)|address already in use|lock file .* already exists' \
                "$dir/server.log" 2>/dev/null; then
            _token_pg_log "port $port is taken, trying another one"
            port=$(( port + 1 ))
            continue
        fi
        break
    done
    if [[ -z "$started" ]]; then
        _token_pg_err "PostgreSQL server did not start"
        _token_pg_dump_file "$dir/pg_ctl.log"
        _token_pg_dump_file "$dir/server.log"
        return 1
    fi
    _TOKEN_PG_PORT=$port

    # 6. role + database
    if ! _token_pg_as_owner "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres \
            -c "CREATE ROLE tokens LOGIN PASSWORD 'tokens'" \
            -c "CREATE DATABASE tokens OWNER tokens" >"$dir/setup.log" 2>&1; then
        _token_pg_err "creating role/database 'tokens' failed"
        _token_pg_dump_file "$dir/setup.log"
        _token_pg_dump_file "$dir/server.log"
        return 1
    fi

    # 7. check that password authentication over TCP really works
    if ! PGPASSWORD=tokens PGCONNECT_TIMEOUT=10 "$bindir/psql" -X -q -At -v ON_ERROR_STOP=1 \
            -h 127.0.0.1 -p "$port" -U tokens -d tokens -c 'select 1' >"$dir/check.log" 2>&1; then
        _token_pg_err "cannot connect as tokens@127.0.0.1:$port/tokens with a password"
        _token_pg_dump_file "$dir/check.log"
        _token_pg_dump_file "$dir/server.log"
        return 1
    fi

    export TOKEN_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/tokens"
    export TOKEN_TEST_POSTGRES_USER=tokens
    export TOKEN_TEST_POSTGRES_PASSWORD=tokens
    _token_pg_log "ready in $(( $(_token_pg_now) - t0 ))s: $TOKEN_TEST_POSTGRES_URL (user $TOKEN_TEST_POSTGRES_USER); log: $dir/server.log"
}

# Stop the server started above and remove its temp dir. Idempotent; returns 0.
stop_postgres() {
    local dir=${_TOKEN_PG_DIR:-} pid=""
    [[ -n "$dir" ]] || return 0
    if [[ -f "$dir/data/postmaster.pid" ]]; then
        _token_pg_log "stopping server (pid file $dir/data/postmaster.pid)"
        pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null) || pid=""
        if ! _token_pg_as_owner "${_TOKEN_PG_BIN:-}/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1; then
            _token_pg_log "fast stop failed; trying immediate stop"
            _token_pg_as_owner "${_TOKEN_PG_BIN:-}/pg_ctl" -D "$dir/data" -m immediate -w -t 10 stop >/dev/null 2>&1 ||
                { [[ "$pid" =~ ^[0-9]+$ ]] && kill -KILL "$pid" 2>/dev/null; } || true
        fi
    fi
    rm -rf -- "$dir" 2>/dev/null || true
    _TOKEN_PG_DIR=""
    # so that sourcing this file again starts a fresh server
    unset TOKEN_TEST_POSTGRES_URL TOKEN_TEST_POSTGRES_USER TOKEN_TEST_POSTGRES_PASSWORD
    _token_pg_log "stopped and cleaned up"
    return 0
}

if ! _token_pg_start; then
    _token_pg_err "could not provide a PostgreSQL server for the tests"
    stop_postgres
    return 1
fi
