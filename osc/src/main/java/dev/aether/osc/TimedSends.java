package dev.aether.osc;

import dev.aether.core.param.SmoothedParam;
import dev.aether.core.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Confined to the OSC thread. Parameter moves on their way to the timed-event channel: each goes out at once
 * ({@link SmoothedParam#setAt}); one a full queue refuses waits here, newest value per parameter, and is offered
 * again by {@link #retry} (the server calls it every millisecond while something waits). While a parameter has a
 * move waiting, later moves of it replace the waiting one instead of overtaking it, so the value sent last is the
 * value that sounds last.
 */
final class TimedSends {
    private static final class Waiting {
        double value, rampSeconds;
        long atSample;
    }

    private final Clock clock;
    private final OscCounters counters;
    private final Map<SmoothedParam, Waiting> waiting = new LinkedHashMap<>();

    TimedSends(Clock clock, OscCounters counters) {
        this.clock = clock;
        this.counters = counters;
    }

    /** Moves {@code p} to {@code value} over {@code rampSeconds} from engine sample {@code atSample}. */
    void set(SmoothedParam p, double value, long atSample, double rampSeconds) {
        Waiting w = waiting.get(p);
        if (w == null) {
            if (p.setAt(value, atSample, rampSeconds)) return;
            w = new Waiting();
            waiting.put(p, w);
            counters.retried.incrementAndGet();
        }
        w.value = value;
        w.rampSeconds = rampSeconds;
        w.atSample = Math.max(w.atSample, atSample);
    }

    /** True when a move waits for room. */
    boolean pending() { return !waiting.isEmpty(); }

    /** Offers every waiting move again (a past sample applies at the next block's start). */
    void retry() {
        for (Iterator<Map.Entry<SmoothedParam, Waiting>> it = waiting.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<SmoothedParam, Waiting> e = it.next();
            Waiting w = e.getValue();
            if (e.getKey().setAt(w.value, Math.max(0, w.atSample), w.rampSeconds)) it.remove();
        }
    }

    /** The engine sample an untimed message applies at: the one being rendered (so: the next block's start). */
    long now() { return Math.max(0, clock.position()); }
}
