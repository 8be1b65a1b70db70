package dev.aether.nodes.voice;

import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.node.NodeRunner;
import dev.aether.core.node.NodeSpec;
import dev.aether.core.NodeState;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.AudioThread;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.time.PendingEvents;
import dev.aether.core.time.TimedEventChannel;
import dev.aether.core.time.TimedNode;
import dev.aether.core.time.TimedTarget;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Supplier;

/**
 * A polyphonic instrument from any {@link Voice}: N voices are created up front, notes are allocated to them,
 * and their first outputs are summed. Confined to the audio thread except where noted.
 *
 * <p>Notes: {@link #noteOn(int, double)}, {@link #noteOff(int)}, {@link #allNotesOff()} and the timed
 * {@link #noteOnAt}/{@link #noteOffAt} may be called from any thread. A note is a key (a MIDI note 0..127, or
 * with {@link #noteOnHz} any key &ge; 0 at any frequency: microtonal scales, stacked voices on one pitch); they travel through the engine's
 * timed-event channel (at most {@value #QUEUE_CAPACITY} waiting, applied in sample order) and apply sample-accurately: the block is split at
 * each event and the voices are rendered in sub-blocks, each with its own clocked parameters and
 * pre-allocated buffers. At most {@value #MAX_EVENTS_PER_BLOCK} events apply per block; the rest wait.
 *
 * <p>Allocation: a note already held by a voice retriggers that voice; otherwise a free (inactive) voice is
 * used; otherwise one is stolen: with {@link Stealing#OLDEST}, the oldest released voice, else the oldest
 * held one; with {@link Stealing#QUIETEST}, the voice with the lowest peak in its last block. A stolen voice is
 * retriggered in place ({@link Voice#noteOnRt}), which a voice should do without a click. Released voices keep
 * sounding until {@link Voice#isActiveRt()} turns false; then they are free.
 *
 * <ul>
 * <li>Ports: {@code out}, as many channels as the voices' first output.</li>
 * <li>Params: none of its own; each voice's params are clocked here (they are not visible to the engine).</li>
 * <li>State: the voices' states and the allocator ({@link State}).</li>
 * </ul>
 */
public final class PolyVoices implements DspNode, TimedNode, TimedTarget {
    public static final int QUEUE_CAPACITY = 1024;
    public static final int MAX_EVENTS_PER_BLOCK = 256;

    /** Which voice to take when none is free. */
    public enum Stealing { OLDEST, QUIETEST }

    private static final int NOTE_OFF = 0, NOTE_ON = 1, ALL_OFF = 2, BEND = 3;   // event kinds: key = note, a = Hz (BEND: ratio), b = velocity

    public final OutputPort out;

    private final Voice[] voices;
    private final NodeRunner[] runners;
    private final float[][][] voiceOut;             // [voice][channel][frame]: each voice's first output
    private final PendingEvents events = new PendingEvents(QUEUE_CAPACITY);
    private TimedEventChannel timed;                // what the voices' own timed targets are bound to
    private final AtomicIntegerArray published;    // note per voice, -1 when free
    private volatile int activeCount;
    private volatile Stealing stealing = Stealing.OLDEST;
    private final int channels;

    // audio-thread allocator state
    private final int[] notes;
    private final boolean[] held;
    private final long[] age;
    private final double[] peak;
    private long counter;
    private double bendRatio = 1;                   // the last pitch bend, applied to every note started after it

    /** {@code count} voices (1..256) from {@code factory}, which must return a new voice each call. */
    public PolyVoices(int count, Supplier<? extends Voice> factory) {
        if (count < 1 || count > 256) throw new IllegalArgumentException("count must be 1..256, was " + count);
        voices = new Voice[count];
        runners = new NodeRunner[count];
        voiceOut = new float[count][][];
        notes = new int[count];
        held = new boolean[count];
        age = new long[count];
        peak = new double[count];
        published = new AtomicIntegerArray(count);
        for (int v = 0; v < count; v++) {
            Voice voice = factory.get();
            for (int u = 0; u < v; u++) {
                if (voices[u] == voice) throw new IllegalArgumentException("the factory must return a new voice each call");
            }
            voices[v] = voice;
            if (NodeSpec.of(voice).outputs().isEmpty()) throw new IllegalArgumentException(voice.typeName() + " has no output");
            notes[v] = -1;
            published.set(v, -1);
        }
        channels = NodeSpec.of(voices[0]).outputs().get(0).channels();
        out = Ports.audioOut("out", channels);
        prepare(48_000, 256);
    }

    public int voiceCount() { return voices.length; }
    public PolyVoices stealing(Stealing s) { stealing = s; return this; }
    public Stealing stealing() { return stealing; }

    /**
     * The parameter {@code name} of every voice (empty when the voices have none), e.g. to move all their filters
     * together. Control thread.
     */
    @ControlThread public java.util.List<dev.aether.core.param.SmoothedParam> voiceParams(String name) {
        java.util.List<dev.aether.core.param.SmoothedParam> out = new java.util.ArrayList<>();
        for (Voice v : voices) {
            dev.aether.core.param.SmoothedParam p = NodeSpec.of(v).param(name);
            if (p != null) out.add(p);
        }
        return out;
    }

    /** The names of the voices' parameters, the first voice's in its order, then any other voice's. Control thread. */
    @ControlThread public java.util.List<String> voiceParamNames() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (Voice v : voices) for (dev.aether.core.param.SmoothedParam p : NodeSpec.of(v).params()) out.add(p.name());
        return java.util.List.copyOf(out);
    }

    /** Voices sounding at the end of the last block. Any thread. */
    public int activeVoices() { return activeCount; }

    /** The note key voice {@code v} plays (held or releasing) at the end of the last block, or -1. Any thread. */
    public int noteOfVoice(int v) { return published.get(v); }

    /** Plays {@code midiNote} (0..127) at velocity 0..1 from the next block. Any thread; false if queue full. */
    @ControlThread public boolean noteOn(int midiNote, double velocity) {
        return offer(checkMidi(midiNote), Voice.midiToHz(midiNote), velocity, true, -1);
    }
    /** Releases note {@code key} (a MIDI note or a {@link #noteOnHz} key) from the next block. Any thread; false if the queue is full. */
    @ControlThread public boolean noteOff(int key) { return offer(key, 0, 0, false, -1); }
    /** Plays {@code midiNote} at engine sample {@code atSample}. */
    @ControlThread public boolean noteOnAt(int midiNote, double velocity, long atSample) {
        return offer(checkMidi(midiNote), Voice.midiToHz(midiNote), velocity, true, atSample);
    }
    /** Releases note {@code key} at engine sample {@code atSample}. */
    @ControlThread public boolean noteOffAt(int key, long atSample) { return offer(key, 0, 0, false, atSample); }
    /**
     * Plays key {@code key} (&ge; 0, any number: it only names the note for {@link #noteOff}) at
     * {@code frequencyHz} from the next block. Any thread; false if the queue is full.
     */
    @ControlThread public boolean noteOnHz(int key, double frequencyHz, double velocity) {
        return noteOnHzAt(key, frequencyHz, velocity, -1);
    }
    /** Plays key {@code key} at {@code frequencyHz} at engine sample {@code atSample} (-1: the next block). */
    @ControlThread public boolean noteOnHzAt(int key, double frequencyHz, double velocity, long atSample) {
        if (!(frequencyHz > 0 && frequencyHz < 1e6)) {
            throw new IllegalArgumentException("frequencyHz must be above 0 Hz (and below 1 MHz), was " + frequencyHz);
        }
        return offer(key, frequencyHz, velocity, true, atSample);
    }
    /**
     * Bends every voice, sounding and later ones, by {@code semitones} (-96..96; 0: none) at engine sample
     * {@code atSample} (-1: the next block). Voices that cannot bend ({@link Voice#bendRt}) ignore it. Any thread;
     * false if the queue is full.
     */
    @ControlThread public boolean pitchBendAt(double semitones, long atSample) {
        if (!(semitones >= -96 && semitones <= 96)) throw new IllegalArgumentException("a pitch bend is -96..96 semitones, was " + semitones);
        return events.offer(this, BEND, -1, atSample, Math.pow(2, semitones / 12), 0);
    }

    /**
     * Plays {@code midiNote} (0..127) at velocity 0..1 at engine sample {@code atSample}, from the audio thread: for
     * a node that runs this instrument itself and feeds it notes before it renders (an arrangement's instrument
     * track). False when {@value #QUEUE_CAPACITY} events wait.
     */
    @AudioThread @RealtimeSafe
    public boolean noteOnRt(int midiNote, double velocity, long atSample) {
        return events.offerRt(NOTE_ON, midiNote, atSample, Voice.midiToHz(midiNote), velocity);
    }

    /** Releases {@code key} at engine sample {@code atSample}, from the audio thread (see {@link #noteOnRt}). */
    @AudioThread @RealtimeSafe
    public boolean noteOffRt(int key, long atSample) { return events.offerRt(NOTE_OFF, key, atSample, 0, 0); }

    /** Releases every held note at engine sample {@code atSample}, from the audio thread (see {@link #noteOnRt}). */
    @AudioThread @RealtimeSafe
    public boolean allNotesOffRt(long atSample) { return events.offerRt(ALL_OFF, -1, atSample, 0, 0); }

    /** Releases every held note from the next block. */
    @ControlThread public boolean allNotesOff() { return events.offer(this, ALL_OFF, -1, -1, 0, 0); }

    private static int checkMidi(int note) {
        if (note < 0 || note > 127) throw new IllegalArgumentException("midi note must be 0..127, was " + note);
        return note;
    }

    private boolean offer(int key, double hz, double velocity, boolean on, long at) {
        if (key < 0) throw new IllegalArgumentException("note key must be >= 0, was " + key);
        if (!(velocity >= 0 && velocity <= 1)) throw new IllegalArgumentException("velocity must be 0..1, was " + velocity);
        return events.offer(this, on ? NOTE_ON : NOTE_OFF, key, at, hz, velocity);
    }

    /** Engine use: notes, and the voices' own params and gates, travel through {@code channel}. Control thread. */
    @Override @ControlThread
    public void bindTimed(TimedEventChannel channel) {
        timed = channel;
        events.bind(channel);
        for (NodeRunner r : runners) if (r != null) r.bindTimed(channel);
    }

    /** Takes a note event from the channel. */
    @Override @AudioThread @RealtimeSafe
    public void acceptRt(int kind, int key, long atSample, double a, double b) { events.addRt(kind, key, atSample, a, b); }

    @Override @ControlThread
    public void prepare(double sampleRate, int maxFrames) {
        for (int v = 0; v < voices.length; v++) {
            runners[v] = new NodeRunner(this, voices[v], sampleRate, maxFrames);
            voiceOut[v] = runners[v].output(runners[v].spec().outputs().get(0));
            if (timed != null) runners[v].bindTimed(timed);
        }
    }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        int n = ctx.frames();
        long t0 = ctx.sampleTime();
        for (int c = 0; c < channels; c++) {
            float[] o = ctx.out(out, c);
            for (int i = 0; i < n; i++) o[i] = 0f;
        }
        for (int v = 0; v < voices.length; v++) peak[v] = 0;
        int pos = 0, applied = 0;
        while (pos < n) {
            int next = events.offsetRt(t0, n);
            while (next <= pos && applied < MAX_EVENTS_PER_BLOCK) {
                applyNext();
                applied++;
                next = events.offsetRt(t0, n);
            }
            int end = next > pos ? next : n;
            render(ctx, t0, pos, end - pos);
            pos = end;
        }
        int active = 0;
        for (int v = 0; v < voices.length; v++) {
            if (notes[v] >= 0) active++;
            published.lazySet(v, notes[v]);
        }
        activeCount = active;
    }

    private void applyNext() {
        int kind = events.kindRt(), note = events.keyRt();
        double hz = events.aRt(), velocity = events.bRt();
        events.removeRt();
        if (kind == BEND) {
            bendRatio = hz;
            for (int v = 0; v < voices.length; v++) voices[v].bendRt(hz);
            return;
        }
        if (kind == ALL_OFF) {
            for (int v = 0; v < voices.length; v++) {
                if (held[v]) { held[v] = false; voices[v].noteOffRt(); }
            }
            return;
        }
        if (kind != NOTE_ON) {
            for (int v = 0; v < voices.length; v++) {
                if (held[v] && notes[v] == note) { held[v] = false; voices[v].noteOffRt(); }
            }
            return;
        }
        int v = pick(note);
        notes[v] = note;
        held[v] = true;
        age[v] = ++counter;
        voices[v].noteOnRt(hz, velocity);
        voices[v].bendRt(bendRatio);
    }

    private int pick(int note) {
        for (int v = 0; v < voices.length; v++) if (held[v] && notes[v] == note) return v;
        for (int v = 0; v < voices.length; v++) if (notes[v] < 0 && !voices[v].isActiveRt()) return v;
        int best = -1;
        if (stealing == Stealing.QUIETEST) {
            for (int v = 0; v < voices.length; v++) if (best < 0 || peak[v] < peak[best]) best = v;
            return best;
        }
        for (int v = 0; v < voices.length; v++) if (!held[v] && (best < 0 || age[v] < age[best])) best = v;
        if (best >= 0) return best;
        for (int v = 0; v < voices.length; v++) if (best < 0 || age[v] < age[best]) best = v;
        return best;
    }

    private static double peakOf(float[][] channels, int k) {
        double pk = 0;
        for (float[] ch : channels) for (int i = 0; i < k; i++) pk = Math.max(pk, Math.abs(ch[i]));
        return pk;
    }

    private void render(ProcessContext ctx, long t0, int offset, int k) {
        long start = t0 + offset;
        boolean quietest = stealing == Stealing.QUIETEST;
        for (int v = 0; v < voices.length; v++) {
            if (notes[v] < 0) {
                runners[v].idleRt(start, k);          // a silent voice's params still ramp: its next note starts at their value
                continue;
            }
            Voice voice = voices[v];
            runners[v].runRt(start, k, ctx.bpm(), ctx.beat());
            float[][] vo = voiceOut[v];
            for (int c = 0; c < channels; c++) {
                float[] src = vo[c], dst = ctx.out(out, c);
                for (int i = 0; i < k; i++) dst[offset + i] += src[i];
            }
            if (quietest) peak[v] = Math.max(peak[v], peakOf(vo, k));
            if (!voice.isActiveRt()) {
                notes[v] = -1;
                held[v] = false;
            }
        }
    }

    @Override @ControlThread
    public void reset() {
        for (int v = 0; v < voices.length; v++) {
            voices[v].reset();
            notes[v] = -1;
            held[v] = false;
            age[v] = 0;
            peak[v] = 0;
            published.set(v, -1);
        }
        counter = 0;
        bendRatio = 1;
        activeCount = 0;
        events.clear();
    }

    /** Saved state: each voice's own state and the allocator. */
    public record State(NodeState[] voices, int[] notes, boolean[] held, long[] age, double[] peak, long counter)
            implements NodeState {}

    @Override public NodeState saveState() {
        NodeState[] vs = new NodeState[voices.length];
        for (int v = 0; v < voices.length; v++) vs[v] = voices[v].saveState();
        return new State(vs, notes.clone(), held.clone(), age.clone(), peak.clone(), counter);
    }

    @Override public void restoreState(NodeState s) {
        if (!(s instanceof State st) || st.notes().length != voices.length) return;
        for (int v = 0; v < voices.length; v++) voices[v].restoreState(st.voices()[v]);
        System.arraycopy(st.notes(), 0, notes, 0, notes.length);
        System.arraycopy(st.held(), 0, held, 0, held.length);
        System.arraycopy(st.age(), 0, age, 0, age.length);
        System.arraycopy(st.peak(), 0, peak, 0, peak.length);
        counter = st.counter();
    }
}
