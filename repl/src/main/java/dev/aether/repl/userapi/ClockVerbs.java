package dev.aether.repl.userapi;

import dev.aether.core.time.Clock;
import dev.aether.core.time.Quantum;
import java.util.Locale;

/**
 * Any thread: the time verbs of the {@link Prelude} (group "time"): where the transport is ({@code now()},
 * {@code beat()}, {@code bar()}) and what it does ({@code tempo}, {@code metre}, {@code transport}, {@code seek}),
 * all through the engine's one {@link Clock}. A change lands on the first tick the clock can still change (see
 * {@link Clock#earliest()}); a metre change at the next bar. This class is a namespace, never instantiated.
 */
public abstract class ClockVerbs extends NodeFunctions {
    ClockVerbs() {}

    /** The engine's time now and the transport's position there. */
    @VerbDoc(group = "time", usage = "now()", text = "the time now: engine samples and seconds, beat, bar:beat:tick, tempo")
    public static Now now() { return Now.of(clock()); }

    /** The transport's beat now (fractional, 0 at the start). */
    @VerbDoc(group = "time", usage = "beat()", text = "the transport's beat now (fractional; 0 at the start)")
    public static double beat() {
        Clock clock = clock();
        return clock.snapshot().beatAtRt(clock.position());
    }

    /** The transport's bars now (fractional, 0 at the start; shown from 1 in {@code now()}). */
    @VerbDoc(group = "time", usage = "bar()", text = "the transport's bars now (fractional; 0 at the start, shown as bar 1)")
    public static double bar() {
        Clock clock = clock();
        return clock.snapshot().barAt(clock.position());
    }

    /** Sets the tempo at once, keeping the metre; :undo puts back the tempo before. */
    @VerbDoc(group = "time", usage = "tempo(bpm)", text = "sets the tempo (1..999 BPM) at once, keeping the metre")
    public static void tempo(double bpm) {
        LiveVerbs.session().tempo(bpm, clock().snapshot().tempoMap().lastBeatsPerBar());
    }

    /** Ramps the tempo to {@code bpm} over {@code rampBeats} beats, linearly in time, starting now. */
    @VerbDoc(group = "time", usage = "tempo(bpm, rampBeats)", text = "ramps the tempo to bpm over rampBeats beats, starting now")
    public static void tempo(double bpm, double rampBeats) { clock().tempo(bpm, rampBeats, Quantum.NONE); }

    /** Sets the beats per bar from the next bar on. */
    @VerbDoc(group = "time", usage = "metre(beats)", text = "sets the beats per bar (1..32) from the next bar")
    public static void metre(int beatsPerBar) { clock().metre(beatsPerBar); }

    /** Plays, pauses or stops (and rewinds) the transport; sound goes on, musical time holds. */
    @VerbDoc(group = "time", usage = "transport(\"play\"|\"pause\"|\"stop\")",
            text = "plays, pauses or stops (back to 1:1:0) the beat; what sounds keeps sounding")
    public static void transport(String action) {
        Clock clock = clock();
        switch (action == null ? "" : action.trim().toLowerCase(Locale.ROOT)) {
            case "play" -> clock.play();
            case "pause" -> clock.pause();
            case "stop" -> clock.stop();
            default -> throw new IllegalArgumentException("transport(\"" + action + "\"): use \"play\", \"pause\" or \"stop\"");
        }
    }

    /** Moves the transport to bars:beats:ticks ("12:1:0", counted from 1) or to seconds ("42.5s"). */
    @VerbDoc(group = "time", usage = "seek(\"12:1:0\"|\"42.5s\")", text = "moves the beat to bar:beat:tick (from 1) or to seconds")
    public static void seek(String position) { clock().seek(position); }

    /** Joins or leaves the Ableton Link session on the local network; the clock then follows its tempo and phase. */
    @VerbDoc(group = "time", usage = "link(true|false)", text = "joins (true) or leaves the Ableton Link session: tempo, bar phase and start/stop shared")
    public static void link(boolean on) { LiveVerbs.session().link().enable(on); }

    /** Latency to compensate beyond the device buffer, so aether's beats are heard with the other peers'. */
    @VerbDoc(group = "time", usage = "linkOffset(ms)", text = "Link: plays ms earlier (positive) or later than the device buffer implies")
    public static void linkOffset(double ms) { LiveVerbs.session().link().offsetMillis(ms); }

    private static Clock clock() { return LiveVerbs.session().engine().clock(); }
}
