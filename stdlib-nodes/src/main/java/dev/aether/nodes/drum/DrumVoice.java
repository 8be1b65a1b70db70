package dev.aether.nodes.drum;

import dev.aether.core.AudioThread;
import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.NodeState;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.node.NodeSpec;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;
import dev.aether.core.time.PendingEvents;
import dev.aether.core.time.TimedEventChannel;
import dev.aether.core.time.TimedNode;
import dev.aether.core.time.TimedTarget;
import dev.aether.nodes.Dsp;
import java.util.List;

/**
 * One synthesised drum voice, a node of its own (mono {@code out}) that sounds once per hit: what every voice of a
 * {@link DrumKit} shares. Confined to the audio thread except where noted.
 *
 * <p><b>Hits.</b> {@link #hitAt(long, double)} (any control thread, through the engine's timed-event channel, at most
 * {@value #EVENT_CAPACITY} waiting) starts the voice exactly at engine sample {@code atSample}: the hit's first
 * sample is the output at {@code atSample}. A hit while the voice sounds restarts it (hard restart, as drum machines
 * do). {@link #chokeAt(long)} fades the voice out over {@value #CHOKE_SECONDS} s (the open hat choked by the closed
 * one). An owner that runs the voice itself ({@link DrumKit}) uses {@link #hitRt} and {@link #chokeRt} instead: they
 * apply at the start of the next {@link #process}.
 *
 * <p><b>Level.</b> The hit's amplitude is {@code velocity} (0..1, linear) times {@code gainDb}; each voice's
 * envelope peaks near 1 (full scale) at velocity 1 and 0 dB.
 *
 * <ul>
 * <li>Ports: {@code out} (mono).</li>
 * <li>Params: {@code gainDb} dB -60..12, default 0 (20 ms ramp, applied sample by sample; a voice in a {@link DrumKit}
 *     ramps while silent too, so the next hit plays at the new gain), and the voice's own (read at each hit; no ramp).</li>
 * <li>State: whether it sounds, its level and choke fade, and the voice's own oscillators and envelopes.</li>
 * </ul>
 */
public abstract class DrumVoice implements DspNode, TimedNode, TimedTarget {
    /** Timed hits and chokes one voice holds before {@link #hitAt} refuses more. */
    public static final int EVENT_CAPACITY = 64;
    /** How long a choke takes to fade the voice out, in seconds (linear fade). */
    public static final double CHOKE_SECONDS = 0.003;
    /** Below this envelope level (-100 dB) a voice stops sounding. */
    static final double SILENT = 1e-5;
    private static final int CHOKE = 0, HIT = 1;

    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam gainDb = Params.db("gainDb", 0, -60, 12);

    private final PendingEvents events = new PendingEvents(EVENT_CAPACITY);
    /** Engine sample rate in Hz (set by {@link #prepare}). */
    protected double sampleRate = 48_000;
    /** The state of a voice's noise generator ({@code Xorshift}), saved with the voice; unused by a voice without noise. */
    long rng;

    // ---- audio-thread state ----
    private boolean pendingHit, pendingChoke, sounding;
    private double pendingVelocity, level;
    private int chokeLeft;                         // samples until a choke's fade ends; 0: not choking

    protected DrumVoice() {}

    @ControlThread public DrumVoice gainDb(double db) { gainDb.set(db); return this; }
    public double gainDb() { return gainDb.get(); }

    /** Hits at the next block with {@code velocity} 0..1. Any thread; false if the event queue is full. */
    @ControlThread public boolean hit(double velocity) { return offer(HIT, -1, velocity); }

    /** Hits exactly at engine sample {@code atSample} with {@code velocity} 0..1. Any thread; false if the queue is full. */
    @ControlThread public boolean hitAt(long atSample, double velocity) { return offer(HIT, checkTime(atSample), velocity); }

    /** Fades the voice out from engine sample {@code atSample}. Any thread; false if the queue is full. */
    @ControlThread public boolean chokeAt(long atSample) { return offer(CHOKE, checkTime(atSample), 0); }

    private boolean offer(int kind, long atSample, double velocity) {
        if (!(velocity >= 0 && velocity <= 1)) throw new IllegalArgumentException("velocity must be 0..1, was " + velocity);
        return events.offer(this, kind, 0, atSample, velocity, 0);
    }

    static long checkTime(long t) {
        if (t < 0) throw new IllegalArgumentException("atSample must be >= 0, was " + t);
        return t;
    }

    /** Engine use: sends hits through {@code channel}. Control thread. */
    @Override @ControlThread
    public void bindTimed(TimedEventChannel channel) { events.bind(channel); }

    /** Takes a hit or choke from the channel. */
    @Override @AudioThread @RealtimeSafe
    public void acceptRt(int kind, int key, long atSample, double a, double b) { events.addRt(kind, key, atSample, a, b); }

    /** For an owner running this voice: hits at the start of the next {@link #process}, cancelling a pending choke. */
    @AudioThread @RealtimeSafe
    public void hitRt(double velocity) {
        pendingHit = true;
        pendingChoke = false;
        pendingVelocity = velocity;
    }

    /** For an owner running this voice: chokes at the start of the next {@link #process}, cancelling a pending hit. */
    @AudioThread @RealtimeSafe
    public void chokeRt() {
        pendingHit = false;
        pendingChoke = true;
    }

    /** True while the voice sounds or a hit from {@link #hitRt} waits. */
    @AudioThread @RealtimeSafe
    public boolean isActiveRt() { return sounding || pendingHit; }

    /** Takes the engine rate; the voice's own params jump when set (they are read at hits, a ramp would blur them). */
    @Override @ControlThread
    public void prepare(double sampleRate, int maxFrames) {
        this.sampleRate = sampleRate;
        for (SmoothedParam p : NodeSpec.of(this).params()) if (p != gainDb) p.smoothingSeconds(0);
    }

    @Override @RealtimeSafe
    public final void process(ProcessContext ctx) {
        int n = ctx.frames();
        long t0 = ctx.sampleTime();
        float[] o = ctx.out(out);
        double g = Dsp.dbToGain(gainDb.currentRt()), dg = 0;
        if (gainDb.isSmoothingRt()) dg = (Dsp.dbToGain(gainDb.advanceRt(n)) - g) / n;   // per sample, no step at block edges
        if (pendingChoke) { pendingChoke = false; if (sounding && chokeLeft == 0) chokeLeft = chokeSamples(); }
        if (pendingHit) { pendingHit = false; start(pendingVelocity); }
        int pos = 0;
        while (pos < n) {
            int next = events.offsetRt(t0, n);
            while (next <= pos && next < n) {
                boolean hit = events.kindRt() == HIT;
                double v = events.aRt();
                events.removeRt();
                if (hit) start(v); else if (sounding && chokeLeft == 0) chokeLeft = chokeSamples();
                next = events.offsetRt(t0, n);
            }
            int end = next > pos ? next : n;
            span(o, pos, end, g, dg);
            pos = end;
        }
    }

    private void start(double velocity) {
        level = velocity;
        chokeLeft = 0;
        sounding = true;
        startRt();
    }

    /** Samples a choke's fade takes: {@value #CHOKE_SECONDS} s, at least 1. */
    private int chokeSamples() { return Math.max(1, (int) Math.round(CHOKE_SECONDS * sampleRate)); }

    /**
     * Renders {@code [from, to)}: the voice's sound times level and gain ({@code g + dg * i} at sample {@code i} of the
     * block: a ramping gain moves every sample), and while choking a linear fade that reaches 0 on its last sample; the
     * voice renders nothing past the fade, so its noise and envelopes stop where the fade does, however blocks split it.
     */
    private void span(float[] o, int from, int to, double g, double dg) {
        if (!sounding) {
            for (int i = from; i < to; i++) o[i] = 0f;
            return;
        }
        double k = level * g, dk = level * dg;             // dk == 0: k exactly, as for a gain at rest
        if (chokeLeft == 0) {
            sounding = renderRt(o, from, to);
            for (int i = from; i < to; i++) o[i] = (float) (o[i] * (k + dk * i));
            return;
        }
        int stop = Math.min(to, from + chokeLeft);
        sounding = renderRt(o, from, stop);
        double inv = 1.0 / chokeSamples();
        int left = chokeLeft;
        for (int i = from; i < stop; i++) o[i] = (float) (o[i] * (k + dk * i) * (--left * inv));
        for (int i = stop; i < to; i++) o[i] = 0f;
        chokeLeft = left;
        if (left == 0) sounding = false;
        if (!sounding) chokeLeft = 0;
    }

    /** Starts the sound: oscillators and envelopes from the top, reading the voice's params. */
    @AudioThread @RealtimeSafe
    protected abstract void startRt();

    /**
     * Writes the voice's sound (envelope included, before velocity and gain; peak near 1) into {@code o[from..to)}
     * and returns whether it still sounds after {@code to}. A sound ends on the first sample its envelope falls below
     * -100 dB, whatever the span ({@link #silence} for the rest), so a hit sounds the same wherever blocks split it.
     */
    @AudioThread @RealtimeSafe
    protected abstract boolean renderRt(float[] o, int from, int to);

    /** Writes silence into {@code o[from..to)} and returns false: how {@link #renderRt} ends a sound mid-span. */
    @AudioThread @RealtimeSafe
    protected static boolean silence(float[] o, int from, int to) {
        for (int i = from; i < to; i++) o[i] = 0f;
        return false;
    }

    /** Silences the voice's own oscillators and envelopes. */
    @ControlThread
    protected abstract void resetVoice();

    /** The voice's own oscillator and envelope numbers, for {@link #saveState}. */
    protected abstract double[] saveVoice();

    /** Restores what {@link #saveVoice} returned. */
    protected abstract void restoreVoice(double[] s);

    @Override @ControlThread
    public final void reset() {
        pendingHit = pendingChoke = sounding = false;
        pendingVelocity = level = 0;
        chokeLeft = 0;
        events.clear();
        resetVoice();
    }

    /** Saved state: whether it sounds, level, samples left of a choke's fade, and the voice's own numbers. */
    /**
     * Saved state: whether it sounds, level, samples left of a choke's fade, the values of its params (in declaration order, so a kit
     * saved with {@code :save} keeps its tuning), the voice's own numbers and its noise generator.
     */
    public record State(boolean sounding, double level, int chokeLeft, double[] params, double[] voice, long noise)
            implements NodeState {}

    @Override public NodeState saveState() {
        List<SmoothedParam> ps = NodeSpec.of(this).params();
        double[] values = new double[ps.size()];
        for (int k = 0; k < values.length; k++) values[k] = ps.get(k).get();
        return new State(sounding, level, chokeLeft, values, saveVoice(), rng);
    }

    /** Restores a saved state, params included (jumping to their values: the voice is not sounding yet). */
    @Override public void restoreState(NodeState s) {
        if (!(s instanceof State st) || st.voice() == null) return;
        List<SmoothedParam> ps = NodeSpec.of(this).params();
        if (st.params() != null && st.params().length == ps.size()) {
            for (int k = 0; k < ps.size(); k++) ps.get(k).reset(st.params()[k]);
        }
        sounding = st.sounding();
        level = st.level();
        chokeLeft = st.chokeLeft();
        rng = st.noise();
        restoreVoice(st.voice());
    }

    @Override public String toString() {
        StringBuilder b = new StringBuilder(typeName()).append('[');
        List<SmoothedParam> ps = NodeSpec.of(this).params();
        for (int k = 0; k < ps.size(); k++) {
            SmoothedParam p = ps.get(k);
            b.append(k == 0 ? "" : ", ").append(p.name()).append(' ').append(p.get()).append(p.unit().isEmpty() ? "" : " " + p.unit());
        }
        return b.append(']').toString();
    }
}
