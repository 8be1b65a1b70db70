package dev.aether.repl;

import dev.aether.core.engine.Engine;
import dev.aether.core.view.OutputTap;
import java.util.Arrays;

/**
 * What a person hears: the left channel of the master output, read from a tap on a thread of its own every few
 * milliseconds for as long as it is open, so a test can say the music kept playing without a gap.
 */
final class MasterListener implements AutoCloseable {
    private final Engine engine;
    private final OutputTap tap;
    private final Thread reader;
    private volatile boolean open = true;
    private float[] left = new float[48_000];
    private int frames;

    MasterListener(Engine engine) {
        this.engine = engine;
        this.tap = engine.openTap(96_000);
        this.reader = new Thread(this::readLoop, "master-listener");
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop() {
        float[] buf = new float[8_192];
        while (open) {
            int n;
            while ((n = tap.read(buf)) > 0) append(buf, n);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void append(float[] interleaved, int samples) {
        if (frames + samples / 2 > left.length) left = Arrays.copyOf(left, Math.max(2 * left.length, frames + samples));
        for (int i = 0; i + 1 < samples; i += 2) left[frames++] = interleaved[i];
    }

    /** The left channel heard so far (a copy), frame 0 the first the tap took. */
    synchronized float[] left() { return Arrays.copyOf(left, frames); }

    /** Frames heard so far. */
    synchronized int frames() { return frames; }

    /** RMS of the last {@code n} frames heard. */
    synchronized double rmsOfLast(int n) {
        double sum = 0;
        int from = Math.max(0, frames - n);
        for (int i = from; i < frames; i++) sum += left[i] * left[i];
        return Math.sqrt(sum / Math.max(1, frames - from));
    }

    /** The longest run of frames quieter than -60 dBFS after the first louder one: a dropout shows as a block or more. */
    synchronized int longestSilence() {
        int longest = 0, run = 0;
        boolean started = false;
        for (int i = 0; i < frames; i++) {
            if (Math.abs(left[i]) >= 1e-3f) {
                started = true;
                run = 0;
            } else if (started) {
                longest = Math.max(longest, ++run);
            }
        }
        return longest;
    }

    /** Frames the tap dropped because this reader fell behind (a gap that is the test's, not the engine's). */
    long dropped() { return tap.droppedFrames(); }

    @Override public void close() throws InterruptedException {
        open = false;
        reader.join(2_000);
        engine.closeTap(tap);
    }
}
