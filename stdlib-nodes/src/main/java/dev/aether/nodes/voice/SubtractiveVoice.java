package dev.aether.nodes.voice;

import dev.aether.core.ControlThread;
import dev.aether.core.NodeRunner;
import dev.aether.core.NodeState;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;
import dev.aether.nodes.env.AdsrEnvelope;
import dev.aether.nodes.filter.BiquadFilter;
import dev.aether.nodes.mix.Gains;
import dev.aether.nodes.osc.SawOscillator;

/**
 * The classic subtractive voice, for {@link PolyVoices}: a band-limited saw ({@link #osc}) through a low-pass
 * biquad ({@link #filter}), shaped by an ADSR ({@link #env}) and a level. Each note sets the saw's pitch with no
 * glide and scales the level by its velocity (a change of velocity on a stolen voice ramps over one block).
 * The three stages are stdlib nodes run inside this one ({@link NodeRunner}): to the engine the voice is a
 * single node, so it pays the engine's per-node cost and fault guard once.
 *
 * <ul>
 * <li>Ports: {@code out} (mono).</li>
 * <li>Params: {@code gainDb} dB -60..12, default -12. The stages' own params are set through the public
 *     fields: {@code osc} (its frequency follows the notes), {@code filter} (mode, cutoffHz, q),
 *     {@code env} (attackSeconds, decaySeconds, sustainLevel, releaseSeconds).</li>
 * <li>State: the stages' states, the note's pitch and velocity ({@link State}).</li>
 * </ul>
 */
public final class SubtractiveVoice implements Voice {
    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam gainDb = Params.db("gainDb", -12, -60, 12);
    public final SawOscillator osc = new SawOscillator();
    public final BiquadFilter filter = new BiquadFilter(BiquadFilter.Mode.LOW_PASS);
    public final AdsrEnvelope env = new AdsrEnvelope();

    private NodeRunner oscStage, filterStage, envStage;
    private double velocity = 1, lastVelocity = 1;
    private double noteHz = osc.frequencyHz.get();

    /** Sets the filter's cutoff and resonance for this voice. */
    @ControlThread public SubtractiveVoice filter(double cutoffHz, double q) {
        filter.cutoffHz(cutoffHz).q(q);
        return this;
    }

    /** Sets the envelope's times (s) and sustain level (0..1). */
    @ControlThread public SubtractiveVoice adsr(double attack, double decay, double sustain, double release) {
        env.attackSeconds(attack).decaySeconds(decay).sustainLevel(sustain).releaseSeconds(release);
        return this;
    }

    @ControlThread public SubtractiveVoice gainDb(double db) { gainDb.set(db); return this; }

    @Override @ControlThread
    public void prepare(double sampleRate, int maxFrames) {
        oscStage = new NodeRunner(this, osc, sampleRate, maxFrames);
        filterStage = new NodeRunner(this, filter, sampleRate, maxFrames).feed(filter.in, oscStage.output(osc.out));
        envStage = new NodeRunner(this, env, sampleRate, maxFrames);
    }

    @Override @RealtimeSafe
    public void noteOnRt(double frequencyHz, double velocity) {
        osc.frequencyHz.jumpRt(frequencyHz);
        noteHz = frequencyHz;
        this.velocity = velocity;
        env.gateRt(true);
    }

    @Override @RealtimeSafe public void noteOffRt() { env.gateRt(false); }

    @Override @RealtimeSafe public boolean isActiveRt() { return env.isActiveRt(); }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        long t = ctx.sampleTime();
        int n = ctx.frames();
        oscStage.runRt(t, n, ctx.bpm(), ctx.beat());
        filterStage.runRt(t, n, ctx.bpm(), ctx.beat());
        envStage.runRt(t, n, ctx.bpm(), ctx.beat());
        float[] x = filterStage.output(filter.out)[0], e = envStage.output(env.out)[0], y = ctx.out(out);
        if (!gainDb.isSmoothingRt() && velocity == lastVelocity) {
            float g = (float) (Gains.dbToGain(gainDb.currentRt()) * velocity);
            for (int i = 0; i < n; i++) y[i] = x[i] * e[i] * g;
            return;
        }
        double v = lastVelocity, dv = (velocity - lastVelocity) / n;
        for (int i = 0; i < n; i++) {
            v += dv;
            y[i] = (float) (x[i] * e[i] * Gains.dbToGain(gainDb.nextRt()) * v);
        }
        lastVelocity = velocity;
    }

    @Override public void reset() {
        osc.reset();
        filter.reset();
        env.reset();
        lastVelocity = velocity;
    }

    /** Saved state: the three stages' states and the note's pitch (Hz) and velocity. */
    public record State(NodeState osc, NodeState filter, NodeState env, double noteHz, double velocity)
            implements NodeState {}

    @Override public NodeState saveState() {
        return new State(osc.saveState(), filter.saveState(), env.saveState(), noteHz, velocity);
    }

    @Override public void restoreState(NodeState s) {
        if (!(s instanceof State st)) return;
        osc.restoreState(st.osc());
        filter.restoreState(st.filter());
        env.restoreState(st.env());
        noteHz = st.noteHz();
        osc.frequencyHz.reset(noteHz);
        velocity = st.velocity();
        lastVelocity = velocity;
    }
}
