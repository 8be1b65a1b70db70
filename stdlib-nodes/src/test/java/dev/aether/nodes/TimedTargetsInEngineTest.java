package dev.aether.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.EngineConfig;
import dev.aether.core.engine.Engine;
import dev.aether.nodes.drum.DrumKit;
import dev.aether.nodes.drum.SampleKit;
import dev.aether.nodes.env.AdsrEnvelope;
import dev.aether.nodes.env.ArEnvelope;
import dev.aether.nodes.env.LineSegment;
import dev.aether.nodes.sample.Sample;
import dev.aether.nodes.voice.PolyVoices;
import dev.aether.nodes.voice.SubtractiveVoice;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gates, triggers and notes reach their nodes through the engine's one timed-event channel, on their sample. */
class TimedTargetsInEngineTest {
    private static int firstNonZero(float[] stereo) {
        for (int i = 0; i < stereo.length / 2; i++) if (stereo[2 * i] != 0f) return i;
        return -1;
    }

    @Test
    void shouldOpenBothEnvelopesGatesOnTheirExactSampleThroughTheEnginesChannel() {
        for (boolean adsr : new boolean[] {true, false}) {
            Engine engine = Engine.create(EngineConfig.defaults());
            var env = adsr ? new AdsrEnvelope() : null;
            var ar = adsr ? null : new ArEnvelope();
            engine.add(adsr ? env : ar);
            engine.connectToMaster(adsr ? env.out : ar.out);
            boolean sent = adsr ? env.gateAt(true, 1_234) : ar.gateAt(true, 1_234);
            assertThat(sent).isTrue();
            assertThat(engine.timedEvents().size()).as("the gate event travels on the engine's channel").isEqualTo(1);
            float[] out = new float[2 * 4_800];
            engine.render(out, 4_800);
            assertThat(firstNonZero(out)).as(adsr ? "AdsrEnvelope" : "ArEnvelope").isEqualTo(1_234);
        }
    }

    @Test
    void shouldKeepATriggerSentBeforeTheNodeWasAdded() {
        Engine engine = Engine.create(EngineConfig.defaults());
        LineSegment line = new LineSegment();
        line.durationSeconds.reset(0.01);             // 0 -> 1 in 480 samples from the trigger
        assertThat(line.triggerAt(777)).isTrue();
        engine.add(line);
        engine.connectToMaster(line.out);
        float[] out = new float[2 * 2_048];
        engine.render(out, 2_048);
        assertThat(firstNonZero(out)).as("the trigger sample outputs the start value, 0; the ramp rises from the next")
                .isEqualTo(778);
    }

    @Test
    void shouldBindAPolyphonicInstrumentsVoicesWithIt() {
        Engine engine = Engine.create(EngineConfig.defaults());
        SubtractiveVoice[] made = new SubtractiveVoice[4];
        int[] count = {0};
        PolyVoices poly = new PolyVoices(4, () -> made[count[0]++] = new SubtractiveVoice());
        SubtractiveVoice first = made[0];
        assertThat(first.cutoffHz.channel()).as("before the instrument is added").isNull();
        engine.add(poly);
        assertThat(first.cutoffHz.channel()).as("a voice's params, after add and prepare").isSameAs(engine.timedEvents());
        engine.connectToMaster(poly.out);
        assertThat(poly.noteOnAt(60, 1, 2_000)).isTrue();
        float[] out = new float[2 * 4_800];
        engine.render(out, 4_800);

        Engine reference = Engine.create(EngineConfig.defaults());      // the same note at sample 0
        PolyVoices same = new PolyVoices(4, SubtractiveVoice::new);
        reference.add(same);
        reference.connectToMaster(same.out);
        same.noteOnAt(60, 1, 0);
        float[] ref = new float[2 * 4_800];
        reference.render(ref, 4_800);
        assertThat(firstNonZero(out)).as("the note's first sound, 2000 samples after the same note at 0")
                .isEqualTo(2_000 + firstNonZero(ref));
    }

    @Test
    void shouldPlayDrumHitsOnTheirExactSampleThroughTheEnginesChannel() {
        Engine engine = Engine.create(EngineConfig.defaults());
        DrumKit kit = new DrumKit();
        engine.add(kit);
        assertThat(kit.hh.gainDb.channel()).as("a voice's params, after add").isSameAs(engine.timedEvents());
        engine.connectToMaster(kit.out);
        assertThat(kit.hitAt(kit.keyOf("hh"), 1_234, 1)).isTrue();
        assertThat(engine.timedEvents().size()).as("the hit travels on the engine's channel").isEqualTo(1);
        float[] out = new float[2 * 4_800];
        engine.render(out, 4_800);
        assertThat(firstNonZero(out)).as("closed hat").isEqualTo(1_234);

        Engine other = Engine.create(EngineConfig.defaults());
        SampleKit samples = new SampleKit("one-shot", Map.of("click", Sample.of("click", 48_000, new float[] {0.5f, 0.25f})));
        other.add(samples);
        other.connectToMaster(samples.out);
        assertThat(samples.hitAt(0, 2_001, 1)).isTrue();
        assertThat(other.timedEvents().size()).isEqualTo(1);
        float[] o = new float[2 * 4_800];
        other.render(o, 4_800);
        assertThat(firstNonZero(o)).as("sample kit").isEqualTo(2_001);
    }
}
