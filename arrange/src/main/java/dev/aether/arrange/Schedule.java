package dev.aether.arrange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project flattened onto its absolute timeline in seconds: for every track its effective mix state, and for every
 * leaf track the clips (audio) or notes (MIDI) as they play, with all metatrack transforms applied — the form a
 * player consumes. Built off the audio thread ({@link #of}); immutable afterwards; any thread.
 *
 * <h2>Time</h2>
 * A track's contents (clips, notes, lanes) lie on its <em>content timeline</em>: for a leaf track, the inner timeline
 * of the metatrack holding it (the project's timeline at the top level); for a metatrack, its own inner timeline.
 * Each metatrack maps its inner timeline onto its parent's by {@link TimeTransform}; {@link TimeMap} composes them.
 * A clip of length {@code L} at {@code s} plays from {@code map.absolute(s)} for {@code L / speed}; its fades scale
 * the same way; it reads its source at {@code rate = speed × varispeed × clip.rate} from {@code offset}.
 *
 * <h2>Mute and solo (the exact rule)</h2>
 * <ul>
 * <li>A track is <em>muted</em> when it or any metatrack above it has {@code mute} set.</li>
 * <li>Solo is <em>active</em> when any track in the project has {@code solo} set.</li>
 * <li>A track is <em>solo-kept</em> when it is soloed, or a metatrack above it is soloed (its contents are heard),
 *     or a track below it is soloed (its path to the output must stay open), or it is a solo-safe bus.</li>
 * <li>A track is <em>audible</em> when it is not muted, and solo is not active or it is solo-kept.</li>
 * </ul>
 * Mute wins over solo. A solo-safe bus inside a metatrack that is not audible is not heard (its output passes
 * through that metatrack); a bus that is not solo-safe goes quiet when another track is soloed, even if that
 * track sends to it — mark shared effect buses solo-safe.
 */
public final class Schedule {
    /**
     * An audio clip as it plays.
     *
     * @param source              pool id
     * @param file                the file (absolute)
     * @param startSeconds        absolute start
     * @param lengthSeconds       how long it plays
     * @param sourceOffsetSeconds where reading starts in the source (seconds of the source)
     * @param rate                source seconds read per timeline second (speed × varispeed × clip rate)
     * @param reverse             read backwards
     * @param loop                repeat the source region
     * @param gainDb              clip gain
     * @param fadeInSeconds       fade-in length on the absolute timeline
     * @param fadeInCurve         its curve
     * @param fadeOutSeconds      fade-out length on the absolute timeline
     * @param fadeOutCurve        its curve
     */
    public record PlayedAudio(String source, Path file, double startSeconds, double lengthSeconds, double sourceOffsetSeconds,
                              double rate, boolean reverse, boolean loop, double gainDb, double fadeInSeconds, Curve fadeInCurve,
                              double fadeOutSeconds, Curve fadeOutCurve) {
        /** The first sample the clip sounds on at {@code sampleRate}: {@link Schedule#sample} of its start. */
        public long startSample(double sampleRate) { return sample(startSeconds, sampleRate); }

        /**
         * How many samples it sounds for: the sample of its end minus the sample of its start, so a clip that ends
         * where the next begins abuts it exactly, with no gap or overlap sample.
         */
        public long lengthSamples(double sampleRate) { return sample(startSeconds + lengthSeconds, sampleRate) - startSample(sampleRate); }

        /** The fade-in in samples at {@code sampleRate} (rounded). */
        public long fadeInSamples(double sampleRate) { return Math.round(fadeInSeconds * sampleRate); }

        /** The fade-out in samples at {@code sampleRate} (rounded). */
        public long fadeOutSamples(double sampleRate) { return Math.round(fadeOutSeconds * sampleRate); }

        /** Where reading starts, in frames of a source recorded at {@code sourceRate}. */
        public double sourceOffsetFrames(double sourceRate) { return sourceOffsetSeconds * sourceRate; }

        /** The clip gain as a linear factor. */
        public double gain() { return Math.pow(10, gainDb / 20); }

        /** The clip's gain factor (fades × clip gain) at absolute time {@code t}; 0 outside the clip. */
        public double gainAt(double t) {
            double x = t - startSeconds;
            if (x < 0 || x >= lengthSeconds) return 0;
            double g = Math.pow(10, gainDb / 20);
            if (fadeInSeconds > 0 && x < fadeInSeconds) g *= fadeInCurve.interpolate(0, 1, x / fadeInSeconds);
            double left = lengthSeconds - x;
            if (fadeOutSeconds > 0 && left < fadeOutSeconds) g *= fadeOutCurve.interpolate(0, 1, left / fadeOutSeconds);
            return g;
        }
    }

    /**
     * A note as it plays: absolute start and length, key after transpose.
     */
    public record PlayedNote(double startSeconds, double lengthSeconds, int key, int velocity) {
        /** The sample the note starts on at {@code sampleRate}. */
        public long startSample(double sampleRate) { return sample(startSeconds, sampleRate); }

        /** The sample it ends on (the note-off's sample); a note ending where the next starts shares that sample. */
        public long endSample(double sampleRate) { return sample(startSeconds + lengthSeconds, sampleRate); }
    }

    /**
     * The sample of absolute time {@code seconds} at {@code sampleRate}: the nearest (half rounds up). Every start
     * and end goes through this one function, so two things at the same time land on the same sample.
     */
    public static long sample(double seconds, double sampleRate) { return Math.round(seconds * sampleRate); }

    /**
     * A MIDI clip as it plays. Notes starting at or after the clip's end are left out, notes held past it are cut,
     * notes transposed out of 0..127 are left out.
     */
    public record PlayedMidi(double startSeconds, double lengthSeconds, int transpose, List<PlayedNote> notes) {}

    /**
     * One track's state for the player.
     *
     * @param name        the track's name
     * @param path        names from the top down, itself included
     * @param kind        {@code audio}, {@code instrument}, {@code bus}, {@code meta}
     * @param volumeDb    its own fader (a volume lane, if any, overrides it while playing)
     * @param pan         its own pan
     * @param pathGainDb  the sum of its fader and every metatrack fader above it (the static gain its output meets)
     * @param muted       muted itself or by a metatrack above
     * @param audible     heard under the mute and solo rule (see the class comment)
     * @param time        its content timeline
     * @param audio       audio clips (audio tracks), by start
     * @param midi        MIDI clips (instrument tracks), by start
     * @param lanes       automation lanes as absolute breakpoints, by target
     */
    public record TrackPlan(String name, List<String> path, String kind, double volumeDb, double pan, double pathGainDb,
                            boolean muted, boolean audible, TimeMap time, List<PlayedAudio> audio, List<PlayedMidi> midi,
                            Map<Lane.Target, List<Breakpoint>> lanes) {}

    private final Map<String, TrackPlan> tracks;
    private final boolean soloActive;
    private final Project project;                 // what this schedule flattened, for an incremental next one
    private final Map<String, Track> sources;      // the track each plan was made from

    private Schedule(Map<String, TrackPlan> tracks, boolean soloActive, Project project, Map<String, Track> sources) {
        this.tracks = Collections.unmodifiableMap(tracks);
        this.soloActive = soloActive;
        this.project = project;
        this.sources = sources;
    }

    /** Every track's plan, depth first. */
    public List<TrackPlan> tracks() { return List.copyOf(tracks.values()); }

    /** The plan of track {@code name}. */
    public TrackPlan track(String name) {
        TrackPlan p = tracks.get(name);
        if (p == null) throw new IllegalArgumentException("no track named \"" + name + "\" in this schedule; tracks: " + String.join(", ", tracks.keySet()));
        return p;
    }

    /** True when some track is soloed. */
    public boolean soloActive() { return soloActive; }

    /** Flattens {@code project}. Linear in the number of clips, notes and points. */
    public static Schedule of(Project project) { return of(project, null); }

    /**
     * Flattens {@code project} as {@link #of(Project)} does, taking from {@code previous} (a schedule of an earlier
     * version of the project, or null) the clips, notes and lanes of every track whose contents, content timeline,
     * tempo and pool are unchanged: the very same lists, so that comparing a track's plans of the two schedules is
     * cheap. Linear in the number of tracks plus the clips, notes and points of the tracks that changed. The result
     * equals {@code of(project)}.
     */
    public static Schedule of(Project project, Schedule previous) {
        boolean[] solo = {false};
        Project.walk(project.tracks(), t -> solo[0] |= t.strip().solo());
        Map<String, TrackPlan> out = new LinkedHashMap<>();
        Map<String, Track> sources = new java.util.HashMap<>();
        Reuse reuse = previous == null ? null : new Reuse(previous, previous.project.tempo().equals(project.tempo()),
                previous.project.pool().equals(project.pool()));
        visit(project, project.tracks(), new ArrayList<>(), TimeMap.IDENTITY, 0, false, false, solo[0], out, sources, reuse);
        return new Schedule(out, solo[0], project, sources);
    }

    /** What an incremental {@link #of(Project, Schedule)} may take from the previous schedule. */
    private record Reuse(Schedule previous, boolean sameTempo, boolean samePool) {}

    /** Returns whether anything below {@code list} is soloed. */
    private static boolean visit(Project p, List<Track> list, List<String> path, TimeMap map, double gainDb,
                                 boolean mutedAbove, boolean soloAbove, boolean soloActive, Map<String, TrackPlan> out,
                                 Map<String, Track> sources, Reuse reuse) {
        boolean anySolo = false;
        for (Track t : list) {
            path.add(t.name());
            Strip s = t.strip();
            boolean muted = mutedAbove || s.mute();
            double g = gainDb + s.volumeDb();
            TimeMap content = t instanceof Metatrack m ? map.then(m.time(), p.tempo()) : map;
            String key = t.name();
            out.put(key, null);                                   // keep depth-first order; filled below
            boolean below = t instanceof Metatrack m
                    && visit(p, m.children(), path, content, g, muted, soloAbove || s.solo(), soloActive, out, sources, reuse);
            boolean kept = s.solo() || soloAbove || below || (t instanceof BusTrack b && b.soloSafe());
            boolean audible = !muted && (!soloActive || kept);
            sources.put(key, t);
            TrackPlan old = reuse == null || !reuse.sameTempo() ? null : reuse.previous().tracks.get(key);
            Track was = old == null || !old.time().equals(content) ? null : reuse.previous().sources.get(key);
            List<PlayedAudio> audio;
            if (!(t instanceof AudioTrack a)) audio = List.of();
            else if (reuse != null && reuse.samePool() && was instanceof AudioTrack wa && same(wa.clips(), a.clips())) audio = old.audio();
            else audio = audio(p, a, content);
            List<PlayedMidi> midi;
            if (!(t instanceof InstrumentTrack i)) midi = List.of();
            else if (was instanceof InstrumentTrack wi && same(wi.clips(), i.clips())) midi = old.midi();
            else midi = midi(p, i, content);
            Map<Lane.Target, List<Breakpoint>> lanes = was != null && same(was.strip().lanes(), s.lanes()) ? old.lanes() : lanes(p, s, content);
            List<String> at = old != null && old.path().equals(path) ? old.path() : List.copyOf(path);
            out.put(key, new TrackPlan(t.name(), at, t.kind(), s.volumeDb(), s.pan(), g, muted, audible, content, audio, midi, lanes));
            anySolo |= s.solo() || below;
            path.remove(path.size() - 1);
        }
        return anySolo;
    }

    private static boolean same(List<?> a, List<?> b) { return a == b || a.equals(b); }

    private static List<PlayedAudio> audio(Project p, AudioTrack t, TimeMap map) {
        Tempo tempo = p.tempo();
        List<PlayedAudio> out = new ArrayList<>();
        for (AudioClip c : t.clips()) {
            double sp = map.speed();
            out.add(new PlayedAudio(c.source(), p.pool().file(c.source()), map.absolute(c.start().seconds(tempo)),
                    c.length().seconds(tempo) / sp, c.offset().seconds(tempo), sp * map.varispeed() * c.rate(), c.reverse(), c.loop(),
                    c.gainDb(), c.fadeIn().length().seconds(tempo) / sp, c.fadeIn().curve(),
                    c.fadeOut().length().seconds(tempo) / sp, c.fadeOut().curve()));
        }
        out.sort((a, b) -> Double.compare(a.startSeconds(), b.startSeconds()));
        return List.copyOf(out);
    }

    private static List<PlayedMidi> midi(Project p, InstrumentTrack t, TimeMap map) {
        Tempo tempo = p.tempo();
        List<PlayedMidi> out = new ArrayList<>();
        for (MidiClip c : t.clips()) {
            double start = c.start().seconds(tempo), len = c.length().seconds(tempo);
            List<PlayedNote> notes = new ArrayList<>();
            for (Note n : c.notes()) {
                double ns = n.start().seconds(tempo);
                int key = n.key() + map.transpose();
                if (ns >= len || key < 0 || key > 127) continue;
                double nl = Math.min(n.length().seconds(tempo), len - ns);
                notes.add(new PlayedNote(map.absolute(start + ns), nl / map.speed(), key, n.velocity()));
            }
            notes.sort((a, b) -> Double.compare(a.startSeconds(), b.startSeconds()));
            out.add(new PlayedMidi(map.absolute(start), len / map.speed(), map.transpose(), List.copyOf(notes)));
        }
        out.sort((a, b) -> Double.compare(a.startSeconds(), b.startSeconds()));
        return List.copyOf(out);
    }

    private static Map<Lane.Target, List<Breakpoint>> lanes(Project p, Strip s, TimeMap map) {
        Map<Lane.Target, List<Breakpoint>> out = new LinkedHashMap<>();
        for (Lane l : s.lanes()) out.put(l.target(), breakpoints(l, map, p.tempo()));
        return Collections.unmodifiableMap(out);
    }

    /** The points of {@code lane} on the absolute timeline through {@code map}, in time order. */
    static List<Breakpoint> breakpoints(Lane lane, TimeMap map, Tempo tempo) {
        List<Breakpoint> out = new ArrayList<>();
        for (Lane.Point pt : lane.points()) out.add(new Breakpoint(map.absolute(pt.time().seconds(tempo)), pt.value(), pt.curve()));
        out.sort((a, b) -> Double.compare(a.seconds(), b.seconds()));   // stable: jumps keep their order
        return List.copyOf(out);
    }
}
