// 10 Karplus-Strong: a plucked string, written as your own DspNode.
//
// Teaches: a delay line fed back through a gentle low-pass is a string. A burst of noise goes round the loop; each
//   lap averages neighbouring samples (losing highs) and multiplies by the loss, and what is left rings at the
//   loop's pitch: f = rate / loop length. The average delays by half a sample, a one-pole all-pass supplies the
//   rest of the fraction, so the note is in tune (220 Hz: 218.18 samples = 217 + 0.5 + 0.68).
//   The level falls by loss * cos(pi f / rate) each lap (1/f s), so the fundamental's T60 (time to fall 60 dB)
//   is -3 / (f log10(loss cos(pi f / rate))): 2.07 s here; the higher harmonics die sooner.
// Listen for: a bright pluck on A3 (220 Hz) that mellows as it dies away.
// Look at: :spectrum while it rings (220, 440, 660 Hz ..., the high ones going first); :scope 20 (the noise burst
//   settling into a repeating wave, 4.55 ms a period).
// Try: def("string", new Pluck(329.63, 0.995)) for E4 with a longer ring; a loss of 0.9 for a muted string.
class Pluck implements DspNode {
    final OutputPort out = Ports.audioOut("out");
    final double hz, loss;
    float[] loop = new float[0];           // the string: the last n outputs
    int n, pos;                            // whole-sample delay, read/write position
    double c, last, apIn, apOut;           // all-pass coefficient and memories; the previous delay output

    Pluck(double hz, double loss) { this.hz = hz; this.loss = loss; }

    @Override public void prepare(double rate, int maxFrames) {
        double d = rate / hz - 0.5;        // the loop's length less the average's half sample
        n = (int) (d - 0.5);               // whole samples; the all-pass takes the fraction, 0.5 .. 1.5
        double frac = d - n;
        c = (1 - frac) / (1 + frac);       // a one-pole all-pass delays low frequencies by frac samples
        loop = new float[n];
        long seed = 0x9E3779B97F4A7C15L;   // the pluck: a burst of white noise, its mean removed
        double mean = 0;
        for (int i = 0; i < n; i++) {
            seed ^= seed << 13; seed ^= seed >>> 7; seed ^= seed << 17;
            loop[i] = (float) ((seed >>> 11) * 0x1.0p-53 * 2 - 1);
            mean += loop[i] / n;
        }
        for (int i = 0; i < n; i++) loop[i] -= (float) mean;
        pos = 0; last = 0; apIn = 0; apOut = 0;
    }

    public void process(ProcessContext ctx) {
        float[] y = ctx.out(out);
        for (int i = 0; i < ctx.frames(); i++) {
            double delayed = loop[pos];
            double avg = 0.5 * (delayed + last);              // the low-pass: half a sample of delay
            last = delayed;
            double ap = c * avg + apIn - c * apOut;           // the all-pass: the fraction of a sample
            apIn = avg;
            apOut = Math.abs(ap) < 1e-25 ? 0 : ap;
            double v = loss * ap;
            loop[pos] = (float) v;
            pos = pos + 1 == n ? 0 : pos + 1;
            y[i] = (float) (0.5 * v);
        }
    }
}
def("string", new Pluck(220, 0.985));
