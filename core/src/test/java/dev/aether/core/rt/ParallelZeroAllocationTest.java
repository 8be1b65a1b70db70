package dev.aether.core.rt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.EngineBusyException;
import dev.aether.core.EngineConfig;
import dev.aether.core.NodeId;
import dev.aether.core.ParallelMode;
import dev.aether.core.driver.AudioSource;
import dev.aether.core.engine.Engine;
import dev.aether.core.engine.SwapOptions;
import dev.aether.core.testing.ManualDriver;
import dev.aether.core.testing.TestGain;
import dev.aether.core.testing.TestSine;
import dev.aether.testkit.signals.Allocations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A plan split for two threads allocates nothing on either: the audio thread and the parallel worker, measured in
 * windows of blocks after a warm-up, while a control thread ramps parameters, reconnects voices and hot-swaps nodes
 * (each edit a new split plan).
 */
class ParallelZeroAllocationTest {
    static final int VOICES = 48, WARMUP = 30_000, BLOCKS = 60_000, WINDOWS = 6;

    /** The test's audio thread; holds no string literal (see {@link MeasuredAudioLoop}). */
    static final class Loop implements Runnable {
        final AudioSource source;
        final Thread worker;
        final long[] audioBytes = new long[WINDOWS], workerBytes = new long[WINDOWS];
        final float[] out = new float[2 * 64];

        Loop(AudioSource source, Thread worker) {
            this.source = source;
            this.worker = worker;
        }

        @Override public void run() {
            for (int b = 0; b < WARMUP; b++) source.renderRt(out, 64);
            int perWindow = (BLOCKS - WARMUP) / WINDOWS;
            for (int w = 0; w < WINDOWS; w++) {
                long w0 = Allocations.of(worker);
                long a0 = Allocations.currentThread();
                for (int b = 0; b < perWindow; b++) source.renderRt(out, 64);
                long a1 = Allocations.currentThread();
                workerBytes[w] = Allocations.of(worker) - w0;
                audioBytes[w] = a1 - a0;
            }
        }
    }

    @Test
    void shouldNotAllocateOnTheAudioThreadOrTheWorker() throws Exception {
        Engine engine = Engine.create(EngineConfig.defaults(), ParallelMode.ON);
        try {
            List<TestSine> sines = new ArrayList<>();
            List<TestGain> gains = new ArrayList<>();
            List<NodeId> sineIds = new ArrayList<>();
            engine.batch(() -> {
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
            });
            ManualDriver driver = new ManualDriver();
            engine.start(driver);
            Scheduler scheduler = (Scheduler) driver.source();
            assertThat(scheduler.currentPlan().parallel).as("the plan is split").isNotNull();
            Thread worker = scheduler.parallelWorker();
            assertThat(worker).as("the worker runs").isNotNull();

            AtomicBoolean done = new AtomicBoolean();
            Thread control = new Thread(() -> {
                SplittableRandom rnd = new SplittableRandom(11);
                long edits = 0;
                while (!done.get()) {
                    int v = rnd.nextInt(VOICES);
                    sines.get(v).frequencyHz.set(50 + rnd.nextDouble(2000), 0.05);
                    gains.get(v).gain.set(rnd.nextDouble(), 0.01);
                    try {
                        switch ((int) (++edits % 3)) {
                            case 0 -> engine.disconnect(gains.get(v).out, engine.masterInput());
                            case 1 -> engine.connectToMaster(gains.get(v).out);
                            default -> engine.replace(sineIds.get(v), new TestSine().frequencyHz(300), SwapOptions.DEFAULT);
                        }
                    } catch (EngineBusyException busy) {
                        Thread.onSpinWait();
                    }
                    engine.pollEvents(e -> { });
                    try { Thread.sleep(2); } catch (InterruptedException e) { return; }
                }
            }, "control");
            Loop loop = new Loop(scheduler, worker);
            Thread audio = new Thread(loop, "audio");
            control.start();
            audio.start();
            audio.join();
            done.set(true);
            control.join();
            ParallelRunner runner = scheduler.parallelRunner();
            System.out.printf("audio thread bytes per window: %s; worker: %s; %s%n", Arrays.toString(loop.audioBytes),
                    Arrays.toString(loop.workerBytes), scheduler.parallelReport());
            assertThat(runner.tasksByWorker()).as("tasks the worker ran").isGreaterThan(BLOCKS);
            assertThat(loop.audioBytes).as("bytes allocated by the audio thread per window").containsOnly(0L);
            assertThat(loop.workerBytes).as("bytes allocated by the worker per window").containsOnly(0L);
        } finally {
            engine.close();
        }
    }
}
