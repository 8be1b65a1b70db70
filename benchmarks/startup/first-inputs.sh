#!/usr/bin/env bash
# The console's first seconds as a person lives them: launch to prompt, then three inputs typed at a person's pace
# (the first 1.5 s after the prompt, each next one 1 s after the result before it), each timed from Enter to its
# result on the screen.
#   benchmarks/startup/first-inputs.sh [RUNS] [-- LAUNCHER ARGS...]     (default: bin/aether, 5 runs)
# Prints one line per run ("prompt P s, inputs A B C s") and the medians. The environment passes through
# (AETHER_JAVA_HOME, AETHER_CDS_DIR, HOME). Needs tmux.
set -u
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/tmux-console.sh"
inputs=("1234+4321" "play(sine(440).to(gain(-20))); 2222*3" "9999-1")
results=("5555" "6666" "9998")
lines=()
for ((r = 1; r <= runs; r++)); do
  t0=$(now)
  console_start
  shown=$(wait_for 'aether> ?$')
  [ -n "$shown" ] || { echo "run $r: no prompt within 30 s" >&2; tmux capture-pane -p -t "$s" >&2; exit 1; }
  line="prompt $(secs "$t0" "$shown") s, inputs"
  sleep 1.5
  for k in 0 1 2; do
    tmux send-keys -t "$s" -l "${inputs[$k]}"; t=$(now); tmux send-keys -t "$s" Enter
    seen=$(wait_for "==> ${results[$k]}\$")
    [ -n "$seen" ] || { echo "run $r: no result of ${inputs[$k]} within 30 s" >&2; tmux capture-pane -p -t "$s" >&2; exit 1; }
    line+=" $(secs "$t" "$seen")"
    sleep 1
  done
  echo "$line s"; lines+=("$line")
  console_quit
done
col() { printf '%s\n' "${lines[@]}" | awk -v c="$1" '{print $c}' | median; }
printf 'median: prompt %s s, inputs %s %s %s s (%d runs)\n' "$(col 2)" "$(col 5)" "$(col 6)" "$(col 7)" "${#lines[@]}"
