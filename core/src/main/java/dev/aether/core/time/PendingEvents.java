package dev.aether.core.time;

import dev.aether.core.AudioThread;
import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One target's timed events, ordered by sample, and its way to the {@link TimedEventChannel}. Producer side
 * ({@link #offer}, {@link #bind}, {@link #clear}) for control threads; the {@code Rt} side is confined to the
 * thread that runs the target (the audio thread).
 *
 * <p><b>Capacity.</b> A target holds at most {@link #capacity()} events, counted from the moment they are offered
 * (in the channel or already here) until the target removes them ({@link #removeRt}); {@link #offer} returns
 * {@code false} beyond that, so the pre-allocated list never overflows on the audio thread.
 *
 * <p><b>Order.</b> Events are kept sorted by {@code atSample}; events with the same sample keep the order they
 * arrived in. An event for a sample before the current block applies at the block's start (a late event, or an
 * untimed one sent with {@code atSample = -1}).
 *
 * <p><b>Binding.</b> A bound target sends through its channel (lock-free). An unbound one (a node not added to an
 * engine, run by {@code NodeRunner} or a test harness, or not run at all yet) hands the event straight to its
 * target under this object's monitor: correct when the thread that runs the target is the producer itself, or
 * runs it only after a happens-before edge (adding the node to an engine; a plan swap). Events offered before
 * binding stay and apply from the first block, as if they had gone through the channel. A node that runs on
 * another thread must therefore be bound, which the engine does when the node is added or swapped in.
 *
 * <p><b>Concurrency contract</b> (with {@link TimedEventChannel}'s): any number of threads may {@link #offer}; one
 * thread at a time runs the {@code Rt} methods. The count of events offered and not yet removed never exceeds
 * {@link #capacity()} (a CAS on it before the channel offer; given back when the channel refuses or
 * {@link #removeRt} takes one), so {@link #addRt} through {@code offer} never finds the list full. An offer that
 * returned {@code true} is removed exactly once (or forgotten by {@link #clear}); one that returned {@code false} changed nothing.
 */
public final class PendingEvents {
    private static final VarHandle RESERVED = Literals.reserved();

    private final int capacity;
    private final int mask;
    /** The events' storage; null until first needed in a {@link #growing} list. Written once, control thread. */
    private volatile Storage storage;
    private volatile int reserved;                 // offered and not yet removed (producers +1, consumer -1)
    private volatile TimedEventChannel channel;    // null: unbound

    // ---- thread that runs the target ----
    private int head;
    private int size;

    /** A list for {@code capacity} events (rounded up to a power of two), its storage allocated now. */
    public PendingEvents(int capacity) { this(capacity, true); }

    private PendingEvents(int capacity, boolean allocate) {
        if (capacity < 1 || capacity > (1 << 20)) throw Literals.badCapacity(capacity);
        int c = Integer.highestOneBit(capacity);
        if (c < capacity) c <<= 1;
        this.capacity = capacity;
        this.mask = c - 1;
        if (allocate) storage = new Storage(c);
    }

    /**
     * A list for {@code capacity} events whose storage grows from none to the full capacity when first needed: at the
     * first {@link #offer} or {@link #reserveStorage} (control thread, never on the audio thread). For targets that
     * most instances never send timed events to (a parameter, a gate): a patch of thousands of them keeps no event
     * arrays, so the nodes' audio-thread state stays close together in memory. Until then {@link #offerRt} refuses
     * (call {@link #reserveStorage} first) and the {@code Rt} readers see an empty list.
     */
    public static PendingEvents growing(int capacity) { return new PendingEvents(capacity, false); }

    /** The most events this target holds at once. */
    public int capacity() { return capacity; }

    /** True once the storage exists (always for a list made by the constructor). Any thread. */
    public boolean hasStorage() { return storage != null; }

    /**
     * Allocates the storage of a {@link #growing} list now unless it exists: needed before {@link #offerRt} is used
     * (the audio thread never allocates). Control thread, before the audio thread may call {@code offerRt} (hand the
     * caller over after this returns, e.g. in a plan swap or through the command ring).
     */
    @ControlThread
    public synchronized void reserveStorage() {
        if (storage == null) storage = new Storage(mask + 1);
    }

    // ------------------------------------------------------------------ producer side

    /** Binds to {@code c} ({@code null}: unbound). Control thread, before the target runs on another thread. */
    @ControlThread
    public synchronized void bind(TimedEventChannel c) { channel = c; }

    /** The channel events go through, or {@code null} when unbound. Any thread. */
    public TimedEventChannel channel() { return channel; }

    /**
     * Sends an event for {@code target} (the owner of this list), to apply at engine sample {@code atSample}. Any
     * thread; lock-free while bound. Returns {@code false} and sends nothing when {@link #capacity()} events for this
     * target wait, or when the channel is full.
     */
    public boolean offer(TimedTarget target, int kind, int key, long atSample, double a, double b) {
        TimedEventChannel bound = channel;
        if (bound != null) bound.checkOpen();           // a refusing channel throws before anything is reserved
        if (storage == null) reserveStorage();          // published before the event: the channel's hand-off orders it
        if (!reserve()) return false;
        TimedEventChannel c = channel;
        if (c == null) {
            synchronized (this) {
                c = channel;
                if (c == null) {
                    target.acceptRt(kind, key, atSample, a, b);
                    return true;
                }
            }
        }
        if (c.offer(target, kind, key, atSample, a, b)) return true;
        RESERVED.getAndAdd(this, -1);
        return false;
    }

    /**
     * As {@link #offer}, from the thread that runs the target (the audio thread): a node that drives another node's
     * target before that node renders in the same block (an arrangement's automation and notes). Lock-free, no
     * allocation. Returns {@code false} and adds nothing when {@link #capacity()} events wait, or when a
     * {@link #growing} list has no storage yet ({@link #reserveStorage} was not called).
     */
    @AudioThread @RealtimeSafe
    public boolean offerRt(int kind, int key, long atSample, double a, double b) {
        if (storage == null) return false;
        if (!reserve()) return false;
        if (addRt(kind, key, atSample, a, b)) return true;
        RESERVED.getAndAdd(this, -1);
        return false;
    }

    @RealtimeSafe
    private boolean reserve() {
        int r;
        do {
            r = reserved;
            if (r >= capacity) return false;
        } while (!RESERVED.compareAndSet(this, r, r + 1));
        return true;
    }

    /**
     * Forgets every event held here (not those still in the channel). Control thread, while the target does not
     * run (a reset before it sounds).
     */
    @ControlThread
    public synchronized void clear() {
        int n = size;
        head = 0;
        size = 0;
        if (n > 0) RESERVED.getAndAdd(this, -n);
    }

    // ------------------------------------------------------------------ the thread that runs the target

    /**
     * Inserts an event in sample order (after those with the same sample). Called from the target's
     * {@link TimedTarget#acceptRt}. Returns {@code false} (and drops it) only if the list is full, which
     * {@link #offer}'s count prevents; an event sent to the channel directly, bypassing {@link #offer}, can hit it.
     */
    @AudioThread @RealtimeSafe
    public boolean addRt(int kind, int key, long atSample, double a, double b) {
        Storage st = storage;
        if (st == null || size > mask) return false;
        long[] times = st.times;
        int[] kinds = st.kinds, keys = st.keys;
        double[] as = st.as, bs = st.bs;
        int j = size;                               // insertion index, relative to head
        while (j > 0 && times[(head + j - 1) & mask] > atSample) {
            int from = (head + j - 1) & mask, to = (head + j) & mask;
            times[to] = times[from];
            kinds[to] = kinds[from];
            keys[to] = keys[from];
            as[to] = as[from];
            bs[to] = bs[from];
            j--;
        }
        int i = (head + j) & mask;
        times[i] = atSample;
        kinds[i] = kind;
        keys[i] = key;
        as[i] = a;
        bs[i] = b;
        size++;
        return true;
    }

    /** True when no event waits. */
    @AudioThread @RealtimeSafe
    public boolean isEmptyRt() { return size == 0; }

    /** The sample of the next event, or {@link Long#MAX_VALUE} when none waits. */
    @AudioThread @RealtimeSafe
    public long atRt() { return size == 0 ? Long.MAX_VALUE : storage.times[head]; }

    /** The next event's kind (only while one waits). */
    @AudioThread @RealtimeSafe
    public int kindRt() { return storage.kinds[head]; }

    /** The next event's key. */
    @AudioThread @RealtimeSafe
    public int keyRt() { return storage.keys[head]; }

    /** The next event's first argument. */
    @AudioThread @RealtimeSafe
    public double aRt() { return storage.as[head]; }

    /** The next event's second argument. */
    @AudioThread @RealtimeSafe
    public double bRt() { return storage.bs[head]; }

    /** Removes the next event (if any) and frees its place for producers. */
    @AudioThread @RealtimeSafe
    public void removeRt() {
        if (size == 0) return;
        head = (head + 1) & mask;
        size--;
        RESERVED.getAndAdd(this, -1);
    }

    /**
     * Offset in {@code [0, frames]} of the next event within the block of {@code frames} samples starting at
     * {@code blockStart}: 0 for a late (or untimed) event, {@code frames} when none falls inside the block.
     */
    @AudioThread @RealtimeSafe
    public int offsetRt(long blockStart, int frames) {
        if (size == 0) return frames;
        long d = storage.times[head] - blockStart;
        if (d <= 0) return 0;
        return d >= frames ? frames : (int) d;
    }

    /** The events, one slot per index in each array (a power of two long). */
    private static final class Storage {
        final long[] times;
        final int[] kinds;
        final int[] keys;
        final double[] as;
        final double[] bs;

        Storage(int c) {
            times = new long[c];
            kinds = new int[c];
            keys = new int[c];
            as = new double[c];
            bs = new double[c];
        }
    }

    /** Every string constant of this class, kept out of it (see {@code TimedEventChannel.Literals}). */
    private static final class Literals {
        static VarHandle reserved() {
            try {
                return MethodHandles.lookup()
                        .findVarHandle(PendingEvents.class, "reserved", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        static IllegalArgumentException badCapacity(int capacity) {
            return new IllegalArgumentException("capacity must be 1..1048576 events, was " + capacity);
        }
    }
}
