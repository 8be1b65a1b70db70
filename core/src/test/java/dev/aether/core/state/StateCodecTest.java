package dev.aether.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.core.NodeState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StateCodecTest {
    enum Stage { IDLE, ATTACK }
    record Filter(double y1, float sync, int stage, long rng, boolean gate) implements NodeState {}
    record Delay(float[] buffer, int writeIndex, double[][] taps, Stage stage) implements NodeState {}
    record Poly(NodeState[] voices, int[] notes, long counter) implements NodeState {}
    record Odd(List<String> names, double x) implements NodeState {}
    record Other(double y) implements NodeState {}

    final StateCodec codec = new StateCodec(SavedClassNames.of(getClass().getClassLoader()));

    @Test void shouldWriteARecordOfNumbersAsNumbersUnderItsType() {
        Map<String, Object> data = codec.toData(new Filter(0.25, 0.5f, 3, 1L << 40, true));
        assertThat(data).containsExactly(Map.entry("@type", Filter.class.getName()), Map.entry("y1", 0.25),
                Map.entry("sync", 0.5f), Map.entry("stage", 3), Map.entry("rng", 1L << 40), Map.entry("gate", true));
        assertThat(codec.toState(data)).isEqualTo(new Filter(0.25, 0.5f, 3, 1L << 40, true));
    }

    @Test void shouldWriteArraysAsListsEnumsByNameAndNestedStatesWithTheirType() {
        Delay d = new Delay(new float[] {0.1f, -0.2f}, 1, new double[][] {{1, 2}, {3}}, Stage.ATTACK);
        Poly p = new Poly(new NodeState[] {new Other(1.5), d, null}, new int[] {60, -1}, 7);
        Map<String, Object> data = codec.toData(p);
        assertThat(data.get("notes")).isEqualTo(List.of(60, -1));
        @SuppressWarnings("unchecked") List<Object> voices = (List<Object>) data.get("voices");
        assertThat(voices.get(0)).isEqualTo(Map.of("@type", Other.class.getName(), "y", 1.5));
        @SuppressWarnings("unchecked") Map<String, Object> delay = (Map<String, Object>) voices.get(1);
        assertThat(delay.get("buffer")).isEqualTo(List.of(0.1f, -0.2f));
        assertThat(delay.get("taps")).isEqualTo(List.of(List.of(1.0, 2.0), List.of(3.0)));
        assertThat(delay.get("stage")).isEqualTo("ATTACK");
        assertThat(voices.get(2)).isNull();

        Poly back = (Poly) codec.toState(data);
        assertThat(back.voices()[0]).isEqualTo(new Other(1.5));
        Delay d2 = (Delay) back.voices()[1];
        assertThat(d2.buffer()).containsExactly(0.1f, -0.2f);
        assertThat(d2.taps()[0]).containsExactly(1, 2);
        assertThat(d2.stage()).isEqualTo(Stage.ATTACK);
        assertThat(back.notes()).containsExactly(60, -1);
        assertThat(codec.toData(back)).as("decoded then encoded is the same data").isEqualTo(data);
    }

    @Test void shouldKeepOnlyWhatIsNotDataOpaque() {
        Map<String, Object> data = codec.toData(new Odd(new ArrayList<>(List.of("a", "b")), 2));
        assertThat(data.get("x")).isEqualTo(2.0);
        @SuppressWarnings("unchecked") Map<String, Object> names = (Map<String, Object>) data.get("names");
        assertThat(names).containsKeys("@type", "@serialized");
        assertThat(codec.toState(data)).isEqualTo(new Odd(List.of("a", "b"), 2));
    }

    @Test void shouldReadNumbersAsDecimalTextBackBitExact() {
        Random r = new Random(8);
        for (int i = 0; i < 10_000; i++) {
            float f = Float.intBitsToFloat(r.nextInt());
            double d = Double.longBitsToDouble(r.nextLong());
            if (!Float.isFinite(f) || !Double.isFinite(d)) continue;
            Map<String, Object> data = new LinkedHashMap<>(codec.toData(new Filter(d, f, 0, 0, false)));
            data.put("y1", new BigDecimal(Double.toString(d)));                  // as a JSON reader gives them
            data.put("sync", new BigDecimal(Float.toString(f)));
            Filter back = (Filter) codec.toState(data);
            assertThat(Double.doubleToRawLongBits(back.y1())).as("double %s", d).isEqualTo(Double.doubleToRawLongBits(d));
            assertThat(Float.floatToRawIntBits(back.sync())).as("float %s", f).isEqualTo(Float.floatToRawIntBits(f));
        }
    }

    @Test void shouldWriteNaNAndInfinityAsText() {
        Map<String, Object> data = codec.toData(new Filter(Double.NaN, Float.NEGATIVE_INFINITY, 0, 0, false));
        assertThat(data.get("y1")).isEqualTo("NaN");
        assertThat(data.get("sync")).isEqualTo("-Infinity");
        Filter back = (Filter) codec.toState(data);
        assertThat(back.y1()).isNaN();
        assertThat(back.sync()).isEqualTo(Float.NEGATIVE_INFINITY);
    }

    @Test void shouldRefuseStateOfARecordThatChangedNamingTheComponent() {
        Map<String, Object> data = new LinkedHashMap<>(codec.toData(new Filter(1, 2, 3, 4, true)));
        data.remove("rng");
        assertThatThrownBy(() -> codec.toState(data)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no rng");
        data.put("rng", 4L);
        data.put("extra", 1.0);
        assertThatThrownBy(() -> codec.toState(data)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("extra");
    }

    @Test void shouldReadAStateSerializedByStateBlob() {
        String b64 = StateBlob.of(new Other(0.75)).toBase64();
        Map<String, Object> data = Map.of("@type", Other.class.getName(), "@serialized", b64);
        assertThat(codec.toState(data)).isEqualTo(new Other(0.75));
        assertThat(StateBlob.fromBase64(Other.class.getName(), b64).toState(getClass().getClassLoader())).isEqualTo(new Other(0.75));
    }
}
