package dev.aether.bench.patch;

import java.util.List;
import org.jaudiolibs.pipes.Buffer;
import org.jaudiolibs.pipes.Pipe;

/**
 * A linear ADSR for jaudiolibs Pipes (pipes-units 2.0.0 has none), applied in place to its one input,
 * with the same stages and steps as the node and fused versions. Gate open from construction.
 */
public final class PipesAdsr extends Pipe {
    private static final int ATTACK = 1, DECAY = 2, SUSTAIN = 3;
    private final double attackStep, decayStep, sustain;
    private int stage = ATTACK;
    private double level;

    public PipesAdsr(double sampleRate) {
        super(1, 1);
        attackStep = 1 / Math.max(1, Voicing.ATTACK_SECONDS * sampleRate);
        sustain = Voicing.SUSTAIN;
        decayStep = (1 - sustain) / Math.max(1, Voicing.DECAY_SECONDS * sampleRate);
    }

    @Override
    protected void process(List<Buffer> buffers) {
        if (buffers.isEmpty()) return;
        Buffer b = buffers.get(0);
        float[] data = b.getData();
        int n = b.getSize();
        if (stage == SUSTAIN) {
            float e = (float) sustain;
            for (int i = 0; i < n; i++) data[i] *= e;
            return;
        }
        double l = level;
        int s = stage;
        for (int i = 0; i < n; i++) {
            if (s == ATTACK) { l += attackStep; if (l >= 1) { l = 1; s = DECAY; } }
            else if (s == DECAY) { l -= decayStep; if (l <= sustain) { l = sustain; s = SUSTAIN; } }
            data[i] = (float) (data[i] * l);
        }
        level = l;
        stage = s;
    }
}
