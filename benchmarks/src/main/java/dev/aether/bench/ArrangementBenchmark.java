package dev.aether.bench;

import dev.aether.arrange.AudioClip;
import dev.aether.arrange.AudioTrack;
import dev.aether.arrange.Curve;
import dev.aether.arrange.Lane;
import dev.aether.arrange.MediaPool;
import dev.aether.arrange.Position;
import dev.aether.arrange.Project;
import dev.aether.arrange.Strip;
import dev.aether.arrange.Tempo;
import dev.aether.arrange.live.LiveArrangement;
import dev.aether.arrange.live.RecipeResolver;
import dev.aether.arrange.stream.AudioPool;
import dev.aether.core.ParallelMode;
import dev.aether.core.DspNode;
import dev.aether.core.EngineConfig;
import dev.aether.core.driver.AudioSource;
import dev.aether.core.engine.Engine;
import dev.aether.core.io.WavFormat;
import dev.aether.core.io.WavWriter;
import dev.aether.nodes.delay.FeedbackDelay;
import dev.aether.nodes.dynamics.Compressor;
import dev.aether.nodes.filter.BiquadFilter;
import dev.aether.nodes.mix.Pan;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * An arrangement of {@code tracks} audio tracks, each a clip of noise (at -12 dBFS peak, so the compressors work
 * above their -20 dB threshold part of the time) through 8 effects (a realistic chain: four EQ biquads (high-pass,
 * low shelf, peak, high shelf), a compressor, a feedback delay, a low-pass biquad and a pan), with a volume lane on
 * every track, playing on the engine at 48 kHz in 64-frame blocks. One op renders one block through the driver's
 * entry point. Target (issue 13): at {@code tracks=128}, one block in at most half the block period, 0.67 ms.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ArrangementBenchmark {
    private static final int FRAMES = 64, RATE = 48_000;

    @Param({"128"})
    public int tracks;

    private Engine engine;
    private AudioPool pool;
    private LiveArrangement arr;
    private AudioSource source;
    private Path dir;
    private final float[] interleaved = new float[2 * FRAMES];

    static DspNode recipe(String r) {
        switch (r) {
            case "hp": return new BiquadFilter(BiquadFilter.Mode.HIGH_PASS).cutoffHz(40);
            case "lowshelf": return new BiquadFilter(BiquadFilter.Mode.LOW_SHELF).cutoffHz(120).gainDb(3);
            case "peak": return new BiquadFilter(BiquadFilter.Mode.PEAK).cutoffHz(900).q(1.2).gainDb(-4);
            case "highshelf": return new BiquadFilter(BiquadFilter.Mode.HIGH_SHELF).cutoffHz(8000).gainDb(2);
            case "comp": return new Compressor().thresholdDb(-20).ratio(4);
            case "delay": return new FeedbackDelay(500).delayMillis(180);
            case "lp": return new BiquadFilter(BiquadFilter.Mode.LOW_PASS).cutoffHz(12_000);
            case "pan": return new Pan();
            default: throw new IllegalArgumentException("no recipe " + r);
        }
    }

    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("arrbench");
        float[] noise = new float[10 * RATE];
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < noise.length; i++) noise[i] = (float) ((rnd.nextDouble() * 2 - 1) * 0.25);
        Path f = dir.resolve("noise.wav");
        try (WavWriter w = WavWriter.open(f, WavFormat.FLOAT_32, 1, RATE)) {
            w.write(noise, noise.length);
        }
        Project p = new Project(Tempo.DEFAULT, MediaPool.EMPTY.with("noise", f), List.of());
        List<String> chain = List.of("hp", "lowshelf", "peak", "highshelf", "comp", "delay", "lp", "pan");
        for (int t = 0; t < tracks; t++) {
            List<AudioClip> clips = new ArrayList<>();
            for (int k = 0; k < 100; k++) clips.add(AudioClip.of("noise", Position.seconds(10 * k), Position.seconds(10)));
            Lane vol = new Lane(Lane.Target.VOLUME, List.of(new Lane.Point(Position.ZERO, -30, Curve.LINEAR),
                    new Lane.Point(Position.seconds(20), 0, Curve.LINEAR)));
            p = p.add(new AudioTrack("t" + t, Strip.DEFAULT.withEffects(chain).withVolumeDb(-12).withLane(vol), clips));
        }
        engine = Engine.create(EngineConfig.defaults().sampleRate(RATE).blockSize(FRAMES), ParallelMode.OFF);
        pool = new AudioPool();
        RecipeResolver r = ArrangementBenchmark::recipe;
        arr = LiveArrangement.attach(engine, pool, r);
        arr.apply(p);
        arr.seek(Position.ZERO);
        arr.play();
        source = engine.source();
        for (int i = 0; i < 2_000; i++) source.renderRt(interleaved, FRAMES);
    }

    @TearDown
    public void tearDown() throws IOException {
        arr.close();
        engine.close();
        pool.close();
    }

    /** One 64-frame block of the whole arrangement. */
    @Benchmark
    public float renderBlock() {
        source.renderRt(interleaved, FRAMES);
        return interleaved[0];
    }

    /**
     * The same arrangement measured in CPU time of the rendering thread (so a machine shared with other work does not
     * count its waits): args [tracks=128] [blocks per round=5000] [rounds=8]; prints each round's mean and the best.
     */
    public static void main(String[] args) throws IOException {
        ArrangementBenchmark b = new ArrangementBenchmark();
        b.tracks = args.length > 0 ? Integer.parseInt(args[0]) : 128;
        int blocks = args.length > 1 ? Integer.parseInt(args[1]) : 5_000, rounds = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        b.setUp();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) b.renderBlock();
        double best = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            long cpu = mx.getCurrentThreadCpuTime(), wall = System.nanoTime();
            for (int i = 0; i < blocks; i++) b.renderBlock();
            double us = (mx.getCurrentThreadCpuTime() - cpu) / 1e3 / blocks, wallUs = (System.nanoTime() - wall) / 1e3 / blocks;
            best = Math.min(best, us);
            System.out.printf("round %d: %.1f us CPU per block (%.1f us wall)%n", r + 1, us, wallUs);
        }
        System.out.printf("tracks=%d: best round %.1f us CPU per 64-frame block (deadline 1333 us, target 667 us)%n", b.tracks, best);
        b.engine.profileNodes(true);
        java.util.Map<String, double[]> byType = new java.util.TreeMap<>();
        for (int k = 0; k < 200; k++) {
            for (int i = 0; i < 10; i++) b.renderBlock();
            for (dev.aether.core.view.NodeInfo info : b.engine.nodes()) {
                String type = info.node().typeName();
                byType.computeIfAbsent(type, x -> new double[1])[0] += info.costNanos() / 200.0 / 1e3;
            }
        }
        b.engine.profileNodes(false);
        byType.forEach((type, us) -> System.out.printf("  %-24s %7.1f us per block (all of them, wall)%n", type, us[0]));
        b.tearDown();
    }
}
