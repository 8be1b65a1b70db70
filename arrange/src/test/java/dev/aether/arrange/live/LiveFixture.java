package dev.aether.arrange.live;

import dev.aether.arrange.AudioClip;
import dev.aether.arrange.AudioTrack;
import dev.aether.arrange.MediaPool;
import dev.aether.arrange.Position;
import dev.aether.arrange.Project;
import dev.aether.arrange.Tempo;
import dev.aether.arrange.stream.TestWavs;
import dev.aether.core.DspNode;
import dev.aether.core.EngineConfig;
import dev.aether.core.engine.Engine;
import dev.aether.core.io.WavFormat;
import dev.aether.nodes.delay.FeedbackDelay;
import dev.aether.nodes.dynamics.Compressor;
import dev.aether.nodes.filter.BiquadFilter;
import dev.aether.nodes.mix.Gain;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/** Shared pieces of the live arrangement tests: files, recipes, offline rendering. */
final class LiveFixture {
    static final int RATE = 48_000;
    /** The master limiter off, so the master passes the tests' levels unchanged. */
    static final EngineConfig CFG = EngineConfig.defaults().limiterCeiling(0);

    private LiveFixture() {}

    /** A few stdlib effects by name: "gain(dB)", "lowpass(hz)", "comp", "delay". */
    static DspNode recipe(String r) {
        if (r.startsWith("gain(")) {
            Gain g = new Gain();
            g.gainDb.reset(Double.parseDouble(r.substring(5, r.length() - 1)));
            return g;
        }
        if (r.startsWith("lowpass(")) return new BiquadFilter();
        if (r.equals("comp")) return new Compressor();
        if (r.equals("delay")) return new FeedbackDelay();
        if (r.equals("keys")) return new KeyLevelInstrument();
        if (r.equals("synth")) return new dev.aether.nodes.voice.PolyVoices(4, dev.aether.nodes.voice.SubtractiveVoice::new);
        throw new IllegalArgumentException("no recipe \"" + r + "\" in the test");
    }

    /** A mono 16-bit file of {@code frames} frames of {@code value} (a DC level, exact in 16 bits for k/32768). */
    static Path dc(Path dir, String name, int frames, float value) throws IOException {
        float[] x = new float[frames];
        Arrays.fill(x, value);
        return TestWavs.write(dir.resolve(name + ".wav"), WavFormat.PCM_16, RATE, x);
    }

    /** A project at 120 BPM (a beat is 24,000 samples) with {@code file} in the pool as {@code id}. */
    static Project project(String id, Path file) {
        return new Project(Tempo.DEFAULT, MediaPool.EMPTY.with(id, file), java.util.List.of());
    }

    static AudioTrack track(String name, String source, Position start, Position length) {
        return AudioTrack.named(name).with(AudioClip.of(source, start, length));
    }

    /** Renders {@code frames} stereo frames offline. */
    static float[] render(Engine e, int frames) {
        float[] out = new float[frames * 2];
        e.render(out, frames);
        return out;
    }

    static float left(float[] stereo, int frame) { return stereo[2 * frame]; }

    static float right(float[] stereo, int frame) { return stereo[2 * frame + 1]; }

    /** The first frame whose left sample is not 0, or -1. */
    static int firstSound(float[] stereo) {
        for (int i = 0; i < stereo.length / 2; i++) if (stereo[2 * i] != 0 || stereo[2 * i + 1] != 0) return i;
        return -1;
    }
}
