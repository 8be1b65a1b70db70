package dev.aether.core.testing;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.NodeSpec;
import dev.aether.core.OutputPort;
import dev.aether.core.ProcessContext;
import dev.aether.core.param.SmoothedParam;
import java.util.Arrays;

/**
 * Runs one node on its own, block by block, the way the engine does (params settled, then clocked; buffers bound),
 * for unit tests of DSP. Inputs are fed from arrays; an input never fed reads a shared silence block, as an
 * unconnected input does in the engine ({@link ProcessContext#connected} is false for it). Outputs are collected
 * into arrays.
 *
 * <pre>{@code
 * NodeHarness h = new NodeHarness(new SineOscillator().frequencyHz(1000), 48_000, 64);
 * float[] y = h.render(48_000)[0][0];   // output 0, channel 0, one second
 * }</pre>
 */
public final class NodeHarness {
    private final DspNode node;
    private final NodeSpec spec;
    private final SmoothedParam[] params;
    private final int blockSize;
    private final ProcessContext ctx;
    private final float[][][] in, out;
    private final float[][][] inputSignals;
    private final float[] silence;
    private long time;

    public NodeHarness(DspNode node, double sampleRate, int blockSize) {
        this.node = node;
        this.blockSize = blockSize;
        this.spec = NodeSpec.of(node).bind(this, sampleRate);
        this.params = spec.params().toArray(new SmoothedParam[0]);
        node.prepare(sampleRate, blockSize);
        for (SmoothedParam p : params) p.settle();
        this.ctx = new ProcessContext(sampleRate);
        silence = new float[blockSize];
        ctx.silence(silence);
        in = spec.unconnectedInputs(silence);
        out = spec.newOutputBuffers(blockSize);
        inputSignals = new float[in.length][][];
        ctx.bind(in, out);
    }

    public NodeSpec spec() { return spec; }
    public DspNode node() { return node; }
    public long time() { return time; }

    /** Feeds {@code signal} (one array per channel) into input {@code port} from the current time on. */
    public NodeHarness input(InputPort port, float[]... signal) {
        inputSignals[port.index()] = signal;
        inputOffset[port.index()] = time;
        float[][] chans = in[port.index()];
        for (int c = 0; c < chans.length; c++) if (chans[c] == silence) chans[c] = new float[blockSize];
        return this;
    }

    private final long[] inputOffset = new long[64];

    /** Renders {@code frames} frames; returns [output][channel][frame]. */
    public float[][][] render(int frames) {
        float[][][] result = new float[out.length][][];
        for (int o = 0; o < out.length; o++) result[o] = new float[out[o].length][frames];
        int done = 0;
        while (done < frames) {
            int n = Math.min(blockSize, frames - done);
            renderBlock(n);
            for (int o = 0; o < out.length; o++) {
                for (int c = 0; c < out[o].length; c++) System.arraycopy(out[o][c], 0, result[o][c], done, n);
            }
            done += n;
        }
        return result;
    }

    /** Renders one block of {@code n} frames into the harness's own buffers (no copies; allocates nothing). */
    public void renderBlock(int n) {
        Arrays.fill(silence, 0f);                 // in case the node wrote to it
        for (int i = 0; i < in.length; i++) {
            float[][] sig = inputSignals[i];
            if (sig == null) continue;
            for (int c = 0; c < in[i].length; c++) {
                float[] b = in[i][c];
                Arrays.fill(b, 0f);
                float[] s = sig[Math.min(c, sig.length - 1)];
                long off = time - inputOffset[i];
                for (int k = 0; k < n; k++) {
                    long idx = off + k;
                    b[k] = idx >= 0 && idx < s.length ? s[(int) idx] : 0f;
                }
            }
        }
        for (SmoothedParam p : params) p.beginBlockRt(time, n);
        ctx.time(time, n, 120, time * 2.0 / ctx.sampleRate());
        node.process(ctx);
        for (SmoothedParam p : params) p.endBlockRt();
        time += n;
    }

    /** The node's current output buffer (valid after {@link #renderBlock}). */
    public float[] outBuffer(OutputPort port, int channel) { return out[port.index()][channel]; }
}
