// 02 Subtractive synthesis: start from a bright waveform and take away with a filter.
//
// Teaches: a sawtooth holds every harmonic k of its pitch at 1/k of the first (-6 dB per octave); a resonant
//   low-pass keeps those below its cutoff, lifts those near it (resonance Q 4: +12 dB at the cutoff) and cuts
//   those above at 12 dB per octave. Opening the cutoff brightens the note without changing its pitch.
// Listen for: a dark, nasal bass on A1 (55 Hz) for 1.5 s, then the filter opens to 2 kHz and it turns buzzy.
// Look at: :spectrum (the harmonics 55 Hz apart fall slowly, then a peak at the cutoff, then a steep slope);
//   :response lowpass(400, 4) and :response lowpass(2000, 4) (the two filter curves, -3 dB points marked).
// Try: set("bass", "cutoffHz", 800) and set("bass", "q", 10) while it plays.
import dev.aether.nodes.osc.SawOscillator;
import dev.aether.nodes.filter.BiquadFilter;

var saw = new SawOscillator();
saw.frequencyHz(55);
var lp = new BiquadFilter();
lp.cutoffHz(400);
lp.q(4);
def("bass", node(saw).to(lp).to(gain(-12)));
lp.cutoffHz.setAt(2000, now().samples() + 72_000, 0.05);   // 1.5 s from now, a 50 ms sweep up to 2 kHz
