package dev.aether.sequencing.schedule;

import dev.aether.core.DspNode;
import dev.aether.core.EngineConfig;
import dev.aether.core.OutputPort;
import dev.aether.core.engine.Engine;
import dev.aether.core.node.NodeSpec;
import java.util.ArrayList;
import java.util.List;

/** An engine rendered offline with a look-ahead scheduler attached, as {@code bin/aether render} runs it. */
final class OfflineRig implements AutoCloseable {
    final Engine engine;
    final LookAheadScheduler scheduler;
    final List<String> messages = new ArrayList<>();

    OfflineRig() { this(EngineConfig.defaults()); }

    OfflineRig(EngineConfig config) {
        engine = Engine.create(config);
        scheduler = LookAheadScheduler.attach(engine, messages::add);
    }

    /** Adds {@code node} and sends its first output to the master. */
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

    @Override public void close() {
        scheduler.close();
        engine.close();
    }
}
