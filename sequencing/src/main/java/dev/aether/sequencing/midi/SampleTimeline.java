package dev.aether.sequencing.midi;

import dev.aether.core.time.Clock;

/**
 * Where engine samples are in wall time ({@link WallClock#nanoTime()}): the moment the engine renders a sample. Any
 * thread.
 */
public interface SampleTimeline {
    /** The wall time, ns, at which the engine renders engine sample {@code engineSample}. */
    long nanosOf(long engineSample);

    /** Takes a measurement, if the timeline measures: call often (every millisecond) from one thread. */
    default void observe() {}

    /** A fixed line: sample {@code s} is at {@code originNanos + s * 1e9 / sampleRate} (offline renders, tests). */
    static SampleTimeline fixed(long originNanos, int sampleRate) {
        return s -> originNanos + nanosOfSamples(s, sampleRate);
    }

    /**
     * The running engine's line, measured: see {@link EngineTimeline}.
     *
     * @param clock the engine's clock (its position is the sample being rendered)
     */
    static SampleTimeline of(Clock clock) { return new EngineTimeline(clock, WallClock.SYSTEM); }

    /** {@code samples * 1e9 / sampleRate}, rounded down, without overflow for any realistic count. */
    static long nanosOfSamples(long samples, int sampleRate) {
        return Math.floorDiv(samples, sampleRate) * 1_000_000_000L + Math.floorMod(samples, sampleRate) * 1_000_000_000L / sampleRate;
    }
}
