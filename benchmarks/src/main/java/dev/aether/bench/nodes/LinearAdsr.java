package dev.aether.bench.nodes;

import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;

/**
 * Linear ADSR applied to its input (an envelope-controlled amplifier), a stand-in for the stdlib envelope.
 * Ports: in, out (mono). Settings (constructor): attack, decay, release in seconds, sustain level 0..1.
 * The gate opens at construction ({@link #gate(boolean)} changes it, read once a block).
 * State: stage and level.
 */
public final class LinearAdsr implements DspNode {
    private static final int IDLE = 0, ATTACK = 1, DECAY = 2, SUSTAIN = 3, RELEASE = 4;

    public final InputPort in = Ports.audioIn("in");
    public final OutputPort out = Ports.audioOut("out");
    private final double attackSeconds, decaySeconds, sustainLevel, releaseSeconds;
    private volatile boolean gate = true;
    private double attackStep, decayStep, releaseStep;
    private int stage = IDLE;
    private double level;

    public LinearAdsr(double attackSeconds, double decaySeconds, double sustainLevel, double releaseSeconds) {
        this.attackSeconds = attackSeconds;
        this.decaySeconds = decaySeconds;
        this.sustainLevel = sustainLevel;
        this.releaseSeconds = releaseSeconds;
    }

    @ControlThread public LinearAdsr gate(boolean open) { gate = open; return this; }

    @Override
    public void prepare(double sampleRate, int maxFrames) {
        attackStep = 1 / Math.max(1, attackSeconds * sampleRate);
        decayStep = (1 - sustainLevel) / Math.max(1, decaySeconds * sampleRate);
        releaseStep = 1 / Math.max(1, releaseSeconds * sampleRate);
    }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] x = ctx.in(in), y = ctx.out(out);
        int n = ctx.frames();
        boolean g = gate;
        if (g && (stage == IDLE || stage == RELEASE)) stage = ATTACK;
        if (!g && (stage == ATTACK || stage == DECAY || stage == SUSTAIN)) stage = RELEASE;
        if (stage == SUSTAIN || stage == IDLE) {
            float e = stage == SUSTAIN ? (float) sustainLevel : 0f;
            level = stage == SUSTAIN ? sustainLevel : 0;
            for (int i = 0; i < n; i++) y[i] = x[i] * e;
            return;
        }
        double l = level;
        int s = stage;
        for (int i = 0; i < n; i++) {
            switch (s) {
                case ATTACK -> { l += attackStep; if (l >= 1) { l = 1; s = DECAY; } }
                case DECAY -> { l -= decayStep; if (l <= sustainLevel) { l = sustainLevel; s = SUSTAIN; } }
                case RELEASE -> { l -= releaseStep; if (l <= 0) { l = 0; s = IDLE; } }
                default -> { }
            }
            y[i] = (float) (x[i] * l);
        }
        level = l;
        stage = s;
    }

    @Override public void reset() { stage = IDLE; level = 0; }
}
