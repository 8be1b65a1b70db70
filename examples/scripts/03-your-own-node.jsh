// Writing a node at the prompt: a soft-clipping fuzz with a drive amount, fed by a sine.
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
