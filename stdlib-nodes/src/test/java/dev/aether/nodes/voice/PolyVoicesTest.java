package dev.aether.nodes.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aether.testkit.NodeHarness;
import org.junit.jupiter.api.Test;

class PolyVoicesTest {
    static int voiceOf(PolyVoices p, int note) {
        for (int v = 0; v < p.voiceCount(); v++) if (p.noteOfVoice(v) == note) return v;
        return -1;
    }

    @Test
    void shouldGiveEachNoteAVoiceAndStealTheOldestWhenFull() {
        PolyVoices p = new PolyVoices(3, TestVoice::new);
        NodeHarness h = new NodeHarness(p, 48_000, 64);
        p.noteOn(60, 1);
        h.render(64);
        p.noteOn(64, 1);
        h.render(64);
        p.noteOn(67, 1);
        h.render(64);
        assertThat(p.activeVoices()).as("three notes, three voices").isEqualTo(3);
        int v60 = voiceOf(p, 60), v64 = voiceOf(p, 64), v67 = voiceOf(p, 67);
        assertThat(new int[] {v60, v64, v67}).as("distinct voices").doesNotHaveDuplicates().doesNotContain(-1);
        p.noteOn(72, 1);
        h.render(64);
        assertThat(voiceOf(p, 60)).as("the oldest note lost its voice").isEqualTo(-1);
        assertThat(voiceOf(p, 72)).as("the new note took the oldest's voice").isEqualTo(v60);
        assertThat(voiceOf(p, 64)).as("others keep theirs").isEqualTo(v64);
        p.noteOn(74, 1);
        h.render(64);
        assertThat(voiceOf(p, 74)).as("then the next oldest").isEqualTo(v64);
    }

    @Test
    void shouldKeepAReleasedVoiceSoundingUntilItsReleaseEnds() {
        PolyVoices p = new PolyVoices(2, TestVoice::new);
        NodeHarness h = new NodeHarness(p, 48_000, 64);
        p.noteOnAt(69, 1, 0);
        p.noteOffAt(69, 1_000);
        float[] y = h.render(960)[0][0];
        assertThat(voiceOf(p, 69)).as("held").isGreaterThanOrEqualTo(0);
        double peak = 0;
        for (int i = 480; i < 960; i++) peak = Math.max(peak, Math.abs(y[i]));
        assertThat(peak).as("a 440 Hz sine at full level").isCloseTo(1, within(0.01));
        y = h.render(64 * 8)[0][0];                           // up to 1472: 472 samples into the 480-sample release
        assertThat(voiceOf(p, 69)).as("still sounding in its release").isGreaterThanOrEqualTo(0);
        assertThat(p.activeVoices()).isEqualTo(1);
        h.render(64);                                         // release ends at 1000 + 480 = 1480
        assertThat(voiceOf(p, 69)).as("free after the release").isEqualTo(-1);
        assertThat(p.activeVoices()).isZero();
        float[] after = h.render(256)[0][0];
        for (float v : after) assertThat(v).as("silent").isZero();
    }

    @Test
    void shouldStartANoteOnItsExactSample() {
        PolyVoices p = new PolyVoices(2, TestVoice::new);
        NodeHarness h = new NodeHarness(p, 48_000, 64);
        p.noteOnAt(81, 1, 100);
        float[] y = h.render(256)[0][0];
        for (int i = 0; i <= 100; i++) assertThat(y[i]).as("silent before the note, sample %d", i).isZero();
        assertThat(y[101]).as("sounding right after the note starts (phase 0 at 100)").isNotZero();
    }

    @Test
    void shouldPreferAReleasedVoiceWhenStealingTheOldest() {
        PolyVoices p = new PolyVoices(2, TestVoice::new);
        NodeHarness h = new NodeHarness(p, 48_000, 64);
        p.noteOn(60, 1);
        h.render(64);
        p.noteOn(62, 1);
        h.render(64);
        p.noteOff(62);
        h.render(64);
        int v62 = voiceOf(p, 62);
        p.noteOn(64, 1);
        h.render(64);
        assertThat(voiceOf(p, 64)).as("the releasing voice is taken first").isEqualTo(v62);
        assertThat(voiceOf(p, 60)).as("the held note keeps its voice").isGreaterThanOrEqualTo(0);
    }

    @Test
    void shouldClockTheParamsOfItsVoices() {
        TestVoice[] made = new TestVoice[1];
        PolyVoices p = new PolyVoices(1, () -> made[0] = new TestVoice());
        NodeHarness h = new NodeHarness(p, 48_000, 64);
        made[0].gainDb.set(-20, 0);
        p.noteOn(69, 1);
        float[] y = h.render(4800)[0][0];
        double peak = 0;
        for (int i = 2400; i < 4800; i++) peak = Math.max(peak, Math.abs(y[i]));
        assertThat(peak).as("the voice's gainDb change reached it").isCloseTo(0.1, within(0.002));
    }

    @Test
    void aGainChangeMadeWhileAllVoicesAreSilentHasRampedBeforeTheNextNoteWhichPlaysWholeAtTheNewLevel() {
        int rate = 48_000, second = rate;
        PolyVoices plain = new PolyVoices(2, SubtractiveVoice::new), quieter = new PolyVoices(2, SubtractiveVoice::new);
        NodeHarness hp = new NodeHarness(plain, rate, 64), hq = new NodeHarness(quieter, rate, 64);
        for (PolyVoices p : java.util.List.of(plain, quieter)) {
            p.noteOnAt(57, 1, 0);
            p.noteOffAt(57, 4_800);                          // released at 0.1 s, silent 0.2 s later
        }
        hp.render(second / 2);
        hq.render(second / 2);
        assertThat(quieter.activeVoices()).as("nothing sounds when the gain moves").isZero();
        quieter.voiceParams("gainDb").forEach(g -> g.set(-24));   // default -12: 12 dB down, 0.5 s before the next note
        plain.noteOnAt(57, 1, second);
        quieter.noteOnAt(57, 1, second);
        float[] p = hp.render(second)[0][0], q = hq.render(second)[0][0];
        double g = Math.pow(10, -12 / 20.0), worst = 0, loudest = 0;
        for (int i = second / 2; i < p.length; i++) {
            worst = Math.max(worst, Math.abs(q[i] - p[i] * g));
            loudest = Math.max(loudest, Math.abs(p[i]));
        }
        assertThat(loudest).as("the second note sounds").isGreaterThan(0.05);
        assertThat(worst).as("largest difference from the note at -12 dB scaled by -12 dB, over the whole note").isLessThan(1e-6);
    }
}
