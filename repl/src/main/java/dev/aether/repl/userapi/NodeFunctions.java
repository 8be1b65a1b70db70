package dev.aether.repl.userapi;

import dev.aether.core.node.NodeSpec;
import dev.aether.core.DspNode;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.nodes.delay.AllPassFilter;
import dev.aether.nodes.delay.Chorus;
import dev.aether.nodes.delay.CombFilter;
import dev.aether.nodes.delay.DelayLine;
import dev.aether.nodes.delay.FeedbackDelay;
import dev.aether.nodes.delay.Flanger;
import dev.aether.nodes.delay.TapeLoop;
import dev.aether.nodes.drum.DrumKit;
import dev.aether.nodes.drum.SampleKit;
import dev.aether.nodes.dynamics.Compressor;
import dev.aether.nodes.dynamics.Limiter;
import dev.aether.nodes.dynamics.Waveshaper;
import dev.aether.nodes.env.AdsrEnvelope;
import dev.aether.nodes.env.ArEnvelope;
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
import dev.aether.nodes.sample.SampleBank;
import dev.aether.nodes.sample.SamplePlayer;
import dev.aether.nodes.voice.PolyVoices;
import dev.aether.nodes.voice.SubtractiveVoice;
import dev.aether.nodes.voice.Voice;
import java.io.IOException;
import java.nio.file.Path;
import dev.aether.repl.session.NamedFiles;
import dev.aether.repl.session.ParamRange;
import dev.aether.core.param.SmoothedParam;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * Any thread (a creation function touches nothing shared but its recipe map). The node half of the
 * {@link Prelude}: one creation function per stdlib node, with units in its parameter names and one line of help
 * in its {@link NodeDoc} ({@code :help nodes} and the reference are generated from those, see
 * {@link PreludeHelp}). Every name here is reached through {@code Prelude} ({@code import static
 * dev.aether.repl.userapi.Prelude.*}); this class is a namespace, never instantiated.
 */
public abstract class NodeFunctions {
    NodeFunctions() {}

    // ------------------------------------------------------------------ creation
    // Every creation function below is listed by ":help nodes" from its @NodeDoc; the label given to made(...)
    // is the node's recipe, which :save writes and :open calls again (then parameters and state are restored).

    private static final Map<DspNode, String> RECIPES = Collections.synchronizedMap(new WeakHashMap<>());

    /** How {@code node} was made by the prelude ({@code lowpass(400)}), or null when it was made otherwise. */
    public static String recipe(DspNode node) { return RECIPES.get(node); }

    private static Chain made(DspNode node, String recipe) {
        RECIPES.put(node, recipe);
        return Chain.of(node, recipe);
    }

    private static String call(String name, Object... args) {
        StringBuilder b = new StringBuilder(name).append('(');
        for (int i = 0; i < args.length; i++) {
            if (i > 0) b.append(", ");
            b.append(args[i] instanceof Double d ? num(d) : args[i] instanceof String t ? '"' + t + '"' : args[i]);
        }
        return b.append(')').toString();
    }

    // oscillators

    /** A sine oscillator at {@code hz} (Hz, 0.01..20000). Ports: fm, pm, sync in; out. Param frequencyHz. */
    @NodeDoc(group = "oscillators", usage = "sine(hz)", text = "sine; param frequencyHz (Hz); inputs fm, pm, sync")
    public static Chain sine(double hz) {
        SineOscillator s = new SineOscillator();
        fit("sine", s.frequencyHz, hz);
        return made(s, call("sine", hz));
    }

    /** A band-limited sawtooth at {@code hz} (Hz). Param frequencyHz. */
    @NodeDoc(group = "oscillators", usage = "saw(hz)", text = "band-limited saw; param frequencyHz (Hz)")
    public static Chain saw(double hz) {
        SawOscillator s = new SawOscillator();
        fit("saw", s.frequencyHz, hz);
        return made(s, call("saw", hz));
    }

    /** A band-limited square (pulse of width 0.5) at {@code hz} (Hz). Params frequencyHz, width. */
    @NodeDoc(group = "oscillators", usage = "square(hz)", text = "band-limited square; params frequencyHz (Hz), width")
    public static Chain square(double hz) {
        Chain c = pulse(hz, 0.5);
        return made(c.node(), call("square", hz));
    }

    /** A band-limited pulse at {@code hz} (Hz) with duty cycle {@code width} (0.01..0.99). */
    @NodeDoc(group = "oscillators", usage = "pulse(hz, width)", text = "band-limited pulse; width 0.01..0.99")
    public static Chain pulse(double hz, double width) {
        PulseOscillator s = new PulseOscillator();
        fit("pulse", s.frequencyHz, hz);
        fit("pulse", s.width, width);
        return made(s, call("pulse", hz, width));
    }

    /** A band-limited triangle at {@code hz} (Hz). Param frequencyHz. */
    @NodeDoc(group = "oscillators", usage = "tri(hz)", text = "band-limited triangle; param frequencyHz (Hz)")
    public static Chain tri(double hz) {
        TriangleOscillator s = new TriangleOscillator();
        fit("tri", s.frequencyHz, hz);
        return made(s, call("tri", hz));
    }

    /** A wavetable oscillator at {@code hz} (Hz) from harmonic amplitudes (index 1 = fundamental). */
    @NodeDoc(group = "oscillators", usage = "wavetable(hz, a0, a1, a2, ...)",
            text = "wavetable from harmonic amplitudes (a1 = fundamental); param frequencyHz (Hz)")
    public static Chain wavetable(double hz, double... harmonics) {
        WavetableOscillator s = harmonics.length == 0 ? new WavetableOscillator() : new WavetableOscillator(harmonics);
        fit("wavetable", s.frequencyHz, hz);
        Object[] args = new Object[harmonics.length + 1];
        args[0] = hz;
        for (int i = 0; i < harmonics.length; i++) args[i + 1] = harmonics[i];
        return made(s, call("wavetable", args));
    }

    /** A sine LFO at {@code rateHz} (Hz, 0.001..1000) swinging between {@code min} and {@code max}. */
    @NodeDoc(group = "oscillators", usage = "lfo(rateHz, min, max)", text = "sine LFO mapped onto [min, max]; params rateHz (Hz), min, max")
    public static Chain lfo(double rateHz, double min, double max) { return lfo(rateHz, min, max, "sine"); }

    /** An LFO of {@code shape} ("sine", "triangle", "saw", "square") at {@code rateHz} (Hz) in [min, max]. */
    @NodeDoc(group = "oscillators", usage = "lfo(rateHz, min, max, shape)", text = "LFO, shape \"sine\" \"triangle\" \"saw\" \"square\"")
    public static Chain lfo(double rateHz, double min, double max, String shape) {
        Lfo l = new Lfo().shape(Lfo.Shape.valueOf(constant(shape)));
        fit("lfo", l.rateHz, rateHz);
        fit("lfo", l.min, min);
        fit("lfo", l.max, max);
        return made(l, call("lfo", rateHz, min, max, shape));
    }

    // noise

    /** White noise, uniform in [-1, 1]. */
    @NodeDoc(group = "noise", usage = "white()", text = "white noise in [-1, 1]")
    public static Chain white() { return made(new WhiteNoise(), "white()"); }

    /** Pink noise (-3 dB per octave). */
    @NodeDoc(group = "noise", usage = "pink()", text = "pink noise, -3 dB/octave")
    public static Chain pink() { return made(new PinkNoise(), "pink()"); }

    /** Brown noise (-6 dB per octave). */
    @NodeDoc(group = "noise", usage = "brown()", text = "brown noise, -6 dB/octave")
    public static Chain brown() { return made(new BrownNoise(), "brown()"); }

    // filters

    private static Chain biquad(String recipe, BiquadFilter.Mode mode, double hz, double q, double db) {
        BiquadFilter f = new BiquadFilter(mode);
        String fn = recipe.substring(0, recipe.indexOf('('));
        fit(fn, f.cutoffHz, hz);
        fit(fn, f.q, q);
        fit(fn, f.gainDb, db);
        return made(f, recipe);
    }

    /** A 12 dB/octave low pass at {@code cutoffHz} (Hz, 10..20000), Q 0.707. Params cutoffHz, q, gainDb. */
    @NodeDoc(group = "filters", usage = "lowpass(cutoffHz [, q])", text = "biquad low pass 12 dB/oct; params cutoffHz (Hz), q")
    public static Chain lowpass(double cutoffHz) { return biquad(call("lowpass", cutoffHz), BiquadFilter.Mode.LOW_PASS, cutoffHz, 0.7071, 0); }

    /** A 12 dB/octave low pass at {@code cutoffHz} (Hz) with resonance {@code q} (0.1..40). */
    public static Chain lowpass(double cutoffHz, double q) { return biquad(call("lowpass", cutoffHz, q), BiquadFilter.Mode.LOW_PASS, cutoffHz, q, 0); }

    /** A 12 dB/octave high pass at {@code cutoffHz} (Hz), Q 0.707. */
    @NodeDoc(group = "filters", usage = "highpass(cutoffHz [, q])", text = "biquad high pass 12 dB/oct; params cutoffHz (Hz), q")
    public static Chain highpass(double cutoffHz) { return biquad(call("highpass", cutoffHz), BiquadFilter.Mode.HIGH_PASS, cutoffHz, 0.7071, 0); }

    /** A 12 dB/octave high pass at {@code cutoffHz} (Hz) with resonance {@code q}. */
    public static Chain highpass(double cutoffHz, double q) { return biquad(call("highpass", cutoffHz, q), BiquadFilter.Mode.HIGH_PASS, cutoffHz, q, 0); }

    /** A band pass around {@code centerHz} (Hz) with quality {@code q} (0 dB peak). */
    @NodeDoc(group = "filters", usage = "bandpass(centerHz, q)", text = "biquad band pass, 0 dB peak; params cutoffHz (Hz), q")
    public static Chain bandpass(double centerHz, double q) { return biquad(call("bandpass", centerHz, q), BiquadFilter.Mode.BAND_PASS, centerHz, q, 0); }

    /** A notch at {@code centerHz} (Hz) with quality {@code q}. */
    @NodeDoc(group = "filters", usage = "notch(centerHz, q)", text = "biquad notch; params cutoffHz (Hz), q")
    public static Chain notch(double centerHz, double q) { return biquad(call("notch", centerHz, q), BiquadFilter.Mode.NOTCH, centerHz, q, 0); }

    /** A peaking bell at {@code centerHz} (Hz), quality {@code q}, boost or cut {@code gainDb} (dB). */
    @NodeDoc(group = "filters", usage = "peak(centerHz, q, gainDb)", text = "biquad bell EQ; params cutoffHz (Hz), q, gainDb (dB)")
    public static Chain peak(double centerHz, double q, double gainDb) { return biquad(call("peak", centerHz, q, gainDb), BiquadFilter.Mode.PEAK, centerHz, q, gainDb); }

    /** A low shelf at {@code cornerHz} (Hz) of {@code gainDb} (dB). */
    @NodeDoc(group = "filters", usage = "lowshelf(cornerHz, gainDb)", text = "biquad low shelf; params cutoffHz (Hz), gainDb (dB)")
    public static Chain lowshelf(double cornerHz, double gainDb) { return biquad(call("lowshelf", cornerHz, gainDb), BiquadFilter.Mode.LOW_SHELF, cornerHz, 0.7071, gainDb); }

    /** A high shelf at {@code cornerHz} (Hz) of {@code gainDb} (dB). */
    @NodeDoc(group = "filters", usage = "highshelf(cornerHz, gainDb)", text = "biquad high shelf; params cutoffHz (Hz), gainDb (dB)")
    public static Chain highshelf(double cornerHz, double gainDb) { return biquad(call("highshelf", cornerHz, gainDb), BiquadFilter.Mode.HIGH_SHELF, cornerHz, 0.7071, gainDb); }

    /** A second-order all pass (phase shift, flat magnitude) centred on {@code centerHz} (Hz). */
    @NodeDoc(group = "filters", usage = "allpass(centerHz, q)", text = "biquad all pass; params cutoffHz (Hz), q")
    public static Chain allpass(double centerHz, double q) { return biquad(call("allpass", centerHz, q), BiquadFilter.Mode.ALL_PASS, centerHz, q, 0); }

    /** A state-variable filter, low pass at {@code cutoffHz} (Hz), resonance {@code q}; also outputs lowPass, bandPass, highPass, notch. */
    @NodeDoc(group = "filters", usage = "svf(cutoffHz, q [, mode])",
            text = "state-variable filter, modulatable (input cutoffMod); outputs lowPass bandPass highPass notch")
    public static Chain svf(double cutoffHz, double q) { return svf(cutoffHz, q, "low_pass"); }

    /** A state-variable filter whose {@code out} is {@code mode} ("low_pass", "band_pass", "high_pass", "notch", "peak", "all_pass"). */
    public static Chain svf(double cutoffHz, double q, String mode) {
        StateVariableFilter f = new StateVariableFilter(StateVariableFilter.Mode.valueOf(constant(mode)));
        fit("svf", f.cutoffHz, cutoffHz);
        fit("svf", f.q, q);
        return made(f, call("svf", cutoffHz, q, mode));
    }

    /** A 6 dB/octave one-pole low pass at {@code cutoffHz} (Hz). */
    @NodeDoc(group = "filters", usage = "lp1(cutoffHz)", text = "one-pole low pass 6 dB/oct; param cutoffHz (Hz)")
    public static Chain lp1(double cutoffHz) {
        OnePoleLowPass f = new OnePoleLowPass();
        fit("lp1", f.cutoffHz, cutoffHz);
        return made(f, call("lp1", cutoffHz));
    }

    /** A 6 dB/octave one-pole high pass at {@code cutoffHz} (Hz). */
    @NodeDoc(group = "filters", usage = "hp1(cutoffHz)", text = "one-pole high pass 6 dB/oct; param cutoffHz (Hz)")
    public static Chain hp1(double cutoffHz) {
        OnePoleHighPass f = new OnePoleHighPass();
        fit("hp1", f.cutoffHz, cutoffHz);
        return made(f, call("hp1", cutoffHz));
    }

    /** Removes DC (high pass at 10 Hz). */
    @NodeDoc(group = "filters", usage = "dcblock()", text = "DC blocker, 10 Hz; param cutoffHz (Hz)")
    public static Chain dcblock() { return made(new DcBlocker(), "dcblock()"); }

    // envelopes

    /** An ADSR envelope driven by input {@code gate} (> 0.5 is on): seconds, seconds, level 0..1, seconds. */
    @NodeDoc(group = "envelopes", usage = "adsr(attackS, decayS, sustain, releaseS)",
            text = "ADSR on input gate; params attackSeconds, decaySeconds, sustainLevel (0..1), releaseSeconds")
    public static Chain adsr(double attackSeconds, double decaySeconds, double sustainLevel, double releaseSeconds) {
        AdsrEnvelope e = new AdsrEnvelope();
        fit("adsr", e.attackSeconds, attackSeconds);
        fit("adsr", e.decaySeconds, decaySeconds);
        fit("adsr", e.sustainLevel, sustainLevel);
        fit("adsr", e.releaseSeconds, releaseSeconds);
        return made(e, call("adsr", attackSeconds, decaySeconds, sustainLevel, releaseSeconds));
    }

    /** An attack-release envelope driven by input {@code gate}: seconds, seconds. */
    @NodeDoc(group = "envelopes", usage = "ar(attackS, releaseS)", text = "attack-release on input gate; params attackSeconds, releaseSeconds")
    public static Chain ar(double attackSeconds, double releaseSeconds) {
        ArEnvelope e = new ArEnvelope();
        fit("ar", e.attackSeconds, attackSeconds);
        fit("ar", e.releaseSeconds, releaseSeconds);
        return made(e, call("ar", attackSeconds, releaseSeconds));
    }

    /** A ramp from {@code from} to {@code to} over {@code seconds}, restarted by input {@code trigger}. */
    @NodeDoc(group = "envelopes", usage = "line(from, to, seconds)", text = "linear ramp, restarted by input trigger")
    public static Chain line(double from, double to, double seconds) {
        LineSegment l = new LineSegment();
        fit("line", l.startValue, from);
        fit("line", l.endValue, to);
        fit("line", l.durationSeconds, seconds);
        return made(l, call("line", from, to, seconds));
    }

    // delays

    /** A plain delay of {@code millis} (ms, up to 2 s). */
    @NodeDoc(group = "delays", usage = "delay(millis)", text = "delay line, up to 2000 ms; param delayMillis (ms)")
    public static Chain delay(double millis) {
        DelayLine d = new DelayLine(Math.max(2_000, millis));
        fit("delay", d.delayMillis, millis);
        return made(d, call("delay", millis));
    }

    /** A feedback delay ("echo") of {@code millis} (ms, up to 2 s) with {@code feedback} (0..0.98); mix 0.5. */
    @NodeDoc(group = "delays", usage = "echo(millis, feedback)",
            text = "feedback delay; params delayMillis (ms), feedback 0..0.98, dampingHz (Hz), mix 0..1")
    public static Chain echo(double millis, double feedback) {
        FeedbackDelay d = new FeedbackDelay(Math.max(2_000, millis));
        fit("echo", d.delayMillis, millis);
        fit("echo", d.feedback, feedback);
        return made(d, call("echo", millis, feedback));
    }

    /** A comb filter: delay {@code millis} (ms, up to 100) with {@code feedback} (-0.999..0.999). */
    @NodeDoc(group = "delays", usage = "comb(millis, feedback)", text = "comb filter; params delayMillis (ms), feedback, damping 0..1")
    public static Chain comb(double millis, double feedback) {
        CombFilter c = new CombFilter(Math.max(100, millis));
        fit("comb", c.delayMillis, millis);
        fit("comb", c.feedback, feedback);
        return made(c, call("comb", millis, feedback));
    }

    /** A Schroeder all-pass delay of {@code millis} (ms, up to 100) and gain {@code gain} (-0.99..0.99). */
    @NodeDoc(group = "delays", usage = "allpassDelay(millis, gain)", text = "Schroeder all-pass delay; params delayMillis (ms), gain")
    public static Chain allpassDelay(double millis, double gain) {
        AllPassFilter a = new AllPassFilter(Math.max(100, millis));
        fit("allpassDelay", a.delayMillis, millis);
        fit("allpassDelay", a.gain, gain);
        return made(a, call("allpassDelay", millis, gain));
    }

    /** A stereo chorus (mono in, stereo out) at the given rate (Hz) and depth (ms); mix 0.5. */
    @NodeDoc(group = "delays", usage = "chorus(rateHz, depthMillis)", text = "stereo chorus; params rateHz, depthMillis, delayMillis, mix")
    public static Chain chorus(double rateHz, double depthMillis) {
        Chorus c = new Chorus();
        fit("chorus", c.rateHz, rateHz);
        fit("chorus", c.depthMillis, depthMillis);
        return made(c, call("chorus", rateHz, depthMillis));
    }

    /** A stereo flanger at {@code rateHz} (Hz) with {@code feedback} (-0.95..0.95). */
    @NodeDoc(group = "delays", usage = "flanger(rateHz, feedback)", text = "stereo flanger; params rateHz, depthMillis, delayMillis, feedback, mix")
    public static Chain flanger(double rateHz, double feedback) {
        Flanger f = new Flanger();
        fit("flanger", f.rateHz, rateHz);
        fit("flanger", f.feedback, feedback);
        return made(f, call("flanger", rateHz, feedback));
    }

    /** A recording tape loop of {@code seconds} (0..600); {@code recording(true/false)} on its node. */
    @NodeDoc(group = "delays", usage = "tapeLoop(seconds)", text = "tape loop; params feedback 0..1, mix 0..1")
    public static Chain tapeLoop(double seconds) { return made(new TapeLoop(seconds), call("tapeLoop", seconds)); }

    // samples

    private static final SampleBank SAMPLES = new SampleBank();

    /** Plays an audio file once (WAV, AIFF or AU; loaded once per session). Params rate (x), gainDb (dB). */
    @NodeDoc(group = "samples", usage = "sample(\"file.wav\")", text = "plays a WAV/AIFF file once, resampled to the engine rate; params rate (0.25..4), gainDb")
    public static Chain sample(String file) { return sample(file, false); }

    /** Plays an audio file, looping over the whole file when {@code loop}. Params rate (x), gainDb (dB). */
    @NodeDoc(group = "samples", usage = "sample(\"file.wav\", loop)", text = "the same, looping when loop is true")
    public static Chain sample(String file, boolean loop) {
        Sample s;
        Path path = NamedFiles.readable(file);
        try {
            s = SAMPLES.load(path);
        } catch (IOException e) {
            throw new IllegalArgumentException("sample(\"" + file + "\"): " + e.getMessage(), e);
        }
        SamplePlayer player = new SamplePlayer(s);
        if (loop) player.loop(true);
        player.trigger();
        SAMPLE_FILES.put(player, path);
        return made(player, call("sample", file, loop));
    }

    private static final Map<DspNode, Path> SAMPLE_FILES = Collections.synchronizedMap(new WeakHashMap<>());

    /** The file a {@code sample(...)} node plays (absolute), or null for any other node. */
    static Path sampleFile(DspNode node) { return SAMPLE_FILES.get(node); }

    /** The sample {@code file} (checked by {@link NamedFiles#readable}), loaded once per session. */
    static Sample loadSample(Path file) {
        try {
            return SAMPLES.load(NamedFiles.readable(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage() + " — give a WAV, AIFF or AU file", e);
        }
    }

    // drums

    /** The synthesised drum kit ({@link DrumKit}): hits bd sn hh oh cp lt mt ht on exact samples; hh chokes oh. */
    @NodeDoc(group = "drums", usage = "drums()",
            text = "synthesised kit bd sn hh oh cp lt mt ht (hh chokes oh); ((DrumKit) node()).hit(\"bd\", velocity), .bd.decaySeconds(0.8)")
    public static Chain drums() { return made(new DrumKit(), "drums()"); }

    /**
     * A sample kit ({@link SampleKit}) of the audio files in {@code folder}, each named by its file name without the
     * extension; hh chokes oh when both are there.
     */
    @NodeDoc(group = "drums", usage = "kit(\"folder\")",
            text = "sample kit: a folder's WAV/AIFF files named by file name (kick.wav: \"kick\"); ((SampleKit) node()).hit(name, velocity)")
    public static Chain kit(String folder) {
        Path dir = NamedFiles.folder(folder);
        try {
            return made(SampleKit.load(dir, SAMPLES), call("kit", folder));
        } catch (IOException e) {
            throw new IllegalArgumentException("kit(\"" + folder + "\"): " + e.getMessage(), e);
        }
    }

    // reverb and dynamics

    /** A stereo Freeverb with {@code roomSize} (0..1) and {@code mix} (0..1). */
    @NodeDoc(group = "reverb and dynamics", usage = "reverb(roomSize, mix)", text = "Freeverb, stereo out; params roomSize, damping, width, mix (0..1)")
    public static Chain reverb(double roomSize, double mix) {
        Freeverb r = new Freeverb();
        fit("reverb", r.roomSize, roomSize);
        fit("reverb", r.mix, mix);
        return made(r, call("reverb", roomSize, mix));
    }

    /** A compressor: {@code thresholdDb} (dB, -80..0), {@code ratio} (1..50); attack 10 ms, release 100 ms. */
    @NodeDoc(group = "reverb and dynamics", usage = "compressor(thresholdDb, ratio)",
            text = "compressor; params thresholdDb, ratio, attackMillis, releaseMillis, makeupDb, kneeDb")
    public static Chain compressor(double thresholdDb, double ratio) {
        Compressor c = new Compressor();
        fit("compressor", c.thresholdDb, thresholdDb);
        fit("compressor", c.ratio, ratio);
        return made(c, call("compressor", thresholdDb, ratio));
    }

    /** A look-ahead (2 ms) brick-wall limiter at {@code ceilingDb} (dB, -40..0). */
    @NodeDoc(group = "reverb and dynamics", usage = "limiter(ceilingDb)", text = "look-ahead limiter; params ceilingDb (dB), releaseMillis (ms)")
    public static Chain limiter(double ceilingDb) {
        Limiter l = new Limiter();
        fit("limiter", l.ceilingDb, ceilingDb);
        return made(l, call("limiter", ceilingDb));
    }

    /** A tanh waveshaper with {@code driveDb} (dB, 0..48) of drive. */
    @NodeDoc(group = "reverb and dynamics", usage = "shaper(driveDb [, shape])",
            text = "waveshaper, shape \"tanh\" \"soft_clip\" \"hard_clip\" \"foldback\"; params driveDb, outputDb")
    public static Chain shaper(double driveDb) { return shaper(driveDb, "tanh"); }

    /** A waveshaper of {@code shape} ("tanh", "soft_clip", "hard_clip", "foldback") with {@code driveDb} (dB). */
    public static Chain shaper(double driveDb, String shape) {
        Waveshaper w = new Waveshaper(Waveshaper.Shape.valueOf(constant(shape)));
        fit("shaper", w.driveDb, driveDb);
        return made(w, call("shaper", driveDb, shape));
    }

    // mixing

    /** A gain of {@code db} (dB, -120..24). */
    @NodeDoc(group = "mixing", usage = "gain(db)", text = "gain; param gainDb (dB)")
    public static Chain gain(double db) {
        Gain g = new Gain();
        fit("gain", g.gainDb, db);
        return made(g, call("gain", db));
    }

    /** Equal-power pan, mono in, stereo out; {@code position} -1 (left) .. 1 (right). */
    @NodeDoc(group = "mixing", usage = "pan(position)", text = "equal-power pan -1..1, stereo out; param position")
    public static Chain pan(double position) {
        Pan p = new Pan();
        fit("pan", p.position, position);
        return made(p, call("pan", position));
    }

    /** A stereo mixer of {@code inputs} stereo inputs {@code in0..}; params gain<k>Db, pan<k>, masterDb. */
    @NodeDoc(group = "mixing", usage = "mixer(inputs)", text = "stereo mixer; inputs in0.., params gain<k>Db, pan<k>, masterDb")
    public static Chain mixer(int inputs) { return made(new StereoMixer(inputs), call("mixer", inputs)); }

    /** An equal-power crossfader between inputs {@code a} and {@code b}; {@code position} 0 (a) .. 1 (b). */
    @NodeDoc(group = "mixing", usage = "crossfader(position)", text = "crossfader, inputs a and b; param position 0..1")
    public static Chain crossfader(double position) {
        Crossfader x = new Crossfader();
        fit("crossfader", x.position, position);
        return made(x, call("crossfader", position));
    }

    /** Multiplies input {@code in} by input {@code control} (an envelope, an LFO). */
    @NodeDoc(group = "mixing", usage = "vca()", text = "in times control (connect an envelope to .control)")
    public static Chain vca() { return made(new Vca(), "vca()"); }

    /** Copies its input to {@code outputs} outputs {@code out0..}. */
    @NodeDoc(group = "mixing", usage = "splitter(outputs)", text = "copies in to out0..out<n-1>")
    public static Chain splitter(int outputs) { return made(new Splitter(outputs), call("splitter", outputs)); }

    // voices

    /** {@code count} voices (1..256) made by {@code voice}; play notes with {@code noteOn/noteOff} on the node. */
    @NodeDoc(group = "voices", usage = "poly(count, () -> new MyVoice())",
            text = "polyphonic voices; node().noteOn(midi, velocity), noteOff(midi); not saved by :save")
    public static Chain poly(int count, Supplier<? extends Voice> voice) {
        return Chain.of(new PolyVoices(count, voice), "poly(" + count + ")");
    }

    /** {@code count} ready-made {@link SubtractiveVoice}s (saw → low-pass biquad → ADSR) as one instrument. */
    @NodeDoc(group = "voices", usage = "synth(count)",
            text = "poly(count) of saw -> low-pass -> ADSR voices; node().noteOn(midi, velocity), noteOnHz(key, hz, velocity)")
    public static Chain synth(int count) {
        return made(new PolyVoices(count, SubtractiveVoice::new), call("synth", count));
    }

    /** The creation functions, grouped, as {@code :help nodes} shows them. */
    public static String nodeHelp() { return PreludeHelp.nodes(); }

    /** Sets a parameter of a node not yet sounding to what the person gave, saying so when it had to be clamped. */
    private static void fit(String function, SmoothedParam param, double value) {
        ParamRange.tell(function, param, value);
        param.reset(value);
    }

    private static String constant(String name) { return name.strip().toUpperCase(java.util.Locale.ROOT).replace(' ', '_'); }

    /** Wraps any node (your own, or a stdlib one made with {@code new}) so it can be chained. */
    public static Chain node(DspNode node) { return Chain.of(node); }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }
}
