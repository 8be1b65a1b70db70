package dev.aether.bench;

import dev.aether.nodes.delay.Chorus;
import dev.aether.nodes.delay.FeedbackDelay;
import dev.aether.nodes.reverb.Freeverb;
import dev.aether.nodes.mix.Pan;
import dev.aether.nodes.dynamics.Waveshaper;

import dev.aether.bench.nodes.Amp;
import dev.aether.bench.nodes.BlepSaw;
import dev.aether.bench.nodes.LinearAdsr;
import dev.aether.bench.nodes.RbjLowPass;
import dev.aether.bench.patch.Voicing;
import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.node.NodeRunner;
import dev.aether.nodes.env.AdsrEnvelope;
import dev.aether.nodes.filter.BiquadFilter;
import dev.aether.nodes.filter.OnePoleLowPass;
import dev.aether.nodes.filter.StateVariableFilter;
import dev.aether.nodes.mix.Gain;
import dev.aether.nodes.mix.Vca;
import dev.aether.nodes.osc.SawOscillator;
import dev.aether.nodes.osc.SineOscillator;
import dev.aether.nodes.voice.SubtractiveVoice;
import dev.aether.nodes.voice.Voice;
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
 * One node alone, one 64-frame block per op, outside any engine: what each node of the standard patch costs by
 * itself (the stdlib nodes users get, and the benchmark module's own voice nodes that
 * {@link StandardPatchBenchmark#engine} uses). Inputs {@code in} and {@code control} hold a fixed signal in
 * [-0.5, 0.5], others (fm, pm, sync, gate) silence, as when unconnected; parameters are at rest.
 * Divide by 64 for ns per sample; {@code 256 ×} the sum over a voice's nodes is the node work in one block of the
 * standard patch at N = 256.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class NodeCostBenchmark {
    private static final int FRAMES = 64;

    @Param({"sine", "saw", "biquad", "svf", "onePole", "pan", "delay", "chorus", "reverb", "shaper", "adsr", "vca", "gain", "subtractiveVoice", "benchSaw", "benchLowPass", "benchAdsr", "benchAmp"})
    public String node;

    private DspNode n;
    private NodeRunner runner;
    private long time;

    @Setup
    public void setUp() {
        n = switch (node) {
            case "sine" -> new SineOscillator().frequencyHz(Voicing.frequencyHz(7));
            case "saw" -> new SawOscillator().frequencyHz(Voicing.frequencyHz(7));
            case "biquad" -> new BiquadFilter().cutoffHz(Voicing.cutoffHz(7)).q(Voicing.Q);
            case "svf" -> new StateVariableFilter();
            case "onePole" -> new OnePoleLowPass();
            case "pan" -> new dev.aether.nodes.mix.Pan(0.3);
            case "delay" -> new dev.aether.nodes.delay.FeedbackDelay();
            case "chorus" -> new dev.aether.nodes.delay.Chorus();
            case "reverb" -> new dev.aether.nodes.reverb.Freeverb();
            case "shaper" -> new dev.aether.nodes.dynamics.Waveshaper();
            case "adsr" -> {
                AdsrEnvelope env = new AdsrEnvelope();
                env.noteOn();
                yield env;
            }
            case "vca" -> new Vca();
            case "subtractiveVoice" -> new SubtractiveVoice().filter(Voicing.cutoffHz(7), Voicing.Q)
                    .adsr(Voicing.ATTACK_SECONDS, Voicing.DECAY_SECONDS, Voicing.SUSTAIN, Voicing.RELEASE_SECONDS);
            case "gain" -> new Gain(-12);
            case "benchSaw" -> new BlepSaw().frequencyHz(Voicing.frequencyHz(7));
            case "benchLowPass" -> new RbjLowPass(Voicing.Q).cutoffHz(Voicing.cutoffHz(7));
            case "benchAdsr" -> new LinearAdsr(Voicing.ATTACK_SECONDS, Voicing.DECAY_SECONDS, Voicing.SUSTAIN,
                    Voicing.RELEASE_SECONDS);
            case "benchAmp" -> new Amp().gain(0.25);
            default -> throw new IllegalArgumentException(node);
        };
        runner = new NodeRunner(this, n, Voicing.SAMPLE_RATE, FRAMES);
        for (InputPort port : runner.spec().inputs()) {
            if (!port.name().equals("in") && !port.name().equals("control")) continue;   // fm, pm, sync, gate: unconnected
            float[][] signal = new float[port.channels()][FRAMES];
            for (float[] b : signal) for (int k = 0; k < FRAMES; k++) b[k] = (k % 32) / 32f - 0.5f;
            runner.feed(port, signal);
        }
        if (n instanceof Voice v) v.noteOnRt(Voicing.frequencyHz(7), 1);
        for (int b = 0; b < Voicing.SETTLE_BLOCKS; b++) block();
    }

    private void block() {
        runner.runRt(time, FRAMES, 120, 0);
        time += FRAMES;
    }

    @Benchmark
    public long process() {
        block();
        return time;
    }
}
