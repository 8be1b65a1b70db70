package dev.aether.repl.userapi;

import dev.aether.core.node.NodeSpec;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.time.When;
import dev.aether.repl.eval.UserCode;
import dev.aether.repl.session.LiveSession;

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

    /** Fades out everything that plays. */
    @VerbDoc(group = "playing", usage = "stop()", text = "fades out everything that plays (5 ms)")
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

    /** Fades slot {@code name} out. */
    @VerbDoc(group = "playing", usage = "undef(\"name\")", text = "fades named slot \"name\" out (50 ms)")
    public static void undef(String name) {
        if (!session().undef(name)) throw new IllegalArgumentException("no slot named \"" + name + "\"");
    }

    /** The patch in slot {@code name}. */
    @VerbDoc(group = "playing", usage = "slot(\"name\")", text = "the chain in named slot \"name\"")
    public static Chain slot(String name) {
        Chain c = session().slot(name);
        if (c == null) throw new IllegalArgumentException("no slot named \"" + name + "\"");
        return c;
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
    @VerbDoc(group = "parameters", usage = "set(chain, \"param\", value)", text = "moves a parameter of the chain's last node that has it, over its default ramp")
    public static void set(Chain chain, String param, double value) { set(chain, param, value, Double.NaN); }

    /** Moves a parameter over {@code rampSeconds} (0 jumps). */
    @VerbDoc(group = "parameters", usage = "set(chain, \"param\", value, rampSeconds)", text = "moves a parameter over rampSeconds (s; 0 jumps)")
    public static void set(Chain chain, String param, double value, double rampSeconds) {
        LiveSession session = session();
        for (int i = chain.nodes().size() - 1; i >= 0; i--) {
            DspNode live = session.live(chain.nodes().get(i));
            if (NodeSpec.of(live).param(param) != null) {
                session.set(live, param, value, rampSeconds);
                return;
            }
        }
        session.set(chain.node(), param, value, rampSeconds);   // none has it: the error lists the last node's
    }

    /** Moves a parameter of the patch in slot {@code name}, over the parameter's default ramp. */
    @VerbDoc(group = "parameters", usage = "set(\"slot\", \"param\", value)", text = "moves a parameter of the patch in a named slot, over its default ramp")
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

    // ------------------------------------------------------------------ time and swaps

    /** Crossfade in milliseconds for every later hot swap (default 10). */
    @VerbDoc(group = "time and swaps", usage = "swapFade(millis)", text = "crossfade (ms, default 10) for every later hot swap")
    public static void swapFade(double millis) { session().swapper().crossfadeSeconds(millis / 1000); }

    /** When later hot swaps happen: "now", "beat" or "bar". */
    @VerbDoc(group = "time and swaps", usage = "swapAt(\"now\"|\"beat\"|\"bar\")", text = "when later hot swaps happen")
    public static void swapAt(String when) { session().swapper().quantise(when(when)); }

    /** Crossfade and timing for the next hot swap only. */
    @VerbDoc(group = "time and swaps", usage = "nextSwap(fadeMillis, \"now\"|\"beat\"|\"bar\")", text = "crossfade (ms) and timing for the next hot swap only")
    public static void nextSwap(double fadeMillis, String when) {
        session().swapper().nextSwap(fadeMillis / 1000, when(when));
    }

    private static When when(String w) {
        switch (w) {
            case "now": return When.NOW;
            case "beat": return When.NEXT_BEAT;
            case "bar": return When.NEXT_BAR;
            default: throw new IllegalArgumentException("when must be \"now\", \"beat\" or \"bar\", was \"" + w + "\"");
        }
    }

    /** The session of the user code that called, or a clear error when no console code did. */
    static LiveSession session() {
        if (UserCode.callerOwner() instanceof LiveSession s) return s;
        throw new IllegalStateException("no aether session here: play, def, set and the other verbs work in code "
                + "typed at the console or run by it");
    }
}
