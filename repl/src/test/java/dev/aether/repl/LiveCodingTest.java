package dev.aether.repl;

import dev.aether.core.io.WavFormat;
import dev.aether.core.io.WavWriter;
import dev.aether.testkit.signals.Signals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.EngineConfig;
import dev.aether.repl.console.ConsoleConfig;
import dev.aether.repl.console.ScriptedConsole;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real console, typed at, with the engine rendered offline between inputs. */
class LiveCodingTest {
    static final String FUZZ_V1 = """
            class Fuzz implements DspNode {
                final InputPort in = Ports.audioIn("in");
                final OutputPort out = Ports.audioOut("out");
                double drive = 1;
                public void process(ProcessContext c) {
                    float[] x = c.in(in), y = c.out(out);
                    for (int i = 0; i < c.frames(); i++) y[i] = (float) Math.tanh(drive * x[i]);
                }
            }""";
    static final String FUZZ_V2 = FUZZ_V1.replace("Math.tanh(drive * x[i])", "Math.tanh(8 * drive * x[i])");

    AetherRuntime rt;
    ScriptedConsole c;

    @BeforeEach void start() throws Exception {
        LiveConsole live = LiveConsole.start();
        rt = live.runtime();
        c = live.console();
    }

    @AfterEach void stop() {
        c.close();
        rt.close();
    }

    float[] render(double seconds) {
        int frames = (int) (seconds * 48_000);
        float[] out = new float[2 * frames];
        rt.engine().render(out, frames);
        rt.faults().drain();
        return out;
    }

    @Test void shouldPlayASineAt440HzFromTheExactReadmeLine() {
        c.eval("play(sine(440))");
        render(0.1);                                                   // fade-in
        float[] y = render(1.0);
        assertThat(Signals.upwardZeroCrossings(Signals.left(y))).as("upward zero crossings in 1 s").isBetween(439, 441);
        assertThat(Signals.peak(y)).as("a sine that is heard").isGreaterThan(0.5);
    }

    @Test void shouldPlayASampleFileFromThePrelude(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path wav = dir.resolve("tone.wav");
        float[] tone = new float[48_000];
        for (int i = 0; i < tone.length; i++) tone[i] = (float) (0.5 * Math.sin(2 * Math.PI * 300 * i / 48_000.0));
        try (var w = dev.aether.core.io.WavWriter.open(wav, dev.aether.core.io.WavFormat.PCM_16, 1, 48_000)) {
            w.write(tone, tone.length);
        }
        c.eval("play(sample(\"" + wav.toString().replace("\\", "/") + "\"))");
        render(0.1);
        float[] y = render(0.5);
        assertThat(Signals.upwardZeroCrossings(Signals.left(y))).as("upward zero crossings of a 300 Hz file in 0.5 s")
                .isBetween(149, 151);
        assertThat(c.eval("sample(\"/no/such/file.wav\")")).as("a missing file is named").contains("/no/such/file.wav");
    }

    @Test void shouldHotSwapARedefinedNodeAndChangeTheSound() {
        assertThat(c.eval(FUZZ_V1)).isEqualTo("created class Fuzz");
        c.eval("var f = new Fuzz();");
        c.eval("play(sine(220).to(gain01()).to(f))".replace(".to(gain01())", ""));
        render(0.2);
        float[] before = render(0.5);
        String swap = c.eval(FUZZ_V2);
        assertThat(swap).startsWith("replaced class Fuzz\nnote: variable f is gone").contains("\nswapped Fuzz#", "carried: drive;");
        render(0.2);
        float[] after = render(0.5);
        assertThat(rms(after)).as("8x drive is louder after tanh").isGreaterThan(rms(before) * 1.2);
    }

    /** One candidate per swap is trialled, warmed and played; it continues from the live node, not from its trial. */
    @Test void shouldBuildOneCandidatePerSwapThatContinuesFromTheLiveNodesState() throws Exception {
        String v1 = """
                class Counter implements DspNode {
                    static int made;
                    final OutputPort out = Ports.audioOut("out");
                    long samples;
                    Counter() { made++; }
                    public void process(ProcessContext c) {
                        samples += c.frames();
                        java.util.Arrays.fill(c.out(out), 0, c.frames(), 0.1f);
                    }
                }""";
        c.eval(v1);
        c.eval("play(new Counter())");
        render(0.2);
        long live = samplesOfLiveCounter();
        assertThat(live).as("samples the live Counter rendered").isGreaterThanOrEqualTo(9_600);
        String swap = c.eval(v1.replace("0.1f", "0.2f"));
        assertThat(swap).contains("swapped Counter#", "carried: samples;");
        assertThat(c.eval("Counter.made")).as("instances of the new class built by the swap").endsWith("==> 1");
        assertThat(samplesOfLiveCounter()).as("the new Counter continues from the live one, not from its trial")
                .isEqualTo(live);
        render(0.1);
        assertThat(samplesOfLiveCounter()).as("and it plays").isEqualTo(live + 4_800);
    }

    private long samplesOfLiveCounter() throws ReflectiveOperationException {
        for (var n : rt.engine().nodes()) {
            if (n.node().getClass().getSimpleName().equals("Counter")) {
                java.lang.reflect.Field f = n.node().getClass().getDeclaredField("samples");
                f.setAccessible(true);
                return f.getLong(n.node());
            }
        }
        throw new AssertionError("no live Counter in " + rt.engine().nodes());
    }

    @Test void shouldKeepTheAudioBitIdenticalAfterACompileError() throws Exception {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        AetherRuntime[] reference = new AetherRuntime[1];
        try (ScriptedConsole ref = new ScriptedConsole(t -> (reference[0] = new AetherRuntime(EngineConfig.defaults(),
                t, ConsoleConfig.scripted(), null, quiet)).console()).sharedEvaluator()) {
            for (ScriptedConsole x : new ScriptedConsole[] {c, ref}) {
                x.eval(FUZZ_V1);
                x.eval("play(sine(220).to(new Fuzz()))");
            }
            String err = c.eval(FUZZ_V1.replace("double drive = 1;", "double drive = nope;"));
            assertThat(err).contains("error: cannot find symbol", "at line 4, column 20:",
                    "      double drive = nope;\n                     ^~~~");
            float[] withError = render(0.5);
            float[] without = new float[withError.length];
            reference[0].engine().render(without, without.length / 2);
            assertThat(Arrays.equals(withError, without)).as("audio after a compile error is bit-identical").isTrue();
        } finally {
            reference[0].close();
        }
    }

    @Test void shouldRejectASwapWhoseTrialProducesNaNAndKeepTheOldCode() {
        c.eval(FUZZ_V1);
        c.eval("play(sine(220).to(new Fuzz()))");
        render(0.2);
        float[] before = render(0.1);
        String out = c.eval(FUZZ_V1.replace("Math.tanh(drive * x[i])", "Float.NaN"));
        assertThat(out).contains("kept old Fuzz#", "wrote NaN to output 'out'", "the old code keeps playing");
        float[] after = render(0.1);
        assertThat(rms(after)).isCloseTo(rms(before), org.assertj.core.data.Offset.offset(0.01));
    }

    /** The trial runs a candidate with its inputs unconnected too, so a bug on that path is caught before it plays. */
    @Test void shouldRejectASwapThatThrowsOnlyWithItsInputUnconnected() {
        String v1 = """
                class Thru implements DspNode {
                    final InputPort in = Ports.audioIn("in");
                    final OutputPort out = Ports.audioOut("out");
                    public void process(ProcessContext c) {
                        float[] y = c.out(out);
                        if (!c.connected(in)) { java.util.Arrays.fill(y, 0, c.frames(), 0f); return; }
                        System.arraycopy(c.in(in), 0, y, 0, c.frames());
                    }
                }""";
        c.eval(v1);
        c.eval("play(sine(220).to(new Thru()))");
        render(0.2);
        String out = c.eval(v1.replace("java.util.Arrays.fill(y, 0, c.frames(), 0f); return;",
                "throw new IllegalStateException(\"nothing patched in\");"));
        assertThat(out).contains("kept old Thru#", "IllegalStateException: nothing patched in", "inputs unconnected",
                "the old code keeps playing");
        assertThat(rms(render(0.1))).as("the old Thru still passes the sine").isGreaterThan(0.1);
    }

    @Test void shouldPrintAFaultAboveThePromptNamingTheNodeAndCause() {
        c.eval("""
                class Boom implements DspNode {
                    final OutputPort out = Ports.audioOut("out");
                    int blocks;
                    public void process(ProcessContext c) {
                        if (++blocks > 3) throw new IllegalStateException("kaboom");
                        java.util.Arrays.fill(c.out(out), 0, c.frames(), 0f);
                    }
                }""");
        c.eval("play(new Boom())");
        c.take();
        render(0.05);
        String screen = c.awaitOutput("kaboom", 5_000);
        assertThat(screen).contains("fault in Boom#", "IllegalStateException: kaboom");
    }

    @Test void shouldCompileOnTheEvaluationWorkerThread() {
        assertThat(c.eval("Thread.currentThread().getName()")).endsWith("==> \"aether-eval\"");
    }

    static double rms(float[] x) { return Signals.rms(x); }

}
