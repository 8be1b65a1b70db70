package dev.aether.repl.userapi;

/**
 * Everything a session can call without a prefix ({@code import static dev.aether.repl.userapi.Prelude.*} is
 * in every session): creation functions for the stdlib nodes, patching, play/stop, parameters and named slots.
 */
public final class Prelude {
    private Prelude() {}
}
