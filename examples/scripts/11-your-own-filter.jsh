// 11 Write your own filter: a one-pole low-pass, then a biquad, checked against the stdlib's.
//
// Teaches: a filter is a few multiplies and adds with memory. The one-pole y += a (x - y), a = 1 - exp(-2 pi fc / rate)
//   falls 6 dB per octave above fc; the biquad (Robert Bristow-Johnson's cookbook low-pass, two poles) falls 12 dB
//   per octave and with Q = 0.7071 (Butterworth) is exactly -3.01 dB at fc. Fed a click (a single sample of 1),
//   a filter answers with its impulse response; what you hear is the filter itself.
// Listen for: a click every half second, dull on the left (one-pole, 1 kHz) and duller still on the right
//   (biquad, 1 kHz), a thump rather than a tick.
// Look at: :response new OnePole(1000) and :response new Biquad(1000, 0.7071) (magnitude in dB and phase over log
//   frequency, the -3 dB points marked: 1.0 kHz both; then compare the slopes an octave up, -7 dB against -12 dB);
//   :compare new Biquad(1000, 0.7071) lowpass(1000) (the null test: your biquad against the stdlib's on the same
//   input; the difference should be at the float rounding floor, far below -100 dB).
// Try: change the biquad's q to 4 and :response it again (a resonant peak at the cutoff).
class Click implements DspNode {
    final OutputPort out = Ports.audioOut("out");
    public void process(ProcessContext ctx) {            // 1.0 on every sample 2,400 (50 ms) past a half second
        float[] y = ctx.out(out);
        long t = ctx.sampleTime();
        int period = (int) (ctx.sampleRate() / 2);
        for (int i = 0; i < ctx.frames(); i++) y[i] = (t + i) % period == period / 20 ? 1f : 0f;
    }
}
class OnePole implements DspNode {
    final InputPort in = Ports.audioIn("in");
    final OutputPort out = Ports.audioOut("out");
    final double cutoffHz;
    double a, y;
    OnePole(double cutoffHz) { this.cutoffHz = cutoffHz; }
    @Override public void prepare(double rate, int maxFrames) { a = 1 - Math.exp(-2 * Math.PI * cutoffHz / rate); }
    public void process(ProcessContext ctx) {
        float[] x = ctx.in(in), o = ctx.out(out);
        for (int i = 0; i < ctx.frames(); i++) { y += a * (x[i] - y); o[i] = (float) y; }
        if (Math.abs(y) < 1e-25) y = 0;                      // flush denormals in feedback state
    }
}
class Biquad implements DspNode {
    final InputPort in = Ports.audioIn("in");
    final OutputPort out = Ports.audioOut("out");
    final double cutoffHz, q;
    double b0, b1, b2, a1, a2, z1, z2;                       // coefficients (over a0) and the two memories
    Biquad(double cutoffHz, double q) { this.cutoffHz = cutoffHz; this.q = q; }
    @Override public void prepare(double rate, int maxFrames) {
        double w = 2 * Math.PI * cutoffHz / rate, cos = Math.cos(w), alpha = Math.sin(w) / (2 * q), a0 = 1 + alpha;
        b1 = (1 - cos) / a0; b0 = b1 / 2; b2 = b0; a1 = -2 * cos / a0; a2 = (1 - alpha) / a0;
    }
    public void process(ProcessContext ctx) {                // transposed direct form II
        float[] x = ctx.in(in), o = ctx.out(out);
        for (int i = 0; i < ctx.frames(); i++) {
            double v = x[i], y = b0 * v + z1;
            z1 = b1 * v - a1 * y + z2;
            z2 = b2 * v - a2 * y;
            o[i] = (float) y;
        }
        if (Math.abs(z1) < 1e-25) z1 = 0;
        if (Math.abs(z2) < 1e-25) z2 = 0;
    }
}
def("onepole", node(new Click()).to(new OnePole(1000)).to(pan(-1)));
def("biquad", node(new Click()).to(new Biquad(1000, Math.sqrt(0.5))).to(pan(1)));
