// 13 Envelopes: attack, decay, sustain, release.
//
// Teaches: an envelope is a control signal 0..1 that shapes a sound over time; a Vca multiplies the sound by it.
//   ADSR: while the gate is on, rise to 1 in the attack time, fall to the sustain level in the decay time, hold;
//   when the gate goes off, fall to 0 in the release time. Each stage takes exactly its time, rounded to whole
//   samples, and starts from wherever the level is (no clicks). gateAt(on, sample) moves the gate on an exact
//   engine sample.
// Listen for: a 1 kHz tone swelling in over 0.2 s from 0.1 s, falling back to half its level over 0.3 s, holding,
//   then fading out over 0.5 s from 1.2 s.
// Look at: :scope 3000 (the envelope's outline around the tone: a ramp up, a ramp down, a plateau, a ramp out);
//   :graph (the envelope's output into the Vca's control input).
// Try: env.curve(EnvelopeCurve.EXPONENTIAL) (curved stages, the same times); set(env, "sustainLevel", 0.2).
import dev.aether.nodes.env.AdsrEnvelope;
import dev.aether.nodes.env.EnvelopeCurve;
import dev.aether.nodes.mix.Vca;

var vca = new Vca();
def("tone", sine(1000).to(vca).to(gain(-6)));
var env = add(new AdsrEnvelope(0.2, 0.3, 0.5, 0.5));    // attack 0.2 s, decay 0.3 s to 0.5, release 0.5 s
connect(env.out, vca.control);

long t = now().samples();
env.gateAt(true, t + 4_800);                              // on at 0.1 s
env.gateAt(false, t + 57_600);                            // off at 1.2 s
