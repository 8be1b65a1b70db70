package dev.aether.repl.userapi;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.When;
import dev.aether.repl.session.LiveSession;

/**
 * Everything a session can call without a prefix ({@code import static dev.aether.repl.userapi.Prelude.*} is
 * in every session): creation functions for the stdlib nodes, patching, play/stop, parameters and named slots.
 *
 * <pre>{@code
 * play(sine(440))
 * def("bass", saw(55).to(lowpass(400)))     // redefining "bass" crossfades; undef("bass") fades it out
 * set(slot("bass"), "cutoffHz", 1200, 2.0)  // a 2 s ramp
 * }</pre>
 * Control thread (the evaluation worker).
 */
public final class Prelude {
    private Prelude() {}

    // ------------------------------------------------------------------ creation

    /** A sine oscillator at {@code hz}. */
    public static Chain sine(double hz) {
        InterimSine s = new InterimSine();
        s.frequencyHz.reset(hz);
        return Chain.of(s, "sine(" + num(hz) + ")");
    }

    /** Wraps any node (your own, or a stdlib one made with {@code new}) so it can be chained. */
    public static Chain node(DspNode node) { return Chain.of(node); }

    // ------------------------------------------------------------------ playing

    /** Plays a chain now (fades in over 5 ms) and returns it. */
    public static Chain play(Chain chain) { return session().play(chain); }

    /** Plays a single node. */
    public static Chain play(DspNode node) { return play(Chain.of(node)); }

    /** Fades out everything that plays. */
    public static void stop() { session().stopAll(); }

    /** Fades out one played chain. */
    public static void stop(Chain chain) {
        if (!session().stop(chain)) throw new IllegalArgumentException(chain + " is not playing");
    }

    /** Puts a patch in slot {@code name}; defining the name again crossfades to the new patch. */
    public static Chain def(String name, Chain chain) { return session().def(name, chain); }

    /** Puts a node in slot {@code name}. */
    public static Chain def(String name, DspNode node) { return def(name, Chain.of(node)); }

    /** Fades slot {@code name} out. */
    public static void undef(String name) {
        if (!session().undef(name)) throw new IllegalArgumentException("no slot named \"" + name + "\"");
    }

    /** The patch in slot {@code name}. */
    public static Chain slot(String name) {
        Chain c = session().slot(name);
        if (c == null) throw new IllegalArgumentException("no slot named \"" + name + "\"");
        return c;
    }

    /** Adds a node to the engine without sounding it, so its ports can be connected. */
    public static <N extends DspNode> N add(N node) {
        session().add(node);
        return node;
    }

    /** Connects an output to an input (sources into one input are summed). */
    public static void connect(OutputPort from, InputPort to) { session().connect(from, to); }

    // ------------------------------------------------------------------ parameters

    /** Moves a parameter of the chain's last node that has it, over its default ramp. */
    public static void set(Chain chain, String param, double value) { chain.set(param, value); }

    /** Moves a parameter over {@code rampSeconds} (0 jumps). */
    public static void set(Chain chain, String param, double value, double rampSeconds) {
        for (int i = chain.nodes().size() - 1; i >= 0; i--) {
            DspNode live = session().live(chain.nodes().get(i));
            if (dev.aether.core.NodeSpec.of(live).param(param) != null) {
                session().set(live, param, value, rampSeconds);
                return;
            }
        }
        chain.param(param);                        // throws, naming the parameters there are
    }

    /** Moves a parameter of a node (its live instance, after hot swaps) over {@code rampSeconds}. */
    public static void set(DspNode node, String param, double value, double rampSeconds) {
        session().set(node, param, value, rampSeconds);
    }

    // ------------------------------------------------------------------ time and swaps

    /** Sets the tempo from the next block. */
    public static void tempo(double bpm) { session().engine().tempo(bpm, 4, When.NOW); }

    /** Crossfade in milliseconds for every later hot swap (default 10). */
    public static void swapFade(double millis) { session().swapper().crossfadeSeconds(millis / 1000); }

    /** When later hot swaps happen: "now", "beat" or "bar". */
    public static void swapAt(String when) { session().swapper().quantise(when(when)); }

    /** Crossfade and timing for the next hot swap only. */
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

    private static LiveSession session() { return LiveSession.current(); }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }
}
