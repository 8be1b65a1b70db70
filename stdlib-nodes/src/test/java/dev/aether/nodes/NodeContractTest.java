package dev.aether.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.NodeSpec;
import dev.aether.core.NodeState;
import dev.aether.core.param.SmoothedParam;
import dev.aether.core.testing.NodeHarness;
import dev.aether.nodes.analysis.PeakRmsMeter;
import dev.aether.nodes.analysis.ScopeTap;
import dev.aether.nodes.analysis.SpectrumTap;
import dev.aether.nodes.delay.AllPassFilter;
import dev.aether.nodes.delay.Chorus;
import dev.aether.nodes.delay.CombFilter;
import dev.aether.nodes.delay.DelayLine;
import dev.aether.nodes.delay.FeedbackDelay;
import dev.aether.nodes.delay.Flanger;
import dev.aether.nodes.delay.Interpolation;
import dev.aether.nodes.delay.TapeLoop;
import dev.aether.nodes.dynamics.Compressor;
import dev.aether.nodes.dynamics.Limiter;
import dev.aether.nodes.dynamics.Waveshaper;
import dev.aether.nodes.env.AdsrEnvelope;
import dev.aether.nodes.env.ArEnvelope;
import dev.aether.nodes.env.EnvelopeCurve;
import dev.aether.nodes.env.ExponentialSegments;
import dev.aether.nodes.env.LineSegment;
import dev.aether.nodes.mix.Crossfader;
import dev.aether.nodes.mix.Gain;
import dev.aether.nodes.mix.Pan;
import dev.aether.nodes.mix.Splitter;
import dev.aether.nodes.mix.StereoMixer;
import dev.aether.nodes.mix.Vca;
import dev.aether.nodes.reverb.Freeverb;
import dev.aether.nodes.voice.PolyVoices;
import dev.aether.nodes.voice.TestVoice;
import java.lang.management.ManagementFactory;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Contract of every node in env, delay, reverb, dynamics, mix, voice, analysis. */
class NodeContractTest {
    static final int SR = 48_000, BLOCK = 64;

    static Stream<Arguments> nodes() {
        return Stream.of(
                node("AdsrEnvelope", () -> new AdsrEnvelope(0.005, 0.01, 0.5, 0.02)),
                node("AdsrEnvelope exp", () -> new AdsrEnvelope(0.005, 0.01, 0.5, 0.02).curve(EnvelopeCurve.EXPONENTIAL)),
                node("ArEnvelope", () -> new ArEnvelope(0.003, 0.02)),
                node("LineSegment", () -> new LineSegment(-1, 2, 0.01)),
                node("ExponentialSegments", () -> new ExponentialSegments(0, new double[] {1, 0.3, 0},
                        new double[] {0.002, 0.01, 0.02}, 4)),
                node("DelayLine linear", () -> new DelayLine(50).delayMillis(7.3)),
                node("DelayLine cubic", () -> new DelayLine(50).delayMillis(7.3).interpolation(Interpolation.CUBIC)),
                node("FeedbackDelay", () -> new FeedbackDelay(100).delayMillis(13).feedback(0.7)),
                node("TapeLoop", () -> new TapeLoop(0.05).recording(true).feedback(0.8)),
                node("CombFilter", () -> new CombFilter().damping(0.3)),
                node("AllPassFilter", AllPassFilter::new),
                node("Chorus", Chorus::new),
                node("Flanger", Flanger::new),
                node("Freeverb", Freeverb::new),
                node("Compressor", () -> new Compressor().thresholdDb(-30)),
                node("Limiter", () -> new Limiter().ceilingDb(-6)),
                node("Waveshaper", () -> new Waveshaper(Waveshaper.Shape.FOLDBACK).driveDb(12)),
                node("Gain", () -> new Gain(-6)),
                node("Pan", () -> new Pan(0.3)),
                node("StereoMixer", () -> new StereoMixer(3).gainDb(1, -6).pan(2, 0.5)),
                node("Splitter", () -> new Splitter(3)),
                node("Crossfader", () -> new Crossfader(0.3)),
                node("Vca", Vca::new),
                node("PolyVoices", () -> {
                    PolyVoices p = new PolyVoices(4, TestVoice::new);
                    for (int k = 0; k < 6; k++) p.noteOn(60 + k, 0.8);
                    p.noteOff(62);
                    return p;
                }),
                node("PeakRmsMeter", PeakRmsMeter::new),
                node("ScopeTap", () -> new ScopeTap(256)),
                node("SpectrumTap", () -> new SpectrumTap(1024)));
    }

    /** Wraps a factory so that every param starts at its configured value, with no ramp pending. */
    static Arguments node(String name, Supplier<DspNode> f) {
        Supplier<DspNode> settled = () -> {
            DspNode n = f.get();
            for (SmoothedParam p : NodeSpec.of(n).params()) p.reset(p.get());
            return n;
        };
        return Arguments.of(name, settled);
    }

    static void assertSame(float[] actual, float[] expected, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(actual[i]) != Float.floatToRawIntBits(expected[i])) {
                throw new AssertionError(what + ": first difference at sample " + i + ": " + actual[i]
                        + " instead of " + expected[i]);
            }
        }
    }

    /** Feeds every input: gates and triggers get a square wave, control a positive ramp, audio seeded noise. */
    static void feed(NodeHarness h, long from) {
        int len = 200_000;
        for (InputPort p : h.spec().inputs()) {
            float[][] sig = new float[p.channels()][len];
            for (int c = 0; c < p.channels(); c++) {
                for (int i = 0; i < len; i++) {
                    long t = i + from;
                    float v;
                    if (p.name().equals("gate") || p.name().equals("trigger")) v = (t / 1500) % 2 == 0 ? 0f : 1f;
                    else if (p.name().equals("control")) v = (float) ((t % 1000) / 1000.0);
                    else v = (float) ((new Random(t * 31 + c).nextDouble() * 2 - 1) * 0.8);
                    sig[c][i] = v;
                }
            }
            h.input(p, sig);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodes")
    void shouldContinueBitIdenticallyAfterSaveAndRestore(String name, Supplier<DspNode> factory) {
        NodeHarness a = new NodeHarness(factory.get(), SR, BLOCK);
        feed(a, 0);
        a.render(BLOCK * 131);
        NodeState saved = a.node().saveState();
        float[][][] expected = a.render(BLOCK * 200);

        NodeHarness b = new NodeHarness(factory.get(), SR, BLOCK);
        feed(b, BLOCK * 131);
        b.node().reset();                            // drops control events the factory queued
        if (saved != null) b.node().restoreState(saved);
        if (saved == null) {                        // stateless or state-free tap: replay the past instead
            b = new NodeHarness(factory.get(), SR, BLOCK);
            feed(b, 0);
            b.render(BLOCK * 131);
        }
        float[][][] actual = b.render(BLOCK * 200);
        for (int o = 0; o < expected.length; o++) {
            for (int c = 0; c < expected[o].length; c++) {
                assertSame(actual[o][c], expected[o][c], name + " output " + o + " channel " + c + " after restore");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodes")
    void shouldProduceFiniteOutputAndResetDeterministically(String name, Supplier<DspNode> factory) {
        DspNode node = factory.get();
        NodeHarness h = new NodeHarness(node, SR, BLOCK);
        feed(h, 0);
        float[][][] first = h.render(BLOCK * 300);
        for (float[][] port : first) for (float[] ch : port) for (float v : ch) {
            assertThat(Float.isFinite(v)).as("%s output finite", name).isTrue();
        }
        node.reset();
        NodeHarness again = h;
        NodeHarness fresh = new NodeHarness(factory.get(), SR, BLOCK);
        fresh.node().reset();
        feed(again, 0);
        feed(fresh, 0);
        float[][][] x = again.render(BLOCK * 100), y = fresh.render(BLOCK * 100);
        for (int o = 0; o < x.length; o++) for (int c = 0; c < x[o].length; c++) {
            assertSame(x[o][c], y[o][c], name + " after reset equals a fresh node");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodes")
    void shouldNotAllocateWhileRendering(String name, Supplier<DspNode> factory) {
        AllocationFreeHarness h = new AllocationFreeHarness(factory.get(), SR, BLOCK);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) h.renderBlock(BLOCK);          // warm-up (JIT)
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++) h.renderBlock(BLOCK);
        long after = mx.getCurrentThreadAllocatedBytes();
        assertThat(after - before).as("%s bytes allocated over 10,000 blocks", name).isZero();
    }
}
