package dev.aether.nodes.analysis;

import dev.aether.core.RealtimeSafe;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lock-free single-writer, single-reader exchange of float frames without tearing: the writer fills its back
 * buffer and swaps it with the middle one; the reader swaps its front buffer with the middle one when a new
 * frame is there. Neither side ever waits. Package-private.
 */
final class TripleBuffer {
    private static final int FRESH = 4;
    final float[][] buffers;
    private final AtomicInteger middle = new AtomicInteger(1);   // index | FRESH
    private int back = 0;          // writer-owned
    private int front = 2;         // reader-owned

    TripleBuffer(int length) { buffers = new float[][] {new float[length], new float[length], new float[length]}; }

    /** The writer's buffer. Audio thread. */
    @RealtimeSafe float[] back() { return buffers[back]; }

    /** Publishes the back buffer. Audio thread; lock-free, no allocation. */
    @RealtimeSafe void publish() { back = middle.getAndSet(back | FRESH) & 3; }

    /** Copies the newest published frame into {@code dst} if there is one since the last read. Reader thread. */
    synchronized boolean read(float[] dst) {
        if ((middle.get() & FRESH) == 0) return false;
        front = middle.getAndSet(front) & 3;
        float[] f = buffers[front];
        System.arraycopy(f, 0, dst, 0, Math.min(dst.length, f.length));
        return true;
    }
}
