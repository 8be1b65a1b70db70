package dev.aether.osc;

import com.illposed.osc.argument.OSCTimeTag64;
import dev.aether.core.time.Clock;
import java.time.Instant;

/**
 * Immutable; any thread. Maps an OSC timetag (NTP time: seconds since 1900 in the high 32 bits, the fraction in the
 * low 32) to an engine sample: one anchor, an NTP time and the engine sample it corresponds to, and the sample rate.
 * Two timetags {@code d} seconds apart land {@code round(d * rate)} samples apart, exactly.
 *
 * <p>Live, the anchor is taken when the server starts ({@link #now}): the wall clock's time and the sample the engine
 * renders then. The sound card's clock and the wall clock drift apart by their crystals' error (tens of ppm: a few
 * ms an hour); restarting the server ({@code :osc stop}, {@code :osc}) takes a new anchor.
 */
public record SampleTimeline(long anchorNtp, long anchorSample, double sampleRate) {
    private static final double TWO_TO_32 = 4_294_967_296.0;

    /** The wall clock now is the engine sample {@code clock} renders now. */
    public static SampleTimeline now(Clock clock) {
        return new SampleTimeline(ntp(Instant.now()), clock.position(), clock.sampleRate());
    }

    /** The NTP time (as in an OSC timetag) of {@code instant}. */
    public static long ntp(Instant instant) { return OSCTimeTag64.valueOf(instant).getNtpTime(); }

    /** The engine sample timetag {@code ntpTime} names (nearest sample). */
    public long sampleOf(long ntpTime) {
        long d = ntpTime - anchorNtp;                       // two's complement: right across the sign bit of NTP era 0
        return anchorSample + Math.round(d / TWO_TO_32 * sampleRate);
    }

    /** The NTP time of engine sample {@code sample} (the inverse of {@link #sampleOf}, to the nearest NTP unit). */
    public long ntpOf(long sample) {
        return anchorNtp + Math.round((sample - anchorSample) / sampleRate * TWO_TO_32);
    }
}
