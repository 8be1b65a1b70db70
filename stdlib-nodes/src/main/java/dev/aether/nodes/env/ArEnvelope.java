package dev.aether.nodes.env;

import dev.aether.core.AudioThread;
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
 * Attack-release envelope driven by a gate: rises to 1 in {@code attackSeconds}, holds 1 while the gate is on,
 * falls to 0 in {@code releaseSeconds}. Confined to the audio thread except where noted.
 *
 * <p>Gate handling and timing are those of {@link AdsrEnvelope}: the gate is the OR of the {@code gate} input
 * (above 0.5 = on, sample-accurate) and the control gate ({@link #noteOn()}, {@link #noteOff()},
 * {@link #gateAt(boolean, long)}); each stage takes exactly its time in whole samples and ends on its level.
 *
 * <ul>
 * <li>Ports: {@code gate} (mono in), {@code out} (mono out, 0..1).</li>
 * <li>Params: {@code attackSeconds} s 0..60, default 0.01; {@code releaseSeconds} s 0..60, default 0.3.</li>
 * <li>State: stage, segment, gates ({@link State}).</li>
 * </ul>
 */
public final class ArEnvelope implements DspNode, TimedNode {
    static final int IDLE = 0, ATTACK = 1, HOLD = 2, RELEASE = 3;

    public final InputPort gate = Ports.audioIn("gate");
    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam attackSeconds = Params.seconds("attackSeconds", 0.01, 0, 60);
    public final SmoothedParam releaseSeconds = Params.seconds("releaseSeconds", 0.3, 0, 60);

    private final Gate gates = new Gate();
    private volatile EnvelopeCurve curve = EnvelopeCurve.LINEAR;
    private final Segment seg = new Segment();
    private int stage = IDLE;

    public ArEnvelope() {}

    /** An envelope with the given attack and release times in seconds. */
    public ArEnvelope(double attack, double release) {
        attackSeconds.reset(attack);
        releaseSeconds.reset(release);
    }

    @ControlThread public ArEnvelope attackSeconds(double s) { attackSeconds.set(s); return this; }
    @ControlThread public ArEnvelope releaseSeconds(double s) { releaseSeconds.set(s); return this; }
    public double attackSeconds() { return attackSeconds.get(); }
    public double releaseSeconds() { return releaseSeconds.get(); }
    /** Sets the segment shape (any thread; takes effect at the next stage). */
    public ArEnvelope curve(EnvelopeCurve c) { curve = c; return this; }
    public EnvelopeCurve curve() { return curve; }

    /** Opens the gate at the next block. Any thread; false if the event queue is full. */
    @ControlThread public boolean noteOn() { return gates.offer(true, -1); }
    /** Closes the gate at the next block. Any thread; false if the event queue is full. */
    @ControlThread public boolean noteOff() { return gates.offer(false, -1); }
    /** Opens or closes the gate at engine sample {@code atSample}. Any thread; false if the queue is full. */
    @ControlThread public boolean gateAt(boolean on, long atSample) { return gates.offer(on, atSample); }

    /** Audio-thread gate for an owner that runs this envelope itself; applies at the next {@link #process}. */
    @AudioThread @RealtimeSafe
    public void gateRt(boolean on) { gates.gateRt(on); }

    /** True while not idle (including the release). */
    @AudioThread @RealtimeSafe
    public boolean isActiveRt() { return stage != IDLE || gates.noteOnPendingRt(); }

    /** The last value produced. */
    @AudioThread @RealtimeSafe
    public double levelRt() { return seg.level; }

    /** Engine use: sends this node's timed {@code gate} events through {@code channel}. Control thread. */
    @Override @ControlThread
    public void bindTimed(TimedEventChannel channel) { gates.bind(channel); }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] g = ctx.in(gate), o = ctx.out(out);
        int n = ctx.frames();
        long t0 = ctx.sampleTime();
        double sr = ctx.sampleRate();
        EnvelopeCurve c = curve;
        gates.beginBlockRt(t0, n);
        for (int i = 0; i < n; i++) {
            int edge = gates.stepRt(i, g[i]);
            if (edge == Gate.RISE) {
                stage = ATTACK;
                seg.start(1, AdsrEnvelope.samples(attackSeconds.currentRt(), sr), c.attackCurvature);
            } else if (edge == Gate.FALL && stage != IDLE) {
                stage = RELEASE;
                seg.start(0, AdsrEnvelope.samples(releaseSeconds.currentRt(), sr), c.fallCurvature);
            }
            if (stage == ATTACK) {
                if (seg.next()) stage = HOLD;
            } else if (stage == RELEASE) {
                if (seg.next()) { stage = IDLE; seg.hold(0); }
            }
            o[i] = (float) seg.level;
        }
    }

    @Override @ControlThread
    public void reset() {
        seg.hold(0);
        stage = IDLE;
        gates.reset();
    }

    /** Saved state: stage, segment, gates. */
    public record State(int stage, double[] segment, boolean controlGate, boolean gateOn) implements NodeState {}

    @Override public NodeState saveState() { return new State(stage, seg.save(), gates.controlGate, gates.gateOn); }

    @Override public void restoreState(NodeState s) {
        if (s instanceof State st) {
            stage = st.stage();
            seg.restore(st.segment());
            gates.controlGate = st.controlGate();
            gates.gateOn = st.gateOn();
        }
    }
}
