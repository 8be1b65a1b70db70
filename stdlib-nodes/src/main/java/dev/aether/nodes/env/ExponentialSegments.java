package dev.aether.nodes.env;

import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.NodeState;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.time.TimedEventChannel;
import dev.aether.core.time.TimedNode;
import java.util.Arrays;

/**
 * A triggered breakpoint envelope of exponential segments: on a trigger it runs from its current level through
 * {@code levels[0]}, {@code levels[1]}, ... each reached in exactly {@code seconds[k]} (whole samples), then
 * holds the last level. Confined to the audio thread except where noted.
 *
 * <p>Each segment is a one-pole approach to an overshot target with the given {@code curvature} (0 = linear;
 * 4 ≈ analog RC), scaled to land exactly on its level. Starting from the current level means a retrigger does
 * not click. Before the first trigger the output is {@code startLevel}.
 *
 * <p>Triggers: rising edge of the {@code trigger} input through 0.5, {@link #trigger()}, {@link #triggerAt}.
 * {@link #segments} replaces the shape from the next trigger on (any thread; publishes an immutable copy).
 *
 * <ul>
 * <li>Ports: {@code trigger} (mono in), {@code out} (mono out).</li>
 * <li>Params: none; the shape is set at construction or with {@link #segments}.</li>
 * <li>State: segment index, segment, last trigger level ({@link State}).</li>
 * </ul>
 */
public final class ExponentialSegments implements DspNode, TimedNode {
    public final InputPort trigger = Ports.audioIn("trigger");
    public final OutputPort out = Ports.audioOut("out");

    private record Shape(double start, double[] levels, double[] seconds, double curvature) {}

    private final TriggerInput triggers = new TriggerInput();
    private volatile Shape shape;
    private Shape running;                 // shape of the current run (audio thread)
    private final Segment seg = new Segment();
    private int index = -1;                // segment running, -1 before the first trigger, levels.length = done

    /**
     * @param startLevel level before the first trigger
     * @param levels     level at the end of each segment
     * @param seconds    duration of each segment, >= 0
     * @param curvature  0 (linear) .. 20; 4 is a good analog-like default
     */
    public ExponentialSegments(double startLevel, double[] levels, double[] seconds, double curvature) {
        shape = check(startLevel, levels, seconds, curvature);
        running = shape;
        seg.hold(startLevel);
    }

    /** Replaces the shape from the next trigger on. Any thread. */
    @ControlThread
    public ExponentialSegments segments(double startLevel, double[] levels, double[] seconds, double curvature) {
        shape = check(startLevel, levels, seconds, curvature);
        return this;
    }

    private static Shape check(double start, double[] levels, double[] seconds, double curvature) {
        if (levels.length == 0 || levels.length != seconds.length) {
            throw new IllegalArgumentException("need as many levels as durations, at least one; got "
                    + levels.length + " levels and " + seconds.length + " durations");
        }
        for (double s : seconds) {
            if (!(s >= 0 && s <= 3600)) throw new IllegalArgumentException("durations must be 0..3600 s, was " + s);
        }
        if (!(curvature >= 0 && curvature <= 20)) throw new IllegalArgumentException("curvature must be 0..20");
        return new Shape(start, levels.clone(), seconds.clone(), curvature);
    }

    /** Starts the run at the next block. Any thread; false if the queue is full. */
    @ControlThread public boolean trigger() { return triggers.offer(-1); }
    /** Starts the run at engine sample {@code atSample}. Any thread; false if the queue is full. */
    @ControlThread public boolean triggerAt(long atSample) { return triggers.offer(atSample); }

    /** Engine use: sends this node's timed {@code trigger} events through {@code channel}. Control thread. */
    @Override @ControlThread
    public void bindTimed(TimedEventChannel channel) { triggers.bind(channel); }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] tr = ctx.in(trigger), o = ctx.out(out);
        int n = ctx.frames();
        long t0 = ctx.sampleTime();
        double sr = ctx.sampleRate();
        triggers.beginBlockRt(t0, n);
        for (int i = 0; i < n; i++) {
            if (triggers.firesRt(i, tr[i])) {
                running = shape;
                index = 0;
                startSegment(sr);
            }
            if (index >= 0 && index < running.levels.length && seg.next()) {
                index++;
                if (index < running.levels.length) startSegment(sr);
            }
            o[i] = (float) seg.level;
        }
    }

    private void startSegment(double sr) {
        Shape s = running;
        seg.start(s.levels[index], (int) Math.round(s.seconds[index] * sr), s.curvature);
    }

    @Override @ControlThread
    public void reset() {
        running = shape;
        seg.hold(running.start);
        index = -1;
        triggers.reset();
    }

    /** Saved state; the shape itself is configuration and is not part of it. */
    public record State(int index, double[] segment, boolean lastHigh) implements NodeState {
        @Override public String toString() { return "State[" + index + ", " + Arrays.toString(segment) + "]"; }
    }

    @Override public NodeState saveState() { return new State(index, seg.save(), triggers.lastHigh); }

    @Override public void restoreState(NodeState s) {
        if (s instanceof State st) {
            index = st.index();
            seg.restore(st.segment());
            triggers.lastHigh = st.lastHigh();
            running = shape;
        }
    }
}
