package dev.aether.core;

/**
 * Ending the helper threads aether starts (readers, network loops, workers): one way to wait for a thread to finish
 * while keeping the caller's interrupt status. Control threads only; never the audio thread.
 */
public final class Threads {
    private Threads() {}

    /**
     * Waits at most {@code millis} ms (0 = for ever) for {@code thread} to end. An interrupt while waiting stops the wait
     * and is kept on the calling thread. Returns whether the thread has ended; a {@code null} thread has.
     */
    @ControlThread
    public static boolean join(Thread thread, long millis) {
        if (thread == null) return true;
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    /** Interrupts {@code thread} (it may be blocked in a sleep or a queue) and {@link #join joins} it. */
    @ControlThread
    public static boolean interruptAndJoin(Thread thread, long millis) {
        if (thread == null) return true;
        thread.interrupt();
        return join(thread, millis);
    }
}
