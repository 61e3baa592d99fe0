#!/usr/bin/env bash
# Runs the mutation fuzzer (tests/fuzz) for a long budget in release mode (the
# `fuzz` profile: release with overflow checks and debug assertions), one
# process per core, each on its own range of seeds, and prints the totals.
#
#   scripts/fuzz.sh                  # 10 minutes on every core
#   SECONDS_PER_JOB=3600 scripts/fuzz.sh
#   INPUTS_PER_JOB=100000 JOBS=2 FIRST_SEED=5000000 scripts/fuzz.sh
#   LOGS=target/fuzz-logs-2 scripts/fuzz.sh   # beside a run already going
#
# Job j starts at seed FIRST_SEED + j * 1e9, so runs never repeat an input as
# long as each job stays under a billion. An input slower than HANG_MS (2 s)
# is a failure here, unlike in `cargo test`. Failing inputs are saved under
# target/fuzz-failures/ and each job's log under target/fuzz-logs/.
set -euo pipefail

cd "$(dirname "$0")/.."
JOBS=${JOBS:-$(nproc)}
FIRST_SEED=${FIRST_SEED:-1000000}
HANG_MS=${HANG_MS:-2000}
LOGS=${LOGS:-target/fuzz-logs}
mkdir -p "$LOGS"

budget=()
if [[ -n "${INPUTS_PER_JOB:-}" ]]; then
    budget=(ZHENGGAI_FUZZ_INPUTS="$INPUTS_PER_JOB")
else
    budget=(ZHENGGAI_FUZZ_SECONDS="${SECONDS_PER_JOB:-600}")
fi

# The test binary itself, so that a running job holds no cargo lock.
bin=$(cargo test --profile fuzz --test fuzz --no-run --message-format=json |
    grep -o '"executable":"[^"]*"' | tail -1 | cut -d'"' -f4)
[[ -x "$bin" ]] || { echo "fuzz.sh: no test binary built" >&2; exit 2; }
echo "fuzz.sh: $JOBS jobs of $bin at $(git rev-parse --short HEAD)"
started=$(date +%s)
pids=()
for ((j = 0; j < JOBS; j++)); do
    seed=$((FIRST_SEED + j * 1000000000))
    env "${budget[@]}" ZHENGGAI_FUZZ_SEED="$seed" ZHENGGAI_FUZZ_HANG_MS="$HANG_MS" \
        "$bin" --nocapture --exact fuzz_every_command_from_the_corpus \
        >"$LOGS/job-$j.log" 2>&1 &
    pids+=($!)
done
status=0
for pid in "${pids[@]}"; do
    wait "$pid" || status=1
done

echo "jobs: $JOBS, wall time: $(($(date +%s) - started)) s, logs: $LOGS/"
grep -h '^fuzz:' "$LOGS"/job-*.log || true
grep -h -A1 '^FUZZ ' "$LOGS"/job-*.log || true
grep -h '^fuzz:' "$LOGS"/job-*.log | awk '
    { for (i = 2; i <= NF; i++) { split($i, kv, "="); sum[kv[1]] += kv[2] } }
    END {
        printf "total: inputs=%d json=%d text=%d loaded=%d imported=%d refused=%d slow=%d failures=%d\n",
            sum["inputs"], sum["json"], sum["text"], sum["loaded"], sum["imported"],
            sum["refused"], sum["slow"], sum["failures"]
    }'
exit $status
