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
    public static final String ONE_POLE = "onePole", SOFT_CLIP = "softClip", TANH = "tanh";

    /** JShell source of the class for {@code shape}. */
    public static String source(String shape) {
        switch (shape) {
            case ONE_POLE: return ONE_POLE_SOURCE;
            case SOFT_CLIP: return SOFT_CLIP_SOURCE;
            case TANH: return TANH_SOURCE;
            default: throw new IllegalArgumentException(shape);
        }
    }

    /** Simple class name for {@code shape}. */
    public static String className(String shape) {
        switch (shape) {
            case ONE_POLE: return "OnePole";
            case SOFT_CLIP: return "SoftClip";
            case TANH: return "Tanh";
            default: throw new IllegalArgumentException(shape);
        }
    }

    /** A new javac-compiled instance for {@code shape}. */
    public static DspNode compiled(String shape) {
        switch (shape) {
            case ONE_POLE: return new OnePole();
            case SOFT_CLIP: return new SoftClip();
            case TANH: return new Tanh();
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
