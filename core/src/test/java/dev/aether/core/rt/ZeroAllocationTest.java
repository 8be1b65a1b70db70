package dev.aether.core.rt;

import dev.aether.core.EngineBusyException;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.engine.Engine;
import dev.aether.core.EngineConfig;
import dev.aether.core.NodeId;
import dev.aether.core.engine.SwapOptions;
import dev.aether.core.time.When;
import dev.aether.core.driver.AudioSource;
import dev.aether.core.testing.ManualDriver;
import dev.aether.core.testing.TestGain;
import dev.aether.core.testing.TestSine;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The audio thread allocates nothing in steady state: 100,000 measured blocks of a 61-node patch (after 50,000
 * warm-up blocks) while a control thread
 * ramps parameters, changes tempo, reconnects nodes and hot-swaps nodes (plan swaps with crossfades).
 */
class ZeroAllocationTest {
    static final int VOICES = 30, BLOCKS = 150_000, WARMUP = 50_000, WINDOWS = 10;

    @Test
    void shouldNotAllocateOnTheAudioThreadWhileCommandsFlowAndPlansSwap() throws Exception {
        Engine engine = Engine.create(EngineConfig.defaults());
        List<TestSine> sines = new ArrayList<>();
        List<TestGain> gains = new ArrayList<>();
        List<NodeId> sineIds = new ArrayList<>();
        for (int v = 0; v < VOICES; v++) {
            TestSine s = new TestSine().frequencyHz(100 + 37 * v);
            TestGain g = new TestGain();
            sineIds.add(engine.add(s));
            engine.add(g);
            engine.connect(s.out, g.in);
            engine.connectToMaster(g.out);
            sines.add(s);
            gains.add(g);
        }
        assertThat(engine.nodes()).hasSizeGreaterThanOrEqualTo(50);
        ManualDriver driver = new ManualDriver();
        engine.start(driver);
        AudioSource source = driver.source();

        AtomicBoolean done = new AtomicBoolean();
        AtomicLong edits = new AtomicLong();
        Thread control = new Thread(() -> {
            SplittableRandom rnd = new SplittableRandom(7);
            while (!done.get()) {
                int v = rnd.nextInt(VOICES);
                sines.get(v).frequencyHz.set(50 + rnd.nextDouble(2000), 0.05);
                gains.get(v).gain.set(rnd.nextDouble(), 0.01);
                try {
                    switch ((int) (edits.incrementAndGet() % 4)) {
                        case 0 -> engine.disconnect(gains.get(v).out, engine.masterInput());
                        case 1 -> engine.connectToMaster(gains.get(v).out);
                        case 2 -> engine.replace(sineIds.get(v), new TestSine().frequencyHz(300), SwapOptions.DEFAULT);
                        default -> engine.tempo(60 + rnd.nextInt(120), 4, When.NEXT_BEAT);
                    }
                } catch (dev.aether.core.EngineBusyException busy) {
                    Thread.onSpinWait();
                }
                engine.pollEvents(e -> { });
                try { Thread.sleep(1); } catch (InterruptedException e) { return; }
            }
        }, "control");

        long[] windows = new long[WINDOWS];
        Thread audio = new Thread(new MeasuredAudioLoop(source, windows, WARMUP, BLOCKS), "audio");
        control.start();
        audio.start();
        audio.join();
        done.set(true);
        control.join();
        long editsDone = edits.get();
        assertThat(editsDone).as("control edits while measuring").isGreaterThan(100);
        System.out.printf("audio-thread bytes per window of %d blocks: %s (%d edits)%n",
                (BLOCKS - WARMUP) / WINDOWS, java.util.Arrays.toString(windows), editsDone);
        assertThat(windows).as("bytes allocated by the audio thread per window of %d blocks (%d edits)",
                (BLOCKS - WARMUP) / WINDOWS, editsDone).containsOnly(0L);
    }
}
