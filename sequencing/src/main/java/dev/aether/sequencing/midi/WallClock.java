package dev.aether.sequencing.midi;

import java.util.concurrent.locks.LockSupport;

/** Wall time for a MIDI sender, in nanoseconds; {@link #SYSTEM} in use, a virtual one in tests. Any thread. */
public interface WallClock {
    /** Now, ns (System.nanoTime's time base for {@link #SYSTEM}). */
    long nanoTime();

    /** Returns at (or just after) {@code nanos}, or at once when that has passed. */
    void waitUntil(long nanos) throws InterruptedException;

    /** Pauses about {@code nanos} (no precision needed: no spinning). */
    default void pause(long nanos) throws InterruptedException { waitUntil(nanoTime() + nanos); }

    /**
     * System.nanoTime: parks until {@value #SPIN_NANOS} ns before the time (parking overshoots by tens of µs), then
     * spins to it.
     */
    WallClock SYSTEM = new WallClock() {
        @Override public long nanoTime() { return System.nanoTime(); }

        @Override public void waitUntil(long nanos) throws InterruptedException {
            for (long left = nanos - System.nanoTime(); left > SPIN_NANOS; left = nanos - System.nanoTime()) {
                LockSupport.parkNanos(left - SPIN_NANOS);
                if (Thread.interrupted()) throw new InterruptedException();
            }
            while (System.nanoTime() < nanos) Thread.onSpinWait();
        }

        @Override public void pause(long nanos) throws InterruptedException {
            LockSupport.parkNanos(nanos);
            if (Thread.interrupted()) throw new InterruptedException();
        }
    };

    /** How close to a send time {@link #SYSTEM} stops parking and spins, ns. */
    long SPIN_NANOS = 200_000;
}
