package dev.aether.testkit.signals;

import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on one channel of audio at a known sample rate: finite, audible, level (peak and RMS in dB
 * relative to full scale 1.0), fundamental frequency and zero crossings. Each failure names the measured value
 * (after the description given with {@code as}).
 * Any thread; test code.
 *
 * <pre>{@code
 * assertThatSignal(Signals.left(stereo), 48_000).isFinite().isNotSilent().hasFundamentalHz(440, 2);
 * }</pre>
 */
public final class SignalAssert extends AbstractAssert<SignalAssert, float[]> {
    /** Below this RMS (dBFS) a signal counts as silent: under the 16-bit noise floor. */
    public static final double SILENCE_DB = -96;

    private final double sampleRate;

    private SignalAssert(float[] samples, double sampleRate) {
        super(samples, SignalAssert.class);
        this.sampleRate = sampleRate;
    }

    /** Assertions on {@code samples} (one channel; see {@link Signals#channel}) at {@code sampleRate} Hz. */
    public static SignalAssert assertThatSignal(float[] samples, double sampleRate) {
        return new SignalAssert(samples, sampleRate);
    }

    /** Every sample is finite (no NaN, no infinity). */
    public SignalAssert isFinite() {
        isNotNull();
        for (int i = 0; i < actual.length; i++) {
            if (!Float.isFinite(actual[i])) failWithMessage("sample %d is %s", i, actual[i]);
        }
        return this;
    }

    /** Not empty and its RMS is above {@value #SILENCE_DB} dBFS. */
    public SignalAssert isNotSilent() {
        isNotNull();
        if (actual.length == 0) failWithMessage("expected sound but the signal is empty");
        double db = Signals.rmsDb(actual, 0, actual.length);
        if (!(db > SILENCE_DB)) failWithMessage("expected sound but the RMS is %.1f dBFS", db);
        return this;
    }

    /** Peak level in dBFS within {@code [loDb, hiDb]}. */
    public SignalAssert hasPeakDbBetween(double loDb, double hiDb) {
        isNotNull();
        double db = Signals.peakDb(actual, 0, actual.length);
        if (!(db >= loDb && db <= hiDb)) {
            failWithMessage("expected a peak of %.1f..%.1f dBFS but it is %.2f dBFS", loDb, hiDb, db);
        }
        return this;
    }

    /** RMS level in dBFS within {@code [loDb, hiDb]}. */
    public SignalAssert hasRmsDbBetween(double loDb, double hiDb) {
        isNotNull();
        double db = Signals.rmsDb(actual, 0, actual.length);
        if (!(db >= loDb && db <= hiDb)) {
            failWithMessage("expected an RMS of %.1f..%.1f dBFS but it is %.2f dBFS", loDb, hiDb, db);
        }
        return this;
    }

    /**
     * The strongest spectral component ({@link Signals#peakFrequency} over the longest power-of-two span, at least
     * 1024 samples) is within {@code toleranceHz} of {@code hz}.
     */
    public SignalAssert hasFundamentalHz(double hz, double toleranceHz) {
        isNotNull();
        if (actual.length < 1024) failWithMessage("need at least 1024 samples to estimate a frequency, got %d", actual.length);
        int n = Integer.highestOneBit(actual.length);
        double f = Signals.peakFrequency(actual, actual.length - n, n, sampleRate);
        if (!(Math.abs(f - hz) <= toleranceHz)) {
            failWithMessage("expected a fundamental of %.2f Hz (+-%.2f) but the strongest component is at %.2f Hz",
                    hz, toleranceHz, f);
        }
        return this;
    }

    /** The count of upward zero crossings is within {@code [min, max]}. */
    public SignalAssert hasUpwardZeroCrossingsBetween(int min, int max) {
        isNotNull();
        int c = Signals.upwardZeroCrossings(actual);
        if (c < min || c > max) failWithMessage("expected %d..%d upward zero crossings but counted %d", min, max, c);
        return this;
    }
}
