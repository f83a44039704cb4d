#!/usr/bin/env bash
# `npm run test:jest`: every jest suite, in two runs side by side. The fuzz suites
# (test/cloudfunctions/*/fuzz.test.ts) are bound by one thread, the local cloud's backend, so they run beside
# the rest instead of after it: one core each. They build their functions into their own folder (TONGXIN_TEST_BUILD).
# Arguments go to the main run. Exits non-zero when either run fails.
set -uo pipefail
cd "$(dirname "$0")/../.."
export TZ=UTC
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

TONGXIN_TEST_BUILD=test-fuzz npx jest --selectProjects node --testPathPatterns 'fuzz\.test\.ts$' >"$log" 2>&1 &
fuzz=$!
npx jest --testPathIgnorePatterns 'fuzz\.test\.ts$' "$@"
main=$?
wait "$fuzz"
fuzzed=$?
echo "---------------------------------------------------------------- the fuzz suites"
cat "$log"
[ "$main" -eq 0 ] && [ "$fuzzed" -eq 0 ]
