package dev.aether.testkit;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.node.NodeRunner;
import dev.aether.core.node.NodeSpec;
import dev.aether.core.OutputPort;
import dev.aether.core.ProcessContext;
import java.util.Arrays;

/**
 * Runs one node on its own for unit tests of DSP: a thin layer over core's {@link NodeRunner} (params settled,
 * then clocked; buffers bound; blocks at 120 BPM from sample 0) that feeds inputs from whole arrays and collects
 * outputs into arrays. An input never fed reads the shared silence, as an unconnected input does in the engine
 * ({@link ProcessContext#connected} is false for it). The test's thread; not thread-safe.
 *
 * <pre>{@code
 * NodeHarness h = new NodeHarness(new SineOscillator().frequencyHz(1000), 48_000, 64);
 * float[] y = h.render(48_000)[0][0];   // output 0, channel 0, one second
 * }</pre>
 */
public final class NodeHarness {
    private final NodeRunner runner;
    private final int blockSize;
    private final float[][][] out;
    private final float[][][] inputSignals;
    private final long[] inputOffset;

    public NodeHarness(DspNode node, double sampleRate, int blockSize) {
        this.runner = new NodeRunner(node, sampleRate, blockSize);
        this.blockSize = blockSize;
        NodeSpec spec = runner.spec();
        out = new float[spec.outputs().size()][][];
        for (int o = 0; o < out.length; o++) out[o] = runner.output(spec.outputs().get(o));
        inputSignals = new float[spec.inputs().size()][][];
        inputOffset = new long[inputSignals.length];
    }

    public NodeSpec spec() { return runner.spec(); }
    public DspNode node() { return runner.node(); }
    /** The engine sample the next block starts at. */
    public long time() { return runner.time(); }
    /** The core runner underneath, for what this layer does not cover. */
    public NodeRunner runner() { return runner; }

    /** Feeds {@code signal} (one array per channel; the last repeats for more channels) into {@code port} from now on. */
    public NodeHarness input(InputPort port, float[]... signal) {
        inputSignals[port.index()] = signal;
        inputOffset[port.index()] = runner.time();
        runner.connect(port);
        return this;
    }

    /** Renders {@code frames} frames in blocks; returns [output][channel][frame]. */
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
        NodeSpec spec = runner.spec();
        long time = runner.time();
        for (int i = 0; i < inputSignals.length; i++) {
            float[][] sig = inputSignals[i];
            if (sig == null) continue;
            float[][] in = runner.input(spec.inputs().get(i));
            for (int c = 0; c < in.length; c++) {
                float[] b = in[c];
                Arrays.fill(b, 0f);
                float[] s = sig[Math.min(c, sig.length - 1)];
                long off = time - inputOffset[i];
                for (int k = 0; k < n; k++) {
                    long idx = off + k;
                    b[k] = idx >= 0 && idx < s.length ? s[(int) idx] : 0f;
                }
            }
        }
        runner.run(n);
    }

    /** The node's current output buffer (valid after {@link #renderBlock}). */
    public float[] outBuffer(OutputPort port, int channel) { return out[port.index()][channel]; }
}
