package dev.aether.core.time;

import dev.aether.core.AudioThread;
import dev.aether.core.RealtimeSafe;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The one timed-event channel to the audio thread: a bounded, pre-allocated, lock-free many-producer /
 * single-consumer queue of events stamped with an engine sample. {@link #offer} is for any thread;
 * {@link #drainRt} is confined to the consumer (the audio thread of the engine that owns the channel).
 *
 * <p>An event is a {@link TimedTarget} plus {@code kind}, {@code key}, {@code atSample}, {@code a}, {@code b}
 * copied into pre-allocated slots (parallel arrays): neither side allocates. Once per block the consumer hands
 * every published event to its target ({@link TimedTarget#acceptRt}); the target keeps it, ordered by sample, until
 * the block that holds its sample, and splits its processing there. So the channel itself only moves events from
 * threads to targets; ordering by sample is the target's ({@link PendingEvents}).
 *
 * <p>Algorithm: D. Vyukov's bounded queue. Slot {@code i} carries a sequence number; a producer claims position
 * {@code p} by a CAS on the tail when slot {@code p & mask} has sequence {@code p}, writes the event and publishes it
 * with a release store of {@code p + 1}; the consumer at head {@code h} reads the slot when its sequence (acquire
 * load) is {@code h + 1}, then frees it with a release store of {@code h + capacity}.
 *
 * <h2>Concurrency contract (what the jcstress tests check)</h2>
 * <ul>
 * <li><b>Threads.</b> Any number of threads may call {@link #offer} concurrently. At most one thread at a time calls
 *     {@link #drainRt} (the audio thread, or the thread that renders while no driver runs; a hand-over between
 *     them needs a happens-before edge, as the engine's start/stop gives).</li>
 * <li><b>No loss, no duplicates.</b> Every event whose {@code offer} returned {@code true} is handed to its target by
 *     exactly one {@code drainRt}, once; an event whose {@code offer} returned {@code false} is never handed over.</li>
 * <li><b>No tearing.</b> The target receives exactly the five values of one {@code offer} call (never a mix of two
 *     events, never a default value for a published event).</li>
 * <li><b>Order.</b> Events of one producer thread are handed over in the order of its {@code offer} calls. Events
 *     of different producers are handed over in the order they claimed slots (a total order consistent with each
 *     producer's program order).</li>
 * <li><b>Visibility.</b> Writes a producer made before a successful {@code offer} are visible to the target when
 *     its {@code acceptRt} runs for that event.</li>
 * <li><b>Progress.</b> {@code offer} is lock-free and never blocks: it returns {@code false} only when the slot it
 *     would take still holds an event not yet drained, i.e. {@link #capacity()} events were waiting.
 *     {@code drainRt} never blocks or spins: it stops at the first slot that is not published yet (a producer
 *     between claim and publish holds back the events claimed after it until a later drain) and after
 *     {@link #capacity()} events, so its work per call is bounded.</li>
 * <li><b>Promptness.</b> An event whose {@code offer} returned before {@code drainRt} started, and that every
 *     earlier-claimed event was published before, is handed over by that drain (unless the drain hit its bound).</li>
 * </ul>
 */
public final class TimedEventChannel {
    /** Capacity of an engine's channel: events in flight between two blocks, across all targets. */
    public static final int DEFAULT_CAPACITY = 8192;

    private static final VarHandle SEQUENCE = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle TAIL = Literals.tail();

    private final int capacity;
    private final int mask;
    private final long[] sequence;
    private final TimedTarget[] targets;
    private final int[] kinds;
    private final int[] keys;
    private final long[] times;
    private final double[] as;
    private final double[] bs;
    private final String refusal;                      // non-null: a channel that takes no events (see refusing)

    @SuppressWarnings("unused") private long p01, p02, p03, p04, p05, p06, p07;    // keep tail off head's line
    private volatile long tail;                        // next position to claim (producers, CAS)
    @SuppressWarnings("unused") private long p11, p12, p13, p14, p15, p16, p17;
    private long head;                                 // next position to read (consumer only)

    /** A channel of {@code capacity} slots (rounded up to a power of two, at least 2). */
    public TimedEventChannel(int capacity) { this(capacity, null); }

    /**
     * A channel that takes no events: {@link #offer} and {@link #checkOpen} throw {@link IllegalStateException} with
     * {@code reason}. Bound to a node taken out of its engine, so a handle kept to it says why instead of queueing
     * events that nothing plays. Any thread.
     */
    public static TimedEventChannel refusing(String reason) {
        return new TimedEventChannel(2, java.util.Objects.requireNonNull(reason));
    }

    private TimedEventChannel(int capacity, String refusal) {
        this.refusal = refusal;
        if (capacity < 1 || capacity > (1 << 24)) throw Literals.badCapacity(capacity);
        int c = Math.max(2, Integer.highestOneBit(capacity - 1) << 1);
        if (c < capacity) c <<= 1;
        this.capacity = c;
        this.mask = c - 1;
        sequence = new long[c];
        for (int i = 0; i < c; i++) sequence[i] = i;
        targets = new TimedTarget[c];
        kinds = new int[c];
        keys = new int[c];
        times = new long[c];
        as = new double[c];
        bs = new double[c];
    }

    /** Throws {@link IllegalStateException} with the reason when this is a {@link #refusing} channel. Any thread. */
    public void checkOpen() {
        if (refusal != null) throw Literals.refused(refusal);
    }

    /** Slots: the most events that can wait between two drains. */
    public int capacity() { return capacity; }

    /**
     * Sends one event to {@code target}, to apply at engine sample {@code atSample}. Any thread; lock-free, never
     * blocks, allocates nothing. Returns {@code false} (and sends nothing) when {@link #capacity()} events are
     * already waiting for the consumer.
     */
    public boolean offer(TimedTarget target, int kind, int key, long atSample, double a, double b) {
        if (target == null) throw Literals.noTarget();
        checkOpen();
        long pos = (long) TAIL.getVolatile(this);
        int i;
        for (;;) {
            i = (int) pos & mask;
            long seq = (long) SEQUENCE.getAcquire(sequence, i);
            long dif = seq - pos;
            if (dif == 0) {
                if (TAIL.compareAndSet(this, pos, pos + 1)) break;
                pos = (long) TAIL.getVolatile(this);
            } else if (dif < 0) {
                return false;                           // the slot still holds an event one lap old: full
            } else {
                pos = (long) TAIL.getVolatile(this);    // another producer took this position
            }
        }
        targets[i] = target;
        kinds[i] = kind;
        keys[i] = key;
        times[i] = atSample;
        as[i] = a;
        bs[i] = b;
        SEQUENCE.setRelease(sequence, i, pos + 1);
        return true;
    }

    /**
     * Hands every published event (at most {@link #capacity()}) to its target, in slot order, and returns how many.
     * Confined to the consumer thread; allocates nothing, never blocks.
     */
    @AudioThread @RealtimeSafe
    public int drainRt() {
        int n = 0;
        long h = head;
        while (n < capacity) {
            int i = (int) h & mask;
            if ((long) SEQUENCE.getAcquire(sequence, i) != h + 1) break;
            TimedTarget t = targets[i];
            int kind = kinds[i], key = keys[i];
            long at = times[i];
            double a = as[i], b = bs[i];
            targets[i] = null;                          // no reference kept to a removed node
            SEQUENCE.setRelease(sequence, i, h + capacity);
            head = ++h;
            n++;
            t.acceptRt(kind, key, at, a, b);
        }
        return n;
    }

    /** Events offered and not yet drained (a snapshot; exact only while no thread offers or drains). Any thread. */
    public int size() {
        long t = (long) TAIL.getVolatile(this);
        long h = head;
        long s = t - h;
        return s < 0 ? 0 : (int) Math.min(s, capacity);
    }

    /**
     * Every string constant of the channel. When the audio thread asks C2 to compile {@link #drainRt}, HotSpot
     * resolves the string constants of the method's class on that thread (an allocation charged to it; see
     * docs/realtime.md), so the channel's own class holds none.
     */
    private static final class Literals {
        static VarHandle tail() {
            try {
                return MethodHandles.lookup()
                        .findVarHandle(TimedEventChannel.class, "tail", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        static IllegalArgumentException badCapacity(int capacity) {
            return new IllegalArgumentException("capacity must be 1..16777216 events, was " + capacity);
        }

        static IllegalStateException refused(String reason) {
            return new IllegalStateException(reason);
        }

        static NullPointerException noTarget() {
            return new NullPointerException("a timed event needs a target");
        }
    }
}
