package dev.aether.nodes.drum;

import dev.aether.core.AudioThread;
import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.NodeState;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.node.NodeRunner;
import dev.aether.core.time.PendingEvents;
import dev.aether.core.time.TimedEventChannel;
import dev.aether.core.time.TimedNode;
import dev.aether.core.time.TimedTarget;
import java.util.List;

/**
 * A synthesised drum machine: eight {@link DrumVoice}s mixed to one mono output, played by named hits on exact
 * engine samples. Confined to the audio thread except where noted.
 *
 * <p><b>Names</b> (keys 0..7 in this order): {@code bd} kick ({@link PitchedDrum#kick()}), {@code sn}
 * {@link Snare}, {@code hh} closed hat ({@link HiHat#closed()}), {@code oh} open hat ({@link HiHat#open()}),
 * {@code cp} {@link Clap}, {@code lt mt ht} toms ({@link PitchedDrum#lowTom()} ...). Each voice is a public field
 * whose params tune it ({@code kit.bd.decaySeconds(0.8)}); they are read at each hit, so a change applies from the
 * next hit.
 *
 * <p><b>Hits</b> ({@link Hits}): {@link #hitAt(int, long, double)} and {@link #hit(String, double)} from any thread,
 * through the engine's timed-event channel (at most {@value #QUEUE_CAPACITY} waiting); the kit splits its block at
 * each hit's sample, so the hit's first sample is the output at {@code atSample}. Velocity 0..1 is the hit's linear
 * amplitude. At most {@value #MAX_EVENTS_PER_BLOCK} hits apply per block; the rest wait for the next.
 *
 * <p><b>Chokes</b>: by default {@code hh} chokes {@code oh} (a closed hat fades a ringing open one out over
 * {@value DrumVoice#CHOKE_SECONDS} s); {@link #choke} adds more, {@link #clearChokes} removes them. Hits at the same
 * sample apply in the order they were sent.
 *
 * <ul>
 * <li>Ports: {@code out} (mono).</li>
 * <li>Params: none of its own; each voice's are clocked here (not visible to the engine), every block, whether the voice
 *     sounds or not: a gain set while the kit is silent has finished its ramp when the next hit comes.</li>
 * <li>State: every voice's ({@link State}).</li>
 * </ul>
 */
public final class DrumKit implements DspNode, TimedNode, TimedTarget, Hits {
    /** Hits the kit holds before {@link #hitAt} refuses more. */
    public static final int QUEUE_CAPACITY = 1024;
    /** Hits applied per block at most. */
    public static final int MAX_EVENTS_PER_BLOCK = 256;
    /** The hit names, in key order. */
    public static final List<String> NAMES = List.of("bd", "sn", "hh", "oh", "cp", "lt", "mt", "ht");
    private static final String KIT = "drums()";
    private static final int HIT = 1;

    public final OutputPort out = Ports.audioOut("out");
    public final PitchedDrum bd = PitchedDrum.kick();
    public final Snare sn = new Snare();
    public final HiHat hh = HiHat.closed();
    public final HiHat oh = HiHat.open();
    public final Clap cp = new Clap();
    public final PitchedDrum lt = PitchedDrum.lowTom();
    public final PitchedDrum mt = PitchedDrum.midTom();
    public final PitchedDrum ht = PitchedDrum.highTom();

    private final DrumVoice[] voices = {bd, sn, hh, oh, cp, lt, mt, ht};
    private final NodeRunner[] runners = new NodeRunner[voices.length];
    private final float[][] voiceOut = new float[voices.length][];
    private final PendingEvents events = new PendingEvents(QUEUE_CAPACITY);
    private TimedEventChannel timed;
    private volatile Chokes chokes = Chokes.none(NAMES.size()).with(KIT, NAMES, "hh", "oh");

    /** A kit with the default voices and the {@code hh} chokes {@code oh} group. */
    public DrumKit() {
        prepare(48_000, 256);
    }

    @Override public List<String> names() { return NAMES; }

    @Override public int keyOf(String name) {
        int k = NAMES.indexOf(name);
        if (k < 0) throw Hits.unknownName(KIT, name, NAMES);
        return k;
    }

    /** The voice of hit {@code name}. */
    public DrumVoice voice(String name) { return voices[keyOf(name)]; }

    @Override
    public boolean hitAt(int key, long atSample, double velocity) {
        return offer(key, DrumVoice.checkTime(atSample), velocity);
    }

    /** Plays hit {@code name} at the next block with {@code velocity} 0..1. Any thread; false if the queue is full. */
    public boolean hit(String name, double velocity) { return offer(keyOf(name), -1, velocity); }

    private boolean offer(int key, long atSample, double velocity) {
        if (key < 0 || key >= voices.length) {
            throw new IllegalArgumentException(KIT + ": key must be 0.." + (voices.length - 1) + " (" + String.join(" ", NAMES)
                    + "), was " + key);
        }
        if (!(velocity >= 0 && velocity <= 1)) throw new IllegalArgumentException("velocity must be 0..1, was " + velocity);
        return events.offer(this, HIT, key, atSample, velocity, 0);
    }

    /** From now on a hit on {@code by} fades out each of {@code stopped} (names of this kit). Any thread. */
    public synchronized DrumKit choke(String by, String... stopped) {
        chokes = chokes.with(KIT, NAMES, by, stopped);
        return this;
    }

    /** Removes every choke (also the default {@code hh} over {@code oh}). Any thread. */
    public synchronized DrumKit clearChokes() {
        chokes = Chokes.none(NAMES.size());
        return this;
    }

    /** The chokes, as {@code by>stopped} pairs ({@code "hh>oh"} by default). */
    public String chokes() { return chokes.describe(NAMES); }

    /** Engine use: hits, and the voices' own params and hits, travel through {@code channel}. Control thread. */
    @Override @ControlThread
    public void bindTimed(TimedEventChannel channel) {
        timed = channel;
        events.bind(channel);
        for (NodeRunner r : runners) if (r != null) r.bindTimed(channel);
    }

    @Override @AudioThread @RealtimeSafe
    public void acceptRt(int kind, int key, long atSample, double a, double b) { events.addRt(kind, key, atSample, a, b); }

    @Override @ControlThread
    public void prepare(double sampleRate, int maxFrames) {
        for (int v = 0; v < voices.length; v++) {
            runners[v] = new NodeRunner(this, voices[v], sampleRate, maxFrames);
            voiceOut[v] = runners[v].output(voices[v].out)[0];
            if (timed != null) runners[v].bindTimed(timed);
        }
    }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        int n = ctx.frames();
        long t0 = ctx.sampleTime();
        float[] o = ctx.out(out);
        for (int i = 0; i < n; i++) o[i] = 0f;
        int pos = 0, applied = 0;
        while (pos < n) {
            int next = events.offsetRt(t0, n);
            while (next <= pos && next < n && applied < MAX_EVENTS_PER_BLOCK) {
                applyNext();
                applied++;
                next = events.offsetRt(t0, n);
            }
            int end = next > pos ? next : n;
            render(ctx, o, t0, pos, end - pos);
            pos = end;
        }
    }

    private void applyNext() {
        int key = events.keyRt();
        double velocity = events.aRt();
        events.removeRt();
        int[] stopped = chokes.stopped(key);
        for (int j = 0; j < stopped.length; j++) voices[stopped[j]].chokeRt();
        voices[key].hitRt(velocity);
    }

    private void render(ProcessContext ctx, float[] o, long t0, int offset, int k) {
        for (int v = 0; v < voices.length; v++) {
            if (!voices[v].isActiveRt()) {
                runners[v].idleRt(t0 + offset, k);      // a silent voice's params still ramp: its next hit starts at their value
                continue;
            }
            runners[v].runRt(t0 + offset, k, ctx.bpm(), ctx.beat());
            float[] src = voiceOut[v];
            for (int i = 0; i < k; i++) o[offset + i] += src[i];
        }
    }

    @Override @ControlThread
    public void reset() {
        for (DrumVoice v : voices) v.reset();
        events.clear();
    }

    /** Saved state: each voice's own (its params included) and the chokes ({@link #chokes()}'s form). */
    public record State(NodeState[] voices, String chokes) implements NodeState {}

    @Override public NodeState saveState() {
        NodeState[] s = new NodeState[voices.length];
        for (int v = 0; v < voices.length; v++) s[v] = voices[v].saveState();
        return new State(s, chokes());
    }

    @Override public void restoreState(NodeState s) {
        if (!(s instanceof State st) || st.voices().length != voices.length) return;
        for (int v = 0; v < voices.length; v++) voices[v].restoreState(st.voices()[v]);
        if (st.chokes() != null) chokes = Chokes.parse(KIT, NAMES, st.chokes());
    }

    @Override public String toString() { return KIT + " " + String.join(" ", NAMES) + "; chokes " + chokes(); }
}
