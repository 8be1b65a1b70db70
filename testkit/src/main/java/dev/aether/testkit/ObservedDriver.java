package dev.aether.testkit;

import dev.aether.core.driver.AudioDriver;
import dev.aether.core.driver.AudioSource;
import dev.aether.core.driver.DriverConfig;
import dev.aether.core.driver.PacedNullDriver;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The paced null driver (a real audio thread, {@code aether-audio}, at the real rate) with the engine's source
 * wrapped so a test learns which thread is the audio thread and how many blocks it rendered. The wrapper
 * allocates nothing. Started and stopped on the test's thread; the accessors are for any thread.
 */
public final class ObservedDriver implements AudioDriver {
    private final PacedNullDriver driver = new PacedNullDriver(DriverConfig.defaults().sampleRateHz(48_000));
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Thread audioThread;
    private volatile long blocks;

    @Override public String description() { return "observed " + driver.description(); }

    @Override public void start(AudioSource source) {
        driver.start(new AudioSource() {
            @Override public int channels() { return source.channels(); }
            @Override public double sampleRate() { return source.sampleRate(); }
            @Override public int blockSize() { return source.blockSize(); }
            @Override public void renderRt(float[] interleaved, int frames) {
                source.renderRt(interleaved, frames);
                blocks++;
            }
            @Override public void lateRt(long stallNanos, boolean resync) { source.lateRt(stallNanos, resync); }
            @Override public void audioThreadStarted() {
                audioThread = Thread.currentThread();
                source.audioThreadStarted();
                started.countDown();
            }
        });
    }

    @Override public void stop() { driver.stop(); }

    /** The audio thread, once it has started. */
    public Thread audioThread() throws InterruptedException {
        if (!started.await(5, TimeUnit.SECONDS)) throw new AssertionError("the audio thread did not start");
        return audioThread;
    }

    /** Blocks rendered so far. */
    public long blocks() { return blocks; }

    /** Blocks the paced driver rendered late. */
    public long lateBlocks() { return driver.lateBlocks(); }
}
