package dev.aether.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.core.engine.Engine;
import dev.aether.core.EngineBusyException;
import dev.aether.core.EngineConfig;
import dev.aether.core.testing.Constant;
import dev.aether.core.testing.ManualDriver;
import org.junit.jupiter.api.Test;

class CommandRingTest {
    /** Adds a constant of {@code i / 4096} to the master in one plan (one command). */
    private static void addConstant(Engine engine, int i) {
        Constant c = new Constant(i / 4096f);
        engine.batch(() -> {
            engine.add(c);
            engine.connectToMaster(c.out);
        });
    }

    /** The master's level after plan {@code k}: constants 1..k summed, exact in float. */
    private static float level(int k) { return k * (k + 1) / 2 / 4096f; }

    @Test
    void shouldRefuseWithABusyResultWhenFullAndApplyAtMostNPerBlockWithoutLosingAny() {
        Engine engine = Engine.create(EngineConfig.defaults().ringCapacity(16).commandsPerBlock(4));
        ManualDriver driver = new ManualDriver();
        engine.start(driver);
        for (int i = 1; i <= 16; i++) addConstant(engine, i);
        var master = engine.masterId();
        assertThatThrownBy(() -> engine.clearFault(master))
                .isInstanceOf(EngineBusyException.class)
                .hasMessageContaining("16 commands are already waiting")
                .hasMessageContaining("nothing was changed");

        float[] out = new float[2 * 64];
        driver.source().renderRt(out, 64);
        assertThat(out[0]).as("after one block: the 4th plan").isEqualTo(level(4));
        for (int b = 0; b < 3; b++) driver.source().renderRt(out, 64);
        assertThat(out[0]).as("after four blocks: all 16, in order").isEqualTo(level(16));
        addConstant(engine, 17);                                // room again
        driver.source().renderRt(out, 64);
        assertThat(out[0]).isEqualTo(level(17));
    }
}
