package dev.aether.sequencing.midi;

import dev.aether.core.DspNode;
import dev.aether.core.EngineConfig;
import dev.aether.core.OutputPort;
import dev.aether.core.engine.Engine;
import dev.aether.core.node.NodeSpec;
import dev.aether.sequencing.schedule.LookAheadScheduler;
import java.util.ArrayList;
import java.util.List;

/** An engine rendered offline with a look-ahead scheduler attached, as {@code bin/aether render} runs it. */
final class MidiRig implements AutoCloseable {
    static final int RATE = 48_000;
    final Engine engine;
    final List<String> messages = new ArrayList<>();
    final LookAheadScheduler scheduler;

    MidiRig() { this(RATE); }

    MidiRig(int sampleRate) {
        engine = Engine.create(EngineConfig.defaults().sampleRate(sampleRate));
        scheduler = LookAheadScheduler.attach(engine, messages::add);
    }

    <N extends DspNode> N play(N node) {
        engine.add(node);
        OutputPort out = NodeSpec.of(node).outputs().get(0);
        engine.connectToMaster(out);
        return node;
    }

    /** The left channel of the next {@code frames} frames. */
    float[] renderLeft(int frames) {
        float[] stereo = new float[2 * frames];
        engine.render(stereo, frames);
        float[] left = new float[frames];
        for (int i = 0; i < frames; i++) left[i] = stereo[2 * i];
        return left;
    }

    /** The samples of the clicks in {@code out} ({@link ClickVoice}), one entry per click (two for a two-note chord). */
    static List<Long> clicks(float[] out) {
        List<Long> at = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            long n = Math.round(out[i] / ClickVoice.HEIGHT);
            for (int k = 0; k < n; k++) at.add((long) i);
        }
        return at;
    }

    @Override public void close() {
        scheduler.close();
        engine.close();
    }
}
