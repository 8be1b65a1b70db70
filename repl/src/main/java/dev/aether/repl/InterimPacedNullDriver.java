package dev.aether.repl;

import dev.aether.core.driver.AudioDriver;
import dev.aether.core.driver.AudioSource;
import java.util.concurrent.locks.LockSupport;

/**
 * Stand-in until core's {@code PacedNullDriver} is on main: pulls blocks at the real rate and discards them,
 * so the engine runs (meters, faults, transport) without a sound card.
 */
final class InterimPacedNullDriver implements AudioDriver {
    private volatile boolean running;
    private Thread thread;

    @Override public String description() { return "paced null driver (no sound card: nothing is heard)"; }

    @Override public synchronized void start(AudioSource source) {
        running = true;
        thread = new Thread(() -> loop(source), "aether-audio");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(AudioSource source) {
        source.audioThreadStarted();
        int frames = source.blockSize();
        float[] buffer = new float[frames * source.channels()];
        long period = Math.round(frames * 1e9 / source.sampleRate());
        long next = System.nanoTime();
        while (running) {
            source.renderRt(buffer, frames);
            next += period;
            long wait = next - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            else if (-wait > 4 * period) next = System.nanoTime();
        }
    }

    @Override public synchronized void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }
}
