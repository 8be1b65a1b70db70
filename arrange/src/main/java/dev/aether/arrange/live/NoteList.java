package dev.aether.arrange.live;

import dev.aether.arrange.Schedule;
import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An instrument track's notes as key-on and key-off events on the timeline in samples, sorted by sample (a key-off
 * before a key-on on the same sample, so a note repeated back to back retriggers). Immutable; built on the control
 * thread from a {@link Schedule}, read on the audio thread.
 */
final class NoteList {
    static final NoteList EMPTY = new NoteList(new long[0], new int[0], new double[0], new long[0], new long[0], new int[0], new double[0], 0);

    final long[] at;          // timeline samples
    final int[] key;          // MIDI key; negative: key-off of ~key
    final double[] velocity;  // 0..1 for key-ons

    // the notes themselves, sorted by start, for chasing: a jump into a note starts it
    final long[] noteOn;      // timeline sample of each note's key-on
    final long[] noteOff;     // and of its key-off (> noteOn)
    final int[] noteKey;
    final double[] noteVelocity;
    final long longest;       // the longest note's length in samples: how far back a held note can start

    private NoteList(long[] at, int[] key, double[] velocity, long[] noteOn, long[] noteOff, int[] noteKey,
                     double[] noteVelocity, long longest) {
        this.at = at;
        this.key = key;
        this.velocity = velocity;
        this.noteOn = noteOn;
        this.noteOff = noteOff;
        this.noteKey = noteKey;
        this.noteVelocity = noteVelocity;
        this.longest = longest;
    }

    /** The notes of {@code midi} clips at {@code sampleRate} (start and end through {@link Schedule#sample}). */
    @ControlThread
    static NoteList of(List<Schedule.PlayedMidi> midi, double sampleRate) {
        record Ev(long at, int key, double vel) {}
        record N(long on, long off, int key, double vel) {}
        List<Ev> evs = new ArrayList<>();
        List<N> ns = new ArrayList<>();
        for (Schedule.PlayedMidi m : midi) {
            for (Schedule.PlayedNote n : m.notes()) {
                long on = n.startSample(sampleRate), off = n.endSample(sampleRate);
                if (off <= on) off = on + 1;
                if (on < 0) continue;
                evs.add(new Ev(on, n.key(), n.velocity() / 127.0));
                evs.add(new Ev(off, ~n.key(), 0));
                ns.add(new N(on, off, n.key(), n.velocity() / 127.0));
            }
        }
        ns.sort(Comparator.comparingLong(N::on));
        long[] non = new long[ns.size()], noff = new long[ns.size()];
        int[] nkey = new int[ns.size()];
        double[] nvel = new double[ns.size()];
        long longest = 0;
        for (int i = 0; i < non.length; i++) {
            N n = ns.get(i);
            non[i] = n.on();
            noff[i] = n.off();
            nkey[i] = n.key();
            nvel[i] = n.vel();
            longest = Math.max(longest, n.off() - n.on());
        }
        evs.sort(Comparator.comparingLong(Ev::at).thenComparingInt(e -> e.key() < 0 ? 0 : 1));
        long[] at = new long[evs.size()];
        int[] key = new int[evs.size()];
        double[] vel = new double[evs.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = evs.get(i).at();
            key[i] = evs.get(i).key();
            vel[i] = evs.get(i).vel();
        }
        return new NoteList(at, key, vel, non, noff, nkey, nvel, longest);
    }

    /**
     * Chases the notes held at timeline sample {@code t}: every note that started before {@code t} and ends after it
     * is started on {@code player} at engine sample {@code atSample} (its key-off, later in {@link #at}, ends it at its
     * own end). Notes starting at {@code t} are not chased: the events at {@code t} start them. Time bounded by the
     * notes starting within {@link #longest} before {@code t}.
     */
    @RealtimeSafe
    void chaseRt(long t, NotePlayer player, long atSample) {
        int lo = 0, hi = noteOn.length;
        while (lo < hi) {                                       // first note starting at or after t
            int mid = (lo + hi) >>> 1;
            if (noteOn[mid] < t) lo = mid + 1; else hi = mid;
        }
        long earliest = t - longest;
        for (int j = lo - 1; j >= 0 && noteOn[j] >= earliest; j--) {
            if (noteOff[j] > t) player.noteOnRt(noteKey[j], noteVelocity[j], atSample);
        }
    }

    /** The first event at or after timeline sample {@code t}. */
    @RealtimeSafe
    int firstAtOrAfterRt(long t) {
        int lo = 0, hi = at.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (at[mid] < t) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
