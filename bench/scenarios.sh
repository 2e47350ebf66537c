#!/usr/bin/env bash
# Detection across scenario shapes, not only the default: simulates each scenario below (once; kept in OUT_DIR),
# scans it and prints one line per scenario (verdicts md5, attack TP/FP/FN, precision, recall, failed targets) and the
# failed targets themselves. Run it on every detection change; a signal that only works on one shape is tuning.
#   bench/scenarios.sh [OUT_DIR=run/scenarios] [PROMPTS_DIR=../shared/data/prompts]
# Scenarios: seed 42 and seed 7 (half size) as the default; the same two on the full public prompt sets (seeds 42, 5);
# three days (seed 11); quarter size, small campaigns (seed 3); fourteen days at half size (seed 9); seed 42 with the
# campaigns' evasions on (simulate --evasive: customers' clients and networks, own payments, unsynchronized starts,
# half on a human daily cycle); seed 42 with unrelated developers who share one open-source coding agent (simulate
# --shared-tool-users, a hard negative: see README). About 7 minutes on 2 cores.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-run/scenarios}"
prompts="${2:-$here/../shared/data/prompts}"
mkdir -p "$out"
scenario() { # name, simulate options...
  local name=$1; shift
  if [ ! -f "$out/$name/sim/labels.jsonl" ]; then
    "$here/distillguard" simulate --quiet "$@" --out "$out/$name/sim"
  fi
  "$here/distillguard" scan --quiet --input "$out/$name/sim/events.jsonl" \
    --allowlist "$out/$name/sim/allowlist.txt" --out "$out/$name/scan" > /dev/null
  "$here/distillguard" eval --labels "$out/$name/sim/labels.jsonl" --verdicts "$out/$name/scan/verdicts.jsonl" \
    > "$out/$name/eval.txt"
  local acc
  acc=$(awk '/predicted positive/{getline; print "TP " $2 " FP " $3 " FN " $4 " precision " $6 " recall " $7; exit}' \
    "$out/$name/eval.txt")
  printf '%-14s %s  %s  %s failed\n' "$name" "$(md5sum < "$out/$name/scan/verdicts.jsonl" | cut -c1-8)" "$acc" \
    "$(grep -c '^  FAIL' "$out/$name/eval.txt" || true)"
  grep '^  FAIL' "$out/$name/eval.txt" | sed 's/^/    /' || true
}
scenario seed42 --seed 42
scenario seed7 --seed 7 --scale 0.5
scenario corpus42 --seed 42 --corpus "$prompts"
scenario corpus5 --seed 5 --corpus "$prompts"
scenario days3 --seed 11 --days 3
scenario quarter --seed 3 --scale 0.25
scenario days14 --seed 9 --scale 0.5 --days 14
scenario evasive42 --seed 42 --evasive
scenario sharedtool42 --seed 42 --shared-tool-users
