package dev.aether.bench;

import dev.aether.core.ParallelMode;
import dev.aether.core.rt.Scheduler;

import dev.aether.nodes.env.AdsrEnvelope;
import dev.aether.nodes.filter.BiquadFilter;
import dev.aether.core.graph.PlanEntry;
import dev.aether.nodes.voice.PolyVoices;
import dev.aether.core.ProcessContext;
import dev.aether.nodes.osc.SawOscillator;
import dev.aether.nodes.voice.SubtractiveVoice;
import dev.aether.nodes.mix.Vca;

import dev.aether.bench.nodes.Amp;
import dev.aether.bench.nodes.BlepSaw;
import dev.aether.bench.nodes.LinearAdsr;
import dev.aether.bench.nodes.MonoToStereo;
import dev.aether.bench.nodes.RbjLowPass;
import dev.aether.bench.patch.FusedVoices;
import dev.aether.bench.patch.PipesAdsr;
import dev.aether.bench.patch.Voicing;
import dev.aether.core.engine.Engine;
import dev.aether.core.EngineConfig;
import dev.aether.core.driver.AudioSource;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jaudiolibs.audioservers.AudioConfiguration;
import org.jaudiolibs.pipes.Add;
import org.jaudiolibs.pipes.Tee;
import org.jaudiolibs.pipes.client.PipesAudioClient;
import org.jaudiolibs.pipes.units.Gain;
import org.jaudiolibs.pipes.units.IIRFilter;
import org.jaudiolibs.pipes.units.Osc;
import org.jaudiolibs.pipes.units.Waveform;
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

/**
 * The standard patch of issue 3: N voices of band-limited saw → biquad low-pass → ADSR (in sustain) →
 * gain → stereo sum, 48 kHz, one 64-frame block per op, N = 16, 64, 256. Targets: the engine at
 * <b>≥ 0.7× the speed of the hand-fused loop</b> at N = 256 and <b>≥ 2× the speed of jaudiolibs Pipes</b>.
 * Divide the score by {@code N * 64} for ns per voice-sample.
 *
 * <ul>
 *   <li>{@link #fused}: {@link FusedVoices}, plain Java with no engine (the ceiling).</li>
 *   <li>{@link #pipes}: jaudiolibs Pipes 2.0.0 through a headless {@link PipesAudioClient}: {@code Osc}
 *       (Saw, PolyBLEP, float) → {@code IIRFilter} (LP12) → {@link PipesAdsr} → {@code Gain} → one
 *       {@code Add} → {@code Tee} → both output sinks. Pipes' LP12 is its own resonant two-pole design,
 *       not the RBJ biquad: similar work per sample, not identical.</li>
 *   <li>{@link #engine}: the aether engine with {@code 4N + 2} nodes. The stdlib nodes are not on main yet,
 *       so the voice nodes are the benchmark module's own ({@code dev.aether.bench.nodes}: {@link BlepSaw},
 *       {@link RbjLowPass}, {@link LinearAdsr}, {@link Amp}, {@link MonoToStereo}); switch to
 *       {@code dev.aether.nodes.*} when they land.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class StandardPatchBenchmark {
    private static final int FRAMES = Voicing.FRAMES;

    @State(Scope.Thread)
    public static class FusedState {
        @Param({"16", "64", "256"})
        public int voices;
        FusedVoices patch;
        final float[] interleaved = new float[2 * FRAMES];

        @Setup
        public void setUp() {
            patch = new FusedVoices(voices);
            for (int b = 0; b < Voicing.SETTLE_BLOCKS; b++) patch.render(interleaved, FRAMES);
            requireSound(interleaved, "fused");
        }
    }

    @State(Scope.Thread)
    public static class PipesState {
        @Param({"16", "64", "256"})
        public int voices;
        PipesAudioClient client;
        final float[] left = new float[FRAMES], right = new float[FRAMES];
        final FloatBuffer leftBuffer = FloatBuffer.wrap(left), rightBuffer = FloatBuffer.wrap(right);
        List<FloatBuffer> outputs;
        long nanos;

        @Setup
        public void setUp() throws Exception {
            client = new PipesAudioClient(FRAMES, 0, 2);
            Add sum = new Add(voices);
            for (int v = 0; v < voices; v++) {
                Osc osc = new Osc().waveform(Waveform.Saw).frequency(Voicing.frequencyHz(v));
                IIRFilter lp = new IIRFilter().type(IIRFilter.LP12).frequency(Voicing.cutoffHz(v));
                PipesAdsr env = new PipesAdsr(Voicing.SAMPLE_RATE);
                Gain gain = new Gain().level(Voicing.gain(voices));
                lp.addSource(osc);
                env.addSource(lp);
                gain.addSource(env);
                sum.addSource(gain);
            }
            Tee tee = new Tee(2);
            tee.addSource(sum);
            client.getSink(0).addSource(tee);
            client.getSink(1).addSource(tee);
            client.configure(new AudioConfiguration(Voicing.SAMPLE_RATE, 0, 2, FRAMES, true));
            outputs = List.of(leftBuffer, rightBuffer);
            for (int b = 0; b < Voicing.SETTLE_BLOCKS; b++) render();
            requireSound(left, "pipes left");
            requireSound(right, "pipes right");
        }

        void render() {
            leftBuffer.clear();
            rightBuffer.clear();
            nanos += 1_333_333;
            client.process(nanos, List.of(), outputs, FRAMES);
        }
    }

    @State(Scope.Thread)
    public static class EngineState {
        @Param({"16", "64", "256"})
        public int voices;
        Engine engine;
        AudioSource source;
        final float[] interleaved = new float[2 * FRAMES];

        @Setup
        public void setUp() {
            engine = Engine.create(EngineConfig.defaults().sampleRate(Voicing.SAMPLE_RATE).blockSize(FRAMES), ParallelMode.OFF);
            MonoToStereo mix = new MonoToStereo();
            engine.batch(() -> {
                engine.add(mix);
                for (int v = 0; v < voices; v++) {
                    BlepSaw saw = new BlepSaw().frequencyHz(Voicing.frequencyHz(v));
                    RbjLowPass lp = new RbjLowPass(Voicing.Q).cutoffHz(Voicing.cutoffHz(v));
                    LinearAdsr env = new LinearAdsr(Voicing.ATTACK_SECONDS, Voicing.DECAY_SECONDS, Voicing.SUSTAIN,
                            Voicing.RELEASE_SECONDS);
                    Amp gain = new Amp().gain(Voicing.gain(voices));
                    engine.add(saw);
                    engine.add(lp);
                    engine.add(env);
                    engine.add(gain);
                    engine.connect(saw.out, lp.in);
                    engine.connect(lp.out, env.in);
                    engine.connect(env.out, gain.in);
                    engine.connect(gain.out, mix.in);
                }
                engine.connectToMaster(mix.out);
            });
            source = settle(engine, interleaved, "engine");
        }

        // the event ring is not drained: see SchedulerBenchmark#renderBlock
        @TearDown
        public void tearDown() { engine.close(); }
    }

    /**
     * The same patch from the stdlib nodes now on main: {@code SawOscillator} (table BLEP/BLAMP, 16-sample
     * kernel: more work than PolyBLEP) → {@code BiquadFilter} (LOW_PASS, direct form I, 3 params) → {@code Vca}
     * with {@code AdsrEnvelope} (note on) on its control → {@code Gain} (dB) → the engine's input sum →
     * {@link MonoToStereo}: {@code 5N + 2} nodes. Not the same arithmetic as {@link #fused}; compare with care.
     */
    @State(Scope.Thread)
    public static class StdlibEngineState {
        @Param({"16", "64", "256"})
        public int voices;
        Engine engine;
        AudioSource source;
        final float[] interleaved = new float[2 * FRAMES];

        @Setup
        public void setUp() {
            engine = Engine.create(EngineConfig.defaults().sampleRate(Voicing.SAMPLE_RATE).blockSize(FRAMES), ParallelMode.OFF);
            addStdlibPatch(engine, voices);
            source = settle(engine, interleaved, "engine (stdlib)");
            entries = ((Scheduler) engine.source()).currentPlan().entries;
            ctx = new dev.aether.core.ProcessContext(Voicing.SAMPLE_RATE);
            ctx.silence(((Scheduler) engine.source()).currentPlan().silence);
            ctx.time(0, FRAMES, 120, 0);
        }

        dev.aether.core.graph.PlanEntry[] entries;
        dev.aether.core.ProcessContext ctx;
        long time;

        void nodesOnly() {
            for (dev.aether.core.graph.PlanEntry e : entries) {
                sum(e.sums);
                e.clock.beginRt(time, FRAMES);
                ctx.bind(e.inputs, e.outputs);
                e.node.process(ctx);
                e.clock.endRt();
                sum(e.partials);
            }
            time += FRAMES;
        }

        private static void sum(dev.aether.core.graph.BlockSums sums) {
            if (sums == null) return;
            for (int k = 0; k < sums.targets.length; k++) {
                float[] dst = sums.targets[k];
                java.util.Arrays.fill(dst, 0, FRAMES, 0f);
                for (float[] x : sums.sources[k]) for (int i = 0; i < FRAMES; i++) dst[i] += x[i];
            }
        }

        @TearDown
        public void tearDown() { engine.close(); }
    }

    /**
     * The same patch as an instrument, the way the stdlib builds polyphony: one {@code PolyVoices} of N
     * {@code SubtractiveVoice}s (each the fused loop's arithmetic in one pass: PolyBLEP saw → direct-form-I
     * low-pass → linear ADSR × level; its params clocked by {@code NodeRunner}), voice v playing key v at
     * {@link Voicing#frequencyHz}(v) with its filter at {@link Voicing#cutoffHz}(v) and its level at 1/N, then
     * {@link MonoToStereo}: 2 engine nodes. The engine's fault guard and per-node cost apply to the instrument
     * as a whole instead of to each of its 4N stages.
     */
    @State(Scope.Thread)
    public static class PolyEngineState {
        @Param({"16", "64", "256"})
        public int voices;
        Engine engine;
        AudioSource source;
        final float[] interleaved = new float[2 * FRAMES];

        @Setup
        public void setUp() {
            engine = Engine.create(EngineConfig.defaults().sampleRate(Voicing.SAMPLE_RATE).blockSize(FRAMES), ParallelMode.OFF);
            int[] next = {0};
            var poly = new dev.aether.nodes.voice.PolyVoices(voices, () -> {
                int v = next[0]++;
                return new dev.aether.nodes.voice.SubtractiveVoice()
                        .filter(Voicing.cutoffHz(v), Voicing.Q)
                        .adsr(Voicing.ATTACK_SECONDS, Voicing.DECAY_SECONDS, Voicing.SUSTAIN, Voicing.RELEASE_SECONDS)
                        .gainDb(20 * Math.log10(Voicing.gain(voices)));
            });
            MonoToStereo mix = new MonoToStereo();
            engine.batch(() -> {
                engine.add(poly);
                engine.add(mix);
                engine.connect(poly.out, mix.in);
                engine.connectToMaster(mix.out);
            });
            for (int v = 0; v < voices; v++) poly.noteOnHz(v, Voicing.frequencyHz(v), 1);
            source = settle(engine, interleaved, "engine (PolyVoices of SubtractiveVoice)");
            if (poly.activeVoices() != voices) {
                throw new IllegalStateException(poly.activeVoices() + " voices sound, expected " + voices);
            }
        }

        @TearDown
        public void tearDown() { engine.close(); }
    }

    @Benchmark
    public float[] enginePoly(PolyEngineState s) {
        s.source.renderRt(s.interleaved, FRAMES);
        return s.interleaved;
    }

    @Benchmark
    public float[] engineStdlib(StdlibEngineState s) {
        s.source.renderRt(s.interleaved, FRAMES);
        return s.interleaved;
    }

    /**
     * The stdlib patch's node work in its plan, without the scheduler: for each entry in order, its input sums,
     * param block start, {@code process} and param block end (no fault scan, no meters, no master). The difference
     * to {@link #engineStdlib} is what the scheduler itself costs.
     */
    @Benchmark
    public void engineStdlibNodesOnly(StdlibEngineState s) {
        s.nodesOnly();
    }

    @Benchmark
    public float[] fused(FusedState s) {
        s.patch.render(s.interleaved, FRAMES);
        return s.interleaved;
    }

    @Benchmark
    public float[] pipes(PipesState s) {
        s.render();
        return s.left;
    }

    @Benchmark
    public float[] engine(EngineState s) {
        s.source.renderRt(s.interleaved, FRAMES);
        return s.interleaved;
    }

    /** Renders {@link Voicing#SETTLE_BLOCKS} blocks (every envelope in sustain), drops the events, checks for sound. */
    /**
     * Builds the standard patch from the stdlib nodes into {@code engine} in one batch: {@code voices} chains of
     * {@code SawOscillator} → {@code BiquadFilter} (low-pass) → {@code Vca} with {@code AdsrEnvelope} on its control
     * (note on) → {@code Gain}, summed into a {@link MonoToStereo} on the master ({@code 5N + 2} nodes).
     */
    public static void addStdlibPatch(Engine engine, int voices) {
        MonoToStereo mix = new MonoToStereo();
        engine.batch(() -> {
            engine.add(mix);
            for (int v = 0; v < voices; v++) {
                var saw = new dev.aether.nodes.osc.SawOscillator().frequencyHz(Voicing.frequencyHz(v));
                var lp = new dev.aether.nodes.filter.BiquadFilter().cutoffHz(Voicing.cutoffHz(v)).q(Voicing.Q);
                var env = new dev.aether.nodes.env.AdsrEnvelope();
                env.attackSeconds.set(Voicing.ATTACK_SECONDS);
                env.decaySeconds.set(Voicing.DECAY_SECONDS);
                env.sustainLevel.set(Voicing.SUSTAIN);
                var vca = new dev.aether.nodes.mix.Vca();
                var gain = new dev.aether.nodes.mix.Gain(20 * Math.log10(Voicing.gain(voices)));
                engine.add(saw);
                engine.add(lp);
                engine.add(env);
                engine.add(vca);
                engine.add(gain);
                engine.connect(saw.out, lp.in);
                engine.connect(lp.out, vca.in);
                engine.connect(env.out, vca.control);
                engine.connect(vca.out, gain.in);
                engine.connect(gain.out, mix.in);
                env.noteOn();
            }
            engine.connectToMaster(mix.out);
        });
    }

    static AudioSource settle(Engine engine, float[] interleaved, String what) {
        AudioSource source = engine.source();
        for (int b = 0; b < Voicing.SETTLE_BLOCKS; b++) source.renderRt(interleaved, FRAMES);
        engine.pollEvents(e -> { });
        requireSound(interleaved, what);
        return source;
    }

    static void requireSound(float[] block, String what) {
        double ss = 0;
        for (float v : block) ss += v * v;
        if (!(ss > 0) || !Double.isFinite(ss)) throw new IllegalStateException(what + " renders silence or NaN");
    }
}
