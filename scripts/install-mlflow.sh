#!/usr/bin/env bash
# Installs the pinned MLflow server, with its basic-auth app (the "auth" extra, Flask-WTF), into a
# project-local virtualenv (.mlflow-venv by default).
# Idempotent: does nothing when the venv already holds the pinned version (and the extra packages).
# Usage: scripts/install-mlflow.sh [version]
# Env:   MLFLOW_VENV            the folder of the virtualenv (default: .mlflow-venv in the project root)
#        MLFLOW_VERSION         the MLflow version when no argument is given (default: scripts/mlflow-version)
#        MLFLOW_EXTRA_PACKAGES  more pip requirements for the same venv, space separated
#                               (for example "psycopg2-binary" for a PostgreSQL backend store)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
version="${1:-${MLFLOW_VERSION:-$(cat "$here/mlflow-version")}}"
venv="${MLFLOW_VENV:-$root/.mlflow-venv}"
extras="${MLFLOW_EXTRA_PACKAGES:-}"
marker="$venv/.installed-mlflow-auth-$version"

# The marker lists the extra packages installed with MLflow, one a line.
has_extras() {
  local package
  for package in $extras; do
    grep -qxF -- "$package" "$marker" || return 1
  done
}

if [[ -f "$marker" && -x "$venv/bin/mlflow" ]] && has_extras; then
  echo "MLflow $version${extras:+ (with $extras)} already installed in $venv" >&2
  exit 0
fi
command -v python3 >/dev/null || { echo "python3 is required to install the MLflow server" >&2; exit 1; }
echo "Installing MLflow $version${extras:+ and $extras} into $venv (first time only, takes a minute or two)..." >&2
if [[ ! -x "$venv/bin/python" ]]; then
  python3 -m venv "$venv" || { echo "python3 -m venv failed: install the venv module (Debian/Ubuntu: apt-get install python3-venv)" >&2; exit 1; }
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip >&2
# shellcheck disable=SC2086 # the extras are a space separated list of requirements
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "mlflow[auth]==$version" $extras >&2
rm -f "$venv"/.installed-mlflow-*
: >"$marker"
for package in $extras; do
  echo "$package" >>"$marker"
done
echo "MLflow $("$venv/bin/mlflow" --version) installed in $venv" >&2
