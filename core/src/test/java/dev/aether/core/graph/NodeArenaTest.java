package dev.aether.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.core.NodeId;
import dev.aether.core.StaleNodeException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeArenaTest {
    @Test
    void shouldRefuseAStaleIdEvenWhenItsSlotIsReused() {
        NodeArena<String> arena = new NodeArena<>(4);
        long a = arena.insert("a");
        assertThat(arena.remove(a)).isEqualTo("a");
        long b = arena.insert("b");
        assertThat((int) b).as("the slot is reused").isEqualTo((int) a);
        assertThat(b).as("with a new generation").isNotEqualTo(a);
        assertThat(arena.get(b)).isEqualTo("b");
        assertThatThrownBy(() -> arena.get(a)).isInstanceOf(StaleNodeException.class)
                .hasMessageContaining(NodeId.unpack(a).toString());
        assertThatThrownBy(() -> arena.remove(a)).isInstanceOf(StaleNodeException.class);
        assertThat(arena.contains(a)).isFalse();
        assertThat(arena.get(b)).as("the new value is untouched by the refused remove").isEqualTo("b");
    }

    @Test
    void shouldGrowAndCountAndVisitLiveValuesInSlotOrder() {
        NodeArena<Integer> arena = new NodeArena<>(4);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) ids.add(arena.insert(i));
        for (int i = 0; i < 100; i += 2) arena.remove(ids.get(i));
        assertThat(arena.size()).isEqualTo(50);
        List<Integer> seen = new ArrayList<>();
        arena.forEach(seen::add);
        assertThat(seen).hasSize(50).allMatch(v -> v % 2 == 1).isSorted();
        assertThatThrownBy(() -> arena.get(NodeId.unpack(ids.get(1)).packed() + 1_000)).isInstanceOf(StaleNodeException.class);
    }

    @Test
    void shouldLetAValueKnowItsOwnIdAndRetireTheIdWhenBuildingFails() {
        NodeArena<String> arena = new NodeArena<>(4);
        long id = arena.insert(k -> "me:" + k);
        assertThat(arena.get(id)).isEqualTo("me:" + id);
        long[] handed = new long[1];
        assertThatThrownBy(() -> arena.insert(k -> { handed[0] = k; throw new IllegalStateException("no"); }))
                .hasMessage("no");
        assertThat(arena.contains(handed[0])).as("an id handed to a failed builder is stale").isFalse();
        assertThat(arena.size()).isEqualTo(1);
    }
}
