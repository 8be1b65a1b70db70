package dev.aether.link;

/**
 * Host time (microseconds) to engine sample and back: a line of slope {@code 1e6 / sampleRate} through the average
 * of the offsets {@code host - sample * 1e6 / rate} observed (an exponential mean over about 32 observations; the
 * engine's position advances a block at a time, so single observations jitter by up to a block). Confined to one
 * control thread (the follower's).
 */
public final class HostTimeMap {
    private static final double WEIGHT = 1.0 / 32;
    private final double microsPerSample;
    private double offset;
    private boolean seeded;

    public HostTimeMap(int sampleRate) {
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        this.microsPerSample = 1e6 / sampleRate;
    }

    /** At host time {@code hostMicros} the engine was at sample {@code engineSample}. */
    public void observe(long hostMicros, long engineSample) {
        double o = hostMicros - engineSample * microsPerSample;
        if (!seeded || Math.abs(o - offset) > 100_000) {     // first sight, or the engine restarted / stalled: re-seed
            offset = o;
            seeded = true;
        } else {
            offset += (o - offset) * WEIGHT;
        }
    }

    /** True once something was observed. */
    public boolean seeded() { return seeded; }

    /** The host time (microseconds) at which the engine renders {@code engineSample}. */
    public long hostAt(long engineSample) { return Math.round(offset + engineSample * microsPerSample); }

    /** The engine sample rendered at host time {@code hostMicros} (nearest). */
    public long sampleAt(long hostMicros) { return Math.round((hostMicros - offset) / microsPerSample); }
}
