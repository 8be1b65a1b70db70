package dev.aether.arrange.stream;

import dev.aether.core.AudioThread;
import dev.aether.core.RealtimeSafe;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One clip's window onto a source read from disk: a ring of frames, in {@link SourcePath} order, that a
 * {@link DiskReader} thread fills ahead of the playhead and the audio thread reads. The audio thread never waits: a
 * frame the reader has not delivered yet is not there ({@link #hasRt} is false), and the caller plays silence and
 * counts it ({@link #countMissingRt}).
 *
 * <p><b>Concurrency contract.</b> One audio thread runs the {@code Rt} methods (single producer of requests and of
 * the consumed mark); one reader thread runs {@link #serviceOnce} (single producer of frames); the counters are read
 * from any thread. A request ({@link #requestRt}: a path and the first {@code k} to stream) is published with a
 * sequence lock: the sequence is made odd, the fields written, then the sequence made even; the reader reads the
 * sequence, the fields and the sequence again, and ignores a request that changed in between. Every field of the lock
 * is volatile, so the accesses are totally ordered and no fence is needed. The reader writes frames into the ring only at slots the
 * audio thread has released ({@code k < consumed + capacity}) and publishes how many it wrote, tagged with the
 * request's sequence, in one volatile long; the audio thread trusts a count only with its own request's tag, so
 * frames of an old request are never played after a seek. Lock-free on both sides; the audio side is wait-free.
 */
public final class DiskStream {
    private static final long COUNT_MASK = (1L << 40) - 1;

    private final int capacity, mask, history;
    private final float[] ring;                          // capacity frames x 2 channels, slot = k & mask

    // ---- request (written by the audio thread under the sequence lock) ----
    private volatile int seq;
    private volatile SourcePath reqPath;
    private volatile long reqFromK;
    private volatile long reqNanos;
    private volatile long consumedK;

    // ---- published by the reader ----
    private volatile long published;                     // (seq & 0xFFFFFF) << 40 | frames written since reqFromK

    // ---- audio-thread view ----
    private int curSeq;
    private SourcePath curPath;
    private long fromK, availEnd, releasedK;

    // ---- reader-thread state ----
    private int rSeq = -1;
    private long rWritten;

    // ---- counters (single writer each; any thread reads) ----
    private volatile long underruns, underrunFrames, seekWaitFrames, requests;
    private volatile long readErrors, firstChunks, firstChunkNanosTotal, firstChunkNanosMax;

    /** A stream whose ring holds {@code capacityFrames} frames (rounded up to a power of two) of up to two channels. */
    public DiskStream(int capacityFrames) {
        if (capacityFrames < 1024 || capacityFrames > (1 << 24)) {
            throw new IllegalArgumentException("capacityFrames must be 1024..16777216, was " + capacityFrames);
        }
        int c = Integer.highestOneBit(capacityFrames);
        if (c < capacityFrames) c <<= 1;
        capacity = c;
        mask = c - 1;
        history = c / 8;
        ring = new float[2 * c];
    }

    /** Frames the ring holds. */
    public int capacityFrames() { return capacity; }

    // ------------------------------------------------------------------ audio thread

    /**
     * Starts streaming {@code path} from {@code fromK} on (or stops streaming: {@code path == null}). Frames of any
     * earlier request are no longer offered. Wait-free.
     */
    @AudioThread @RealtimeSafe
    public void requestRt(SourcePath path, long fromK) {
        int s = curSeq + 1;
        consumedK = fromK;
        releasedK = fromK;
        seq = s;                                         // odd: writing
        reqPath = path;
        reqFromK = fromK;
        reqNanos = System.nanoTime();
        seq = s + 1;                                     // even: published
        curSeq = s + 1;
        curPath = path;
        this.fromK = fromK;
        availEnd = fromK;
        if (path != null) requests = requests + 1;
    }

    /** The path being streamed (audio thread's view), or null. */
    @AudioThread @RealtimeSafe
    public SourcePath pathRt() { return curPath; }

    /** Takes in what the reader delivered since the last call. Call once per block before {@link #hasRt}. */
    @AudioThread @RealtimeSafe
    public void refreshRt() {
        long p = published;
        if ((p >>> 40) == (curSeq & 0xFFFFFF)) availEnd = fromK + (p & COUNT_MASK);
    }

    /** Whether frame {@code k} (path order) of the current request is in the ring. */
    @AudioThread @RealtimeSafe
    public boolean hasRt(long k) { return k >= fromK && k < availEnd; }

    /** Whether the reader has delivered anything for the current request yet. */
    @AudioThread @RealtimeSafe
    public boolean deliveredRt() { return availEnd > fromK; }

    /** Sample of channel {@code c} of frame {@code k}; only after {@link #hasRt}{@code (k)} returned true. */
    @AudioThread @RealtimeSafe
    public float sampleRt(long k, int c) { return ring[(int) (k & mask) * 2 + c]; }

    /**
     * Frees the frames before {@code k - historyFrames()} (the reader may overwrite them): the last
     * {@link #historyFrames()} before the read position stay, so a short seek back can play on from the ring. Call
     * once per block.
     */
    @AudioThread @RealtimeSafe
    public void releaseBeforeRt(long k) {
        long mark = k - history;
        if (mark > releasedK) {
            releasedK = mark;
            consumedK = mark;
        }
    }

    /**
     * Whether frames {@code [k0, k1]} of {@code path} are in the ring now and stay there while they are read from
     * {@code k0} on: a seek that lands here plays on from the ring, with no new request.
     */
    @AudioThread @RealtimeSafe
    public boolean canResumeRt(SourcePath path, long k0, long k1) {
        return path == curPath && path != null && k0 >= fromK && k0 >= releasedK && k1 < availEnd;
    }

    /** Frames kept behind the read position (an eighth of the ring). */
    public int historyFrames() { return history; }

    /**
     * Counts frames played as silence because the ring did not hold them: as an underrun when the reader had
     * already delivered for this request, or when the request was issued ahead of need ({@code covered}); otherwise
     * as a wait after a seek ({@link #seekWaitFrames}). {@code blocks} is 1 for the first miss of a block, else 0.
     */
    @AudioThread @RealtimeSafe
    public void countMissingRt(int frames, boolean covered, int blocks) {
        if (covered || deliveredRt()) {
            underrunFrames = underrunFrames + frames;
            underruns = underruns + blocks;
        } else {
            seekWaitFrames = seekWaitFrames + frames;
        }
    }

    // ------------------------------------------------------------------ counters, any thread

    /** Blocks in which this stream missed at least one frame it should have had (see {@link #countMissingRt}). */
    public long underruns() { return underruns; }
    /** Frames played as silence in those blocks. */
    public long underrunFrames() { return underrunFrames; }
    /** Frames played as silence after a seek outside the pre-roll, until the first chunk arrived. */
    public long seekWaitFrames() { return seekWaitFrames; }
    /** Requests made (clip starts and seeks on streamed sources). */
    public long requests() { return requests; }
    /** Failed reads (the file closed or unreadable); the frames stay missing. */
    public long readErrors() { return readErrors; }
    /** Requests whose first chunk the reader delivered. */
    public long firstChunks() { return firstChunks; }
    /** The longest time from a request to its first delivered chunk, in nanoseconds. */
    public long firstChunkNanosMax() { return firstChunkNanosMax; }
    /** Sum of the times from request to first chunk, nanoseconds (divide by {@link #firstChunks()}). */
    public long firstChunkNanosTotal() { return firstChunkNanosTotal; }

    // ------------------------------------------------------------------ reader thread

    /**
     * Reads at most one chunk for the current request if the ring has room for at least a quarter chunk. Reader
     * thread only. Returns the frames read (0: nothing to do).
     *
     * @param chunkFrames largest read; {@code tmp} and {@code tmp2} hold {@code 2 * chunkFrames} floats,
     *                    {@code scratch} {@code 8 * chunkFrames} bytes
     */
    int serviceOnce(int chunkFrames, float[] dst, float[] tmp, ByteBuffer scratch) {
        int s1 = seq;
        if ((s1 & 1) != 0) return 0;
        SourcePath p = reqPath;
        long from = reqFromK, t0 = reqNanos;
        if (seq != s1) return 0;
        if (s1 != rSeq) {
            rSeq = s1;
            rWritten = 0;
        }
        if (p == null) return 0;
        long next = from + rWritten;
        long left = p.endK() - next;
        if (left <= 0) return 0;
        long free = consumedK + capacity - next;
        int want = (int) Math.min(chunkFrames, left);
        int n = (int) Math.min(want, free);
        if (n < want && n < chunkFrames / 4) return 0;
        try {
            p.read(next, n, dst, tmp, scratch);
        } catch (IOException | RuntimeException e) {
            readErrors = readErrors + 1;
            return 0;
        }
        int ch = p.source().channels();
        for (int i = 0; i < n; i++) {
            int slot = (int) ((next + i) & mask) * 2;
            float l = dst[i * ch];
            ring[slot] = l;
            ring[slot + 1] = ch == 2 ? dst[i * ch + 1] : l;
        }
        boolean first = rWritten == 0;
        rWritten += n;
        published = (long) (s1 & 0xFFFFFF) << 40 | rWritten;
        if (first) {
            long dt = System.nanoTime() - t0;
            firstChunks = firstChunks + 1;
            firstChunkNanosTotal = firstChunkNanosTotal + dt;
            if (dt > firstChunkNanosMax) firstChunkNanosMax = dt;
        }
        return n;
    }
}
