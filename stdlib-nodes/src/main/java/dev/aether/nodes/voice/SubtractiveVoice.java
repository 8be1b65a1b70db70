package dev.aether.nodes.voice;

import dev.aether.core.ControlThread;
import dev.aether.core.NodeState;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;
import dev.aether.nodes.Dsp;
import dev.aether.nodes.filter.BiquadFilter;
import dev.aether.nodes.mix.Gains;

/**
 * The classic subtractive voice, for {@link PolyVoices}: a PolyBLEP saw through an RBJ low-pass biquad, shaped by
 * a linear ADSR and a level, computed in one loop per sample (a voice is the hot spot of a polyphonic patch: one
 * pass over the block instead of a node per stage). Each note sets the pitch (no glide) and scales the level by
 * its velocity; a change of level (velocity on a stolen voice, or {@code gainDb}) is interpolated per sample.
 *
 * <p>Saw: 2-sample polynomial BLEP ({@code SawOscillator} is the table-BLEP saw, cleaner at high pitches and
 * slower; see {@code SubtractiveVoiceTest} for the aliasing of both). Filter: the cookbook low-pass
 * ({@link BiquadFilter#coefficients}), direct form I in double, coefficients updated every 16 samples while cutoff
 * or q ramps. Envelope: attack from the current level to 1, decay to the sustain level, release from the current
 * level to 0, each taking exactly its time rounded to whole samples (the level reaches 1 on the attack's last
 * sample); times are read when a stage starts, the sustain level is followed while sustaining.
 *
 * <ul>
 * <li>Ports: {@code out} (mono).</li>
 * <li>Params: {@code cutoffHz} Hz 20..20000, default 1000; {@code q} 0.1..40, default 0.7071;
 *     {@code attackSeconds} s 0..60, default 0.005; {@code decaySeconds} s 0..60, default 0.1;
 *     {@code sustainLevel} 0..1, default 0.7; {@code releaseSeconds} s 0..60, default 0.2;
 *     {@code gainDb} dB -60..12, default -12.</li>
 * <li>State: oscillator phase, filter memory, envelope stage and level, the note ({@link State}).</li>
 * </ul>
 */
public final class SubtractiveVoice implements Voice {
    static final int IDLE = 0, ATTACK = 1, DECAY = 2, SUSTAIN = 3, RELEASE = 4;
    /** Samples between coefficient and level updates while a parameter ramps. */
    private static final int SUB_BLOCK = 16;

    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam cutoffHz = Params.hz("cutoffHz", 1_000, 20, 20_000);
    public final SmoothedParam q = Params.linear("q", "", 0.7071, 0.1, 40);
    public final SmoothedParam attackSeconds = Params.seconds("attackSeconds", 0.005, 0, 60);
    public final SmoothedParam decaySeconds = Params.seconds("decaySeconds", 0.1, 0, 60);
    public final SmoothedParam sustainLevel = Params.unit("sustainLevel", 0.7);
    public final SmoothedParam releaseSeconds = Params.seconds("releaseSeconds", 0.2, 0, 60);
    public final SmoothedParam gainDb = Params.db("gainDb", -12, -60, 12);

    private final double[] coeffs = new double[5];
    private double designedHz = -1, designedQ = -1, designedRate = -1;
    private double sampleRate = 48_000;
    private double phase, x1, x2, y1, y2;
    private int stage = IDLE, remaining;
    private double level, step;
    private double gain = -1;                          // the level last applied, -1 before the first block
    private double gainDbSeen = Double.NaN, gainSeen;  // dB -> gain, computed when the dB value changes
    private double noteHz = 440, velocity = 1;
    private double bend = 1;                           // pitch-bend ratio (PolyVoices.pitchBendAt)
    private boolean pendingOn, pendingOff;

    /** Sets the filter's cutoff (Hz) and resonance. */
    @ControlThread public SubtractiveVoice filter(double cutoff, double resonance) {
        cutoffHz.set(cutoff);
        q.set(resonance);
        return this;
    }

    /** Sets the envelope's times (s) and sustain level (0..1). */
    @ControlThread public SubtractiveVoice adsr(double attack, double decay, double sustain, double release) {
        attackSeconds.set(attack);
        decaySeconds.set(decay);
        sustainLevel.set(sustain);
        releaseSeconds.set(release);
        return this;
    }

    @ControlThread public SubtractiveVoice gainDb(double db) { gainDb.set(db); return this; }

    @Override public void prepare(double rate, int maxFrames) { sampleRate = rate; }

    @Override @RealtimeSafe
    public void noteOnRt(double frequencyHz, double vel) {
        noteHz = frequencyHz;
        velocity = vel;
        pendingOn = true;
        pendingOff = false;
    }

    @Override @RealtimeSafe public void noteOffRt() { pendingOff = true; }

    @Override @RealtimeSafe public void bendRt(double ratio) { bend = ratio; }

    @Override @RealtimeSafe public boolean isActiveRt() { return stage != IDLE || pendingOn; }

    /** The envelope's level at the last sample rendered (0..1). */
    @RealtimeSafe public double levelRt() { return level; }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] y = ctx.out(out);
        int n = ctx.frames();
        if (pendingOn) {
            pendingOn = false;
            if (stage == IDLE) gain = -1;               // from silence a note starts at its own level: nothing to glide from
            start(ATTACK);
        }
        if (pendingOff) {
            pendingOff = false;
            if (stage != IDLE) start(RELEASE);
        }
        double dt = Dsp.clamp(noteHz * bend / sampleRate, 0, 0.49);
        boolean ramp = cutoffHz.isSmoothingRt() || q.isSmoothingRt() || gainDb.isSmoothingRt()
                || sustainLevel.isSmoothingRt();
        if (!ramp) {
            render(y, 0, n, dt);
        } else {
            for (int i = 0; i < n; i += SUB_BLOCK) {
                int k = Math.min(SUB_BLOCK, n - i);
                render(y, i, i + k, dt);
                cutoffHz.advanceRt(k);
                q.advanceRt(k);
                gainDb.advanceRt(k);
                sustainLevel.advanceRt(k);
            }
        }
        y1 = Dsp.flushDenormal(y1);
        y2 = Dsp.flushDenormal(y2);
    }

    /** Renders [from, to) with the parameters' current values, splitting at envelope stage ends. */
    private void render(float[] y, int from, int to, double dt) {
        design(cutoffHz.currentRt(), q.currentRt());
        double db = gainDb.currentRt();
        if (db != gainDbSeen) {
            gainSeen = Gains.dbToGain(db);
            gainDbSeen = db;
        }
        double target = gainSeen * velocity;
        if (gain < 0) gain = target;
        double dg = (target - gain) / (to - from);
        if (stage == SUSTAIN) level = sustainLevel.currentRt();
        int i = from;
        while (i < to) {
            boolean timed = stage == ATTACK || stage == DECAY || stage == RELEASE;
            int end = timed ? Math.min(to, i + remaining) : to;
            kernel(y, i, end, dt, timed ? step : 0, dg);
            if (timed) {
                remaining -= end - i;
                if (remaining == 0) finish();
            }
            i = end;
        }
        gain = target;
    }

    /** Saw, biquad, envelope and level over [from, to): the voice's inner loop. */
    private void kernel(float[] y, int from, int to, double dt, double st, double dg) {
        if (st == 0 && dg == 0) {
            steadyKernel(y, from, to, dt, level * gain);
            return;
        }
        double[] c = coeffs;
        double b0 = c[0], b1 = c[1], b2 = c[2], a1 = c[3], a2 = c[4];
        double p = phase, xa = x1, xb = x2, ya = y1, yb = y2, lv = level, g = gain;
        for (int i = from; i < to; i++) {
            double x = (float) (2 * p - 1 - Dsp.polyBlep(p, dt));
            p += dt;
            if (p >= 1) p -= 1;
            double v = (b0 * x + b1 * xa + b2 * xb - a2 * yb) - a1 * ya;
            xb = xa;
            xa = x;
            yb = ya;
            ya = v;
            lv += st;
            g += dg;
            y[i] = (float) (v * (lv * g));
        }
        phase = p;
        x1 = xa; x2 = xb; y1 = ya; y2 = yb;
        level = lv;
        gain = g;
    }

    /** {@link #kernel} at a constant level {@code k} (sustain, or idle): the same samples, two fewer operations each. */
    private void steadyKernel(float[] y, int from, int to, double dt, double k) {
        double[] c = coeffs;
        double b0 = c[0], b1 = c[1], b2 = c[2], a1 = c[3], a2 = c[4];
        double p = phase, xa = x1, xb = x2, ya = y1, yb = y2;
        for (int i = from; i < to; i++) {
            double x = (float) (2 * p - 1 - Dsp.polyBlep(p, dt));
            p += dt;
            if (p >= 1) p -= 1;
            double v = (b0 * x + b1 * xa + b2 * xb - a2 * yb) - a1 * ya;
            xb = xa;
            xa = x;
            yb = ya;
            ya = v;
            y[i] = (float) (v * k);
        }
        phase = p;
        x1 = xa; x2 = xb; y1 = ya; y2 = yb;
    }

    private void design(double hz, double qv) {
        if (hz == designedHz && qv == designedQ && sampleRate == designedRate) return;
        BiquadFilter.coefficients(BiquadFilter.Mode.LOW_PASS, hz, qv, 0, sampleRate, coeffs);
        designedHz = hz;
        designedQ = qv;
        designedRate = sampleRate;
    }

    /** Enters {@code s} from the current level. */
    private void start(int s) {
        stage = s;
        switch (s) {
            case ATTACK -> ramp(attackSeconds.currentRt(), 1);
            case DECAY -> ramp(decaySeconds.currentRt(), sustainLevel.currentRt());
            case RELEASE -> ramp(releaseSeconds.currentRt(), 0);
            case SUSTAIN -> {
                level = sustainLevel.currentRt();
                step = 0;
            }
            default -> {
                level = 0;
                step = 0;
            }
        }
    }

    private void ramp(double seconds, double to) {
        remaining = (int) Math.round(seconds * sampleRate);
        if (remaining == 0) {
            level = to;
            finish();
        } else {
            step = (to - level) / remaining;
        }
    }

    /** Lands the finished stage exactly on its level and enters the next. */
    private void finish() {
        switch (stage) {
            case ATTACK -> {
                level = 1;
                start(DECAY);
            }
            case DECAY -> start(SUSTAIN);
            default -> start(IDLE);
        }
    }

    @Override public void reset() {
        phase = 0;
        x1 = x2 = y1 = y2 = 0;
        stage = IDLE;
        remaining = 0;
        level = 0;
        step = 0;
        gain = -1;
        pendingOn = pendingOff = false;
        bend = 1;
    }

    /** Saved state: everything the voice computes from. */
    public record State(double phase, double x1, double x2, double y1, double y2, int stage, int remaining,
                        double level, double step, double gain, double noteHz, double velocity,
                        boolean pendingOn, boolean pendingOff) implements NodeState {}

    @Override public NodeState saveState() {
        return new State(phase, x1, x2, y1, y2, stage, remaining, level, step, gain, noteHz, velocity,
                pendingOn, pendingOff);
    }

    @Override public void restoreState(NodeState s) {
        if (!(s instanceof State st)) return;
        phase = st.phase(); x1 = st.x1(); x2 = st.x2(); y1 = st.y1(); y2 = st.y2();
        stage = st.stage(); remaining = st.remaining(); level = st.level(); step = st.step(); gain = st.gain();
        noteHz = st.noteHz(); velocity = st.velocity(); pendingOn = st.pendingOn(); pendingOff = st.pendingOff();
    }
}
