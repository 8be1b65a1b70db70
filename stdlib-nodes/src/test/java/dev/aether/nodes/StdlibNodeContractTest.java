package dev.aether.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.node.NodeSpec;
import dev.aether.core.NodeState;
import dev.aether.core.param.SmoothedParam;
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
import dev.aether.nodes.drum.Clap;
import dev.aether.nodes.drum.DrumKit;
import dev.aether.nodes.drum.HiHat;
import dev.aether.nodes.drum.PitchedDrum;
import dev.aether.nodes.drum.SampleKit;
import dev.aether.nodes.drum.Snare;
import dev.aether.nodes.dynamics.Compressor;
import dev.aether.nodes.dynamics.Limiter;
import dev.aether.nodes.dynamics.Waveshaper;
import dev.aether.nodes.env.AdsrEnvelope;
import dev.aether.nodes.env.ArEnvelope;
import dev.aether.nodes.env.EnvelopeCurve;
import dev.aether.nodes.env.ExponentialSegments;
import dev.aether.nodes.env.LineSegment;
import dev.aether.nodes.filter.BiquadFilter;
import dev.aether.nodes.filter.DcBlocker;
import dev.aether.nodes.filter.OnePoleHighPass;
import dev.aether.nodes.filter.OnePoleLowPass;
import dev.aether.nodes.filter.StateVariableFilter;
import dev.aether.nodes.mix.Crossfader;
import dev.aether.nodes.mix.Gain;
import dev.aether.nodes.mix.Pan;
import dev.aether.nodes.mix.Splitter;
import dev.aether.nodes.mix.StereoMixer;
import dev.aether.nodes.mix.Vca;
import dev.aether.nodes.noise.BrownNoise;
import dev.aether.nodes.noise.PinkNoise;
import dev.aether.nodes.noise.WhiteNoise;
import dev.aether.nodes.osc.Lfo;
import dev.aether.nodes.osc.PulseOscillator;
import dev.aether.nodes.osc.SawOscillator;
import dev.aether.nodes.osc.SineOscillator;
import dev.aether.nodes.osc.TriangleOscillator;
import dev.aether.nodes.osc.WavetableOscillator;
import dev.aether.nodes.reverb.Freeverb;
import dev.aether.nodes.sample.Sample;
import dev.aether.nodes.sample.SamplePlayer;
import dev.aether.nodes.voice.PolyVoices;
import dev.aether.nodes.voice.SubtractiveVoice;
import dev.aether.nodes.voice.TestVoice;
import dev.aether.testkit.signals.Allocations;
import dev.aether.testkit.NodeHarness;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of every stdlib node, run through core's {@link NodeHarness} at 48 kHz, block 64:
 * <ul>
 * <li>output is finite;</li>
 * <li>{@code reset} is deterministic: after reset the node renders what a fresh, reset node renders and (unless
 *     its factory queued control events, which reset drops) what it rendered first;</li>
 * <li>save, restore into a fresh node, continue is bit-identical to an uninterrupted run (the state is saved
 *     mid-block; a node without state must return a non-null one unless the case says it is stateless);</li>
 * <li>rendering allocates nothing: after 20,000 warm-up blocks, two consecutive windows of 10,000 blocks of
 *     {@code NodeHarness.renderBlock} each allocate 0 bytes on the thread ({@code ThreadMXBean} allocated bytes),
 *     within at most six windows; once with the first parameter ramping and once steady. A window before the two
 *     may show a one-off few dozen bytes: when this thread is the one that asks C2 to compile a node's method,
 *     HotSpot resolves the node class's string constants here (seen once in five runs for {@code Splitter}, when
 *     the compile queue of this 200-case test ran late; see docs/realtime.md). A node that allocates while
 *     rendering, even once in 15,000 blocks, never shows two quiet windows in a row;</li>
 * <li>linear filters are time-invariant: delaying the input by a non-block-aligned number of samples delays the
 *     output by the same number, to within 1e-6.</li>
 * </ul>
 * Every input is fed: a case names signals for chosen ports (the others stay silent), or by default gates and
 * triggers get a square wave, {@code control} a 0..1 ramp, audio inputs seeded noise. Parameters start settled
 * at their configured values (no start-up ramp).
 */
class StdlibNodeContractTest {
    static final double SR = 48_000;
    static final int BLOCK = 64;
    /** Frames before the state is saved: odd, so the save happens after a partial block. */
    static final int FIRST = 131 * BLOCK + 1;
    static final int SECOND = 200 * BLOCK;
    static final int LENGTH = FIRST + SECOND + 2_000;

    /** A node under test. {@code inputs == null}: feed every input by its name (see the class comment). */
    record Case(String name, Supplier<? extends DspNode> factory, Map<String, float[]> inputs, boolean linear,
                boolean stateless, boolean queuesEvents) {
        /** Feeds {@code signal} (mono, to every channel) into input {@code port}; unnamed inputs stay silent. */
        Case feed(String port, float[] signal) {
            Map<String, float[]> m = inputs == null ? new LinkedHashMap<>() : new LinkedHashMap<>(inputs);
            m.put(port, signal);
            return new Case(name, factory, m, linear, stateless, queuesEvents);
        }
        /** Also checks time invariance (delay-then-filter equals filter-then-delay). */
        Case timeInvariant() { return new Case(name, factory, inputs, true, stateless, queuesEvents); }
        /** {@code saveState()} may be null: the node keeps nothing worth carrying. */
        Case withoutState() { return new Case(name, factory, inputs, linear, true, queuesEvents); }
        /** The factory queues control events (notes, triggers), which {@code reset} drops. */
        Case withQueuedEvents() { return new Case(name, factory, inputs, linear, stateless, true); }
        @Override public String toString() { return name; }
    }

    static Case of(String name, Supplier<? extends DspNode> factory) {
        return new Case(name, factory, null, false, false, false);
    }

    static Stream<Case> nodes() {
        float[] x = testSignal(LENGTH, 3), mod = testSignal(LENGTH, 5);
        float[] fm = testSignal(LENGTH, 7), pm = testSignal(LENGTH, 11), sync = new float[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            fm[i] *= 200;
            sync[i] = (float) Math.sin(2 * Math.PI * 97 * i / SR);
        }
        Sample mono44 = Sample.of("noise+sine 44.1k", 44_100, testSignal(30_000, 13));
        Sample stereo48 = Sample.of("stereo 48k", 48_000, testSignal(30_000, 17), testSignal(30_000, 19));
        Stream.Builder<Case> b = Stream.builder();
        // oscillators
        b.add(of("SineOscillator", () -> new SineOscillator().frequencyHz(331)).feed("fm", fm).feed("pm", pm).feed("sync", sync));
        b.add(of("SawOscillator", () -> new SawOscillator().frequencyHz(331)).feed("fm", fm).feed("pm", pm).feed("sync", sync));
        b.add(of("PulseOscillator", () -> new PulseOscillator().frequencyHz(331).width(0.3)).feed("fm", fm).feed("pm", pm)
                .feed("sync", sync));
        b.add(of("TriangleOscillator", () -> new TriangleOscillator().frequencyHz(331)).feed("fm", fm).feed("pm", pm)
                .feed("sync", sync));
        b.add(of("Lfo", () -> new Lfo().rateHz(3).range(-2, 5).shape(Lfo.Shape.TRIANGLE)));
        b.add(of("WavetableOscillator", () -> WavetableOscillator.saw().frequencyHz(331)).feed("fm", fm).feed("pm", pm));
        // noise
        b.add(of("WhiteNoise", () -> new WhiteNoise().seed(42)));
        b.add(of("PinkNoise", () -> new PinkNoise().seed(42)));
        b.add(of("BrownNoise", () -> new BrownNoise().seed(42)));
        // filters
        for (BiquadFilter.Mode m : BiquadFilter.Mode.values()) {
            b.add(of("BiquadFilter " + m, () -> new BiquadFilter(m).cutoffHz(700).q(2).gainDb(6)).feed("in", x).timeInvariant());
        }
        for (StateVariableFilter.Mode m : StateVariableFilter.Mode.values()) {
            b.add(of("StateVariableFilter " + m, () -> new StateVariableFilter(m).cutoffHz(900).q(3)).feed("in", x).timeInvariant());
        }
        b.add(of("StateVariableFilter modulated", () -> new StateVariableFilter(StateVariableFilter.Mode.PEAK)
                .cutoffHz(900).q(3)).feed("in", x).feed("cutoffMod", mod));
        b.add(of("OnePoleLowPass", () -> new OnePoleLowPass().cutoffHz(500)).feed("in", x).timeInvariant());
        b.add(of("OnePoleHighPass", () -> new OnePoleHighPass().cutoffHz(500)).feed("in", x).timeInvariant());
        b.add(of("DcBlocker", () -> new DcBlocker().cutoffHz(30)).feed("in", x).timeInvariant());
        // envelopes
        b.add(of("AdsrEnvelope", () -> new AdsrEnvelope(0.005, 0.01, 0.5, 0.02)));
        b.add(of("AdsrEnvelope exp", () -> new AdsrEnvelope(0.005, 0.01, 0.5, 0.02).curve(EnvelopeCurve.EXPONENTIAL)));
        b.add(of("ArEnvelope", () -> new ArEnvelope(0.003, 0.02)));
        b.add(of("LineSegment", () -> new LineSegment(-1, 2, 0.01)));
        b.add(of("ExponentialSegments", () -> new ExponentialSegments(0, new double[] {1, 0.3, 0},
                new double[] {0.002, 0.01, 0.02}, 4)));
        // delays
        b.add(of("DelayLine linear", () -> new DelayLine(50).delayMillis(7.3)));
        b.add(of("DelayLine cubic", () -> new DelayLine(50).delayMillis(7.3).interpolation(Interpolation.CUBIC)));
        b.add(of("DelayLine integer delay", () -> new DelayLine(50).delaySamples(96)).feed("in", x).timeInvariant());
        b.add(of("FeedbackDelay", () -> new FeedbackDelay(100).delayMillis(13).feedback(0.7)));
        b.add(of("TapeLoop", () -> new TapeLoop(0.05).recording(true).feedback(0.8)));
        b.add(of("CombFilter", () -> new CombFilter().damping(0.3)));
        b.add(of("CombFilter integer delay", () -> new CombFilter().delayMillis(2).feedback(0.7).damping(0.3))
                .feed("in", x).timeInvariant());
        b.add(of("AllPassFilter", AllPassFilter::new));
        b.add(of("AllPassFilter integer delay", () -> new AllPassFilter().delayMillis(1.5).gain(0.6)).feed("in", x).timeInvariant());
        b.add(of("Chorus", Chorus::new));
        b.add(of("Flanger", Flanger::new));
        b.add(of("Freeverb", Freeverb::new));
        // dynamics
        b.add(of("Compressor", () -> new Compressor().thresholdDb(-30)));
        b.add(of("Limiter", () -> new Limiter().ceilingDb(-6)));
        b.add(of("Waveshaper", () -> new Waveshaper(Waveshaper.Shape.FOLDBACK).driveDb(12)).withoutState());
        // mix
        b.add(of("Gain", () -> new Gain(-6)).withoutState());
        b.add(of("Pan", () -> new Pan(0.3)).withoutState());
        b.add(of("StereoMixer", () -> new StereoMixer(3).gainDb(1, -6).pan(2, 0.5)).withoutState());
        b.add(of("Splitter", () -> new Splitter(3)).withoutState());
        b.add(of("Crossfader", () -> new Crossfader(0.3)).withoutState());
        b.add(of("Vca", Vca::new).withoutState());
        // voices
        b.add(of("PolyVoices", () -> {
            PolyVoices p = new PolyVoices(4, TestVoice::new);
            for (int k = 0; k < 6; k++) p.noteOn(60 + k, 0.8);
            p.noteOff(62);
            return p;
        }).withQueuedEvents());
        b.add(of("PolyVoices of SubtractiveVoice", () -> {
            PolyVoices p = new PolyVoices(4, () -> new SubtractiveVoice().filter(2_000, 2).adsr(0.01, 0.05, 0.6, 0.05));
            for (int k = 0; k < 5; k++) p.noteOnHz(k, 110 * (k + 1) * 1.01, 0.5 + 0.1 * k);
            p.noteOff(1);
            return p;
        }).withQueuedEvents());
        // analysis
        b.add(of("PeakRmsMeter", PeakRmsMeter::new).withoutState());
        b.add(of("ScopeTap", () -> new ScopeTap(256)).withoutState());
        b.add(of("SpectrumTap", () -> new SpectrumTap(1024)).withoutState());
        // samples
        b.add(of("SamplePlayer 44.1k looped at rate 1.3", () -> {
            SamplePlayer p = new SamplePlayer(mono44).rate(1.3).loop(5_000, 9_000);
            p.trigger();
            return p;
        }).withQueuedEvents());
        b.add(of("SamplePlayer stereo 48k at rate 1", () -> {
            SamplePlayer p = new SamplePlayer(stereo48).gainDb(-3);
            p.triggerAt(100);
            return p;
        }).withQueuedEvents());
        b.add(of("SamplePlayer 44.1k at rate 3.7, retriggered", () -> {
            SamplePlayer p = new SamplePlayer(mono44).rate(3.7);
            for (int k = 0; k < 4; k++) p.triggerAt(37 + 1_999L * k);   // all before FIRST: queued events are not state
            return p;
        }).withQueuedEvents());
        // drums: hits before FIRST (queued events are not state); the open hat at 8,000 still rings when saved
        b.add(of("DrumKit", () -> {
            DrumKit k = new DrumKit();
            String[] names = {"oh", "bd", "sn", "hh", "cp", "lt", "mt", "ht", "oh", "bd"};
            for (int i = 0; i < names.length; i++) k.hitAt(k.keyOf(names[i]), 100 + 880L * i + 37 * (i % 3), 0.3 + 0.07 * i);
            return k;
        }).withQueuedEvents());
        b.add(of("PitchedDrum kick", () -> {
            PitchedDrum d = PitchedDrum.kick();
            d.hitAt(50, 1);
            d.hitAt(7_000, 0.7);
            return d;
        }).withQueuedEvents());
        b.add(of("Snare", () -> { Snare d = new Snare(); d.hitAt(10, 1); d.hitAt(8_300, 0.5); return d; }).withQueuedEvents());
        b.add(of("HiHat open, choked", () -> {
            HiHat d = HiHat.open();
            d.hitAt(10, 1);
            d.chokeAt(3_000);
            d.hitAt(8_200, 0.9);
            return d;
        }).withQueuedEvents());
        b.add(of("Clap", () -> { Clap d = new Clap(); d.hitAt(10, 1); d.hitAt(8_000, 0.6); return d; }).withQueuedEvents());
        b.add(of("SampleKit mono and stereo, pitched, choked", () -> {
            Map<String, Sample> m = new LinkedHashMap<>();
            m.put("hh", mono44);
            m.put("oh", stereo48);
            SampleKit k = new SampleKit("contract kit", m, 2);
            for (int i = 0; i < 8; i++) k.hitAt(i % 2, 50 + 1_000L * i + 13 * i, 0.4 + 0.05 * i, 0.7 + 0.2 * i);
            return k;
        }).withQueuedEvents());
        return b.build();
    }

    static Stream<Case> linearNodes() { return nodes().filter(Case::linear); }

    // ------------------------------------------------------------------ the contract

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodes")
    void shouldProduceFiniteOutputAndResetDeterministically(Case c) {
        DspNode a = fresh(c);
        NodeHarness h = new NodeHarness(a, SR, BLOCK);
        float[][][] in = signals(c, h.spec());
        feed(h, in, 0);
        float[][][] first = h.render(300 * BLOCK);
        for (int o = 0; o < first.length; o++) {
            for (int ch = 0; ch < first[o].length; ch++) {
                for (int i = 0; i < first[o][ch].length; i++) {
                    if (!Float.isFinite(first[o][ch][i])) {
                        throw new AssertionError(c + " output " + o + " ch " + ch + " frame " + i + " is " + first[o][ch][i]);
                    }
                }
            }
        }
        h.render(1_234);
        a.reset();
        feed(h, in, 0);
        float[][][] again = h.render(100 * BLOCK);

        DspNode f = fresh(c);
        f.reset();
        NodeHarness hf = new NodeHarness(f, SR, BLOCK);
        feed(hf, in, 0);
        float[][][] reference = hf.render(100 * BLOCK);
        for (int o = 0; o < again.length; o++) {
            for (int ch = 0; ch < again[o].length; ch++) {
                assertBitIdentical(again[o][ch], reference[o][ch], c + " output " + o + " ch " + ch
                        + ": after reset vs a fresh, reset node");
                if (!c.queuesEvents()) {
                    assertBitIdentical(again[o][ch], Arrays.copyOf(first[o][ch], 100 * BLOCK), c + " output " + o
                            + " ch " + ch + ": after reset vs its first render");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodes")
    void shouldContinueBitIdenticallyAfterSaveAndRestore(Case c) {
        DspNode a = fresh(c);
        NodeHarness ha = new NodeHarness(a, SR, BLOCK);
        float[][][] in = signals(c, ha.spec());
        feed(ha, in, 0);
        ha.render(FIRST);
        NodeState saved = a.saveState();
        float[][][] expected = ha.render(SECOND);
        if (!c.stateless()) assertThat(saved).as("%s saveState()", c).isNotNull();

        DspNode b = fresh(c);
        NodeHarness hb = new NodeHarness(b, SR, BLOCK);
        if (saved != null) {
            if (c.queuesEvents()) b.reset();                     // drops the events the factory queued
            b.restoreState(saved);
        } else {                                                 // stateless: replay the past instead
            feed(hb, in, 0);
            hb.render(FIRST);
        }
        feed(hb, in, FIRST);
        float[][][] actual = hb.render(SECOND);
        for (int o = 0; o < expected.length; o++) {
            for (int ch = 0; ch < expected[o].length; ch++) {
                assertBitIdentical(actual[o][ch], expected[o][ch], c + " output " + o + " ch " + ch + " after restore");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodes")
    void shouldNotAllocateAfterWarmUp(Case c) throws Exception {
        DspNode node = fresh(c);
        NodeHarness h = new NodeHarness(node, SR, BLOCK);
        float[][][] in = signals(c, h.spec());
        InputPort[] ports = h.spec().inputs().toArray(new InputPort[0]);
        List<SmoothedParam> params = h.spec().params();
        SmoothedParam p = params.isEmpty() ? null : params.get(0);
        for (int mode = 0; mode < 2; mode++) {
            boolean ramp = mode == 0 && p != null;
            if (p != null) {
                if (ramp) p.set(p.min() + (p.max() - p.min()) * 0.3, 60); else p.set(p.defaultValue(), 0);
            }
            renderBlocks(h, ports, in, 20_000);
            long[] windows = Allocations.untilTwoQuietWindows(Thread.currentThread(), 6,
                    () -> renderBlocks(h, ports, in, 10_000));
            assertThat(Allocations.endsQuiet(windows)).as("%s: two consecutive windows of 10,000 blocks allocating 0 bytes (%s); bytes per window: %s",
                    c, ramp ? "first param ramping" : "steady", Arrays.toString(windows)).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("linearNodes")
    void shouldBeTimeInvariantIfLinear(Case c) {
        int delay = 101, n = 12_000;
        float[] x = c.inputs().get("in");
        float[] shifted = new float[n + delay];
        System.arraycopy(x, 0, shifted, delay, n);
        NodeHarness direct = new NodeHarness(fresh(c), SR, BLOCK);
        direct.input(direct.spec().input("in"), Arrays.copyOf(x, n));
        float[][][] y = direct.render(n);
        NodeHarness late = new NodeHarness(fresh(c), SR, BLOCK);
        late.input(late.spec().input("in"), shifted);
        float[][][] yd = late.render(n + delay);
        for (int o = 0; o < y.length; o++) {
            for (int ch = 0; ch < y[o].length; ch++) {
                double peak = 0, worst = 0;
                for (int i = 0; i < delay; i++) {
                    assertThat(yd[o][ch][i]).as("%s output %d before the delayed input arrives, frame %d", c, o, i).isZero();
                }
                for (int i = 0; i < n; i++) {
                    peak = Math.max(peak, Math.abs(y[o][ch][i]));
                    worst = Math.max(worst, Math.abs(yd[o][ch][i + delay] - y[o][ch][i]));
                }
                assertThat(peak).as("%s output %d carries signal", c, o).isGreaterThan(1e-3);
                assertThat(worst).as("%s output %d ch %d: delay-then-filter vs filter-then-delay (peak %.3f)", c, o, ch, peak)
                        .isLessThanOrEqualTo(1e-6 * Math.max(1, peak));
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    /** A new node from the case with its parameters snapped to their targets (no start-up ramp). */
    static DspNode fresh(Case c) {
        DspNode n = c.factory().get();
        for (SmoothedParam p : NodeSpec.of(n).params()) p.reset(p.get());
        return n;
    }

    /** Input signals by input index ([input][channel][frame]; null = silent), {@value #LENGTH} frames from time 0. */
    static float[][][] signals(Case c, NodeSpec spec) {
        List<InputPort> ins = spec.inputs();
        if (c.inputs() != null) {
            for (String name : c.inputs().keySet()) {
                if (spec.input(name) == null) throw new IllegalArgumentException(c + " has no input " + name);
            }
        }
        float[][][] s = new float[ins.size()][][];
        for (int k = 0; k < s.length; k++) {
            InputPort p = ins.get(k);
            if (c.inputs() != null) {
                float[] given = c.inputs().get(p.name());
                if (given == null) continue;
                s[k] = new float[p.channels()][];
                for (int ch = 0; ch < p.channels(); ch++) s[k][ch] = Arrays.copyOf(given, LENGTH);
                continue;
            }
            s[k] = new float[p.channels()][LENGTH];
            for (int ch = 0; ch < p.channels(); ch++) {
                for (int t = 0; t < LENGTH; t++) {
                    float v;
                    if (p.name().equals("gate") || p.name().equals("trigger")) v = (t / 1500) % 2 == 0 ? 0f : 1f;
                    else if (p.name().equals("control")) v = (float) ((t % 1000) / 1000.0);
                    else v = (float) (noise(t * 31L + ch + 977L * k) * 0.8);
                    s[k][ch][t] = v;
                }
            }
        }
        return s;
    }

    /** Feeds the signals from {@code skip} frames in, starting at the harness's current time. */
    static void feed(NodeHarness h, float[][][] signals, int skip) {
        List<InputPort> ins = h.spec().inputs();
        for (int k = 0; k < signals.length; k++) {
            if (signals[k] == null) continue;
            float[][] part = new float[signals[k].length][];
            for (int ch = 0; ch < part.length; ch++) part[ch] = Arrays.copyOfRange(signals[k][ch], skip, LENGTH);
            h.input(ins.get(k), part);
        }
    }

    private static void renderBlocks(NodeHarness h, InputPort[] ports, float[][][] signals, int blocks) {
        Blocks.render(h, ports, signals, blocks);
    }

    /**
     * The measured loop, in a class without string literals: HotSpot resolves a class's string constants on the
     * thread that asks C2 to compile one of its methods, which would charge this test class's many strings to the
     * measured thread.
     */
    private static final class Blocks {
        /** Renders blocks, re-feeding the inputs (no copies, no allocation) before they run out. */
        static void render(NodeHarness h, InputPort[] ports, float[][][] signals, int blocks) {
            int perFeed = LENGTH / BLOCK - 1;
            for (int b = 0; b < blocks; b++) {
                if (b % perFeed == 0) {
                    for (int k = 0; k < ports.length; k++) if (signals[k] != null) h.input(ports[k], signals[k]);
                }
                h.renderBlock(BLOCK);
            }
        }
    }

    /** Uniform in [-1, 1), a pure function of {@code key} (SplitMix64 finaliser). */
    static double noise(long key) {
        long z = key * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) / (double) (1L << 52) - 1;
    }

    /** A deterministic broadband test signal (LCG noise plus a 220 Hz sine), amplitude about 0.5. */
    static float[] testSignal(int n, long seed) {
        float[] x = new float[n];
        long s = seed;
        for (int i = 0; i < n; i++) {
            s = s * 6364136223846793005L + 1442695040888963407L;
            x[i] = (float) (0.25 * ((s >>> 40) / (double) (1L << 24) - 0.5) + 0.3 * Math.sin(2 * Math.PI * 220 * i / SR));
        }
        return x;
    }

    static void assertBitIdentical(float[] actual, float[] expected, String what) {
        assertThat(actual.length).as("%s: length", what).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(actual[i]) != Float.floatToRawIntBits(expected[i])) {
                throw new AssertionError(what + ": first difference at frame " + i + ": " + actual[i] + " instead of "
                        + expected[i]);
            }
        }
    }
}
