#!/usr/bin/env bash
# End-to-end CVSS scoring benchmark (issue 4): 1,000,000 seeded random vectors (v2.0/v3.0/v3.1/v4.0, a quarter each)
# scored by `rampart cvss` (Release build) from a file on stdin to /dev/null, text and --json.
# Usage: perf/cvss-1m.sh [count]   (figures: perf/README.md, "CVSS scoring (issue 4)")
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000000}
work=${TMPDIR:-/tmp}/rampart-cvss-bench
mkdir -p "$work"
vectors="$work/vectors-$count.txt"
[ -s "$vectors" ] || python3 perf/cvss-vectors.py "$count" 4 > "$vectors"
echo "input: $vectors ($(wc -l < "$vectors") lines, $(sort -u "$vectors" | wc -l) distinct, $(du -h "$vectors" | cut -f1))"
dotnet build src/Rampart.Cli -c Release -v quiet -nologo >/dev/null
rampart=(dotnet src/Rampart.Cli/bin/Release/net10.0/rampart.dll)
"${rampart[@]}" cvss CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H >/dev/null # warm the file cache
for mode in text json; do
  flag=(); [ "$mode" = json ] && flag=(--json)
  start=$(date +%s%N)
  if [ -x /usr/bin/time ]; then
    cpu=$( { /usr/bin/time -f '%U s user, %S s sys, peak RSS %M KiB' "${rampart[@]}" cvss "${flag[@]}" < "$vectors" > /dev/null; } 2>&1 )
  else
    "${rampart[@]}" cvss "${flag[@]}" < "$vectors" > /dev/null; cpu=""
  fi
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  printf '%-5s %s vectors in %d.%03d s wall clock (%s); load average %s\n' "$mode" "$count" $((ms / 1000)) $((ms % 1000)) "$cpu" "$(cut -d' ' -f1 /proc/loadavg)"
done
