#!/usr/bin/env bash
# The console's first seconds as a person lives them: launch to prompt, then three inputs typed at a person's pace
# (the first 1.5 s after the prompt, each next one 1 s after the result before it), each timed from Enter to its
# result on the screen.
#   benchmarks/startup/first-inputs.sh [RUNS] [-- LAUNCHER ARGS...]     (default: bin/aether, 5 runs)
# Prints one line per run ("prompt P s, inputs A B C s") and the medians. A tmux session of 200x50, the screen polled
# every 20 ms. The environment passes through (AETHER_JAVA_HOME, AETHER_CDS_DIR, HOME). Needs tmux.
set -u
runs=${1:-5}; shift $(( $# >= 1 ? 1 : 0 ))
[ "${1:-}" = "--" ] && shift
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
launcher=("${@:-$root/bin/aether}"); [ $# -eq 0 ] && launcher=("$root/bin/aether")
command -v tmux >/dev/null || { echo "tmux is not installed: apt-get install -y tmux" >&2; exit 2; }
s=first-inputs-$$
trap 'tmux kill-session -t "$s" 2>/dev/null' EXIT
inputs=("1234+4321" "play(sine(440).to(gain(-20))); 2222*3" "9999-1")
results=("5555" "6666" "9998")
now() { date +%s%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", (b - a) / 1e9}'; }
# waits up to 30 s for a screen line matching $1; prints the time it showed, or nothing
wait_for() {
  for _ in $(seq 1500); do
    if tmux capture-pane -p -t "$s" | grep -qE "$1"; then now; return; fi
    sleep 0.02
  done
}
lines=()
for ((r = 1; r <= runs; r++)); do
  t0=$(now)
  tmux new-session -d -s "$s" -x 200 -y 50 "$(printf '%q ' "${launcher[@]}")" || exit 1
  tmux set-option -t "$s" remain-on-exit on >/dev/null
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
  tmux send-keys -t "$s" -l ":quit"; tmux send-keys -t "$s" Enter
  for _ in $(seq 250); do [ "$(tmux display -p -t "$s" '#{pane_dead}' 2>/dev/null)" = 1 ] && break; sleep 0.02; done
  tmux kill-session -t "$s" 2>/dev/null
done
med() { sort -n | awk '{a[NR]=$1} END{printf "%.2f", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
printf 'median: prompt %s s, inputs %s %s %s s (%d runs)\n' \
  "$(printf '%s\n' "${lines[@]}" | awk '{print $2}' | med)" "$(printf '%s\n' "${lines[@]}" | awk '{print $5}' | med)" \
  "$(printf '%s\n' "${lines[@]}" | awk '{print $6}' | med)" "$(printf '%s\n' "${lines[@]}" | awk '{print $7}' | med)" "${#lines[@]}"
