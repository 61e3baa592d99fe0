#!/usr/bin/env bash
# Measures zhenggai against generic JSON tools on the same generated data, on
# this machine, in one run, and writes the table to docs/performance.md.
#
#   scripts/bench.sh                 # everything, criterion benches included
#   scripts/bench.sh --no-criterion  # skip `cargo bench --bench load`
#   scripts/bench.sh --ledger-only   # only the ledger case, printed, docs untouched
#
# Times are the minimum of $RUNS runs (hyperfine); peak memory is the largest
# maximum resident set size /usr/bin/time -v saw. "First screen" is the time
# from starting the program in a 120x40 tmux pane until `tmux capture-pane`
# shows its first screen (zhenggai: the header; the viewers: the first key).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${OUT:-docs/performance.md}
DATA=${DATA:-$ROOT/target/bench-data}
RUNS=${RUNS:-5}
CRITERION=1
[[ "${1:-}" == "--no-criterion" ]] && CRITERION=0
LEDGER_ONLY=0
[[ "${1:-}" == "--ledger-only" ]] && LEDGER_ONLY=1

need() { command -v "$1" >/dev/null 2>&1; }
apt_install() { need apt-get && apt-get install -y "$@" >/dev/null 2>&1; }

need hyperfine || apt_install hyperfine
need tmux || apt_install tmux
need jq || apt_install jq
need less || apt_install less
[[ -x /usr/bin/time ]] || apt_install time
JLESS_NOTE=""
if ((!LEDGER_ONLY)) && ! need jless && [[ ! -x $HOME/.cargo/bin/jless ]]; then
    apt_install libxcb1-dev libxcb-render0-dev libxcb-shape0-dev libxcb-xfixes0-dev || true
    timeout 900 cargo install jless --locked >/dev/null 2>&1 ||
        JLESS_NOTE="jless could not be built here (cargo install jless --locked failed or took over 15 minutes)"
fi
JLESS=$(command -v jless || echo "$HOME/.cargo/bin/jless")

# ZG=path/to/zhenggai measures that binary instead of building one.
if [[ -z ${ZG:-} ]]; then
    cargo build --release --quiet
    ZG=$ROOT/target/release/zhenggai
fi
mkdir -p "$DATA"

declare -A REPORTS=([1]=21 [10]=215 [100]=2150)
if ((!LEDGER_ONLY)); then
    for mb in 1 10 100; do
        "$ZG" generate --reports "${REPORTS[$mb]}" --force -o "$DATA/$mb.json"
    done
fi
FILE=$DATA/100.json

# The minimum wall time of a shell command, in milliseconds.
wall_ms() {
    local json
    json=$(mktemp)
    hyperfine --style none --warmup 1 --runs "$RUNS" --export-json "$json" "$1" >/dev/null 2>&1
    python3 -c 'import json,sys; print(round(min(json.load(open(sys.argv[1]))["results"][0]["times"])*1000))' "$json"
    rm -f "$json"
}

# The peak resident memory of a shell command, in MiB (the largest of two runs).
peak_mib() {
    local log peak=0 kb
    log=$(mktemp)
    for _ in 1 2; do
        /usr/bin/time -v -o "$log" bash -c "$1" >/dev/null 2>&1 || true
        kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
        ((${kb:-0} > peak)) && peak=$kb
    done
    rm -f "$log"
    echo $((peak / 1024))
}

# Ledgers (issue 10): a 20,000-row 整改台账 (benches/ledger.rs writes it), read
# and fully counted by zhenggai, against openpyxl in read-only mode reading
# every row's values (what visidata and most Python scripts do).
LEDGER=$DATA/ledger-20000.xlsx
[[ -s $LEDGER ]] || ZG_LEDGER_OUT=$LEDGER cargo bench --bench ledger >/dev/null 2>&1
python3 -c 'import openpyxl' 2>/dev/null || pip install --quiet openpyxl >/dev/null 2>&1 || true
OPENPYXL="python3 -c 'import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1], read_only=True); print(sum(1 for ws in wb.worksheets for r in ws.iter_rows(values_only=True)))' $LEDGER"
LEDGER_ROWS=()
ledger_row() { LEDGER_ROWS+=("| $1 | $(wall_ms "$2 > /dev/null") ms | $(peak_mib "$2") |"); }
ledger_row "zhenggai summary --format json (read + validate + stats)" "$ZG summary --format json $LEDGER"
ledger_row "zhenggai check (read + validate)" "$ZG check $LEDGER"
if python3 -c 'import openpyxl' 2>/dev/null; then
    ledger_row "openpyxl $(python3 -c 'import openpyxl; print(openpyxl.__version__)') load_workbook(read_only=True), every row" "$OPENPYXL"
fi
ledger_table() {
    echo "## Ledgers: $(($(stat -c %s "$LEDGER") / 1024)) KiB xlsx, 20,000 rows (10,000 problems merged over two rows)"
    echo
    echo "| tool | time | peak MiB |"
    echo "|---|---:|---:|"
    printf '%s\n' "${LEDGER_ROWS[@]}"
}
if ((LEDGER_ONLY)); then
    ledger_table
    exit 0
fi

# Time to first screen in tmux: starts `$1` in a fresh 120x40 pane, polls the
# pane until it shows `$2`, then quits with `q`. Prints "ms peak_mib": the
# minimum time over $RUNS runs and the largest peak memory of the program.
first_screen() {
    local cmd=$1 pattern=$2 best=999999 peak=0 mem start now ms
    mem=$(mktemp)
    for _ in $(seq "$RUNS"); do
        rm -f "$mem"
        tmux kill-session -t zgbench 2>/dev/null || true
        start=$(date +%s%N)
        tmux new-session -d -s zgbench -x 120 -y 40 "/usr/bin/time -v -o $mem $cmd"
        while :; do
            if tmux capture-pane -p -t zgbench 2>/dev/null | grep -q -- "$pattern"; then
                now=$(date +%s%N)
                break
            fi
            if (($(date +%s%N) - start > 60000000000)); then
                now=0
                break
            fi
            sleep 0.005
        done
        ms=$(((now - start) / 1000000))
        ((now > 0 && ms < best)) && best=$ms
        # Let the program finish loading before quitting, so that its peak
        # memory is the whole load, then quit.
        sleep 2
        tmux send-keys -t zgbench q
        for _ in $(seq 200); do
            tmux has-session -t zgbench 2>/dev/null || break
            sleep 0.05
        done
        tmux kill-session -t zgbench 2>/dev/null || true
        if [[ -s $mem ]]; then
            kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$mem")
            ((${kb:-0} > peak)) && peak=$kb
        fi
    done
    rm -f "$mem"
    echo "$best $((peak / 1024))"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
ROWS=()
row() { ROWS+=("| $1 | $2 | $3 |"); }

row "zhenggai summary --format json (load + stats)" "$(wall_ms "$ZG summary --format json $FILE > /dev/null") ms" "$(peak_mib "$ZG summary --format json $FILE")"
row "zhenggai check (load + validate)" "$(wall_ms "$ZG check $FILE > /dev/null") ms" "$(peak_mib "$ZG check $FILE")"
read -r ms mib < <(first_screen "$ZG --lang en $FILE" "zhenggai")
row "zhenggai dashboard, first screen" "$ms ms" "$mib"
read -r ms mib < <(first_screen "$ZG --lang en $FILE" "reports · 1/")
row "zhenggai dashboard, first reports in the table" "$ms ms" "$mib"
read -r ms mib < <(first_screen "$ZG --lang en $FILE" "reports · 1/${REPORTS[100]} ")
row "zhenggai dashboard, every report in the table (full load + stats)" "$ms ms" "$mib"
if [[ -x $JLESS ]]; then
    read -r ms mib < <(first_screen "$JLESS $FILE" "schema_version")
    row "jless, first screen" "$ms ms" "$mib"
fi
read -r ms mib < <(first_screen "bash -c 'jq -C . $FILE | less -R'" "schema_version")
row "jq -C . \\| less -R, first screen" "$ms ms" "$mib"
row "jq . > /dev/null" "$(wall_ms "jq . $FILE > /dev/null") ms" "$(peak_mib "jq . $FILE")"
row "python3 json.load" "$(wall_ms "python3 -c 'import json,sys; json.load(open(sys.argv[1]))' $FILE") ms" "$(peak_mib "python3 -c 'import json,sys; json.load(open(sys.argv[1]))' $FILE")"

SIZES=()
for mb in 1 10 100; do
    f=$DATA/$mb.json
    SIZES+=("| $((($(stat -c %s "$f") + 524288) / 1048576)) MiB (${REPORTS[$mb]} reports) | $(wall_ms "$ZG summary --format json $f > /dev/null") ms | $(wall_ms "$ZG check $f > /dev/null") ms | $(peak_mib "$ZG summary --format json $f") |")
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# Criterion's name and time lines, one line per benchmark, indented as code.
criterion() {
    cargo bench --bench "$1" -- --noplot --warm-up-time 1 --measurement-time "$2" 2>/dev/null |
        grep -E "^$3|^ +time:" | grep -v '%' | paste - - | sed -E 's/ +/ /g; s/^/    /' || true
}
CRIT=""
if ((CRITERION)); then
    CRIT="$(criterion load 5 'load/')
$(criterion render 3 'render ')
$(criterion search 3 'search ')
$(criterion ledger 8 'ledger/')"
fi

MARKER="<!-- notes: kept by scripts/bench.sh -->"
NOTES=""
[[ -f $OUT ]] && NOTES=$(awk -v m="$MARKER" '$0 == m { keep = 1 } keep' "$OUT")
MODEL=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
{
    echo "# Performance"
    echo
    echo "Measured by \`scripts/bench.sh\` on $(date -u +%Y-%m-%d) ($(date -u +%H:%M) UTC),"
    echo "on $(nproc) cores of $MODEL, with $(free -g | awk '/Mem:/ {print $2}') GiB of memory."
    echo "Load average before the run: $LOAD_BEFORE; after: $LOAD_AFTER."
    echo "The data is \`zhenggai generate --reports 2150\`: $(($(stat -c %s "$FILE") / 1048576)) MiB of JSON."
    echo
    echo "Times are the minimum of $RUNS runs; peak memory is the maximum resident set"
    echo "size. A first screen is the time from starting the program in a 120x40 tmux"
    echo "pane until \`tmux capture-pane\` shows it (polled every 5 ms)."
    echo
    echo "| tool | first screen / load | peak MiB |"
    echo "|---|---:|---:|"
    printf '%s\n' "${ROWS[@]}"
    [[ -n $JLESS_NOTE ]] && echo && echo "$JLESS_NOTE."
    echo
    ledger_table
    echo
    echo "## zhenggai by size"
    echo
    echo "| file | summary | check | peak MiB |"
    echo "|---|---:|---:|---:|"
    printf '%s\n' "${SIZES[@]}"
    if [[ -n $CRIT ]]; then
        echo
        echo "## Criterion: benches/load.rs (parse + validate + stats, in process), render.rs (a frame and a key press with 10,000 reports), search.rs, ledger.rs (a 20,000-row ledger read + validate + stats)"
        echo
        echo "$CRIT"
    fi
    # Notes written by hand below the marker survive a new run.
    echo
    if [[ -n $NOTES ]]; then echo "$NOTES"; else echo "$MARKER"; fi
} >"$OUT"
echo "wrote $OUT"
cat "$OUT"
