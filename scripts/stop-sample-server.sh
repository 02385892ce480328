#!/usr/bin/env bash
# Stops the MLflow server that scripts/run-sample.sh started (its data in .mlflow-sample/ stays).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pidfile="$root/.mlflow-sample/server.pid"
if [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  pid="$(cat "$pidfile")"
  pkill -TERM -P "$pid" 2>/dev/null || true
  kill "$pid"
  rm -f "$pidfile"
  echo "Stopped the sample MLflow server (pid $pid)."
else
  echo "No sample MLflow server is running."
fi
