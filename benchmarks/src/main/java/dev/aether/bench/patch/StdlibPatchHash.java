package dev.aether.bench.patch;

import dev.aether.bench.StandardPatchBenchmark;
import dev.aether.core.EngineConfig;
import dev.aether.core.driver.AudioSource;
import dev.aether.core.engine.Engine;
import dev.aether.core.graph.PlanEntry;
import dev.aether.core.rt.Scheduler;
import dev.aether.nodes.env.AdsrEnvelope;
import dev.aether.nodes.filter.BiquadFilter;
import dev.aether.nodes.mix.Gain;
import dev.aether.nodes.osc.SawOscillator;

/**
 * A hash of the output bits of the stdlib standard patch ({@link StandardPatchBenchmark#addStdlibPatch}) over
 * {@code blocks} blocks, to show that a change to the engine or the nodes keeps the output bit-identical (run it
 * before and after, compare). Besides the steady patch, the run moves things the way a player does, at fixed
 * blocks, from this thread between blocks (deterministic): cutoffs and Qs glide (block 100), a few oscillators
 * glide (150), the gains move (200), cutoffs jump by timed {@code setAt} inside a block (250), half the envelopes
 * get a note-off (300) and a new note-on (400).
 *
 * <p>args: [voices=256] [blocks=600]; prints the hash of the whole output and one per 100 blocks.
 */
public final class StdlibPatchHash {
    private StdlibPatchHash() {}

    public static void main(String[] args) {
        int voices = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int blocks = args.length > 1 ? Integer.parseInt(args[1]) : 600;
        Engine engine = Engine.create(EngineConfig.defaults().sampleRate(Voicing.SAMPLE_RATE).blockSize(Voicing.FRAMES));
        StandardPatchBenchmark.addStdlibPatch(engine, voices);
        PlanEntry[] entries = ((Scheduler) engine.source()).currentPlan().entries;
        AudioSource source = engine.source();
        float[] out = new float[2 * Voicing.FRAMES];
        long hash = 1125899906842597L, part = hash;
        StringBuilder parts = new StringBuilder();
        long t = 0;
        for (int b = 0; b < blocks; b++) {
            int k = 0;
            for (PlanEntry e : entries) {
                Object n = e.node;
                int i = k++;
                if (b == 100 && n instanceof BiquadFilter f) { f.cutoffHz(600 + 7 * (i % 300)); f.q(0.5 + (i % 5) * 0.3); }
                if (b == 150 && n instanceof SawOscillator s && i % 3 == 0) s.frequencyHz(70 + i % 200);
                if (b == 200 && n instanceof Gain g) g.gainDb(-50 + (i % 7));
                if (b == 250 && n instanceof BiquadFilter f && i % 2 == 0) f.cutoffHz.setAt(3000 - i, t + 17 + i % 40, 0);
                if (b == 300 && n instanceof AdsrEnvelope a && i % 2 == 0) a.gateAt(false, t + i % 64);
                if (b == 400 && n instanceof AdsrEnvelope a && i % 4 == 0) a.noteOn();
            }
            source.renderRt(out, Voicing.FRAMES);
            t += Voicing.FRAMES;
            for (float v : out) {
                long bits = Float.floatToRawIntBits(v);
                hash = 31 * hash + bits;
                part = 31 * part + bits;
            }
            if ((b + 1) % 100 == 0) {
                parts.append(String.format(" %016x", part));
                part = 1125899906842597L;
            }
            if ((b & 63) == 0) engine.pollEvents(e -> { });
        }
        System.out.printf("voices %d, blocks %d: hash %016x%nper 100 blocks:%s%n", voices, blocks, hash, parts);
        engine.close();
        System.exit(0);
    }
}
