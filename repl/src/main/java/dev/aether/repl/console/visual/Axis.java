package dev.aether.repl.console.visual;

import java.util.ArrayList;
import java.util.List;

/**
 * Any thread (immutable). One axis of a {@link Panel}: what it measures ({@code label}, {@code unit}), its range
 * {@code [lo, hi]} and whether it is logarithmic (frequency). Maps values to a fraction of the axis (0 at
 * {@code lo}, 1 at {@code hi}) and back, and names its ticks: decades and their 2 and 5 on a log axis, 1-2-5 steps
 * on a linear one (90 degrees for phase); thousands of Hz read "2k". Both renderers place everything through {@link #fraction}, so a test can find any value's
 * pixel or dot from the same mapping.
 */
public record Axis(String label, String unit, double lo, double hi, boolean log) {
    public Axis {
        if (!(hi > lo) || (log && !(lo > 0))) throw new IllegalArgumentException("axis " + label + " has an empty range " + lo + ".." + hi);
    }

    /** A linear axis. */
    public static Axis linear(String label, String unit, double lo, double hi) { return new Axis(label, unit, lo, hi, false); }

    /** A logarithmic axis (both ends above 0). */
    public static Axis logarithmic(String label, String unit, double lo, double hi) { return new Axis(label, unit, lo, hi, true); }

    /** Where {@code v} sits: 0 at {@code lo}, 1 at {@code hi} (outside 0..1 when outside the range; NaN for v <= 0 on a log axis). */
    public double fraction(double v) {
        return log ? Math.log(v / lo) / Math.log(hi / lo) : (v - lo) / (hi - lo);
    }

    /** The value at fraction {@code f} of the axis (the inverse of {@link #fraction}). */
    public double valueAt(double f) { return log ? lo * Math.pow(hi / lo, f) : lo + f * (hi - lo); }

    /** "frequency (Hz)". */
    public String title() { return unit.isEmpty() ? label : label + " (" + unit + ")"; }

    /** A tick: its value and its label, e.g. 1000 and "1k". */
    public record Tick(double value, String text, boolean major) {}

    /** Ticks inside the range: about {@code target} labelled ones on a linear axis; decades (major), 2 and 5 on a log one. */
    public List<Tick> ticks(int target) {
        List<Tick> out = new ArrayList<>();
        if (log) {
            for (double decade = Math.pow(10, Math.floor(Math.log10(lo))); decade <= hi; decade *= 10) {
                for (int m : new int[] {1, 2, 5}) {
                    double v = decade * m;
                    if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.add(new Tick(v, label(v), m == 1));
                }
            }
            return out;
        }
        double step = unit.equals("degrees") && hi - lo >= 180 ? 90 : niceStep((hi - lo) / Math.max(1, target));
        for (double v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
            double r = Math.abs(v) < step * 1e-9 ? 0 : v;
            out.add(new Tick(r, label(r), true));
        }
        return out;
    }

    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw))), m = raw / p;
        return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
    }

    /** A tick's label: thousands of Hz as "2k", anything else as {@link #number}. */
    String label(double v) {
        if (unit.equals("Hz") && Math.abs(v) >= 1000) return kilo(v);
        return number(v);
    }

    private static String kilo(double v) {
        if (Math.abs(v / 1000 - Math.rint(v / 1000)) < 1e-9) return (long) Math.rint(v / 1000) + "k";
        return trim(String.format("%.1f", v / 1000)) + "k";
    }

    /** A compact number: 20, 1000, 0.5, -60, 1.25. */
    static String number(double v) {
        double a = Math.abs(v);
        if (v == Math.rint(v)) return Long.toString((long) v);
        return trim(String.format(a >= 10 ? "%.1f" : "%.3g", v));
    }

    private static String trim(String s) { return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s; }
}
