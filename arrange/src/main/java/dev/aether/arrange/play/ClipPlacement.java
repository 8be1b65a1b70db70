package dev.aether.arrange.play;

import dev.aether.arrange.Curve;
import dev.aether.arrange.stream.PoolSource;
import dev.aether.core.RealtimeSafe;

import java.util.Objects;

/**
 * One clip on the player's timeline: which source, where, how long, and how it is read. Immutable data; the model
 * turns its clips (bars, beats, metatrack time transforms) into these on the control thread.
 *
 * <p><b>Time.</b> The clip sounds on timeline samples {@code [startSample, startSample + lengthSamples)} (the
 * timeline is the {@link ClipPlayer}'s transport position, in engine samples). Its first sample is output on exactly
 * that timeline sample.
 *
 * <p><b>Reading.</b> The source is read from {@code sourceOffsetFrames} (source frames, fractional) at
 * {@code rate} source frames per source-rate sample (1 = original speed and pitch, 2 = twice as fast, an octave up;
 * a source at another rate than the engine is resampled as well). {@code reverse} plays the same region backwards:
 * the clip's first sample is the region's last frame, {@code sourceOffset + (length - 1) · step}. With
 * {@code loopFrames > 0} the clip repeats source frames {@code [floor(sourceOffset), floor(sourceOffset) +
 * loopFrames)} (reversed: from the loop's last frame down) for its whole length, reading across the seam as one
 * continuous signal. Frames outside the source are silence.
 *
 * <p><b>Level.</b> {@code gain} (linear) times a fade-in over the first {@code fadeInSamples}: sample {@code i} of
 * the clip is scaled by {@code fadeInCurve.interpolate(0, 1, i / fadeInSamples)} (0 on the first sample), times a
 * fade-out over the last {@code fadeOutSamples}: sample {@code i} by {@code fadeOutCurve.interpolate(0, 1,
 * (length - i) / fadeOutSamples)} (the sample after the clip would be 0). Overlapping fades multiply.
 *
 * @param rate 1/64..64, positive; direction is {@code reverse}
 */
public record ClipPlacement(PoolSource source, long startSample, long lengthSamples, double sourceOffsetFrames,
                            double rate, boolean reverse, long loopFrames, double gain,
                            long fadeInSamples, Curve fadeInCurve, long fadeOutSamples, Curve fadeOutCurve) {
    public ClipPlacement {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fadeInCurve, "fadeInCurve");
        Objects.requireNonNull(fadeOutCurve, "fadeOutCurve");
        if (startSample < 0) throw new IllegalArgumentException("startSample must be >= 0, was " + startSample);
        if (lengthSamples < 1) throw new IllegalArgumentException("lengthSamples must be >= 1, was " + lengthSamples);
        if (!(sourceOffsetFrames >= 0) || Double.isInfinite(sourceOffsetFrames)) {
            throw new IllegalArgumentException("sourceOffsetFrames must be finite and >= 0, was " + sourceOffsetFrames);
        }
        if (!(rate >= 1.0 / 64 && rate <= 64)) throw new IllegalArgumentException("rate must be 1/64..64, was " + rate);
        if (loopFrames < 0) throw new IllegalArgumentException("loopFrames must be >= 0, was " + loopFrames);
        if (!(gain >= 0) || Double.isInfinite(gain)) throw new IllegalArgumentException("gain must be finite and >= 0, was " + gain);
        if (fadeInSamples < 0 || fadeOutSamples < 0) {
            throw new IllegalArgumentException("fades must be >= 0 samples, were " + fadeInSamples + " and " + fadeOutSamples);
        }
    }

    /** The whole source from frame 0 at rate 1, gain 1, no fades, on timeline samples {@code [start, start + length)}. */
    public static ClipPlacement of(PoolSource source, long startSample, long lengthSamples) {
        return new ClipPlacement(source, startSample, lengthSamples, 0, 1, false, 0, 1, 0, Curve.LINEAR, 0, Curve.LINEAR);
    }

    /**
     * Equal fields (the source by identity). Written out rather than generated: the generated record {@code equals}
     * links through {@code invokedynamic} on first call, and the audio thread compares placements when a schedule is
     * swapped ({@link ClipPlayer}).
     */
    @Override @RealtimeSafe
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof ClipPlacement c)) return false;
        return source == c.source && startSample == c.startSample && lengthSamples == c.lengthSamples
                && Double.compare(sourceOffsetFrames, c.sourceOffsetFrames) == 0 && Double.compare(rate, c.rate) == 0
                && reverse == c.reverse && loopFrames == c.loopFrames && Double.compare(gain, c.gain) == 0
                && fadeInSamples == c.fadeInSamples && fadeInCurve == c.fadeInCurve
                && fadeOutSamples == c.fadeOutSamples && fadeOutCurve == c.fadeOutCurve;
    }

    @Override
    public int hashCode() {
        int h = System.identityHashCode(source);
        h = 31 * h + Long.hashCode(startSample);
        h = 31 * h + Long.hashCode(lengthSamples);
        h = 31 * h + Double.hashCode(sourceOffsetFrames);
        h = 31 * h + Double.hashCode(rate);
        h = 31 * h + (reverse ? 1 : 0);
        h = 31 * h + Long.hashCode(loopFrames);
        h = 31 * h + Double.hashCode(gain);
        h = 31 * h + Long.hashCode(fadeInSamples) + 7 * fadeInCurve.ordinal();
        return 31 * h + Long.hashCode(fadeOutSamples) + 11 * fadeOutCurve.ordinal();
    }

    /** The timeline sample after the clip's last. */
    public long endSample() { return startSample + lengthSamples; }

    public ClipPlacement at(long start) { return new ClipPlacement(source, start, lengthSamples, sourceOffsetFrames, rate, reverse, loopFrames, gain, fadeInSamples, fadeInCurve, fadeOutSamples, fadeOutCurve); }
    public ClipPlacement offset(double frames) { return new ClipPlacement(source, startSample, lengthSamples, frames, rate, reverse, loopFrames, gain, fadeInSamples, fadeInCurve, fadeOutSamples, fadeOutCurve); }
    public ClipPlacement rate(double r) { return new ClipPlacement(source, startSample, lengthSamples, sourceOffsetFrames, r, reverse, loopFrames, gain, fadeInSamples, fadeInCurve, fadeOutSamples, fadeOutCurve); }
    public ClipPlacement reversed(boolean on) { return new ClipPlacement(source, startSample, lengthSamples, sourceOffsetFrames, rate, on, loopFrames, gain, fadeInSamples, fadeInCurve, fadeOutSamples, fadeOutCurve); }
    public ClipPlacement loop(long frames) { return new ClipPlacement(source, startSample, lengthSamples, sourceOffsetFrames, rate, reverse, frames, gain, fadeInSamples, fadeInCurve, fadeOutSamples, fadeOutCurve); }
    public ClipPlacement gain(double g) { return new ClipPlacement(source, startSample, lengthSamples, sourceOffsetFrames, rate, reverse, loopFrames, g, fadeInSamples, fadeInCurve, fadeOutSamples, fadeOutCurve); }
    public ClipPlacement fadeIn(long samples, Curve curve) { return new ClipPlacement(source, startSample, lengthSamples, sourceOffsetFrames, rate, reverse, loopFrames, gain, samples, curve, fadeOutSamples, fadeOutCurve); }
    public ClipPlacement fadeOut(long samples, Curve curve) { return new ClipPlacement(source, startSample, lengthSamples, sourceOffsetFrames, rate, reverse, loopFrames, gain, fadeInSamples, fadeInCurve, samples, curve); }
}
