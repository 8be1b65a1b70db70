package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.param.SmoothedParam;
import dev.aether.nodes.voice.PolyVoices;
import dev.aether.repl.console.ScriptedConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An instrument's voice parameter moved the ways a person moves any parameter: {@code set}, {@code slot(...).set},
 * {@code :undo}, a {@code param(...)} pattern (MIDI maps already did: MidiLearnTest), and kept by {@code :save}. Every
 * voice moves together.
 */
class InstrumentParamsAtThePromptTest {
    static final int BAR = 96_000;

    private static PolyVoices instrument(LiveConsole a, String slot) {
        return (PolyVoices) a.runtime().session().live(a.runtime().session().slot(slot).node());
    }

    @Test void setMovesAParameterOfEveryVoiceAndUndoMovesEachBack() throws Exception {
        try (LiveConsole a = LiveConsole.start()) {
            ScriptedConsole c = a.console();
            c.eval("def(\"bass\", synth(4));");
            PolyVoices poly = instrument(a, "bass");
            List<SmoothedParam> cutoffs = poly.voiceParams("cutoffHz");
            assertThat(cutoffs).hasSize(4);
            cutoffs.get(2).set(3_000, 0);                                 // one voice apart, to see undo restore each
            assertThat(c.eval("set(\"bass\", \"cutoffHz\", 800, 0);")).doesNotContain("rror", "no parameter");
            assertThat(cutoffs).extracting(SmoothedParam::get).containsExactly(800.0, 800.0, 800.0, 800.0);
            assertThat(c.eval(":undo")).startsWith("undone");
            assertThat(cutoffs).extracting(SmoothedParam::get).containsExactly(1_000.0, 1_000.0, 3_000.0, 1_000.0);

            c.eval("slot(\"bass\").set(\"q\", 2.5, 0);");
            assertThat(poly.voiceParams("q")).extracting(SmoothedParam::get).containsExactly(2.5, 2.5, 2.5, 2.5);
            assertThat(c.eval("set(\"bass\", \"cutoffHz\", 90000, 0);")).as("the range warning, as for any parameter")
                    .contains("20000");
            assertThat(cutoffs).extracting(SmoothedParam::get).containsOnly(20_000.0);
        }
    }

    @Test void aSessionFileKeepsTheVoicesParameters(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("set.json");
        try (LiveConsole a = LiveConsole.start()) {
            ScriptedConsole c = a.console();
            c.eval("def(\"bass\", synth(4)); def(\"lead\", synth(2));");
            c.eval("set(\"bass\", \"cutoffHz\", 640, 0); set(\"bass\", \"q\", 3, 0);");
            instrument(a, "lead").voiceParams("gainDb").get(1).set(-3, 0);    // voices apart: each kept on its own
            assertThat(c.eval(":save " + file)).isEqualTo("saved " + file);
            assertThat(Files.readString(file)).contains("\"voices.cutoffHz\"", "\"voice1.gainDb\"");
        }
        try (LiveConsole b = LiveConsole.start()) {
            assertThat(b.console().eval(":open " + file)).doesNotContain("rror");
            assertThat(instrument(b, "bass").voiceParams("cutoffHz")).extracting(SmoothedParam::get).containsOnly(640.0);
            assertThat(instrument(b, "bass").voiceParams("q")).extracting(SmoothedParam::get).containsOnly(3.0);
            assertThat(instrument(b, "lead").voiceParams("gainDb")).extracting(SmoothedParam::get).containsExactly(-12.0, -3.0);
        }
    }

    @Test void errorsNameTheVoicesParametersAndHowToMoveThem() throws Exception {
        try (LiveConsole a = LiveConsole.start()) {
            ScriptedConsole c = a.console();
            c.eval("def(\"bass\", synth(4));");
            assertThat(c.eval("set(\"bass\", \"cutof\", 800);"))
                    .contains("no parameter 'cutof'", "its voices' parameters (set moves every voice): cutoffHz, q,");
            assertThat(c.eval("slot(\"bass\").param(\"cutoffHz\");"))
                    .contains("'cutoffHz' is a parameter of every voice", "set(chain, \"cutoffHz\", value)", "param(chain, \"cutoffHz\")");
        }
    }

    @Test void aParamPatternMovesEveryVoiceOnItsSample() throws Exception {
        try (LiveConsole a = LiveConsole.start()) {
            ScriptedConsole c = a.console();
            c.eval("tempo(120);");
            c.eval("def(\"bass\", synth(4));");
            assertThat(c.eval("pat(\"sweep\", \"400 1600\", param(slot(\"bass\"), \"cutoffHz\", 0));")).doesNotContain("rror");
            List<SmoothedParam> cutoffs = instrument(a, "bass").voiceParams("cutoffHz");
            var engine = a.runtime().engine();
            int at400 = 0, at1600 = 0;
            for (int half = 0; half < 6; half++) {                        // three bars, sampled each half bar
                engine.render(new float[2 * BAR / 2], BAR / 2);
                double v = cutoffs.get(0).currentRt();
                assertThat(cutoffs).as("every voice at the same value").allSatisfy(p -> assertThat(p.currentRt()).isEqualTo(v));
                if (v == 400) at400++;
                if (v == 1_600) at1600++;
            }
            assertThat(at400).as("half bars ending at 400 Hz").isGreaterThanOrEqualTo(2);
            assertThat(at1600).as("half bars ending at 1600 Hz").isGreaterThanOrEqualTo(2);
        }
    }
}
