#!/usr/bin/env bash
# aether vs SuperCollider (scsynth -N) and ChucK (--silent), offline, on the standard patch of issue 15:
# N voices of band-limited saw -> RBJ low-pass (2 kHz, Q 0.707) -> linear ADSR (5 ms, 50 ms, 0.7, 200 ms) -> level 1/N
# -> sum, 48 kHz. Every system renders 10 s and 60 s as a whole process; steady-state cost per second of audio is
# (t60 - t10) / 50, so start-up cancels. The renders are checked to be the same sound (RMS of the sustained part
# within 0.4 dB of aether's node-per-stage render) before any figure is printed.
#
#   benchmarks/vs-supercollider/run.sh [voices...]      default: 64 256; RUNS=3 repeats (best of) ; JAVA_HOME honoured
#
# Installs supercollider-server, supercollider-language, chuck and sox from Debian when missing (root or sudo).
# Not part of CI's test run: it takes minutes and its figures need a quiet machine.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VOICES=("${@:-64 256}"); [[ $# -eq 0 ]] && VOICES=(64 256)
RUNS="${RUNS:-3}"
WORK="$(mktemp -d /tmp/aether-vs-sc.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

need=()
command -v scsynth >/dev/null || need+=(supercollider-server)
command -v sclang  >/dev/null || need+=(supercollider-language)
command -v chuck   >/dev/null || need+=(chuck)
command -v sox     >/dev/null || need+=(sox)
if ((${#need[@]})); then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
"$ROOT/bin/aether" --help >/dev/null 2>&1 || true        # builds aether once if needed

# --- the patch, three ways ----------------------------------------------------------------------------------------
freq() { awk -v v="$1" 'BEGIN { printf "%.6f", 55 * 2 ^ ((v % 36) / 12) }'; }

aether_nodes() {   # $1 voices: a node per stage (5N + 1 nodes), stdlib nodes
  cat <<JSH
var mix = add(new dev.aether.nodes.mix.Gain(0));
for (int v = 0; v < $1; v++) {
    var saw = add(new dev.aether.nodes.osc.SawOscillator().frequencyHz(55 * Math.pow(2, (v % 36) / 12.0)));
    var lp = add(new dev.aether.nodes.filter.BiquadFilter().cutoffHz(2000).q(0.707));
    var env = add(new dev.aether.nodes.env.AdsrEnvelope());
    env.attackSeconds.set(0.005); env.decaySeconds.set(0.05); env.sustainLevel.set(0.7); env.releaseSeconds.set(0.2);
    var vca = add(new dev.aether.nodes.mix.Vca());
    var level = add(new dev.aether.nodes.mix.Gain(20 * Math.log10(1.0 / $1)));
    connect(saw.out, lp.in); connect(lp.out, vca.in); connect(env.out, vca.control);
    connect(vca.out, level.in); connect(level.out, mix.in);
    env.noteOn();
}
play(mix);
JSH
}

aether_instrument() {   # $1 voices: synth(N), the fused SubtractiveVoice instrument
  cat <<JSH
import dev.aether.nodes.voice.*;
var poly = new PolyVoices($1, () -> new SubtractiveVoice().filter(2000, 0.707).adsr(0.005, 0.05, 0.7, 0.2)
        .gainDb(20 * Math.log10(1.0 / $1)));
play(poly);
for (int v = 0; v < $1; v++) poly.noteOnHz(v, 55 * Math.pow(2, (v % 36) / 12.0), 1.0);
JSH
}

sc_defs() {   # writes the SynthDef and the NRT score for $1 voices and $2 seconds into $3 (sclang, headless)
  cat > "$3/make.scd" <<SCD
SynthDef(\\voice, { |freq = 440, amp = 0.1|
    var sig = BLowPass.ar(Saw.ar(freq) * 2, 2000, 1 / 0.707);   // SC's Saw swings +-0.5
    sig = sig * EnvGen.ar(Env.adsr(0.005, 0.05, 0.7, 0.2, curve: \\lin), 1) * amp;
    Out.ar(0, sig ! 2);
}).writeDefFile("$3");
Score((0..($1 - 1)).collect { |v| [0.0, [\\s_new, \\voice, 1000 + v, 0, 0, \\freq, 55 * (2 ** ((v % 36) / 12)),
    \\amp, 1 / $1]] } ++ [[$2, [\\c_set, 0, 0]]]).writeOSCFile("$3/score.osc");
0.exit;
SCD
  QTWEBENGINE_DISABLE_SANDBOX=1 QT_QPA_PLATFORM=offscreen sclang "$3/make.scd" >"$3/sclang.log" 2>&1 || { cat "$3/sclang.log" >&2; exit 1; }
}

chuck_script() {   # $1 voices, $2 seconds, $3 out.wav
  cat <<CK
Gain mix => WvOut2 w => blackhole; "$3" => w.wavFilename; 2.0 / $1 => mix.gain;   // BlitSaw swings about +-0.5
for (0 => int v; v < $1; v++) {
    BlitSaw s => LPF f => ADSR e => mix; 55 * Math.pow(2, (v % 36) / 12.0) => s.freq; 0 => s.harmonics;
    2000 => f.freq; 0.707 => f.Q; e.set(5::ms, 50::ms, 0.7, 200::ms); e.keyOn();
}
$2::second => now; w.closeFile();
CK
}

# --- timing --------------------------------------------------------------------------------------------------------
best_time() {   # best wall time in s of RUNS runs of "$@"
  local best="" t s e
  for ((r = 0; r < RUNS; r++)); do
    s=$(date +%s%N); "$@" >"$WORK/last.log" 2>&1 || { cat "$WORK/last.log" >&2; return 1; }; e=$(date +%s%N)
    t=$(awk -v a="$s" -v b="$e" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    if [[ -z $best ]] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
  done
  echo "$best"
}
rms_db() { sox "$1" -n trim 1 remix 1 stats 2>&1 | awk '/RMS lev dB/ { print $4 }'; }

render_aether() { "$ROOT/bin/aether" render "$1" --seconds "$2" --format float --out "$3"; }
render_aether_one() { AETHER_JAVA_OPTS="${AETHER_JAVA_OPTS:-} -Daether.parallel=off" render_aether "$@"; }   # one thread
render_sc() { SC_SYNTHDEF_PATH="$1" scsynth -N "$1/score.osc" _ "$3" 48000 WAV float -o 2 -i 0; }   # $2 unused: the score ends it
render_chuck() { chuck --silent --srate:48000 "$1"; }

declare -A T
printf '%-26s %6s %10s %10s %12s %10s\n' system voices "t10 (s)" "t60 (s)" "s per s" "RMS dB"
for n in "${VOICES[@]}"; do
  for secs in 10 60; do
    d="$WORK/n$n-$secs"; mkdir -p "$d"
    aether_nodes "$n" > "$d/nodes.jsh"; aether_instrument "$n" > "$d/instrument.jsh"
    sc_defs "$n" "$secs" "$d"
    chuck_script "$n" "$secs" "$d/chuck.wav" > "$d/voices.ck"
    T["nodes$secs"]=$(best_time render_aether "$d/nodes.jsh" "$secs" "$d/nodes.wav")
    T["nodes1$secs"]=$(best_time render_aether_one "$d/nodes.jsh" "$secs" "$d/nodes1.wav")
    T["instrument$secs"]=$(best_time render_aether "$d/instrument.jsh" "$secs" "$d/instrument.wav")
    T["scsynth$secs"]=$(best_time render_sc "$d" "$secs" "$d/sc.wav")
    T["chuck$secs"]=$(best_time render_chuck "$d/voices.ck")
  done
  d="$WORK/n$n-10"
  ref=$(rms_db "$d/nodes.wav")
  for sys in nodes nodes1 instrument scsynth chuck; do
    case $sys in nodes) f=nodes.wav;; nodes1) f=nodes1.wav;; instrument) f=instrument.wav;; scsynth) f=sc.wav;; chuck) f=chuck.wav;; esac
    r=$(rms_db "$d/$f")
    tol=0.4; [[ $sys == chuck ]] && tol=1.0   # BlitSaw's level drifts with pitch (see README)
    ok=$(awk -v a="$r" -v b="$ref" -v t="$tol" 'BEGIN { d = a - b; if (d < 0) d = -d; print (d <= t) ? "" : "  NOT EQUIVALENT" }')
    per=$(awk -v a="${T[${sys}10]}" -v b="${T[${sys}60]}" 'BEGIN { printf "%.4f", (b - a) / 50 }')
    [[ $sys == nodes1 ]] && ! cmp -s "$d/nodes.wav" "$d/nodes1.wav" && ok="$ok  NOT BIT-IDENTICAL to two threads"
    label=$sys; [[ $sys == nodes ]] && label="aether node-per-stage"; [[ $sys == instrument ]] && label="aether synth(N)"
    [[ $sys == nodes1 ]] && label="  the same, one thread"
    printf '%-26s %6d %10s %10s %12s %10s%s\n' "$label" "$n" "${T[${sys}10]}" "${T[${sys}60]}" "$per" "$r" "$ok"
  done
done
