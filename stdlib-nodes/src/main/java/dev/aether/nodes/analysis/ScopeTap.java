package dev.aether.nodes.analysis;

import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;

/**
 * Oscilloscope capture: passes {@code in} to {@code out} and captures windows of {@code length} samples that
 * start at a rising crossing of {@code triggerLevel} (or, in free-run, anywhere; a window also starts if no
 * trigger came for {@code length} samples, like a scope's auto mode). Finished windows are published through
 * a lock-free triple buffer: {@link #read(float[])} on one control thread copies the newest window without ever
 * blocking the audio thread and never sees a half-written one. Confined to the audio thread except where noted.
 *
 * <ul>
 * <li>Ports: {@code in}, {@code out} (mono).</li>
 * <li>Params: none; {@link #triggerLevel(double)} and {@link #freeRun(boolean)} (any thread).</li>
 * <li>State: none worth carrying.</li>
 * </ul>
 */
public final class ScopeTap implements DspNode {
    public final InputPort in = Ports.audioIn("in");
    public final OutputPort out = Ports.audioOut("out");

    private final int length;
    private final TripleBuffer frames;
    private volatile double triggerLevel;
    private volatile boolean freeRun;
    private int filled = -1;              // -1 = armed, waiting for a trigger
    private int waited;
    private float last;

    /** A scope capturing {@code length} samples per window (16..1 048 576). */
    public ScopeTap(int length) {
        if (length < 16 || length > (1 << 20)) throw new IllegalArgumentException("length must be 16..2^20, was " + length);
        this.length = length;
        frames = new TripleBuffer(length);
    }

    public int length() { return length; }
    public ScopeTap triggerLevel(double v) { triggerLevel = v; return this; }
    public double triggerLevel() { return triggerLevel; }
    public ScopeTap freeRun(boolean on) { freeRun = on; return this; }

    /** Copies the newest captured window into {@code dst}; false if none arrived since the last call. */
    @ControlThread public boolean read(float[] dst) { return frames.read(dst); }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] x = ctx.in(in), y = ctx.out(out);
        int n = ctx.frames();
        float lv = (float) triggerLevel;
        boolean free = freeRun;
        float prev = last;
        for (int i = 0; i < n; i++) {
            float v = x[i];
            y[i] = v;
            if (filled < 0) {
                if (free || (prev < lv && v >= lv) || ++waited >= length) { filled = 0; waited = 0; }
            }
            if (filled >= 0) {
                frames.back()[filled++] = v;
                if (filled == length) { frames.publish(); filled = -1; }
            }
            prev = v;
        }
        last = prev;
    }

    @Override public void reset() { filled = -1; waited = 0; last = 0; }
}
