#!/usr/bin/env bash
# Runs the sample training job against a local MLflow server.
#
# When no MLflow server answers on 127.0.0.1:$MLFLOW_PORT (default 5000), installs the pinned MLflow
# into .mlflow-venv (first time only) and starts a server in the background, with its SQLite database
# and artifacts in .mlflow-sample/. The server keeps running afterwards so the run can be looked at in
# the MLflow UI; scripts/stop-sample-server.sh stops it.
#
# Extra arguments go to the sample app, e.g. scripts/run-sample.sh --sample.epochs=200 --sample.epoch-delay=100ms
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
port="${MLFLOW_PORT:-5000}"
url="http://127.0.0.1:$port"
data="$root/.mlflow-sample"

healthy() {
  python3 - "$url/health" <<'PY' >/dev/null 2>&1
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=2) as response:
    sys.exit(0 if response.status == 200 else 1)
PY
}

if healthy; then
  echo "Using the MLflow server already running at $url"
else
  bash "$root/scripts/install-mlflow.sh"
  mkdir -p "$data"
  echo "Starting an MLflow server at $url (data in $data, log in $data/server.log)..."
  (cd "$data" && nohup "$root/.mlflow-venv/bin/mlflow" server --host 127.0.0.1 --port "$port" --workers 1 \
      --backend-store-uri "sqlite:///$data/mlflow.db" --artifacts-destination "$data/artifacts" \
      >>"$data/server.log" 2>&1 & echo $! >"$data/server.pid")
  for _ in $(seq 1 240); do
    healthy && break
    if ! kill -0 "$(cat "$data/server.pid")" 2>/dev/null; then
      echo "The MLflow server did not start (is port $port taken? set MLFLOW_PORT to use another). Its log:" >&2
      tail -n 30 "$data/server.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  healthy || { echo "The MLflow server at $url did not become healthy within 2 minutes; see $data/server.log" >&2; exit 1; }
fi

echo "Building the sample app..."
mvn -q -B -DskipTests package
java -jar "$root/sample-app/target/sample-app.jar" --mlflow.tracking.host=127.0.0.1 --mlflow.tracking.port="$port" "$@"
echo
echo "MLflow UI: $url (experiment 'mlflow-spring-boot-sample')."
if [[ -f "$data/server.pid" ]] && kill -0 "$(cat "$data/server.pid")" 2>/dev/null; then
  echo "The MLflow server started by this script keeps running; stop it with scripts/stop-sample-server.sh"
fi
