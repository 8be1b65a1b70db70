#!/usr/bin/env bash
# Seconds from launching the console to its prompt showing in a real terminal (a tmux pane), then :quit.
#   benchmarks/startup/first-prompt.sh [RUNS] [-- LAUNCHER ARGS...]     (default: bin/aether, 5 runs)
# Prints one line per run ("first prompt after S s") and the median. Each run starts a new tmux session of
# 200x50 and polls the screen every 20 ms for a line ending in "aether>" (tmux drops the trailing space). The
# environment passes through (AETHER_JAVA_HOME, AETHER_JAVA_OPTS, HOME). Needs tmux.
set -u
runs=${1:-5}; shift $(( $# >= 1 ? 1 : 0 ))
[ "${1:-}" = "--" ] && shift
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
launcher=("${@:-$root/bin/aether}"); [ $# -eq 0 ] && launcher=("$root/bin/aether")
command -v tmux >/dev/null || { echo "tmux is not installed: apt-get install -y tmux" >&2; exit 2; }
s=first-prompt-$$
trap 'tmux kill-session -t "$s" 2>/dev/null' EXIT
times=()
for ((r = 1; r <= runs; r++)); do
  t0=$(date +%s%N)
  tmux new-session -d -s "$s" -x 200 -y 50 "$(printf '%q ' "${launcher[@]}")" || exit 1
  tmux set-option -t "$s" remain-on-exit on >/dev/null
  shown=""
  for _ in $(seq 1500); do                                  # up to 30 s
    if tmux capture-pane -p -t "$s" | grep -qE 'aether> ?$'; then shown=$(date +%s%N); break; fi
    sleep 0.02
  done
  if [ -z "$shown" ]; then echo "run $r: no prompt within 30 s; screen:" >&2; tmux capture-pane -p -t "$s" >&2
  else
    t=$(awk "BEGIN{printf \"%.2f\", ($shown - $t0) / 1e9}"); times+=("$t"); echo "first prompt after $t s"
  fi
  tmux send-keys -t "$s" -l ":quit"; tmux send-keys -t "$s" Enter
  for _ in $(seq 250); do [ "$(tmux display -p -t "$s" '#{pane_dead}' 2>/dev/null)" = 1 ] && break; sleep 0.02; done
  tmux kill-session -t "$s" 2>/dev/null
done
[ ${#times[@]} -gt 0 ] && printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END{printf "median %.2f s (min %.2f, max %.2f, %d runs)\n", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2), a[1], a[NR], NR}'
