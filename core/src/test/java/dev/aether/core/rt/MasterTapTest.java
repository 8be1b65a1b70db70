package dev.aether.core.rt;

import dev.aether.core.view.OutputTap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.engine.Engine;
import dev.aether.core.EngineConfig;
import dev.aether.core.testing.TestSine;
import org.junit.jupiter.api.Test;

class MasterTapTest {
    @Test
    void shouldCopyExactlyWhatTheMasterPlaysAndCountDropsWhenTheReaderFallsBehind() {
        Engine engine = Engine.create(EngineConfig.defaults());
        TestSine s = new TestSine().frequencyHz(1000);
        engine.add(s);
        engine.connectToMaster(s.out);
        OutputTap tap = engine.openTap(4_800);
        float[] played = new float[2 * 4_800];
        engine.render(played, 4_800);
        float[] copy = new float[2 * 4_800];
        assertThat(tap.read(copy)).isEqualTo(2 * 4_800);
        assertThat(copy).as("tap == master output").containsExactly(played);

        float[] more = new float[2 * 48_000];
        engine.render(more, 48_000);          // nobody reads: the ring fills, the rest is dropped and counted
        assertThat(tap.droppedFrames()).as("frames dropped while unread").isGreaterThan(0);
        assertThat(tap.available()).isLessThanOrEqualTo(2 * 8_192);
        engine.closeTap(tap);
        long dropped = tap.droppedFrames();
        engine.render(more, 4_800);
        assertThat(tap.droppedFrames()).as("a closed tap is not fed").isEqualTo(dropped);
    }
}
