#!/usr/bin/env bash
# `bash scripts/tools/ci-loaded.sh`: CI as a loaded machine would run it — a fresh clone of HEAD, `bash .ci/run`,
# with two CPU-bound processes on the same cores the whole time (tests must not depend on the machine's speed).
# Prints how long it took; exits with .ci/run's status. BURNERS=0 runs it quiet, for the comparison.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
burners="${BURNERS:-2}"
work="$(mktemp -d)"
git clone -q "$root" "$work/tongxin"
pids=()
for _ in $(seq 1 "$burners"); do
  node -e 'for (;;) {}' &
  pids+=("$!")
done
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
started=$(date +%s)
(cd "$work/tongxin" && CI=true bash .ci/run)
status=$?
echo "ci-loaded: .ci/run exited ${status} after $(($(date +%s) - started)) s with ${burners} CPU burner(s) beside it"
exit "$status"
