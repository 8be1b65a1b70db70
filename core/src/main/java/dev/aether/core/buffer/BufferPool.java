package dev.aether.core.buffer;

import dev.aether.core.ControlThread;
import java.util.Arrays;

/**
 * Pre-allocated audio blocks of one size: O(1) acquire and release, zeroed on acquire, plus one
 * shared silence block that must never be written.
 *
 * <p>Owned by the control thread (plans take their buffers from it when they are built and give them back
 * when the audio thread returns the plan). When empty it grows by allocating, on the control thread.
 */
@ControlThread
public final class BufferPool {
    /**
     * Floats of padding after each block (one cache line): blocks written by different threads (a plan split for
     * two) never share a cache line, so one thread's writes do not evict the line the other is writing.
     */
    static final int PAD = 16;
    private final int blockSize;
    private float[][] free;
    private int top;
    private int allocated;
    private final float[] silence;

    public BufferPool(int blockSize, int preallocate) {
        this.blockSize = blockSize;
        this.free = new float[Math.max(16, preallocate)][];
        for (int i = 0; i < preallocate; i++) free[top++] = new float[blockSize + PAD];
        this.allocated = preallocate;
        this.silence = new float[blockSize + PAD];
    }

    /** A zeroed block of {@link #blockSize()} floats. */
    public float[] acquire() {
        if (top == 0) {
            allocated++;
            return new float[blockSize + PAD];
        }
        float[] b = free[--top];
        free[top] = null;
        Arrays.fill(b, 0f);
        return b;
    }

    /** Gives a block back. It must have come from this pool and must not be in use any more. */
    public void release(float[] block) {
        if (block == silence) return;
        if (block.length != blockSize + PAD) throw new IllegalArgumentException("block of " + block.length + " frames is not from this pool");
        if (top == free.length) free = Arrays.copyOf(free, free.length * 2);
        free[top++] = block;
    }

    /** The shared all-zero block; read only. */
    public float[] silence() { return silence; }

    public int blockSize() { return blockSize; }

    /** Blocks currently free. */
    public int available() { return top; }

    /** Blocks ever created by the pool. */
    public int allocated() { return allocated; }
}
