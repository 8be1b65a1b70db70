/**
 * aether's Open Sound Control server: a UDP port (off by default, bound to the loopback unless told otherwise) whose
 * address space sets parameters, plays notes and hits, starts and stops slots and patterns, changes tempo, answers
 * queries and, with a token, evaluates code, all through a session the console provides ({@link dev.aether.osc.OscHost}).
 * Exported: {@code dev.aether.osc}. Packets are read with JavaOSC's parser (docs/osc.md).
 */
module dev.aether.osc {
    requires transitive dev.aether.sequencing;
    requires javaosc.core;

    exports dev.aether.osc;
}
