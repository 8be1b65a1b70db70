package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.node.NodeSpec;
import dev.aether.repl.console.ScriptedConsole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Values out of a parameter's range, typed at the real console: clamped as before, and now said so in one line
 * naming the range and unit, for node functions, {@code set(...)} and a chain's {@code set}; values in range say
 * nothing.
 */
class ParamRangeTest {
    static LiveConsole live;
    static ScriptedConsole c;

    @BeforeAll static void start() throws Exception {
        live = LiveConsole.playing();
        c = live.console();
    }

    @AfterAll static void close() { live.close(); }

    @Test void shouldWarnThatANegativeFrequencyWasClamped() {
        assertThat(c.eval("var s = sine(-5);")).startsWith(
                "warning: sine: frequencyHz -5 Hz is out of range 0.01..20000 Hz; clamped to 0.01 Hz\n");
        assertThat(c.eval("s.node() instanceof dev.aether.nodes.osc.SineOscillator o ? o.frequencyHz.get() : -1"))
                .endsWith("==> 0.01");
    }

    @Test void shouldWarnThatAZeroQWasClampedAndSayNothingOfTheCutoffInRange() {
        String shown = c.eval("lowpass(800, 0)");
        assertThat(shown).startsWith("warning: lowpass: q 0 is out of range 0.1..40; clamped to 0.1\n")
                .doesNotContain("cutoffHz");
        assertThat(shown.lines().filter(l -> l.startsWith("warning:")).count()).isEqualTo(1);
    }

    @Test void shouldSayNothingForValuesInRange() {
        assertThat(c.eval("saw(110).to(lowpass(800, 2)).to(gain(-6))")).doesNotContain("warning");
    }

    @Test void shouldWarnForSetOnASlotNamingTheLiveNode() {
        c.eval("def(\"f\", saw(110).to(lowpass(800)))");
        String shown = c.eval("set(slot(\"f\"), \"cutoffHz\", 50000, 0)");
        assertThat(shown).matches("warning: BiquadFilter#\\d+: cutoffHz 50000 Hz is out of range 10..20000 Hz; "
                + "clamped to 20000 Hz");
        var filter = live.runtime().session().live(live.runtime().session().slot("f").node());
        assertThat(NodeSpec.of(filter).param("cutoffHz").get()).isEqualTo(20_000);
    }

    @Test void shouldWarnForAChainsSetNamingTheNodeByItsRecipe() {
        assertThat(c.eval("saw(110).to(gain(-6)).set(\"gainDb\", 99)")).startsWith(
                "warning: gain(-6): gainDb 99 dB is out of range -120..24 dB; clamped to 24 dB\n");
    }

    @Test void shouldWarnForEveryConstructorArgumentOutOfRange() {
        String shown = c.eval("adsr(-1, 0.1, 2, 0.2)");
        assertThat(shown).contains("warning: adsr: attackSeconds -1 s is out of range 0..60 s; clamped to 0 s",
                "warning: adsr: sustainLevel 2 is out of range 0..1; clamped to 1");
    }
}
