package dev.aether.repl.userapi;

import dev.aether.core.time.Clock;
import dev.aether.core.time.ClockSnapshot;
import java.util.Locale;

/**
 * Immutable; any thread. What {@code now()} answers: the engine's time (samples and seconds since the engine
 * started) and the transport's musical position there.
 *
 * @param samples  engine sample at the start of the block being rendered
 * @param seconds  {@code samples} over the sample rate
 * @param beat     transport beat (fractional; held while paused or stopped)
 * @param position the same as bars:beats:ticks, counted from 1 ("12:3:480")
 * @param bpm      tempo there
 * @param state    "playing", "paused" or "stopped"
 */
public record Now(long samples, double seconds, double beat, String position, double bpm, String state) {
    /** The clock's answer at its current position. */
    public static Now of(Clock clock) { return at(clock, clock.position()); }

    /** The clock's answer at engine sample {@code at} (where a change lands, say). */
    public static Now at(Clock clock, long at) {
        ClockSnapshot s = clock.snapshot();
        return new Now(at, (double) at / clock.sampleRate(), s.beatAtRt(at), s.tempoMap().format(s.beatAt(at)),
                s.bpmAtRt(at), s.stateAt(at).name().toLowerCase(Locale.ROOT));
    }

    /** "12.500 s (sample 600000), beat 25.000 = 7:2:0, 120 BPM, playing". */
    @Override public String toString() {
        return String.format(Locale.ROOT, "%.3f s (sample %d), beat %.3f = %s, %s BPM, %s", seconds, samples, beat,
                position, bpm == Math.rint(bpm) ? Long.toString((long) bpm) : String.format(Locale.ROOT, "%.2f", bpm), state);
    }
}
