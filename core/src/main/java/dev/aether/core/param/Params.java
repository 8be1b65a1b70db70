package dev.aether.core.param;

/**
 * Factories for node parameters with the usual units and ramps.
 * Default smoothing is {@value #DEFAULT_RAMP_MILLIS} ms, enough to hide zipper noise.
 */
public final class Params {
    public static final double DEFAULT_RAMP_MILLIS = 20;
    private static final double RAMP = DEFAULT_RAMP_MILLIS / 1000;

    private Params() {}

    /** A frequency in Hz, ramped exponentially. */
    public static SmoothedParam hz(String name, double defaultHz, double minHz, double maxHz) {
        return new SmoothedParam(name, "Hz", defaultHz, minHz, maxHz, SmoothedParam.Curve.EXPONENTIAL, RAMP);
    }

    /** A level in dB, ramped linearly in dB (so exponentially in amplitude). */
    public static SmoothedParam db(String name, double defaultDb, double minDb, double maxDb) {
        return new SmoothedParam(name, "dB", defaultDb, minDb, maxDb, SmoothedParam.Curve.LINEAR, RAMP);
    }

    /** A plain linear value with a unit ("" for none). */
    public static SmoothedParam linear(String name, String unit, double def, double min, double max) {
        return new SmoothedParam(name, unit, def, min, max, SmoothedParam.Curve.LINEAR, RAMP);
    }

    /** A unitless 0..1 amount (mix, depth, width), ramped linearly. */
    public static SmoothedParam unit(String name, double def) {
        return new SmoothedParam(name, "", def, 0, 1, SmoothedParam.Curve.LINEAR, RAMP);
    }

    /** A time in seconds, ramped linearly. */
    public static SmoothedParam seconds(String name, double def, double min, double max) {
        return new SmoothedParam(name, "s", def, min, max, SmoothedParam.Curve.LINEAR, RAMP);
    }
}
