#!/usr/bin/env bash
# Side-by-side benchmark of the official MLflow Java client and ours against ONE local, real MLflow
# server, plus the caller-thread cost of one log call (JMH). Prints a markdown table at the end.
#
#   benchmarks/run.sh
#
# Steps: installs the repo's modules into ~/.m2 from this checkout, makes sure the pinned MLflow
# server is installed (.mlflow-venv), starts it on a free port with a SQLite database in a temporary
# directory (stopped on exit), builds this project and runs it.
#
# Environment (defaults):
#   POINTS=100000         metric points per scenario
#   A_POINTS=5000         points for (a), one HTTP request per point (min(POINTS, A_POINTS) are used)
#   A_MAX_SECONDS=120     (a) stops early after this long (0 = never), so a busy machine cannot
#                         stretch the run; the table then says how many points (a) logged
#   HEAP_POINTS=3*POINTS  points of the second (c) run, the heap check
#   B_CHUNK=1000          points per official logBatch call in (b)
#   WARMUP_POINTS=1000    points through every path before measuring (0 = no warm-up)
#   XMX=512m              -Xmx of the benchmark JVM and of the JMH fork
#   JMH_FORKS=1 JMH_WARMUP_ITERATIONS=3 JMH_WARMUP_SECONDS=2 JMH_ITERATIONS=40 JMH_ITERATION_MS=10
#                         (short measurement iterations: see LogMetricCallBenchmark)
#   JMH_BUFFER_CAPACITY=1000000  buffer of the run handle in the JMH benchmark (the call costs the same
#                         whatever the capacity; a large one cannot fill within a short iteration)
#   JMH_MODES=sample      JMH modes, comma-separated (sample = SampleTime; add avgt for AverageTime)
#   SKIP_JMH=1            skip the JMH benchmark
#   SKIP_INSTALL=1        do not run `mvn install` at the repo root (use what is in ~/.m2)
#   KEEP_SERVER_DATA=1    keep the server's temporary directory (database, log) after the run
#   MLFLOW_VENV           virtualenv of the MLflow server (default .mlflow-venv at the repo root)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
export POINTS="${POINTS:-100000}"
xmx="${XMX:-512m}"

log() { printf '==> %s\n' "$*" >&2; }

server_pid=""
data_dir=""

descendants() {
  local child
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do
    echo "$child"
    descendants "$child"
  done
}

stop_server() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    log "Stopping the MLflow server (pid $server_pid) and its child processes"
    local pids
    pids="$server_pid $(descendants "$server_pid" | tr '\n' ' ')"
    # The server was started as the leader of its own process group: signal the group, and every
    # descendant by id in case one left the group.
    if [[ "$(ps -o pgid= -p "$server_pid" 2>/dev/null | tr -d ' ')" == "$server_pid" ]]; then
      kill -TERM -- "-$server_pid" 2>/dev/null || true
    fi
    kill -TERM $pids 2>/dev/null || true
    for _ in $(seq 1 50); do
      local alive=""
      for pid in $pids; do kill -0 "$pid" 2>/dev/null && alive="$alive $pid"; done
      [[ -z "$alive" ]] && break
      sleep 0.2
    done
    for pid in $pids; do kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true; done
  fi
  server_pid=""
  if [[ -n "$data_dir" && -d "$data_dir" ]]; then
    if [[ "${KEEP_SERVER_DATA:-0}" == "1" ]]; then
      log "Server data and log kept in $data_dir"
    else
      rm -rf "$data_dir"
    fi
  fi
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# 1. Our modules, from this checkout.
if [[ "${SKIP_INSTALL:-0}" != "1" ]]; then
  log "Installing the starter modules into ~/.m2 (mvn install -DskipTests at $root)"
  (cd "$root" && mvn -q -B install -DskipTests)
fi

# 2. The pinned MLflow server.
bash "$root/scripts/install-mlflow.sh"
mlflow="${MLFLOW_VENV:-$root/.mlflow-venv}/bin/mlflow"

# 3. A fresh server on a free port.
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
data_dir="$(mktemp -d "${TMPDIR:-/tmp}/mlflow-bench.XXXXXX")"
url="http://127.0.0.1:$port"
log "Starting MLflow server $(cat "$root/scripts/mlflow-version") at $url (data and log in $data_dir)"
(cd "$data_dir" && PYTHONUNBUFFERED=1 exec setsid "$mlflow" server --host 127.0.0.1 --port "$port" --workers 1 \
    --backend-store-uri "sqlite:///$data_dir/mlflow.db" --artifacts-destination "$data_dir/artifacts" \
    >"$data_dir/server.log" 2>&1) &
server_pid=$!

healthy() {
  python3 - "$url/health" <<'PY' >/dev/null 2>&1
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=2) as response:
    sys.exit(0 if response.status == 200 else 1)
PY
}
deadline=$((SECONDS + 120))
until healthy; do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    log "The MLflow server exited; its log:"
    tail -n 40 "$data_dir/server.log" >&2
    exit 1
  fi
  if ((SECONDS >= deadline)); then
    log "The MLflow server was not healthy within 2 minutes; its log:"
    tail -n 40 "$data_dir/server.log" >&2
    exit 1
  fi
  sleep 0.5
done
log "MLflow server healthy"

# 4. Build and run the benchmark.
log "Building the benchmarks (mvn package in $here)"
(cd "$here" && mvn -q -B package -DskipTests)
mkdir -p "$here/target/bench"
log "Running: java -Xmx$xmx -jar target/mlflow-benchmarks.jar $url"
cd "$here"
WORK_DIR="$here/target/bench" RESULTS_FILE="$here/target/bench/results.md" \
  java "-Xmx$xmx" -Djava.util.logging.config.file="$here/src/main/resources/logging.properties" \
  -jar "$here/target/mlflow-benchmarks.jar" "$url"

# 5. The table was printed at the end of the run above; it is also in target/bench/results.md.
log "Results also written to $here/target/bench/results.md (JMH output: $here/target/bench/jmh.log)"
