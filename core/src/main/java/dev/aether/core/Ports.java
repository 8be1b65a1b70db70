package dev.aether.core;

/** Factories for the ports a node declares as fields: {@code final OutputPort out = Ports.audioOut("out");}. */
public final class Ports {
    private Ports() {}

    /** A mono audio input. */
    public static InputPort audioIn(String name) { return new InputPort(name, 1); }

    /** An audio input with {@code channels} channels (2 = stereo). */
    public static InputPort audioIn(String name, int channels) { return new InputPort(name, channels); }

    /** A mono audio output. */
    public static OutputPort audioOut(String name) { return new OutputPort(name, 1); }

    /** An audio output with {@code channels} channels (2 = stereo). */
    public static OutputPort audioOut(String name, int channels) { return new OutputPort(name, channels); }
}
