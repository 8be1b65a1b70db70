package dev.aether.repl.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.EngineConfig;
import dev.aether.core.ParallelMode;
import dev.aether.core.engine.Engine;
import dev.aether.nodes.mix.Gain;
import dev.aether.nodes.osc.SawOscillator;
import org.junit.jupiter.api.Test;

/** {@code :cpu} says how many threads render the plan: one line with the mode and the parallel worker's figures. */
class CpuReportTest {
    @Test
    void shouldNameTheParallelModeAndTheWorkersShare() {
        try (Engine e = Engine.create(EngineConfig.defaults(), ParallelMode.ON)) {
            Gain mix = new Gain(0);
            e.add(mix);
            for (int v = 0; v < 16; v++) {
                SawOscillator saw = new SawOscillator().frequencyHz(110 + v);
                Gain level = new Gain(-24);
                e.add(saw);
                e.add(level);
                e.connect(saw.out, level.in);
                e.connect(level.out, mix.in);
            }
            e.connectToMaster(mix.out);
            e.render(new float[2 * 64 * 200], 64 * 200);
            String cpu = EngineCommands.cpu(e);
            assertThat(cpu).contains("  threads: on, parallel worker: running; ").containsPattern("[1-9][0-9]* segments shared");
        }
        try (Engine e = Engine.create(EngineConfig.defaults(), ParallelMode.OFF)) {
            assertThat(EngineCommands.cpu(e)).contains("  threads: off, parallel worker: not running; 0 segments shared");
        }
    }
}
