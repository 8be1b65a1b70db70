# Sourced by the start-up scripts beside it: their arguments ([RUNS] [-- LAUNCHER ARGS...], default bin/aether and 5
# runs) and the console in a tmux pane of 200x50 whose screen is polled every 20 ms. Needs tmux.
runs=${1:-5}; shift $(( $# >= 1 ? 1 : 0 ))
[ "${1:-}" = "--" ] && shift
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
launcher=("${@:-$root/bin/aether}"); [ $# -eq 0 ] && launcher=("$root/bin/aether")
command -v tmux >/dev/null || { echo "tmux is not installed: apt-get install -y tmux" >&2; exit 2; }
s=aether-startup-$$
trap 'tmux kill-session -t "$s" 2>/dev/null' EXIT

now() { date +%s%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", (b - a) / 1e9}'; }
# starts the launcher in a new tmux session
console_start() {
  tmux new-session -d -s "$s" -x 200 -y 50 "$(printf '%q ' "${launcher[@]}")" || exit 1
  tmux set-option -t "$s" remain-on-exit on >/dev/null
}
# waits up to 30 s for a screen line matching the regex $1; prints the time it showed, or nothing
wait_for() {
  for _ in $(seq 1500); do
    if tmux capture-pane -p -t "$s" | grep -qE "$1"; then now; return; fi
    sleep 0.02
  done
}
# types :quit and waits for the console to end (up to 5 s), then removes the session
console_quit() {
  tmux send-keys -t "$s" -l ":quit"; tmux send-keys -t "$s" Enter
  for _ in $(seq 250); do [ "$(tmux display -p -t "$s" '#{pane_dead}' 2>/dev/null)" = 1 ] && break; sleep 0.02; done
  tmux kill-session -t "$s" 2>/dev/null
}
# the median of the numbers on standard input
median() { sort -n | awk '{a[NR]=$1} END{printf "%.2f", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
