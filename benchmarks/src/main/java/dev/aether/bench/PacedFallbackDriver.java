package dev.aether.bench;

import dev.aether.core.driver.AudioDriver;
import dev.aether.core.driver.AudioSource;
import java.util.concurrent.locks.LockSupport;

/**
 * The soak harness's last-resort driver, used only when core has no driver factory (before the drivers
 * branch is merged): renders one block, then parks until the next block's deadline ({@code anchor +
 * frames / rate}, no drift). A block starting more than half of {@code bufferFrames} late is reported to
 * {@link AudioSource#lateRt}; beyond the whole buffer it asks for a resync and re-anchors.
 *
 * <p>TODO(lead): delete once {@code dev.aether.core.driver.DriverFactory} is on main; {@link Soak} prefers it.
 */
final class PacedFallbackDriver implements AudioDriver {
    private final int bufferFrames;
    private volatile boolean running;
    private Thread thread;

    PacedFallbackDriver(int bufferFrames) { this.bufferFrames = bufferFrames; }

    @Override public String description() { return "soak fallback paced driver (silent), " + bufferFrames + "-frame budget"; }

    @Override
    public synchronized void start(AudioSource source) {
        running = true;
        thread = new Thread(() -> loop(source), "aether-audio");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    private void loop(AudioSource source) {
        source.audioThreadStarted();
        int block = source.blockSize();
        double rate = source.sampleRate();
        float[] buf = new float[block * source.channels()];
        long budget = (long) (bufferFrames * 1e9 / rate);
        long anchor = System.nanoTime();
        long frames = 0;
        while (running) {
            long due = anchor + (long) (frames * 1e9 / rate);
            long now = System.nanoTime();
            long late = now - due;
            if (late > budget) {
                source.lateRt(late, true);
                anchor = now;
                frames = 0;
            } else if (late > budget / 2) {
                source.lateRt(late, false);
            }
            source.renderRt(buf, block);
            frames += block;
            long next = anchor + (long) (frames * 1e9 / rate);
            long wait = next - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }
}
