package dev.aether.repl.userapi;

import dev.aether.arrange.AudioTrack;
import dev.aether.arrange.Edit;
import dev.aether.arrange.InstrumentTrack;
import dev.aether.arrange.MidiClip;
import dev.aether.arrange.Note;
import dev.aether.arrange.Position;
import dev.aether.arrange.Project;
import dev.aether.arrange.Send;
import dev.aether.arrange.Strip;
import dev.aether.arrange.Track;
import dev.aether.core.DspNode;
import dev.aether.core.time.Rational;
import dev.aether.repl.session.LiveSession;
import dev.aether.sequencing.pattern.Event;
import dev.aether.sequencing.pattern.MiniNotation;
import dev.aether.sequencing.pattern.Pattern;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Any thread: a track of the session's arrangement, by name, as {@code track("drums")} gives it. Each method is an
 * edit of the project (see {@link ArrangeVerbs}) and returns a handle to go on with:
 * {@code track("drums").clip(sample("kick.wav"), bar(1)).gain(-3)}, {@code track("pad").fx(lowpass(800)).volume(-6)}.
 */
public class TrackRef {
    private final String name;
    private final LiveSession session;

    TrackRef(String name) {
        this.name = name;
        this.session = LiveVerbs.session();             // made by user code: its session, kept for showing the handle
    }

    /** The session this handle edits. */
    LiveSession session() { return session; }

    static TrackRef of(Track t) { return t instanceof dev.aether.arrange.Metatrack ? new MetaRef(t.name()) : new TrackRef(t.name()); }

    /** The track's name. */
    public String name() { return name; }

    /** The track as it is now in the project. */
    public Track get() { return session().arrangementProject().track(name); }

    // ---------------------------------------------------------------- clips

    /** Places a clip of the file {@code sample(...)} plays at {@code at}, as long as the file. */
    public ClipRef clip(Chain sample, Position at) { return clip(ArrangeSupport.sampleFile(sample), at, null); }

    /** Places a clip of the file {@code sample(...)} plays at {@code at} for {@code length}. */
    public ClipRef clip(Chain sample, Position at, Position length) { return clip(ArrangeSupport.sampleFile(sample), at, length); }

    /** Places a clip of {@code file} (WAV, AIFF or AU, relative to the working directory) at {@code at}. */
    public ClipRef clip(String file, Position at) { return clip(dev.aether.repl.session.NamedFiles.readable(file), at, null); }

    /** Places a clip of {@code file} at {@code at} for {@code length}. */
    public ClipRef clip(String file, Position at, Position length) { return clip(dev.aether.repl.session.NamedFiles.readable(file), at, length); }

    private ClipRef clip(Path file, Position at, Position length) {
        LiveSession s = session();
        Project p = s.arrangementProject();
        if (!(p.track(name) instanceof AudioTrack a))
            throw new IllegalArgumentException("\"" + name + "\" is " + p.track(name).aKind() + "; audio clips go on audio tracks (track(\"name\")), notes on instrument tracks");
        List<Edit> edits = ArrangeSupport.clipEdits(p, name, file, at, length);
        s.arrange(edits.size() == 1 ? edits.get(0) : new Edit.Batch("add a clip of " + file.getFileName() + " to \"" + name + "\"", edits));
        return new ClipRef(this, a.clips().size());
    }

    /**
     * Places a MIDI clip of one bar at {@code at} with the notes of mini-notation {@code notation} (one cycle a bar:
     * {@code "c2 e2 g2 ~"} is four quarter notes with a rest).
     */
    public TrackRef notes(Position at, String notation) { return notes(at, null, notation); }

    /** A MIDI clip at {@code at} for {@code length}, the notation's cycle repeated every bar. */
    public TrackRef notes(Position at, Position length, String notation) {
        LiveSession s = session();
        Project p = s.arrangementProject();
        if (!(p.track(name) instanceof InstrumentTrack))
            throw new IllegalArgumentException("\"" + name + "\" is " + p.track(name).aKind() + "; notes go on instrument tracks: instrument(\"" + name + "2\", \"synth(8)\")");
        int bpb = p.tempo().beatsPerBar();
        Position len = length != null ? length : Position.bars(1, bpb);
        double lengthBeats = len.seconds(p.tempo()) / p.tempo().secondsPerBeat();
        int bars = (int) Math.ceil(lengthBeats / bpb - 1e-9);
        Pattern<Integer> pattern = MiniNotation.parse(notation, dev.aether.sequencing.pattern.Note::midi);
        List<Note> notes = new ArrayList<>();
        for (Event<Integer> e : pattern.onsets(Rational.ZERO, Rational.of(Math.max(1, bars)))) {
            Rational start = e.whole().begin().times(bpb), length1 = e.whole().length().times(bpb);
            notes.add(new Note(Position.beats(start), Position.beats(length1), e.value(), 100));
        }
        s.arrange(new Edit.AddMidiClip(name, new MidiClip(at, len, notes)));
        return this;
    }

    // ---------------------------------------------------------------- effects and strip

    /** Appends the nodes of {@code chain} to the track's effect chain ({@code lowpass(800)}, a node of your own). */
    public TrackRef fx(Chain chain) {
        LiveSession s = session();
        List<String> recipes = ArrangeSupport.offer(s, chain);
        List<Edit> edits = new ArrayList<>();
        for (String r : recipes) edits.add(new Edit.AddEffect(name, -1, r));
        s.arrange(edits.size() == 1 ? edits.get(0) : new Edit.Batch("add effects " + chain + " to \"" + name + "\"", edits));
        return this;
    }

    /** Appends a node (your own {@code new Fuzz()}) to the effect chain. */
    public TrackRef fx(DspNode node) {
        String recipe = NodeFunctions.recipe(node);
        return fx(Chain.of(node, recipe != null ? recipe : node.typeName()));
    }

    /** Appends the effect made by {@code recipe} ({@code "lowpass(800)"}, {@code "Fuzz"}). */
    public TrackRef fx(String recipe) {
        LiveSession s = session();
        s.arrange(new Edit.AddEffect(name, -1, ArrangeSupport.checkedRecipe(s, recipe)));
        return this;
    }

    /** Removes the effect at {@code index} (from 0) with its automation. */
    public TrackRef removeFx(int index) { return edit(new Edit.RemoveEffect(name, index)); }

    /** Sets the fader, in dB (at most +24). */
    public TrackRef volume(double db) { return edit(new Edit.SetVolume(name, db)); }

    /** Sets the pan, -1 (left) .. 1 (right). */
    public TrackRef pan(double pan) { return edit(new Edit.SetPan(name, pan)); }

    /** Mutes the track (a metatrack: everything inside). */
    public TrackRef mute() { return edit(new Edit.SetMute(name, true)); }

    /** Unmutes the track. */
    public TrackRef unmute() { return edit(new Edit.SetMute(name, false)); }

    /** Solos the track: only soloed tracks (and solo-safe buses) sound. */
    public TrackRef solo() { return edit(new Edit.SetSolo(name, true)); }

    /** Unsolos the track. */
    public TrackRef unsolo() { return edit(new Edit.SetSolo(name, false)); }

    /** Keeps a bus sounding when other tracks are soloed. */
    public TrackRef soloSafe() { return edit(new Edit.SetSoloSafe(name, true)); }

    /** Sends the track to bus {@code bus} at {@code db}, after the fader. */
    public TrackRef send(String bus, double db) { return send(bus, db, "post"); }

    /** Sends the track to bus {@code bus} at {@code db}, {@code "pre"} or {@code "post"} fader. */
    public TrackRef send(String bus, double db, String prePost) {
        String w = prePost == null ? "" : prePost.strip().toLowerCase(Locale.ROOT);
        if (!w.equals("pre") && !w.equals("post")) throw new IllegalArgumentException("send(\"" + bus + "\", " + db + ", \"" + prePost + "\"): give \"pre\" or \"post\" (fader)");
        return edit(new Edit.SetSend(name, new Send(bus, db, w.equals("pre"))));
    }

    /** Removes the send to {@code bus}. */
    public TrackRef unsend(String bus) { return edit(new Edit.RemoveSend(name, bus)); }

    /** Moves the track into metatrack {@code meta} (null: the top level), last. */
    public TrackRef moveTo(String meta) { return edit(new Edit.Move(name, meta, -1)); }

    /** Removes the track (:undo brings it back). */
    public void remove() { session().arrange(new Edit.RemoveTrack(name)); }

    TrackRef edit(Edit e) {
        session().arrange(e);
        return this;
    }

    /** One line: kind, name, clips, fader, flags, effects. */
    @Override public String toString() {
        Project p = session().arrangementProject();
        if (!p.has(name)) return "track \"" + name + "\" (gone: removed or undone)";
        Track t = p.track(name);
        Strip st = t.strip();
        StringBuilder b = new StringBuilder(t.kind()).append(" track \"").append(name).append('"');
        if (t instanceof AudioTrack a) b.append(", ").append(a.clips().size()).append(a.clips().size() == 1 ? " clip" : " clips");
        if (t instanceof InstrumentTrack i) b.append(" (").append(i.instrument()).append("), ").append(i.clips().size()).append(i.clips().size() == 1 ? " clip" : " clips");
        if (t instanceof dev.aether.arrange.Metatrack m) b.append(", ").append(m.children().size()).append(" inside");
        b.append(", ").append(st.volumeDb() == (long) st.volumeDb() ? Long.toString((long) st.volumeDb()) : Double.toString(st.volumeDb())).append(" dB");
        if (st.pan() != 0) b.append(", pan ").append(st.pan());
        if (st.mute()) b.append(", muted");
        if (st.solo()) b.append(", solo");
        if (!st.effects().isEmpty()) b.append(", fx ").append(String.join(" -> ", st.effects()));
        for (Send x : st.sends()) b.append(", send ").append(x.bus()).append(' ').append(x.levelDb()).append(" dB").append(x.preFader() ? " pre" : "");
        if (!st.lanes().isEmpty()) b.append(", ").append(st.lanes().size()).append(st.lanes().size() == 1 ? " lane" : " lanes");
        return b.toString();
    }
}
