package dev.aether.nodes.dynamics;

import dev.aether.core.ControlThread;
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
 * Memoryless distortion {@code out = outputGain * shape(drive * in)}. Confined to the audio thread except where
 * noted. No anti-aliasing: high drive on bright signals aliases.
 *
 * <ul>
 * <li>Ports: {@code in}, {@code out} (mono).</li>
 * <li>Params: {@code driveDb} dB 0..48, default 0; {@code outputDb} dB -48..12, default 0.</li>
 * <li>Shape ({@link Shape}, any thread): default {@link Shape#TANH}.</li>
 * <li>State: none.</li>
 * </ul>
 */
public final class Waveshaper implements DspNode {
    /** The transfer curve; all are odd, map 0 to 0 and stay within [-1, 1]. */
    public enum Shape {
        /** {@code tanh(x)}. */
        TANH,
        /** Cubic soft clip {@code 1.5 x - 0.5 x^3} for |x| <= 1, else ±1. */
        SOFT_CLIP,
        /** {@code clamp(x, -1, 1)}. */
        HARD_CLIP,
        /** Folds back at ±1: a triangle fold {@code x -> 2 - x} repeated, so loud input wraps instead of clips. */
        FOLDBACK
    }

    public final InputPort in = Ports.audioIn("in");
    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam driveDb = Params.db("driveDb", 0, 0, 48);
    public final SmoothedParam outputDb = Params.db("outputDb", 0, -48, 12);
    private volatile Shape shape = Shape.TANH;

    public Waveshaper() {}
    public Waveshaper(Shape shape) { this.shape = shape; }

    @ControlThread public Waveshaper driveDb(double v) { driveDb.set(v); return this; }
    @ControlThread public Waveshaper outputDb(double v) { outputDb.set(v); return this; }
    public double driveDb() { return driveDb.get(); }
    public double outputDb() { return outputDb.get(); }
    public Waveshaper shape(Shape s) { shape = s; return this; }
    public Shape shape() { return shape; }

    /** The curve itself. */
    @RealtimeSafe
    public static double apply(Shape s, double x) {
        // no enum switch: see Lfo.process
        if (s == Shape.SOFT_CLIP) return x >= 1 ? 1 : x <= -1 ? -1 : 1.5 * x - 0.5 * x * x * x;
        if (s == Shape.HARD_CLIP) return x > 1 ? 1 : x < -1 ? -1 : x;
        if (s == Shape.FOLDBACK) {
            // triangle with period 4: f(x) = x on [-1, 1], 2 - x on [1, 3], ...
            double t = (x + 1) * 0.25;
            t -= Math.floor(t);
            return t < 0.5 ? 4 * t - 1 : 3 - 4 * t;
        }
        return Dsp.tanh(x);
    }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] x = ctx.in(in), y = ctx.out(out);
        int n = ctx.frames();
        Shape s = shape;
        if (!driveDb.isSmoothingRt() && !outputDb.isSmoothingRt()) {
            double drive = Math.pow(10, driveDb.currentRt() / 20), gain = Math.pow(10, outputDb.currentRt() / 20);
            for (int i = 0; i < n; i++) y[i] = (float) (gain * apply(s, drive * x[i]));
            return;
        }
        for (int i = 0; i < n; i++) {
            double drive = Math.pow(10, driveDb.nextRt() / 20), gain = Math.pow(10, outputDb.nextRt() / 20);
            y[i] = (float) (gain * apply(s, drive * x[i]));
        }
    }
}
