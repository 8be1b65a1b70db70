package dev.aether.repl.userapi;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.time.Quantum;
import dev.aether.core.time.When;
import dev.aether.repl.eval.UserCode;
import dev.aether.repl.session.LiveSession;
import dev.aether.repl.session.NamedParams;
import dev.aether.sequencing.pattern.Pattern;
import dev.aether.sequencing.schedule.PatternTarget;
import java.util.List;

/**
 * Any thread: the verbs half of the {@link Prelude} ({@code play}, {@code def}, {@code set}, {@code tempo}, ...),
 * each with one line of help in its {@link VerbDoc}. A verb talks to the live session of the code that calls it:
 * the session is handed to the JShell when it is built (its user class loader holds it, see {@link UserCode}),
 * never read from a static. The edit itself runs on the session thread; a verb called elsewhere waits for it.
 * This class is a namespace, never instantiated.
 */
public abstract class LiveVerbs extends ClockVerbs {
    LiveVerbs() {}

    // ------------------------------------------------------------------ playing

    /** Plays a chain now (fades in over 5 ms) and returns it. */
    @VerbDoc(group = "playing", usage = "play(chain)", text = "plays a chain now, fading in over 5 ms; returns it")
    public static Chain play(Chain chain) { return session().play(chain); }

    /** Plays a single node. */
    @VerbDoc(group = "playing", usage = "play(node)", text = "plays a single node (your own or a stdlib one)")
    public static Chain play(DspNode node) { return play(Chain.of(node)); }

    /** Fades out everything that plays; patterns send nothing more. */
    @VerbDoc(group = "playing", usage = "stop()", text = "fades out everything that plays (5 ms); patterns stop")
    public static void stop() { session().stopAll(); }

    /** Fades out one played chain. */
    @VerbDoc(group = "playing", usage = "stop(chain)", text = "fades out one played chain (5 ms)")
    public static void stop(Chain chain) {
        if (!session().stop(chain)) throw new IllegalArgumentException(chain + " is not playing");
    }

    /** Puts a patch in slot {@code name}; defining the name again crossfades to the new patch. */
    @VerbDoc(group = "playing", usage = "def(\"name\", chain)", text = "puts a chain in named slot \"name\"; defining it again crossfades (50 ms)")
    public static Chain def(String name, Chain chain) { return session().def(name, chain); }

    /** Puts a node in slot {@code name}. */
    @VerbDoc(group = "playing", usage = "def(\"name\", node)", text = "puts a node in named slot \"name\"")
    public static Chain def(String name, DspNode node) { return def(name, Chain.of(node)); }

    /** Fades slot {@code name} out; its pattern, if any, ends at the next cycle boundary. */
    @VerbDoc(group = "playing", usage = "undef(\"name\")", text = "fades named slot \"name\" out (50 ms); its pattern ends at the next bar")
    public static void undef(String name) {
        if (!session().undef(name)) throw new IllegalArgumentException("no slot or pattern named \"" + name + "\"");
    }

    /** The patch in slot {@code name}. */
    @VerbDoc(group = "playing", usage = "slot(\"name\")", text = "the chain in named slot \"name\"")
    public static Chain slot(String name) {
        return session().requireSlot(name);
    }

    /** Adds a node to the engine without sounding it, so its ports can be connected. */
    @VerbDoc(group = "playing", usage = "add(node)", text = "adds a node without sounding it, so its ports can be connected")
    public static <N extends DspNode> N add(N node) {
        session().add(node);
        return node;
    }

    /** Connects an output to an input (sources into one input are summed). */
    @VerbDoc(group = "playing", usage = "connect(a.out, b.in)", text = "connects an output to an input (several sources into one input are summed)")
    public static void connect(OutputPort from, InputPort to) { session().connect(from, to); }

    // ------------------------------------------------------------------ parameters

    /** Moves a parameter of the chain's last node that has it (its live instance), over the parameter's default ramp. */
    @VerbDoc(group = "parameters", usage = "set(chain, \"param\", value)", text = "moves a parameter of the chain's last node that has it (of an instrument: every voice's), over its default ramp")
    public static void set(Chain chain, String param, double value) { set(chain, param, value, Double.NaN); }

    /** Moves a parameter over {@code rampSeconds} (0 jumps). */
    @VerbDoc(group = "parameters", usage = "set(chain, \"param\", value, rampSeconds)", text = "moves a parameter over rampSeconds (s; 0 jumps)")
    public static void set(Chain chain, String param, double value, double rampSeconds) {
        LiveSession session = session();
        session.set(paramOwner(session, chain, param), param, value, rampSeconds);
    }

    /**
     * The live instance of the chain's node whose {@code param} is meant ({@link NamedParams}: its own, or every voice
     * of an instrument); none: the last node (its error lists its own).
     */
    private static DspNode paramOwner(LiveSession session, Chain chain, String param) {
        List<DspNode> live = session.live(chain);
        DspNode owner = NamedParams.owner(live, param);
        return owner != null ? owner : chain.node();
    }

    /** Moves a parameter of the patch in slot {@code name}, over the parameter's default ramp. */
    @VerbDoc(group = "parameters", usage = "set(\"slot\", \"param\", value)", text = "moves a parameter of the patch in a named slot (of an instrument: every voice's), over its default ramp")
    public static void set(String slot, String param, double value) { set(slot(slot), param, value, Double.NaN); }

    /** Moves a parameter of the patch in slot {@code name} over {@code rampSeconds}. */
    @VerbDoc(group = "parameters", usage = "set(\"slot\", \"param\", value, rampSeconds)", text = "moves a parameter of the patch in a named slot over rampSeconds (s)")
    public static void set(String slot, String param, double value, double rampSeconds) {
        set(slot(slot), param, value, rampSeconds);
    }

    /** Moves a parameter of a node (its live instance, after hot swaps), over the parameter's default ramp. */
    @VerbDoc(group = "parameters", usage = "set(node, \"param\", value)", text = "moves a parameter of a node's live instance, over its default ramp")
    public static void set(DspNode node, String param, double value) { set(node, param, value, Double.NaN); }

    /** Moves a parameter of a node (its live instance, after hot swaps) over {@code rampSeconds}. */
    @VerbDoc(group = "parameters", usage = "set(node, \"param\", value, rampSeconds)", text = "moves a parameter of a node's live instance (after hot swaps) over rampSeconds (s)")
    public static void set(DspNode node, String param, double value, double rampSeconds) {
        session().set(node, param, value, rampSeconds);
    }

    // ------------------------------------------------------------------ patterns (docs/patterns.md)

    /** Plays mini-notation in slot {@code name} on an instrument or kit; redefining it changes at the next bar. */
    @VerbDoc(group = "patterns", usage = "pat(\"name\", \"bd*4\", drums())",
            text = "plays mini-notation on an instrument or kit (synth(4), drums(), kit(...)) in slot \"name\", from the next bar")
    public static void pat(String name, String notation, Chain target) {
        PatternVerbs.pat(session(), name, target, notation, null);
    }

    /** Plays mini-notation in slot {@code name} on a node that takes hits ({@code Hits}) or notes ({@code PolyVoices}). */
    @VerbDoc(group = "patterns", usage = "pat(\"name\", \"bd sn\", node)",
            text = "the same on a node: a kit or instrument of your own (implementing Hits), or slot(\"kit\").node()")
    public static void pat(String name, String notation, DspNode target) { pat(name, notation, Chain.of(target)); }

    /** Plays a Java pattern in slot {@code name} on an instrument or kit. */
    @VerbDoc(group = "patterns", usage = "pat(\"name\", pattern, chain)",
            text = "plays a Java pattern (MiniNotation.parse(...).fast(2) ...) on an instrument or kit")
    public static void pat(String name, Pattern<?> pattern, Chain target) {
        PatternVerbs.pat(session(), name, target, null, pattern);
    }

    /** Plays mini-notation of numbers into a parameter ({@link #param}). */
    @VerbDoc(group = "patterns", usage = "pat(\"name\", \"200 800\", param(...))",
            text = "steps a parameter through a pattern of numbers")
    public static void pat(String name, String notation, PatternTarget<?> target) {
        PatternVerbs.pat(session(), name, target, notation, null);
    }

    /** Plays a Java pattern into a target ({@link #param}). */
    @VerbDoc(group = "patterns", usage = "pat(\"name\", pattern, param(...))",
            text = "steps a parameter through a Java pattern (Signal.sine().range(200, 2000).segment(8))")
    public static void pat(String name, Pattern<?> pattern, PatternTarget<?> target) {
        PatternVerbs.pat(session(), name, target, null, pattern);
    }

    /** A parameter of a playing chain as a pattern target; each step moves it over the parameter's own short ramp. */
    @VerbDoc(group = "patterns", usage = "param(chain, \"cutoffHz\")",
            text = "a parameter of a playing chain, for pat; each step glides over the parameter's default ramp")
    public static PatternTarget<Double> param(Chain chain, String name) {
        return PatternVerbs.param(session(), chain, name, Double.NaN);
    }

    /** A parameter as a pattern target, each step ramped over {@code rampSeconds}. */
    @VerbDoc(group = "patterns", usage = "param(chain, \"cutoffHz\", rampSeconds)",
            text = "the same, each step ramped over rampSeconds (s; 0 jumps)")
    public static PatternTarget<Double> param(Chain chain, String name, double rampSeconds) {
        return PatternVerbs.param(session(), chain, name, rampSeconds);
    }

    /** Ends every pattern at the next bar; the instruments stay. */
    @VerbDoc(group = "patterns", usage = "hush()", text = "ends every pattern at the next bar (the instruments stay)")
    public static void hush() { session().patterns().hush(); }

    // ------------------------------------------------------------------ time and swaps

    /** Crossfade in milliseconds for every later hot swap (default 10). */
    @VerbDoc(group = "time and swaps", usage = "swapFade(millis)", text = "crossfade (ms, default 10) for every later hot swap")
    public static void swapFade(double millis) { session().swapper().crossfadeSeconds(millis / 1000); }

    /** The quantum later hot swaps wait for, instead of {@code quant}'s. */
    @VerbDoc(group = "time and swaps", usage = "swapAt(\"now\"|\"beat\"|\"bar\"|\"N\")", text = "when later hot swaps land, instead of quant(...)'s")
    public static void swapAt(String when) { session().swapper().quantise(quantum(when)); }

    /** Crossfade and quantum for the next hot swap only. */
    @VerbDoc(group = "time and swaps", usage = "nextSwap(fadeMillis, \"now\"|\"beat\"|\"bar\"|\"N\")", text = "crossfade (ms) and quantum for the next hot swap only")
    public static void nextSwap(double fadeMillis, String when) {
        session().swapper().nextSwap(fadeMillis / 1000, quantum(when));
    }

    // ------------------------------------------------------------------ quantised edits: the quantum, then each verb with a last argument "now"|"beat"|"bar"|"N"

    /** The quantum play, def, undef, set and hot swaps wait for unless they name one: "none" (default), "beat", "bar" or "N" beats. */
    @VerbDoc(group = "time and swaps", usage = "quant(\"none\"|\"beat\"|\"bar\"|\"N\")",
            text = "edits (play, def, undef, set, hot swaps) land on the next beat, bar or N-beat boundary; \"none\": at once (default)")
    public static String quant(String quantum) {
        session().quantum(quantum(quantum));
        return quant();
    }

    /** {@link #quant(String)} with a number of beats (0.5, 2, 16). */
    @VerbDoc(group = "time and swaps", usage = "quant(beats)", text = "edits land on the next multiple of this many beats (from beat 0)")
    public static String quant(double beats) {
        session().quantum(Quantum.beats(beats));
        return quant();
    }

    /** The session's quantum, as text. */
    @VerbDoc(group = "time and swaps", usage = "quant()", text = "the quantum edits wait for now")
    public static String quant() { return "edits land " + onText(session().quantum()); }

    /** Plays a chain on the given quantum instead of the session's. */
    @VerbDoc(group = "time and swaps", usage = "play(chain, \"bar\")", text = "plays a chain on this quantum (\"now\", \"beat\", \"bar\", \"N\" beats) instead of quant's")
    public static Chain play(Chain chain, String quantum) { return session().play(chain, quantum(quantum)); }

    /** Puts a chain in slot {@code name} on the given quantum. */
    @VerbDoc(group = "time and swaps", usage = "def(\"name\", chain, \"bar\")", text = "defines (or redefines) a slot on this quantum instead of quant's")
    public static Chain def(String name, Chain chain, String quantum) { return session().def(name, chain, quantum(quantum)); }

    /** Puts a node in slot {@code name} on the given quantum. */
    @VerbDoc(group = "time and swaps", usage = "def(\"name\", node, \"bar\")", text = "puts a node in a slot on this quantum")
    public static Chain def(String name, DspNode node, String quantum) { return def(name, Chain.of(node), quantum); }

    /** Fades slot {@code name} out on the given quantum. */
    @VerbDoc(group = "time and swaps", usage = "undef(\"name\", \"now\")", text = "fades a slot out on this quantum instead of quant's")
    public static void undef(String name, String quantum) {
        if (!session().undef(name, quantum(quantum))) throw new IllegalArgumentException("no slot or pattern named \"" + name + "\"");
    }

    /** Moves a parameter on the given quantum (chain, slot name or node), over its default ramp. */
    @VerbDoc(group = "time and swaps", usage = "set(target, \"param\", value, \"beat\")", text = "moves a parameter (of a chain, slot or node) from this quantum's next boundary")
    public static void set(Object target, String param, double value, String quantum) { set(target, param, value, Double.NaN, quantum); }

    /** Moves a parameter over {@code rampSeconds}, starting on the given quantum. */
    @VerbDoc(group = "time and swaps", usage = "set(target, \"param\", value, rampSeconds, \"beat\")", text = "moves a parameter over rampSeconds (s) from this quantum's next boundary")
    public static void set(Object target, String param, double value, double rampSeconds, String quantum) {
        Quantum q = quantum(quantum);
        if (target instanceof String slot) target = slot(slot);
        if (target instanceof Chain chain) {
            LiveSession session = session();
            session.set(paramOwner(session, chain, param), param, value, rampSeconds, q);
        } else if (target instanceof DspNode node) {
            session().set(node, param, value, rampSeconds, q);
        } else {
            throw new IllegalArgumentException("set: the target must be a chain, a slot name or a node, was "
                    + (target == null ? "null" : target.getClass().getSimpleName()));
        }
    }

    /** "now" / "none", "beat", "bar" or a number of beats; anything else is an error naming what is accepted. */
    private static Quantum quantum(String s) { return Quantum.parse(s); }

    private static String onText(Quantum q) {
        return switch (q.kind()) {
            case NONE -> "at once (quant(\"none\"))";
            case BEAT -> "on the next beat (quant(\"beat\"))";
            case BAR -> "on the next bar (quant(\"bar\"))";
            case BEATS -> "on the next multiple of " + q.beats() + " beats (quant(" + q.beats() + "))";
        };
    }

    /** The session of the user code that called, or a clear error when no console code did. */
    static LiveSession session() {
        if (UserCode.callerOwner() instanceof LiveSession s) return s;
        throw new IllegalStateException("no aether session here: play, def, set and the other verbs work in code "
                + "typed at the console or run by it");
    }
}
