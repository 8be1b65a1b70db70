package dev.aether.bench.usercode;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;

/**
 * The user node classes of {@link dev.aether.bench.UserCodeEngineBenchmark}, twice: as JShell source
 * ({@link #source}, what a person would type; the console's prelude imports {@code dev.aether.core.*}) and
 * compiled by javac with this module (the nested classes, the baseline). Keep the two copies identical
 * apart from the {@code public static final} modifiers.
 */
public final class UserNodes {
    private UserNodes() {}

    /** Names the benchmark's {@code shape} parameter takes. */
    public static final String ONE_POLE = "onePole", SOFT_CLIP = "softClip", TANH = "tanh", VOICES = "voices";

    /** JShell source of the class for {@code shape}. */
    public static String source(String shape) {
        switch (shape) {
            case ONE_POLE: return ONE_POLE_SOURCE;
            case SOFT_CLIP: return SOFT_CLIP_SOURCE;
            case TANH: return TANH_SOURCE;
            case VOICES: return VOICES_SOURCE;
            default: throw new IllegalArgumentException(shape);
        }
    }

    /** Simple class name for {@code shape}. */
    public static String className(String shape) {
        switch (shape) {
            case ONE_POLE: return "OnePole";
            case SOFT_CLIP: return "SoftClip";
            case TANH: return "Tanh";
            case VOICES: return "Voices";
            default: throw new IllegalArgumentException(shape);
        }
    }

    /** A new javac-compiled instance for {@code shape}, or null when it has only a JShell copy ({@link #VOICES}). */
    public static DspNode compiled(String shape) {
        switch (shape) {
            case ONE_POLE: return new OnePole();
            case SOFT_CLIP: return new SoftClip();
            case TANH: return new Tanh();
            case VOICES: return null;
            default: throw new IllegalArgumentException(shape);
        }
    }

    static final String ONE_POLE_SOURCE = """
            class OnePole implements DspNode {
                final InputPort in = Ports.audioIn("in");
                final OutputPort out = Ports.audioOut("out");
                float coefficient = 0.05f;
                float state;
                public void process(ProcessContext c) {
                    float[] x = c.in(in), y = c.out(out);
                    float a = coefficient, z = state;
                    for (int i = 0; i < c.frames(); i++) {
                        z += a * (x[i] - z);
                        y[i] = z;
                    }
                    state = Math.abs(z) < 1e-25f ? 0f : z;
                }
            }""";

    /** One-pole low-pass, a serial recurrence (cannot vectorize). */
    public static final class OnePole implements DspNode {
        final InputPort in = Ports.audioIn("in");
        final OutputPort out = Ports.audioOut("out");
        float coefficient = 0.05f;
        float state;
        public void process(ProcessContext c) {
            float[] x = c.in(in), y = c.out(out);
            float a = coefficient, z = state;
            for (int i = 0; i < c.frames(); i++) {
                z += a * (x[i] - z);
                y[i] = z;
            }
            state = Math.abs(z) < 1e-25f ? 0f : z;
        }
    }

    static final String SOFT_CLIP_SOURCE = """
            class SoftClip implements DspNode {
                final InputPort in = Ports.audioIn("in");
                final OutputPort out = Ports.audioOut("out");
                float drive = 4f;
                public void process(ProcessContext c) {
                    float[] x = c.in(in), y = c.out(out);
                    float d = drive;
                    for (int i = 0; i < c.frames(); i++) {
                        float v = Math.max(-1f, Math.min(1f, d * x[i]));
                        y[i] = v * (1.5f - 0.5f * v * v);
                    }
                }
            }""";

    /** Cubic soft clip, sample-independent (C2 can vectorize it). */
    public static final class SoftClip implements DspNode {
        final InputPort in = Ports.audioIn("in");
        final OutputPort out = Ports.audioOut("out");
        float drive = 4f;
        public void process(ProcessContext c) {
            float[] x = c.in(in), y = c.out(out);
            float d = drive;
            for (int i = 0; i < c.frames(); i++) {
                float v = Math.max(-1f, Math.min(1f, d * x[i]));
                y[i] = v * (1.5f - 0.5f * v * v);
            }
        }
    }

    static final String TANH_SOURCE = """
            class Tanh implements DspNode {
                final InputPort in = Ports.audioIn("in");
                final OutputPort out = Ports.audioOut("out");
                double drive = 4;
                public void process(ProcessContext c) {
                    float[] x = c.in(in), y = c.out(out);
                    for (int i = 0; i < c.frames(); i++) y[i] = (float) Math.tanh(drive * x[i]);
                }
            }""";

    /**
     * The standard patch as a person would type it in one node: 16 voices of PolyBLEP saw, RBJ low-pass biquad,
     * linear attack-decay-sustain envelope and gain, summed (the arithmetic of {@code patch.FusedVoices}, the
     * voicing of {@code patch.Voicing}). Nested loops: the voice loop is checked at its back edge, the frame loops
     * are counted (not checked). Only this JShell copy exists.
     */
    static final String VOICES_SOURCE = """
            class Voices implements DspNode {
                final OutputPort out = Ports.audioOut("out");
                final int voices = 16;
                final double[] phase = new double[voices], dt = new double[voices], level = new double[voices];
                final double[] b0 = new double[voices], b1 = new double[voices], b2 = new double[voices];
                final double[] a1 = new double[voices], a2 = new double[voices];
                final double[] x1 = new double[voices], x2 = new double[voices], y1 = new double[voices], y2 = new double[voices];
                final int[] stage = new int[voices];
                final float[] voice = new float[1024];
                final double attackStep = 1 / (0.005 * 48_000), sustain = 0.7, decayStep = (1 - 0.7) / (0.050 * 48_000);
                final float gain = 1f / voices;
                Voices() {
                    for (int v = 0; v < voices; v++) {
                        dt[v] = 55 * Math.pow(2, (v % 36) / 12.0) / 48_000;
                        double w0 = 2 * Math.PI * (800 + 15 * v) / 48_000, cos = Math.cos(w0);
                        double alpha = Math.sin(w0) / (2 * 0.707), a0 = 1 + alpha;
                        b0[v] = (1 - cos) / 2 / a0; b1[v] = (1 - cos) / a0; b2[v] = b0[v];
                        a1[v] = -2 * cos / a0; a2[v] = (1 - alpha) / a0;
                        stage[v] = 1;
                    }
                }
                public void process(ProcessContext c) {
                    float[] m = c.out(out), y = voice;
                    int n = c.frames();
                    java.util.Arrays.fill(m, 0, n, 0f);
                    for (int v = 0; v < voices; v++) {
                        double p = phase[v], d = dt[v];
                        double c0 = b0[v], c1 = b1[v], c2 = b2[v], d1 = a1[v], d2 = a2[v];
                        double xa = x1[v], xb = x2[v], ya = y1[v], yb = y2[v];
                        for (int i = 0; i < n; i++) {
                            double blep;
                            if (p < d) { double x = p / d; blep = x + x - x * x - 1; }
                            else if (p > 1 - d) { double x = (p - 1) / d; blep = x * x + x + x + 1; }
                            else blep = 0;
                            double xi = (float) (2 * p - 1 - blep);
                            p += d;
                            if (p >= 1) p -= 1;
                            double yi = (c0 * xi + c1 * xa + c2 * xb - d2 * yb) - d1 * ya;
                            xb = xa; xa = xi; yb = ya; ya = yi;
                            y[i] = (float) yi;
                        }
                        phase[v] = p; x1[v] = xa; x2[v] = xb;
                        y1[v] = Math.abs(ya) < 1e-25 ? 0 : ya;
                        y2[v] = Math.abs(yb) < 1e-25 ? 0 : yb;
                        if (stage[v] == 3) {
                            float e = (float) sustain * gain;
                            for (int i = 0; i < n; i++) m[i] += y[i] * e;
                        } else {
                            double l = level[v];
                            int s = stage[v];
                            for (int i = 0; i < n; i++) {
                                if (s == 1) { l += attackStep; if (l >= 1) { l = 1; s = 2; } }
                                else if (s == 2) { l -= decayStep; if (l <= sustain) { l = sustain; s = 3; } }
                                m[i] += (float) (y[i] * l) * gain;
                            }
                            level[v] = l;
                            stage[v] = s;
                        }
                    }
                }
            }""";

    /** tanh waveshaper (the LiveCodingTest's Fuzz): a library call per sample. */
    public static final class Tanh implements DspNode {
        final InputPort in = Ports.audioIn("in");
        final OutputPort out = Ports.audioOut("out");
        double drive = 4;
        public void process(ProcessContext c) {
            float[] x = c.in(in), y = c.out(out);
            for (int i = 0; i < c.frames(); i++) y[i] = (float) Math.tanh(drive * x[i]);
        }
    }
}
