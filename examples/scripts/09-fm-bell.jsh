// 09 FM bell: one sine bending the phase of another.
//
// Teaches: frequency (here phase) modulation. A carrier at fc whose phase is pushed by a modulator at fm with
//   index b (radians) becomes sin(2 pi fc t + b sin(2 pi fm t)) = sum over k of J_k(b) sin(2 pi (fc + k fm) t):
//   lines at fc +- k fm, with Bessel-function levels J_k(b); a line below 0 Hz folds back to |fc - k fm|. A ratio
//   fm/fc that is not a whole number (here 560/400 = 1.4) puts the lines off the harmonic series: a bell, not a
//   note. The index sets how many lines are strong (b = 1.5: J0 0.51, J1 0.56, J2 0.23, J3 0.06).
// Listen for: a struck metallic tone, pitched but clangorous, dying away over about 3 s.
// Look at: :spectrum (lines at 160, 400, 720, 960, 1280, 1520 Hz ...: fc = 400 Hz plus and minus 560 Hz steps);
//   :scope 20 (a wave that never repeats the same way twice within a period of the carrier).
// Try: set(index, "gainDb", 12) for b = 4 (brighter, more lines); modulator.frequencyHz(800) (ratio 2: a note).
import dev.aether.nodes.osc.SineOscillator;
import dev.aether.nodes.mix.Gain;
import dev.aether.nodes.mix.Vca;
import dev.aether.nodes.env.AdsrEnvelope;
import dev.aether.nodes.env.EnvelopeCurve;

var carrier = new SineOscillator().frequencyHz(400);
var amp = new Vca();
def("bell", node(carrier).to(amp).to(gain(-6)));

var modulator = add(new SineOscillator().frequencyHz(560));
var index = add(new Gain(20 * Math.log10(1.5)));          // the modulation index b = 1.5 radians
connect(modulator.out, index.in);
connect(index.out, carrier.pm);

var strike = add(new AdsrEnvelope(0.002, 3, 0, 0.5).curve(EnvelopeCurve.EXPONENTIAL));
connect(strike.out, amp.control);
strike.gateAt(true, now().samples() + 2_400);             // strike 50 ms from now
