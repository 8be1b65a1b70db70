package dev.aether.core.rt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.engine.Engine;
import dev.aether.core.EngineConfig;
import dev.aether.core.view.EngineEvent;
import dev.aether.core.testing.Constant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResyncTest {
    @Test
    void shouldCountLateBlocksAndFadeInAfterAResync() {
        Engine engine = Engine.create(EngineConfig.defaults());
        Constant dc = new Constant(0.5f);
        engine.add(dc);
        engine.connectToMaster(dc.out);
        float[] out = new float[2 * 64];
        engine.render(out, 64);
        assertThat(out[0]).isEqualTo(0.5f);

        engine.source().lateRt(3_000_000, false);             // late but within the device buffer: counted only
        engine.render(out, 64);
        assertThat(out[0]).as("no fade without a resync").isEqualTo(0.5f);

        engine.source().lateRt(25_000_000, true);             // longer than the buffer: resync
        engine.render(out, 64);
        assertThat(out[0]).as("the block after a resync starts from silence").isEqualTo(0f);
        for (int i = 1; i < 64; i++) assertThat(out[2 * i]).as("rising fade at %d", i).isGreaterThan(out[2 * (i - 1)]);
        engine.render(out, 64);
        assertThat(out[0]).as("full level again a block later").isEqualTo(0.5f);

        assertThat(engine.stats().lateBlocks()).as("late reports").isEqualTo(2);
        assertThat(engine.stats().xruns()).as("dropouts (the device ran dry)").isEqualTo(1);
        assertThat(engine.stats().worstStallNanos()).isEqualTo(25_000_000);
        List<EngineEvent.Xrun> xruns = new ArrayList<>();
        engine.pollEvents(e -> { if (e instanceof EngineEvent.Xrun x) xruns.add(x); });
        assertThat(xruns).extracting(EngineEvent.Xrun::resync).containsExactly(false, true);
    }
}
