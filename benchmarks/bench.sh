#!/usr/bin/env bash
# Measures the course's feedback loops on this machine: medians of N warm runs (default 3).
#   benchmarks/bench.sh            # everything
#   benchmarks/bench.sh grade test # only these
# Prints a Markdown table. Timings are wall-clock seconds; the first (cold) run of each is discarded.
set -uo pipefail
cd "$(dirname "$0")/.."
runs="${BENCH_RUNS:-3}"
what=("$@")
[ ${#what[@]} -eq 0 ] && what=(moto grade grade-module test verify-workshop mvn-verify)
export NO_COLOR=1

median() { sort -n | awk '{a[NR]=$1} END {m=int((NR+1)/2); if (NR%2) print a[m]; else printf "%.2f\n", (a[m]+a[m+1])/2}'; }
time_it() { # command... -> seconds
  local t0 t1
  t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f\n", b - a }'
}
bench() { # label, command...
  local label="$1"; shift
  "$@" >/dev/null 2>&1 || true   # warm-up, not counted
  local samples=()
  for _ in $(seq "$runs"); do samples+=("$(time_it "$@")"); done
  printf '| %s | %s | %s |\n' "$label" "$(printf '%s\n' "${samples[@]}" | median)" "${samples[*]}"
}

echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -n 1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| what | median s | runs |"
echo "|---|---|---|"
for w in "${what[@]}"; do
  case "$w" in
    moto)
      samples=()
      for _ in $(seq "$runs"); do
        samples+=("$(./workshop test 1.1 2>&1 | sed -n 's/.*ready in \([0-9.]*\) s.*/\1/p' | head -n 1)")
      done
      printf '| moto start (launch to first answer) | %s | %s |\n' "$(printf '%s\n' "${samples[@]}" | median)" "${samples[*]}" ;;
    grade) bench "./workshop grade (whole course, warm)" ./workshop grade ;;
    grade-module) bench "./workshop grade 01" ./workshop grade 01 ;;
    test) bench "./workshop test 1.3 (one exercise, warm)" ./workshop test 1.3 ;;
    verify-workshop) bench "./workshop verify" ./workshop verify ;;
    mvn-verify) bench "./mvnw verify (warm, no clean)" ./mvnw -q verify ;;
    *) echo "unknown benchmark $w" >&2; exit 2 ;;
  esac
done
