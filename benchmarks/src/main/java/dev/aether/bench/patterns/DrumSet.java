package dev.aether.bench.patterns;

import dev.aether.core.engine.Engine;
import dev.aether.core.time.Rational;
import dev.aether.core.time.TempoMap;
import dev.aether.core.time.When;
import dev.aether.nodes.drum.DrumKit;
import dev.aether.sequencing.schedule.LookAheadScheduler;
import dev.aether.sequencing.schedule.PatternTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * The pattern load of issue 10's proof: {@value #PATTERNS} patterns of 16 events per cycle at {@value #BPM} BPM in
 * 4/4, on {@value #KITS} synthesised drum kits (pattern {@code i} on kit {@code i % KITS}), at 48 kHz. Pattern
 * {@code i} is {@code [n(i) n(i+1) n(i+2) n(i+3)]*4} over the kit's names: 16 evenly spaced hits per bar.
 */
public final class DrumSet {
    public static final int PATTERNS = 64, KITS = 8, RATE = 48_000;
    public static final double BPM = 140;
    /** Seven bars at 140 BPM are exactly 576,000 samples (12 s): the events repeat with this period. */
    public static final int PERIOD_SAMPLES = 576_000, PERIOD_BARS = 7;

    public final DrumKit[] kits = new DrumKit[KITS];

    /** Adds the kits to {@code engine}, into the master, and sets the tempo. */
    public DrumSet(Engine engine) {
        for (int k = 0; k < KITS; k++) {
            kits[k] = new DrumKit();
            engine.add(kits[k]);
            engine.connectToMaster(kits[k].out);
        }
        engine.tempo(BPM, 4, When.NOW);
    }

    public static String notation(int i) {
        List<String> n = DrumKit.NAMES;
        return "[" + n.get(i % 8) + " " + n.get((i + 1) % 8) + " " + n.get((i + 2) % 8) + " " + n.get((i + 3) % 8) + "]*4";
    }

    /** Plays the {@value #PATTERNS} patterns on {@code scheduler}, pattern {@code i} into {@code target(i)}. */
    public void play(LookAheadScheduler scheduler, java.util.function.IntFunction<PatternTarget<Integer>> target) {
        for (int i = 0; i < PATTERNS; i++) scheduler.play("p" + i, notation(i), target.apply(i));
    }

    /** The kit's own target for pattern {@code i}. */
    public PatternTarget<Integer> kitTarget(int i) { return PatternTarget.hits(kits[i % KITS], 1.0); }

    /**
     * The engine samples the tempo map gives for the 16 steps of each bar from bar {@code fromBar} (inclusive) while
     * their sample is below {@code untilSample}: where every pattern's hits must land.
     */
    public static List<Long> exactSteps(TempoMap map, long fromBar, long untilSample) {
        List<Long> out = new ArrayList<>();
        for (long step = fromBar * 16; ; step++) {
            long s = map.sampleOf(Rational.of(step, 4));         // 16 steps per 4-beat bar: a step is a quarter beat
            if (s >= untilSample) return out;
            out.add(s);
        }
    }
}
