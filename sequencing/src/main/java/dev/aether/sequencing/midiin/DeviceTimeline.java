package dev.aether.sequencing.midiin;

/**
 * Thread-safe (its methods serialise on the object; meant for the one thread a MIDI device delivers on). Maps a MIDI
 * event's device timestamp (microseconds, on the device's own clock, or the arrival time when the device gives none)
 * to the engine sample it plays at: {@code anchorSample + round((timestamp - anchorMicros) * rate / 1e6)}. The anchor
 * is taken from the first event: it lands {@link #latencySamples()} after the engine's position then. So events keep
 * their spacing to the sample, and every event plays a fixed, stated latency after the device said it happened.
 *
 * <p>When an event would land before {@code now} (it came later than the latency allows: a stalled device thread, a
 * device clock slower than the audio clock) or more than {@code latency + slack} after it (a device clock running
 * ahead, a jump in timestamps), the timeline re-anchors on it and counts that. Between re-anchors there is no jitter
 * of its own: it adds none to the device's timestamps. Stamps never go backwards (a re-anchor never stamps an event
 * before one already stamped), so events play in the order the device sent them and the last value sent wins.
 * When {@value #DRIFT_EVENTS} events in a row all land more than 3 ms past {@code now + latency} (the engine lost
 * time in an xrun, or the device clock runs fast, by less than the slack), the anchor moves back by the smallest of
 * those excesses, a sixteenth of each gap between events at a time (so no two events change order or merge, and
 * the rhythm is bent by at most 1/16 while it catches up); each such correction is counted.
 *
 * <p>Arrival statistics: for every event, {@code stamped - (now + latency)} in samples, where {@code now} is the
 * engine's position when the event arrived. Its spread is how much the arrival path (driver block, thread wake-up)
 * moves relative to the timestamps; {@link #stats()} reports it.
 */
public final class DeviceTimeline {
    private final int sampleRate;
    private final long slackSamples;
    private long latencySamples;
    private boolean anchored;
    private long anchorMicros, anchorSample;
    private long lastSample = Long.MIN_VALUE;
    /** Events per drift check, and how far above {@code now + latency} all of them may land before the anchor moves. */
    static final int DRIFT_EVENTS = 32;
    private final long driftSamples;
    private long windowMin = Long.MAX_VALUE;
    private int windowCount;
    private long drifts;
    private long correction;                               // samples still to pull the anchor back by
    private long events, reanchors, late;
    private long minDev = Long.MAX_VALUE, maxDev = Long.MIN_VALUE;
    private double sumDev, sumDev2;

    /**
     * @param sampleRate     engine rate, Hz
     * @param latencySeconds the fixed latency from timestamp to sound, 0.0005..1 s
     * @param slackSeconds   how far past {@code now + latency} an event may land before the timeline re-anchors (0 or more s)
     */
    public DeviceTimeline(int sampleRate, double latencySeconds, double slackSeconds) {
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be above 0 Hz, was " + sampleRate);
        if (!(slackSeconds >= 0 && slackSeconds <= 10)) throw new IllegalArgumentException("slack must be 0..10 s, was " + slackSeconds);
        this.sampleRate = sampleRate;
        this.slackSamples = Math.round(slackSeconds * sampleRate);
        this.driftSamples = Math.round(0.003 * sampleRate);
        latencySeconds(latencySeconds);
    }

    /** Sets the latency (0.0005..1 s) and re-anchors on the next event. */
    public synchronized void latencySeconds(double seconds) {
        if (!(seconds >= 0.0005 && seconds <= 1)) {
            throw new IllegalArgumentException("MIDI latency must be 0.5..1000 ms, was " + seconds * 1000 + " ms");
        }
        latencySamples = Math.round(seconds * sampleRate);
        anchored = false;
    }

    public synchronized long latencySamples() { return latencySamples; }

    public synchronized double latencySeconds() { return latencySamples / (double) sampleRate; }

    /** Forgets the anchor (the next event sets it again), e.g. when the device changes. Statistics stay. */
    public synchronized void reanchor() { anchored = false; }

    /**
     * The engine sample an event stamped {@code timestampMicros} plays at, given that the engine renders sample
     * {@code nowSample} now.
     */
    public synchronized long sampleOf(long timestampMicros, long nowSample) {
        long target = nowSample + latencySamples;
        long s = anchored ? anchorSample + Math.round((timestampMicros - anchorMicros) * (double) sampleRate / 1e6) : target;
        if (!anchored || s < nowSample || s > target + slackSamples) {
            if (anchored) {
                reanchors++;
                if (s < nowSample) late++;
            }
            anchored = true;
            correction = 0;
            windowMin = Long.MAX_VALUE;
            windowCount = 0;
            anchorMicros = timestampMicros;
            anchorSample = Math.max(target, lastSample);     // never before an event already stamped
            s = anchorSample;
        }
        if (correction > 0 && lastSample != Long.MIN_VALUE && s > lastSample) {
            long step = Math.min(correction, (s - lastSample) / 16);   // shorten each gap by at most 1/16
            anchorSample -= step;
            s -= step;
            correction -= step;
        }
        if (s < lastSample) s = lastSample;                   // device order is kept: the last value sent wins
        lastSample = s;
        long dev = s - target;
        windowMin = Math.min(windowMin, dev);
        if (++windowCount == DRIFT_EVENTS) {
            // every event of the window landed more than 3 ms past now + latency: the engine lost time (an xrun) or
            // the device clock runs fast; pull the anchor back by the smallest excess, gap by gap, so the latency
            // returns to what it says without two events ever changing order or landing together
            if (windowMin > driftSamples) {
                correction = windowMin;
                drifts++;
            }
            windowMin = Long.MAX_VALUE;
            windowCount = 0;
        }
        events++;
        minDev = Math.min(minDev, dev);
        maxDev = Math.max(maxDev, dev);
        sumDev += dev;
        sumDev2 += (double) dev * dev;
        return s;
    }

    /**
     * The engine sample (fractional) of a time on the device clock by the current anchor, without counting it or
     * re-anchoring; NaN before the first event.
     */
    public synchronized double mapped(double micros) {
        return anchored ? anchorSample + (micros - anchorMicros) * sampleRate / 1e6 : Double.NaN;
    }

    public int sampleRate() { return sampleRate; }

    /** Events mapped, re-anchors (and how many of them for a late event), and the arrival spread. */
    public synchronized Stats stats() {
        double mean = events == 0 ? 0 : sumDev / events;
        double sd = events < 2 ? 0 : Math.sqrt(Math.max(0, (sumDev2 - events * mean * mean) / (events - 1)));
        return new Stats(events, reanchors, late, drifts, latencySamples / (double) sampleRate * 1000,
                events == 0 ? 0 : minDev * 1000.0 / sampleRate, events == 0 ? 0 : maxDev * 1000.0 / sampleRate,
                sd * 1000 / sampleRate);
    }

    /** Clears the statistics. */
    public synchronized void clearStats() {
        events = reanchors = late = drifts = 0;
        minDev = Long.MAX_VALUE;
        maxDev = Long.MIN_VALUE;
        sumDev = sumDev2 = 0;
    }

    /**
     * @param events         events mapped
     * @param reanchors      times the timeline re-anchored after the first
     * @param late           re-anchors for an event that came too late to keep its spacing
     * @param drifts         times the anchor moved back because 32 events in a row landed over 3 ms past now + latency
     * @param latencyMillis  the stated latency
     * @param minArrivalMillis smallest {@code stamped - (now + latency)}, ms (0 or less: an event that arrived late in its span)
     * @param maxArrivalMillis largest, ms
     * @param sdArrivalMillis  standard deviation, ms
     */
    public record Stats(long events, long reanchors, long late, long drifts, double latencyMillis, double minArrivalMillis,
                        double maxArrivalMillis, double sdArrivalMillis) {
        @Override public String toString() {
            return String.format(java.util.Locale.ROOT, "latency %.1f ms; %d events, arrival vs timestamp %+.2f..%+.2f ms"
                    + " (sd %.2f ms); %d re-anchored (%d late), %d drift corrections", latencyMillis, events, minArrivalMillis,
                    maxArrivalMillis, sdArrivalMillis, reanchors, late, drifts);
        }
    }
}
