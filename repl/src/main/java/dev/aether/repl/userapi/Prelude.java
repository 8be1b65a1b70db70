package dev.aether.repl.userapi;

/**
 * Any thread (verbs hand their edits to the session thread). Everything a session can call without a prefix
 * ({@code import static dev.aether.repl.userapi.Prelude.*} is in every session): the creation functions of
 * {@link NodeFunctions} and the verbs of {@link LiveVerbs}, inherited so that one static import brings in every
 * name; help for all of them comes from {@link PreludeHelp}.
 *
 * <pre>{@code
 * play(sine(440))
 * def("bass", saw(55).to(lowpass(400)))     // redefining "bass" crossfades; undef("bass") fades it out
 * set(slot("bass"), "cutoffHz", 1200, 2.0)  // a 2 s ramp
 * }</pre>
 */
public final class Prelude extends ArrangeVerbs {
    private Prelude() {}
}
