/**
 * aether's sequencing: patterns, pure functions of musical time (cycles) to events, written in mini-notation or
 * with the Java API ({@code dev.aether.sequencing.pattern}, which depends on core only: its exact time base
 * {@code dev.aether.core.time.Rational}), and the look-ahead scheduler that plays them into instruments, drum kits
 * and parameters on their exact engine samples ({@code dev.aether.sequencing.schedule}, which uses stdlib-nodes for
 * those targets), MIDI files, MIDI output and MIDI clock ({@code dev.aether.sequencing.midi}, on javax.sound.midi),
 * and MIDI input logic: device timestamps to samples, controller curves, MIDI clock follow
 * ({@code dev.aether.sequencing.midiin}).
 */
module dev.aether.sequencing {
    requires transitive dev.aether.core;
    requires transitive dev.aether.nodes;

    exports dev.aether.sequencing.pattern;
    exports dev.aether.sequencing.schedule;
    exports dev.aether.sequencing.midi;
    exports dev.aether.sequencing.midiin;
}
