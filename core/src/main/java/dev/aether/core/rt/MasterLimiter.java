package dev.aether.core.rt;

import dev.aether.core.RealtimeSafe;

/**
 * The master safety limiter: a soft clip that is exactly linear below 80 % of the ceiling and bends
 * smoothly (tanh, slope 1 at the knee) so no sample ever exceeds the ceiling. Stateless.
 */
public final class MasterLimiter {
    private final float ceiling;
    private final float knee;
    private final float span;

    /** {@code ceiling} as linear amplitude; 0 turns the limiter off. */
    public MasterLimiter(double ceiling) {
        this.ceiling = (float) ceiling;
        this.knee = (float) (ceiling * 0.8);
        this.span = (float) (ceiling * 0.2);
    }

    public boolean enabled() { return ceiling > 0; }

    /** Limits one sample. NaN becomes 0. */
    @RealtimeSafe
    public float apply(float x) {
        if (ceiling <= 0) return x == x ? x : 0f;
        float a = Math.abs(x);
        if (a <= knee) return x;
        if (!(a < Float.POSITIVE_INFINITY)) return a == a ? Math.copySign(ceiling, x) : 0f;
        float y = knee + span * (float) Math.tanh((a - knee) / span);
        return Math.copySign(y, x);
    }
}
