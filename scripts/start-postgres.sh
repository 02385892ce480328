#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the integration tests (-Dmlflow.test.backend) on a free
# port of 127.0.0.1, and prints its URL, postgresql://postgres@127.0.0.1:<port>/, on standard output
# (and writes it to $POSTGRES_DIR/url). Idempotent: prints the URL of the server already running there.
#
# Installs PostgreSQL from the OS packages when it is missing (Debian/Ubuntu, as root). The cluster
# trusts every local connection and trades durability for speed: it is for tests only.
# Env: POSTGRES_DIR  where the cluster, its log and its URL live (default: a folder in $TMPDIR or /tmp)
#      POSTGRES_PORT the port (default: a free one)
# scripts/stop-postgres.sh stops it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${POSTGRES_DIR:-${TMPDIR:-/tmp}/mlflow-starter-postgres-$(printf '%s' "$root" | cksum | cut -d' ' -f1)}"
data="$dir/data"

find_bin() {
  local candidate
  for candidate in /usr/lib/postgresql/*/bin; do
    [[ -x "$candidate/pg_ctl" ]] && { echo "$candidate"; return 0; }
  done
  command -v pg_ctl >/dev/null && { dirname "$(command -v pg_ctl)"; return 0; }
  return 1
}

if ! bin="$(find_bin)"; then
  if [[ $EUID -ne 0 ]] || ! command -v apt-get >/dev/null; then
    echo "PostgreSQL is not installed: install the postgresql package (Debian/Ubuntu: apt-get install postgresql) and run this again" >&2
    exit 1
  fi
  echo "Installing PostgreSQL from the OS packages..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q postgresql >&2 || { apt-get update -q >&2 && apt-get install -y -q postgresql >&2; }
  bin="$(find_bin)" || { echo "PostgreSQL was installed but pg_ctl is not found under /usr/lib/postgresql" >&2; exit 1; }
fi
if ! command -v psql >/dev/null; then
  if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "Installing the PostgreSQL client from the OS packages..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q postgresql-client >&2 || { apt-get update -q >&2 && apt-get install -y -q postgresql-client >&2; }
  fi
  command -v psql >/dev/null || { echo "psql is missing: install the postgresql-client package" >&2; exit 1; }
fi
# Without the package's postgres user (server binaries installed by other means), make one to own the cluster.
if [[ $EUID -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
  useradd --system --no-create-home --shell /usr/sbin/nologin postgres
fi

# PostgreSQL refuses to run as root: run it as the postgres user the package made.
as_owner() {
  if [[ $EUID -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

healthy() {
  [[ -f "$dir/url" ]] && psql --no-psqlrc --quiet --dbname "$(cat "$dir/url")postgres" --command 'select 1' >/dev/null 2>&1
}

if [[ -f "$data/postmaster.pid" ]] && as_owner "$bin/pg_ctl" status -D "$data" >/dev/null 2>&1 && healthy; then
  echo "PostgreSQL already running in $dir" >&2
  cat "$dir/url"
  exit 0
fi

mkdir -p "$dir"
if [[ $EUID -eq 0 ]]; then
  chown postgres: "$dir"
fi
chmod 700 "$dir"
if [[ ! -f "$data/PG_VERSION" ]]; then
  as_owner "$bin/initdb" --pgdata "$data" --username postgres --auth trust --encoding UTF8 --locale C >"$dir/initdb.log" 2>&1 \
    || { echo "initdb failed; its output:" >&2; cat "$dir/initdb.log" >&2; exit 1; }
fi
port="${POSTGRES_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
# Many connections: every test server holds a pool per worker process.
options="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c max_connections=400"
options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
if ! as_owner "$bin/pg_ctl" start --pgdata "$data" --log "$dir/postgres.log" --wait --timeout 60 --options "$options" >&2; then
  echo "PostgreSQL did not start (is port $port taken? set POSTGRES_PORT); its log:" >&2
  tail -n 30 "$dir/postgres.log" >&2
  exit 1
fi
echo "postgresql://postgres@127.0.0.1:$port/" >"$dir/url"
healthy || { echo "PostgreSQL started but does not answer at $(cat "$dir/url"); see $dir/postgres.log" >&2; exit 1; }
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') running in $dir" >&2
cat "$dir/url"
