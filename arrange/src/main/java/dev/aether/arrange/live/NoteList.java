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
    static final NoteList EMPTY = new NoteList(new long[0], new int[0], new double[0]);

    final long[] at;          // timeline samples
    final int[] key;          // MIDI key; negative: key-off of ~key
    final double[] velocity;  // 0..1 for key-ons

    private NoteList(long[] at, int[] key, double[] velocity) {
        this.at = at;
        this.key = key;
        this.velocity = velocity;
    }

    /** The notes of {@code midi} clips at {@code sampleRate} (start and end through {@link Schedule#sample}). */
    @ControlThread
    static NoteList of(List<Schedule.PlayedMidi> midi, double sampleRate) {
        record Ev(long at, int key, double vel) {}
        List<Ev> evs = new ArrayList<>();
        for (Schedule.PlayedMidi m : midi) {
            for (Schedule.PlayedNote n : m.notes()) {
                long on = n.startSample(sampleRate), off = n.endSample(sampleRate);
                if (off <= on) off = on + 1;
                if (on < 0) continue;
                evs.add(new Ev(on, n.key(), n.velocity() / 127.0));
                evs.add(new Ev(off, ~n.key(), 0));
            }
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
        return new NoteList(at, key, vel);
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
