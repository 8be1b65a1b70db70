package dev.aether.repl.midi;

import dev.aether.core.param.SmoothedParam;
import dev.aether.sequencing.midiin.ControlCurve;
import dev.aether.sequencing.midiin.ControllerSource;
import java.util.Locale;

/**
 * Immutable apart from its live parameter; any thread. A controller mapped to a parameter: {@code source} (a CC,
 * pitch bend or aftertouch, on one channel or any) moves {@code param} of the chain in slot {@code slot} (null: a
 * chain with no slot, not saved) through {@code curve} from {@code min} (controller at 0) to {@code max} (at its top),
 * each change a ramp of {@link MidiControls#SMOOTHING_SECONDS} stamped with the message's sample.
 */
public final class MidiMapping {
    private final ControllerSource source;
    private final String slot;
    private final String param;
    private final double min, max;
    private final ControlCurve curve;
    private volatile SmoothedParam[] live;
    private volatile double lastValue = Double.NaN;

    MidiMapping(ControllerSource source, String slot, String param, double min, double max, ControlCurve curve,
                SmoothedParam[] live) {
        curve.check(min, max);
        this.source = source;
        this.slot = slot;
        this.param = param;
        this.min = min;
        this.max = max;
        this.curve = curve;
        this.live = live;
    }

    public ControllerSource source() { return source; }
    public String slot() { return slot; }
    public String param() { return param; }
    public double min() { return min; }
    public double max() { return max; }
    public ControlCurve curve() { return curve; }

    /** The last value this mapping sent (NaN before the first). */
    public double lastValue() { return lastValue; }

    SmoothedParam[] live() { return live; }
    void live(SmoothedParam[] p) { live = p; }
    void sent(double v) { lastValue = v; }

    /** The value for controller position {@code x} (0..1). */
    public double valueAt(double x) { return curve.map(x, min, max); }

    /** True when this maps the same source to the same slot and parameter (a new one replaces it). */
    boolean sameAs(MidiMapping o) {
        return source.equals(o.source) && param.equals(o.param)
                && (slot != null ? slot.equals(o.slot) : o.slot == null && live[0] == o.live[0]);
    }

    /** {@code cc74 -> keys.cutoffHz 200..8000 exp}, as {@code :midi} lists it. */
    @Override public String toString() {
        return String.format(Locale.ROOT, "%s -> %s.%s %s..%s %s", source.text(), slot == null ? "(chain)" : slot, param,
                num(min), num(max), curve.text());
    }

    /**
     * The {@code midiMap} call that makes this mapping again, e.g. {@code midiMap("cc74", slot("pad"), "cutoffHz",
     * 10.0, 20000.0, "exp")} (what the journal keeps of a {@code :learn}); null for a mapping to a chain with no slot.
     */
    public String javaCall() {
        if (slot == null) return null;
        return "midiMap(" + javaString(source.text()) + ", slot(" + javaString(slot) + "), " + javaString(param) + ", "
                + min + ", " + max + ", " + javaString(curve.text()) + ")";
    }

    /** {@code s} as a Java string literal. */
    public static String javaString(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }

    /** What a session file keeps of a mapping. */
    public record Saved(String source, String slot, String param, double min, double max, String curve) {}

    Saved saved() { return new Saved(source.text(), slot, param, min, max, curve.text()); }
}
