package dev.aether.bench;

import dev.aether.bench.patterns.DrumSet;
import dev.aether.core.EngineConfig;
import dev.aether.core.driver.AudioSource;
import dev.aether.core.engine.Engine;
import dev.aether.nodes.drum.DrumKit;
import dev.aether.sequencing.schedule.LookAheadScheduler;
import dev.aether.sequencing.schedule.PatternTarget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The look-ahead scheduler under issue 10's load ({@link DrumSet}: 64 patterns of 16 events per cycle at 140 BPM,
 * about 600 events per second).
 * <ul>
 *   <li>{@link #pass}: one scheduler pass over 10 ms of audio (what its thread does every 10 ms), into targets that
 *       count. Its time over 10 ms is the share of a core the scheduler thread needs: target under 2 %.</li>
 *   <li>{@link #blockWithEvents}: the audio thread's side: one 64-frame block of the 8 kits, the block's events (those
 *       the scheduler queued, recorded in setup, repeating every 12 s) offered through the timed-event channel just
 *       before it, as the scheduler thread does. Target 0 B/op ({@code -prof gc}).</li>
 * </ul>
 * Setup checks the events are sample-exact: every hit of every pattern on the sample the tempo map gives its step.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PatternSchedulerBenchmark {
    static final int FRAMES = 64, PASS_SAMPLES = DrumSet.RATE / 100;

    /** A scheduler whose targets count: the pass alone. */
    @State(Scope.Thread)
    public static class Passes {
        LookAheadScheduler scheduler;
        long horizon, sent;

        @Setup(Level.Trial) public void setup() {
            Engine engine = Engine.create(EngineConfig.defaults());
            DrumSet set = new DrumSet(engine);
            scheduler = new LookAheadScheduler(engine.clock(), m -> { throw new IllegalStateException(m); });
            set.play(scheduler, i -> counting(set.kits[i % DrumSet.KITS]));
        }

        private PatternTarget<Integer> counting(DrumKit kit) {
            return new PatternTarget<>() {
                @Override public String description() { return "counter"; }
                @Override public Integer valueOf(Object token) { return kit.keyOf(String.valueOf(token)); }
                @Override public boolean send(Integer key, long onset, long offset) { sent++; return true; }
            };
        }
    }

    @Benchmark
    public long pass(Passes p) {
        p.horizon += PASS_SAMPLES;
        p.scheduler.advanceTo(p.horizon);
        return p.sent;
    }

    /** The kits on an engine, and one period of the scheduler's events for them, sorted by onset. */
    @State(Scope.Thread)
    public static class Blocks {
        Engine engine;
        AudioSource source;
        DrumKit[] kits;
        final float[] out = new float[2 * FRAMES];
        long[] onset;
        int[] kit, key;
        int next;
        long base, dropped;

        @TearDown(Level.Trial) public void check() {
            if (dropped > 0) throw new IllegalStateException(dropped + " events dropped: a queue was full");
        }

        @Setup(Level.Trial) public void setup() {
            engine = Engine.create(EngineConfig.defaults());
            DrumSet set = new DrumSet(engine);
            kits = set.kits;
            LookAheadScheduler scheduler = new LookAheadScheduler(engine.clock(), m -> { throw new IllegalStateException(m); });
            List<long[]> sent = new ArrayList<>();
            List<List<Long>> perPattern = new ArrayList<>();
            for (int i = 0; i < DrumSet.PATTERNS; i++) perPattern.add(new ArrayList<>());
            set.play(scheduler, i -> new PatternTarget<>() {
                @Override public String description() { return "recorder"; }
                @Override public Integer valueOf(Object token) { return kits[i % DrumSet.KITS].keyOf(String.valueOf(token)); }
                @Override public boolean send(Integer k, long at, long end) {
                    if (at < DrumSet.PERIOD_SAMPLES) {
                        sent.add(new long[] {at, i % DrumSet.KITS, k});
                        perPattern.get(i).add(at);
                    }
                    return true;
                }
            });
            for (long t = 0; t < DrumSet.PERIOD_SAMPLES; t += PASS_SAMPLES) scheduler.advanceTo(t + PASS_SAMPLES);
            List<Long> exact = DrumSet.exactSteps(engine.clock().snapshot().tempoMap(), 0, DrumSet.PERIOD_SAMPLES);
            for (List<Long> p : perPattern) {
                if (!p.equals(exact)) throw new IllegalStateException("not sample-exact: " + p + " vs " + exact);
            }
            sent.sort((a, b) -> Long.compare(a[0], b[0]));
            onset = new long[sent.size()];
            kit = new int[sent.size()];
            key = new int[sent.size()];
            for (int e = 0; e < sent.size(); e++) {
                onset[e] = sent.get(e)[0];
                kit[e] = (int) sent.get(e)[1];
                key[e] = (int) sent.get(e)[2];
            }
            System.out.printf("%nsample-exact: %d patterns x %d hits each on the tempo map's samples; %d events per 12 s%n",
                    perPattern.size(), exact.size(), onset.length);
            source = engine.source();
            source.audioThreadStarted();
        }
    }

    @Benchmark
    public float[] blockWithEvents(Blocks b) {
        long blockStart = b.engine.clock().position();
        while (true) {
            if (b.next == b.onset.length) {
                b.next = 0;
                b.base += DrumSet.PERIOD_SAMPLES;
            }
            long at = b.base + b.onset[b.next];
            if (at >= blockStart + FRAMES) break;
            if (!b.kits[b.kit[b.next]].hitAt(b.key[b.next], at, 1.0)) b.dropped++;
            b.next++;
        }
        b.source.renderRt(b.out, FRAMES);
        return b.out;
    }

    /** Runs {@link #blockWithEvents} setup's exactness check and a few thousand blocks; for a quick look without JMH. */
    public static void main(String[] args) {
        Blocks b = new Blocks();
        b.setup();
        PatternSchedulerBenchmark bench = new PatternSchedulerBenchmark();
        for (int i = 0; i < 20_000; i++) bench.blockWithEvents(b);
        System.out.println(Arrays.toString(Arrays.copyOf(b.out, 4)) + " at engine sample " + b.engine.clock().position());
    }
}
