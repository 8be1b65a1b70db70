package dev.aether.repl.console.visual;

import dev.aether.core.DspNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Prompt thread (renders copies, {@link ChainRender}; allocates). {@code :envelope}: the shape of an envelope (or
 * any chain with a gate input): a copy is fed a gate that is 1 for {@code holdSeconds} and 0 after, and its output
 * is shown over time until it has been silent (below {@value #SILENT}) for a tenth of the time shown, at most
 * {@value #MAX_TAIL_SECONDS} s after the gate closes. The gate's closing is marked.
 */
public final class EnvelopeShape {
    public static final double SILENT = 1e-4;
    public static final double MAX_TAIL_SECONDS = 10;

    private EnvelopeShape() {}

    /** The output of a copy of {@code nodes} for the gate above, trimmed after it falls silent. */
    public static float[] render(List<DspNode> nodes, double holdSeconds, double sampleRate) {
        int hold = (int) Math.round(holdSeconds * sampleRate), total = hold + (int) (MAX_TAIL_SECONDS * sampleRate);
        float[] gate = new float[total];
        java.util.Arrays.fill(gate, 0, hold, 1f);
        float[] y = ChainRender.render(nodes, gate, total, sampleRate);
        int last = hold;
        for (int i = hold; i < total; i++) if (Math.abs(y[i]) > SILENT) last = i;
        int keep = Math.min(total, Math.max(last + 1 + last / 10, (int) (hold * 1.25)));
        return java.util.Arrays.copyOf(y, Math.max(keep, 2));
    }

    /** Level over time (ms below 2 s, else s), the gate's closing marked. */
    public static Figure figure(float[] y, double holdSeconds, double sampleRate, String title) {
        boolean ms = y.length / sampleRate < 2;
        double scale = ms ? 1000 : 1;
        double[] x = new double[y.length], v = new double[y.length];
        double peak = 0;
        int peakAt = 0;
        for (int i = 0; i < y.length; i++) {
            x[i] = i * scale / sampleRate;
            v[i] = y[i];
            if (Math.abs(y[i]) > peak) { peak = Math.abs(y[i]); peakAt = i; }
        }
        double lo = 0, hi = 1;
        for (double s : v) { lo = Math.min(lo, s); hi = Math.max(hi, s); }
        String unit = ms ? "ms" : "s";
        Panel p = new Panel(Axis.linear("time", unit, 0, x[x.length - 1]), Axis.linear("level", "", lo, hi),
                List.of(Series.line("envelope", x, v)), List.of(new Panel.Marker(holdSeconds * scale, "gate off")), null);
        List<String> notes = new ArrayList<>();
        notes.add(String.format("gate on for %s %s, then off (dashed); peak %.3f at %.4g %s", Axis.number(holdSeconds * scale), unit,
                peak, peakAt * scale / sampleRate, unit));
        return Figure.of(title, p, notes);
    }
}
