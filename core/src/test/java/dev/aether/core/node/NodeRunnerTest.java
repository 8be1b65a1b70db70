package dev.aether.core.node;

import dev.aether.core.DspNode;
import dev.aether.core.EngineConfig;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.core.engine.Engine;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one node harness: warming new classes for the engine, and running a node it owns outside any engine. */
class NodeRunnerTest {
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
        final InputPort in = Ports.audioIn("in");
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

    /** Counts its calls on each path (its own class, so the engine test above still finds TwoPaths cold). */
    public static final class PathCounter implements DspNode {
        final InputPort in = Ports.audioIn("in");
        final OutputPort out = Ports.audioOut("out");
        int unconnected, connected;
        @Override public void process(ProcessContext ctx) { if (ctx.connected(in)) connected++; else unconnected++; }
    }

    @Test
    void shouldCountBlocksAlreadyRunTowardsTheWarmUpAndMarkTheClassWarm() {
        PathCounter n = new PathCounter();
        NodeRunner r = new NodeRunner(n, 48_000, 64);
        for (int b = 0; b < 200; b++) r.run(64);
        r.warmUp();
        assertThat(n.unconnected).as("200 blocks already run unconnected: none added").isEqualTo(200);
        assertThat(n.connected).as("the connected path's blocks").isEqualTo(NodeRunner.WARM_UP_BLOCKS_PER_PATH);
        assertThat(NodeRunner.isWarm(PathCounter.class)).isTrue();
        assertThat(r.time()).as("engine samples rendered").isEqualTo(328 * 64);
    }

    /** Copies its input to its output. */
    public static final class Copy implements DspNode {
        final InputPort in = Ports.audioIn("in");
        final OutputPort out = Ports.audioOut("out");
        @Override public void process(ProcessContext ctx) {
            System.arraycopy(ctx.in(in), 0, ctx.out(out), 0, ctx.frames());
        }
    }

    @Test
    void shouldRenderWhatItsConnectedInputHoldsAndSilenceWhenUnconnected() {
        Copy c = new Copy();
        NodeRunner r = new NodeRunner(c, 48_000, 4);
        r.run(4);
        assertThat(r.output(c.out)[0]).as("unconnected: the shared silence").containsOnly(0f);
        float[] x = r.connect(c.in)[0];
        x[0] = 0.5f; x[3] = -1f;
        r.run(4);
        assertThat(r.output(c.out)[0]).as("connected: the buffer the caller filled").containsExactly(0.5f, 0f, 0f, -1f);
    }

    @Test
    void shouldHoldTheNodesPortsUntilReleasedThenLetAnEngineTakeIt() {
        Copy c = new Copy();
        NodeRunner r = new NodeRunner(c, 48_000, 64);
        Engine engine = Engine.create(EngineConfig.defaults());
        assertThatThrownBy(() -> engine.add(c)).as("ports still belong to the runner")
                .isInstanceOf(IllegalStateException.class);
        r.release();
        engine.add(c);
        assertThat(engine.nodes()).as("master and the released node").hasSize(2);
    }
}
