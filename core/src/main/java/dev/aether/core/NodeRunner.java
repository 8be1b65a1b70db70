package dev.aether.core;

import dev.aether.core.param.ParamClock;
import dev.aether.core.param.SmoothedParam;
import dev.aether.core.time.TimedEventChannel;

/**
 * Runs one node inside another: the child's own buffers, context and parameter clock, outside any plan. A
 * composite node (a voice built from stdlib nodes, an instrument of voices) holds a runner per child and calls
 * {@link #runRt} from its own {@code process}; the engine sees only the composite, so the children share its
 * fault isolation (an exception or a NaN in a child mutes the composite) and its per-node cost.
 *
 * <p>Built and wired ({@link #feed}) on the control thread, typically in the composite's
 * {@link DspNode#prepare}; {@link #runRt} is confined to the audio thread. The child's params are clocked by a
 * {@link ParamClock}: while all rest and none is set, a block costs them nothing. Unconnected inputs read a silent
 * block ({@link ProcessContext#connected} is false for them).
 *
 * <p>Timed events: a runner leaves the child unbound ({@code setAt}, gates and notes sent to it apply directly,
 * which suits a child run on the producer's own thread, e.g. a test or a trial run). A composite that plays in an
 * engine is a {@link dev.aether.core.time.TimedNode}: its {@code bindTimed} calls {@link #bindTimed} on each of its
 * runners, so the children's events travel through the engine's channel like the composite's own.
 */
public final class NodeRunner {
    private final DspNode node;
    private final NodeSpec spec;
    private final ParamClock clock;
    private final ProcessContext ctx;
    private final float[][][] inputs;
    private final float[][][] outputs;

    /**
     * Prepares {@code node} for {@code sampleRate} and blocks of up to {@code maxFrames}, binds its ports to
     * {@code owner} (so they cannot be connected in an engine) and jumps its parameters to their last set values,
     * as the engine does for a node about to sound.
     */
    @ControlThread
    public NodeRunner(Object owner, DspNode node, double sampleRate, int maxFrames) {
        this.node = node;
        spec = NodeSpec.of(node).bind(owner, sampleRate);
        for (SmoothedParam p : spec.params()) p.settle();
        clock = new ParamClock(spec.params());
        float[] silence = new float[maxFrames];
        inputs = spec.unconnectedInputs(silence);
        outputs = spec.newOutputBuffers(maxFrames);
        ctx = new ProcessContext(sampleRate);
        ctx.silence(silence);
        ctx.bind(inputs, outputs);
        node.prepare(sampleRate, maxFrames);
    }

    public NodeSpec spec() { return spec; }

    /** Binds the child's timed targets (params, gates, ...) to {@code channel} ({@code null}: unbound). */
    @ControlThread
    public NodeRunner bindTimed(TimedEventChannel channel) {
        spec.bindTimed(channel);
        return this;
    }

    /** The buffers of output {@code port}, [channel][frame]: what {@link #runRt} wrote, for a next child to read. */
    public float[][] output(OutputPort port) { return outputs[port.index]; }

    /** Points input {@code port} at {@code channels} (another runner's {@link #output}), one array per channel. */
    @ControlThread
    public NodeRunner feed(InputPort port, float[][] channels) {
        if (channels.length != port.channels()) {
            throw new IllegalArgumentException("input '" + port.name() + "' has " + port.channels()
                    + " channel(s); feed it " + port.channels() + " buffer(s), not " + channels.length);
        }
        inputs[port.index] = channels.clone();
        return this;
    }

    /** Renders {@code frames} frames starting at engine sample {@code sampleTime}, clocking the node's params. */
    @AudioThread @RealtimeSafe
    public void runRt(long sampleTime, int frames, double bpm, double beat) {
        ctx.time(sampleTime, frames, bpm, beat);
        clock.beginRt(sampleTime, frames);
        node.process(ctx);          // an exception leaves the clock mid-block: the next beginRt resets it
        clock.endRt();
    }
}
