package dev.aether.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.engine.Engine;
import dev.aether.testkit.signals.Signals;
import org.junit.jupiter.api.Test;

class HelloEngineTest {
    @Test
    void shouldPlayA440HzSineOnBothChannels() {
        Engine engine = HelloEngine.patch();
        float[] out = new float[2 * 48_000];
        engine.render(out, 48_000);
        assertThat(Signals.upwardZeroCrossings(Signals.left(out))).as("upward zero crossings of the left channel in one second")
                .isBetween(439, 441);
        for (int i = 0; i < 48_000; i++) assertThat(out[2 * i + 1]).as("right == left").isEqualTo(out[2 * i]);
    }
}
