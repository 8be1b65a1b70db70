package dev.aether.repl.console.visual;

import dev.aether.core.DspNode;
import dev.aether.core.node.NodeRunner;
import dev.aether.core.node.NodeSpec;
import dev.aether.nodes.analysis.Fft;
import dev.aether.nodes.filter.BiquadFilter;
import dev.aether.repl.session.StateCarrier;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Prompt thread (renders a copy of the node, never the live one, off the audio thread).
 * {@code :response}: the magnitude response of a filter chain in dB over log frequency, with its -3 dB
 * points. A {@link BiquadFilter} is evaluated exactly from its coefficients (any instance, untouched); any
 * other node with one mono input and output is measured from its impulse response on copies, each run in a
 * {@link NodeRunner} (new instances of its class carrying its parameters, fields and state, as a redefinition
 * would), so a playing node can be measured and is never touched. A copy starts where the original is, ringing included, so the response is the
 * difference between a copy given the impulse and a copy given silence (exact for linear nodes). The nodes of a
 * chain are in series, so their responses in dB add. Control thread (allocates).
 */
public final class Response {
    public static final double LO_HZ = 10;
    static final int IMPULSE_FRAMES = 1 << 15;

    private Response() {}

    /** Column centre frequencies, levels, the -3 dB crossings (Hz, ascending) and the axis. */
    public record Curve(double[] hz, double[] db, List<Double> minus3DbHz, double loHz, double hiHz) {}

    /** dB at a frequency for the chain {@code nodes} at {@code sampleRate}. */
    public static DoubleUnaryOperator of(List<DspNode> nodes, double sampleRate) {
        List<DoubleUnaryOperator> parts = new ArrayList<>();
        for (DspNode n : nodes) parts.add(n instanceof BiquadFilter b ? biquad(b, sampleRate) : measure(n, sampleRate));
        return f -> {
            double db = 0;
            for (DoubleUnaryOperator p : parts) db += p.applyAsDouble(f);
            return db;
        };
    }

    private static DoubleUnaryOperator biquad(BiquadFilter b, double sampleRate) {
        BiquadFilter.Mode mode = b.mode();
        double fc = Math.min(b.cutoffHz(), 0.49 * sampleRate), q = b.q(), g = b.gainDb();
        return f -> BiquadFilter.magnitudeDb(mode, fc, q, g, sampleRate, f);
    }

    /** Runs an impulse through copies of {@code node} and reads the level of each FFT bin (interpolated in between). */
    static DoubleUnaryOperator measure(DspNode node, double sampleRate) {
        NodeSpec spec = NodeSpec.of(node);
        if (spec.inputs().size() != 1 || spec.outputs().isEmpty() || spec.inputs().get(0).channels() != 1) {
            throw new IllegalArgumentException(node.typeName() + " is not a filter with one mono input");
        }
        double[] re = run(copyOf(node), sampleRate, true), ringing = run(copyOf(node), sampleRate, false);
        for (int i = 0; i < re.length; i++) re[i] -= ringing[i];
        double[] im = new double[IMPULSE_FRAMES];
        new Fft(IMPULSE_FRAMES).forward(re, im);
        double[] db = new double[IMPULSE_FRAMES / 2 + 1];
        for (int k = 0; k < db.length; k++) db[k] = 10 * Math.log10(re[k] * re[k] + im[k] * im[k] + 1e-30);
        double binHz = sampleRate / IMPULSE_FRAMES;
        return f -> {
            double x = Math.max(0, Math.min(db.length - 1.000001, f / binHz));
            int k = (int) x;
            return db[k] + (db[k + 1] - db[k]) * (x - k);
        };
    }

    /** A new instance of {@code node}'s class with its parameters, plain fields and state carried over. */
    private static DspNode copyOf(DspNode node) {
        DspNode copy;
        try {
            Constructor<? extends DspNode> c = node.getClass().getDeclaredConstructor();
            c.setAccessible(true);
            copy = c.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException(node.typeName() + " has no no-argument constructor, so :response"
                    + " cannot copy it; give it one (parameters and fields are carried over)");
        }
        StateCarrier.carry(node, copy);
        return copy;
    }

    /** The first {@value #IMPULSE_FRAMES} output samples of a copy {@code node} fed an impulse or silence. */
    private static double[] run(DspNode node, double sampleRate, boolean impulse) {
        int block = 64;
        NodeRunner runner = new NodeRunner(node, sampleRate, block);
        NodeSpec spec = runner.spec();
        float[] x = runner.connect(spec.inputs().get(0))[0];
        float[] out = runner.output(spec.outputs().get(0))[0];
        double[] y = new double[IMPULSE_FRAMES];
        for (int t = 0; t < IMPULSE_FRAMES; t += block) {
            java.util.Arrays.fill(x, 0f);
            if (t == 0 && impulse) x[0] = 1f;
            runner.run(block);
            for (int i = 0; i < block; i++) y[t + i] = out[i];
        }
        return y;
    }

    /** The curve in {@code columns} columns from {@value #LO_HZ} Hz to 20 kHz (or 0.49 of the rate). */
    public static Curve curve(DoubleUnaryOperator dbAt, double sampleRate, int columns) {
        double hiHz = Math.min(20_000, 0.49 * sampleRate);
        double[] hz = new double[columns], db = new double[columns];
        for (int c = 0; c < columns; c++) {
            hz[c] = AsciiPlot.logFrequency(c, columns, LO_HZ, hiHz);
            db[c] = dbAt.applyAsDouble(hz[c]);
        }
        return new Curve(hz, db, crossings(dbAt, -3, LO_HZ, hiHz), LO_HZ, hiHz);
    }

    /** Frequencies where the response crosses {@code levelDb}, found on a fine log grid and refined by bisection. */
    static List<Double> crossings(DoubleUnaryOperator dbAt, double levelDb, double loHz, double hiHz) {
        List<Double> out = new ArrayList<>();
        int steps = 4_000;
        double prevF = loHz, prev = dbAt.applyAsDouble(loHz) - levelDb;
        for (int i = 1; i <= steps; i++) {
            double f = loHz * Math.pow(hiHz / loHz, (double) i / steps);
            double v = dbAt.applyAsDouble(f) - levelDb;
            if ((prev < 0) != (v < 0)) {
                double a = prevF, b = f, va = prev;
                for (int k = 0; k < 60; k++) {
                    double m = Math.sqrt(a * b), vm = dbAt.applyAsDouble(m) - levelDb;
                    if ((va < 0) == (vm < 0)) { a = m; va = vm; } else { b = m; }
                }
                out.add(Math.sqrt(a * b));
            }
            prevF = f;
            prev = v;
        }
        return out;
    }

    /** The curve as a line, -60..+18 dB (or higher when the curve peaks higher), with the -3 dB points marked. */
    public static String render(Curve c, int rows) {
        int columns = c.db().length;
        double top = 18;
        for (double d : c.db()) top = Math.max(top, Math.ceil(d / 6) * 6);
        int mark = c.minus3DbHz().isEmpty() ? -1 : AsciiPlot.logColumn(c.minus3DbHz().get(0), columns, c.loHz(), c.hiHz());
        StringBuilder b = new StringBuilder(new AsciiPlot(columns, rows, -60, top, "dB")
                .render(c.db(), c.db(), mark, AsciiPlot.decadeLabels(columns, c.loHz(), c.hiHz())));
        b.append('\n');
        if (c.minus3DbHz().isEmpty()) {
            b.append("no -3 dB point between ").append(hz(c.loHz())).append(" and ").append(hz(c.hiHz()));
        } else {
            List<String> at = new ArrayList<>();
            for (double f : c.minus3DbHz()) at.add(hz(f));
            b.append("-3 dB at ").append(String.join(", ", at)).append(" (│)");
        }
        return b.toString();
    }

    static String hz(double f) { return f >= 1000 ? String.format("%.3g kHz", f / 1000) : String.format("%.3g Hz", f); }
}
