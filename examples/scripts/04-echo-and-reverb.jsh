// Space: a plucky pulse into a feedback echo and an algorithmic reverb.
import dev.aether.nodes.osc.PulseOscillator;
import dev.aether.nodes.delay.FeedbackDelay;
import dev.aether.nodes.reverb.Freeverb;

var pulse = new PulseOscillator();
pulse.frequencyHz(220);
def("space", node(pulse).to(new FeedbackDelay()).to(new Freeverb()));
