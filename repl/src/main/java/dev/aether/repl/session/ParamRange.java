package dev.aether.repl.session;

import dev.aether.core.param.SmoothedParam;
import dev.aether.repl.eval.UserCode;

/**
 * Any thread (pure, except {@link #tell}). The one place that says a parameter value was clamped: a
 * {@link SmoothedParam} clamps what it is given to its range silently; everything the person sets through aether
 * (a node function such as {@code sine(-5)}, {@code set(...)}, a chain's {@code set}) asks here first, so the clamp is
 * announced once, in one line naming the range and unit:
 * "warning: sine: frequencyHz -5 Hz is out of range 0.01..20000 Hz; clamped to 0.01 Hz".
 */
public final class ParamRange {
    private ParamRange() {}

    /** The warning for giving {@code value} to {@code param} of {@code who}, or null when it is in range (or not finite). */
    public static String warning(String who, SmoothedParam param, double value) {
        if (!Double.isFinite(value) || value >= param.min() && value <= param.max()) return null;
        String unit = param.unit().isEmpty() ? "" : " " + param.unit();
        double clamped = Math.max(param.min(), Math.min(param.max(), value));
        return "warning: " + who + ": " + param.name() + " " + num(value) + unit + " is out of range " + num(param.min())
                + ".." + num(param.max()) + unit + "; clamped to " + num(clamped) + unit;
    }

    /**
     * Shows {@link #warning} (if any) to the person: above the prompt of the session whose user code called (the
     * console), or on standard error when no session's code did.
     */
    public static void tell(String who, SmoothedParam param, double value) {
        String w = warning(who, param, value);
        if (w == null) return;
        if (UserCode.callerOwner() instanceof LiveSession s) s.message(w);
        else System.err.println(w);
    }

    /** A value as a person would write it: {@code 20000}, {@code 0.01}. */
    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }
}
