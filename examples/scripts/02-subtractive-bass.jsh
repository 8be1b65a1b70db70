// Subtractive synthesis: a band-limited saw through a resonant low-pass, under a name so it can be redefined.
import dev.aether.nodes.osc.SawOscillator;
import dev.aether.nodes.filter.BiquadFilter;

var saw = new SawOscillator();
saw.frequencyHz(55);
var lp = new BiquadFilter();
lp.cutoffHz(600);
lp.q(4);
def("bass", node(saw).to(lp));
