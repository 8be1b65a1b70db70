package dev.aether.core;

/** An input port: several sources connected to it are summed. Unconnected, it reads silence. */
public final class InputPort extends Port {
    InputPort(String name, int channels) { super(name, channels); }
}
