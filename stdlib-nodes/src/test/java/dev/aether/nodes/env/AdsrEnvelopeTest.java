package dev.aether.nodes.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aether.testkit.NodeHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AdsrEnvelopeTest {
    static final int SR = 48_000;
    // attack 10 ms = 480, decay 20 ms = 960, release 50 ms = 2400 samples
    static final int A = 480, D = 960, R = 2400, ON = 1000, OFF = 5000;

    /** Indices where each stage ends, checked against the analytic sample counts within ±1 sample. */
    static void assertStages(float[] y, double sustain, String how) {
        for (int i = 0; i < ON; i++) assertThat(y[i]).as("%s: idle before the gate", how).isZero();
        assertThat(y[ON]).as("%s: attack starts at the gate edge", how).isGreaterThan(0f);
        int peak = firstIndex(y, ON, v -> v == 1f);
        assertThat(peak).as("%s: attack ends after %d samples", how, A).isBetween(ON + A - 2, ON + A);
        int sus = firstIndex(y, peak + 1, v -> Math.abs(v - sustain) < 1e-6);
        assertThat(sus).as("%s: decay ends after %d more samples", how, D).isBetween(peak + D - 1, peak + D + 1);
        for (int i = sus; i < OFF; i++) assertThat((double) y[i]).as("%s: sustain", how).isCloseTo(sustain, within(1e-6));
        assertThat((double) y[OFF]).as("%s: release starts at the gate fall", how).isLessThan(sustain);
        int zero = firstIndex(y, OFF, v -> v == 0f);
        assertThat(zero).as("%s: release ends after %d samples", how, R).isBetween(OFF + R - 2, OFF + R);
        for (int i = zero; i < y.length; i++) assertThat(y[i]).as("%s: idle after release", how).isZero();
    }

    interface P { boolean test(float v); }

    static int firstIndex(float[] y, int from, P p) {
        for (int i = from; i < y.length; i++) if (p.test(y[i])) return i;
        return -1;
    }

    @ParameterizedTest @EnumSource(EnvelopeCurve.class)
    void shouldTimeEveryStageFromTheGateInput(EnvelopeCurve curve) {
        AdsrEnvelope env = new AdsrEnvelope(0.01, 0.02, 0.6, 0.05).curve(curve);
        NodeHarness h = new NodeHarness(env, SR, 64);
        float[] gate = new float[OFF];
        for (int i = ON; i < OFF; i++) gate[i] = 1;
        h.input(env.gate, gate);
        assertStages(h.render(10_000)[0][0], 0.6, "gate input, " + curve);
    }

    /** Idle and sustain blocks with no gate input and no event due are filled at once: the same samples. */
    @ParameterizedTest @EnumSource(EnvelopeCurve.class)
    void shouldRenderTheSameWithTheGateInputUnconnectedOrSilent(EnvelopeCurve curve) {
        AdsrEnvelope unconnected = new AdsrEnvelope(0.01, 0.02, 0.6, 0.05).curve(curve);
        AdsrEnvelope silent = new AdsrEnvelope(0.01, 0.02, 0.6, 0.05).curve(curve);
        NodeHarness a = new NodeHarness(unconnected, SR, 64), b = new NodeHarness(silent, SR, 64);
        b.input(silent.gate, new float[20_000]);
        for (AdsrEnvelope env : new AdsrEnvelope[] {unconnected, silent}) {
            env.gateAt(true, ON);
            env.gateAt(false, OFF);
            env.gateAt(true, 9_000);
            env.gateAt(true, 9_500);                                   // a retrigger in the attack
            env.gateAt(false, 15_000);
        }
        float[] ya = a.render(20_000)[0][0], yb = b.render(20_000)[0][0];
        assertThat(ya).as("unconnected gate (block fills) vs silent gate input (per sample)").containsExactly(yb);
        assertThat(ya[12_000]).as("sustain reached").isEqualTo(0.6f);
    }

    @ParameterizedTest @EnumSource(EnvelopeCurve.class)
    void shouldTimeEveryStageFromTimedGateEvents(EnvelopeCurve curve) {
        AdsrEnvelope env = new AdsrEnvelope(0.01, 0.02, 0.6, 0.05).curve(curve);
        NodeHarness h = new NodeHarness(env, SR, 64);
        assertThat(env.gateAt(true, ON)).isTrue();
        assertThat(env.gateAt(false, OFF)).isTrue();
        assertStages(h.render(10_000)[0][0], 0.6, "gateAt, " + curve);
    }

    @ParameterizedTest @EnumSource(EnvelopeCurve.class)
    void shouldRiseLinearlyOrConvexlyDuringTheAttack(EnvelopeCurve curve) {
        AdsrEnvelope env = new AdsrEnvelope(0.01, 0.02, 0.6, 0.05).curve(curve);
        NodeHarness h = new NodeHarness(env, SR, 64);
        env.gateAt(true, 0);
        float[] y = h.render(A)[0][0];
        double mid = y[A / 2 - 1];
        if (curve == EnvelopeCurve.LINEAR) assertThat(mid).as("linear attack half way").isCloseTo(0.5, within(1e-5));
        else assertThat(mid).as("exponential attack is above the line half way").isGreaterThan(0.55);
        for (int i = 1; i < A; i++) assertThat(y[i]).as("attack rises").isGreaterThan(y[i - 1]);
    }

    @org.junit.jupiter.api.Test
    void shouldReleaseFromTheCurrentLevelWhenTheGateFallsDuringTheAttack() {
        AdsrEnvelope env = new AdsrEnvelope(0.01, 0.02, 0.6, 0.05);
        NodeHarness h = new NodeHarness(env, SR, 64);
        env.gateAt(true, 0);
        env.gateAt(false, 240);
        float[] y = h.render(4000)[0][0];
        assertThat((double) y[239]).as("half the attack").isCloseTo(0.5, within(1e-5));
        assertThat((double) y[240]).as("release starts from 0.5 without a jump").isCloseTo(0.5 - 0.5 / R, within(1e-5));
        assertThat(firstIndex(y, 240, v -> v == 0f)).as("release still takes its full time").isEqualTo(240 + R - 1);
    }
}
