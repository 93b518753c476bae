#!/usr/bin/env bash
# Measures the course's feedback loops on this machine, each beside plain Maven doing the same work in
# the same run: medians of N warm runs (default 3; the first, cold run of each is discarded).
#   benchmarks/bench.sh                 # everything
#   benchmarks/bench.sh test grade      # only these
#   benchmarks/bench.sh test03 grade03  # module 03 (Lambda: every test deploys and runs functions)
#   BENCH_RUNS=5 benchmarks/bench.sh
# The runs happen in a scratch copy of this working tree with the reference solutions copied over the
# skeletons, so that every test runs to the end (as a learner's loop does once they have started),
# and nothing here is touched. Prints a Markdown table: wall-clock seconds, and the ratio to Maven.
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${BENCH_RUNS:-3}"
what=("$@")
[ ${#what[@]} -eq 0 ] && what=(moto test grade verify mvn-verify)
export NO_COLOR=1

scratch="$(mktemp -d "${TMPDIR:-/tmp}/arcade-bench.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
(cd "$here" && git ls-files -co --exclude-standard -z | tar --null -cf - -T -) | tar -xf - -C "$scratch"
for m in "$scratch"/module-*/; do
  name="$(basename "$m")"
  [ -d "$scratch/solutions/$name/src/main/java" ] && cp -r "$scratch/solutions/$name/src/main/java/." "$m/src/main/java/"
done
cd "$scratch"
# plain Maven resolves a single module's course-kit from the local repository: install the machinery there
./mvnw -q -o -B -DskipTests -pl course-grader -am install >/dev/null 2>&1 || ./mvnw -q -B -DskipTests -pl course-grader -am install >/dev/null 2>&1

# every course module that has graded tests, as Maven's -pl list
graded="$(for m in module-*/; do [ -d "$m/src/test/java" ] && printf '%s,' "${m%/}"; done)"; graded="${graded%,}"

median() { sort -n | awk '{a[NR]=$1} END {m=int((NR+1)/2); if (NR%2) print a[m]; else printf "%.2f\n", (a[m]+a[m+1])/2}'; }
time_it() { # command... -> seconds
  local t0 t1
  t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f\n", b - a }'
}
sample() { # command... -> "median|runs"
  "$@" >/dev/null 2>&1 || true   # warm-up, not counted
  local samples=()
  for _ in $(seq "$runs"); do samples+=("$(time_it "$@")"); done
  echo "$(printf '%s\n' "${samples[@]}" | median)|${samples[*]}"
}
pair() { # label, maven label, "workshop command", "maven command"
  local a b
  a="$(sample bash -c "$3")"; b="$(sample bash -c "$4")"
  printf '| %s | %s | %s | %s | %s |\n' "$1" "${a%%|*}" "$2" "${b%%|*}" \
    "$(awk -v x="${a%%|*}" -v y="${b%%|*}" 'BEGIN { printf "%.2f", x / y }')"
}
single() { # label, command
  local a; a="$(sample bash -c "$2")"
  printf '| %s | %s | | | |\n' "$1" "${a%%|*}"
}

echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -n 1), load $(cut -d' ' -f1-3 /proc/loadavg); $runs warm runs each, medians"
echo
echo "| run | median s | plain Maven doing the same | median s | ratio |"
echo "|---|---|---|---|---|"
mvn_tests='./mvnw -q -o -B -Dworkshop.skipExercises=false -Dsurefire.failIfNoSpecifiedTests=false'
for w in "${what[@]}"; do
  case "$w" in
    moto)
      samples=()
      for _ in $(seq "$runs"); do
        samples+=("$(./workshop test 1.1 2>&1 | sed -n 's/.*ready in \([0-9.]*\) s.*/\1/p' | head -n 1)")
      done
      printf '| moto start (launch to first answer) | %s | | | |\n' "$(printf '%s\n' "${samples[@]}" | median)" ;;
    test) pair '`./workshop test 1.3`, nothing changed' '`-pl module-01-dynamodb test -Dtest=Exercise13BestScoreTest`' \
        './workshop test 1.3' "$mvn_tests -pl module-01-dynamodb test -Dtest=Exercise13BestScoreTest" ;;
    test-touched) pair '`./workshop test 1.3` after touching its skeleton' 'the same Maven run after the same touch' \
        'touch module-01-dynamodb/src/main/java/dev/arcade/dynamodb/BestScores.java; ./workshop test 1.3' \
        "touch module-01-dynamodb/src/main/java/dev/arcade/dynamodb/BestScores.java; $mvn_tests -pl module-01-dynamodb test -Dtest=Exercise13BestScoreTest" ;;
    grade) pair '`./workshop grade` (every module)' "\`-pl $graded test\`" \
        './workshop grade' "$mvn_tests -pl $graded test" ;;
    test03) pair '`./workshop test 3.3` (deploys and invokes), nothing changed' '`-pl module-03-lambda test -Dtest=Exercise33*Test`' \
        './workshop test 3.3' "$mvn_tests -pl module-03-lambda test -Dtest='Exercise33*Test'" ;;
    grade03) pair '`./workshop grade 03`' '`-pl module-03-lambda test`' \
        './workshop grade 03' "$mvn_tests -pl module-03-lambda test" ;;
    verify) single '`./workshop verify` (reference and skeleton of every module)' './workshop verify' ;;
    mvn-verify) single '`./mvnw verify` (warm, no clean; every module and the kit'"'"'s tests)' './mvnw -q -o -B verify' ;;
    *) echo "unknown benchmark $w" >&2; exit 2 ;;
  esac
done
