package dev.aether.sequencing.midi;

import dev.aether.core.time.Rational;
import dev.aether.sequencing.pattern.Event;
import dev.aether.sequencing.pattern.Pattern;
import dev.aether.sequencing.pattern.Span;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * A Standard MIDI File (type 0 or 1) read into its notes, its tempo map and its metre, with exact timing. Immutable;
 * any thread.
 *
 * <p><b>Timing.</b> With a PPQ division, tick {@code t} is at {@code sum(ticks_i * microsPerQuarter_i) / ppq}
 * microseconds over the tempo segments before it (500,000 µs per quarter, 120 BPM, until the first tempo event), kept
 * as an exact integer numerator; with an SMPTE division, at {@code t / (framesPerSecond * ticksPerFrame)} seconds
 * (29.97 is 30000/1001). {@link #sampleOf} rounds that time to the nearest sample (halves up) once, so nothing
 * accumulates: a note-on plays on the sample the file's tempo map gives.
 *
 * <p><b>Notes</b> pair each note-on (velocity above 0) with the next note-off (or note-on at velocity 0) of the same
 * channel and key, first on first off; a note never released ends with its track. Notes of every track and channel
 * are kept, sorted by start tick.
 *
 * <p><b>Metre</b>: time signatures (meta event 0x58) set the bar length from their tick on, in quarters
 * ({@code numerator * 4 / denominator}); 4/4 until the first. Bars are counted from 1, as a sequencer shows them.
 */
public final class MidiFile {
    /** A note: from {@code tick} to {@code endTick} (later), channel 0..15, key 0..127, velocity 1..127. */
    public record Note(long tick, long endTick, int channel, int key, int velocity) {}

    /** From {@code tick} on, {@code microsPerQuarter} µs per quarter note (60,000,000 / BPM). */
    public record Tempo(long tick, long microsPerQuarter) {
        public double bpm() { return 60_000_000.0 / microsPerQuarter; }
    }

    /** From {@code tick} on (a bar start), bars of {@code numerator}/{@code denominator}. */
    public record Metre(long tick, int numerator, int denominator) {}

    private final String name;
    private final int type;
    private final int ppq;                  // ticks per quarter note; 0 for an SMPTE division
    private final long smpteTicksNum, smpteTicksDen;   // ticks per second, as a fraction, for SMPTE
    private final List<Note> notes;
    private final List<Tempo> tempos;       // the first at tick 0
    private final long[] tempoNumerators;   // sum(ticks * µs/quarter) at each tempo's tick
    private final List<Metre> metres;       // the first at tick 0
    private final long lengthTicks;

    private MidiFile(String name, int type, Sequence seq) {
        this.name = name;
        this.type = type;
        float division = seq.getDivisionType();
        int resolution = seq.getResolution();
        if (resolution <= 0) throw new IllegalArgumentException(name + ": the file's division is " + resolution + " ticks; it must be above 0");
        if (division == Sequence.PPQ) {
            ppq = resolution;
            smpteTicksNum = smpteTicksDen = 0;
        } else {
            ppq = 0;
            // frames per second: 24, 25, 29.97 (drop frame: 30000/1001), 30
            long fpsNum = division == Sequence.SMPTE_30DROP ? 30_000 : Math.round(division), fpsDen = division == Sequence.SMPTE_30DROP ? 1001 : 1;
            smpteTicksNum = fpsNum * resolution;
            smpteTicksDen = fpsDen;
        }
        List<Tempo> ts = new ArrayList<>();
        List<Metre> ms = new ArrayList<>();
        List<Note> ns = new ArrayList<>();
        long length = 0;
        for (Track track : seq.getTracks()) {
            Map<Integer, ArrayDeque<long[]>> held = new HashMap<>();    // channel << 7 | key -> (tick, velocity) pending
            long trackEnd = track.ticks();
            length = Math.max(length, trackEnd);
            for (int i = 0; i < track.size(); i++) {
                MidiEvent e = track.get(i);
                long tick = e.getTick();
                if (e.getMessage() instanceof MetaMessage m) {
                    byte[] d = m.getData();
                    if (m.getType() == 0x51 && d.length >= 3) {
                        long us = ((d[0] & 0xFFL) << 16) | ((d[1] & 0xFFL) << 8) | (d[2] & 0xFFL);
                        if (us > 0) ts.add(new Tempo(tick, us));
                    } else if (m.getType() == 0x58 && d.length >= 2 && d[0] > 0 && d[1] >= 0 && d[1] <= 6) {
                        ms.add(new Metre(tick, d[0], 1 << d[1]));
                    }
                } else if (e.getMessage() instanceof ShortMessage m) {
                    int cmd = m.getCommand(), k = m.getChannel() << 7 | m.getData1();
                    if (cmd == ShortMessage.NOTE_ON && m.getData2() > 0) {
                        held.computeIfAbsent(k, x -> new ArrayDeque<>()).add(new long[] {tick, m.getData2()});
                    } else if (cmd == ShortMessage.NOTE_OFF || cmd == ShortMessage.NOTE_ON) {
                        ArrayDeque<long[]> q = held.get(k);
                        long[] on = q == null ? null : q.poll();
                        if (on != null) ns.add(note(on, tick, m.getChannel(), m.getData1()));
                    }
                }
            }
            for (var h : held.entrySet()) {
                for (long[] on : h.getValue()) ns.add(note(on, trackEnd, h.getKey() >> 7, h.getKey() & 127));
            }
        }
        ts.sort(Comparator.comparingLong(Tempo::tick));       // stable: of two at one tick, the later read wins below
        ms.sort(Comparator.comparingLong(Metre::tick));
        ns.sort(Comparator.comparingLong(Note::tick).thenComparingInt(Note::channel).thenComparingInt(Note::key));
        this.tempos = List.copyOf(dedupe(ts, Tempo::tick, new Tempo(0, 500_000)));
        this.metres = List.copyOf(dedupe(ms, Metre::tick, new Metre(0, 4, 4)));
        this.notes = List.copyOf(ns);
        this.lengthTicks = length;
        tempoNumerators = new long[tempos.size()];
        for (int i = 1; i < tempos.size(); i++) {
            Tempo prev = tempos.get(i - 1);
            tempoNumerators[i] = Math.addExact(tempoNumerators[i - 1],
                    Math.multiplyExact(tempos.get(i).tick() - prev.tick(), prev.microsPerQuarter()));
        }
    }

    private static Note note(long[] on, long end, int channel, int key) {
        return new Note(on[0], Math.max(end, on[0] + 1), channel, key, (int) on[1]);
    }

    /** Sorted by tick; one per tick (the last read), and {@code first} at tick 0 unless the list has one there. */
    private static <T> List<T> dedupe(List<T> sorted, java.util.function.ToLongFunction<T> tick, T first) {
        List<T> out = new ArrayList<>();
        out.add(first);
        for (T t : sorted) {
            if (tick.applyAsLong(out.get(out.size() - 1)) == tick.applyAsLong(t)) out.set(out.size() - 1, t);
            else out.add(t);
        }
        return out;
    }

    /**
     * Reads a Standard MIDI File.
     *
     * @throws IOException naming the file when it is missing, unreadable or not a MIDI file (type 0 or 1)
     */
    public static MidiFile read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) throw new IOException("no MIDI file " + path.toAbsolutePath() + ": check the path (a .mid file)");
        try {
            int type = MidiSystem.getMidiFileFormat(path.toFile()).getType();
            if (type != 0 && type != 1) throw new IOException(path + " is a type " + type + " MIDI file; aether reads types 0 and 1");
            return new MidiFile(path.getFileName().toString(), type, MidiSystem.getSequence(path.toFile()));
        } catch (InvalidMidiDataException e) {
            throw new IOException(path + " is not a Standard MIDI File (" + e.getMessage() + "); save it as a type 0 or 1 .mid", e);
        }
    }

    /** A file already in memory ({@code type} 0 or 1), named {@code name} in messages. */
    public static MidiFile of(String name, int type, Sequence sequence) { return new MidiFile(name, type, sequence); }

    public String name() { return name; }

    /** 0 (one track) or 1 (several tracks, one tempo map). */
    public int type() { return type; }

    /** Ticks per quarter note, or 0 when the file counts time in SMPTE frames. */
    public int ticksPerQuarter() { return ppq; }

    /** Every note, by start tick. */
    public List<Note> notes() { return notes; }

    /** The tempo changes, the first at tick 0 (120 BPM when the file names none there). */
    public List<Tempo> tempos() { return tempos; }

    /** The time signatures, the first at tick 0 (4/4 when the file names none there). */
    public List<Metre> metres() { return metres; }

    /** The last tick of the longest track. */
    public long lengthTicks() { return lengthTicks; }

    // ------------------------------------------------------------------ time

    /**
     * The sample, at {@code sampleRate} Hz, on which {@code tick} starts, counting the file's start as sample 0:
     * {@code round(seconds(tick) * sampleRate)}, exact, halves up.
     */
    public long sampleOf(long tick, int sampleRate) {
        BigInteger num, den;
        if (ppq > 0) {
            int i = tempoIndexAt(tick);
            Tempo t = tempos.get(i);
            // µs = (N_i + (tick - tick_i) * µsPerQuarter_i) / ppq; samples = µs * rate / 1e6
            num = BigInteger.valueOf(tempoNumerators[i]).add(BigInteger.valueOf(tick - t.tick()).multiply(BigInteger.valueOf(t.microsPerQuarter())))
                    .multiply(BigInteger.valueOf(sampleRate));
            den = BigInteger.valueOf(ppq).multiply(BigInteger.valueOf(1_000_000));
        } else {
            num = BigInteger.valueOf(tick).multiply(BigInteger.valueOf(sampleRate)).multiply(BigInteger.valueOf(smpteTicksDen));
            den = BigInteger.valueOf(smpteTicksNum);
        }
        return num.shiftLeft(1).add(den).divide(den.shiftLeft(1)).longValueExact();   // tick >= 0: floor = division
    }

    /** Seconds from the file's start to {@code tick}. */
    public double secondsOf(long tick) { return sampleOf(tick, 1_000_000) / 1e6; }

    /** The file's length in seconds. */
    public double seconds() { return secondsOf(lengthTicks); }

    private int tempoIndexAt(long tick) {
        int i = 0;
        for (int k = 1; k < tempos.size(); k++) if (tempos.get(k).tick() <= tick) i = k;
        return i;
    }

    // ------------------------------------------------------------------ bars

    /** Ticks per bar of {@code m} ({@code numerator * 4 / denominator} quarters); for an SMPTE file, one second. */
    private long barTicks(Metre m) {
        if (ppq == 0) return Math.max(1, smpteTicksNum / smpteTicksDen);
        return Math.max(1, (long) m.numerator() * 4 * ppq / m.denominator());
    }

    /** The tick on which bar {@code bar} (from 1) starts. */
    public long barStartTick(int bar) {
        if (bar < 1) throw new IllegalArgumentException("bars count from 1, not " + bar);
        long tick = 0;
        int b = 1, mi = 0;
        while (b < bar) {
            Metre m = metres.get(mi);
            long next = tick + barTicks(m);
            if (mi + 1 < metres.size() && metres.get(mi + 1).tick() <= next) {
                next = Math.min(next, metres.get(mi + 1).tick());  // a change mid-bar starts a new bar there
                mi++;
            }
            tick = next;
            b++;
        }
        return tick;
    }

    /** How many bars hold the file's events (a last, partial bar counts). */
    public int bars() {
        int b = 1;
        while (barStartTick(b + 1) < Math.max(1, lengthTicks)) b++;
        return b;
    }

    /**
     * Bars {@code first..last} (counted from 1, both played) as a pattern that loops them, one bar of the file per
     * cycle (one bar of the clock, so it follows the clock's tempo and transport; the file's tempo is not used): a note
     * at a quarter of a file bar plays at a quarter of the clock's bar. Notes starting in the range play, cut at the
     * range's end. Values are {@link MidiNote}s with the file's channels and velocities.
     *
     * @throws IllegalArgumentException when the range is empty or outside the file's bars
     */
    public Pattern<MidiNote> bars(int first, int last) {
        int count = bars();
        if (first < 1 || last < first || last > count) {
            throw new IllegalArgumentException(name + " has bars 1.." + count + "; bars(" + first + ", " + last + ") is not a range of them");
        }
        long[] starts = new long[last - first + 2];
        for (int b = first; b <= last + 1; b++) starts[b - first] = barStartTick(b);
        List<Event<MidiNote>> events = new ArrayList<>();
        Rational period = Rational.of(last - first + 1);
        for (Note n : notes) {
            if (n.tick() < starts[0] || n.tick() >= starts[starts.length - 1]) continue;
            Rational on = cycleOf(n.tick(), starts), off = cycleOf(Math.min(n.endTick(), starts[starts.length - 1]), starts);
            if (off.compareTo(on) <= 0) continue;
            Span whole = new Span(on, off);
            events.add(new Event<>(whole, whole, new MidiNote(n.channel(), n.key(), n.velocity())));
        }
        return Pattern.loop(period, events);
    }

    /** Tick {@code tick} (within the range) as a cycle: its bar's index plus the fraction of that bar. */
    private static Rational cycleOf(long tick, long[] starts) {
        int b = 0;
        while (b + 1 < starts.length - 1 && starts[b + 1] <= tick) b++;
        if (tick >= starts[starts.length - 1]) return Rational.of(starts.length - 1);
        return Rational.of(b).plus(Rational.of(tick - starts[b], starts[b + 1] - starts[b]));
    }

    /** "song.mid: type 1, 3 tracks' notes: 120 notes, 4 tempo changes, 1 metre change, 32 bars, 64.0 s". */
    @Override public String toString() {
        return String.format("%s: type %d, %d notes, %s, %d tempo%s (%.1f BPM first), %d bars, %.1f s", name, type, notes.size(),
                ppq > 0 ? ppq + " ticks per quarter" : "SMPTE time", tempos.size(), tempos.size() == 1 ? "" : "s",
                tempos.get(0).bpm(), bars(), seconds());
    }
}
