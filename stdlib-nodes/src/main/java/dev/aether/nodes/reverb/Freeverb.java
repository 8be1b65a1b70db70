package dev.aether.nodes.reverb;

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

/**
 * Algorithmic stereo reverb after Jezar's Freeverb: per channel eight damped feedback combs in parallel, then
 * four Schroeder-style all-passes in series; the right channel's delays are 23 samples (at 44.1 kHz) longer,
 * which decorrelates the channels. Delay lengths scale with the sample rate. Confined to the audio thread
 * except where noted.
 *
 * <p>{@code out_L = (1 - mix) in + mix (wet1 L + wet2 R)}, {@code out_R = (1 - mix) in + mix (wet1 R + wet2 L)}
 * with {@code wet1 = (1 + width) / 2}, {@code wet2 = (1 - width) / 2}. Comb feedback is
 * {@code 0.7 + 0.28 roomSize} (decay time grows with roomSize; at 1 about 8 s to -60 dB), loop low-pass
 * {@code 0.4 damping}.
 *
 * <ul>
 * <li>Ports: {@code in} (mono), {@code out} (stereo).</li>
 * <li>Params: {@code roomSize} 0..1, default 0.5; {@code damping} 0..1, default 0.5; {@code width} 0..1,
 *     default 1; {@code mix} 0..1 (dry/wet), default 0.33.</li>
 * <li>State: all delay buffers, their positions and damping memories ({@link State}).</li>
 * </ul>
 */
public final class Freeverb implements DspNode {
    private static final int[] COMBS = {1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617};
    private static final int[] ALLPASSES = {556, 441, 341, 225};
    private static final int SPREAD = 23;
    private static final double FIXED_GAIN = 0.015, SCALE_ROOM = 0.28, OFFSET_ROOM = 0.7, SCALE_DAMP = 0.4;
    private static final double ALLPASS_FEEDBACK = 0.5;

    public final InputPort in = Ports.audioIn("in");
    public final OutputPort out = Ports.audioOut("out", 2);
    public final SmoothedParam roomSize = Params.unit("roomSize", 0.5);
    public final SmoothedParam damping = Params.unit("damping", 0.5);
    public final SmoothedParam width = Params.unit("width", 1);
    public final SmoothedParam mix = Params.unit("mix", 0.33);

    // [0..8) left, [8..16) right
    private float[][] comb = new float[16][];
    private final int[] combPos = new int[16];
    private final double[] combStore = new double[16];
    private float[][] allpass = new float[8][];
    private final int[] allpassPos = new int[8];

    public Freeverb() { allocate(44_100); }

    @ControlThread public Freeverb roomSize(double v) { roomSize.set(v); return this; }
    @ControlThread public Freeverb damping(double v) { damping.set(v); return this; }
    @ControlThread public Freeverb width(double v) { width.set(v); return this; }
    @ControlThread public Freeverb mix(double v) { mix.set(v); return this; }
    public double roomSize() { return roomSize.get(); }
    public double damping() { return damping.get(); }
    public double width() { return width.get(); }
    public double mix() { return mix.get(); }

    private void allocate(double sr) {
        double k = sr / 44_100;
        for (int c = 0; c < 8; c++) {
            comb[c] = new float[Math.max(1, (int) Math.round(COMBS[c] * k))];
            comb[c + 8] = new float[Math.max(1, (int) Math.round((COMBS[c] + SPREAD) * k))];
        }
        for (int a = 0; a < 4; a++) {
            allpass[a] = new float[Math.max(1, (int) Math.round(ALLPASSES[a] * k))];
            allpass[a + 4] = new float[Math.max(1, (int) Math.round((ALLPASSES[a] + SPREAD) * k))];
        }
        clear();
    }

    private void clear() {
        for (float[] b : comb) java.util.Arrays.fill(b, 0f);
        for (float[] b : allpass) java.util.Arrays.fill(b, 0f);
        java.util.Arrays.fill(combPos, 0);
        java.util.Arrays.fill(combStore, 0);
        java.util.Arrays.fill(allpassPos, 0);
    }

    @Override @ControlThread public void prepare(double sr, int maxFrames) { allocate(sr); }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        float[] x = ctx.in(in), l = ctx.out(out, 0), r = ctx.out(out, 1);
        int n = ctx.frames();
        for (int i = 0; i < n; i++) {
            double fb = OFFSET_ROOM + SCALE_ROOM * roomSize.nextRt();
            double damp = SCALE_DAMP * damping.nextRt();
            double w = width.nextRt(), m = mix.nextRt();
            double input = x[i] * FIXED_GAIN;
            double wl = channel(input, 0, fb, damp);
            double wr = channel(input, 1, fb, damp);
            double wet1 = 0.5 * (1 + w), wet2 = 0.5 * (1 - w);
            double dry = (1 - m) * x[i];
            l[i] = (float) (dry + m * (wet1 * wl + wet2 * wr));
            r[i] = (float) (dry + m * (wet1 * wr + wet2 * wl));
        }
    }

    private double channel(double input, int ch, double fb, double damp) {
        double sum = 0;
        int base = ch * 8;
        for (int c = base; c < base + 8; c++) {
            float[] b = comb[c];
            int p = combPos[c];
            double o = b[p];
            double s = o * (1 - damp) + combStore[c] * damp;
            combStore[c] = Math.abs(s) < 1e-25 ? 0 : s;
            double v = input + s * fb;
            b[p] = (float) (Math.abs(v) < 1e-25 ? 0 : v);
            combPos[c] = p + 1 == b.length ? 0 : p + 1;
            sum += o;
        }
        int abase = ch * 4;
        for (int a = abase; a < abase + 4; a++) {
            float[] b = allpass[a];
            int p = allpassPos[a];
            double bo = b[p];
            double v = sum + bo * ALLPASS_FEEDBACK;
            b[p] = (float) (Math.abs(v) < 1e-25 ? 0 : v);
            allpassPos[a] = p + 1 == b.length ? 0 : p + 1;
            sum = bo - sum;
        }
        return sum;
    }

    @Override @ControlThread public void reset() { clear(); }

    /** Saved state: copies of every buffer, positions and damping memories. */
    public record State(float[][] combs, int[] combPositions, double[] combStores, float[][] allpasses,
                        int[] allpassPositions) implements NodeState {}

    @Override public NodeState saveState() {
        float[][] c = new float[16][], a = new float[8][];
        for (int i = 0; i < 16; i++) c[i] = comb[i].clone();
        for (int i = 0; i < 8; i++) a[i] = allpass[i].clone();
        return new State(c, combPos.clone(), combStore.clone(), a, allpassPos.clone());
    }

    @Override public void restoreState(NodeState s) {
        if (!(s instanceof State st)) return;
        for (int i = 0; i < 16; i++) if (st.combs()[i].length != comb[i].length) return;
        for (int i = 0; i < 8; i++) if (st.allpasses()[i].length != allpass[i].length) return;
        for (int i = 0; i < 16; i++) System.arraycopy(st.combs()[i], 0, comb[i], 0, comb[i].length);
        for (int i = 0; i < 8; i++) System.arraycopy(st.allpasses()[i], 0, allpass[i], 0, allpass[i].length);
        System.arraycopy(st.combPositions(), 0, combPos, 0, 16);
        System.arraycopy(st.combStores(), 0, combStore, 0, 16);
        System.arraycopy(st.allpassPositions(), 0, allpassPos, 0, 8);
    }
}
