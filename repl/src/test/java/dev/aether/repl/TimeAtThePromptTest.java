package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.time.ClockSnapshot;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The time verbs typed at a console playing on the paced null driver (real time): {@code now()}, {@code beat()},
 * {@code bar()}, {@code tempo}, {@code metre}, {@code transport}, {@code seek}, {@code :tempo}, {@code :transport}.
 */
class TimeAtThePromptTest {
    LiveConsole live;

    @BeforeEach void start() throws Exception { live = LiveConsole.playing(); }

    @AfterEach void stop() { live.close(); }

    private String eval(String input) { return live.console().eval(input); }

    private double number(String input) {
        String out = eval(input);
        return Double.parseDouble(out.substring(out.indexOf("==>") + 3).trim());
    }

    /** Evaluates {@code input} until its answer contains {@code expected} (up to 2 s); returns the last answer. */
    private String awaitEval(String input, String expected) throws InterruptedException {
        long until = System.nanoTime() + 2_000_000_000L;
        String out = eval(input);
        while (!out.contains(expected) && System.nanoTime() < until) {
            Thread.sleep(20);
            out = eval(input);
        }
        return out;
    }

    @Test
    void nowBeatAndBarFollowTheEngineAndTheTempo() throws Exception {
        Thread.sleep(300);
        String now = eval("now()");
        assertThat(now).containsPattern("\\d+\\.\\d{3} s \\(sample \\d+\\), beat \\d+\\.\\d{3} = \\d+:\\d:\\d+, 120 BPM, playing");
        for (int i = 0; i < 3; i++) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(sample (\\d+)\\), beat (\\d+\\.\\d+)").matcher(eval("now()"));
            assertThat(m.find()).isTrue();
            assertThat(Double.parseDouble(m.group(2))).as("beat: samples / 24,000 at 120 BPM from engine sample 0")
                    .isCloseTo(Long.parseLong(m.group(1)) / 24_000.0, Offset.offset(0.0006));
            Thread.sleep(200);
        }
        double b0 = number("beat()");
        Thread.sleep(500);
        assertThat(number("beat()") - b0).as("time goes on").isGreaterThan(0.5);
        assertThat(number("bar()")).isGreaterThan(b0 / 4);

        eval("tempo(150)");
        assertThat(eval(":tempo")).contains("150 BPM, 4 beats per bar");
        eval("metre(3)");
        assertThat(eval(":tempo")).as("settles on 3 from the next bar").contains("150 BPM, 3 beats per bar");
        eval("tempo(90, 4)");
        assertThat(live.runtime().engine().clock().snapshot().tempoMap().segments())
                .anySatisfy(s -> assertThat(s.isRamp()).isTrue());
        Thread.sleep(3_000);                                  // 4 beats from 150 to 90 last 2 s
        assertThat(eval("now()")).contains(", 90 BPM, playing");
    }

    @Test
    void theTransportPausesPlaysSeeksAndStops() throws Exception {
        eval("transport(\"pause\")");
        assertThat(awaitEval(":transport", ", paused")).as("the pause lands").contains(", paused");
        double held = number("beat()");
        Thread.sleep(300);
        assertThat(number("beat()")).as("paused").isEqualTo(held);
        assertThat(eval(":transport")).contains(", paused");

        eval("seek(\"3:2:0\")");
        assertThat(awaitEval("beat()", "==> 9.0")).as("bar 3 beat 2 is beat 9").endsWith("==> 9.0");
        assertThat(eval("now()")).contains("= 3:2:0, 120 BPM, paused");
        long xruns = live.runtime().engine().stats().xruns(), t0 = System.nanoTime();
        eval("transport(\"play\")");
        Thread.sleep(500);
        double beat = number("beat()"), elapsed = (System.nanoTime() - t0) / 1e9;
        // 2 beats a second from the play, which lands a block or so after the call; a dropout of the engine on a
        // busy machine loses its stall (measured by the engine) from the clock
        double lost = (live.runtime().engine().stats().xruns() - xruns) * live.runtime().engine().stats().worstStallNanos() / 1e9;
        assertThat(beat).as("half a second on (%.3f s since the call, %.3f s lost to dropouts)", elapsed, lost)
                .isBetween(9.8 - 2 * lost, 9 + 2 * elapsed + 0.01);

        eval(":transport seek 4.5s");
        Thread.sleep(50);
        assertThat(number("beat()")).as("4.5 s at 120 BPM, and a little time since").isBetween(9.0, 10.0);
        assertThat(eval(":transport stop")).contains("beat 0.000 = 1:1:0", "stopped");
        assertThat(live.runtime().engine().clock().snapshot().stateAt(live.runtime().engine().clock().position() + 10_000))
                .isEqualTo(ClockSnapshot.State.STOPPED);
    }

    @Test
    void mistakesSayWhatIsExpectedAndChangeNothing() {
        assertThat(eval("transport(\"go\")")).contains("transport(\"go\"): use \"play\", \"pause\" or \"stop\"");
        assertThat(eval("seek(\"9:7:0\")")).contains("bad position '9:7:0': bar 9 has beats 1..4");
        assertThat(eval("seek(\"soon\")")).contains("bad position 'soon'", "\"12:3:480\"", "or seconds as \"42.5s\"");
        assertThat(eval("tempo(5000)")).contains("tempo must be 1..999 BPM, was 5000");
        assertThat(eval("metre(0)")).contains("beats per bar must be 1..32, was 0");
        assertThat(eval(":transport jump")).contains("unknown transport action 'jump'");
        assertThat(eval(":tempo")).contains("120 BPM, 4 beats per bar");
        assertThat(eval(":help verbs")).contains("now()", "tempo(bpm, rampBeats)", "metre(beats)", "transport(\"play\"|\"pause\"|\"stop\")");
    }
}
