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
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;

/**
 * A triggered linear ramp: on each trigger jumps to {@code startValue} and ramps to {@code endValue} over
 * {@code durationSeconds} (exactly, in whole samples), then holds it. Before the first trigger it outputs
 * {@code startValue}. Confined to the audio thread except where noted.
 *
 * <p>Triggers: a rising edge of the {@code trigger} input through 0.5 (sample-accurate), {@link #trigger()}
 * (next block) and {@link #triggerAt(long)} (exact engine sample, through the engine's timed-event channel).
 *
 * <ul>
 * <li>Ports: {@code trigger} (mono in), {@code out} (mono out).</li>
 * <li>Params: {@code startValue} -1e6..1e6, default 0; {@code endValue} -1e6..1e6, default 1;
 *     {@code durationSeconds} s 0..600, default 1. All read at the trigger.</li>
 * <li>State: the segment, whether triggered, the last trigger input level ({@link State}).</li>
 * </ul>
 */
public final class LineSegment implements DspNode, TimedNode {
    public final InputPort trigger = Ports.audioIn("trigger");
    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam startValue = Params.linear("startValue", "", 0, -1e6, 1e6);
    public final SmoothedParam endValue = Params.linear("endValue", "", 1, -1e6, 1e6);
    public final SmoothedParam durationSeconds = Params.seconds("durationSeconds", 1, 0, 600);

    private final TriggerInput triggers = new TriggerInput();
    private final Segment seg = new Segment();
    private boolean triggered;

    public LineSegment() {}

    /** A ramp from {@code from} to {@code to} over {@code seconds}. */
    public LineSegment(double from, double to, double seconds) {
        startValue.reset(from);
        endValue.reset(to);
        durationSeconds.reset(seconds);
    }

    @ControlThread public LineSegment startValue(double v) { startValue.set(v, 0); return this; }
    @ControlThread public LineSegment endValue(double v) { endValue.set(v, 0); return this; }
    @ControlThread public LineSegment durationSeconds(double s) { durationSeconds.set(s, 0); return this; }
    public double startValue() { return startValue.get(); }
    public double endValue() { return endValue.get(); }
    public double durationSeconds() { return durationSeconds.get(); }

    /** Starts the ramp at the next block. Any thread; false if the queue is full. */
    @ControlThread public boolean trigger() { return triggers.offer(-1); }
    /** Starts the ramp at engine sample {@code atSample}. Any thread; false if the queue is full. */
    @ControlThread public boolean triggerAt(long atSample) { return triggers.offer(atSample); }

    /** Engine use: sends this node's timed {@code trigger} events through {@code channel}. Control thread. */
    @Override @ControlThread
    public void bindTimed(TimedEventChannel channel) { triggers.bind(channel); }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] tr = ctx.in(trigger), o = ctx.out(out);
        int n = ctx.frames();
        long t0 = ctx.sampleTime();
        triggers.beginBlockRt(t0, n);
        if (!triggered) seg.hold(startValue.currentRt());
        for (int i = 0; i < n; i++) {
            if (triggers.firesRt(i, tr[i])) {
                triggered = true;
                seg.hold(startValue.currentRt());
                seg.start(endValue.currentRt(),
                        (int) Math.round(durationSeconds.currentRt() * ctx.sampleRate()), 0);
                o[i] = (float) seg.level;          // the trigger sample outputs the start value
                continue;
            }
            seg.next();
            o[i] = (float) seg.level;
        }
    }

    @Override @ControlThread
    public void reset() { seg.hold(startValue.get()); triggered = false; triggers.reset(); }

    /** Saved state. */
    public record State(double[] segment, boolean triggered, boolean lastHigh) implements NodeState {}

    @Override public NodeState saveState() { return new State(seg.save(), triggered, triggers.lastHigh); }

    @Override public void restoreState(NodeState s) {
        if (s instanceof State st) { seg.restore(st.segment()); triggered = st.triggered(); triggers.lastHigh = st.lastHigh(); }
    }
}
