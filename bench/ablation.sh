#!/usr/bin/env bash
# Ablation: scan a simulated run once with every signal group on, then once with each group switched off, and
# print eval's account line, the campaign families' recall and the worst benign persona for each.
#   ./distillguard simulate --seed 42 --out run/sim
#   bench/ablation.sh run/sim [out-dir]
set -euo pipefail
sim="${1:?usage: bench/ablation.sh SIM_DIR [OUT_DIR]}"
out="${2:-run/ablation}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$out"
for group in none families lockstep infrastructure content rhythm volume coordination; do
  if [ "$group" = none ]; then : > "$out/$group.properties"; else
    echo "detection.disabled_signals = $group" > "$out/$group.properties"; fi
  "$here/distillguard" scan --quiet --config "$out/$group.properties" --input "$sim/events.jsonl" \
    --allowlist "$sim/allowlist.txt" --out "$out/$group" > /dev/null
  "$here/distillguard" eval --labels "$sim/labels.jsonl" --scenario "$sim/scenario.json" \
    --verdicts "$out/$group/verdicts.jsonl" > "$out/$group.eval.txt"
  echo "== switched off: $group"
  grep -E '^  attack  |^  [a-z_]+ +(high_volume|low_and_slow) |benign persona attack rate' "$out/$group.eval.txt"
done
