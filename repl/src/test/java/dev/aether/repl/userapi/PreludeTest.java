package dev.aether.repl.userapi;

import dev.aether.core.io.WavFormat;
import dev.aether.core.io.WavWriter;

import static dev.aether.repl.userapi.Prelude.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.nodes.filter.BiquadFilter;
import dev.aether.nodes.osc.SineOscillator;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class PreludeTest {
    @Test void shouldMakeTheStdlibSineWithItsFrequency() {
        Chain c = sine(220);
        assertThat(c.node()).isInstanceOf(SineOscillator.class);
        assertThat(c.param("frequencyHz").get()).as("frequency").isEqualTo(220.0);
        assertThat(recipe(c.node())).isEqualTo("sine(220)");
    }

    @Test void shouldSetTheFilterModeAndParametersFromTheCall() throws Exception {
        BiquadFilter f = (BiquadFilter) peak(1_000, 2, -6).node();
        assertThat(f.cutoffHz.get()).isEqualTo(1_000.0);
        assertThat(f.q.get()).isEqualTo(2.0);
        assertThat(f.gainDb.get()).isEqualTo(-6.0);
        assertThat(recipe(f)).isEqualTo("peak(1000, 2, -6)");
    }

    @Test void shouldChainEveryCreationFunctionWithAGain(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path wav = dir.resolve("click.wav");
        try (var w = dev.aether.core.io.WavWriter.open(wav, dev.aether.core.io.WavFormat.PCM_16, 1, 48_000)) {
            w.write(new float[] {0.5f, 0f, -0.5f, 0f}, 4);
        }
        for (Method m : Prelude.class.getMethods()) {
            if (m.getAnnotation(NodeDoc.class) == null || m.getName().equals("poly")) continue;
            Object[] args = new Object[m.getParameterCount()];
            Class<?>[] types = m.getParameterTypes();
            for (int i = 0; i < args.length; i++) {
                args[i] = types[i] == int.class ? (Object) 2 : types[i] == double[].class ? new double[] {0, 1}
                        : types[i] == boolean.class ? (Object) true
                        : types[i] == String.class ? (m.getName().equals("sample") ? wav.toString()
                                : m.getName().equals("kit") ? dir.toString() : "sine") : (Object) 0.5;
            }
            Chain c = (Chain) m.invoke(null, args);
            assertThat(c.to(gain(-6)).nodes()).as(m.getName()).hasSize(2);
            assertThat(recipe(c.node())).as("recipe of " + m.getName()).startsWith(m.getName() + "(");
        }
    }

    @Test void shouldListEveryDocumentedNodeInTheHelp() {
        String help = nodeHelp();
        for (Method m : Prelude.class.getMethods()) {
            NodeDoc d = m.getAnnotation(NodeDoc.class);
            if (d != null) assertThat(help).as(m.getName()).contains(d.usage());
        }
        assertThat(help).contains("filters:", "lowpass(cutoffHz [, q])", "reverb(roomSize, mix)");
    }
}
