package dev.aether.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.core.EngineConfig;
import dev.aether.core.engine.Engine;
import dev.aether.core.testing.Constant;
import dev.aether.core.view.EngineEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** {@link Clock} on an offline engine: transport, quantised edits, committedUntil, and what the audio thread sees. */
class ClockTest {
    private static final int SR = 48_000;

    private static Engine engine() { return Engine.create(EngineConfig.defaults()); }

    private static void render(Engine engine, int frames) {
        float[] out = new float[2 * 4_800];
        for (int done = 0; done < frames; ) {
            int n = Math.min(4_800, frames - done);
            engine.render(out, n);
            done += n;
        }
    }

    private static double beatNow(Engine e) { return e.clock().snapshot().beatAtRt(e.clock().position()); }

    @Test
    void pauseHoldsTheBeatPlayGoesOnStopReturnsToZeroSeekMoves() {
        Engine e = engine();                                    // 120 BPM: 24,000 samples a beat
        render(e, 36_000);
        assertThat(beatNow(e)).isEqualTo(1.5);
        assertThat(e.clock().pause()).as("lands at once offline").isEqualTo(36_000);
        render(e, 48_000);
        assertThat(beatNow(e)).as("paused for 2 beats' time").isEqualTo(1.5);
        assertThat(e.clock().snapshot().stateAt(84_000)).isEqualTo(ClockSnapshot.State.PAUSED);
        e.clock().play();
        render(e, 12_000);
        assertThat(beatNow(e)).isEqualTo(2.0);
        assertThat(e.clock().snapshot().beatAt(96_000)).isEqualTo(Rational.of(2));
        e.clock().seek("3:1:0");
        assertThat(beatNow(e)).as("bar 3 starts at beat 8").isEqualTo(8.0);
        render(e, 24_000);
        assertThat(beatNow(e)).isEqualTo(9.0);
        e.clock().seekSeconds(1.25);
        assertThat(beatNow(e)).isEqualTo(2.5);
        e.clock().stop();
        render(e, 24_000);
        assertThat(beatNow(e)).as("stopped at 0").isZero();
        assertThat(e.clock().snapshot().stateAt(e.clock().position())).isEqualTo(ClockSnapshot.State.STOPPED);
        e.clock().play();
        long at = e.clock().position();
        render(e, 6_000);
        assertThat(beatNow(e)).isEqualTo(0.25);
        assertThat(e.clock().boundaryAtOrAfter(at + 1, Quantum.BAR)).as("the next bar after a play").isEqualTo(at + 96_000);
    }

    @Test
    void withADriverRunningAChangeLandsAfterTheBlockThatMayBeInFlight() {
        Engine e = engine();
        dev.aether.core.testing.ManualDriver driver = new dev.aether.core.testing.ManualDriver();
        e.start(driver);
        float[] out = new float[2 * 64];
        for (int b = 0; b < 10; b++) driver.source().renderRt(out, 64);
        assertThat(e.clock().position()).isEqualTo(640);
        assertThat(e.clock().earliest()).as("the block at 640 may be rendering: one block later").isEqualTo(704);
        long at = e.clock().tempo(150, 0, Quantum.NONE);
        assertThat(at).as("the first tick (25 samples) at or after 704").isEqualTo(725);
        double before = e.clock().snapshot().beatAtRt(704);
        assertThat(before).as("samples before the change keep their beats").isEqualTo(704 / 24_000.0);
        for (int b = 0; b < 2; b++) driver.source().renderRt(out, 64);
        assertThat(e.clock().snapshot().bpmAtRt(725)).isEqualTo(150);
        assertThat(e.clock().snapshot().bpmAtRt(724)).isEqualTo(120);
        e.stop();
    }

    @Test
    void quantisedEditsWaitForTheNextBoundaryAndPausedOnesLandAtOnce() {
        Engine e = engine();
        render(e, 1_000);
        assertThat(e.clock().boundaryAtOrAfter(1_000, Quantum.BEAT)).isEqualTo(24_000);
        assertThat(e.clock().boundaryAtOrAfter(1_000, Quantum.BAR)).isEqualTo(96_000);
        assertThat(e.clock().boundaryAtOrAfter(1_000, Quantum.beats(Rational.of(3, 2)))).isEqualTo(36_000);
        assertThat(e.clock().boundaryAtOrAfter(1_000, Quantum.NONE)).isEqualTo(1_000);
        assertThat(e.clock().resolve(When.NEXT_BAR)).isEqualTo(When.atSample(96_000));
        e.clock().pause();
        assertThat(e.clock().boundaryAtOrAfter(2_000, Quantum.BAR)).as("no beat to wait for").isEqualTo(2_000);
    }

    @Test
    void changesNeverLandBeforeCommittedUntil() {
        Engine e = engine();
        AtomicInteger changes = new AtomicInteger();
        e.clock().onChange(changes::incrementAndGet);
        e.clock().advanceCommitted(100_000);
        e.clock().advanceCommitted(50_000);
        assertThat(e.clock().committedUntil()).as("never backwards").isEqualTo(100_000);
        long v = e.clock().snapshot().version();
        long at = e.clock().tempo(150, 0, Quantum.NONE);
        assertThat(at).as("the first tick at or after committedUntil (a tick is 25 samples)").isEqualTo(100_000);
        assertThat(e.clock().snapshot().version()).isGreaterThan(v);
        assertThat(changes.get()).isEqualTo(1);
        assertThat(e.clock().snapshot().tempoMap().sampleOf(Rational.of(4))).as("queued beats keep their samples").isEqualTo(96_000);
        assertThat(e.clock().tempo(100, 0, Quantum.BAR)).as("bar 2 (beat 8): 100,000 + (8 - 25/6) * 19,200")
                .isEqualTo(173_600);
        ClockSnapshot reserved = e.clock().commit(200_000);
        assertThat(e.clock().tempo(80, 0, Quantum.NONE)).as("a change after a commit lands after it").isGreaterThanOrEqualTo(200_000);
        assertThat(reserved.tempoMap().sampleOf(reserved.beatAt(199_999))).as("the reserved snapshot still holds before it")
                .isEqualTo(e.clock().snapshot().tempoMap().sampleOf(reserved.beatAt(199_999)));
        assertThatThrownBy(() -> e.clock().tempoAtBeat(Rational.of(2), 90, 0))
                .hasMessageContaining("beat 2 (1:3:0) is already played or queued")
                .hasMessageContaining("the earliest beat a change can land on now is 3:1:880");
        assertThatThrownBy(() -> e.clock().metre(3, 0)).hasMessageContaining("bar 1 is already played or queued");
    }

    @Test
    void tempoFromLandsOnTheFirstTickAtOrAfterTheSampleOrCommittedUntilNeverBefore() {
        Engine e = engine();
        e.clock().advanceCommitted(100_000);
        assertThat(e.clock().tempoFrom(0, 150, 0)).as("a sample already queued: committedUntil (a tick is 25 samples)")
                .isEqualTo(100_000);
        long at = e.clock().tempoFrom(200_010, 100, 0);
        assertThat(at).as("a later sample: its first tick (20 samples at 150 BPM)").isBetween(200_010L, 200_029L);
        assertThat(e.clock().snapshot().bpmAtRt(at - 1)).as("150 BPM up to it").isCloseTo(150.0, Offset.offset(1e-9));
        assertThat(e.clock().snapshot().bpmAtRt(at)).as("100 BPM from it").isCloseTo(100.0, Offset.offset(1e-9));
    }

    @Test
    void aRampMovesQuantisedSwapsToTheSamplesOfTheRampClosedForm() {
        Engine e = engine();
        render(e, 1_000);
        long start = e.clock().tempo(180, 8, Quantum.BAR);      // 120 -> 180 over 8 beats from bar 1 (sample 96,000)
        assertThat(start).isEqualTo(96_000);
        double k = 60 / 3.2;                                    // BPM per second: the ramp lasts 120 * 8 / 300 s
        List<Long> expected = new ArrayList<>(), landed = new ArrayList<>();
        float level = 0;
        float[] out = new float[2 * 4_800];
        for (int x = 1; x <= 10; x++) {
            double t = x <= 8 ? (-120 + Math.sqrt(120 * 120 + 2 * k * 60 * x)) / k : 3.2 + (x - 8) / 3.0;
            expected.add(96_000 + Math.round(t * SR));
            render(e, (int) (expected.get(x - 1) - e.clock().position()) - 100);   // just before the beat
            Constant c = new Constant(1 / 64f);
            e.batch(When.NEXT_BEAT, () -> { e.add(c); e.connectToMaster(c.out); });
            level += 1 / 64f;
            for (int i = 0; ; i++) {
                e.render(out, 1);
                if (out[0] == level) { landed.add(e.clock().position() - 1); break; }
            }
        }
        assertThat(landed).isEqualTo(expected);
    }

    @Test
    void anHourOfAnEmptyGraphRendersFastAndTheEngineAgreesWithTheClock() {
        Engine e = engine();
        float[] out = new float[2 * SR];
        long t0 = System.nanoTime();
        List<EngineEvent.Position> positions = new ArrayList<>();
        int checked = 0;
        for (int second = 0; second < 3_600; second++) {
            if (second % 60 == 59) e.clock().tempo(90 + second % 97, second % 300 == 299 ? 16 : 0, Quantum.BEAT);
            if (second == 1_800) e.clock().metre(7);
            e.render(out, SR);
            e.pollEvents(ev -> { if (ev instanceof EngineEvent.Position p) positions.add(p); });
            if (second % 600 == 599) {                          // a swap at the next bar, where the clock says
                long now = e.clock().position();
                long bar = e.clock().boundaryAtOrAfter(now, Quantum.BAR);
                TempoMap map = e.clock().snapshot().tempoMap();
                long n = map.barOf(map.tickAtOrBefore(bar));
                assertThat(map.sampleOfBar(n)).as("a bar starts there").isEqualTo(bar);
                assertThat(map.sampleOfBar(n - 1)).as("the bar before starts before now").isLessThan(now);
                assertThat(bar).isGreaterThanOrEqualTo(now);
                Constant c = new Constant(0.25f);
                e.batch(When.NEXT_BAR, () -> { e.add(c); e.connectToMaster(c.out); });
                float[] one = new float[2];
                long at = now;
                do { e.render(one, 1); at++; } while (one[0] == 0f);
                assertThat(at - 1).as("swap at the bar after %d s", second + 1).isEqualTo(bar);
                e.batch(() -> e.remove(e.idOf(c.out)));
                e.render(out, SR - (int) (at - now));
                checked++;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(checked).isEqualTo(6);
        assertThat(positions).hasSizeGreaterThan(100_000);
        ClockSnapshot s = e.clock().snapshot();
        for (EngineEvent.Position p : positions) {
            assertThat(p.beat()).as("beat reported at %d", p.sample()).isCloseTo(s.beatAtRt(p.sample()), Offset.offset(1e-9));
            assertThat(p.bpm()).isEqualTo(s.bpmAtRt(p.sample()));
        }
        assertThat(seconds).as("an hour of an empty graph, offline").isLessThan(60);
        System.out.printf("an hour of an empty graph rendered in %.1f s%n", seconds);
    }
}
