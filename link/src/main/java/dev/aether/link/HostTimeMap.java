package dev.aether.link;

/**
 * Host time (microseconds) to engine sample and back: a line of slope {@code 1e6 / sampleRate} whose offset is the
 * smallest {@code host - sample * 1e6 / rate} observed over the last {@value #WINDOW} observations (about 1.3 s at
 * the follower's 10 ms). A block rendered late shows as a larger offset, but a device plays its buffer at its own
 * pace, so the on-time renders are the ones that say when samples are heard; the window lets the line follow a
 * driver that re-synchronises after a long stall. Confined to one control thread (the follower's).
 */
public final class HostTimeMap {
    static final int WINDOW = 128;
    private final double microsPerSample;
    private final double[] offsets = new double[WINDOW];
    private int count, next;
    private double offset;

    public HostTimeMap(int sampleRate) {
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        this.microsPerSample = 1e6 / sampleRate;
    }

    /** At host time {@code hostMicros} the engine was at sample {@code engineSample} (about to render it). */
    public void observe(long hostMicros, long engineSample) {
        offsets[next] = hostMicros - engineSample * microsPerSample;
        next = (next + 1) % WINDOW;
        if (count < WINDOW) count++;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < count; i++) min = Math.min(min, offsets[i]);
        offset = min;
    }

    /** True once something was observed. */
    public boolean seeded() { return count > 0; }

    /** The host time (microseconds) at which the engine renders {@code engineSample} when on time. */
    public long hostAt(long engineSample) { return Math.round(offset + engineSample * microsPerSample); }

    /** The engine sample rendered on time at host time {@code hostMicros} (nearest). */
    public long sampleAt(long hostMicros) { return Math.round((hostMicros - offset) / microsPerSample); }
}
