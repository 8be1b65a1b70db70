package dev.aether.nodes.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aether.testkit.NodeHarness;
import org.junit.jupiter.api.Test;

class SegmentsTest {
    @Test
    void shouldRampLinearlyFromStartToEndInExactlyTheDuration() {
        LineSegment line = new LineSegment(-1, 3, 0.01);       // 480 samples
        NodeHarness h = new NodeHarness(line, 48_000, 64);
        line.triggerAt(100);
        float[] y = h.render(1000)[0][0];
        assertThat((double) y[99]).as("before the trigger").isEqualTo(-1);
        assertThat((double) y[100]).as("trigger sample").isEqualTo(-1);
        assertThat((double) y[100 + 240]).as("half way").isCloseTo(1, within(1e-5));
        assertThat((double) y[100 + 480]).as("end").isEqualTo(3);
        assertThat((double) y[999]).as("holds the end").isEqualTo(3);
    }

    @Test
    void shouldLandExactlyOnEachBreakpoint() {
        ExponentialSegments env = new ExponentialSegments(0, new double[] {1, 0.25, 0}, new double[] {0.001, 0.002, 0.004}, 4);
        NodeHarness h = new NodeHarness(env, 48_000, 64);
        env.triggerAt(10);
        float[] y = h.render(1000)[0][0];
        assertThat((double) y[10 + 48 - 1]).as("first level").isEqualTo(1);
        assertThat((double) y[10 + 48 + 96 - 1]).as("second level").isEqualTo(0.25);
        assertThat((double) y[10 + 48 + 96 + 192 - 1]).as("third level").isEqualTo(0);
        assertThat((double) y[10 + 48 + 48]).as("exponential decay is below the straight line half way")
                .isLessThan((1 + 0.25) / 2);
    }
}
