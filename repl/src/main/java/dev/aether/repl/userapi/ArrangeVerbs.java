package dev.aether.repl.userapi;

import dev.aether.arrange.AudioTrack;
import dev.aether.arrange.BusTrack;
import dev.aether.arrange.Curve;
import dev.aether.arrange.Edit;
import dev.aether.arrange.InstrumentTrack;
import dev.aether.arrange.Lane;
import dev.aether.arrange.Metatrack;
import dev.aether.arrange.Position;
import dev.aether.arrange.Project;
import dev.aether.arrange.Track;
import dev.aether.repl.session.LiveSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Any thread: the arrangement verbs of the {@link Prelude} (group "arrangement", docs/arrangement.md): tracks, clips,
 * metatracks, automation and positions. Each verb is an {@link Edit} of the session's project, applied on the session
 * thread: one undo step per console input ({@code :undo}, {@code :redo}), journalled with the input, saved by
 * {@code :save}. A namespace, never instantiated.
 */
public abstract class ArrangeVerbs extends MidiInVerbs {
    ArrangeVerbs() {}

    /** The arrangement's transport: {@code arr.play()}, {@code arr.seek(bar(9))}, {@code arr.loop(bar(1), bar(9))}. */
    public static final Arr arr = new Arr();

    // ------------------------------------------------------------------ tracks

    /** The track {@code name}; a new audio track when there is none. */
    @VerbDoc(group = "arrangement", usage = "track(\"drums\")",
            text = "the track \"drums\" (made as an audio track when new); .clip(sample(\"kick.wav\"), bar(1)), .fx(lowpass(800)), .volume(-6) ...")
    public static TrackRef track(String name) {
        LiveSession s = session();
        Project p = s.arrangementProject();
        if (p.has(name)) return TrackRef.of(p.track(name));
        s.arrange(new Edit.AddTrack(null, -1, AudioTrack.named(name)));
        return new TrackRef(name);
    }

    /** The instrument track {@code name} playing {@code recipe} (e.g. {@code "synth(8)"}); made when new. */
    @VerbDoc(group = "arrangement", usage = "instrument(\"bass\", \"synth(8)\")",
            text = "the instrument (MIDI) track \"bass\" playing synth(8) (made when new; its instrument set when not); .notes(bar(1), \"c2 e2 g2\")")
    public static TrackRef instrument(String name, String recipe) {
        LiveSession s = session();
        String r = ArrangeSupport.checkedRecipe(s, recipe);
        Project p = s.arrangementProject();
        if (!p.has(name)) s.arrange(new Edit.AddTrack(null, -1, InstrumentTrack.named(name, r)));
        else if (p.track(name) instanceof InstrumentTrack i) {
            if (!i.instrument().equals(r)) s.arrange(new Edit.SetInstrument(i.name(), r));
        } else {
            throw new IllegalArgumentException("\"" + name + "\" is " + p.track(name).aKind() + ", not an instrument track; choose another name");
        }
        return new TrackRef(name);
    }

    /** {@link #instrument(String, String)} with the instrument given as a chain ({@code synth(8)}). */
    @VerbDoc(group = "arrangement", usage = "instrument(\"bass\", synth(8))", text = "the same with the instrument as made by the prelude")
    public static TrackRef instrument(String name, Chain instrument) {
        if (instrument.nodes().size() != 1)
            throw new IllegalArgumentException("instrument(\"" + name + "\", " + instrument + "): give one node as the instrument; put the rest in .fx(...)");
        List<String> recipe = ArrangeSupport.offer(session(), instrument);
        LiveSession s = session();
        Project p = s.arrangementProject();
        if (!p.has(name)) s.arrange(new Edit.AddTrack(null, -1, InstrumentTrack.named(name, recipe.get(0))));
        else return instrument(name, recipe.get(0));
        return new TrackRef(name);
    }

    /** {@link #instrument(String, String)} with an instrument node of your own ({@code new MySynth()}). */
    @VerbDoc(group = "arrangement", usage = "instrument(\"lead\", new MySynth())",
            text = "the same with your own node (a PolyVoices or NotePlayer); this instance plays, copies are made by its no-argument constructor")
    public static TrackRef instrument(String name, dev.aether.core.DspNode instrument) {
        String recipe = NodeFunctions.recipe(instrument);
        return instrument(name, Chain.of(instrument, recipe != null ? recipe : instrument.typeName()));
    }

    /** The bus {@code name} (made when new): tracks {@code .send(...)} to it. */
    @VerbDoc(group = "arrangement", usage = "bus(\"verb\")", text = "the bus \"verb\" (made when new); track(\"x\").send(\"verb\", -12) feeds it; .fx(reverb(0.8, 1))")
    public static TrackRef bus(String name) {
        LiveSession s = session();
        Project p = s.arrangementProject();
        if (!p.has(name)) s.arrange(new Edit.AddTrack(null, -1, BusTrack.named(name)));
        else if (!(p.track(name) instanceof BusTrack))
            throw new IllegalArgumentException("\"" + name + "\" is " + p.track(name).aKind() + ", not a bus; choose another name for the bus");
        return new TrackRef(name);
    }

    /** The metatrack {@code name}; with members, a new metatrack grouping them (tracks with the same parent). */
    @VerbDoc(group = "arrangement", usage = "meta(\"verse\", \"drums\", \"bass\")",
            text = "groups tracks into metatrack \"verse\" (meta(\"verse\") alone: the existing one); .stretch(0.5) .offset(bar(9)) .transpose(2) .ungroup()")
    public static MetaRef meta(String name, String... members) {
        LiveSession s = session();
        Project p = s.arrangementProject();
        if (members.length == 0) {
            if (!p.has(name)) throw new IllegalArgumentException("no metatrack named \"" + name + "\"; make one with meta(\"" + name + "\", \"track\", ...)");
            if (!(p.track(name) instanceof Metatrack))
                throw new IllegalArgumentException("\"" + name + "\" is " + p.track(name).aKind() + ", not a metatrack; group it with meta(\"new name\", \"" + name + "\")");
            return new MetaRef(name);
        }
        s.arrange(new Edit.Group(name, List.of(members)));
        return new MetaRef(name);
    }

    /** Removes the track {@code name} (a metatrack with all inside it). */
    @VerbDoc(group = "arrangement", usage = "removeTrack(\"drums\")", text = "removes a track (a metatrack with everything inside it); :undo brings it back")
    public static void removeTrack(String name) { session().arrange(new Edit.RemoveTrack(name)); }

    /** Bounces track {@code name} and replaces it by an audio track playing the bounce (saves CPU). */
    @VerbDoc(group = "arrangement", usage = "freeze(\"drums\")",
            text = "renders a track (or metatrack) to aether-frozen/frozen-drums.wav and plays that instead; unfreeze or :undo puts it back")
    public static String freeze(String name) { return Arr.freeze(name, null); }

    /** Freezes track {@code name} into {@code file}. */
    @VerbDoc(group = "arrangement", usage = "freeze(\"drums\", \"drums.wav\")", text = "the same, the bounce written to drums.wav")
    public static String freeze(String name, String file) { return Arr.freeze(name, file); }

    /** Freezes track {@code name} from {@code from} on (what plays before it is not in the bounce). */
    @VerbDoc(group = "arrangement", usage = "freeze(\"drums\", bar(9))", text = "the same, the bounce starting at bar 9: from there it is what plays live from bar 9")
    public static String freeze(String name, Position from) { return Arr.freeze(name, null, from); }

    /** Freezes track {@code name} from {@code from} on into {@code file}. */
    @VerbDoc(group = "arrangement", usage = "freeze(\"drums\", bar(9), \"drums.wav\")", text = "the same, written to drums.wav")
    public static String freeze(String name, Position from, String file) { return Arr.freeze(name, file, from); }

    /** Puts back a frozen track (the frozen track keeps its original: after :save and :open too). */
    @VerbDoc(group = "arrangement", usage = "unfreeze(\"drums\")", text = "puts back the track as it was before freeze (also after :save and :open)")
    public static String unfreeze(String name) { return Arr.unfreeze(name); }

    // ------------------------------------------------------------------ automation

    /** Sets the automation lane of {@code param} on a track to {@code points}. */
    @VerbDoc(group = "arrangement", usage = "automate(track(\"bass\"), \"volume\", point(bar(1), -20), point(bar(5), 0, \"exp\"))",
            text = "an automation lane: \"volume\" (dB), \"pan\", \"fx[0].cutoffHz\" or \"instrument.param\"; replaces the lane")
    public static TrackRef automate(TrackRef track, String param, Lane.Point... points) {
        if (points.length == 0) throw new IllegalArgumentException("automate(" + track.name() + ", \"" + param + "\"): give at least one point(bar(1), value)");
        session().arrange(new Edit.SetLane(track.name(), new Lane(Lane.Target.parse(param), List.of(points))));
        return track;
    }

    /** A point of an automation lane, joined to the next by a straight line. */
    @VerbDoc(group = "arrangement", usage = "point(bar(1), -20)", text = "an automation point: a position and a value (dB for volume), linear to the next")
    public static Lane.Point point(Position at, double value) { return new Lane.Point(at, value, Curve.LINEAR); }

    /** A point whose segment to the next has the shape {@code curve}: "lin", "exp", "s" or "hold". */
    @VerbDoc(group = "arrangement", usage = "point(bar(5), 0, \"exp\")", text = "the same, shaped \"lin\", \"exp\", \"s\" (S-curve) or \"hold\" to the next point")
    public static Lane.Point point(Position at, double value, String curve) { return new Lane.Point(at, value, curve(curve)); }

    // ------------------------------------------------------------------ positions

    /** Bar {@code n} (from 1), beat 1, in the arrangement's metre. */
    @VerbDoc(group = "arrangement", usage = "bar(9)", text = "a position: bar 9 (bars count from 1), beat 1")
    public static Position bar(int n) { return Position.bar(n, beatsPerBar()); }

    /** Bar {@code n}, beat {@code beat} (both from 1; the beat may be fractional). */
    @VerbDoc(group = "arrangement", usage = "bar(9, 2.5)", text = "a position: bar 9, half way through beat 2")
    public static Position bar(int n, double beat) { return Position.bar(n, beat, beatsPerBar()); }

    /** {@code n} bars as a length. */
    @VerbDoc(group = "arrangement", usage = "bars(4)", text = "a length of 4 bars")
    public static Position bars(int n) { return Position.bars(n, beatsPerBar()); }

    /** {@code n} beats as a length or a position from the start. */
    @VerbDoc(group = "arrangement", usage = "beats(1.5)", text = "a length (or position from the start) in beats")
    public static Position beats(double n) { return Position.beats(n); }

    /** {@code x} seconds as a length or position; it does not follow the tempo. */
    @VerbDoc(group = "arrangement", usage = "secs(2.5)", text = "a length (or position from the start) in seconds; does not follow the tempo")
    public static Position secs(double x) { return Position.seconds(x); }

    /** The shape named {@code name}. */
    static Curve curve(String name) {
        return switch (name == null ? "" : name.strip().toLowerCase(Locale.ROOT)) {
            case "lin", "linear" -> Curve.LINEAR;
            case "exp", "exponential" -> Curve.EXPONENTIAL;
            case "s", "scurve", "s-curve", "s_curve" -> Curve.S_CURVE;
            case "hold", "step" -> Curve.HOLD;
            default -> throw new IllegalArgumentException("curve \"" + name + "\"; give \"lin\", \"exp\", \"s\" (S-curve) or \"hold\"");
        };
    }

    private static int beatsPerBar() { return session().arrangementProject().tempo().beatsPerBar(); }

    /** The tracks named, for messages. */
    static List<String> names(List<Track> tracks) {
        List<String> out = new ArrayList<>();
        for (Track t : tracks) out.add(t.name());
        return out;
    }
}
