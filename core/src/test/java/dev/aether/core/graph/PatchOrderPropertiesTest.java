package dev.aether.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.core.DspNode;
import dev.aether.core.GraphCycleException;
import dev.aether.core.InputPort;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class PatchOrderPropertiesTest {

    static final class Through implements DspNode {
        final InputPort in = Ports.audioIn("in");
        final OutputPort out = Ports.audioOut("out");
        @Override public void process(ProcessContext ctx) {}
    }

    /** Random DAG: edges only from lower to higher index, then nodes are added in a shuffled order. */
    @Provide
    Arbitrary<Tuple.Tuple2<Integer, List<int[]>>> dags() {
        return Arbitraries.integers().between(2, 40).flatMap(n ->
                Combinators.combine(
                        Arbitraries.just(n),
                        Arbitraries.integers().between(0, n - 1).tuple2()
                                .filter(t -> !t.get1().equals(t.get2()))
                                .map(t -> new int[] {Math.min(t.get1(), t.get2()), Math.max(t.get1(), t.get2())})
                                .list().ofMaxSize(n * 3))
                        .as(Tuple::of));
    }

    @Property(tries = 300)
    void everyEdgeRespectsTheOrderOnRandomDags(@ForAll("dags") Tuple.Tuple2<Integer, List<int[]>> dag) {
        int n = dag.get1();
        Patch patch = new Patch(48_000);
        List<Through> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Through t = new Through();
            nodes.add(t);
        }
        // add in reverse so slot order disagrees with the topological order
        Map<Through, NodeSlot> slots = new HashMap<>();
        for (int i = n - 1; i >= 0; i--) slots.put(nodes.get(i), patch.add(nodes.get(i)));
        for (int[] e : dag.get2()) patch.connect(nodes.get(e[0]).out, nodes.get(e[1]).in);

        List<NodeSlot> order = patch.order();
        assertThat(order).hasSize(n);
        Map<NodeSlot, Integer> pos = new HashMap<>();
        for (int i = 0; i < order.size(); i++) pos.put(order.get(i), i);
        for (int[] e : dag.get2()) {
            assertThat(pos.get(slots.get(nodes.get(e[0]))))
                    .as("edge %d -> %d must run source first", e[0], e[1])
                    .isLessThan(pos.get(slots.get(nodes.get(e[1]))));
        }
    }

    @Property(tries = 300)
    void everyGraphWithACycleIsRefused(@ForAll("dags") Tuple.Tuple2<Integer, List<int[]>> dag) {
        int n = dag.get1();
        Patch patch = new Patch(48_000);
        List<Through> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Through t = new Through();
            nodes.add(t);
            patch.add(t);
        }
        for (int[] e : dag.get2()) patch.connect(nodes.get(e[0]).out, nodes.get(e[1]).in);
        // close a loop along an existing path, or make one directly
        int[] closing = dag.get2().isEmpty() ? new int[] {0, 1} : dag.get2().get(0);
        if (dag.get2().isEmpty()) patch.connect(nodes.get(0).out, nodes.get(1).in);
        int edgesBefore = patch.edges().size();
        assertThatThrownBy(() -> patch.connect(nodes.get(closing[1]).out, nodes.get(closing[0]).in))
                .isInstanceOf(GraphCycleException.class)
                .satisfies(ex -> {
                    List<String> cycle = ((GraphCycleException) ex).cycle();
                    assertThat(cycle.get(0)).as("a cycle starts and ends on the same node").isEqualTo(cycle.get(cycle.size() - 1));
                    assertThat(cycle).hasSizeGreaterThanOrEqualTo(3);
                });
        assertThat(patch.edges()).as("the refused edge is not kept").hasSize(edgesBefore);
        assertThat(patch.order()).hasSize(n);
    }
}
