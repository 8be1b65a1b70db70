/**
 * aether's sequencing: patterns, pure functions of musical time (cycles) to events, written in mini-notation or
 * with the Java API ({@code dev.aether.sequencing.pattern}). Depends on core only (its exact time base
 * {@code dev.aether.core.time.Rational}).
 */
module dev.aether.sequencing {
    requires transitive dev.aether.core;

    exports dev.aether.sequencing.pattern;
}
