package dev.aether.core.rt;

import dev.aether.core.DspNode;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.engine.Engine;
import dev.aether.core.EngineConfig;
import dev.aether.core.time.When;
import dev.aether.core.graph.FeedbackPair;
import dev.aether.core.testing.Constant;
import org.junit.jupiter.api.Test;

class SampleAccurateCommandTest {
    private static int firstNonZero(float[] stereo) {
        for (int i = 0; i < stereo.length / 2; i++) if (stereo[2 * i] != 0f) return i;
        return -1;
    }

    @Test
    void shouldAdoptAPlanAtItsExactSampleInsideABlock() {
        Engine engine = Engine.create(EngineConfig.defaults());
        Constant dc = new Constant(0.25f);
        engine.batch(When.atSample(1_001), () -> {
            engine.add(dc);
            engine.connectToMaster(dc.out);
        });
        float[] out = new float[2 * 4_800];
        engine.render(out, 4_800);
        assertThat(firstNonZero(out)).as("first sounding sample").isEqualTo(1_001);
        assertThat(out[2 * 1_001]).isEqualTo(0.25f);
    }

    @Test
    void shouldQuantiseToTheNextBeatAndBarAtTheTransportTempo() {
        Engine engine = Engine.create(EngineConfig.defaults());
        engine.tempo(150, 3, When.NOW);             // 150 BPM at 48 kHz: a beat is 19,200 samples, a bar 57,600
        float[] out = new float[2 * 70_000];
        engine.render(out, 1_000);
        Constant beat = new Constant(0.25f), bar = new Constant(0.5f);
        engine.batch(When.NEXT_BEAT, () -> { engine.add(beat); engine.connectToMaster(beat.out); });
        engine.batch(When.NEXT_BAR, () -> { engine.add(bar); engine.connectToMaster(bar.out); });
        engine.render(out, 70_000);
        int beatStart = firstNonZero(out) + 1_000;
        assertThat(beatStart).as("next beat after sample 1000").isEqualTo(19_200);
        int barStart = -1;
        for (int i = 0; i < 70_000; i++) if (out[2 * i] > 0.6f) { barStart = i + 1_000; break; }
        assertThat(barStart).as("next bar").isEqualTo(57_600);
    }

    /**
     * A plan is the whole graph: one sent after a plan that waits for a later sample (a quantised edit) holds that
     * edit too, so it lands with it, not before; were it adopted first, the earlier plan would undo it on landing.
     */
    @Test
    void shouldNeverLandAPlanBeforeOneSentEarlier() {
        Engine engine = Engine.create(EngineConfig.defaults());
        Constant waits = new Constant(0.25f), next = new Constant(0.125f);
        engine.batch(When.atSample(10_000), () -> { engine.add(waits); engine.connectToMaster(waits.out); });
        engine.batch(When.NOW, () -> { engine.add(next); engine.connectToMaster(next.out); });
        float[] out = new float[2 * 20_000];
        engine.render(out, 20_000);
        assertThat(firstNonZero(out)).as("the later plan lands with the one before it").isEqualTo(10_000);
        assertThat(out[2 * 19_999]).as("and is not undone by it").isEqualTo(0.375f);
    }

    @Test
    void shouldDelayAFeedbackPairByExactlyOneBlock() {
        Engine engine = Engine.create(EngineConfig.defaults().blockSize(128));
        Impulse impulse = new Impulse(300);
        FeedbackPair pair = engine.feedback(1);
        engine.add(impulse);
        engine.connect(impulse.out, pair.send.in);
        engine.connectToMaster(pair.receive.out);
        float[] out = new float[2 * 2_000];
        engine.render(out, 2_000);
        assertThat(firstNonZero(out)).as("impulse at 300 comes back one block (128) later").isEqualTo(428);
    }

    /** A single sample of 0.5 at a given engine sample. */
    static final class Impulse implements dev.aether.core.DspNode {
        final dev.aether.core.OutputPort out = dev.aether.core.Ports.audioOut("out");
        final long at;
        Impulse(long at) { this.at = at; }
        @Override public void process(dev.aether.core.ProcessContext ctx) {
            float[] y = ctx.out(out);
            for (int i = 0; i < ctx.frames(); i++) y[i] = ctx.sampleTime() + i == at ? 0.5f : 0f;
        }
    }
}
