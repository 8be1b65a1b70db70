package dev.aether.stress.time;

import dev.aether.core.time.PendingEvents;
import dev.aether.core.time.TimedEventChannel;
import dev.aether.core.time.TimedTarget;

/**
 * The timed events of one stress case and what the consumer saw of them. Producer {@code p}'s event {@code k} is
 * event {@code e = p * perProducer + k}; every field is derived from {@code e} ({@link #kind}, {@link #key},
 * {@link #at}, {@link #a}, {@link #b}) and it goes to target {@code e % targets}, so a delivered event whose fields
 * are not all from one offer is caught. Before offering, the producer writes {@code e + 1} into a plain array that
 * the receiving side reads: the channel's visibility guarantee. Producers only call the {@code offer} methods (or
 * {@link #prepare} and {@link #offered}), each for its own events; {@link #received} belongs to the one consumer;
 * the verdicts to the arbiter.
 */
final class Events {
    /** Verdicts, as the tests' outcomes name them. */
    static final int OK = 0, LOST = 1, DUPLICATED = 2, REORDERED = 3, TORN = 4, PHANTOM = 5,
            REFUSED = 6, OVERFILLED = 7, OVERFLOW = 8, LEAK = 9;

    private final int perProducer, n;
    private final boolean oneSample;
    private final Recorder[] recorders;
    private final int[] written;          // producer: e + 1 before offering e (plain); read where e arrives
    private final boolean[] accepted;     // producer of e: what its offer returned; read by the arbiter only
    private final int[] got;              // consumer: events in the order received (room for duplicates)
    private int count;
    private boolean torn, overrun;

    /**
     * Events of {@code producers} producers, {@code perProducer} each, spread over {@code targets} recording
     * targets; {@code oneSample}: every event at sample 500 (so a {@link PendingEvents} keeps them in arrival order)
     * instead of a sample derived from the event.
     */
    Events(int producers, int perProducer, int targets, boolean oneSample) {
        this.perProducer = perProducer;
        this.n = producers * perProducer;
        this.oneSample = oneSample;
        this.recorders = new Recorder[targets];
        for (int t = 0; t < targets; t++) recorders[t] = new Recorder(t);
        this.written = new int[n];
        this.accepted = new boolean[n];
        this.got = new int[2 * n];
    }

    int event(int p, int k) { return p * perProducer + k; }
    static int kind(int e) { return e + 1; }
    static int key(int e) { return 1_000 + 7 * e; }
    long at(int e) { return oneSample ? 500 : ((long) (e + 1) << 32) | (e + 3); }   // both halves of the long vary
    static double a(int e) { return e + 0.25; }
    static double b(int e) { return -1.5 * (e + 1); }

    /** The recording target of events {@code e} with {@code e % targets == t}. */
    TimedTarget target(int t) { return recorders[t]; }

    /** Producer {@code p} offers its event {@code k} on {@code c} to the event's recording target; what offer said. */
    boolean offer(TimedEventChannel c, int p, int k) {
        int e = prepare(p, k);
        return offered(e, c.offer(recorders[e % recorders.length], kind(e), key(e), at(e), a(e), b(e)));
    }

    /** Producer {@code p} offers its event {@code k} through {@code list} (the list of {@code owner}); what offer said. */
    boolean offer(PendingEvents list, TimedTarget owner, int p, int k) {
        int e = prepare(p, k);
        return offered(e, list.offer(owner, kind(e), key(e), at(e), a(e), b(e)));
    }

    /** Producer {@code p}, before offering its event {@code k} some other way: the write the receiver checks; e. */
    int prepare(int p, int k) {
        int e = event(p, k);
        written[e] = e + 1;
        return e;
    }

    /** Producer of {@code e}: notes what its offer returned; returns it. */
    boolean offered(int e, boolean ok) {
        accepted[e] |= ok;
        return ok;
    }

    /** Consumer: target {@code t} got an event; checks its fields at once and records it. */
    void received(int t, int kind, int key, long atSample, double a, double b) {
        int e = kind - 1;
        if (e < 0 || e >= n || key != key(e) || atSample != at(e) || a != a(e) || b != b(e)
                || t != e % recorders.length || written[e] != e + 1) {
            torn = true;
            return;
        }
        if (count == got.length) overrun = true;
        else got[count++] = e;
    }

    /** Events received so far (consumer). */
    int count() { return count; }

    /** How many of producer {@code p}'s offers returned true (arbiter). */
    int accepted(int p) {
        int a = 0;
        for (int k = 0; k < perProducer; k++) if (accepted[event(p, k)]) a++;
        return a;
    }

    /**
     * Over everything received (arbiter): complete fields, none twice, none refused, every accepted one, each
     * producer's in the order offered.
     */
    int verdict() {
        if (torn) return TORN;
        if (overrun) return DUPLICATED;
        int[] times = new int[n];
        int[] position = new int[n];
        for (int i = 0; i < count; i++) {
            times[got[i]]++;
            position[got[i]] = i;
        }
        for (int t : times) if (t > 1) return DUPLICATED;
        for (int e = 0; e < n; e++) if (times[e] > 0 && !accepted[e]) return PHANTOM;
        for (int e = 0; e < n; e++) if (times[e] == 0 && accepted[e]) return LOST;
        for (int p = 0; p < n / perProducer; p++) {
            int last = -1;
            for (int k = 0; k < perProducer; k++) {
                int e = event(p, k);
                if (times[e] == 0) continue;
                if (position[e] < last) return REORDERED;
                last = position[e];
            }
        }
        return OK;
    }

    /** A target that records what it takes (on the consumer thread). */
    private final class Recorder implements TimedTarget {
        private final int id;

        Recorder(int id) { this.id = id; }

        @Override
        public void acceptRt(int kind, int key, long atSample, double a, double b) { received(id, kind, key, atSample, a, b); }
    }
}
