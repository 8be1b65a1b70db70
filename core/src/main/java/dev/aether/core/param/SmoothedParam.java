package dev.aether.core.param;

import dev.aether.core.AudioThread;
import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.time.PendingEvents;
import dev.aether.core.time.TimedEventChannel;
import dev.aether.core.time.TimedTarget;

/**
 * A node parameter that changes smoothly, per sample, and can be scheduled to the exact sample.
 *
 * <p>Declared as a field of a node ({@link Params}); the engine finds it and drives its block clock.
 * Setters ({@link #set}, {@link #setAt}) are for any control thread and never block: an untimed
 * {@code set} goes through a lock-free latest-value cell (the newest wins), a timed {@code setAt} through
 * the engine's {@link TimedEventChannel} (bound when the node is added; see {@link PendingEvents} for an unbound
 * param). Methods ending in {@code Rt} are confined to the audio thread, allocate
 * nothing and run in bounded time.
 *
 * <p>Linear parameters ramp linearly; {@link Curve#EXPONENTIAL} ones (frequencies, gains) ramp by a
 * constant ratio per sample, which sounds even across octaves. Values are clamped to [min, max].
 */
public final class SmoothedParam implements TimedTarget {
    /** How a parameter moves between values. */
    public enum Curve { LINEAR, EXPONENTIAL }

    /** Timed changes a parameter holds before {@link #setAt} refuses more. */
    public static final int TIMED_CAPACITY = 256;

    private final String name;
    private final String unit;
    private final double min, max, defaultValue;
    private final Curve curve;
    private volatile double defaultRampSeconds;
    private volatile double target;                        // last value asked for (control view)
    private volatile Change latest;                        // untimed latest-value cell
    /**
     * Timed changes (kind {@link #SET_AT}: a = value, b = ramp seconds), ordered by sample; audio-thread side. Its
     * storage comes with the first {@link #setAt} or {@link #reserveTimed}: most params never get a timed change.
     */
    private final PendingEvents timed = PendingEvents.growing(TIMED_CAPACITY);
    private static final int SET_AT = 1;

    // ---- audio-thread state ----
    private double sampleRate = 48_000;
    private double value;               // value of the next sample to produce
    private double step;                // per-sample increment (linear) or ratio (exponential)
    private int remaining;              // samples left in the current ramp
    private double rampTarget;
    private Change seen;                // last untimed change applied
    private long position;              // absolute sample position of the next sample
    private long blockEnd;
    private boolean timedPending;       // a timed change waits in {@code timed}
    private ParamClock clock;           // the clock to signal on a change, or null when the engine clocks every block

    SmoothedParam(String name, String unit, double defaultValue, double min, double max, Curve curve,
                  double rampSeconds) {
        if (!(min <= defaultValue && defaultValue <= max)) {
            throw new IllegalArgumentException("param '" + name + "': default " + defaultValue
                    + " outside [" + min + ", " + max + "]");
        }
        if (curve == Curve.EXPONENTIAL && min <= 0) {
            throw new IllegalArgumentException("param '" + name + "': an exponential param needs min > 0");
        }
        this.name = name;
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.defaultValue = defaultValue;
        this.curve = curve;
        this.defaultRampSeconds = rampSeconds;
        this.target = defaultValue;
        this.value = defaultValue;
        this.rampTarget = defaultValue;
    }

    // ------------------------------------------------------------------ control side

    /** Parameter name as shown in the console, e.g. {@code cutoffHz}. */
    public String name() { return name; }
    /** Unit, e.g. {@code Hz}, {@code dB}, {@code s}, or empty. */
    public String unit() { return unit; }
    public double min() { return min; }
    public double max() { return max; }
    public double defaultValue() { return defaultValue; }
    public Curve curve() { return curve; }

    /** The value last asked for (the ramp's destination), not the sounding value. Any thread. */
    public double get() { return target; }

    /** Default ramp time for untimed {@link #set(double)} in seconds (0 = jump). */
    public double smoothingSeconds() { return defaultRampSeconds; }

    /** Sets the default ramp time in seconds. */
    public SmoothedParam smoothingSeconds(double seconds) {
        this.defaultRampSeconds = checkRamp(seconds);
        return this;
    }

    /** Moves to {@code v} over the default smoothing time, from the next block on. */
    @ControlThread
    public void set(double v) { set(v, defaultRampSeconds); }

    /** Moves to {@code v} over {@code rampSeconds} (0 jumps), from the next block on. */
    @ControlThread
    public void set(double v, double rampSeconds) {
        double c = clampChecked(v);
        target = c;
        latest = new Change(c, checkRamp(rampSeconds));
        touchClock();
    }

    /**
     * Starts a ramp to {@code v} at the exact engine sample {@code atSample}. Returns false (and changes
     * nothing) when {@value #TIMED_CAPACITY} timed changes are already waiting, or when the engine's
     * {@link TimedEventChannel} is full ({@link TimedEventChannel#capacity()} events not yet drained). Changes are
     * applied in sample order; one for a sample already past applies at the start of the next block.
     */
    @ControlThread
    public boolean setAt(double v, long atSample, double rampSeconds) {
        if (atSample < 0) throw new IllegalArgumentException("param '" + name + "': atSample must be >= 0");
        double c = clampChecked(v);
        // drained by the audio thread at its next block start (a change for inside the block being rendered
        // right now lands at that block's end at the latest); acceptRt then wakes the clock
        if (!timed.offer(this, SET_AT, 0, atSample, c, checkRamp(rampSeconds))) return false;
        target = c;
        return true;
    }

    /** Jumps to {@code v} now, with no ramp; only for a node that is not yet sounding (control thread). */
    @ControlThread
    public void reset(double v) {
        double c = clampChecked(v);
        target = c;
        value = c;
        rampTarget = c;
        remaining = 0;
        latest = null;
        seen = null;
        timed.clear();
        timedPending = false;
        touchClock();
    }

    /**
     * Engine use: jumps to the last value set, with no ramp, for a node that is about to sound for the first
     * time (so {@code saw(110)} starts at 110 Hz instead of gliding from the default). Control thread only,
     * before the node is in a plan.
     */
    @ControlThread
    public void settle() {
        Change c = latest;
        if (c != null && c != seen) {
            seen = c;
            value = c.value;
            rampTarget = c.value;
            remaining = 0;
        }
        touchClock();
    }

    /** Engine use: the sample rate ramps are measured in. Control thread, before the param sounds. */
    @ControlThread
    public void prepare(double sampleRate) { this.sampleRate = sampleRate; }

    /**
     * Makes room for timed changes now, so {@link #setAtRt} can take them (the audio thread allocates nothing; a
     * {@link #setAt} makes room by itself). Control thread, before the code that calls {@code setAtRt} reaches the
     * audio thread (e.g. when an automation driver is built).
     */
    @ControlThread
    public void reserveTimed() { timed.reserveStorage(); }

    /** Engine use: the channel {@link #setAt} sends through ({@code null}: unbound). Control thread. */
    @ControlThread
    public void bind(TimedEventChannel channel) { timed.bind(channel); }

    /** The channel {@link #setAt} sends through, or {@code null} when unbound. Any thread. */
    public TimedEventChannel channel() { return timed.channel(); }

    /** Engine use: the clock that runs this param from now on ({@link ParamClock}). Control thread. */
    void clock(ParamClock c) { clock = c; }

    private void touchClock() {
        ParamClock c = clock;
        if (c != null) c.touch();
    }

    // ------------------------------------------------------------------ audio side

    /**
     * Takes a timed change from the channel (or, unbound, from {@link #setAt} directly) and wakes the clock, so the
     * next block opens this param even if it rested.
     */
    @Override @AudioThread @RealtimeSafe
    public void acceptRt(int kind, int key, long atSample, double a, double b) {
        if (kind != SET_AT || !timed.addRt(kind, key, atSample, a, b)) return;
        timedPending = true;
        touchClock();
    }

    /**
     * As {@link #setAt}, from the audio thread, for a node that drives this parameter before its owner renders in
     * the same block (an arrangement's automation): a value outside the range is clamped, NaN is ignored. Returns
     * false (and changes nothing) when {@value #TIMED_CAPACITY} timed changes wait, or when no room was made with
     * {@link #reserveTimed} (nor by an earlier {@link #setAt}).
     */
    @AudioThread @RealtimeSafe
    public boolean setAtRt(double v, long atSample, double rampSeconds) {
        if (v != v) return false;
        double c = v < min ? min : v > max ? max : v;
        if (!timed.offerRt(SET_AT, 0, atSample, c, rampSeconds > 0 ? rampSeconds : 0)) return false;
        timedPending = true;
        touchClock();
        return true;
    }

    /** True when no ramp runs and no timed change waits: the value stays put until something is set. */
    @AudioThread @RealtimeSafe
    boolean atRestRt() { return remaining == 0 && !timedPending; }

    /** Engine use: opens a block of {@code frames} samples starting at engine sample {@code start}. */
    @AudioThread @RealtimeSafe
    public void beginBlockRt(long start, int frames) {
        position = start;
        blockEnd = start + frames;
        Change c = latest;
        if (c != seen) {
            seen = c;
            startRamp(c.value, c.rampSeconds);
        }
        applyDue();
    }

    /** Engine use: advances over whatever the node did not consume of the block. */
    @AudioThread @RealtimeSafe
    public void endBlockRt() {
        long left = blockEnd - position;
        if (left <= 0) return;
        if (remaining == 0 && !timedPending) {
            position = blockEnd;           // at rest: nothing to advance
            return;
        }
        advanceRt((int) left);
    }

    /** The value of the next sample, without advancing. */
    @AudioThread @RealtimeSafe
    public double currentRt() { return value; }

    /** True while a ramp runs or a timed change falls inside this block. */
    @AudioThread @RealtimeSafe
    public boolean isSmoothingRt() {
        if (remaining > 0) return true;
        return timedPending && timed.atRt() < blockEnd;
    }

    /** Returns the value of the next sample and advances one sample. */
    @AudioThread @RealtimeSafe
    public double nextRt() {
        double v = value;
        if (remaining == 0 && !timedPending) {
            position++;
            return v;
        }
        advanceRt(1);
        return v;
    }

    /** Advances {@code n} samples (applying timed changes on the way) and returns the value reached. */
    @AudioThread @RealtimeSafe
    public double advanceRt(int n) {
        while (n > 0) {
            int seg = segmentLength(n);
            if (remaining > 0) {
                int k = Math.min(seg, remaining);
                value = curve == Curve.EXPONENTIAL ? value * Math.pow(step, k) : value + step * k;
                remaining -= k;
                if (remaining == 0) value = rampTarget;
            }
            position += seg;
            n -= seg;
            applyDue();
        }
        return value;
    }

    /** Writes the per-sample values of the next {@code n} samples into {@code dst[0..n)} and advances. */
    @AudioThread @RealtimeSafe
    public void fillRt(float[] dst, int n) {
        int i = 0;
        while (i < n) {
            int seg = segmentLength(n - i);
            int end = i + seg;
            if (remaining == 0) {
                float v = (float) value;
                for (int j = i; j < end; j++) dst[j] = v;
            } else {
                int k = Math.min(seg, remaining);
                fillRamp(dst, i, k);
                remaining -= k;
                if (remaining == 0) value = rampTarget;
                float v = (float) value;
                for (int j = i + k; j < end; j++) dst[j] = v;
            }
            position += seg;
            i = end;
            applyDue();
        }
    }

    private void fillRamp(float[] dst, int from, int k) {
        double v0 = value, s = step;
        if (curve == Curve.LINEAR) {
            // four independent accumulators: no loop-carried add chain, so JDK 17 keeps up with 25
            double s4 = 4 * s, a0 = v0, a1 = v0 + s, a2 = v0 + 2 * s, a3 = v0 + 3 * s;
            int j = 0;
            for (; j + 3 < k; j += 4) {
                dst[from + j] = (float) a0;
                dst[from + j + 1] = (float) a1;
                dst[from + j + 2] = (float) a2;
                dst[from + j + 3] = (float) a3;
                a0 += s4; a1 += s4; a2 += s4; a3 += s4;
            }
            for (; j < k; j++) dst[from + j] = (float) (v0 + s * j);
            value = v0 + s * k;
        } else {
            double s2 = s * s, s3 = s2 * s, s4 = s2 * s2;
            double a0 = v0, a1 = v0 * s, a2 = v0 * s2, a3 = v0 * s3;
            int j = 0;
            for (; j + 3 < k; j += 4) {
                dst[from + j] = (float) a0;
                dst[from + j + 1] = (float) a1;
                dst[from + j + 2] = (float) a2;
                dst[from + j + 3] = (float) a3;
                a0 *= s4; a1 *= s4; a2 *= s4; a3 *= s4;
            }
            double a = a0;
            for (; j < k; j++) { dst[from + j] = (float) a; a *= s; }
            value = a;
        }
    }

    /** Samples until the next timed change (at most {@code n}, at least 1). */
    private int segmentLength(int n) {
        if (!timedPending) return n;
        long until = timed.atRt() - position;
        return until <= 0 ? n : (int) Math.min(n, until);
    }

    private void applyDue() {
        if (!timedPending) return;
        while (timed.atRt() <= position) {
            double to = timed.aRt(), seconds = timed.bRt();
            timed.removeRt();
            startRamp(to, seconds);
        }
        if (timed.isEmptyRt()) timedPending = false;
    }

    private void startRamp(double to, double seconds) {
        int n = (int) Math.round(seconds * sampleRate);
        rampTarget = to;
        if (n <= 0 || to == value) {
            value = to;
            remaining = 0;
            return;
        }
        remaining = n;
        if (curve == Curve.EXPONENTIAL) {
            step = Math.pow(to / value, 1.0 / n);
        } else {
            step = (to - value) / n;
        }
    }

    // ------------------------------------------------------------------ helpers

    private double clampChecked(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("param '" + name + "': value must be a finite number, was " + v);
        }
        return Math.max(min, Math.min(max, v));
    }

    private double checkRamp(double seconds) {
        if (!(seconds >= 0) || seconds > 600) {
            throw new IllegalArgumentException("param '" + name + "': ramp must be 0..600 s, was " + seconds);
        }
        return seconds;
    }

    @Override public String toString() {
        return name + "=" + target + (unit.isEmpty() ? "" : " " + unit) + " [" + min + ".." + max + "]";
    }

    /** An immutable change request, made on a control thread and only read on the audio thread. */
    private record Change(double value, double rampSeconds) {}
}
