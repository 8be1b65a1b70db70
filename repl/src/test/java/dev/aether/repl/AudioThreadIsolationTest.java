package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.repl.console.ScriptedConsole;
import dev.aether.repl.eval.Evaluator;
import dev.aether.testkit.ObservedDriver;
import dev.aether.testkit.signals.Allocations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine plays on a real audio thread (the paced null driver) while the person defines and redefines a
 * node class, so every redefinition is a hot swap: compile, trial run, {@code engine.replace} with a crossfade.
 * Two claims: no compilation or class definition ever runs on the audio thread, and the audio thread
 * allocates nothing while the swaps happen.
 */
class AudioThreadIsolationTest {
    static final String NODE = """
            class Shaper implements DspNode {
                final InputPort in = Ports.audioIn("in");
                final OutputPort out = Ports.audioOut("out");
                double drive = DRIVE;
                public void process(ProcessContext c) {
                    float[] x = c.in(in), y = c.out(out);
                    for (int i = 0; i < c.frames(); i++) y[i] = (float) Math.tanh(drive * x[i]);
                }
            }""";
    static final int SWAPS = 8;

    AetherRuntime rt;
    ScriptedConsole c;
    ObservedDriver driver = new ObservedDriver();

    @BeforeEach void start() throws Exception {
        LiveConsole live = LiveConsole.start();
        rt = live.runtime();
        c = live.console();
        rt.engine().start(driver);
    }

    @AfterEach void stop() {
        c.close();
        rt.close();
    }

    static String version(int v) { return NODE.replace("DRIVE", (1 + v) + ".0"); }

    /** Defines the class and plays it; returns the swap line of each redefinition. */
    private String redefine(int v) {
        String out = c.eval(version(v));
        assertThat(out).as("redefinition %d", v).startsWith("replaced class Shaper\nswapped Shaper#");
        return out;
    }

    @Test void shouldNeverCompileOrDefineClassesOnTheAudioThread() throws Exception {
        Thread audio = driver.audioThread();
        List<String> seenOnAudio = new ArrayList<>();
        boolean[] sampling = {true};
        Thread sampler = new Thread(() -> {                    // second line of evidence: what the audio thread runs
            while (sampling[0]) {
                StackTraceElement[] trace = audio.getStackTrace();
                for (StackTraceElement f : trace) {
                    String k = f.getClassName();
                    if (k.startsWith("com.sun.tools.javac.") || k.startsWith("jdk.jshell.")
                            || k.startsWith("dev.aether.repl.eval.") || k.equals("java.lang.ClassLoader")) {
                        synchronized (seenOnAudio) { seenOnAudio.add(k + "." + f.getMethodName() + " in " + Arrays.toString(trace)); }
                    }
                }
                try { Thread.sleep(1); } catch (InterruptedException e) { return; }
            }
        }, "sampler");
        sampler.start();
        try {
            assertThat(c.eval(version(0))).isEqualTo("created class Shaper");
            c.eval("play(sine(220).to(new Shaper()))");
            for (int v = 1; v <= SWAPS; v++) redefine(v);
            c.eval("int twice(int x) { return 2 * x; }");
            assertThat(c.eval("twice(21)")).endsWith("==> 42");
        } finally {
            sampling[0] = false;
            sampler.join();
        }
        assertThat(driver.blocks()).as("blocks the audio thread rendered meanwhile").isGreaterThan(100);
        var threads = rt.evaluator().compileThreads();
        assertThat(threads.ids()).as("threads that compiled or defined classes: %s", threads.names())
                .doesNotContain(audio.getId());
        assertThat(threads.names()).as("the evaluation worker does all compiling").containsExactly(Evaluator.THREAD_NAME);
        assertThat(seenOnAudio).as("compiler, JShell or class-loading frames sampled on the audio thread").isEmpty();
    }

    @Test void shouldNotAllocateOnTheAudioThreadDuringHotSwaps() throws Exception {
        Thread audio = driver.audioThread();
        c.eval(version(0));
        c.eval("play(sine(220).to(new Shaper()))");
        redefine(100);                                          // warm the swap path once (trial, replace, crossfade)
        redefine(101);
        Thread.sleep(1_500);                                    // the JIT settles on the steady loop
        long[] windows = new long[SWAPS + 1];
        for (int v = 1; v <= SWAPS; v++) {
            long before = Allocations.of(audio);
            redefine(v);
            Thread.sleep(60);                                   // the 10 ms crossfade finishes; the old plan goes back
            windows[v - 1] = Allocations.of(audio) - before;
        }
        long before = Allocations.of(audio);
        Thread.sleep(300);
        windows[SWAPS] = Allocations.of(audio) - before;
        long nonZero = Arrays.stream(windows).filter(b -> b != 0).count();
        long total = Arrays.stream(windows).sum();
        // As core's ZeroAllocationTest: a rare JIT deoptimisation can cost a one-off ~200 bytes inside the VM.
        assertThat(nonZero).as("windows (one per hot swap, then a quiet one) in which the audio thread allocated: %s",
                Arrays.toString(windows)).isLessThanOrEqualTo(1);
        assertThat(total).as("bytes the audio thread allocated across %d hot swaps: %s", SWAPS,
                Arrays.toString(windows)).isLessThanOrEqualTo(512);
        assertThat(driver.blocks()).as("the audio thread kept rendering").isGreaterThan(1_000);
    }

    @Test void shouldSeeTheAllocationsOfANodeThatAllocatesSoTheMeasurementCanFail() throws Exception {
        Thread audio = driver.audioThread();
        c.eval(NODE.replace("DRIVE", "1.0").replace("double drive", "static Object sink; double drive")
                .replace("float[] x = c.in(in)", "sink = new float[c.frames()]; float[] x = c.in(in)"));
        c.eval("play(sine(220).to(new Shaper()))");
        Thread.sleep(200);
        long before = Allocations.of(audio);
        Thread.sleep(200);
        assertThat(Allocations.of(audio) - before).as("bytes a node allocating 64 floats a block costs in 0.2 s")
                .isGreaterThan(100L * 64 * 4);
    }
}
