package dev.aether.repl.console.visual;

import dev.aether.core.DspNode;
import dev.aether.core.node.NodeRunner;
import dev.aether.core.node.NodeSpec;
import dev.aether.nodes.analysis.Fft;
import dev.aether.nodes.filter.BiquadFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prompt thread (renders copies of the nodes, never the live ones, off the audio thread; allocates).
 * {@code :response}: the frequency response of a filter chain, magnitude in dB and phase in degrees over log
 * frequency, with its -3 dB points. A {@link BiquadFilter} is evaluated exactly from its coefficients (any
 * instance, untouched); any other node with one mono input and output is measured from its impulse response on
 * copies ({@link ChainRender#copyOf}), so a playing node can be measured and is never touched. A copy starts where
 * the original is, ringing included, so the response is the difference between a copy given the impulse and a
 * copy given silence (exact for linear nodes). The nodes of a chain are in series: their responses in dB add, and
 * so do their phases.
 */
public final class Response {
    public static final double LO_HZ = 10;
    /** Points of a curve (log spaced), enough for a print-quality picture. */
    public static final int POINTS = 1_200;
    static final int IMPULSE_FRAMES = 1 << 15;

    private Response() {}

    /** A chain's response at a frequency: magnitude in dB and phase in radians. */
    public interface Transfer {
        double db(double hz);

        double phase(double hz);
    }

    /**
     * Log-spaced frequencies with levels (dB) and phases (degrees, wrapped to -180..180), the -3 dB crossings (Hz,
     * ascending) and the axis range.
     */
    public record Curve(double[] hz, double[] db, double[] phaseDeg, List<Double> minus3DbHz, double loHz, double hiHz) {}

    /** The response of the chain {@code nodes} at {@code sampleRate}. */
    public static Transfer of(List<DspNode> nodes, double sampleRate) {
        List<Transfer> parts = new ArrayList<>();
        for (DspNode n : nodes) parts.add(n instanceof BiquadFilter b ? biquad(b, sampleRate) : measure(n, sampleRate));
        return new Transfer() {
            @Override public double db(double f) {
                double db = 0;
                for (Transfer p : parts) db += p.db(f);
                return db;
            }

            @Override public double phase(double f) {
                double ph = 0;
                for (Transfer p : parts) ph += p.phase(f);
                return ph;
            }
        };
    }

    private static Transfer biquad(BiquadFilter b, double sampleRate) {
        double[] k = new double[5];
        BiquadFilter.coefficients(b.mode(), Math.min(b.cutoffHz(), 0.49 * sampleRate), b.q(), b.gainDb(), sampleRate, k);
        BiquadFilter.Mode mode = b.mode();
        double fc = Math.min(b.cutoffHz(), 0.49 * sampleRate), q = b.q(), g = b.gainDb();
        return new Transfer() {
            @Override public double db(double f) { return BiquadFilter.magnitudeDb(mode, fc, q, g, sampleRate, f); }

            @Override public double phase(double f) {
                double w = 2 * Math.PI * f / sampleRate;
                double c1 = Math.cos(w), s1 = Math.sin(w), c2 = Math.cos(2 * w), s2 = Math.sin(2 * w);
                double nr = k[0] + k[1] * c1 + k[2] * c2, ni = -(k[1] * s1 + k[2] * s2);
                double dr = 1 + k[3] * c1 + k[4] * c2, di = -(k[3] * s1 + k[4] * s2);
                return Math.atan2(ni, nr) - Math.atan2(di, dr);
            }
        };
    }

    /** Runs an impulse through copies of {@code node} and reads each FFT bin (levels interpolated in between). */
    static Transfer measure(DspNode node, double sampleRate) {
        NodeSpec spec = NodeSpec.of(node);
        if (spec.inputs().size() != 1 || spec.outputs().isEmpty() || spec.inputs().get(0).channels() != 1) {
            throw new IllegalArgumentException(node.typeName() + " is not a filter with one mono input");
        }
        double[] re = run(ChainRender.copyOf(node), sampleRate, true), ringing = run(ChainRender.copyOf(node), sampleRate, false);
        for (int i = 0; i < re.length; i++) re[i] -= ringing[i];
        double[] im = new double[IMPULSE_FRAMES];
        new Fft(IMPULSE_FRAMES).forward(re, im);
        double[] db = new double[IMPULSE_FRAMES / 2 + 1], phase = new double[db.length];
        for (int k = 0; k < db.length; k++) {
            db[k] = 10 * Math.log10(re[k] * re[k] + im[k] * im[k] + 1e-30);
            phase[k] = Math.atan2(im[k], re[k]);
        }
        double binHz = sampleRate / IMPULSE_FRAMES;
        return new Transfer() {
            @Override public double db(double f) {
                double x = Math.max(0, Math.min(db.length - 1.000001, f / binHz));
                int k = (int) x;
                return db[k] + (db[k + 1] - db[k]) * (x - k);
            }

            @Override public double phase(double f) { return phase[(int) Math.max(0, Math.min(db.length - 1, Math.rint(f / binHz)))]; }
        };
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

    /** The curve at {@code points} log-spaced frequencies from {@value #LO_HZ} Hz to 20 kHz (or 0.49 of the rate). */
    public static Curve curve(Transfer t, double sampleRate, int points) {
        double hiHz = Math.min(20_000, 0.49 * sampleRate);
        Axis axis = Axis.logarithmic("frequency", "Hz", LO_HZ, hiHz);
        double[] hz = new double[points], db = new double[points], ph = new double[points];
        for (int c = 0; c < points; c++) {
            hz[c] = axis.valueAt((double) c / (points - 1));
            db[c] = t.db(hz[c]);
            ph[c] = Math.toDegrees(Math.IEEEremainder(t.phase(hz[c]), 2 * Math.PI));
        }
        return new Curve(hz, db, ph, crossings(t, -3, LO_HZ, hiHz), LO_HZ, hiHz);
    }

    /** Frequencies where the response crosses {@code levelDb}, found on a fine log grid and refined by bisection. */
    static List<Double> crossings(Transfer t, double levelDb, double loHz, double hiHz) {
        List<Double> out = new ArrayList<>();
        int steps = 4_000;
        double prevF = loHz, prev = t.db(loHz) - levelDb;
        for (int i = 1; i <= steps; i++) {
            double f = loHz * Math.pow(hiHz / loHz, (double) i / steps);
            double v = t.db(f) - levelDb;
            if ((prev < 0) != (v < 0)) {
                double a = prevF, b = f, va = prev;
                for (int k = 0; k < 60; k++) {
                    double m = Math.sqrt(a * b), vm = t.db(m) - levelDb;
                    if ((va < 0) == (vm < 0)) { a = m; va = vm; } else { b = m; }
                }
                out.add(Math.sqrt(a * b));
            }
            prevF = f;
            prev = v;
        }
        return out;
    }

    /** The magnitude axis: -60 dB up to +18 dB, or higher when the curve peaks higher (6 dB steps). */
    public static Axis magnitudeAxis(Curve c) {
        double top = 18;
        for (double d : c.db()) top = Math.max(top, Math.ceil(d / 6) * 6);
        return Axis.linear("magnitude", "dB", -60, top);
    }

    /** Magnitude (two thirds of the height, -3 dB points marked) over phase, both over log frequency. */
    public static Figure figure(Curve c, String title) {
        Axis x = Axis.logarithmic("frequency", "Hz", c.loHz(), c.hiHz());
        List<Panel.Marker> marks = new ArrayList<>();
        for (double f : c.minus3DbHz()) marks.add(new Panel.Marker(f, "-3 dB " + hz(f)));
        double[] ph = c.phaseDeg().clone();
        for (int i = 1; i < ph.length; i++) {
            if (Math.abs(c.phaseDeg()[i] - c.phaseDeg()[i - 1]) > 180) ph[i] = Double.NaN;   // a wrap: no vertical line
        }
        Panel magnitude = new Panel(x, magnitudeAxis(c), List.of(Series.line("magnitude", c.hz(), c.db())), marks, null);
        Panel phase = new Panel(x, Axis.linear("phase", "degrees", -180, 180), List.of(Series.line("phase", c.hz(), ph)), marks, null);
        List<String> notes = new ArrayList<>();
        if (c.minus3DbHz().isEmpty()) {
            notes.add("no -3 dB point between " + hz(c.loHz()) + " and " + hz(c.hiHz()));
        } else {
            List<String> at = new ArrayList<>();
            for (double f : c.minus3DbHz()) at.add(hz(f));
            notes.add("-3 dB at " + String.join(", ", at) + " (dashed)");
        }
        return new Figure(title, List.of(magnitude, phase), new double[] {2, 1}, notes);
    }

    static String hz(double f) { return f >= 1000 ? String.format("%.3g kHz", f / 1000) : String.format("%.3g Hz", f); }
}
