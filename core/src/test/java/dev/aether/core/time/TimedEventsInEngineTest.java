package dev.aether.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.EngineConfig;
import dev.aether.core.NodeId;
import dev.aether.core.node.NodeRunner;
import dev.aether.core.driver.AudioSource;
import dev.aether.core.engine.Engine;
import dev.aether.core.engine.SwapOptions;
import dev.aether.core.graph.Patch;
import dev.aether.testkit.signals.Allocations;
import dev.aether.core.testing.Constant;
import dev.aether.core.testing.ManualDriver;
import dev.aether.core.testing.TestGain;
import dev.aether.core.testing.TestSine;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The engine's one timed-event channel: who is bound to it, sample-exact delivery, 0 B on the audio thread. */
class TimedEventsInEngineTest {
    private static int firstAbove(float[] stereo, float level) {
        for (int i = 0; i < stereo.length / 2; i++) if (stereo[2 * i] > level) return i;
        return -1;
    }

    @Test
    void shouldBindEveryAddedAndSwappedInNodeToTheEnginesChannel() {
        Engine engine = Engine.create(EngineConfig.defaults());
        TestSine s = new TestSine();
        assertThat(s.frequencyHz.channel()).as("a node never added is unbound").isNull();
        NodeId id = engine.add(s);
        assertThat(s.frequencyHz.channel()).isSameAs(engine.timedEvents());
        TestSine next = new TestSine();
        engine.replace(id, next, SwapOptions.DEFAULT);
        assertThat(next.frequencyHz.channel()).as("swapped in").isSameAs(engine.timedEvents());

        TestSine alone = new TestSine();
        new Patch(48_000).add(alone);
        assertThat(alone.frequencyHz.channel()).as("a patch without a channel leaves nodes unbound").isNull();
        TestSine child = new TestSine();
        NodeRunner runner = new NodeRunner(this, child, 48_000, 64);
        assertThat(child.frequencyHz.channel()).as("a runner leaves its child unbound").isNull();
        runner.bindTimed(engine.timedEvents());
        assertThat(child.frequencyHz.channel()).as("until its owner binds it").isSameAs(engine.timedEvents());
    }

    @Test
    void shouldApplyASetAtOnItsExactSampleWhetherSentBeforeOrAfterTheNodeWasAdded() {
        Engine engine = Engine.create(EngineConfig.defaults());
        Constant dc = new Constant(0.5f);
        TestGain g = new TestGain();
        g.gain.reset(0);
        assertThat(g.gain.setAt(0.2, 1_001, 0)).as("unbound: kept until the node plays").isTrue();
        engine.add(dc);
        engine.add(g);
        engine.connect(dc.out, g.in);
        engine.connectToMaster(g.out);
        assertThat(g.gain.setAt(1, 3_333, 0)).as("bound: through the channel").isTrue();
        assertThat(engine.timedEvents().size()).as("waiting in the channel until the next block").isEqualTo(1);
        float[] out = new float[2 * 4_800];
        engine.render(out, 4_800);
        assertThat(firstAbove(out, 0)).as("first sample of the change sent before add").isEqualTo(1_001);
        assertThat(firstAbove(out, 0.2f)).as("first sample of the change sent after add").isEqualTo(3_333);
        assertThat(engine.timedEvents().size()).isZero();
    }

    @Test
    void shouldNotAllocateOnTheAudioThreadWhileTimedEventsFlow() throws Exception {
        Engine engine = Engine.create(EngineConfig.defaults());
        List<TestGain> gains = new ArrayList<>();
        for (int v = 0; v < 20; v++) {
            TestSine s = new TestSine().frequencyHz(100 + 37 * v);
            TestGain g = new TestGain();
            engine.add(s);
            engine.add(g);
            engine.connect(s.out, g.in);
            engine.connectToMaster(g.out);
            gains.add(g);
        }
        ManualDriver driver = new ManualDriver();
        engine.start(driver);
        AudioLoop loop = new AudioLoop(driver.source());
        AtomicBoolean done = new AtomicBoolean();
        long[] sent = new long[1];
        Thread producer = new Thread(() -> {
            SplittableRandom rnd = new SplittableRandom(11);
            while (!done.get()) {
                long now = loop.time;
                // late, due in this block, and up to 20 blocks ahead: every path of the channel and the targets
                long at = Math.max(0, now - 64 + rnd.nextInt(64 * 21));
                if (gains.get(rnd.nextInt(gains.size())).gain.setAt(rnd.nextDouble(), at, rnd.nextInt(3) * 0.001)) {
                    sent[0]++;
                }
                if ((sent[0] & 7) == 0) Thread.yield();
            }
        }, "producer");
        Thread audio = new Thread(loop, "audio");
        producer.start();
        audio.start();
        audio.join();
        done.set(true);
        producer.join();
        engine.stop();
        assertThat(sent[0]).as("timed changes sent while measuring").isGreaterThan(1_000);
        assertThat(loop.windows).as("bytes the audio thread allocated per window of 10,000 blocks").containsOnly(0L);
    }

    /** The audio thread's loop, in a class without string constants (see docs/realtime.md). */
    private static final class AudioLoop implements Runnable {
        private final AudioSource source;
        private final float[] out = new float[2 * 64];
        final long[] windows = new long[5];
        volatile long time;

        AudioLoop(AudioSource source) { this.source = source; }

        @Override public void run() {
            for (int b = 0; b < 50_000; b++) block();
            for (int w = 0; w < windows.length; w++) {
                long before = Allocations.currentThread();
                for (int b = 0; b < 10_000; b++) block();
                windows[w] = Allocations.currentThread() - before;
            }
        }

        private void block() {
            source.renderRt(out, 64);
            time += 64;
        }
    }
}
