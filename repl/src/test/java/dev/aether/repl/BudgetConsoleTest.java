package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.view.OutputTap;
import dev.aether.repl.console.ScriptedConsole;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console on the paced null driver, a slot playing a sine, and a user node that starts spinning in
 * {@code process}: the budget stops it, the fault line names node, method and the line as typed, and the master
 * (recorded through a tap) has no gap around the fault.
 */
class BudgetConsoleTest {
    static final int BLOCK = 64;
    static final String SPIN = """
            class Spin implements DspNode {
                final OutputPort out = Ports.audioOut("out");
                int blocks;
                public void process(ProcessContext c) {
                    java.util.Arrays.fill(c.out(out), 0, c.frames(), 0f);
                    double x = 0;
                    while (++blocks > %d) {
                        x += 1;
                    }
                }
            }""";

    LiveConsole live;
    ScriptedConsole c;

    @BeforeEach void start() throws Exception {
        live = LiveConsole.playing();
        c = live.console();
    }

    @AfterEach void stop() { live.close(); }

    @Test void aNodeThatStartsSpinningIsBypassedAndTheSineKeepsPlayingWithoutAGap() throws Exception {
        c.eval("def(\"tone\", sine(441))");
        c.eval(SPIN.formatted(1_000));
        Thread.sleep(300);                                              // the tone fades in
        OutputTap tap = live.runtime().engine().openTap(48_000 * 20);
        String shown = c.eval("play(new Spin())");
        String fault = awaitFault(shown);
        assertThat(fault).contains("Spin#").contains(" ran past its budget (10.67 ms per block) in process, line 7 — "
                + "bypassed; fix it and redefine Spin to swap it back in");
        Thread.sleep(500);
        float[] recorded = read(tap);
        live.runtime().engine().closeTap(tap);
        assertThat(tap.droppedFrames()).isZero();
        assertThat(recorded.length / 2).as("frames recorded").isGreaterThan(48_000);
        assertNoGap(recorded);
        assertThat(c.eval(":graph")).as(shown).contains("SineOscillator", "Spin");
    }

    @Test void aNodeThatSpinsFromItsFirstBlockInTheEngineIsBypassed() throws Exception {
        c.eval("def(\"tone\", sine(441))");
        c.eval(SPIN.formatted(0).replace("int blocks;", "static volatile boolean go; int blocks;")
                .replace("while (++blocks > 0)", "while (go && ++blocks > 0)"));
        c.eval("var s = new Spin();");
        c.eval("play(s)");
        Thread.sleep(300);
        OutputTap tap = live.runtime().engine().openTap(48_000 * 20);
        String fault = awaitFault(c.eval("Spin.go = true;"));
        assertThat(fault).contains("in process, line 7 — bypassed");
        Thread.sleep(300);
        float[] recorded = read(tap);
        live.runtime().engine().closeTap(tap);
        assertNoGap(recorded);
    }

    /** The fault line: in {@code shown} (printed while an input was answered) or printed later. */
    private String awaitFault(String shown) {
        return shown.contains("ran past its budget") ? shown : c.awaitOutput("ran past its budget", 30_000);
    }

    private static float[] read(OutputTap tap) {
        float[] all = new float[2 * 48_000 * 20];
        int n = tap.read(all);
        return Arrays.copyOf(all, n);
    }

    /**
     * The tone is a 441 Hz sine: between two samples it moves at most 2 pi 441 / 48000 (5 % more allowed). The spin
     * stalls the driver for the budget, one device buffer: the engine then resynchronises and fades the master in
     * over one block, a jump to near zero and a ramp. Every step too large, and every run of silence, must lie within
     * one block: no block of the sine is lost.
     */
    private static void assertNoGap(float[] interleaved) {
        int frames = interleaved.length / 2;
        double maxStep = 2 * Math.PI * 441 / 48_000 * 1.05;
        int quiet = 0, longestQuiet = 0, firstJump = -1, lastJump = -1;
        for (int i = 1; i < frames; i++) {
            float l = interleaved[2 * i], prev = interleaved[2 * i - 2];
            if (Math.abs(l - prev) > maxStep) {
                if (firstJump < 0) firstJump = i;
                lastJump = i;
            }
            quiet = Math.abs(l) < 1e-4 ? quiet + 1 : 0;
            longestQuiet = Math.max(longestQuiet, quiet);
        }
        System.out.printf("recorded %d frames: jumps from frame %d to %d, longest silence %d frames%n", frames,
                firstJump, lastJump, longestQuiet);
        assertThat(lastJump - firstJump).as("frames between the first and last jump").isLessThanOrEqualTo(BLOCK);
        assertThat(longestQuiet).as("longest run of silence, frames").isLessThanOrEqualTo(BLOCK);
    }
}
