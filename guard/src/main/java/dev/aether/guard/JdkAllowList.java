package dev.aether.guard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Library methods a {@code @RealtimeSafe} method may call although they carry no annotation. Each entry says why:
 * what the method does on the audio thread and why that is neither an allocation, a lock nor unbounded work.
 * Matched by the owner named at the call site or, for an inherited method, the JDK class it is inherited from.
 * Boxing, string building, locks and I/O are classified before this list is asked.
 */
final class JdkAllowList {
    private JdkAllowList() {}

    /** Methods {@code names} of {@code owner} (all but {@code names} when {@code allExcept}), and why they are safe. */
    record Entry(String owner, boolean allExcept, Set<String> names, String why) {
        boolean allows(String name) { return allExcept != names.contains(name); }
    }

    private static final String[] ATOMIC_ACCESS = {
        "get", "set", "lazySet", "getPlain", "setPlain", "getOpaque", "setOpaque", "getAcquire", "setRelease",
        "compareAndSet", "weakCompareAndSet", "weakCompareAndSetPlain", "weakCompareAndSetVolatile",
        "weakCompareAndSetAcquire", "weakCompareAndSetRelease", "compareAndExchange", "compareAndExchangeAcquire",
        "compareAndExchangeRelease", "getAndSet", "getAndIncrement", "getAndDecrement", "getAndAdd",
        "incrementAndGet", "decrementAndGet", "addAndGet", "length",
    };
    private static final String[] BOUNDED_QUEUE_ACCESS = {
        "offer", "poll", "peek", "relaxedOffer", "relaxedPoll", "relaxedPeek", "size", "isEmpty", "capacity",
        "currentProducerIndex", "currentConsumerIndex",
    };
    private static final String BOUNDED_QUEUE_WHY = "JCTools bounded array queue: its slots are allocated when it is"
            + " built; offer, poll and peek are a few ordered loads and stores (a CAS retry for several producers or"
            + " consumers), never a lock. The unbounded and chunked queues are left out: their offer allocates";

    private static final String VECTOR_WHY = "the Vector API (incubator): intrinsics C2 compiles into vector"
            + " instructions on registers, the vector objects boxes it removes, so a compiled loop allocates nothing"
            + " (the zero-allocation tests run with the module); loads from existing arrays, lane-wise bit operations"
            + " and a reduction, no lambda; the species' loopBound and length are arithmetic on constants";

    private static final List<Entry> ENTRIES = List.of(
        allExcept("java/lang/Math", "pure functions of primitives, intrinsics or plain arithmetic; random() is left"
                + " out: it creates a shared Random on first use", "random"),
        allExcept("java/lang/StrictMath", "fdlibm ported to Java: arithmetic on primitives only; random() is left"
                + " out as in Math", "random"),
        only("java/lang/Float", "reinterpret or classify the bits of a primitive: intrinsics, no object",
                "floatToRawIntBits", "floatToIntBits", "intBitsToFloat", "isNaN", "isFinite", "isInfinite",
                "compare", "min", "max", "sum"),
        only("java/lang/Double", "reinterpret or classify the bits of a primitive: intrinsics, no object",
                "doubleToRawLongBits", "doubleToLongBits", "longBitsToDouble", "isNaN", "isFinite", "isInfinite",
                "compare", "min", "max", "sum"),
        only("java/lang/Integer", "bit arithmetic on a primitive: intrinsics or a few instructions",
                "bitCount", "numberOfLeadingZeros", "numberOfTrailingZeros", "highestOneBit", "lowestOneBit",
                "rotateLeft", "rotateRight", "reverse", "reverseBytes", "signum", "compare", "compareUnsigned",
                "divideUnsigned", "remainderUnsigned", "toUnsignedLong", "min", "max", "sum"),
        only("java/lang/Long", "bit arithmetic on a primitive: intrinsics or a few instructions",
                "bitCount", "numberOfLeadingZeros", "numberOfTrailingZeros", "highestOneBit", "lowestOneBit",
                "rotateLeft", "rotateRight", "reverse", "reverseBytes", "signum", "compare", "compareUnsigned",
                "divideUnsigned", "remainderUnsigned", "min", "max", "sum"),
        only("java/lang/System", "arraycopy is an intrinsic copy between existing arrays; the clocks read the vDSO"
                + " and return a primitive", "arraycopy", "nanoTime", "currentTimeMillis"),
        only("java/util/Arrays", "fill: a loop storing one value into the caller's array; mismatch: a compare of two"
                + " existing arrays (an intrinsic), allocating only for the exception of a bad range; nothing else is"
                + " allowed (copyOf allocates, sort may allocate a work array)", "fill", "mismatch"),
        only("jdk/incubator/vector/FloatVector", VECTOR_WHY, "fromArray", "reinterpretAsInts"),
        only("jdk/incubator/vector/IntVector", VECTOR_WHY, "zero", "or", "reduceLanes"),
        only("jdk/incubator/vector/VectorSpecies", VECTOR_WHY, "loopBound", "length"),
        only("java/lang/Thread", "intrinsics: a spin-wait hint (PAUSE) and a read of the current thread's register",
                "onSpinWait", "currentThread"),
        only("java/lang/Enum", "a final method returning a final int field", "ordinal"),
        only("java/lang/invoke/VarHandle", "signature-polymorphic access modes: with exact static types C2 compiles"
                + " them to one load, store or CAS; each call site links on its first run, so it must be warmed",
                "get", "set", "getVolatile", "setVolatile", "getOpaque", "setOpaque", "getAcquire", "setRelease",
                "compareAndSet", "compareAndExchange", "compareAndExchangeAcquire", "compareAndExchangeRelease",
                "weakCompareAndSet", "weakCompareAndSetPlain", "weakCompareAndSetAcquire",
                "weakCompareAndSetRelease", "getAndSet", "getAndSetAcquire", "getAndSetRelease", "getAndAdd",
                "getAndAddAcquire", "getAndAddRelease", "getAndBitwiseOr", "getAndBitwiseAnd", "getAndBitwiseXor"),
        only("java/util/concurrent/atomic/AtomicInteger", atomicWhy(), ATOMIC_ACCESS),
        only("java/util/concurrent/atomic/AtomicLong", atomicWhy(), ATOMIC_ACCESS),
        only("java/util/concurrent/atomic/AtomicBoolean", atomicWhy(), ATOMIC_ACCESS),
        only("java/util/concurrent/atomic/AtomicReference", atomicWhy(), ATOMIC_ACCESS),
        only("java/util/concurrent/atomic/AtomicIntegerArray", atomicWhy(), ATOMIC_ACCESS),
        only("java/util/concurrent/atomic/AtomicLongArray", atomicWhy(), ATOMIC_ACCESS),
        only("java/util/concurrent/atomic/AtomicReferenceArray", atomicWhy(), ATOMIC_ACCESS),
        only("org/jctools/queues/SpscArrayQueue", BOUNDED_QUEUE_WHY, BOUNDED_QUEUE_ACCESS),
        only("org/jctools/queues/MpscArrayQueue", BOUNDED_QUEUE_WHY, BOUNDED_QUEUE_ACCESS),
        only("org/jctools/queues/SpmcArrayQueue", BOUNDED_QUEUE_WHY, BOUNDED_QUEUE_ACCESS),
        only("org/jctools/queues/MpmcArrayQueue", BOUNDED_QUEUE_WHY, BOUNDED_QUEUE_ACCESS),
        only("org/jctools/queues/atomic/SpscAtomicArrayQueue", BOUNDED_QUEUE_WHY, BOUNDED_QUEUE_ACCESS),
        only("org/jctools/queues/atomic/MpscAtomicArrayQueue", BOUNDED_QUEUE_WHY, BOUNDED_QUEUE_ACCESS),
        only("org/jctools/queues/atomic/SpmcAtomicArrayQueue", BOUNDED_QUEUE_WHY, BOUNDED_QUEUE_ACCESS),
        only("org/jctools/queues/atomic/MpmcAtomicArrayQueue", BOUNDED_QUEUE_WHY, BOUNDED_QUEUE_ACCESS)
    );

    private static final Map<String, Entry> BY_OWNER = new HashMap<>();
    static {
        for (Entry e : ENTRIES) {
            if (BY_OWNER.put(e.owner(), e) != null) throw new ExceptionInInitializerError("twice: " + e.owner());
        }
    }

    private static String atomicWhy() {
        return "one volatile access or CAS on the object's own field; the update/accumulate methods are left out:"
                + " they take a lambda";
    }

    /** Why {@code owner.name} is safe to call, or null when it is not on the list. */
    static String why(String owner, String name) {
        Entry e = BY_OWNER.get(owner);
        return e != null && e.allows(name) ? e.why() : null;
    }

    /** Every entry, for documentation and tests. */
    static List<Entry> entries() { return ENTRIES; }

    private static Entry only(String owner, String why, String... names) {
        return new Entry(owner, false, Set.of(names), why);
    }

    private static Entry allExcept(String owner, String why, String... names) {
        return new Entry(owner, true, Set.of(names), why);
    }
}
