package dev.aether.core.graph;

import dev.aether.core.buffer.BufferPool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.core.GraphCycleException;
import org.junit.jupiter.api.Test;

class PatchTest {
    @Test
    void shouldNameTheNodesOnACycle() {
        Patch patch = new Patch(48_000);
        var a = new PatchOrderPropertiesTest.Through();
        var b = new PatchOrderPropertiesTest.Through();
        var c = new PatchOrderPropertiesTest.Through();
        patch.add(a); patch.add(b); patch.add(c);
        patch.connect(a.out, b.in);
        patch.connect(b.out, c.in);
        assertThatThrownBy(() -> patch.connect(c.out, a.in))
                .isInstanceOf(GraphCycleException.class)
                .hasMessageContaining("Through#0 -> Through#1 -> Through#2 -> Through#0")
                .hasMessageContaining("feedback pair");
    }

    @Test
    void shouldReuseBuffersOnceTheirLastReaderHasRun() {
        Patch patch = new Patch(48_000);
        MasterBus master = new MasterBus();
        NodeSlot m = patch.add(master);
        var nodes = new PatchOrderPropertiesTest.Through[50];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = new PatchOrderPropertiesTest.Through();
            patch.add(nodes[i]);
            if (i > 0) patch.connect(nodes[i - 1].out, nodes[i].in);
        }
        patch.connect(nodes[49].out, master.in);
        ExecutionPlan plan = new PlanCompiler(new dev.aether.core.buffer.BufferPool(64, 16)).compile(patch, m);
        // a chain needs the running output plus the next one, and the master's two channels
        assertThat(plan.bufferCount()).as("buffers for a 50-node chain").isLessThanOrEqualTo(4);
        for (PlanEntry e : plan.entries) {
            for (float[][] outs : e.outputs) for (float[] o : outs)
                for (float[][] ins : e.inputs) for (float[] i : ins)
                    assertThat(o).as("a node's output never aliases its input").isNotSameAs(i);
        }
    }
}
