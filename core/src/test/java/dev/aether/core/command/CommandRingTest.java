package dev.aether.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.core.engine.Engine;
import dev.aether.core.EngineBusyException;
import dev.aether.core.EngineConfig;
import dev.aether.core.time.When;
import dev.aether.core.testing.ManualDriver;
import org.junit.jupiter.api.Test;

class CommandRingTest {
    @Test
    void shouldRefuseWithABusyResultWhenFullAndApplyAtMostNPerBlockWithoutLosingAny() {
        Engine engine = Engine.create(EngineConfig.defaults().ringCapacity(16).commandsPerBlock(4));
        ManualDriver driver = new ManualDriver();
        engine.start(driver);
        for (int i = 1; i <= 16; i++) engine.tempo(100 + i, 4, When.NOW);
        assertThatThrownBy(() -> engine.tempo(999, 4, When.NOW))
                .isInstanceOf(EngineBusyException.class)
                .hasMessageContaining("16 commands are already waiting")
                .hasMessageContaining("nothing was changed");

        float[] out = new float[2 * 64];
        driver.source().renderRt(out, 64);
        assertThat(engine.transport().publishedBpm()).as("after one block: the 4th tempo").isEqualTo(104);
        for (int b = 0; b < 3; b++) driver.source().renderRt(out, 64);
        assertThat(engine.transport().publishedBpm()).as("after four blocks: all 16, in order").isEqualTo(116);
        engine.tempo(120, 4, When.NOW);                        // room again
        driver.source().renderRt(out, 64);
        assertThat(engine.transport().publishedBpm()).isEqualTo(120);
    }
}
