/**
 * An Ableton Link peer in pure Java: discovery on the local network, the session's shared timeline, clock
 * measurement between peers, start/stop sync; it drives the engine's clock (docs/link.md). Exported:
 * {@code dev.aether.link}.
 */
module dev.aether.link {
    requires transitive dev.aether.core;

    exports dev.aether.link;
}
