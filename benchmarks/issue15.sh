#!/usr/bin/env bash
# Issue 15's proof in one run: the JMH figures and the whole-process start-up figures, on JDK 17 and Temurin 25,
# printed as one table with each target beside it.
#
#   benchmarks/issue15.sh [--quick] [--with-sc]
#
# JMH (2 forks, 3 x 1 s warm-up, 5 x 1 s measured; --quick: 1 fork, 2 + 3 iterations), one invocation per JDK:
#   StandardPatchBenchmark fused / engine / engineStdlib at 256 voices (one thread: the benchmarks pin it),
#   SchedulerBenchmark.renderBlock at 1000 no-op nodes (writing silence, and 0.25), ParallelPlanBenchmark.renderBlock at 256 voices, OFF and ON;
#   then, on JDK 25, the node-per-stage and scheduler rows again with the guard on the Vector API (--add-modules
#   jdk.incubator.vector).
# Whole processes (5 runs each, median; --quick: 3): `bin/aether render` of a 10-second script, and the console's
# first prompt (benchmarks/startup/first-prompt.sh; needs tmux). --with-sc also runs benchmarks/vs-supercollider/run.sh
# (installs scsynth and ChucK from Debian; minutes).
#
# Figures need a quiet machine: the load average is printed beside each JDK's block. Builds benchmarks.jar and the
# launcher's jars when missing. Not part of CI's test run.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
QUICK=0; WITH_SC=0
for a in "$@"; do
  case "$a" in
    --quick) QUICK=1 ;;
    --with-sc) WITH_SC=1 ;;
    *) echo "unknown option $a (use --quick, --with-sc)" >&2; exit 2 ;;
  esac
done
JAR="$ROOT/benchmarks/target/benchmarks.jar"
[[ -f $JAR ]] || (cd "$ROOT" && mvn -q -B -pl benchmarks -am package -DskipTests -Daether.stress.skip)
WORK="$(mktemp -d /tmp/aether-issue15.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
if ((QUICK)); then JMH=(-f 1 -wi 2 -i 3 -w 1s -r 1s); RUNS=3; else JMH=(-f 2 -wi 3 -i 5 -w 1s -r 1s); RUNS=5; fi

JDKS=("17:$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
for j in /usr/lib/jvm/temurin-25*; do [[ -x $j/bin/java ]] && JDKS+=("25:$j") && break; done

median() { sort -n | awk '{a[NR]=$1} END{if (NR) printf "%.2f", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2); else printf "-"}'; }
# score of one JMH row (µs/op: JMH runs with -tu us) from the CSV: benchmark suffix, then "param=value" filters
score() {
  awk -F, -v bench="$1" -v want="${2:-}" '
    NR == 1 { for (i = 1; i <= NF; i++) { h = $i; gsub(/"/, "", h); col[h] = i }; next }
    { b = $1; gsub(/"/, "", b); if (b !~ ("\\." bench "$")) next
      if (want != "") { split(want, kv, "="); p = $(col["Param: " kv[1]]); gsub(/"/, "", p); if (p != kv[2]) next }
      printf "%.1f", $(col["Score"]); exit }' "$3"
}

summary=()
vector=()
for entry in "${JDKS[@]}"; do
  v=${entry%%:*}; home=${entry#*:}
  load=$(cut -d' ' -f1 /proc/loadavg)
  echo "== JDK $v ($home), load $load: JMH" >&2
  csv="$WORK/jmh-$v.csv"
  "$home/bin/java" -jar "$JAR" "${JMH[@]}" -tu us -p voices=256 -p nodes=1000 -p level=0,0.25 -p mode=OFF,ON -rf csv -rff "$csv" \
      '(StandardPatchBenchmark\.(fused|engine|engineStdlib)|SchedulerBenchmark\.renderBlock|ParallelPlanBenchmark\.renderBlock)$' \
      > "$WORK/jmh-$v.log" 2>&1 || { tail -20 "$WORK/jmh-$v.log" >&2; exit 1; }
  fused=$(score fused "" "$csv"); eng=$(score engine "" "$csv"); std=$(score engineStdlib "" "$csv")
  silent=$(score renderBlock level=0 "$csv"); sounding=$(score renderBlock level=0.25 "$csv")
  one=$(score renderBlock mode=OFF "$csv"); two=$(score renderBlock mode=ON "$csv")
  # the same rows with the guard on the Vector API (AETHER_VECTOR=on, JDK 25 and later; JMH's forks inherit --add-modules)
  vstd=-; vtwo=-; vsilent=-; vsounding=-
  if ((v >= 25)); then
    vcsv="$WORK/jmh-$v-vector.csv"
    "$home/bin/java" --add-modules=jdk.incubator.vector -jar "$JAR" "${JMH[@]}" -tu us -p voices=256 -p nodes=1000 \
        -p level=0,0.25 -p mode=ON -rf csv -rff "$vcsv" \
        '(StandardPatchBenchmark\.engineStdlib|SchedulerBenchmark\.renderBlock|ParallelPlanBenchmark\.renderBlock)$' \
        > "$WORK/jmh-$v-vector.log" 2>&1 || { tail -20 "$WORK/jmh-$v-vector.log" >&2; exit 1; }
    vstd=$(score engineStdlib "" "$vcsv"); vtwo=$(score renderBlock mode=ON "$vcsv")
    vsilent=$(score renderBlock level=0 "$vcsv"); vsounding=$(score renderBlock level=0.25 "$vcsv")
  fi

  echo "== JDK $v: whole processes" >&2
  script="$ROOT/examples/scripts/01-hello-sine.jsh"
  AETHER_JAVA_HOME="$home" "$ROOT/bin/aether" render "$script" --seconds 10 --out "$WORK/warm.wav" >/dev/null 2>&1 || true  # records the archive
  renders=()
  for ((r = 0; r < RUNS; r++)); do
    t0=$(date +%s%N)
    AETHER_JAVA_HOME="$home" "$ROOT/bin/aether" render "$script" --seconds 10 --out "$WORK/a.wav" >/dev/null 2>&1
    renders+=("$(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN{printf "%.2f", (b - a) / 1e9}')")
  done
  render=$(printf '%s\n' "${renders[@]}" | median)
  prompt="-"
  if command -v tmux >/dev/null; then
    prompt=$(AETHER_JAVA_HOME="$home" "$ROOT/benchmarks/startup/first-prompt.sh" "$RUNS" | awk '/^median/ {print $2}')
  fi
  summary+=("$(printf '| %s (load %s) | %s / %s µs = **%.2f×** | %s / %s µs = %.2f× | %s / %s µs | %s / %s µs = **%.2f×** | %s s | %s s |' \
      "$v" "$load" "$fused" "$std" "$(awk -v a="$fused" -v b="$std" 'BEGIN{print a/b}')" \
      "$fused" "$eng" "$(awk -v a="$fused" -v b="$eng" 'BEGIN{print a/b}')" "$silent" "$sounding" \
      "$one" "$two" "$(awk -v a="$one" -v b="$two" 'BEGIN{print a/b}')" "$render" "$prompt")")
  if ((v >= 25)); then
    vector+=("$(printf '| %s | %s / %s µs = **%.2f×** | %s µs = %.2f× | %s / %s µs |' "$v" "$fused" "$vstd" \
        "$(awk -v a="$fused" -v b="$vstd" 'BEGIN{print a/b}')" "$vtwo" "$(awk -v a="$fused" -v b="$vtwo" 'BEGIN{print a/b}')" \
        "$vsilent" "$vsounding")")
  else
    vector+=("| $v | (the vector scan needs JDK 25) | | |")
  fi
done

echo
echo "| JDK | stdlib patch, 256 voices, one thread: fused / node per stage (target ≥ 0.6×) | the same with the benchmark's own nodes | scheduler, 1000 no-op nodes writing silence / a level (target ≤ 10 µs) | 256 voices, one thread / two (target ≥ 1.7×) | 10-s render, whole process (target ≤ 1 s) | first prompt (target ≤ 1 s) |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${summary[@]}"
echo
echo
echo "With the guard on the Vector API (AETHER_VECTOR=on: java --add-modules=jdk.incubator.vector, JDK 25 and later), JMH:"
echo
echo "| JDK | stdlib patch, one thread: fused / node per stage | the same on two threads, against the one-thread fused loop | scheduler, 1000 no-op nodes writing silence / a level |"
echo "|---|---|---|---|"
printf '%s\n' "${vector[@]}"
echo
echo "JMH: ${JMH[*]}, one 64-frame block per op; whole processes: median of $RUNS runs."
if ((WITH_SC)); then "$ROOT/benchmarks/vs-supercollider/run.sh"; fi
