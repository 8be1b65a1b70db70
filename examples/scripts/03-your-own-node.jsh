// 03 Writing a node: your own DspNode, typed at the prompt, patched after a sine.
//
// Teaches: a node is a class with ports as fields and a process(...) that fills one block of samples. This one
//   is a soft-clipping fuzz: y = 0.5 tanh(drive x). An odd, symmetric curve adds odd harmonics only.
// Listen for: a 110 Hz tone turned hollow and reedy, like a square wave with soft corners.
// Look at: :scope 20 (a squashed sine, flat tops at 0.5); :spectrum (110, 330, 550 Hz ... and no 220, 440).
// Try: redefine Fuzz with double drive = 20; while it plays: every live Fuzz is swapped, crossfaded.
// snippet:fuzz
class Fuzz implements DspNode {
    final InputPort in = Ports.audioIn("in");
    final OutputPort out = Ports.audioOut("out");
    double drive = 6;
    public void process(ProcessContext c) {
        float[] x = c.in(in), y = c.out(out);
        for (int i = 0; i < c.frames(); i++) y[i] = (float) (Math.tanh(drive * x[i]) * 0.5);
    }
}
def("fuzz", sine(110).to(new Fuzz()));
// end:fuzz
