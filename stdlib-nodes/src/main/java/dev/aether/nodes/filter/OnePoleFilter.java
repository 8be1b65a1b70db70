package dev.aether.nodes.filter;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;
import dev.aether.nodes.Dsp;

/**
 * The TPT one-pole shared by {@link OnePoleLowPass} and {@link OnePoleHighPass}: ports {@code in}, {@code out},
 * param {@code cutoffHz} (Hz, 10..20000, default 1000, clamped to 0.49 fs, exponential smoothing, per sample) and
 * the integrator state {@code s}. The ports and the param are fields here because the engine finds them by
 * reflection on the node's fields (superclass fields first). Package-private: the public filters are the final
 * subclasses, each with its own typed {@code State}. Confined to the audio thread except where noted.
 */
abstract class OnePoleFilter implements DspNode {
    public final InputPort in = Ports.audioIn("in");
    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam cutoffHz = Params.hz("cutoffHz", 1_000, 10, 20_000);

    private final boolean highPass;
    private float[] cutoffBuf = new float[1024];
    /** The integrator state. */
    double s;

    OnePoleFilter(boolean highPass) { this.highPass = highPass; }

    public double cutoffHz() { return cutoffHz.get(); }

    @Override public void prepare(double sampleRate, int maxFrames) {
        if (cutoffBuf.length < maxFrames) cutoffBuf = new float[maxFrames];
    }

    /** The TPT gain G = g / (1 + g), g = tan(pi fc / fs). */
    @RealtimeSafe
    static double gain(double hz, double sr) {
        double g = Math.tan(Math.PI * Dsp.clamp(hz, 10, 0.49 * sr) / sr);
        return g / (1 + g);
    }

    @Override @RealtimeSafe public final void process(ProcessContext ctx) {
        int n = ctx.frames();
        float[] x = ctx.in(in), o = ctx.out(out);
        double sr = ctx.sampleRate();
        boolean ramp = cutoffHz.isSmoothingRt();
        if (ramp) cutoffHz.fillRt(cutoffBuf, n);
        double gg = gain(cutoffHz.currentRt(), sr);
        boolean hp = highPass;
        double z = s;
        for (int i = 0; i < n; i++) {
            if (ramp) gg = gain(cutoffBuf[i], sr);
            // the TPT update v = (x - z) g, y = v + z, z' = y + v, rearranged so the state's own path is one multiply
            // and one add (z' = (1 - 2g) z + 2g x) instead of four dependent operations; the same filter
            double xi = x[i];
            double y = (1 - gg) * z + gg * xi;
            z = (1 - 2 * gg) * z + 2 * gg * xi;
            o[i] = (float) (hp ? xi - y : y);
        }
        s = Dsp.flushDenormal(z);
    }

    @Override public final void reset() { s = 0; }
}
