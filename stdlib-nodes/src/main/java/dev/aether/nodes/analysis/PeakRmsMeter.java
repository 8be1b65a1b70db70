package dev.aether.nodes.analysis;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;

/**
 * Level meter: passes {@code in} to {@code out} unchanged and, every {@code windowMillis} of audio, publishes
 * the peak {@code max|x|} and the RMS {@code sqrt(mean x^2)} of that window. {@link #peakDb()}, {@link #rmsDb()},
 * {@link #peak()}, {@link #rms()} read the latest published window lock-free from any thread (two volatile
 * fields; a reader may see peak and RMS of adjacent windows). Confined to the audio thread except where noted.
 *
 * <ul>
 * <li>Ports: {@code in}, {@code out} (mono).</li>
 * <li>Params: none; window length set at construction (1..10 000 ms, default 50).</li>
 * <li>State: none worth carrying (the running window restarts).</li>
 * </ul>
 */
public final class PeakRmsMeter implements DspNode {
    public final InputPort in = Ports.audioIn("in");
    public final OutputPort out = Ports.audioOut("out");

    private final double windowMillis;
    private int window = 2_400;
    private int count;
    private double max, sumSquares;
    private volatile double peak, rms;

    public PeakRmsMeter() { this(50); }

    public PeakRmsMeter(double windowMillis) {
        if (!(windowMillis >= 1 && windowMillis <= 10_000)) {
            throw new IllegalArgumentException("windowMillis must be 1..10000, was " + windowMillis);
        }
        this.windowMillis = windowMillis;
        window = (int) Math.round(windowMillis * 48);
    }

    /** Latest window's peak amplitude. Any thread. */
    public double peak() { return peak; }
    /** Latest window's RMS amplitude. Any thread. */
    public double rms() { return rms; }
    /** Latest peak in dBFS (-inf for silence). Any thread. */
    public double peakDb() { return 20 * Math.log10(peak); }
    /** Latest RMS in dBFS (-inf for silence). Any thread. */
    public double rmsDb() { return 20 * Math.log10(rms); }

    @Override public void prepare(double sr, int maxFrames) {
        window = Math.max(1, (int) Math.round(windowMillis * sr / 1000));
        reset();
    }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] x = ctx.in(in), y = ctx.out(out);
        int n = ctx.frames();
        double m = max, s = sumSquares;
        int c = count;
        for (int i = 0; i < n; i++) {
            double v = x[i];
            y[i] = x[i];
            double a = Math.abs(v);
            if (a > m) m = a;
            s += v * v;
            if (++c == window) {
                peak = m;
                rms = Math.sqrt(s / c);
                m = 0;
                s = 0;
                c = 0;
            }
        }
        max = m;
        sumSquares = s;
        count = c;
    }

    @Override public void reset() { count = 0; max = 0; sumSquares = 0; peak = 0; rms = 0; }
}
