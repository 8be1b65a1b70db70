package dev.aether.bench;

import dev.aether.core.time.Rational;
import dev.aether.sequencing.pattern.MiniNotation;
import dev.aether.sequencing.pattern.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a look-ahead scheduler pays to ask patterns for their onsets: {@code patterns} mini-notation patterns of
 * 16 onsets per cycle each, queried for one 10 ms window at 140 BPM in 4/4 (7/1200 of a cycle), the window
 * advancing each op as a scheduler's cursor does. The op's time over 10 ms is the share of a core the queries take.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PatternQueryBenchmark {
    /** Patterns of 16 onsets per cycle, of the shapes people write: plain, nested, alternating, Euclidean, random. */
    private static final String[] SIXTEEN_PER_CYCLE = {
        "hh*16",
        "bd*4 [~ sn]*2 [hh hh]*4 cp*2",
        "[c4 e4 g4 c5]*4",
        "<a b>*8 [c d]*4",
        "bd(5,8)*2 [hh hh hh]*2",
        "{a b c}%16",
    };

    @Param({"1", "64"})
    public int patterns;

    private final List<Pattern<String>> playing = new ArrayList<>();
    private static final Rational WINDOW = Rational.of(10 * 140, 4 * 60_000);   // 10 ms at 140 BPM, 4 beats a cycle
    private Rational cursor = Rational.ZERO;

    @Setup
    public void parse() {
        for (int i = 0; i < patterns; i++) playing.add(MiniNotation.parse(SIXTEEN_PER_CYCLE[i % SIXTEEN_PER_CYCLE.length]));
        for (Pattern<String> p : playing) {
            int n = p.onsets(Rational.ZERO, Rational.ONE).size();
            if (n != 16) throw new IllegalStateException("a benchmark pattern has " + n + " onsets per cycle, not 16");
        }
    }

    /** The onsets of every pattern in the next window. */
    @Benchmark
    public int queryWindow() {
        Rational next = cursor.plus(WINDOW);
        int events = 0;
        for (Pattern<String> p : playing) events += p.onsets(cursor, next).size();
        cursor = next.compareTo(Rational.of(1_000_000)) < 0 ? next : Rational.ZERO;
        return events;
    }
}
