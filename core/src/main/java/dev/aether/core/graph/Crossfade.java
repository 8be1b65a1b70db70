package dev.aether.core.graph;

import dev.aether.core.AudioThread;
import dev.aether.core.DspNode;
import dev.aether.core.node.NodeSpec;
import dev.aether.core.OutputPort;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.param.SmoothedParam;

/**
 * An equal-power crossfade from a node's previous instance to its new one, run by the scheduler inside
 * the plan entry. Built on the control thread (gain table, the old instance's output buffers); its progress
 * is advanced only by the audio thread.
 */
public final class Crossfade {
    final DspNode from;
    final NodeSpec fromSpec;
    final float[] gainIn;         // sin(pi/2 * k/n), k = 0..n-1
    final float[] gainOut;        // cos(pi/2 * k/n)
    final float[][][] fromOutputs; // [old output port][ch]
    final int[] outputMap;        // old output port -> new output port index, or -1
    @AudioThread int position;

    public Crossfade(DspNode from, NodeSpec fromSpec, NodeSpec toSpec, int frames, int blockSize) {
        this.from = from;
        this.fromSpec = fromSpec;
        int len = Math.max(1, frames);
        this.gainIn = new float[len];
        this.gainOut = new float[len];
        for (int k = 0; k < len; k++) {
            gainIn[k] = (float) Math.sin(0.5 * Math.PI * k / len);
            gainOut[k] = (float) Math.cos(0.5 * Math.PI * k / len);
        }
        int n = fromSpec.outputs().size();
        this.fromOutputs = new float[n][][];
        this.outputMap = new int[n];
        for (int p = 0; p < n; p++) {
            OutputPort old = fromSpec.outputs().get(p);
            fromOutputs[p] = new float[old.channels()][blockSize];
            OutputPort next = toSpec.output(old.name());
            outputMap[p] = next == null ? -1 : next.index();
        }
    }

    /** Frames in the fade. */
    public int length() { return gainIn.length; }

    /** True once the new instance plays alone (read racily by the control thread). */
    public boolean isFinished() { return position >= gainIn.length; }

    /**
     * Runs the old instance and mixes it into the new one's outputs for {@code n} frames. An exception in the
     * old instance ends the fade at once.
     */
    @AudioThread @RealtimeSafe
    public void mixRt(ProcessContext ctx, float[][][] fadeInputs, SmoothedParam[] params,
                      float[][][] newOutputs, long time, int n) {
        if (position >= gainIn.length) return;
        for (SmoothedParam p : params) p.beginBlockRt(time, n);
        ctx.bind(fadeInputs, fromOutputs);
        try {
            from.process(ctx);
        } catch (Throwable t) {
            position = gainIn.length;
            return;
        } finally {
            for (SmoothedParam p : params) p.endBlockRt();
        }
        int len = gainIn.length;
        for (int p = 0; p < fromOutputs.length; p++) {
            int target = outputMap[p];
            if (target < 0) continue;
            float[][] olds = fromOutputs[p], news = newOutputs[target];
            int ch = Math.min(olds.length, news.length);
            for (int c = 0; c < ch; c++) {
                float[] o = olds[c], y = news[c];
                for (int i = 0; i < n; i++) {
                    int k = position + i;
                    y[i] = k < len ? y[i] * gainIn[k] + o[i] * gainOut[k] : y[i];
                }
            }
        }
        position += n;
    }
}
