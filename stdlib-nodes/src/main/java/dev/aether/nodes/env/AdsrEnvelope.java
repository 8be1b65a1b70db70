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
 * Attack-decay-sustain-release envelope driven by a gate. Confined to the audio thread except where noted.
 *
 * <p>The gate is the OR of the {@code gate} input (above 0.5 = on, edges are sample-accurate) and a control
 * gate set by {@link #noteOn()}, {@link #noteOff()} and {@link #gateAt(boolean, long)} (exact engine sample,
 * through the engine's timed-event channel, at most {@value Gate#CAPACITY} waiting; events are applied in
 * sample order). A note-on while the gate is already on retriggers the attack.
 *
 * <p>Timing: every stage takes exactly its time rounded to whole samples, whatever the {@link EnvelopeCurve},
 * and ends exactly on its level. With the gate rising at sample {@code g} and {@code A = round(attack * rate)},
 * the output reaches 1 at sample {@code g + A - 1}; decay then takes {@code D} samples to land on the sustain
 * level. Attack and release start from the current level (no clicks on retrigger or early release) and take
 * their full time. The release from any level takes {@code releaseSeconds}; at its end the envelope is idle.
 *
 * <ul>
 * <li>Ports: {@code gate} (mono in, gate signal), {@code out} (mono out, envelope value 0..1; multiply it
 *     elsewhere, e.g. with {@code Vca}).</li>
 * <li>Params: {@code attackSeconds} s 0..60, default 0.01; {@code decaySeconds} s 0..60, default 0.1;
 *     {@code sustainLevel} 0..1, default 0.7; {@code releaseSeconds} s 0..60, default 0.3. Times are read when
 *     a stage starts; the sustain level is followed while sustaining.</li>
 * <li>State: stage, current segment, gate states ({@link State}).</li>
 * </ul>
 */
public final class AdsrEnvelope implements DspNode, TimedNode {
    static final int IDLE = 0, ATTACK = 1, DECAY = 2, SUSTAIN = 3, RELEASE = 4;

    public final InputPort gate = Ports.audioIn("gate");
    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam attackSeconds = Params.seconds("attackSeconds", 0.01, 0, 60);
    public final SmoothedParam decaySeconds = Params.seconds("decaySeconds", 0.1, 0, 60);
    public final SmoothedParam sustainLevel = Params.unit("sustainLevel", 0.7);
    public final SmoothedParam releaseSeconds = Params.seconds("releaseSeconds", 0.3, 0, 60);

    private final Gate gates = new Gate();
    private volatile EnvelopeCurve curve = EnvelopeCurve.LINEAR;

    // audio-thread state
    private final Segment seg = new Segment();
    private int stage = IDLE;

    public AdsrEnvelope() {}

    /** An envelope with the given times (s) and sustain level (0..1), jumping there without a ramp. */
    public AdsrEnvelope(double attack, double decay, double sustain, double release) {
        attackSeconds.reset(attack);
        decaySeconds.reset(decay);
        sustainLevel.reset(sustain);
        releaseSeconds.reset(release);
    }

    @ControlThread public AdsrEnvelope attackSeconds(double s) { attackSeconds.set(s); return this; }
    @ControlThread public AdsrEnvelope decaySeconds(double s) { decaySeconds.set(s); return this; }
    @ControlThread public AdsrEnvelope sustainLevel(double v) { sustainLevel.set(v); return this; }
    @ControlThread public AdsrEnvelope releaseSeconds(double s) { releaseSeconds.set(s); return this; }
    public double attackSeconds() { return attackSeconds.get(); }
    public double decaySeconds() { return decaySeconds.get(); }
    public double sustainLevel() { return sustainLevel.get(); }
    public double releaseSeconds() { return releaseSeconds.get(); }

    /** Sets the segment shape (any thread; takes effect at the next stage). */
    public AdsrEnvelope curve(EnvelopeCurve c) { curve = c; return this; }
    public EnvelopeCurve curve() { return curve; }

    /** Opens the gate at the start of the next block. Any thread; false if the event queue is full. */
    @ControlThread public boolean noteOn() { return gates.offer(true, -1); }
    /** Closes the gate at the start of the next block. Any thread; false if the event queue is full. */
    @ControlThread public boolean noteOff() { return gates.offer(false, -1); }
    /** Opens or closes the gate at engine sample {@code atSample}. Any thread; false if the queue is full. */
    @ControlThread public boolean gateAt(boolean on, long atSample) { return gates.offer(on, atSample); }

    /**
     * Audio-thread gate for an owner that runs this envelope itself (a voice): applies at the start of the
     * next {@link #process} call. {@code true} while already on retriggers the attack.
     */
    @AudioThread @RealtimeSafe
    public void gateRt(boolean on) { gates.gateRt(on); }

    /** True while the envelope is not idle (including its release). */
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
        double sustain = sustainLevel.currentRt();
        gates.beginBlockRt(t0, n);
        if ((stage == SUSTAIN || stage == IDLE) && gates.quietRt(ctx.connected(gate))) {
            if (stage == SUSTAIN) seg.hold(sustain);                // held: no edge can come in this block
            java.util.Arrays.fill(o, 0, n, (float) seg.level);
            return;
        }
        for (int i = 0; i < n; i++) {
            int edge = gates.stepRt(i, g[i]);
            if (edge == Gate.RISE) {
                stage = ATTACK;
                seg.start(1, samples(attackSeconds.currentRt(), sr), c.attackCurvature);
            } else if (edge == Gate.FALL && stage != IDLE) {
                stage = RELEASE;
                seg.start(0, samples(releaseSeconds.currentRt(), sr), c.fallCurvature);
            }
            o[i] = (float) step(sustain, sr, c);
        }
    }

    private double step(double sustain, double sr, EnvelopeCurve c) {
        switch (stage) {
            case ATTACK:
                if (seg.next()) {                       // this sample is the peak; the next begins the decay
                    stage = DECAY;
                    seg.start(sustain, samples(decaySeconds.currentRt(), sr), c.fallCurvature);
                    return 1;
                }
                return seg.level;
            case DECAY:
                if (seg.next()) stage = SUSTAIN;
                return seg.level;
            case SUSTAIN:
                seg.hold(sustain);
                return sustain;
            case RELEASE:
                if (seg.next()) { stage = IDLE; seg.hold(0); }
                return seg.level;
            default:
                return seg.level;
        }
    }

    @RealtimeSafe static int samples(double seconds, double sr) { return Math.max(1, (int) Math.round(seconds * sr)); }

    @Override @ControlThread
    public void reset() {
        seg.hold(0);
        stage = IDLE;
        gates.reset();
    }

    /** Saved state: stage, segment, gates. */
    public record State(int stage, double[] segment, boolean controlGate, boolean inputGate, boolean gateOn)
            implements NodeState {}

    @Override public NodeState saveState() {
        return new State(stage, seg.save(), gates.controlGate, gates.inputGate, gates.gateOn);
    }

    @Override public void restoreState(NodeState s) {
        if (s instanceof State st) {
            stage = st.stage();
            seg.restore(st.segment());
            gates.controlGate = st.controlGate();
            gates.inputGate = st.inputGate();
            gates.gateOn = st.gateOn();
        }
    }
}
