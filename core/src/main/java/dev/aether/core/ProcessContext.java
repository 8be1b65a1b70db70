package dev.aether.core;

/**
 * What a node sees while it renders one block: its buffers, the block length, the rate and the clock.
 *
 * <p>Confined to the audio thread. The engine reuses one instance and re-points it at each node's buffers
 * before calling {@link DspNode#process}; do not keep references to it or to its arrays across calls.
 * Arrays are at least {@link #frames()} long; only the first {@code frames()} samples count.
 */
public final class ProcessContext {
    private float[][][] inputs = new float[0][][];
    private float[][][] outputs = new float[0][][];
    private float[] silence;
    private int frames;
    private double sampleRate;
    private long sampleTime;
    private double bpm = 120;
    private double beatAtBlockStart;

    /** Engine and test use: a context for a fixed rate. */
    public ProcessContext(double sampleRate) { this.sampleRate = sampleRate; }

    /** Channel 0 of an input port: the sum of everything connected to it, or silence. Read only. */
    @RealtimeSafe public float[] in(InputPort port) { return inputs[port.index][0]; }

    /** One channel of an input port. Read only. */
    @RealtimeSafe public float[] in(InputPort port, int channel) { return inputs[port.index][channel]; }

    /**
     * False when nothing is connected to {@code port}: it reads the engine's shared silence, and a node may take a
     * cheaper path that skips it (an oscillator without FM). Always true outside an engine that says otherwise.
     */
    @RealtimeSafe public boolean connected(InputPort port) { return inputs[port.index][0] != silence; }

    /** Channel 0 of an output port; the node must write {@code frames()} samples. */
    @RealtimeSafe public float[] out(OutputPort port) { return outputs[port.index][0]; }

    /** One channel of an output port. */
    @RealtimeSafe public float[] out(OutputPort port, int channel) { return outputs[port.index][channel]; }

    /** Frames to render in this call, 1..maxFrames (a block may be split at a sample-accurate command). */
    @RealtimeSafe public int frames() { return frames; }

    /** Sample rate in Hz. */
    @RealtimeSafe public double sampleRate() { return sampleRate; }

    /** The engine's sample position of the first frame of this call (0 at engine start). */
    @RealtimeSafe public long sampleTime() { return sampleTime; }

    /** Tempo in beats per minute at the first frame of this call (read from the engine's clock). */
    @RealtimeSafe public double bpm() { return bpm; }

    /**
     * The transport's beat (0 at its start; held while it is paused) at the first frame of this call, read from the
     * engine's clock for display and free-running effects; for events on the beat, stamp them with the clock's
     * engine samples on the control side instead.
     */
    @RealtimeSafe public double beat() { return beatAtBlockStart; }

    /** Engine use: points the context at a node's buffers for the next {@code process} call. */
    @RealtimeSafe public void bind(float[][][] inputs, float[][][] outputs) {
        this.inputs = inputs;
        this.outputs = outputs;
    }

    /** Engine use: the shared silence block that unconnected inputs read (see {@link #connected}). */
    public void silence(float[] silence) { this.silence = silence; }

    /** Engine use: sets the timing of the next call. */
    @RealtimeSafe public void time(long sampleTime, int frames, double bpm, double beat) {
        this.sampleTime = sampleTime;
        this.frames = frames;
        this.bpm = bpm;
        this.beatAtBlockStart = beat;
    }

    /** Engine use: the rate changed. Control thread only, while nothing renders. */
    public void sampleRate(double sampleRate) { this.sampleRate = sampleRate; }
}
