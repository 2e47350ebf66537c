#!/usr/bin/env bash
# Runs `scan` for a fixed number of seconds and reports how many events it got through and the CPU seconds each
# thread group used (utime + stime from /proc, read just before stopping it). For comparing builds on the first part
# of a long log without waiting for the whole run; run builds back to back, nothing else running.
#   bench/probe.sh JAR EVENTS_FILE ALLOWLIST [SECONDS=150]
# JVM options: DISTILLGUARD_JAVA_OPTS (default: the launcher's, -Xmx4g -XX:+UseParallelGC).
set -euo pipefail
jar=$1; input=$2; allowlist=$3; secs=${4:-150}
out=$(mktemp -d); log="$out/scan.log"
# shellcheck disable=SC2086
java ${DISTILLGUARD_JAVA_OPTS:--Xmx4g -XX:+UseParallelGC} -jar "$jar" scan --input "$input" \
    --allowlist "$allowlist" --out "$out/result" > "$log" 2>&1 &
pid=$!
sleep "$secs"
cpu=$(python3 - "$pid" <<'PY'
import collections, os, re, sys
pid = sys.argv[1]; hz = os.sysconf('SC_CLK_TCK'); groups = collections.Counter()
for t in os.listdir(f'/proc/{pid}/task'):
    try:
        st = open(f'/proc/{pid}/task/{t}/stat').read()
    except OSError:
        continue
    name = st[st.index('(') + 1:st.rindex(')')]
    fields = st[st.rindex(')') + 2:].split()
    groups[re.sub(r'[\d#]+$', '', name).strip()] += (int(fields[11]) + int(fields[12])) / hz
print(' '.join(f'{k.replace(" ", "_")}={v:.1f}s' for k, v in groups.most_common(8)))
PY
)
kill "$pid"; wait "$pid" 2>/dev/null || true
events=$(tr '\r' '\n' < "$log" | grep '^scan: ' | tail -1 | sed 's/scan: \([0-9,]*\) events.*/\1/' | tr -d ,)
echo "events=${events:-0} in ${secs}s; CPU by thread ('java' is the detector thread): $cpu"
rm -rf "$out"
