package dev.aether.osc;

import static org.assertj.core.api.Assertions.assertThat;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.argument.OSCTimeTag64;
import dev.aether.nodes.drum.DrumKit;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * JavaOSC's client sends timetagged bundles to the server of an engine rendered offline, whose timeline is anchored
 * at a known NTP time = engine sample 0: a bundle lands on the very sample its timetag names (the probe sees its
 * value change there), a late one plays at the next block's start and is counted.
 */
class OscBundleTest {
    static final long ANCHOR = SampleTimeline.ntp(Instant.parse("2026-01-01T00:00:00Z"));
    final OscRig rig = new OscRig();

    @AfterEach void close() throws Exception { rig.close(); }

    private SampleTimeline timeline() { return new SampleTimeline(ANCHOR, 0, rig.engine.config().sampleRate()); }

    private static OSCBundle at(SampleTimeline t, long sample, OSCPacket... messages) {
        return new OSCBundle(List.of(messages), OSCTimeTag64.valueOf(t.ntpOf(sample)));
    }

    @Test void shouldMapTimetagsToSamplesExactlyBothWays() {
        SampleTimeline t = timeline();
        for (long s : new long[] {0, 1, 47_999, 48_000, 12_345_678, 48_000L * 3600 * 24}) {
            assertThat(t.sampleOf(t.ntpOf(s))).as("sample %d through its timetag", s).isEqualTo(s);
        }
        long oneSecond = 1L << 32;
        assertThat(t.sampleOf(ANCHOR + oneSecond / 2)).as("half a second after the anchor").isEqualTo(24_000);
    }

    @Test void shouldLandABundleOnTheSampleItsTimetagNames() throws Exception {
        Probe probe = rig.host.play("probe", new Probe());
        SampleTimeline t = timeline();
        rig.start(t, null);
        long target = 12_345;                                 // inside a block (64 frames), not on its start
        rig.send(at(t, target, new OSCMessage("/aether/param/probe/level", List.of(0.5f, 0f))));
        assertThat(OscRig.await(() -> rig.server.counters().applied() == 1)).as("applied: %s",
                rig.server.counters().summary()).isTrue();
        rig.render(24_000);
        assertThat(probe.firstChange).as("engine sample of the first changed value").isEqualTo(target);
        assertThat(probe.heard).isEqualTo(0.5);
        assertThat(rig.server.counters().lateBundles()).isZero();
    }

    @Test void shouldPlayTwoMessagesOfOneBundleOnTheSameSampleAndNestedBundlesOnTheirOwn() throws Exception {
        Probe a = rig.host.play("a", new Probe()), b = rig.host.play("b", new Probe());
        SampleTimeline t = timeline();
        rig.start(t, null);
        OSCBundle outer = at(t, 1_000, new OSCMessage("/aether/param", List.of("a", "level", 3, 0)));
        outer.addPacket(at(t, 2_001, new OSCMessage("/aether/param", List.of("b", "level", 4.0, 0.0))));
        rig.send(outer);
        assertThat(OscRig.await(() -> rig.server.counters().applied() == 2)).as(rig.server.counters().summary()).isTrue();
        rig.render(4_800);
        assertThat(a.firstChange).isEqualTo(1_000);
        assertThat(b.firstChange).isEqualTo(2_001);
        assertThat(a.heard).isEqualTo(3.0);
        assertThat(b.heard).isEqualTo(4.0);
    }

    @Test void shouldPlayALateBundleAtOnceAndCountIt() throws Exception {
        Probe probe = rig.host.play("probe", new Probe());
        SampleTimeline t = timeline();
        rig.start(t, null);
        rig.render(48_000);                                   // the engine is at sample 48000 now
        rig.send(at(t, 100, new OSCMessage("/aether/param/probe/level", List.of(7f, 0f))));
        assertThat(OscRig.await(() -> rig.server.counters().applied() == 1)).isTrue();
        assertThat(rig.server.counters().lateBundles()).isEqualTo(1);
        assertThat(rig.server.counters().lastError()).contains("late").contains("sample 100");
        rig.render(640);
        assertThat(probe.firstChange).as("a late bundle plays from the next block's start").isEqualTo(48_000);
    }

    /** The left channel of the next {@code frames} frames of {@code engine}. */
    private static float[] renderLeft(dev.aether.core.engine.Engine engine, int frames) {
        float[] stereo = new float[2 * frames];
        engine.render(stereo, frames);
        float[] left = new float[frames];
        for (int i = 0; i < frames; i++) left[i] = stereo[2 * i];
        return left;
    }

    @Test void shouldSoundATimedHitExactlyAsTheKitsOwnHitAtThatSample() throws Exception {
        rig.host.play("kit", new DrumKit());
        SampleTimeline t = timeline();
        rig.start(t, null);
        rig.send(at(t, 5_003, new OSCMessage("/aether/hit", List.of("kit", "sn", 0.5f))));
        assertThat(OscRig.await(() -> rig.server.counters().applied() == 1)).as(rig.server.counters().summary()).isTrue();
        float[] viaOsc = renderLeft(rig.engine, 24_000);

        try (var reference = dev.aether.core.engine.Engine.create(dev.aether.core.EngineConfig.defaults())) {
            DrumKit direct = new DrumKit();
            reference.add(direct);
            reference.connectToMaster(dev.aether.core.node.NodeSpec.of(direct).outputs().get(0));
            assertThat(direct.hitAt(direct.keyOf("sn"), 5_003, 0.5)).isTrue();
            float[] expected = renderLeft(reference, 24_000);
            assertThat(viaOsc).as("the OSC hit, sample for sample, against kit.hitAt(sn, 5003, 0.5)").containsExactly(expected);
        }
        int first = 0;
        while (first < viaOsc.length && viaOsc[first] == 0) first++;
        assertThat(first).as("the first sound").isBetween(5_003, 5_004);
    }

    @Test void shouldTreatTheImmediateTimetagAsNow() throws Exception {
        Probe probe = rig.host.play("probe", new Probe());
        rig.start(timeline(), null);
        rig.render(6_400);
        rig.send(new OSCBundle(List.of(new OSCMessage("/aether/param/probe/level", List.of(1f, 0f))), OSCTimeTag64.IMMEDIATE));
        assertThat(OscRig.await(() -> rig.server.counters().applied() == 1)).isTrue();
        rig.render(640);
        assertThat(probe.firstChange).isEqualTo(6_400);
        assertThat(rig.server.counters().lateBundles()).isZero();
    }
}
