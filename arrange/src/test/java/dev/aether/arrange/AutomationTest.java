package dev.aether.arrange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class AutomationTest {
    static final Tempo TEMPO = new Tempo(120, 4);

    static Lane lane() {
        return new Lane(Lane.Target.effect(0, "cutoffHz"), List.of(
                new Lane.Point(Position.beats(0), 100, Curve.EXPONENTIAL),
                new Lane.Point(Position.beats(4), 1600, Curve.LINEAR),
                new Lane.Point(Position.beats(6), 600, Curve.HOLD),
                new Lane.Point(Position.beats(8), 200, Curve.S_CURVE),
                new Lane.Point(Position.beats(10), 400, Curve.LINEAR)));
    }

    static Project project(TimeTransform t) {
        Strip s = Strip.DEFAULT.withEffects(List.of("lowpass(800)")).withLane(lane())
                .withLane(new Lane(Lane.Target.VOLUME, List.of(new Lane.Point(Position.seconds(1), -12, Curve.LINEAR),
                        new Lane.Point(Position.seconds(3), 0, Curve.LINEAR))));
        Track bass = InstrumentTrack.named("bass", "synth(8)").withStrip(s);
        return Project.empty(TEMPO).add(Metatrack.of("verse", List.of(bass)).withTime(t));
    }

    @Test void valuesAtExactTimesAreTheAnalyticCurve() {
        Project p = project(TimeTransform.IDENTITY);
        Lane.Target cut = Lane.Target.effect(0, "cutoffHz");
        assertThat(Automation.valueAt(p, "bass", cut, -1)).as("before the first point").isEqualTo(100);
        assertThat(Automation.valueAt(p, "bass", cut, 0)).isEqualTo(100);
        assertThat(Automation.valueAt(p, "bass", cut, 1.0)).as("exponential half way: geometric mean").isCloseTo(400, within(1e-9));
        assertThat(Automation.valueAt(p, "bass", cut, 0.5)).isCloseTo(100 * Math.pow(16, 0.25), within(1e-9));
        assertThat(Automation.valueAt(p, "bass", cut, 2.0)).isEqualTo(1600);
        assertThat(Automation.valueAt(p, "bass", cut, 2.25)).isCloseTo(1350, within(1e-9));
        assertThat(Automation.valueAt(p, "bass", cut, 3.999)).as("hold").isEqualTo(600);
        assertThat(Automation.valueAt(p, "bass", cut, 4.0)).isEqualTo(200);
        assertThat(Automation.valueAt(p, "bass", cut, 4.5)).as("S-curve half way").isCloseTo(300, within(1e-9));
        assertThat(Automation.valueAt(p, "bass", cut, 4.25)).isCloseTo(200 + 200 * (0.5 - 0.5 * Math.cos(Math.PI * 0.25)), within(1e-9));
        assertThat(Automation.valueAt(p, "bass", cut, 99)).as("after the last").isEqualTo(400);
        assertThat(Automation.valueAt(p, "bass", Lane.Target.VOLUME, 2)).isCloseTo(-6, within(1e-12));
        assertThat(Automation.valueAt(p, "bass", Lane.Target.PAN, 2)).as("no lane: the strip's pan").isEqualTo(0);
    }

    @Test void aLaneInsideAMetatrackFollowsItsTimeTransform() {
        Project plain = project(TimeTransform.IDENTITY);
        Project moved = project(new TimeTransform(Position.bars(2, 4), 0.5, 0, 1));   // offset 4 s, half speed
        Lane.Target cut = Lane.Target.effect(0, "cutoffHz");
        for (double local = -1; local <= 6; local += 0.125) {
            double abs = 4 + local / 0.5;
            assertThat(Automation.valueAt(moved, "bass", cut, abs)).as("local %s s", local)
                    .isCloseTo(Automation.valueAt(plain, "bass", cut, local), within(1e-9));
        }
        List<Breakpoint> b = Automation.breakpoints(moved, "bass", cut);
        assertThat(b).extracting(Breakpoint::seconds).containsExactly(4.0, 8.0, 10.0, 12.0, 14.0);
        assertThat(b).extracting(Breakpoint::curve).containsExactly(Curve.EXPONENTIAL, Curve.LINEAR, Curve.HOLD, Curve.S_CURVE, Curve.LINEAR);
    }

    @Test void aMissingLaneOrEffectIsNamed() {
        Project p = project(TimeTransform.IDENTITY);
        assertThatThrownBy(() -> Automation.breakpoints(p, "bass", Lane.Target.PAN))
                .hasMessageContaining("\"bass\" has no automation lane for pan").hasMessageContaining("fx[0].cutoffHz");
        Track bad = AudioTrack.named("x").withStrip(Strip.DEFAULT.withLane(new Lane(Lane.Target.effect(2, "q"), List.of())));
        assertThatThrownBy(() -> Project.empty(TEMPO).add(bad))
                .hasMessage("track \"x\" automates fx[2].q but its chain has 0 effects; automate an effect that exists");
        assertThatThrownBy(() -> Lane.Target.parse("fx[a].q")).hasMessageContaining("write \"volume\", \"pan\", \"fx[i].param\"");
        assertThat(Lane.Target.parse("fx[3].cutoffHz")).isEqualTo(Lane.Target.effect(3, "cutoffHz"));
    }
}
