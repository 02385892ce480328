#!/usr/bin/env bash
# Runs the integration suite against several MLflow servers, one configuration after the other, and
# prints one summary line per configuration. Exits non-zero if any configuration has a failed test,
# ran no test, or could not be set up.
#
# Configurations (names for COMPAT_CONFIGS):
#   pinned    the pinned MLflow (scripts/mlflow-version) on SQLite, 1 worker  (the main suite's setup)
#   mlflow2   the newest MLflow 2.x ($MLFLOW2_VERSION) on SQLite, 1 worker, in .mlflow-venv-<version>
#             (with SQLAlchemy < 2.1, which MLflow 2.x needs but does not pin)
#   postgres  the pinned MLflow on PostgreSQL, 4 workers, in .mlflow-venv with psycopg2-binary added; the PostgreSQL server
#             comes from scripts/start-postgres.sh (installed from the OS packages when missing) and is
#             stopped at the end
#
# Env: COMPAT_CONFIGS   the configurations to run, space separated (default: "pinned mlflow2 postgres")
#      COMPAT_MODULES   the Maven modules to test, comma separated (default: all; for example
#                       mlflow-spring-boot-autoconfigure to leave out the sample app's slower tests)
#      COMPAT_TESTS     a surefire -Dtest pattern to run only some tests (default: all); CI uses
#                       'io/github/mlflowstarter/client/**', the tests of the REST API client
#      MLFLOW2_VERSION  the MLflow 2.x version (default 2.22.5, the last 2.x release)
#      MAVEN_ARGS_EXTRA more Maven arguments, for example -o
# Logs and surefire reports of each configuration: target/compat/<name>/
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
configs="${COMPAT_CONFIGS:-pinned mlflow2 postgres}"
modules="${COMPAT_MODULES:-}"
pinned="$(cat scripts/mlflow-version)"
mlflow2="${MLFLOW2_VERSION:-2.22.5}"
out="$root/target/compat"
mkdir -p "$out"
summary=()
failed_configs=0
total_passed=0 total_failed=0 total_skipped=0

postgres_dir=""
cleanup() {
  if [[ -n "$postgres_dir" ]]; then
    POSTGRES_DIR="$postgres_dir" bash scripts/stop-postgres.sh || true
  fi
}
trap cleanup EXIT

# Prints "passed failed skipped" from the surefire reports under the given folder.
count_tests() {
  python3 - "$1" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
total = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/**/TEST-*.xml", recursive=True):
    suite = ET.parse(path).getroot()
    total += int(suite.get("tests", 0))
    failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    skipped += int(suite.get("skipped", 0))
print(total - failed - skipped, failed, skipped)
PY
}

# run_config NAME VERSION VENV BACKEND WORKERS [EXTRA_PACKAGES]
run_config() {
  local name="$1" version="$2" venv="$3" backend="$4" workers="$5" extras="${6:-}"
  local dir="$out/$name" start status=OK passed=0 failed=0 skipped=0
  rm -rf "$dir"
  mkdir -p "$dir"
  start=$(date +%s)
  echo "== compat: $name (MLflow $version, ${backend%%:*}, $workers worker(s)); log: $dir/maven.log"
  if ! MLFLOW_VENV="$venv" MLFLOW_VERSION="$version" MLFLOW_EXTRA_PACKAGES="$extras" bash scripts/install-mlflow.sh; then
    status="FAILED (MLflow $version could not be installed)"
  else
    find . -maxdepth 3 -path '*/target/surefire-reports' -type d -prune -exec rm -rf {} +
    # failed tests do not stop the build, so that every module runs; the reports decide
    local args=(-B verify -Dmaven.test.failure.ignore=true "-Dmlflow.venv=$venv" "-Dmlflow.version=$version" "-Dmlflow.test.workers=$workers")
    [[ "$backend" != sqlite ]] && args+=("-Dmlflow.test.backend=$backend")
    [[ -n "$modules" ]] && args+=(-pl "$modules")
    [[ -n "${COMPAT_TESTS:-}" ]] && args+=("-Dtest=${COMPAT_TESTS}" -Dsurefire.failIfNoSpecifiedTests=false)
    # shellcheck disable=SC2206 # extra Maven arguments are word-split on purpose
    [[ -n "${MAVEN_ARGS_EXTRA:-}" ]] && args+=(${MAVEN_ARGS_EXTRA})
    echo "   mvn ${args[*]}"
    local maven=0
    mvn "${args[@]}" >"$dir/maven.log" 2>&1 || maven=$?
    find . -maxdepth 3 -path '*/target/surefire-reports' -type d -not -path './target/*' | while read -r reports; do
      mkdir -p "$dir/$(dirname "$reports")" && cp -r "$reports" "$dir/$(dirname "$reports")/"
    done
    read -r passed failed skipped < <(count_tests "$dir")
    if (( failed > 0 )); then
      status="FAILED"
    elif (( maven != 0 )); then
      status="FAILED (mvn exited $maven; see $dir/maven.log)"
    elif (( passed == 0 )); then
      status="FAILED (no test ran)"
    fi
    grep -E '<<< (FAILURE|ERROR)!' "$dir/maven.log" | head -n 40 || true
  fi
  local seconds=$(( $(date +%s) - start ))
  [[ "$status" == OK ]] || failed_configs=$(( failed_configs + 1 ))
  total_passed=$(( total_passed + passed )) total_failed=$(( total_failed + failed )) total_skipped=$(( total_skipped + skipped ))
  summary+=("$(printf '%-9s MLflow %-8s %-10s workers=%s  passed=%s failed=%s skipped=%s  %5ss  %s' \
      "$name" "$version" "${backend%%:*}" "$workers" "$passed" "$failed" "$skipped" "$seconds" "$status")")
  echo "${summary[-1]}"
}

for config in $configs; do
  case "$config" in
    pinned)
      run_config pinned "$pinned" "$root/.mlflow-venv" sqlite 1 ;;
    mlflow2)
      # MLflow 2.x imports sqlalchemy.pool.FallbackAsyncAdaptedQueuePool, which SQLAlchemy 2.1 removed,
      # yet allows SQLAlchemy 2.1: without this pin its server does not start.
      run_config mlflow2 "$mlflow2" "$root/.mlflow-venv-$mlflow2" sqlite 1 'sqlalchemy<2.1' ;;
    postgres)
      postgres_dir="$(mktemp -d "${TMPDIR:-/tmp}/mlflow-compat-postgres.XXXXXX")"
      if url="$(POSTGRES_DIR="$postgres_dir" bash scripts/start-postgres.sh)"; then
        # the pinned venv plus the PostgreSQL driver: no second MLflow install
        run_config postgres "$pinned" "$root/.mlflow-venv" "$url" 4 psycopg2-binary
      else
        failed_configs=$(( failed_configs + 1 ))
        summary+=("postgres  FAILED (PostgreSQL could not be started)")
      fi
      POSTGRES_DIR="$postgres_dir" bash scripts/stop-postgres.sh || true
      postgres_dir="" ;;
    *)
      echo "Unknown configuration '$config' in COMPAT_CONFIGS: use pinned, mlflow2 or postgres" >&2
      exit 2 ;;
  esac
done

echo
echo "== Compatibility matrix"
printf '%s\n' "${summary[@]}"
echo "compat: $total_passed passed, $total_failed failed, $total_skipped skipped"
(( failed_configs == 0 ))
