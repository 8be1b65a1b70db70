package dev.aether.arrange.stream;

import dev.aether.core.RealtimeSafe;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The order in which a clip reads its source: the frame played {@code k}-th (k = 0, 1, 2, … from the clip's start at
 * rate 1; a clip at another rate reads between these frames) is {@link #frameAt}{@code (k)}. Forward, the frames run
 * up from {@code anchor}; reversed, down from it; with a loop, they wrap within {@code [loopStart, loopStart +
 * loopLength)}. Frames outside the source read as silence. Immutable; any thread. Streams and pre-roll caches hold
 * frames in this order, so that a reversed or looping clip streams as simply as a forward one.
 *
 * @param anchor     the source frame at {@code k = 0}
 * @param reverse    frames run downwards
 * @param loopStart  first frame of the loop (ignored without a loop)
 * @param loopLength frames in the loop, 0 for none
 * @param endK       the first {@code k} the clip never reads (its frames past the end are silence and are not streamed);
 *                   {@link Long#MAX_VALUE} for a loop
 */
public record SourcePath(PoolSource source, long anchor, boolean reverse, long loopStart, long loopLength, long endK) {
    public SourcePath {
        if (loopLength < 0) throw new IllegalArgumentException("loopLength must be >= 0, was " + loopLength);
        if (loopLength > 0 && (anchor < loopStart || anchor >= loopStart + loopLength)) {
            throw new IllegalArgumentException("anchor " + anchor + " outside the loop [" + loopStart + ", "
                    + (loopStart + loopLength) + ")");
        }
    }

    /** The source frame read {@code k}-th (may lie outside the source: it then reads as 0). */
    @RealtimeSafe
    public long frameAt(long k) {
        if (loopLength > 0) {
            long d = Math.floorMod(anchor - loopStart + (reverse ? -k : k), loopLength);
            return loopStart + d;
        }
        return reverse ? anchor - k : anchor + k;
    }

    /**
     * The source frame read {@code k}-th when the frames read {@code k .. k + count - 1} are consecutive and rising
     * ({@code frameAt(k) + j}): forward, and inside one turn of a loop; otherwise {@link Long#MIN_VALUE}.
     */
    @RealtimeSafe
    public long forwardRunRt(long k, int count) {
        if (reverse) return Long.MIN_VALUE;
        long f = frameAt(k);
        if (loopLength > 0 && f + count > loopStart + loopLength) return Long.MIN_VALUE;
        return f;
    }

    /**
     * Reads the frames {@code k .. k + count - 1} in path order into {@code dst} (interleaved, the source's channel
     * count), through {@code tmp} (at least {@code count * channels} floats) and {@code scratch} (at least
     * {@code count * frameBytes} bytes). Not the audio thread: blocking I/O for a streamed source.
     */
    public void read(long k, int count, float[] dst, float[] tmp, ByteBuffer scratch) throws IOException {
        int ch = source.channels();
        int done = 0;
        while (done < count) {
            long kk = k + done;
            long f = frameAt(kk);
            int run = count - done;
            if (loopLength > 0) {
                long room = reverse ? f - loopStart + 1 : loopStart + loopLength - f;
                if (room < run) run = (int) room;
            }
            long first = reverse ? f - run + 1 : f;
            readRaw(first, run, tmp, scratch);
            for (int i = 0; i < run; i++) {
                int from = (reverse ? run - 1 - i : i) * ch, to = (done + i) * ch;
                for (int c = 0; c < ch; c++) dst[to + c] = tmp[from + c];
            }
            done += run;
        }
    }

    private void readRaw(long first, int count, float[] tmp, ByteBuffer scratch) throws IOException {
        if (source instanceof StreamedSource s) {
            s.read(first, count, tmp, scratch);
        } else {
            MemorySource m = (MemorySource) source;
            int ch = m.channels();
            for (int i = 0; i < count; i++) for (int c = 0; c < ch; c++) tmp[i * ch + c] = m.atRt(c, first + i);
        }
    }
}
