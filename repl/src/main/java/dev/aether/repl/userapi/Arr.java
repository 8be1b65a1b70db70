package dev.aether.repl.userapi;

import dev.aether.arrange.Edit;
import dev.aether.arrange.Position;
import dev.aether.arrange.Project;
import dev.aether.arrange.Schedule;
import dev.aether.arrange.TimelineText;
import dev.aether.arrange.Track;
import dev.aether.arrange.live.Bounce;
import dev.aether.arrange.live.LiveArrangement;
import dev.aether.repl.session.ArrangementSession;
import dev.aether.repl.session.LiveSession;
import dev.aether.repl.session.NamedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Any thread: the arrangement as a whole, {@code arr} at the prompt: its transport ({@code arr.play()},
 * {@code arr.seek(bar(9))}, {@code arr.loop(bar(1), bar(9))}, {@code arr.stop()}), which moves the engine's one
 * clock with it (so patterns and the arrangement keep time together), and its bounce ({@code arr.bounce("mix.wav")}).
 * Shown, it is the text timeline {@code :arr} prints. The transport is not an edit: {@code :undo} does not move it.
 */
public final class Arr {
    Arr() {}

    /** The project now. */
    public Project project() { return LiveVerbs.session().arrangementProject(); }

    /** Plays the arrangement (and the clock's transport) from where it is. */
    public Arr play() { return transport(LiveArrangement::play); }

    /** Holds the arrangement (and the clock's transport) where it is. */
    public Arr stop() { return transport(LiveArrangement::stop); }

    /** Moves the arrangement (and the clock's transport) to {@code at}: {@code arr.seek(bar(9))}. */
    public Arr seek(Position at) { return transport(l -> l.seek(at)); }

    /** Loops {@code [from, to)} of the arrangement's timeline; the clock runs on. */
    public Arr loop(Position from, Position to) { return transport(l -> l.loop(from, to)); }

    /** Ends the loop. */
    public Arr noLoop() { return transport(LiveArrangement::noLoop); }

    /** True while the arrangement plays. */
    public boolean playing() {
        LiveArrangement l = LiveVerbs.session().withArrangement(ArrangementSession::live);
        return l != null && l.playing();
    }

    /** Where the arrangement is (in seconds; a block behind at most). */
    public Position position() {
        LiveArrangement l = LiveVerbs.session().withArrangement(ArrangementSession::live);
        return l == null ? Position.ZERO : l.position();
    }

    /** Renders the whole arrangement, from 1:1 to a bar after its last clip ends, to {@code file} (a float WAV). */
    public Path bounce(String file) { return bounce(null, file); }

    /** Renders track {@code track} alone (a metatrack with all inside it) to {@code file}. */
    public Path bounce(String track, String file) {
        LiveSession s = LiveVerbs.session();
        Project p = s.arrangementProject();
        if (track != null) p.track(track);
        return render(s, p, track, NamedFiles.writable(file));
    }

    /** Renders {@code [from, to)} of the whole arrangement to {@code file}. */
    public Path bounce(String file, Position from, Position to) {
        LiveSession s = LiveVerbs.session();
        Project p = s.arrangementProject();
        return Bounce.render(p, null, from, to, NamedFiles.writable(file), s.arrangement().pool(), s.arrangement().recipes()::make,
                s.engine().config());
    }

    static Path render(LiveSession s, Project p, String track, Path wav) {
        return Bounce.render(p, track, Position.ZERO, end(p), wav, s.arrangement().pool(), s.arrangement().recipes()::make, s.engine().config());
    }

    /** A bar after the end of the last clip (a tail for releases and echoes); at least one bar. */
    static Position end(Project p) {
        double end = 0;
        for (Schedule.TrackPlan t : Schedule.of(p).tracks()) {
            for (Schedule.PlayedAudio c : t.audio()) end = Math.max(end, c.startSeconds() + c.lengthSeconds());
            for (Schedule.PlayedMidi c : t.midi()) end = Math.max(end, c.startSeconds() + c.lengthSeconds());
        }
        double bar = p.tempo().secondsPerBeat() * p.tempo().beatsPerBar();
        return Position.seconds(Math.ceil(end / bar - 1e-9) * bar + bar);
    }

    /** Freezes {@code track}: bounces it to {@code aether-frozen/TRACK.wav} and plays that instead. */
    static String freeze(String track, String file) { return freeze(track, file, Position.ZERO); }

    /** As {@link #freeze(String, String)}, the bounce starting at {@code from} (nothing before it plays). */
    static String freeze(String track, String file, Position from) {
        LiveSession s = LiveVerbs.session();
        Project p = s.arrangementProject();
        Track t = p.track(track);
        if (t instanceof dev.aether.arrange.BusTrack)
            throw new IllegalArgumentException("\"" + t.name() + "\" is a bus; freeze the tracks that send to it");
        String id = "frozen-" + t.name();
        for (int n = 2; p.pool().files().containsKey(id); n++) id = "frozen-" + t.name() + n;
        Path wav;
        if (file != null) {
            wav = NamedFiles.writable(file);
        } else {
            Path dir = Path.of("aether-frozen").toAbsolutePath();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot make " + dir + " for the frozen audio (" + e.getMessage() + "); give a file: freeze(\"" + track + "\", \"file.wav\")", e);
            }
            wav = dir.resolve(id + ".wav");
        }
        if (t instanceof dev.aether.arrange.AudioTrack a && a.frozen() != null)
            throw new IllegalArgumentException("\"" + t.name() + "\" is frozen already; unfreeze(\"" + t.name() + "\") first");
        Position to = end(p);
        if (from.seconds(p.tempo()) >= to.seconds(p.tempo()))
            throw new IllegalArgumentException("freeze of \"" + t.name() + "\" from bar " + from.text(p.tempo().beatsPerBar())
                    + ": the arrangement ends before it (bar " + to.text(p.tempo().beatsPerBar()) + "); give an earlier position");
        Edit.Freeze f = Bounce.freeze(p, t.name(), from, to, wav, id, s.arrangement().pool(), s.arrangement().recipes()::make,
                s.engine().config());
        s.arrange(f);
        return "froze \"" + t.name() + "\" into " + wav + (from.seconds(p.tempo()) > 0 ? " from bar " + from.text(p.tempo().beatsPerBar()) : "")
                + " (unfreeze(\"" + t.name() + "\") puts it back)";
    }

    /** Puts back the track {@code track} was before {@link #freeze}. */
    static String unfreeze(String track) {
        LiveSession s = LiveVerbs.session();
        s.arrange(new Edit.Unfreeze(track));
        return "unfroze \"" + track + "\"";
    }

    private Arr transport(Consumer<LiveArrangement> action) {
        LiveSession s = LiveVerbs.session();
        dev.aether.arrange.Tempo tempo = s.arrangementProject().tempo();
        s.withArrangement(a -> {
            action.accept(a.liveOrAttach(tempo));
            return null;
        });
        return this;
    }

    @Override public String toString() {
        try {
            Project p = project();
            if (p.tracks().isEmpty()) return "an empty arrangement: track(\"drums\").clip(sample(\"kick.wav\"), bar(1)) starts one";
            return "\n" + TimelineText.render(p, 100).stripTrailing();
        } catch (IllegalStateException shownOutsideUserCode) {
            return "the arrangement (:arr shows its timeline)";
        }
    }
}
