package dev.aether.bench;

import dev.aether.core.DspNode;
import dev.aether.core.node.NodeRunner;
import dev.aether.nodes.drum.DrumKit;
import dev.aether.nodes.drum.Hits;
import dev.aether.nodes.drum.SampleKit;
import dev.aether.nodes.sample.Sample;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One 64-frame block of a drum kit alone (outside any engine) with every one of its eight hits sounding: each is
 * hit again every 16 blocks (21 ms at 48 kHz), one hit every other block, at a sample inside the next block, so
 * the kit also splits blocks at hits. {@code kit} = {@code drums()} (synthesised), {@code samples} = a
 * {@link SampleKit} of eight 0.5 s mono samples at 44.1 kHz, hit at rate 1.1 (interpolated). Divide by 64 for ns
 * per sample; {@code -prof gc} shows the bytes per block (the hits are sent from the same thread, unbound: the
 * kit's list takes them directly).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DrumKitBenchmark {
    private static final int FRAMES = 64;

    @Param({"kit", "samples"})
    public String kit;

    private Hits hits;
    private SampleKit samples;
    private NodeRunner runner;
    private long time, block;

    @Setup
    public void setUp() {
        DspNode node;
        if (kit.equals("kit")) {
            DrumKit d = new DrumKit().clearChokes();
            node = d;
            hits = d;
        } else {
            Map<String, Sample> m = new LinkedHashMap<>();
            for (int k = 0; k < 8; k++) {
                float[] x = new float[22_050];
                for (int i = 0; i < x.length; i++) x[i] = (float) (Math.sin(i * 0.01 * (k + 1)) * Math.exp(-i / 8_000.0));
                m.put("s" + k, Sample.of("s" + k, 44_100, x));
            }
            samples = new SampleKit("bench", m);
            node = samples;
            hits = samples;
        }
        runner = new NodeRunner(this, node, 48_000, FRAMES);
        for (int b = 0; b < 2_000; b++) block();
    }

    private void block() {
        if ((block & 1) == 0) {
            int key = (int) (block >> 1) & 7;
            long at = time + FRAMES + (block * 7) % FRAMES;
            if (samples != null) samples.hitAt(key, at, 0.8, 1.1); else hits.hitAt(key, at, 0.8);
        }
        runner.runRt(time, FRAMES, 120, 0);
        time += FRAMES;
        block++;
    }

    @Benchmark
    public long process() {
        block();
        return time;
    }
}
