package dev.aether.sequencing.midiin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ControlCurveTest {
    @Test void shouldMapACcSweepLinearlyWithExactEndsAndMidpoint() {
        for (int v = 0; v <= 127; v++) {
            double x = ControllerSource.position(0xB0, 74, v);
            assertThat(ControlCurve.LIN.map(x, 200, 8000)).as("lin at CC value %d", v).isCloseTo(200 + v / 127.0 * 7800, within(1e-9));
        }
        assertThat(ControlCurve.LIN.map(0, 200, 8000)).as("lin at 0").isEqualTo(200);
        assertThat(ControlCurve.LIN.map(1, 200, 8000)).as("lin at 127").isEqualTo(8000);
        assertThat(ControlCurve.LIN.map(0.5, 200, 8000)).as("lin midpoint is the mean").isCloseTo(4100, within(1e-9));
    }

    @Test void shouldMapACcSweepExponentiallyWithExactEndsAndTheGeometricMeanAtTheMidpoint() {
        double previous = 0;
        for (int v = 0; v <= 127; v++) {
            double y = ControlCurve.EXP.map(ControllerSource.position(0xB0, 74, v), 200, 8000);
            assertThat(y).as("exp at CC value %d", v).isCloseTo(200 * Math.pow(40, v / 127.0), within(1e-9));
            assertThat(y).as("exp rises monotonically").isGreaterThan(previous);
            previous = y;
        }
        assertThat(ControlCurve.EXP.map(0, 200, 8000)).isEqualTo(200);
        assertThat(ControlCurve.EXP.map(1, 200, 8000)).isEqualTo(8000);
        assertThat(ControlCurve.EXP.map(0.5, 200, 8000)).as("exp midpoint: sqrt(200 * 8000)").isCloseTo(Math.sqrt(200 * 8000.0), within(1e-9));
        // equal steps in x are equal ratios: an octave per 1/log2(40) of the travel
        double r1 = ControlCurve.EXP.map(0.3, 200, 8000) / ControlCurve.EXP.map(0.2, 200, 8000);
        double r2 = ControlCurve.EXP.map(0.9, 200, 8000) / ControlCurve.EXP.map(0.8, 200, 8000);
        assertThat(r1).isCloseTo(r2, within(1e-12));
    }

    @Test void shouldReadBendAndAftertouchPositions() {
        assertThat(ControllerSource.position(0xE0, 0, 0)).isEqualTo(0);
        assertThat(ControllerSource.position(0xE0, 127, 127)).isEqualTo(1);
        assertThat(ControllerSource.position(0xE0, 0, 64)).isCloseTo(8192 / 16383.0, within(1e-15));
        assertThat(ControllerSource.position(0xD0, 127, 0)).isEqualTo(1);
    }

    @Test void shouldRefuseAnExponentialRangeThroughZeroAndUnknownNames() {
        assertThatThrownBy(() -> ControlCurve.EXP.check(0, 1)).hasMessageContaining("use \"lin\"");
        assertThatThrownBy(() -> ControlCurve.parse("log")).hasMessage("unknown curve \"log\": use \"lin\" or \"exp\"");
        assertThatThrownBy(() -> ControllerSource.parse("cc200")).hasMessageContaining("write \"cc74\"");
    }

    @Test void shouldParseSourcesWithChannels() {
        assertThat(ControllerSource.parse("cc74")).isEqualTo(ControllerSource.cc(74));
        assertThat(ControllerSource.parse("bend@2").text()).isEqualTo("bend@2");
        assertThat(ControllerSource.parse("CC1@16").matches(new ControllerSource(ControllerSource.Kind.CC, 1, 16))).isTrue();
        assertThat(ControllerSource.parse("cc1@16").matches(new ControllerSource(ControllerSource.Kind.CC, 1, 15))).isFalse();
        assertThat(ControllerSource.parse("aftertouch").matches(new ControllerSource(ControllerSource.Kind.AFTERTOUCH, 0, 3))).isTrue();
    }
}
