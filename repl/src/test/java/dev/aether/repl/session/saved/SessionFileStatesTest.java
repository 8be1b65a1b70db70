package dev.aether.repl.session.saved;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aether.core.DspNode;
import dev.aether.core.node.NodeRunner;
import dev.aether.core.node.NodeSpec;
import dev.aether.core.NodeState;
import dev.aether.core.state.StateCodec;
import dev.aether.nodes.delay.FeedbackDelay;
import dev.aether.nodes.noise.PinkNoise;
import dev.aether.nodes.osc.SineOscillator;
import dev.aether.nodes.reverb.Freeverb;
import dev.aether.nodes.voice.PolyVoices;
import dev.aether.nodes.voice.SubtractiveVoice;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stdlib node states through the file: JSON numbers, no base64, read back to the same state. */
class SessionFileStatesTest {
    final StateCodec codec = new StateCodec(UserClassNames.forWriting());

    static void run(DspNode node, int blocks) {
        NodeRunner r = new NodeRunner(new Object(), node, 48_000, 64);
        float[][] noise = new float[1][64];
        for (int b = 0; b < blocks; b++) {
            for (int i = 0; i < 64; i++) noise[0][i] = (float) Math.sin(0.37 * (b * 64 + i)) * 0.5f;
            for (var in : r.spec().inputs()) if (in.channels() == 1) r.feed(in, noise);
            r.runRt(b * 64L, 64, 120, 0);
        }
    }

    @Test void shouldCarryStdlibStatesThroughTheFileAsNumbers() throws Exception {
        PolyVoices poly = new PolyVoices(4, SubtractiveVoice::new);
        poly.noteOn(60, 0.8);
        poly.noteOn(67, 0.5);
        List<DspNode> nodes = List.of(new SineOscillator(), new PinkNoise(), new FeedbackDelay(50), new Freeverb(), poly);
        for (DspNode n : nodes) run(n, 40);
        List<SoundingState.Node> saved = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            saved.add(new SoundingState.Node(i, SoundingState.Making.LIBRARY_CLASS, nodes.get(i).getClass().getName(),
                    Map.of(), Map.of(), codec.toData(nodes.get(i).saveState())));
        }
        String text = SessionFile.write(new SoundingState(new SoundingState.Tempo(120, 4), List.of(), saved, List.of(), List.of()));
        assertThat(text).doesNotContain("@serialized");
        assertThat(new ObjectMapper().readTree(text).get("nodes").get(2).get("state").get("buffer").get(0).isNumber())
                .as("a delay line is an array of numbers").isTrue();
        SoundingState read = SessionFile.read(text);
        for (int i = 0; i < nodes.size(); i++) {
            NodeState back = codec.toState(read.nodes().get(i).state());
            assertThat(codec.toData(back)).as("state of %s", nodes.get(i).typeName())
                    .isEqualTo(codec.toData(nodes.get(i).saveState()));
        }
    }
}
