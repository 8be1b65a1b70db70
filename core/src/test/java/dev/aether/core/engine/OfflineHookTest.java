package dev.aether.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.EngineConfig;
import dev.aether.core.time.ClockSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Offline renders run their hooks before each block, on the rendering thread; the clock's runs can be walked. */
class OfflineHookTest {
    @Test
    void aHookRunsBeforeEachBlockWithItsStartAndLength() {
        Engine engine = Engine.create(EngineConfig.defaults().blockSize(256));
        List<String> calls = new ArrayList<>();
        OfflineBlockHook hook = (from, frames) -> calls.add(from + "+" + frames + "@" + engine.clock().position());
        engine.addOfflineHook(hook);
        engine.render(new float[2 * 600], 600);
        engine.render(new float[2 * 100], 100);
        assertThat(calls).containsExactly("0+256@0", "256+256@256", "512+88@512", "600+100@600");
        engine.removeOfflineHook(hook);
        engine.render(new float[2 * 256], 256);
        assertThat(calls).hasSize(4);
        assertThat(engine.isRunning()).isFalse();
    }

    @Test
    void aSnapshotSaysWhereTheNextRunOfTheTransportStarts() {
        Engine engine = Engine.create(EngineConfig.defaults());
        engine.render(new float[2 * 1000], 1000);
        long pausedAt = engine.clock().pause();
        ClockSnapshot s = engine.clock().snapshot();
        assertThat(s.nextRunFrom(0)).isEqualTo(pausedAt);
        assertThat(s.nextRunFrom(pausedAt)).isEqualTo(Long.MAX_VALUE);
        assertThat(s.stateAt(pausedAt)).isEqualTo(ClockSnapshot.State.PAUSED);
    }
}
