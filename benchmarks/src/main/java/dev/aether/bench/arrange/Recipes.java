package dev.aether.bench.arrange;

import dev.aether.arrange.live.RecipeResolver;
import dev.aether.core.DspNode;
import dev.aether.nodes.delay.FeedbackDelay;
import dev.aether.nodes.dynamics.Compressor;
import dev.aether.nodes.filter.BiquadFilter;
import dev.aether.nodes.mix.Gain;
import dev.aether.nodes.mix.Pan;
import dev.aether.nodes.reverb.Freeverb;
import dev.aether.nodes.voice.PolyVoices;
import dev.aether.nodes.voice.SubtractiveVoice;

/**
 * The recipes of the arrangement benchmarks' projects: a realistic mix chain from the stdlib (EQ biquads, compressor,
 * feedback delay, Freeverb, pan, gain) and a subtractive synth. Control thread.
 */
public final class Recipes {
    private Recipes() {}

    /** The resolver for {@link EditMix} and {@link LoopingPiece}. */
    public static final RecipeResolver RESOLVER = Recipes::resolve;

    static DspNode resolve(String r) {
        switch (r) {
            case "hp": return new BiquadFilter(BiquadFilter.Mode.HIGH_PASS).cutoffHz(40);
            case "lowshelf": return new BiquadFilter(BiquadFilter.Mode.LOW_SHELF).cutoffHz(120).gainDb(3);
            case "peak": return new BiquadFilter(BiquadFilter.Mode.PEAK).cutoffHz(900).q(1.2).gainDb(-4);
            case "highshelf": return new BiquadFilter(BiquadFilter.Mode.HIGH_SHELF).cutoffHz(8000).gainDb(2);
            case "lp": return new BiquadFilter(BiquadFilter.Mode.LOW_PASS).cutoffHz(12_000);
            case "comp": return new Compressor().thresholdDb(-20).ratio(4);
            case "delay": return new FeedbackDelay(500).delayMillis(180);
            case "reverb": return new Freeverb();
            case "pan": return new Pan();
            case "gain": return new Gain();
            case "synth": return new PolyVoices(6, SubtractiveVoice::new);
            default: throw new IllegalArgumentException("no recipe \"" + r + "\" in the arrangement benchmarks");
        }
    }
}
