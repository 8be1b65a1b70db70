package dev.aether.bench;

import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;
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
 * Per-block cost of a smoothed parameter as the engine and a node use it: {@code beginBlockRt(time, 64)},
 * {@code fillRt(float[64], 64)}, {@code endBlockRt()}. Targets (issue 2): <b>≤ 30 ns</b> per block while
 * ramping ({@link #ramping}), <b>≤ 10 ns</b> at rest ({@link #atRest}); both for {@code LINEAR} and
 * {@code EXPONENTIAL} params.
 *
 * <p>Ramping is kept up honestly: every ramp is 600 s long (28.8 M samples, 450 000 blocks) and a new
 * target (alternating between two values) is set every 400 000 blocks, so every measured block is
 * inside a ramp; the rare {@code set} (one small allocation on the control side) is amortised to nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParamBenchmark {
    private static final int FRAMES = 64;
    private static final int RETARGET_BLOCKS = 400_000;
    private static final double RAMP_SECONDS = 600;

    @Param({"LINEAR", "EXPONENTIAL"})
    public SmoothedParam.Curve curve;

    private SmoothedParam ramping;
    private SmoothedParam resting;
    private double low, high;
    private final float[] dst = new float[FRAMES];
    private long rampTime, restTime;
    private int sinceTarget;
    private boolean up;

    @Setup
    public void setUp() {
        if (curve == SmoothedParam.Curve.EXPONENTIAL) {
            ramping = Params.hz("frequencyHz", 100, 20, 20_000);
            resting = Params.hz("frequencyHz", 440, 20, 20_000);
            low = 100;
            high = 10_000;
        } else {
            ramping = Params.linear("amount", "", 0, 0, 1);
            resting = Params.linear("amount", "", 0.5, 0, 1);
            low = 0;
            high = 1;
        }
        ramping.prepare(48_000);
        resting.prepare(48_000);
        ramping.set(high, RAMP_SECONDS);
        up = true;
        ramping.beginBlockRt(rampTime, FRAMES);
        ramping.endBlockRt();
        rampTime += FRAMES;
        if (!ramping.isSmoothingRt()) throw new IllegalStateException("not ramping");
    }

    /** begin + fill + end while a ramp runs. */
    @Benchmark
    public float[] ramping() {
        if (++sinceTarget == RETARGET_BLOCKS) {
            sinceTarget = 0;
            up = !up;
            ramping.set(up ? high : low, RAMP_SECONDS);
        }
        SmoothedParam p = ramping;
        p.beginBlockRt(rampTime, FRAMES);
        p.fillRt(dst, FRAMES);
        p.endBlockRt();
        rampTime += FRAMES;
        return dst;
    }

    /** begin + fill + end with the value settled. */
    @Benchmark
    public float[] atRest() {
        SmoothedParam p = resting;
        p.beginBlockRt(restTime, FRAMES);
        p.fillRt(dst, FRAMES);
        p.endBlockRt();
        restTime += FRAMES;
        return dst;
    }

    /** begin + currentRt + end at rest: what a node that reads one value per block pays. */
    @Benchmark
    public double atRestCurrentOnly() {
        SmoothedParam p = resting;
        p.beginBlockRt(restTime, FRAMES);
        double v = p.currentRt();
        p.endBlockRt();
        restTime += FRAMES;
        return v;
    }
}
