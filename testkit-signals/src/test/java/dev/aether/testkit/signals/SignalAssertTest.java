package dev.aether.testkit.signals;

import static dev.aether.testkit.signals.SignalAssert.assertThatSignal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The signal assertions pass on what they describe and fail, naming the measured value, on what they do not. */
class SignalAssertTest {
    static final double SR = 48_000;
    final float[] sine = Signals.sine(48_000, 440, 0.5, SR);      // -6.02 dBFS peak, -9.03 dBFS RMS

    @Test
    void shouldMeasureASineItsLevelPitchAndCrossings() {
        assertThat(Signals.peakDb(sine, 0, sine.length)).as("peak dBFS").isCloseTo(-6.02, within(0.01));
        assertThat(Signals.rmsDb(sine, 0, sine.length)).as("RMS dBFS").isCloseTo(-9.03, within(0.01));
        assertThat(Signals.zeroCrossingHz(sine, 0, sine.length, SR)).as("Hz from zero crossings").isCloseTo(440, within(0.01));
        assertThat(Signals.upwardZeroCrossings(sine)).as("upward crossings in 1 s").isBetween(439, 441);
        assertThatSignal(sine, SR).isFinite().isNotSilent().hasPeakDbBetween(-6.1, -6).hasRmsDbBetween(-9.1, -9)
                .hasFundamentalHz(440, 0.1).hasUpwardZeroCrossingsBetween(439, 441);
    }

    @Test
    void shouldFailOnSilenceAWrongLevelAWrongPitchAndNaN() {
        assertThatThrownBy(() -> assertThatSignal(new float[4800], SR).isNotSilent())
                .hasMessageContaining("expected sound but the RMS is -Infinity dBFS");
        assertThatThrownBy(() -> assertThatSignal(sine, SR).hasRmsDbBetween(-3, 0))
                .hasMessageContaining("but it is -9.03 dBFS");
        assertThatThrownBy(() -> assertThatSignal(sine, SR).as("hello").hasFundamentalHz(220, 1))
                .hasMessageContaining("[hello]").hasMessageContaining("strongest component is at 440.0");
        float[] bad = sine.clone();
        bad[7] = Float.NaN;
        assertThatThrownBy(() -> assertThatSignal(bad, SR).isFinite()).hasMessageContaining("sample 7 is NaN");
    }

    @Test
    void shouldSeeAnAllocationInAWindowAndStopAfterTwoQuietOnes() throws Exception {
        Object[] sink = new Object[1];
        long[] allocating = Allocations.untilTwoQuietWindows(Thread.currentThread(), 3, () -> sink[0] = new long[1024]);
        assertThat(allocating).as("bytes per window of a loop that allocates 8 KiB").hasSize(3);
        assertThat(java.util.Arrays.stream(allocating).min().orElse(0)).as("the least of them").isGreaterThanOrEqualTo(8192);
        assertThat(Allocations.endsQuiet(allocating)).isFalse();
        long[] quiet = Allocations.untilTwoQuietWindows(Thread.currentThread(), 10, () -> sink[0] = null);
        assertThat(Allocations.endsQuiet(quiet)).as("windows %s", java.util.Arrays.toString(quiet)).isTrue();
    }
}
