package dev.aether.sequencing.midiin;

/**
 * Confined to one thread (the MIDI device's). Follows an incoming MIDI clock: 24 ticks per quarter note, start,
 * stop, continue and song position. Tempo is a least-squares line through the times of the last ticks (up to
 * {@code window}; 192 = 8 beats by default), so one tick's jitter moves it little; the line's value at the newest
 * tick is that tick's phase-locked time. A tempo change is detected when the mean of the last
 * {@value #CHANGE_TICKS} ticks' prediction errors exceeds {@value #CHANGE_SIGMAS} standard errors of that mean (from
 * the line's own residuals, at least {@value #MIN_SIGMA_MICROS} us); the window then restarts from those ticks, so a
 * change is followed within a few ticks and a steady clock is smoothed over the whole window. A gap of more than
 * four tick periods (the clock stopped sending) restarts the line.
 *
 * <p>Position follows the MIDI rules: Start sets it to 0 and runs; each tick while running is at the position and
 * then advances it by one tick (1/24 beat); Stop holds it; Continue runs on from it; Song Position (in sixteenths,
 * 6 ticks each) moves it while stopped. The {@link Listener} hears each of these as it happens.
 */
public final class MidiClockFollower {
    /** Ticks per quarter note of a MIDI clock. */
    public static final int PPQN = 24;
    static final int CHANGE_TICKS = 12;
    static final double CHANGE_SIGMAS = 5;
    static final double MIN_SIGMA_MICROS = 50;

    /** What a follower reports; called on the thread that feeds it. */
    public interface Listener {
        /** Start: position 0, running. {@code micros} is the message's time. */
        default void started(long micros) {}
        /** Stop: position held at {@code positionTicks}. */
        default void stopped(long micros, long positionTicks) {}
        /** Continue from {@code positionTicks}. */
        default void continued(long micros, long positionTicks) {}
        /** Song position moved to {@code positionTicks} (while stopped). */
        default void positioned(long positionTicks) {}
        /**
         * A tick: at {@code positionTicks} (meaningful while {@code running}), its phase-locked time
         * {@code lockedMicros} and the tempo now ({@code bpm}, 0 until {@link #MIN_TICKS} ticks came).
         */
        default void ticked(long positionTicks, double lockedMicros, double bpm, boolean running) {}
    }

    /** Ticks needed before a tempo is reported. */
    public static final int MIN_TICKS = 6;

    private final int window;
    private final double[] times;                  // ring of tick times, micros relative to origin
    private final Listener listener;
    private long count;                            // ticks in the current line
    private long origin;                           // micros of the line's first tick
    private double slope, intercept, sigma;        // the line: t = intercept + slope * k (k from the line's start)
    private boolean fitted;
    private final double[] residuals = new double[CHANGE_TICKS];
    private int residualsSeen;                     // prediction errors recorded since the line (re)started
    private long lastMicros = Long.MIN_VALUE;
    private long position;
    private boolean running;
    private long changes;

    /** A follower that smooths over the last {@code window} ticks (24..4096) and reports to {@code listener}. */
    public MidiClockFollower(int window, Listener listener) {
        if (window < 2 * CHANGE_TICKS || window > 4096) throw new IllegalArgumentException("window must be 24..4096 ticks, was " + window);
        this.window = window;
        this.times = new double[window];
        this.listener = listener == null ? new Listener() {} : listener;
    }

    /** A follower over 192 ticks (8 beats). */
    public MidiClockFollower(Listener listener) { this(192, listener); }

    /** Feeds one system real-time or common message by its status byte (0xF8 tick, 0xFA start, 0xFB continue, 0xFC stop). */
    public boolean realtime(int status, long micros) {
        switch (status) {
            case 0xF8 -> tick(micros);
            case 0xFA -> start(micros);
            case 0xFB -> resume(micros);
            case 0xFC -> stop(micros);
            default -> { return false; }
        }
        return true;
    }

    /** Start (0xFA): position 0, running; the next tick is at 0. */
    public void start(long micros) {
        position = 0;
        running = true;
        listener.started(micros);
    }

    /** Stop (0xFC): the position holds. */
    public void stop(long micros) {
        running = false;
        listener.stopped(micros, position);
    }

    /** Continue (0xFB): runs on from the held position. */
    public void resume(long micros) {
        running = true;
        listener.continued(micros, position);
    }

    /** Song Position Pointer (0xF2) in sixteenth notes (0..16383); only while stopped, as MIDI says. */
    public void songPosition(int sixteenths) {
        if (sixteenths < 0 || sixteenths > 16383) throw new IllegalArgumentException("song position is 0..16383 sixteenths, was " + sixteenths);
        if (running) return;
        position = sixteenths * 6L;
        listener.positioned(position);
    }

    /** Timing clock (0xF8) at {@code micros}. */
    public void tick(long micros) {
        if (count > 0 && fitted && micros - lastMicros > 4 * slope) count = 0;        // the clock paused: restart
        if (count == 0) {
            origin = micros;
            residualsSeen = 0;
        }
        double t = micros - origin;
        if (fitted && count >= 2L * CHANGE_TICKS) {
            double predicted = intercept + slope * count;
            residuals[(int) (count % CHANGE_TICKS)] = t - predicted;
            residualsSeen++;
        }
        if (fitted && residualsSeen >= CHANGE_TICKS) {
            double mean = 0;
            for (double r : residuals) mean += r;
            mean /= CHANGE_TICKS;
            double se = Math.max(sigma, MIN_SIGMA_MICROS) / Math.sqrt(CHANGE_TICKS);
            if (Math.abs(mean) > CHANGE_SIGMAS * se) restartFromRecent(t);
        }
        times[(int) (count % window)] = t;
        count++;
        lastMicros = micros;
        fit();
        long at = position;
        if (running) position++;
        listener.ticked(at, origin + intercept + slope * (count - 1), bpm(), running);
    }

    /** Keeps only the last {@value #CHANGE_TICKS} ticks (the new tempo's) before {@code t} joins them. */
    private void restartFromRecent(double t) {
        int keep = CHANGE_TICKS - 1;
        double[] recent = new double[keep];
        for (int i = 0; i < keep; i++) recent[i] = times[(int) ((count - keep + i) % window)];
        count = keep;
        for (int i = 0; i < keep; i++) times[i] = recent[i];
        residualsSeen = 0;
        changes++;
    }

    private void fit() {
        int n = (int) Math.min(count, window);
        if (n < 2) {
            fitted = false;
            return;
        }
        long first = count - n;
        double sx = 0, sy = 0;
        for (long k = first; k < count; k++) {
            sx += k;
            sy += times[(int) (k % window)];
        }
        double mx = sx / n, my = sy / n, sxx = 0, sxy = 0;
        for (long k = first; k < count; k++) {
            double dx = k - mx;
            sxx += dx * dx;
            sxy += dx * (times[(int) (k % window)] - my);
        }
        slope = sxy / sxx;
        intercept = my - slope * mx;
        double ss = 0;
        for (long k = first; k < count; k++) {
            double r = times[(int) (k % window)] - (intercept + slope * k);
            ss += r * r;
        }
        sigma = n > 2 ? Math.sqrt(ss / (n - 2)) : 0;
        fitted = n >= MIN_TICKS;
    }

    /** The tempo, BPM (0 until {@link #MIN_TICKS} ticks of one line came). */
    public double bpm() { return fitted && slope > 0 ? 60e6 / (PPQN * slope) : 0; }

    /** The position in ticks the next tick will be at (while running). */
    public long positionTicks() { return position; }

    public boolean running() { return running; }

    /** How often a tempo change restarted the line. */
    public long tempoChanges() { return changes; }

    /** The standard deviation of the ticks about the line, us (the incoming clock's jitter as seen). */
    public double jitterMicros() { return sigma; }
}
