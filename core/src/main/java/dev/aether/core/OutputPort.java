package dev.aether.core;

/** An output port: the node writes {@code frames()} samples per channel each block. */
public final class OutputPort extends Port {
    OutputPort(String name, int channels) { super(name, channels); }
}
