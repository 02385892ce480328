#!/usr/bin/env bash
# Installs the pinned MLflow server, with its basic-auth app (the "auth" extra, Flask-WTF), into a
# project-local virtualenv (.mlflow-venv by default).
# Idempotent: does nothing when the venv already holds the pinned version with that extra.
# Usage: scripts/install-mlflow.sh [version]   (env: MLFLOW_VENV to choose the folder)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
version="${1:-$(cat "$here/mlflow-version")}"
venv="${MLFLOW_VENV:-$root/.mlflow-venv}"
marker="$venv/.installed-mlflow-auth-$version"

if [[ -f "$marker" && -x "$venv/bin/mlflow" ]]; then
  echo "MLflow $version already installed in $venv" >&2
  exit 0
fi
command -v python3 >/dev/null || { echo "python3 is required to install the MLflow server" >&2; exit 1; }
echo "Installing MLflow $version into $venv (first time only, takes a minute or two)..." >&2
if [[ ! -x "$venv/bin/python" ]]; then
  python3 -m venv "$venv" || { echo "python3 -m venv failed: install the venv module (Debian/Ubuntu: apt-get install python3-venv)" >&2; exit 1; }
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip >&2
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "mlflow[auth]==$version" >&2
rm -f "$venv"/.installed-mlflow-*
# the plain marker is the one older checkouts look for
touch "$marker" "$venv/.installed-mlflow-$version"
echo "MLflow $("$venv/bin/mlflow" --version) installed in $venv" >&2
