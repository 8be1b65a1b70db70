package dev.aether.sequencing.midi;

import dev.aether.core.time.Clock;
import dev.aether.core.time.ClockSnapshot;
import dev.aether.core.time.Rational;
import dev.aether.core.time.TempoMap;
import dev.aether.sequencing.schedule.LookAheadScheduler;

/**
 * Sends the engine clock as MIDI clock to a {@link MidiOut}: 24 timing clocks (0xF8) per beat while the transport
 * plays, each stamped with the engine sample its beat ({@code k/24}) falls on through the clock's tempo map, so ticks
 * follow tempo changes and ramps exactly; Start (0xFA) when the transport plays from beat 0; Song Position Pointer
 * (0xF2, in sixteenths) then Continue (0xFB) when it plays from elsewhere (after a pause, a seek, or when sending
 * starts mid-song); Stop (0xFC) when it pauses or stops, or before it jumps while playing. After Start or Continue the
 * first clock is on the position sent (a sixteenth: playing resumes on the next sixteenth; clocks before it are not
 * sent). A {@link LookAheadScheduler.Follower}: the scheduler's passes drive it, holding the clock's lock.
 */
public final class MidiClockSender implements LookAheadScheduler.Follower {
    /** MIDI clocks per quarter note. */
    public static final int PPQN = 24;
    public static final int CLOCK = 0xF8, START = 0xFA, CONTINUE = 0xFB, STOP = 0xFC, SONG_POSITION = 0xF2;

    private final Clock clock;
    private final MidiOut out;
    private long sentUntil;                  // engine sample: everything before it is sent
    private boolean playing;                 // whether the receiver was last told to play
    private long expectedTransport;          // while playing: the transport sample at sentUntil if no jump
    private long nextTick;                   // while playing: the next clock's index (beat = nextTick / 24)
    private volatile boolean stopped;
    private volatile long ticks;

    /** Sends {@code clock} to {@code out} from engine sample {@code fromSample} on. */
    public MidiClockSender(Clock clock, MidiOut out, long fromSample) {
        this.clock = clock;
        this.out = out;
        this.sentUntil = fromSample;
    }

    @Override public synchronized void advanceTo(long engineSample) {
        if (stopped) return;
        ClockSnapshot s = clock.snapshot();
        TempoMap map = s.tempoMap();
        long from = sentUntil;
        while (from < engineSample) {
            long runEnd = Math.min(engineSample, s.nextRunFrom(from));
            boolean plays = s.stateAt(from) == ClockSnapshot.State.PLAYING;
            long t0 = s.transportSampleAt(from);
            if (playing && (!plays || t0 != expectedTransport)) {
                out.sendAt(STOP, from);
                playing = false;
            }
            if (plays && !playing) {
                Rational beat = map.tickAtOrAfter(t0);
                long sixteenth = beat.times(4).ceil();
                nextTick = sixteenth * (PPQN / 4);
                if (nextTick == 0) {
                    out.sendAt(START, from);
                } else {
                    out.sendAt(SONG_POSITION, (int) (sixteenth & 0x7F), (int) ((sixteenth >> 7) & 0x7F), from);
                    out.sendAt(CONTINUE, from);
                }
                playing = true;
            }
            if (plays) {
                long t1 = t0 + (runEnd - from);
                for (long t = map.sampleOf(Rational.of(nextTick, PPQN)); t < t1; t = map.sampleOf(Rational.of(nextTick, PPQN))) {
                    out.sendAt(CLOCK, from + (t - t0));
                    nextTick++;
                    ticks++;
                }
                expectedTransport = t1;
            }
            from = runEnd;
        }
        sentUntil = Math.max(sentUntil, engineSample);
    }

    @Override public boolean isDone() { return stopped; }

    /** Stops sending (a Stop is sent at once when the receiver was playing). Any thread. */
    public synchronized void stop() {
        if (!stopped && playing) out.sendAt(STOP, sentUntil);
        stopped = true;
    }

    /** Clocks queued so far. */
    public long ticksSent() { return ticks; }

    @Override public String toString() { return "MIDI clock to " + out.name() + (stopped ? " (stopped)" : ""); }
}
