#!/usr/bin/env bash
# Detection on prompts the bundled sample does not hold: simulate the default scenario drawing from the full public
# prompt sets (../shared/data/prompts), scan it, and print eval's account line, hard negatives, campaign families and
# failed targets. Run it on every detection change next to seed 42: it found a false-positive class the sample hid.
#   bench/corpus-check.sh [OUT_DIR=run/corpus-check] [PROMPTS_DIR=../shared/data/prompts] [SEED=42]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-run/corpus-check}"
prompts="${2:-$here/../shared/data/prompts}"
seed="${3:-42}"
mkdir -p "$out"
"$here/distillguard" simulate --quiet --seed "$seed" --corpus "$prompts" --out "$out/sim"
"$here/distillguard" scan --quiet --input "$out/sim/events.jsonl" --allowlist "$out/sim/allowlist.txt" \
  --out "$out/scan" > /dev/null
"$here/distillguard" eval --labels "$out/sim/labels.jsonl" --verdicts "$out/scan/verdicts.jsonl" > "$out/eval.txt"
grep -E '^  attack  |HARD NEGATIVE|^  general  |^  [a-z_]+ +(high_volume|low_and_slow) |^  FAIL' "$out/eval.txt"
