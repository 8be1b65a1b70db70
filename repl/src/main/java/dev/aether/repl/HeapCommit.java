package dev.aether.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Commits the rest of the Java heap off the audio thread, once the console is up (issue 15, "cold start").
 *
 * <p>{@code bin/aether} starts the console with a small initial heap ({@code -Xms64m}, {@code -Xmx} = {@code
 * AETHER_HEAP}) and {@code -XX:-ZUncommit}, because committing the whole heap before {@code main} took about half of
 * the first prompt. ZGC commits heap memory in whichever thread needs a new page (allocating, or relocating an object
 * under a load barrier), which could be the audio thread. So, once the prompt shows, the audio has started and the
 * first input is evaluated (or a few seconds passed without one: {@code Aether.commitHeapLater}), the daemon thread
 * {@value #THREAD_NAME} allocates {@value #STEP_MIB} MiB arrays, only while the console is idle, and holds them until
 * the committed heap ({@link Runtime#totalMemory()}) is within {@link #reserveBytes} plus one step of {@link
 * Runtime#maxMemory()}, then drops them. ZGC grows the heap in this thread; with uncommit off it never gives the memory
 * back, so the audio thread does not have to commit (unless the live set grows into that last reserve). With a fixed
 * heap ({@code -Xms} = {@code -Xmx}) it finds nothing to do.
 *
 * <p>Never hurts the user: it allocates only while the committed heap is below the target, so its arrays and what
 * others hold leave at least {@link #reserveBytes} of the maximum free when it allocates (a heap others already fill
 * beyond the target gets nothing), gives up quietly on an {@link OutOfMemoryError}, and holds its arrays only until the
 * target is reached. Java thread priorities are not applied on Linux, so it paces itself instead: a sleep of {@value
 * #PAUSE_MILLIS} ms after each step (about 10 ms of kernel time per step to map and zero the memory), so it takes
 * under half a core while it runs, a second or two for 1 GiB.
 */
public final class HeapCommit {
    /** The thread's name, as jstack shows it. */
    public static final String THREAD_NAME = "aether-heap-commit";
    static final int STEP_MIB = 16;
    static final long PAUSE_MILLIS = 15;

    private HeapCommit() {}

    /** Starts the daemon thread {@value #THREAD_NAME} that runs {@link #commit} without waiting for anything; any thread. */
    public static Thread startInBackground() { return startInBackground(() -> true); }

    /**
     * Starts the daemon thread {@value #THREAD_NAME} (lowest Java priority) that runs {@link #commit}, taking a step
     * only while {@code idle} says so (the console: at its prompt with nothing evaluating); any thread.
     */
    public static Thread startInBackground(BooleanSupplier idle) {
        Thread t = new Thread(() -> commit(Runtime.getRuntime(), idle), THREAD_NAME);
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    /** Bytes of {@code maxBytes} this never takes: a sixteenth, at least 16 MiB. */
    static long reserveBytes(long maxBytes) {
        return Math.max(maxBytes / 16, 16L << 20);
    }

    /**
     * Grows the committed heap towards {@code runtime.maxMemory()} as the class comment says, on the calling thread;
     * returns the committed bytes it leaves ({@link Runtime#totalMemory()}). Blocks for the whole work (seconds).
     */
    public static long commit(Runtime runtime) { return commit(runtime, () -> true); }

    /**
     * As {@link #commit(Runtime)}, taking each step only while {@code idle} is true (polled every {@value
     * #PAUSE_MILLIS} ms): the kernel's zeroing of the new pages then falls between inputs, not on them.
     */
    public static long commit(Runtime runtime, BooleanSupplier idle) {
        long max = runtime.maxMemory(), reserve = reserveBytes(max), step = (long) STEP_MIB << 20;
        long target = max - reserve - step;
        List<long[]> held = new ArrayList<>();
        try {
            while (runtime.totalMemory() < target) {   // used <= committed < target: one more step leaves the reserve
                if (idle.getAsBoolean()) held.add(new long[(int) (step / Long.BYTES)]);
                Thread.sleep(PAUSE_MILLIS);
            }
        } catch (OutOfMemoryError e) {
            // others took the reserve meanwhile: give up quietly; what is committed stays so, the arrays go below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        held.clear();
        return runtime.totalMemory();
    }
}
