package dev.aether.core.graph;

import dev.aether.core.InputPort;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.DspNode;
import dev.aether.core.engine.Engine;
import dev.aether.core.EngineConfig;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NodeWarmerTest {
    static final AtomicInteger warmCalls = new AtomicInteger();

    /** Counts its own process calls and, across instances, all of them. */
    public static final class Counting implements DspNode {
        final OutputPort out = Ports.audioOut("out");
        int calls;
        @Override public void process(ProcessContext ctx) { calls++; warmCalls.incrementAndGet(); }
    }

    static final AtomicInteger unconnectedCalls = new AtomicInteger(), connectedCalls = new AtomicInteger();

    /** Takes a cheaper path when nothing is patched to its input, as the stdlib oscillators do. */
    public static final class TwoPaths implements DspNode {
        final dev.aether.core.InputPort in = Ports.audioIn("in");
        final OutputPort out = Ports.audioOut("out");
        @Override public void process(ProcessContext ctx) {
            (ctx.connected(in) ? connectedCalls : unconnectedCalls).incrementAndGet();
        }
    }

    /** No no-argument constructor: cannot be copied, so it is not warmed. */
    public static final class NeedsArgument implements DspNode {
        final OutputPort out = Ports.audioOut("out");
        int calls;
        public NeedsArgument(int ignored) {}
        @Override public void process(ProcessContext ctx) { calls++; }
    }

    @Test
    void shouldWarmAThrowawayInstanceOncePerClassAndNeverTheLiveOne() {
        Engine engine = Engine.create(EngineConfig.defaults());
        Counting first = new Counting(), second = new Counting();
        engine.add(first);
        int afterFirst = warmCalls.get();
        engine.add(second);
        assertThat(first.calls).as("the live instance is not run by the warm-up").isZero();
        assertThat(afterFirst).as("a throwaway instance ran a few blocks").isGreaterThan(0);
        assertThat(warmCalls.get()).as("a class is warmed once").isEqualTo(afterFirst);

        NeedsArgument n = new NeedsArgument(1);
        engine.add(n);
        assertThat(n.calls).isZero();
    }

    @Test
    void shouldWarmBothTheUnconnectedAndTheConnectedPath() {
        Engine engine = Engine.create(EngineConfig.defaults());
        engine.add(new TwoPaths());
        assertThat(unconnectedCalls.get()).as("blocks with the input unconnected").isEqualTo(128);
        assertThat(connectedCalls.get()).as("blocks with the input connected").isEqualTo(128);
    }
}
