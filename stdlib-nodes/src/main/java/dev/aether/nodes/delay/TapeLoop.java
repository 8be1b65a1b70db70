package dev.aether.nodes.delay;

import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.NodeState;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;
import java.util.Arrays;

/**
 * A looper: a buffer of {@code lengthSeconds} played in a loop; while recording, the input is added into it
 * (overdub) and the old content kept times {@code feedback} (1 = keep all, 0 = replace).
 * {@code out = (1 - mix) in + mix * loop}. Recording is switched with {@link #recording(boolean)} (any thread,
 * takes effect at the next block); {@link #clear()} empties the loop at the next block. Confined to the audio
 * thread except where noted.
 *
 * <ul>
 * <li>Ports: {@code in} (mono), {@code out} (mono).</li>
 * <li>Params: {@code feedback} 0..1, default 1; {@code mix} 0..1, default 0.5.</li>
 * <li>State: the loop buffer and play position ({@link State}).</li>
 * </ul>
 */
public final class TapeLoop implements DspNode {
    public final InputPort in = Ports.audioIn("in");
    public final OutputPort out = Ports.audioOut("out");
    public final SmoothedParam feedback = Params.unit("feedback", 1);
    public final SmoothedParam mix = Params.unit("mix", 0.5);

    private final double lengthSeconds;
    private volatile boolean recording;
    private volatile boolean clearRequested;
    private float[] loop;
    private int pos;

    /** A loop of {@code lengthSeconds} (0 < s <= 600). */
    public TapeLoop(double lengthSeconds) {
        if (!(lengthSeconds > 0 && lengthSeconds <= 600)) {
            throw new IllegalArgumentException("lengthSeconds must be in (0, 600], was " + lengthSeconds);
        }
        this.lengthSeconds = lengthSeconds;
        loop = new float[Math.max(1, (int) Math.round(lengthSeconds * 48_000))];
    }

    public double lengthSeconds() { return lengthSeconds; }
    /** Starts or stops recording at the next block. Any thread. */
    public TapeLoop recording(boolean on) { recording = on; return this; }
    public boolean recording() { return recording; }
    /** Empties the loop at the next block. Any thread. */
    public TapeLoop clear() { clearRequested = true; return this; }
    @ControlThread public TapeLoop feedback(double v) { feedback.set(v); return this; }
    @ControlThread public TapeLoop mix(double v) { mix.set(v); return this; }
    public double feedback() { return feedback.get(); }
    public double mix() { return mix.get(); }

    @Override @ControlThread
    public void prepare(double sr, int maxFrames) {
        int len = Math.max(1, (int) Math.round(lengthSeconds * sr));
        if (len != loop.length) loop = new float[len];
        pos = 0;
    }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] x = ctx.in(in), y = ctx.out(out);
        int n = ctx.frames();
        float[] b = loop;
        if (clearRequested) {
            clearRequested = false;
            Arrays.fill(b, 0f);
        }
        boolean rec = recording;
        int p = pos;
        for (int i = 0; i < n; i++) {
            double fb = feedback.nextRt(), m = mix.nextRt();
            float played = b[p];
            if (rec) {
                double v = fb * played + x[i];
                b[p] = (float) (Math.abs(v) < 1e-25 ? 0 : v);
            }
            y[i] = (float) ((1 - m) * x[i] + m * played);
            if (++p == b.length) p = 0;
        }
        pos = p;
    }

    @Override @ControlThread public void reset() { Arrays.fill(loop, 0f); pos = 0; }

    /** Saved state. */
    public record State(float[] loop, int position) implements NodeState {}

    @Override public NodeState saveState() { return new State(loop.clone(), pos); }

    @Override public void restoreState(NodeState s) {
        if (s instanceof State st && st.loop().length == loop.length) {
            System.arraycopy(st.loop(), 0, loop, 0, loop.length);
            pos = st.position();
        }
    }
}
