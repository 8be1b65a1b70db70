#!/usr/bin/env bash
# Seconds from launching the console to its prompt showing in a real terminal (a tmux pane), then :quit.
#   benchmarks/startup/first-prompt.sh [RUNS] [-- LAUNCHER ARGS...]     (default: bin/aether, 5 runs)
# Prints one line per run ("first prompt after S s") and the median. A line ending in "aether>" is the prompt (tmux
# drops the trailing space). The environment passes through (AETHER_JAVA_HOME, AETHER_JAVA_OPTS, HOME). Needs tmux.
set -u
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/tmux-console.sh"
times=()
for ((r = 1; r <= runs; r++)); do
  t0=$(now)
  console_start
  shown=$(wait_for 'aether> ?$')
  if [ -z "$shown" ]; then echo "run $r: no prompt within 30 s; screen:" >&2; tmux capture-pane -p -t "$s" >&2
  else
    t=$(secs "$t0" "$shown"); times+=("$t"); echo "first prompt after $t s"
  fi
  console_quit
done
[ ${#times[@]} -gt 0 ] && printf 'median %s s (min %s, max %s, %d runs)\n' "$(printf '%s\n' "${times[@]}" | median)" \
  "$(printf '%s\n' "${times[@]}" | sort -n | head -1)" "$(printf '%s\n' "${times[@]}" | sort -n | tail -1)" "${#times[@]}"
