package dev.aether.sequencing.midiin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A 24 ppqn clock with +-1 ms Gaussian jitter (sd 1 ms, seeded) at 123.4 BPM, then 131.7 BPM: the follower's tempo
 * and phase against the clock's true tick times. Deterministic (no threads, no wall clock).
 */
class MidiClockFollowerTest {
    record Seen(long position, double locked, double bpm, boolean running) {}

    static final class Recorder implements MidiClockFollower.Listener {
        final List<Seen> ticks = new ArrayList<>();
        final List<String> transport = new ArrayList<>();
        @Override public void started(long micros) { transport.add("start"); }
        @Override public void stopped(long micros, long p) { transport.add("stop@" + p); }
        @Override public void continued(long micros, long p) { transport.add("continue@" + p); }
        @Override public void positioned(long p) { transport.add("position@" + p); }
        @Override public void ticked(long p, double locked, double bpm, boolean running) { ticks.add(new Seen(p, locked, bpm, running)); }
    }

    /** True tick times (us) for {@code seconds1} at {@code bpm1}, then {@code seconds2} at {@code bpm2}. */
    static double[] clock(double bpm1, double seconds1, double bpm2, double seconds2) {
        List<Double> t = new ArrayList<>();
        double now = 1_000_000, p1 = 60e6 / (24 * bpm1), p2 = 60e6 / (24 * bpm2);
        while (now < 1e6 + seconds1 * 1e6) { t.add(now); now += p1; }
        while (now < 1e6 + (seconds1 + seconds2) * 1e6) { t.add(now); now += p2; }
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test void shouldEstimateTempoWithinATenthOfABpmAndLockPhaseThroughJitterAndATempoChange() {
        double[] truth = clock(123.4, 30, 131.7, 30);
        int change = 0;
        while (truth[change] < 31e6) change++;
        Random noise = new Random(12);
        Recorder r = new Recorder();
        MidiClockFollower f = new MidiClockFollower(r);
        f.start(900_000);
        double rawSq = 0;
        for (double t : truth) {
            double jitter = noise.nextGaussian() * 1000;
            rawSq += jitter * jitter;
            f.tick(Math.round(t + jitter));
        }
        double settle = 8 * 24;                  // 8 beats after the start and after the change
        double worstBpm1 = 0, worstBpm2 = 0, phaseSq = 0, phaseMax = 0;
        int n = 0;
        for (int k = 0; k < truth.length; k++) {
            boolean first = k >= settle && k < change, second = k >= change + settle;
            if (!first && !second) continue;
            Seen s = r.ticks.get(k);
            if (first) worstBpm1 = Math.max(worstBpm1, Math.abs(s.bpm() - 123.4));
            else worstBpm2 = Math.max(worstBpm2, Math.abs(s.bpm() - 131.7));
            double e = s.locked() - truth[k];
            phaseSq += e * e;
            phaseMax = Math.max(phaseMax, Math.abs(e));
            n++;
        }
        double phaseRms = Math.sqrt(phaseSq / n), rawRms = Math.sqrt(rawSq / truth.length);
        int detectedAfter = -1;
        for (int k = change; k < truth.length; k++) {
            if (Math.abs(r.ticks.get(k).bpm() - 131.7) < 0.5) { detectedAfter = k - change; break; }
        }
        System.out.printf(Locale.ROOT, "midi clock follow: tempo error after 8 beats <= %.4f BPM at 123.4, <= %.4f BPM at 131.7;"
                        + " within 0.5 BPM of the new tempo %d ticks after the change; phase jitter of locked ticks rms %.3f ms, max %.3f ms"
                        + " (raw tick jitter rms %.3f ms); %d tempo changes detected%n",
                worstBpm1, worstBpm2, detectedAfter, phaseRms / 1000, phaseMax / 1000, rawRms / 1000, f.tempoChanges());
        assertThat(worstBpm1).as("tempo error at 123.4 BPM after settling, BPM").isLessThan(0.1);
        assertThat(worstBpm2).as("tempo error at 131.7 BPM after settling, BPM").isLessThan(0.1);
        assertThat(detectedAfter).as("ticks until the change is followed within 0.5 BPM").isBetween(0, 48);
        assertThat(phaseRms).as("rms phase error of the locked ticks, us (raw jitter is 1000 us)").isLessThan(300);
        assertThat(phaseMax).as("largest phase error of a locked tick, us").isLessThan(1000);
        assertThat(f.tempoChanges()).as("the one real change is found, noise makes no others").isBetween(1L, 2L);
    }

    @Test void shouldFollowStartStopContinueAndSongPosition() {
        Recorder r = new Recorder();
        MidiClockFollower f = new MidiClockFollower(r);
        long t = 0;
        for (int i = 0; i < 10; i++) f.tick(t += 20_000);            // ticks while stopped do not move the position
        assertThat(f.positionTicks()).isZero();
        assertThat(f.bpm()).as("tempo is known before Start: 20 ms ticks").isCloseTo(125.0, org.assertj.core.data.Offset.offset(1e-9));
        f.realtime(0xFA, t);
        for (int i = 0; i < 30; i++) f.tick(t += 20_000);
        assertThat(r.ticks.get(10).position()).as("the first tick after Start is at 0").isZero();
        assertThat(f.positionTicks()).isEqualTo(30);
        f.realtime(0xFC, t);
        f.tick(t += 20_000);
        assertThat(f.positionTicks()).as("Stop holds the position").isEqualTo(30);
        f.songPosition(16);                                            // 16 sixteenths = 4 beats = 96 ticks
        assertThat(f.positionTicks()).isEqualTo(96);
        f.realtime(0xFB, t);
        f.tick(t += 20_000);
        assertThat(r.ticks.get(r.ticks.size() - 1).position()).as("Continue runs on from the song position").isEqualTo(96);
        f.songPosition(0);
        assertThat(f.positionTicks()).as("song position is ignored while running").isEqualTo(97);
        assertThat(r.transport).containsExactly("start", "stop@30", "position@96", "continue@96");
    }

    @Test void shouldRestartTheTempoLineWhenTheClockPausesAndResumesAtAnotherTempo() {
        MidiClockFollower f = new MidiClockFollower(new Recorder());
        double t = 0;
        for (int i = 0; i < 96; i++) f.tick(Math.round(t += 60e6 / (24 * 120)));
        assertThat(f.bpm()).isCloseTo(120, org.assertj.core.data.Offset.offset(1e-6));
        t += 2_000_000;                                                  // two seconds without ticks
        for (int i = 0; i < 24; i++) f.tick(Math.round(t += 60e6 / (24 * 90)));
        assertThat(f.bpm()).as("one beat after the pause, the new tempo alone").isCloseTo(90, org.assertj.core.data.Offset.offset(0.01));
        assertThat(f.tempoChanges()).as("a pause is a restart, not a detected change").isZero();
    }
}
