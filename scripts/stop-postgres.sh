#!/usr/bin/env bash
# Stops the PostgreSQL server of scripts/start-postgres.sh and deletes its folder (the test databases
# with it). Does nothing when none runs there.
# Env: POSTGRES_DIR  the folder given to scripts/start-postgres.sh (same default)
#      KEEP_POSTGRES_DATA=1 to stop the server but keep the folder
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${POSTGRES_DIR:-${TMPDIR:-/tmp}/mlflow-starter-postgres-$(printf '%s' "$root" | cksum | cut -d' ' -f1)}"
data="$dir/data"

if [[ -f "$data/postmaster.pid" ]]; then
  bin=""
  for candidate in /usr/lib/postgresql/*/bin; do
    [[ -x "$candidate/pg_ctl" ]] && bin="$candidate"
  done
  [[ -n "$bin" ]] || bin="$(dirname "$(command -v pg_ctl)")"
  if [[ $EUID -eq 0 ]]; then
    runuser -u postgres -- "$bin/pg_ctl" stop --pgdata "$data" --mode fast --wait >&2 || true
  else
    "$bin/pg_ctl" stop --pgdata "$data" --mode fast --wait >&2 || true
  fi
fi
if [[ -d "$dir" && "${KEEP_POSTGRES_DATA:-0}" != 1 ]]; then
  rm -rf "$dir"
  echo "Deleted $dir" >&2
fi
