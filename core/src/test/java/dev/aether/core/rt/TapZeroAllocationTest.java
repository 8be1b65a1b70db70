package dev.aether.core.rt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.EngineConfig;
import dev.aether.core.driver.AudioSource;
import dev.aether.core.engine.Engine;
import dev.aether.core.testing.ManualDriver;
import dev.aether.core.testing.TestSine;
import dev.aether.core.view.OutputTap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * What {@code :view}, {@code :scope} and {@code :record} ask of the audio thread: copying each block into the master
 * taps that are open. It allocates nothing, while a reader drains the taps and another thread opens and closes them
 * (as the live view does when pages come and go): 40,000 measured blocks after 20,000 warm-up blocks.
 */
class TapZeroAllocationTest {
    static final int BLOCKS = 60_000, WARMUP = 20_000, WINDOWS = 8;

    @Test void shouldNotAllocateOnTheAudioThreadWhileTapsAreReadOpenedAndClosed() throws Exception {
        Engine engine = Engine.create(EngineConfig.defaults());
        for (int v = 0; v < 4; v++) engine.connectToMaster(outOf(engine, new TestSine().frequencyHz(220 * (v + 1))));
        ManualDriver driver = new ManualDriver();
        engine.start(driver);
        AudioSource source = driver.source();

        AtomicBoolean done = new AtomicBoolean();
        AtomicLong read = new AtomicLong(), reopened = new AtomicLong();
        OutputTap steady = engine.openTap(16_384);
        Thread viewer = new Thread(() -> {
            float[] chunk = new float[8192];
            OutputTap coming = null;
            for (int i = 0; !done.get(); i++) {
                read.addAndGet(steady.read(chunk));
                if (i % 10 == 0) {                              // a page comes or goes
                    if (coming == null) coming = engine.openTap(4096);
                    else { engine.closeTap(coming); coming = null; }
                    reopened.incrementAndGet();
                }
                if (coming != null) coming.read(chunk);
                LockSupport.parkNanos(200_000);
            }
            if (coming != null) engine.closeTap(coming);
        }, "viewer");

        long[] windows = new long[WINDOWS];
        Thread audio = new Thread(new MeasuredAudioLoop(source, windows, WARMUP, BLOCKS), "audio");
        viewer.start();
        audio.start();
        audio.join();
        done.set(true);
        viewer.join();
        engine.closeTap(steady);
        assertThat(read.get()).as("samples the reader took from the tap").isGreaterThan(0);
        assertThat(reopened.get()).as("taps opened and closed while measuring").isGreaterThan(10);
        assertThat(windows).as("bytes allocated by the audio thread per window of %d blocks", (BLOCKS - WARMUP) / WINDOWS)
                .containsOnly(0L);
    }

    private static dev.aether.core.OutputPort outOf(Engine engine, TestSine s) {
        engine.add(s);
        return s.out;
    }
}
