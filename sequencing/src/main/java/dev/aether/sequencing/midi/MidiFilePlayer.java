package dev.aether.sequencing.midi;

import dev.aether.sequencing.schedule.LookAheadScheduler;
import dev.aether.sequencing.schedule.PatternTarget;
import java.util.List;

/**
 * Plays a {@link MidiFile} once, in the file's own tempo map, from engine sample {@code startSample}: the note that
 * starts on tick {@code t} is sent (look-ahead, like a pattern's) stamped {@code startSample + file.sampleOf(t, rate)}
 * and released at its end tick's sample, so every note-on lands on the sample the file's tempo map gives. A
 * {@link LookAheadScheduler.Follower}: the scheduler's passes drive it (offline, before each block; live, ahead of the
 * engine). The scheduler's thread, except {@link #stop} and the readers (any thread).
 */
public final class MidiFilePlayer implements LookAheadScheduler.Follower {
    private final MidiFile file;
    private final PatternTarget<MidiNote> target;
    private final long startSample;
    private final int sampleRate;
    private final List<MidiFile.Note> notes;
    private int next;                        // index of the first note not sent
    private volatile boolean stopped;
    private volatile long sent, dropped;

    /** Plays {@code file} into {@code target} from engine sample {@code startSample}, at {@code sampleRate} Hz. */
    public MidiFilePlayer(MidiFile file, PatternTarget<MidiNote> target, long startSample, int sampleRate) {
        this.file = file;
        this.target = target;
        this.startSample = startSample;
        this.sampleRate = sampleRate;
        this.notes = file.notes();
    }

    @Override public synchronized void advanceTo(long engineSample) {
        while (!stopped && next < notes.size()) {
            MidiFile.Note n = notes.get(next);
            long on = startSample + file.sampleOf(n.tick(), sampleRate);
            if (on >= engineSample) return;
            long off = Math.max(on + 1, startSample + file.sampleOf(n.endTick(), sampleRate));
            if (target.send(new MidiNote(n.channel(), n.key(), n.velocity()), on, off)) sent++;
            else dropped++;
            next++;
        }
    }

    @Override public boolean isDone() { return stopped || next >= notes.size(); }

    /** Sends nothing more (notes already sent still play and are released). Any thread. */
    public void stop() { stopped = true; }

    /** The engine sample the file's tick 0 is on. */
    public long startSample() { return startSample; }

    /** The engine sample the file ends on. */
    public long endSample() { return startSample + file.sampleOf(file.lengthTicks(), sampleRate); }

    public MidiFile file() { return file; }

    /** Notes sent so far, and dropped because the target's queue was full. */
    public long notesSent() { return sent; }
    public long notesDropped() { return dropped; }

    @Override public String toString() {
        return "MIDI file " + file.name() + " into " + target.description() + " from engine sample " + startSample
                + (isDone() ? " (done)" : "");
    }
}
