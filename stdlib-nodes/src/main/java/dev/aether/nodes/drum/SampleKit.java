package dev.aether.nodes.drum;

import dev.aether.core.AudioThread;
import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.NodeState;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.time.PendingEvents;
import dev.aether.core.time.TimedEventChannel;
import dev.aether.core.time.TimedNode;
import dev.aether.core.time.TimedTarget;
import dev.aether.nodes.Dsp;
import dev.aether.nodes.sample.Sample;
import dev.aether.nodes.sample.SampleBank;
import dev.aether.nodes.sample.SamplePlayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;

/**
 * A kit of named one-shot samples (a folder of drum hits), played by named hits on exact engine samples, each with
 * its own gain and pitch. Confined to the audio thread except where noted.
 *
 * <p><b>Names.</b> One per sample, in the order given ({@link #load}: the folder's audio files sorted by file name,
 * each named by its file name without the extension: {@code kick.wav} is {@code kick}).
 *
 * <p><b>Hits</b> ({@link Hits}): {@link #hitAt(int, long, double, double)} from any thread, through the engine's
 * timed-event channel (at most {@value #QUEUE_CAPACITY} waiting); the sample's frame 0 is the output at
 * {@code atSample} (the kit splits its block there). The hit's amplitude is {@code velocity} (0..1, linear) times the
 * sample's {@link #gainDb(String, double)}; its playback rate is {@code rate} (0.25..4, 2 = an octave up) times the
 * sample's {@link #rate(String, double)}, times the sample's rate over the engine's. Both are taken when the hit is
 * sent. Each sample has {@code polyphony} pre-allocated voices (default {@value #DEFAULT_POLYPHONY}); a further hit
 * of a sample whose voices all sound takes over its oldest.
 *
 * <p><b>Interpolation:</b> 4-point cubic Hermite, exact (a copy) when a hit reads whole frames (rate 1, equal
 * rates). It does not band-limit: pitching a hit up folds content above the output's Nyquist back down, which drum
 * hits within an octave tolerate; for band-limited playback of one sound use {@link SamplePlayer}.
 *
 * <p><b>Chokes</b>: by default, when the kit has both, {@code hh} chokes {@code oh} (every sounding voice of the
 * stopped sample fades out over {@value DrumVoice#CHOKE_SECONDS} s); {@link #choke} adds more, {@link #clearChokes}
 * removes them.
 *
 * <ul>
 * <li>Ports: {@code out}, as many channels as the widest sample (a mono sample sounds in every channel).</li>
 * <li>Params: none (per-sample gain and rate are settings taken at each hit).</li>
 * <li>State: every voice's position, step, level and fade ({@link State}).</li>
 * </ul>
 */
public final class SampleKit implements DspNode, TimedNode, TimedTarget, Hits {
    /** Hits the kit holds before {@link #hitAt} refuses more. */
    public static final int QUEUE_CAPACITY = 1024;
    /** Hits applied per block at most. */
    public static final int MAX_EVENTS_PER_BLOCK = 256;
    /** Voices per sample unless the constructor says otherwise. */
    public static final int DEFAULT_POLYPHONY = 4;
    /** Playback rates a hit may ask for (and a sample's {@link #rate(String, double)}). */
    public static final double MIN_RATE = 0.25, MAX_RATE = 4;
    /** File name endings {@link #load} reads. */
    public static final List<String> EXTENSIONS = List.of(".wav", ".aif", ".aiff", ".aifc", ".au");
    private static final int HIT = 1;

    public final OutputPort out;
    private final String label;
    private final List<String> names;
    private final float[][][] data;          // [sample][channel][frame]
    private final int[] frames;
    private final double[] sourceRateHz;
    private final int polyphony;
    private final int channels;
    private final AtomicLongArray gains;     // linear gain per sample, as raw double bits
    private final AtomicLongArray rates;     // playback rate per sample, as raw double bits
    private final PendingEvents events = new PendingEvents(QUEUE_CAPACITY);
    private volatile Chokes chokes;
    private double engineRateHz = 48_000, chokeStep = 1 / (DrumVoice.CHOKE_SECONDS * 48_000);
    private final float[][] outs;            // this block's output channels (audio thread)
    private final int[] sampleOf;            // voice -> its sample's key

    // ---- audio-thread state, per voice (sample * polyphony + v) ----
    private final boolean[] playing;
    private final double[] position, step, level, fade;
    private final long[] age;
    private long counter;

    /**
     * A kit of {@code samples} by name (in the map's order), {@code polyphony} (1..64) voices each. {@code label}
     * names the kit in messages ({@code kit("drums/808")}). Names must be non-empty and unique.
     */
    public SampleKit(String label, Map<String, Sample> samples, int polyphony) {
        if (samples.isEmpty()) throw new IllegalArgumentException(label + ": a sample kit needs at least one sample");
        if (polyphony < 1 || polyphony > 64) throw new IllegalArgumentException(label + ": polyphony must be 1..64, was " + polyphony);
        this.label = label;
        this.polyphony = polyphony;
        names = List.copyOf(samples.keySet());
        int n = names.size(), widest = 1;
        data = new float[n][][];
        frames = new int[n];
        sourceRateHz = new double[n];
        gains = new AtomicLongArray(n);
        rates = new AtomicLongArray(n);
        for (int k = 0; k < n; k++) {
            if (names.get(k).isBlank()) throw new IllegalArgumentException(label + ": a sample's name is empty");
            Sample s = samples.get(names.get(k));
            data[k] = new float[s.channels()][];
            for (int c = 0; c < s.channels(); c++) data[k][c] = s.channel(c);
            frames[k] = s.frames();
            sourceRateHz[k] = s.sampleRateHz();
            widest = Math.max(widest, s.channels());
            gains.set(k, Double.doubleToRawLongBits(1));
            rates.set(k, Double.doubleToRawLongBits(1));
        }
        channels = widest;
        out = Ports.audioOut("out", channels);
        outs = new float[channels][];
        int voices = n * polyphony;
        sampleOf = new int[voices];
        for (int v = 0; v < voices; v++) sampleOf[v] = v / polyphony;
        playing = new boolean[voices];
        position = new double[voices];
        step = new double[voices];
        level = new double[voices];
        fade = new double[voices];
        age = new long[voices];
        Chokes c = Chokes.none(n);
        if (names.contains("hh") && names.contains("oh")) c = c.with(label, names, "hh", "oh");
        chokes = c;
    }

    /** {@link #SampleKit(String, Map, int)} with {@value #DEFAULT_POLYPHONY} voices per sample. */
    public SampleKit(String label, Map<String, Sample> samples) { this(label, samples, DEFAULT_POLYPHONY); }

    /**
     * A kit of every audio file ({@link #EXTENSIONS}, any case) directly in {@code folder}, sorted by file name, each
     * named by its file name without the extension, loaded through {@code bank}. Control thread (file I/O).
     *
     * @throws IOException naming the folder when it holds no audio file or two files give one name, or naming the file
     *         that cannot be read
     */
    @ControlThread
    public static SampleKit load(Path folder, SampleBank bank) throws IOException {
        Path dir = folder.toAbsolutePath().normalize();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).filter(p -> extensionOf(p) != null).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException("no audio files (" + String.join(" ", EXTENSIONS) + ") in " + dir
                    + " — put the kit's samples there (kick.wav plays as \"kick\") or name another folder");
        }
        Map<String, Sample> samples = new LinkedHashMap<>();
        Map<String, Path> from = new LinkedHashMap<>();
        for (Path f : files) {
            String file = f.getFileName().toString();
            String name = file.substring(0, file.length() - extensionOf(f).length());
            Path other = from.putIfAbsent(name, f);
            if (other != null) {
                throw new IOException("two files in " + dir + " are both named '" + name + "': " + other.getFileName()
                        + " and " + file + " — rename or remove one");
            }
            samples.put(name, bank.load(f));
        }
        return new SampleKit("kit(\"" + folder + "\")", samples);
    }

    private static String extensionOf(Path p) {
        String f = p.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String e : EXTENSIONS) if (f.endsWith(e) && f.length() > e.length()) return e;
        return null;
    }

    @Override public List<String> names() { return names; }

    @Override public int keyOf(String name) {
        int k = names.indexOf(name);
        if (k < 0) throw Hits.unknownName(label, name, names);
        return k;
    }

    /** Voices per sample. */
    public int polyphony() { return polyphony; }

    /** Sets sample {@code name}'s gain in dB (-120..24) for hits sent from now on. Any thread. */
    public SampleKit gainDb(String name, double db) {
        if (!(db >= -120 && db <= 24)) throw new IllegalArgumentException(label + ": gainDb must be -120..24 dB, was " + db);
        gains.set(keyOf(name), Double.doubleToRawLongBits(Dsp.dbToGain(db)));
        return this;
    }

    /** Sample {@code name}'s gain in dB. */
    public double gainDb(String name) { return Dsp.gainToDb(Double.longBitsToDouble(gains.get(keyOf(name)))); }

    /** Sets sample {@code name}'s playback rate ({@value #MIN_RATE}..{@value #MAX_RATE}) for hits sent from now on. Any thread. */
    public SampleKit rate(String name, double rate) {
        rates.set(keyOf(name), Double.doubleToRawLongBits(checkRate(rate)));
        return this;
    }

    /** Sample {@code name}'s playback rate. */
    public double rate(String name) { return Double.longBitsToDouble(rates.get(keyOf(name))); }

    private double checkRate(double rate) {
        if (!(rate >= MIN_RATE && rate <= MAX_RATE)) {
            throw new IllegalArgumentException(label + ": rate must be " + MIN_RATE + ".." + MAX_RATE + ", was " + rate);
        }
        return rate;
    }

    @Override
    public boolean hitAt(int key, long atSample, double velocity) { return hitAt(key, atSample, velocity, 1); }

    /**
     * As {@link Hits#hitAt}, at playback {@code rate} ({@value #MIN_RATE}..{@value #MAX_RATE}, times the sample's own
     * rate, clamped to that range). Any thread, lock-free; false when the queue is full.
     */
    public boolean hitAt(int key, long atSample, double velocity, double rate) {
        return offer(key, DrumVoice.checkTime(atSample), velocity, rate);
    }

    /** Plays sample {@code name} at the next block with {@code velocity} 0..1. Any thread; false if the queue is full. */
    public boolean hit(String name, double velocity) { return offer(keyOf(name), -1, velocity, 1); }

    private boolean offer(int key, long atSample, double velocity, double rate) {
        if (key < 0 || key >= names.size()) {
            throw new IllegalArgumentException(label + ": key must be 0.." + (names.size() - 1) + ", was " + key);
        }
        if (!(velocity >= 0 && velocity <= 1)) throw new IllegalArgumentException("velocity must be 0..1, was " + velocity);
        checkRate(rate);
        double gain = velocity * Double.longBitsToDouble(gains.get(key));
        double r = Dsp.clamp(rate * Double.longBitsToDouble(rates.get(key)), MIN_RATE, MAX_RATE);
        return events.offer(this, HIT, key, atSample, gain, r);
    }

    /** From now on a hit on {@code by} fades out each of {@code stopped} (names of this kit). Any thread. */
    public synchronized SampleKit choke(String by, String... stopped) {
        chokes = chokes.with(label, names, by, stopped);
        return this;
    }

    /** Removes every choke (also the default {@code hh} over {@code oh}). Any thread. */
    public synchronized SampleKit clearChokes() {
        chokes = Chokes.none(names.size());
        return this;
    }

    /** The chokes, as {@code by>stopped} pairs. */
    public String chokes() { return chokes.describe(names); }

    @Override @ControlThread
    public void bindTimed(TimedEventChannel channel) { events.bind(channel); }

    @Override @AudioThread @RealtimeSafe
    public void acceptRt(int kind, int key, long atSample, double a, double b) { events.addRt(kind, key, atSample, a, b); }

    @Override @ControlThread
    public void prepare(double sampleRate, int maxFrames) {
        engineRateHz = sampleRate;
        chokeStep = 1 / (DrumVoice.CHOKE_SECONDS * sampleRate);
    }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        int n = ctx.frames();
        long t0 = ctx.sampleTime();
        for (int c = 0; c < channels; c++) {
            float[] o = ctx.out(out, c);
            outs[c] = o;
            for (int i = 0; i < n; i++) o[i] = 0f;
        }
        int pos = 0, applied = 0;
        while (pos < n) {
            int next = events.offsetRt(t0, n);
            while (next <= pos && next < n && applied < MAX_EVENTS_PER_BLOCK) {
                applyNext();
                applied++;
                next = events.offsetRt(t0, n);
            }
            int end = next > pos ? next : n;
            for (int v = 0; v < playing.length; v++) if (playing[v]) render(v, pos, end);
            pos = end;
        }
    }

    private void applyNext() {
        int key = events.keyRt();
        double gain = events.aRt(), rate = events.bRt();
        events.removeRt();
        int[] stopped = chokes.stopped(key);
        for (int j = 0; j < stopped.length; j++) {
            for (int v = stopped[j] * polyphony, end = v + polyphony; v < end; v++) if (playing[v] && fade[v] == 0) fade[v] = 1;
        }
        int first = key * polyphony, pick = first;
        for (int v = first; v < first + polyphony; v++) {
            if (!playing[v]) { pick = v; break; }
            if (age[v] < age[pick]) pick = v;
        }
        playing[pick] = true;
        position[pick] = 0;
        step[pick] = rate * sourceRateHz[key] / engineRateHz;
        level[pick] = gain;
        fade[pick] = 0;
        age[pick] = ++counter;
    }

    private void render(int v, int from, int to) {
        int key = sampleOf[v];
        float[][] src = data[key], o = outs;
        int len = frames[key], last = src.length - 1;
        double p = position[v], dp = step[v], g = level[v], f = fade[v], fadeStep = chokeStep;
        boolean on = true;
        for (int i = from; i < to && on; i++) {
            double k = g;
            if (f > 0) {
                f -= fadeStep;
                if (f <= 0) { f = 0; on = false; }
                k *= f;
            }
            int idx = (int) p;
            double frac = p - idx;
            for (int c = 0; c < o.length; c++) {
                float[] x = src[c < last ? c : last];
                double y = frac == 0 ? x[idx] : hermite(x, len, idx, frac);
                o[c][i] += (float) (y * k);
            }
            p += dp;
            if (p >= len) on = false;
        }
        position[v] = p;
        fade[v] = f;
        playing[v] = on;
    }

    /** 4-point cubic Hermite between frames {@code i} and {@code i + 1} at fraction {@code t}; 0 outside the data. */
    @RealtimeSafe
    static double hermite(float[] x, int len, int i, double t) {
        double xm1 = i >= 1 ? x[i - 1] : 0, x0 = x[i], x1 = i + 1 < len ? x[i + 1] : 0, x2 = i + 2 < len ? x[i + 2] : 0;
        double c1 = 0.5 * (x1 - xm1);
        double c2 = xm1 - 2.5 * x0 + 2 * x1 - 0.5 * x2;
        double c3 = 0.5 * (x2 - xm1) + 1.5 * (x0 - x1);
        return ((c3 * t + c2) * t + c1) * t + x0;
    }

    @Override @ControlThread
    public void reset() {
        for (int v = 0; v < playing.length; v++) {
            playing[v] = false;
            position[v] = step[v] = level[v] = fade[v] = 0;
            age[v] = 0;
        }
        counter = 0;
        events.clear();
    }

    /**
     * Saved state: every voice's playing flag, position (frames), step, level, fade and age, the age counter, and the
     * settings: each sample's gain (dB) and rate, the chokes ({@link #chokes()}'s form).
     */
    public record State(boolean[] playing, double[] position, double[] step, double[] level, double[] fade, long[] age,
                        long counter, double[] gainsDb, double[] rates, String chokes) implements NodeState {}

    @Override public NodeState saveState() {
        double[] g = new double[names.size()], r = new double[names.size()];
        for (int k = 0; k < g.length; k++) {
            g[k] = Dsp.gainToDb(Double.longBitsToDouble(gains.get(k)));
            r[k] = Double.longBitsToDouble(rates.get(k));
        }
        return new State(playing.clone(), position.clone(), step.clone(), level.clone(), fade.clone(), age.clone(), counter,
                g, r, chokes());
    }

    @Override public void restoreState(NodeState s) {
        if (!(s instanceof State st) || st.playing().length != playing.length) return;
        if (st.gainsDb() != null && st.gainsDb().length == names.size() && st.rates() != null && st.rates().length == names.size()) {
            for (int k = 0; k < names.size(); k++) {
                gains.set(k, Double.doubleToRawLongBits(Dsp.dbToGain(st.gainsDb()[k])));
                rates.set(k, Double.doubleToRawLongBits(st.rates()[k]));
            }
        }
        if (st.chokes() != null) chokes = Chokes.parse(label, names, st.chokes());
        System.arraycopy(st.playing(), 0, playing, 0, playing.length);
        System.arraycopy(st.position(), 0, position, 0, playing.length);
        System.arraycopy(st.step(), 0, step, 0, playing.length);
        System.arraycopy(st.level(), 0, level, 0, playing.length);
        System.arraycopy(st.fade(), 0, fade, 0, playing.length);
        System.arraycopy(st.age(), 0, age, 0, playing.length);
        counter = st.counter();
    }

    @Override public String toString() { return label + " " + names; }
}
