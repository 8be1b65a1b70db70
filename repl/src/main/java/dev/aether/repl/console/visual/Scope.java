package dev.aether.repl.console.visual;

import java.util.List;

/**
 * Any thread (pure functions over a captured buffer). {@code :scope}: a waveform over time in milliseconds,
 * triggered (like a hardware scope) on the first upward zero crossing so a steady tone stands still.
 */
public final class Scope {
    private Scope() {}

    /** The samples of a window of {@code millis}, starting at sample {@code trigger} of the capture. */
    public record Trace(float[] samples, double millis, int trigger, double sampleRate) {}

    /**
     * The {@code frames} samples of {@code mono} from its first upward zero crossing. {@code mono} should hold
     * about twice {@code frames} so there is room to trigger; without an upward zero crossing in the first
     * {@code mono.length - frames} samples the window starts at 0.
     */
    public static Trace trace(float[] mono, int frames, double sampleRate) {
        int slack = Math.max(0, mono.length - frames);
        int trigger = 0;
        for (int i = 1; i <= slack && i < mono.length; i++) {
            if (mono[i - 1] < 0 && mono[i] >= 0) {
                trigger = i;
                break;
            }
        }
        int n = Math.min(frames, mono.length - trigger);
        return new Trace(java.util.Arrays.copyOfRange(mono, trigger, trigger + n), n * 1000.0 / sampleRate, trigger, sampleRate);
    }

    /** Upward crossings of zero in the window: the cycles a steady tone shows. */
    public static int cycles(Trace t) {
        int n = 0;
        float[] s = t.samples();
        for (int i = 1; i < s.length; i++) if (s[i - 1] < 0 && s[i] >= 0) n++;
        return n;
    }

    /** Amplitude over time (ms); the amplitude axis is -1..1, widened to show a louder peak. */
    public static Figure figure(Trace t, String title, List<String> notes) {
        float[] s = t.samples();
        double[] x = new double[s.length], y = new double[s.length];
        double peak = 1;
        for (int i = 0; i < s.length; i++) {
            x[i] = i * 1000.0 / t.sampleRate();
            y[i] = s[i];
            peak = Math.max(peak, Math.abs(s[i]));
        }
        double top = peak > 1 ? Math.ceil(peak * 4) / 4 : 1;
        Panel p = new Panel(Axis.linear("time", "ms", 0, t.millis()), Axis.linear("amplitude", "", -top, top),
                List.of(Series.line("signal", x, y)));
        return Figure.of(title, p, notes);
    }
}
